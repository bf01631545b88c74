"""Cue families added after the fifth held-out batch, on sentences of our own (not the fixtures'): Italian
and Portuguese mail, someone else chosen without the words "other candidates", a pause that has ended,
promises made in the third person, dates named after a holiday, and who sits across the table."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from followup.domain.classify import read
from followup.domain.model import Address, Attendee, CalendarEvent, Identity, Kind, Message
from tests.support.messages import text_message

USER = Identity("Sam Rivera", ("sam.rivera@example.com",), "Europe/London")
HR = Address("Paula Neri", "paula.neri@vetreria-lume.it")
ME = Address("Sam Rivera", "sam.rivera@example.com")
CEST = timezone(timedelta(hours=2))
EDT = timezone(timedelta(hours=-4))


def msg(
    text: str, subject: str = "Ciao", sender: Address = HR, sent: datetime | None = None, **kw: object
) -> Message:
    date = sent or datetime(2026, 6, 3, 11, 0, tzinfo=CEST)  # a Wednesday
    kw.setdefault("to", (ME,))
    return text_message(text, subject=subject, sender=sender, date=date, message_id="r5@x", **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Buongiorno Sam, abbiamo ricevuto la tua candidatura per il ruolo di Buyer e la valuteremo a breve.",
            Kind.APPLICATION_ACK,
        ),
        (
            "Ciao Sam, ci piacerebbe conoscerti per un colloquio: puoi indicarci le tue disponibilità per giovedì?",
            Kind.INTERVIEW_INVITE,
        ),
        (
            "Gentile Sam, grazie per il colloquio. Purtroppo abbiamo scelto di procedere con un altro candidato.",
            Kind.REJECTION,
        ),
        (
            "Olá Sam, recebemos a sua candidatura para a vaga de Comprador. Obrigado pelo interesse!",
            Kind.APPLICATION_ACK,
        ),
        (
            "Olá Sam, infelizmente vamos prosseguir com outros perfis para esta vaga de Comprador.",
            Kind.REJECTION,
        ),
        (
            "Hi Sam, thanks for your time on the Buyer role. We've decided to proceed with one other finalist whose"
            " background is in retail.",
            Kind.REJECTION,
        ),
        (
            "Hi Sam, thanks for interviewing for the Buyer role. I'm sorry to say you weren't successful this time.",
            Kind.REJECTION,
        ),
        (
            "Hi Sam, quick update on the Buyer position: the hiring freeze has been lifted and the role is open again."
            " We expect to make a decision by Friday.",
            Kind.DECISION_TIMELINE,
        ),
    ],
)
def test_round5_meanings_in_our_own_words(text: str, kind: Kind) -> None:
    assert read(msg(text), USER).kind is kind


def test_a_funding_body_saying_an_application_was_not_successful_is_not_a_rejection() -> None:
    text = "We regret to inform you that your application to the Riverside Arts Fund was not successful this round."
    assert read(msg(text, "Arts fund outcome"), USER).kind is Kind.OTHER


def test_italian_promise_resolves_entro_a_weekday_and_date() -> None:
    r = read(
        msg("Ciao Sam, grazie per il colloquio di oggi. Ti daremo un riscontro entro lunedì 15 giugno."), USER
    )
    assert r.kind is Kind.DECISION_TIMELINE
    assert r.decision_expected_by == date(2026, 6, 15)


def test_portuguese_confirmation_reads_the_day_the_hour_and_lisbon_time() -> None:
    text = "Olá Sam, confirmamos a sua entrevista na sexta-feira, 12 de junho, às 10h30 (hora de Lisboa)."
    r = read(msg(text, "Entrevista"), USER)
    assert r.kind is Kind.INTERVIEW_CONFIRMED
    assert r.interview_start == datetime(2026, 6, 12, 10, 30, tzinfo=timezone(timedelta(hours=1)))


def test_a_named_person_who_expects_to_decide_by_a_holiday_date_is_a_dated_promise() -> None:
    text = "Hi Sam, Lena expects to reach a decision on the Buyer role by Independence Day, Friday July 3."
    r = read(
        msg(
            text,
            "Buyer role",
            sender=Address("Jo Park", "jo@harborline.com"),
            sent=datetime(2026, 6, 24, 9, 0, tzinfo=EDT),
        ),
        USER,
    )
    assert r.kind is Kind.DECISION_TIMELINE
    assert r.decision_expected_by == date(2026, 7, 3)


def test_a_move_to_the_same_day_takes_the_day_named_earlier() -> None:
    text = (
        "Hi Sam, the panel for your Buyer interview on Thursday 11 June has a clash that afternoon. "
        "Could we move your interview to the same day at 09:30 instead? Apologies for the change."
    )
    r = read(
        msg(
            text,
            "Buyer interview",
            sender=Address("Jo Park", "jo@harborline.co.uk"),
            sent=datetime(2026, 6, 5, 9, 0, tzinfo=timezone(timedelta(hours=1))),
        ),
        USER,
    )
    assert r.kind is Kind.RESCHEDULE
    assert r.interview_start == datetime(2026, 6, 11, 9, 30, tzinfo=timezone(timedelta(hours=1)))


def test_an_organizer_listed_among_other_guests_is_not_an_interviewer() -> None:
    org = Address("Jo Park", "jo@harborline.com")
    start = datetime(2026, 6, 11, 14, 0, tzinfo=EDT)
    ev = CalendarEvent(
        "REQUEST",
        "u5",
        0,
        start,
        start + timedelta(hours=1),
        "America/New_York",
        "Interview: Buyer",
        "",
        "",
        org,
        (
            Attendee("Jo Park", org.email),
            Attendee("Lena Ortiz", "lena.ortiz@harborline.com"),
            Attendee("Sam", ME.email),
        ),
        "CONFIRMED",
    )
    r = read(
        msg("Invitation: Interview: Buyer", "Invitation: Interview: Buyer", sender=org, calendar=(ev,)), USER
    )
    assert r.kind is Kind.INTERVIEW_CONFIRMED
    assert [p.email for p in r.interviewers] == ["lena.ortiz@harborline.com"]


def test_an_ats_relay_domain_is_never_the_company() -> None:
    sender = Address("Harborline Foods", "no-reply@breezy-mail.com")
    r = read(
        msg(
            "Hi Sam, thanks for applying for the Buyer role at Harborline Foods.",
            "Your application",
            sender=sender,
        ),
        USER,
    )
    assert r.kind is Kind.APPLICATION_ACK
    assert r.company == "Harborline Foods"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Bonjour Sam, après réflexion nous avons privilégié un autre profil pour le poste d'acheteur.",
            Kind.REJECTION,
        ),
        (
            "Dear Sam, we will not be able to take your application forward for the Buyer position.",
            Kind.REJECTION,
        ),
        (
            "Hi Sam, you've advanced to the final round for the Buyer role! I'll be in touch soon to book a time.",
            Kind.NEXT_ROUND,
        ),
        (
            "Hi Sam, for the Buyer role, could you send me the details of two referees by Monday?",
            Kind.ACTION_REQUEST,
        ),
        ("Hoi Sam, kun je voor de functie van inkoper twee referenties doorgeven?", Kind.ACTION_REQUEST),
        (
            "Olá Sam, gostaríamos de marcar uma entrevista para a vaga de Comprador. Qual é a sua disponibilidade?",
            Kind.INTERVIEW_INVITE,
        ),
    ],
)
def test_sixth_batch_meanings_in_our_own_words(text: str, kind: Kind) -> None:
    assert read(msg(text), USER).kind is kind


def test_the_users_question_about_salary_flexibility_is_not_a_follow_up() -> None:
    text = "Hi Jo, thanks for the offer for the Buyer role. Could you tell me whether there is any room on the salary?"
    r = read(msg(text, "Re: Buyer offer", sender=ME, to=(Address("Jo Park", "jo@harborline.com"),)), USER)
    assert r.kind is Kind.OTHER


def test_a_colleagues_interview_debrief_invite_at_the_current_job_is_a_lookalike() -> None:
    org = Address("Kim Lau", "kim.lau@currentjob.example")
    start = datetime(2026, 6, 11, 16, 0, tzinfo=CEST)
    ev = CalendarEvent(
        "REQUEST",
        "d1",
        0,
        start,
        start + timedelta(minutes=30),
        "",
        "Candidate debrief",
        "",
        "",
        org,
        (Attendee("Sam", ME.email), Attendee("Ola Berg", "ola.berg@currentjob.example")),
        "CONFIRMED",
    )
    text = "Candidate debrief for the data engineer interviews. Please submit your scorecards first."
    assert (
        read(msg(text, "Invitation: Candidate debrief", sender=org, calendar=(ev,)), USER).kind is Kind.OTHER
    )


def test_a_weekday_beside_a_vague_promise_is_not_its_date() -> None:
    text = (
        "Hi Sam, thanks for Tuesday. The hiring team meets on Friday and I'll let you know as soon as I can."
    )
    r = read(msg(text, "Buyer role"), USER)
    assert r.kind is Kind.DECISION_TIMELINE
    assert r.decision_expected_by is None


def test_an_envelope_sent_via_docusign_names_the_employer_before_via() -> None:
    sender = Address("Harborline Foods via DocuSign", "dse@docusign.net")
    r = read(
        msg(
            "Harborline Foods sent you a document to review and sign: your offer letter.",
            "Please DocuSign: Harborline Foods Offer Letter",
            sender=sender,
        ),
        USER,
    )
    assert r.kind is Kind.OFFER
    assert r.company == "Harborline Foods"
