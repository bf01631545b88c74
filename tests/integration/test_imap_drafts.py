"""Drafts, the digest and the mute keyword against a real Dovecot."""

from __future__ import annotations

from datetime import timedelta

import pytest

from followup.backends.base import DRAFTS, SENT
from followup.errors import FolderError
from tests.integration.conftest import NOW

pytestmark = pytest.mark.dovecot


def _draft(key: str, body: str = "Thank you!") -> bytes:
    return (
        f"From: user@example.net\r\nTo: jobs@acme.example\r\nSubject: Re: interview\r\n"
        f"X-Followup-Kind: thank_you\r\nX-Followup-Key: {key}\r\n\r\n{body}\r\n"
    ).encode()


def test_append_draft_stores_it_in_drafts_as_a_seen_draft_and_read_draft_returns_it(dovecot, mailbox_for):
    with mailbox_for(dovecot) as mb:
        ref = mb.append_draft(_draft("k1"))
        assert ref.startswith("Drafts:")
        assert mb.read_draft(ref) == _draft("k1")

    client = dovecot.client()
    client.select_folder("Drafts", readonly=True)
    flags = client.get_flags(client.search("ALL"))
    client.logout()
    (only,) = flags.values()
    assert {b"\\Seen", b"\\Draft"} <= set(only)


def test_find_drafted_finds_exact_keys_in_drafts_and_sent_only(dovecot, make_message, mailbox_for):
    dovecot.deliver("Sent", _draft("thank_you:acme:1"))
    dovecot.deliver("INBOX", _draft("check_in:acme:1"))  # not a place drafts live
    with mailbox_for(dovecot) as mb:
        mb.append_draft(_draft("check_in:acme:10"))  # a key that contains another as a substring
        found = mb.find_drafted(["thank_you:acme:1", "check_in:acme:1", "offer_reply:other:1"])

    assert [(f.key, f.folder) for f in found] == [("thank_you:acme:1", SENT)]


def test_find_drafted_handles_many_keys_in_groups(dovecot, mailbox_for):
    keys = [f"k{n:03d}" for n in range(45)]
    with mailbox_for(dovecot) as mb:
        for key in keys[::7]:
            mb.append_draft(_draft(key))
        found = mb.find_drafted(keys)

    assert sorted(f.key for f in found) == keys[::7]
    assert {f.folder for f in found} == {DRAFTS}


def test_delete_draft_removes_only_that_draft(dovecot, mailbox_for):
    # a message the user flagged \Deleted elsewhere must survive our expunge
    theirs = dovecot.deliver("Drafts", _draft("user-own"), flags=[b"\\Deleted"])
    with mailbox_for(dovecot) as mb:
        keep = mb.append_draft(_draft("keep"))
        gone = mb.append_draft(_draft("gone"))
        mb.delete_draft(gone)
        assert mb.read_draft(gone) is None
        assert mb.read_draft(keep) == _draft("keep")
        mb.delete_draft(gone)  # twice: nothing left to do

    client = dovecot.client()
    client.select_folder("Drafts", readonly=True)
    assert theirs in client.search("ALL")
    client.logout()


def test_delete_draft_refuses_messages_outside_drafts_or_without_our_key(dovecot, make_message, mailbox_for):
    dovecot.deliver("INBOX", make_message(1))
    plain = dovecot.deliver("Drafts", make_message(2))
    with mailbox_for(dovecot) as mb:
        validity = mb.client.select_folder("Drafts")[b"UIDVALIDITY"]
        inbox_ref = next(m.ref for b in mb.sync(None, NOW - timedelta(days=30)) for m in b.messages)
        with pytest.raises(FolderError, match="not in the Drafts folder"):
            mb.delete_draft(inbox_ref)
        with pytest.raises(FolderError, match="not a draft followup made"):
            mb.delete_draft(f"Drafts:{validity}:{plain}")
        assert mb.read_draft(f"Drafts:{validity}:{plain}") is not None


def test_put_in_inbox_leaves_the_message_unread_with_the_given_date(dovecot, make_message, mailbox_for):
    when = NOW - timedelta(hours=3)
    with mailbox_for(dovecot) as mb:
        ref = mb.put_in_inbox(make_message(5), when)
        batches = list(mb.sync(None, NOW - timedelta(days=2)))

    (fetched,) = (m for b in batches for m in b.messages)
    assert fetched.ref == ref
    assert fetched.internal_date == when
    client = dovecot.client()
    client.select_folder("INBOX", readonly=True)
    assert b"\\Seen" not in client.get_flags(client.search("ALL"))[int(ref.rsplit(":", 1)[1])]
    client.logout()


def test_muted_refs_lists_inbox_and_sent_messages_with_the_keyword(dovecot, make_message, mailbox_for):
    dovecot.deliver("INBOX", make_message(1))
    dovecot.deliver("INBOX", make_message(2), flags=[b"followup-mute"])
    dovecot.deliver("Sent", make_message(3), flags=[b"followup-mute"])
    dovecot.deliver("Drafts", make_message(4), flags=[b"followup-mute"])
    with mailbox_for(dovecot) as mb:
        refs = {m.ref: m for b in mb.sync(None, NOW - timedelta(days=30)) for m in b.messages}
        muted = mb.muted_refs("followup-mute")

    assert muted == {ref for ref, m in refs.items() if b"message 2" in m.raw or b"message 3" in m.raw}
    assert len(muted) == 2
