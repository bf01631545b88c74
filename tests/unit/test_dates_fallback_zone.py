"""Which zone a time written without one is in: the user's, the sender's, or neither."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from followup.domain.dates_zones import fallback_zone


def test_a_utc_stamped_date_header_leaves_the_time_in_the_users_zone() -> None:
    # Exchange Online and many ATSs stamp +0000 whatever the writer's zone: "10:30 AM" is New York's
    sent = datetime(2027, 3, 19, 18, 30, tzinfo=UTC)
    assert fallback_zone(sent, "America/New_York") == "America/New_York"


def test_a_sender_offset_that_matches_the_users_zone_is_the_users_zone() -> None:
    sent = datetime(2027, 3, 19, 14, 30, tzinfo=timezone(timedelta(hours=-4)))
    assert fallback_zone(sent, "America/New_York") == "America/New_York"


def test_a_sender_offset_far_from_the_user_is_the_senders_zone() -> None:
    # a Berlin employer writing to a New York user: the time is Berlin's, with its clock changes
    sent = datetime(2027, 1, 19, 14, 30, tzinfo=timezone(timedelta(hours=1)))
    assert fallback_zone(sent, "America/New_York") == "Europe/Berlin"


def test_without_a_user_zone_a_utc_stamp_falls_back_to_a_utc_zone() -> None:
    sent = datetime(2027, 1, 19, 14, 30, tzinfo=UTC)
    assert fallback_zone(sent, "") == "Europe/London"
