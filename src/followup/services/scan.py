"""One scan: sync each account, infer every process, draft what is due, tidy what became pointless."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime

from followup.backends.base import Mailbox
from followup.config import AccountConfig, Config
from followup.domain.compose import Templates
from followup.domain.policy import Evaluation, evaluate
from followup.domain.track import track
from followup.errors import AuthError, MailboxError
from followup.lock import DraftingLock
from followup.services.accounts import open_mailbox
from followup.services.drafting import DraftReport, draft_due, remove_pointless
from followup.services.ingest import SyncReport, sync_account
from followup.store import ScanRecord, Store

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

    @property
    def ok(self) -> bool:
        return not self.errors


def evaluate_all(store: Store, config: Config, now: datetime) -> list[Evaluation]:
    """Every process as of ``now``, from what the store holds (no network)."""
    processes = track(store.signals(), config.identity, config.policy, now, muted=store.muted_processes())
    return [evaluate(p, config.identity, config.policy, now) for p in processes]


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
                store.set_keywords(
                    acct.name, mailbox.muted_refs(config.policy.mute_keyword), config.policy.mute_keyword
                )
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
            result.evaluations = evaluate_all(store, config, now)
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
