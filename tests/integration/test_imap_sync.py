"""Incremental sync of INBOX and Sent against a real Dovecot."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from followup.backends.base import INBOX, SENT, Batch
from followup.errors import ConnectError
from tests.integration.conftest import NOW

pytestmark = pytest.mark.dovecot

SINCE = NOW - timedelta(days=180)


def _run(mailbox, cursor):
    """All batches of one sync and the cursor left by the last one."""
    with mailbox as mb:
        batches = list(mb.sync(cursor, SINCE))
    return batches, (batches[-1].cursor if batches else cursor)


def _ids(batches: list[Batch]) -> list[bytes]:
    return [
        line
        for b in batches
        for m in b.messages
        for line in m.raw.splitlines()
        if line.startswith(b"Message-ID")
    ]


def test_first_sync_fetches_only_mail_inside_the_lookback(dovecot, make_message, mailbox_for):
    dovecot.deliver("INBOX", make_message(1, days_ago=200))
    dovecot.deliver("INBOX", make_message(2, days_ago=10))
    dovecot.deliver("Sent", make_message(3, days_ago=190))
    dovecot.deliver("Sent", make_message(4, days_ago=5))
    # arrived last (highest UID) but dated long ago: still outside the window
    dovecot.deliver("INBOX", make_message(5, days_ago=365))

    batches, _ = _run(mailbox_for(dovecot), None)

    got = {(m.folder, m.raw.split(b"Subject: ")[1].split(b"\r\n")[0]) for b in batches for m in b.messages}
    assert got == {(INBOX, b"message 2"), (SENT, b"message 4")}


def test_second_sync_fetches_only_new_mail_and_nothing_when_nothing_is_new(
    dovecot, make_message, mailbox_for
):
    for n in range(3):
        dovecot.deliver("INBOX", make_message(n))
    first, cursor = _run(mailbox_for(dovecot), None)
    assert len(_ids(first)) == 3

    again, cursor = _run(mailbox_for(dovecot), cursor)
    assert _ids(again) == []  # "UID n:*" answers the last message even when nothing is newer

    dovecot.deliver("INBOX", make_message(10))
    dovecot.deliver("Sent", make_message(11, days_ago=400))  # new mail counts whatever its date
    later, cursor = _run(mailbox_for(dovecot), cursor)
    assert sorted(_ids(later)) == [b"Message-ID: <m10@test.example>", b"Message-ID: <m11@test.example>"]


def test_uidvalidity_change_resyncs_that_folder_with_new_refs_and_the_same_message_ids(
    dovecot, make_message, mailbox_for
):
    for n in range(3):
        dovecot.deliver("INBOX", make_message(n))
    dovecot.deliver("Sent", make_message(9))
    first, cursor = _run(mailbox_for(dovecot), None)
    old_refs = {m.ref for b in first for m in b.messages if m.folder == INBOX}

    dovecot.set_uidvalidity("INBOX", 777)
    again, cursor = _run(mailbox_for(dovecot), cursor)

    inbox = [m for b in again for m in b.messages]
    assert {m.folder for m in inbox} == {INBOX}  # Sent kept its cursor
    assert sorted(_ids(again)) == sorted(i for i in _ids(first) if b"m9@" not in i)
    assert not old_refs & {m.ref for m in inbox}
    assert all(m.ref.startswith("INBOX:777:") for m in inbox)
    assert json.loads(cursor)["INBOX"]["uidvalidity"] == 777


def test_sync_leaves_seen_flags_unchanged(dovecot, make_message, mailbox_for):
    unread = dovecot.deliver("INBOX", make_message(1))
    read = dovecot.deliver("INBOX", make_message(2), flags=[b"\\Seen"])

    batches, _ = _run(mailbox_for(dovecot), None)
    assert len(_ids(batches)) == 2

    client = dovecot.client()
    client.select_folder("INBOX", readonly=True)
    flags = client.get_flags([unread, read])
    client.logout()
    assert b"\\Seen" not in flags[unread]
    assert b"\\Seen" in flags[read]


def test_batches_respect_batch_size_and_each_cursor_covers_its_batch(dovecot, make_message, mailbox_for):
    for n in range(7):
        dovecot.deliver("INBOX", make_message(n))

    batches, _ = _run(mailbox_for(dovecot, batch_size=3), None)

    sizes = [len(b.messages) for b in batches]
    assert sizes[:3] == [3, 3, 1]
    last_uids = [json.loads(b.cursor)["INBOX"]["last_uid"] for b in batches[:3]]
    assert last_uids == [3, 6, 7]


def test_dropped_connection_mid_sync_raises_connect_error_and_next_sync_resumes(
    dovecot, make_message, mailbox_for
):
    for n in range(6):
        dovecot.deliver("INBOX", make_message(n))
    stored: list[bytes] = []
    cursor = None
    mailbox = mailbox_for(dovecot, batch_size=2)
    with pytest.raises(ConnectError, match="connection"), mailbox as mb:
        for batch in mb.sync(None, SINCE):
            stored += _ids([batch])
            cursor = batch.cursor  # the caller commits messages and cursor together
            if len(stored) == 2:
                dovecot.restart()  # the server goes away between two batches
    assert len(stored) == 2

    rest, _ = _run(mailbox_for(dovecot, batch_size=2), cursor)
    stored += _ids(rest)
    assert sorted(stored) == sorted(f"Message-ID: <m{n}@test.example>".encode() for n in range(6))


def test_interrupted_first_sync_keeps_honouring_the_lookback_when_resumed(dovecot, make_message, mailbox_for):
    dovecot.deliver("INBOX", make_message(1, days_ago=3))
    dovecot.deliver("INBOX", make_message(2, days_ago=2))
    dovecot.deliver("INBOX", make_message(3, days_ago=900))  # higher UID, outside the window
    with mailbox_for(dovecot, batch_size=1) as mb:
        first = next(iter(mb.sync(None, SINCE)))  # stop after one batch, as a crash would

    rest, _ = _run(mailbox_for(dovecot), first.cursor)

    assert _ids([first]) + _ids(rest) == [b"Message-ID: <m1@test.example>", b"Message-ID: <m2@test.example>"]


def test_huge_message_arrives_truncated_with_its_headers(dovecot, make_message, mailbox_for):
    dovecot.deliver("INBOX", make_message(1, body_bytes=300_000))
    dovecot.deliver("INBOX", make_message(2))

    batches, _ = _run(mailbox_for(dovecot, max_message_bytes=100_000), None)

    big, small = (m for b in batches for m in b.messages)
    assert big.truncated and big.size > 300_000
    assert b"Subject: message 1" in big.raw and len(big.raw) < 1000
    assert not small.truncated and small.raw.endswith(b"Body of message 2.\r\n")


def test_fetched_messages_carry_internal_date_and_keywords(dovecot, make_message, mailbox_for):
    dovecot.deliver("INBOX", make_message(1, days_ago=4), flags=[b"\\Flagged", b"followup-mute"])

    batches, _ = _run(mailbox_for(dovecot), None)

    (fetched,) = (m for b in batches for m in b.messages)
    assert fetched.keywords == frozenset({"followup-mute"})
    assert fetched.internal_date == NOW - timedelta(days=4)
    assert fetched.ref.startswith("INBOX:") and fetched.thread_id == ""
