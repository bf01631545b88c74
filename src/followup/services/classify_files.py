"""`followup classify`: what the product reads from single .eml files (design.md's CLI contract).

Several files that thread onto each other (Message-ID, In-Reply-To, References) are read as a careful
reader reads a thread: in date order, each one in the context of the ones before it that were read as
hiring mail (``followup.domain.context``). A file alone, or one that threads onto no hiring file, is read
exactly as it would be by itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from followup.domain.classify import read
from followup.domain.context import Context, ThreadIndex, heads_of_message
from followup.domain.model import Identity, Message, Reading
from followup.domain.parse import parse

MAX_FILE_BYTES = 64 * 1024 * 1024


def _zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name) if name else UTC
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def _load(path: Path, user: Identity) -> tuple[Message, Identity] | dict[str, Any]:
    """The file's message and whose mailbox it is, or the error entry."""
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return {"file": str(path), "kind": None, "error": f"cannot read: {exc.strerror or exc}"}
    truncated = len(raw) > MAX_FILE_BYTES
    message = parse(raw[:MAX_FILE_BYTES], truncated=truncated)
    if not user.addresses:
        # no identity configured: the server's delivery header still says whose mailbox this is
        owner = message.headers.get("delivered-to", "").strip(" <>").lower()
        if "@" in owner:
            user = Identity(user.name, (owner,), user.timezone)
    return message, user


def classify_file(path: Path, user: Identity) -> dict[str, Any]:
    loaded = _load(path, user)
    if isinstance(loaded, dict):
        return loaded
    message, user = loaded
    return _entry(path, message, read(message, user), user)


def _entry(path: Path, message: Message, r: Reading, user: Identity) -> dict[str, Any]:
    tz = _zone(user.timezone)

    def local(dt: datetime | None) -> str | None:  # the same instant, written in the user's zone
        return dt.astimezone(tz).isoformat() if dt is not None else None

    return {
        "file": str(path),
        "kind": str(r.kind),
        "company": r.company,
        "role": r.role,
        "interview_start": local(r.interview_start),
        "interview_end": local(r.interview_end),
        "interviewers": [{"name": p.name, "email": p.email} for p in r.interviewers],
        "decision_expected_by": r.decision_expected_by.isoformat() if r.decision_expected_by else None,
        "evidence": list(r.evidence),
        "confidence": round(r.confidence, 2),
        "promise": r.promise,
        "request_deadline": r.request_deadline.isoformat() if r.request_deadline else None,
        "from_user": r.from_user,
        "automated": r.automated,
        "notes": list(r.notes) + list(message.defects),
        "error": None,
    }


def classify_files(
    paths: Sequence[Path], user: Identity | None, *, extra_addresses: Sequence[str] = ()
) -> list[dict[str, Any]]:
    base = user or Identity(name="", addresses=(), timezone="UTC")
    if extra_addresses:
        base = Identity(
            base.name, tuple(base.addresses) + tuple(a.lower() for a in extra_addresses), base.timezone
        )
    if len(paths) < 2:
        return [classify_file(p, base) for p in paths]
    loaded = [_load(p, base) for p in paths]
    readings = read_in_threads([x for x in loaded if not isinstance(x, dict)])
    out: list[dict[str, Any]] = []
    got = iter(readings)
    for path, x in zip(paths, loaded, strict=True):
        if isinstance(x, dict):
            out.append(x)
        else:
            message, user = x
            out.append(_entry(path, message, next(got), user))
    return out


def read_in_threads(mail: Sequence[tuple[Message, Identity]], *, senders: bool = False) -> list[Reading]:
    """Read a set of messages, each in the context of the hiring mail it threads onto (In-Reply-To,
    References). Date order decides which is the parent; a message with no Date comes after the dated
    ones, in the given order. A message threading onto no hiring message is read as it is alone.
    ``senders``: also give context to other mail from a person who wrote hiring mail, as a sync does
    (the CLI does not: files are single messages, not one mailbox). Returns readings in the given order."""
    index = ThreadIndex(senders=senders)
    order = sorted(
        range(len(mail)),
        key=lambda i: (mail[i][0].date is None, mail[i][0].date.timestamp() if mail[i][0].date else 0.0, i),
    )
    readings: dict[int, Reading] = {}
    for i in order:
        message, user = mail[i]
        heads = heads_of_message(message)
        context: Context | None = index.context(heads)
        if context is None or not context.hiring_thread:
            context = None
        reading = read(message, user, context)
        readings[i] = reading
        index.learn(heads, reading, _people(message))
    return [readings[i] for i in range(len(mail))]


def _people(message: Message) -> tuple[str, ...]:
    return tuple(a.email for a in (message.sender, *message.reply_to) if a is not None)


def render_text(results: Sequence[dict[str, Any]]) -> str:
    lines = []
    for r in results:
        if r.get("error"):
            lines.append(f"{r['file']}: {r['error']}")
            continue
        lines.append(f"{r['file']}: {r['kind']} ({r['confidence']:.2f})")
        for key in ("company", "role", "interview_start", "interview_end", "decision_expected_by"):
            if r.get(key):
                lines.append(f"  {key}: {r[key]}")
        if r["interviewers"]:
            lines.append("  interviewers: " + ", ".join(p["email"] or p["name"] for p in r["interviewers"]))
        if r["evidence"]:
            lines.append("  because: " + " | ".join(r["evidence"]))
    return "\n".join(lines)
