"""Draft composition: personal, short, honest drafts in safe RFC 822 bytes."""

from __future__ import annotations

import re
from datetime import date, datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from zoneinfo import ZoneInfo

import pytest

from followup.domain.compose import Templates, compose_draft, draft_key, draft_message_id
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
NOW = datetime(2026, 2, 24, 13, 0, tzinfo=BERLIN)
USER = Identity("Lena Hartmann", ("lena.hartmann@example.net", "lena@old.example"), "Europe/Berlin")
ANNA = Address("Anna Schmidt", "anna.schmidt@acme.com")
TEMPLATES = Templates()


def employer_signal(subject: str = "Interview confirmation: Senior Engineer", **kw: object) -> Signal:
    base: dict[str, object] = dict(
        ref="imap:INBOX:1:7",
        account="main",
        folder="inbox",
        message_id="conf-1@acme.com",
        thread_id="",
        in_reply_to="ack-1@acme.com",
        references=("ack-1@acme.com",),
        date=datetime(2026, 2, 20, 10, tzinfo=BERLIN),
        sender=ANNA,
        reply_to=(),
        to=(),
        cc=(),
        subject=subject,
        reading=Reading(kind=Kind.INTERVIEW_CONFIRMED, confidence=1.0, evidence=()),
    )
    base.update(kw)
    return Signal(**base)  # type: ignore[arg-type]


INTERVIEW = Interview(
    start=datetime(2026, 2, 24, 10, tzinfo=BERLIN),
    end=datetime(2026, 2, 24, 11, tzinfo=BERLIN),
    interviewers=(Person("Anna Schmidt", "anna.schmidt@acme.com"),),
    arranger=None,
    calendar_uid="uid-1",
    source_message_id="conf-1@acme.com",
)


def make_process(**kw: object) -> Process:
    sig = employer_signal()
    base: dict[str, object] = dict(
        id="acme-3f2a",
        company="Acme",
        role="Senior Engineer",
        stage=Stage.INTERVIEWED,
        signals=(sig,),
        interviews=(INTERVIEW,),
        contacts=(Person("Anna Schmidt", "anna.schmidt@acme.com"),),
        decision_expected_by=date(2026, 3, 13),
        decision_promised=True,
        thank_you_sent=False,
        follow_ups_sent=0,
        last_employer_human=sig,
        last_employer=sig,
    )
    base.update(kw)
    return Process(**base)  # type: ignore[arg-type]


def make_action(kind: ActionKind = ActionKind.THANK_YOU, **kw: object) -> Action:
    base: dict[str, object] = dict(
        kind=kind,
        process_id="acme-3f2a",
        key=f"acme-3f2a:{kind.value}:anna.schmidt@acme.com",
        due_at=datetime(2026, 2, 24, 13, tzinfo=BERLIN),
        to=(ANNA,),
        reason="2 hours after the interview ended",
        reply_to=employer_signal(),
        interview=INTERVIEW,
        interviewer=Person("Anna Schmidt", "anna.schmidt@acme.com"),
    )
    base.update(kw)
    return Action(**base)  # type: ignore[arg-type]


def compose(action: Action | None = None, process: Process | None = None, **kw: object) -> bytes:
    return compose_draft(
        action or make_action(),
        process or make_process(),
        USER,
        now=kw.pop("now", NOW),  # type: ignore[arg-type]
        templates=kw.pop("templates", TEMPLATES),  # type: ignore[arg-type]
        **kw,  # type: ignore[arg-type]
    )


def parse(raw: bytes) -> EmailMessage:
    msg = BytesParser(policy=policy.default).parsebytes(raw)
    assert isinstance(msg, EmailMessage)
    return msg


def body(raw: bytes) -> str:
    part = parse(raw).get_body(("plain",))
    assert part is not None
    return str(part.get_content()).replace("\r\n", "\n")  # type: ignore[attr-defined]


# --- headers -------------------------------------------------------------------------------------


def test_thank_you_reply_has_threading_and_followup_headers() -> None:
    msg = parse(compose())
    assert msg["From"] == "Lena Hartmann <lena.hartmann@example.net>"
    assert msg["To"] == "Anna Schmidt <anna.schmidt@acme.com>"
    assert msg["Subject"] == "Re: Interview confirmation: Senior Engineer"
    assert msg["In-Reply-To"] == "<conf-1@acme.com>"
    assert msg["References"] == "<ack-1@acme.com> <conf-1@acme.com>"
    assert msg["X-Followup-Kind"] == "thank_you"
    assert msg["X-Followup-Key"] == "acme-3f2a:thank_you:anna.schmidt@acme.com"
    assert msg.get_content_type() == "text/plain"
    assert msg.get_content_charset() == "utf-8"
    assert msg["Cc"] is None and msg["Bcc"] is None


def test_date_is_now_in_the_users_zone_and_message_id_on_users_domain() -> None:
    msg = parse(compose())
    assert msg["Date"] == "Tue, 24 Feb 2026 13:00:00 +0100"
    assert re.fullmatch(r"<[^@<>\s]+@example\.net>", str(msg["Message-ID"]))


