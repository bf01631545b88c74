"""`followup rebuild`: start the local store afresh from the mailbox, losing nothing that matters.

A damaged store file is moved aside (never deleted: it may hold the user's notes). A healthy one keeps
its notes, mutes and action ledger; only the synced mail is forgotten. Either way the next scan is a first
sync again, so the backfill rule holds back long-overdue actions, and drafts already in Drafts or Sent are
found by their keys rather than made twice.
"""

from __future__ import annotations

from datetime import UTC, datetime

from followup.config import Config
from followup.errors import StoreError
from followup.store import Store


def rebuild(config: Config, *, now: datetime | None = None) -> str:
    path = config.store_path
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    try:
        store = Store.open(path)
    except StoreError:
        moved = []
        for suffix in ("", "-wal", "-shm"):
            part = path.with_name(path.name + suffix)
            if part.exists():
                target = part.with_name(f"{path.name}.damaged-{stamp}{suffix}")
                part.rename(target)
                moved.append(target.name)
        Store.open(path).close()
        return (
            f"Moved the damaged store aside ({', '.join(moved)}) and made a new one at {path}. "
            "Run `followup scan` to read the mailbox again."
        )
    try:
        for account in config.accounts:
            store.reset_account(account.name)
    finally:
        store.close()
    return f"Forgot the synced mail in {path} (notes, mutes and drafts made are kept). Run `followup scan`."
