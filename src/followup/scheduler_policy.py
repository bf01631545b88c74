"""The daemon's decisions, without threads, clocks or I/O: when the weekly digest is due, how long to
back off after a failed scan, when to try a paused account again.

Everything takes ``now`` (an aware datetime) as a parameter; ``scheduler.py`` does the waiting.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DIGEST = re.compile(r"^\s*(mon|tue|wed|thu|fri|sat|sun)\s+([01]?\d|2[0-3]):([0-5]\d)\s*$", re.IGNORECASE)

# a network failure is retried after BASE, 2 BASE, 4 BASE ... never more than MAX_BACKOFF apart
MAX_BACKOFF = timedelta(minutes=30)
# an account whose login was refused is tried again this often at most (unless its secret changes)
AUTH_RETRY = timedelta(hours=6)


@dataclass(frozen=True)
class DigestTime:
    weekday: int  # 0 = Monday
    hour: int
    minute: int

    @property
    def cron_day(self) -> str:
        return WEEKDAYS[self.weekday]


def parse_digest_time(spec: str) -> DigestTime | None:
    """``"mon 08:00"`` -> DigestTime(0, 8, 0); ``"off"`` -> None. The config has validated it already."""
    if spec.strip().lower() == "off":
        return None
    m = _DIGEST.match(spec)
    if m is None:
        raise ValueError(f'digest time {spec!r} is not "<mon..sun> HH:MM" or "off"')
    return DigestTime(WEEKDAYS.index(m.group(1).lower()), int(m.group(2)), int(m.group(3)))


def week_id(moment: datetime) -> str:
    """The ISO week of ``moment`` as the store's digest claims name it, e.g. ``"2026-W47"``."""
    year, week, _ = moment.isocalendar()
    return f"{year}-W{week:02d}"


def digest_slot(when: DigestTime, now: datetime, tz: ZoneInfo) -> datetime:
    """This ISO week's digest moment in the user's zone (it may lie ahead of ``now``).

    Only the current week counts: a Sunday digest missed until Monday is not made late, because
    Monday belongs to the next week and that week's digest will come on its own Sunday.
    """
    local = now.astimezone(tz)
    monday = local.date() - timedelta(days=local.weekday())
    day = monday + timedelta(days=when.weekday)
    return datetime.combine(day, time(when.hour, when.minute), tzinfo=tz)


def digest_due(
    when: DigestTime | None, now: datetime, tz: ZoneInfo, last_week_made: str | None
) -> str | None:
    """The week whose digest should be made now, or None: its moment has passed and it was not made."""
    if when is None:
        return None
    slot = digest_slot(when, now, tz)
    if slot > now:
        return None
    week = week_id(slot)
    return None if week == last_week_made else week


def backoff_base(scan_every: timedelta) -> timedelta:
    """The first retry delay: a quarter of the scan interval, between 1 s and 1 minute."""
    return min(max(scan_every / 4, timedelta(seconds=1)), timedelta(minutes=1))


def backoff_delay(
    failures: int, base: timedelta, rng: random.Random | None = None, cap: timedelta = MAX_BACKOFF
) -> timedelta:
    """How long to wait after the ``failures``-th failure in a row (1, 2, ...): base doubling each
    time up to ``cap``, with "equal jitter" (between half and all of it) so that accounts and
    machines failing together do not retry in step."""
    if failures < 1:
        return timedelta(0)
    full = min(base * (2 ** min(failures - 1, 30)), cap)
    r = (rng or random).random()
    return full / 2 + full / 2 * r


@dataclass(frozen=True)
class Health:
    """One account's standing in the daemon (kept in memory: a restart starts afresh)."""

    failures: int = 0
    retry_at: datetime | None = None  # no scan before this (network back-off)
    paused_fingerprint: str | None = None  # credentials seen when the login was refused

    def ready(self, now: datetime) -> bool:
        return self.retry_at is None or now >= self.retry_at


def after_success() -> Health:
    return Health()


def after_network_failure(
    health: Health, now: datetime, base: timedelta, rng: random.Random | None = None
) -> Health:
    failures = health.failures + 1
    return Health(failures=failures, retry_at=now + backoff_delay(failures, base, rng))


def should_retry_paused(
    paused_at: datetime | None,
    now: datetime,
    fingerprint_then: str | None,
    fingerprint_now: str | None,
    every: timedelta = AUTH_RETRY,
) -> bool:
    """A paused account is tried again when its credentials changed, or once ``every`` has passed.

    ``fingerprint_then`` None means this daemon never saw the refusal (it was paused by an earlier
    run or by ``followup scan``): the restart may be the user's fix, so try once.
    """
    if fingerprint_then is None:
        return True
    if fingerprint_now is not None and fingerprint_now != fingerprint_then:
        return True
    return paused_at is None or now - paused_at >= every
