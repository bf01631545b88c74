"""The daemon's jobs in process (a real SQLite store, in-memory mailboxes, a fake clock): digest
catch-up, back-off, the auth pause, and run_daemon's own start and stop."""

from __future__ import annotations

import sys
import threading
import time
import types
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from followup.backends.memory import MemoryMailbox
from followup.config import AccountConfig, Config
from followup.config.load import parse_config
from followup.errors import AuthError, ConnectError
from followup.scheduler import DIGEST_WEEK_KEY, Daemon, run_daemon
from followup.store import Store

THURSDAY = datetime(2026, 11, 26, 20, 0, tzinfo=UTC)  # this week's Monday 08:00 digest was missed


def make_config(tmp_path: Path, names: tuple[str, ...] = ("main",), digest: str = "mon 08:00") -> Config:
    secret = tmp_path / "secret"
    if not secret.exists():
        secret.write_text("right\n")
    text = f"""
[identity]
name = "Lena Hartmann"
addresses = ["user@example.net"]
timezone = "Europe/Berlin"

[store]
path = "{tmp_path / "followup.sqlite"}"

[schedule]
digest = "{digest}"
"""
    for name in names:
        text += f"""
[[accounts]]
name = "{name}"
backend = "imap"
host = "127.0.0.1"
port = 1143
security = "plain"
username = "user@example.net"
password_command = "cat {secret}"
"""
    return parse_config(text, tmp_path / "config.toml")


class Broken:
    """A mailbox whose connection fails with ``error``; counts the attempts."""

    def __init__(self, error: Exception) -> None:
        self.error = error
        self.attempts = 0

    def __enter__(self) -> Broken:
        self.attempts += 1
        raise self.error

    def __exit__(self, *exc: object) -> None:
        return None


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def digests(monkeypatch: pytest.MonkeyPatch) -> list[datetime]:
    """Stands in for followup.services.digest: records each make_digest call's ``now``."""
    made: list[datetime] = []
    module = types.ModuleType("followup.services.digest")

    def make_digest(config, store, now, preview=None, force=False):  # noqa: ANN001, ANN202
        made.append(now)
        return "digest put into the inbox"

    module.make_digest = make_digest  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "followup.services.digest", module)
    return made


def daemon_for(config: Config, store: Store, boxes: dict[str, object], clock: Clock) -> Daemon:
    return Daemon(config, store, clock=clock, stop=threading.Event(), factory=lambda a: boxes[a.name])  # type: ignore[arg-type,return-value]


def test_digest_missed_while_asleep_is_made_after_the_first_scan_and_only_once(tmp_path, digests):
    config = make_config(tmp_path)
    clock = Clock(THURSDAY)
    with Store.open(config.store_path) as store:
        daemon = daemon_for(config, store, {"main": MemoryMailbox("main")}, clock)
        assert daemon.scan_account("main")
        assert digests == [THURSDAY]
        assert store.meta_get(DIGEST_WEEK_KEY) == "2026-W48"
        clock.now += timedelta(minutes=15)
        assert daemon.scan_account("main")
        assert digests == [THURSDAY]  # not twice in one week
        clock.now += timedelta(days=4)  # next Monday 20:00
        assert daemon.scan_account("main")
        assert len(digests) == 2
        assert store.meta_get(DIGEST_WEEK_KEY) == "2026-W49"


def test_digest_waits_until_every_account_had_its_first_scan(tmp_path, digests):
    config = make_config(tmp_path, ("one", "two"))
    boxes: dict[str, object] = {"one": MemoryMailbox("one"), "two": MemoryMailbox("two")}
    with Store.open(config.store_path) as store:
        daemon = daemon_for(config, store, boxes, Clock(THURSDAY))
        assert daemon.scan_account("one")
        assert digests == []
        assert daemon.scan_account("two")
        assert digests == [THURSDAY]


def test_digest_that_fails_is_tried_again_after_the_next_scan(tmp_path, monkeypatch):
    calls: list[datetime] = []
    module = types.ModuleType("followup.services.digest")

    def make_digest(config, store, now, preview=None, force=False):  # noqa: ANN001, ANN202
        calls.append(now)
        if len(calls) == 1:
            raise ConnectError("server away")
        return "ok"

    module.make_digest = make_digest  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "followup.services.digest", module)
    config = make_config(tmp_path)
    with Store.open(config.store_path) as store:
        daemon = daemon_for(config, store, {"main": MemoryMailbox("main")}, Clock(THURSDAY))
        daemon.scan_account("main")
        assert store.meta_get(DIGEST_WEEK_KEY) is None
        daemon.scan_account("main")
        assert len(calls) == 2
        assert store.meta_get(DIGEST_WEEK_KEY) == "2026-W48"


