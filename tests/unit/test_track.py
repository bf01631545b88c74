"""track: grouping, interviews and the stage machine on small synthetic mailboxes."""

from __future__ import annotations

from followup.domain.model import Address, Kind, Stage
from followup.domain.settings import PolicySettings
from followup.domain.track import track
from followup.domain.track_people import companies_match, is_robot_address, normalise_company, roles_match
from followup.domain.track_stage import Event, step
from tests.unit.test_track_builders import ATS, RECRUITER, USER, at, mine, sig
from tests.unit.test_track_builders import ME as USER_ADDR

S = PolicySettings()


def test_company_names_differing_in_case_suffix_and_punctuation_are_one_employer() -> None:
    assert normalise_company("Graustein Software GmbH") == normalise_company("graustein software")
    assert normalise_company("Lattice & Pine") == normalise_company("Lattice and Pine, Inc.")
    assert companies_match(normalise_company("Saltbush"), normalise_company("Saltbush Analytics"))
    assert not companies_match(normalise_company("Apple"), normalise_company("Applebees"))


def test_roles_match_loosely_but_different_roles_differ() -> None:
    assert roles_match("TPM, Payments", "Technical Program Manager, Payments")
    assert roles_match("Projektingenieur (m/w/d)", "projektingenieur")
    assert roles_match("Nimbusline SRE", "Site Reliability Engineer", "Nimbusline")
    assert not roles_match("Frontend Engineer, Growth", "Senior Frontend Engineer, Design Systems")


def test_robot_addresses_are_recognised_and_people_are_not() -> None:
    for robot in (
        "no-reply@greenhouse.io",
        "jobs-noreply@linkedin.com",
        "dse@docusign.net",
        "x@myworkday.com",
    ):
        assert is_robot_address(robot)
    assert not is_robot_address("rita@acme.com")


def test_lookalike_other_mail_without_company_creates_no_process() -> None:
    s = sig(Kind.OTHER, at(2), company="", sender=Address("Bank", "no-reply@bank.example"))
    assert track([s], USER, S, at(3)) == []


def test_user_mail_alone_creates_no_process() -> None:
    assert track([mine(Kind.USER_FOLLOW_UP, at(2))], USER, S, at(3)) == []


def test_ats_domain_alone_never_joins_two_employers() -> None:
    a = sig(Kind.APPLICATION_ACK, at(2), sender=ATS, company="Acme", automated=True)
    b = sig(Kind.APPLICATION_ACK, at(2, 11), sender=ATS, company="Globex", automated=True)
    procs = track([a, b], USER, S, at(3))
    assert sorted(p.company for p in procs) == ["Acme", "Globex"]


def test_two_roles_at_one_company_are_two_processes_and_roleless_mail_joins_by_thread() -> None:
    a = sig(Kind.APPLICATION_ACK, at(2), sender=ATS, role="Data Engineer", automated=True)
    b = sig(Kind.APPLICATION_ACK, at(2, 11), sender=ATS, role="Product Manager", automated=True)
    rej = sig(Kind.REJECTION, at(5), sender=ATS, role="", automated=True, in_reply_to=b.message_id)
    procs = {p.role: p for p in track([a, b, rej], USER, S, at(6))}
    assert procs["Data Engineer"].stage == Stage.APPLIED
    assert procs["Product Manager"].stage == Stage.REJECTED


def test_signals_after_now_are_ignored() -> None:
    ack = sig(Kind.APPLICATION_ACK, at(2))
    rej = sig(Kind.REJECTION, at(9))
    (p,) = track([ack, rej], USER, S, at(5))
    assert p.stage == Stage.APPLIED


def test_stage_is_scheduled_before_the_interview_and_interviewed_after() -> None:
    conf = sig(Kind.INTERVIEW_CONFIRMED, at(2), start=at(5, 14))
    assert track([conf], USER, S, at(5, 13))[0].stage == Stage.SCHEDULED
    assert track([conf], USER, S, at(5, 16))[0].stage == Stage.INTERVIEWED


def test_reminder_for_the_same_slot_adds_no_second_interview() -> None:
    conf = sig(Kind.INTERVIEW_CONFIRMED, at(2), start=at(5, 14), interviewers=("zoe@acme.com",))
    rem = sig(Kind.INTERVIEW_CONFIRMED, at(4), start=at(5, 14), interviewers=("li@acme.com",), uid="u1")
    (p,) = track([conf, rem], USER, S, at(5, 16))
    assert len(p.interviews) == 1
    assert {x.email for x in p.interviews[0].interviewers} == {"zoe@acme.com", "li@acme.com"}


def test_reschedule_with_same_uid_moves_the_slot() -> None:
    conf = sig(Kind.INTERVIEW_CONFIRMED, at(2), start=at(5, 14), uid="u1")
    moved = sig(Kind.RESCHEDULE, at(4), start=at(9, 10), uid="u1", sequence=1)
    (p,) = track([conf, moved], USER, S, at(6))
    assert [iv.start for iv in p.interviews] == [at(9, 10)]
    assert p.stage == Stage.SCHEDULED


