"""A realistic, reproducible mailbox for the benchmarks: newsletters, notifications, receipts, personal
threads with attachments, the user's own sent mail, and about 2% hiring mail spread over a year.

Hiring mail reuses the labelled corpus's hiring messages (``../shared/corpus``) when it is present,
with fresh Message-IDs and dates; without it, a built-in generator writes hiring-like mail.
Sizes run from 2 KB to 2 MB, log-normal (median ~7 KB, mean ~15 KB, a few attachments of 0.3-2 MB).

    from bench.mailgen import generate
    for mail in generate(10_000, seed=1): ...   # Mail(folder, when, raw, kind)
"""

from __future__ import annotations

import base64
import math
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
USER_NAME, USER_ADDRESS = "Lena Hartmann", "lena.hartmann@example.net"
END = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # the clock of the benchmark: mail spans the year before

# share of each kind of mail (the rest is personal mail)
MIX = (
    ("hiring", 0.02),
    ("sent", 0.08),
    ("newsletter", 0.40),
    ("notification", 0.17),
    ("transactional", 0.13),
)

_WORDS = (
    "the of and to in a is that for it as was with be by on not he this are or his from at which but have "
    "an had they you were their one all we can her has there been if more when will would who so no garden "
    "release update weekly team notes project meeting coffee weekend plans photos trip report build issue "
    "merge review dinner family school invoice order shipping account security password music concert city"
).split()
_FRIENDS = ["Theo Brandt", "Priya Shah", "Sana Qureshi", "Jonas Weber", "Mia Rossi", "Ana Lima", "Ole Berg"]
_LISTS = ["The Weekly Garden", "Rust Digest", "City Events", "Cooking Club", "Bike Shop News", "Film Society"]
_SHOPS = ["Parcelhub", "Brewline Coffee", "RailBook", "Northwind Grocers", "Pixel Store", "Cloudbox"]


@dataclass(frozen=True)
class Mail:
    folder: str  # "INBOX" or "Sent"
    when: datetime
    raw: bytes
    kind: str  # hiring, sent, newsletter, notification, transactional, personal


class _Text:
    """Cheap filler text: slices of one big pre-made pool (generating 1.5 GB word by word is slow)."""

    def __init__(self, rng: random.Random) -> None:
        words = [rng.choice(_WORDS) for _ in range(400_000)]
        lines: list[str] = []
        line: list[str] = []
        for word in words:
            line.append(word)
            if len(line) >= 12:
                lines.append(" ".join(line).capitalize() + ".")
                line = []
                if rng.random() < 0.2:  # paragraphs of about five lines
                    lines.append("")
        self.pool = "\r\n".join(lines)
        self.blob = base64.encodebytes(rng.randbytes(1_600_000)).replace(b"\n", b"\r\n")
        self.rng = rng

    def text(self, size: int) -> str:
        size = min(size, len(self.pool) - 1)
        start = self.rng.randrange(0, len(self.pool) - size)
        return self.pool[start : start + size]

    def attachment(self, size: int) -> bytes:
        size = min(size, len(self.blob))
        return self.blob[:size]


def _size(rng: random.Random) -> int:
    if rng.random() < 0.003:  # a few big attachments
        return rng.randint(300_000, 2_000_000)
    return int(min(max(rng.lognormvariate(math.log(7_000), 1.0), 2_000), 2_000_000))


def _corpus_hiring() -> list[bytes]:
    sys.path.insert(0, str(REPO))
    try:
        from tests.support.corpus import scenarios
    except ImportError:
        return []
    out = []
    for scenario in scenarios():
        for label in scenario.labels:
            if label["kind"] != "other" and label["file"].startswith("INBOX/"):
                out.append(scenario.raw(label["file"]))
    return out


_MSGID = re.compile(rb"^Message-ID:[^\r\n]*(\r?\n)", re.IGNORECASE | re.MULTILINE)
_DATE = re.compile(rb"^Date:[^\r\n]*(\r?\n)", re.IGNORECASE | re.MULTILINE)


def _restamp(raw: bytes, n: int, when: datetime) -> bytes:
    """A corpus message with a unique Message-ID and the given Date."""
    raw = _MSGID.sub(lambda m: f"Message-ID: <bench-{n}@corpus.example>".encode() + m.group(1), raw, count=1)
    return _DATE.sub(lambda m: f"Date: {format_datetime(when)}".encode() + m.group(1), raw, count=1)


def _message(headers: list[str], body: str, attachment: bytes = b"") -> bytes:
    head = "\r\n".join([*headers, "MIME-Version: 1.0"])
    if not attachment:
        return f"{head}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n".encode()
    return (
        (
            f'{head}\r\nContent-Type: multipart/mixed; boundary="b0"\r\n\r\n--b0\r\n'
            f"Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n--b0\r\n"
            'Content-Type: application/pdf; name="file.pdf"\r\nContent-Transfer-Encoding: base64\r\n'
            'Content-Disposition: attachment; filename="file.pdf"\r\n\r\n'
        ).encode()
        + attachment
        + b"\r\n--b0--\r\n"
    )


