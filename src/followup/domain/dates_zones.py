"""Time-zone words in text ("ET", "Eastern Time (US & Canada)", "(GMT+1)", "MEZ", "your time") and
their resolution to tzinfo objects. IANA zones keep daylight saving time right on the interview's
own date: "EST" written in July still means New York time, as people mean it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from followup.domain.dates_days import trie_regex
from followup.domain.dates_words import CITY_ZONES, ZONE_ABBREVIATIONS, ZONE_PHRASES

USER = "@user"  # "your time": the addressee's (the user's) zone
SENDER = "@sender"  # "my time": the writer's zone


@dataclass(frozen=True)
class ZoneMention:
    start: int
    end: int
    zone: str  # IANA name, "+HH:MM", USER or SENDER


_OFFSET = re.compile(r"\b(?:GMT|UTC)\s?(?P<sign>[+-−])\s?(?P<h>\d{1,2})(?::?(?P<m>\d\d))?(?!\d)")
_IANA = re.compile(
    r"\b(?:Africa|America|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Z][A-Za-z_]+(?:/[A-Z][A-Za-z_]+)?"
)
_ABBR = re.compile(
    r"(?<![\w/])(?P<abbr>"
    + "|".join(sorted((k for k in ZONE_ABBREVIATIONS if k != "Z"), key=len, reverse=True))
    + r")(?![\w/+-])"
)
_PHRASE = re.compile(
    r"\b(?P<phrase>"
    + trie_regex(p for p, _ in ZONE_PHRASES)
    + r")\b(?:\s+time)?(?:\s*[-(]\s*(?:US\s*(?:&|and)\s*Canada|New York|Chicago|Denver|Los Angeles)\)?)?",
    re.I,
)
_CITY = re.compile(
    r"\b(?P<city>" + trie_regex(CITY_ZONES) + r")(?:\s+time|\s+zeit)\b"
    r"|\b(?:in|for you in|your time in)\s+(?P<city2>" + trie_regex(CITY_ZONES) + r")\b",
    re.I,
)
_RELATIVE = re.compile(
    r"\b(?P<who>your|ihrer|Ihrer|deiner|votre|my|meiner|ma|our|unserer)\s+(?:local\s+)?(?:time|zeit|heure)\b"
    r"|\b(?P<who2>yours)\b|\b(?P<local>local time|Ortszeit)\b",
    re.I,
)
_PHRASE_ZONES = {p: z for p, z in ZONE_PHRASES}


def find_zones(text: str) -> list[ZoneMention]:
    """Zone words in ``text``, non-overlapping, in order."""
    found: list[ZoneMention] = []
    for m in _OFFSET.finditer(text):
        sign = -1 if m["sign"] in "-−" else 1
        minutes = sign * (int(m["h"]) * 60 + int(m["m"] or 0))
        found.append(ZoneMention(m.start(), m.end(), _offset_name(minutes)))
    for m in _IANA.finditer(text):
        found.append(ZoneMention(m.start(), m.end(), m.group()))
    for m in _PHRASE.finditer(text):
        found.append(ZoneMention(m.start(), m.end(), _PHRASE_ZONES[m["phrase"].lower()]))
    for m in _CITY.finditer(text):
        found.append(ZoneMention(m.start(), m.end(), CITY_ZONES[(m["city"] or m["city2"]).lower()]))
    for m in _ABBR.finditer(text):
        found.append(ZoneMention(m.start(), m.end(), ZONE_ABBREVIATIONS[m["abbr"]]))
    for m in _RELATIVE.finditer(text):
        who = (m["who"] or m["who2"] or "").lower()
        if m["local"]:
            continue
        zone = SENDER if who in ("my", "meiner", "ma", "our", "unserer") else USER
        found.append(ZoneMention(m.start(), m.end(), zone))
    found.sort(key=lambda z: (-(z.end - z.start), z.start))
    kept: list[ZoneMention] = []
    for z in found:
        if all(z.end <= k.start or z.start >= k.end for k in kept):
            kept.append(z)
    return sorted(kept, key=lambda z: z.start)


def _offset_name(minutes: int) -> str:
    sign = "-" if minutes < 0 else "+"
    h, m = divmod(abs(minutes), 60)
    return f"{sign}{h:02d}:{m:02d}"


@lru_cache(maxsize=256)
def tz_of(name: str) -> tzinfo | None:
    """tzinfo for an IANA name or "+HH:MM"; None when unknown."""
    if name[:1] in "+-" and len(name) == 6:
        minutes = int(name[1:3]) * 60 + int(name[4:6])
        return timezone(timedelta(minutes=-minutes if name[0] == "-" else minutes))
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def offset_name_of(moment: datetime) -> str:
    off = moment.utcoffset() or timedelta(0)
    return _offset_name(int(off.total_seconds() // 60))


def fallback_zone(sent: datetime, user_tz: str) -> str:
    """The zone of a time written without one: the user's own zone when it agrees with the
    sender's offset on the sent day (then DST is right on the interview's date), else the sender's
    fixed offset."""
    if user_tz and (tz := tz_of(user_tz)) is not None:
        if sent.astimezone(tz).utcoffset() == sent.utcoffset():
            return user_tz
        if not sent.utcoffset():
            # +0000 is what servers and Exchange Online stamp whatever the writer's zone: it says
            # nothing about where the sender is, so the user's own zone is the better guess
            return user_tz
    # the first common zone that keeps the sender's offset on the sent day: its daylight-saving
    # rules then move the time right when the interview falls after a clock change
    for name in _COMMON_ZONES:
        tz = tz_of(name)
        if tz is not None and sent.astimezone(tz).utcoffset() == sent.utcoffset():
            return name
    return offset_name_of(sent)


# Checked in order: a sender at UTC-5 in July is in Chicago, in January in New York.
_COMMON_ZONES = (
    "Europe/London",
    "Europe/Berlin",
    "Europe/Helsinki",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "Asia/Kolkata",
    "Australia/Sydney",
)


def resolve_zone(zone: str, sent: datetime, user_tz: str) -> str:
    """Turn USER/SENDER markers into a concrete zone name."""
    if zone == USER:
        return user_tz if user_tz and tz_of(user_tz) else fallback_zone(sent, "")
    if zone == SENDER:
        return fallback_zone(sent, user_tz)
    return zone
