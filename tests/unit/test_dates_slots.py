"""Interview slots read from text: day, time, range, zone, duration; resolved against the sent time."""

from __future__ import annotations

from datetime import datetime

import pytest

from followup.domain.dates import find_interview_time, find_interview_times

NY_THU = datetime.fromisoformat("2026-03-05T10:00:00-05:00")  # Thursday; US DST starts Sun 8 March
BERLIN_THU = datetime.fromisoformat("2026-03-05T10:00:00+01:00")  # EU DST starts Sun 29 March
LONDON_THU = datetime.fromisoformat("2026-03-05T10:00:00+00:00")


@pytest.mark.parametrize(
    ("text", "sent", "user_tz", "start", "end"),
    [
        (
            "Tuesday, March 10, 2026\n11:00 AM - 11:45 AM Eastern Time (US & Canada)\n",
            NY_THU, "America/Chicago", "2026-03-10T11:00:00-04:00", "2026-03-10T11:45:00-04:00",
        ),
        ("Can you do Tuesday, March 10 at 2 PM PT?", NY_THU, "", "2026-03-10T14:00:00-07:00", None),
        ("Termin: 10.03. 14:00 CET", BERLIN_THU, "", "2026-03-10T14:00:00+01:00", None),
        (
            "Dienstag, 31.03.2026, 14:00-15:00 Uhr (MEZ)", BERLIN_THU, "",
            "2026-03-31T14:00:00+02:00", "2026-03-31T15:00:00+02:00",
        ),
        ("Perfect - I'll call you tomorrow at 10.", NY_THU, "America/New_York", "2026-03-06T10:00:00-05:00", None),
        (
            "Dominic can do next Tuesday at 2:30 PM ET for 45 minutes.", NY_THU, "",
            "2026-03-10T14:30:00-04:00", "2026-03-10T15:15:00-04:00",
        ),
        (
            "Wednesday 11 March, 10:00–10:45 (GMT+1)", LONDON_THU, "",
            "2026-03-11T10:00:00+01:00", "2026-03-11T10:45:00+01:00",
        ),
        ("Shall we say the 12th at 3pm your time?", NY_THU, "Europe/Berlin", "2026-03-12T15:00:00+01:00", None),
        (
            "Friday, March 6 at 10am my time (11am yours)",
            datetime.fromisoformat("2026-03-05T10:00:00-06:00"), "America/New_York",
            "2026-03-06T10:00:00-06:00", None,
        ),
        ("Passt Ihnen morgen um 14 Uhr?", BERLIN_THU, "Europe/Berlin", "2026-03-06T14:00:00+01:00", None),
        (
            "Seriez-vous disponible le 12 mars à 14h30 (heure de Paris) ?", BERLIN_THU, "",
            "2026-03-12T14:30:00+01:00", None,
        ),
        (
            "Your interview is on Monday, March 16 from 9:30 to 10:15 AM CT.", NY_THU, "",
            "2026-03-16T09:30:00-05:00", "2026-03-16T10:15:00-05:00",
        ),
        (
            "The call will be on 3/12 at 4pm Pacific (7pm your time), about an hour.", NY_THU, "America/New_York",
            "2026-03-12T16:00:00-07:00", "2026-03-12T17:00:00-07:00",
        ),
        (
            "We'd like to see you on Thursday 12 March at 2.30pm (UK time).", LONDON_THU, "",
            "2026-03-12T14:30:00+00:00", None,
        ),
        (
            "Interview: 2026-03-17 09:00 - 10:00 IST", LONDON_THU, "",
            "2026-03-17T09:00:00+05:30", "2026-03-17T10:00:00+05:30",
        ),
        (
            "Wed 11 March 2026, 10:00 - 11:00am AEDT", datetime.fromisoformat("2026-03-05T10:00:00+11:00"), "",
            "2026-03-11T10:00:00+11:00", "2026-03-11T11:00:00+11:00",
        ),
        (
            "Let's have a 30-minute call on Friday at 1pm ET.", NY_THU, "",
            "2026-03-06T13:00:00-05:00", "2026-03-06T13:30:00-05:00",
        ),
        (
            "Your Intro call with Ana at 16:00 (Central European Time) on Wednesday, 11 March 2026 is scheduled.",
            NY_THU, "", "2026-03-11T16:00:00+01:00", None,
        ),
        (
            "Date: Tuesday, 17.03.2026\nTime: 14:00 - 15:00 (CET)\nWhere: Google Meet", BERLIN_THU, "",
            "2026-03-17T14:00:00+01:00", "2026-03-17T15:00:00+01:00",
        ),
        (
            "Great, let's do Friday, March 13 at 11:30 AM PT (11:30 to noon).", NY_THU, "",
            "2026-03-13T11:30:00-07:00", "2026-03-13T12:00:00-07:00",
        ),
        (
            "Thursday, March 12, 2026 (Eastern Time)\n10:00 AM - 10:45 AM   Victor Hale\n"
            "10:45 AM - 11:30 AM   Mina Sato\n",
            NY_THU, "", "2026-03-12T10:00:00-04:00", "2026-03-12T11:30:00-04:00",
        ),
        (
            "Round 2 is on Wednesday, 11 March, 10:00-11:00 AM Eastern, which is 7:30-8:30 PM IST.",
            datetime.fromisoformat("2026-03-05T10:00:00+05:30"), "Asia/Kolkata",
            "2026-03-11T10:00:00-04:00", "2026-03-11T11:00:00-04:00",
        ),
    ],
)  # fmt: skip
def test_slot_in_text_resolves_to_the_stated_instant_and_end(
    text: str, sent: datetime, user_tz: str, start: str, end: str | None
) -> None:
    found = find_interview_time(text, sent, user_tz)
    assert found is not None, text
    assert found.start == datetime.fromisoformat(start)
    assert found.start.utcoffset() == datetime.fromisoformat(start).utcoffset()
    assert (found.end, end) == (datetime.fromisoformat(end) if end else None, end)
    assert found.evidence


