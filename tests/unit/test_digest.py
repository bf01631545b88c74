"""The weekly digest: content, subject, escaping, and the message around it."""

from __future__ import annotations

import email
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from email import policy
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from followup.domain.compose import Templates
from followup.domain.digest import DigestInput, build_digest, digest_message, render_digest
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
    due: tuple[Action, ...] = ()
    waiting: tuple[Action, ...] = ()
    expired: tuple[Action, ...] = ()
    reasons: tuple[str, ...] = ()


def sig(
    when: datetime,
    kind: Kind,
    *,
    company: str = "Acme",
    subject: str = "Your application",
    from_user: bool = False,
    n: int = 0,
    **reading: Any,
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
    base: dict[str, Any] = dict(
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
            Eval(acme, acme_action, waiting=(acme_action,)),
            Eval(initech),
            Eval(stale),
            Eval(rejected),
        ],
        drafts_waiting=[("initech-1", "offer_reply", "Bob Lee <bob@initech.com>")],
        not_drafted=[("hooli-1", "feedback_request", "held back: due more than 3 days before the first run")],
        account_problems=[],
    )
    return replace(data, **overrides)  # type: ignore[arg-type]


TEMPLATES = Templates()


def render(data: DigestInput | None = None) -> tuple[str, str, str]:
    return render_digest(data or sample_input(), TEMPLATES)


def section(text: str, title: str) -> str:
    """The lines of the text part under heading ``title`` up to the next blank-line-separated heading."""
    start = text.index(title + "\n") + len(title) + 1
    end = text.find("\n\n", start)
    return text[start : end if end != -1 else None]


# --- subject and counts --------------------------------------------------------------------------


def test_subject_counts_drafts_waiting_overdue_and_active() -> None:
    subject, _, _ = render()
    assert subject == "Job search: 1 draft waiting, 2 overdue, 3 active"


def test_subject_of_a_quiet_week_counts_only_active_processes() -> None:
    subject, text, _ = render(sample_input(evaluations=[], drafts_waiting=[], not_drafted=[]))
    assert subject == "Job search: 0 active"
    assert "Nothing needs you right now." in text
    assert "No active processes." in text


def test_account_problems_are_shown_first_and_counted_in_the_subject() -> None:
    subject, text, html = render(
        sample_input(account_problems=["work: paused — the server refused the password"])
    )
    assert subject.endswith(", 1 account problem")
    assert text.index("ACCOUNTS NEED ATTENTION") < text.index("NEEDS YOU NOW")
    assert "work: paused — the server refused the password" in text
    assert "the server refused the password" in html


# --- what needs the user now ---------------------------------------------------------------------


def test_needs_you_lists_waiting_draft_overdue_thank_you_and_lapsed_promise() -> None:
    _, text, _ = render()
    needs = section(text, "NEEDS YOU NOW")
    assert (
        "Initech — Platform Lead: Review and send the reply to the offer to Bob Lee <bob@initech.com>"
        in needs
    )
    assert "Globex — Data Engineer: Thank-you overdue" in needs
    assert "The interview ended Fri 6 Mar 15:00, over 24 hours ago" in needs
    assert "Acme — Senior Engineer: Decision promised by Wed 4 Mar: 5 days ago, no word yet" in needs
    assert "Next: follow-up on the decision, due Wed 11 Mar 09:00." in needs


def test_thank_you_is_not_overdue_within_24_hours_or_once_the_user_wrote() -> None:
    view = build_digest(sample_input(now=datetime(2026, 3, 7, 14, 0, tzinfo=BERLIN)))
    assert not any(i.headline == "Thank-you overdue" for i in view.needs_you)
    data = sample_input()
    globex = data.evaluations[0].process
    thanked = replace(
        globex, signals=globex.signals + (sig(day(6, 18), Kind.USER_THANK_YOU, from_user=True),)
    )
    view = build_digest(replace(data, evaluations=[Eval(thanked), *data.evaluations[1:]]))
    assert not any(i.headline == "Thank-you overdue" for i in view.needs_you)
    assert view.overdue == 1


