"""The hand-written fixture sets read as threads (every set's files together, in date order, as a
mailbox is synced): the kind errors reading in context removes, and that it never adds one."""

from __future__ import annotations

import functools

import pytest
from bench.accuracy import fixture_cases

from followup.domain.classify import read
from followup.domain.model import Kind
from followup.domain.parse import parse
from followup.services.classify_files import read_in_threads

SETS = ["classify", "heldout"] + [f"heldout{n}" for n in range(2, 11)]


@functools.cache
def _readings(name: str, senders: bool) -> list[tuple[str, str, Kind, Kind]]:
    cases = list(fixture_cases(name))
    mail = [(parse(c.raw), c.user) for c in cases]
    alone = [read(m, u) for m, u in mail]
    threaded = read_in_threads(mail, senders=senders)
    return [(c.name, c.label["kind"], a.kind, t.kind) for c, a, t in zip(cases, alone, threaded, strict=True)]


@pytest.mark.parametrize("senders", [False, True], ids=["threads", "threads+senders"])
@pytest.mark.parametrize("name", SETS)
def test_reading_a_fixture_set_in_context_never_turns_a_right_kind_wrong(name: str, senders: bool) -> None:
    rows = _readings(name, senders)
    assert rows, name
    broken = [n for n, want, alone, ctx in rows if alone.value == want and ctx.value != want]
    assert not broken, broken
    # a look-alike labelled `other` is never made hiring mail by its context
    assert not [n for n, want, _, ctx in rows if want == "other" and ctx is not Kind.OTHER]


def test_heldout10_in_context_the_founders_calendar_invite_is_a_confirmed_interview() -> None:
    # "Quillfern working session w/ Nadia": no hiring word, from the founder who wrote the hiring mail
    rows = {n.rsplit("/", 1)[1]: (want, ctx) for n, want, _, ctx in _readings("heldout10", True)}
    want, got = rows["05-onsite-calendar-quillfern.eml"]
    assert got.value == want == "interview_confirmed"


def test_heldout10_in_context_has_fewer_kind_errors_than_alone() -> None:
    rows = _readings("heldout10", True)
    alone = sum(a.value != want for _, want, a, _ in rows)
    in_context = sum(c.value != want for _, want, _, c in rows)
    assert in_context < alone or alone == 0, (alone, in_context)
