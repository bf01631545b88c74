"""Reading fetched messages (pre-parse gate, parse, classify) here or in worker processes.

A first sync reads thousands of bodies; parse + classify is pure Python, so on a machine with several
CPUs ``Reader`` hands each large batch to worker processes (spawned, never forked: the daemon has
threads) while the caller fetches the next batch. Small syncs read in this process: no worker start-up.

Each message comes back as one ``Outcome``:

- ``signal``: parsed and read (``signal_of``);
- ``no_cue``: ``domain.pregate.no_hiring_cue`` proved the reading is ``other`` without a company, so it
  was not parsed; the caller still reads it in full (and may keep it) if its sender, or for the user's
  own mail one of its recipients, is a known employer person;
- ``digest``: followup's own weekly digest, never evidence.

Each message may come with its thread ``Context`` (``domain.context``, computed by the caller from what
the sync already knows): the reader passes it to the classifier, and a message in a known hiring thread
is never skipped by the pre-parse gate. Contexts are small frozen dataclasses: they pickle to workers.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from email.parser import BytesHeaderParser
from email.policy import compat32

from followup.backends.base import Fetched
from followup.domain.classify import read
from followup.domain.context import Context
from followup.domain.model import Address, Identity, Message, Signal
from followup.domain.parse import _addresses, parse
from followup.domain.prefilter import header_block
from followup.domain.pregate import no_hiring_cue

log = logging.getLogger("followup.ingest")

POOL_MIN_MESSAGES = 50  # bodies in one batch (a first sync, a backlog): worth worker processes
_CHUNK = 25  # messages per task handed to a worker
_HEADERS = BytesHeaderParser(policy=compat32)


@dataclass(frozen=True)
class Outcome:
    kind: str  # "signal" | "no_cue" | "digest"
    signal: Signal | None = None
    sender: str = ""  # lower-case From address (for "no_cue")
    ref: str = ""  # the fetched message's ref (for "no_cue")
    recipients: tuple[str, ...] = ()  # lower-case To and Cc addresses (for "no_cue")


def signal_of(
    fetched: Fetched,
    message: Message,
    account: str,
    user: Identity,
    now: datetime,
    context: Context | None = None,
) -> Signal:
    """Combine a fetched message's headers and its reading (in its thread ``context``) into what the
    store keeps."""
    reading = read(message, user, context)
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


def read_fully(
    fetched: Fetched, account: str, user: Identity, now: datetime, context: Context | None = None
) -> Outcome:
    message = parse(fetched.raw, truncated=fetched.truncated)
    if message.headers.get("x-followup-kind") == "digest":
        return Outcome("digest")  # our own weekly digest: never evidence about a process
    return Outcome("signal", signal_of(fetched, message, account, user, now, context))


def read_one(
    fetched: Fetched, account: str, user: Identity, now: datetime, context: Context | None = None
) -> Outcome:
    if no_hiring_cue(fetched.raw, user, truncated=fetched.truncated, context=context):
        sender, recipients = _people(fetched.raw)
        return Outcome("no_cue", sender=sender, ref=fetched.ref, recipients=recipients)
    return read_fully(fetched, account, user, now, context)


def read_many(
    messages: Sequence[Fetched],
    account: str,
    user: Identity,
    now: datetime,
    contexts: Sequence[Context | None] | None = None,
) -> list[Outcome]:
    """Each message read in its context (``contexts[i]`` for ``messages[i]``; none when omitted)."""
    ctx = list(contexts) if contexts is not None else [None] * len(messages)
    return [read_one(f, account, user, now, c) for f, c in zip(messages, ctx, strict=True)]


def _people(raw: bytes) -> tuple[str, tuple[str, ...]]:
    """The From address and the To and Cc addresses as ``parse`` reads them (lower-case), from the
    header alone."""
    head = _HEADERS.parsebytes(header_block(raw))

    def found(name: str) -> list[Address]:
        value = head.get(name)
        return _addresses(value if isinstance(value, str) else str(value or ""), [])

    sender = found("from")
    return (sender[0].email if sender else ""), tuple(a.email for a in (*found("to"), *found("cc")))


class Pending:
    """One batch being read: its outcomes, here or in workers, in message order."""

    def __init__(self, parts: list[Future[list[Outcome]]] | None, done: list[Outcome] | None) -> None:
        self._parts, self._done = parts, done

    def result(self) -> list[Outcome]:
        if self._done is None:
            self._done = [o for part in self._parts or () for o in part.result()]
        return self._done


class Reader:
    """Reads batches for one sync; ``with Reader(...) as r: r.submit(batch).result()``."""

    def __init__(self, account: str, user: Identity, now: datetime, workers: int | None = None) -> None:
        self.account, self.user, self.now = account, user, now
        cpus = os.cpu_count() or 1
        self.workers = min(cpus, 4) if workers is None else workers
        self._pool: ProcessPoolExecutor | None = None

    def submit(
        self, messages: Sequence[Fetched], contexts: Sequence[Context | None] | None = None
    ) -> Pending:
        """Read ``messages`` (each in ``contexts[i]`` when given) here or in the workers."""
        ctx = list(contexts) if contexts is not None else [None] * len(messages)
        if self.workers < 2 or len(messages) < POOL_MIN_MESSAGES and self._pool is None:
            return Pending(None, read_many(messages, self.account, self.user, self.now, ctx))
        pool = self._start()
        parts = [
            pool.submit(
                read_many,
                list(messages[i : i + _CHUNK]),
                self.account,
                self.user,
                self.now,
                ctx[i : i + _CHUNK],
            )
            for i in range(0, len(messages), _CHUNK)
        ]
        return Pending(parts, None)

    def _start(self) -> ProcessPoolExecutor:
        if self._pool is None:
            log.info("reading with %d worker processes", self.workers)
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))
        return self._pool

    def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
