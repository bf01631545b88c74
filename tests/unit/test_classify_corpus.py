"""Regression floor on the labelled dev corpus (skips when ../shared is absent)."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.support.corpus import Scenario

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import accuracy  # noqa: E402


def test_dev_corpus_stays_above_the_floor(corpus: list[Scenario]) -> None:
    cases = list(accuracy.corpus_cases("dev"))
    assert len(cases) >= 200
    out = accuracy.evaluate(cases)
    assert out["macro_f1"] >= 0.97
    assert out["accuracy"] >= 0.97
    assert out["lookalikes_as_hiring"] == 0
    assert out["company"] >= 0.82
    assert out["role"] >= 0.93
    assert out["starts"] >= 0.95
    assert out["dates"] >= 0.9
