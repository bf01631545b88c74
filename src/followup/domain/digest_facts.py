"""What the weekly digest says, computed from processes and their evaluations (pure, no rendering).

Each function reads only ``Process`` values (and the evaluation protocol of ``digest``), the user's
zone and ``now``; strings from mail pass through ``oneline`` here, and are escaped by the HTML
template later.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from followup.domain.compose_text import oneline, short_day, short_moment
from followup.domain.model import ActionKind, Kind, Process, Signal, Stage

CLOSED = frozenset({Stage.REJECTED, Stage.WITHDRAWN})
ACTIVE = frozenset({Stage.APPLIED, Stage.SCHEDULING, Stage.SCHEDULED, Stage.INTERVIEWED, Stage.OFFER})

ACTION_LABEL = {
    ActionKind.THANK_YOU.value: "thank-you note",
    ActionKind.DECISION_FOLLOW_UP.value: "follow-up on the decision",
    ActionKind.CHECK_IN.value: "check-in",
    ActionKind.FEEDBACK_REQUEST.value: "feedback request",
    ActionKind.OFFER_REPLY.value: "reply to the offer",
}

STAGE_LABEL = {
    Stage.APPLIED: "applied",
    Stage.SCHEDULING: "scheduling an interview",
    Stage.SCHEDULED: "interview scheduled",
    Stage.INTERVIEWED: "interviewed",
    Stage.OFFER: "offer",
    Stage.REJECTED: "rejected",
    Stage.WITHDRAWN: "withdrawn",
    Stage.STALE: "stale",
}

# Kinds that answer an interview: the employer moved the process on (or closed it).
ANSWER_KINDS = frozenset(
    {
        Kind.OFFER,
        Kind.REJECTION,
        Kind.NEXT_ROUND,
        Kind.WITHDRAWN,
        Kind.INTERVIEW_INVITE,
        Kind.INTERVIEW_CONFIRMED,
    }
)

STALE_ADVICE = (
    "No answer after your follow-ups. Keep your search going; if this role still matters to you, "
    "a check-in at most once a month that offers something of value (an article, a project update) "
    "and asks for nothing back."
)


def action_label(kind: str) -> str:
    return ACTION_LABEL.get(kind, kind.replace("_", " "))


def local_day(moment: datetime, zone: ZoneInfo) -> date:
    return moment.astimezone(zone).date()


def last_contact(process: Process, now: datetime, zone: ZoneInfo) -> str:
    """'Tue 24 Feb, from them' for the latest message either way up to ``now``; '' when none."""
    seen = [s for s in process.signals if s.date <= now]
    if not seen:
        return ""
    last = max(seen, key=lambda s: s.date)
    who = "from you" if last.reading.from_user else "from them"
    return f"{short_day(local_day(last.date, zone))}, {who}"


def overdue_thank_you(process: Process, now: datetime, window: timedelta) -> datetime | None:
    """The end of an interview still unthanked more than 24 h after it (inside the useful window)."""
    if process.thank_you_sent or process.stage in CLOSED or process.muted:
        return None
    held = [i for i in process.interviews if i.end <= now]
    if not held:
        return None
    last = max(held, key=lambda i: i.end)
    if not timedelta(hours=24) <= now - last.end <= window:
        return None
    # Any mail the user sent since the interview began counts as the thank-you (design.md).
    thanked = any(s.reading.from_user and last.start <= s.date <= now for s in process.signals)
    return None if thanked else last.end


def decision_overdue(process: Process, today: date) -> bool:
    """A promised decision date has passed and no decision came."""
    return (
        process.stage in ACTIVE - {Stage.OFFER}
        and process.decision_promised
        and process.decision_expected_by is not None
        and process.decision_expected_by < today
        and not process.muted
    )


def open_requests(process: Process, now: datetime, zone: ZoneInfo) -> list[tuple[Signal, date | None]]:
    """Employer requests (references, work samples) the user has not answered since they arrived."""
    if process.stage in CLOSED:
        return []
    today = local_day(now, zone)
    out = []
    for sig in process.signals:
        if sig.reading.kind is not Kind.ACTION_REQUEST or sig.date > now:
            continue
        answered = any(s.reading.from_user and sig.date < s.date <= now for s in process.signals)
        deadline = sig.reading.request_deadline
        recent = deadline is not None and deadline >= today - timedelta(days=7)
        recent = recent or (deadline is None and now - sig.date <= timedelta(days=14))
        if not answered and recent:
            out.append((sig, deadline))
    return out


def offer_unanswered(process: Process, now: datetime) -> bool:
    offers = [s.date for s in process.signals if s.reading.kind is Kind.OFFER and s.date <= now]
    if process.stage is not Stage.OFFER or not offers:
        return False
    return not any(s.reading.from_user and s.date > max(offers) for s in process.signals if s.date <= now)


def change_phrase(sig: Signal, zone: ZoneInfo) -> str:
    """What one message changed, in a few words; '' for messages that change nothing worth saying."""
    r = sig.reading
    kind = r.kind
    if kind is Kind.APPLICATION_ACK:
        return "application received"
    if kind is Kind.INTERVIEW_INVITE:
        return "invited to schedule an interview"
    if kind in (Kind.INTERVIEW_CONFIRMED, Kind.RESCHEDULE):
        verb = "interview set for" if kind is Kind.INTERVIEW_CONFIRMED else "interview moved to"
        if r.interview_start is not None:
            return f"{verb} {short_moment(r.interview_start.astimezone(zone))}"
        return "interview moved" if kind is Kind.RESCHEDULE else "interview confirmed"
    if kind is Kind.DECISION_TIMELINE:
        if r.decision_expected_by is not None:
            return f"decision promised by {short_day(r.decision_expected_by)}"
        return "they promised to get back to you"
    if kind is Kind.ACTION_REQUEST:
        due = f" by {short_day(r.request_deadline)}" if r.request_deadline else ""
        return f"asked you for something{due}: “{oneline(sig.subject)}”"
    if kind is Kind.REJECTION:
        return "rejection"
    if kind is Kind.OFFER:
        return "offer received"
    if kind is Kind.NEXT_ROUND:
        return "invited to the next round"
    if kind is Kind.WITHDRAWN:
        return "you withdrew" if r.from_user else "position closed or put on hold"
    if kind is Kind.USER_THANK_YOU:
        return "you sent a thank-you"
    if kind is Kind.USER_FOLLOW_UP:
        return "you followed up"
    return ""


def answer_days(processes: Iterable[Process], now: datetime) -> list[float]:
    """For each interview, days from its end to the employer's next news (offer, rejection, next round...)."""
    out = []
    for process in processes:
        employer = sorted(
            (s for s in process.signals if not s.reading.from_user and s.reading.kind in ANSWER_KINDS),
            key=lambda s: s.date,
        )
        for interview in process.interviews:
            if interview.end > now:
                continue
            later = [s for s in employer if interview.end < s.date <= now]
            if later:
                out.append((later[0].date - interview.end).total_seconds() / 86400)
    return out


def median_days(values: list[float]) -> str:
    if not values:
        return "—"
    med = statistics.median(values)
    return f"{med:.0f}" if abs(med - round(med)) < 0.05 or med >= 10 else f"{med:.1f}"
