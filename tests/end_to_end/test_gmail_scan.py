"""The Gmail backend end to end: a full scan against a fake Gmail API server (tests/support/fakegmail.py)
through the real client, OAuth refresh included, compared with the IMAP path on a real Dovecot."""

from __future__ import annotations

import email
import json
from collections.abc import Iterator
from dataclasses import dataclass
from email import policy
from pathlib import Path
from typing import Any

import keyring
import pytest

from followup import gmail_auth
from followup.backends.gmail import GmailMailbox
from followup.cli import parse_as_of
from followup.config import Config, parse_config
from followup.demo import DEMO_AS_OF, USER, sample_messages
from followup.services.scan import ScanResult, scan
from followup.store import Store
from tests.end_to_end.conftest import Env
from tests.support.fakegmail import FakeGmail, Stored
from tests.support.keyrings import MemoryKeyring
from tests.support.replay import header_date

ACCOUNT = "gmail"
SAMPLE_KEPT = {  # what a scan keeps from the sample mailbox (the newsletter is not hiring mail)
    "sample-01-ack@greenhouse.io",
    "sample-02-invite@lumenrobotics.com",
    "sample-03-times@example.net",
    "sample-04-confirmed@lumenrobotics.com",
    "sample-05-promise@harborfreight-logistics.com",
}
EXPECTED = {
    ("decision_follow_up", "dana.whitfield@harborfreight-logistics.com"),
    ("thank_you", "marcus.lee@lumenrobotics.com"),
}


@dataclass
class Gmail:
    fake: FakeGmail
    config: Config

    def scan(self, as_of: str = DEMO_AS_OF, factory: Any = GmailMailbox.from_account) -> ScanResult:
        store = Store.open(self.config.store_path)
        try:
            return scan(self.config, store, parse_as_of(as_of, "UTC"), factory=factory)
        finally:
            store.close()

    def drafts(self) -> list[email.message.EmailMessage]:
        return [_parsed(m.raw) for m in self.fake.draft_messages()]

    def lose_store(self) -> None:
        path = self.config.store_path
        for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            p.unlink(missing_ok=True)


