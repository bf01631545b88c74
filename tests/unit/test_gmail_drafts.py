"""Drafts, the digest, the mute label and the no-send rule of the Gmail backend."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from googleapiclient.discovery import build
from googleapiclient.http import HttpMockSequence

from followup.backends.base import DRAFTS, SENT, FoundDraft
from followup.backends.gmail_http import Executor, SendRefused
from followup.backends.gmail_sync import b64decode, followup_message_id
from followup.errors import MailboxError
from tests.unit.test_gmail_helpers import (
    LABELS,
    assert_never_sent,
    batch,
    calls,
    check_schema,
    err,
    fixture,
    mailbox,
    ok,
)

SRC = Path(__file__).resolve().parents[2] / "src" / "followup"
KEY = "thank_you:northwind-data-engineer:priya"

DRAFT = (
    "From: Lena Hartmann <lena.hartmann@example.net>\r\n"
    "To: Priya Raman <priya.raman@northwind-labs.example>\r\n"
    "Subject: Re: Interview for the Data Engineer role\r\n"
    "In-Reply-To: <invite-7781@northwind-labs.example>\r\n"
    "References: <invite-7781@northwind-labs.example>\r\n"
    "X-Followup-Kind: thank_you\r\n"
    f"X-Followup-Key: {KEY}\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "\r\n"
    "Dear Priya,\r\n\r\nthank you for your time today.\r\n"
).encode()


def test_reply_draft_is_created_in_the_employers_thread() -> None:
    http = HttpMockSequence(
        [ok({"messages": [{"id": "m1", "threadId": "T-77"}]}), ok({"id": "r-123", "message": {"id": "x"}})]
    )
    with mailbox(http) as mb:
        ref = mb.append_draft(DRAFT)
    assert ref == "r-123"
    lookup, create = calls(http)
    assert lookup.path == "/gmail/v1/users/me/messages"
    assert lookup.query["q"] == ["rfc822msgid:invite-7781@northwind-labs.example"]
    assert (create.method, create.path) == ("POST", "/gmail/v1/users/me/drafts")
    check_schema("Draft", create.body)
    assert create.body["message"]["threadId"] == "T-77"
    sent_raw = b64decode(create.body["message"]["raw"])
    # the key-derived Message-ID was added in front; the rest is byte for byte what compose wrote
    assert sent_raw == f"Message-ID: {followup_message_id(KEY)}\r\n".encode() + DRAFT
    assert_never_sent(http)


def test_draft_keeps_its_own_message_id_and_skips_threading_without_a_parent() -> None:
    raw = b"Message-ID: <own@example.net>\r\nX-Followup-Key: k\r\nSubject: Hello\r\n\r\nbody\r\n"
    http = HttpMockSequence([ok({"id": "r-1"})])
    with mailbox(http) as mb:
        assert mb.append_draft(raw) == "r-1"
    (create,) = calls(http)
    check_schema("Draft", create.body)
    assert "threadId" not in create.body["message"]
    assert b64decode(create.body["message"]["raw"]) == raw


def test_parent_not_in_mailbox_gives_a_draft_without_thread() -> None:
    http = HttpMockSequence([ok({"resultSizeEstimate": 0}), ok({"resultSizeEstimate": 0}), ok({"id": "r-2"})])
    raw = DRAFT.replace(b"References: <invite", b"References: <older@x> <invite")
    with mailbox(http) as mb:
        mb.append_draft(raw)
    c = calls(http)
    assert c[1].query["q"] == ["rfc822msgid:older@x"]
    assert "threadId" not in c[2].body["message"]


def test_read_draft_returns_bytes_and_none_once_gone() -> None:
    http = HttpMockSequence(
        [ok({"id": "r-1", "message": {"id": "m", "raw": "SGVsbG8"}}), err(404, "notFound")]
    )
    with mailbox(http) as mb:
        assert mb.read_draft("r-1") == b"Hello"
        assert mb.read_draft("r-1") is None
    assert calls(http)[0].query["format"] == ["raw"]


def test_delete_draft_removes_only_followups_own_draft() -> None:
    from followup.backends.gmail_sync import b64encode

    ours = {"id": "r-1", "message": {"raw": b64encode(DRAFT)}}
    theirs = {"id": "r-2", "message": {"raw": b64encode(b"Subject: my own note\r\n\r\nhi\r\n")}}
    http = HttpMockSequence([ok(ours), ({"status": "204"}, ""), ok(theirs)])
    with mailbox(http) as mb:
        mb.delete_draft("r-1")
        with pytest.raises(MailboxError, match="not written by followup"):
            mb.delete_draft("r-2")
    c = calls(http)
    assert [(x.method, x.path) for x in c] == [
        ("GET", "/gmail/v1/users/me/drafts/r-1"),
        ("DELETE", "/gmail/v1/users/me/drafts/r-1"),
        ("GET", "/gmail/v1/users/me/drafts/r-2"),
    ]


def test_digest_is_inserted_unread_into_the_inbox_never_sent() -> None:
    digest = b"From: followup <lena@example.net>\r\nSubject: Your week\r\n\r\nthree processes\r\n"
    when = datetime(2025, 3, 10, 8, 0, tzinfo=UTC)
    http = HttpMockSequence([ok({"id": "dg-1", "labelIds": ["INBOX", "UNREAD"]})])
    with mailbox(http) as mb:
        assert mb.put_in_inbox(digest, when) == "dg-1"
    (insert,) = calls(http)
    assert (insert.method, insert.path) == ("POST", "/gmail/v1/users/me/messages")
    assert insert.query["internalDateSource"] == ["dateHeader"]
    check_schema("Message", insert.body)
    assert insert.body["labelIds"] == ["INBOX", "UNREAD"]
    assert b64decode(insert.body["raw"]) == b"Date: Mon, 10 Mar 2025 08:00:00 +0000\r\n" + digest
    assert_never_sent(http)


def meta(mid: str, labels: list[str], **headers: str) -> dict:
    return {
        "id": mid,
        "labelIds": labels,
        "payload": {"headers": [{"name": k.replace("_", "-"), "value": v} for k, v in headers.items()]},
    }


def test_find_drafted_reads_draft_headers_and_finds_sent_mail_by_message_id() -> None:
    other = "check_in:kestrel:1"
    http = HttpMockSequence(
        [
            ok({"emailAddress": "lena.hartmann@example.net", "historyId": "1"}),
            ok(
                {
                    "drafts": [
                        {"id": "r-1", "message": {"id": "dm1"}},
                        {"id": "r-2", "message": {"id": "dm2"}},
                    ],
                    "nextPageToken": "D2",
                }
            ),
            ok({"drafts": [{"id": "r-3", "message": {"id": "dm3"}}]}),
            batch(
                {
                    "r-1": meta("dm1", ["DRAFT"], X_Followup_Key=KEY),
                    "r-2": meta("dm2", ["DRAFT"], Message_ID="<user-own@example.net>"),
                    "r-3": meta("dm3", ["DRAFT"], X_Followup_Key="someone-elses-key"),
                }
            ),
            ok({"messages": [{"id": "s1", "threadId": "t"}]}),
            # the user sent it from Gmail: the X- header is gone, the Message-ID remains
            batch({"s1": meta("s1", ["SENT"], Message_ID=followup_message_id(other, "example.net"))}),
        ]
    )
    with mailbox(http) as mb:
        found = mb.find_drafted([KEY, other])
    assert found == [FoundDraft(other, SENT, "s1"), FoundDraft(KEY, DRAFTS, "r-1")]
    c = calls(http)
    assert c[2].query["pageToken"] == ["D2"]
    parts = [x for x in c if x.in_batch][:3]
    assert all(x.query["format"] == ["metadata"] for x in parts)
    assert sorted(parts[0].query["metadataHeaders"]) == ["Message-ID", "X-Followup-Key"]
    search = [x for x in c if not x.in_batch][-1].query["q"][0]
    assert search.startswith("in:sent (")
    for key in (KEY, other):
        for domain in ("example.net", "followup.invalid"):
            assert f"rfc822msgid:{followup_message_id(key, domain).strip('<>')}" in search


def test_find_drafted_with_no_keys_asks_nothing() -> None:
    http = HttpMockSequence([])
    with mailbox(http) as mb:
        assert mb.find_drafted([]) == []
    assert http.request_sequence == []


def test_muted_refs_lists_messages_with_the_label_by_name() -> None:
    http = HttpMockSequence(
        [ok(LABELS), ok({"messages": [{"id": "a"}], "nextPageToken": "N"}), ok({"messages": [{"id": "b"}]})]
    )
    with mailbox(http) as mb:
        assert mb.muted_refs("FollowUp-Mute") == {"a", "b"}
    c = calls(http)
    assert c[1].query["labelIds"] == ["Label_7"] and c[2].query["pageToken"] == ["N"]


def test_muted_refs_without_the_label_is_empty() -> None:
    http = HttpMockSequence([ok({"labels": [{"id": "INBOX", "name": "INBOX"}]})])
    with mailbox(http) as mb:
        assert mb.muted_refs("followup-mute") == set()


# -- never send -------------------------------------------------------------------------------------


def test_executor_refuses_send_requests_before_any_http() -> None:
    http = HttpMockSequence([])
    service = build("gmail", "v1", http=http, static_discovery=True)
    ex = Executor("main", sleep=lambda s: None)
    for request in (
        service.users().messages().send(userId="me", body={"raw": "eA"}),
        service.users().drafts().send(userId="me", body={"id": "r-1"}),
    ):
        with pytest.raises(SendRefused):
            ex.execute(request)
        with pytest.raises(SendRefused):
            ex.batch(service, {"x": request})
    assert http.request_sequence == []


def test_package_source_has_no_send_calls_and_no_smtplib() -> None:
    offenders = []
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if re.search(r"^\s*(import|from)\s+smtplib", text, re.M):
            offenders.append(f"{path}: smtplib")
        if "gmail" in path.name and re.search(r"\.send\s*\(", text):
            offenders.append(f"{path}: .send(")
        if re.search(r"\.(messages|drafts)\(\)\s*\.send\b", text):
            offenders.append(f"{path}: Gmail send")
    assert offenders == []


def test_sync_fixture_messages_match_what_the_imap_path_reads() -> None:
    """Same raw bytes in, same parsed Message out: the backends differ only in transport."""
    parse = pytest.importorskip("followup.domain.parse").parse
    from followup.backends.gmail_sync import b64encode

    names = ["01-invite.eml", "02-reply-sent.eml", "03-promise.eml"]
    http = HttpMockSequence(
        [
            ok({"historyId": "3"}),
            ok({"messages": [{"id": n} for n in names]}),
            ok({}),
            batch({n: {"id": n, "labelIds": ["INBOX"], "raw": b64encode(fixture(n))} for n in names}),
            ok(LABELS),
        ]
    )
    with mailbox(http) as mb:
        (only,) = list(mb.sync(None, datetime(2025, 1, 1, tzinfo=UTC)))
    for fetched in only.messages:
        assert parse(fetched.raw) == parse(fixture(fetched.ref))
        assert fetched.size == len(fixture(fetched.ref))
