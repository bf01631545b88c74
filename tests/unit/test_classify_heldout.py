"""The classifier on the held-out sets written after it (tests/fixtures/heldout, heldout2 ... heldout10),
each labelled before it was first run on them. Figures, not a per-message oracle: a floor on kind accuracy and
facts, and the one hard rule that a look-alike never becomes hiring mail."""

from __future__ import annotations

import tomllib
from datetime import date, datetime
from pathlib import Path

import pytest

from followup.domain.classify import read
from followup.domain.company import company_key
from followup.domain.model import Identity, Kind, Reading
from followup.domain.parse import parse

ROOT = Path(__file__).resolve().parents[1] / "fixtures"
SETS = tuple(f"heldout{n}" for n in ("", 2, 3, 4, 5, 6, 7, 8, 9, 10))
# company names in thirteen languages, legal forms and public bodies: heldout8 is the hardest set (0.84)
COMPANY_FLOOR = {"heldout8": 0.80}
# interviewers named only in an earlier message of the thread (heldout9, heldout10) stay a known gap
INTERVIEWER_FLOOR = {"heldout9": 0.75, "heldout10": 0.80}


def _cases(name: str) -> list[tuple[dict[str, object], Reading]]:
    data = tomllib.loads((ROOT / name / "labels.toml").read_text("utf-8"))
    u = data["user"]
    user = Identity(u["name"], tuple(u["addresses"]), u["timezone"])
    return [(lab, read(parse((ROOT / name / lab["file"]).read_bytes()), user)) for lab in data["labels"]]


@pytest.fixture(scope="module", params=SETS)
def named_cases(request: pytest.FixtureRequest) -> tuple[str, list[tuple[dict[str, object], Reading]]]:
    return request.param, _cases(request.param)


@pytest.fixture
def cases(
    named_cases: tuple[str, list[tuple[dict[str, object], Reading]]],
) -> list[tuple[dict[str, object], Reading]]:
    return named_cases[1]


def test_heldout_kind_accuracy_stays_above_the_floor(cases: list[tuple[dict[str, object], Reading]]) -> None:
    wrong = [(lab["file"], lab["kind"], r.kind.value) for lab, r in cases if r.kind.value != lab["kind"]]
    assert len(cases) >= 30
    assert 1 - len(wrong) / len(cases) >= 0.95, wrong


def test_heldout_lookalikes_never_read_as_hiring(cases: list[tuple[dict[str, object], Reading]]) -> None:
    looks = [(lab, r) for lab, r in cases if lab["kind"] == "other" and not lab.get("company")]
    assert len(looks) >= 5
    assert [lab["file"] for lab, r in looks if r.kind is not Kind.OTHER] == []


def test_heldout_company_names_match_loosely(
    named_cases: tuple[str, list[tuple[dict[str, object], Reading]]],
) -> None:
    name, cases = named_cases
    ok = sum(company_key(str(lab.get("company", ""))) == company_key(r.company) for lab, r in cases)
    assert ok / len(cases) >= COMPANY_FLOOR.get(name, 0.85)


def test_heldout_interview_starts_and_decision_dates(cases: list[tuple[dict[str, object], Reading]]) -> None:
    starts = [(lab, r) for lab, r in cases if "interview_start" in lab]
    hit = sum(r.interview_start == datetime.fromisoformat(str(lab["interview_start"])) for lab, r in starts)
    assert starts and hit / len(starts) >= 0.9
    dated = [(lab, r) for lab, r in cases if "decision_expected_by" in lab]
    assert dated
    for lab, r in dated:
        want = str(lab["decision_expected_by"])  # "" labels a promise with no date
        assert r.decision_expected_by == (date.fromisoformat(want) if want else None), lab["file"]


def test_heldout_interviewer_sets_where_labelled(
    named_cases: tuple[str, list[tuple[dict[str, object], Reading]]],
) -> None:
    name, cases = named_cases
    labelled = [(lab, r) for lab, r in cases if "interviewers" in lab]
    hit = sum(
        {str(e).lower() for e in lab["interviewers"]} == {p.email for p in r.interviewers if p.email}  # type: ignore[attr-defined]
        for lab, r in labelled
    )
    assert not labelled or hit / len(labelled) >= INTERVIEWER_FLOOR.get(name, 0.9)
