"""The facts one hiring message carries, read once its kind is known: company, role context, interview
slot and interviewers (calendar first, then text), promised decision date, request deadline.

Split from ``followup.domain.classify`` (which decides the kind); dates and people come from
``followup.domain.dates`` / ``people`` when present. Pure; every extractor failure degrades to no fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache

from followup.domain import company as co
from followup.domain.model import Address, CalendarEvent, Identity, Kind, Message, Person, Reading
from followup.domain.senders import SenderFacts, employer_domain, human_name_of

try:  # C2's extractors; the classifier still decides kinds without them
    from followup.domain import dates as _dates
except Exception:  # pragma: no cover - absent while the module is being written
    _dates = None  # type: ignore[assignment]
try:
    from followup.domain import people as _people
except Exception:  # pragma: no cover
    _people = None  # type: ignore[assignment]

# A clock time next to a day: enough to tell "a fixed time" from "let's find a time" when the date
# extractor is absent or declines; the slot itself always comes from ``dates``.
_CLOCK = re.compile(
    r"\b(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*(?:a\.?m\.?|p\.?m\.?)(?!\w)|\b(?:[01]?\d|2[0-3]):[0-5]\d\b"
    r"|\b(?:[01]?\d|2[0-3])\s*(?:uhr|h)\b|\bnoon\b",
    re.I,
)
_AT_HOUR = re.compile(r"\b(?:at|um|à|a las|om|by|from|ab)\s+\d{1,2}\b|\b\d{1,2}h\d{2}\b", re.I)
_DAY = re.compile(
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b|\b(?:montag|dienstag|mittwoch|donnerstag|freitag"
    r"|lundi|mardi|mercredi|jeudi|vendredi|lunes|martes|miércoles|jueves|viernes)\b|\btomorrow\b|\bmorgen\b"
    r"|\b\d{1,2}[./]\d{1,2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\.? (?:jan|feb|m[äa]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz])",
    re.I,
)


@dataclass(frozen=True)
class _View:
    """The content the kind is read from: the message itself, or the hiring mail it forwards."""

    subject: str
    text: str  # subject + new text (+ forwarded text) + calendar summary: for hiring context
    kind_text: str  # the same without a reply's inherited subject: for the kind
    body: str  # new text (+ forwarded text), no subject
    sender_email: str
    sender_name: str
    forwarded: bool


# a reschedule notice's line for the slot it replaces ("Former: Thursday, May 14, 3:00pm")
_OLD_SLOT = re.compile(
    r"(?im)^[ \t]*(?:former|previous|old|original(?:ly)?|was|alter termin|bisher|ancien(?:ne)?|anterior|oud)\b[^\n]*$"
)


def _fixed_time(text: str, message: Message, user_tz: str = "") -> str:
    """Evidence of a fixed interview time in the text ("" when none): the extractor's, else day + clock."""
    if not (_CLOCK.search(text) or _AT_HOUR.search(text)):
        return ""  # no time of day written: the slot extractor (the costly part) has nothing to find
    found = _interview_time(text, message, user_tz)
    if found is not None:
        return f"time: {getattr(found, 'evidence', '') or getattr(found, 'start', '')}"
    for line in text.splitlines():
        clock = _CLOCK.search(line)
        if clock and _DAY.search(line):
            return f'time: "{line.strip()[:60]}"'
    clock = _CLOCK.search(text)
    if clock and _DAY.search(text[max(0, clock.start() - 120) : clock.end() + 60]):
        return f'time: "{clock.group(0)}"'
    return ""


def _interview_time(text: str, message: Message, user_tz: str = "") -> object | None:
    if _dates is None or message.date is None:
        return None
    return _slot_cached(text, message.date, user_tz)


def _decision_date(text: str, message: Message, user_tz: str = "") -> object | None:
    if _dates is None or message.date is None:
        return None
    return _promise_cached(text, message.date, user_tz)


# The kind rules and the fact extraction ask the same question of the same text: answer it once.
@lru_cache(maxsize=32)
def _slot_cached(text: str, sent: datetime, user_tz: str) -> object | None:
    try:
        return _dates.find_interview_time(text, sent, user_tz)
    except Exception:  # noqa: BLE001 - a date bug must not break classification
        return None


@lru_cache(maxsize=32)
def _promise_cached(text: str, sent: datetime, user_tz: str) -> object | None:
    try:
        return _dates.find_decision_date(text, sent, user_tz)
    except Exception:  # noqa: BLE001
        return None


def _recipient_domain(message: Message, user: Identity) -> str:
    for a in (*message.to, *message.cc):
        if user.is_user(a.email):
            continue
        d = employer_domain(a.email)
        if d:
            return d
    return ""


def _employer_domain(message: Message, user: Identity, facts: SenderFacts, view: _View) -> str:
    if view.forwarded:
        return employer_domain(view.sender_email)
    if facts.from_user:
        return _recipient_domain(message, user)
    return facts.employer_domain


def _company(message: Message, facts: SenderFacts, view: _View, dom: str, from_user: bool) -> str:
    sig = message.signature
    texts = [view.subject, view.body, sig]
    if from_user:
        texts.append(message.quoted_text[:4000])
    if dom:
        named = co.match_domain(dom, texts)
        if named:
            return named
    candidates: list[str] = []
    if not from_user and not view.forwarded and message.sender is not None:
        human = facts.human.name if facts.human else human_name_of(message.sender.name)
        candidates.append(co.from_display_name(message.sender.name, human, f"{view.body}\n{sig}"))
    if not from_user:
        candidates.append(co.from_patterns(view.subject, f"{view.body}\n{sig}"))
    for named in candidates:
        if named and (not dom or _plausible(named, dom)):
            return named
    return co.from_domain(dom, texts) if dom else ""


