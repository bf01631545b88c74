"""The main job on a real Dovecot: drafts appear once, survive crashes and a lost store, respect the user."""

from __future__ import annotations

import email
from email import policy

import pytest

from followup.cli import parse_as_of
from followup.services.scan import evaluate_all
from followup.store import Store
from tests.support.sample_env import EXPECTED, Env, kinds


def test_due_drafts_appear_in_drafts_folder_with_contract_headers(sample_env: Env) -> None:
    result = sample_env.scan()
    assert result.ok, result.errors
    drafts = sample_env.drafts()
    assert kinds(drafts) == EXPECTED
    for raw in drafts:
        msg = email.message_from_bytes(raw, policy=policy.default)
        assert msg["X-Followup-Key"]
        assert msg["In-Reply-To"], "a draft replies in the employer's thread"
        assert str(msg["Subject"]).startswith("Re: ")
        assert "sam.rivera@example.net" in str(msg["From"])


def test_second_scan_makes_no_duplicate(sample_env: Env) -> None:
    sample_env.scan()
    sample_env.scan("2026-03-13T15:00:00-04:00")
    assert kinds(sample_env.drafts()) == EXPECTED


def test_lost_store_does_not_redraft_keys_found_in_drafts(sample_env: Env) -> None:
    sample_env.scan()
    sample_env.config.store_path.unlink()
    for suffix in ("-wal", "-shm"):
        sample_env.config.store_path.with_name(sample_env.config.store_path.name + suffix).unlink(
            missing_ok=True
        )
    sample_env.scan()
    assert kinds(sample_env.drafts()) == EXPECTED


def test_crash_between_append_and_commit_leaves_no_duplicate(sample_env: Env, monkeypatch) -> None:
    original = Store.record_action
    calls = {"n": 0}

    def crash_after_first_append(self, rec):  # noqa: ANN001
        if rec.state == "drafted":
            calls["n"] += 1
            raise KeyboardInterrupt("killed after APPEND, before the ledger commit")
        return original(self, rec)

    monkeypatch.setattr(Store, "record_action", crash_after_first_append)
    with pytest.raises(KeyboardInterrupt):
        sample_env.scan()
    assert calls["n"] == 1 and len(sample_env.drafts()) == 1
    monkeypatch.setattr(Store, "record_action", original)
    sample_env.scan()
    assert kinds(sample_env.drafts()) == EXPECTED


def test_draft_deleted_by_user_is_not_made_again(sample_env: Env) -> None:
    sample_env.scan()
    client = sample_env.server.client()
    client.select_folder("Drafts")
    client.delete_messages(client.search(["ALL"]))
    client.expunge()
    client.logout()
    sample_env.scan("2026-03-13T16:00:00-04:00")
    assert sample_env.drafts() == []


def test_dry_run_changes_nothing_and_keeps_first_run_rule(sample_env: Env) -> None:
    result = sample_env.scan(dry_run=True)
    assert sorted((o.kind, o.to[0]) for o in result.drafts.outcomes if o.state == "would_draft") == EXPECTED
    assert sample_env.drafts() == []
    store = Store.open(sample_env.config.store_path)
    try:
        assert store.first_sync_at("demo") is None
        assert store.actions() == []
    finally:
        store.close()


def test_scan_leaves_seen_flags_alone(sample_env: Env) -> None:
    client = sample_env.server.client()
    client.select_folder("INBOX", readonly=True)
    before = client.get_flags(client.search(["ALL"]))
    client.logout()
    sample_env.scan()
    client = sample_env.server.client()
    client.select_folder("INBOX", readonly=True)
    after = client.get_flags(client.search(["ALL"]))
    client.logout()
    assert before == after
    assert all(b"\\Seen" not in flags for flags in after.values())