def test_thank_you_is_no_longer_nagged_about_after_the_window() -> None:
    view = build_digest(sample_input(now=datetime(2026, 3, 11, 8, 0, tzinfo=BERLIN)))
    assert not any(i.headline == "Thank-you overdue" for i in view.needs_you)


def test_overdue_thank_you_with_a_draft_waiting_is_one_item_marked_overdue() -> None:
    data = sample_input(drafts_waiting=[("globex-1", "thank_you", "anna@globex.com")])
    view = build_digest(data)
    globex = [i for i in view.needs_you if i.process_id == "globex-1"]
    assert len(globex) == 1 and globex[0].overdue
    assert globex[0].detail.startswith("Overdue: the interview ended over 24 hours ago.")


def test_employer_request_with_deadline_needs_the_user_and_counts_overdue_once_past() -> None:
    data = sample_input()
    globex = data.evaluations[0].process
    ask = sig(
        day(7),
        Kind.ACTION_REQUEST,
        company="Globex",
        subject="References, please",
        request_deadline=date(2026, 3, 12),
        n=5,
    )
    asked = replace(globex, signals=globex.signals + (ask,))
    view = build_digest(replace(data, evaluations=[Eval(asked), *data.evaluations[1:]]))
    item = next(i for i in view.needs_you if i.headline.startswith("They asked"))
    assert item.headline == "They asked you for something by Thu 12 Mar"
    assert item.detail == "“References, please”"
    assert not item.overdue
    later = build_digest(
        replace(
            data,
            now=datetime(2026, 3, 13, 9, tzinfo=BERLIN),
            evaluations=[Eval(asked), *data.evaluations[1:]],
        )
    )
    assert next(i for i in later.needs_you if i.headline.startswith("They asked")).overdue


def test_an_answered_employer_request_is_not_listed() -> None:
    data = sample_input()
    globex = data.evaluations[0].process
    ask = sig(day(7), Kind.ACTION_REQUEST, company="Globex", request_deadline=date(2026, 3, 12), n=5)
    reply = sig(day(8), Kind.OTHER, company="Globex", from_user=True, n=6)
    done = replace(globex, signals=globex.signals + (ask, reply))
    view = build_digest(replace(data, evaluations=[Eval(done), *data.evaluations[1:]]))
    assert not any(i.headline.startswith("They asked") for i in view.needs_you)


# --- processes -----------------------------------------------------------------------------------


def test_each_active_process_shows_stage_last_contact_promise_and_next_action() -> None:
    _, text, _ = render()
    active = text[text.index("ACTIVE PROCESSES (3)") : text.index("GONE QUIET")]
    assert (
        "- Acme — Senior Engineer\n  Stage: interviewed | last contact Wed 25 Feb, from them | decision promised by Wed 4 Mar\n  Next: follow-up on the decision, due Wed 11 Mar 09:00"
        in active
    )
    assert (
        "- Initech — Platform Lead\n  Stage: offer | last contact Thu 5 Mar, from them\n  Next: draft waiting in Drafts: reply to the offer"
        in active
    )
    assert "Umbrella" not in active and "Hooli" not in active


def test_stale_processes_come_with_the_guides_advice() -> None:
    _, text, _ = render()
    quiet = text[text.index("GONE QUIET (1)") : text.index("THIS WEEK")]
    assert "Umbrella — SRE" in quiet
    assert "Keep your search going" in quiet
    assert "at most once a month" in quiet
    assert "asks for nothing back" in quiet


def test_this_week_lists_only_the_last_seven_days_in_order() -> None:
    _, text, _ = render()
    week = section(text, "THIS WEEK")
    assert week.splitlines() == [
        "- Mon 2 Mar  Globex — Data Engineer: application received",
        "- Wed 4 Mar  Globex — Data Engineer: interview set for Fri 6 Mar 14:00",
        "- Thu 5 Mar  Initech — Platform Lead: offer received",
    ]