def _parsed(raw: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(raw, policy=policy.default)  # type: ignore[return-value]


def _text(msg: email.message.EmailMessage) -> str:
    body = msg.get_body(("plain",))
    assert body is not None
    return str(body.get_content())


def _triples(messages: list[email.message.EmailMessage]) -> set[tuple[str, str, str]]:
    return {
        (str(m["X-Followup-Kind"]), m["To"].addresses[0].addr_spec, str(m["X-Followup-Key"]))
        for m in messages
    }


def _ms(raw: bytes) -> int:
    when = header_date(raw)
    assert when is not None
    return int(when.timestamp() * 1000)


@pytest.fixture
def gmail(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Gmail]:
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        with FakeGmail(address=USER[1]) as fake:
            fake.patch_google(monkeypatch)
            for folder, _name, raw in sample_messages():
                fake.deliver(raw, ["INBOX", "UNREAD"] if folder == "INBOX" else ["SENT"], _ms(raw))
            path = tmp_path / "gmail.toml"
            path.write_text(
                f'[identity]\nname = "{USER[0]}"\naddresses = ["{USER[1]}"]\ntimezone = "{USER[2]}"\n\n'
                f'[[accounts]]\nname = "{ACCOUNT}"\nbackend = "gmail"\n\n'
                f'[store]\npath = "{tmp_path / "gmail.sqlite"}"\n',
                "utf-8",
            )
            config = parse_config(path.read_text("utf-8"), path)
            gmail_auth.import_token(config.account(ACCOUNT), fake.grant_json())
            yield Gmail(fake, config)
            # every test: nothing the fake does not serve, nothing refused, and never a send
            assert fake.problems == []
            assert not [c for c in fake.calls if c.method_id in ("send", "?")]
    finally:
        keyring.set_keyring(previous)


def test_gmail_scan_drafts_the_same_as_imap_on_dovecot_in_the_employers_threads(
    sample_env: Env, gmail: Gmail
) -> None:
    imap_store = Store.open(sample_env.config.store_path)
    try:
        assert scan(sample_env.config, imap_store, parse_as_of(DEMO_AS_OF, "UTC")).ok
    finally:
        imap_store.close()
    imap = [_parsed(raw) for raw in sample_env.drafts()]

    result = gmail.scan()

    assert result.ok, result.errors
    assert {(k, to) for k, to, _ in _triples(gmail.drafts())} == EXPECTED
    assert _triples(gmail.drafts()) == _triples(imap)
    by_key = {str(m["X-Followup-Key"]): m for m in imap}
    for stored in gmail.fake.draft_messages():
        draft = _parsed(stored.raw)
        twin = by_key[str(draft["X-Followup-Key"])]
        assert [(k, str(v)) for k, v in draft.items()] == [(k, str(v)) for k, v in twin.items()]
        assert _text(draft) == _text(twin)
        employer: Stored = gmail.fake.by_message_id(str(draft["In-Reply-To"]))
        assert "INBOX" in employer.labels
        assert stored.thread_id == employer.thread_id != stored.id
    methods = gmail.fake.method_ids()
    assert "gmail.users.drafts.create" in methods and "batch" in methods
    fetched = [c for c in gmail.fake.calls if c.method_id == "gmail.users.messages.get" and c.in_batch]
    assert fetched and {c.query["format"][0] for c in fetched} >= {"raw"}


def test_second_scan_and_a_lost_store_make_no_duplicate_drafts(gmail: Gmail) -> None:
    first = gmail.scan()
    assert first.drafts.count("drafted") == 2
    keys = _triples(gmail.drafts())

    again = gmail.scan("2026-03-13T15:00:00-04:00")
    assert again.drafts.count("drafted") == 0
    gmail.lose_store()
    rebuilt = gmail.scan("2026-03-13T16:00:00-04:00")

    assert rebuilt.ok, rebuilt.errors
    assert rebuilt.drafts.count("drafted") == 0
    assert rebuilt.drafts.count("found") == 2  # found in Drafts by X-Followup-Key
    assert _triples(gmail.drafts()) == keys and len(gmail.drafts()) == 2


@pytest.mark.parametrize("gmail_rewrites_headers", [False, True], ids=["headers-kept", "headers-rewritten"])
def test_draft_the_user_sent_is_not_made_again_even_without_the_store(
    gmail: Gmail, gmail_rewrites_headers: bool
) -> None:
    gmail.scan()
    draft_id, mid = next(iter(gmail.fake.drafts.items()))
    sent = gmail.fake.messages[mid].raw
    if gmail_rewrites_headers:  # as Gmail's web client may: its own Message-ID, our X- headers gone
        msg = _parsed(sent)
        for name in ("Message-ID", "X-Followup-Key", "X-Followup-Kind"):
            del msg[name]
        msg["Message-ID"] = "<CAgmail-web-client-0001@mail.gmail.com>"
        sent = msg.as_bytes()
    gmail.fake.user_sends_draft(draft_id, sent, _ms(b"Date: Fri, 13 Mar 2026 14:00:00 -0400\r\n"))
    gmail.lose_store()

    result = gmail.scan("2026-03-13T16:00:00-04:00")

    assert result.ok, result.errors
    assert result.drafts.count("drafted") == 0, [(o.kind, o.state) for o in result.drafts.outcomes]
    assert len(gmail.drafts()) == 1


def test_draft_the_user_deleted_is_not_made_again(gmail: Gmail) -> None:
    gmail.scan()
    for draft_id in list(gmail.fake.drafts):
        gmail.fake.user_deletes_draft(draft_id)

    result = gmail.scan("2026-03-13T16:00:00-04:00")

    assert result.ok and result.drafts.count("drafted") == 0
    assert gmail.drafts() == []


def test_incremental_scan_reads_history_and_sees_the_new_message(gmail: Gmail) -> None:
    gmail.scan()
    gmail.fake.calls.clear()
    answer = (
        b"Date: Fri, 13 Mar 2026 11:30:00 -0500\r\n"
        b"From: Dana Whitfield <dana.whitfield@harborfreight-logistics.com>\r\n"
        b"To: Sam Rivera <sam.rivera@example.net>\r\nSubject: Re: Thank you for coming in - Embedded Engineer\r\n"
        b"Message-ID: <harbor-answer@harborfreight-logistics.com>\r\n"
        b"In-Reply-To: <sample-05-promise@harborfreight-logistics.com>\r\n\r\nHi Sam,\r\n\r\nUnfortunately we "
        b"have decided to move forward with another candidate for the Embedded Engineer role.\r\n\r\nDana\r\n"
    )
    gmail.fake.deliver(answer, ["INBOX", "UNREAD"], _ms(answer))

    result = gmail.scan("2026-03-13T13:00:00-04:00")

    assert result.ok, result.errors
    methods = gmail.fake.method_ids()
    assert "gmail.users.history.list" in methods
    listings = [
        c.query.get("q", [""])[0] for c in gmail.fake.calls if c.method_id == "gmail.users.messages.list"
    ]
    assert not [q for q in listings if "after:" in q], "an incremental scan lists nothing by date"
    assert result.syncs[0].fetched == 1
    store = Store.open(gmail.config.store_path)
    try:
        assert "harbor-answer@harborfreight-logistics.com" in {s.message_id for s in store.signals()}
    finally:
        store.close()


def test_expired_history_id_falls_back_to_a_full_resync_without_duplicates(gmail: Gmail) -> None:
    gmail.scan()
    store = Store.open(gmail.config.store_path)
    try:
        before = len(store.signals())
    finally:
        store.close()
    gmail.fake.expire_history()
    gmail.fake.calls.clear()

    result = gmail.scan("2026-03-13T15:00:00-04:00")

    assert result.ok, result.errors
    listings = [
        c.query.get("q", [""])[0] for c in gmail.fake.calls if c.method_id == "gmail.users.messages.list"
    ]
    assert [q for q in listings if "after:" in q], "the 404 led to a full listing"
    assert result.drafts.count("drafted") == 0 and len(gmail.drafts()) == 2
    store = Store.open(gmail.config.store_path)
    try:
        assert len(store.signals()) == before
    finally:
        store.close()


def test_digest_is_inserted_unread_into_the_inbox_and_never_read_as_evidence(gmail: Gmail) -> None:
    from followup.services.digest import make_digest

    gmail.scan()
    store = Store.open(gmail.config.store_path)
    try:
        said = make_digest(
            gmail.config, store, parse_as_of(DEMO_AS_OF, "UTC"), factory=GmailMailbox.from_account
        )
    finally:
        store.close()

    assert "Put the digest" in said
    inserts = [c for c in gmail.fake.calls if c.method_id == "gmail.users.messages.insert"]
    assert len(inserts) == 1
    assert inserts[0].body["labelIds"] == ["INBOX", "UNREAD"]
    digest = next(m for m in gmail.fake.messages.values() if b"X-Followup-Kind: digest" in m.raw)
    assert set(digest.labels) == {"INBOX", "UNREAD"}
    parsed = _parsed(digest.raw)
    assert {p.get_content_type() for p in parsed.walk()} >= {"text/plain", "text/html"}
    later = gmail.scan("2026-03-13T12:00:00-04:00")
    assert later.ok and later.drafts.count("drafted") == 0 and len(gmail.drafts()) == 2


def test_mute_label_on_a_message_silences_its_process(gmail: Gmail) -> None:
    gmail.fake.add_label(
        "followup-mute", gmail.fake.by_message_id("sample-05-promise@harborfreight-logistics.com").id
    )

    gmail.scan()

    assert {(k, to) for k, to, _ in _triples(gmail.drafts())} == {
        ("thank_you", "marcus.lee@lumenrobotics.com")
    }


def test_revoked_grant_pauses_the_account_and_drafts_nothing(gmail: Gmail) -> None:
    gmail.fake.revoked = True

    result = gmail.scan()

    assert ACCOUNT in result.errors and "followup auth gmail" in result.errors[ACCOUNT]
    assert gmail.drafts() == []
    store = Store.open(gmail.config.store_path)
    try:
        assert store.account_state(ACCOUNT)[0] == "paused_auth"
    finally:
        store.close()
    assert json.loads(gmail.fake.grant_json())["token_uri"] == gmail.fake.token_uri


def _tiny(account: Any) -> GmailMailbox:
    """The backend with pages, stored batches and HTTP batches of two."""
    return GmailMailbox(
        account.name, lambda: gmail_auth.credentials(account), page_size=2, batch_size=2, http_batch=2
    )


def test_first_sync_in_small_pages_and_batches_drafts_the_same(gmail: Gmail) -> None:
    result = gmail.scan(factory=_tiny)

    assert result.ok, result.errors
    assert {(k, to) for k, to, _ in _triples(gmail.drafts())} == EXPECTED
    listings = [c for c in gmail.fake.calls if c.method_id == "gmail.users.messages.list"]
    assert [c.query.get("pageToken") for c in listings[:3]] == [None, ["2"], ["4"]]
    assert result.syncs[0].batches == 3 and result.syncs[0].fetched == 6


def test_first_sync_cut_short_resumes_without_losing_or_repeating_a_message(gmail: Gmail) -> None:
    gmail.fake.fail = ("gmail.users.messages.get", 2, 400)  # the second HTTP batch of two fails

    broken = gmail.scan(factory=_tiny)

    assert ACCOUNT in broken.errors and gmail.drafts() == []
    gmail.fake.problems.clear()  # the injected 400s
    gmail.fake.fail = None
    gmail.fake.calls.clear()
    resumed = gmail.scan(factory=_tiny)

    assert resumed.ok, resumed.errors
    listings = [
        c.query.get("q", [""])[0] for c in gmail.fake.calls if c.method_id == "gmail.users.messages.list"
    ]
    assert any("before:" in q for q in listings), "the resumed listing starts below what is stored"
    # the stored batch was the two newest; the resumed listing reads below them, and again the second
    # of the oldest stored one (ties at that second are not lost; the store keeps each message once)
    assert resumed.syncs[0].fetched == 5
    assert {(k, to) for k, to, _ in _triples(gmail.drafts())} == EXPECTED
    store = Store.open(gmail.config.store_path)
    try:
        ids = [s.message_id for s in store.signals()]
    finally:
        store.close()
    assert len(ids) == len(set(ids))
    assert set(ids) == SAMPLE_KEPT


def test_users_own_thank_you_removes_the_unedited_thank_you_draft(gmail: Gmail) -> None:
    gmail.scan()
    thanks = (
        b"Date: Fri, 13 Mar 2026 11:00:00 -0400\r\nFrom: Sam Rivera <sam.rivera@example.net>\r\n"
        b"To: Marcus Lee <marcus.lee@lumenrobotics.com>\r\nSubject: Thank you\r\n"
        b"Message-ID: <own-thanks@example.net>\r\n\r\nHi Marcus,\r\n\r\nThank you for taking the time to "
        b"interview me on Tuesday for the Controls Software Engineer role. I enjoyed our conversation.\r\n\r\nSam\r\n"
    )
    gmail.fake.deliver(thanks, ["SENT"], _ms(thanks))

    result = gmail.scan("2026-03-13T13:00:00-04:00")

    assert result.ok, result.errors
    assert [(o.kind, o.state) for o in result.removed.outcomes] == [("thank_you", "removed")]
    assert "gmail.users.drafts.delete" in gmail.fake.method_ids()
    assert {(k, to) for k, to, _ in _triples(gmail.drafts())} == {
        ("decision_follow_up", "dana.whitfield@harborfreight-logistics.com")
    }


def test_draft_sent_from_gmail_keeping_its_id_is_read_by_the_next_incremental_scan(gmail: Gmail) -> None:
    gmail.scan()
    draft_id, mid = next(
        (d, m) for d, m in gmail.fake.drafts.items() if b"decision_follow_up" in gmail.fake.messages[m].raw
    )
    sent_id = _parsed(gmail.fake.messages[mid].raw)["Message-ID"].strip("<>")
    gmail.fake.user_sends_draft(draft_id, keep_id=True)

    result = gmail.scan("2026-03-13T15:00:00-04:00")

    assert result.ok, result.errors
    store = Store.open(gmail.config.store_path)
    try:
        assert sent_id in {s.message_id for s in store.signals()}
    finally:
        store.close()


def test_fake_gmail_refuses_and_records_unknown_methods_sends_and_missing_tokens() -> None:
    import google_auth_httplib2
    import httplib2
    from google.oauth2.credentials import Credentials
    from googleapiclient.discovery import build_from_document
    from googleapiclient.errors import HttpError

    with FakeGmail() as fake:
        authorized = google_auth_httplib2.AuthorizedHttp(
            Credentials(fake.issue_token()), http=httplib2.Http()
        )
        users = build_from_document(fake.document(), http=authorized).users()
        anonymous = build_from_document(fake.document(), http=httplib2.Http()).users()
        for request in (
            users.threads().get(userId="me", id="t1"),
            users.messages().send(userId="me", body={"raw": "eA"}),
            users.drafts().send(userId="me", body={"id": "r1"}),
            anonymous.getProfile(userId="me"),
        ):
            with pytest.raises(HttpError):
                request.execute()
        assert users.getProfile(userId="me").execute()["emailAddress"] == fake.address
    assert fake.method_ids() == ["?", "send", "send", "?", "gmail.users.getProfile"]
    assert len(fake.problems) == 3  # the unknown method and both sends; a 401 is an answer, not a bug
