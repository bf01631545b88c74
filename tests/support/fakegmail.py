"""A small, stateful fake of the Gmail v1 REST API on 127.0.0.1, for end-to-end tests of the Gmail backend.

It serves exactly what ``followup.backends.gmail`` uses: users.getProfile, labels.list, messages.list
(``q`` with ``in:``, ``after:``, ``before:``, ``larger:``, ``rfc822msgid:``, ``OR`` and parentheses;
``labelIds``; paging), messages.get (raw, metadata, minimal), messages.insert, history.list,
drafts.create/list/get/delete, the batch endpoint (multipart/mixed), and an OAuth token endpoint.
Anything else is answered 400 and recorded in ``problems``; so is any send, a request without a valid
access token, a body with a field the discovery document's schema lacks, and a ``threadId`` that
Gmail would refuse (References/In-Reply-To must name a message of that thread and the Subjects match).

The client is the real one built from the discovery document shipped in googleapiclient, with
``rootUrl`` rewritten to this server (``patch_google``), so method names and parameters are checked.
"""

from __future__ import annotations

import base64
import email
import email.message
import json
import re
import socket
import threading
from dataclasses import dataclass, field
from email import policy
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import googleapiclient

DISCOVERY_PATH = Path(googleapiclient.__file__).parent / "discovery_cache" / "documents" / "gmail.v1.json"
DISCOVERY: dict[str, Any] = json.loads(DISCOVERY_PATH.read_text("utf-8"))
SYSTEM_LABELS = ("INBOX", "SENT", "DRAFT", "UNREAD", "STARRED", "IMPORTANT", "SPAM", "TRASH")
API = "/gmail/v1/users/"
# historyTypes values and the record fields they select
HISTORY_FIELDS = {
    "messageAdded": "messagesAdded",
    "messageDeleted": "messagesDeleted",
    "labelAdded": "labelsAdded",
    "labelRemoved": "labelsRemoved",
}
Answer = tuple[int, Any]  # HTTP status, JSON body (None: empty)


class Refused(Exception):
    def __init__(self, status: int, message: str, reason: str = "invalidArgument") -> None:
        super().__init__(message)
        self.status, self.reason = status, reason


@dataclass
class Stored:
    id: str
    thread_id: str
    labels: list[str]
    raw: bytes
    internal_ms: int
    history_id: int

    def header(self, name: str) -> str:
        value = email.message_from_bytes(self.raw, policy=policy.compat32).get(name)
        return str(value).strip() if value is not None else ""


@dataclass
class Call:
    method_id: str  # discovery id (e.g. gmail.users.messages.list), "batch", "token" or "?"
    verb: str
    path: str
    query: dict[str, list[str]]
    body: Any = None
    in_batch: bool = False


