"""The pre-parse gate on hand-made messages: what it may skip, and every way a hiring word can hide."""

from __future__ import annotations

from email.message import EmailMessage

from followup.domain.classify import read
from followup.domain.model import Identity, Kind
from followup.domain.parse import parse
from followup.domain.pregate import no_hiring_cue

USER = Identity("Lena Hartmann", ("lena@example.net",), "Europe/Berlin")


def _mail(
    body: str = "Your parcel left the depot.",
    *,
    subject: str = "Parcel update",
    sender: str = "Parcelhub <ship@parcelhub.example>",
    html: str = "",
    **headers: str,
) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "lena@example.net"
    msg["Subject"] = subject
    msg["Message-ID"] = "<x1@parcelhub.example>"
    for name, value in headers.items():
        msg[name.replace("_", "-")] = value
    msg.set_content(body)
    if html:
        msg.add_alternative(html, subtype="html")
    return msg.as_bytes()


def test_a_receipt_without_any_hiring_word_is_skipped_and_reads_as_other() -> None:
    raw = _mail()
    assert no_hiring_cue(raw, USER)
    assert read(parse(raw), USER).kind is Kind.OTHER


def test_a_hiring_word_in_the_subject_body_or_quote_keeps_the_message() -> None:
    assert not no_hiring_cue(_mail(subject="Your interview on Monday"), USER)
    assert not no_hiring_cue(_mail("See you at the next step, Ana."), USER)
    assert not no_hiring_cue(_mail("Sure!\n\nOn Mon, Ana wrote:\n> about the position we discussed"), USER)


def test_a_hiring_word_split_by_inline_html_tags_keeps_the_message() -> None:
    html = "<p>Hello</p><p>Our <b>inter</b>view is confirmed</p>"
    assert not no_hiring_cue(_mail("Hello", html=html), USER)
    only_html = EmailMessage()
    only_html["From"] = "a@b.example"
    only_html["Subject"] = "Hi"
    only_html.set_content("<div>Dear Lena</div><div>Bewer<span>bung</span></div>", subtype="html")
    assert not no_hiring_cue(only_html.as_bytes(), USER)


def test_a_hiring_word_behind_base64_or_quoted_printable_keeps_the_message() -> None:
    msg = EmailMessage()
    msg["From"] = "a@b.example"
    msg["Subject"] = "Hi"
    msg.set_content("Thanks for your application, Lena.", cte="base64")
    assert not no_hiring_cue(msg.as_bytes(), USER)
    qp = EmailMessage()
    qp["From"] = "a@b.example"
    qp["Subject"] = "Hi"
    qp.set_content("x" * 70 + " Gespräch am Montag " + "y" * 80, cte="quoted-printable")
    assert not no_hiring_cue(qp.as_bytes(), USER)


def test_an_ats_sender_and_an_auto_reply_are_never_skipped() -> None:
    assert not no_hiring_cue(_mail(sender="Acme <no-reply@greenhouse.io>"), USER)
    assert not no_hiring_cue(_mail(subject="Out of office"), USER)


def test_a_forward_a_calendar_or_an_attached_message_is_never_skipped() -> None:
    assert not no_hiring_cue(_mail(subject="Fwd: lunch"), USER)
    assert not no_hiring_cue(
        _mail("FYI\n\n---------- Forwarded message ---------\nFrom: x@y.example\n\nhi"), USER
    )
    cal = EmailMessage()
    cal["From"] = "a@b.example"
    cal["Subject"] = "Lunch"
    cal.set_content("see you")
    cal.add_attachment(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", maintype="text", subtype="calendar")
    assert not no_hiring_cue(cal.as_bytes(), USER)
    outer = EmailMessage()
    outer["From"] = "a@b.example"
    outer["Subject"] = "look"
    outer.set_content("see below")
    inner = EmailMessage()
    inner["From"] = "c@d.example"
    inner["Subject"] = "hello"
    inner.set_content("nothing here")
    outer.add_attachment(inner)
    assert not no_hiring_cue(outer.as_bytes(), USER)


def test_a_hiring_word_in_an_attachment_name_keeps_the_message() -> None:
    msg = EmailMessage()
    msg["From"] = "a@b.example"
    msg["Subject"] = "Files"
    msg.set_content("as promised")
    msg.add_attachment(b"%PDF", maintype="application", subtype="pdf", filename="Lebenslauf_Lena.pdf")
    assert not no_hiring_cue(msg.as_bytes(), USER)


def test_a_truncated_or_unreadable_message_is_never_skipped() -> None:
    assert not no_hiring_cue(_mail(), USER, truncated=True)
    assert (
        not no_hiring_cue(b"\x00\xff not a message", USER)
        or read(parse(b"\x00\xff not a message"), USER).kind is Kind.OTHER
    )
