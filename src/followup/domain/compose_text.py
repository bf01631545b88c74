"""Small pure text helpers shared by draft composition and the digest.

Every string that came from mail (names, subjects, company and role names, message ids) goes through
``oneline`` before it reaches a header or a template: no CR/LF (header injection), no other control
characters, no bidi overrides that could make a line read differently from what it is.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Bidi embeddings/overrides/isolates: they can visually reorder the rest of a line.
_BIDI = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"), None)
_SPACES = re.compile(r"\s+")


def oneline(value: object) -> str:
    """``value`` as a single safe line: control characters and line breaks become spaces."""
    text = "" if value is None else str(value)
    text = text.translate(_BIDI)
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in text)
    return _SPACES.sub(" ", text).strip()


def msgid_token(value: str) -> str:
    """A message id reduced to what may sit between angle brackets: no spaces, controls or brackets."""
    return "".join(ch for ch in oneline(value) if ch not in ' <>"\\' and 32 < ord(ch) < 127)


# Reply prefixes in several languages: Re, RE, AW (German), SV (Nordic), Antw (Dutch), Odp (Polish),
# RIF (Italian), VS (Finnish), YNT (Turkish), ΑΠ (Greek), 回复/答复 (Chinese); optionally "Re[2]:".
_REPLY_PREFIX = re.compile(
    r"^\s*(?:(?:re|aw|sv|antw|antwort|odp|rif|vs|ynt|απ|回复|答复)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*)+",
    re.IGNORECASE,
)


def reply_subject(subject: str) -> str:
    """``Re: <subject>`` with any existing (localised) reply prefixes removed first; "" when empty."""
    core = _REPLY_PREFIX.sub("", oneline(subject)).strip()
    return f"Re: {core}" if core else ""


_NOT_A_PERSON = frozenset(
    """team recruiting recruitment recruiter recruiters talent acquisition hr careers career jobs job
    hiring people noreply no-reply donotreply do-not-reply notifications notification support admin
    office scheduling coordinator coordination candidate candidates human resources personal
    personalabteilung bewerbermanagement service info""".split()
)
_TITLES = frozenset("dr dr. mr mr. mrs mrs. ms ms. miss prof prof. herr frau mx mx. sir madam".split())


def _is_cjk(text: str) -> bool:
    return any(
        "\u4e00" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" or "\u3040" <= ch <= "\u30ff" for ch in text
    )


def first_name(display_name: str) -> str | None:
    """The first name to greet someone by, or None when the display name is not a person's name.

    "Hartmann, Lena" -> "Lena"; "Dr. Anna Schmidt" -> "Anna"; "Acme Recruiting Team" -> None;
    "anna@acme.com" -> None; a CJK name written without spaces is used whole.
    """
    name = oneline(display_name).strip("\"' ")
    if not name or "@" in name or any(ch.isdigit() for ch in name):
        return None
    words = [w for w in re.split(r"[\s,|/()]+", name.lower()) if w]
    if not words or any(w.strip(".-") in _NOT_A_PERSON for w in words):
        return None
    if "," in name:  # "Last, First"
        last, _, rest = name.partition(",")
        name = rest.strip() or last.strip()
    if _is_cjk(name) and " " not in name:
        return name
    tokens = [t for t in name.split() if t.lower() not in _TITLES]
    if not tokens:
        return None
    first = tokens[0]
    if len(first.rstrip(".")) <= 1:  # an initial: "J. Smith" -> greet by the whole name
        return " ".join(tokens)
    return first


def day_phrase(day: date, today: date | None = None) -> str:
    """'Tuesday, 24 February' (with the year when it differs from ``today``'s)."""
    text = f"{WEEKDAYS[day.weekday()]}, {day.day} {MONTHS[day.month - 1]}"
    if today is not None and day.year != today.year:
        text += f" {day.year}"
    return text


def short_day(day: date) -> str:
    """'Tue 24 Feb' for tables."""
    return f"{WEEKDAYS[day.weekday()][:3]} {day.day} {MONTHS[day.month - 1][:3]}"


def short_moment(moment: datetime) -> str:
    """'Tue 24 Feb 09:00' for tables (the caller converts to the user's zone first)."""
    return f"{short_day(moment.date())} {moment:%H:%M}"


def plural(count: int, singular: str, many: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (many or singular + 's')}"
