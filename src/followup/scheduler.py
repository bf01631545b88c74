"""``followup run``: scan every account on a schedule, make the weekly digest, survive bad networks.

- One APScheduler 3.x job per account (``scan:<name>``): an interval with jitter, ``max_instances=1``,
  ``coalesce=True`` and a grace as long as the interval, so a laptop waking from sleep scans once at once.
  A per-account lock also keeps a retry job from overlapping the interval job.
- A network failure backs off (base, 2 base, 4 base ... up to 30 minutes, jittered) with a one-off
  ``retry:<name>`` job; a refused login pauses the account (the store's ``paused_auth``, shown by
  ``status`` and ``doctor``) until its secret changes or 6 hours pass. One account never stops another.
- The digest: a cron job at ``schedule.digest`` in the user's zone, and a catch-up after each good scan:
  when this week's moment has passed and the store's ``daemon.digest_week`` is not this week, make it
  (the store's digest claim prevents doubles). Catch-up is the app's decision, not APScheduler's.
- SIGTERM/SIGINT: no new jobs; a running scan stops after the batch it is storing (batches commit
  whole), then exit 0. A second signal exits at once (still safe: SQLite rolls the open batch back).
- One daemon per store (``followup.lock``).
"""

from __future__ import annotations

import hashlib
import logging
import os
import random
import signal
import threading
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from types import FrameType
from typing import Any, cast
from zoneinfo import ZoneInfo

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from followup.config import AccountConfig, Config
from followup.domain.model import Signal
from followup.errors import FollowupError
from followup.lock import StoreLock
from followup.scheduler_policy import (
    Health,
    after_network_failure,
    after_success,
    backoff_base,
    digest_due,
    parse_digest_time,
    should_retry_paused,
)
from followup.services.accounts import open_mailbox
from followup.services.scan import MailboxFactory, ScanResult, scan
from followup.store import Store

log = logging.getLogger("followup.scheduler")

DIGEST_WEEK_KEY = "daemon.digest_week"
STARTED_KEY = "daemon.started_at"
DIGEST_GRACE = timedelta(days=6)  # a digest job late by less than this still runs (catch-up covers more)
CLOCK_JUMP = 30.0  # seconds of wall clock beyond the monotonic clock: the machine slept


class ScanInterrupted(Exception):
    """Raised between two batches when the daemon is stopping (not an error)."""


class _StopAwareStore:
    """The store as a scan sees it: after each committed batch, a pending stop ends the scan."""

    def __init__(self, store: Store, stop: threading.Event) -> None:
        self._store = store
        self._stop = stop

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def commit_batch(self, account: str, cursor: str, signals: Sequence[Signal]) -> None:
        self._store.commit_batch(account, cursor, signals)
        log.debug("account %s: batch of %d signals stored", account, len(signals))
        if self._stop.is_set():
            raise ScanInterrupted(account)


