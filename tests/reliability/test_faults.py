"""Faults mid-scan on a real Dovecot: a cut connection, a server restart, SIGKILL after APPEND, a full
disk, a corrupted store, two scans at once. Afterwards: the right drafts, none duplicated, none lost."""

from __future__ import annotations

import signal
import sqlite3
import sys
import textwrap
from collections.abc import Iterator
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest

from followup.backends.imap import ImapMailbox
from followup.errors import StoreError
from followup.services.accounts import open_mailbox
from followup.store import Store
from tests.reliability.conftest import EXPECTED, REPO, Env, kinds, run_cli, spawn_cli
from tests.reliability.proxy import CuttingProxy


def _filler(server: Any, count: int) -> None:
    """Newsletters between the hiring mail, so a sync needs many batches and many bytes."""
    from datetime import UTC, datetime, timedelta

    client = server.client()
    try:
        for i in range(count):
            when = datetime(2026, 3, 1, tzinfo=UTC) + timedelta(minutes=i)
            raw = (
                f"From: News <news@letters.example>\r\nTo: sam.rivera@example.net\r\nSubject: Issue {i}\r\n"
                f"Date: {format_datetime(when)}\r\nMessage-ID: <news-{i}@letters.example>\r\n\r\n"
            ).encode() + b"All the news that fits.\r\n" * 160
            client.append("INBOX", raw, msg_time=when)
    finally:
        client.logout()


@pytest.fixture
def proxy(sample_env: Env) -> Iterator[CuttingProxy]:
    p = CuttingProxy(sample_env.server.port)
    yield p
    p.close()


def test_connection_cut_mid_fetch_is_an_account_error_and_the_next_scan_is_complete(
    sample_env: Env, proxy: CuttingProxy
) -> None:
    _filler(sample_env.server, 150)  # ~4 KB each: a sync of ~600 KB in batches of 20
    sample_env.rewrite(port=proxy.port, extra="batch_size = 20\n")
    proxy.cut_after(200_000)
    first = sample_env.scan()
    assert proxy.cuts == 1
    assert "demo" in first.errors and "dropped" in first.errors["demo"] or "failed" in first.errors["demo"]
    assert sample_env.drafts() == []  # an account whose sync failed is not drafted for
    with Store.open(sample_env.config.store_path) as store:
        partial = store.cursor("demo")
    assert partial is not None  # batches before the cut were kept, with their cursor
    second = sample_env.scan()
    assert second.ok, second.errors
    assert 0 < second.syncs[0].fetched < 157  # it resumed after the cut rather than starting over
    assert kinds(sample_env.drafts()) == EXPECTED


class _RestartDuring:
    """Wraps the real IMAP mailbox; restarts the server after the first sync batch or before APPEND."""

    def __init__(self, inner: ImapMailbox, server: Any, when: str) -> None:
        self.inner, self.server, self.when = inner, server, when
        self.name = inner.name

    def __enter__(self) -> _RestartDuring:
        self.inner.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.inner.__exit__(*exc)

    def sync(self, cursor: str | None, since: Any) -> Iterator[Any]:
        for n, batch in enumerate(self.inner.sync(cursor, since)):
            yield batch
            if n == 0 and self.when == "sync":
                self.server.restart()

    def append_draft(self, raw: bytes) -> str:
        if self.when == "append":
            self.server.restart()
        return self.inner.append_draft(raw)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


@pytest.mark.parametrize("when", ["sync", "append"])
def test_server_restart_mid_scan_loses_and_duplicates_nothing(sample_env: Env, when: str) -> None:
    if when == "sync":
        sample_env.rewrite(extra="batch_size = 2\n")
    server = sample_env.server
    first = sample_env.scan(factory=lambda acct: _RestartDuring(open_mailbox(acct), server, when))  # type: ignore[arg-type,return-value]
    assert not first.ok and "connection" in " ".join(first.errors.values()).lower()
    second = sample_env.scan()
    assert second.ok, second.errors
    assert kinds(sample_env.drafts()) == EXPECTED


_KILLER = """
import os, signal, sys
sys.path.insert(0, {repo!r})
from followup.backends.imap import ImapMailbox
from followup import cli

_append = ImapMailbox.append_draft


def append_then_die(self, raw):
    _append(self, raw)
    os.kill(os.getpid(), signal.SIGKILL)  # after APPEND, before the ledger says "drafted"


ImapMailbox.append_draft = append_then_die
sys.exit(cli.main(sys.argv[1:]))
"""


