"""Sync one account: fetch new mail in batches, read each message, store signals with the cursor.

Each batch and the cursor that follows it are committed in one transaction, so a crash never leaves the
cursor ahead of what was stored, nor behind it by more than one batch. Bodies are never stored.

Only mail that can matter is fetched whole: ``followup.domain.prefilter`` decides from the header
(backends whose ``sync`` takes ``want_body`` fetch headers first; for the others the same test runs
here on what they deliver, so the outcome is the same everywhere).
"""

from __future__ import annotations

import inspect
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from followup.backends.base import Batch, Fetched, Mailbox
from followup.domain.classify import read
from followup.domain.model import Address, Identity, Kind, Message, Signal
from followup.domain.parse import parse
from followup.domain.prefilter import header_block, wants_body
from followup.store import Store

log = logging.getLogger("followup.ingest")


@dataclass
class SyncReport:
    account: str
    fetched: int = 0
    kept: int = 0  # signals stored (hiring mail and the user's own mail)
    hiring: int = 0  # of those, messages read as part of a hiring process
    batches: int = 0
    declined: int = 0  # messages whose header showed clearly bulk, non-hiring mail: body not fetched
    first_sync: bool = False
    seconds: float = 0.0


def signal_of(fetched: Fetched, message: Message, account: str, user: Identity, now: datetime) -> Signal:
    """Combine a fetched message's headers and its reading into what the store keeps."""
    reading = read(message, user)
    # no usable Date header: the server's arrival time, else the time we first saw it
    date = message.date or fetched.internal_date or now
    return Signal(
        ref=fetched.ref,
        account=account,
        folder=fetched.folder,
        message_id=message.message_id,
        thread_id=fetched.thread_id,
        in_reply_to=message.in_reply_to,
        references=message.references,
        date=date,
        sender=message.sender or Address("", ""),
        reply_to=message.reply_to,
        to=message.to,
        cc=message.cc,
        subject=message.subject,
        reading=reading,
        keywords=fetched.keywords,
    )


def worth_keeping(signal: Signal) -> bool:
    """Hiring mail and mail that names an employer. The user's own mail is kept when it is hiring mail or
    goes to an employer's address (the classifier names the company then): a note to a friend is not."""
    r = signal.reading
    return r.kind is not Kind.OTHER or bool(r.company)


def _hiring_humans(sig: Signal) -> tuple[str, ...]:
    """The addresses of the employer's people behind a hiring message (none for robots or the user)."""
    r = sig.reading
    if r.from_user or r.automated or r.kind is Kind.OTHER:
        return ()
    return (sig.sender.email, *(a.email for a in sig.reply_to))


class BodyFilter:
    """``want_body`` for ``Mailbox.sync``: the prefilter with what the store already knows.

    The known Message-IDs (replies into a kept thread are wanted) and the employer people who wrote hiring
    mail (their other mail belongs to the process) are read from the store in one pass, only when a first
    message needs them, so a scan with no new mail never loads them.
    """

    def __init__(self, store: Store, account: str, user: Identity) -> None:
        self._store, self._account = store, account
        self._addresses = frozenset(a.lower() for a in user.addresses)
        self._known: set[str] | None = None
        self._senders: set[str] = set()
        self.asked = 0
        self.declined = 0

    def _load(self) -> set[str]:
        if self._known is None:
            self._known = set()
            for s in self._store.signals(self._account):
                self._add(s, self._known)
        return self._known

    def _add(self, sig: Signal, known: set[str]) -> None:
        known.add(sig.message_id)
        self._senders.update(_hiring_humans(sig))

    def known_sender(self, email: str) -> bool:
        """Someone at an employer who already wrote hiring mail: their other mail belongs to the process
        even when it names no company ("thanks for coming in today", "any questions, call me")."""
        self._load()
        return bool(email) and email in self._senders

    def __contains__(self, message_id: object) -> bool:
        return message_id in self._load()

    def remember(self, sig: Signal) -> None:
        """A message kept in this sync (before its batch is committed): replies to it, and other mail from
        its people, are kept too."""
        if self._known is not None:
            self._add(sig, self._known)

    def __call__(self, folder: str, header: bytes) -> bool:
        self.asked += 1
        wanted = wants_body(folder, header, self._addresses, self)
        self.declined += not wanted
        return wanted


def takes_want_body(sync: Callable[..., object]) -> bool:
    """Whether a backend's ``sync`` accepts the optional ``want_body`` keyword."""
    try:
        return "want_body" in inspect.signature(sync).parameters
    except (TypeError, ValueError):
        return False


def sync_account(
    mailbox: Mailbox, store: Store, account: str, user: Identity, now: datetime, lookback_days: int
) -> SyncReport:
    report = SyncReport(account)
    started = time.monotonic()
    cursor = store.cursor(account)
    # a first run until a scan of this account completed (the caller marks it): a crash before
    # drafting, or a dry run, leaves the backfill rule in force for the next scan
    report.first_sync = store.first_sync_at(account) is None
    since = now - timedelta(days=lookback_days)
    want = BodyFilter(store, account, user)
    filtered_by_backend = takes_want_body(mailbox.sync)
    sync: Callable[..., Iterator[Batch]] = mailbox.sync  # want_body is an optional extension
    batches = sync(cursor, since, want_body=want) if filtered_by_backend else sync(cursor, since)
    for batch in batches:
        signals = []
        for fetched in batch.messages:
            if not filtered_by_backend and not want(fetched.folder, header_block(fetched.raw)):
                continue
            message = parse(fetched.raw, truncated=fetched.truncated)
            if message.headers.get("x-followup-kind") == "digest":
                continue  # our own weekly digest: never evidence about a process
            sig = signal_of(fetched, message, account, user, now)
            if worth_keeping(sig) or (not sig.reading.from_user and want.known_sender(sig.sender.email)):
                signals.append(sig)
                want.remember(sig)
                if sig.reading.kind is not Kind.OTHER:
                    report.hiring += 1
        store.commit_batch(account, batch.cursor, signals)
        report.fetched += len(batch.messages)
        report.kept += len(signals)
        report.batches += 1
    report.declined = want.declined
    if filtered_by_backend:  # declined messages were not delivered, but they were new
        report.fetched += want.declined
    report.seconds = time.monotonic() - started
    return report
