"""The held-out scenarios of tests/fixtures/scenarios replayed through the whole product.

Every scenario runs in-process on the in-memory backend (parse, classify, track, policy, compose, the
drafts ledger), step by step as bench/scenarios.py does; a few run through the real CLI against a real
Dovecot. A step's ``mute`` flags messages with the mute keyword before its scan, as a user would in
their mail client. These scenarios ship with the repo: nothing here needs ../shared.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from bench.scenarios import REPO, folder_of, replay_memory

from followup.devserver import DevServer, dovecot_binary
from tests.support.corpus import Scenario
from tests.support.oracle import fixture_scenarios
from tests.support.replay import StepResult, compare_step, config_text, header_date, new_tmp_dir, read_drafts

MUTE = "followup-mute"  # the default [policy] mute_keyword
STEP_FLOOR = 0.90  # share of held-out steps entirely right (85/90 today; the misses are misread mail)
DRAFT_FLOOR = 0.95  # draft precision and recall (kind + recipients)
SCENARIOS = fixture_scenarios()
# s17 onwards: the second batch, written after the first passed. First run 59/93 steps (misread messages
# and the replay's comparator); after classifier round 8, 89/93 (drafts 22 right, 1 extra, 1 missing: the
# German promise in s21 without its date). Floors sit just under that.
SECOND_BATCH = 17
SECOND_STEP_FLOOR = 0.98  # 93/93 after round 9 (the German promise's date)
SECOND_DRAFT_PRECISION_FLOOR, SECOND_DRAFT_RECALL_FLOOR = 0.95, 0.95
# s30 onwards: the third batch (15 scenarios, 74 steps). First run 63/74 (label oracle 73/74: a recruiter who
# left the employer counted as its word, fixed in track/policy); the 11 steps still missed are misread mail
# (s30 company spelling, s32 company + an invite read as other, s40 an interviewer's address). Drafts 26 right,
# 0 extra, 1 missing. Now 68/74 (s30's umlaut spelling fixed); floors sit just under that.
THIRD_BATCH = 30
THIRD_STEP_FLOOR = 0.90
THIRD_DRAFT_PRECISION_FLOOR, THIRD_DRAFT_RECALL_FLOOR = 1.0, 0.96


def _batch(second: bool, third: bool = False) -> list[Scenario]:
    def number(s: Scenario) -> int:
        return int(s.name[1:3])

    if third:
        return [s for s in SCENARIOS if number(s) >= THIRD_BATCH]
    return [s for s in SCENARIOS if number(s) < THIRD_BATCH and (number(s) >= SECOND_BATCH) == second]


def _replay(scn: Scenario) -> list[StepResult]:
    return replay_memory(scn)  # honours a step's `mute` (the keyword set on delivered messages)


def _explain(results: list[StepResult]) -> str:
    lines = []
    for r in results:
        if r.ok:
            continue
        bad = [f"{what}: {detail}" for what, ok, detail in r.process_checks if not ok]
        if not r.drafts_ok:
            bad.append(
                f"drafts want {sorted(r.expected_drafts)} got {sorted((d.kind, d.to) for d in r.new_drafts)}"
            )
        bad += [f"unexpected process {e}" for e in r.extra_processes]
        lines.append(f"{r.scenario} step {r.step} ({r.as_of}): " + "; ".join(bad))
    return "\n".join(lines)


def test_there_are_at_least_twelve_held_out_scenarios() -> None:
    assert len(SCENARIOS) >= 12
    for scn in SCENARIOS:
        assert scn.steps and all(step["as_of"] for step in scn.steps), scn.name


def _floors(scns: list[Scenario], step_floor: float, precision_floor: float, recall_floor: float) -> None:
    results = [r for scn in scns for r in _replay(scn)]
    ok = sum(r.ok for r in results) / len(results)
    tp = fp = fn = 0
    for r in results:
        exp, got = Counter(r.expected_drafts), Counter((d.kind, d.to) for d in r.new_drafts)
        tp, fp, fn = (
            tp + sum((exp & got).values()),
            fp + sum((got - exp).values()),
            fn + sum((exp - got).values()),
        )
    duplicates = sum(len(r.new_drafts) - len({d.key for d in r.new_drafts}) for r in results)
    assert duplicates == 0
    assert tp / (tp + fp) >= precision_floor and tp / (tp + fn) >= recall_floor, (
        tp,
        fp,
        fn,
        _explain(results),
    )
    assert ok >= step_floor, f"{ok:.3f} of steps right\n" + _explain(results)


def test_held_out_scenarios_in_memory_meet_the_floors() -> None:
    _floors(_batch(second=False), STEP_FLOOR, DRAFT_FLOOR, DRAFT_FLOOR)


def test_second_batch_of_held_out_scenarios_in_memory_meets_its_floors() -> None:
    scns = _batch(second=True)
    assert len(scns) >= 12
    _floors(scns, SECOND_STEP_FLOOR, SECOND_DRAFT_PRECISION_FLOOR, SECOND_DRAFT_RECALL_FLOOR)


def test_third_batch_of_held_out_scenarios_in_memory_meets_its_floors() -> None:
    scns = _batch(second=False, third=True)
    assert len(scns) >= 12
    _floors(scns, THIRD_STEP_FLOOR, THIRD_DRAFT_PRECISION_FLOOR, THIRD_DRAFT_RECALL_FLOOR)


@pytest.mark.parametrize(
    "prefix",
    ["s02", "s05", "s06", "s07", "s08", "s10", "s11", "s13", "s14", "s15", "s16"]
    + ["s18", "s24", "s26", "s27", "s29"]
    + ["s31", "s33", "s34", "s35", "s36", "s37", "s38", "s39", "s41", "s42", "s43", "s44"],
)
def test_held_out_scenario_is_entirely_right_in_memory(prefix: str) -> None:
    # the scenarios whose every message the classifier reads right today: tracking and policy regressions
    (scn,) = [s for s in SCENARIOS if s.name.startswith(prefix)]
    results = _replay(scn)
    assert all(r.ok for r in results), _explain(results)


def test_a_muted_process_gets_no_draft_while_its_neighbour_does() -> None:
    (scn,) = [s for s in SCENARIOS if s.name.startswith("s13")]
    results = replay_memory(scn)
    drafted = [d for r in results for d in r.new_drafts]
    assert [(d.kind, d.to) for d in drafted] == [("thank_you", ("thomas.keller@alpenrose-pharma.de",))]
    # and without the keyword the same history does draft for Lindenhof: the test can fail
    unmuted = Scenario(scn.name, scn.path, {**scn.data, "steps": [dict(s, mute=[]) for s in scn.steps]})
    assert any("lindenhof" in d.to[0] for r in replay_memory(unmuted) for d in r.new_drafts)


def _cli(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "followup.cli", *args], env=env, capture_output=True, text=True, timeout=300
    )


def replay_dovecot(scn: Scenario) -> tuple[list[StepResult], int]:
    """The real CLI against Dovecot; a step's ``mute`` sets the IMAP keyword on the delivered message."""
    tmp = new_tmp_dir("followup-fixture-imap-")
    try:
        with DevServer(user=scn.user["email"], password="secret") as server:
            cfg = tmp / "config.toml"
            cfg.write_text(
                config_text(scn, tmp / "store.sqlite", host=server.host, port=server.port), "utf-8"
            )
            env = dict(os.environ, FOLLOWUP_CONFIG=str(cfg), PYTHONPATH=str(REPO / "src"))
            results, seen, duplicates = [], set(), 0
            for i, step in enumerate(scn.steps):
                for rel in step.get("add", []):
                    raw = scn.raw(rel)
                    server.deliver("Sent" if folder_of(rel) == "sent" else "INBOX", raw, header_date(raw))
                for rel in step.get("mute", []):
                    _flag(server, scn.raw(rel), "Sent" if folder_of(rel) == "sent" else "INBOX")
                out = _cli(["scan", "--as-of", step["as_of"]], env)
                assert out.returncode == 0, out.stderr[-500:]
                st = _cli(["status", "--json", "--as-of", step["as_of"]], env)
                status = json.loads(st.stdout)
                drafts = read_drafts(_folder_raws(server, "Drafts"))
                new = [d for d in drafts if d.key not in seen]
                seen |= {d.key for d in new}
                duplicates = max(duplicates, len(drafts) - len({d.key for d in drafts}))
                results.append(compare_step(scn, i, step, status, new))
            return results, duplicates
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _folder_raws(server: DevServer, folder: str) -> list[bytes]:
    client = server.client()
    try:
        client.select_folder(folder, readonly=True)
        uids = client.search(["ALL"])
        return [v[b"BODY[]"] for _, v in sorted(client.fetch(uids, ["BODY.PEEK[]"]).items())] if uids else []
    finally:
        client.logout()


def _flag(server: DevServer, raw: bytes, folder: str) -> None:
    import email

    mid = email.message_from_bytes(raw)["Message-ID"].strip()
    client = server.client()
    try:
        client.select_folder(folder)
        uids = client.search(["HEADER", "Message-ID", mid])
        assert uids, mid
        client.add_flags(uids, [MUTE.encode()])
    finally:
        client.logout()


@pytest.mark.parametrize("prefix", ["s01", "s10", "s13", "s29", "s43", "s44"])
def test_held_out_scenario_through_the_cli_on_dovecot(prefix: str) -> None:
    if dovecot_binary() is None:
        pytest.skip("dovecot is not installed")
    (scn,) = [s for s in SCENARIOS if s.name.startswith(prefix)]
    results, duplicates = replay_dovecot(scn)
    assert duplicates == 0
    assert all(r.ok for r in results), _explain(results)


def test_fixture_folder_is_where_the_loader_looks() -> None:
    assert all(Path(s.path).parent.name == "scenarios" for s in SCENARIOS)