def test_figures_count_the_funnel_and_the_median_days_to_an_answer() -> None:
    view = build_digest(sample_input())
    assert dict(view.figures) == {
        "Applications": "5",
        "Interviews": "5",
        "Offers": "1",
        "Rejections": "1",
        # Initech: interview Fri 27 Feb 11-12, offer Thu 5 Mar 10:00 (5.9 d); Hooli: 9 Feb 11:00 -> 13 Feb 09:00 (3.9 d)
        "Median days from interview to an answer": "4.9",
    }
    assert [(b.label, b.count, b.percent) for b in view.funnel] == [
        ("Applied", 5, 100),
        ("Interviewed", 5, 100),
        ("Offer", 1, 20),
        ("Rejected", 1, 20),
    ]


def test_median_is_a_dash_when_no_interview_was_answered() -> None:
    view = build_digest(sample_input(evaluations=[sample_input().evaluations[0]]))
    assert dict(view.figures)["Median days from interview to an answer"] == "—"


def test_not_drafted_actions_say_why_including_blocked_next_actions() -> None:
    data = sample_input()
    globex = data.evaluations[0].process
    blocked = Action(
        ActionKind.THANK_YOU,
        "globex-1",
        "k",
        day(6, 17),
        (),
        "after the interview",
        blocked="no human address known",
    )
    _, text, html = render(
        replace(data, evaluations=[Eval(globex, blocked, due=(blocked,)), *data.evaluations[1:]])
    )
    part = text[text.index("NOT DRAFTED, AND WHY") :]
    assert (
        "- Hooli — Backend Developer: Feedback request not drafted\n  held back: due more than 3 days before the first run"
        in part
    )
    assert "- Globex — Data Engineer: Thank-you note not drafted\n  no human address known" in part
    assert "no human address known" in html


def test_muted_process_says_so() -> None:
    data = sample_input()
    muted = replace(data.evaluations[0].process, muted=True)
    _, text, _ = render(replace(data, evaluations=[Eval(muted), *data.evaluations[1:]]))
    assert "muted: followup drafts nothing for it" in text
    assert "Globex — Data Engineer: Thank-you overdue" not in text


def test_text_part_alone_names_every_process_and_what_to_do() -> None:
    _, text, _ = render()
    for name in ("Acme", "Globex", "Initech", "Umbrella", "Hooli"):
        assert name in text
    assert "<" not in text.replace("<bob@initech.com>", "")  # no markup leaks into the text part
    assert max(len(line) for line in text.splitlines()) < 220


def test_a_naive_clock_is_refused() -> None:
    with pytest.raises(ValueError):
        build_digest(sample_input(now=datetime(2026, 3, 9, 8, 0)))


# --- HTML safety and shape -----------------------------------------------------------------------

HOSTILE = ["<script>alert(1)</script>", '"><img src=x onerror=alert(2)>']


@pytest.mark.parametrize("evil", HOSTILE)
def test_strings_from_mail_render_as_text_in_html(evil: str) -> None:
    data = sample_input()
    globex = data.evaluations[0].process
    ask = sig(day(7), Kind.ACTION_REQUEST, company=evil, subject=evil, n=9)
    hostile = replace(globex, company=evil, role=evil, signals=globex.signals + (ask,))
    data = replace(
        data,
        evaluations=[Eval(hostile), *data.evaluations[1:]],
        drafts_waiting=[("globex-1", "thank_you", evil)],
        not_drafted=[("globex-1", "check_in", evil)],
        account_problems=[evil],
    )
    _, text, html = render(data)
    assert "<script" not in html.lower()
    assert "<img" not in html.lower()
    assert "onerror=alert" not in html.replace("onerror=alert(2)&gt;", "")  # only ever inside escaped text
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        or "&#34;&gt;&lt;img src=x onerror=alert(2)&gt;" in html
    )
    assert evil in text  # the text part shows it verbatim, as text


