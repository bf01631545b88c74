"""The IMAP backend: ``followup.backends.base.Mailbox`` on imapclient.

- Security: TLS with certificate verification by default (``ca_file`` for a private CA), STARTTLS,
  plaintext only to loopback hosts. Every socket, TLS and protocol error leaves this module as a
  ``followup.errors`` type with the cause chained; secrets never appear in messages.
- Reading never changes a message: folders are opened with EXAMINE and bodies fetched with
  ``BODY.PEEK``. Only drafts followup made itself are ever deleted, one UID at a time.
- Cursor (opaque to callers): JSON ``{folder: {"uidvalidity": n, "last_uid": n}}`` for INBOX and Sent,
  plus ``"since"`` while a first sync of that folder is still under way.
"""

from __future__ import annotations

import email.parser
import email.policy
import ipaddress
import json
import logging
import socket
import ssl
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import imapclient
from imapclient import exceptions as imap_errors

from followup.backends.base import DRAFTS, INBOX, SENT, Batch, Fetched, FoundDraft
from followup.errors import AuthError, ConnectError, FolderError, FollowupError, MailboxError

log = logging.getLogger("followup.imap")
# imaplib's debug output (imapclient.imaplib at DEBUG) contains whole messages: keep it quiet
if logging.getLogger("imapclient").level == logging.NOTSET:
    logging.getLogger("imapclient").setLevel(logging.INFO)

KEY_HEADER = "X-Followup-Key"
SPECIAL_USE = {SENT: b"\\Sent", DRAFTS: b"\\Drafts"}
FALLBACK_NAMES = {
    SENT: (
        "Sent", "Sent Items", "Sent Messages", "Sent Mail", "[Gmail]/Sent Mail", "[Google Mail]/Sent Mail",
        "INBOX.Sent", "INBOX/Sent", "INBOX.Sent Items", "INBOX.Sent Messages", "Gesendete Elemente",
        "Gesendet", "Gesendete Objekte", "Envoyés", "Éléments envoyés", "Elementos enviados", "Posta inviata",
    ),
    DRAFTS: (
        "Drafts", "Draft", "[Gmail]/Drafts", "[Google Mail]/Drafts", "INBOX.Drafts", "INBOX/Drafts",
        "Entwürfe", "Brouillons", "Borradores", "Bozze",
    ),
}  # fmt: skip
_HEADER_PARSER = email.parser.BytesHeaderParser(policy=email.policy.compat32)
WantBody = Callable[[str, bytes], bool]  # (folder role, raw header) -> fetch the whole message?


@dataclass(frozen=True)
class Probe:
    """What ``followup doctor`` shows about an account."""

    capabilities: tuple[str, ...]
    folders: Mapping[str, str | None]  # role -> folder name (None: not found)
    counts: Mapping[str, int] = field(default_factory=dict)  # role -> messages
    gmail: bool = False


def is_loopback(host: str) -> bool:
    name = host.strip("[]").lower().rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def discover_folders(
    listing: Sequence[tuple[Sequence[bytes], Any, str]], overrides: Mapping[str, str]
) -> dict[str, str | None]:
    """Pick INBOX, Sent and Drafts from a LIST answer: config overrides, then SPECIAL-USE, then names."""
    names = [name for _, _, name in listing]
    found: dict[str, str | None] = {INBOX: "INBOX", SENT: None, DRAFTS: None}
    for role in (SENT, DRAFTS):
        for flags, _, name in listing:
            if SPECIAL_USE[role].lower() in {bytes(f).lower() for f in flags}:
                found[role] = name
                break
        else:
            lowered = {name.lower(): name for name in names}
            found[role] = next(
                (lowered[n.lower()] for n in FALLBACK_NAMES[role] if n.lower() in lowered), None
            )
    for role, name in overrides.items():
        if role not in found or not name:
            continue
        if name not in names and name.upper() != "INBOX":
            raise FolderError(f"folder {name!r} (configured for {role}) does not exist on the server")
        found[role] = name
    return found


def make_ref(folder: str, uidvalidity: int, uid: int) -> str:
    return f"{folder}:{uidvalidity}:{uid}"


