"""Cue families added after the third held-out batch, on sentences of our own (not the fixtures'):
negation, who speaks, precedence, languages, and facts that an all-day hold or a test deadline could blur."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from followup.domain.classify import read
from followup.domain.model import Address, Attendee, CalendarEvent, Identity, Kind, Message
from tests.support.messages import text_message

USER = Identity("Sam Rivera", ("sam.rivera@example.com",), "Europe/Amsterdam")
RECRUITER = Address("Ana Ruiz", "ana.ruiz@brightmoor-analytics.com")
ME = Address("Sam Rivera", "sam.rivera@example.com")
CEST = timezone(timedelta(hours=2))


def msg(text: str, subject: str = "Hello", sender: Address = RECRUITER, **kw: object) -> Message:
    to = (ME,) if sender != ME else (RECRUITER,)
    date = datetime(2026, 4, 10, 15, 0, tzinfo=CEST)  # a Friday
    return text_message(text, subject=subject, sender=sender, to=to, date=date, **kw)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Having reviewed your application for the Buyer role, we will not be taking it any further.",
            Kind.REJECTION,
        ),
        (
            "We were torn, but the panel has chosen to move ahead with another finalist for the Planner role.",
            Kind.REJECTION,
        ),
        (
            "Everyone liked you a lot. In the end we decided to extend an offer to a different candidate.",
            Kind.REJECTION,
        ),
        ("Due to a reorganisation we have decided to pause hiring for the Planner position.", Kind.WITHDRAWN),
        ("Attached is your formal offer letter for the Planner position; please sign by Friday.", Kind.OFFER),
        ("Good news: we can raise the base salary to 70k, and the revised offer is attached.", Kind.OFFER),
        (
            "Ihre Unterlagen haben uns überzeugt. Bitte lassen Sie uns noch Ihre Gehaltsvorstellung zukommen.",
            Kind.ACTION_REQUEST,
        ),
        (
            "Votre candidature est retenue pour le deuxième tour d'entretiens, je vous propose des dates bientôt.",
            Kind.NEXT_ROUND,
        ),
        ("Has superado la primera entrevista y pasas a la segunda fase del proceso.", Kind.NEXT_ROUND),
        ("Je sollicitatie was sterk: we nodigen je graag uit voor de volgende ronde.", Kind.NEXT_ROUND),
        (
            "Tras revisar tu candidatura, seguiremos con otros perfiles que encajan mejor con el puesto.",
            Kind.REJECTION,
        ),
    ],
)
def test_meaning_decides_the_kind_in_several_phrasings(text: str, kind: Kind) -> None:
    assert read(msg(text), USER).kind is kind


def test_a_search_paused_while_someone_was_away_is_not_a_withdrawal() -> None:
    r = read(
        msg(
            "We paused the search for the Planner role while Lea was on leave; we will let you know by Friday, April 17."
        ),
        USER,
    )
    assert r.kind is Kind.DECISION_TIMELINE
    assert r.decision_expected_by == date(2026, 4, 17)


def test_auto_generated_ats_notice_is_read_but_an_auto_reply_is_not() -> None:
    text = "Thank you for applying. We have received your application for the Planner role."
    generated = read(msg(text, headers={"auto-submitted": "auto-generated"}), USER)
    replied = read(msg(text, headers={"auto-submitted": "auto-replied"}), USER)
    assert generated.kind is Kind.APPLICATION_ACK and generated.automated
    assert replied.kind is Kind.OTHER


def test_a_test_deadline_is_not_an_interview_time() -> None:
    r = read(
        msg(
            "You are invited to an online assessment for your application. Please complete it by April 14, 2026, 18:00 UTC.",
            sender=Address("Tests", "no-reply@hackerrank.com"),
        ),
        USER,
    )
    assert r.kind is Kind.ACTION_REQUEST
    assert r.interview_start is None


def test_dutch_promise_within_two_weeks_resolves_from_the_sent_day() -> None:
    r = read(
        msg("Dank voor het gesprek over de vacature. We verwachten binnen twee weken een besluit."), USER
    )
    assert r.kind is Kind.DECISION_TIMELINE
    assert r.decision_expected_by == date(2026, 4, 24)


def test_promise_to_all_finalists_after_the_holidays_has_no_date() -> None:
    r = read(
        msg(
            "Interviews for the Planner role are done; we will come back to all finalists after the holidays."
        ),
        USER,
    )
    assert r.kind is Kind.DECISION_TIMELINE
    assert r.decision_expected_by is None


def test_users_reply_inherits_a_thanks_subject_but_asks_for_news() -> None:
    r = read(
        msg(
            "Hola Ana, ¿hay alguna novedad sobre el proceso?",
            subject="Re: Gracias por la entrevista",
            sender=ME,
        ),
        USER,
    )
    assert r.kind is Kind.USER_FOLLOW_UP


def test_user_thanks_in_french_with_remercier() -> None:
    r = read(msg("Bonjour Ana, je tiens à vous remercier pour notre échange de ce matin.", sender=ME), USER)
    assert r.kind is Kind.USER_THANK_YOU


def test_mass_recruiter_mail_with_many_client_roles_stays_other() -> None:
    text = "We have 15+ open roles with our Big Four clients. Immediate joiners preferred; share your availability."
    r = read(msg(text, headers={"precedence": "bulk"}), USER)
    assert r.kind is Kind.OTHER and r.company == ""


def _hold(organizer: Address, attendees: tuple[Attendee, ...], all_day: bool) -> CalendarEvent:
    start = datetime(2026, 4, 21, tzinfo=UTC) if all_day else datetime(2026, 4, 21, 9, tzinfo=UTC)
    end = start + (timedelta(days=1) if all_day else timedelta(hours=1))
    return CalendarEvent("REQUEST", "u1", 0, start, end, "", "Interview", "", "", organizer, attendees, "")


def test_all_day_hold_takes_the_hour_from_the_text() -> None:
    ev = _hold(
        RECRUITER, (Attendee("Ben Ode", "ben.ode@brightmoor-analytics.com"), Attendee("Sam", ME.email)), True
    )
    r = read(msg("Your interview with Ben is on Tuesday 21 April at 15:30 CEST.", calendar=(ev,)), USER)
    assert r.kind is Kind.INTERVIEW_CONFIRMED
    assert r.interview_start == datetime(2026, 4, 21, 15, 30, tzinfo=CEST)
    assert [p.email for p in r.interviewers] == ["ben.ode@brightmoor-analytics.com"]


def test_organizer_who_writes_that_they_take_part_is_an_interviewer() -> None:
    ev = _hold(
        RECRUITER, (Attendee("Ben Ode", "ben.ode@brightmoor-analytics.com"), Attendee("Sam", ME.email)), False
    )
    joins = read(msg("Ben Ode will join me for the interview.", calendar=(ev,)), USER)
    arranges = read(msg("Here is the invitation for your interview with Ben.", calendar=(ev,)), USER)
    assert {p.email for p in joins.interviewers} == {RECRUITER.email, "ben.ode@brightmoor-analytics.com"}
    assert [p.email for p in arranges.interviewers] == ["ben.ode@brightmoor-analytics.com"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "We have read every application for the Buyer role and, regrettably, will not be inviting you to interview.",
            Kind.REJECTION,
        ),
        (
            "Thanks for your time on the Buyer role. The team has chosen to go in another direction.",
            Kind.REJECTION,
        ),
        (
            "Thank you for the interviews. Another applicant had the edge on supplier negotiation, so we won't be extending an offer.",
            Kind.REJECTION,
        ),
        (
            "The founders decided to bring you on board as our next Buyer, paperwork follows once we agree a start date.",
            Kind.OFFER,
        ),
        ("Nos complace ofrecerte la posición de Compradora; te adjuntamos la carta oferta.", Kind.OFFER),
        (
            "For your application, please finish the numerical reasoning test and a short personality questionnaire by Monday.",
            Kind.ACTION_REQUEST,
        ),
        (
            "Danke, dass du dich bei uns als Einkäuferin beworben hast! Wir melden uns bald.",
            Kind.APPLICATION_ACK,
        ),
        ("Nous accusons réception de votre candidature au poste d'Acheteuse.", Kind.APPLICATION_ACK),
        ("¡Gracias por postularte a la vacante de Compradora! Revisaremos tu perfil.", Kind.APPLICATION_ACK),
        (
            "Merci pour l'entretien d'hier. Nous vous ferons un retour d'ici vendredi 17 avril.",
            Kind.DECISION_TIMELINE,
        ),
        (
            "Vielen Dank für das Gespräch. Wir werden uns zeitnah mit einer Rückmeldung bei Ihnen melden.",
            Kind.DECISION_TIMELINE,
        ),
    ],
)
def test_fourth_batch_meanings_in_our_own_words(text: str, kind: Kind) -> None:
    assert read(msg(text), USER).kind is kind


def test_rescheduled_notice_takes_the_new_slot_not_the_former_one() -> None:
    text = (
        "Your event has been rescheduled.\nEvent Type: Interview - Brightmoor\n"
        "Former: Monday, April 13, 2026 3:00pm\nUpdated: 11:00am - 11:30am (Central European Summer Time), Tuesday, April 14, 2026\n"
    )
    r = read(msg(text, sender=Address("Calendly", "notifications@calendly.com")), USER)
    assert r.kind is Kind.RESCHEDULE
    assert r.interview_start == datetime(2026, 4, 14, 11, 0, tzinfo=CEST)


def test_user_asking_after_the_state_of_the_process_in_german_is_a_follow_up() -> None:
    r = read(
        msg(
            "Ich wollte mich nach dem aktuellen Stand meiner Bewerbung als Einkäuferin erkundigen.", sender=ME
        ),
        USER,
    )
    assert r.kind is Kind.USER_FOLLOW_UP


def test_mid_may_resolves_to_the_fifteenth() -> None:
    r = read(
        msg("Thanks for the interview for the Buyer role. You can expect to hear from us by mid-May."), USER
    )
    assert r.decision_expected_by == date(2026, 5, 15)
