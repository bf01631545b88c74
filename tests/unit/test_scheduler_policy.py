"""The daemon's pure decisions: digest moment and week, back-off delays, when to retry a paused login."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from followup.scheduler_policy import (
    AUTH_RETRY,
    MAX_BACKOFF,
    DigestTime,
    Health,
    after_network_failure,
    after_success,
    backoff_base,
    backoff_delay,
    digest_due,
    digest_slot,
    parse_digest_time,
    should_retry_paused,
    week_id,
)

BERLIN = ZoneInfo("Europe/Berlin")
MON_8 = DigestTime(0, 8, 0)


def test_digest_spec_parses_weekday_and_time_and_off_means_none():
    assert parse_digest_time("mon 08:00") == MON_8
    assert parse_digest_time("SUN 7:05") == DigestTime(6, 7, 5)
    assert parse_digest_time(" off ") is None
    assert parse_digest_time("fri 17:30").cron_day == "fri"


def test_digest_spec_that_is_malformed_raises():
    with pytest.raises(ValueError, match="mon..sun"):
        parse_digest_time("monday 8am")


def test_digest_slot_is_this_iso_weeks_moment_in_the_users_zone():
    now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)  # a Wednesday
    slot = digest_slot(MON_8, now, BERLIN)
    assert slot == datetime(2026, 11, 23, 8, 0, tzinfo=BERLIN)
    assert slot.utcoffset() == timedelta(hours=1)


def test_digest_slot_keeps_local_time_across_a_dst_change():
    # the week of 2026-03-29, when Berlin moves to summer time on Sunday
    slot = digest_slot(DigestTime(6, 8, 0), datetime(2026, 3, 27, 12, 0, tzinfo=UTC), BERLIN)
    assert slot.astimezone(UTC) == datetime(2026, 3, 29, 6, 0, tzinfo=UTC)


def test_digest_is_due_once_its_moment_passed_and_not_before():
    before = datetime(2026, 11, 23, 6, 59, tzinfo=UTC)  # 07:59 in Berlin
    after = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)  # 08:00 in Berlin
    assert digest_due(MON_8, before, BERLIN, None) is None
    assert digest_due(MON_8, after, BERLIN, None) == "2026-W48"


def test_digest_missed_while_asleep_is_due_on_waking_later_that_week():
    thursday = datetime(2026, 11, 26, 21, 0, tzinfo=UTC)
    assert digest_due(MON_8, thursday, BERLIN, "2026-W47") == "2026-W48"


def test_digest_already_made_this_week_is_not_due_again():
    assert digest_due(MON_8, datetime(2026, 11, 26, 21, 0, tzinfo=UTC), BERLIN, "2026-W48") is None


def test_digest_off_is_never_due():
    assert digest_due(None, datetime(2026, 11, 26, tzinfo=UTC), BERLIN, None) is None


def test_sunday_digest_missed_until_monday_waits_for_next_sunday():
    monday = datetime(2026, 11, 30, 9, 0, tzinfo=BERLIN)
    assert digest_due(DigestTime(6, 20, 0), monday, BERLIN, "2026-W47") is None


def test_week_id_uses_iso_years():
    assert week_id(datetime(2027, 1, 1, tzinfo=UTC)) == "2026-W53"
    assert week_id(datetime(2026, 11, 23, tzinfo=UTC)) == "2026-W48"


def test_backoff_base_is_a_quarter_interval_between_one_second_and_one_minute():
    assert backoff_base(timedelta(minutes=15)) == timedelta(minutes=1)
    assert backoff_base(timedelta(minutes=2)) == timedelta(seconds=30)
    assert backoff_base(timedelta(seconds=2)) == timedelta(seconds=1)


def test_backoff_doubles_within_jitter_and_stops_at_thirty_minutes():
    rng = random.Random(7)
    base = timedelta(minutes=1)
    for failures in range(1, 12):
        full = min(base * 2 ** (failures - 1), MAX_BACKOFF)
        delay = backoff_delay(failures, base, rng)
        assert full / 2 <= delay <= full
    assert backoff_delay(40, base, rng) <= MAX_BACKOFF
    assert backoff_delay(0, base, rng) == timedelta(0)


def test_backoff_jitter_spreads_retries_apart():
    rng = random.Random(1)
    delays = {backoff_delay(3, timedelta(minutes=1), rng) for _ in range(20)}
    assert len(delays) > 10


def test_health_after_failures_waits_and_success_clears_it():
    now = datetime(2026, 11, 23, tzinfo=UTC)
    h = after_network_failure(Health(), now, timedelta(seconds=10), random.Random(0))
    h = after_network_failure(h, now, timedelta(seconds=10), random.Random(0))
    assert h.failures == 2
    assert not h.ready(now)
    assert h.retry_at is not None and h.ready(h.retry_at)
    assert after_success() == Health()
    assert after_success().ready(now)


def test_paused_account_is_not_retried_while_nothing_changed():
    paused = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    assert not should_retry_paused(paused, paused + timedelta(hours=5, minutes=59), "a", "a")


def test_paused_account_is_retried_when_its_secret_changes():
    paused = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    assert should_retry_paused(paused, paused + timedelta(minutes=1), "a", "b")


def test_paused_account_is_retried_after_six_hours():
    paused = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    assert should_retry_paused(paused, paused + AUTH_RETRY, "a", "a")


def test_account_paused_before_this_run_is_tried_once_on_start():
    paused = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    assert should_retry_paused(paused, paused + timedelta(minutes=1), None, "a")