def test_digest_off_is_never_made(tmp_path, digests):
    config = make_config(tmp_path, digest="off")
    with Store.open(config.store_path) as store:
        daemon_for(config, store, {"main": MemoryMailbox("main")}, Clock(THURSDAY)).scan_account("main")
    assert digests == []


def test_network_failure_backs_off_and_a_good_scan_clears_it(tmp_path, digests):
    config = make_config(tmp_path)
    broken = Broken(ConnectError("connection refused"))
    boxes: dict[str, object] = {"main": broken}
    clock = Clock(THURSDAY)
    with Store.open(config.store_path) as store:
        daemon = daemon_for(config, store, boxes, clock)
        assert not daemon.scan_account("main")
        assert broken.attempts == 1
        assert store.account_state("main")[0] == "error"
        retry_at = daemon.health("main").retry_at
        assert retry_at is not None and THURSDAY < retry_at <= THURSDAY + timedelta(minutes=1)
        assert not daemon.scan_account("main")  # too soon: not even tried
        assert broken.attempts == 1
        clock.now = retry_at
        assert not daemon.scan_account("main")
        assert broken.attempts == 2
        assert daemon.health("main").failures == 2
        boxes["main"] = MemoryMailbox("main")
        clock.now = daemon.health("main").retry_at or clock.now
        assert daemon.scan_account("main")
        assert daemon.health("main").failures == 0
        assert store.account_state("main")[0] == "ok"
    assert digests == [clock.now]  # no digest while the account failed


def test_refused_login_pauses_until_the_secret_changes(tmp_path, digests):
    config = make_config(tmp_path)
    broken = Broken(AuthError("login refused"))
    boxes: dict[str, object] = {"main": broken}
    clock = Clock(THURSDAY)
    with Store.open(config.store_path) as store:
        daemon = daemon_for(config, store, boxes, clock)
        assert not daemon.scan_account("main")
        assert store.account_state("main")[0] == "paused_auth"
        for _ in range(5):
            clock.now += timedelta(minutes=15)
            daemon.scan_account("main")
        assert broken.attempts == 1  # never hammered
        (tmp_path / "secret").write_text("fixed\n")
        boxes["main"] = MemoryMailbox("main")
        assert daemon.scan_account("main")
        assert store.account_state("main")[0] == "ok"


def test_refused_login_is_tried_again_after_six_hours(tmp_path, digests):
    config = make_config(tmp_path)
    broken = Broken(AuthError("login refused"))
    clock = Clock(THURSDAY)
    with Store.open(config.store_path) as store:
        daemon = daemon_for(config, store, {"main": broken}, clock)
        daemon.scan_account("main")
        clock.now += timedelta(hours=5, minutes=59)
        daemon.scan_account("main")
        assert broken.attempts == 1
        clock.now += timedelta(minutes=1)
        daemon.scan_account("main")
        assert broken.attempts == 2


def test_one_failing_account_does_not_stop_the_other(tmp_path, digests):
    config = make_config(tmp_path, ("good", "bad"))
    boxes: dict[str, object] = {"good": MemoryMailbox("good"), "bad": Broken(ConnectError("down"))}
    with Store.open(config.store_path) as store:
        daemon = daemon_for(config, store, boxes, Clock(THURSDAY))
        assert not daemon.scan_account("bad")
        assert daemon.scan_account("good")
        assert store.last_scan("good") is not None and store.last_scan("good").ok  # type: ignore[union-attr]


def test_run_once_returns_2_when_an_account_failed_and_0_when_all_did_well(tmp_path, digests):
    config = make_config(tmp_path, ("good", "bad"))
    boxes: dict[str, object] = {"good": MemoryMailbox("good"), "bad": Broken(ConnectError("down"))}

    def factory(acct: AccountConfig) -> object:
        return boxes[acct.name]

    assert run_daemon(config, once=True, factory=factory, setup_logs=False) == 2  # type: ignore[arg-type]
    boxes["bad"] = MemoryMailbox("bad")
    assert run_daemon(config, once=True, factory=factory, setup_logs=False) == 0  # type: ignore[arg-type]


def test_run_daemon_stops_cleanly_when_asked(tmp_path, digests):
    config = make_config(tmp_path)
    stop = threading.Event()
    box = MemoryMailbox("main")
    result: list[int] = []
    Store.open(config.store_path).close()  # created first: two first openings at once race to migrate
    runner = threading.Thread(
        target=lambda: result.append(
            run_daemon(config, stop_event=stop, factory=lambda a: box, setup_logs=False)  # type: ignore[arg-type,return-value]
        )
    )
    runner.start()
    with Store.open(config.store_path) as store:
        deadline = time.monotonic() + 10
        while store.last_scan("main") is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert store.last_scan("main") is not None  # the first scan runs at start-up
    stop.set()
    runner.join(10)
    assert result == [0]
