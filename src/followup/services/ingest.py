"""Sync one account: fetch new mail in batches, read each message, store signals with the cursor.

Each batch and the cursor that follows it are committed in one transaction, so a crash never leaves the
cursor ahead of what was stored, nor behind it by more than one batch. Bodies are never stored.

Only mail that can matter is fetched whole: ``followup.domain.prefilter`` decides from the header
(backends whose ``sync`` takes ``want_body`` fetch headers first; for the others the same test runs
here on what they deliver, so the outcome is the same everywhere).

Each message is read in its thread's context (``followup.domain.context``): the hiring threads and
employer people already stored, and the messages before it in this sync, in date order. The context is
computed here in the main process from the header alone before a batch goes to the reader; when the
batch is committed (in date order) a message whose context has grown since (its parent was read in the
same batch, or in the batch still being read) is read again, here, in its full context.
"""

from __future__ import annotations

import inspect
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from followup.backends.base import Batch, Fetched, Mailbox
from followup.domain.context import Context, Heads, ThreadIndex, heads_of, thread_refs
from followup.domain.model import Identity, Kind, Signal
from followup.domain.prefilter import header_block, message_id, wants_body
from followup.services.reading import Outcome, Pending, Reader, read_fully, signal_of
from followup.store import Store

__all__ = ["BodyFilter", "SyncReport", "signal_of", "sync_account", "takes_want_body", "worth_keeping"]

log = logging.getLogger("followup.ingest")


@dataclass
class SyncReport:
    account: str
    fetched: int = 0
    kept: int = 0  # signals stored (hiring mail and the user's own mail)
    hiring: int = 0  # of those, messages read as part of a hiring process
    batches: int = 0
    declined: int = 0  # messages whose header showed clearly bulk, non-hiring mail: body not fetched
    unparsed: int = 0  # bodies with no hiring word at all (``domain.pregate``): not parsed nor classified
    reread: int = 0  # messages read again at commit: their thread turned out a hiring one in this sync
    first_sync: bool = False
    seconds: float = 0.0


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


def heads_of_signal(sig: Signal) -> Heads:
    """The thread facts of a stored message (``Heads`` as its header gave them)."""
    return Heads(
        message_id=sig.message_id,
        refs=thread_refs(sig.message_id, sig.in_reply_to, sig.references),
        sender=sig.sender.email,
        date=sig.date,
        thread_id=sig.thread_id,
    )


class BodyFilter:
    """``want_body`` for ``Mailbox.sync``: the prefilter with what the store already knows.

    The known Message-IDs (replies into a kept thread are wanted) and the employer people who wrote hiring
    mail (their other mail belongs to the process) are read from the store in one pass, only when a first
    message needs them, so a scan with no new mail never loads them. The same pass builds the
    ``ThreadIndex`` that gives each new message its thread ``context``.
    """

    def __init__(self, store: Store, account: str, user: Identity) -> None:
        self._store, self._account = store, account
        self._addresses = frozenset(a.lower() for a in user.addresses)
        self._known: set[str] | None = None
        self._fetched: set[str] = set()  # Message-IDs of the bodies wanted in this sync
        self._senders: set[str] = set()
        self._index = ThreadIndex()
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
        humans = _hiring_humans(sig)
        self._senders.update(humans)
        self._index.learn(heads_of_signal(sig), sig.reading, humans)

    def context(self, heads: Heads) -> Context:
        """The thread context of a new message: what the store and this sync's kept messages teach."""
        self._load()
        return self._index.context(heads)

    def known_sender(self, email: str) -> bool:
        """Someone at an employer who already wrote hiring mail: their other mail belongs to the process
        even when it names no company ("thanks for coming in today", "any questions, call me")."""
        self._load()
        return bool(email) and email in self._senders

    def __contains__(self, message_id: object) -> bool:
        # a reply to a message fetched in this sync whose batch is still being read counts as known:
        # more generous than waiting for its reading, and the next batch's headers are decided sooner
        return message_id in self._fetched or message_id in self._load()

    def remember(self, sig: Signal) -> None:
        """A message kept in this sync (before its batch is committed): replies to it, and other mail from
        its people, are kept too. (Before the store is first read too: a batch not yet committed is not
        in the store when a later message of it needs the known people.)"""
        self._load()  # the stored history first, then this message on top
        self._add(sig, self._fetched)

    def __call__(self, folder: str, header: bytes) -> bool:
        self.asked += 1
        wanted = wants_body(folder, header, self._addresses, self)
        self.declined += not wanted
        if wanted:
            found = message_id(header)
            if found:
                self._fetched.add(found)
        return wanted


