"""The classifier on small built messages: ordering of cues, the user's own mail, robustness."""

from __future__ import annotations

from datetime import UTC, datetime

from followup.domain.classify import read
from followup.domain.model import Address, Identity, Kind, Message
from tests.support.messages import text_message

USER = Identity("Sam Rivera", ("sam.rivera@example.com",), "America/New_York")
RECRUITER = Address("Ana Ruiz", "ana.ruiz@brightmoor-analytics.com")
ME = Address("Sam Rivera", "sam.rivera@example.com")


def msg(
    text: str,
    subject: str = "Hello",
    sender: Address | None = RECRUITER,
    to: tuple[Address, ...] = (ME,),
    headers: dict[str, str] | None = None,
    reply_to: tuple[Address, ...] = (),
) -> Message:
    return text_message(
        text,
        subject=subject,
        sender=sender,
        to=to,
        date=datetime(2026, 3, 2, 15, 0, tzinfo=UTC),
        headers=headers or {},
        reply_to=reply_to,
    )


def test_rejection_phrase_outweighs_friendly_words() -> None:
    r = read(
        msg(
            "We enjoyed meeting you and were impressed by your work on the Data Engineer role. However, we have "
            "decided to move forward with another candidate."
        ),
        USER,
    )
    assert r.kind is Kind.REJECTION


def test_role_filled_by_someone_else_is_rejection_not_withdrawn() -> None:
    r = read(msg("Thank you for applying for the Analyst position. The position has been filled."), USER)
    assert r.kind is Kind.REJECTION


def test_role_put_on_hold_is_withdrawn() -> None:
    r = read(
        msg("I'm sorry to say the Data Engineer role has been put on hold because of a hiring freeze."), USER
    )
    assert r.kind is Kind.WITHDRAWN


def test_thanks_for_coming_in_without_a_promise_is_other_with_company() -> None:
    r = read(
        msg("Thanks for coming in today for your interview! Safe travels home.", "Thanks for coming in"), USER
    )
    assert r.kind is Kind.OTHER
    assert r.company == "Brightmoor Analytics" or r.company_domain == "brightmoor-analytics.com"


def test_thanks_for_coming_in_with_a_promise_is_decision_timeline() -> None:
    r = read(
        msg("Thanks for coming in for the interview today. We'll get back to you by Friday either way."), USER
    )
    assert r.kind is Kind.DECISION_TIMELINE and r.promise


def test_proposed_time_is_an_invite_not_a_confirmation() -> None:
    r = read(
        msg(
            "Devin would like to meet you for the Data Engineer role. Would Tuesday 3/17 at 3pm ET work for you?"
        ),
        USER,
    )
    assert r.kind is Kind.INTERVIEW_INVITE


def test_stated_time_is_a_confirmation() -> None:
    r = read(msg("You're confirmed for your interview with Devin on Tuesday, March 17 at 3:00 PM ET."), USER)
    assert r.kind is Kind.INTERVIEW_CONFIRMED


def test_next_round_with_fixed_time_is_interview_confirmed() -> None:
    r = read(
        msg(
            "Great news - you're through to the final round! It's booked for Thursday, March 19 at 11:00 AM ET."
        ),
        USER,
    )
    assert r.kind is Kind.INTERVIEW_CONFIRMED


def test_user_thank_you_after_interview() -> None:
    m = msg(
        "Hi Ana, thank you for the conversation this morning about the role.", "Thank you", ME, (RECRUITER,)
    )
    r = read(m, USER)
    assert r.kind is Kind.USER_THANK_YOU and r.from_user
    assert r.company_domain == "brightmoor-analytics.com"


def test_user_status_inquiry_is_follow_up() -> None:
    m = msg(
        "Hi Ana, I wanted to follow up on my interview for the Data Engineer role - is there any update?",
        "Checking in",
        ME,
        (RECRUITER,),
    )
    assert read(m, USER).kind is Kind.USER_FOLLOW_UP


def test_user_slot_picking_is_other_with_company() -> None:
    m = msg("Hi Ana, Tuesday at 10 works for me. Thanks!", "Re: Interview scheduling", ME, (RECRUITER,))
    r = read(m, USER)
    assert r.kind is Kind.OTHER and r.company_domain == "brightmoor-analytics.com"


def test_user_thanking_a_friend_is_other() -> None:
    friend = Address("Jo", "jo@gmail.com")
    assert read(msg("Thanks for dinner yesterday!", "Thanks", ME, (friend,)), USER).kind is Kind.OTHER


def test_out_of_office_subject_is_other_even_without_headers() -> None:
    r = read(msg("I am out of the office until Monday.", "Abwesenheitsnotiz: Interview"), USER)
    assert r.kind is Kind.OTHER and r.automated


def test_list_mail_about_interviews_is_other() -> None:
    r = read(
        msg(
            "This week's interview: how I hired my first data team. Read the full interview online.",
            "Interview with a founder",
            Address("News", "news@letter.example.io"),
            headers={"list-id": "<n.x>"},
        ),
        USER,
    )
    assert r.kind is Kind.OTHER and r.company == ""


def test_ats_robot_with_reply_to_human_names_the_employer() -> None:
    robot = Address("Ana Ruiz via Greenhouse", "no-reply@greenhouse.io")
    r = read(
        msg(
            "Hi Sam, thanks for applying! Could you pick a time for a call with Devin here: https://x",
            "Next steps",
            robot,
            reply_to=(RECRUITER,),
        ),
        USER,
    )
    assert r.kind is Kind.INTERVIEW_INVITE and r.automated
    assert r.company_domain == "brightmoor-analytics.com"


def test_never_raises_on_an_empty_message() -> None:
    r = read(msg("", "", None, ()), USER)
    assert r.kind is Kind.OTHER


def test_german_rejection() -> None:
    r = read(
        msg(
            "Leider müssen wir Ihnen mitteilen, dass wir uns für einen anderen Bewerber entschieden haben.",
            "Ihre Bewerbung",
        ),
        USER,
    )
    assert r.kind is Kind.REJECTION