@dataclass
class FakeGmail:
    address: str = "sam.rivera@example.net"
    client_id: str = "fake-client.apps.googleusercontent.com"
    client_secret: str = "fake-secret"
    refresh_token: str = "fake-refresh-token"
    calls: list[Call] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    messages: dict[str, Stored] = field(default_factory=dict)
    drafts: dict[str, str] = field(default_factory=dict)  # draft id -> message id
    user_labels: dict[str, str] = field(default_factory=dict)  # label id -> name
    history: list[dict[str, Any]] = field(default_factory=list)
    history_id: int = 4000
    history_floor: int = 0  # startHistoryId below this: 404 (expired)
    revoked: bool = False
    now_ms: int = 1773410400000  # the fake's clock for mail inserted without a date
    # a fault: (discovery method id, calls served before it fails, HTTP status); a test sets and clears it
    fail: tuple[str, int, int] | None = None
    _tokens: set[str] = field(default_factory=set)
    _seq: int = 0

    def __post_init__(self) -> None:
        self._lock = threading.RLock()
        self._server: ThreadingHTTPServer | None = None

    # -- lifecycle ---------------------------------------------------------------------------------

    def __enter__(self) -> FakeGmail:
        fake = self

        class Handler(_Handler):
            gmail = fake

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    @property
    def root_url(self) -> str:
        assert self._server is not None, "use `with FakeGmail() as fake:`"
        return f"http://127.0.0.1:{self._server.server_address[1]}/"

    @property
    def token_uri(self) -> str:
        return self.root_url + "token"

    def grant_json(self) -> str:
        """An authorized-user grant whose refreshes come here (for ``gmail_auth.import_token``)."""
        return json.dumps(
            {
                "client_id": self.client_id,
                "client_secret": self.client_secret,
                "refresh_token": self.refresh_token,
                "token_uri": self.token_uri,
                "type": "authorized_user",
            }
        )

    def issue_token(self) -> str:
        """An access token the fake accepts (for tests that build a client by hand)."""
        with self._lock:
            token = f"ya29.fake-{len(self._tokens) + 1}"
            self._tokens.add(token)
            return token

    def document(self) -> dict[str, Any]:
        doc = json.loads(json.dumps(DISCOVERY))
        doc["rootUrl"] = doc["mtlsRootUrl"] = doc["baseUrl"] = self.root_url
        return doc

    def patch_google(self, monkeypatch: Any) -> None:
        """Make ``googleapiclient.discovery.build("gmail", "v1", http=...)`` talk to this server, and
        google-auth refresh grants here (``Credentials.from_authorized_user_info`` always sets Google's
        token endpoint, whatever the grant's ``token_uri`` says)."""
        import google.oauth2.credentials
        from googleapiclient import discovery

        monkeypatch.setattr(google.oauth2.credentials, "_GOOGLE_OAUTH2_TOKEN_ENDPOINT", self.token_uri)

        real_build = discovery.build

        def build(service: str, version: str, *args: Any, http: Any = None, **kw: Any) -> Any:
            if (service, version) != ("gmail", "v1"):
                return real_build(service, version, *args, http=http, **kw)
            return discovery.build_from_document(self.document(), http=http)

        monkeypatch.setattr(discovery, "build", build)

    # -- the mailbox -------------------------------------------------------------------------------

    def _next_history(self) -> int:
        self.history_id += 1
        return self.history_id

    def deliver(self, raw: bytes, labels: list[str], internal_ms: int | None = None) -> str:
        """Add a message as Gmail would on receipt (or on sending, with SENT); returns its id."""
        with self._lock:
            return self._add(raw, list(labels), internal_ms, thread=None).id

    def add_label(self, name: str, message_id: str) -> str:
        with self._lock:
            label = next(
                (i for i, n in self.user_labels.items() if n == name), f"Label_{len(self.user_labels) + 1}"
            )
            self.user_labels[label] = name
            self.messages[message_id].labels.append(label)
            return label

    def user_deletes_draft(self, draft_id: str) -> None:
        """What deleting a draft in Gmail's own client does (not through the API under test)."""
        with self._lock:
            self._drop_draft(draft_id)

    def user_sends_draft(
        self,
        draft_id: str,
        raw: bytes | None = None,
        internal_ms: int | None = None,
        *,
        keep_id: bool = False,
    ) -> str:
        """What sending a draft from Gmail's own client does: the draft goes, a SENT message comes.

        ``keep_id``: the draft's message itself becomes the sent one (DRAFT removed, SENT added: two
        label records in history, no messageAdded), as drafts.send answers with the draft's message.
        """
        with self._lock:
            if not keep_id:
                old = self._drop_draft(draft_id)
                return self._add(raw or old.raw, ["SENT"], internal_ms, thread=old.thread_id).id
            msg = self.messages[self.drafts.pop(draft_id)]
            msg.labels = [x for x in msg.labels if x != "DRAFT"] + ["SENT"]
            ref = self._ref(msg) | {"labelIds": list(msg.labels)}
            self.history.append(
                {"id": self._next_history(), "labelsRemoved": [{"message": ref, "labelIds": ["DRAFT"]}]}
            )
            msg.history_id = self._next_history()
            self.history.append(
                {"id": msg.history_id, "labelsAdded": [{"message": ref, "labelIds": ["SENT"]}]}
            )
            return msg.id

    def _drop_draft(self, draft_id: str) -> Stored:
        msg = self.messages.pop(self.drafts.pop(draft_id))
        self.history.append({"id": self._next_history(), "messagesDeleted": [{"message": self._ref(msg)}]})
        return msg

    def expire_history(self) -> None:
        """Every history id handed out so far becomes too old (history.list answers 404)."""
        with self._lock:
            self.history_floor = self.history_id + 1

    def by_message_id(self, msgid: str) -> Stored:
        return next(
            m for m in self.messages.values() if m.header("Message-ID").strip("<>") == msgid.strip("<>")
        )

    def draft_messages(self) -> list[Stored]:
        return [self.messages[mid] for mid in self.drafts.values()]

    def method_ids(self) -> list[str]:
        return [c.method_id for c in self.calls]

    def _add(self, raw: bytes, labels: list[str], internal_ms: int | None, thread: str | None) -> Stored:
        self._seq += 1
        mid = f"{0x18E0000000000000 + self._seq * 7919:016x}"
        if internal_ms is None:
            internal_ms = self.now_ms
        msg = Stored(mid, "", labels, raw, internal_ms, self._next_history())
        msg.thread_id = (self._thread_by_headers(msg) if thread is None else thread) or mid
        self.messages[mid] = msg
        self.history.append(
            {
                "id": msg.history_id,
                "messagesAdded": [{"message": self._ref(msg) | {"labelIds": list(labels)}}],
            }
        )
        return msg

    def _thread_by_headers(self, msg: Stored) -> str:
        """The thread of a message this one answers, when the Subjects match (as Gmail threads mail)."""
        for other in self._referenced(msg):
            if _subject_key(other.header("Subject")) == _subject_key(msg.header("Subject")):
                return other.thread_id
        return ""

    def _referenced(self, msg: Stored) -> list[Stored]:
        ids = re.findall(r"<([^<>\s]+)>", msg.header("In-Reply-To") + " " + msg.header("References"))
        known = {m.header("Message-ID").strip("<>"): m for m in self.messages.values() if m.id != msg.id}
        return [known[i] for i in ids if i in known]

    @staticmethod
    def _ref(msg: Stored) -> dict[str, Any]:
        return {"id": msg.id, "threadId": msg.thread_id}

    def _resource(self, msg: Stored, fmt: str, wanted_headers: list[str]) -> dict[str, Any]:
        out = self._ref(msg) | {
            "labelIds": list(msg.labels),
            "historyId": str(msg.history_id),
            "internalDate": str(msg.internal_ms),
            "sizeEstimate": len(msg.raw),
        }
        if fmt == "raw":
            out["raw"] = base64.urlsafe_b64encode(msg.raw).decode("ascii")
        elif fmt == "metadata":
            parsed = email.message_from_bytes(msg.raw, policy=policy.compat32)
            names = {n.lower() for n in wanted_headers}
            headers = [
                {"name": k, "value": str(v)} for k, v in parsed.items() if not names or k.lower() in names
            ]
            out["payload"] = {"mimeType": parsed.get_content_type(), "headers": headers}
        elif fmt != "minimal":
            raise Refused(400, f"format {fmt!r} is not served by the fake")
        return out

    # -- dispatch ----------------------------------------------------------------------------------

    def handle(self, verb: str, target: str, headers: dict[str, str], body: bytes, in_batch: bool) -> Answer:
        url = urlsplit(target)
        query = parse_qs(url.query)
        data: Any = None
        if body and "json" in headers.get("content-type", ""):
            data = json.loads(body)
        call = Call("?", verb, url.path, query, data, in_batch)
        with self._lock:
            self.calls.append(call)
            try:
                return self._route(call, headers, body)
            except Refused as e:
                if e.status not in (401, 404):
                    self.problems.append(f"{verb} {url.path}: {e}")
                return e.status, _error(e.status, str(e), e.reason)

    def _route(self, call: Call, headers: dict[str, str], body: bytes) -> Answer:
        if call.path == "/token" and call.verb == "POST":
            call.method_id = "token"
            return self._token(parse_qs(body.decode()))
        if call.path.rstrip("/").endswith("/send"):
            call.method_id = "send"
            raise Refused(400, "a SEND reached the fake Gmail: followup must never send mail")
        if not call.in_batch or headers.get("authorization"):
            self._authorize(headers)
        if call.path == "/batch" and call.verb == "POST":
            call.method_id = "batch"
            return 200, self._batch(headers, body)
        if not call.path.startswith(API + "me/"):
            raise Refused(400, "unknown path (only userId=me is served)")
        rest = call.path[len(API + "me/") :].split("/")
        key = (call.verb, rest[0], len(rest))
        route = ROUTES.get(key)
        if route is None:
            raise Refused(400, "a method the fake does not know")
        call.method_id = route[0]
        if self.fail is not None and self.fail[0] == call.method_id:
            method, left, status = self.fail
            if left <= 0:
                return status, _error(
                    status, "injected fault", "backendError" if status >= 500 else "failedPrecondition"
                )
            self.fail = (method, left - 1, status)
        return 200, route[1](self, call, rest[1] if len(rest) > 1 else "")

    def _authorize(self, headers: dict[str, str]) -> None:
        token = headers.get("authorization", "").removeprefix("Bearer ").strip()
        if token not in self._tokens or self.revoked:
            raise Refused(401, "Request had invalid authentication credentials.", "authError")

    def _token(self, form: dict[str, list[str]]) -> Answer:
        got = {k: v[0] for k, v in form.items()}
        wanted = {
            "grant_type": "refresh_token",
            "refresh_token": self.refresh_token,
            "client_id": self.client_id,
            "client_secret": self.client_secret,
        }
        if self.revoked or any(got.get(k) != v for k, v in wanted.items()):
            return 400, {"error": "invalid_grant", "error_description": "Token has been expired or revoked."}
        token = self.issue_token()
        scope = " ".join(
            f"https://www.googleapis.com/auth/gmail.{s}" for s in ("readonly", "compose", "insert")
        )
        return 200, {"access_token": token, "expires_in": 3599, "token_type": "Bearer", "scope": scope}

    def _batch(self, headers: dict[str, str], body: bytes) -> _Multipart:
        envelope = f"Content-Type: {headers.get('content-type', '')}\r\n\r\n".encode() + body
        parts = email.message_from_bytes(envelope, policy=policy.compat32).get_payload()
        if not isinstance(parts, list) or not parts:
            raise Refused(400, "a batch without parts")
        if len(parts) > 100:
            raise Refused(400, f"a batch of {len(parts)} parts (Gmail allows 100)")
        out = []
        for part in parts:
            assert isinstance(part, email.message.Message)
            payload = part.get_payload(decode=True)
            assert isinstance(payload, bytes)
            head, _, inner_body = payload.partition(b"\r\n\r\n")
            lines = head.decode("utf-8").split("\r\n")
            verb, target, _version = lines[0].split(" ", 2)
            inner = {k.strip().lower(): v.strip() for k, _, v in (x.partition(":") for x in lines[1:] if x)}
            status, answer = self.handle(verb, target, inner, inner_body, in_batch=True)
            out.append((str(part.get("Content-ID", "")), status, answer))
        return _Multipart(out)

    # -- methods -----------------------------------------------------------------------------------

    def profile(self, call: Call, _: str) -> dict[str, Any]:
        total = len(self.messages)
        return {"emailAddress": self.address, "messagesTotal": total, "historyId": str(self.history_id)}

    def labels_list(self, call: Call, _: str) -> dict[str, Any]:
        system = [{"id": x, "name": x, "type": "system"} for x in SYSTEM_LABELS]
        own = [{"id": i, "name": n, "type": "user"} for i, n in self.user_labels.items()]
        return {"labels": system + own}

    def messages_list(self, call: Call, _: str) -> dict[str, Any]:
        q = _one(call.query, "q")
        wanted_labels = call.query.get("labelIds", [])
        hits = [
            m
            for m in self.messages.values()
            if not {"SPAM", "TRASH"} & set(m.labels)
            and all(lb in m.labels for lb in wanted_labels)
            and (not q or _Query(q).matches(m))
        ]
        hits.sort(key=lambda m: (m.internal_ms, m.id), reverse=True)  # newest first, as Gmail lists
        page, token = _page(hits, call.query)
        answer: dict[str, Any] = {"resultSizeEstimate": len(hits)}
        if page:
            answer["messages"] = [self._ref(m) for m in page]
        if token:
            answer["nextPageToken"] = token
        return answer

    def messages_get(self, call: Call, mid: str) -> dict[str, Any]:
        msg = self.messages.get(mid)
        if msg is None:
            raise Refused(404, "Requested entity was not found.", "notFound")
        return self._resource(
            msg, _one(call.query, "format") or "full", call.query.get("metadataHeaders", [])
        )

    def messages_insert(self, call: Call, _: str) -> dict[str, Any]:
        _check_schema("Message", call.body)
        raw = base64.urlsafe_b64decode(str(call.body.get("raw", "")) + "==")
        when = None
        if _one(call.query, "internalDateSource") == "dateHeader":
            when = int(parsedate_to_datetime(Stored("", "", [], raw, 0, 0).header("Date")).timestamp() * 1000)
        labels = [str(x) for x in call.body.get("labelIds") or []]
        return self._ref(self._add(raw, labels, when, None)) | {"labelIds": labels}

    def history_list(self, call: Call, _: str) -> dict[str, Any]:
        start = int(_one(call.query, "startHistoryId") or 0)
        if start < self.history_floor:
            raise Refused(404, "Requested entity was not found.", "notFound")
        fields = {HISTORY_FIELDS[t] for t in call.query.get("historyTypes", [])}
        records = [r for r in self.history if r["id"] > start and (not fields or any(f in r for f in fields))]
        page, token = _page(records, call.query)
        answer: dict[str, Any] = {"historyId": str(self.history_id)}
        if page:
            answer["history"] = [r | {"id": str(r["id"])} for r in page]
        if token:
            answer["nextPageToken"] = token
        return answer

    def drafts_create(self, call: Call, _: str) -> dict[str, Any]:
        _check_schema("Draft", call.body)
        message = call.body.get("message") or {}
        raw = base64.urlsafe_b64decode(str(message.get("raw", "")) + "==")
        wanted = str(message.get("threadId") or "")
        msg = self._add(raw, ["DRAFT"], None, thread=self._draft_thread(raw, wanted))
        draft_id = f"r{self.history_id * 1000 + len(self.drafts)}"
        self.drafts[draft_id] = msg.id
        return {"id": draft_id, "message": self._ref(msg) | {"labelIds": ["DRAFT"]}}

    def _draft_thread(self, raw: bytes, wanted: str) -> str:
        """Gmail's rule: a draft joins ``wanted`` only when it answers a message of that thread and the
        Subjects match; without ``threadId`` it starts a new thread ("" here)."""
        if not wanted:
            return ""
        probe = Stored("", "", [], raw, 0, 0)
        inside = [m for m in self._referenced(probe) if m.thread_id == wanted]
        subject = _subject_key(probe.header("Subject"))
        if inside and all(_subject_key(m.header("Subject")) == subject for m in inside):
            return wanted
        self.problems.append(f"drafts.create: Gmail would not put the draft into thread {wanted}")
        return ""

    def drafts_list(self, call: Call, _: str) -> dict[str, Any]:
        items = sorted(self.drafts.items(), key=lambda d: self.messages[d[1]].history_id, reverse=True)
        page, token = _page(items, call.query)
        answer: dict[str, Any] = {"resultSizeEstimate": len(items)}
        if page:
            answer["drafts"] = [{"id": d, "message": self._ref(self.messages[m])} for d, m in page]
        if token:
            answer["nextPageToken"] = token
        return answer

    def drafts_get(self, call: Call, draft_id: str) -> dict[str, Any]:
        if draft_id not in self.drafts:
            raise Refused(404, "Requested entity was not found.", "notFound")
        msg = self.messages[self.drafts[draft_id]]
        return {"id": draft_id, "message": self._resource(msg, _one(call.query, "format") or "full", [])}

    def drafts_delete(self, call: Call, draft_id: str) -> None:
        if draft_id not in self.drafts:
            raise Refused(404, "Requested entity was not found.", "notFound")
        self._drop_draft(draft_id)


