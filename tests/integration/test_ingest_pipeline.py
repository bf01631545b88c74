"""Reading in worker processes while the next batch is fetched: the same store as reading in-process,
a known employer person's mail without any hiring word still kept, and a dropped connection stores
what was fetched before it (real Dovecot, real SQLite)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from followup.domain.codec import signal_to_dict
from followup.domain.model import Identity, Kind
from followup.errors import ConnectError
from followup.services import ingest, reading
from followup.services.ingest import sync_account
from followup.store import Store
from tests.integration.conftest import NOW

pytestmark = pytest.mark.dovecot

USER = Identity("User", ("user@example.net",), "UTC")


def _mail(n: int, sender: str, subject: str, body: str, *, folder_from_user: bool = False) -> bytes:
    return (
        f"From: {sender}\r\nTo: {'Ana <ana.ruiz@acme-robotics.example>' if folder_from_user else 'user@example.net'}"
        f"\r\nSubject: {subject}\r\nDate: Fri, 14 Mar 2025 0{n % 10}:00:00 +0000\r\n"
        f"Message-ID: <p{n}@test.example>\r\n\r\n{body}\r\n"
    ).encode()


def _fill(dovecot: Any) -> None:
    ana = "Ana Ruiz <ana.ruiz@acme-robotics.example>"
    dovecot.deliver(
        "INBOX",
        _mail(
            1,
            ana,
            "Interview for the Data Engineer position",
            "Could you send me a few times for an interview?",
        ),
    )
    for n in range(2, 9):  # chatter without any hiring word: spared the full parse
        dovecot.deliver("INBOX", _mail(n, f"Friend {n} <f{n}@mail.example>", "Saturday", "Bring the cake."))
    # no hiring word at all, but from the person who wrote the hiring mail: it belongs to the process
    dovecot.deliver("INBOX", _mail(9, ana, "Lovely chatting", "See you soon, Ana"))
    dovecot.deliver(
        "INBOX", _mail(10, "Bo <bo@beta-labs.example>", "Your application", "We received your application.")
    )
    dovecot.deliver(
        "Sent", _mail(11, "User <user@example.net>", "Re: Interview", "Tuesday works.", folder_from_user=True)
    )


def _sync(dovecot: Any, mailbox_for: Any, path: Path, workers: int) -> tuple[list[dict[str, Any]], Any]:
    with Store.open(path) as store:
        with mailbox_for(dovecot, batch_size=3) as mb:
            report = sync_account(mb, store, "test", USER, NOW, 180, workers=workers)
        return [signal_to_dict(s) for s in store.signals("test")], report


def test_reading_in_worker_processes_stores_exactly_what_reading_in_process_stores(
    dovecot, mailbox_for, tmp_path, monkeypatch
):
    _fill(dovecot)
    monkeypatch.setattr(reading, "POOL_MIN_MESSAGES", 1)  # every batch goes to the workers
    monkeypatch.setattr(reading, "_CHUNK", 2)
    inline, inline_report = _sync(dovecot, mailbox_for, tmp_path / "a.sqlite", workers=0)
    pooled, pooled_report = _sync(dovecot, mailbox_for, tmp_path / "b.sqlite", workers=2)
    assert json.dumps(pooled, sort_keys=True) == json.dumps(inline, sort_keys=True)
    ids = {s["message_id"] for s in inline}
    assert {"p1@test.example", "p9@test.example", "p10@test.example", "p11@test.example"} <= ids
    assert not ids & {f"p{n}@test.example" for n in range(2, 9)}
    assert inline_report.unparsed == pooled_report.unparsed >= 7  # the chatter was never parsed
    assert (pooled_report.fetched, pooled_report.kept, pooled_report.batches) == (
        inline_report.fetched,
        inline_report.kept,
        inline_report.batches,
    )


def test_known_employer_persons_mail_without_a_hiring_word_is_kept_as_other(dovecot, mailbox_for, tmp_path):
    _fill(dovecot)
    signals, _ = _sync(dovecot, mailbox_for, tmp_path / "s.sqlite", workers=0)
    [later] = [s for s in signals if s["message_id"] == "p9@test.example"]
    assert later["reading"]["kind"] == Kind.OTHER.value


def test_a_dropped_connection_mid_sync_raises_and_keeps_the_batches_fetched_before_it(
    dovecot, mailbox_for, tmp_path, monkeypatch
):
    _fill(dovecot)
    monkeypatch.setattr(reading, "POOL_MIN_MESSAGES", 1)
    with Store.open(tmp_path / "s.sqlite") as store, mailbox_for(dovecot, batch_size=3) as mb:
        real = mb.sync

        def failing(*args: Any, **kwargs: Any) -> Iterator[Any]:
            for n, batch in enumerate(real(*args, **kwargs)):
                if n == 2:
                    mb._drop()
                    raise ConnectError("test: connection dropped while fetching")
                yield batch

        mb.sync = failing  # type: ignore[method-assign]
        with pytest.raises(ConnectError):
            sync_account(mb, store, "test", USER, NOW, 180, workers=2)
        cursor = json.loads(store.cursor("test") or "{}")
        stored = {s.message_id for s in store.signals("test")}
    assert cursor["INBOX"]["last_uid"] == 6  # the two batches fetched before the drop are stored
    assert "p1@test.example" in stored


def _note(n: int, to: str, subject: str, body: str) -> bytes:
    return (
        f"From: User <user@example.net>\r\nTo: {to}\r\nSubject: {subject}\r\n"
        f"Date: Fri, 14 Mar 2025 1{n % 10}:00:00 +0000\r\nMessage-ID: <u{n}@test.example>\r\n\r\n{body}\r\n"
    ).encode()


def test_the_users_note_without_a_hiring_word_is_read_when_it_goes_to_a_known_employer_person(
    dovecot, mailbox_for, tmp_path, monkeypatch
):
    _fill(dovecot)
    ana, priya = "Ana Ruiz <ana.ruiz@acme-robotics.example>", "Priya <priya.recruits@gmail.com>"
    dovecot.deliver("INBOX", _mail(12, priya, "Interview next week", "Could we set up an interview?"))
    dovecot.deliver("Sent", _note(1, ana, "Today", "Great chatting today, Ana! Enjoy the weekend."))
    dovecot.deliver("Sent", _note(2, priya, "Today", "Lovely chatting, Priya. Enjoy the weekend."))
    dovecot.deliver(
        "Sent", _note(3, "Theo <theo.brandt@gmail.com>", "Saturday", "Dinner at ours? Bring the cake.")
    )
    fully: list[str] = []
    real = ingest.read_fully

    def spy(fetched: Any, *args: Any, **kwargs: Any) -> Any:
        fully.append(fetched.raw.split(b"Message-ID: <")[1].split(b">")[0].decode())
        return real(fetched, *args, **kwargs)

    monkeypatch.setattr(ingest, "read_fully", spy)
    signals, report = _sync(dovecot, mailbox_for, tmp_path / "s.sqlite", workers=0)
    kept = {s["message_id"]: s for s in signals}
    # to the employer's address: never skipped, kept with the employer's name
    assert kept["u1@test.example"]["reading"]["company"]
    # to a known employer person at a freemail address: skipped by the gate, then read in full at commit
    assert "u2@test.example" in fully
    # to a friend: skipped and never read
    assert "u3@test.example" not in kept and "u3@test.example" not in fully
    assert report.unparsed >= 9  # the seven chatters, the note to Priya and the note to Theo
