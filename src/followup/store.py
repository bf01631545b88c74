"""The local store (SQLite, WAL): sync cursors, signals, the user's notes and mutes, the action ledger,
scan records, account health and digest claims. Never message bodies: only what ``Signal`` holds.

It can always be rebuilt from the mailbox (delete the file), except the user's notes and the ledger,
whose loss the drafts' ``X-Followup-Key`` headers cover.

Each ``commit_batch`` is one transaction: a crash leaves the previous cursor and none of the batch.
Schema changes are ordered migration functions; ``PRAGMA user_version`` counts those applied.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any

from followup.domain.codec import decode_datetime, encode_datetime, signal_from_dict, signal_to_dict
from followup.domain.model import Signal
from followup.errors import StoreError

ACCOUNT_STATES = ("ok", "paused_auth", "error")
ACTION_STATES = ("drafting", "drafted", "held_back", "removed", "found", "skipped")


@dataclass(frozen=True)
class ActionRecord:
    key: str
    kind: str
    process_id: str
    account: str
    state: str  # drafting | drafted | held_back | removed | found | skipped
    draft_ref: str = ""
    draft_sha256: str = ""
    to: tuple[str, ...] = ()
    due_at: datetime | None = None
    created_at: datetime | None = None
    detail: str = ""


@dataclass(frozen=True)
class EvaluationCache:
    """What the last full evaluation (track + policy + drafting) rested on, and until when it holds.

    ``generations`` are those of ``GENERATION_TABLES`` it read (``actions``: the ledger after its
    drafting); ``config`` a fingerprint of identity + policy settings; ``accounts`` those whose drafting
    finished without error under these same inputs; ``summary`` what the scan reports again when it
    reuses the evaluation (JSON, the scan's own format). Only a drafting step that finished saves one.
    """

    generations: Mapping[str, int]
    config: str
    computed_at: datetime
    changes_at: datetime | None
    accounts: tuple[str, ...]
    summary: str = "[]"


@dataclass(frozen=True)
class ScanRecord:
    account: str
    started_at: datetime
    finished_at: datetime
    ok: bool
    summary: str
    counts: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}), hash=False)


def _run(db: sqlite3.Connection, script: str) -> None:
    # not executescript(): it commits first, which would split a migration's transaction
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _v1(db: sqlite3.Connection) -> None:
    _run(
        db,
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE accounts (
            account TEXT PRIMARY KEY, cursor TEXT, first_sync_at TEXT,
            state TEXT NOT NULL DEFAULT 'ok', state_detail TEXT NOT NULL DEFAULT '', state_at TEXT);
        CREATE TABLE signals (
            account TEXT NOT NULL, message_id TEXT NOT NULL, ref TEXT NOT NULL, folder TEXT NOT NULL,
            sort_date TEXT NOT NULL, keywords TEXT NOT NULL, data TEXT NOT NULL,
            PRIMARY KEY (account, message_id));
        CREATE INDEX signals_by_ref ON signals (account, ref);
        CREATE INDEX signals_by_date ON signals (sort_date);
        CREATE TABLE notes (
            id INTEGER PRIMARY KEY, process_id TEXT NOT NULL, text TEXT NOT NULL, at TEXT NOT NULL);
        CREATE INDEX notes_by_process ON notes (process_id);
        CREATE TABLE muted (process_id TEXT PRIMARY KEY);
        CREATE TABLE actions (
            key TEXT PRIMARY KEY, kind TEXT NOT NULL, process_id TEXT NOT NULL, account TEXT NOT NULL,
            state TEXT NOT NULL, draft_ref TEXT NOT NULL, draft_sha256 TEXT NOT NULL, recipients TEXT NOT NULL,
            due_at TEXT, created_at TEXT, detail TEXT NOT NULL, seq INTEGER NOT NULL);
        CREATE INDEX actions_by_process ON actions (process_id);
        CREATE TABLE scans (
            id INTEGER PRIMARY KEY, account TEXT NOT NULL, started_at TEXT NOT NULL,
            finished_at TEXT NOT NULL, ok INTEGER NOT NULL, summary TEXT NOT NULL, counts TEXT NOT NULL);
        CREATE INDEX scans_by_account ON scans (account, id);
        CREATE TABLE digests (week TEXT PRIMARY KEY, at TEXT NOT NULL);
        """,
    )


