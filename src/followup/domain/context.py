"""A message's thread context: what a careful reader already knows when a message arrives. Pure.

A founder's lower-case "we'd love for you to meet the rest of the crew", a calendar invite titled
"working session w/ Nadia", a recruiter's "sounds good - see you Thursday at 2": alone, none of them
says "hiring"; in the thread of a hiring process each of them does. ``Context`` carries that knowledge
to ``classify.read``:

- ``hiring_thread``: the message replies to or references a message read as hiring mail (``via`` is
  ``"thread"``), or comes from a person at the employer who already wrote hiring mail (``"sender"``);
- ``company`` / ``role``: that process's, when known, a fallback for a message that names none.

Context never makes a message hiring mail by itself: it stands in for the hiring vocabulary the message
lacks, so the kind cues (a fixed time, a rejection phrase, an invitation) can decide; look-alike and
job-board scores still rule, and a list or newsletter sender is never given context by sender alone.

``ThreadIndex`` computes it: fed the readings of earlier messages in date order, it answers for the
next one from its ``Heads`` (the few header facts threading needs, read from the raw header alone so a
sync can ask before the full parse). A plain in-memory index of what a sync or a batch of files has
seen; no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from followup.domain.model import Kind, Message, Reading
from followup.domain.parse import _ID, _addresses, _date, _ids, _msgid, _raw_text, _synthetic_id, _unfold
from followup.domain.prefilter import header_block

__all__ = ["NO_CONTEXT", "Context", "Heads", "ThreadIndex", "heads_of", "heads_of_message", "thread_refs"]


@dataclass(frozen=True)
class Context:
    hiring_thread: bool = False
    company: str = ""
    role: str = ""
    via: str = ""  # "thread" (a reply into a hiring thread) | "sender" (an employer person's other mail)

    @property
    def evidence(self) -> str:
        if not self.hiring_thread:
            return ""
        who = f" with {self.company}" if self.company else ""
        if self.via == "sender":
            return f"from a person who wrote hiring mail{who}"
        return f"in the thread of a hiring process{who}"


NO_CONTEXT = Context()
_BULK_PRECEDENCE = frozenset({"bulk", "list", "junk"})


@dataclass(frozen=True)
class Heads:
    """What threading needs from one message: its id, the ids it threads onto (In-Reply-To first, then
    References from the nearest parent back), its sender, whether it is list mail, its date."""

    message_id: str
    refs: tuple[str, ...] = ()
    sender: str = ""  # lower-case
    bulk: bool = False  # List-Id, List-Unsubscribe or a bulk Precedence (as ``senders.is_bulk``)
    date: datetime | None = None
    thread_id: str = ""  # the backend's thread id (Gmail), "" when none


def thread_refs(message_id: str, in_reply_to: str, references: Iterable[str]) -> tuple[str, ...]:
    """The ids a message threads onto: In-Reply-To first, then References from the nearest parent back."""
    refs = [in_reply_to] if in_reply_to else []
    refs.extend(r for r in reversed(tuple(references)) if r != in_reply_to)
    return tuple(dict.fromkeys(r for r in refs if r and r != message_id))


def heads_of_message(message: Message, thread_id: str = "") -> Heads:
    h = message.headers
    bulk = bool(h.get("list-id") or h.get("list-unsubscribe")) or (
        h.get("precedence", "").strip().lower() in _BULK_PRECEDENCE
    )
    return Heads(
        message_id=message.message_id,
        refs=thread_refs(message.message_id, message.in_reply_to, message.references),
        sender=message.sender.email if message.sender else "",
        bulk=bulk,
        date=message.date,
        thread_id=thread_id,
    )


_WANTED = re.compile(
    rb"^(message-id|in-reply-to|references|from|date|list-id|list-unsubscribe|precedence)[ \t]*:"
    rb"(.*(?:\r?\n[ \t].*)*)",
    re.IGNORECASE | re.MULTILINE,
)
_SIMPLE_FROM = re.compile(
    r"^[^<>,\"@]*<\s*([^<>\s,\"]+@[^<>\s,\"]+)\s*>\s*$|^\s*([^<>\s,\"()]+@[^<>\s,\"()]+)\s*$"
)


def _id_list(value: str) -> list[str]:
    """``parse._ids`` without its per-character scan for undecodable bytes on plain ASCII values."""
    if not value.isascii():
        return _ids(value)
    found = ["".join(f.split()) for f in _ID.findall(value)]
    if not found:
        return _ids(value)
    return list(dict.fromkeys(f for f in found if f))[:200]


def _text(value: bytes) -> str:
    try:
        return value.decode("ascii")
    except UnicodeDecodeError:
        return _raw_text(value.decode("ascii", "surrogateescape"))


def heads_of(raw: bytes, thread_id: str = "") -> Heads:
    """``Heads`` from the raw header alone, as ``parse`` reads the full message (ids, sender, date), at a
    fraction of its cost: a sync asks this of every fetched message in its main process. Never raises."""
    try:
        values: dict[str, str] = {}
        block = header_block(raw)
        if b"\n" not in block and b"\r" in block:  # bare CR line ends, as the standard parser reads them
            block = block.replace(b"\r", b"\n").partition(b"\n\n")[0]
        for m in _WANTED.finditer(block):
            values.setdefault(m.group(1).lower().decode("ascii"), _text(m.group(2)))
        defects: list[str] = []
        message_id = _msgid(values.get("message-id", "")) or _synthetic_id(raw)
        in_reply_to = next(iter(_id_list(values.get("in-reply-to", ""))), "")
        sender_value = _unfold(values.get("from", ""))
        simple = _SIMPLE_FROM.match(sender_value)
        if simple:  # "Name <addr>" or a bare address: the address as parse reads it, without its parser
            sender = (simple.group(1) or simple.group(2)).lower()
        else:
            found = _addresses(sender_value, defects)
            sender = found[0].email if found else ""
        bulk = bool(values.get("list-id", "").strip() or values.get("list-unsubscribe", "").strip()) or (
            values.get("precedence", "").strip().lower() in _BULK_PRECEDENCE
        )
        return Heads(
            message_id=message_id,
            refs=thread_refs(message_id, in_reply_to, _id_list(values.get("references", ""))),
            sender=sender,
            bulk=bulk,
            date=_date(values.get("date", ""), defects),
            thread_id=thread_id,
        )
    except Exception:  # noqa: BLE001 - odd mail: no thread facts, read as it is
        return Heads(message_id="")


@dataclass(frozen=True)
class _Known:
    company: str
    role: str


def _merge(old: _Known | None, company: str, role: str) -> _Known:
    return _Known(company or (old.company if old else ""), role or (old.role if old else ""))


class ThreadIndex:
    """What earlier messages taught: the Message-IDs (and backend thread ids) of hiring mail with their
    process's company and role, and the employer people who wrote hiring mail.

    ``learn`` each message's reading after it is read, in date order; ``context`` for the next one.
    """

    def __init__(self, *, senders: bool = True) -> None:
        self._senders = senders  # False: context from threads only, never from who sent the message
        self._ids: dict[str, _Known] = {}
        self._threads: dict[str, _Known] = {}
        self._people: dict[str, _Known] = {}

    def __len__(self) -> int:
        return len(self._ids)

    def learn(self, heads: Heads, reading: Reading, people: Iterable[str] = ()) -> None:
        """Learn from one message read. Hiring mail joins (or starts) a hiring thread and its ``people``
        (From and Reply-To; ignored for the user's own or a robot's mail) become known employer people.
        A message that is not hiring mail but replies into a hiring thread passes the thread on ("thanks,
        see you then" is still that thread for the replies to it)."""
        parent = self._parent(heads)
        if reading.kind is Kind.OTHER:
            if parent is not None and heads.message_id:
                self._ids[heads.message_id] = _merge(
                    self._ids.get(heads.message_id), parent.company, parent.role
                )
            return
        company = reading.company or (parent.company if parent else "")
        role = reading.role or (parent.role if parent else "")
        if heads.message_id:
            self._ids[heads.message_id] = _merge(self._ids.get(heads.message_id), company, role)
        if heads.thread_id:
            self._threads[heads.thread_id] = _merge(self._threads.get(heads.thread_id), company, role)
        if not (reading.from_user or reading.automated):
            for email in people:
                email = email.strip().lower()
                if email:
                    self._people[email] = _merge(self._people.get(email), company, role)

    def _parent(self, heads: Heads) -> _Known | None:
        found = None
        for ref in heads.refs:  # the nearest parent first; one that names its company wins
            known = self._ids.get(ref)
            if known is not None:
                if known.company:
                    return known
                found = found or known
        if heads.thread_id and heads.thread_id in self._threads:
            known = self._threads[heads.thread_id]
            if found is None or known.company:
                return known
        return found

    def context(self, heads: Heads) -> Context:
        """The context of the message ``heads`` describes, given what was learnt so far."""
        parent = self._parent(heads)
        if parent is not None:
            return Context(True, parent.company, parent.role, "thread")
        if heads.bulk or not heads.sender or not self._senders:
            return NO_CONTEXT  # a newsletter from a company is never context by its sender alone
        person = self._people.get(heads.sender)
        if person is not None:
            return Context(True, person.company, person.role, "sender")
        return NO_CONTEXT
