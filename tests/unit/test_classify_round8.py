"""Kinds after the tenth held-out batch and the second scenario batch, on sentences of our own (not the
fixtures'): someone else chosen said as what the team is doing now, an ATS receipt sent as an auto-reply,
the moment an application was received, a rejection said only for silence, a booking notice to the invitee,
a first interview behind generic "next step" words, a decision pushed back, a reference check the employer
will make, newsletters quoting rejections, practice interviews and cold agency mail in other languages."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from followup.domain.classify import read
from followup.domain.model import Address, CalendarEvent, Identity, Kind, Message
from tests.support.messages import text_message

USER = Identity("Jonas Wetherby", ("jonas.w@example.org",), "America/Chicago")
ME = Address("Jonas Wetherby", "jonas.w@example.org")
HR = Address("Ines Parvati", "ines.parvati@copperline-labs.com")
CDT = timezone(timedelta(hours=-5))


def msg(
    text: str, subject: str = "Hello", sender: Address = HR, sent: datetime | None = None, **kw: object
) -> Message:
    date = sent or datetime(2026, 10, 6, 9, 30, tzinfo=CDT)  # a Tuesday
    kw.setdefault("to", (ME,))
    return text_message(text, subject=subject, sender=sender, date=date, message_id="r8@x", **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "subject", "kind"),
    [
        (  # a founder's own lower-case decision, without "unfortunately" or "other candidates"
            "hey jonas,\n\nno easy way to put this: for the ops role we're going with someone who has run a"
            " warehouse launch before. your take on the returns flow was great though.\n\nmira",
            "copperline",
            Kind.REJECTION,
        ),
        (
            "Hi Jonas, a quick note from me before the portal updates: we've now filled the Fulfilment Analyst"
            " position. It was a close call and I'd be glad to share what tipped it.",
            "Fulfilment Analyst - update",
            Kind.REJECTION,
        ),
        (  # French: the choice made for another person
            "Bonjour Jonas,\n\nAprès réflexion, nous avons fait le choix d'un autre candidat pour le poste"
            " d'analyste. Merci pour votre temps.",
            "Votre candidature",
            Kind.REJECTION,
        ),
        (  # a generic "move forward / next step" before anyone has talked: the first invitation
            "Hi Jonas, the team would like to move you forward for the Fulfilment Analyst role. The next step is"
            " a 30-minute video interview with our operations lead; our scheduler will send you open times.",
            "Fulfilment Analyst - next steps",
            Kind.INTERVIEW_INVITE,
        ),
        (  # the same words after a conversation: a next round
            "Hi Jonas, great speaking with you on Friday. The team would like to move you forward, and the next"
            " step is a 60-minute session with our operations lead; our scheduler will send you open times.",
            "Fulfilment Analyst - next steps",
            Kind.NEXT_ROUND,
        ),
        (  # the rest of the people, after a first meeting
            "jonas - mira and i compared notes and we'd love for you to come meet the rest of the team at the"
            " depot for an afternoon. can you give me 2-3 afternoons that work next week?",
            "Re: good to meet you",
            Kind.NEXT_ROUND,
        ),
        (
            "Hi Jonas,\n\nThe panel enjoyed your screen, so I'd like to invite you to an on-site panel interview"
            " with the distribution leadership. I shared my notes with them this morning.",
            "Fulfilment Analyst",
            Kind.NEXT_ROUND,
        ),
        (  # a windows request with a count, from an agency
            "The client liked your CV and wants to talk. Could you send me 2-3 windows Thursday or Friday?",
            "Re: Fulfilment Analyst (contract)",
            Kind.INTERVIEW_INVITE,
        ),
        (  # a business case to hand back by a date
            "Thanks for Tuesday! The next step is a short case exercise: a sample order file and a one-page"
            " brief are attached. Please send it back to me by Monday noon.",
            "Fulfilment Analyst: case exercise",
            Kind.ACTION_REQUEST,
        ),
        (  # a decision moved to a later day is a new promise, not an interview moved
            "Hi Jonas, one of the other candidates had to move their interview, so we've had to push the decision"
            " back to Friday the 16th. I'll write as soon as I know more.",
            "Re: Fulfilment Analyst",
            Kind.DECISION_TIMELINE,
        ),
        (
            "Hola Jonas: la dirección quiere revisar presupuestos y hemos tenido que aplazar la decisión hasta el"
            " lunes 19. Gracias por la paciencia.",
            "Re: Analista de operaciones",
            Kind.DECISION_TIMELINE,
        ),
        (  # a reference check the employer will do, beside a promise: nothing asked yet
            "Thanks for coming in yesterday. Our director plans to call a couple of your references next week"
            " (I'll check with you first which ones), and we expect to reach a final decision by October 23.",
            "Thank you",
            Kind.DECISION_TIMELINE,
        ),
        (  # the references asked for
            "Thanks for coming in yesterday. Could you send me the names and contact details of two references?"
            " We expect to reach a final decision by October 23.",
            "Thank you",
            Kind.ACTION_REQUEST,
        ),
        (  # German: the date before the answer
            "Hallo Herr Wetherby, vielen Dank für das Gespräch. Wir werden Ihnen bis zum 16. Oktober eine"
            " Rückmeldung geben.",
            "Ihr Gespräch",
            Kind.DECISION_TIMELINE,
        ),
        (  # Dutch: getting to know each other and picking a moment
            "Hoi Jonas, leuk dat je hebt gesolliciteerd! We willen graag kennismaken in een kort videogesprek."
            " Wil je via de link een moment kiezen?",
            "Kennismaking",
            Kind.INTERVIEW_INVITE,
        ),
    ],
)
def test_employer_mail_is_read_by_meaning(text: str, subject: str, kind: Kind) -> None:
    assert read(msg(text, subject=subject), USER).kind is kind


def test_an_assessment_with_no_right_or_wrong_answers_is_still_a_required_step() -> None:
    r = read(
        msg(
            "As the next step in our hiring process we ask every candidate to complete an online assessment. The"
            " first part has no right or wrong answers; the second part is timed. Please complete it by Friday.",
            subject="Action required: assessment",
        ),
        USER,
    )
    assert r.kind is Kind.ACTION_REQUEST


def test_a_receipt_timestamp_is_not_an_interview_time() -> None:
    r = read(
        msg(
            "Thank you for your interest. This confirms that your application for Fulfilment Analyst was received"
            " on 10/05/2026 at 11:42 PM. Applications are reviewed after the posting closes.",
            subject="Application Received - Fulfilment Analyst",
            sender=Address("County Jobs", "noreply@countyjobs.example.gov"),
        ),
        USER,
    )
    assert r.kind is Kind.APPLICATION_ACK
    assert r.interview_start is None


def test_an_ats_receipt_sent_as_an_auto_reply_is_an_ack_but_an_out_of_office_is_not() -> None:
    receipt = msg(
        "Nous accusons bonne réception de votre candidature au poste d'analyste. Sans réponse de notre part"
        " sous un mois, vous pourrez considérer que nous ne pouvons pas donner une suite favorable à votre"
        " candidature.",
        subject="Accusé de réception - candidature analyste",
        headers={"auto-submitted": "auto-replied"},
    )
    away = msg(
        "Thank you for your message. I am out of the office until Monday with limited access to email; your"
        " application questions can go to the talent team.",
        subject="Automatic reply: Re: Fulfilment Analyst application",
        headers={"auto-submitted": "auto-replied"},
    )
    assert read(receipt, USER).kind is Kind.APPLICATION_ACK
    assert read(away, USER).kind is Kind.OTHER


def _booking(invitee: str) -> Message:
    text = (
        f"Hi there,\n\nA new event has been scheduled.\n\nEvent Type:\nFulfilment Analyst - intro call\n\n"
        f"Invitee:\n{invitee}\n\nEvent Date/Time:\n10:00am - Thursday, October 8, 2026 (Central Time)\n"
    )
    event = CalendarEvent(
        method="REQUEST",
        uid="bk-1",
        sequence=0,
        start=datetime(2026, 10, 8, 10, 0, tzinfo=CDT),
        end=datetime(2026, 10, 8, 10, 30, tzinfo=CDT),
        tzid="America/Chicago",
        summary="Fulfilment Analyst - intro call",
        description="A 30-minute call with the Copperline talent team about the Fulfilment Analyst role.",
        location="",
        organizer=HR,
        attendees=(),
        status="CONFIRMED",
    )
    return msg(
        text,
        subject="Confirmed: Fulfilment Analyst - intro call",
        sender=Address("Calendly", "notifications@calendly.com"),
        calendar=(event,),
    )


def test_a_booking_notice_is_a_confirmation_for_the_invitee_and_a_look_alike_for_the_host() -> None:
    assert read(_booking("Jonas Wetherby"), USER).kind is Kind.INTERVIEW_CONFIRMED
    assert read(_booking("Pat Oduya\npat.oduya@example.com"), USER).kind is Kind.OTHER


def test_a_newsletter_quoting_a_rejection_is_not_one() -> None:
    r = read(
        msg(
            "Careers Weekly - Issue #41\n\nWhat to do with a no. Many of you sent the letters you got this spring."
            ' The classic: "We regret to inform you that we have decided to move forward with other candidates."'
            " Here is how to answer it in two lines.\n\nNext week: salary bands.",
            subject="How to answer a rejection",
            sender=Address("Careers Weekly", "hello@careersweekly.example.com"),
            headers={"list-id": "<weekly.careersweekly.example.com>", "precedence": "bulk"},
        ),
        USER,
    )
    assert r.kind is Kind.OTHER and r.company == ""


def test_a_job_alert_line_about_a_similar_application_is_not_an_ack() -> None:
    r = read(
        msg(
            "12 new jobs for you\n\nLogistics Analyst - Brookvale Freight - You applied to a similar job\n"
            "Ops Planner - Tarn & Co - Easy Apply\n\nManage your job alerts or unsubscribe.",
            subject="12 new jobs for 'logistics analyst'",
            sender=Address("Jobs", "alerts@jobboard.example.com"),
            headers={"precedence": "bulk"},
        ),
        USER,
    )
    assert r.kind is Kind.OTHER


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (  # Dutch practice interview where the user asks the questions
            "Hoi Jonas, dank dat je mentor wilt zijn. Donderdag is de oefensollicitatie met een student: jij speelt"
            " de interviewer en geeft na afloop feedback.",
            "Uitnodiging: oefensollicitatie",
        ),
        (  # a Dutch agency's cold approach to someone who never applied
            "Hoi Jonas, ik kwam je profiel tegen op LinkedIn. Een van mijn opdrachtgevers zoekt een"
            " operations analist (tot 70k). Heb je deze week tijd voor een kort belletje?",
            "Operations analist - scale-up Utrecht",
        ),
    ],
)
def test_look_alikes_in_other_languages_are_not_hiring(text: str, subject: str) -> None:
    r = read(msg(text, subject=subject, sender=Address("Sam", "sam@somewhere-nl.example.com")), USER)
    assert r.kind is Kind.OTHER


def test_the_users_thanks_through_the_arranger_is_a_thank_you() -> None:
    english = msg(
        "Hi Pat, just got out of the call with the director - thanks for setting it up. Would you mind passing"
        " on my thanks to her?",
        subject="Re: Fulfilment Analyst",
        sender=ME,
        to=(HR,),
    )
    spanish = msg(
        "Hola Pat: acabo de terminar la entrevista y quería darte las gracias por organizarla. ¿Podrías hacerle"
        " llegar también mi agradecimiento?",
        subject="Re: Entrevista",
        sender=ME,
        to=(HR,),
    )
    assert read(english, USER).kind is Kind.USER_THANK_YOU
    assert read(spanish, USER).kind is Kind.USER_THANK_YOU


def test_an_employers_bulk_newsletter_names_no_company() -> None:
    r = read(
        msg(
            "This month on our engineering blog: rebuilding the depot router, and we're hiring analysts and"
            " engineers in Chicago.\n\nYou're receiving this because you subscribed. Unsubscribe.",
            subject="Copperline Engineering: the depot router (and we're hiring)",
            sender=Address("Copperline Engineering", "eng-news@copperline-labs.com"),
            headers={"precedence": "bulk", "list-unsubscribe": "<https://copperline-labs.com/u>"},
        ),
        USER,
    )
    assert r.kind is Kind.OTHER and r.company == ""
