"""Kinds after the seventh to ninth held-out batches, on sentences of our own (not the fixtures'): job-board
and agency confirmations, requests with deadlines beating passing mentions, recalled deliverables,
roles closed or filled from inside, next rounds without the word "round", look-alikes that borrow a
rejection's words, the user's own note above a forwarded mail, and a calendar update that moves the slot."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from followup.domain.classify import read
from followup.domain.model import Address, Attendee, CalendarEvent, Forwarded, Identity, Kind, Message
from followup.domain.rules import Text, unwrap
from tests.support.messages import text_message

USER = Identity("Robin Achterberg", ("robin.a@example.org",), "America/Denver")
ME = Address("Robin Achterberg", "robin.a@example.org")
HR = Address("Dana Whitlock", "dana.whitlock@larchmont-foods.com")
MDT = timezone(timedelta(hours=-6))


def msg(
    text: str, subject: str = "Hello", sender: Address = HR, sent: datetime | None = None, **kw: object
) -> Message:
    date = sent or datetime(2026, 9, 8, 10, 0, tzinfo=MDT)  # a Tuesday
    kw.setdefault("to", (ME,))
    return text_message(text, subject=subject, sender=sender, date=date, message_id="r7@x", **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "subject", "kind"),
    [
        (  # a job board's confirmation of a one-click application
            "Nice! You've applied for Inventory Planner at Larchmont Foods.\n\nWhat's next? We'll let you know"
            " when the employer opens your application. Most employers answer within 10 days.",
            "Application sent",
            Kind.APPLICATION_ACK,
        ),
        (
            "Hi Robin, your application to Larchmont Foods has been sent! The hiring team usually replies within a"
            " week; we'll email you as soon as they do.",
            "Sent",
            Kind.APPLICATION_ACK,
        ),
        (  # an agency that put the user in front of its client, with its contract vocabulary
            "Robin, as agreed I've submitted your profile to Larchmont Foods for the Inventory Planner opening."
            "\nTerms: 6-month contract, W2, rate: $58/hr.\nI'll chase the hiring manager for feedback on Friday.",
            "Submitted to Larchmont",
            Kind.APPLICATION_ACK,
        ),
        (  # the ATS describes what may happen later: that is no invitation yet
            "Thank you for applying for the Inventory Planner role. Your application has been received.\n"
            "1. Our team reads every application.\n2. If you're shortlisted, our scheduling assistant will"
            " text you to book an interview.",
            "Application received",
            Kind.APPLICATION_ACK,
        ),
        (  # a recorded interview with nobody on the other side is a task with a deadline
            "As the next step for the Inventory Planner role we invite you to complete a one-way video interview."
            " You will record your answers to four questions. Please finish it by Friday, September 11 at"
            " 11:59 PM Mountain Time.",
            "Action needed: video interview",
            Kind.ACTION_REQUEST,
        ),
        (  # 'thanks for applying' is politeness; the exercise is the ask
            "Thanks for applying for the Inventory Planner role! Before we meet, we ask every candidate to do a"
            " short forecasting exercise (spreadsheet attached). Could you send it back to me by next Monday?",
            "Next step",
            Kind.ACTION_REQUEST,
        ),
        (
            "Thanks for applying to the Packaging Designer role. Could you share a link to your portfolio and a"
            " couple of case studies you're proud of?",
            "Portfolio",
            Kind.ACTION_REQUEST,
        ),
        (  # a request with a deadline is not a promise
            "Thanks again for meeting the directors. Could you send me contact details for two references from"
            " recent managers? If you can get them to me by Thursday, we should be able to wrap up quickly.",
            "References",
            Kind.ACTION_REQUEST,
        ),
        (
            "To complete your candidate file for the Inventory Planner position, please fill out the attached"
            " questionnaire on your notice period, shift preferences and travel.",
            "Questionnaire",
            Kind.ACTION_REQUEST,
        ),
        (  # visa sponsorship asked about in a form is part of the hiring process, not a visa appointment
            "Before we book your technical interview, could you fill out this quick form with your salary"
            " expectations and whether you'll require visa sponsorship?",
            "A short form",
            Kind.ACTION_REQUEST,
        ),
        (  # paperwork before a first day
            "We're delighted you're joining us! Please complete your Form I-9 and upload your identity and"
            " work authorization documents before your first day, October 5.",
            "Paperwork before you start",
            Kind.ACTION_REQUEST,
        ),
        (  # the role closed, not filled by someone else
            "I'm writing to let you know that we have decided to close the Inventory Planner position without"
            " making a hire, after a change in our budget. This says nothing about your application.",
            "Position update",
            Kind.WITHDRAWN,
        ),
        (
            "After the reorganisation, leadership has decided to close the Inventory Planner role rather than"
            " fill it this year. We'll keep your details on file.",
            "Inventory Planner - update",
            Kind.WITHDRAWN,
        ),
        (  # filled from inside: a rejection
            "Thank you for your interviews. After much discussion, we've chosen to fill the Inventory Planner"
            " position with an internal candidate who already knows our warehouses.",
            "Inventory Planner",
            Kind.REJECTION,
        ),
        (
            "Thank you for your interest and the time you invested. We regret to inform you that we will not be"
            " proceeding with your candidature for the Inventory Planner position at this juncture.",
            "Application update",
            Kind.REJECTION,
        ),
        (  # a next round said without the word 'round'
            "Good news - the team would like to move you on to the technical interview for the Inventory Planner"
            " role. Could you reply with a few two-hour windows that suit you next week?",
            "Next steps",
            Kind.NEXT_ROUND,
        ),
        (
            "We've narrowed it down and you're one of three finalists for the Inventory Planner role. Our COO"
            " would like to meet you for a final 30-minute conversation - would Monday or Wednesday afternoon work?",
            "Re: Thanks",
            Kind.NEXT_ROUND,
        ),
        (  # the assessment is recalled, the next round is the news
            "The hiring team went through your assessment and it was among the best we received. We'd like to"
            " move you forward to the virtual onsite; I'll send an availability form tomorrow.",
            "Re: Checking in",
            Kind.NEXT_ROUND,
        ),
        (  # the take-home is recalled; the final round has a fixed time
            "The panel really liked your take-home. We'd love to bring you in for the final round!\n\n"
            "When: Thursday, September 17, 9:00 AM - 12:00 PM MT\nWhere: our Boulder office",
            "Final round",
            Kind.INTERVIEW_CONFIRMED,
        ),
        (  # references recalled, the offer is the news
            "Great news: your references were excellent, and we'd like to move forward with an offer for the"
            " Inventory Planner role. You'll receive the formal details tomorrow.",
            "Good news",
            Kind.OFFER,
        ),
        (  # where the application sits, said in passing, beside a promise
            "Thanks for checking in. Your application is with the hiring manager now, and I should be able to give"
            " you an update within the next two weeks.",
            "Re: Inventory Planner - status",
            Kind.DECISION_TIMELINE,
        ),
        (  # 'cohort' as an analysis word is no admissions look-alike
            "Thanks for spending the afternoon with us - the cohort-retention deep dive went down well. We're"
            " finishing the final interviews for the Inventory Planner role and will get back to everyone within"
            " two weeks.",
            "Thank you",
            Kind.DECISION_TIMELINE,
        ),
    ],
)
def test_round7_meanings_in_our_own_words(text: str, subject: str, kind: Kind) -> None:
    assert read(msg(text, subject), USER).kind is kind


def test_a_job_alert_about_roles_like_one_you_applied_to_is_not_an_acknowledgement() -> None:
    text = (
        "Because you applied to Inventory Planner at Larchmont Foods, here are jobs you may be interested in:\n"
        "Demand Planner - Boulder\nSupply Analyst - Denver\nUnsubscribe from job alerts"
    )
    sender = Address("JobDigest", "alerts@jobdigest.example")
    assert read(msg(text, "New jobs for you", sender=sender), USER).kind is Kind.OTHER


def test_an_agencys_cold_pitch_with_a_rate_stays_a_lookalike() -> None:
    text = (
        "Hi Robin, I came across your profile and have a contract role with one of our clients: Inventory"
        " Planner, W2, rate: $55/hr. Would you be open to a quick chat?"
    )
    sender = Address("Kel Oduya", "kel@brightpath-staffing.com")
    assert read(msg(text, "Contract role", sender=sender), USER).kind is Kind.OTHER


@pytest.mark.parametrize(
    ("text", "subject", "sender"),
    [
        (
            "Dear Dr. Achterberg,\nYour manuscript entitled 'Shelf-life forecasting' has been reviewed. We regret to"
            " inform you that we have decided not to move forward with it; the reviewers' comments are below.",
            "Decision on your submission",
            Address("Journal of Food Logistics", "editor@journals.example"),
        ),
        (
            "Thank you for your interest in Unit 3B. We regret to inform you that we have selected another"
            " applicant. Your application fee is non-refundable; a one-bedroom, Unit 5A, opens next month.",
            "Your rental application",
            Address("Maple Court Leasing", "leasing@maplecourt-homes.example"),
        ),
    ],
)
def test_a_rejection_outside_hiring_stays_other(text: str, subject: str, sender: Address) -> None:
    assert read(msg(text, subject, sender=sender), USER).kind is Kind.OTHER


def test_a_visa_appointment_is_still_a_lookalike() -> None:
    text = "Your visa interview at the U.S. consulate is scheduled for Monday, September 21 at 8:15 AM."
    sender = Address("Visa Services", "noreply@visa-appointments.example")
    assert read(msg(text, "Appointment confirmation", sender=sender), USER).kind is Kind.OTHER


def test_an_office_park_named_embassy_in_a_signature_is_no_visa_lookalike() -> None:
    text = (
        "Dear Robin,\n\nYour technical interview for the Inventory Planner position is confirmed.\n\n"
        "Date & Time: Thursday, 17 September, 3:00 PM MT\nInterviewer: Arjun Mehta\n\nRegards,\nDana Whitlock\n"
        "Talent Acquisition | Larchmont Foods\nEmbassy Tech Park, Tower B"
    )
    assert read(msg(text, "Interview schedule"), USER).kind is Kind.INTERVIEW_CONFIRMED


def test_a_sentence_wrapped_across_lines_is_read_as_one() -> None:
    text = (
        "Having looked at every portfolio for the Packaging Designer role, we won't be progressing your\n"
        "application to the next stage. I wish you every success."
    )
    assert read(msg(text, "Re: Portfolio"), USER).kind is Kind.REJECTION


def test_unwrap_joins_only_a_long_line_that_runs_on_in_lower_case() -> None:
    assert unwrap("a line long enough to have been wrapped by a client\ncontinues here") == (
        "a line long enough to have been wrapped by a client continues here"
    )
    assert unwrap("Short line\ncontinues") == "Short line\ncontinues"
    assert unwrap("a line long enough to have been wrapped, then ends.\nnext") == (
        "a line long enough to have been wrapped, then ends.\nnext"
    )
    assert unwrap("a line long enough to have been wrapped by a client\nCapital") == (
        "a line long enough to have been wrapped by a client\nCapital"
    )
    assert len(Text.of("x" * 40 + "\ny").raw) == len(Text.of("x" * 40 + "\ny").low)


def test_the_users_own_question_above_a_forwarded_rejection_decides_the_kind() -> None:
    fw = Forwarded(
        sender=Address("Larchmont Foods", "no-reply@hire.lever.co"),
        date=datetime(2026, 9, 7, 9, 0, tzinfo=MDT),
        subject="Your application to Larchmont Foods",
        to=(ME,),
        text="Thank you for applying. Unfortunately we have decided to move forward with other candidates.",
    )
    note = (
        "Hi Dana, this just arrived - I think it's about the Buyer posting I applied to in spring, not the"
        " Inventory Planner role we discussed last week, right? Any news on the timeline for the Planner role?"
    )
    m = msg(note, "Fwd: Your application to Larchmont Foods", sender=ME, to=(HR,), forwarded=(fw,))
    assert read(m, USER).kind is Kind.USER_FOLLOW_UP


def test_a_short_forward_to_oneself_still_reads_the_forwarded_mail() -> None:
    fw = Forwarded(
        sender=Address("Dana Whitlock", HR.email),
        date=datetime(2026, 9, 7, 9, 0, tzinfo=MDT),
        subject="Inventory Planner",
        to=(ME,),
        text="Hi Robin, unfortunately we have decided to move forward with other candidates for the role.",
    )
    m = msg("fyi", "Fwd: Inventory Planner", sender=ME, to=(ME,), forwarded=(fw,))
    assert read(m, USER).kind is Kind.REJECTION


def _event(seq: int, start: datetime) -> CalendarEvent:
    return CalendarEvent(
        "REQUEST",
        "plan-1",
        seq,
        start,
        start + timedelta(minutes=45),
        "America/Denver",
        "Robin Achterberg / Inventory Planner interview",
        "",
        "",
        HR,
        (Attendee("Dana Whitlock", HR.email), Attendee("Robin", ME.email)),
        "CONFIRMED",
    )


def test_a_calendar_update_that_moves_the_slot_after_a_request_is_a_reschedule() -> None:
    start = datetime(2026, 9, 11, 14, 0, tzinfo=MDT)
    text = "No problem at all - let's do Friday at 2 PM instead. I've updated the Zoom invite."
    m = msg(text, "RE: Robin Achterberg / Inventory Planner interview", calendar=(_event(2, start),))
    r = read(m, USER)
    assert r.kind is Kind.RESCHEDULE
    assert r.interview_start == start


def test_a_first_calendar_invitation_stays_a_confirmation() -> None:
    start = datetime(2026, 9, 11, 14, 0, tzinfo=MDT)
    text = "Looking forward to talking through the Inventory Planner role with you on Friday."
    m = msg(text, "Robin Achterberg / Inventory Planner interview", calendar=(_event(0, start),))
    assert read(m, USER).kind is Kind.INTERVIEW_CONFIRMED


@pytest.mark.parametrize(
    ("text", "subject", "sender"),
    [
        (  # a flat application and its viewing, in German
            "Guten Tag, danke für Ihre Bewerbung um die 3-Zimmer-Wohnung in der Lindenstraße. Wir laden Sie zur"
            " Besichtigung ein: Montag, 14.09.2026 um 18:00 Uhr. Bitte bringen Sie die Mieterselbstauskunft mit.",
            "Ihre Wohnungsbewerbung",
            Address("Hausverwaltung Brandt", "vermietung@brandt-hv.example"),
        ),
        (  # a journalist asking for an interview, in French
            "Bonjour, je suis journaliste au magazine Données & Co et j'aimerais vous interviewer pour notre"
            " rubrique Portraits : l'entretien pourrait avoir lieu jeudi 17 septembre à 11h.",
            "Demande d'entretien",
            Address("Léa Morel", "lea.morel@donnees-co.example"),
        ),
    ],
)
def test_a_flat_viewing_or_a_press_interview_in_another_language_stays_other(
    text: str, subject: str, sender: Address
) -> None:
    assert read(msg(text, subject, sender=sender), USER).kind is Kind.OTHER


def test_a_newsroom_acknowledging_an_application_for_an_editor_role_is_still_an_ack() -> None:
    text = (
        "Sehr geehrte Frau Achterberg, vielen Dank für Ihre Bewerbung als Redakteurin (m/w/d). Wir haben Ihre"
        " Unterlagen erhalten und melden uns in den nächsten Wochen."
    )
    sender = Address("Rheinblatt Verlag", "jobs@rheinblatt.example")
    assert read(msg(text, "Ihre Bewerbung", sender=sender), USER).kind is Kind.APPLICATION_ACK


def test_a_list_of_slots_to_choose_from_is_an_invitation_not_a_fixed_time() -> None:
    text = (
        "Dear Robin,\n\nWe'd like to get to know you in a first video call about the Inventory Planner role.\n"
        "I can offer these times:\n  - Monday, September 14 at 10 AM\n  - Tuesday, September 15 at 1:30 PM\n"
        "  - Thursday, September 17 at 4 PM\nJust tell me the one that fits best and I'll send the link."
    )
    assert read(msg(text, "Inventory Planner - first call"), USER).kind is Kind.INTERVIEW_INVITE


def test_a_week_and_a_window_asked_for_fix_no_time() -> None:
    text = (
        "We'd like to meet you for a first interview for the Inventory Planner role. Could you share your"
        " availability for the week of September 21? Ideally two or three slots between 9 and 5; I'll then send"
        " an invitation."
    )
    assert read(msg(text, "Inventory Planner"), USER).kind is Kind.INTERVIEW_INVITE
