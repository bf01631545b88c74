"""Sync one account: fetch new mail in batches, read each message, store signals with the cursor.

Each batch and the cursor that follows it are committed in one transaction, so a crash never leaves the
cursor ahead of what was stored, nor behind it by more than one batch. Bodies are never stored.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from followup.backends.base import Fetched, Mailbox
from followup.domain.classify import read
from followup.domain.model import Address, Identity, Kind, Message, Signal
from followup.domain.parse import parse
from followup.store import Store

log = logging.getLogger("followup.ingest")


@dataclass
class SyncReport:
    account: str
    fetched: int = 0
    kept: int = 0  # signals stored (hiring mail and the user's own mail)
    hiring: int = 0  # of those, messages read as part of a hiring process
    batches: int = 0
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
    """Hiring mail, mail that names an employer, and the user's own mail (it answers actions)."""
    r = signal.reading
    return r.kind is not Kind.OTHER or bool(r.company) or r.from_user


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
    for batch in mailbox.sync(cursor, since):
        signals = []
        for fetched in batch.messages:
            message = parse(fetched.raw, truncated=fetched.truncated)
            sig = signal_of(fetched, message, account, user, now)
            if worth_keeping(sig):
                signals.append(sig)
                if sig.reading.kind is not Kind.OTHER:
                    report.hiring += 1
        store.commit_batch(account, batch.cursor, signals)
        report.fetched += len(batch.messages)
        report.kept += len(signals)
        report.batches += 1
    report.seconds = time.monotonic() - started
    return report
