"""The narrow interface between followup and a mail account.

Everything above this module is backend-agnostic. Two real implementations (``imap``, ``gmail``) and
an in-memory one (``memory``) for tests and ``--dry-run`` share it.

Rules every implementation keeps:
- reading never changes a message (IMAP ``BODY.PEEK``; no \\Seen change), nothing is moved or deleted
  except drafts followup itself created (``delete_draft`` is only called on those);
- nothing is ever sent: there is no send method, and no implementation may contain one;
- library errors are raised as ``followup.errors`` types with the cause chained.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

# Folder roles the product uses.
INBOX = "inbox"
SENT = "sent"
DRAFTS = "drafts"


@dataclass(frozen=True)
class Fetched:
    """One message as the backend delivered it."""

    ref: str  # backend-stable id, unique within the account (IMAP: "INBOX:<uidvalidity>:<uid>")
    folder: str  # INBOX or SENT
    raw: bytes  # the whole message, or only its header when ``truncated``
    size: int  # the message's full size in bytes
    internal_date: datetime | None = None
    keywords: frozenset[str] = field(default_factory=frozenset)  # IMAP keywords / Gmail label names
    thread_id: str = ""  # Gmail thread id (X-GM-THRID or the API's threadId), "" when unknown
    truncated: bool = False


@dataclass(frozen=True)
class Batch:
    """Messages fetched together, and the cursor that is valid once they are stored.

    The caller stores the messages and the cursor in one transaction, so a crash never leaves the
    cursor ahead of what was processed.
    """

    messages: tuple[Fetched, ...]
    cursor: str  # opaque to the caller (JSON chosen by the backend)


@dataclass(frozen=True)
class FoundDraft:
    """A message carrying an ``X-Followup-Key`` header, found in Drafts or Sent."""

    key: str
    folder: str  # DRAFTS or SENT
    ref: str


class Mailbox(Protocol):
    """One mail account. Use as a context manager: ``with backend as mb: ...``."""

    name: str

    def __enter__(self) -> Mailbox: ...

    def __exit__(self, *exc: object) -> None: ...

    def sync(self, cursor: str | None, since: datetime) -> Iterator[Batch]:
        """Yield new INBOX and Sent messages after ``cursor`` in batches.

        With no cursor (first sync) only messages since ``since`` are fetched. Each batch carries the
        cursor that is safe to store once the batch is stored. A change of UIDVALIDITY (or an expired
        Gmail history id) restarts that folder from ``since``; the caller dedupes by Message-ID.
        """
        ...

    def muted_refs(self, keyword: str) -> set[str]:
        """Refs of INBOX/Sent messages carrying the mute keyword (IMAP keyword or Gmail label)."""
        ...

    def find_drafted(self, keys: Collection[str]) -> list[FoundDraft]:
        """Messages in Drafts or Sent carrying one of these ``X-Followup-Key`` values."""
        ...

    def append_draft(self, raw: bytes) -> str:
        """Put a draft into Drafts (flag \\Draft); return its ref ("" if the server gives none)."""
        ...

    def read_draft(self, ref: str) -> bytes | None:
        """The draft's current bytes, or None when it no longer exists."""
        ...

    def delete_draft(self, ref: str) -> None:
        """Remove a draft followup created (the caller has checked it is unchanged)."""
        ...

    def put_in_inbox(self, raw: bytes, when: datetime) -> str:
        """Place a message (the digest) into the INBOX, unread. Never sends."""
        ...
