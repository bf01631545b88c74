"""Find the days a text names ("Tuesday, March 3", "03.03.2026", "3/19", "the 13th", "tomorrow",
"next Tuesday") and resolve each against the day the message was sent.

Resolution rules (documented choices):
- A date without a year is the first occurrence no more than 14 days before the sent day (so a
  reference to last week's date stays in this year); when a weekday is named too, the year (or
  month, for "Thursday the 26th") whose calendar agrees with that weekday wins.
- A range of days ("between the 16th and 20th", "zwischen dem 16. und 20. März") is its last day.
- "3/19" is month/day when the sender's UTC offset is American (-3h or further west), else day/month;
  the other order is tried when the first is no valid date.
- A bare weekday ("by Friday", "on Tuesday") is the next such day after the sent day; on the same
  weekday it means a week later (nobody writes "by Friday" on a Friday meaning today).
  "this Friday" may be the sent day itself. "next Tuesday" is the first Tuesday after the sent day,
  moved a week on when that one still falls in the sent day's own week (Monday's "next Tuesday" is
  not tomorrow). "Tuesday next week" is the Tuesday of the following week.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from followup.domain.dates_words import MONTHS, WEEKDAY_ABBREVIATIONS, WEEKDAYS


@dataclass(frozen=True)
class DayMention:
    start: int
    end: int
    day: date
    kind: str  # "explicit" | "ordinal" | "weekday" | "relative"


def trie_regex(words: Iterable[str]) -> str:
    """A non-capturing alternation of ``words`` factored by common prefixes, so that the regex
    engine rejects a position after one character instead of trying every word."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for ch in word.lower():
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:  # type: ignore[type-arg]
    end = "" in node
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        return "(?:" + body + ")?"
    return body


_alt = trie_regex


_MON = _alt(MONTHS)
_WD = _alt(WEEKDAYS)
_WDA = _alt(list(WEEKDAYS) + list(WEEKDAY_ABBREVIATIONS))
_PREFIX = re.compile(rf"\b(?P<wd>{_WDA})\.?,?\s+(?:the\s+|den\s+|le\s+|el\s+)?$", re.I)

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        # a range of days of one month ("zwischen dem 16. und 20.", "entre le 16 et le 20 mars", "between the
        # 16th and 20th", "mellem den 16. og 20. marts"): the day is the range's LAST day
        "range",
        re.compile(
            r"\b(?:(?P<art>zwischen\s+dem|vom|entre\s+(?:le|el|o)|tra\s+il|fra\s+il|dal|mellem\s+den|mellan\s+den"
            r"|between\s+the)|entre|between|od)\s+(?P<d1>\d{1,2})(?:st|nd|rd|th|er|\.)?\s*"
            r"(?:und|bis(?:\s+zum)?|et|y|e|al|og|och|and|to|till|til|do|-|–)\s*(?:the\s+|le\s+|el\s+|o\s+|il\s+"
            r"|den\s+|dem\s+|zum\s+)?(?P<day>\d{1,2})(?P<suf>st|nd|rd|th|\.(?!\d))?(?!\d|:|\s*(?:[ap]\.?m\b|h\b|uhr\b|o'clock))"
            rf"(?:\s+(?:de\s+|of\s+)?(?P<mon>{_MON})\b\.?(?:\s+(?P<year>20\d\d)\b)?)?",
            re.I,
        ),
    ),
    (
        "md",
        re.compile(
            rf"\b(?P<mon>{_MON})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d|:)\b"
            rf"(?:,?\s+(?P<year>20\d\d)\b)?",
            re.I,
        ),
    ),
    (
        "dm",
        re.compile(
            # "17 April 2026", "3rd of May", "17-Apr-2026" (Indian and British forms)
            rf"(?<![\d.])(?P<day>\d{{1,2}})(?:st|nd|rd|th|er|\.)?(?:\s+|-)(?:of\s+|de\s+)?"
            rf"(?P<mon>{_MON})\b\.?(?:(?:,?\s+|-)(?:de\s+)?(?P<year>20\d\d)\b)?",
            re.I,
        ),
    ),
    (
        "dot",
        re.compile(
            r"(?<![\d.])(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?:(?P<year>20\d\d|\d\d)(?![\d.]))?",
            re.I,
        ),
    ),
    (
        "slash",
        re.compile(
            r"(?<![\w/.:=-])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?P<year>20\d\d|\d\d))?(?![\w/])",
            re.I,
        ),
    ),
    ("iso", re.compile(r"(?<![\d-])(?P<year>20\d\d)-(?P<mon>\d\d)-(?P<day>\d\d)(?!\d)")),
    (
        "ord",
        re.compile(
            r"\bthe\s+(?P<day>\d{1,2})(?:st|nd|rd|th)\b"
            rf"|\b(?P<wd2>{_WD}),?\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)\b",
            re.I,
        ),
    ),
    (
        "rel",
        re.compile(
            r"\b(?P<rel>the day after tomorrow|day after tomorrow|tomorrow|today|tonight|yesterday"
            r"|this (?:morning|afternoon|evening)|übermorgen|heute|gestern|(?-i:morgen)"
            r"|après-demain|demain|aujourd'hui|mañana|hoy)\b",
            re.I,
        ),
    ),
    (
        "wd",
        re.compile(
            rf"\b(?P<wd>{_WD})\b(?:\s+(?P<post>prochain|next week|der nächsten woche|nächster woche"
            r"|kommende woche|de la semaine prochaine))?",
            re.I,
        ),
    ),
]

