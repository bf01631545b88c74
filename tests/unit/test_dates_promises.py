"""Promised decision dates and the user's deadlines, resolved against the message's own Date."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from followup.domain.dates import find_deadline, find_decision_date

THU = datetime.fromisoformat("2026-03-05T10:00:00-05:00")  # Thursday 5 March 2026
FRI = datetime.fromisoformat("2026-03-06T10:00:00-05:00")
BERLIN_THU = datetime.fromisoformat("2026-03-05T10:00:00+01:00")


@pytest.mark.parametrize(
    ("text", "sent", "expected"),
    [
        ("We will get back to you by Friday.", THU, "2026-03-06"),
        ("We'll get back to you by Friday.", FRI, "2026-03-13"),  # on a Friday, "by Friday" is next week's
        ("We'll get back to you by this Friday.", FRI, "2026-03-06"),
        ("We expect to make a final decision by Friday, March 13.", THU, "2026-03-13"),
        ("We'll decide by Friday (3/13) and I'll call you either way.", THU, "2026-03-13"),
        ("We now expect to wrap up by Thursday the 26th.", THU, "2026-03-26"),
        ("We're aiming to get back to everyone by the 13th.", THU, "2026-03-13"),
        ("We'll have a final decision for you by end of next week.", THU, "2026-03-13"),
        ("You'll hear from us by the end of the week.", THU, "2026-03-06"),
        ("You can expect to hear from us within two weeks.", THU, "2026-03-19"),
        ("We hope to share an update in the next 7–10 business days.", THU, "2026-03-19"),
        ("We'll let you know early next week.", THU, "2026-03-11"),
        ("We will make a decision by end of month.", THU, "2026-03-31"),
        ("The team meets on Tuesday, and you'll hear from me by Wednesday, March 11 at the latest.", THU, "2026-03-11"),
        (
            "He's seeing two more people early next week, and we'll let you know either way by Friday 13 March.",
            THU, "2026-03-13",
        ),
        ("We had hoped to decide by Friday. We now expect to have an answer by Wednesday, March 18.", THU, "2026-03-18"),
        ("Instead of Friday, we now expect to decide by March 25.", THU, "2026-03-25"),
        ("Wir melden uns bis spätestens 20.03. bei Ihnen.", BERLIN_THU, "2026-03-20"),
        ("Sie erhalten unsere Rückmeldung bis Ende nächster Woche.", BERLIN_THU, "2026-03-13"),
        ("Wir geben Ihnen innerhalb von zwei Wochen Bescheid.", BERLIN_THU, "2026-03-19"),
        ("Bis zum 18.03. melden wir uns mit einer Entscheidung.", BERLIN_THU, "2026-03-18"),
        ("Nous reviendrons vers vous d'ici vendredi.", BERLIN_THU, "2026-03-06"),
        ("We'll have feedback for you within 5 business days.", THU, "2026-03-12"),
        ("The hiring manager will make a decision by mid-March.", THU, "2026-03-15"),
    ],
)  # fmt: skip
def test_promise_resolves_to_its_day(text: str, sent: datetime, expected: str) -> None:
    found = find_decision_date(text, sent)
    assert found is not None, text
    assert found.date == date.fromisoformat(expected)
    assert found.evidence


@pytest.mark.parametrize(
    "text",
    [
        "We'll be in touch in the coming days.",
        "I will come back to you as soon as I have news.",
        "We'll be making decisions shortly and will let you know.",
        "Wir melden uns in Kürze bei Ihnen.",
        "Nous reviendrons vers vous dans les prochains jours.",
    ],
)
def test_vague_promise_has_no_date(text: str) -> None:
    found = find_decision_date(text, THU)
    assert found is not None, text
    assert found.date is None


@pytest.mark.parametrize(
    "text",
    [
        "Please send your references by Friday.",
        "Please let us know by Monday whether you accept.",
        "Your interview is on Friday, March 13 at 2pm.",
        "Thanks so much for the update on Friday.",
        "We decided to move forward with other candidates.",
        "Our scheduling coordinator will reach out on Monday to find a time.",
        "Also this week: a decision tree for choosing a metrics store.",
        "We'll be in touch.",
    ],
)
def test_text_that_is_no_decision_promise_gives_none(text: str) -> None:
    assert find_decision_date(text, THU) is None


def test_dated_promise_wins_over_a_later_vague_one() -> None:
    text = "We expect to decide by Friday, March 13. I'll be in touch either way as soon as we know."
    found = find_decision_date(text, THU)
    assert found is not None
    assert found.date == date(2026, 3, 13)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Please send your references by Friday.", "2026-03-06"),
        ("Please let us know by Monday whether you accept.", "2026-03-09"),
        ("Could you send over two references by Thursday?", "2026-03-12"),
        ("Please complete the assessment within 5 days.", "2026-03-10"),
        ("Bitte senden Sie uns die Arbeitsprobe bis 12.03. zurück.", "2026-03-12"),
        ("The take-home is due by end of next week.", "2026-03-13"),
    ],
)
def test_deadline_for_the_user_is_found(text: str, expected: str) -> None:
    assert find_deadline(text, THU) == date.fromisoformat(expected)


def test_promise_is_not_a_deadline() -> None:
    assert find_deadline("We will get back to you by Friday.", THU) is None
