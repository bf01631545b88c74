"""Header-first sync against a real Dovecot: bodies only for what ``want_body`` accepts."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from followup.backends.base import INBOX, SENT
from tests.integration.conftest import NOW

pytestmark = pytest.mark.dovecot

SINCE = NOW - timedelta(days=180)
BULK = {"List-Unsubscribe": "<mailto:u@news.example>"}


def test_declined_messages_are_skipped_but_the_cursor_moves_past_them(dovecot, make_message, mailbox_for):
    dovecot.deliver("INBOX", make_message(1))
    dovecot.deliver("INBOX", make_message(2, headers=BULK))
    dovecot.deliver("INBOX", make_message(3, headers=BULK))
    dovecot.deliver("Sent", make_message(4, headers=BULK))
    seen: list[tuple[str, bytes]] = []

    def want(role: str, header: bytes) -> bool:
        seen.append((role, header))
        return role == SENT or b"List-Unsubscribe" not in header

    with mailbox_for(dovecot) as mb:
        batches = list(mb.sync(None, SINCE, want_body=want))
    got = [(m.folder, m.raw.split(b"Subject: ")[1].split(b"\r\n")[0]) for b in batches for m in b.messages]
    assert got == [(INBOX, b"message 1"), (SENT, b"message 4")]
    assert all(h.endswith(b"\r\n\r\n") and b"Body of message" not in h for _, h in seen)  # header only
    assert all(b"Body of message" in m.raw for b in batches for m in b.messages)  # kept ones whole
    state = json.loads(batches[-1].cursor)
    assert state["INBOX"]["last_uid"] == 3 and state["Sent"]["last_uid"] == 1


def test_all_declined_batch_still_carries_the_cursor(dovecot, make_message, mailbox_for):
    for n in range(5):
        dovecot.deliver("INBOX", make_message(n, headers=BULK))
    with mailbox_for(dovecot, batch_size=2) as mb:
        batches = list(mb.sync(None, SINCE, want_body=lambda role, header: False))
    assert len(batches) == 4  # three chunks of INBOX, then Sent's cursor
    assert all(not b.messages for b in batches)
    assert json.loads(batches[-1].cursor)["INBOX"]["last_uid"] == 5


def test_oversized_wanted_message_comes_as_its_header_only(dovecot, make_message, mailbox_for):
    dovecot.deliver("INBOX", make_message(1, body_bytes=20_000))
    with mailbox_for(dovecot, max_message_bytes=5_000) as mb:
        batches = list(mb.sync(None, SINCE, want_body=lambda role, header: True))
    [message] = [m for b in batches for m in b.messages]
    assert message.truncated and message.size > 20_000
    assert message.raw.endswith(b"\r\n\r\n") and b"Body of message" not in message.raw


def test_sync_with_nothing_new_sends_no_search(dovecot, make_message, mailbox_for):
    dovecot.deliver("INBOX", make_message(1))
    with mailbox_for(dovecot) as mb:
        cursor = list(mb.sync(None, SINCE))[-1].cursor
        calls: list[object] = []
        search = mb.client.search
        mb.client.search = lambda *a, **k: calls.append(a) or search(*a, **k)  # type: ignore[method-assign]
        again = list(mb.sync(cursor, SINCE))
    assert again == [] and calls == []


def test_sync_account_declines_bulk_mail_but_fetches_a_bulk_reply_into_a_known_thread(
    dovecot, make_message, mailbox_for, tmp_path
):
    from followup.domain.model import Identity
    from followup.services.ingest import sync_account
    from followup.store import Store

    user = Identity("User", ("user@example.net",), "UTC")
    hiring = (  # kept: hiring mail from an employer
        b"From: Ana Ruiz <ana.ruiz@acme-robotics.example>\r\nTo: user@example.net\r\n"
        b"Subject: Interview for the Data Engineer position\r\nDate: Fri, 14 Mar 2025 09:00:00 +0000\r\n"
        b"Message-ID: <m1@test.example>\r\n\r\nHi, thanks for applying to Acme Robotics. Could you send me "
        b"a few times next week for a 30-minute interview about the Data Engineer position?\r\n\r\nAna\r\n"
    )
    dovecot.deliver("INBOX", hiring)
    dovecot.deliver("INBOX", make_message(2, headers=BULK, sender="News <news@garden.example>"))
    with Store.open(tmp_path / "s.sqlite") as store:
        with mailbox_for(dovecot) as mb:
            first = sync_account(mb, store, "test", user, NOW, 180)
        reply = {**BULK, "In-Reply-To": "<m1@test.example>"}
        dovecot.deliver("INBOX", make_message(3, headers=reply, sender="News <news@garden.example>"))
        with mailbox_for(dovecot) as mb:
            second = sync_account(mb, store, "test", user, NOW, 180)
        stored = {s.message_id for s in store.signals("test")}
    assert (first.fetched, first.declined, second.fetched, second.declined) == (2, 1, 1, 0)
    assert "m2@test.example" not in stored  # the reply was fetched whole; the classifier judged it
