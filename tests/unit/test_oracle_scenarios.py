"""Replays every scenario through track + evaluate with Signals built from the labels (no classifier).

Each scenario's steps must give the expected processes (company, role, stage, decision date, next action)
and exactly the expected new drafts (kind and recipients). The dev scenarios are skipped when ../shared is
absent; the held-out ones in tests/fixtures/scenarios always run.
"""

from __future__ import annotations

import pytest

from followup.domain.settings import PolicySettings
from tests.support.corpus import Scenario, scenarios
from tests.support.oracle import fixture_scenarios, replay

_NAMES = [s.name for s in scenarios("dev")] or ["(corpus absent)"]


def _get(corpus: list[Scenario], name: str) -> Scenario:
    return next(s for s in corpus if s.name == name)


@pytest.mark.parametrize("name", _NAMES)
def test_scenario_steps_match_expected_processes_and_new_drafts(corpus: list[Scenario], name: str) -> None:
    result = replay(_get(corpus, name))
    problems = [f"step {s.index} ({s.as_of}): {p}" for s in result.steps for p in s.problems]
    assert not problems, f"{name}: {result.passed}/{len(result.steps)} steps pass\n" + "\n".join(problems)


def test_pass_rate_over_all_dev_scenarios_is_reported_and_complete(
    corpus: list[Scenario], capsys: pytest.CaptureFixture[str]
) -> None:
    results = [replay(sc) for sc in corpus]
    with capsys.disabled():
        steps = sum(len(r.steps) for r in results)
        passed = sum(r.passed for r in results)
        print(f"\noracle: {sum(r.ok for r in results)}/{len(results)} scenarios, {passed}/{steps} steps")
    assert all(r.ok for r in results)


def test_oracle_detects_a_wrong_policy_number(corpus: list[Scenario]) -> None:
    # The oracle must be able to fail: a 3 h thank-you delay breaks the end+2h expectations.
    wrong = PolicySettings(thank_you_delay_hours=3.0)
    assert not all(replay(sc, wrong).ok for sc in corpus)


_HELD_OUT = fixture_scenarios()


@pytest.mark.parametrize("scn", _HELD_OUT, ids=[s.name for s in _HELD_OUT])
def test_held_out_scenario_steps_match_from_the_labels(scn: Scenario) -> None:
    result = replay(scn)
    problems = [f"step {s.index} ({s.as_of}): {p}" for s in result.steps for p in s.problems]
    assert not problems, f"{scn.name}: {result.passed}/{len(result.steps)} steps pass\n" + "\n".join(problems)


def test_oracle_honours_a_steps_mute() -> None:
    # without the keyword the muted process of s13 would be drafted for: the mute is what stops it
    (scn,) = [s for s in _HELD_OUT if s.name.startswith("s13")]
    unmuted = Scenario(scn.name, scn.path, {**scn.data, "steps": [dict(s, mute=[]) for s in scn.steps]})
    assert replay(scn).ok and not replay(unmuted).ok
