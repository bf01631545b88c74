"""Interview slots in free text: a day, a time or time range, a zone, maybe a duration.

Each time (or range) found is tied to the nearest day named before it on its line (or just after
it: "at 16:00 (CET) on Wednesday, 4 February"), else to a day on one of the two lines above it
("Tuesday, February 24, 2026 / 11:00 AM - 11:45 AM ET"). The zone is the one written right after
the time, else one between the day and the time, else one standing alone in the paragraph, else
the fallback (see ``dates_zones.fallback_zone``). A time in parentheses right after a slot, or after
"which is", restates it in another zone and is skipped. Hours someone is free ("anything between 9am and 4pm",
three hours or more after "between", "available", "zwischen"...) are a window, not a slot. Schedule lines under a slot ("10:00 - 10:45
Rhea Kapoor") extend that slot instead of making new ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from followup.domain.dates_days import DayMention, find_days
from followup.domain.dates_zones import ZoneMention, fallback_zone, find_zones, resolve_zone, tz_of


@dataclass(frozen=True)
class Slot:
    start: datetime
    end: datetime | None
    tz: str
    evidence: str
    position: int  # where the time stands in the text
    cue: int  # +1 a "new time" cue precedes it, -1 an "old time" cue, 0 none


@dataclass(frozen=True)
class _Clock:
    start: int
    end: int
    hour: int
    minute: int
    meridiem: str  # "am" | "pm" | ""
    strong: bool  # minutes, a meridiem, "Uhr" or "noon" make a token certainly a time
    h24: bool  # written with a leading zero or "Uhr"/"h": a 24-hour clock


_TIME = re.compile(
    r"(?<![\w:./@#=$€£+])(?:(?P<noon>noon|midday|mittag|midi)\b|(?P<h>[012]?\d)(?:(?P<sep>[:.]|\s?h\s?)(?P<m>[0-5]\d))?"
    r"(?!\d)(?:\s?(?P<ap>[ap]\.?\s?m\.?)(?![a-z]))?(?:\s?(?P<uhr>uhr\b|uur\b|h\b))?)",
    re.I,
)
_WEAK_BEFORE = re.compile(
    r"(?:\bat|\bum|\bà|@|\bfrom|\bvon|\bbetween|\bzwischen|\bab|\bgegen|\baround|\bom|\bkl\.?|\bklo|\bklockan"
    r"|\bklokken|\bkello|\bgodz\.?|\bgodzinie|\b(?-i:o)|\balle(?: ore)?|\bore|\bàs|\ba las|\ba la)\s*$",
    re.I,
)
# Nordic, Dutch, Polish and Italian clocks are written "kl. 14.00", "om 14.00", "godz. 13.30", "alle ore 9.30":
# after these words a dot separates hours and minutes
_DOT_CLOCK_BEFORE = re.compile(
    r"(?:\bkl\.?|\bklo|\bklockan|\bklokken|\bkello|\bgodz\.?|\bgodzinie|\bom|\balle(?: ore)?|\bore|\bat|\bum"
    r"|\b(?-i:o)|\bàs|\ba las|\bfrom|\bvon|\bfra|\bfrån|\btil|\btill|\bvan|\btot)\s*$",
    re.I,
)
_RANGE_GAP = re.compile(r"^\s*(?:-|–|—|to|until|till|bis|and|und|à|through)\s*$", re.I)
_ALIAS_GAP = re.compile(
    r"^[\s,;:]*(?:[(\[/|]|,?\s*(?:which is|that is|that's|i\.e\.|or|bzw\.|d\.h\.|=))[\s(\[]*$", re.I
)
_ZONE_GAP = re.compile(r"^[\s(,\[]*$")
_DURATION = re.compile(
    r"(?P<n>\d{1,3}(?:[.,]5)?|an?|one|two|half an?|eine?r?|une?|anderthalb|one and a half)[\s-]?"
    r"(?P<unit>minutes?|mins?\b|min\.?|minuten|hours?|hrs?\b|stunden?|std\.?|heures?)"
    r"(?P<half>\s+and\s+a\s+half)?(?!\s+(?:early|before|prior|late|ahead|beforehand|vorher|früher|break))",
    re.I,
)
# Which slot of a reschedule is the new one. The cue NEAREST before a slot (and after the slot before it)
# decides: "moved from Tuesday 10:00 to Thursday 14:00", "statt Mittwoch um 10 am Donnerstag um 15", "initialement
# prévu le lundi à 10h, au mardi à 11h", "fra onsdag kl. 10 til torsdag kl. 13.30", "z wtorku na środę".
_NEW_CUE = re.compile(
    r"\b(?:instead|move\w*(?: it| (?:the|our|your) \w+)? to|moved to|now|new (?:time|slot|date)|rather|"
    r"reschedul\w+(?: it)? (?:to|for)|push\w* (?:it |back )?to|stattdessen|neue[rn]? (?:termin|uhrzeit|zeit)"
    r"|verschoben auf|verlegen auf|plutôt|nouvel(?:le)? (?:date|heure|horaire|créneau)|report\w* (?:au|à)"
    r"|décal\w* (?:au|à)|nueva (?:fecha|hora)|nuevo horario|nuovo orario|nuova data|spostat\w* (?:a|al|alle)"
    r"|ny tid|nyt tidspunkt|nya tiden|nieuwe (?:tijd|datum)|nowy termin|novo horário|nova data)\b",
    re.I,
)
_NEW_LINK = re.compile(
    r"\b(?:to|auf|au|aux|al|alle|till|til|naar|na|para|op|a|à)\s+(?:the\s+|den\s+|le\s+|el\s+|o\s+|la\s+"
    r"|il\s+|dem\s+)?$",
    re.I,
)
_OLD_CUE = re.compile(
    r"\b(?:instead of|rather than|originally|initially|initialement|inicialmente|inizialmente|oprindeligt"
    r"|ursprünglich|ursprungligen|oorspronkelijk|previously|was|old|statt|anstatt|anstelle|bisherige[rn]?"
    r"|au lieu de|en lugar del?|en vez del?|invece (?:di|del)|anziché|in plaats van|i stedet for|istället för"
    r"|zamiast|em vez de|cancel\w*|annul\w*)\b",
    re.I,
)
_OLD_LINK = re.compile(
    r"\b(?:from|von|vom|du|del|dal|dalle|fra|från|van|(?-i:z)|ze|od|de)\s+(?:the\s+|den\s+|le\s+|el\s+"
    r"|dem\s+)?$",
    re.I,
)
_NEW_AFTER = re.compile(
    r"^[\s,)]*(?:instead|stattdessen|statt dessen|à la place|en su lugar|invece|i stedet|istället"
    r"|in plaats daarvan)\b",
    re.I,
)


# "anything between 9am and 4pm", "free from 10 to 17 Uhr": hours someone is available, not a slot
_WINDOW_BEFORE = re.compile(
    r"\b(?:between|anytime|any time|anything|available|availability|free|open|window|flexible|zwischen|entre|tra"
    r"|verfügbar|disponible|disponibile|disponível|mellem|mellan|tussen)\b[^.!?\n]{0,25}$",
    re.I,
)
_WINDOW_HOURS = 3


def _cue(text: str, lo: int, start: int, end: int) -> int:
    """+1 when the nearest cue before a slot (within its sentence, after the previous slot) says it is the new
    time, or the slot is followed by "instead"; -1 when it says it is the old one; else 0."""
    head = text[max(lo, start - 80) : start]
    cut = max(head.rfind(". "), head.rfind("\n"), head.rfind("! "), head.rfind("? "))
    head = head[cut + 1 :] if cut >= 0 else head
    if _NEW_AFTER.match(text, end):
        return 1
    # a linking word right before the slot ("from ... to", "fra ... til", "z ... na") decides when no cue word
    # ("initially", "instead of", "new time") stands between the previous slot and this one
    best = (
        -1,
        0,
        0,
    )  # (end, -start, cue): the nearest cue word, the longer one ("instead of" over "instead")
    for pattern, cue in ((_NEW_CUE, 1), (_OLD_CUE, -1)):
        for m in pattern.finditer(head):
            best = max(best, (m.end(), -m.start(), cue))
    if best[2]:
        return best[2]
    return 1 if _NEW_LINK.search(head) else -1 if _OLD_LINK.search(head) else 0


_SAME_DAY = re.compile(
    r"\b(?:(?:the )?same day|that day|am (?:selben|gleichen) tag|le même jour|el mismo día|dezelfde dag"
    r"|lo stesso giorno|no mesmo dia)\b[^.!?\n]{0,12}$",
    re.I,
)


def _clocks(text: str, days: list[DayMention]) -> list[_Clock]:
    out: list[_Clock] = []
    for m in _TIME.finditer(text):
        if any(d.start <= m.start() < d.end for d in days):
            continue
        if m["noon"]:
            out.append(_Clock(m.start(), m.end(), 12, 0, "pm", True, True))
            continue
        hour, minute = int(m["h"]), int(m["m"] or 0)
        ap = (m["ap"] or "").lower()[:1]
        meridiem = {"a": "am", "p": "pm"}.get(ap, "")
        if m["sep"] == "." and not (meridiem or m["uhr"]):
            if not _DOT_CLOCK_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
                continue
        if hour > 23 or (meridiem and not 1 <= hour <= 12):
            continue
        strong = bool(m["m"] or meridiem or m["uhr"])
        h24 = bool(m["uhr"]) or m["h"].startswith("0") or hour > 12
        out.append(_Clock(m.start(), m.end(), hour, minute, meridiem, strong, h24))
    return out


def _pairs(text: str, clocks: list[_Clock]) -> list[tuple[_Clock, _Clock | None]]:
    """Clocks joined into ranges; weak clocks kept only inside ranges or after 'at'/'um'."""
    out: list[tuple[_Clock, _Clock | None]] = []
    i = 0
    while i < len(clocks):
        a = clocks[i]
        b = clocks[i + 1] if i + 1 < len(clocks) else None
        if b is not None and _RANGE_GAP.match(text[a.end : b.start]) and (a.strong or b.strong):
            out.append((a, b))
            i += 2
            continue
        if a.strong or _WEAK_BEFORE.search(text[max(0, a.start - 12) : a.start]):
            out.append((a, None))
        i += 1
    return out


def _hour24(c: _Clock, meridiem: str) -> int:
    if meridiem == "am":
        return 0 if c.hour == 12 else c.hour
    if meridiem == "pm":
        return c.hour if c.hour == 12 else c.hour + 12
    if not c.h24 and 1 <= c.hour <= 6:
        return c.hour + 12  # "1:00-2:00" in a schedule: nobody interviews at 1 a.m.
    return c.hour


def _times(a: _Clock, b: _Clock | None) -> tuple[time, time | None]:
    if b is None:
        return time(_hour24(a, a.meridiem), a.minute), None
    am, bm = a.meridiem, b.meridiem
    if not am and bm and not a.h24:
        am = bm
        if _hour24(a, am) * 60 + a.minute > _hour24(b, bm) * 60 + b.minute:
            am = "am"
    if am and not bm and not b.h24:
        bm = am
        if _hour24(b, bm) * 60 + b.minute <= _hour24(a, am) * 60 + a.minute:
            bm = "pm"
    start = time(_hour24(a, am), a.minute)
    end = time(_hour24(b, bm) % 24, b.minute)
    return start, end


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    return text.rfind("\n", 0, pos) + 1, (text.find("\n", pos) + 1 or len(text) + 1) - 1


def _pick_day(text: str, days: list[DayMention], start: int, end: int) -> tuple[DayMention | None, bool]:
    """The day a time belongs to, and whether it was inherited from a line above."""
    ls, le = _line_bounds(text, start)
    if _SAME_DAY.search(text[max(0, start - 40) : start]):  # "the same day at 10:00": the day named last
        said = [d for d in days if d.end <= start]
        if said:
            return said[-1], False
    # a day that ends on the time's line, even when a hard wrap split it ("torsdag den\n12. marts kl. 13.30")
    before = [d for d in days if ls < d.end <= start and start - d.end <= 60]
    if before:
        return before[-1], False
    after = [d for d in days if end <= d.start < le and d.start - end <= 45]
    if after:
        return after[0], False
    top = ls
    for _ in range(2):
        if top == 0:
            break
        prev_start = text.rfind("\n", 0, top - 1) + 1
        if not text[prev_start:top].strip():
            break
        top = prev_start
    above = [d for d in days if top <= d.start and d.end <= ls]
    return (above[-1], True) if above else (None, False)


def _pick_zone(
    text: str, zones: list[ZoneMention], end: int, day: DayMention, para: tuple[int, int]
) -> ZoneMention | None:
    for z in zones:
        if z.start >= end and _ZONE_GAP.match(text[end : z.start]):
            return z
        if z.start >= end:
            break
    lo, hi = sorted((day.end, end))
    between = [z for z in zones if lo <= z.start and z.end <= hi]
    if between:
        return between[0]
    if day.start >= end:
        after_day = [z for z in zones if z.start >= day.end and _ZONE_GAP.match(text[day.end : z.start])]
        if after_day:
            return after_day[0]
    return None


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    s = text.rfind("\n\n", 0, pos)
    e = text.find("\n\n", pos)
    return (0 if s < 0 else s + 2), (len(text) if e < 0 else e)


def _duration(text: str, para: tuple[int, int], pos: int) -> timedelta | None:
    best: tuple[int, timedelta] | None = None
    for m in _DURATION.finditer(text, para[0], para[1]):
        n = m["n"].lower().replace(",", ".")
        if n.startswith("half"):
            value = 0.5
        elif n in ("anderthalb", "one and a half"):
            value = 1.5
        elif n[0].isdigit():
            value = float(n)
        else:
            value = 1.0
        if m["half"]:
            value += 0.5
        unit = m["unit"].lower()
        minutes = value * (60 if unit[0] in "hs" else 1)
        if not 10 <= minutes <= 8 * 60:
            continue
        distance = abs(m.start() - pos)
        if best is None or distance < best[0]:
            best = (distance, timedelta(minutes=minutes))
    return best[1] if best else None


def _restated_end(prev: Slot, a: _Clock, b: _Clock | None) -> Slot:
    """'11:30 AM PT (11:30 to noon)': a restatement in the slot's own clock may give its end."""
    if b is None or prev.end is not None:
        return prev
    t0, t1 = _times(a, b)
    if t1 is None or (t0.hour, t0.minute) != (prev.start.hour, prev.start.minute):
        return prev
    end = datetime.combine(prev.start.date(), t1, tzinfo=prev.start.tzinfo)
    return (
        Slot(prev.start, end, prev.tz, prev.evidence, prev.position, prev.cue) if end > prev.start else prev
    )