class Daemon:
    """The jobs and the state between them. ``run_daemon`` wires it to a scheduler and signals."""

    def __init__(
        self,
        config: Config,
        store: Store,
        *,
        clock: Callable[[], datetime],
        stop: threading.Event,
        factory: MailboxFactory = open_mailbox,
        rng: random.Random | None = None,
    ) -> None:
        self.config = config
        self.store = store
        self.clock = clock
        self.stop = stop
        self.factory = factory
        self.rng = rng or random.Random()  # noqa: S311 - jitter, not cryptography
        self.tz = ZoneInfo(config.identity.timezone)
        self.every = timedelta(minutes=config.schedule.scan_every_minutes)
        self.base = backoff_base(self.every)
        self.scheduler: BackgroundScheduler | None = None
        self._health: dict[str, Health] = {a.name: Health() for a in config.accounts}
        self._busy = {a.name: threading.Lock() for a in config.accounts}
        self._state_lock = threading.Lock()
        self._digest_lock = threading.Lock()
        self._salt = os.urandom(16)  # credential fingerprints live in memory only, salted per run
        self._digest_missing_logged = False
        self._attempted: set[str] = set()  # accounts whose scan ran (well or not) in this run

    # ---- scans ----------------------------------------------------------------------------------
    def health(self, name: str) -> Health:
        with self._state_lock:
            return self._health[name]

    def _set_health(self, name: str, value: Health) -> None:
        with self._state_lock:
            self._health[name] = value

    def scan_account(self, name: str) -> bool:
        """One scheduled scan of one account; never raises. True when the account is healthy."""
        if self.stop.is_set():
            return False
        busy = self._busy[name]
        if not busy.acquire(blocking=False):
            log.debug("account %s: a scan is still running; this turn is skipped", name)
            return True
        try:
            ok = self._scan_locked(self.config.account(name))
        finally:
            busy.release()
        with self._state_lock:
            self._attempted.add(name)
        if ok:
            self.maybe_digest()
        return ok

    def _scan_locked(self, acct: AccountConfig) -> bool:
        now = self.clock()
        health = self.health(acct.name)
        if not health.ready(now):
            log.debug("account %s: backing off until %s", acct.name, health.retry_at)
            return False
        state, _detail, state_at = self.store.account_state(acct.name)
        if state == "paused_auth":
            current = self.fingerprint(acct)
            if not should_retry_paused(state_at, now, health.paused_fingerprint, current):
                log.debug("account %s: paused (login refused); not retrying yet", acct.name)
                return False
            log.info("account %s: trying the login again", acct.name)
        started = time.monotonic()
        try:
            result = scan(
                self.config,
                cast(Store, _StopAwareStore(self.store, self.stop)),
                now,
                accounts=[acct.name],
                factory=self.factory,
            )
        except ScanInterrupted:
            log.info("account %s: scan stopped between batches (shutting down)", acct.name)
            return False
        except FollowupError as exc:  # a secret that cannot be read, a store problem ...
            log.error("account %s: scan failed: %s", acct.name, exc)
            self._failed(acct.name, now)
            return False
        except Exception as exc:  # one account's surprise must not end the daemon
            log.error("account %s: scan failed unexpectedly (%s: %s)", acct.name, type(exc).__name__, exc)
            log.debug("traceback", exc_info=True)
            self._failed(acct.name, now)
            return False
        return self._judge(acct, result, now, time.monotonic() - started)

    def _judge(self, acct: AccountConfig, result: ScanResult, now: datetime, seconds: float) -> bool:
        name = acct.name
        if name in result.errors:
            if self.store.account_state(name)[0] == "paused_auth":
                self._set_health(name, Health(paused_fingerprint=self.fingerprint(acct)))
                log.warning(
                    "account %s paused: the server refused the login. Store a new secret "
                    "(followup auth %s) or fix password_command; followup tries again when the secret "
                    "changes, else every 6 hours",
                    name,
                    name,
                )
            else:
                self._failed(name, now)
            return False
        if "drafts" in result.errors:
            self._failed(name, now)
            return False
        self._set_health(name, after_success())
        sync = next((r for r in result.syncs if r.account == name), None)
        log.info(
            "scan %s: %d new messages, %d hiring, %d drafted, %d removed, %.2fs",
            name,
            sync.fetched if sync else 0,
            sync.hiring if sync else 0,
            result.drafts.count("drafted"),
            result.removed.count("removed"),
            seconds,
        )
        return True

    def _failed(self, name: str, now: datetime) -> None:
        health = after_network_failure(self.health(name), now, self.base, self.rng)
        self._set_health(name, health)
        assert health.retry_at is not None
        wait = (health.retry_at - now).total_seconds()
        log.warning("account %s: retrying in %.0f s (failure %d in a row)", name, wait, health.failures)
        if self.scheduler is not None and not self.stop.is_set() and health.retry_at - now < self.every:
            self.scheduler.add_job(
                self.scan_account,
                DateTrigger(run_date=health.retry_at, timezone=self.tz),
                args=[name],
                id=f"retry:{name}",
                name=f"retry {name}",
                replace_existing=True,
                misfire_grace_time=None,
            )

    def fingerprint(self, acct: AccountConfig) -> str:
        """A salted digest of what the login depends on, to notice the user fixing it."""
        h = hashlib.sha256(self._salt)
        h.update(repr(acct).encode())
        if acct.backend == "imap" and acct.auth == "password":
            from followup.secrets import get_secret

            try:
                h.update(get_secret(acct).encode())
            except FollowupError:
                h.update(b"\0unreadable")
        return h.hexdigest()

    # ---- digest ---------------------------------------------------------------------------------
    def maybe_digest(self) -> None:
        """Make this week's digest when its moment has passed and it was not made yet."""
        if self.stop.is_set():
            return
        with self._state_lock:
            if len(self._attempted) < len(self.config.accounts):
                return  # on start-up, every account gets its first scan before a digest
        with self._digest_lock:
            now = self.clock()
            when = parse_digest_time(self.config.schedule.digest)
            week = digest_due(when, now, self.tz, self.store.meta_get(DIGEST_WEEK_KEY))
            if week is None:
                return
            try:
                from followup.services.digest import make_digest
            except ImportError:
                if not self._digest_missing_logged:
                    log.warning("this followup has no digest service; weekly digest skipped")
                    self._digest_missing_logged = True
                return
            try:
                outcome = make_digest(self.config, self.store, now)
            except FollowupError as exc:
                log.error("digest of %s not made: %s (tried again after the next good scan)", week, exc)
                return
            self.store.meta_set(DIGEST_WEEK_KEY, week)
            log.info("digest %s: %s", week, outcome)

    # ---- wiring ---------------------------------------------------------------------------------
    def build_scheduler(self) -> BackgroundScheduler:
        every = self.every.total_seconds()
        jitter = min(self.config.schedule.jitter_seconds, every / 2)
        sched = BackgroundScheduler(
            timezone=self.tz,
            executors={"default": ThreadPoolExecutor(max(2, len(self.config.accounts) + 1))},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": max(60, int(every))},
        )
        start = datetime.now(self.tz)
        for i, acct in enumerate(self.config.accounts):
            sched.add_job(
                self.scan_account,
                IntervalTrigger(seconds=every, jitter=jitter or None, timezone=self.tz),
                args=[acct.name],
                id=f"scan:{acct.name}",
                name=f"scan {acct.name}",
                next_run_time=start + timedelta(seconds=0.2 * i),  # first scan now, staggered a little
                coalesce=True,
                max_instances=1,
                misfire_grace_time=max(60, int(every)),
            )
        when = parse_digest_time(self.config.schedule.digest)
        if when is not None:
            sched.add_job(
                self.maybe_digest,
                CronTrigger(day_of_week=when.cron_day, hour=when.hour, minute=when.minute, timezone=self.tz),
                id="digest",
                name="weekly digest",
                coalesce=True,
                max_instances=1,
                misfire_grace_time=int(DIGEST_GRACE.total_seconds()),
            )
        self.scheduler = sched
        return sched


