"""policy.evaluate: when each action is due, to whom, and with which key (synthetic mailboxes)."""

from __future__ import annotations

from datetime import date, datetime

from followup.domain.model import ActionKind, Address, Kind, Signal
from followup.domain.policy import Evaluation, action_key, evaluate
from followup.domain.policy_time import add_business_days, follow_up_at
from followup.domain.settings import PolicySettings
from followup.domain.track import track
from tests.unit.test_track_builders import ATS, RECRUITER, TZ, USER, at, mine, sig

S = PolicySettings()


def ev(signals: list[Signal], now: datetime, settings: PolicySettings = S) -> Evaluation:
    (p,) = track(signals, USER, settings, now)
    return evaluate(p, USER, settings, now)


def kinds(actions: tuple[object, ...]) -> list[str]:
    return [a.kind.value for a in actions]  # type: ignore[attr-defined]


def test_five_business_days_after_friday_the_13th_is_friday_the_20th() -> None:
    assert add_business_days(date(2026, 3, 13), 5, S) == date(2026, 3, 20)


def test_weekend_follow_up_moves_to_monday_nine() -> None:
    assert follow_up_at(date(2026, 3, 7), S, TZ) == datetime(2026, 3, 9, 9, tzinfo=TZ)


def test_thank_you_is_next_before_the_interview_and_due_exactly_two_hours_after_it_ends() -> None:
    conf = sig(Kind.INTERVIEW_CONFIRMED, at(2), start=at(5, 14), interviewers=("zoe@acme.com",))
    before = ev([conf], at(4))
    assert before.next_action is not None and before.next_action.kind == ActionKind.THANK_YOU
    assert before.next_action.due_at == at(5, 17)
    assert ev([conf], at(5, 16, 59)).due == ()
    due = ev([conf], at(5, 17)).due
    assert kinds(due) == ["thank_you"] and due[0].to[0].email == "zoe@acme.com"


def test_one_thank_you_per_interviewer_with_an_address() -> None:
    conf = sig(Kind.INTERVIEW_CONFIRMED, at(2), start=at(5, 14), interviewers=("a@acme.com", "b@acme.com"))
    due = ev([conf], at(5, 18)).due
    assert sorted(a.to[0].email for a in due) == ["a@acme.com", "b@acme.com"]
    assert len({a.key for a in due}) == 2


def test_thank_you_goes_to_the_arranger_when_no_interviewer_address_is_known() -> None:
    conf = sig(Kind.INTERVIEW_CONFIRMED, at(2), start=at(5, 14))
    (a,) = ev([conf], at(5, 18)).due
    assert a.to == (RECRUITER,)


def test_any_user_mail_to_the_company_after_the_interview_began_covers_the_panel() -> None:
    conf = sig(Kind.INTERVIEW_CONFIRMED, at(2), start=at(5, 14), interviewers=("a@acme.com", "b@acme.com"))
    note = mine(Kind.USER_THANK_YOU, at(5, 15, 30), to=Address("A", "a@acme.com"))
    e = ev([conf, note], at(5, 18))
    assert "thank_you" not in kinds(e.due) + kinds(e.waiting)


def test_user_mail_before_the_interview_does_not_count_as_a_thank_you() -> None:
    conf = sig(Kind.INTERVIEW_CONFIRMED, at(2), start=at(5, 14))
    slot = mine(Kind.OTHER, at(3), company="Acme")
    assert kinds(ev([conf, slot], at(5, 18)).due) == ["thank_you"]


def test_thank_you_window_closes_four_days_after_the_interview() -> None:
    conf = sig(Kind.INTERVIEW_CONFIRMED, at(2), start=at(5, 14))
    e = ev([conf], at(9, 16))
    assert kinds(e.expired) == ["thank_you"]
    assert e.due == () and (e.next_action is None or e.next_action.kind != ActionKind.THANK_YOU)


def test_decision_follow_up_never_before_promised_date_plus_five_business_days() -> None:
    conf = sig(Kind.INTERVIEW_CONFIRMED, at(2), start=at(3, 14))
    ty = mine(Kind.USER_THANK_YOU, at(3, 16))
    promise = sig(Kind.DECISION_TIMELINE, at(4), decision=date(2026, 3, 13))
    e = ev([conf, ty, promise], at(19, 16))
    assert e.next_action is not None and e.next_action.kind == ActionKind.DECISION_FOLLOW_UP
    assert e.next_action.due_at == at(20, 9) and e.due == ()
    assert kinds(ev([conf, ty, promise], at(20, 9)).due) == ["decision_follow_up"]


def test_no_eight_day_check_in_while_a_later_date_is_promised() -> None:
    conf = sig(Kind.INTERVIEW_CONFIRMED, at(2), start=at(3, 14))
    ty = mine(Kind.USER_THANK_YOU, at(3, 16))
    promise = sig(Kind.DECISION_TIMELINE, at(4), decision=date(2026, 3, 25))
    assert ev([conf, ty, promise], at(16)).due == ()


def test_check_in_eight_days_after_the_last_interview_at_nine_on_a_business_day() -> None:
    conf = sig(Kind.INTERVIEW_CONFIRMED, at(2), start=at(3, 14))
    ty = mine(Kind.USER_THANK_YOU, at(3, 16))
    e = ev([conf, ty], at(10, 8))
    assert e.next_action is not None and e.next_action.kind == ActionKind.CHECK_IN
    assert e.next_action.due_at == at(11, 9)
    assert e.next_action.to == (RECRUITER,)


def test_employer_word_without_a_date_restarts_the_check_in_clock() -> None:
    conf = sig(Kind.INTERVIEW_CONFIRMED, at(2), start=at(3, 14))
    ty = mine(Kind.USER_THANK_YOU, at(3, 16))
    word = sig(Kind.DECISION_TIMELINE, at(10, 12))
    e = ev([conf, ty, word], at(12))
    assert e.next_action is not None and e.next_action.due_at == at(18, 9)