def test_postponed_without_new_time_goes_back_to_scheduling() -> None:
    conf = sig(Kind.INTERVIEW_CONFIRMED, at(2), start=at(5, 14))
    post = sig(Kind.RESCHEDULE, at(4), in_reply_to=conf.message_id)
    (p,) = track([conf, post], USER, S, at(6))
    assert p.interviews == ()
    assert p.stage == Stage.SCHEDULING


def test_calendar_cancel_by_uid_removes_the_interview() -> None:
    conf = sig(Kind.INTERVIEW_CONFIRMED, at(2), start=at(5, 14), uid="u1")
    other = sig(Kind.INTERVIEW_CONFIRMED, at(2, 11), start=at(6, 14), uid="u2")
    cancel = sig(Kind.RESCHEDULE, at(3), uid="u1")
    (p,) = track([conf, other, cancel], USER, S, at(4))
    assert [iv.calendar_uid for iv in p.interviews] == ["u2"]


def test_next_round_after_interview_is_scheduling_and_clears_the_promise() -> None:
    conf = sig(Kind.INTERVIEW_CONFIRMED, at(2), start=at(3, 14))
    promise = sig(Kind.DECISION_TIMELINE, at(4), decision=at(13).date())
    nxt = sig(Kind.NEXT_ROUND, at(6))
    (p,) = track([conf, promise, nxt], USER, S, at(7))
    assert p.stage == Stage.SCHEDULING
    assert p.decision_expected_by is None


def test_users_own_withdrawal_joins_existing_process_and_withdraws_it() -> None:
    inv = sig(Kind.INTERVIEW_INVITE, at(2))
    wd = mine(Kind.WITHDRAWN, at(3), in_reply_to=inv.message_id, company="Acme")
    (p,) = track([inv, wd], USER, S, at(4))
    assert p.stage == Stage.WITHDRAWN


def test_two_unanswered_follow_ups_make_the_process_stale_after_ten_days_keeping_the_date() -> None:
    conf = sig(Kind.INTERVIEW_CONFIRMED, at(2), start=at(3, 14))
    promise = sig(Kind.DECISION_TIMELINE, at(4), decision=at(6).date())
    f1 = mine(Kind.USER_FOLLOW_UP, at(13))
    f2 = mine(Kind.USER_FOLLOW_UP, at(23))
    sigs = [conf, promise, f1, f2]
    assert track(sigs, USER, S, at(2, 9, month=4))[0].stage == Stage.INTERVIEWED
    (p,) = track(sigs, USER, S, at(2, 11, month=4))
    assert p.stage == Stage.STALE
    assert p.decision_expected_by == at(6).date()


def test_process_id_is_stable_across_scans_and_later_mail() -> None:
    ack = sig(Kind.APPLICATION_ACK, at(2))
    first = track([ack], USER, S, at(3))[0].id
    later = track([ack, sig(Kind.INTERVIEW_INVITE, at(4))], USER, S, at(5))[0].id
    assert first == later


def test_mute_keyword_or_muted_id_mutes_the_process() -> None:
    ack = sig(Kind.APPLICATION_ACK, at(2), keywords=frozenset({"followup-mute"}))
    assert track([ack], USER, S, at(3))[0].muted
    plain = sig(Kind.APPLICATION_ACK, at(2))
    pid = track([plain], USER, S, at(3))[0].id
    assert track([plain], USER, S, at(3), muted={pid})[0].muted
    assert not track([plain], USER, S, at(3))[0].muted


def test_out_of_office_is_not_the_last_human_correspondent() -> None:
    conf = sig(Kind.INTERVIEW_CONFIRMED, at(2), start=at(3, 14))
    ooo = sig(Kind.OTHER, at(5), sender=Address("Ines", "ines@acme.com"), automated=True)
    (p,) = track([conf, ooo], USER, S, at(6))
    assert p.last_employer_human is conf
    assert p.last_employer is ooo


def test_illegal_transition_keeps_the_stage_and_says_what_happened() -> None:
    stage, note = step(Stage.REJECTED, Event.INVITE)
    assert stage == Stage.REJECTED
    assert "asked to schedule while rejected" in note


def test_reply_to_behind_robot_sender_is_a_contact() -> None:
    ack = sig(Kind.INTERVIEW_INVITE, at(2), sender=ATS, reply_to=(RECRUITER,), automated=True)
    (p,) = track([ack], USER, S, at(3))
    assert [c.email for c in p.contacts] == ["rita@acme.com"]


def test_numbered_company_names_are_not_merged_by_prefix() -> None:
    assert not companies_match(normalise_company("Studio 1"), normalise_company("Studio 10"))
    assert companies_match(normalise_company("Redtail Aero"), normalise_company("Redtail Aerospace"))


def test_colleague_copied_on_a_confirmation_without_interviewer_address_is_the_interviewer() -> None:
    owen = Address("Owen Mercer", "owen@acme.com")
    conf = sig(Kind.INTERVIEW_CONFIRMED, at(2), start=at(5, 14), to=(USER_ADDR, owen))
    (p,) = track([conf], USER, S, at(6))
    assert [x.email for x in p.interviews[0].interviewers] == ["owen@acme.com"]
