"""A scan with nothing new reuses the last evaluation; anything that could change it recomputes.

On the in-memory backend with a real SQLite store; the shipped sample mailbox (two processes: a thank-you
due after an interview that ends on 2026-03-10 at 18:00Z, a decision follow-up due 2026-03-13 09:00).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from followup.backends.memory import MemoryMailbox
from followup.cli import parse_as_of
from followup.config import Config, parse_config
from followup.demo import DEMO_AS_OF, sample_messages
from followup.errors import MailboxError
from followup.services import scan as scan_module
from followup.services.scan import ScanResult, scan
from followup.store import MIGRATIONS, ActionRecord, Store
from tests.support.replay import header_date
from tests.support.sample_env import config_text

LATE = parse_as_of(DEMO_AS_OF, "UTC")  # both drafts due
EARLY = LATE - timedelta(days=3)  # 2026-03-10 10:00 EDT: the interview has not ended yet
FOLDER = {"INBOX": "inbox", "Sent": "sent"}


@dataclass
class World:
    config: Config
    store: Store
    mailbox: MemoryMailbox
    calls: dict[str, int]  # how often scan called track

    def scan(self, now: datetime, **kw: Any) -> ScanResult:
        return scan(self.config, self.store, now, factory=lambda _acct: self.mailbox, **kw)


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    cfg = parse_config(config_text(port=1, store=tmp_path / "s.sqlite"), tmp_path / "c.toml")
    mailbox = MemoryMailbox("demo")
    for box, _name, raw in sample_messages():
        mailbox.add(FOLDER[box], raw, header_date(raw))
    calls = {"track": 0}
    real_track = scan_module.track

    def counting_track(*args: Any, **kwargs: Any) -> Any:
        calls["track"] += 1
        return real_track(*args, **kwargs)

    monkeypatch.setattr(scan_module, "track", counting_track)
    store = Store.open(cfg.store_path)
    try:
        yield World(cfg, store, mailbox, calls)
    finally:
        store.close()


def _drafted(w: World) -> list[str]:
    return sorted(r.kind for r in w.store.actions() if r.state == "drafted")


def test_no_change_scan_after_a_full_scan_does_not_track(world: World) -> None:
    first = world.scan(EARLY)
    assert not first.reused and world.calls["track"] == 1
    again = world.scan(EARLY + timedelta(hours=1))
    assert again.reused and again.ok
    assert world.calls["track"] == 1  # track was not called
    assert again.changes_at == first.changes_at == datetime.fromisoformat("2026-03-10T18:00:00+00:00")


def test_scan_that_crosses_a_due_time_recomputes_and_drafts_the_due_draft(world: World) -> None:
    world.scan(EARLY)
    world.scan(EARLY + timedelta(hours=1))
    assert _drafted(world) == []
    late = world.scan(LATE)
    assert not late.reused
    assert sorted(o.kind for o in late.drafts.outcomes if o.state == "drafted") == [
        "decision_follow_up",
        "thank_you",
    ]
    assert len(world.mailbox.folders["drafts"]) == 2
    after = world.scan(LATE + timedelta(minutes=5))
    assert after.reused and len(world.mailbox.folders["drafts"]) == 2  # nothing drafted twice


def test_scan_at_an_earlier_as_of_recomputes(world: World) -> None:
    world.scan(LATE)
    calls = world.calls["track"]
    past = world.scan(LATE - timedelta(hours=1))
    assert not past.reused and world.calls["track"] == calls + 1


@pytest.mark.parametrize(
    "change",
    ["new_mail", "note", "mute_process", "mute_keyword", "policy", "ledger"],
)
def test_any_changed_input_recomputes(world: World, change: str) -> None:
    world.scan(EARLY)
    assert world.scan(EARLY).reused
    calls = world.calls["track"]
    if change == "new_mail":
        raw = next(raw for box, _n, raw in sample_messages() if box == "INBOX")
        world.mailbox.add("inbox", raw.replace(b"Message-ID: <", b"Message-ID: <again-", 1), EARLY)
    elif change == "note":
        world.store.add_note("lumen-robotics-x", "bring the portfolio", EARLY)
    elif change == "mute_process":
        world.store.set_muted("lumen-robotics-x", True)
    elif change == "mute_keyword":
        for stored in world.mailbox.folders["inbox"]:
            stored.keywords.add(world.config.policy.mute_keyword)
    elif change == "policy":
        world.config = replace(world.config, policy=replace(world.config.policy, thank_you_delay_hours=3.0))
    elif change == "ledger":
        # the ledger written by someone else than this scan's drafting
        world.store.record_action(ActionRecord("k", "check_in", "p", "demo", "skipped"))
    result = world.scan(EARLY + timedelta(minutes=1))
    assert not result.reused
    assert world.calls["track"] == calls + 1


def test_failed_drafting_is_never_reused(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    world.scan(EARLY)
    real = MemoryMailbox.append_draft

    def failing(self: MemoryMailbox, raw: bytes) -> str:
        raise MailboxError("the server went away")

    monkeypatch.setattr(MemoryMailbox, "append_draft", failing)
    failed = world.scan(LATE)
    assert "drafts" in failed.errors and not failed.reused
    assert world.store.evaluation_cache() is None
    monkeypatch.setattr(MemoryMailbox, "append_draft", real)
    retried = world.scan(LATE)
    assert not retried.reused and retried.ok
    assert sorted(o.kind for o in retried.drafts.outcomes if o.state == "drafted") == [
        "decision_follow_up",
        "thank_you",
    ]


class Crash(BaseException):
    """A process killed between drafting and saving what the evaluation rested on."""


def test_crash_after_drafting_before_the_cache_is_saved_skips_nothing(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    world.scan(EARLY)
    assert world.store.evaluation_cache() is not None

    def crash(self: Store, cache: object) -> bool:
        raise Crash

    monkeypatch.setattr(Store, "save_evaluation_cache", crash)
    with pytest.raises(Crash):
        world.scan(LATE)
    monkeypatch.undo()
    # the drafts were appended, but no cache claims they rest on anything: the next scan recomputes
    assert len(world.mailbox.folders["drafts"]) == 2
    assert world.store.evaluation_cache() is None
    next_scan = scan(world.config, world.store, LATE, factory=lambda _a: world.mailbox)
    assert not next_scan.reused and next_scan.ok
    assert len(world.mailbox.folders["drafts"]) == 2  # and drafts nothing twice


def test_crash_in_the_middle_of_drafting_leaves_no_cache(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    world.scan(EARLY)
    appended: list[bytes] = []
    real = MemoryMailbox.append_draft

    def once_then_crash(self: MemoryMailbox, raw: bytes) -> str:
        if appended:
            raise Crash
        appended.append(raw)
        return real(self, raw)

    monkeypatch.setattr(MemoryMailbox, "append_draft", once_then_crash)
    with pytest.raises(Crash):
        world.scan(LATE)
    monkeypatch.undo()
    assert world.store.evaluation_cache() is None
    again = scan(world.config, world.store, LATE, factory=lambda _a: world.mailbox)
    assert not again.reused
    assert len(world.mailbox.folders["drafts"]) == 2


def test_a_dry_run_neither_writes_nor_clears_the_cache(world: World) -> None:
    world.scan(EARLY)
    before = world.store.evaluation_cache()
    dry = world.scan(LATE, dry_run=True)
    assert not dry.reused and dry.drafts.count("would_draft") == 2
    assert world.store.evaluation_cache() == before


def test_blocked_actions_are_reported_again_when_the_evaluation_is_reused(world: World) -> None:
    world.scan(EARLY)
    full = world.scan(LATE)
    blocked = [o for o in full.drafts.outcomes if o.state == "blocked"]
    again = world.scan(LATE)
    assert again.reused
    assert [o for o in again.drafts.outcomes if o.state == "blocked"] == blocked


def test_an_account_not_drafted_for_recomputes_once_then_both_reuse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = '\n[[accounts]]\nname = "other"\nbackend = "imap"\nhost = "127.0.0.1"\nport = 2\nsecurity = "plain"\nusername = "o@example.net"\npassword_command = "echo x"\n'
    text = config_text(port=1, store=tmp_path / "s.sqlite").replace("[store]", extra + "\n[store]")
    cfg = parse_config(text, tmp_path / "c.toml")
    boxes = {"demo": MemoryMailbox("demo"), "other": MemoryMailbox("other")}
    for box, _name, raw in sample_messages():
        boxes["demo"].add(FOLDER[box], raw, header_date(raw))
    factory: Callable[[Any], MemoryMailbox] = lambda acct: boxes[acct.name]  # noqa: E731
    with Store.open(cfg.store_path) as store:
        assert not scan(cfg, store, LATE, accounts=["demo"], factory=factory).reused
        assert not scan(cfg, store, LATE, accounts=["other"], factory=factory).reused
        assert scan(cfg, store, LATE, accounts=["demo"], factory=factory).reused
        assert scan(cfg, store, LATE, accounts=["other"], factory=factory).reused
        assert scan(cfg, store, LATE, factory=factory).reused


def test_a_store_of_the_first_schema_opens_and_gains_the_generations(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    MIGRATIONS[0](db)
    db.execute("INSERT INTO muted (process_id) VALUES ('p1')")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    with Store.open(path) as store:
        assert store.muted_processes() == {"p1"}
        gens = store.generations()
        assert set(gens) == {"signals", "muted", "notes", "actions"}
        store.set_muted("p2", True)
        assert store.generations()["muted"] == gens["muted"] + 1
        assert store.evaluation_cache() is None
