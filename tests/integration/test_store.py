"""The SQLite store on a real file: transactions, dedupe, migrations, damage and full disks."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from followup.domain.model import Address, Kind, Person, Reading, Signal
from followup.errors import StoreError
from followup.store import MIGRATIONS, ActionRecord, ScanRecord, Store

BERLIN = ZoneInfo("Europe/Berlin")
T0 = datetime(2024, 5, 6, 9, 30, tzinfo=BERLIN)


def sig(
    n: int, folder: str = "inbox", *, mid: str = "", when: datetime | None = None, ref: str = ""
) -> Signal:
    return Signal(
        ref=ref or f"imap:{folder.upper()}:1:{n}",
        account="main",
        folder=folder,
        message_id=mid or f"m{n}@example.com",
        thread_id="",
        in_reply_to="",
        references=("a@x", "b@x"),
        date=when or T0 + timedelta(hours=n),
        sender=Address("Rita Recruiter", "rita@acme.example"),
        reply_to=(),
        to=(Address("", "me@example.net"),),
        cc=(),
        subject=f"Interview {n}",
        reading=Reading(
            Kind.INTERVIEW_CONFIRMED,
            0.9,
            ("calendar REQUEST",),
            company="Acme",
            interview_start=T0 + timedelta(days=2),
            interview_end=T0 + timedelta(days=2, hours=1),
            interviewers=(Person("Ida", "ida@acme.example"),),
        ),
        keywords=frozenset({"$Important"}),
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "state" / "followup.sqlite")
    yield s
    s.close()


def test_open_makes_private_dirs_and_file_in_wal_mode_at_latest_schema(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "f.sqlite"
    with Store.open(path) as s:
        s.commit_batch("main", "c1", [sig(1)])
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(Path(f"{path}-wal").stat().st_mode) == 0o600
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_batch_signals_and_cursor_survive_reopen_exactly(tmp_path: Path) -> None:
    path = tmp_path / "f.sqlite"
    batch = [sig(2), sig(1, "sent")]
    with Store.open(path) as s:
        assert s.cursor("main") is None
        s.commit_batch("main", '{"INBOX": [1, 42]}', batch)
    with Store.open(path) as s:
        assert s.cursor("main") == '{"INBOX": [1, 42]}'
        got = s.signals("main")
        assert got == [batch[1], batch[0]]  # date order
        assert (
            got[0].date.tzinfo == BERLIN
            and got[0].reading.interview_start == batch[1].reading.interview_start
        )
        assert s.signals("other") == [] and s.cursor("other") is None


def test_signals_are_in_instant_order_across_time_zones(store: Store) -> None:
    tokyo = datetime(2024, 5, 6, 12, 0, tzinfo=ZoneInfo("Asia/Tokyo"))  # 03:00 UTC
    ny = datetime(2024, 5, 5, 22, 0, tzinfo=ZoneInfo("America/New_York"))  # 02:00 UTC
    plus1 = datetime(2024, 5, 6, 3, 30, tzinfo=timezone(timedelta(hours=1)))  # 02:30 UTC
    store.commit_batch("main", "c", [sig(1, when=tokyo), sig(2, when=ny), sig(3, when=plus1)])
    assert [s.message_id for s in store.signals()] == ["m2@example.com", "m3@example.com", "m1@example.com"]


def test_exception_after_inserts_leaves_previous_cursor_and_no_partial_batch(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.commit_batch("main", "c1", [sig(1)])

    def boom(*args: object) -> None:
        raise RuntimeError("crash between the inserts and the cursor")

    monkeypatch.setattr(store, "_set_cursor", boom)
    with pytest.raises(RuntimeError):
        store.commit_batch("main", "c2", [sig(2), sig(3)])
    monkeypatch.undo()
    assert store.cursor("main") == "c1"
    assert [s.message_id for s in store.signals()] == ["m1@example.com"]
    store.commit_batch("main", "c2", [sig(2)])  # the store is still usable
    assert store.cursor("main") == "c2"


def test_process_killed_mid_batch_leaves_previous_cursor_and_no_partial_batch(tmp_path: Path) -> None:
    path = tmp_path / "f.sqlite"
    with Store.open(path) as s:
        s.commit_batch("main", "c1", [sig(1)])
    child = textwrap.dedent(
        f"""
        import os, sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from test_store import sig
        from followup.store import Store
        s = Store.open({str(path)!r})
        s._set_cursor = lambda *a: os._exit(9)   # killed after the inserts, before COMMIT
        s.commit_batch("main", "c2", [sig(n) for n in range(2, 50)])
        """
    )
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, timeout=60)
    assert done.returncode == 9, done.stderr.decode()
    with Store.open(path) as s:
        assert s.cursor("main") == "c1"
        assert [x.message_id for x in s.signals()] == ["m1@example.com"]


def test_message_seen_twice_is_stored_once_and_the_inbox_copy_wins(store: Store) -> None:
    store.commit_batch("main", "c1", [sig(1, "sent", mid="x@y")])
    store.commit_batch("main", "c2", [sig(1, "inbox", mid="x@y")])
    store.commit_batch("main", "c3", [sig(1, "sent", mid="x@y", ref="imap:SENT:9:1")])
    (only,) = store.signals()
    assert only.folder == "inbox" and only.ref == "imap:INBOX:1:1"


def test_same_folder_seen_again_after_uidvalidity_reset_takes_the_new_ref(store: Store) -> None:
    store.commit_batch("main", "c1", [sig(1, mid="x@y", ref="imap:INBOX:1:5")])
    store.commit_batch(
        "main", "c2", [sig(1, mid="x@y", ref="imap:INBOX:2:77"), sig(1, mid="x@y", ref="imap:INBOX:2:78")]
    )
    (only,) = store.signals()
    assert only.ref == "imap:INBOX:2:78"


def test_reset_account_forgets_cursor_signals_and_first_sync_only_of_that_account(store: Store) -> None:
    store.commit_batch("main", "c1", [sig(1)])
    store.commit_batch("other", "o1", [sig(2)])
    store.mark_first_sync("main", T0)
    store.add_note("p1", "liked the team", T0)
    store.reset_account("main")
    assert store.cursor("main") is None and store.first_sync_at("main") is None
    assert [s.message_id for s in store.signals()] == ["m2@example.com"] and store.cursor("other") == "o1"
    assert store.notes("p1") == ["liked the team"]


def test_set_keywords_adds_and_removes_the_mute_keyword(store: Store) -> None:
    store.commit_batch("main", "c", [sig(1), sig(2)])
    store.set_keywords("main", {"imap:INBOX:1:1"}, "followup-mute")
    kw = {s.ref: s.keywords for s in store.signals()}
    assert kw == {"imap:INBOX:1:1": {"$Important", "followup-mute"}, "imap:INBOX:1:2": {"$Important"}}
    store.set_keywords("main", set(), "followup-mute")
    assert all(s.keywords == {"$Important"} for s in store.signals())


def test_first_sync_time_round_trips_aware(store: Store) -> None:
    assert store.first_sync_at("main") is None
    store.mark_first_sync("main", T0)
    got = store.first_sync_at("main")
    assert got == T0 and got is not None and got.utcoffset() == timedelta(hours=2)
    store.commit_batch("main", "c", [])
    assert store.first_sync_at("main") == T0  # the cursor upsert keeps it


def test_notes_in_order_and_mutes_toggle(store: Store) -> None:
    store.add_note("p1", "first", T0)
    store.add_note("p1", "second", T0)
    store.add_note("p2", "other", T0)
    assert store.notes("p1") == ["first", "second"] and store.notes("nope") == []
    store.set_muted("p1", True)
    store.set_muted("p1", True)
    store.set_muted("p2", True)
    store.set_muted("p2", False)
    assert store.muted_processes() == {"p1"}


def test_action_ledger_upserts_by_key_and_keeps_first_order(store: Store) -> None:
    a = ActionRecord(
        "k1", "thank_you", "p1", "main", "drafting", to=("ida@acme.example",), due_at=T0, created_at=T0
    )
    b = ActionRecord("k2", "check_in", "p2", "main", "held_back", detail="backfill")
    store.record_action(a)
    store.record_action(b)
    done = ActionRecord(
        "k1", "thank_you", "p1", "main", "drafted", "imap:Drafts:1:3", "ab" * 32, a.to, T0, T0
    )
    store.record_action(done)
    assert store.action("k1") == done and store.action("zz") is None
    assert [r.key for r in store.actions()] == ["k1", "k2"]
    assert store.actions("p2") == [b]
    got = store.action("k1")
    assert got is not None and got.due_at is not None and got.due_at.tzinfo == BERLIN


def test_unknown_action_or_account_state_is_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="action state"):
        store.record_action(ActionRecord("k", "thank_you", "p", "main", "sent"))
    with pytest.raises(ValueError, match="account state"):
        store.set_account_state("main", "sleepy", "", T0)


def test_last_scan_is_the_latest_record(store: Store) -> None:
    assert store.last_scan("main") is None
    store.record_scan(ScanRecord("main", T0, T0 + timedelta(seconds=3), True, "ok", {"fetched": 4}))
    later = ScanRecord(
        "main", T0 + timedelta(minutes=15), T0 + timedelta(minutes=16), False, "login refused", {}
    )
    store.record_scan(later)
    store.record_scan(ScanRecord("other", T0, T0, True, "ok", {}))
    got = store.last_scan("main")
    assert got == later and dict(got.counts) == {} and got.finished_at.tzinfo == BERLIN
    first = ScanRecord("x", T0, T0, True, "s", {"fetched": 4, "kept": 1})
    store.record_scan(first)
    assert dict(store.last_scan("x").counts) == {"fetched": 4, "kept": 1}  # type: ignore[union-attr]


def test_account_state_defaults_ok_and_updates(store: Store) -> None:
    assert store.account_state("main") == ("ok", "", None)
    store.set_account_state("main", "paused_auth", "login refused: run followup auth main", T0)
    assert store.account_state("main") == ("paused_auth", "login refused: run followup auth main", T0)
    store.commit_batch("main", "c", [])
    assert store.account_state("main")[0] == "paused_auth"


def test_digest_is_claimed_once_per_week_unless_forced(store: Store) -> None:
    assert store.claim_digest("2024-W19", T0) is True
    assert store.claim_digest("2024-W19", T0 + timedelta(hours=1)) is False
    assert store.claim_digest("2024-W19", T0, force=True) is True
    assert store.claim_digest("2024-W20", T0) is True


def test_meta_values(store: Store) -> None:
    assert store.meta_get("k") is None
    store.meta_set("k", "1")
    store.meta_set("k", "2")
    assert store.meta_get("k") == "2"


def test_garbage_file_says_it_can_be_rebuilt_and_names_the_path(tmp_path: Path) -> None:
    path = tmp_path / "f.sqlite"
    path.write_bytes(b"this is not a database, just some bytes " * 200)
    with pytest.raises(StoreError) as info:
        Store.open(path)
    assert str(path) in str(info.value) and "rebuilt from the mailbox" in str(info.value)


def test_foreign_sqlite_database_is_not_taken_for_a_store(tmp_path: Path) -> None:
    path = tmp_path / "f.sqlite"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(StoreError, match="rebuilt from the mailbox"):
        Store.open(path)


def test_store_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "f.sqlite"
    Store.open(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    db.close()
    with pytest.raises(StoreError, match="newer followup"):
        Store.open(path)


def test_full_disk_is_a_store_error_and_the_cursor_stays(store: Store) -> None:
    store.commit_batch("main", "c1", [sig(1)])
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages + 1}")  # simulate a full disk
    big = [sig(n) for n in range(2, 400)]
    with pytest.raises(StoreError, match="full"):
        store.commit_batch("main", "c2", big)
    assert store.cursor("main") == "c1" and len(store.signals()) == 1


def test_unwritable_location_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot create the store"):
        Store.open(blocker / "sub" / "f.sqlite")


def test_store_can_be_used_from_another_thread(store: Store) -> None:
    errors: list[BaseException] = []

    def work() -> None:
        try:
            store.commit_batch("main", "t", [sig(1)])
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert not errors and store.cursor("main") == "t"


def test_naive_signal_date_is_refused_before_anything_is_written(store: Store) -> None:
    bad = sig(2, when=datetime(2024, 5, 6, 9, 0))  # noqa: DTZ001
    with pytest.raises(ValueError, match="naive"):
        store.commit_batch("main", "c2", [sig(1), bad])
    assert store.cursor("main") is None and store.signals() == []


def test_utc_datetimes_come_back_utc(store: Store) -> None:
    at = datetime(2024, 1, 1, 12, tzinfo=UTC)
    store.set_account_state("main", "error", "x", at)
    assert store.account_state("main")[2] == at
