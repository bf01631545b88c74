"""The Gmail API backend: ``Mailbox`` on google-api-python-client.

- sync: the first sync lists INBOX and Sent mail over the lookback (``messages.list``, every page),
  then fetches ``format=raw`` in batches; later syncs read ``history.list`` (messageAdded) from the
  stored history id. An expired history id (HTTP 404) falls back to a full listing from ``since``.
  Mail over ``max_bytes`` is fetched as headers only (``format=metadata``, ``truncated=True``).
- drafts: ``drafts.create`` in the employer's thread (``threadId`` found by ``rfc822msgid:`` of the
  draft's In-Reply-To); ``find_drafted`` reads the ``X-Followup-Key`` header of every draft, and finds
  sent ones by their key-derived Message-ID (``gmail_sync.followup_message_id``).
- the digest: ``messages.insert`` with labels INBOX and UNREAD. Never ``send``: see ``gmail_http``.
Refs are Gmail message ids; draft refs are Gmail draft ids.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterator
from datetime import datetime
from email.parser import BytesHeaderParser
from email.utils import format_datetime
from typing import Any

from followup.backends.base import DRAFTS, SENT, Batch, Fetched, FoundDraft
from followup.backends.gmail_http import Executor, NotFound
from followup.backends.gmail_sync import (
    MSGID_FALLBACK_DOMAIN,
    Cursor,
    b64decode,
    b64encode,
    draft_folder_of,
    folder_of,
    followup_message_id,
    header_block,
    history_additions,
    internal_date,
    listing_query,
    msgid_query,
    safe_history_id,
)
from followup.errors import MailboxError

log = logging.getLogger("followup.gmail")

USER = "me"
KEY_HEADER = "X-Followup-Key"
DEFAULT_BATCH_SIZE = 100  # messages per yielded Batch (stored in one transaction)
DEFAULT_HTTP_BATCH = 25  # requests per HTTP batch: Google advises at most 50 (per-user rate limit)
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_DRAFTS_SCANNED = 2000
MSGIDS_PER_SEARCH = 20


def header(raw: bytes, name: str) -> str:
    value = BytesHeaderParser().parsebytes(raw).get(name)
    return str(value).strip() if value is not None else ""


def with_header(raw: bytes, name: str, value: str) -> bytes:
    """``raw`` with one header line put in front (the message is otherwise untouched)."""
    eol = b"\r\n" if b"\r\n" in raw.split(b"\n\n", 1)[0] + b"\n" else b"\n"
    return f"{name}: {value}".encode("ascii") + eol + raw


class GmailMailbox:
    """One Gmail account through the Gmail API. Use as ``with GmailMailbox(...) as mb:``."""

    def __init__(
        self,
        name: str,
        credentials_provider: Callable[[], Any] | None = None,
        *,
        http: Any = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        http_batch: int = DEFAULT_HTTP_BATCH,
        max_bytes: int = DEFAULT_MAX_BYTES,
        page_size: int = 500,
        sleep: Callable[[float], None] | None = None,
        timeout: float = 60.0,
    ) -> None:
        if credentials_provider is None and http is None:
            raise ValueError("GmailMailbox needs credentials_provider or http")
        self.name = name
        self._credentials_provider = credentials_provider
        self._http = http
        self.batch_size = max(1, batch_size)
        self.http_batch = max(1, min(http_batch, 100))
        self.max_bytes = max_bytes
        self.page_size = page_size
        self.timeout = timeout
        self.executor = Executor(name) if sleep is None else Executor(name, sleep=sleep)
        self._service: Any = None
        self._labels: dict[str, str] | None = None  # label id -> name
        self._profile_email: str | None = None

    @classmethod
    def from_account(cls, account: Any, *, http: Any = None) -> GmailMailbox:
        """Build from an ``AccountConfig`` (``name``, ``batch_size``, ``max_message_bytes``, ``timeout_seconds``).

        ``batch_size`` is the number of messages per stored batch; HTTP batches stay at 25 requests.
        """
        from followup import gmail_auth

        batch_size = getattr(account, "batch_size", None) or DEFAULT_BATCH_SIZE
        max_bytes = getattr(account, "max_message_bytes", None) or DEFAULT_MAX_BYTES
        timeout = getattr(account, "timeout_seconds", None) or 60.0
        provider = None if http is not None else (lambda: gmail_auth.credentials(account))
        return cls(
            account.name,
            provider,
            http=http,
            batch_size=int(batch_size),
            max_bytes=int(max_bytes),
            timeout=float(timeout),
        )

    # -- lifecycle --------------------------------------------------------------------------------

    def __enter__(self) -> GmailMailbox:
        from googleapiclient.discovery import build

        if self._http is not None:
            http = self._http
        else:
            import google_auth_httplib2
            import httplib2

            assert self._credentials_provider is not None
            creds = self._credentials_provider()
            http = google_auth_httplib2.AuthorizedHttp(creds, http=httplib2.Http(timeout=self.timeout))
        self._service = build("gmail", "v1", http=http, static_discovery=True, cache_discovery=False)
        return self

    def __exit__(self, *exc: object) -> None:
        service, self._service = self._service, None
        close = getattr(getattr(service, "_http", None), "close", None)
        if callable(close):
            close()

    @property
    def users(self) -> Any:
        if self._service is None:
            raise MailboxError(f"account {self.name!r}: the Gmail mailbox is not open (use `with`)")
        return self._service.users()

    def _run(self, request: Any) -> dict[str, Any]:
        return self.executor.execute(request)

    def _pages(self, make: Callable[[str | None], Any], field: str) -> Iterator[dict[str, Any]]:
        """Every item of a paged list, following nextPageToken to the end."""
        token: str | None = None
        while True:
            page = self._run(make(token))
            yield from page.get(field) or ()
            token = page.get("nextPageToken")
            if not token:
                return

    def label_names(self) -> dict[str, str]:
        if self._labels is None:
            labels = self._run(self.users.labels().list(userId=USER)).get("labels") or ()
            self._labels = {str(lb["id"]): str(lb.get("name") or lb["id"]) for lb in labels}
        return self._labels

    # -- sync -------------------------------------------------------------------------------------

    def sync(self, cursor: str | None, since: datetime) -> Iterator[Batch]:
        state = Cursor.loads(cursor)
        if state is not None and state.full_since is None:
            try:
                yield from self._incremental(state.history_id)
                return
            except NotFound:
                log.warning("account %s: Gmail history id expired; full resync", self.name)
        if state is not None and state.full_since is not None:
            yield from self._full(state.history_id, state.full_since, state.full_before)
            return
        history_id = str(self._run(self.users.getProfile(userId=USER)).get("historyId") or "")
        yield from self._full(history_id, int(since.timestamp()), None)

    def _list_ids(self, query: str) -> list[str]:
        def make(token: str | None) -> Any:
            return self.users.messages().list(
                userId=USER, q=query, maxResults=self.page_size, pageToken=token
            )

        return [str(m["id"]) for m in self._pages(make, "messages")]

    def _full(self, history_id: str, since: int, before: int | None) -> Iterator[Batch]:
        ids = self._list_ids(listing_query(since, before))
        big = set(self._list_ids(listing_query(since, before, larger_than=self.max_bytes))) if ids else set()
        log.info("account %s: first sync of %d messages (%d headers only)", self.name, len(ids), len(big))
        oldest = before
        for start in range(0, len(ids), self.batch_size):
            chunk = ids[start : start + self.batch_size]
            fetched = self._fetch(chunk, big)
            dates = [int(f.internal_date.timestamp()) + 1 for f in fetched if f.internal_date]
            if dates:
                oldest = min(dates) if oldest is None else min(oldest, *dates)
            done = start + len(chunk) >= len(ids)
            cursor = Cursor(history_id) if done else Cursor(history_id, since, oldest)
            yield Batch(tuple(fetched), cursor.dumps())
        if not ids:
            yield Batch((), Cursor(history_id).dumps())

    def _incremental(self, start: str) -> Iterator[Batch]:
        records: list[dict[str, Any]] = []
        latest = start
        token: str | None = None
        while True:
            page = self._run(
                self.users.history().list(
                    userId=USER,
                    startHistoryId=start,
                    historyTypes=["messageAdded", "labelAdded"],
                    maxResults=self.page_size,
                    pageToken=token,
                )
            )
            records.extend(page.get("history") or ())
            latest = str(page.get("historyId") or latest)
            token = page.get("nextPageToken")
            if not token:
                break
        additions = [a for a in history_additions(records) if folder_of(a[2]) is not None]
        if not additions:
            yield Batch((), Cursor(latest).dumps())
            return
        sizes = self._sizes([mid for _, mid, _ in additions])
        big = {mid for mid, size in sizes.items() if size > self.max_bytes}
        for start_at in range(0, len(additions), self.batch_size):
            chunk = additions[start_at : start_at + self.batch_size]
            fetched = self._fetch([mid for _, mid, _ in chunk if mid in sizes], big)
            done = start_at + len(chunk)
            hid = latest if done >= len(additions) else safe_history_id(additions, done, start)
            yield Batch(tuple(fetched), Cursor(hid).dumps())

    def _sizes(self, ids: list[str]) -> dict[str, int]:
        """sizeEstimate of each message that still exists (format=minimal, batched)."""
        sizes: dict[str, int] = {}
        for start in range(0, len(ids), self.http_batch):
            reqs = {
                mid: self.users.messages().get(userId=USER, id=mid, format="minimal")
                for mid in ids[start : start + self.http_batch]
            }
            for mid, msg in self.executor.batch(self._service, reqs).items():
                if msg is not None:
                    sizes[mid] = int(msg.get("sizeEstimate") or 0)
        return sizes

    def _fetch(self, ids: list[str], big: Collection[str]) -> list[Fetched]:
        messages = self.users.messages()
        reqs = {
            mid: (
                messages.get(userId=USER, id=mid, format="metadata")
                if mid in big
                else messages.get(userId=USER, id=mid, format="raw")
            )
            for mid in ids
        }
        answers: dict[str, dict[str, Any] | None] = {}
        items = list(reqs.items())
        for start in range(0, len(items), self.http_batch):
            answers.update(self.executor.batch(self._service, dict(items[start : start + self.http_batch])))
        names = self.label_names() if reqs else {}
        out = []
        for mid in ids:  # keep the listing's order
            msg = answers.get(mid)
            if msg is None:  # deleted since it was listed
                continue
            labels = [str(x) for x in msg.get("labelIds") or ()]
            folder = folder_of(labels)
            if folder is None:
                continue
            if "raw" in msg:
                raw = b64decode(str(msg["raw"]))
                size, truncated = len(raw), False
            else:
                raw = header_block((msg.get("payload") or {}).get("headers") or ())
                size, truncated = int(msg.get("sizeEstimate") or 0), True
            out.append(
                Fetched(
                    ref=mid,
                    folder=folder,
                    raw=raw,
                    size=size,
                    internal_date=internal_date(msg),
                    keywords=frozenset(names.get(lb, lb) for lb in labels),
                    thread_id=str(msg.get("threadId") or ""),
                    truncated=truncated,
                )
            )
        return out

    # -- mute label -------------------------------------------------------------------------------

    def muted_refs(self, keyword: str) -> set[str]:
        wanted = keyword.casefold()
        label_id = next((i for i, n in self.label_names().items() if n.casefold() == wanted), None)
        if label_id is None:
            return set()

        def make(token: str | None) -> Any:
            return self.users.messages().list(
                userId=USER, labelIds=[label_id], maxResults=self.page_size, pageToken=token
            )

        return {str(m["id"]) for m in self._pages(make, "messages")}

    # -- drafts -----------------------------------------------------------------------------------

    def _metadata(self, ids: dict[str, str]) -> dict[str, dict[str, Any]]:
        """Request id -> message (format=metadata with the headers we match on), batched."""
        out: dict[str, dict[str, Any]] = {}
        items = list(ids.items())
        for start in range(0, len(items), self.http_batch):
            reqs = {
                rid: self.users.messages().get(
                    userId=USER, id=mid, format="metadata", metadataHeaders=[KEY_HEADER, "Message-ID"]
                )
                for rid, mid in items[start : start + self.http_batch]
            }
            for rid, msg in self.executor.batch(self._service, reqs).items():
                if msg is not None:
                    out[rid] = msg
        return out

    def _msgid_domains(self) -> list[str]:
        """Domains a followup Message-ID may carry: the account's own, and the fallback."""
        if self._profile_email is None:
            self._profile_email = str(self._run(self.users.getProfile(userId=USER)).get("emailAddress") or "")
        own = self._profile_email.rpartition("@")[2].lower()
        return [d for d in (own, MSGID_FALLBACK_DOMAIN) if d]

    def find_drafted(self, keys: Collection[str]) -> list[FoundDraft]:
        wanted = {k for k in keys if k}
        if not wanted:
            return []
        domains = self._msgid_domains()
        by_msgid = {followup_message_id(k, d).strip("<>").lower(): k for k in wanted for d in domains}
        found: dict[tuple[str, str, str], FoundDraft] = {}

        def match(msg: dict[str, Any]) -> str | None:
            heads = (msg.get("payload") or {}).get("headers") or ()
            hdrs = {str(h.get("name", "")).lower(): str(h.get("value", "")).strip() for h in heads}
            key = hdrs.get(KEY_HEADER.lower(), "")
            if key in wanted:
                return key
            return by_msgid.get(hdrs.get("message-id", "").strip("<> ").lower())

        # 1. every draft, by its header (drafts are few; a Message-ID may not survive editing)
        def make(token: str | None) -> Any:
            return self.users.drafts().list(userId=USER, maxResults=self.page_size, pageToken=token)

        drafts: dict[str, str] = {}
        for d in self._pages(make, "drafts"):
            drafts[str(d["id"])] = str((d.get("message") or {}).get("id") or "")
            if len(drafts) >= MAX_DRAFTS_SCANNED:
                log.warning("account %s: over %d drafts; only the newest are checked", self.name, len(drafts))
                break
        for draft_id, msg in self._metadata({k: v for k, v in drafts.items() if v}).items():
            key = match(msg)
            if key:
                found[(key, DRAFTS, draft_id)] = FoundDraft(key, DRAFTS, draft_id)
        # 2. sent mail, by the key-derived Message-ID, confirmed by reading the message
        msgids = sorted(by_msgid)
        for start in range(0, len(msgids), MSGIDS_PER_SEARCH):
            ids = self._list_ids(msgid_query(msgids[start : start + MSGIDS_PER_SEARCH], "in:sent"))
            for mid, msg in self._metadata({m: m for m in ids}).items():
                key = match(msg)
                folder = draft_folder_of([str(x) for x in msg.get("labelIds") or ()])
                if key and folder == SENT:
                    found[(key, SENT, mid)] = FoundDraft(key, SENT, mid)
        return sorted(found.values(), key=lambda f: (f.key, f.folder, f.ref))

    def _thread_of(self, raw: bytes) -> str:
        """The Gmail thread of the message this draft replies to ("" when it is not in the mailbox)."""
        candidates = [header(raw, "In-Reply-To")] + list(reversed(header(raw, "References").split()))
        tried: set[str] = set()
        for candidate in candidates:
            msgid = candidate.strip().strip("<>")
            if not msgid or msgid in tried:
                continue
            tried.add(msgid)
            page = self._run(self.users.messages().list(userId=USER, q=msgid_query([msgid]), maxResults=5))
            for m in page.get("messages") or ():
                if m.get("threadId"):
                    return str(m["threadId"])
        return ""

    def append_draft(self, raw: bytes) -> str:
        key = header(raw, KEY_HEADER)
        if key and not header(raw, "Message-ID"):
            raw = with_header(raw, "Message-ID", followup_message_id(key))
        message: dict[str, Any] = {"raw": b64encode(raw)}
        thread = self._thread_of(raw)
        if thread:
            message["threadId"] = thread
        created = self._run(self.users.drafts().create(userId=USER, body={"message": message}))
        return str(created.get("id") or "")

    def read_draft(self, ref: str) -> bytes | None:
        try:
            draft = self._run(self.users.drafts().get(userId=USER, id=ref, format="raw"))
        except NotFound:
            return None
        data = (draft.get("message") or {}).get("raw")
        return b64decode(str(data)) if data else None

    def delete_draft(self, ref: str) -> None:
        raw = self.read_draft(ref)
        if raw is None:
            return
        if not header(raw, KEY_HEADER):
            raise MailboxError(f"account {self.name!r}: draft {ref} was not written by followup; not deleted")
        try:
            self._run(self.users.drafts().delete(userId=USER, id=ref))
        except NotFound:
            return

    # -- digest -----------------------------------------------------------------------------------

    def put_in_inbox(self, raw: bytes, when: datetime) -> str:
        if not header(raw, "Date"):
            raw = with_header(raw, "Date", format_datetime(when))
        body = {"raw": b64encode(raw), "labelIds": ["INBOX", "UNREAD"]}
        inserted = self._run(
            self.users.messages().insert(userId=USER, internalDateSource="dateHeader", body=body)
        )
        return str(inserted.get("id") or "")