ROUTES = {
    ("GET", "profile", 1): ("gmail.users.getProfile", FakeGmail.profile),
    ("GET", "labels", 1): ("gmail.users.labels.list", FakeGmail.labels_list),
    ("GET", "messages", 1): ("gmail.users.messages.list", FakeGmail.messages_list),
    ("POST", "messages", 1): ("gmail.users.messages.insert", FakeGmail.messages_insert),
    ("GET", "messages", 2): ("gmail.users.messages.get", FakeGmail.messages_get),
    ("GET", "history", 1): ("gmail.users.history.list", FakeGmail.history_list),
    ("POST", "drafts", 1): ("gmail.users.drafts.create", FakeGmail.drafts_create),
    ("GET", "drafts", 1): ("gmail.users.drafts.list", FakeGmail.drafts_list),
    ("GET", "drafts", 2): ("gmail.users.drafts.get", FakeGmail.drafts_get),
    ("DELETE", "drafts", 2): ("gmail.users.drafts.delete", FakeGmail.drafts_delete),
}


# -- helpers -----------------------------------------------------------------------------------------


def _one(query: dict[str, list[str]], name: str) -> str:
    values = query.get(name) or [""]
    return values[0]


def _page(items: list[Any], query: dict[str, list[str]]) -> tuple[list[Any], str]:
    size = min(int(_one(query, "maxResults") or 100), 500)
    start = int(_one(query, "pageToken") or 0)
    end = start + size
    return items[start:end], (str(end) if end < len(items) else "")