def parse_ref(ref: str) -> tuple[str, int, int]:
    try:
        folder, validity, uid = ref.rsplit(":", 2)
        return folder, int(validity), int(uid)
    except ValueError as error:
        raise MailboxError(f"not an IMAP message ref: {ref!r}") from error


def load_cursor(cursor: str | None) -> dict[str, dict[str, Any]]:
    if not cursor:
        return {}
    try:
        state = json.loads(cursor)
    except ValueError:
        log.warning("unreadable IMAP cursor: starting over from the lookback window")
        return {}
    return state if isinstance(state, dict) else {}


def appenduid(response: bytes | str) -> tuple[int, int] | None:
    """(uidvalidity, uid) from an APPEND answer's ``[APPENDUID v uid]``, None without UIDPLUS."""
    text = response.decode("ascii", "replace") if isinstance(response, bytes) else str(response)
    start = text.upper().find("[APPENDUID ")
    if start < 0:
        return None
    parts = text[start + 1 :].split("]", 1)[0].split()
    if len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit():
        return int(parts[1]), int(parts[2])
    return None


def _keywords(flags: Sequence[bytes | str]) -> frozenset[str]:
    out = set()
    for flag in flags:
        text = flag.decode("utf-8", "replace") if isinstance(flag, bytes) else str(flag)
        if text and not text.startswith("\\"):
            out.add(text)
    return frozenset(out)


def _aware(value: object) -> datetime | None:
    if not isinstance(value, datetime):
        return None
    return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)


