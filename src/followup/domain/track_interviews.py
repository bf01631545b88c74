"""Interview slots of one process, replayed from its signals.

A reminder or an updated invitation for the same calendar UID or the same slot never adds a second
interview; a reschedule (or a higher SEQUENCE of the same UID) moves the slot; a cancellation or a
"postponed, no new time" removes it (the process goes back to scheduling).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from followup.domain.model import Address, Identity, Interview, Kind, Person, Signal
from followup.domain.track_people import domain_of, human_senders, is_robot_address, is_users

DEFAULT_LENGTH = timedelta(hours=1)


@dataclass
class _Slot:
    start: datetime
    end: datetime
    interviewers: list[Person]
    arranger: Address | None
    uid: str
    sequence: int
    source: Signal
    thread: str
    confirmed_at: datetime
    history: list[str] = field(default_factory=list)

    def freeze(self) -> Interview:
        return Interview(
            start=self.start,
            end=self.end,
            interviewers=tuple(self.interviewers),
            arranger=self.arranger,
            calendar_uid=self.uid,
            source_message_id=self.source.message_id,
        )


@dataclass(frozen=True)
class InterviewReplay:
    interviews: tuple[Interview, ...]  # start order
    confirmed_at: tuple[datetime, ...]  # when each interview (same order) was fixed or last moved
    removed: tuple[tuple[datetime, str], ...]  # (when, why) for slots removed without a new time
    notes: tuple[str, ...]


def _people(sig: Signal, user: Identity) -> list[Person]:
    out: list[Person] = []
    for p in sig.reading.interviewers:
        if p.email and (user.is_user(p.email) or is_robot_address(p.email)):
            continue
        if not p.email and is_users(Address(p.name, ""), user):
            continue
        out.append(Person(p.name, p.email.lower()))
    return out


def _copied_colleagues(sig: Signal, user: Identity) -> list[Person]:
    """When the reading names no interviewer: the sender's colleagues copied on the confirmation.

    A recruiter confirming "you'll speak with Owen" usually puts Owen in To or Cc. Only people at the
    sender's own (non-relay) domain count; never the user, the sender or a robot.
    """
    humans = human_senders(sig, user)
    if not humans:
        return []
    domains = {domain_of(h.email) for h in humans}
    if sig.reading.company_domain:
        domains.add(sig.reading.company_domain.lower())
    senders = {h.email for h in humans} | {sig.sender.email}
    out: list[Person] = []
    for a in (*sig.to, *sig.cc):
        if a.email in senders or is_users(a, user) or is_robot_address(a.email):
            continue
        if domain_of(a.email) in domains and all(p.email != a.email for p in out):
            out.append(Person(a.name, a.email))
    return out


def _with_colleagues(named: list[Person], colleagues: list[Person]) -> list[Person]:
    """Name-only interviewers completed by copied colleagues ("Dominic" + dominic.reyes@...)."""
    if not colleagues:
        return named

    def first(name: str) -> str:
        return name.split()[0].lower() if name.split() else ""

    keep = [p for p in named if p.name and not any(first(p.name) == first(c.name) for c in colleagues)]
    return colleagues + keep


def _merge_people(old: list[Person], new: list[Person]) -> list[Person]:
    merged = list(old)
    for p in new:
        same = [
            i
            for i, q in enumerate(merged)
            if (p.email and q.email == p.email) or (not q.email and p.name and q.name == p.name)
        ]
        if not same:
            merged.append(p)
        elif p.email and not merged[same[0]].email:
            merged[same[0]] = p
    return merged


def replay_interviews(
    signals: Sequence[Signal], user: Identity, thread_of: Callable[[Signal], str]
) -> InterviewReplay:
    """Interview slots after replaying ``signals`` (date order)."""
    slots: list[_Slot] = []
    removed: list[tuple[datetime, str]] = []
    notes: list[str] = []
    last_human: Address | None = None
    for sig in signals:
        humans = human_senders(sig, user)
        r = sig.reading
        if r.kind in (Kind.INTERVIEW_CONFIRMED, Kind.RESCHEDULE, Kind.NEXT_ROUND) and r.interview_start:
            start = r.interview_start
            end = r.interview_end if r.interview_end and r.interview_end > start else start + DEFAULT_LENGTH
            people = _people(sig, user)
            if not any(p.email for p in people):
                people = _with_colleagues(people, _copied_colleagues(sig, user))
            arranger = humans[0] if humans else last_human
            thread = thread_of(sig)
            target = _find_target(slots, sig, start, thread)
            if target is not None:
                moved = target.start != start or target.end != end
                if moved and r.calendar_uid and target.uid == r.calendar_uid:
                    if r.calendar_sequence < target.sequence:
                        notes.append(f"{sig.message_id}: older calendar update ignored")
                        continue
                if moved:
                    target.history.append(f"moved from {target.start.isoformat()} by {sig.message_id}")
                    target.start, target.end = start, end
                    target.source = sig
                    target.confirmed_at = sig.date
                target.interviewers = _merge_people(target.interviewers, people)
                target.uid = target.uid or r.calendar_uid
                target.sequence = max(target.sequence, r.calendar_sequence)
                if target.arranger is None:
                    target.arranger = arranger
            else:
                slots.append(
                    _Slot(
                        start,
                        end,
                        people,
                        arranger,
                        r.calendar_uid,
                        r.calendar_sequence,
                        sig,
                        thread,
                        sig.date,
                    )
                )
        elif r.kind == Kind.RESCHEDULE:
            target = _find_removal_target(slots, sig, thread_of(sig))
            if target is not None:
                slots.remove(target)
                removed.append(
                    (sig.date, f"the interview of {target.start.isoformat()} was called off or postponed")
                )
            else:
                removed.append((sig.date, "postponed with no new time"))
        if humans:
            last_human = humans[0]
    slots.sort(key=lambda s: s.start)
    return InterviewReplay(
        interviews=tuple(s.freeze() for s in slots),
        confirmed_at=tuple(s.confirmed_at for s in slots),
        removed=tuple(removed),
        notes=tuple(notes),
    )


def _find_target(slots: list[_Slot], sig: Signal, start: datetime, thread: str) -> _Slot | None:
    r = sig.reading
    if r.calendar_uid:
        for s in slots:
            if s.uid == r.calendar_uid:
                return s
    for s in slots:
        if s.start == start:
            return s
    upcoming = [s for s in slots if s.end > sig.date]
    if r.kind == Kind.RESCHEDULE:
        same_thread = [s for s in upcoming if s.thread == thread]
        pool = same_thread or upcoming
        return pool[-1] if pool else None
    # A text confirmation in the thread of a still-upcoming slot, with another time: a move.
    if not r.calendar_uid:
        same_thread = [s for s in upcoming if s.thread == thread and not s.uid]
        if same_thread:
            return same_thread[-1]
    return None


def _find_removal_target(slots: list[_Slot], sig: Signal, thread: str) -> _Slot | None:
    r = sig.reading
    if r.calendar_uid:
        for s in slots:
            if s.uid == r.calendar_uid:
                return s
    upcoming = [s for s in slots if s.end > sig.date]
    same_thread = [s for s in upcoming if s.thread == thread]
    pool = same_thread or upcoming
    return pool[-1] if pool else None
