"""Small builders of Signals for the track/policy unit tests (no corpus needed)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from itertools import count
from zoneinfo import ZoneInfo

from followup.domain.model import Address, Identity, Kind, Person, Reading, Signal

TZ = ZoneInfo("Europe/Berlin")
USER = Identity("Alex Doe", ("alex@example.net",), "Europe/Berlin")
ME = Address("Alex Doe", "alex@example.net")
RECRUITER = Address("Rita Recruiter", "rita@acme.com")
ATS = Address("Acme via Greenhouse", "no-reply@greenhouse.io")
_ids = count(1)


def at(day: int, hour: int = 10, minute: int = 0, month: int = 3) -> datetime:
    """A time in March 2026, Berlin (2 March 2026 is a Monday)."""
    return datetime(2026, month, day, hour, minute, tzinfo=TZ)


def sig(
    kind: Kind,
    when: datetime,
    *,
    sender: Address = RECRUITER,
    to: tuple[Address, ...] = (ME,),
    reply_to: tuple[Address, ...] = (),
    company: str = "Acme",
    role: str = "Data Engineer",
    start: datetime | None = None,
    minutes: int = 60,
    interviewers: tuple[str, ...] = (),
    decision: date | None = None,
    automated: bool = False,
    in_reply_to: str = "",
    uid: str = "",
    sequence: int = 0,
    keywords: frozenset[str] = frozenset(),
    mid: str = "",
) -> Signal:
    from_user = sender.email == ME.email
    reading = Reading(
        kind=kind,
        confidence=0.9,
        evidence=("test",),
        company=company,
        role=role,
        interview_start=start,
        interview_end=start + timedelta(minutes=minutes) if start else None,
        interviewers=tuple(Person(e.split("@")[0].title(), e) for e in interviewers),
        decision_expected_by=decision,
        promise=kind == Kind.DECISION_TIMELINE,
        calendar_uid=uid,
        calendar_sequence=sequence,
        from_user=from_user,
        automated=automated,
        company_domain="acme.com" if company == "Acme" and not from_user else "",
    )
    mid = mid or f"m{next(_ids)}@test"
    return Signal(
        ref=mid,
        account="main",
        folder="sent" if from_user else "inbox",
        message_id=mid,
        thread_id="",
        in_reply_to=in_reply_to,
        references=(in_reply_to,) if in_reply_to else (),
        date=when,
        sender=sender,
        reply_to=reply_to,
        to=to,
        cc=(),
        subject="test",
        reading=reading,
        keywords=keywords,
    )


def mine(kind: Kind, when: datetime, to: Address = RECRUITER, **kw: object) -> Signal:
    return sig(kind, when, sender=ME, to=(to,), **kw)  # type: ignore[arg-type]