def run_daemon(
    config: Config,
    *,
    once: bool = False,
    clock: Callable[[], datetime] | None = None,
    stop_event: threading.Event | None = None,
    factory: MailboxFactory = open_mailbox,
    setup_logs: bool = True,
) -> int:
    """Run until SIGTERM/SIGINT (or ``stop_event``); 0 on a clean stop. ``once``: scan every account
    once, make a due digest, and return 0 when every account was fine, else 2."""
    if setup_logs:
        from followup.logs import setup_logging

        if logging.getLogger("followup").level != logging.DEBUG:  # --debug wins over the config
            setup_logging(config.log_level)
        # our per-account lock already skips overlapping turns (logged at DEBUG); APScheduler's own
        # "maximum number of running instances reached" would repeat on every long first sync
        logging.getLogger("apscheduler").setLevel(logging.ERROR)
    tz = ZoneInfo(config.identity.timezone)
    clock = clock or (lambda: datetime.now(tz))
    stop = stop_event or threading.Event()
    with StoreLock(config.store_path), Store.open(config.store_path) as store:
        daemon = Daemon(config, store, clock=clock, stop=stop, factory=factory)
        if once:
            results = [daemon.scan_account(a.name) for a in config.accounts]
            daemon.maybe_digest()
            return 0 if all(results) else 2
        store.meta_set(STARTED_KEY, clock().isoformat())
        with _signals_set(stop):
            sched = daemon.build_scheduler()
            sched.start()
            log.info(
                "followup running: %d account(s), a scan every %g min, digest %s (%s)",
                len(config.accounts),
                config.schedule.scan_every_minutes,
                config.schedule.digest,
                config.identity.timezone,
            )
            try:
                _wait(stop, sched)
            finally:
                sched.shutdown(wait=True)  # lets a running scan reach the end of its batch
        log.info("followup stopped")
    return 0


def _wait(stop: threading.Event, sched: BackgroundScheduler) -> None:
    wall, mono = time.time(), time.monotonic()
    while not stop.wait(1.0):
        now_wall, now_mono = time.time(), time.monotonic()
        if (now_wall - wall) - (now_mono - mono) > CLOCK_JUMP:
            log.info("the clock jumped ahead (the machine slept?): looking for missed work")
            sched.wakeup()
        wall, mono = now_wall, now_mono


class _signals_set:  # noqa: N801 - used as a context manager
    """SIGTERM/SIGINT set ``stop`` (a second one exits at once); handlers restored on exit.
    Only the main thread may set handlers: elsewhere (tests) the caller's ``stop`` is the way."""

    def __init__(self, stop: threading.Event) -> None:
        self.stop = stop
        self.saved: dict[int, Any] = {}

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.stop.is_set():
            log.warning("second %s: exiting now", signal.Signals(signum).name)
            os._exit(130)
        log.info("%s: stopping after the current batch", signal.Signals(signum).name)
        self.stop.set()

    def __enter__(self) -> _signals_set:
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGTERM, signal.SIGINT):
                self.saved[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self.saved.items():
            signal.signal(sig, handler)