def _subject_key(subject: str) -> str:
    text = " ".join(subject.split()).casefold()
    while True:
        stripped = re.sub(r"^(re|fwd?|aw|sv|wg)\s*:\s*", "", text)
        if stripped == text:
            return text
        text = stripped


def _error(status: int, message: str, reason: str) -> dict[str, Any]:
    return {"error": {"code": status, "message": message, "errors": [{"reason": reason, "message": message}]}}


def _check_schema(name: str, value: Any, where: str = "") -> None:
    """Refuse a body with a field the discovery document's schema lacks, or a value of the wrong type."""
    where = where or name
    if not isinstance(value, dict):
        raise Refused(400, f"{where}: expected an object")
    props = DISCOVERY["schemas"][name]["properties"]
    for key, item in value.items():
        if key not in props:
            raise Refused(400, f"{where}: {key!r} is not a field of {name}")
        spec = props[key]
        if "$ref" in spec:
            _check_schema(spec["$ref"], item, f"{where}.{key}")
        elif spec.get("type") == "string" and not isinstance(item, str):
            raise Refused(400, f"{where}.{key}: expected a string")
        elif spec.get("type") == "array" and not isinstance(item, list):
            raise Refused(400, f"{where}.{key}: expected a list")


class _Query:
    """Gmail search: terms joined by AND (juxtaposition), OR binding tighter, parentheses, ``-`` negation."""

    TOKEN = re.compile(r"\(|\)|-?[A-Za-z0-9_]+:[^\s()]+|OR|\S+")

    def __init__(self, text: str) -> None:
        self.tokens = self.TOKEN.findall(text)
        self.text = text

    def matches(self, msg: Stored) -> bool:
        self.pos = 0
        result = self._and(msg)
        if self.pos != len(self.tokens):
            raise Refused(400, f"cannot parse the search {self.text!r}")
        return result

    def _and(self, msg: Stored) -> bool:
        results = []
        while self.pos < len(self.tokens) and self.tokens[self.pos] != ")":
            results.append(self._or(msg))
        return all(results)

    def _or(self, msg: Stored) -> bool:
        results = [self._atom(msg)]
        while self.pos < len(self.tokens) and self.tokens[self.pos] == "OR":
            self.pos += 1
            results.append(self._atom(msg))
        return any(results)

    def _atom(self, msg: Stored) -> bool:
        token = self.tokens[self.pos]
        self.pos += 1
        if token == "(":
            result = self._and(msg)
            if self.pos >= len(self.tokens) or self.tokens[self.pos] != ")":
                raise Refused(400, f"unbalanced parentheses in {self.text!r}")
            self.pos += 1
            return result
        if token.startswith("-"):
            return not self._term(token[1:], msg)
        return self._term(token, msg)

    def _term(self, token: str, msg: Stored) -> bool:
        op, _, value = token.partition(":")
        op = op.lower()
        seconds = msg.internal_ms // 1000
        if op == "in" and value.lower() in ("inbox", "sent", "drafts"):
            return {"inbox": "INBOX", "sent": "SENT", "drafts": "DRAFT"}[value.lower()] in msg.labels
        if op in ("after", "before", "larger") and value.isdigit():
            n = int(value)
            return {"after": seconds >= n, "before": seconds < n, "larger": len(msg.raw) > n}[op]
        if op == "rfc822msgid":
            return msg.header("Message-ID").strip("<>").lower() == value.strip("<>").lower()
        raise Refused(400, f"the fake does not serve the search term {token!r}")


