"""parse(): hand-made .eml fixtures in tests/fixtures/mail, and garbage that must never raise."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from followup.domain.model import Address
from followup.domain.parse import TEXT_CAP, parse

MAIL = Path(__file__).resolve().parents[1] / "fixtures" / "mail"


def load(name: str) -> bytes:
    return (MAIL / name).read_bytes()


def test_outlook_reply_keeps_only_the_new_promise_in_new_text() -> None:
    msg = parse(load("outlook-reply-history.eml"))
    assert "March 27" in msg.new_text
    assert "March 6" not in msg.new_text and "March 6" in msg.quoted_text
    assert "checking in on the timeline" in msg.quoted_text


def test_outlook_reply_headers_are_decoded_lowercased_and_selected() -> None:
    msg = parse(load("outlook-reply-history.eml"))
    assert msg.sender == Address("Okafor, Jide", "j.okafor@meridianfreight.example")
    assert msg.cc == (
        Address("Brandt, Ute", "ute.brandt@meridianfreight.example"),
        Address("", "hiring@meridianfreight.example"),
    )
    assert msg.in_reply_to == "CAF=abc123@mail.example.net"
    assert msg.references == ("first.1@meridianfreight.example", "CAF=abc123@mail.example.net")
    assert msg.date == datetime(2026, 3, 10, 15, 2, tzinfo=UTC)
    assert msg.headers["x-mailer"] == "Microsoft Outlook 16.0"
    assert "received" not in msg.headers
    assert msg.defects == ()


def test_rfc2047_name_and_subject_are_decoded() -> None:
    msg = parse(load("gmail-reply-quoted.eml"))
    assert msg.sender is not None and msg.sender.name == "Björn Åkesson"
    assert msg.subject == "Re: Interview – next week"
    assert msg.headers["x-gm-thrid"] == "1791234567890123456"


def test_gmail_wrapped_attribution_and_quotes_are_not_new_text() -> None:
    msg = parse(load("gmail-reply-quoted.eml"))
    assert msg.new_text == "Great, Thursday at 3 pm works. I'll send the invite."
    assert "March 16" in msg.quoted_text and "wrote:" in msg.quoted_text
    assert msg.signature == "Björn Åkesson\nNordlys AB"


def test_german_base64_latin1_forward_becomes_a_forwarded_entry() -> None:
    msg = parse(load("german-forward-base64.eml"))
    assert msg.subject == "WG: Einladung zum Vorstellungsgespräch"
    assert msg.sender == Address("Gräfin Müller", "graefin@example.de")
    assert msg.new_text == "Hallo Sam,\n\nanbei die Einladung, die ich bekommen habe."
    (fwd,) = msg.forwarded
    assert fwd.sender == Address("Jürgen Weiß", "j.weiss@kranich-logistik.example")
    assert fwd.subject == "Einladung zum Vorstellungsgespräch"
    assert fwd.to == (Address("Sam Lee", "sam.lee@example.net"),)
    assert fwd.date == datetime(2026, 3, 6, 16, 40, tzinfo=timezone(timedelta(hours=1)))
    assert "17.03.2026 um 14:00" in fwd.text
    assert "17.03.2026" not in msg.new_text


def test_apple_forward_with_quoted_headers_is_read() -> None:
    msg = parse(load("apple-forward.eml"))
    assert msg.new_text == "FYI"
    assert msg.signature == "Sent from my iPhone"
    (fwd,) = msg.forwarded
    assert fwd.sender is not None and fwd.sender.email == "beth@corvid.example"
    assert fwd.date is not None and fwd.date.utcoffset() == timedelta(hours=-8)
    assert fwd.text == "Hi Sam, your interview is confirmed for Tuesday at 2 PM PT."


def test_html_only_mail_becomes_readable_text_without_script_or_hidden_text() -> None:
    msg = parse(load("html-only.eml"))
    assert msg.text.startswith("Dear Sam,\n\nThank you for applying to Lumen & Co.")
    assert "- Step one: a call\n- Step two: an onsite" in msg.text
    assert "Date Tuesday, March 17\nTime 2:00 PM GMT" in msg.text
    for hidden in ("secret", "color: red", "Preheader", "Ignore title"):
        assert hidden not in msg.text
    assert msg.quoted_text == "> An older message that is quoted."
    assert "older message" not in msg.new_text
    assert msg.headers["auto-submitted"] == "auto-generated"
    assert msg.headers["precedence"] == "bulk"
    assert msg.reply_to == (Address("Priya Raman", "priya@lumen.example"),)


def test_plain_stub_pointing_to_the_browser_yields_the_html_text() -> None:
    msg = parse(load("plain-stub-with-html.eml"))
    assert "confirmed for Tuesday, March 17" in msg.text
    assert "browser" not in msg.text


def test_unknown_charset_8bit_header_no_date_no_id_degrade_with_defects() -> None:
    raw = load("broken-charset-no-date.eml")
    msg = parse(raw)
    assert msg.date is None
    assert msg.message_id.startswith("sha1-") and msg.message_id.endswith("@followup.invalid")
    assert parse(raw).message_id == msg.message_id  # stable
    assert msg.subject == "Café müde 😊"
    assert msg.sender == Address("Jörg", "joerg@broken.example")
    assert msg.to == ()
    assert msg.text == "Grüße aus Köln"
    assert msg.attachments[0].filename == "cv.pdf"
    assert "no Date header" in msg.defects
    assert any("x-unknown" in d for d in msg.defects)
    assert any("Boundary" in d for d in msg.defects)


def test_garbage_date_is_none_and_ids_are_extracted() -> None:
    msg = parse(load("garbage-date.eml"))
    assert msg.date is None and "unparsable Date header" in msg.defects
    assert msg.message_id == "no-brackets-id@firm.example"
    assert msg.in_reply_to == "a@b.example"
    assert msg.references == ("x@y.example", "z@y.example")


def test_date_without_zone_is_read_as_utc_and_noted() -> None:
    msg = parse(load("naive-date.eml"))
    assert msg.date == datetime(2026, 3, 12, 15, 0, tzinfo=UTC)
    assert any("without a zone" in d for d in msg.defects)


def test_base64_outlook_invite_with_windows_zone_is_read_in_iana_time() -> None:
    msg = parse(load("outlook-invite-india-tz.eml"))
    (ev,) = msg.calendar
    assert ev.method == "REQUEST" and ev.sequence == 2
    assert ev.start == datetime(2026, 3, 18, 14, 0, tzinfo=UTC)
    assert ev.start is not None and ev.start.utcoffset() == timedelta(hours=5, minutes=30)
    assert ev.tzid == "India Standard Time"
    assert ev.organizer == Address("Neha Iyer", "neha.iyer@ironleaf.example")
    assert [a.cutype for a in ev.attendees] == ["INDIVIDUAL", "ROOM", ""]
    assert ev.attendees[0].name == "Rachel Stone"
    assert msg.text == "Round 2 with Rachel."


def test_ics_attachment_cancel_and_attached_message() -> None:
    msg = parse(load("ics-attachment-cancel.eml"))
    (ev,) = msg.calendar
    assert ev.cancelled and ev.status == "CANCELLED"
    assert ev.end == datetime(2026, 3, 20, 15, 45, tzinfo=UTC)  # from DURATION
    kinds = sorted(a.content_type for a in msg.attachments)
    assert kinds == ["application/ics", "message/rfc822"]
    assert all(a.size > 0 for a in msg.attachments)
    (fwd,) = msg.forwarded
    assert fwd.subject == "Original invitation" and fwd.text == "Your interview is on Friday."


def test_truncated_fetch_keeps_headers_and_no_body() -> None:
    msg = parse(load("outlook-reply-history.eml"), truncated=True)
    assert msg.truncated
    assert msg.subject == "RE: Logistics Analyst - next steps"
    assert msg.text == ""


def test_huge_body_is_capped() -> None:
    raw = b"From: a@b.example\r\nDate: Thu, 12 Mar 2026 15:00:00 +0000\r\n\r\n" + b"word " * 100_000
    msg = parse(raw)
    assert len(msg.text) == TEXT_CAP
    assert msg.size == len(raw)
    assert any("cut" in d for d in msg.defects)


def test_non_bytes_input_still_returns_a_message_with_a_defect() -> None:
    msg = parse(None)  # type: ignore[arg-type]
    assert msg.message_id.startswith("sha1-")
    assert any(d.startswith("parse failed") for d in msg.defects)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_never_raise(raw: bytes) -> None:
    msg = parse(raw)
    assert msg.message_id


_LINES = st.sampled_from(
    [
        b"Content-Type: multipart/mixed; boundary=x",
        b"Content-Type: text/calendar; method=REQUEST",
        b"Content-Transfer-Encoding: base64",
        b"Content-Type: text/html; charset=x-bogus",
        b"--x",
        b"--x--",
        b"Date: Mon, 99 Foo 2026 25:61:00 +9999",
        b"Subject: =?utf-8?b?broken",
        b"From: \xff\xfe <a@@b>",
        b"BEGIN:VCALENDAR",
        b"BEGIN:VEVENT",
        b"DTSTART;TZID=Nowhere/Zone:20261301T250000",
        b"RRULE:FREQ=SECONDLY",
        b"END:VEVENT",
        b"END:VCALENDAR",
        b"<blockquote><p>x",
        b"> quoted",
        b"On Mon, Mar 9 wrote:",
        b"---------- Forwarded message ---------",
        b"",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINES, max_size=40))
def test_mime_shaped_garbage_never_raises(lines: list[bytes]) -> None:
    msg = parse(b"\r\n".join(lines))
    assert isinstance(msg.defects, tuple)
