"""Reading text/calendar data (an invitation part or an .ics attachment) into ``CalendarEvent`` values.

Pure and defensive: ``read_calendar`` never raises. Times come back timezone-aware: a TZID (IANA, or a
Windows zone name such as "Central Standard Time", which icalendar maps) is resolved to its zone; a
floating time or an unknown zone is read as UTC and recorded in ``read_calendar_with_notes``'s notes.
Recurrences are never expanded: the first occurrence (DTSTART) is what an interview invitation means.
"""

from __future__ import annotations

import re
import warnings
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

import icalendar

from followup.domain.model import Address, Attendee, CalendarEvent

_MAX_BYTES = 2_000_000  # a calendar bigger than this is not an invitation
_MAX_EVENTS = 50
_FIELD_CAP = 20_000  # characters kept of DESCRIPTION and friends


def read_calendar(data: bytes | str, *, method: str = "") -> tuple[CalendarEvent, ...]:
    """Every VEVENT in ``data``; ``method`` (the MIME ``method=`` parameter) is used when METHOD is absent."""
    return read_calendar_with_notes(data, method=method)[0]


def read_calendar_with_notes(
    data: bytes | str, *, method: str = ""
) -> tuple[tuple[CalendarEvent, ...], tuple[str, ...]]:
    """Like ``read_calendar``, plus what could not be read properly, in words."""
    notes: list[str] = []
    try:
        events = _read(data, method, notes)
    except Exception as exc:  # last resort: bad calendars must never break parsing
        notes.append(f"calendar unreadable: {type(exc).__name__}")
        events = ()
    return events, tuple(notes)


def _read(data: bytes | str, method: str, notes: list[str]) -> tuple[CalendarEvent, ...]:
    if isinstance(data, bytes):
        if len(data) > _MAX_BYTES:
            notes.append("calendar too large, ignored")
            return ()
        text = data.decode("utf-8", errors="replace")
    else:
        text = data
    if len(text) > _MAX_BYTES:
        notes.append("calendar too large, ignored")
        return ()
    if "BEGIN:VCALENDAR" not in text.upper():
        notes.append("calendar part without VCALENDAR")
        return ()
    with warnings.catch_warnings():  # icalendar warns about guessed zones; we note what matters
        warnings.simplefilter("ignore")
        return _events(text, method, notes)


def _events(text: str, method: str, notes: list[str]) -> tuple[CalendarEvent, ...]:
    try:
        cals = icalendar.Calendar.from_ical(text, multiple=True)
    except Exception as exc:
        notes.append(f"calendar unparsable: {type(exc).__name__}")
        return ()
    out: list[CalendarEvent] = []
    for cal in cals:
        cal_method = _text(cal.get("METHOD")).upper() or method.upper()
        for ev in cal.walk("VEVENT"):
            if len(out) >= _MAX_EVENTS:
                notes.append("calendar has too many events; rest ignored")
                return tuple(out)
            try:
                out.append(_event(ev, cal_method, notes))
            except Exception as exc:
                notes.append(f"calendar event unreadable: {type(exc).__name__}")
    return tuple(out)


def _event(ev: Any, method: str, notes: list[str]) -> CalendarEvent:
    start, tzid = _when(ev, "DTSTART", notes)
    end, _ = _when(ev, "DTEND", notes)
    if end is None and start is not None:
        end = _end_from_duration(ev, start, notes)
    if start is not None and end is not None and end < start:
        notes.append("calendar DTEND before DTSTART; end dropped")
        end = None
    return CalendarEvent(
        method=method,
        uid=_text(ev.get("UID")),
        sequence=_int(ev.get("SEQUENCE")),
        start=start,
        end=end,
        tzid=tzid,
        summary=_text(ev.get("SUMMARY")),
        description=_text(ev.get("DESCRIPTION"))[:_FIELD_CAP],
        location=_text(ev.get("LOCATION")),
        organizer=_organizer(ev.get("ORGANIZER")),
        attendees=_attendees(ev.get("ATTENDEE")),
        status=_text(ev.get("STATUS")).upper(),
    )


def _when(ev: Any, name: str, notes: list[str]) -> tuple[datetime | None, str]:
    prop = ev.get(name)
    if prop is None:
        return None, ""
    tzid = str(prop.params.get("TZID", "")) if hasattr(prop, "params") else ""
    try:
        value = prop.dt
    except Exception:
        notes.append(f"calendar {name} unreadable")
        return None, tzid
    if isinstance(value, datetime):
        if value.tzinfo is None:
            zone = _zone(tzid)
            if zone is None:
                notes.append(
                    f"calendar {name} is floating time{' (unknown TZID ' + tzid + ')' if tzid else ''}; read as UTC"
                )
                return value.replace(tzinfo=UTC), tzid
            return value.replace(tzinfo=zone), tzid
        if not tzid and value.utcoffset() == timedelta(0):
            return value, ""
        zone = _zone(tzid)  # prefer the IANA zone over a VTIMEZONE block's approximation
        if zone is not None:
            return value.replace(tzinfo=None).replace(tzinfo=zone), tzid
        return value, tzid or _zone_name(value.tzinfo)
    if isinstance(value, date):
        notes.append(f"calendar {name} is an all-day date; read as midnight UTC")
        return datetime.combine(value, time(0), tzinfo=UTC), ""
    notes.append(f"calendar {name} has an unexpected value")
    return None, tzid


