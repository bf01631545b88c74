"""Broken and hostile mail never raises, stays fast, and never turns into a draft (pure and in-memory)."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup.backends.memory import MemoryMailbox
from followup.cli import parse_as_of
from followup.config import parse_config
from followup.demo import DEMO_AS_OF, USER, sample_messages
from followup.domain.classify import read
from followup.domain.model import Identity, Kind
from followup.domain.parse import parse
from followup.services.scan import scan
from followup.store import Store
from tests.reliability import hostile
from tests.reliability.conftest import EXPECTED, config_text

ME = Identity(USER[0], (USER[1],), USER[2])
STORED = hostile.stored()


# These bound hangs (quadratic regexes, unbounded nesting), not speed: a loaded CI machine gets slack.
SLACK = 5.0


def _read_within(raw: bytes, seconds: float) -> tuple[object, object]:
    seconds *= SLACK
    began = time.perf_counter()
    message = parse(raw)
    reading = read(message, ME)
    took = time.perf_counter() - began
    assert took < seconds, f"took {took:.2f}s"
    return message, reading


def test_the_stored_corpus_is_there() -> None:
    assert len(STORED) >= 20


@pytest.mark.parametrize(("name", "raw"), STORED, ids=[n for n, _ in STORED])
def test_each_broken_message_parses_and_classifies_within_a_second(name: str, raw: bytes) -> None:
    message, reading = _read_within(raw, 1.0)
    assert message.message_id  # always an id, synthesised when missing
    assert reading.kind is not None


@pytest.mark.parametrize("name", sorted(hostile.GENERATED))
def test_each_generated_monster_parses_and_classifies_in_bounded_time(name: str) -> None:
    build, limit = hostile.GENERATED[name]
    message, _ = _read_within(build(), limit)
    assert message.sender is not None and message.sender.email == "mallory@hostile.example"


def test_a_50_mb_message_is_read_in_seconds_with_its_text_capped() -> None:
    message, _ = _read_within(hostile.huge(50), 10.0)
    assert message.size >= 50_000_000
    assert len(message.text) <= 200_000
    assert any("cut" in d for d in message.defects)


def test_thousands_of_parts_are_cut_at_the_part_limit_with_a_defect() -> None:
    message = parse(hostile.many_parts(5000))
    assert "too many MIME parts; rest ignored" in message.defects


def test_deeply_nested_multiparts_keep_the_headers_when_the_body_defeats_the_parser() -> None:
    # the standard library's parser recurses once per level and gives up near 1,000 levels: before the
    # fix the whole message (sender, subject, id) was lost; now only the body is
    message = parse(hostile.deep_multipart(2000))
    assert message.sender is not None and message.sender.email == "mallory@hostile.example"
    assert message.message_id == "deep-multipart@hostile.example"
    assert message.subject == "deep-multipart"
    assert any("headers only" in d for d in message.defects)


def test_attached_messages_nested_250_deep_are_read_only_a_few_levels_and_fast() -> None:
    began = time.perf_counter()
    message = parse(hostile.deep_attached(150))  # deep enough to be slow without the nesting cap
    assert time.perf_counter() - began < 0.5 * SLACK
    assert len(message.forwarded) == 1


def test_calendar_times_outside_1970_to_2199_are_dropped_with_a_defect() -> None:
    message = parse(dict(STORED)["09-calendar-absurd.eml"])
    for event in message.calendar:
        for when in (event.start, event.end):
            assert when is None or datetime(1970, 1, 1, tzinfo=UTC) <= when < datetime(2200, 1, 1, tzinfo=UTC)
    assert "calendar time outside 1970-2199; ignored" in message.defects


def test_ten_thousand_vevents_are_capped_at_fifty() -> None:
    message = parse(hostile.many_events(10_000))
    assert len(message.calendar) <= 50
    assert all(ev.start is None for ev in message.calendar)  # year 9999: dropped


def test_crlf_from_encoded_words_never_survives_in_names_or_subjects() -> None:
    message = parse(dict(STORED)["07-crlf-in-encoded-name.eml"])
    assert message.sender is not None
    for text in (message.sender.name, message.subject, *(a.name for a in message.reply_to)):
        assert "\r" not in text and "\n" not in text


# ---- property-based: random structure never raises and stays fast -----------------------------------

_HEADER_NAMES = st.sampled_from(
    ["From", "To", "Cc", "Reply-To", "Subject", "Date", "Message-ID", "In-Reply-To", "References",
     "Content-Type", "Content-Transfer-Encoding", "Content-Disposition", "MIME-Version", "X-Other"]
)  # fmt: skip
_VALUES = st.one_of(
    st.binary(max_size=120),
    st.text(max_size=80).map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.sampled_from(
        [b"multipart/mixed; boundary=B", b"multipart/alternative", b"text/calendar; method=REQUEST",
         b"message/rfc822", b"text/html; charset=x-nope", b"base64", b"quoted-printable",
         b"=?utf-8?q?a=0D=0Ab?=", b"=?utf-8?b?!!!?=", b"<a@b> <c@d>", b"Mon, 31 Dec 9999 23:59:59 -1200",
         b"\"A\\\"\r\n B\" <a@b.c>", b"attachment; filename*=utf-8''%00%2F"]
    ),
)  # fmt: skip
_BODY_LINES = st.lists(
    st.one_of(
        st.binary(max_size=60),
        st.sampled_from(
            [b"--B", b"--B--", b"BEGIN:VCALENDAR", b"BEGIN:VEVENT", b"DTSTART:99991231T235959Z",
             b"DTEND:00010101T000000Z", b"RRULE:FREQ=SECONDLY", b"END:VEVENT", b"END:VCALENDAR",
             b"Content-Type: text/plain", b"", b"> quoted", b"On Mon, X wrote:", b"-- ", b"<script>x</script>"]
        ),
    ),
    max_size=40,
)  # fmt: skip


@st.composite
def messages(draw: st.DrawFn) -> bytes:
    heads = draw(st.lists(st.tuples(_HEADER_NAMES, _VALUES), max_size=12))
    sep = draw(st.sampled_from([b"\r\n", b"\n", b"\r"]))
    head = sep.join(name.encode() + b": " + value for name, value in heads)
    return head + sep + sep + sep.join(draw(_BODY_LINES))


_FAST = settings(
    max_examples=300, deadline=5000, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)


@_FAST
@given(messages())
def test_parse_and_read_never_raise_on_mime_shaped_noise(raw: bytes) -> None:
    message = parse(raw)
    reading = read(message, ME)
    assert isinstance(reading.kind, Kind)


@_FAST
@given(st.binary(max_size=4000))
def test_parse_and_read_never_raise_on_random_bytes(raw: bytes) -> None:
    assert isinstance(read(parse(raw), ME).kind, Kind)


@_FAST
@given(
    name=st.text(max_size=60),
    subject=st.text(max_size=120),
    body=st.text(max_size=600),
)
def test_read_never_raises_on_arbitrary_unicode_in_names_subjects_and_bodies(
    name: str, subject: str, body: str
) -> None:
    from email.header import Header

    raw = (
        f"From: {Header(name, 'utf-8').encode()} <x@corp.example>\r\nTo: {USER[1]}\r\n"
        f"Subject: {Header(subject, 'utf-8').encode()}\r\nDate: Wed, 04 Mar 2026 09:00:00 +0000\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
    ).encode() + body.encode("utf-8", "surrogatepass")
    message = parse(raw)
    assert "\n" not in message.subject and "\r" not in message.subject
    assert isinstance(read(message, ME).kind, Kind)


# ---- the whole pipeline in memory: hostile mail next to good mail changes nothing ---------------------


def _memory_scan(tmp_path: Path, extra: list[bytes]) -> tuple[list[tuple[str, str]], MemoryMailbox, object]:
    path = tmp_path / "config.toml"
    path.write_text(config_text(port=1, store=tmp_path / "store.sqlite"), "utf-8")
    config = parse_config(path.read_text("utf-8"), path)
    box = MemoryMailbox("demo")
    for role, _name, raw in sample_messages():
        box.add("inbox" if role == "INBOX" else "sent", raw)
    for raw in extra:
        box.add("inbox", raw, when=datetime(2026, 3, 4, 9, tzinfo=UTC))
    with Store.open(config.store_path) as store:
        result = scan(config, store, parse_as_of(DEMO_AS_OF, "UTC"), factory=lambda _a: box)
    drafts = []
    for item in box.folders["drafts"]:
        import email
        from email import policy

        msg = email.message_from_bytes(item.raw, policy=policy.default)
        drafts.append((str(msg["X-Followup-Kind"]), str(msg["To"].addresses[0].addr_spec)))
    return sorted(drafts), box, result


def test_a_scan_of_every_hostile_message_next_to_good_mail_drafts_exactly_the_right_drafts(
    tmp_path: Path,
) -> None:
    extra = [raw for _, raw in STORED] + [build() for build, _ in hostile.GENERATED.values()]
    drafts, _box, result = _memory_scan(tmp_path, extra)
    assert result.ok, result.errors  # type: ignore[attr-defined]
    assert result.syncs[0].fetched == len(extra) + len(sample_messages())  # type: ignore[attr-defined]
    assert drafts == EXPECTED
