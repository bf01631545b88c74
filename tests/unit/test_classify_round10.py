"""Kinds after the twelfth held-out batch, on sentences of our own (not the fixtures'): a school's
conferences with parents and a neighbourhood paper asking about volunteering are no hiring mail; the post
given to someone else (named or not) is a rejection; a booking tool's "rescheduled" notice and a Spanish
interview already moved (its old time only in the quote) are reschedules; an exercise handed over with a
date to send it back is a request, a password for its link no look-alike; a survey after an interview
that recalls the take-home asks nothing."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from followup.domain.classify import read
from followup.domain.model import Address, Attendee, CalendarEvent, Identity, Kind, Message
from tests.support.messages import text_message

USER = Identity("Maren Oduya", ("maren.oduya@example.org",), "Europe/Amsterdam")
ME = Address("Maren Oduya", "maren.oduya@example.org")
HR = Address("Pieter Land", "pieter.land@grachtwerk.nl")
CET = timezone(timedelta(hours=1))


def msg(
    text: str, subject: str = "Hello", sender: Address = HR, sent: datetime | None = None, **kw: object
) -> Message:
    date = sent or datetime(2026, 3, 10, 9, 15, tzinfo=CET)  # a Tuesday
    kw.setdefault("to", (ME,))
    return text_message(text, subject=subject, sender=sender, date=date, message_id="r10@x", **kw)  # type: ignore[arg-type]


def test_a_school_inviting_parents_to_book_a_conference_slot_is_not_an_interview() -> None:
    r = read(
        msg(
            "Dear families,\n\nThe autumn parent-teacher meetings are on Wednesday 18 March from 14:00 to"
            " 18:00; each conversation takes ten minutes. Please book a slot with your child's mentor through the"
            " school app before Monday.\n\n"
            "Kind regards,\nThe office",
            subject="Book your slot: parent-teacher meetings",
            sender=Address("De Linde School", "office@delinde-school.nl"),
            headers={"list-id": "Group 5 families <group5.delinde-school.nl>", "precedence": "list"},
        ),
        USER,
    )
    assert r.kind is Kind.OTHER


def test_a_neighbourhood_paper_asking_a_volunteer_for_an_interview_in_dutch_is_not_hiring() -> None:
    r = read(
        msg(
            "Hallo Maren,\n\nWij schrijven voor de wijkkrant een stuk over mensen die vrijwilligerswerk doen in de"
            " buurt. Heb je dinsdag 24 maart om 10:30 tijd voor een kort interview bij de speeltuin?\n\nGroet,\nAnouk",
            subject="Interview voor de wijkkrant",
            sender=Address("Anouk de Wit", "anouk@wijkkrant-noord.nl"),
        ),
        USER,
    )
    assert r.kind is Kind.OTHER


def test_the_position_offered_to_another_candidate_is_a_rejection() -> None:
    r = read(
        msg(
            "Hi Maren,\n\nThanks for waiting. After a long discussion the directors have decided to offer the"
            " analyst role to another applicant whose background is closer to the retail side.\n\n"
            "We would be happy to stay in touch.\n\nPieter",
            subject="Re: Analyst role",
        ),
        USER,
    )
    assert r.kind is Kind.REJECTION


def test_the_job_given_to_a_named_colleague_from_inside_is_a_rejection() -> None:
    r = read(
        msg(
            "Dear Maren,\n\nApologies for the late answer. We have decided to give the position to Sanne, who"
            " has run our warehouse team for years. You made a strong impression and we will keep your"
            " details.\n\nBest,\nPieter",
            subject="RE: Our conversation",
        ),
        USER,
    )
    assert r.kind is Kind.REJECTION


def test_deciding_to_offer_the_role_to_you_is_no_rejection() -> None:
    r = read(
        msg(
            "Dear Maren,\n\nGood news: we have decided to offer the position to you. The written offer with"
            " salary and start date follows tomorrow.\n\nPieter",
            subject="Analyst role",
        ),
        USER,
    )
    assert r.kind is not Kind.REJECTION


def _booking(sequence: int) -> CalendarEvent:
    return CalendarEvent(
        method="REQUEST",
        uid="bk-77",
        sequence=sequence,
        start=datetime(2026, 3, 20, 14, 0, tzinfo=CET),
        end=datetime(2026, 3, 20, 14, 30, tzinfo=CET),
        tzid="",
        summary="Screening call between Pieter Land and Maren Oduya",
        description="",
        location="https://meet.example.com/abc",
        organizer=HR,
        attendees=(Attendee("Maren Oduya", ME.email), Attendee("Pieter Land", HR.email)),
        status="CONFIRMED",
    )


def test_a_booking_tool_notice_that_the_host_rescheduled_the_call_is_a_reschedule() -> None:
    r = read(
        msg(
            "Hello Maren,\n\nPieter Land has rescheduled your 20 minute screening call.\n\nEvent:\nScreening call\n\nPrevious:\n"
            "10:00 - 10:30 on Wednesday, March 18, 2026\n\nNew:\n14:00 - 14:30 on Friday, March 20, 2026\n",
            subject="Updated: Screening call with Pieter Land on Friday",
            sender=Address("Booking Tool", "no-reply@bookingtool.example.com"),
            calendar=(_booking(0),),
        ),
        USER,
    )
    assert r.kind is Kind.RESCHEDULE


def test_a_spanish_interview_already_moved_with_the_old_time_only_quoted_is_a_reschedule() -> None:
    r = read(
        msg(
            "Hola Maren,\n\nLo siento, al final el equipo no puede el jueves. La hemos cambiado al martes 17 de"
            " marzo a las 11:00, con el mismo enlace.\n\nUn saludo,\nLucía",
            subject="Re: Entrevista",
            sender=Address("Lucía Ferrer", "lucia.ferrer@solana-apps.es"),
            quoted_text="Te confirmo la entrevista el jueves 12 de marzo a las 16:00.",
        ),
        USER,
    )
    assert r.kind is Kind.RESCHEDULE


def test_a_case_study_handed_over_with_a_date_to_send_it_back_is_an_action_request() -> None:
    r = read(
        msg(
            "Hi Maren,\n\nAs discussed, here is the case study for the last round: a short dataset on delivery"
            " delays and a few questions.\n\nPlease send it back to me by Thursday 19 March, 09:00, so the"
            " panel can read it beforehand.\n\nPieter",
            subject="Case study for the last round",
        ),
        USER,
    )
    assert r.kind is Kind.ACTION_REQUEST


def test_a_password_for_the_exercise_link_does_not_make_the_request_a_look_alike() -> None:
    r = read(
        msg(
            "Hi Maren,\n\nBefore the interviews we would like you to complete a take-home exercise. The files"
            " are on our share (the password follows in a text message). Please send your answers by Friday"
            " 20 March.\n\nPieter",
            subject="Take-home exercise",
        ),
        USER,
    )
    assert r.kind is Kind.ACTION_REQUEST


def test_a_password_reset_is_still_a_look_alike() -> None:
    r = read(
        msg(
            "Hi Maren,\n\nWe received a request to reset your password for your candidate account. Click the"
            " link below within 24 hours.\n",
            subject="Reset your password",
            sender=Address("Careers portal", "no-reply@careers-portal.example.com"),
        ),
        USER,
    )
    assert r.kind is Kind.OTHER


def test_a_survey_after_the_interview_that_recalls_the_take_home_asks_for_nothing() -> None:
    r = read(
        msg(
            "Hi Maren,\n\nThanks for coming in on Monday. The panel enjoyed meeting you and your take-home\n"
            "was a useful basis for the discussion.\n\nCould you spare a minute for our candidate survey?"
            " https://forms.example.com/cx\n\nPieter",
            subject="Thanks for interviewing with us",
        ),
        USER,
    )
    assert r.kind is Kind.OTHER


def test_a_dutch_ack_asking_for_questions_in_the_meantime_is_no_invitation() -> None:
    r = read(
        msg(
            "Hoi Maren,\n\nDank je wel voor je sollicitatie als planner. We hebben je cv goed ontvangen en"
            " laten zo snel mogelijk iets van ons horen. Heb je in de tussentijd een vraag? Stuur dan een mail"
            " naar vacatures@grachtwerk.nl.\n\nGroet,\nTeam HR",
            subject="Je sollicitatie bij Grachtwerk",
        ),
        USER,
    )
    assert r.kind is Kind.APPLICATION_ACK


def test_being_pleased_to_invite_you_to_interview_outweighs_the_thanks_for_applying() -> None:
    r = read(
        msg(
            "Dear Maren,\n\nThank you for your application for the post of Office Manager. We are delighted to"
            " invite you to interview. Interviews take place in the week of 23 March; please tell us which"
            " morning you prefer.\n\nPieter",
            subject="Office Manager",
        ),
        USER,
    )
    assert r.kind is Kind.INTERVIEW_INVITE
