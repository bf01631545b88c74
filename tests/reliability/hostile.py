"""Hostile inputs for the reliability suite: the stored corpus plus the big ones generated on demand."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

BROKEN_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "broken"

_HEAD = (
    b"From: Mallory <mallory@hostile.example>\r\nTo: sam.rivera@example.net\r\n"
    b"Date: Wed, 04 Mar 2026 09:00:00 +0000\r\nMessage-ID: <%s@hostile.example>\r\nSubject: %s\r\n"
)


def _head(name: str) -> bytes:
    return _HEAD % (name.encode(), name.encode())


def stored() -> list[tuple[str, bytes]]:
    """The hand-written broken messages in tests/fixtures/broken, by file name."""
    return [(p.name, p.read_bytes()) for p in sorted(BROKEN_DIR.glob("*.eml"))]


def huge(megabytes: int = 50) -> bytes:
    """One text part of ``megabytes`` MB (plus a base64 attachment line pattern)."""
    line = b"x" * 76 + b"\r\n"
    return _head("huge-50mb") + b"Content-Type: text/plain\r\n\r\n" + line * (megabytes * 1_000_000 // 78)


def many_parts(count: int = 5000) -> bytes:
    parts = b"".join(b"--B\r\nContent-Type: text/plain\r\n\r\npart %d\r\n" % i for i in range(count))
    return (
        _head("many-parts")
        + b"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n"
        + parts
        + b"--B--\r\n"
    )


def deep_multipart(depth: int = 2000) -> bytes:
    body = b"".join(
        b"Content-Type: multipart/mixed; boundary=b%d\r\n\r\n--b%d\r\n" % (i, i) for i in range(depth)
    )
    body += b"Content-Type: text/plain\r\n\r\nthe leaf\r\n"
    body += b"".join(b"--b%d--\r\n" % i for i in reversed(range(depth)))
    return _head("deep-multipart") + b"MIME-Version: 1.0\r\n" + body


def deep_attached(depth: int = 250) -> bytes:
    inner = b"From: leaf@hostile.example\r\nSubject: leaf\r\n\r\nleaf body\r\n"
    for i in range(depth):
        inner = (
            b"From: l%d@hostile.example\r\nSubject: level %d\r\nContent-Type: message/rfc822\r\n\r\n" % (i, i)
            + inner
        )
    return _head("deep-attached") + b"MIME-Version: 1.0\r\nContent-Type: message/rfc822\r\n\r\n" + inner


def many_events(count: int = 10_000) -> bytes:
    """10,000 VEVENTs with absurd recurrences, year-9999 starts and DTEND before DTSTART."""
    events = b"".join(
        b"BEGIN:VEVENT\r\nUID:ev-%d\r\nDTSTART:99991231T100000Z\r\nDTEND:20000101T000000Z\r\n"
        b"RRULE:FREQ=SECONDLY;COUNT=999999999\r\nSUMMARY:Interview %d\r\nEND:VEVENT\r\n" % (i, i)
        for i in range(count)
    )
    cal = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\n" + events + b"END:VCALENDAR\r\n"
    return (
        _head("many-events")
        + b"MIME-Version: 1.0\r\nContent-Type: text/calendar; method=REQUEST\r\n\r\n"
        + cal
    )


# name -> (builder, seconds one parse + classify may take on this machine, with a wide margin)
GENERATED: dict[str, tuple[Callable[[], bytes], float]] = {
    "many-parts-5000": (many_parts, 3.0),
    "deep-multipart-2000": (deep_multipart, 3.0),
    "deep-attached-250": (deep_attached, 3.0),
    "many-events-10000": (many_events, 8.0),
}
