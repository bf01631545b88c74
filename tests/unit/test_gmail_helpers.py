"""Test support for the Gmail backend (fake HTTP answers, request decoding, schema checks), and tests
of the pure helpers in ``followup.backends.gmail_sync``.

Requests go through the real client built from the Gmail discovery document that ships with
google-api-python-client, into ``HttpMockSequence``, which records them. Batch requests are decoded
here into their parts so tests can assert method, path and query of each.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from email.parser import Parser
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import googleapiclient
import pytest
from googleapiclient.http import HttpMockSequence

from followup.backends.gmail import GmailMailbox
from followup.backends.gmail_sync import (
    Cursor,
    b64encode,
    followup_message_id,
    header_block,
    history_additions,
    listing_query,
    msgid_query,
    safe_history_id,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "gmail"
DISCOVERY = json.loads(
    (Path(googleapiclient.__file__).parent / "discovery_cache" / "documents" / "gmail.v1.json").read_text()
)
BOUNDARY = "batch_test_boundary"


# -- answers ---------------------------------------------------------------------------------------


def ok(obj: Any) -> tuple[dict[str, str], str]:
    return {"status": "200", "content-type": "application/json"}, json.dumps(obj)


def err(status: int, reason: str = "", message: str = "error") -> tuple[dict[str, str], str]:
    body = {"error": {"code": status, "message": message, "errors": [{"reason": reason, "message": message}]}}
    return {"status": str(status), "content-type": "application/json"}, json.dumps(body)


def batch(parts: dict[str, Any]) -> tuple[dict[str, str], str]:
    """A multipart/mixed batch answer; each part is an object (200) or an ``err(...)`` pair."""
    chunks = []
    for rid, answer in parts.items():
        if isinstance(answer, tuple):
            status, body = int(answer[0]["status"]), answer[1]
        else:
            status, body = 200, json.dumps(answer)
        chunks.append(
            f"--{BOUNDARY}\r\nContent-Type: application/http\r\nContent-ID: <response-x + {rid}>\r\n\r\n"
            f"HTTP/1.1 {status} {'OK' if status == 200 else 'Error'}\r\nContent-Type: application/json\r\n\r\n"
            f"{body}\r\n"
        )
    content = "".join(chunks) + f"--{BOUNDARY}--\r\n"
    return {"status": "200", "content-type": f"multipart/mixed; boundary={BOUNDARY}"}, content


def raw_message(
    mid: str, raw: bytes, labels: list[str], thread: str = "t1", when_ms: int = 1741079700000
) -> dict[str, Any]:
    return {
        "id": mid,
        "threadId": thread,
        "labelIds": labels,
        "raw": b64encode(raw),
        "sizeEstimate": len(raw) + 40,
        "internalDate": str(when_ms),
        "historyId": "900",
    }


LABELS = {
    "labels": [
        {"id": "INBOX", "name": "INBOX", "type": "system"},
        {"id": "SENT", "name": "SENT", "type": "system"},
        {"id": "UNREAD", "name": "UNREAD", "type": "system"},
        {"id": "Label_7", "name": "followup-mute", "type": "user"},
        {"id": "Label_9", "name": "Jobs", "type": "user"},
    ]
}


class ClosableMock(HttpMockSequence):
    """HttpMockSequence with the ``close`` that google_auth_httplib2.AuthorizedHttp calls."""

    def close(self) -> None:
        return None


# -- requests --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Call:
    method: str
    path: str
    query: dict[str, list[str]]
    body: Any  # parsed JSON, or None
    in_batch: bool = False


def _call(method: str, uri: str, body: Any, in_batch: bool) -> Call:
    parts = urlsplit(uri)
    parsed = None
    if body:
        text = body.decode() if isinstance(body, bytes) else str(body)
        try:
            parsed = json.loads(text)
        except ValueError:
            parsed = text
    return Call(method, parts.path, parse_qs(parts.query), parsed, in_batch)


def calls(http: HttpMockSequence) -> list[Call]:
    """Every request sent, with batch requests expanded into their parts."""
    out = []
    for uri, method, body, headers in http.request_sequence:
        if urlsplit(uri).path == "/batch":
            ctype = (headers or {}).get("content-type", "")
            message = Parser().parsestr(f"Content-Type: {ctype}\r\n\r\n{body}")
            for part in message.get_payload():
                request_line, _, rest = part.get_payload().partition("\n")
                verb, target, _ = request_line.split(" ", 2)
                inner_body = rest.split("\n\n", 1)[1] if "\n\n" in rest else ""
                out.append(_call(verb, "https://gmail.googleapis.com" + target, inner_body.strip(), True))
        else:
            out.append(_call(method, uri, body, False))
    return out


def assert_never_sent(http: HttpMockSequence) -> None:
    for c in calls(http):
        assert not c.path.rstrip("/").endswith("/send"), c


def check_schema(schema: str, value: Any, where: str = "") -> None:
    """Fail when ``value`` has a field the discovery document's schema lacks, or a wrong type."""
    spec = DISCOVERY["schemas"][schema]
    assert isinstance(value, dict), f"{where or schema}: expected an object"
    for name, item in value.items():
        assert name in spec["properties"], f"{where or schema}: {name!r} is not a field of {schema}"
        _check_value(spec["properties"][name], item, f"{where or schema}.{name}")