# What an evaluation rests on: every write to these tables bumps its generation (SQLite triggers, so no
# code path can forget it). ``actions`` is the drafting ledger.
GENERATION_TABLES = ("signals", "muted", "notes", "actions")


def _v2(db: sqlite3.Connection) -> None:
    db.execute("CREATE TABLE generations (name TEXT PRIMARY KEY, value INTEGER NOT NULL)")
    for table in GENERATION_TABLES:
        db.execute("INSERT INTO generations (name, value) VALUES (?, 0)", (table,))
        for op in ("INSERT", "UPDATE", "DELETE"):
            db.execute(
                f"CREATE TRIGGER {table}_{op.lower()}_generation AFTER {op} ON {table} BEGIN"
                f" UPDATE generations SET value = value + 1 WHERE name = '{table}'; END"
            )
    # one row: what the last full evaluation rested on and until when it holds (see services/scan.py)
    db.execute("CREATE TABLE evaluation_cache (id INTEGER PRIMARY KEY CHECK (id = 1), data TEXT NOT NULL)")


# Append only; never edit a migration that has shipped.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1, _v2)


def _sort_key(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _dt(value: datetime | None) -> str | None:
    return None if value is None else encode_datetime(value)


def _dt_back(text: str | None) -> datetime | None:
    return None if text is None else decode_datetime(text)


def _rebuild_hint(path: Path) -> str:
    return (
        f"the store {path} is damaged or not a followup store; it can be rebuilt from the mailbox: "
        f"run `followup rebuild` (it moves the damaged file aside), then `followup scan`"
    )


def _translate(e: sqlite3.Error, path: Path) -> StoreError:
    code = getattr(e, "sqlite_errorname", "")
    if code == "SQLITE_FULL" or "disk is full" in str(e):
        return StoreError(f"the disk holding the store {path} is full: free some space and retry")
    if code in ("SQLITE_CORRUPT", "SQLITE_NOTADB") or "not a database" in str(e) or "malformed" in str(e):
        return StoreError(_rebuild_hint(path))
    if code in ("SQLITE_BUSY", "SQLITE_LOCKED"):
        return StoreError(f"the store {path} is busy: is another followup running?")
    if code in (
        "SQLITE_CANTOPEN",
        "SQLITE_READONLY",
        "SQLITE_PERM",
        "SQLITE_IOERR",
    ) or "unable to open" in str(e):
        return StoreError(f"cannot open or write the store {path} ({e})")
    return StoreError(f"store {path}: {e}")


def _enable_wal(db: sqlite3.Connection) -> None:
    """Switch to WAL. The switch ignores busy_timeout (another process opening the same new store at
    the same moment makes it fail at once), so it is retried for a few seconds."""
    import time

    for attempt in range(100):
        try:
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) and "busy" not in str(e) or attempt == 99:
                raise
            time.sleep(0.05)


