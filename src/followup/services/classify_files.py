"""`followup classify`: what the product reads from single .eml files (design.md's CLI contract)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from followup.domain.classify import read
from followup.domain.model import Identity
from followup.domain.parse import parse

MAX_FILE_BYTES = 64 * 1024 * 1024


def _zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name) if name else UTC
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def classify_file(path: Path, user: Identity) -> dict[str, Any]:
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
    r = read(message, user)
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
    return [classify_file(p, base) for p in paths]


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