@dataclass
class _Multipart:
    parts: list[tuple[str, int, Any]]  # request Content-ID, status, JSON body
    boundary: str = "fake_gmail_batch_boundary"

    def encode(self) -> bytes:
        chunks = []
        for cid, status, answer in self.parts:
            body = "" if answer is None else json.dumps(answer)
            response_id = "<response-" + cid.strip().strip("<>") + ">"
            chunks.append(
                f"--{self.boundary}\r\nContent-Type: application/http\r\nContent-ID: {response_id}\r\n\r\n"
                f"HTTP/1.1 {status} {'OK' if status < 300 else 'Error'}\r\n"
                f"Content-Type: application/json; charset=UTF-8\r\n\r\n{body}\r\n"
            )
        return ("".join(chunks) + f"--{self.boundary}--\r\n").encode("utf-8")


class _Handler(BaseHTTPRequestHandler):
    gmail: FakeGmail
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        super().setup()
        # headers and body go out in two writes: without this, Nagle and delayed ACKs cost 40 ms each
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        return

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {k.lower(): v for k, v in self.headers.items()}
        status, answer = self.gmail.handle(self.command, self.path, headers, body, in_batch=False)
        if isinstance(answer, _Multipart):
            data, ctype = answer.encode(), f"multipart/mixed; boundary={answer.boundary}"
        else:
            data, ctype = (b"" if answer is None else json.dumps(answer).encode()), "application/json"
        self.send_response(status if answer is not None or status != 200 else 204)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve  # noqa: N815 - http.server's names