def test_message_id_follows_from_the_key_alone_so_gmail_can_find_sent_drafts() -> None:
    first = parse(compose())
    later = parse(compose(now=datetime(2026, 2, 24, 14, tzinfo=BERLIN)))
    key = first["X-Followup-Key"]
    assert (
        first["Message-ID"]
        == later["Message-ID"]
        == draft_message_id(key, first["From"].split("@")[-1].rstrip(">"))
    )
    assert draft_message_id(key + "x", "example.net") != draft_message_id(key, "example.net")


def test_raw_bytes_use_crlf_line_endings_only() -> None:
    raw = compose()
    assert b"\r\n" in raw
    assert re.search(rb"(?<!\r)\n", raw) is None


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Re: Interview", "Re: Interview"),
        ("RE: RE: Interview", "Re: Interview"),
        ("AW: Re: Ihr Vorstellungsgespräch", "Re: Ihr Vorstellungsgespräch"),
        ("Aw: Termin", "Re: Termin"),
        ("SV: Intervju", "Re: Intervju"),
        ("Re[2]: Next steps", "Re: Next steps"),
        ("Re:Re: Next steps", "Re: Next steps"),
        ("Fwd: Offer", "Re: Fwd: Offer"),
        ("Regarding your interview", "Re: Regarding your interview"),
    ],
)
def test_reply_subject_never_stacks_reply_prefixes(subject: str, expected: str) -> None:
    raw = compose(make_action(reply_to=employer_signal(subject=subject)))
    assert parse(raw)["Subject"] == expected


def test_without_a_message_to_answer_the_subject_is_sensible_and_there_is_no_threading() -> None:
    raw = compose(make_action(reply_to=None))
    msg = parse(raw)
    assert msg["Subject"] == "Thank you — Senior Engineer interview"
    assert msg["In-Reply-To"] is None and msg["References"] is None


def test_fallback_subjects_for_follow_ups_name_role_and_company() -> None:
    raw = compose(make_action(ActionKind.CHECK_IN, reply_to=None))
    assert parse(raw)["Subject"] == "Checking in — Senior Engineer at Acme"


def test_crlf_in_subject_name_and_ids_from_mail_cannot_inject_headers() -> None:
    evil = employer_signal(
        subject="Hi\r\nBcc: evil@x.com",
        message_id="conf-1@acme.com>\r\nBcc: evil2@x.com",
        references=("a@b\r\nX-Evil: 1",),
    )
    action = make_action(reply_to=evil, to=(Address("Anna\r\nBcc: evil3@x.com", "anna.schmidt@acme.com"),))
    raw = compose(action)
    header_block = raw.split(b"\r\n\r\n", 1)[0]
    assert not re.search(rb"^(Bcc|X-Evil):", header_block, re.MULTILINE | re.IGNORECASE)
    msg = parse(raw)
    assert msg["Bcc"] is None and msg["X-Evil"] is None
    assert "\n" not in str(msg["Subject"]) and str(msg["Subject"]).startswith("Re: Hi Bcc: evil@x.com")
    assert msg["To"].addresses[0].addr_spec == "anna.schmidt@acme.com"  # type: ignore[attr-defined]
    assert len(msg["To"].addresses) == 1  # type: ignore[attr-defined]


def test_non_ascii_names_round_trip_through_encoded_headers() -> None:
    action = make_action(to=(Address("Jürgen Müller", "j.mueller@acme.de"),))
    msg = parse(compose(action))
    assert msg["To"] == "Jürgen Müller <j.mueller@acme.de>"
    assert body(compose(action)).startswith("Dear Jürgen,")


def test_an_action_without_recipient_is_refused() -> None:
    with pytest.raises(ValueError, match="no recipient"):
        compose(make_action(to=(), blocked="no human address known"))


def test_a_naive_clock_is_refused() -> None:
    with pytest.raises(ValueError):
        compose(now=datetime(2026, 2, 24, 13, 0))


def test_an_address_with_header_syntax_is_refused() -> None:
    with pytest.raises(ValueError):
        compose(make_action(to=(Address("x", "anna@acme.com>, evil@x.com"),)))


# --- draft_key ------------------------------------------------------------------------------------


def test_draft_key_reads_the_key_back_from_draft_bytes() -> None:
    assert draft_key(compose()) == "acme-3f2a:thank_you:anna.schmidt@acme.com"


@pytest.mark.parametrize("raw", [b"", b"\x00\xff garbage", b"Subject: hello\r\n\r\nbody\r\n"])
def test_draft_key_is_none_for_mail_without_a_key(raw: bytes) -> None:
    assert draft_key(raw) is None


def test_ascii_drafts_stay_readable_raw_and_non_ascii_ones_are_quoted_printable() -> None:
    plain = parse(compose())
    assert plain["Content-Transfer-Encoding"] == "7bit"
    assert b"Dear Anna,\r\n" in compose()
    accented = compose(make_action(to=(Address("Jürgen Müller", "j.mueller@acme.de"),)))
    assert parse(accented)["Content-Transfer-Encoding"] == "quoted-printable"
    assert max(len(line) for line in accented.split(b"\r\n")) <= 78


def test_a_very_long_note_cannot_produce_an_overlong_line() -> None:
    raw = compose(notes=["x" * 3000])
    assert max(len(line) for line in raw.split(b"\r\n")) <= 998
    assert "x" * 3000 in body(raw)