def test_zone_word_maps_to_iana_name_so_dst_follows_the_interview_date() -> None:
    found = find_interview_time("Monday, March 9 at 9am ET", NY_THU)  # sent in EST, interview in EDT
    assert found is not None
    assert found.tz == "America/New_York"
    assert found.start.utcoffset() == datetime.fromisoformat("2026-03-09T09:00:00-04:00").utcoffset()


def test_no_zone_falls_back_to_user_zone_when_it_matches_sender_offset() -> None:
    found = find_interview_time("Montag, 30.03.2026, 10:00 bis 11:00 Uhr", BERLIN_THU, "Europe/Berlin")
    assert found is not None
    assert found.tz == "Europe/Berlin"
    assert found.start == datetime.fromisoformat("2026-03-30T10:00:00+02:00")


def test_no_zone_and_foreign_user_zone_reads_the_sender_zone_across_its_clock_change() -> None:
    # sent at UTC-5 on March 5 (New York winter time); the US clocks change on March 8
    found = find_interview_time("See you Tuesday, March 10 at 2pm.", NY_THU, "Europe/Berlin")
    assert found is not None
    assert found.tz == "America/New_York"
    assert found.start == datetime.fromisoformat("2026-03-10T14:00:00-04:00")


def test_no_zone_from_a_german_sender_before_the_eu_clock_change_reads_summer_time() -> None:
    sent = datetime.fromisoformat("2026-03-24T09:12:00+01:00")
    found = find_interview_time("am Dienstag, den 31.03.2026 um 10:30 Uhr per Teams", sent, "Europe/London")
    assert found is not None
    assert found.start == datetime.fromisoformat("2026-03-31T10:30:00+02:00")


def test_a_sender_at_utc_minus_5_in_summer_is_read_as_central_time() -> None:
    sent = datetime.fromisoformat("2026-07-01T09:00:00-05:00")
    found = find_interview_time("Let's meet Tuesday, November 10 at 2pm.", sent, "Europe/London")
    assert found is not None
    assert found.start == datetime.fromisoformat("2026-11-10T14:00:00-06:00")


def test_reschedule_names_old_and_new_slot_and_the_new_one_wins() -> None:
    text = (
        "Unfortunately we need to move your interview from Tuesday, March 10 at 2pm ET "
        "to Thursday, March 12 at 11am ET."
    )
    assert len(find_interview_times(text, NY_THU)) == 2
    found = find_interview_time(text, NY_THU)
    assert found is not None
    assert found.start == datetime.fromisoformat("2026-03-12T11:00:00-04:00")


def test_year_is_inferred_as_next_occurrence_after_sent() -> None:
    sent = datetime.fromisoformat("2026-12-18T10:00:00-05:00")
    found = find_interview_time("How about January 6 at 10am ET?", sent)
    assert found is not None
    assert found.start.date().isoformat() == "2027-01-06"


@pytest.mark.parametrize(
    "text",
    [
        "We'd love to schedule a call next week.",
        "We reviewed 3 candidates and 2 will move forward.",
        "Our office is at 1400 Busse Rd, building B.",
        "Call me at 555-0134 on Friday if anything comes up.",
        "Version 2.10 of the app shipped on Monday.",
        "Please join 5 minutes early.",
    ],
)
def test_text_without_a_day_and_time_gives_no_slot(text: str) -> None:
    assert find_interview_time(text, NY_THU) is None
