"""How fast a scan is against what IMAP itself costs: the product side by side with the raw floor.

    /work/venv/bin/python bench/scan.py --sizes 10000,100000

For each size: a throwaway Dovecot is seeded (MULTIAPPEND) with a generated mailbox (``bench/mailgen``:
~2% hiring mail over a year, newsletters, notifications, receipts, personal threads with attachments,
sent mail), then, each in a fresh child process (honest peak RSS):

(a) floor   a bare imapclient script fetching exactly what the product needs: the same SEARCH, headers
            (with size, date, flags) for every message in the window, bodies for the same messages;
(b) first   the product's first scan (``followup.services.scan.scan``, everything it does);
(c) idle    a scan with no new mail (floor: log in, open both folders, log out): it reuses the first
            scan's evaluation; then the same with the clock at that evaluation's ``changes_at`` (the
            evaluation must be recomputed: what a no-change scan costs when a due time was crossed);
(d) +100    a scan after 100 new messages (floor: the same fetches for those 100).

Prints seconds, ratio to the floor, messages per second and peak RSS, the time a scan spends in each
step, how many bodies the prefilter spared, and parse + classify throughput on one core.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "src"))

from bench.mailgen import END, USER_ADDRESS, USER_NAME, Mail, generate  # noqa: E402

PASSWORD = "bench-password"  # noqa: S105 - a throwaway local server
AS_OF = END + timedelta(hours=1)
LOOKBACK_DAYS = 366  # the whole generated year is in the first scan's window
BATCH = 200
NEW = 100


def children_peak_rss_mb() -> float:
    """The largest peak RSS of this process's finished children (the scan's worker processes)."""
    import resource

    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


# -- children (run in a fresh interpreter each) -----------------------------------------------------


def child_floor(port: int, plan: dict[str, Any]) -> dict[str, Any]:
    """The raw floor: the product's fetch plan with nothing else (the wanted UIDs are known)."""
    import imapclient

    started = time.perf_counter()
    client = imapclient.IMAPClient("127.0.0.1", port, ssl=False, timeout=60)
    client.login(USER_ADDRESS, PASSWORD)
    headers = bodies = 0
    for folder, spec in plan.items():
        client.select_folder(folder, readonly=True)
        if spec is None:  # a no-change scan: open the folder, nothing else
            continue
        wanted = set(spec["wanted"])
        criteria: list[Any] = ["UID", f"{spec['from_uid']}:*"]
        if spec.get("since"):
            criteria += ["SINCE", datetime.fromisoformat(spec["since"]).date()]
        uids = sorted(u for u in client.search(criteria) if u >= spec["from_uid"])
        for start in range(0, len(uids), BATCH):
            chunk = uids[start : start + BATCH]
            heads = client.fetch(chunk, ["RFC822.SIZE", "INTERNALDATE", "FLAGS", "BODY.PEEK[HEADER]"])
            headers += len(heads)
            todo = [u for u in chunk if u in wanted]
            if todo:
                bodies += len(client.fetch(todo, ["BODY.PEEK[]"]))
    client.logout()
    return {
        "seconds": time.perf_counter() - started,
        "rss_mb": peak_rss_mb(),
        "headers": headers,
        "bodies": bodies,
    }


def child_scan(config_path: str, as_of: str = "") -> dict[str, Any]:
    """The product's scan, with the time spent in each of its steps."""
    from followup.backends import imap
    from followup.config import load_config
    from followup.services import scan as scan_module
    from followup.store import Store

    steps: dict[str, float] = {}

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                steps[name] = steps.get(name, 0.0) + time.perf_counter() - t

        return wrapper

    scan_module.sync_account = timed("sync", scan_module.sync_account)  # type: ignore[assignment]
    scan_module.evaluate_until = timed("track+policy", scan_module.evaluate_until)  # type: ignore[assignment]
    scan_module.draft_due = timed("draft_due", scan_module.draft_due)  # type: ignore[assignment]
    scan_module.remove_pointless = timed("remove_pointless", scan_module.remove_pointless)  # type: ignore[assignment]
    imap.ImapMailbox.connect = timed("connect+login", imap.ImapMailbox.connect)  # type: ignore[method-assign]
    imap.ImapMailbox.muted_refs = timed("muted_refs", imap.ImapMailbox.muted_refs)  # type: ignore[method-assign]
    imap.ImapMailbox.mute_state = timed("mute_state", imap.ImapMailbox.mute_state)  # type: ignore[method-assign]
    scan_module.reusable = timed("reusable?", scan_module.reusable)  # type: ignore[assignment]
    imap.ImapMailbox.find_drafted = timed("find_drafted", imap.ImapMailbox.find_drafted)  # type: ignore[method-assign]
    Store.set_keywords = timed("store.set_keywords", Store.set_keywords)  # type: ignore[method-assign]
    Store.signals = timed("store.signals", Store.signals)  # type: ignore[method-assign]
    Store.commit_batch = timed("store.commit_batch", Store.commit_batch)  # type: ignore[method-assign]

    config = load_config(Path(config_path))
    store = Store.open(config.store_path)
    started = time.perf_counter()
    result = scan_module.scan(config, store, datetime.fromisoformat(as_of) if as_of else AS_OF)
    seconds = time.perf_counter() - started
    store.close()
    sync = result.syncs[0] if result.syncs else None
    return {
        "seconds": seconds,
        "rss_mb": peak_rss_mb(),
        "worker_rss_mb": children_peak_rss_mb(),
        "unparsed": sync.unparsed if sync else 0,
        "steps": steps,
        "fetched": sync.fetched if sync else 0,
        "kept": sync.kept if sync else 0,
        "declined": sync.declined if sync else 0,
        "errors": result.errors,
        "reused": result.reused,
        "changes_at": result.changes_at.isoformat() if result.changes_at else "",
    }


