"""`followup run` as a subprocess against real, throwaway Dovecot servers, with a schedule of seconds.

The config schema's minimum scan interval is one minute, so the daemon starts through a small runner
that loads the config as the CLI does and only shortens ``schedule.scan_every_minutes``; everything
else (argument parsing, the lock, logging, signals, exit codes) is the real `followup run`.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from string import Template

import pytest

from followup.devserver import DevServer, dovecot_binary
from followup.store import Store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "daemon"
USER = "user@example.net"

RUNNER = """
import dataclasses, os, sys
import followup.config as config_module
_load = config_module.load_config
def load(path):
    cfg = _load(path)
    every = float(os.environ["FOLLOWUP_TEST_SCAN_SECONDS"]) / 60
    return dataclasses.replace(cfg, schedule=dataclasses.replace(cfg.schedule, scan_every_minutes=every))
config_module.load_config = load
from followup.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.fixture
def servers() -> Iterator[Callable[[], DevServer]]:
    """``servers()`` starts another throwaway Dovecot; all are cleaned up after the test."""
    if dovecot_binary() is None:
        pytest.skip("dovecot is not installed (apt-get install dovecot-imapd): daemon tests skipped")
    started: list[DevServer] = []

    def start() -> DevServer:
        server = DevServer(user=USER, password=f"pw-{len(started)}").start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.cleanup()


def interview_confirmation(company: str = "Northwind Robotics", tag: str = "conf1") -> tuple[bytes, str]:
    """A confirmation of an interview that ended 3 hours ago (a thank-you fell due an hour ago),
    and the interviewer's address."""
    now = datetime.now(UTC).replace(microsecond=0)
    start, end = now - timedelta(hours=4), now - timedelta(hours=3)
    sent = start - timedelta(days=2)
    domain = company.lower().replace(" ", "") + ".com"
    stamp = "%Y%m%dT%H%M%SZ"
    text = Template((FIXTURES / "interview-confirmed.eml").read_text()).substitute(
        sent=format_datetime(sent),
        domain=domain,
        company=company,
        msgid=tag,
        stamp=sent.strftime(stamp),
        start=start.strftime(stamp),
        end=end.strftime(stamp),
    )
    return text.replace("\n", "\r\n").encode(), f"tomas.berg@{domain}"


def newsletters(count: int) -> list[bytes]:
    template = Template((FIXTURES / "newsletter.eml").read_text())
    sent = format_datetime(datetime.now(UTC) - timedelta(days=1))
    return [template.substitute(sent=sent, n=n).replace("\n", "\r\n").encode() for n in range(count)]


def deliver_many(server: DevServer, raws: list[bytes]) -> None:
    client = server.client()
    try:
        for raw in raws:
            client.append("INBOX", raw)
    finally:
        client.logout()


def drafts(server: DevServer) -> list[tuple[str, str]]:
    """(X-Followup-Kind, To) of every message in the server's Drafts folder."""
    client = server.client()
    try:
        client.select_folder("Drafts", readonly=True)
        uids = client.search("ALL")
        fetched = client.fetch(uids, [b"BODY.PEEK[HEADER.FIELDS (X-FOLLOWUP-KIND TO)]"]) if uids else {}
    finally:
        client.logout()
    out = []
    for data in fetched.values():
        head = data[b"BODY[HEADER.FIELDS (X-FOLLOWUP-KIND TO)]"].decode()
        fields = dict(
            (k.strip().lower(), v.strip())
            for k, _, v in (ln.partition(":") for ln in head.splitlines() if ln)
        )
        out.append((fields.get("x-followup-kind", ""), fields.get("to", "")))
    return out