def test_html_has_no_scripts_remote_content_or_trackers() -> None:
    _, _, html = render()
    lowered = html.lower()
    for banned in (
        "<script",
        "<img",
        "<link",
        "<iframe",
        "@import",
        "url(",
        "http://",
        "https://",
        "src=",
        "javascript:",
    ):
        assert banned not in lowered, banned


def test_html_is_readable_in_dark_mode_and_on_a_phone() -> None:
    _, _, html = render()
    assert '<meta name="color-scheme" content="light dark">' in html
    assert 'name="viewport" content="width=device-width, initial-scale=1"' in html
    assert "max-width:600px" in html
    assert 'width="600"' not in html  # fluid, never a fixed width
    # No page background or text colour is imposed: the client's (dark or light) scheme applies.
    body_tag = re.search(r"<body[^>]*>", html)
    assert body_tag is not None and "background" not in body_tag.group(0)
    # Every box that sets a solid background colour also sets its text colour (no white-on-white).
    for style in re.findall(r'style="([^"]*)"', html):
        if re.search(r"background:#[0-9a-f]{6}", style):
            assert re.search(r"(^|;)color:#", style), style


def test_html_draws_the_funnel_with_css_bars() -> None:
    _, _, html = render()
    assert html.count("width:100%;height:14px") == 2  # applied and interviewed: 5 of 5
    assert html.count("width:20%;height:14px") == 2  # offer and rejected: 1 of 5


# --- the message ---------------------------------------------------------------------------------


def test_digest_message_is_multipart_alternative_from_and_to_the_user() -> None:
    raw = digest_message(sample_input(), TEMPLATES)
    msg = email.message_from_bytes(raw, policy=policy.default)
    assert msg.get_content_type() == "multipart/alternative"
    assert msg["From"] == msg["To"] == "Lena Hartmann <lena.hartmann@example.net>"
    assert msg["Subject"] == "Job search: 1 draft waiting, 2 overdue, 3 active"
    assert msg["Date"] == "Mon, 09 Mar 2026 08:00:00 +0100"
    assert msg["X-Followup-Kind"] == "digest"
    assert msg["X-Followup-Key"] == "digest:2026-W11"
    assert re.fullmatch(r"<[^@<>\s]+@example\.net>", str(msg["Message-ID"]))
    parts = [p.get_content_type() for p in msg.iter_parts()]  # type: ignore[attr-defined]
    assert parts == ["text/plain", "text/html"]
    plain = msg.get_body(("plain",))
    html = msg.get_body(("html",))
    assert plain is not None and "NEEDS YOU NOW" in plain.get_content()  # type: ignore[attr-defined]
    assert html is not None and "Needs you now" in html.get_content()  # type: ignore[attr-defined]
    assert re.search(rb"(?<!\r)\n", raw) is None


def test_digest_key_is_the_same_all_week_and_message_ids_differ() -> None:
    monday = email.message_from_bytes(digest_message(sample_input(), TEMPLATES), policy=policy.default)
    sunday = email.message_from_bytes(
        digest_message(sample_input(now=datetime(2026, 3, 15, 20, tzinfo=BERLIN)), TEMPLATES),
        policy=policy.default,
    )
    assert monday["X-Followup-Key"] == sunday["X-Followup-Key"]
    assert monday["Message-ID"] != sunday["Message-ID"]


def test_real_policy_evaluations_feed_the_digest() -> None:
    from followup.domain.policy import evaluate
    from followup.domain.settings import PolicySettings

    data = sample_input()
    evaluations = [evaluate(e.process, USER, PolicySettings(), NOW) for e in data.evaluations]
    view = build_digest(replace(data, evaluations=evaluations))
    acme = next(i for i in view.active if i.process_id == "acme-1")
    assert acme.next_action == "follow-up on the decision, due Wed 11 Mar 09:00"
    assert view.active_count == 3
    subject, text, html = render_digest(replace(data, evaluations=evaluations), TEMPLATES)
    assert subject.startswith("Job search: 1 draft waiting")
    assert "Acme — Senior Engineer" in text and "Acme — Senior Engineer" in html