class Store:
    """Use ``Store.open(path)``. Safe to share between threads (one connection behind a lock)."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self._db = db
        self.path = path
        self._lock = threading.RLock()

    # ---- lifecycle ----------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path) -> Store:
        path = Path(path).expanduser()
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not path.exists():
                os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
            os.chmod(path, 0o600)
        except OSError as e:
            raise StoreError(f"cannot create the store {path}: {e.strerror}") from e
        try:
            db = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=10.0)
        except sqlite3.Error as e:
            raise _translate(e, path) from e
        store = cls(db, path)
        try:
            db.execute("PRAGMA busy_timeout = 10000")
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise StoreError(_rebuild_hint(path))
            _enable_wal(db)
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("PRAGMA synchronous = NORMAL")  # WAL: durable across process crashes
            store._migrate()
        except sqlite3.Error as e:
            db.close()
            raise _translate(e, path) from e
        except StoreError:
            db.close()
            raise
        return store

    def _migrate(self) -> None:
        # the version is read inside the same IMMEDIATE transaction that migrates: two processes opening
        # a brand-new store at once queue up instead of both creating the tables
        with self._tx() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > len(MIGRATIONS):
                raise StoreError(
                    f"the store {self.path} was written by a newer followup (schema {version}, this one "
                    f"knows {len(MIGRATIONS)}): upgrade followup, or delete the store to rebuild it"
                )
            if version == 0 and db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                raise StoreError(_rebuild_hint(self.path))
            for number in range(version, len(MIGRATIONS)):
                MIGRATIONS[number](db)
                db.execute(f"PRAGMA user_version = {number + 1}")

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One IMMEDIATE transaction; rolled back on any exception; sqlite errors become StoreError."""
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    yield self._db
                except BaseException:
                    self._db.execute("ROLLBACK")
                    raise
                self._db.execute("COMMIT")
            except sqlite3.Error as e:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise _translate(e, self.path) from e

    def _rows(self, sql: str, args: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                return self._db.execute(sql, args).fetchall()
            except sqlite3.Error as e:
                raise _translate(e, self.path) from e

    # ---- sync ---------------------------------------------------------------------------------
    def cursor(self, account: str) -> str | None:
        rows = self._rows("SELECT cursor FROM accounts WHERE account = ?", (account,))
        return rows[0][0] if rows else None

    def commit_batch(self, account: str, cursor: str, signals: Sequence[Signal]) -> None:
        """Store a batch's signals and the cursor after it, all or nothing.

        Signals are keyed by (account, message_id): a message seen again (a second folder, a
        UIDVALIDITY reset) stays one row. The inbox copy wins over a sent copy; within the same folder
        the newer copy replaces the row (new ref, keywords, reading).
        """
        encoded = [(s, json.dumps(signal_to_dict(s), ensure_ascii=False)) for s in signals]
        with self._tx() as db:
            for sig, data in encoded:
                row = db.execute(
                    "SELECT folder FROM signals WHERE account = ? AND message_id = ?",
                    (account, sig.message_id),
                ).fetchone()
                if row is not None and row[0] != sig.folder and row[0] == "inbox":
                    continue  # keep the inbox copy
                db.execute(
                    "INSERT OR REPLACE INTO signals (account, message_id, ref, folder, sort_date, keywords, data)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        account,
                        sig.message_id,
                        sig.ref,
                        sig.folder,
                        _sort_key(sig.date),
                        json.dumps(sorted(sig.keywords)),
                        data,
                    ),
                )
            self._set_cursor(db, account, cursor)

    def _set_cursor(self, db: sqlite3.Connection, account: str, cursor: str) -> None:
        db.execute(
            "INSERT INTO accounts (account, cursor) VALUES (?, ?)"
            " ON CONFLICT (account) DO UPDATE SET cursor = excluded.cursor",
            (account, cursor),
        )

    def reset_account(self, account: str) -> None:
        """Forget the account's cursor, signals and first-sync time: the next scan is a first sync
        again (lookback window, backfill rule). Notes, mutes and the action ledger stay."""
        with self._tx() as db:
            db.execute("DELETE FROM signals WHERE account = ?", (account,))
            db.execute(
                "UPDATE accounts SET cursor = NULL, first_sync_at = NULL WHERE account = ?", (account,)
            )

    def signals(self, account: str | None = None) -> list[Signal]:
        """Stored signals in date order (ties: account, message id)."""
        where, args = ("WHERE account = ?", (account,)) if account is not None else ("", ())
        rows = self._rows(
            f"SELECT data, keywords FROM signals {where} ORDER BY sort_date, account, message_id",
            args,  # noqa: S608
        )
        out = []
        for data, keywords in rows:
            d = json.loads(data)
            d["keywords"] = json.loads(keywords)
            out.append(signal_from_dict(d))
        return out

    def set_keywords(self, account: str, muted_refs: set[str], keyword: str) -> None:
        """Mark which stored signals carry ``keyword`` now; signals whose ref is not listed lose it.

        Only rows that carry the keyword or whose ref is listed are read (not every signal)."""
        needle = "%" + json.dumps(keyword).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        refs = sorted(muted_refs)
        with self._tx() as db:
            rows = db.execute(
                "SELECT message_id, ref, keywords FROM signals WHERE account = ? AND keywords LIKE ? ESCAPE '\\'",
                (account, needle),
            ).fetchall()
            for start in range(0, len(refs), 500):
                chunk = refs[start : start + 500]
                rows += db.execute(
                    "SELECT message_id, ref, keywords FROM signals WHERE account = ?"  # noqa: S608
                    f" AND ref IN ({', '.join('?' * len(chunk))})",
                    (account, *chunk),
                ).fetchall()
            done: set[str] = set()
            for message_id, ref, keywords in rows:
                if message_id in done:
                    continue
                done.add(message_id)
                have = set(json.loads(keywords))
                want = have | {keyword} if ref in muted_refs else have - {keyword}
                if want != have:
                    db.execute(
                        "UPDATE signals SET keywords = ? WHERE account = ? AND message_id = ?",
                        (json.dumps(sorted(want)), account, message_id),
                    )

    def first_sync_at(self, account: str) -> datetime | None:
        rows = self._rows("SELECT first_sync_at FROM accounts WHERE account = ?", (account,))
        return _dt_back(rows[0][0]) if rows else None

    def mark_first_sync(self, account: str, at: datetime) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT INTO accounts (account, first_sync_at) VALUES (?, ?)"
                " ON CONFLICT (account) DO UPDATE SET first_sync_at = excluded.first_sync_at",
                (account, _dt(at)),
            )

    # ---- the user's own process data --------------------------------------------------------------
    def add_note(self, process_id: str, text: str, at: datetime) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT INTO notes (process_id, text, at) VALUES (?, ?, ?)", (process_id, text, _dt(at))
            )

    def notes(self, process_id: str) -> list[str]:
        return [
            r[0] for r in self._rows("SELECT text FROM notes WHERE process_id = ? ORDER BY id", (process_id,))
        ]

    def set_muted(self, process_id: str, muted: bool) -> None:
        with self._tx() as db:
            if muted:
                db.execute("INSERT OR IGNORE INTO muted (process_id) VALUES (?)", (process_id,))
            else:
                db.execute("DELETE FROM muted WHERE process_id = ?", (process_id,))

    def muted_processes(self) -> set[str]:
        return {r[0] for r in self._rows("SELECT process_id FROM muted")}

    # ---- actions taken (idempotency ledger) ----------------------------------------------------------
    _ACTION_COLS = "key, kind, process_id, account, state, draft_ref, draft_sha256, recipients, due_at, created_at, detail"

    @staticmethod
    def _action_of(row: Sequence[Any]) -> ActionRecord:
        return ActionRecord(
            key=row[0], kind=row[1], process_id=row[2], account=row[3], state=row[4], draft_ref=row[5],
            draft_sha256=row[6], to=tuple(json.loads(row[7])), due_at=_dt_back(row[8]),
            created_at=_dt_back(row[9]), detail=row[10],
        )  # fmt: skip

    def action(self, key: str) -> ActionRecord | None:
        rows = self._rows(f"SELECT {self._ACTION_COLS} FROM actions WHERE key = ?", (key,))  # noqa: S608
        return self._action_of(rows[0]) if rows else None

    def record_action(self, rec: ActionRecord) -> None:
        """Insert or replace the record with this key (its first insertion order is kept)."""
        if rec.state not in ACTION_STATES:
            raise ValueError(
                f"unknown action state {rec.state!r} (expected one of {', '.join(ACTION_STATES)})"
            )
        values = (rec.key, rec.kind, rec.process_id, rec.account, rec.state, rec.draft_ref, rec.draft_sha256,
                  json.dumps(list(rec.to)), _dt(rec.due_at), _dt(rec.created_at), rec.detail)  # fmt: skip
        with self._tx() as db:
            db.execute(
                f"INSERT INTO actions ({self._ACTION_COLS}, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"  # noqa: S608
                " (SELECT coalesce(max(seq), 0) + 1 FROM actions))"
                " ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, process_id = excluded.process_id,"
                " account = excluded.account, state = excluded.state, draft_ref = excluded.draft_ref,"
                " draft_sha256 = excluded.draft_sha256, recipients = excluded.recipients,"
                " due_at = excluded.due_at, created_at = excluded.created_at, detail = excluded.detail",
                values,
            )

    def actions(self, process_id: str | None = None) -> list[ActionRecord]:
        """Recorded actions in the order they were first recorded."""
        where, args = ("WHERE process_id = ?", (process_id,)) if process_id is not None else ("", ())
        rows = self._rows(f"SELECT {self._ACTION_COLS} FROM actions {where} ORDER BY seq", args)  # noqa: S608
        return [self._action_of(r) for r in rows]

    # ---- scans and account health ---------------------------------------------------------------
    def record_scan(self, rec: ScanRecord) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT INTO scans (account, started_at, finished_at, ok, summary, counts) VALUES (?, ?, ?, ?, ?, ?)",
                (rec.account, _dt(rec.started_at), _dt(rec.finished_at), int(rec.ok), rec.summary,
                 json.dumps(dict(rec.counts), sort_keys=True)),
            )  # fmt: skip

    def last_scan(self, account: str) -> ScanRecord | None:
        rows = self._rows(
            "SELECT account, started_at, finished_at, ok, summary, counts FROM scans"
            " WHERE account = ? ORDER BY id DESC LIMIT 1",
            (account,),
        )
        if not rows:
            return None
        r = rows[0]
        started, finished = _dt_back(r[1]), _dt_back(r[2])
        assert started is not None and finished is not None
        return ScanRecord(r[0], started, finished, bool(r[3]), r[4], MappingProxyType(json.loads(r[5])))

    def set_account_state(self, account: str, state: str, detail: str, at: datetime) -> None:
        if state not in ACCOUNT_STATES:
            raise ValueError(f"unknown account state {state!r} (expected one of {', '.join(ACCOUNT_STATES)})")
        with self._tx() as db:
            db.execute(
                "INSERT INTO accounts (account, state, state_detail, state_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (account) DO UPDATE SET state = excluded.state,"
                " state_detail = excluded.state_detail, state_at = excluded.state_at",
                (account, state, detail, _dt(at)),
            )

    def account_state(self, account: str) -> tuple[str, str, datetime | None]:
        """("ok", "", None) for an account never seen."""
        rows = self._rows("SELECT state, state_detail, state_at FROM accounts WHERE account = ?", (account,))
        return (rows[0][0], rows[0][1], _dt_back(rows[0][2])) if rows else ("ok", "", None)

    # ---- digest and meta --------------------------------------------------------------------------
    def claim_digest(self, week: str, at: datetime, force: bool = False) -> bool:
        """True when this call may put the digest of ``week`` (e.g. "2024-W19"): the first claim
        wins; later ones get False unless ``force``."""
        with self._tx() as db:
            if force:
                db.execute("INSERT OR REPLACE INTO digests (week, at) VALUES (?, ?)", (week, _dt(at)))
                return True
            cur = db.execute("INSERT OR IGNORE INTO digests (week, at) VALUES (?, ?)", (week, _dt(at)))
            return cur.rowcount == 1

    # ---- what an evaluation rests on ---------------------------------------------------------------
    def generations(self) -> dict[str, int]:
        """The write counters of ``GENERATION_TABLES`` (each bumped by every row written or deleted)."""
        return {r[0]: int(r[1]) for r in self._rows("SELECT name, value FROM generations")}

    def evaluation_cache(self) -> EvaluationCache | None:
        rows = self._rows("SELECT data FROM evaluation_cache WHERE id = 1")
        if not rows:
            return None
        d = json.loads(rows[0][0])
        computed_at = _dt_back(d["computed_at"])
        assert computed_at is not None
        return EvaluationCache(
            generations=MappingProxyType({k: int(v) for k, v in d["generations"].items()}),
            config=d["config"],
            computed_at=computed_at,
            changes_at=_dt_back(d["changes_at"]),
            accounts=tuple(d["accounts"]),
            summary=d.get("summary", "[]"),
        )

    def clear_evaluation_cache(self) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM evaluation_cache")

    def save_evaluation_cache(self, cache: EvaluationCache) -> bool:
        """Write ``cache`` in one transaction with the ledger generation it rests on (read inside it).

        ``cache.generations`` holds the generations the evaluation read; when signals, mutes or notes
        were written since, nothing is saved (the cache is cleared) and False comes back.
        """
        with self._tx() as db:
            now_gens = {r[0]: int(r[1]) for r in db.execute("SELECT name, value FROM generations")}
            if any(now_gens.get(t) != cache.generations.get(t) for t in GENERATION_TABLES if t != "actions"):
                db.execute("DELETE FROM evaluation_cache")
                return False
            data = {
                "generations": {**dict(cache.generations), "actions": now_gens["actions"]},
                "config": cache.config,
                "computed_at": _dt(cache.computed_at),
                "changes_at": _dt(cache.changes_at),
                "accounts": sorted(cache.accounts),
                "summary": cache.summary,
            }
            db.execute(
                "INSERT OR REPLACE INTO evaluation_cache (id, data) VALUES (1, ?)",
                (json.dumps(data, sort_keys=True),),
            )
            return True

    def meta_get(self, key: str) -> str | None:
        rows = self._rows("SELECT value FROM meta WHERE key = ?", (key,))
        return rows[0][0] if rows else None

    def meta_set(self, key: str, value: str) -> None:
        with self._tx() as db:
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))