def _plausible(name: str, dom: str) -> bool:
    key, lab = co.company_key(name), re.sub(r"[^0-9a-z]", "", co.domain_label(dom))
    return bool(key) and (key.startswith(lab[:4]) or lab.startswith(key[:4]))


def _facts(reading: Reading, message: Message, user: Identity, view: _View, dom: str) -> Reading:
    kind = reading.kind
    notes: list[str] = []
    if kind in (Kind.INTERVIEW_CONFIRMED, Kind.RESCHEDULE):
        event = next((c for c in message.calendar if c.start is not None and not c.cancelled), None)
        slot = None
        if event is not None and _all_day(event):
            # an all-day hold says the day, not the hour: the hour written in the text wins when there is one
            slot = _interview_time(view.body, message, user.timezone)
            if slot is not None and getattr(slot, "start", None) is not None:
                reading = replace(
                    reading,
                    interview_start=getattr(slot, "start", None),
                    interview_end=getattr(slot, "end", None),
                    interview_tz=getattr(slot, "tz", ""),
                    calendar_uid=event.uid,
                    calendar_sequence=event.sequence,
                    interviewers=_cal_people(event, user),
                    evidence=(*reading.evidence, "all-day calendar hold; time from the text")[:8],
                )
            else:
                slot = None
        if event is not None and slot is None:
            reading = replace(
                reading,
                interview_start=event.start,
                interview_end=event.end,
                interview_tz=event.tzid,
                calendar_uid=event.uid,
                calendar_sequence=event.sequence,
                interviewers=_cal_people(event, user, view),
            )
        elif event is None:
            body = _OLD_SLOT.sub("", view.body) if kind is Kind.RESCHEDULE else view.body
            slot = _interview_time(body, message, user.timezone)
            if slot is not None:
                reading = replace(
                    reading,
                    interview_start=getattr(slot, "start", None),
                    interview_end=getattr(slot, "end", None),
                    interview_tz=getattr(slot, "tz", ""),
                    evidence=(*reading.evidence, str(getattr(slot, "evidence", "")))[:8],
                )
            elif kind is Kind.INTERVIEW_CONFIRMED:
                notes.append("interview time not found in the text")
            reading = replace(reading, interviewers=_text_people(view, message, dom, user))
    cancelled = next((c for c in message.calendar if c.cancelled), None)
    if cancelled is not None:
        reading = replace(reading, calendar_uid=cancelled.uid, calendar_sequence=cancelled.sequence)
    if kind is Kind.DECISION_TIMELINE:
        found = _decision_date(view.body, message, user.timezone)
        when = getattr(found, "date", None) if found is not None else None
        reading = replace(
            reading, promise=True, decision_expected_by=when if isinstance(when, date) else None
        )
        said = str(getattr(found, "evidence", "") or "")
        if said:
            reading = replace(reading, evidence=(*reading.evidence, said))
    if kind is Kind.ACTION_REQUEST and _dates is not None and message.date is not None:
        try:
            reading = replace(reading, request_deadline=_dates.find_deadline(view.body, message.date))
        except Exception:  # noqa: BLE001
            notes.append("deadline unreadable")
    if notes:
        reading = replace(reading, notes=(*reading.notes, *notes))
    return reading


def _all_day(event: CalendarEvent) -> bool:
    """A VALUE=DATE event (read as midnight UTC, no TZID, whole days long)."""
    start, end = event.start, event.end
    if start is None or event.tzid or start.utcoffset() or (start.hour, start.minute) != (0, 0):
        return False
    return end is None or ((end - start).total_seconds() % 86400 == 0 and end > start)


def _cal_people(event: CalendarEvent, user: Identity, view: _View | None = None) -> tuple[Person, ...]:
    if _people is not None:
        try:
            if view is None:
                return tuple(_people.interviewers_from_calendar(event, user))
            # attendees the text only copies are left out; an organizer who wrote it and says they take
            # part is in, even when the calendar lists only someone else
            return _people.interviewers_for_invite(event, user, view.body, view.sender_email)
        except Exception:  # noqa: BLE001
            pass
    org = event.organizer.email if event.organizer else ""
    out = []
    for a in event.attendees:
        if (
            user.is_user(a.email)
            or a.cutype in ("ROOM", "RESOURCE")
            or a.email == org
            or "resource" in a.email
        ):
            continue
        out.append(Person(a.name if a.name != a.email else "", a.email.lower()))
    return tuple(out)


def _text_people(view: _View, message: Message, dom: str, user: Identity) -> tuple[Person, ...]:
    """Interviewers named in the text; the writer too when they say they take part ("und ich",
    "you'll meet Dana and me"), the writer of a forwarded invite being the one who speaks."""
    if _people is None:
        return ()
    sender = Address(view.sender_name, view.sender_email) if view.sender_email else None
    known: list[Address] = [*message.to, *message.cc]
    if view.forwarded and message.forwarded:
        known.extend(message.forwarded[0].to)
    if message.sender is not None:
        known.append(message.sender)
    try:
        return tuple(_people.interviewers_from_text(view.body, dom, user, sender=sender, known=tuple(known)))
    except Exception:  # noqa: BLE001
        return ()
