"""read_calendar: zones, durations, floating times, cancellations, and calendars that must not hang."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest

from followup.domain.ical import read_calendar, read_calendar_with_notes


def cal(*event_lines: str, method: str = "METHOD:REQUEST", extra: str = "") -> str:
    body = "\r\n".join(event_lines)
    head = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n{method}\r\n{extra}"
    return f"{head}BEGIN:VEVENT\r\nUID:u1\r\n{body}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"


@pytest.mark.parametrize(
    ("tzid", "offset"),
    [
        ("Central Standard Time", -5),  # 2026-03-10 is after US DST start: CDT
        ("W. Europe Standard Time", 1),
        ("India Standard Time", 5.5),
        ("Europe/Berlin", 1),
        ("/freeassociation.sourceforge.net/Tzfile/America/New_York", -4),
    ],
)
def test_tzid_windows_and_iana_names_give_aware_times(tzid: str, offset: float) -> None:
    (ev,) = read_calendar(cal(f"DTSTART;TZID={tzid}:20260310T140000", f"DTEND;TZID={tzid}:20260310T150000"))
    assert ev.start is not None and ev.end is not None
    assert ev.start.utcoffset() == timedelta(hours=offset)
    assert ev.end - ev.start == timedelta(hours=1)
    assert ev.tzid == tzid


def test_utc_time_and_duration_without_dtend() -> None:
    (ev,) = read_calendar(cal("DTSTART:20260312T170000Z", "DURATION:PT1H30M"))
    assert ev.start == datetime(2026, 3, 12, 17, tzinfo=UTC)
    assert ev.end == datetime(2026, 3, 12, 18, 30, tzinfo=UTC)
    assert ev.tzid == ""


def test_floating_time_is_read_as_utc_and_noted() -> None:
    (ev,), notes = read_calendar_with_notes(cal("DTSTART:20260312T170000"))
    assert ev.start == datetime(2026, 3, 12, 17, tzinfo=UTC)
    assert any("floating" in n for n in notes)


def test_unknown_tzid_without_vtimezone_is_read_as_utc_and_noted() -> None:
    (ev,), notes = read_calendar_with_notes(cal("DTSTART;TZID=Mars/Olympus:20260312T170000"))
    assert ev.start is not None and ev.start.tzinfo is not None
    assert notes


def test_people_status_and_text_fields() -> None:
    text = cal(
        "DTSTART:20260312T170000Z",
        "ORGANIZER;CN=Leah Brennan:mailto:Leah@Firm.example",
        "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;CN=Ryan Cho:mailto:ryan@firm.example",
        "ATTENDEE;CUTYPE=RESOURCE;CN=BOS-3 (8):mailto:c_1@resource.calendar.google.com",
        "ATTENDEE;CN=sam@example.net:mailto:sam@example.net",
        "SUMMARY:Onsite Interview",
        "DESCRIPTION:Line one\\nLine two\\, with comma",
        "LOCATION:200 Seaport Blvd\\, Boston",
        "STATUS:CONFIRMED",
        "SEQUENCE:4",
    )
    (ev,) = read_calendar(text)
    assert ev.organizer is not None and ev.organizer.email == "leah@firm.example"
    assert ev.organizer.name == "Leah Brennan"
    assert [(a.name, a.email, a.cutype) for a in ev.attendees] == [
        ("Ryan Cho", "ryan@firm.example", "INDIVIDUAL"),
        ("BOS-3 (8)", "c_1@resource.calendar.google.com", "RESOURCE"),
        ("", "sam@example.net", ""),
    ]
    assert ev.attendees[0].role == "REQ-PARTICIPANT" and ev.attendees[0].partstat == "NEEDS-ACTION"
    assert ev.summary == "Onsite Interview"
    assert ev.description == "Line one\nLine two, with comma"
    assert ev.location == "200 Seaport Blvd, Boston"
    assert (ev.status, ev.sequence, ev.method, ev.uid) == ("CONFIRMED", 4, "REQUEST", "u1")
    assert not ev.cancelled


def test_cancel_method_marks_the_event_cancelled() -> None:
    (ev,) = read_calendar(cal("DTSTART:20260312T170000Z", method="METHOD:CANCEL"))
    assert ev.method == "CANCEL" and ev.cancelled


def test_mime_method_parameter_is_used_when_method_is_absent() -> None:
    (ev,) = read_calendar(cal("DTSTART:20260312T170000Z", method=""), method="request")
    assert ev.method == "REQUEST"


def test_absurd_recurrence_and_far_dates_return_quickly_without_expanding() -> None:
    text = cal("DTSTART:99991231T235959Z", "RRULE:FREQ=SECONDLY;COUNT=999999999", "DURATION:P99999W")
    began = time.perf_counter()
    (ev,) = read_calendar(text)
    assert time.perf_counter() - began < 15.0  # a hang guard (expansion would take hours), not a speed target
    assert ev.start == datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)
    assert ev.end is None


def test_all_day_event_is_midnight_utc_with_a_note() -> None:
    (ev,), notes = read_calendar_with_notes(cal("DTSTART;VALUE=DATE:20260312"))
    assert ev.start == datetime(2026, 3, 12, tzinfo=UTC)
    assert notes


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\xff\xfe\x00garbage",
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2026-99\r\n",
        "not a calendar",
        b"x" * 3_000_000,
    ],
)
def test_garbage_never_raises(data: bytes | str) -> None:
    events, notes = read_calendar_with_notes(data)
    assert isinstance(events, tuple)
    assert notes or events == ()
