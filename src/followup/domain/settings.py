"""Policy numbers (design.md's defaults; every one configurable under ``[policy]``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PolicySettings:
    thank_you_delay_hours: float = 2.0  # after the interview ends
    thank_you_window_days: float = 4.0  # no thank-you once the interview is further past
    decision_grace_business_days: int = 5  # after a promised decision date
    check_in_days: int = 8  # after the last interview / last employer word, no date promised
    second_follow_up_days: int = 10  # after the user's first follow-up, still no answer
    max_follow_ups: int = 2  # decision_follow_up + check_in, counted as sent by the user
    stale_after_days: int = 10  # after the last follow-up with no answer
    feedback_delay_days: int = 1  # after a rejection that followed an interview
    follow_up_hour: int = 9  # follow-ups fall at this hour, user's zone, on a business day
    business_days: tuple[int, ...] = (0, 1, 2, 3, 4)  # Monday=0
    backfill_grace_hours: float = 72.0  # first run: older due actions are reported, not drafted
    lookback_days: int = 180  # first sync looks back this far
    mute_keyword: str = "followup-mute"
