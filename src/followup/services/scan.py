"""One scan: sync each account, infer every process, draft what is due, tidy what became pointless.

A scan with nothing new reuses the last evaluation instead of re-tracking every stored signal. Track
and policy are pure functions of (signals, mutes, identity + policy settings, now), and they report
the earliest instant ``changes_at`` at which their answer could change with the clock alone
(``domain.track_horizon``). The store keeps what the last full evaluation rested on
(``EvaluationCache``: the write generations of signals, mutes, notes and the drafting ledger, a
fingerprint of identity + policy, ``computed_at``, ``changes_at``, the accounts whose drafting finished
without error). When all of that is unchanged and ``computed_at <= now < changes_at``, every action due
now was due then and was handled then: track, evaluate and drafting are skipped (``ScanResult.reused``).
Anything else — a new signal, a mute, a note, a config change, a first sync, an ``--as-of`` before the
last evaluation, a failed drafting step, an account not drafted for — recomputes in full.

Crash safety: the cache is cleared before drafting starts and written after it finished, in one
transaction that reads the ledger generation it rests on; a crash in between leaves no cache.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable, Collection, Sequence
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from datetime import datetime

from followup.backends.base import Mailbox
from followup.config import AccountConfig, Config
from followup.domain.compose import Templates
from followup.domain.policy import Evaluation, evaluate
from followup.domain.track import track
from followup.domain.track_horizon import Horizon
from followup.errors import AuthError, MailboxError
from followup.lock import DraftingLock
from followup.services.accounts import open_mailbox
from followup.services.drafting import DraftReport, Outcome, draft_due, remove_pointless
from followup.services.ingest import SyncReport, sync_account
from followup.store import EvaluationCache, ScanRecord, Store

log = logging.getLogger("followup.scan")

MailboxFactory = Callable[[AccountConfig], Mailbox]


@dataclass
class ScanResult:
    now: datetime
    syncs: list[SyncReport] = field(default_factory=list)
    drafts: DraftReport = field(default_factory=DraftReport)
    removed: DraftReport = field(default_factory=DraftReport)
    evaluations: list[Evaluation] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)  # account -> one-line problem
    dry_run: bool = False
    # True: nothing changed since the last evaluation and the clock crossed none of its instants, so
    # track/evaluate/drafting were skipped; ``evaluations`` is then empty and ``drafts`` repeats only
    # the blocked actions that evaluation reported
    reused: bool = False
    changes_at: datetime | None = None  # until when the evaluation holds (None: until an input changes)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class Evaluated:
    evaluations: list[Evaluation]
    changes_at: datetime | None  # the earliest instant the answer could differ (None: only on new input)


def evaluate_until(store: Store, config: Config, now: datetime) -> Evaluated:
    """Every process as of ``now``, and the earliest instant at which that answer could change."""
    clock = Horizon(now)
    signals, muted = store.signals(), store.muted_processes()
    processes = track(signals, config.identity, config.policy, clock, muted=muted)
    evaluations = [evaluate(p, config.identity, config.policy, clock) for p in processes]
    return Evaluated(evaluations, clock.changes_at)


def evaluate_all(store: Store, config: Config, now: datetime) -> list[Evaluation]:
    """Every process as of ``now``, from what the store holds (no network)."""
    return evaluate_until(store, config, now).evaluations


def config_fingerprint(config: Config) -> str:
    """What of the config an evaluation and its drafts depend on: identity, policy, templates."""
    data = {
        "identity": asdict(config.identity),
        "policy": asdict(config.policy),
        "templates": str(config.templates_dir),
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def _holds(cache: EvaluationCache | None, gens: dict[str, int], fingerprint: str, now: datetime) -> bool:
    """The cached evaluation is the one a recomputation at ``now`` would give (ledger aside)."""
    if cache is None or cache.config != fingerprint:
        return False
    if any(cache.generations.get(t) != gens.get(t) for t in gens if t != "actions"):
        return False
    return cache.computed_at <= now and (cache.changes_at is None or now < cache.changes_at)


def reusable(
    store: Store, config: Config, now: datetime, accounts: Collection[str]
) -> EvaluationCache | None:
    """The last evaluation, when it may stand for this scan's: same inputs, same ledger, the clock
    before its ``changes_at``, and each of ``accounts`` drafted for without error."""
    cache = store.evaluation_cache()
    gens = store.generations()
    if cache is None or not _holds(cache, gens, config_fingerprint(config), now):
        return None
    if cache.generations.get("actions") != gens.get("actions"):
        return None
    return cache if set(accounts) <= set(cache.accounts) else None


def _sync_mutes(mailbox: Mailbox, store: Store, account: str, keyword: str) -> None:
    """The mute keyword on stored signals, as the server has it; skipped when the server proves that
    no flag changed since the last scan (IMAP CONDSTORE, ``ImapMailbox.mute_state``)."""
    state_of = getattr(mailbox, "mute_state", None)
    token = state_of(keyword) if callable(state_of) else ""
    key = f"scan.mute_state.{account}"
    if token and store.meta_get(key) == token:
        return
    store.set_keywords(account, mailbox.muted_refs(keyword), keyword)
    if token:
        store.meta_set(key, token)


def _summary(outcomes: Sequence[Outcome]) -> str:
    """What a reused scan reports again: the actions that stay blocked (a pure result of the evaluation)."""
    kept = [o for o in outcomes if o.state == "blocked"]
    return json.dumps([asdict(o) for o in kept], sort_keys=True)


def _replayed(summary: str, accounts: Collection[str]) -> DraftReport:
    outs = [Outcome(**{**d, "to": tuple(d["to"])}) for d in json.loads(summary)]
    return DraftReport([o for o in outs if o.account in accounts])


def scan(
    config: Config,
    store: Store,
    now: datetime,
    *,
    accounts: Sequence[str] = (),
    dry_run: bool = False,
    factory: MailboxFactory = open_mailbox,
    templates: Templates | None = None,
) -> ScanResult:
    result = ScanResult(now=now, dry_run=dry_run)
    chosen = [config.account(n) for n in accounts] if accounts else list(config.accounts)
    templates = templates or Templates(config.templates_dir)
    with ExitStack() as stack:
        mailboxes: dict[str, Mailbox] = {}
        for acct in chosen:
            started = time.monotonic()
            try:
                mailbox = stack.enter_context(factory(acct))
                if dry_run:
                    from followup.backends.memory import ReadOnly

                    mailbox = ReadOnly(mailbox)
                report = sync_account(mailbox, store, acct.name, config.identity, now, acct.lookback_days)
                _sync_mutes(mailbox, store, acct.name, config.policy.mute_keyword)
            except AuthError as exc:
                result.errors[acct.name] = str(exc)
                store.set_account_state(acct.name, "paused_auth", str(exc), now)
                log.error("account %s: %s", acct.name, exc)
                continue
            except MailboxError as exc:
                result.errors[acct.name] = str(exc)
                store.set_account_state(acct.name, "error", str(exc), now)
                log.error("account %s: %s", acct.name, exc)
                continue
            store.set_account_state(acct.name, "ok", "", now)
            mailboxes[acct.name] = mailbox
            result.syncs.append(report)
            log.info(
                "account %s: %d new messages, %d kept, %d hiring, %.2fs",
                acct.name,
                report.fetched,
                report.kept,
                report.hiring,
                time.monotonic() - started,
            )

        first_run = frozenset(r.account for r in result.syncs if r.first_sync)
        # one scan at a time decides and appends drafts: the ledger check and the APPEND never interleave
        with DraftingLock(config.store_path):
            cache = (
                None if first_run or result.errors else reusable(store, config, now, [a.name for a in chosen])
            )
            if cache is not None:
                result.reused, result.changes_at = True, cache.changes_at
                result.drafts = _replayed(cache.summary, mailboxes)
                log.info("nothing changed since %s: evaluation reused", cache.computed_at.isoformat())
            else:
                _evaluate_and_draft(result, config, store, now, mailboxes, first_run, templates)
        if not dry_run:
            for name in first_run:
                store.mark_first_sync(name, now)
    for rep in result.syncs:
        store.record_scan(
            ScanRecord(
                account=rep.account,
                started_at=now,
                finished_at=now,
                ok=rep.account not in result.errors,
                summary=f"{rep.fetched} new, {rep.hiring} hiring, {result.drafts.count('drafted')} drafted",
                counts={
                    "fetched": rep.fetched,
                    "kept": rep.kept,
                    "hiring": rep.hiring,
                    "drafted": result.drafts.count("drafted"),
                },
            )
        )
    for name, problem in result.errors.items():
        if name in {a.name for a in chosen}:
            store.record_scan(
                ScanRecord(
                    account=name, started_at=now, finished_at=now, ok=False, summary=problem, counts={}
                )
            )
    return result


def _evaluate_and_draft(
    result: ScanResult,
    config: Config,
    store: Store,
    now: datetime,
    mailboxes: dict[str, Mailbox],
    first_run: frozenset[str],
    templates: Templates,
) -> None:
    """Track, evaluate, draft and tidy; then record what this rested on (never in a dry run)."""
    dry_run = result.dry_run
    previous = store.evaluation_cache()
    gens = store.generations()  # read before the signals: a write racing with us only forces a recompute
    fingerprint = config_fingerprint(config)
    if not dry_run:
        store.clear_evaluation_cache()  # first: a crash while drafting must leave nothing to reuse
    evaluated = evaluate_until(store, config, now)
    result.evaluations, result.changes_at = evaluated.evaluations, evaluated.changes_at
    try:
        result.drafts = draft_due(
            result.evaluations,
            store,
            mailboxes,
            config.identity,
            config.policy,
            now,
            first_run=first_run,
            templates=templates,
            dry_run=dry_run,
        )
        result.removed = remove_pointless(result.evaluations, store, mailboxes, now, dry_run=dry_run)
    except MailboxError as exc:
        result.errors["drafts"] = str(exc)
        log.error("drafting stopped: %s", exc)
        return
    if dry_run:
        return
    accounts = set(mailboxes)
    blocked = [o for o in result.drafts.outcomes if o.state == "blocked"]
    if _holds(previous, gens, fingerprint, now):
        # the same evaluation as the last one: the accounts it drafted for are still fully handled
        assert previous is not None
        accounts |= set(previous.accounts)
        blocked += [
            o for o in _replayed(previous.summary, previous.accounts).outcomes if o.account not in mailboxes
        ]
    store.save_evaluation_cache(
        EvaluationCache(
            generations=gens,
            config=fingerprint,
            computed_at=now,
            changes_at=evaluated.changes_at,
            accounts=tuple(sorted(accounts)),
            summary=_summary(blocked),
        )
    )
