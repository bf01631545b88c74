"""The pre-parse gate on the user's own mail: a note to a friend with no hiring context is skipped and
reads as ``other`` with no company; anything the classifier could read in a hiring context is not."""

from __future__ import annotations

import re
import tomllib
from email.message import EmailMessage
from pathlib import Path

import pytest

from followup.domain import rules as R
from followup.domain.classify import read
from followup.domain.model import Identity, Kind
from followup.domain.parse import parse
from followup.domain.pregate import _blanks_as_one, light_message, no_hiring_cue
from followup.domain.pregate_words import ANYTHING, WordStarts, requirement, words_of

USER = Identity("Lena Hartmann", ("lena@example.net",), "Europe/Berlin")
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _note(
    body: str, *, to: str = "Theo <theo.brandt@gmail.com>", subject: str = "Saturday", **headers: str
) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Lena Hartmann <lena@example.net>"
    msg["To"] = to
    msg["Subject"] = subject
    msg["Message-ID"] = "<n1@example.net>"
    for name, value in headers.items():
        msg[name.replace("_", "-")] = value
    msg.set_content(body)
    return msg.as_bytes()


def _kept(raw: bytes) -> bool:
    reading = read(parse(raw), USER)
    return reading.kind is not Kind.OTHER or bool(reading.company)


def test_the_users_note_to_a_friend_without_hiring_context_is_skipped_and_is_not_kept() -> None:
    raw = _note("Dinner at ours on Saturday? Bring the cake.\n\nLena")
    assert no_hiring_cue(raw, USER)
    assert not _kept(raw)
    assert "no hiring context in the user's mail" in read(parse(raw), USER).evidence


@pytest.mark.parametrize(
    ("why", "raw"),
    [
        (
            "an employer's address",
            _note("Great chatting today, Ana!", to="Ana <ana.ruiz@acme-robotics.example>"),
        ),
        ("an employer's address in Cc", _note("See you then", cc="Ana <ana.ruiz@acme-robotics.example>")),
        ("an ATS address", _note("Here you go", to="Acme <reply+8f2@greenhouse.io>")),
        ("a cue word", _note("How did the interview go?")),
        ("a cue phrase across a wrap", _note("so we can meet\nthe others")),
        ("a hiring phrase with no cue stem", _note("Met the co-founder last night")),
        ("a hiring phrase in a quote", _note("ha!\n\n> where\n> we land is up to them")),
        ("a job title's head word", _note("The Staff Engineer thing at Kelp - thoughts?")),
        ("a head word in the subject", _note("see below", subject="Kelp - Head of Data")),
        ("a forward", _note("look at this", subject="Fwd: lunch")),
    ],
)
def test_the_users_mail_with_any_hiring_context_is_never_skipped(why: str, raw: bytes) -> None:
    assert not no_hiring_cue(raw, USER), why


def test_the_users_mail_with_a_hiring_phrase_and_no_cue_stem_is_kept_when_read() -> None:
    # why the HIRING phrases are searched at all: the classifier reads this as hiring context
    raw = _note("Met the co-founder at Kelp, they want a chat.\n\nLena", to="Theo <theo@gmail.com>")
    assert not no_hiring_cue(raw, USER)


def test_no_hiring_pattern_needs_a_line_break_an_anchor_or_a_quote_mark() -> None:
    # the gate reads every run of blanks and quote marks as one space: sound only while this holds
    for cue in R.HIRING:
        assert not re.search(r"\\n|\^|\$|>|\\s\{|  ", cue.pattern.pattern), cue.pattern.pattern
        assert not cue.pattern.flags & re.MULTILINE


def _texts() -> list[str]:
    out = []
    for path in sorted(FIXTURES.glob("**/*.eml")):
        try:
            message, _ = light_message(path.read_bytes())
        except Exception:  # noqa: BLE001, S112 - unreadable fixtures are the parser's tests
            continue
        out.append(_blanks_as_one(f"{message.subject}\n{message.text}".lower().replace("\u2019", "'")))
    return out


_EXTRA = [
    "we'd love for you to meet the rest of the crew",
    "co-founder cofounder (m/w/d) gesollicteerd gesolliciteerd sollicitatie",
    "your job application for the senior data engineer post",
    "meeting the team, give you an answer, where we land, show you around the office",
    "x-ray re-post (h/f) the-req the req",
]


def test_what_a_pattern_needs_is_present_in_every_fixture_text_it_matches() -> None:
    """``requirement`` is exact-or-generous: on every labelled message's text, a pattern that matches
    never has a need the text's words lack (every cue table is used: more patterns, more of the reader)."""
    tables = [getattr(R, name) for name in R.__all__ if isinstance(getattr(R, name), tuple)]
    patterns = {c.pattern for table in tables for c in table if isinstance(c, R.Cue)}
    needs = {p: requirement(p) for p in patterns}
    assert sum(n != ANYTHING for n in needs.values()) >= 0.8 * len(needs)
    texts = _texts() + _EXTRA
    assert len(texts) >= 1000
    missed = []
    for text in texts:
        starts = WordStarts(words_of(text))
        for pattern, need in needs.items():
            if pattern.search(text) and not starts.satisfies(need):
                missed.append((pattern.pattern[:60], text[:60]))
    assert missed == []


def test_a_need_reads_words_runs_across_groups_and_optional_parts() -> None:
    need = requirement(re.compile(r"\b(?:ge)?sollicit\w*|\bco-?founder\b"))
    assert WordStarts({"gesolliciteerd"}).satisfies(need)
    assert WordStarts({"co", "founder"}).satisfies(need)
    assert WordStarts({"cofounder"}).satisfies(need)
    assert not WordStarts({"get", "solid", "cop", "found"}).satisfies(need)


def test_the_users_scenario_mail_is_never_skipped_when_its_full_reading_is_kept() -> None:
    lost = []
    for toml in sorted((FIXTURES / "scenarios").glob("*/scenario.toml")):
        u = tomllib.loads(toml.read_text("utf-8"))["user"]
        user = Identity(u["name"], (u["email"].lower(),), u["timezone"])
        for path in sorted((toml.parent / "Sent").glob("*.eml")):
            raw = path.read_bytes()
            reading = read(parse(raw), user)
            if (reading.kind is not Kind.OTHER or reading.company) and no_hiring_cue(raw, user):
                lost.append(f"{toml.parent.name}/{path.name}")
    assert lost == []
