"""Calendar arithmetic for the policy: business days and 09:00 in the user's zone."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from followup.domain.settings import PolicySettings


def user_zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def local_date(when: datetime, tz: tzinfo) -> date:
    return when.astimezone(tz).date()


def is_business_day(d: date, settings: PolicySettings) -> bool:
    return d.weekday() in settings.business_days


def next_business_day(d: date, settings: PolicySettings) -> date:
    """``d`` itself when it is a business day, else the next one."""
    if not settings.business_days:
        return d
    while not is_business_day(d, settings):
        d += timedelta(days=1)
    return d


def add_business_days(d: date, n: int, settings: PolicySettings) -> date:
    """``n`` business days after ``d`` (Friday the 13th + 5 = Friday the 20th)."""
    if not settings.business_days:
        return d + timedelta(days=n)
    while n > 0:
        d += timedelta(days=1)
        if is_business_day(d, settings):
            n -= 1
    return d


def follow_up_at(d: date, settings: PolicySettings, tz: tzinfo) -> datetime:
    """The follow-up hour (09:00) on ``d``, or on the next business day when ``d`` is not one."""
    d = next_business_day(d, settings)
    return datetime(d.year, d.month, d.day, settings.follow_up_hour, tzinfo=tz)


def days_after(when: datetime, days: float, settings: PolicySettings, tz: tzinfo) -> datetime:
    """The follow-up time on the user's calendar day ``days`` after ``when``."""
    return follow_up_at(local_date(when, tz) + timedelta(days=days), settings, tz)