def _zone(tzid: str) -> tzinfo | None:
    """The IANA zone for a TZID: an IANA name, a Windows name, or a "/prefix/Area/City" form."""
    name = tzid.strip().strip('"')
    if not name:
        return None
    for cand in (name, _WINDOWS.get(name, ""), _WINDOWS.get(name.lower(), ""), _tail(name)):
        if cand:
            try:
                return ZoneInfo(cand)
            except Exception:
                continue
    return None


def _tail(name: str) -> str:
    m = re.search(r"([A-Z][a-z]+/[A-Za-z_\-]+(?:/[A-Za-z_\-]+)?)$", name)
    return m.group(1) if m else ""


def _windows_names() -> dict[str, str]:
    try:  # icalendar ships Unicode CLDR's Windows -> IANA table
        from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON
    except Exception:
        table: dict[str, str] = {}
    else:
        table = {str(k): str(v) for k, v in WINDOWS_TO_OLSON.items()}
    table.update(_WINDOWS_FALLBACK)
    return {**table, **{k.lower(): v for k, v in table.items()}}


_WINDOWS_FALLBACK = {
    "Central Standard Time": "America/Chicago",
    "Eastern Standard Time": "America/New_York",
    "Pacific Standard Time": "America/Los_Angeles",
    "Mountain Standard Time": "America/Denver",
    "US Mountain Standard Time": "America/Phoenix",
    "GMT Standard Time": "Europe/London",
    "W. Europe Standard Time": "Europe/Berlin",
    "Romance Standard Time": "Europe/Paris",
    "Central Europe Standard Time": "Europe/Budapest",
    "India Standard Time": "Asia/Kolkata",
    "AUS Eastern Standard Time": "Australia/Sydney",
    "Tokyo Standard Time": "Asia/Tokyo",
    "Korea Standard Time": "Asia/Seoul",
    "Singapore Standard Time": "Asia/Singapore",
    "UTC": "UTC",
}
_WINDOWS = _windows_names()


def _zone_name(tz: tzinfo | None) -> str:
    key = getattr(tz, "key", None) or getattr(tz, "zone", None)
    return str(key) if key else ""


def _end_from_duration(ev: Any, start: datetime, notes: list[str]) -> datetime | None:
    prop = ev.get("DURATION")
    if prop is None:
        return None
    try:
        dur = prop.dt
        if isinstance(dur, timedelta) and timedelta(0) <= dur <= timedelta(days=366):
            return start + dur
    except Exception:
        pass
    notes.append("calendar DURATION unreadable")
    return None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0] if value else ""
    try:
        text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    except Exception:
        return ""
    return text.strip()


def _int(value: Any) -> int:
    try:
        return max(0, min(int(str(value).strip()), 1_000_000))
    except (TypeError, ValueError):
        return 0


_MAILTO = re.compile(r"^\s*mailto:", re.IGNORECASE)


def _email_of(value: Any) -> str:
    email = _MAILTO.sub("", str(value)).strip()
    return email.lower() if "@" in email else ""


def _organizer(prop: Any) -> Address | None:
    if prop is None:
        return None
    if isinstance(prop, list):
        prop = prop[0] if prop else None
        if prop is None:
            return None
    email = _email_of(prop)
    name = _param(prop, "CN")
    if not email and not name:
        return None
    return Address(name=name if name.lower() != email else "", email=email)


def _attendees(prop: Any) -> tuple[Attendee, ...]:
    if prop is None:
        return ()
    props = prop if isinstance(prop, list) else [prop]
    out = []
    for p in props[:500]:
        email = _email_of(p)
        name = _param(p, "CN")
        out.append(
            Attendee(
                name="" if name.lower() == email else name,
                email=email,
                role=_param(p, "ROLE").upper(),
                cutype=_param(p, "CUTYPE").upper(),
                partstat=_param(p, "PARTSTAT").upper(),
            )
        )
    return tuple(out)


def _param(prop: Any, name: str) -> str:
    params = getattr(prop, "params", None)
    if not params:
        return ""
    value = params.get(name, "")
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value).strip().strip('"')