def test_out_of_office_restarts_nothing_and_is_never_a_recipient() -> None:
    conf = sig(Kind.INTERVIEW_CONFIRMED, at(2), start=at(3, 14))
    ty = mine(Kind.USER_THANK_YOU, at(3, 16))
    ooo = sig(Kind.OTHER, at(5), sender=Address("Ines", "ines@acme.com"), automated=True)
    e = ev([conf, ty, ooo], at(11, 10))
    assert kinds(e.due) == ["check_in"] and e.due[0].to == (RECRUITER,)


def test_second_follow_up_ten_days_after_the_first_then_the_cap_stops_drafts() -> None:
    conf = sig(Kind.INTERVIEW_CONFIRMED, at(2), start=at(3, 14))
    ty = mine(Kind.USER_THANK_YOU, at(3, 16))
    f1 = mine(Kind.USER_FOLLOW_UP, at(11, 12))
    e = ev([conf, ty, f1], at(12))
    assert e.next_action is not None and e.next_action.kind == ActionKind.CHECK_IN
    assert e.next_action.due_at == at(23, 9)  # 21 March is a Saturday
    f2 = mine(Kind.USER_FOLLOW_UP, at(23, 12))
    e2 = ev([conf, ty, f1, f2], at(24))
    assert e2.next_action is None and e2.due == () and e2.waiting == ()


def test_feedback_request_a_day_after_a_rejection_that_followed_an_interview() -> None:
    conf = sig(Kind.INTERVIEW_CONFIRMED, at(2), start=at(3, 14))
    rej = sig(Kind.REJECTION, at(10, 15), sender=Address("Workday", "acme@myworkday.com"), automated=True)
    e = ev([conf, rej], at(10, 18))
    assert e.next_action is not None and e.next_action.kind == ActionKind.FEEDBACK_REQUEST
    assert e.next_action.due_at == at(11, 9)
    assert e.next_action.to == (RECRUITER,)  # never the Workday robot


def test_no_feedback_request_after_a_rejection_before_any_interview() -> None:
    ack = sig(Kind.APPLICATION_ACK, at(2))
    rej = sig(Kind.REJECTION, at(4))
    e = ev([ack, rej], at(10))
    assert e.next_action is None and e.due == ()


def test_offer_reply_is_due_at_once_and_a_docusign_envelope_adds_none() -> None:
    offer = sig(Kind.OFFER, at(10, 18))
    docu = sig(
        Kind.OFFER, at(11, 9), sender=Address("Rita via DocuSign", "dse@docusign.net"), reply_to=(RECRUITER,)
    )
    e = ev([offer], at(10, 18, 30))
    assert kinds(e.due) == ["offer_reply"] and e.due[0].to == (RECRUITER,)
    e2 = ev([offer, docu], at(11, 10))
    assert kinds(e2.due) == ["offer_reply"] and e2.due[0].key == e.due[0].key


def test_no_human_known_blocks_the_action_with_no_recipient() -> None:
    conf = sig(Kind.INTERVIEW_CONFIRMED, at(2), start=at(3, 14), sender=ATS, automated=True)
    rej = sig(Kind.REJECTION, at(10), sender=ATS, automated=True)
    (a,) = ev([conf, rej], at(12)).due
    assert a.to == () and a.blocked


def test_keys_are_stable_across_scans_and_differ_between_facts() -> None:
    conf = sig(Kind.INTERVIEW_CONFIRMED, at(2), start=at(3, 14))
    ty = mine(Kind.USER_THANK_YOU, at(3, 16))
    k1 = ev([conf, ty], at(5)).next_action
    k2 = ev([conf, ty], at(9)).next_action
    assert k1 is not None and k2 is not None and k1.key == k2.key
    assert action_key("p", ActionKind.CHECK_IN, "1", "x") != action_key("p", ActionKind.CHECK_IN, "2", "x")
    assert action_key("p", ActionKind.CHECK_IN, "1") == action_key("p", ActionKind.CHECK_IN, "1")


def test_reasons_explain_each_action_in_words() -> None:
    conf = sig(Kind.INTERVIEW_CONFIRMED, at(2), start=at(3, 14))
    e = ev([conf], at(3, 17))
    assert any("thank_you: due now" in r for r in e.reasons)


def test_every_number_comes_from_the_settings() -> None:
    conf = sig(Kind.INTERVIEW_CONFIRMED, at(2), start=at(3, 14))
    ty = mine(Kind.USER_THANK_YOU, at(3, 16))
    custom = PolicySettings(check_in_days=3, follow_up_hour=8)
    e = ev([conf, ty], at(4), custom)
    assert e.next_action is not None and e.next_action.due_at == at(6, 8)
    assert ev([conf], at(3, 16), PolicySettings(thank_you_delay_hours=1)).due[0].due_at == at(3, 16)


def test_a_muted_process_has_no_next_action_and_nothing_due_but_explains_what_it_holds_back() -> None:
    conf = sig(Kind.INTERVIEW_CONFIRMED, at(2), start=at(5, 14), interviewers=("zoe@acme.com",))
    flagged = sig(
        Kind.INTERVIEW_CONFIRMED,
        at(2),
        start=at(5, 14),
        interviewers=("zoe@acme.com",),
        keywords=frozenset({S.mute_keyword}),
    )
    assert kinds(ev([conf], at(5, 18)).due) == ["thank_you"]
    muted = ev([flagged], at(5, 18))
    assert muted.process.muted
    assert muted.next_action is None and muted.due == () and muted.waiting == ()
    assert any("muted" in r and "thank_you" in r for r in muted.reasons)