def takes_want_body(sync: Callable[..., object]) -> bool:
    """Whether a backend's ``sync`` accepts the optional ``want_body`` keyword."""
    try:
        return "want_body" in inspect.signature(sync).parameters
    except (TypeError, ValueError):
        return False


def sync_account(
    mailbox: Mailbox,
    store: Store,
    account: str,
    user: Identity,
    now: datetime,
    lookback_days: int,
    *,
    workers: int | None = None,
) -> SyncReport:
    """Fetch and read new mail, committing each batch with its cursor. Large batches are read in
    ``workers`` processes (default: one per CPU, up to 4; 0 or 1: in this process) while the next
    batch is fetched; the outcome is the same either way."""
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
    with Reader(account, user, now, workers) as reader:
        pending: tuple[Batch, Pending] | None = None
        while True:
            try:
                batch = next(batches, None)
            except BaseException:
                if pending is not None:  # what was fetched before the failure is stored, as before
                    _commit(store, account, *pending, want, report, user, now)
                raise
            if batch is None:
                break
            delivered = batch
            if not filtered_by_backend:
                kept = tuple(f for f in batch.messages if want(f.folder, header_block(f.raw)))
                delivered = Batch(kept, batch.cursor)
            heads = [heads_of(f.raw, f.thread_id) for f in delivered.messages]
            contexts = [_given(want.context(h)) for h in heads] if heads else []
            job = reader.submit(delivered.messages, contexts)  # read while the next batch is fetched
            if pending is not None:
                _commit(store, account, *pending, want, report, user, now)
            pending = (batch, _Job(job, delivered.messages, heads, contexts))
            report.fetched += len(batch.messages)
        if pending is not None:
            _commit(store, account, *pending, want, report, user, now)
    report.declined = want.declined
    if filtered_by_backend:  # declined messages were not delivered, but they were new
        report.fetched += want.declined
    report.seconds = time.monotonic() - started
    return report


def _given(context: Context) -> Context | None:
    return context if context.hiring_thread else None


@dataclass(frozen=True)
class _Job:
    pending: Pending
    messages: tuple[Fetched, ...]  # the messages handed to the reader (its outcomes are in this order)
    heads: list[Heads]
    contexts: list[Context | None]  # each one was read in

    def date_order(self, now: datetime) -> list[int]:
        def when(i: int) -> datetime:
            return self.heads[i].date or self.messages[i].internal_date or now

        return sorted(range(len(self.messages)), key=when)


def _commit(
    store: Store,
    account: str,
    batch: Batch,
    job: _Job,
    want: BodyFilter,
    report: SyncReport,
    user: Identity,
    now: datetime,
) -> None:
    delivered = {f.ref: f for f in batch.messages}
    outcomes = job.pending.result()
    signals = []
    for i in job.date_order(now):
        outcome = outcomes[i]
        context = _given(want.context(job.heads[i]))
        if context is not None and context != job.contexts[i] and outcome.kind != "digest":
            # its parent was read after this message was handed to the reader: read it again, in context
            outcome = read_fully(job.messages[i], account, user, now, context)
            report.reread += 1
        report.unparsed += outcome.kind == "no_cue"
        sig = _keep(outcome, delivered, want, account, user, now, context)
        if sig is not None:
            signals.append(sig)
            want.remember(sig)
            if sig.reading.kind is not Kind.OTHER:
                report.hiring += 1
    store.commit_batch(account, batch.cursor, signals)
    report.kept += len(signals)
    report.batches += 1


def _keep(
    outcome: Outcome,
    delivered: dict[str, Fetched],
    want: BodyFilter,
    account: str,
    user: Identity,
    now: datetime,
    context: Context | None = None,
) -> Signal | None:
    if outcome.kind == "no_cue":
        # certainly `other` without a company; read in full only when its sender, or (the user's own
        # note) one of its recipients, is a known employer person
        if not (
            want.known_sender(outcome.sender)
            or (user.is_user(outcome.sender) and any(want.known_sender(r) for r in outcome.recipients))
        ):
            return None
        fetched = delivered[outcome.ref]
        outcome = read_fully(fetched, account, user, now, context)
    sig = outcome.signal
    if sig is None:
        return None
    if worth_keeping(sig) or (not sig.reading.from_user and want.known_sender(sig.sender.email)):
        return sig
    return None
