"""A sync reads each message in its thread's context (real SQLite; the IMAP case on a real Dovecot):
replies whose parent was read earlier in the same batch, in an earlier sync, or in worker processes;
the founder's calendar invite without a hiring word; heldout10 synced as one mailbox."""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from followup.backends.memory import MemoryMailbox
from followup.domain.classify import read
from followup.domain.codec import signal_to_dict
from followup.domain.model import Identity, Kind, Signal
from followup.domain.parse import parse
from followup.services import reading
from followup.services.ingest import sync_account
from followup.store import Store

USER = Identity("Nadia Farrow", ("nadia@example.net",), "America/New_York")
NOW = datetime(2027, 3, 1, 12, 0, tzinfo=UTC)
HELDOUT10 = Path(__file__).resolve().parents[1] / "fixtures" / "heldout10"


def _mail(n: int, sender: str, subject: str, body: str, *, parent: int = 0, day: int = 22) -> bytes:
    head = (
        f"From: {sender}\r\nTo: Nadia <nadia@example.net>\r\nSubject: {subject}\r\n"
        f"Date: Mon, {day} Feb 2027 {8 + n % 10:02d}:00:00 -0500\r\nMessage-ID: <m{n}@test.example>\r\n"
    )
    if parent:
        head += f"In-Reply-To: <m{parent}@test.example>\r\nReferences: <m{parent}@test.example>\r\n"
    return (head + "\r\n" + body + "\r\n").encode()


OWEN = "Owen Tallis <owen@quillfern.co>"
INVITE = _mail(
    1,
    OWEN,
    "Founding Operations Lead at Quillfern",
    "Hi Nadia, thanks for applying for the Founding Operations Lead role. Could you send me a few times "
    "for an interview this week?",
)
# no hiring word: alone it is chatter, in its thread it fixes the interview
REPLY = _mail(
    2,
    "Mia Chen <mia@quillfern.co>",
    "Re: Founding Operations Lead",
    "sounds good, see you Thursday at 2",
    parent=1,
)
CHATTER = [_mail(10 + n, f"Pal {n} <pal{n}@mail.example>", "Saturday", "Bring the cake.") for n in range(6)]


def _sync(mailbox: MemoryMailbox, path: Path, workers: int = 0) -> tuple[dict[str, Signal], Any]:
    with Store.open(path) as store:
        report = sync_account(mailbox, store, "main", USER, NOW, 180, workers=workers)
        return {s.message_id: s for s in store.signals("main")}, report


def test_a_reply_in_the_same_batch_as_its_hiring_parent_is_read_again_in_context(tmp_path: Path) -> None:
    box = MemoryMailbox("main", batch_size=50)
    for raw in (INVITE, *CHATTER, REPLY):
        box.add("inbox", raw)
    assert read(parse(REPLY), USER).kind is Kind.OTHER  # alone
    signals, report = _sync(box, tmp_path / "s.sqlite")
    reply = signals["m2@test.example"].reading
    assert reply.kind is Kind.INTERVIEW_CONFIRMED
    assert reply.company == "Quillfern"
    assert report.reread == 1
    assert not any(f"m{10 + n}@test.example" in signals for n in range(6))  # chatter is still dropped


def test_a_reply_in_a_later_sync_takes_its_context_from_the_store(tmp_path: Path) -> None:
    box = MemoryMailbox("main")
    box.add("inbox", INVITE)
    first, _ = _sync(box, tmp_path / "s.sqlite")
    assert first["m1@test.example"].reading.kind is Kind.INTERVIEW_INVITE
    box.add("inbox", REPLY)
    later, report = _sync(box, tmp_path / "s.sqlite")
    assert later["m2@test.example"].reading.kind is Kind.INTERVIEW_CONFIRMED
    assert report.reread == 0  # the context was known before the reader got it
    assert report.unparsed == 0  # and the pre-parse gate let it through


def test_reading_in_worker_processes_gives_the_same_store_as_in_process(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(reading, "POOL_MIN_MESSAGES", 1)
    monkeypatch.setattr(reading, "_CHUNK", 2)
    stores = []
    for workers, name in ((0, "a"), (2, "b")):
        box = MemoryMailbox("main", batch_size=3)  # the parent and its reply in different batches
        for raw in (INVITE, *CHATTER[:3], REPLY, *CHATTER[3:]):
            box.add("inbox", raw)
        signals, _ = _sync(box, tmp_path / f"{name}.sqlite", workers)
        stores.append({k: signal_to_dict(v) for k, v in signals.items()})
    assert stores[0] == stores[1]
    assert stores[1]["m2@test.example"]["reading"]["kind"] == "interview_confirmed"


def _heldout10() -> tuple[Identity, list[tuple[str, bytes, str]]]:
    data = tomllib.loads((HELDOUT10 / "labels.toml").read_text("utf-8"))
    u = data["user"]
    user = Identity(u["name"], tuple(a.lower() for a in u["addresses"]), u["timezone"])
    return user, [
        (lab["file"], (HELDOUT10 / lab["file"]).read_bytes(), lab["kind"]) for lab in data["labels"]
    ]


def test_heldout10_synced_as_one_mailbox_reads_the_founders_invite_and_breaks_nothing(tmp_path: Path) -> None:
    user, mail = _heldout10()
    box = MemoryMailbox("main", batch_size=10)
    ids = {}
    for name, raw, _ in mail:
        message = parse(raw)
        ids[name] = message.message_id
        box.add("sent" if user.is_user(message.sender.email if message.sender else "") else "inbox", raw)
    now = datetime(2027, 4, 30, tzinfo=UTC)
    with Store.open(tmp_path / "h.sqlite") as store:
        sync_account(box, store, "main", user, now, 180, workers=0)
        kinds = {s.message_id: s.reading.kind.value for s in store.signals("main")}
    alone_errors = synced_errors = 0
    for name, raw, want in mail:
        alone = read(parse(raw), user).kind.value
        synced = kinds.get(ids[name], "other")  # not kept: read as other
        alone_errors += alone != want
        synced_errors += synced != want
        assert not (alone == want and synced != want), name  # context never turns a right kind wrong
    assert kinds[ids["05-onsite-calendar-quillfern.eml"]] == "interview_confirmed"
    assert synced_errors < alone_errors or alone_errors == 0


@pytest.mark.dovecot
def test_on_imap_a_reply_without_hiring_words_in_a_hiring_thread_is_kept_and_read_in_context(
    dovecot, mailbox_for, tmp_path: Path
) -> None:
    for raw in (INVITE, *CHATTER[:2], REPLY):
        dovecot.deliver("INBOX", raw)
    with Store.open(tmp_path / "i.sqlite") as store:
        with mailbox_for(dovecot, batch_size=2) as mb:
            sync_account(mb, store, "test", USER, NOW, 180, workers=0)
        kinds = {s.message_id: s.reading.kind for s in store.signals("test")}
    assert kinds == {"m1@test.example": Kind.INTERVIEW_INVITE, "m2@test.example": Kind.INTERVIEW_CONFIRMED}