class ImapMailbox:
    """One IMAP account. ``with ImapMailbox(...) as mb:`` connects, logs in and finds the folders."""

    def __init__(
        self,
        name: str,
        *,
        host: str,
        username: str,
        secret: Callable[[], str],
        port: int = 993,
        security: str = "tls",
        auth: str = "password",
        ca_file: str = "",
        folders: Mapping[str, str] | None = None,
        timeout: float = 60.0,
        max_message_bytes: int = 5_000_000,
        batch_size: int = 200,
        batch_bytes: int = 50_000_000,
    ) -> None:
        if security not in ("tls", "starttls", "plain"):
            raise MailboxError(f"account {name!r}: security must be tls, starttls or plain, not {security!r}")
        self.name = name
        self.host, self.port, self.security = host, port, security
        self.username, self.auth, self.ca_file = username, auth, ca_file
        self._secret = secret
        self._overrides = dict(folders or {})
        self.timeout = timeout
        self.max_message_bytes = max_message_bytes
        self.batch_size = max(1, batch_size)
        self.batch_bytes = max(batch_bytes, max_message_bytes)
        self._client: imapclient.IMAPClient | None = None
        self.folders: dict[str, str | None] = {}
        self.capabilities: tuple[str, ...] = ()

    @classmethod
    def from_account(cls, account: Any, secret: Callable[[], str]) -> ImapMailbox:
        """Build from a ``followup.config.AccountConfig`` (read by attribute name)."""
        return cls(
            account.name,
            host=account.host,
            port=account.port,
            security=account.security,
            username=account.username,
            secret=secret,
            auth=getattr(account, "auth", "password"),
            ca_file=getattr(account, "ca_file", ""),
            folders=getattr(account, "folders", {}),
            timeout=getattr(account, "timeout_seconds", 60.0),
            max_message_bytes=getattr(account, "max_message_bytes", 5_000_000),
            batch_size=getattr(account, "batch_size", 200),
        )

    # -- connection ------------------------------------------------------------------------------

    @property
    def _where(self) -> str:
        return f"{self.name} ({self.host}:{self.port})"

    @contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        """Translate library errors into followup's, chained; a broken connection is dropped."""
        try:
            yield
        except FollowupError:
            raise
        except ssl.SSLCertVerificationError as e:
            self._drop()
            raise ConnectError(
                f"{self._where}: certificate verify failed ({e.verify_message}): if the server uses a "
                "self-signed or private certificate, set ca_file to its CA certificate"
            ) from e
        except ssl.SSLError as e:
            self._drop()
            raise ConnectError(f"{self._where}: TLS failed while {doing}: {e.reason or e}") from e
        except imap_errors.LoginError as e:
            self._drop()
            raise AuthError(
                f"{self._where}: the server refused the login for {self.username!r} ({_text(e)}); "
                f"check the {'access token' if self.auth == 'xoauth2' else 'password or app password'}"
            ) from e
        except TimeoutError as e:
            self._drop()
            raise ConnectError(f"{self._where}: timed out after {self.timeout:g} s while {doing}") from e
        except imap_errors.IMAPClientAbortError as e:
            self._drop()
            raise ConnectError(f"{self._where}: connection dropped while {doing} ({_text(e)})") from e
        except socket.gaierror as e:
            self._drop()
            raise ConnectError(f"{self._where}: cannot resolve host name ({e.strerror or e})") from e
        except OSError as e:
            self._drop()
            raise ConnectError(f"{self._where}: connection failed while {doing} ({e.strerror or e})") from e
        except imap_errors.IMAPClientError as e:
            raise MailboxError(f"{self._where}: the server refused {doing}: {_text(e)}") from e

    def _drop(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            try:
                client.shutdown()
            except Exception:  # noqa: S110 - already broken; closing is best effort
                pass

    def _context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=self.ca_file or None)

    def connect(self) -> None:
        if self._client is not None:
            return
        if self.security == "plain" and not is_loopback(self.host):
            raise ConnectError(
                f'{self._where}: security = "plain" is only allowed to this machine (localhost); '
                'use "tls" or "starttls" for a remote server'
            )
        with self._errors("connecting"):
            if self.security == "tls":
                context = self._context()
                self._client = imapclient.IMAPClient(
                    self.host, self.port, ssl=True, ssl_context=context, timeout=self.timeout
                )
            else:
                self._client = imapclient.IMAPClient(self.host, self.port, ssl=False, timeout=self.timeout)
            client = self._client
            client.normalise_times = False
            if self.security == "starttls":
                if not client.has_capability("STARTTLS"):
                    self._drop()
                    raise ConnectError(
                        f'{self._where}: the server does not offer STARTTLS; try security = "tls"'
                    )
                client.starttls(self._context())
        with self._errors("logging in"):
            if self.auth == "xoauth2":
                client.oauth2_login(self.username, self._secret())
            else:
                client.login(self.username, self._secret())
        with self._errors("reading capabilities and folders"):
            self.capabilities = tuple(c.decode("ascii", "replace") for c in client.capabilities())
            # Dovecot can log in yet fail to open the mail store: a SELECT proves the session works
            try:
                client.select_folder("INBOX", readonly=True)
            except imap_errors.IMAPClientError as e:
                raise FolderError(f"{self._where}: logged in, but INBOX cannot be opened: {_text(e)}") from e
            self.folders = discover_folders(client.list_folders(), self._overrides)
        log.info("connected to %s; folders %s", self._where, self.folders)

    def close(self) -> None:
        client, self._client = self._client, None
        if client is None:
            return
        try:
            client.logout()
        except Exception:
            try:
                client.shutdown()
            except Exception:  # noqa: S110 - closing is best effort
                pass

    def __enter__(self) -> ImapMailbox:
        self.connect()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def client(self) -> imapclient.IMAPClient:
        if self._client is None:
            raise ConnectError(f"{self._where}: not connected (the connection was closed or dropped)")
        return self._client

    @property
    def gmail(self) -> bool:
        return "X-GM-EXT-1" in self.capabilities

    def _examine(self, folder: str, readonly: bool = True) -> dict[bytes, Any]:
        with self._errors(f"opening {folder}"):
            try:
                return dict(self.client.select_folder(folder, readonly=readonly))
            except imap_errors.IMAPClientAbortError:
                raise
            except imap_errors.IMAPClientError as e:
                raise FolderError(f"{self._where}: cannot open folder {folder!r}: {_text(e)}") from e

    def _folder(self, role: str) -> str:
        folder = self.folders.get(role)
        if not folder:
            raise FolderError(
                f"{self._where}: no {role} folder found; set folders.{role} in the account's config"
            )
        return folder

    # -- reading -----------------------------------------------------------------------------------

    def sync(self, cursor: str | None, since: datetime, want_body: WantBody | None = None) -> Iterator[Batch]:
        """See ``Mailbox.sync``. With ``want_body``, each message's header is fetched first (with its
        size, date and flags) and its body only when ``want_body(role, header)`` is true; declined
        messages are not yielded, but the cursor moves past them."""
        self.client  # noqa: B018 - raises ConnectError when not connected
        state = load_cursor(cursor)
        seen_gmail_ids: set[int] = set()
        for role in (INBOX, SENT):
            folder = self.folders.get(role)
            if not folder:
                log.warning("%s: no %s folder found; it is not scanned", self._where, role)
                continue
            yield from self._sync_folder(role, folder, state, since, seen_gmail_ids, want_body)

    def _sync_folder(
        self,
        role: str,
        folder: str,
        state: dict[str, dict[str, Any]],
        since: datetime,
        seen: set[int],
        want_body: WantBody | None,
    ) -> Iterator[Batch]:
        info = self._examine(folder)
        validity = int(info[b"UIDVALIDITY"])
        uidnext = int(info.get(b"UIDNEXT", 0))
        entry = state.get(folder)
        if not isinstance(entry, dict) or entry.get("uidvalidity") != validity:
            if isinstance(entry, dict):
                log.warning(
                    "%s: UIDVALIDITY of %s changed: resyncing it from %s", self._where, folder, since.date()
                )
            entry = {
                "uidvalidity": validity,
                "last_uid": 0,
                "since": since.astimezone(UTC).date().isoformat(),
            }
        before = dict(entry)
        last = int(entry["last_uid"])
        if not entry.get("since") and uidnext and uidnext <= last + 1:
            # nothing can be newer than the cursor: no SEARCH needed (the common no-change scan)
            uids: list[int] = []
        else:
            criteria: list[Any] = ["UID", f"{last + 1}:*"]
            if entry.get("since"):
                criteria += ["SINCE", date.fromisoformat(entry["since"])]
            with self._errors(f"searching {folder}"):
                # "UID n:*" also answers the last message when nothing is newer: filter it out
                uids = sorted(uid for uid in self.client.search(criteria) if uid > last)
        log.info("%s: %d new message(s) in %s", self._where, len(uids), folder)
        for chunk_start in range(0, len(uids), self.batch_size):
            chunk = uids[chunk_start : chunk_start + self.batch_size]
            final = chunk_start + self.batch_size >= len(uids)
            for part, messages in self._fetch_chunk(role, folder, validity, chunk, seen, want_body):
                entry = {**entry, "last_uid": part[-1]}
                if final and part[-1] == chunk[-1]:
                    entry = {"uidvalidity": validity, "last_uid": max(part[-1], uidnext - 1)}
                state[folder] = entry
                yield Batch(tuple(messages), json.dumps(state, sort_keys=True))
        if not uids:
            entry = {"uidvalidity": validity, "last_uid": max(last, uidnext - 1)}
            state[folder] = entry
            if entry != before:
                yield Batch((), json.dumps(state, sort_keys=True))

    def _fetch_chunk(
        self,
        role: str,
        folder: str,
        validity: int,
        chunk: list[int],
        seen: set[int],
        want_body: WantBody | None,
    ) -> Iterator[tuple[list[int], list[Fetched]]]:
        items = ["RFC822.SIZE", "INTERNALDATE", "FLAGS"]
        if want_body is not None:
            items.append("BODY.PEEK[HEADER]")
        if self.gmail:
            items += ["X-GM-MSGID", "X-GM-THRID", "X-GM-LABELS"]
        with self._errors(f"fetching from {folder}"):
            meta = self.client.fetch(chunk, items)
        wanted = [uid for uid in chunk if uid in meta]  # others were expunged meanwhile
        if self.gmail:  # one Gmail message shows in several labels: fetch it once per sync
            fresh = []
            for uid in wanted:
                gm_id = int(meta[uid].get(b"X-GM-MSGID", 0))
                if gm_id and gm_id in seen:
                    continue
                seen.add(gm_id)
                fresh.append(uid)
            wanted = fresh
        if want_body is not None:
            wanted = [uid for uid in wanted if want_body(role, bytes(meta[uid].get(b"BODY[HEADER]") or b""))]
        chosen = set(wanted)
        # split the chunk so one batch holds at most batch_bytes of message data
        parts: list[list[int]] = [[]]
        budget = 0
        for uid in chunk:
            size = min(int(meta.get(uid, {}).get(b"RFC822.SIZE", 0)), self.max_message_bytes)
            size = size if uid in chosen else 0
            if parts[-1] and budget + size > self.batch_bytes:
                parts.append([])
                budget = 0
            parts[-1].append(uid)
            budget += size
        for part in parts:
            yield part, self._fetch_bodies(role, folder, validity, [u for u in part if u in chosen], meta)

    def _fetch_bodies(
        self, role: str, folder: str, validity: int, wanted: list[int], meta: dict[int, Any]
    ) -> list[Fetched]:
        big = {uid for uid in wanted if int(meta[uid].get(b"RFC822.SIZE", 0)) > self.max_message_bytes}
        small = [uid for uid in wanted if uid not in big]
        bodies: dict[int, Any] = {}
        with self._errors(f"fetching from {folder}"):
            if small:
                bodies.update(self.client.fetch(small, ["BODY.PEEK[]"]))
            heads = [uid for uid in sorted(big) if b"BODY[HEADER]" not in meta[uid]]
            if heads:
                bodies.update(self.client.fetch(heads, ["BODY.PEEK[HEADER]"]))
        out = []
        for uid in wanted:
            data = meta[uid] if uid in big and b"BODY[HEADER]" in meta[uid] else bodies.get(uid)
            if data is None:
                continue
            raw = data.get(b"BODY[]") if uid not in big else data.get(b"BODY[HEADER]")
            item = meta[uid]
            labels = _keywords(item.get(b"X-GM-LABELS", ()))
            out.append(
                Fetched(
                    ref=make_ref(folder, validity, uid),
                    folder=role,
                    raw=bytes(raw or b""),
                    size=int(item.get(b"RFC822.SIZE", 0)),
                    internal_date=_aware(item.get(b"INTERNALDATE")),
                    keywords=_keywords(item.get(b"FLAGS", ())) | labels,
                    thread_id=str(item[b"X-GM-THRID"]) if item.get(b"X-GM-THRID") else "",
                    truncated=uid in big,
                )
            )
        return out

    def muted_refs(self, keyword: str) -> set[str]:
        refs: set[str] = set()
        for role in (INBOX, SENT):
            folder = self.folders.get(role)
            if not folder:
                continue
            validity = int(self._examine(folder)[b"UIDVALIDITY"])
            criteria: list[Any] = ["KEYWORD", keyword]
            if self.gmail:
                criteria = ["OR", "KEYWORD", keyword, "X-GM-LABELS", keyword]
            with self._errors(f"searching {folder}"):
                refs.update(make_ref(folder, validity, uid) for uid in self.client.search(criteria))
        return refs

    def mute_state(self, keyword: str) -> str:
        """A token that stays the same only while no flag can have changed in INBOX and Sent.

        CONDSTORE's HIGHESTMODSEQ grows with every flag change, append and expunge (RFC 7162), so an
        unchanged token (with the same UIDVALIDITY and keyword) means ``muted_refs`` would answer as
        before: the caller may skip its SEARCHes. One STATUS per folder, no EXAMINE. "" when the server
        cannot tell: no CONDSTORE, a folder without mod-sequences, or Gmail (labels are not flags).
        """
        if self.gmail or "CONDSTORE" not in {c.upper() for c in self.capabilities}:
            return ""
        state: dict[str, Any] = {"keyword": keyword}
        for role in (INBOX, SENT):
            folder = self.folders.get(role)
            if not folder:
                continue
            with self._errors(f"reading the state of {folder}"):
                try:
                    status = self.client.folder_status(folder, [b"UIDVALIDITY", b"HIGHESTMODSEQ"])
                except imap_errors.IMAPClientAbortError:
                    raise
                except imap_errors.IMAPClientError:
                    return ""  # refused: no shortcut, the caller searches
            modseq = status.get(b"HIGHESTMODSEQ")
            if not modseq:
                return ""
            state[folder] = [int(status[b"UIDVALIDITY"]), int(modseq)]
        return json.dumps(state, sort_keys=True)

    def find_drafted(self, keys: Collection[str]) -> list[FoundDraft]:
        wanted = sorted(set(keys))
        found: list[FoundDraft] = []
        if not wanted:
            return found
        for role in (DRAFTS, SENT):
            folder = self.folders.get(role)
            if not folder:
                continue
            validity = int(self._examine(folder)[b"UIDVALIDITY"])
            uids: set[int] = set()
            with self._errors(f"searching {folder}"):
                for start in range(0, len(wanted), 20):
                    group = wanted[start : start + 20]
                    criteria: list[Any] = ["OR"] * (len(group) - 1)
                    for key in group:
                        criteria += ["HEADER", KEY_HEADER, key]
                    uids.update(self.client.search(criteria))
                # HEADER search matches substrings: read the header to keep exact matches only
                heads = (
                    self.client.fetch(sorted(uids), [f"BODY.PEEK[HEADER.FIELDS ({KEY_HEADER})]"])
                    if uids
                    else {}
                )
            for uid, data in sorted(heads.items()):
                raw = next((v for k, v in data.items() if k.startswith(b"BODY[HEADER")), b"")
                value = (_HEADER_PARSER.parsebytes(bytes(raw or b"")).get(KEY_HEADER) or "").strip()
                if value in set(wanted):
                    found.append(FoundDraft(key=value, folder=role, ref=make_ref(folder, validity, uid)))
        return found

    def read_draft(self, ref: str) -> bytes | None:
        folder, validity, uid = parse_ref(ref)
        if int(self._examine(folder)[b"UIDVALIDITY"]) != validity:
            return None
        with self._errors(f"reading from {folder}"):
            data = self.client.fetch([uid], ["FLAGS", "BODY.PEEK[]"]).get(uid)
        if not data or b"\\Deleted" in data.get(b"FLAGS", ()):
            return None
        return bytes(data.get(b"BODY[]") or b"")

    # -- writing (drafts and the digest only) ------------------------------------------------------

    def append_draft(self, raw: bytes) -> str:
        folder = self._folder(DRAFTS)
        with self._errors(f"saving a draft into {folder}"):
            answer = self.client.append(folder, raw, flags=(b"\\Draft", b"\\Seen"))
        uid = appenduid(answer)
        return make_ref(folder, *uid) if uid else ""

    def delete_draft(self, ref: str) -> None:
        folder, validity, uid = parse_ref(ref)
        if folder != self._folder(DRAFTS):
            raise FolderError(f"{self._where}: refusing to delete {ref!r}: it is not in the Drafts folder")
        if int(self._examine(folder, readonly=False)[b"UIDVALIDITY"]) != validity:
            return  # the folder was rebuilt: the draft is gone already
        with self._errors(f"deleting a draft from {folder}"):
            head = self.client.fetch([uid], [f"BODY.PEEK[HEADER.FIELDS ({KEY_HEADER})]"]).get(uid)
            if head is None:
                return
            raw = next((v for k, v in head.items() if k.startswith(b"BODY[HEADER")), b"")
            if not _HEADER_PARSER.parsebytes(bytes(raw or b"")).get(KEY_HEADER):
                raise FolderError(f"{self._where}: refusing to delete {ref!r}: not a draft followup made")
            self.client.add_flags([uid], [b"\\Deleted"], silent=True)
            if self.client.has_capability("UIDPLUS"):
                self.client.uid_expunge([uid])  # only this UID: never a plain EXPUNGE
            else:
                log.warning("%s: no UIDPLUS: the draft is flagged \\Deleted, not expunged", self._where)
            self.client.select_folder(folder, readonly=True)

    def put_in_inbox(self, raw: bytes, when: datetime) -> str:
        folder = self._folder(INBOX)
        with self._errors("putting a message into the INBOX"):
            answer = self.client.append(folder, raw, flags=(), msg_time=when)
        uid = appenduid(answer)
        return make_ref(folder, *uid) if uid else ""

    # -- diagnosis -----------------------------------------------------------------------------------

    def probe(self) -> Probe:
        """Capabilities, the folders found per role and their message counts (for ``followup doctor``)."""
        counts: dict[str, int] = {}
        with self._errors("counting messages"):
            for role, folder in self.folders.items():
                if folder:
                    status = self.client.folder_status(folder, [b"MESSAGES"])
                    counts[role] = int(status.get(b"MESSAGES", 0))
        return Probe(self.capabilities, dict(self.folders), counts, self.gmail)


def _text(error: BaseException) -> str:
    text = str(error)
    if text.startswith("b'") or text.startswith('b"'):
        text = text[2:-1]
    return text.strip() or type(error).__name__
