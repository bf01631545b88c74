"""Kinds and facts after the eleventh held-out batch, on sentences of our own (not the fixtures'): a
government office receiving a visa application, the user's own employer inviting them to a meeting that
mentions interviews, decision promises without a hiring word, the user declining an offer, a future
assessment named in an ack, a quoted assessment under an invitation, booking pages, more languages."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from followup.domain.classify import read
from followup.domain.model import Address, Attendee, CalendarEvent, Identity, Kind, Message
from tests.support.messages import text_message

USER = Identity("Saoirse Ní Bhriain", ("saoirse.nb@example.org",), "Europe/Dublin")
ME = Address("Saoirse Ní Bhriain", "saoirse.nb@example.org")
HR = Address("Tomas Reddy", "tomas.reddy@lanternfield.io")
IST = timezone(timedelta(hours=1))


def msg(
    text: str, subject: str = "Hello", sender: Address = HR, sent: datetime | None = None, **kw: object
) -> Message:
    date = sent or datetime(2026, 4, 7, 9, 30, tzinfo=IST)  # a Tuesday
    kw.setdefault("to", (ME,))
    return text_message(text, subject=subject, sender=sender, date=date, message_id="r9@x", **kw)  # type: ignore[arg-type]


def test_a_government_receipt_of_a_visa_application_is_not_hiring_mail() -> None:
    r = read(
        msg(
            "Dear applicant,\n\nWe confirm that your application for a working holiday visa has been received"
            " and will be assessed in turn. Reference: QX-55120.\n\nThis mailbox is not monitored.",
            subject="Application received - reference QX-55120",
            sender=Address("Immigration Service", "no-reply@immigration-example.gov.nz"),
        ),
        USER,
    )
    assert r.kind is Kind.OTHER
    assert r.company == ""


def test_an_application_to_a_company_named_visa_is_still_an_ack() -> None:
    r = read(
        msg(
            "Hi Saoirse,\n\nThank you for your application for the Data Engineer position at Visa. We have"
            " received your application and our recruiting team will review it shortly.",
            subject="Thank you for applying",
            sender=Address("Visa Careers", "careers@visa-example.com"),
        ),
        USER,
    )
    assert r.kind is Kind.APPLICATION_ACK


def _team_meeting(colleague: Attendee) -> Message:
    org = Address("Declan Moss", "declan.moss@harbour-mutual.ie")
    event = CalendarEvent(
        method="REQUEST",
        uid="team-1",
        sequence=0,
        start=datetime(2026, 4, 14, 11, 0, tzinfo=IST),
        end=datetime(2026, 4, 14, 12, 0, tzinfo=IST),
        tzid="GMT Standard Time",
        summary="Hiring panel prep",
        description="",
        location="Microsoft Teams Meeting",
        organizer=org,
        attendees=(
            Attendee("Saoirse Ní Bhriain", ME.email),
            colleague,
            Attendee("Aoife Ryan", "aoife.ryan@harbour-mutual.ie"),
        ),
        status="CONFIRMED",
    )
    return msg(
        "Hi both, let's line up questions for the analyst interviews next week and agree who covers SQL.",
        subject="Hiring panel prep",
        sender=org,
        calendar=(event,),
    )


def test_an_invitation_from_the_users_own_employer_about_interviews_is_not_an_interview() -> None:
    r = read(_team_meeting(Attendee("Saoirse Ní Bhriain (Harbour Mutual)", "snb@harbour-mutual.ie")), USER)
    assert r.kind is Kind.OTHER
    assert r.company == ""


def test_an_invitation_that_invites_only_the_users_own_address_is_still_an_interview() -> None:
    r = read(_team_meeting(Attendee("Conor Walsh", "conor.walsh@harbour-mutual.ie")), USER)
    assert r.kind is Kind.INTERVIEW_CONFIRMED


@pytest.mark.parametrize(
    "text",
    [
        (  # Indian English: "revert" is "reply"; an attribution line's time is not a meeting
            "Dear Saoirse,\n\nThanks for your time with our architect last week. We shall revert with the final"
            " result before 24th April.\n\nRegards,\nMeena\n\n---- On Tue, 31 Mar 2026 10:05:11 +0530 Careers"
            " <careers@lanternfield.io> wrote ---"
        ),
        (  # a promise after a conversation, timed by a holiday, with no hiring word at all
            "hi saoirse\n\nreally enjoyed our chat this morning. i'll run it past my cofounder and we'll get back"
            " to you after the christmas holidays\n\nt"
        ),
        (  # German: a promise after thanks for a delivered work sample, which asks for nothing
            "Sehr geehrte Frau Ní Bhriain,\n\nvielen Dank für die Zusendung Ihrer Arbeitsprobe. Das Team prüft"
            " gerade alle Einsendungen.\n\nWir werden uns bis spätestens Freitag, den 24. April, bei Ihnen melden."
        ),
    ],
)
def test_a_promise_without_usual_wording_is_a_decision_timeline(text: str) -> None:
    subject = "Ihre Bewerbung - Zwischenstand" if "Ihnen" in text else "Update"
    assert read(msg(text, subject=subject), USER).kind is Kind.DECISION_TIMELINE


def test_a_promise_timed_by_a_holiday_has_no_date_and_a_german_one_has_its_day() -> None:
    holiday = "we'll talk it over this week and get back to you after the easter break."
    assert read(msg(f"great chatting today. {holiday}", subject="hi"), USER).decision_expected_by is None
    german = "Danke für das Gespräch. Wir werden uns bis spätestens Freitag, den 24. April, bei Ihnen melden."
    r = read(msg(german, subject="Ihre Bewerbung"), USER)
    assert str(r.decision_expected_by) == "2026-04-24"


def test_the_user_saying_no_to_an_offer_without_naming_it_is_a_withdrawal() -> None:
    text = (
        "Hi Tomas,\n\nThank you for the offer and for a lovely process. After a weekend of thinking it over I've"
        " decided not to take it - the commute would be too much for us right now.\n\nBest,\nSaoirse"
    )
    m = msg(text, subject="Re: Your offer from Lanternfield", sender=ME, to=(HR,))
    assert read(m, USER).kind is Kind.WITHDRAWN


def test_a_spanish_decision_not_to_continue_with_the_application_is_a_rejection() -> None:
    text = (
        "Hola Saoirse:\n\nGracias por tu interés. Tras revisar tu perfil, hemos decidido no seguir adelante con tu"
        " candidatura en esta ocasión.\n\nUn saludo,\nSelección"
    )
    assert read(msg(text, subject="Tu candidatura"), USER).kind is Kind.REJECTION
