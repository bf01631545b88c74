"""The classifier on hand-written hard cases (tests/fixtures/classify): phrasings, senders and languages
that are not in the sample corpus, look-alikes that must stay ``other``."""

from __future__ import annotations

import tomllib
from datetime import date, datetime
from pathlib import Path

import pytest

from followup.domain.classify import read
from followup.domain.company import company_key
from followup.domain.model import Identity, Kind
from followup.domain.parse import parse
from followup.domain.role import role_key

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "classify"
DATA = tomllib.loads((FIXTURES / "labels.toml").read_text("utf-8"))
USER = Identity(DATA["user"]["name"], tuple(DATA["user"]["addresses"]), DATA["user"]["timezone"])
LABELS = DATA["labels"]


def _read(file: str):
    return read(parse((FIXTURES / file).read_bytes()), USER)


@pytest.mark.parametrize("label", LABELS, ids=[lab["file"] for lab in LABELS])
def test_fixture_is_read_as_labelled(label: dict[str, str]) -> None:
    r = _read(label["file"])
    assert r.kind is Kind(label["kind"]), r.evidence
    assert company_key(r.company) == company_key(label.get("company", ""))
    assert role_key(r.role) == role_key(label.get("role", ""))
    if "interview_start" in label:
        assert r.interview_start == datetime.fromisoformat(label["interview_start"])
    if "decision_expected_by" in label:
        assert r.decision_expected_by == date.fromisoformat(label["decision_expected_by"])


def test_every_judgement_carries_evidence_and_a_confidence_in_range() -> None:
    for label in LABELS:
        r = _read(label["file"])
        assert r.evidence, label["file"]
        assert 0.0 <= r.confidence <= 1.0


def test_lookalikes_never_read_as_a_hiring_kind() -> None:
    looks = [lab for lab in LABELS if lab["kind"] == "other" and not lab.get("company")]
    assert len(looks) >= 5
    for label in looks:
        assert _read(label["file"]).kind is Kind.OTHER, label["file"]


def test_calendar_invite_without_hiring_context_is_other_with_no_company() -> None:
    r = _read("10-calendar-team-lunch.eml")
    assert r.kind is Kind.OTHER
    assert r.company == "" and r.interview_start is None


def test_calendar_interview_carries_uid_and_interviewer_without_the_user() -> None:
    r = _read("09-calendar-hiring.eml")
    assert r.calendar_uid == "fernhill-risk-analyst-0001@fernhillbank.com"
    emails = {p.email for p in r.interviewers}
    assert "owen.tate@fernhillbank.com" in emails and "sam.rivera@example.com" not in emails


def test_users_forward_is_read_as_the_forwarded_employer_mail() -> None:
    r = _read("32-user-forwards-invite.eml")
    assert r.kind is Kind.INTERVIEW_INVITE
    assert r.company_domain == "vantor-systems.com"
    assert any("forward" in e for e in r.evidence)


def test_auto_reply_is_other_and_automated() -> None:
    r = _read("30-ooo-english.eml")
    assert r.kind is Kind.OTHER and r.automated
    assert any("Auto-Submitted" in e for e in r.evidence)


def test_ats_sender_is_automated_and_company_is_not_the_ats() -> None:
    r = _read("01-ack-greenhouse-mail.eml")
    assert r.automated
    assert r.company == "Quartzline" and r.company_domain == ""


def test_vague_promise_is_decision_timeline_without_a_date() -> None:
    r = _read("13-promise-vague.eml")
    assert r.kind is Kind.DECISION_TIMELINE and r.promise and r.decision_expected_by is None
