"""Signals and readings survive the JSON round trip the store uses, exactly."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup.domain.codec import (
    decode_datetime,
    encode_datetime,
    reading_from_dict,
    reading_to_dict,
    signal_from_dict,
    signal_to_dict,
)
from followup.domain.model import Address, Kind, Person, Reading, Signal

# real offsets are whole minutes
fixed_zones = st.integers(-23 * 60 - 59, 23 * 60 + 59).map(lambda m: timezone(timedelta(minutes=m)))
aware = st.datetimes(
    min_value=datetime(1970, 1, 2),
    max_value=datetime(2200, 1, 1),
    timezones=st.one_of(st.timezones(), fixed_zones),
)
texts = st.text(max_size=20)
addresses = st.builds(Address, texts, texts)
persons = st.builds(Person, texts, texts)

readings = st.builds(
    Reading,
    kind=st.sampled_from(Kind),
    confidence=st.floats(0, 1),
    evidence=st.lists(texts, max_size=3).map(tuple),
    company=texts,
    role=texts,
    interview_start=st.none() | aware,
    interview_end=st.none() | aware,
    interview_tz=texts,
    interviewers=st.lists(persons, max_size=3).map(tuple),
    decision_expected_by=st.none() | st.dates(),
    promise=st.booleans(),
    request_deadline=st.none() | st.dates(),
    calendar_uid=texts,
    calendar_sequence=st.integers(0, 1000),
    from_user=st.booleans(),
    automated=st.booleans(),
    company_domain=texts,
    notes=st.lists(texts, max_size=3).map(tuple),
)
signals = st.builds(
    Signal,
    ref=texts,
    account=texts,
    folder=st.sampled_from(["inbox", "sent"]),
    message_id=texts,
    thread_id=texts,
    in_reply_to=texts,
    references=st.lists(texts, max_size=3).map(tuple),
    date=aware,
    sender=addresses,
    reply_to=st.lists(addresses, max_size=2).map(tuple),
    to=st.lists(addresses, max_size=3).map(tuple),
    cc=st.lists(addresses, max_size=3).map(tuple),
    subject=texts,
    reading=readings,
    keywords=st.frozensets(texts, max_size=3),
)


def _same_instant_and_zone(a: datetime | None, b: datetime | None) -> bool:
    if a is None or b is None:
        return a is b
    # fold only matters where it changes the offset (an ambiguous or skipped hour)
    return (
        a == b
        and a.tzinfo == b.tzinfo
        and a.utcoffset() == b.utcoffset()
        and a.replace(tzinfo=None) == b.replace(tzinfo=None)
    )


@settings(max_examples=150, deadline=None)
@given(signals)
def test_any_signal_round_trips_through_json_unchanged(sig: Signal) -> None:
    back = signal_from_dict(json.loads(json.dumps(signal_to_dict(sig))))
    assert back == sig
    assert _same_instant_and_zone(back.date, sig.date)
    assert _same_instant_and_zone(back.reading.interview_start, sig.reading.interview_start)
    assert type(back.references) is tuple and type(back.keywords) is frozenset
    assert back.reading.kind is sig.reading.kind


@settings(max_examples=100, deadline=None)
@given(readings)
def test_any_reading_round_trips_through_json_unchanged(r: Reading) -> None:
    assert reading_from_dict(json.loads(json.dumps(reading_to_dict(r)))) == r


@given(aware)
def test_aware_datetime_keeps_offset_zone_and_fold(value: datetime) -> None:
    assert _same_instant_and_zone(decode_datetime(encode_datetime(value)), value)


def test_ambiguous_autumn_hour_keeps_its_fold() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    second = datetime(2024, 10, 27, 2, 30, tzinfo=berlin, fold=1)  # the second 02:30 (CET)
    back = decode_datetime(encode_datetime(second))
    assert back.fold == 1 and back.utcoffset() == timedelta(hours=1)
    assert encode_datetime(second) == "2024-10-27T02:30:00+01:00[Europe/Berlin]"


def test_naive_datetime_is_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        encode_datetime(datetime(2024, 1, 1, 12, 0))  # noqa: DTZ001


def test_utc_and_fixed_offsets_come_back_as_such() -> None:
    assert decode_datetime(encode_datetime(datetime(2024, 1, 1, tzinfo=UTC))).tzinfo == UTC
    plus2 = timezone(timedelta(hours=2))
    assert decode_datetime("2024-01-01T10:00:00+02:00") == datetime(2024, 1, 1, 10, tzinfo=plus2)


def test_reading_from_an_older_dict_takes_defaults_for_missing_keys() -> None:
    r = reading_from_dict({"kind": "offer", "confidence": 0.9})
    assert r == Reading(kind=Kind.OFFER, confidence=0.9, evidence=())
    assert r.decision_expected_by is None and r.interviewers == ()


def test_dates_are_iso_strings_in_the_dict() -> None:
    r = Reading(Kind.DECISION_TIMELINE, 1.0, (), decision_expected_by=date(2024, 3, 15))
    assert reading_to_dict(r)["decision_expected_by"] == "2024-03-15"