def find_slots(text: str, sent: datetime, user_tz: str = "") -> list[Slot]:
    """Every interview-like slot the text names, in text order (restatements and schedule lines merged)."""
    american = (sent.utcoffset() or timedelta(0)) <= timedelta(hours=-3)
    days = find_days(text, sent.date(), american)
    if not days:
        return []
    zones = find_zones(text)
    slots: list[Slot] = []
    last_end = -1
    for a, b in _pairs(text, _clocks(text, days)):
        before_end = last_end
        tail = (b or a).end
        if b is not None and _WINDOW_BEFORE.search(text[max(0, a.start - 40) : a.start]):
            t0, t1 = _times(a, b)
            if (
                t1 is not None
                and (t1.hour * 60 + t1.minute) - (t0.hour * 60 + t0.minute) >= _WINDOW_HOURS * 60
            ):
                continue
        day, inherited = _pick_day(text, days, a.start, tail)
        if day is None:
            continue
        if slots and _ALIAS_GAP.match(text[last_end : a.start]) and not (last_end <= day.start < a.start):
            slots[-1] = _restated_end(slots[-1], a, b)
            last_end = tail
            continue
        para = _paragraph(text, a.start)
        zone = _pick_zone(text, zones, tail, day, para)
        if zone is not None:
            last_end = max(tail, zone.end) if zone.start >= tail else tail
        else:
            last_end = tail
        zone_name = resolve_zone(zone.zone, sent, user_tz) if zone else fallback_zone(sent, user_tz)
        tz = tz_of(zone_name) or tz_of(fallback_zone(sent, ""))
        t0, t1 = _times(a, b)
        start = datetime.combine(day.day, t0, tzinfo=tz)
        end = datetime.combine(day.day, t1, tzinfo=tz) if t1 is not None else None
        if end is not None and end <= start:
            end += timedelta(days=1) if end + timedelta(hours=12) <= start else timedelta(hours=12)
        if slots and inherited:
            prev = slots[-1]
            prev_end = prev.end or prev.start
            if prev.start.date() == start.date() and prev.start <= start <= prev_end:
                new_end = max(prev_end, end or start)
                slots[-1] = Slot(prev.start, new_end, prev.tz, prev.evidence, prev.position, prev.cue)
                continue
        if end is None and (dur := _duration(text, para, a.start)) is not None:
            end = start + dur
        if any(s.start == start for s in slots):
            continue
        ev_start = min(day.start, a.start)
        ev_end = max(day.end, last_end)
        evidence = " ".join(text[ev_start:ev_end].split())[:160]
        cue = _cue(text, max(0, before_end), ev_start, ev_end)
        slots.append(Slot(start, end, zone_name, evidence, a.start, cue))
    return slots


def best_slot(slots: list[Slot], sent: datetime) -> Slot | None:
    """The slot a message fixes: a 'new time' over an 'old' one, a future one over a past one."""
    if not slots:
        return None
    return max(slots, key=lambda s: (s.cue, s.start >= sent - timedelta(hours=1), -s.position))
