"""Dates in more phrasings: a slot whose time and day sit on separate lines, and promised dates in
German present tense, Spanish and Dutch."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from followup.domain.dates import find_decision_date, find_interview_time

CEST = timezone(timedelta(hours=2))
CDT = timezone(timedelta(hours=-5))


def test_time_line_then_day_line_is_one_slot() -> None:
    text = "Event Date/Time:\n11:00am - 11:30am (Central Time - US & Canada)\nFriday, April 10, 2026\n\nLocation: Meet"
    slot = find_interview_time(text, datetime(2026, 4, 8, 10, 41, tzinfo=CDT))
    assert slot is not None
    assert slot.start == datetime(2026, 4, 10, 16, 0, tzinfo=UTC)
    assert slot.end == datetime(2026, 4, 10, 16, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "sent", "want"),
    [
        (
            "Wir sprechen noch mit weiteren Kandidaten und melden uns bis Ende nächster Woche bei Ihnen.",
            datetime(2026, 4, 24, 14, tzinfo=CEST),
            date(2026, 5, 1),
        ),
        (
            "Te daremos una respuesta antes del viernes 8 de mayo.",
            datetime(2026, 4, 22, 17, tzinfo=CEST),
            date(2026, 5, 8),
        ),
        (
            "We laten je uiterlijk vrijdag 8 mei weten hoe het verder gaat.",
            datetime(2026, 4, 22, 17, tzinfo=CEST),
            date(2026, 5, 8),
        ),
        (
            "Nous reviendrons vers vous d'ici deux semaines.",
            datetime(2026, 4, 22, 17, tzinfo=CEST),
            date(2026, 5, 6),
        ),
    ],
)
def test_promised_dates_in_other_languages(text: str, sent: datetime, want: date) -> None:
    found = find_decision_date(text, sent)
    assert found is not None and found.date == want


def test_a_request_to_the_user_is_not_a_promise() -> None:
    found = find_decision_date(
        "Bitte senden Sie uns die Unterlagen bis Freitag.", datetime(2026, 4, 22, 9, tzinfo=CEST)
    )
    assert found is None


def test_indian_day_month_year_with_hyphens_and_ist() -> None:
    sent = datetime(2026, 5, 4, 9, 0, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    found = find_interview_time(
        "Your discussion is fixed on 07-May-2026 at 3:00 PM IST.", sent, "Europe/London"
    )
    assert found is not None
    assert found.start == datetime(2026, 5, 7, 15, 0, tzinfo=timezone(timedelta(hours=5, minutes=30)))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Te daremos una respuesta dentro de dos semanas.", date(2026, 5, 18)),
        ("We laten het je binnen 5 werkdagen weten.", date(2026, 5, 11)),
        ("We'll let you know over the next week or two.", date(2026, 5, 18)),
    ],
)
def test_spans_in_spanish_dutch_and_a_week_or_two(text: str, want: date) -> None:
    sent = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)  # a Monday
    found = find_decision_date(text, sent, "Europe/Madrid")
    assert found is not None and found.date == want
