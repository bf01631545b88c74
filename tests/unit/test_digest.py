"""The weekly digest: content, subject, escaping, and the message around it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from followup.domain.digest import DigestInput
from followup.domain.model import (
    Action,
    ActionKind,
    Address,
    Identity,
    Interview,
    Kind,
    Person,
    Process,
    Reading,
    Signal,
    Stage,
)

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 3, 9, 8, 0, tzinfo=BERLIN)  # Monday
USER = Identity("Lena Hartmann", ("lena.hartmann@example.net",), "Europe/Berlin")


@dataclass(frozen=True)
class Eval:
    """Stands in for followup.domain.policy.Evaluation (what the digest reads from it)."""

    process: Process
    next_action: Action | None = None
    due: datetime | None = None
    waiting: str = ""
    expired: bool = False
    reasons: tuple[str, ...] = ()


def sig(
    when: datetime,
    kind: Kind,
    *,
    company: str = "Acme",
    subject: str = "Your application",
    from_user: bool = False,
    n: int = 0,
    **reading: object,
) -> Signal:
    sender = (
        Address("Lena Hartmann", USER.addresses[0]) if from_user else Address("Anna Schmidt", "anna@acme.com")
    )
    return Signal(
        ref=f"imap:INBOX:1:{when.timestamp():.0f}{n}",
        account="main",
        folder="sent" if from_user else "inbox",
        message_id=f"m{when.timestamp():.0f}{n}@x",
        thread_id="",
        in_reply_to="",
        references=(),
        date=when,
        sender=sender,
        reply_to=(),
        to=(),
        cc=(),
        subject=subject,
        reading=Reading(
            kind=kind, confidence=1.0, evidence=(), company=company, from_user=from_user, **reading
        ),  # type: ignore[arg-type]
    )


def interview(start: datetime, hours: float = 1.0) -> Interview:
    return Interview(
        start, start + timedelta(hours=hours), (Person("Anna Schmidt", "anna@acme.com"),), None, "uid", "m@x"
    )


def process(
    pid: str, company: str, role: str, stage: Stage, signals: tuple[Signal, ...], **kw: object
) -> Process:
    base = dict(
        interviews=(),
        contacts=(),
        decision_expected_by=None,
        decision_promised=False,
        thank_you_sent=False,
        follow_ups_sent=0,
        last_employer_human=None,
        last_employer=None,
    )
    base.update(kw)
    return Process(id=pid, company=company, role=role, stage=stage, signals=signals, **base)  # type: ignore[arg-type]


def day(d: int, h: int = 10) -> datetime:
    return datetime(2026, 3, d, h, 0, tzinfo=BERLIN)


def sample_input(**overrides: object) -> DigestInput:
    """Five processes at NOW: one unthanked interview, one lapsed promise, one offer, one stale, one rejected."""
    iv_globex = interview(day(6, 14))
    globex = process(
        "globex-1",
        "Globex",
        "Data Engineer",
        Stage.INTERVIEWED,
        (
            sig(day(2), Kind.APPLICATION_ACK, company="Globex"),
            sig(day(4), Kind.INTERVIEW_CONFIRMED, company="Globex", interview_start=day(6, 14)),
        ),
        interviews=(iv_globex,),
    )
    acme_iv = interview(datetime(2026, 2, 24, 10, tzinfo=BERLIN))
    acme = process(
        "acme-1",
        "Acme",
        "Senior Engineer",
        Stage.INTERVIEWED,
        (
            sig(datetime(2026, 2, 10, 9, tzinfo=BERLIN), Kind.APPLICATION_ACK),
            sig(
                datetime(2026, 2, 25, 9, tzinfo=BERLIN),
                Kind.DECISION_TIMELINE,
                decision_expected_by=date(2026, 3, 4),
            ),
            sig(datetime(2026, 2, 24, 16, tzinfo=BERLIN), Kind.USER_THANK_YOU, from_user=True),
        ),
        interviews=(acme_iv,),
        decision_expected_by=date(2026, 3, 4),
        decision_promised=True,
        thank_you_sent=True,
    )
    acme_action = Action(
        ActionKind.DECISION_FOLLOW_UP,
        "acme-1",
        "acme-1:dfu:1",
        datetime(2026, 3, 11, 9, tzinfo=BERLIN),
        (Address("Anna Schmidt", "anna@acme.com"),),
        "5 business days after 4 March",
    )
    initech_iv = interview(datetime(2026, 2, 27, 11, tzinfo=BERLIN))
    initech = process(
        "initech-1",
        "Initech",
        "Platform Lead",
        Stage.OFFER,
        (
            sig(datetime(2026, 2, 20, 9, tzinfo=BERLIN), Kind.APPLICATION_ACK, company="Initech"),
            sig(day(5), Kind.OFFER, company="Initech", n=1),
        ),
        interviews=(initech_iv,),
        thank_you_sent=True,
    )
    stale = process(
        "umbrella-1",
        "Umbrella",
        "SRE",
        Stage.STALE,
        (sig(datetime(2026, 1, 5, 9, tzinfo=BERLIN), Kind.APPLICATION_ACK, company="Umbrella"),),
        interviews=(interview(datetime(2026, 1, 12, 10, tzinfo=BERLIN)),),
        follow_ups_sent=2,
    )
    rejected = process(
        "hooli-1",
        "Hooli",
        "Backend Developer",
        Stage.REJECTED,
        (
            sig(datetime(2026, 2, 1, 9, tzinfo=BERLIN), Kind.APPLICATION_ACK, company="Hooli"),
            sig(datetime(2026, 2, 13, 9, tzinfo=BERLIN), Kind.REJECTION, company="Hooli"),
        ),
        interviews=(interview(datetime(2026, 2, 9, 10, tzinfo=BERLIN)),),
    )
    data = DigestInput(
        now=NOW,
        user=USER,
        evaluations=[
            Eval(globex),
            Eval(acme, acme_action, acme_action.due_at),
            Eval(initech),
            Eval(stale),
            Eval(rejected),
        ],
        drafts_waiting=[("initech-1", "offer_reply", "Bob Lee <bob@initech.com>")],
        not_drafted=[("hooli-1", "feedback_request", "held back: due more than 3 days before the first run")],
        account_problems=[],
    )
    return replace(data, **overrides)  # type: ignore[arg-type]
