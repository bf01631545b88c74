"""Dates and times read from hiring mail: interview slots, promised decision dates, deadlines.

Pure functions of the text and the message's own ``Date`` (``sent``, in the sender's offset): no
clock, no network. Rule-based on purpose: dateparser costs ~6 ms a call on these machines, which
alone would break the classifier's 1,000 messages/s budget, so day, time and zone words are read by
small table-driven patterns (``dates_days``, ``dates_zones``, ``dates_slots``, ``dates_spans``,
``dates_promises``), each documenting its choices.

The caller passes only the new, unquoted text of a message, so an old promise in a quote is never
seen here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from followup.domain.dates_promises import deadline_in, promise_in
from followup.domain.dates_slots import best_slot, find_slots
from followup.domain.dates_zones import tz_of
from followup.domain.model import CalendarEvent

_MAX_TEXT = 50_000  # characters read; hiring mail says what matters long before this


@dataclass(frozen=True)
class TimeFinding:
    start: datetime  # aware, in the zone the text (or calendar) states
    end: datetime | None  # None when neither a range nor a duration is given
    tz: str  # IANA name, or "+HH:MM" for a bare offset
    evidence: str


@dataclass(frozen=True)
class PromiseFinding:
    date: date | None  # None = a vague promise ("in the coming days")
    evidence: str


def _american(sent: datetime) -> bool:
    return (sent.utcoffset() or timedelta(0)) <= timedelta(hours=-3)


def find_interview_times(text: str, sent: datetime, user_tz: str = "") -> list[TimeFinding]:
    """Every slot the text names, in text order (a reschedule names the old and the new one)."""
    return [
        TimeFinding(s.start, s.end, s.tz, s.evidence) for s in find_slots(text[:_MAX_TEXT], sent, user_tz)
    ]


def find_interview_time(text: str, sent: datetime, user_tz: str = "") -> TimeFinding | None:
    """The slot the message fixes: the new one of a reschedule ("move it to Thursday at 11"), else
    the first one not in the past, else the first one."""
    slot = best_slot(find_slots(text[:_MAX_TEXT], sent, user_tz), sent)
    if slot is None and "\n" in text:
        # a template that puts the time and the day on lines of their own ("11:00am - 11:30am (Central
        # Time)\nFriday, April 10, 2026"): read the short lines as one
        slot = best_slot(find_slots(_join_lines(text[:_MAX_TEXT]), sent, user_tz), sent)
    return TimeFinding(slot.start, slot.end, slot.tz, slot.evidence) if slot else None


def _join_lines(text: str) -> str:
    return "\n".join(
        " ".join(line.strip() for line in block.splitlines() if line.strip()) for block in text.split("\n\n")
    )


def find_decision_date(text: str, sent: datetime, user_tz: str = "") -> PromiseFinding | None:
    """The employer's promise of a decision / feedback / next steps, resolved against ``sent``.

    ``user_tz`` is accepted for symmetry; promised dates are days in the sender's calendar.
    """
    found = promise_in(text[:_MAX_TEXT], sent.date(), _american(sent))
    return PromiseFinding(found[0], found[1][:200]) if found else None


def find_deadline(text: str, sent: datetime) -> date | None:
    """The day the user is asked to act by ("please send them by Thursday"), or None."""
    return deadline_in(text[:_MAX_TEXT], sent.date(), _american(sent))


def calendar_slot(event: CalendarEvent) -> TimeFinding | None:
    """The slot of a calendar event (DTSTART/DTEND); all-day or start-less events give None."""
    if event.start is None:
        return None
    end = event.end if event.end is not None and event.end > event.start else None
    tz = event.tzid if event.tzid and tz_of(event.tzid) else _zone_name(event.start)
    when = event.start.isoformat()
    return TimeFinding(
        event.start, end, tz, f"calendar DTSTART {when}" + (f" DTEND {end.isoformat()}" if end else "")
    )


def _zone_name(moment: datetime) -> str:
    key = getattr(moment.tzinfo, "key", None)
    if isinstance(key, str):
        return key
    off = moment.utcoffset() or timedelta(0)
    minutes = int(off.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    h, m = divmod(abs(minutes), 60)
    return "UTC" if minutes == 0 else f"{sign}{h:02d}:{m:02d}"
