"""Spans of time named relative to the sent day: "end of next week", "within two weeks", "in the
next 7-10 business days", "bis Ende nächster Woche", "innerhalb von zwei Wochen", "d'ici la fin de
la semaine", "by end of month". Each resolves to the LAST day of the span (a promise for a span is
kept if it is kept by the span's end).

Documented choices: "this week"/"end of the week" is that week's Friday (the next Friday when sent
at a weekend); "next week" and "end of next week" are next week's Friday; "early next week" and
"mid next week" are next week's Wednesday, "beginning/start of next week" its Tuesday; "early <month>"
is the 10th, "mid <month>" the 15th, "end/late <month>" its last day; "within N days" counts calendar
days, "N business days" skip Saturdays and Sundays (public holidays are not known); a range
("7-10 business days", "a week or two") takes its end.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from followup.domain.dates_words import MONTHS, NUMBER_WORDS


@dataclass(frozen=True)
class SpanMention:
    start: int
    end: int
    day: date


_NUM = r"\d{1,2}|" + "|".join(
    sorted((re.escape(w) for w in NUMBER_WORDS if " " not in w), key=len, reverse=True)
)
_MON = "|".join(sorted((re.escape(m) for m in MONTHS if len(m) > 3), key=len, reverse=True))

_WEEK = re.compile(
    r"\b(?:(?P<part>early|earlier|beginning of|the beginning of|start of|the start of|mid|mid-|middle of|the middle of"
    r"|late|later|end of|the end of|by the end of|close of)\s*)?(?P<which>this|the|next|the following|following"
    r"|coming|the coming|the next)\s+week\b"
    r"|\b(?P<eow>EOW|end of week|end-of-week)\b",
    re.I,
)
_WEEK_DE = re.compile(
    r"\b(?:(?P<part>Anfang|Mitte|Ende)\s+)?(?:(?:im Laufe|in|im Verlauf)\s+)?(?:der\s+)?"
    r"(?P<which>diese[rn]?|dieser|nächste[rn]?|kommende[rn]?|folgende[rn]?)\s+Woche\b",
    re.I,
)
_WEEK_FR = re.compile(
    r"\b(?:(?P<part>d[eé]but|fin|milieu)\s+(?:de\s+)?(?:la\s+)?)?semaine\s+(?P<which>prochaine)\b"
    r"|\b(?P<part2>fin|d[eé]but)\s+de\s+(?:la\s+)?semaine\b|\bla\s+semaine\s+(?P<which2>prochaine)\b",
    re.I,
)
_MONTH_PART = re.compile(
    r"\b(?P<part>early|beginning of|the beginning of|start of|mid|mid-|middle of|the middle of|late|end of|the end of"
    r"|Anfang|Mitte|Ende|fin|début|debut|mi-)\s*(?:the\s+)?(?:(?P<which>this|next|the|the following|nächsten|diese[sn]?"
    r"|des|du)\s+(?:month|monats?|mois)\b|(?P<mon>" + _MON + r"|(?-i:May|Mai))\b)"
    r"|\b(?P<eom>end of month|EOM|month-end|Monatsende)\b",
    re.I,
)
_WITHIN = re.compile(
    r"\b(?:within|in|over|during|innerhalb|in\s+den|im\s+Laufe\s+der|sous|dans|d'ici|binnen|dentro\s+de|entro"
    r"|en\s+un\s+plazo\s+de|no\s+prazo\s+de|em|nos|en\s+las|nelle|inden\s+for|indenfor|inom|innen|w\s+ciągu"
    r"|within\s+the)\s+(?:von\s+)?"
    r"(?:the\s+|les\s+|der\s+|le\s+|i\s+)?(?:next|coming|nächsten|kommenden|prochains?|prossim[ei]|próxim[oa]s"
    r"|næste|kommende|närmaste|kommande|neste|najbliższych)?\s*"
    r"(?P<a>" + _NUM + r"|a couple of|a|an|one)(?:\s*(?:-|–|to|or|bis|à|oder)\s*(?P<b>" + _NUM + r"))?\s+"
    r"(?P<biz>business|working|work|Werk|Arbeits|arbejds|arbets|arbeids|virke)?[\s-]?(?P<unit>days?|weeks?|tagen?"
    r"|wochen?|jours?|semaines?|dagen|weken|semanas?|d[ií]as|giorni|settimane?|dage|dagar|dager|uger?|veckor|vecka"
    r"|uker?|dni|tygodni[ea]?|tydzień)(?P<biz2>\s+ouvrés|\s+ouvrables|\s+hábiles|\s+laborables|\s+lavorativi"
    r"|\s+úteis|\s+roboczych)?\b"
    r"|\b(?P<weeks_or>(?:a|the next|the coming|next) week or two|one or two weeks|a couple of weeks|two weeks' time"
    r"|ein bis zwei wochen|een à twee weken|een of twee weken)\b",
    re.I,
)
_WEEKDAY_DE = re.compile(r"(?P<n>\d{1,2})\s*(?P<unit>Werktag|Arbeitstag)en?\b", re.I)


def _number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word == "a couple of":
        return 2
    return NUMBER_WORDS.get(word)


def add_business_days(start: date, n: int) -> date:
    day = start
    while n > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def _week_day(sent: date, which: str, part: str) -> date:
    which, part = which.lower(), part.lower().strip()
    monday = sent - timedelta(days=sent.weekday())
    is_next = any(
        w in which for w in ("next", "following", "coming", "nächst", "kommend", "folgend", "prochaine")
    )
    if is_next or sent.weekday() >= 5:
        monday += timedelta(days=7)
    if part.startswith(("beginning", "the beginning", "start", "the start", "début", "debut")):
        offset = 1
    elif part.startswith(("early", "earlier", "anfang", "mid", "the mid", "mitte", "milieu")):
        offset = 2
    else:
        offset = 4
    return monday + timedelta(days=offset)


def _month_day(sent: date, part: str, which: str, mon: str) -> date:
    part = part.lower().strip()
    year, month = sent.year, sent.month
    if mon:
        month = MONTHS[mon.lower()]
        if month < sent.month - 1:
            year += 1
    elif which and any(w in which.lower() for w in ("next", "following", "nächst")):
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    last = calendar.monthrange(year, month)[1]
    if part.startswith(("early", "beginning", "the beginning", "start", "anfang", "début", "debut")):
        return date(year, month, 10)
    if part.startswith(("mid", "middle", "the middle", "mitte", "mi-")):
        return date(year, month, 15)
    return date(year, month, last)


def find_spans(text: str, sent: date) -> list[SpanMention]:
    """Relative spans in ``text`` resolved to the span's last day."""
    out: list[SpanMention] = []
    for m in _WEEK.finditer(text):
        day = _week_day(sent, m["which"] or "this", m["part"] or ("end of" if m["eow"] else ""))
        out.append(SpanMention(m.start(), m.end(), day))
    for m in _WEEK_DE.finditer(text):
        out.append(SpanMention(m.start(), m.end(), _week_day(sent, m["which"], m["part"] or "")))
    for m in _WEEK_FR.finditer(text):
        which = m["which"] or m["which2"] or "this"
        out.append(SpanMention(m.start(), m.end(), _week_day(sent, which, m["part"] or m["part2"] or "")))
    for m in _MONTH_PART.finditer(text):
        if m["eom"]:
            out.append(SpanMention(m.start(), m.end(), _month_day(sent, "end", "", "")))
        else:
            out.append(
                SpanMention(m.start(), m.end(), _month_day(sent, m["part"], m["which"] or "", m["mon"] or ""))
            )
    for m in _WITHIN.finditer(text):
        if m["weeks_or"]:
            out.append(SpanMention(m.start(), m.end(), sent + timedelta(days=14)))
            continue
        n = _number(m["b"] or m["a"])
        if n is None or n > 60:
            continue
        unit = m["unit"].lower()
        if unit.startswith(
            ("week", "woche", "semaine", "weken", "semana", "settiman", "uge", "uke", "veck", "tydz", "tygod")
        ):
            out.append(SpanMention(m.start(), m.end(), sent + timedelta(weeks=n)))
        elif m["biz"] or m["biz2"]:
            out.append(SpanMention(m.start(), m.end(), add_business_days(sent, n)))
        else:
            out.append(SpanMention(m.start(), m.end(), sent + timedelta(days=n)))
    return out