_REL_DAYS = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "heute": 0, "aujourd'hui": 0, "hoy": 0, "tomorrow": 1, "morgen": 1, "demain": 1,
    "mañana": 1, "day after tomorrow": 2, "the day after tomorrow": 2, "übermorgen": 2,
    "après-demain": 2, "yesterday": -1, "gestern": -1,
}  # fmt: skip

_NEXT_MODS = {"next", "nächsten", "nächster", "nächste", "el próximo"}
_PAST_SLACK = timedelta(days=14)


def _weekday_of(name: str | None) -> int | None:
    if not name:
        return None
    key = name.lower().rstrip(".")
    return WEEKDAYS.get(key, WEEKDAY_ABBREVIATIONS.get(key))


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _with_year(month: int, day: int, year: int | None, wd: int | None, sent: date) -> date | None:
    if year is not None:
        if year < 100:
            year += 2000
        return _safe(year, month, day)
    candidates = [d for y in (sent.year - 1, sent.year, sent.year + 1) if (d := _safe(y, month, day))]
    if wd is not None:
        matching = [d for d in candidates if d.weekday() == wd]
        if matching:
            return _prefer_ahead(matching, sent - _PAST_SLACK, sent)
    for d in candidates:
        if d >= sent - _PAST_SLACK:
            return d
    return None


def _prefer_ahead(days: list[date], floor: date, sent: date) -> date:
    ahead = [d for d in days if d >= floor]
    return ahead[0] if ahead else min(days, key=lambda d: abs((d - sent).days))


def _ordinal_day(day: int, wd: int | None, sent: date) -> date | None:
    months = [(sent.year + (sent.month - 1 + k) // 12, (sent.month - 1 + k) % 12 + 1) for k in (-1, 0, 1, 2)]
    candidates = [d for y, m in months if (d := _safe(y, m, day))]
    if wd is not None:
        matching = [d for d in candidates if d.weekday() == wd]
        if matching:
            return _prefer_ahead(matching, sent, sent)
    for d in candidates:
        if d >= sent:
            return d
    return None


def weekday_after(sent: date, wd: int, mod: str = "", post: str = "") -> date:
    """Resolve a named weekday against the sent day (see the module docstring for the rules)."""
    mod, post = mod.lower(), post.lower()
    ahead = (wd - sent.weekday()) % 7
    if post:
        monday_next = sent - timedelta(days=sent.weekday()) + timedelta(days=7)
        return monday_next + timedelta(days=wd)
    if mod in ("this", "diesen", "dieser", "ce", "este"):
        return sent + timedelta(days=ahead)
    if ahead == 0:
        ahead = 7
    out = sent + timedelta(days=ahead)
    if mod in _NEXT_MODS and out.isocalendar()[:2] == sent.isocalendar()[:2]:
        out += timedelta(days=7)
    return out


_PREFIXED = {"md", "dm", "dot", "slash", "ord"}
_MOD = re.compile(
    r"\b(?P<mod>next|this|coming|following|nächsten|nächster|nächste|kommenden|kommender|diesen|dieser|ce|este"
    r"|el próximo)\s+$",
    re.I,
)


def _resolve(
    kind: str, m: re.Match[str], sent: date, american: bool, wd: int | None, mod: str = ""
) -> tuple[date | None, str]:
    g = m.groupdict()
    wd = wd if wd is not None else _weekday_of(g.get("wd") or g.get("wd2"))
    year = int(g["year"]) if g.get("year") else None
    if kind == "range":
        if int(g["d1"]) >= int(g["day"]) or not (g.get("mon") or g.get("suf") or g.get("art")):
            # "between 9 and 11" with no month, no ordinal and no article is an hour range, not days
            return None, "explicit"
        if g.get("mon"):
            return _with_year(
                MONTHS[g["mon"].lower().rstrip(".")], int(g["day"]), year, None, sent
            ), "explicit"
        return _ordinal_day(int(g["day"]), None, sent), "ordinal"
    if kind in ("md", "dm"):
        return _with_year(MONTHS[g["mon"].lower().rstrip(".")], int(g["day"]), year, wd, sent), "explicit"
    if kind in ("dot", "iso"):
        return _with_year(int(g["mon"]), int(g["day"]), year, wd, sent), "explicit"
    if kind == "slash":
        a, b = int(g["a"]), int(g["b"])
        first, second = ((a, b), (b, a)) if american else ((b, a), (a, b))
        for mon, day in (first, second):
            if 1 <= mon <= 12 and (d := _with_year(mon, day, year, wd, sent)):
                return d, "explicit"
        return None, "explicit"
    if kind == "ord":
        return _ordinal_day(int(g.get("day") or g["day2"]), wd, sent), "ordinal"
    if kind == "rel":
        return sent + timedelta(days=_REL_DAYS[g["rel"].lower()]), "relative"
    assert wd is not None
    return weekday_after(sent, wd, mod, g.get("post") or ""), "weekday"


def find_days(text: str, sent: date, american: bool = False) -> list[DayMention]:
    """Every day named in ``text``, non-overlapping (longest match wins), in text order."""
    found: list[DayMention] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            start, wd = m.start(), None
            mod = ""
            if kind in _PREFIXED and (p := _PREFIX.search(text, max(0, start - 16), start)):
                start, wd = p.start(), _weekday_of(p["wd"])
            elif kind == "wd" and (p := _MOD.search(text, max(0, start - 14), start)):
                start, mod = p.start(), p["mod"]
            day, label = _resolve(kind, m, sent, american, wd, mod)
            if day is not None:
                found.append(DayMention(start, m.end(), day, label))
    found.sort(key=lambda d: (-(d.end - d.start), d.start))
    kept: list[DayMention] = []
    for d in found:
        if all(d.end <= k.start or d.start >= k.end for k in kept):
            kept.append(d)
    return sorted(kept, key=lambda d: d.start)