def test_sigkill_between_append_and_ledger_commit_leaves_no_duplicate(
    sample_env: Env, tmp_path: Path
) -> None:
    import subprocess

    script = tmp_path / "killer.py"
    script.write_text(textwrap.dedent(_KILLER.format(repo=str(REPO / "src"))), "utf-8")
    killed = subprocess.run(  # noqa: S603
        [
            sys.executable,
            str(script),
            "--config",
            str(sample_env.config_path),
            "scan",
            "--as-of",
            sample_env.as_of,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert len(sample_env.drafts()) == 1
    with Store.open(sample_env.config.store_path) as store:
        assert [a.state for a in store.actions()] == ["drafting"]
    again = run_cli("scan", "--as-of", sample_env.as_of, config=sample_env.config_path)
    assert again.returncode == 0, again.stderr
    assert kinds(sample_env.drafts()) == EXPECTED
    with Store.open(sample_env.config.store_path) as store:
        assert sorted(a.state for a in store.actions()) == ["drafted", "found"]


def _fill(store: Store) -> None:
    """Make the store's disk 'full': no page beyond those it has (SQLite answers SQLITE_FULL)."""
    db: sqlite3.Connection = store._db  # noqa: SLF001 - fault injection
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")


def test_disk_full_at_the_first_write_is_a_clear_store_error_and_nothing_is_half_written(
    sample_env: Env,
) -> None:
    from followup.cli import parse_as_of
    from followup.services.scan import scan

    with Store.open(sample_env.config.store_path) as store:
        _fill(store)
        with pytest.raises(StoreError, match="full"):
            scan(sample_env.config, store, parse_as_of(sample_env.as_of, "UTC"))
    assert sample_env.drafts() == []
    with Store.open(sample_env.config.store_path) as store:
        assert store.signals() == [] and store.cursor("demo") is None and store.actions() == []
    assert sample_env.scan().ok
    assert kinds(sample_env.drafts()) == EXPECTED


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MB tmpfs (root only): a real ENOSPC for the store."""
    import os
    import subprocess

    mount = tmp_path / "tiny"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], check=False)  # noqa: S603,S607
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)  # noqa: S603,S607


def test_disk_really_full_through_the_cli_is_exit_74_without_traceback_then_recovers(
    sample_env: Env, tiny_disk: Path
) -> None:
    sample_env.rewrite(extra="")
    text = sample_env.config_path.read_text("utf-8").replace(
        str(sample_env.config.store_path), str(tiny_disk / "store.sqlite")
    )
    sample_env.config_path.write_text(text, "utf-8")
    ballast = tiny_disk / "ballast"
    import os

    fd = os.open(ballast, os.O_WRONLY | os.O_CREAT, 0o600)
    try:  # fill the disk to the last block
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)
    full = run_cli("scan", "--as-of", sample_env.as_of, config=sample_env.config_path)
    assert full.returncode == StoreError.exit_code, (full.stdout, full.stderr)
    assert "Traceback" not in full.stderr and "followup:" in full.stderr
    assert sample_env.drafts() == []
    ballast.unlink()
    again = run_cli("scan", "--as-of", sample_env.as_of, config=sample_env.config_path)
    assert again.returncode == 0, again.stderr
    assert kinds(sample_env.drafts()) == EXPECTED


def _corrupt(path: Path, how: str) -> None:
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    data = bytearray(path.read_bytes())
    if how == "garbage":
        data = bytearray(b"this is not a database" * 100)
    elif how == "truncated":
        data = data[: len(data) // 2 + 100]
    elif how == "zeroed-pages":
        page = 4096
        for start in range(page, len(data), page * 2):
            data[start : start + page] = bytes(page)
    elif how == "bad-header":
        data[16:24] = b"\xff" * 8  # page size and format bytes
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["garbage", "truncated", "zeroed-pages", "bad-header"])
def test_corrupted_store_gives_a_clear_error_naming_rebuild_then_rebuild_redrafts_nothing(
    sample_env: Env, how: str
) -> None:
    # extends tests/end_to_end/test_scan_on_dovecot.py (garbage only, in-process) to four kinds of
    # damage, through the CLI as a user meets them
    first = run_cli("scan", "--as-of", sample_env.as_of, config=sample_env.config_path)
    assert first.returncode == 0, first.stderr
    with Store.open(sample_env.config.store_path) as store:  # checkpoint the WAL into the file
        store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # noqa: SLF001
    _corrupt(sample_env.config.store_path, how)
    broken = run_cli("scan", "--as-of", sample_env.as_of, config=sample_env.config_path)
    assert broken.returncode == StoreError.exit_code, (broken.stdout, broken.stderr)
    assert "followup rebuild" in broken.stderr and "Traceback" not in broken.stderr
    fixed = run_cli("rebuild", config=sample_env.config_path)
    assert fixed.returncode == 0, fixed.stderr
    again = run_cli("scan", "--as-of", sample_env.as_of, config=sample_env.config_path)
    assert again.returncode == 0, again.stderr
    assert kinds(sample_env.drafts()) == EXPECTED


def test_two_scans_at_once_on_the_same_store_and_mailbox_make_no_duplicate(sample_env: Env) -> None:
    rounds = 3
    for _ in range(rounds):
        procs = [
            spawn_cli("scan", "--as-of", sample_env.as_of, config=sample_env.config_path) for _ in range(2)
        ]
        outs = [p.communicate(timeout=120) for p in procs]
        codes = [p.returncode for p in procs]
        assert all(c in (0, 74, 75) for c in codes), (codes, outs)
        assert 0 in codes, outs
        assert kinds(sample_env.drafts()) == EXPECTED, (codes, outs)
        # start the next round afresh: no drafts, no store
        client = sample_env.server.client()
        client.select_folder("Drafts")
        client.delete_messages(client.search(["ALL"]))
        client.expunge()
        client.logout()
        path = sample_env.config.store_path
        for suffix in ("", "-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
