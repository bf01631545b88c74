"""One daemon per store: an exclusive ``flock`` on ``<store>.lock``.

The kernel drops the lock when the process ends, however it ends (crash, SIGKILL, power loss), so a
stale lock file never blocks a restart: the file stays, and only the lock on it matters. The file
holds the owner's pid for the error message; it is never deleted (deleting lock files races).

    with StoreLock(store_path):
        ...   # raises AlreadyRunning when another process holds it
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from types import TracebackType

from followup.errors import AlreadyRunning


def lock_path(store_path: Path) -> Path:
    store_path = Path(store_path).expanduser()
    return store_path.with_name(store_path.name + ".lock")


class StoreLock:
    """An exclusive, non-blocking lock beside the store. Not reentrant: a second ``StoreLock`` on the
    same store refuses even in the same process (flock locks belong to the open file)."""

    def __init__(self, store_path: Path) -> None:
        self.store_path = Path(store_path).expanduser()
        self.path = lock_path(self.store_path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> StoreLock:
        if self._fd is not None:
            return self
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        except OSError as e:
            raise AlreadyRunning(
                f"cannot create the lock file {self.path} ({e.strerror}): is the data directory writable?"
            ) from e
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            owner = _read_owner(fd)
            os.close(fd)
            who = f" (pid {owner})" if owner else ""
            raise AlreadyRunning(
                f"another followup{who} is already running on the store {self.store_path}; "
                "stop it first (for the service: systemctl --user stop followup), or point this one "
                "at another store"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    def __enter__(self) -> StoreLock:
        return self.acquire()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()


def _read_owner(fd: int) -> int | None:
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


class DraftingLock:
    """A short, blocking lock around the drafting step of a scan (``<store>.drafting.lock``).

    Two scans at once (the daemon and a manual `followup scan`, or two manual ones) may both sync, but
    only one at a time decides and appends drafts, so the ledger check and the APPEND that follows it are
    never interleaved: no key is drafted twice. Waits up to ``wait_seconds``, then raises AlreadyRunning.
    """

    def __init__(self, store_path: Path, wait_seconds: float = 300.0) -> None:
        self.path = Path(store_path).expanduser().with_name(Path(store_path).name + ".drafting.lock")
        self.wait_seconds = wait_seconds
        self._fd: int | None = None

    def __enter__(self) -> DraftingLock:
        import time

        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        deadline = time.monotonic() + self.wait_seconds
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise AlreadyRunning(
                        f"another followup scan has been drafting on {self.path.parent} for over "
                        f"{self.wait_seconds:.0f} s; try again later"
                    ) from None
                time.sleep(0.05)
        self._fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            try:
                fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)