def _check_value(prop: dict[str, Any], item: Any, where: str) -> None:
    if "$ref" in prop:
        check_schema(prop["$ref"], item, where)
        return
    kind = prop.get("type")
    if kind == "string":
        assert isinstance(item, str), f"{where}: expected a string"
    elif kind == "integer":
        assert isinstance(item, int), f"{where}: expected an integer"
    elif kind == "array":
        assert isinstance(item, list), f"{where}: expected a list"
        for i, element in enumerate(item):
            _check_value(prop["items"], element, f"{where}[{i}]")


def mailbox(http: HttpMockSequence, sleeps: list[float] | None = None, **kw: Any) -> GmailMailbox:
    sink = sleeps if sleeps is not None else []
    return GmailMailbox("main", http=http, sleep=sink.append, **kw)


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


# -- tests of the pure helpers --------------------------------------------------------------------


def test_cursor_round_trips_and_rejects_garbage() -> None:
    c = Cursor("123", 1700000000, 1700500000)
    assert Cursor.loads(c.dumps()) == c
    assert Cursor.loads(Cursor("9").dumps()) == Cursor("9")
    for bad in (None, "", "not json", '{"v": 2, "history_id": "1"}', '{"v": 1, "history_id": "x"}', "[]"):
        assert Cursor.loads(bad) is None


def test_listing_query_groups_the_folders_before_the_date() -> None:
    assert listing_query(100) == "(in:inbox OR in:sent) after:100"
    assert listing_query(100, 200, 5000) == "(in:inbox OR in:sent) after:100 before:200 larger:5000"


def test_followup_message_id_depends_on_key_and_domain_only() -> None:
    a = followup_message_id("k1")
    assert a == followup_message_id("k1") and a != followup_message_id("k2")
    assert a.startswith("<followup.") and a.endswith("@followup.invalid>")
    assert followup_message_id("k1", "example.net").endswith("@example.net>")


def test_msgid_query_strips_brackets_and_ors_terms() -> None:
    assert msgid_query(["<a@b>"]) == "rfc822msgid:a@b"
    assert msgid_query(["<a@b>", "c@d"], "in:sent") == "in:sent (rfc822msgid:a@b OR rfc822msgid:c@d)"


def test_header_block_builds_parsable_headers_without_line_breaks_inside_values() -> None:
    block = header_block([{"name": "Subject", "value": "a\r\nb"}, {"name": "From", "value": "x@y"}])
    assert block == b"Subject: a  b\r\nFrom: x@y\r\n\r\n"


def test_history_additions_dedupes_and_orders_by_record() -> None:
    records = [
        {"id": "12", "messagesAdded": [{"message": {"id": "m2", "labelIds": ["INBOX"]}}]},
        {"id": "10", "messagesAdded": [{"message": {"id": "m1", "labelIds": ["SENT"]}}]},
        {"id": "13", "messagesAdded": [{"message": {"id": "m2", "labelIds": ["INBOX"]}}]},
    ]
    assert history_additions(records) == [(10, "m1", ["SENT"]), (12, "m2", ["INBOX"])]


@pytest.mark.parametrize(
    ("done", "expected"),
    [(0, "5"), (1, "10"), (2, "10"), (3, "11"), (4, "12")],
)
def test_safe_history_id_only_counts_records_fully_stored(done: int, expected: str) -> None:
    additions = [(10, "a", []), (11, "b", []), (11, "c", []), (12, "d", [])]
    # after 2 done, record 11 is half stored: only 10 is safe
    assert safe_history_id(additions, done, "5") == expected


def test_schema_check_catches_a_misnamed_field() -> None:
    check_schema("Draft", {"message": {"raw": "eA", "threadId": "t"}})
    with pytest.raises(AssertionError):
        check_schema("Draft", {"message": {"raw": "eA", "thread_id": "t"}})
    with pytest.raises(AssertionError):
        check_schema("Message", {"labelIds": "INBOX"})