def run_floor(port: int, plan: dict[str, Any], work: Path) -> dict[str, Any]:
    path = work / "plan.json"  # a 100,000-message plan is too long for a command line
    path.write_text(json.dumps(plan), "utf-8")
    return run_child("floor", str(port), str(path))


def run_child(*args: str) -> dict[str, Any]:
    out = subprocess.run(  # noqa: S603
        [sys.executable, __file__, "--child", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=3600,
    )
    if out.returncode != 0:
        raise SystemExit(f"child {args[0]} failed:\n{out.stderr[-3000:]}")
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


# -- the parent -------------------------------------------------------------------------------------


def seed(server: Any, mails: Iterable[Mail], chunk: int = 500) -> dict[str, list[Mail]]:
    """MULTIAPPEND in chunks; returns each folder's messages in UID order (a fresh server numbers from 1)."""
    client = server.client()
    by_folder: dict[str, list[Mail]] = {"INBOX": [], "Sent": []}
    pending: dict[str, list[Mail]] = {"INBOX": [], "Sent": []}

    def flush(folder: str) -> None:
        if pending[folder]:
            client.multiappend(folder, [{"msg": m.raw, "date": m.when} for m in pending[folder]])
            pending[folder] = []

    for mail in mails:
        by_folder[mail.folder].append(mail)
        pending[mail.folder].append(mail)
        if len(pending[mail.folder]) >= chunk:
            flush(mail.folder)
    for folder in pending:
        flush(folder)
    client.logout()
    return by_folder


def wanted_uids(mails: list[Mail], first_uid: int) -> list[int]:
    from followup.domain.prefilter import wants_body

    role = "sent" if mails and mails[0].folder == "Sent" else "inbox"
    return [first_uid + i for i, m in enumerate(mails) if wants_body(role, m.raw, {USER_ADDRESS})]


def classification_rate(mails: list[Mail], limit: int = 2_000) -> float:
    from followup.domain.classify import read
    from followup.domain.model import Identity
    from followup.domain.parse import parse

    user = Identity(USER_NAME, (USER_ADDRESS,), "Europe/Berlin")
    sample = mails[:limit]
    started = time.perf_counter()
    for mail in sample:
        read(parse(mail.raw), user)
    return len(sample) / (time.perf_counter() - started)


def pipeline_rate(mails: list[Mail], limit: int = 2_000) -> float:
    """What a scan does with a fetched body, on one core: the pre-parse gate, then parse + classify."""
    from followup.backends.base import Fetched
    from followup.domain.model import Identity
    from followup.services.reading import read_one

    user = Identity(USER_NAME, (USER_ADDRESS,), "Europe/Berlin")
    sample = [
        Fetched(ref=f"x:1:{i}", folder="sent" if m.folder == "Sent" else "inbox", raw=m.raw, size=len(m.raw))
        for i, m in enumerate(mails[:limit])
    ]
    started = time.perf_counter()
    for fetched in sample:
        read_one(fetched, "bench", user, AS_OF)
    return len(sample) / (time.perf_counter() - started)


def config_text(port: int, store: Path) -> str:
    return f"""[identity]
name = "{USER_NAME}"
addresses = ["{USER_ADDRESS}"]
timezone = "Europe/Berlin"

[[accounts]]
name = "bench"
backend = "imap"
host = "127.0.0.1"
port = {port}
security = "plain"
username = "{USER_ADDRESS}"
password_command = "echo {PASSWORD}"
lookback_days = {LOOKBACK_DAYS}
batch_size = {BATCH}

[store]
path = "{store}"
"""


def bench_size(size: int, seed_value: int) -> dict[str, Any]:
    from followup.devserver import DevServer
    from followup.domain.prefilter import wants_body

    work = Path(tempfile.mkdtemp(prefix="followup-bench-"))
    all_mail = list(generate(size + NEW, seed=seed_value))
    old, new = all_mail[:size], all_mail[size:]
    row: dict[str, Any] = {"size": size, "mbytes": sum(len(m.raw) for m in old) / 1e6}
    with DevServer(user=USER_ADDRESS, password=PASSWORD) as server:
        t = time.perf_counter()
        folders = seed(server, old)
        row["seed_seconds"] = time.perf_counter() - t
        since = (AS_OF - timedelta(days=LOOKBACK_DAYS)).isoformat()
        plan = {
            f: {"from_uid": 1, "since": since, "wanted": wanted_uids(mails, 1)}
            for f, mails in folders.items()
        }
        row["bodies_wanted"] = sum(len(p["wanted"]) for p in plan.values())
        (work / "config.toml").write_text(config_text(server.port, work / "store.sqlite"), "utf-8")
        cfg = str(work / "config.toml")
        row["floor"] = run_floor(server.port, plan, work)
        row["first"] = run_child("scan", cfg)
        idle_plan = dict.fromkeys(folders)
        row["idle_floor"] = run_floor(server.port, idle_plan, work)
        row["idle"] = run_child("scan", cfg)
        if row["idle"]["changes_at"]:
            row["idle_due"] = run_child("scan", cfg, row["idle"]["changes_at"])
        new_by_folder = {f: [m for m in new if m.folder == f] for f in folders}
        seed(server, new)
        plan_new = {
            f: {"from_uid": len(folders[f]) + 1, "wanted": wanted_uids(new_by_folder[f], len(folders[f]) + 1)}
            for f in folders
        }
        row["new_floor"] = run_floor(server.port, plan_new, work)
        row["new"] = run_child("scan", cfg)
    shutil.rmtree(work, ignore_errors=True)
    candidates = [
        m for m in old if wants_body("sent" if m.folder == "Sent" else "inbox", m.raw, {USER_ADDRESS})
    ]
    row["classify_all"] = classification_rate(old)
    row["classify_candidates"] = classification_rate(candidates)
    row["pipeline_candidates"] = pipeline_rate(candidates)
    return row


def report(row: dict[str, Any]) -> str:
    size = row["size"]
    lines = [
        f"## {size:,} messages ({row['mbytes']:.0f} MB; seeded in {row['seed_seconds']:.1f} s)",
        f"prefilter: bodies fetched for {row['bodies_wanted']:,} of {size:,} "
        f"({100 * (1 - row['bodies_wanted'] / size):.0f}% spared)",
        "",
        "| run | seconds | floor s | ratio | msgs/s | peak RSS MB |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, key, floor_key, count in (
        ("first scan", "first", "floor", size),
        ("no new mail", "idle", "idle_floor", 0),
        ("no new mail, a due time crossed", "idle_due", "idle_floor", 0),
        (f"{NEW} new messages", "new", "new_floor", NEW),
    ):
        if key not in row:
            continue
        run, floor = row[key], row[floor_key]
        rate = f"{count / run['seconds']:,.0f}" if count else "-"
        lines.append(
            f"| {name} | {run['seconds']:.2f} | {floor['seconds']:.2f} | {run['seconds'] / floor['seconds']:.2f} "
            f"| {rate} | {run['rss_mb']:.0f} (floor {floor['rss_mb']:.0f}) |"
        )
    lines.append("")
    for key in ("first", "idle", "idle_due", "new"):
        if key not in row:
            continue
        steps = ", ".join(f"{k} {v:.3f}" for k, v in sorted(row[key]["steps"].items(), key=lambda kv: -kv[1]))
        lines.append(f"- {key}: fetched {row[key]['fetched']}, declined {row[key]['declined']}, "
                     f"not parsed (no hiring word) {row[key].get('unparsed', 0)}, kept {row[key]['kept']}, "
                     f"worker peak RSS {row[key].get('worker_rss_mb', 0):.0f} MB, evaluation reused "
                     f"{row[key].get('reused')}; seconds in: {steps}")  # fmt: skip
    lines.append(
        f"- parse + classify, one core: {row['classify_all']:,.0f} msgs/s over all mail, "
        f"{row['classify_candidates']:,.0f} msgs/s over the mail the prefilter keeps; with the pre-parse "
        f"gate first (what a scan does): {row['pipeline_candidates']:,.0f} msgs/s over the mail the prefilter keeps"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", help="also write the raw figures to this file")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        kind, *rest = args.child
        if kind == "floor":
            out = child_floor(int(rest[0]), json.loads(Path(rest[1]).read_text("utf-8")))
        else:
            out = child_scan(*rest)
        print(json.dumps(out))
        return 0
    rows = []
    print(
        f"# followup scan benchmark ({datetime.now(UTC):%Y-%m-%d}, {os.cpu_count()} CPUs, loopback Dovecot)"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        row = bench_size(size, args.seed)
        rows.append(row)
        print(report(row), flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
