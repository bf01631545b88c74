"""Regression floors: the labelled dev scenarios replayed through the whole product.

All 30 scenarios run in-process on the in-memory backend (seconds); a handful run through the real CLI
against a real Dovecot, exactly as a user's mailbox would be read. Skipped without ../shared.
"""

from __future__ import annotations

from collections import Counter

import pytest
from bench.scenarios import replay_imap, replay_memory

from followup.devserver import dovecot_binary
from tests.support.corpus import Scenario

STEP_FLOOR = 0.90  # share of steps where every process, stage, next action and new draft is right
DRAFT_FLOOR = 0.95  # draft precision and recall (kind + recipients)


def _draft_counts(results) -> tuple[int, int, int]:  # noqa: ANN001
    tp = fp = fn = 0
    for r in results:
        exp = Counter(r.expected_drafts)
        got = Counter((d.kind, d.to) for d in r.new_drafts)
        tp += sum((exp & got).values())
        fp += sum((got - exp).values())
        fn += sum((exp - got).values())
    return tp, fp, fn


def test_all_dev_scenarios_in_memory_meet_the_floor(corpus: list[Scenario]) -> None:
    results = [r for scn in corpus for r in replay_memory(scn)]
    ok = sum(r.ok for r in results) / len(results)
    tp, fp, fn = _draft_counts(results)
    duplicates = sum(len(r.new_drafts) - len({d.key for d in r.new_drafts}) for r in results)
    failing = sorted({r.scenario for r in results if not r.ok})
    assert duplicates == 0
    assert tp / (tp + fp) >= DRAFT_FLOOR and tp / (tp + fn) >= DRAFT_FLOOR, (tp, fp, fn)
    assert ok >= STEP_FLOOR, f"{ok:.3f} of steps right; failing: {failing}"


def test_lookalike_inboxes_make_no_process_and_no_draft(corpus: list[Scenario]) -> None:
    for scn in corpus:
        if any(step.get("expect_processes") for step in scn.steps):
            continue
        for r in replay_memory(scn):
            assert r.extra_processes == [] and r.new_drafts == [], scn.name


@pytest.mark.parametrize("prefix", ["d01", "d05", "d17", "d29"])
def test_scenario_through_the_cli_on_dovecot(corpus: list[Scenario], prefix: str) -> None:
    if dovecot_binary() is None:
        pytest.skip("dovecot is not installed")
    (scn,) = [s for s in corpus if s.name.startswith(prefix)]
    results = replay_imap(scn)
    duplicates = sum(getattr(r, "duplicates", 0) for r in results)
    assert duplicates == 0
    bad = [
        (
            r.step,
            [c for c in r.process_checks if not c[1]],
            r.expected_drafts,
            [(d.kind, d.to) for d in r.new_drafts],
        )
        for r in results
        if not r.ok
    ]
    assert bad == []
