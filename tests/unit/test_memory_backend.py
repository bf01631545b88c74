"""MemoryMailbox and ReadOnly behave like the IMAP backend where services can tell."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from followup.backends.base import DRAFTS, INBOX, SENT, Mailbox
from followup.backends.memory import MemoryMailbox, ReadOnly
from followup.errors import FolderError

NOW = datetime(2025, 3, 14, 12, 0, tzinfo=UTC)
SINCE = NOW - timedelta(days=180)


def mail(n: int, days_ago: float = 1, key: str = "") -> bytes:
    extra = f"X-Followup-Key: {key}\r\n" if key else ""
    date = format_datetime(NOW - timedelta(days=days_ago))
    return f"From: a@acme.example\r\nSubject: m{n}\r\nDate: {date}\r\nMessage-ID: <m{n}@x>\r\n{extra}\r\nhi\r\n".encode()


def subjects(mb: Mailbox, cursor: str | None) -> tuple[list[str], str | None]:
    batches = list(mb.sync(cursor, SINCE))
    got = [m.raw.split(b"Subject: ")[1].split(b"\r\n")[0].decode() for b in batches for m in b.messages]
    return got, (batches[-1].cursor if batches else cursor)


def test_memory_mailbox_satisfies_the_mailbox_protocol():
    mb: Mailbox = MemoryMailbox("m")
    with mb as opened:
        assert opened is mb


def test_first_sync_honours_since_and_later_syncs_fetch_only_new_mail():
    mb = MemoryMailbox()
    mb.add(INBOX, mail(1, days_ago=200))
    mb.add(INBOX, mail(2))
    mb.add(SENT, mail(3))

    got, cursor = subjects(mb, None)
    assert got == ["m2", "m3"]
    assert subjects(mb, cursor) == ([], cursor)

    mb.add(INBOX, mail(4, days_ago=400))  # new mail counts whatever its date
    got, _ = subjects(mb, cursor)
    assert got == ["m4"]


def test_batches_carry_a_cursor_that_resumes_after_them():
    mb = MemoryMailbox(batch_size=2)
    for n in range(5):
        mb.add(INBOX, mail(n))

    batches = list(mb.sync(None, SINCE))
    assert [len(b.messages) for b in batches] == [2, 2, 1, 0]
    got, _ = subjects(mb, batches[0].cursor)
    assert got == ["m2", "m3", "m4"]


def test_uidvalidity_reset_resyncs_the_folder_with_new_refs():
    mb = MemoryMailbox()
    old = mb.add(INBOX, mail(1))
    _, cursor = subjects(mb, None)

    mb.reset_uidvalidity(INBOX)
    batches = list(mb.sync(cursor, SINCE))

    refs = [m.ref for b in batches for m in b.messages]
    assert refs == ["INBOX:2:1"] and old == "INBOX:1:1"
    assert json.loads(batches[-1].cursor)["INBOX"]["uidvalidity"] == 2


def test_muted_refs_and_keywords():
    mb = MemoryMailbox()
    mb.add(INBOX, mail(1))
    muted = mb.add(SENT, mail(2), keywords=["followup-mute"])
    mb.add(DRAFTS, mail(3), keywords=["followup-mute"])

    assert mb.muted_refs("followup-mute") == {muted}


def test_drafts_round_trip_and_find_drafted_matches_exact_keys():
    mb = MemoryMailbox()
    ref = mb.append_draft(mail(1, key="thank_you:acme:10"))
    mb.add(SENT, mail(2, key="check_in:acme:1"))
    mb.add(INBOX, mail(3, key="offer_reply:acme:1"))

    found = mb.find_drafted(
        ["thank_you:acme:1", "check_in:acme:1", "offer_reply:acme:1", "thank_you:acme:10"]
    )

    assert sorted((f.key, f.folder) for f in found) == [
        ("check_in:acme:1", SENT),
        ("thank_you:acme:10", DRAFTS),
    ]
    assert mb.read_draft(ref) == mail(1, key="thank_you:acme:10")
    mb.delete_draft(ref)
    assert mb.read_draft(ref) is None and mb.deleted == [ref] and len(mb.appended) == 1


def test_delete_draft_refuses_anything_but_our_drafts():
    mb = MemoryMailbox()
    inbox = mb.add(INBOX, mail(1, key="k"))
    foreign = mb.add(DRAFTS, mail(2))

    with pytest.raises(FolderError, match="not in the Drafts folder"):
        mb.delete_draft(inbox)
    with pytest.raises(FolderError, match="not a draft followup made"):
        mb.delete_draft(foreign)


def test_put_in_inbox_is_synced_like_delivered_mail():
    mb = MemoryMailbox()
    _, cursor = subjects(mb, None)
    mb.put_in_inbox(mail(9), NOW)

    assert subjects(mb, cursor)[0] == ["m9"]
    assert mb.put == [mail(9)]


def test_read_only_reads_through_and_records_writes_without_touching_the_mailbox():
    real = MemoryMailbox()
    real.add(INBOX, mail(1))
    existing = real.append_draft(mail(2, key="k-old"))
    real.appended.clear()
    dry = ReadOnly(real)

    with dry:
        assert subjects(dry, None)[0] == ["m1"]
        ref = dry.append_draft(mail(3, key="k-new"))
        dry.put_in_inbox(mail(4), NOW)
        dry.delete_draft(existing)
        found = dry.find_drafted(["k-old", "k-new"])
        assert dry.read_draft(ref) == mail(3, key="k-new")
        assert dry.read_draft(existing) is None  # as if deleted

    assert sorted(f.key for f in found) == ["k-new", "k-old"]
    assert real.appended == [] and real.put == [] and real.deleted == []
    assert len(real.folders[DRAFTS]) == 1 and len(real.folders[INBOX]) == 1
    assert dry.drafts == [mail(3, key="k-new")] and dry.deleted == [existing] and len(dry.put) == 1
