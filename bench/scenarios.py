"""Replay labelled scenarios through the whole product and print how well it does its job.

    python bench/scenarios.py [--split dev] [--backend imap|memory] [--only d05] [-v]

``imap`` (default) delivers each step's mail into a throwaway Dovecot and runs the real CLI
(`followup scan --as-of`, `followup status --json --as-of`), reading new drafts back from Drafts.
``memory`` runs the same services in-process on the in-memory backend (fast).

Prints: stage accuracy, next-action accuracy, decision-date accuracy, draft precision and recall
(kind and recipients), duplicate drafts (must be 0), processes created from look-alikes (must be 0).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "src"))

from tests.support.corpus import Scenario, scenarios, shared_dir  # noqa: E402
from tests.support.replay import (  # noqa: E402
    DraftSeen,
    StepResult,
    compare_step,
    config_text,
    header_date,
    new_tmp_dir,
    read_drafts,
)


def folder_of(rel: str) -> str:
    return "sent" if rel.lower().startswith("sent/") else "inbox"


def replay_memory(scn: Scenario) -> list[StepResult]:
    from followup.backends.memory import MemoryMailbox
    from followup.cli import parse_as_of
    from followup.config import parse_config
    from followup.services.scan import evaluate_all, scan
    from followup.services.views import status_json
    from followup.store import Store

    tmp = new_tmp_dir("followup-replay-")
    try:
        config = parse_config(config_text(scn, tmp / "store.sqlite"))
        store = Store.open(config.store_path)
        mailbox = MemoryMailbox("main")
        stored: dict[str, tuple[str, int]] = {}  # file -> (folder, index) for a later step's `mute`
        results = []
        seen = 0
        for i, step in enumerate(scn.steps):
            for rel in step.get("add", []):
                raw = scn.raw(rel)
                mailbox.add(folder_of(rel), raw, header_date(raw))
                stored[rel] = (folder_of(rel), len(mailbox.folders[folder_of(rel)]) - 1)
            for rel in step.get("mute", []):  # the user flags a message with the mute keyword
                folder, index = stored[rel]
                mailbox.folders[folder][index].keywords.add(config.policy.mute_keyword)
            now = parse_as_of(step["as_of"], config.identity.timezone)
            scan(config, store, now, factory=lambda _a: mailbox)
            status = status_json(evaluate_all(store, config, now), store, now, config.identity)
            drafts = read_drafts(mailbox.appended[seen:])
            seen = len(mailbox.appended)
            results.append(compare_step(scn, i, step, status, drafts))
        store.close()
        return results
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _cli(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "followup.cli", *args], env=env, capture_output=True, text=True, timeout=300
    )


def replay_imap(scn: Scenario) -> list[StepResult]:
    from followup.devserver import DevServer

    tmp = new_tmp_dir("followup-replay-")
    try:
        with DevServer(user=scn.user["email"], password="secret") as server:
            cfg = tmp / "config.toml"
            cfg.write_text(
                config_text(scn, tmp / "store.sqlite", host=server.host, port=server.port), "utf-8"
            )
            env = dict(os.environ, FOLLOWUP_CONFIG=str(cfg), PYTHONPATH=str(REPO / "src"))
            results = []
            seen_keys: list[str] = []
            for i, step in enumerate(scn.steps):
                for rel in step.get("add", []):
                    raw = scn.raw(rel)
                    server.deliver("Sent" if folder_of(rel) == "sent" else "INBOX", raw, header_date(raw))
                out = _cli(["scan", "--as-of", step["as_of"]], env)
                if out.returncode != 0:
                    print(f"  scan failed ({out.returncode}): {out.stderr.strip()[-500:]}", file=sys.stderr)
                st = _cli(["status", "--json", "--as-of", step["as_of"]], env)
                status = json.loads(st.stdout) if st.returncode == 0 else {"processes": []}
                drafts = _drafts_on_server(server)
                new = [d for d in drafts if d.key not in seen_keys]
                seen_keys.extend(d.key for d in new)
                # a key drafted twice shows up as two drafts with one key
                results.append(compare_step(scn, i, step, status, new))
                results[-1].duplicates = len(drafts) - len({d.key for d in drafts})  # type: ignore[attr-defined]
            return results
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _drafts_on_server(server) -> list[DraftSeen]:  # noqa: ANN001
    client = server.client()
    try:
        client.select_folder("Drafts", readonly=True)
        uids = client.search(["ALL"])
        raws = [v[b"BODY[]"] for _, v in sorted(client.fetch(uids, ["BODY.PEEK[]"]).items())] if uids else []
    finally:
        client.logout()
    return read_drafts(raws)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--backend", choices=("imap", "memory"), default="imap")
    ap.add_argument("--only", help="scenario name prefix")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if shared_dir() is None:
        print("no ../shared corpus found (set FOLLOWUP_SHARED): nothing to measure")
        return 0
    scns = [s for s in scenarios(args.split) if not args.only or s.name.startswith(args.only)]
    replay = replay_imap if args.backend == "imap" else replay_memory
    t0 = time.monotonic()
    checks = Counter()
    passed = Counter()
    tp = fp = fn = dup = 0
    steps_ok = 0
    steps = 0
    lookalike_processes = 0
    for scn in scns:
        results = replay(scn)
        bad = [r for r in results if not r.ok]
        print(f"{'ok  ' if not bad else 'FAIL'} {scn.name}: {len(results) - len(bad)}/{len(results)} steps")
        for r in results:
            steps += 1
            steps_ok += r.ok
            dup += getattr(r, "duplicates", 0) or len(r.new_drafts) - len({d.key for d in r.new_drafts})
            for what, ok, _ in r.process_checks:
                field = what.rsplit(": ", 1)[-1]
                checks[field] += 1
                passed[field] += ok
            exp = Counter(r.expected_drafts)
            got = Counter((d.kind, d.to) for d in r.new_drafts)
            tp += sum((exp & got).values())
            fp += sum((got - exp).values())
            fn += sum((exp - got).values())
            if not r.step_has_processes if hasattr(r, "step_has_processes") else False:
                pass
            if not scn.steps[r.step].get("expect_processes") and r.extra_processes:
                lookalike_processes += len(r.extra_processes)
            if args.verbose and not r.ok:
                print(f"   step {r.step} as_of {r.as_of}")
                for what, ok, detail in r.process_checks:
                    if not ok:
                        print(f"     {what}: {detail}")
                if not r.drafts_ok:
                    print(f"     drafts want {sorted(r.expected_drafts)}")
                    print(f"            got  {sorted((d.kind, d.to) for d in r.new_drafts)}")
                for extra in r.extra_processes:
                    print(f"     unexpected process: {extra}")
    secs = time.monotonic() - t0

    def pct(a: int, b: int) -> str:
        return f"{a / b:.3f} ({a}/{b})" if b else "n/a"

    print()
    print(f"scenarios: {len(scns)}  steps: {steps}  backend: {args.backend}  time: {secs:.1f}s")
    print(f"steps fully right:        {pct(steps_ok, steps)}")
    print(f"stage accuracy:           {pct(passed['stage'], checks['stage'])}")
    print(f"next-action accuracy:     {pct(passed['next_action'], checks['next_action'])}")
    print(f"decision-date accuracy:   {pct(passed['decision_expected_by'], checks['decision_expected_by'])}")
    print(f"processes found:          {pct(checks['stage'], checks['stage'] + checks['exists'])}")
    print(f"draft precision:          {pct(tp, tp + fp)}")
    print(f"draft recall:             {pct(tp, tp + fn)}")
    print(f"duplicate drafts:         {dup}")
    print(f"look-alike processes:     {lookalike_processes}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
