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
next one. It is a plain in-memory index (what a sync or a batch of files has seen), no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from followup.domain.model import Kind, Message, Reading

__all__ = ["Context", "ThreadIndex", "is_list_mail"]


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


def is_list_mail(headers: object) -> bool:
    """List / newsletter mail by its headers (List-Id, List-Unsubscribe, bulk Precedence)."""
    get = getattr(headers, "get", None)
    if get is None:
        return False
    prec = str(get("precedence", "") or "").strip().lower()
    return bool(get("list-id") or get("list-unsubscribe")) or prec in {"bulk", "list", "junk"}


@dataclass(frozen=True)
class _Known:
    company: str
    role: str


class ThreadIndex:
    """What earlier messages taught: the Message-IDs read as hiring mail (with their process's company
    and role) and the employer people who wrote hiring mail.

    ``add`` a message's reading after it is read (in date order); ``context`` for the next message.
    """

    def __init__(self) -> None:
        self._threads: dict[str, _Known] = {}
        self._people: dict[str, _Known] = {}

    def __len__(self) -> int:
        return len(self._threads)

    def add_thread(self, message_id: str, company: str = "", role: str = "") -> None:
        """A message that belongs to a hiring process (its id, its process's company and role)."""
        if message_id:
            old = self._threads.get(message_id)
            self._threads[message_id] = _Known(
                company or (old.company if old else ""), role or (old.role if old else "")
            )

    def add_person(self, email: str, company: str = "", role: str = "") -> None:
        """Someone at an employer who wrote hiring mail."""
        email = email.strip().lower()
        if email:
            old = self._people.get(email)
            self._people[email] = _Known(
                company or (old.company if old else ""), role or (old.role if old else "")
            )

    def add(
        self,
        message_id: str,
        references: Iterable[str],
        reading: Reading,
        people: Iterable[str] = (),
    ) -> None:
        """Learn from one message read: hiring mail joins its thread, and its human senders (``people``:
        From and Reply-To, only when the message is not the user's nor a robot's) become known. A message
        that only had context (``other``, kept for its thread) passes the thread on."""
        hiring = reading.kind is not Kind.OTHER
        parent = self._parent(references)
        if hiring:
            company = reading.company or (parent.company if parent else "")
            role = reading.role or (parent.role if parent else "")
            self.add_thread(message_id, company, role)
            if not (reading.from_user or reading.automated):
                for p in people:
                    self.add_person(p, company, role)
        elif parent is not None:
            # "thanks, see you then" in a hiring thread: still that thread, for the replies to it
            self.add_thread(message_id, parent.company, parent.role)

    def _parent(self, references: Iterable[str]) -> _Known | None:
        found = None
        for ref in references:  # In-Reply-To first, then References nearest first
            known = self._threads.get(ref)
            if known is not None:
                if known.company:
                    return known
                found = found or known
        return found

    def context(self, message: Message, *, from_user: bool = False) -> Context:
        """The context of ``message`` given what was learnt so far."""
        parent = self._parent(thread_refs(message))
        if parent is not None:
            return Context(True, parent.company, parent.role, "thread")
        sender = message.sender.email.lower() if message.sender else ""
        if not sender or from_user or is_list_mail(message.headers):
            return NO_CONTEXT  # a newsletter from a company is never context by its sender alone
        person = self._people.get(sender)
        if person is not None:
            return Context(True, person.company, person.role, "sender")
        return NO_CONTEXT


def thread_refs(message: Message) -> tuple[str, ...]:
    """The ids a message threads onto: In-Reply-To, then References from the nearest parent back."""
    refs = [message.in_reply_to] if message.in_reply_to else []
    refs.extend(r for r in reversed(message.references) if r and r != message.in_reply_to)
    return tuple(r for r in refs if r and r != message.message_id)
