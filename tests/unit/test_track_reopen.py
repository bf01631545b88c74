"""track: a process closed and opened again (re-application, a role put on hold that reopens), and its name."""

from __future__ import annotations

from dataclasses import replace

from followup.domain.model import Address, Kind, Stage
from followup.domain.settings import PolicySettings
from followup.domain.track import track
from tests.unit.test_track_builders import ATS, ME, USER, at, sig

S = PolicySettings()


def test_a_new_acknowledgement_after_a_rejection_is_a_second_process_for_the_same_role() -> None:
    ack = sig(Kind.APPLICATION_ACK, at(2), sender=ATS, automated=True)
    rej = sig(Kind.REJECTION, at(6), sender=ATS, automated=True)
    again = sig(Kind.APPLICATION_ACK, at(4, month=5), sender=ATS, automated=True)
    procs = track([ack, rej, again], USER, S, at(5, month=5))
    assert sorted(p.stage for p in procs) == sorted([Stage.REJECTED, Stage.APPLIED])
    assert {p.role for p in procs} == {"Data Engineer"}


def test_a_second_acknowledgement_while_the_process_is_open_joins_it() -> None:
    ack = sig(Kind.APPLICATION_ACK, at(2), sender=ATS, automated=True)
    invite = sig(Kind.INTERVIEW_INVITE, at(4))
    dup = sig(Kind.APPLICATION_ACK, at(5), sender=ATS, automated=True)
    (p,) = track([ack, invite, dup], USER, S, at(6))
    assert p.stage == Stage.SCHEDULING


def test_a_role_put_on_hold_reopens_with_a_new_invitation_and_a_new_interview() -> None:
    conf = sig(Kind.INTERVIEW_CONFIRMED, at(3), start=at(4, 15), interviewers=("conor@acme.com",))
    hold = sig(Kind.WITHDRAWN, at(9))
    assert track([conf, hold], USER, S, at(20))[0].stage == Stage.WITHDRAWN
    reopen = sig(Kind.NEXT_ROUND, at(14, month=4), in_reply_to=hold.message_id)
    assert track([conf, hold, reopen], USER, S, at(14, 18, month=4))[0].stage == Stage.SCHEDULING
    final = sig(Kind.INTERVIEW_CONFIRMED, at(16, month=4), start=at(22, 11, month=4), uid="final")
    (p,) = track([conf, hold, reopen, final], USER, S, at(18, month=4))
    assert p.stage == Stage.SCHEDULED
    (p,) = track([conf, hold, reopen, final], USER, S, at(22, 14, month=4))
    assert p.stage == Stage.INTERVIEWED


def test_the_users_own_withdrawal_is_not_lifted_by_a_later_invitation() -> None:
    invite = sig(Kind.INTERVIEW_INVITE, at(3))
    gone = sig(Kind.WITHDRAWN, at(5), sender=ME, to=(Address("Rita Recruiter", "rita@acme.com"),))
    late = sig(Kind.INTERVIEW_INVITE, at(9), in_reply_to=gone.message_id)
    (p,) = track([invite, gone, late], USER, S, at(10))
    assert p.stage == Stage.WITHDRAWN


def test_the_employers_newsletter_does_not_rename_the_process() -> None:
    ack = sig(Kind.APPLICATION_ACK, at(2), sender=ATS, company="Acme Mobility", automated=True)
    news = sig(
        Kind.OTHER,
        at(5),
        sender=Address("Acme Engineering", "news@acme.com"),
        company="Acme Engineering Blog",
        automated=True,
    )
    news = replace(news, reading=replace(news.reading, company_domain="acme.com"))  # joins by the domain
    (p,) = track([ack, news], USER, S, at(6))
    assert len(p.signals) == 2
    assert p.company == "Acme Mobility"


def test_a_later_fuller_spelling_of_the_company_does_not_change_the_process_id() -> None:
    # the id carries the drafts' idempotency keys and a mute by id: a rename would draft twice
    ack = sig(Kind.APPLICATION_ACK, at(2), sender=ATS, automated=True, company="Acme")
    (before,) = track([ack], USER, S, at(3))
    conf = sig(Kind.INTERVIEW_CONFIRMED, at(4), company="Acme Robotics GmbH", start=at(9, 15))
    more = [sig(Kind.OTHER, at(5 + i), company="Acme Robotics GmbH") for i in range(3)]
    (after,) = track([ack, conf, *more], USER, S, at(8))
    assert after.id == before.id
