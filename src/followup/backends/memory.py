"""The ``Mailbox`` interface over Python lists, and the ``--dry-run`` wrapper.

``MemoryMailbox`` behaves like the IMAP backend (refs ``"<folder>:<uidvalidity>:<uid>"``, a JSON
cursor, first sync limited to ``since``, batches) so services can be unit-tested without a server.
``ReadOnly`` reads through to a real mailbox but only records what would have been written.
"""

from __future__ import annotations

import email.parser
import email.policy
import email.utils
import inspect
import json
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from followup.backends.base import DRAFTS, INBOX, SENT, Batch, Fetched, FoundDraft, Mailbox
from followup.domain.prefilter import header_block
from followup.errors import FolderError, MailboxError

KEY_HEADER = "X-Followup-Key"
_PARSER = email.parser.BytesHeaderParser(policy=email.policy.compat32)
_NAMES = {INBOX: "INBOX", SENT: "Sent", DRAFTS: "Drafts"}
_ROLES = {name: role for role, name in _NAMES.items()}


def followup_key(raw: bytes) -> str:
    """The ``X-Followup-Key`` header of a message, "" when absent."""
    return str(_PARSER.parsebytes(raw).get(KEY_HEADER) or "").strip()


def _header_date(raw: bytes) -> datetime | None:
    value = _PARSER.parsebytes(raw).get("Date")
    try:
        parsed = email.utils.parsedate_to_datetime(str(value)) if value else None
    except (TypeError, ValueError):
        return None
    if parsed is None:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


@dataclass
class Stored:
    uid: int
    raw: bytes
    when: datetime | None
    keywords: set[str] = field(default_factory=set)
    flags: set[str] = field(default_factory=set)  # "\\Draft", "\\Seen"


class MemoryMailbox:
    """An account held in memory: folders ``inbox``, ``sent``, ``drafts``."""

    def __init__(self, name: str = "memory", *, batch_size: int = 200) -> None:
        self.name = name
        self.batch_size = batch_size
        self.folders: dict[str, list[Stored]] = {INBOX: [], SENT: [], DRAFTS: []}
        self.uidvalidity: dict[str, int] = {INBOX: 1, SENT: 1, DRAFTS: 1}
        self._next_uid: dict[str, int] = {INBOX: 1, SENT: 1, DRAFTS: 1}
        self.appended: list[bytes] = []  # every draft appended, in order (deleted ones too)
        self.deleted: list[str] = []  # refs of drafts deleted
        self.put: list[bytes] = []  # messages put into the inbox (the digest)
        self.open = False

    # -- test helpers -------------------------------------------------------------------------------

    def add(self, folder: str, raw: bytes, when: datetime | None = None, keywords: Iterable[str] = ()) -> str:
        """Deliver a message (``when`` defaults to its Date header); returns its ref."""
        return self._store(folder, raw, when or _header_date(raw), set(keywords), set())

    def reset_uidvalidity(self, folder: str) -> None:
        """Renumber a folder, as a server does after a rebuild: refs change, messages stay."""
        self.uidvalidity[folder] += 1
        for position, item in enumerate(self.folders[folder], start=1):
            item.uid = position
        self._next_uid[folder] = len(self.folders[folder]) + 1

    def ref(self, folder: str, uid: int) -> str:
        return f"{_NAMES[folder]}:{self.uidvalidity[folder]}:{uid}"

    def _store(
        self, folder: str, raw: bytes, when: datetime | None, keywords: set[str], flags: set[str]
    ) -> str:
        if folder not in self.folders:
            raise FolderError(f"{self.name}: no folder {folder!r} (inbox, sent, drafts)")
        uid = self._next_uid[folder]
        self._next_uid[folder] += 1
        self.folders[folder].append(Stored(uid, bytes(raw), when, keywords, flags))
        return self.ref(folder, uid)

    def _find(self, ref: str) -> tuple[str, Stored] | None:
        try:
            name, validity, uid = ref.rsplit(":", 2)
            folder = _ROLES[name]
            if int(validity) != self.uidvalidity[folder]:
                return None
            return folder, next(s for s in self.folders[folder] if s.uid == int(uid))
        except (KeyError, ValueError, StopIteration):
            return None

    # -- Mailbox -----------------------------------------------------------------------------------

    def __enter__(self) -> MemoryMailbox:
        self.open = True
        return self

    def __exit__(self, *exc: object) -> None:
        self.open = False

    def sync(
        self,
        cursor: str | None,
        since: datetime,
        want_body: Callable[[str, bytes], bool] | None = None,
    ) -> Iterator[Batch]:
        state: dict[str, dict[str, int]] = json.loads(cursor) if cursor else {}
        for folder in (INBOX, SENT):
            name = _NAMES[folder]
            entry = state.get(name)
            first = entry is None or entry.get("uidvalidity") != self.uidvalidity[folder]
            last = 0 if first or entry is None else int(entry["last_uid"])
            todo = [
                s
                for s in self.folders[folder]
                if s.uid > last and not (first and s.when is not None and s.when < since)
            ]
            top = max((s.uid for s in self.folders[folder]), default=last)
            if not todo:
                new = {"uidvalidity": self.uidvalidity[folder], "last_uid": max(last, top)}
                if new != entry:
                    state[name] = new
                    yield Batch((), json.dumps(state, sort_keys=True))
                continue
            for start in range(0, len(todo), self.batch_size):
                chunk = todo[start : start + self.batch_size]
                done = start + self.batch_size >= len(todo)
                state[name] = {
                    "uidvalidity": self.uidvalidity[folder],
                    "last_uid": max(chunk[-1].uid, top) if done else chunk[-1].uid,
                }
                messages = tuple(
                    self._fetched(folder, s)
                    for s in chunk
                    if want_body is None or want_body(folder, header_block(s.raw))
                )
                yield Batch(messages, json.dumps(state, sort_keys=True))

    def _fetched(self, folder: str, item: Stored) -> Fetched:
        return Fetched(
            ref=self.ref(folder, item.uid),
            folder=folder,
            raw=item.raw,
            size=len(item.raw),
            internal_date=item.when,
            keywords=frozenset(item.keywords),
        )

    def muted_refs(self, keyword: str) -> set[str]:
        return {
            self.ref(folder, s.uid)
            for folder in (INBOX, SENT)
            for s in self.folders[folder]
            if keyword in s.keywords
        }

    def find_drafted(self, keys: Collection[str]) -> list[FoundDraft]:
        wanted = set(keys)
        found = []
        for folder in (DRAFTS, SENT):
            for item in self.folders[folder]:
                key = followup_key(item.raw)
                if key and key in wanted:
                    found.append(FoundDraft(key=key, folder=folder, ref=self.ref(folder, item.uid)))
        return found

    def append_draft(self, raw: bytes) -> str:
        self.appended.append(bytes(raw))
        return self._store(DRAFTS, raw, None, set(), {"\\Draft", "\\Seen"})

    def read_draft(self, ref: str) -> bytes | None:
        found = self._find(ref)
        return found[1].raw if found else None

    def delete_draft(self, ref: str) -> None:
        found = self._find(ref)
        if found is None:
            return
        folder, item = found
        if folder != DRAFTS:
            raise FolderError(f"{self.name}: refusing to delete {ref!r}: it is not in the Drafts folder")
        if not followup_key(item.raw):
            raise FolderError(f"{self.name}: refusing to delete {ref!r}: not a draft followup made")
        self.folders[DRAFTS].remove(item)
        self.deleted.append(ref)

    def put_in_inbox(self, raw: bytes, when: datetime) -> str:
        if when.tzinfo is None:
            raise MailboxError("put_in_inbox needs an aware datetime")
        self.put.append(bytes(raw))
        return self._store(INBOX, raw, when, set(), set())


