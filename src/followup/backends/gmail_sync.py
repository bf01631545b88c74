"""Pure helpers of the Gmail backend: the cursor, search queries, and turning API values into ours.

Cursor (JSON, opaque to callers)::

    {"v": 1, "history_id": "12345"}                                   incremental sync from here
    {"v": 1, "history_id": "12345", "full_since": S, "full_before": B} a first sync still under way

``history_id`` is read from the profile BEFORE the first listing, so mail that arrives while a first
sync runs is seen again by the next incremental sync (the caller dedupes by Message-ID). A first sync
interrupted after some batches resumes with ``before:B`` (messages.list returns newest first).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from followup.backends.base import DRAFTS, INBOX, SENT
from followup.domain.compose import draft_message_id

CURSOR_VERSION = 1


@dataclass(frozen=True)
class Cursor:
    history_id: str
    full_since: int | None = None  # epoch seconds: a first sync from here is under way
    full_before: int | None = None  # epoch seconds: ... and everything at/after this is stored

    def dumps(self) -> str:
        data: dict[str, Any] = {"v": CURSOR_VERSION, "history_id": self.history_id}
        if self.full_since is not None:
            data["full_since"] = self.full_since
        if self.full_before is not None:
            data["full_before"] = self.full_before
        return json.dumps(data, sort_keys=True)

    @classmethod
    def loads(cls, text: str | None) -> Cursor | None:
        """The stored cursor, or None when absent or unreadable (then a full sync runs)."""
        if not text:
            return None
        try:
            data = json.loads(text)
            if data.get("v") != CURSOR_VERSION or not str(data.get("history_id", "")).isdigit():
                return None
            since = data.get("full_since")
            before = data.get("full_before")
            return cls(
                str(data["history_id"]),
                int(since) if since is not None else None,
                int(before) if before is not None else None,
            )
        except (ValueError, TypeError, AttributeError):
            return None


def listing_query(since: int, before: int | None = None, larger_than: int | None = None) -> str:
    """Gmail search for INBOX and Sent mail after ``since`` (epoch seconds)."""
    parts = ["(in:inbox OR in:sent)", f"after:{since}"]
    if before is not None:
        parts.append(f"before:{before}")
    if larger_than is not None:
        parts.append(f"larger:{larger_than}")
    return " ".join(parts)


MSGID_FALLBACK_DOMAIN = "followup.invalid"


def followup_message_id(key: str, domain: str = MSGID_FALLBACK_DOMAIN) -> str:
    """The Message-ID a followup draft carries, derived from its idempotency key (with brackets).

    Gmail search cannot match arbitrary headers, but it can match a Message-ID (``rfc822msgid:``), so
    a draft's Message-ID must follow from its key alone: ``<followup.<sha256(key)[:32]>@<domain>>``,
    with ``domain`` the user's mail domain (the Gmail address's) or ``followup.invalid``.
    """
    return draft_message_id(key, domain)


def msgid_query(message_ids: Iterable[str], where: str = "") -> str:
    terms = [f"rfc822msgid:{m.strip().strip('<>')}" for m in message_ids]
    joined = terms[0] if len(terms) == 1 else "(" + " OR ".join(terms) + ")"
    return f"{where} {joined}".strip()


def b64decode(data: str) -> bytes:
    return base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))


def b64encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii")


def folder_of(label_ids: Sequence[str]) -> str | None:
    """INBOX or SENT for a message's labels (SENT wins for mail to oneself); None for neither."""
    if "SENT" in label_ids:
        return SENT
    if "INBOX" in label_ids:
        return INBOX
    return None


def draft_folder_of(label_ids: Sequence[str]) -> str | None:
    if "DRAFT" in label_ids:
        return DRAFTS
    if "SENT" in label_ids:
        return SENT
    return None


def internal_date(message: Mapping[str, Any]) -> datetime | None:
    value = str(message.get("internalDate") or "")
    if not value.isdigit():
        return None
    return datetime.fromtimestamp(int(value) / 1000, tz=UTC)


def header_block(headers: Iterable[Mapping[str, str]]) -> bytes:
    """An RFC 822 header block rebuilt from a ``format=metadata`` answer (for oversized mail)."""
    lines = []
    for h in headers:
        name = str(h.get("name", "")).strip()
        value = str(h.get("value", "")).replace("\r", " ").replace("\n", " ")
        if name:
            lines.append(f"{name}: {value}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8", "surrogateescape")


_FOLDERS = frozenset({"INBOX", "SENT"})


def history_additions(records: Iterable[Mapping[str, Any]]) -> list[tuple[int, str, list[str]]]:
    """(history record id, message id, label ids) of every message that arrived in INBOX or Sent, in
    record order, deduped.

    A message counts when it is added (``messagesAdded``) or when INBOX/SENT is added to it
    (``labelsAdded``): Gmail may send a draft by swapping its DRAFT label for SENT under the same id,
    which history shows only as a label change. Entries in neither folder (a draft being saved) are
    skipped before deduping, so they never hide the later arrival of the same message.
    """
    seen: set[str] = set()
    out: list[tuple[int, str, list[str]]] = []
    for record in sorted(records, key=lambda r: int(r.get("id", 0))):
        rid = int(record.get("id", 0))
        entries = [(a.get("message") or {}, None) for a in record.get("messagesAdded") or ()]
        entries += [(a.get("message") or {}, a.get("labelIds") or ()) for a in record.get("labelsAdded") or ()]
        for msg, added_labels in entries:
            mid = str(msg.get("id") or "")
            labels = list(msg.get("labelIds") or ())
            if added_labels is not None and not _FOLDERS & set(added_labels):
                continue  # a label change that does not bring the message into INBOX or Sent
            if added_labels is None and labels and not _FOLDERS & set(labels):
                continue  # added outside INBOX/Sent (e.g. a draft): its arrival may come later
            if mid and mid not in seen:
                seen.add(mid)
                out.append((rid, mid, labels))
    return out


def safe_history_id(additions: Sequence[tuple[int, str, list[str]]], done: int, start: str) -> str:
    """The history id that is safe to store once the first ``done`` additions are stored.

    A record is covered when all its additions are done; the answer is the last covered record's id
    (or ``start`` when none is).
    """
    if done <= 0:
        return start
    if done >= len(additions):
        return str(additions[-1][0])
    last_done, next_up = additions[done - 1][0], additions[done][0]
    if last_done != next_up:
        return str(last_done)
    earlier = [rid for rid, _, _ in additions[:done] if rid < next_up]
    return str(max(earlier)) if earlier else start
