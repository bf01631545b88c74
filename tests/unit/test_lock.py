"""The store lock: one daemon per store; a dead holder never blocks the next one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from followup.errors import AlreadyRunning
from followup.lock import StoreLock, lock_path


def test_lock_file_sits_beside_the_store(tmp_path: Path):
    assert lock_path(tmp_path / "followup.sqlite") == tmp_path / "followup.sqlite.lock"


def test_second_lock_on_the_same_store_refuses_and_names_the_holder(tmp_path: Path):
    store = tmp_path / "state" / "followup.sqlite"
    with StoreLock(store) as first:
        assert first.held
        assert (tmp_path / "state").is_dir()  # created, 0700
        with pytest.raises(AlreadyRunning) as refused:
            StoreLock(store).acquire()
    message = str(refused.value)
    assert f"pid {os.getpid()}" in message
    assert "already running" in message
    assert str(store) in message
    assert refused.value.exit_code == 75


def test_released_lock_can_be_taken_again(tmp_path: Path):
    store = tmp_path / "followup.sqlite"
    StoreLock(store).acquire().release()
    with StoreLock(store) as again:
        assert again.held
    assert not again.held


def test_lock_of_a_killed_process_does_not_block(tmp_path: Path):
    store = tmp_path / "followup.sqlite"
    code = (
        "import os, sys; from followup.lock import StoreLock; StoreLock(sys.argv[1]).acquire();"
        " os.kill(os.getpid(), 9)"
    )
    subprocess.run([sys.executable, "-c", code, str(store)], check=False, timeout=30)  # noqa: S603
    assert lock_path(store).exists()  # the file stays; only the kernel's lock mattered
    with StoreLock(store) as lock:
        assert lock.held


def test_lock_held_by_another_process_refuses(tmp_path: Path):
    store = tmp_path / "followup.sqlite"
    code = (
        "import sys; from followup.lock import StoreLock; StoreLock(sys.argv[1]).acquire();"
        " print('held', flush=True); sys.stdin.read()"
    )
    holder = subprocess.Popen(  # noqa: S603
        [sys.executable, "-c", code, str(store)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(AlreadyRunning, match=f"pid {holder.pid}"):
            StoreLock(store).acquire()
    finally:
        holder.communicate("", timeout=30)
    with StoreLock(store):
        pass
