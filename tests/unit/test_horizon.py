"""The horizon of track + policy: their answer at ``now`` holds for every instant in [now, changes_at).

A sweep walks each scenario's whole timeline from segment to segment (now -> changes_at -> ...) and
checks the start, the middle and the last microsecond of every segment; hypothesis adds random instants.
"""

from __future__ import annotations

import io
import tokenize
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup.domain.model import Signal
from followup.domain.policy import Evaluation, evaluate
from followup.domain.settings import PolicySettings
from followup.domain.track import track
from followup.domain.track_horizon import Horizon
from tests.support.corpus import Scenario, scenarios
from tests.support.oracle import build_signal, fixture_scenarios, user_of

S = PolicySettings()
_SCENARIOS = [*fixture_scenarios(), *scenarios("dev")]
TICK = timedelta(microseconds=1)


def _signals(sc: Scenario) -> list[Signal]:
    muted = {f for step in sc.steps for f in step.get("mute", [])}
    flag = frozenset({S.mute_keyword})
    out = []
    for lab in sc.labels:
        sig = build_signal(sc, lab)
        out.append(replace(sig, keywords=sig.keywords | flag) if lab["file"] in muted else sig)
    return out


def _answer(sc: Scenario, sigs: list[Signal], now: datetime | Horizon) -> list[Evaluation]:
    user = user_of(sc)
    clock = now if isinstance(now, Horizon) else Horizon(now)
    return [evaluate(p, user, S, clock) for p in track(sigs, user, S, clock)]


def _check_segment(sc: Scenario, sigs: list[Signal], now: datetime) -> datetime | None:
    clock = Horizon(now)
    here = _answer(sc, sigs, clock)
    end = clock.changes_at
    assert end is None or end > now
    last = end - TICK if end is not None else now + timedelta(days=3650)
    for probe in (now, now + (last - now) / 2, last):
        assert _answer(sc, sigs, probe) == here, f"{sc.name}: answer at {probe} differs from {now} (< {end})"
    return end


def test_horizon_records_only_instants_still_ahead() -> None:
    now = datetime.fromisoformat("2024-05-01T12:00:00+00:00")
    h = Horizon(now)
    assert h.passed(now) and h.passed(now - TICK)
    assert h.changes_at is None
    assert not h.passed(now + timedelta(days=2))
    assert h.ahead(now + timedelta(hours=3))
    assert not h.ahead(now - timedelta(hours=3))
    assert h.changes_at == now + timedelta(hours=3)


def test_horizon_refuses_a_naive_now() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        Horizon(datetime(2024, 5, 1, 12, 0))  # noqa: DTZ001 - the naive clock under test


@pytest.mark.parametrize("sc", _SCENARIOS, ids=[s.name for s in _SCENARIOS])
def test_answer_is_the_same_everywhere_before_changes_at_over_the_whole_timeline(sc: Scenario) -> None:
    sigs = _signals(sc)
    now: datetime | None = min(s.date for s in sigs) - timedelta(days=1)
    stop = max(s.date for s in sigs) + timedelta(days=120)
    segments = 0
    while now is not None and now < stop:
        now = _check_segment(sc, sigs, now)
        segments += 1
        assert segments < 2000, "the horizon does not move forward"
    # the timeline has more than one answer: each signal at least starts a new segment
    assert segments > len({s.date for s in sigs}) // 2


def test_answer_changes_somewhere_at_a_horizon_so_the_sweep_can_fail() -> None:
    # the sweep above must be able to fail: some segment boundary really changes the answer
    sc = _SCENARIOS[0]
    sigs = _signals(sc)
    now: datetime | None = min(s.date for s in sigs) - timedelta(days=1)
    changed = 0
    for _ in range(200):
        if now is None:
            break
        clock = Horizon(now)
        here = _answer(sc, sigs, clock)
        now = clock.changes_at
        if now is not None and _answer(sc, sigs, now) != here:
            changed += 1
    assert changed > 3


@settings(max_examples=60, deadline=None)
@given(
    which=st.integers(min_value=0, max_value=max(len(_SCENARIOS) - 1, 0)),
    at=st.floats(min_value=-0.1, max_value=1.3),
    part=st.floats(min_value=0.0, max_value=1.0),
)
def test_any_instant_before_changes_at_gives_the_same_processes_and_evaluations(
    which: int, at: float, part: float
) -> None:
    sc = _SCENARIOS[which]
    sigs = _signals(sc)
    first, last = min(s.date for s in sigs), max(s.date for s in sigs)
    now = first + (last - first) * at
    clock = Horizon(now)
    here = _answer(sc, sigs, clock)
    end = clock.changes_at if clock.changes_at is not None else now + timedelta(days=3650)
    later = now + (end - now) * part
    if later >= end:
        later = end - TICK
    assert _answer(sc, sigs, later) == here


def _now_names(path: Path) -> list[int]:
    toks = tokenize.generate_tokens(io.StringIO(path.read_text("utf-8")).readline)
    return [t.start[0] for t in toks if t.type == tokenize.NAME and t.string == "now"]


def test_track_and_policy_read_the_clock_only_through_the_horizon() -> None:
    # every comparison with now must go through Horizon.passed/ahead: ``now`` may only be the public
    # parameter of track()/evaluate() and the argument that turns it into a Horizon
    domain = Path(track.__code__.co_filename).parent
    files = sorted([*domain.glob("track*.py"), *domain.glob("policy*.py")])
    uses = {f.name: len(_now_names(f)) for f in files if f.name != "track_horizon.py"}
    assert uses == {f: (2 if f in ("track.py", "policy.py") else 0) for f in uses}
