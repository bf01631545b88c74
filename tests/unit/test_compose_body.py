"""What a draft says: personal, short, honest (placeholders, never invented facts), per action kind."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import jinja2
import pytest

from followup.domain.compose import Templates, draft_context
from followup.domain.compose_text import first_name
from followup.domain.model import ActionKind, Address, Interview, Person
from tests.unit.test_compose import INTERVIEW, NOW, USER, body, compose, make_action, make_process, parse

ALL_KINDS = list(ActionKind)


def test_thank_you_is_personal_with_name_role_company_and_local_interview_date() -> None:
    text = body(compose())
    assert text.startswith("Dear Anna,\n")
    assert "Senior Engineer role at Acme" in text
    assert "on Tuesday, 24 February" in text
    assert "[something specific you discussed]" in text
    assert text.rstrip().endswith("Kind regards,\nLena Hartmann")


def test_interview_date_is_the_users_local_day_not_utc() -> None:
    late = Interview(
        start=datetime(2026, 2, 23, 23, 30, tzinfo=UTC),  # Tuesday 00:30 in Berlin
        end=datetime(2026, 2, 24, 0, 30, tzinfo=UTC),
        interviewers=(),
        arranger=None,
        calendar_uid="u",
        source_message_id="m",
    )
    text = body(compose(make_action(interview=late), make_process(interviews=(late,))))
    assert "on Tuesday, 24 February" in text


def test_users_notes_become_marked_mention_lines_not_pasted_prose() -> None:
    text = body(compose(notes=["they are moving to Rust\nnext year", "  "]))
    assert "[Mention: they are moving to Rust next year]" in text
    assert "Notes you made" not in text
    assert text.count("[Mention:") == 1


@pytest.mark.parametrize(
    "to",
    [
        Address("", "anna.schmidt@acme.com"),
        Address("Acme Recruiting Team", "jobs@acme.com"),
        Address("anna@acme.com", "anna@acme.com"),
    ],
)
def test_no_known_personal_name_gives_a_neutral_greeting(to: Address) -> None:
    action = make_action(to=(to,), interviewer=None)
    assert body(compose(action)).startswith("Hello,\n")


def test_greeting_falls_back_to_the_interviewers_name_for_the_same_address() -> None:
    action = make_action(to=(Address("", "anna.schmidt@acme.com"),))
    assert body(compose(action)).startswith("Dear Anna,\n")


def test_thank_you_to_the_arranger_thanks_for_arranging_and_names_the_interviewer() -> None:
    action = make_action(to=(Address("Tom Becker", "tom@acme.com"),), interviewer=Person("Dr. Kim Lee", ""))
    text = body(compose(action))
    assert text.startswith("Dear Tom,\n")
    assert "arranging my interview with Dr. Kim Lee" in text
    assert "pass my thanks on to Dr. Kim Lee" in text


def test_decision_follow_up_names_the_promised_date_asks_politely_and_offers_information() -> None:
    text = body(compose(make_action(ActionKind.DECISION_FOLLOW_UP)))
    assert "decision was expected by Friday, 13 March" in text
    assert "update" in text
    assert "further information" in text


def test_decision_follow_up_without_a_date_does_not_invent_one() -> None:
    text = body(compose(make_action(ActionKind.DECISION_FOLLOW_UP), make_process(decision_expected_by=None)))
    assert "expected by" not in text
    assert "Tuesday, 24 February" in text


def test_check_in_reiterates_interest_offers_value_without_pressure() -> None:
    text = body(compose(make_action(ActionKind.CHECK_IN)))
    assert "remain very interested" in text
    assert "[Something of value to share" in text
    assert "whenever it suits you" in text
    for pushy in ("asap", "urgent", "decide by", "as soon as possible", "why haven"):
        assert pushy not in text.lower()


def test_second_check_in_acknowledges_that_decisions_take_time() -> None:
    first = body(compose(make_action(ActionKind.CHECK_IN)))
    second = body(compose(make_action(ActionKind.CHECK_IN), make_process(follow_ups_sent=1)))
    assert "take time" not in first
    assert "take time" in second


def test_feedback_request_thanks_and_asks_for_brief_feedback() -> None:
    text = body(compose(make_action(ActionKind.FEEDBACK_REQUEST)))
    assert text.split("\n\n")[1].startswith("Thank you for letting me know")
    assert "brief feedback" in text


def test_offer_reply_thanks_and_reviews_without_accepting_or_declining() -> None:
    text = body(compose(make_action(ActionKind.OFFER_REPLY)))
    assert "Thank you very much for the offer" in text
    assert "reviewing the offer" in text
    assert "[the date you will reply]" in text
    for decision in ("i accept", "i am pleased to accept", "i decline", "happy to accept", "must decline"):
        assert decision not in text.lower()


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_every_draft_is_short(kind: ActionKind) -> None:
    text = body(compose(make_action(kind), notes=["a note"]))
    words = len(text.split())
    assert 30 <= words <= 130, words
    assert text.count("\n\n") <= 6


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_unknown_role_company_and_interview_leave_no_holes(kind: ActionKind) -> None:
    action = make_action(
        kind, interview=None, interviewer=None, to=(Address("", "hr@example.org"),), reply_to=None
    )
    process = make_process(company="", role="", interviews=(), decision_expected_by=None)
    raw = compose(action, process)
    text = body(raw)
    for hole in ("None", "  ", " .", " ,", "role at  ", "''"):
        assert hole not in text, hole
    assert "the role" in text
    assert parse(raw)["Subject"]


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_every_kind_has_its_own_template_with_greeting_and_signature(kind: ActionKind) -> None:
    text = body(compose(make_action(kind)))
    assert text.startswith("Dear Anna,")
    assert text.rstrip().endswith("Lena Hartmann")


def test_mail_strings_in_the_body_are_single_lines() -> None:
    process = make_process(company="Acme\r\nInc", role="Engineer\u202e")
    text = body(compose(process=process))
    assert "Acme Inc" in text
    assert "\u202e" not in text


def test_override_dir_template_wins_and_others_fall_back_to_the_package(tmp_path: Path) -> None:
    (tmp_path / "thank_you.txt.j2").write_text("Hi {{ greeting_name }}, thanks! {{ user_name }}\n", "utf-8")
    templates = Templates(tmp_path)
    assert body(compose(templates=templates)) == "Hi Anna, thanks! Lena Hartmann\n"
    assert "decision was expected" in body(
        compose(make_action(ActionKind.DECISION_FOLLOW_UP), templates=templates)
    )


def test_an_undefined_variable_in_a_template_fails_loudly(tmp_path: Path) -> None:
    (tmp_path / "thank_you.txt.j2").write_text("Dear {{ interviewer_nickname }},\n", "utf-8")
    with pytest.raises(jinja2.UndefinedError):
        compose(templates=Templates(tmp_path))


def test_text_templates_are_not_html_escaped() -> None:
    text = body(compose(process=make_process(company="Smith & Sons <UK>")))
    assert "Smith & Sons <UK>" in text


def test_context_offers_every_documented_variable() -> None:
    ctx = draft_context(make_action(), make_process(), USER, notes=["n"], now=NOW)
    assert set(ctx) >= {
        "kind",
        "greeting_name",
        "company",
        "company_ref",
        "role",
        "the_role",
        "interview_day",
        "interviewer_name",
        "to_arranger",
        "decision_day",
        "follow_ups_sent",
        "notes",
        "user_name",
    }
    assert ctx["interview_day"] == "Tuesday, 24 February"
    assert INTERVIEW.start.year == 2026


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Anna Schmidt", "Anna"),
        ("Schmidt, Anna", "Anna"),
        ("Dr. Anna Schmidt", "Anna"),
        ('"Anna Schmidt"', "Anna"),
        ("J. Smith", "J. Smith"),
        ("김민준", "김민준"),
        ("Acme Talent Acquisition", None),
        ("Greenhouse Notifications", None),
        ("no-reply", None),
        ("anna@acme.com", None),
        ("", None),
        ("Recruiting Team 2", None),
    ],
)
def test_first_name(name: str, expected: str | None) -> None:
    assert first_name(name) == expected
