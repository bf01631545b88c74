"""GmailMailbox.sync against the real discovery document, over recorded fake HTTP answers."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from googleapiclient.http import HttpMockSequence

from followup.backends.base import INBOX, SENT
from followup.backends.gmail_sync import b64decode
from followup.errors import AuthError, RateLimitError
from tests.unit.test_gmail_helpers import (
    LABELS,
    ClosableMock,
    assert_never_sent,
    batch,
    calls,
    err,
    fixture,
    mailbox,
    ok,
    raw_message,
)

SINCE = datetime(2025, 1, 1, tzinfo=UTC)
INVITE, REPLY, PROMISE = fixture("01-invite.eml"), fixture("02-reply-sent.eml"), fixture("03-promise.eml")


def first_sync_answers(page_two: bool = True) -> list:
    return [
        ok({"emailAddress": "lena@gmail.example", "historyId": "500", "messagesTotal": 3}),
        ok(
            {
                "messages": [{"id": "m3", "threadId": "t2"}, {"id": "m2", "threadId": "t1"}],
                "nextPageToken": "P2",
            }
        ),
        ok({"messages": [{"id": "m1", "threadId": "t1"}]}),
        ok({"resultSizeEstimate": 0}),  # nothing larger than the cap
    ]


def test_first_sync_lists_every_page_then_fetches_raw_in_one_batch() -> None:
    http = HttpMockSequence(
        [
            *first_sync_answers(),
            batch(
                {
                    "m3": raw_message("m3", PROMISE, ["INBOX", "UNREAD", "Label_9"], "t2"),
                    "m2": raw_message("m2", REPLY, ["SENT"], "t1"),
                    "m1": raw_message("m1", INVITE, ["INBOX", "IMPORTANT"], "t1"),
                }
            ),
            ok(LABELS),
        ]
    )
    with mailbox(http) as mb:
        batches = list(mb.sync(None, SINCE))

    assert len(batches) == 1
    got = {f.ref: f for f in batches[0].messages}
    assert [f.ref for f in batches[0].messages] == ["m3", "m2", "m1"]
    assert got["m1"].raw == INVITE and got["m2"].raw == REPLY and got["m3"].raw == PROMISE
    assert (got["m1"].folder, got["m2"].folder) == (INBOX, SENT)
    assert got["m1"].thread_id == "t1" and got["m3"].thread_id == "t2"
    assert got["m3"].keywords == frozenset({"INBOX", "UNREAD", "Jobs"})
    assert got["m1"].size == len(INVITE) and not got["m1"].truncated
    assert got["m1"].internal_date == datetime.fromtimestamp(1741079700, tz=UTC)
    assert json.loads(batches[0].cursor) == {"v": 1, "history_id": "500"}

    c = calls(http)
    assert c[0].path == "/gmail/v1/users/me/profile"  # the history id is taken before listing
    assert c[1].path == "/gmail/v1/users/me/messages"
    assert c[1].query["q"] == [f"(in:inbox OR in:sent) after:{int(SINCE.timestamp())}"]
    assert c[1].query["maxResults"] == ["500"] and "pageToken" not in c[1].query
    assert c[2].query["pageToken"] == ["P2"]
    assert c[3].query["q"][0].endswith(f"larger:{10 * 1024 * 1024}")
    gets = [x for x in c if x.in_batch]
    assert [x.path.rsplit("/", 1)[1] for x in gets] == ["m3", "m2", "m1"]
    assert all(x.method == "GET" and x.query["format"] == ["raw"] for x in gets)
    assert c[-1].path == "/gmail/v1/users/me/labels"
    assert_never_sent(http)


def test_first_sync_in_small_batches_carries_a_resumable_cursor() -> None:
    http = HttpMockSequence(
        [
            *first_sync_answers(),
            batch(
                {
                    "m3": raw_message("m3", PROMISE, ["INBOX"], when_ms=1741621200000),
                    "m2": raw_message("m2", REPLY, ["SENT"], when_ms=1741086120000),
                }
            ),
            ok(LABELS),
            batch({"m1": raw_message("m1", INVITE, ["INBOX"], when_ms=1741079700000)}),
        ]
    )
    with mailbox(http, batch_size=2) as mb:
        batches = list(mb.sync(None, SINCE))
    assert [len(b.messages) for b in batches] == [2, 1]
    middle = json.loads(batches[0].cursor)
    assert middle == {
        "v": 1,
        "history_id": "500",
        "full_since": int(SINCE.timestamp()),
        "full_before": 1741086121,
    }
    assert json.loads(batches[1].cursor) == {"v": 1, "history_id": "500"}


def test_interrupted_first_sync_resumes_before_the_oldest_stored_message() -> None:
    cursor = json.dumps({"v": 1, "history_id": "500", "full_since": 1735689600, "full_before": 1741086121})
    http = HttpMockSequence(
        [
            ok({"messages": [{"id": "m1", "threadId": "t1"}]}),
            ok({}),
            batch({"m1": raw_message("m1", INVITE, ["INBOX"])}),
            ok(LABELS),
        ]
    )
    with mailbox(http) as mb:
        batches = list(mb.sync(cursor, SINCE))
    assert [f.ref for f in batches[0].messages] == ["m1"]
    assert json.loads(batches[-1].cursor) == {"v": 1, "history_id": "500"}
    c = calls(http)
    assert c[0].query["q"] == ["(in:inbox OR in:sent) after:1735689600 before:1741086121"]  # no profile call


def test_oversized_message_is_fetched_as_headers_only() -> None:
    meta = {
        "id": "m1",
        "threadId": "t1",
        "labelIds": ["INBOX"],
        "sizeEstimate": 30_000_000,
        "internalDate": "1741079700000",
        "payload": {
            "headers": [{"name": "Message-ID", "value": "<big@x>"}, {"name": "Subject", "value": "CV"}]
        },
    }
    http = HttpMockSequence(
        [
            ok({"historyId": "7"}),
            ok({"messages": [{"id": "m1", "threadId": "t1"}, {"id": "m2", "threadId": "t1"}]}),
            ok({"messages": [{"id": "m1", "threadId": "t1"}]}),
            batch({"m1": meta, "m2": raw_message("m2", REPLY, ["SENT"])}),
            ok(LABELS),
        ]
    )
    with mailbox(http) as mb:
        (only,) = list(mb.sync(None, SINCE))
    big = only.messages[0]
    assert big.truncated and big.size == 30_000_000
    assert big.raw == b"Message-ID: <big@x>\r\nSubject: CV\r\n\r\n"
    formats = {x.path.rsplit("/", 1)[1]: x.query["format"][0] for x in calls(http) if x.in_batch}
    assert formats == {"m1": "metadata", "m2": "raw"}


def test_empty_mailbox_still_yields_the_cursor() -> None:
    http = HttpMockSequence([ok({"historyId": "42"}), ok({"resultSizeEstimate": 0})])
    with mailbox(http) as mb:
        batches = list(mb.sync(None, SINCE))
    assert [(b.messages, json.loads(b.cursor)) for b in batches] == [((), {"v": 1, "history_id": "42"})]
    assert len(http.request_sequence) == 2


def history_page(records: list, history_id: str, token: str | None = None) -> tuple:
    body: dict = {"history": records, "historyId": history_id}
    if token:
        body["nextPageToken"] = token
    return ok(body)


def added(rid: str, mid: str, labels: list[str]) -> dict:
    return {"id": rid, "messagesAdded": [{"message": {"id": mid, "threadId": "t1", "labelIds": labels}}]}


def test_incremental_sync_follows_history_pages_and_skips_drafts() -> None:
    http = HttpMockSequence(
        [
            history_page([added("601", "n1", ["INBOX", "UNREAD"])], "650", "H2"),
            history_page([added("610", "d1", ["DRAFT"]), added("620", "n2", ["SENT"])], "700"),
            batch({"n1": {"id": "n1", "sizeEstimate": 900}, "n2": {"id": "n2", "sizeEstimate": 800}}),
            batch(
                {
                    "n1": raw_message("n1", INVITE, ["INBOX", "UNREAD"]),
                    "n2": raw_message("n2", REPLY, ["SENT"]),
                }
            ),
            ok(LABELS),
        ]
    )
    with mailbox(http) as mb:
        batches = list(mb.sync(json.dumps({"v": 1, "history_id": "600"}), SINCE))
    assert [f.ref for b in batches for f in b.messages] == ["n1", "n2"]
    assert json.loads(batches[-1].cursor) == {"v": 1, "history_id": "700"}
    c = calls(http)
    assert c[0].path == "/gmail/v1/users/me/history"
    assert c[0].query["startHistoryId"] == ["600"] and c[0].query["historyTypes"] == ["messageAdded", "labelAdded"]
    assert c[1].query["pageToken"] == ["H2"] and c[1].query["startHistoryId"] == ["600"]
    minimal = [x for x in c if x.in_batch and x.query["format"] == ["minimal"]]
    assert sorted(x.path.rsplit("/", 1)[1] for x in minimal) == ["n1", "n2"]  # never the draft


def test_incremental_batches_store_only_fully_covered_history_ids() -> None:
    http = HttpMockSequence(
        [
            history_page([added("601", "n1", ["INBOX"]), added("602", "n2", ["INBOX"])], "610"),
            batch({"n1": {"sizeEstimate": 1}, "n2": {"sizeEstimate": 1}}),
            batch({"n1": raw_message("n1", INVITE, ["INBOX"])}),
            ok(LABELS),
            batch({"n2": raw_message("n2", PROMISE, ["INBOX"])}),
        ]
    )
    with mailbox(http, batch_size=1) as mb:
        cursors = [
            json.loads(b.cursor)["history_id"] for b in mb.sync('{"v": 1, "history_id": "600"}', SINCE)
        ]
    assert cursors == ["601", "610"]


def test_message_deleted_before_fetch_is_skipped() -> None:
    http = HttpMockSequence(
        [
            history_page([added("601", "n1", ["INBOX"]), added("602", "gone", ["INBOX"])], "610"),
            batch({"n1": {"sizeEstimate": 5}, "gone": err(404, "notFound")}),
            batch({"n1": raw_message("n1", INVITE, ["INBOX"])}),
            ok(LABELS),
        ]
    )
    with mailbox(http) as mb:
        (only,) = list(mb.sync('{"v": 1, "history_id": "600"}', SINCE))
    assert [f.ref for f in only.messages] == ["n1"]


def test_expired_history_id_falls_back_to_a_full_resync() -> None:
    http = HttpMockSequence(
        [
            err(404, "notFound", "Requested entity was not found."),
            ok({"historyId": "9000"}),
            ok({"messages": [{"id": "m1", "threadId": "t1"}]}),
            ok({}),
            batch({"m1": raw_message("m1", INVITE, ["INBOX"])}),
            ok(LABELS),
        ]
    )
    sleeps: list[float] = []
    with mailbox(http, sleeps) as mb:
        batches = list(mb.sync('{"v": 1, "history_id": "12"}', SINCE))
    assert [f.ref for b in batches for f in b.messages] == ["m1"]
    assert json.loads(batches[-1].cursor) == {"v": 1, "history_id": "9000"}
    c = calls(http)
    assert [c[0].path, c[1].path, c[2].path] == [
        "/gmail/v1/users/me/history",
        "/gmail/v1/users/me/profile",
        "/gmail/v1/users/me/messages",
    ]
    assert c[2].query["q"] == [f"(in:inbox OR in:sent) after:{int(SINCE.timestamp())}"]
    assert sleeps == []  # a 404 is not retried


def test_rate_limits_and_server_errors_are_retried_with_growing_delays() -> None:
    http = HttpMockSequence(
        [
            err(429, "rateLimitExceeded"),
            err(403, "userRateLimitExceeded"),
            err(503, "backendError"),
            ok({"historyId": "1"}),
            ok({}),
        ]
    )
    sleeps: list[float] = []
    with mailbox(http, sleeps) as mb:
        batches = list(mb.sync(None, SINCE))
    assert json.loads(batches[0].cursor)["history_id"] == "1"
    assert len(sleeps) == 3
    assert 0.5 <= sleeps[0] <= 1.0 and 1.0 <= sleeps[1] <= 2.0 and 2.0 <= sleeps[2] <= 4.0


def test_rate_limit_that_never_lifts_gives_up_with_rate_limit_error() -> None:
    http = HttpMockSequence([err(429, "rateLimitExceeded")] * 7)
    sleeps: list[float] = []
    with mailbox(http, sleeps) as mb, pytest.raises(RateLimitError) as info:
        list(mb.sync(None, SINCE))
    assert len(sleeps) == 6 and len(http.request_sequence) == 7
    assert info.value.__cause__ is not None


def test_rate_limited_batch_parts_are_retried_alone() -> None:
    http = HttpMockSequence(
        [
            ok({"historyId": "5"}),
            ok({"messages": [{"id": "m1"}, {"id": "m2"}]}),
            ok({}),
            batch({"m1": raw_message("m1", INVITE, ["INBOX"]), "m2": err(429, "rateLimitExceeded")}),
            batch({"m2": raw_message("m2", REPLY, ["SENT"])}),
            ok(LABELS),
        ]
    )
    sleeps: list[float] = []
    with mailbox(http, sleeps) as mb:
        (only,) = list(mb.sync(None, SINCE))
    assert [f.ref for f in only.messages] == ["m1", "m2"]
    second = [x for x in calls(http) if x.in_batch][2:]
    assert [x.path.rsplit("/", 1)[1] for x in second] == ["m2"]
    assert len(sleeps) == 1


def test_forbidden_without_rate_reason_is_not_retried() -> None:
    http = HttpMockSequence([err(403, "forbidden", "Gmail API has not been used in project")])
    sleeps: list[float] = []
    with mailbox(http, sleeps) as mb, pytest.raises(Exception) as info:
        list(mb.sync(None, SINCE))
    assert "HTTP 403" in str(info.value) and sleeps == []


def test_revoked_grant_becomes_auth_error_naming_the_fix() -> None:
    http = HttpMockSequence([err(401, "authError", "Invalid Credentials")])
    with mailbox(http) as mb, pytest.raises(AuthError) as info:
        list(mb.sync(None, SINCE))
    assert "run `followup auth main`" in str(info.value)


def test_refresh_refused_by_google_becomes_auth_error() -> None:
    import google_auth_httplib2
    from google.oauth2.credentials import Credentials

    from followup.backends.gmail import GmailMailbox

    token_http = ClosableMock(
        [
            (
                {"status": "400"},
                json.dumps(
                    {"error": "invalid_grant", "error_description": "Token has been expired or revoked."}
                ),
            )
        ]
    )
    creds = Credentials(
        None,
        refresh_token="r",
        client_id="c",
        client_secret="s",
        token_uri="https://oauth2.googleapis.com/token",
    )
    authed = google_auth_httplib2.AuthorizedHttp(creds, http=token_http)
    with GmailMailbox("main", http=authed, sleep=lambda s: None) as mb, pytest.raises(AuthError) as info:
        list(mb.sync(None, SINCE))
    assert "revoked or expired" in str(info.value)
    assert token_http.request_sequence[0][0] == "https://oauth2.googleapis.com/token"


def test_raw_bytes_come_back_exactly_as_stored() -> None:
    # base64url without padding, as Gmail sends it, decodes to the same bytes
    encoded = raw_message("m", INVITE, ["INBOX"])["raw"].rstrip("=")
    assert b64decode(encoded) == INVITE


def test_one_stored_batch_is_fetched_in_several_small_http_batches() -> None:
    http = HttpMockSequence(
        [
            ok({"historyId": "5"}),
            ok({"messages": [{"id": "m1"}, {"id": "m2"}, {"id": "m3"}]}),
            ok({}),
            batch({"m1": raw_message("m1", INVITE, ["INBOX"]), "m2": raw_message("m2", REPLY, ["SENT"])}),
            batch({"m3": raw_message("m3", PROMISE, ["INBOX"])}),
            ok(LABELS),
        ]
    )
    with mailbox(http, batch_size=3, http_batch=2) as mb:
        batches = list(mb.sync(None, SINCE))
    assert [[f.ref for f in b.messages] for b in batches] == [["m1", "m2", "m3"]]
    assert sum(1 for uri, *_ in http.request_sequence if uri.endswith("/batch")) == 2


def test_from_account_reads_the_config_and_opens_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    from google.oauth2.credentials import Credentials

    from followup import gmail_auth
    from followup.backends.gmail import GmailMailbox

    model = pytest.importorskip("followup.config.model")
    account = model.AccountConfig(
        name="g", backend="gmail", batch_size=40, max_message_bytes=1000, client_secrets="/x.json"
    )
    opened: list[str] = []

    def fake_credentials(acc: object) -> Credentials:
        opened.append(acc.name)  # type: ignore[attr-defined]
        return Credentials("ya29.t")

    monkeypatch.setattr(gmail_auth, "credentials", fake_credentials)
    mb = GmailMailbox.from_account(account)
    assert (mb.name, mb.batch_size, mb.max_bytes, mb.http_batch) == ("g", 40, 1000, 25)
    with mb:  # builds the client from the bundled discovery document: no request is made
        assert mb.users is not None
    assert opened == ["g"]