def test_users_own_thank_you_removes_unedited_draft_but_keeps_edited_one(sample_env: Env) -> None:
    sample_env.scan()
    # the user edits the decision follow-up draft: replace it with an edited copy (same key)
    client = sample_env.server.client()
    client.select_folder("Drafts")
    uids = client.search(["HEADER", "X-Followup-Kind", "decision_follow_up"])
    raw = client.fetch(uids, ["BODY.PEEK[]"])[uids[0]][b"BODY[]"]
    client.delete_messages(uids)
    client.expunge()
    client.append("Drafts", raw.replace(b"Dear", b"Dear dear"), flags=[b"\\Draft"])
    client.logout()
    thanks = (
        b"Date: Fri, 13 Mar 2026 11:00:00 -0400\r\nFrom: Sam Rivera <sam.rivera@example.net>\r\n"
        b"To: Marcus Lee <marcus.lee@lumenrobotics.com>\r\nSubject: Thank you\r\n"
        b"Message-ID: <own-thanks@example.net>\r\n\r\nHi Marcus,\r\n\r\nThank you for taking the time to "
        b"interview me on Tuesday for the Controls Software Engineer role. I enjoyed our conversation.\r\n\r\nSam\r\n"
    )
    sample_env.server.deliver("Sent", thanks)
    # and the employer answers Harbor's question, so the follow-up became pointless too
    answer = (
        b"Date: Fri, 13 Mar 2026 11:30:00 -0500\r\nFrom: Dana Whitfield <dana.whitfield@harborfreight-logistics.com>\r\n"
        b"To: Sam Rivera <sam.rivera@example.net>\r\nSubject: Embedded Engineer\r\n"
        b"Message-ID: <harbor-answer@harborfreight-logistics.com>\r\n\r\nHi Sam,\r\n\r\nUnfortunately we have "
        b"decided to move forward with another candidate for the Embedded Engineer role.\r\n\r\nDana\r\n"
    )
    sample_env.server.deliver("INBOX", answer)
    result = sample_env.scan("2026-03-13T13:00:00-04:00")
    states = sorted((o.kind, o.state) for o in result.removed.outcomes)
    assert ("thank_you", "removed") in states
    assert ("decision_follow_up", "kept_edited") in states
    assert kinds(sample_env.drafts()) == [EXPECTED[0]]


def test_mute_keyword_on_a_message_silences_its_process(sample_env: Env) -> None:
    client = sample_env.server.client()
    client.select_folder("INBOX")
    uids = client.search(["HEADER", "Message-ID", "sample-05-promise"])
    client.add_flags(uids, [b"followup-mute"])
    client.logout()
    sample_env.scan()
    assert kinds(sample_env.drafts()) == [EXPECTED[1]]
    store = Store.open(sample_env.config.store_path)
    try:
        muted = [
            ev.process
            for ev in evaluate_all(store, sample_env.config, parse_as_of(sample_env.as_of, "UTC"))
            if ev.process.muted
        ]
    finally:
        store.close()
    assert [p.company for p in muted] == ["Harbor Freight Logistics"]


def test_damaged_store_is_rebuilt_from_the_mailbox_without_duplicates(sample_env: Env) -> None:
    from followup.errors import StoreError
    from followup.services.rebuild import rebuild

    sample_env.scan()
    path = sample_env.config.store_path
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="followup rebuild"):
        Store.open(path)
    message = rebuild(sample_env.config)
    assert "damaged" in message
    assert any(p.name.startswith(path.name + ".damaged-") for p in path.parent.iterdir())
    sample_env.scan()
    assert kinds(sample_env.drafts()) == EXPECTED


def test_weekly_digest_lands_unread_in_the_inbox_once_and_is_never_read_as_evidence(sample_env: Env) -> None:
    from followup.services.digest import make_digest

    sample_env.scan()
    store = Store.open(sample_env.config.store_path)
    try:
        now = parse_as_of(sample_env.as_of, "UTC")
        assert "Put the digest" in make_digest(sample_env.config, store, now)
        assert "already" in make_digest(sample_env.config, store, now)  # once a week unless forced
    finally:
        store.close()
    client = sample_env.server.client()
    client.select_folder("INBOX", readonly=True)
    uids = client.search(["HEADER", "X-Followup-Kind", "digest"])
    assert len(uids) == 1
    assert b"\\Seen" not in client.get_flags(uids)[uids[0]]
    client.logout()
    digest = [r for r in sample_env.folder("INBOX") if b"X-Followup-Kind: digest" in r][0]
    msg = email.message_from_bytes(digest, policy=policy.default)
    assert msg.is_multipart() and {p.get_content_type() for p in msg.walk()} >= {"text/plain", "text/html"}
    assert "sam.rivera@example.net" in str(msg["From"])
    sample_env.scan("2026-03-13T12:00:00-04:00")
    store = Store.open(sample_env.config.store_path)
    try:
        assert not [
            s for s in store.signals() if "digest" in s.subject.lower() or s.subject.startswith("Job search")
        ]
    finally:
        store.close()
    assert kinds(sample_env.drafts()) == EXPECTED