def _hiring_own(n: int, when: datetime, rng: random.Random, text: _Text) -> bytes:
    company = rng.choice(["Northwind Analytics", "Harbor Labs", "Graustein Software", "Bluefin Health"])
    domain = company.lower().replace(" ", "-") + ".com"
    role = rng.choice(["Data Engineer", "Backend Engineer", "Product Analyst"])
    subject, body = rng.choice(
        [
            (f"Your application for {role}", f"Thank you for applying to {company} for the {role} role."),
            (f"Interview: {role} at {company}", "We'd like to invite you to interview. What times suit you?"),
            (f"{role} - next steps", "We will get back to you by Friday with our decision."),
        ]
    )
    headers = [
        f"From: Recruiting at {company} <talent@{domain}>",
        f"To: {USER_NAME} <{USER_ADDRESS}>",
        f"Subject: {subject}",
        f"Date: {format_datetime(when)}",
        f"Message-ID: <bench-{n}@{domain}>",
    ]
    return _message(headers, f"Hi Lena,\r\n\r\n{body}\r\n\r\nBest,\r\nAlex\r\n\r\n{text.text(800)}")


def generate(count: int, *, seed: int = 1, end: datetime = END, days: int = 365) -> Iterator[Mail]:
    """``count`` messages in date order (oldest first), reproducible for a seed."""
    rng = random.Random(seed)
    text = _Text(rng)
    corpus = _corpus_hiring()
    start = end - timedelta(days=days)
    times = sorted(start + timedelta(seconds=rng.uniform(0, days * 86_400)) for _ in range(count))
    personal_ids: list[str] = []
    for n, when in enumerate(times):
        when = when.replace(microsecond=0)
        roll, kind = rng.random(), "personal"
        for name, share in MIX:
            if roll < share:
                kind = name
                break
            roll -= share
        size = _size(rng)
        date = f"Date: {format_datetime(when)}"
        mid = f"<bench-{n}@bench.example>"
        if kind == "hiring":
            raw = _restamp(rng.choice(corpus), n, when) if corpus else _hiring_own(n, when, rng, text)
            yield Mail("INBOX", when, raw, kind)
            continue
        attachment = b""
        if size > 60_000 and kind in ("personal", "sent", "transactional"):
            attachment, size = text.attachment(size - 2_000), 2_000
        if kind == "newsletter":
            name = rng.choice(_LISTS)
            slug = name.lower().replace(" ", "-")
            headers = [
                f"From: {name} <news@{slug}.example>",
                f"List-Id: {name} <{slug}.list.example>",
                f"List-Unsubscribe: <mailto:unsubscribe@{slug}.example>",
                "Precedence: bulk",
                f"Subject: {name}: {text.text(40).splitlines()[0]}",
            ]
        elif kind == "notification":
            headers = [
                "From: Code Host <notifications@codehost.example>",
                "List-Id: team/project <project.team.codehost.example>",
                "List-Unsubscribe: <https://codehost.example/unsubscribe>",
                f"Subject: [team/project] Issue #{rng.randint(1, 9999)}: {text.text(30).splitlines()[0]}",
            ]
        elif kind == "transactional":
            shop = rng.choice(_SHOPS)
            headers = [
                f"From: {shop} <no-reply@{shop.lower().replace(' ', '')}.example>",
                f"Subject: Your receipt from {shop} #{rng.randint(1000, 99999)}",
            ]
        else:  # personal, or the user's own sent mail
            friend = rng.choice(_FRIENDS)
            address = friend.lower().replace(" ", ".") + "@example.org"
            reply = personal_ids and rng.random() < 0.5
            parent = rng.choice(personal_ids[-50:]) if reply else ""
            sender, to = (f"{USER_NAME} <{USER_ADDRESS}>", f"{friend} <{address}>")
            if kind == "personal":
                sender, to = to, sender
            headers = [
                f"From: {sender}",
                f"Subject: {'Re: ' if reply else ''}{text.text(30).splitlines()[0]}",
            ]
            headers += [f"In-Reply-To: {parent}", f"References: {parent}"] if reply else []
            headers.append(f"To: {to}")
            personal_ids.append(mid)
        if kind not in ("personal", "sent"):
            headers.append(f"To: {USER_NAME} <{USER_ADDRESS}>")
        headers += [date, f"Message-ID: {mid}"]
        raw = _message(headers, text.text(max(size - 600, 200)), attachment)
        yield Mail("Sent" if kind == "sent" else "INBOX", when, raw, kind)
