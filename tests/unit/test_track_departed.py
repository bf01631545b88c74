"""track/policy: someone who left the employer mid-process and writes from their new company's domain."""

from __future__ import annotations

from datetime import date

from followup.domain.model import ActionKind, Address, Kind
from followup.domain.policy import evaluate
from followup.domain.settings import PolicySettings
from followup.domain.track import track
from followup.domain.track_people import departed
from tests.unit.test_track_builders import USER, at, sig

S = PolicySettings()
RITA = Address("Rita Recruiter", "rita@acme.com")
RITA_NEW = Address("Rita Recruiter", "rita@otterbrook.io")
RITA_GMAIL = Address("Rita Recruiter", "rita.recruiter@gmail.com")
TOM = Address("Tom Reyes", "tom@acme.com")


def _history(note_from: Address) -> list:
    conf = sig(Kind.INTERVIEW_CONFIRMED, at(3), sender=RITA, start=at(5, 10), interviewers=("dan@acme.com",))
    promise = sig(Kind.DECISION_TIMELINE, at(6), sender=RITA, decision=date(2026, 3, 13))
    handover = sig(Kind.DECISION_TIMELINE, at(10), sender=TOM, decision=date(2026, 3, 13))
    note = sig(Kind.OTHER, at(16, 19), sender=note_from, in_reply_to=handover.message_id)
    return [conf, promise, handover, note]


def test_a_recruiter_writing_from_her_new_companys_domain_has_departed() -> None:
    assert departed(_history(RITA_NEW), USER) == frozenset({"rita@otterbrook.io"})


def test_free_mail_and_one_word_names_say_nothing_about_leaving() -> None:
    assert departed(_history(RITA_GMAIL), USER) == frozenset()
    assert departed(_history(Address("Rita", "rita@otterbrook.io")), USER) == frozenset()


def test_her_note_from_the_new_domain_neither_delays_the_decision_follow_up_nor_receives_it() -> None:
    (p,) = track(_history(RITA_NEW), USER, S, at(20, 10))
    assert "rita@otterbrook.io" not in {c.email for c in p.contacts}
    ev = evaluate(p, USER, S, at(20, 10))
    (due,) = ev.due
    assert due.kind == ActionKind.DECISION_FOLLOW_UP
    assert due.due_at == at(20, 9)  # Friday 13th + 5 business days, not 8 days after her note
    assert [a.email for a in due.to] == ["tom@acme.com"]


def test_the_same_note_from_her_employer_address_is_word_from_the_employer() -> None:
    # the control: from acme.com the note pushes the follow-up 8 days past it and she is the recipient
    (p,) = track(_history(RITA), USER, S, at(20, 10))
    ev = evaluate(p, USER, S, at(20, 10))
    assert ev.due == ()
    assert ev.next_action is not None and ev.next_action.due_at == at(24, 9)
    assert [a.email for a in ev.next_action.to] == ["rita@acme.com"]