class ReadOnly:
    """``--dry-run``: reads go to the real mailbox; drafts, deletions and the digest are only recorded."""

    def __init__(self, mailbox: Mailbox) -> None:
        self.inner = mailbox
        self.name = mailbox.name
        self.drafts: list[bytes] = []  # drafts that would have been appended
        self.deleted: list[str] = []  # refs that would have been deleted
        self.put: list[tuple[bytes, datetime]] = []  # messages that would have gone into the inbox

    def __enter__(self) -> ReadOnly:
        self.inner.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.inner.__exit__(*exc)

    def sync(
        self,
        cursor: str | None,
        since: datetime,
        want_body: Callable[[str, bytes], bool] | None = None,
    ) -> Iterator[Batch]:
        inner: Callable[..., Iterator[Batch]] = self.inner.sync
        if want_body is None:
            return inner(cursor, since)
        if "want_body" in inspect.signature(inner).parameters:
            return inner(cursor, since, want_body=want_body)
        return _filtered(inner(cursor, since), want_body)

    def muted_refs(self, keyword: str) -> set[str]:
        return self.inner.muted_refs(keyword)

    def find_drafted(self, keys: Collection[str]) -> list[FoundDraft]:
        wanted = set(keys)
        found = list(self.inner.find_drafted(keys))
        for index, raw in enumerate(self.drafts):
            key = followup_key(raw)
            ref = f"dry-run:{index}"
            if key in wanted and ref not in self.deleted:
                found.append(FoundDraft(key=key, folder=DRAFTS, ref=ref))
        return found

    def append_draft(self, raw: bytes) -> str:
        self.drafts.append(bytes(raw))
        return f"dry-run:{len(self.drafts) - 1}"

    def read_draft(self, ref: str) -> bytes | None:
        if ref.startswith("dry-run:"):
            tail = ref.split(":", 1)[1]
            if not tail.isdigit() or ref in self.deleted or int(tail) >= len(self.drafts):
                return None
            return self.drafts[int(tail)]
        return None if ref in self.deleted else self.inner.read_draft(ref)

    def delete_draft(self, ref: str) -> None:
        self.deleted.append(ref)

    def put_in_inbox(self, raw: bytes, when: datetime) -> str:
        self.put.append((bytes(raw), when))
        return f"dry-run:inbox:{len(self.put) - 1}"


def _filtered(batches: Iterator[Batch], want_body: Callable[[str, bytes], bool]) -> Iterator[Batch]:
    """``want_body`` applied to what a backend without it delivers (the same outcome, later)."""
    for batch in batches:
        kept = tuple(m for m in batch.messages if want_body(m.folder, header_block(m.raw)))
        yield Batch(kept, batch.cursor)