def wait_until(predicate: Callable[[], object], timeout: float, interval: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return bool(predicate())


def write_config(path: Path, accounts: list[tuple[str, DevServer, Path]], *, batch_size: int = 200) -> Path:
    """A config for ``accounts`` (name, server, file holding the password), its store beside it."""
    lines = [
        "[identity]",
        'name = "Lena Hartmann"',
        f'addresses = ["{USER}"]',
        'timezone = "Europe/Berlin"',
        "",
        "[store]",
        f'path = "{path.parent / "followup.sqlite"}"',
        "",
        "[schedule]",
        "jitter_seconds = 0",
        'digest = "off"',
        "",
        "[logging]",
        'level = "DEBUG"',
    ]
    for name, server, secret_file in accounts:
        lines += [
            "",
            "[[accounts]]",
            f'name = "{name}"',
            'backend = "imap"',
            f'host = "{server.host}"',
            f"port = {server.port}",
            'security = "plain"',
            f'username = "{server.user}"',
            f'password_command = "cat {secret_file}"',
            "timeout_seconds = 5",
            f"batch_size = {batch_size}",
        ]
    path.write_text("\n".join(lines) + "\n")
    return path


def secret_file(tmp_path: Path, name: str, value: str) -> Path:
    path = tmp_path / f"{name}.secret"
    path.write_text(value + "\n")
    path.chmod(0o600)
    return path


class Daemon:
    """`followup run` in a subprocess; its stderr collected line by line."""

    def __init__(self, config: Path, scan_seconds: float = 1.0) -> None:
        env = dict(os.environ, FOLLOWUP_TEST_SCAN_SECONDS=str(scan_seconds), PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen(  # noqa: S603
            [sys.executable, "-c", RUNNER, "--config", str(config), "run"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.lines.append(line.rstrip("\n"))

    def count(self, text: str) -> int:
        return sum(1 for line in list(self.lines) if text in line)

    def wait_for(self, text: str, timeout: float = 10.0, times: int = 1) -> bool:
        done = lambda: self.count(text) >= times or self.proc.poll() is not None  # noqa: E731
        return wait_until(done, timeout, interval=0.01) and self.count(text) >= times

    def stop(self, timeout: float = 10.0) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            code = self.proc.wait(timeout)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()
        self._reader.join(2)
        return code

    @property
    def log(self) -> str:
        return "\n".join(self.lines)


@pytest.fixture
def daemons() -> Iterator[Callable[..., Daemon]]:
    running: list[Daemon] = []

    def start(config: Path, scan_seconds: float = 1.0) -> Daemon:
        d = Daemon(config, scan_seconds)
        running.append(d)
        return d

    yield start
    for d in running:
        if d.proc.poll() is None:
            d.proc.kill()
            d.proc.wait()


# ---------------------------------------------------------------------------------------------------


def test_mail_delivered_while_running_becomes_a_draft_within_seconds(tmp_path, servers, daemons):
    server = servers()
    config = write_config(
        tmp_path / "config.toml", [("main", server, secret_file(tmp_path, "main", server.password))]
    )
    daemon = daemons(config)
    assert daemon.wait_for("scan main:"), daemon.log  # the first scan of the empty mailbox

    raw, interviewer = interview_confirmation()
    server.deliver("INBOX", raw)
    delivered = time.monotonic()
    assert wait_until(lambda: drafts(server), 10), daemon.log
    latency = time.monotonic() - delivered

    [(kind, to)] = drafts(server)
    assert kind == "thank_you"
    assert interviewer in to
    assert latency < 8, f"draft took {latency:.1f} s"
    assert daemon.stop() == 0
    assert "followup stopped" in daemon.log


def test_sigterm_during_a_first_sync_exits_0_and_a_restart_drafts_exactly_once(tmp_path, servers, daemons):
    server = servers()
    raw, _ = interview_confirmation()
    deliver_many(server, [raw, *newsletters(800)])
    secret = secret_file(tmp_path, "main", server.password)
    config = write_config(tmp_path / "config.toml", [("main", server, secret)], batch_size=5)

    first = daemons(config)
    assert first.wait_for("batch of"), first.log
    assert first.stop() == 0, first.log
    assert "stopping after the current batch" in first.log
    assert "scan stopped between batches" in first.log
    assert drafts(server) == []  # stopped before drafting; nothing half-done
    write_config(tmp_path / "config.toml", [("main", server, secret)])  # bigger batches: a faster test

    second = daemons(config)
    assert wait_until(lambda: drafts(server), 15), second.log
    done = second.count("scan main:")
    assert second.wait_for("scan main:", times=done + 1)  # one more scan after the draft
    assert second.stop() == 0

    third = daemons(config)
    assert third.wait_for("scan main:", times=2), third.log
    assert third.stop() == 0
    assert [kind for kind, _ in drafts(server)] == ["thank_you"]


def test_second_instance_on_the_same_store_refuses_with_exit_75(tmp_path, servers, daemons):
    server = servers()
    config = write_config(
        tmp_path / "config.toml", [("main", server, secret_file(tmp_path, "main", server.password))]
    )
    daemon = daemons(config)
    assert daemon.wait_for("followup running"), daemon.log

    second = subprocess.run(  # noqa: S603 - the real CLI, not the runner
        [sys.executable, "-m", "followup.cli", "--config", str(config), "run"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=20,
    )
    assert second.returncode == 75
    assert "already running" in second.stderr
    assert f"pid {daemon.proc.pid}" in second.stderr
    assert daemon.proc.poll() is None  # the first one is unharmed
    assert daemon.stop() == 0


def _auth_failures(server: DevServer) -> int:
    return server.log_file.read_text(errors="replace").count("auth failed")


def test_wrong_password_pauses_that_account_only_and_a_fixed_secret_resumes_it(tmp_path, servers, daemons):
    good_server, bad_server = servers(), servers()
    raw, interviewer = interview_confirmation()
    good_server.deliver("INBOX", raw)
    bad_secret = secret_file(tmp_path, "bad", "not-the-password")
    config = write_config(
        tmp_path / "config.toml",
        [
            ("good", good_server, secret_file(tmp_path, "good", good_server.password)),
            ("bad", bad_server, bad_secret),
        ],
    )
    daemon = daemons(config, scan_seconds=0.5)
    assert daemon.wait_for("account bad paused"), daemon.log
    assert wait_until(lambda: drafts(good_server), 10), daemon.log
    assert [kind for kind, _ in drafts(good_server)] == ["thank_you"]

    # several scan turns later the paused account has not been tried again: no hammering
    turns = daemon.count("scan good:")
    assert daemon.wait_for("scan good:", times=turns + 4), daemon.log
    assert _auth_failures(bad_server) == 1, bad_server.log_tail()
    status = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "followup.cli", "--config", str(config), "status"],
        capture_output=True,
        text=True,
        timeout=20,
    )
    assert "state paused_auth" in status.stdout, status.stdout + status.stderr

    bad_secret.write_text(bad_server.password + "\n")  # the user fixes the secret
    assert daemon.wait_for("scan bad:", timeout=10), daemon.log
    assert daemon.stop() == 0
    with Store.open(tmp_path / "followup.sqlite") as store:
        assert store.account_state("bad")[0] == "ok"
        assert store.account_state("good")[0] == "ok"


def test_server_that_goes_away_and_comes_back_is_picked_up_again(tmp_path, servers, daemons):
    server = servers()
    config = write_config(
        tmp_path / "config.toml", [("main", server, secret_file(tmp_path, "main", server.password))]
    )
    daemon = daemons(config)
    assert daemon.wait_for("scan main:"), daemon.log

    server.stop()
    assert daemon.wait_for("account main: retrying in", timeout=10), daemon.log
    time.sleep(2)  # a few failed turns: the back-off grows
    server.start()
    back = time.monotonic()
    raw, _ = interview_confirmation()
    server.deliver("INBOX", raw)
    assert wait_until(lambda: drafts(server), 15), daemon.log
    recovered = time.monotonic() - back
    assert recovered < 12, f"took {recovered:.1f} s to recover"
    assert daemon.stop() == 0
    with Store.open(tmp_path / "followup.sqlite") as store:
        assert store.account_state("main")[0] == "ok"
