"""Turning due actions into drafts, exactly once, and tidying drafts that became pointless.

The ledger in the store records each action key before and after the draft is appended:

    (no record) --compose--> "drafting" --APPEND--> "drafted" --answered--> "removed" (only if unedited)
                 \\--first run, long overdue--> "held_back" (never drafted later)
                 \\--key already on the server (store lost)--> "found"

A crash between APPEND and the "drafted" commit leaves "drafting": the next scan looks for the key in
Drafts and Sent before appending again, so no duplicate is made. Keys already present on the server
(store deleted) are never drafted again either. A draft the user deleted stays "drafted": never redone.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from followup.backends.base import DRAFTS, Mailbox
from followup.domain.compose import Templates, compose_draft
from followup.domain.model import Action, Identity
from followup.domain.policy import Evaluation
from followup.domain.settings import PolicySettings
from followup.store import ActionRecord, Store

log = logging.getLogger("followup.drafting")

SETTLED = frozenset({"drafted", "held_back", "found", "removed"})


@dataclass(frozen=True)
class Outcome:
    key: str
    kind: str
    process_id: str
    to: tuple[str, ...]
    state: str  # drafted | would_draft | held_back | found | blocked | removed | kept_edited | skipped
    detail: str = ""
    account: str = ""


@dataclass
class DraftReport:
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, state: str) -> int:
        return sum(1 for o in self.outcomes if o.state == state)


def fingerprint(raw: bytes) -> str:
    """A digest of a draft that survives a server's line-ending normalisation."""
    norm = b"\n".join(line.rstrip() for line in raw.replace(b"\r\n", b"\n").split(b"\n")).strip()
    return hashlib.sha256(norm).hexdigest()


def account_of(action: Action, evaluation: Evaluation, default: str) -> str:
    if action.reply_to is not None:
        return action.reply_to.account
    sigs = evaluation.process.signals
    return sigs[-1].account if sigs else default


def draft_due(
    evaluations: Sequence[Evaluation],
    store: Store,
    mailboxes: Mapping[str, Mailbox],
    user: Identity,
    settings: PolicySettings,
    now: datetime,
    *,
    first_run: frozenset[str],
    templates: Templates,
    dry_run: bool = False,
) -> DraftReport:
    """Draft every due action not drafted before; hold back long-overdue ones on a first run."""
    report = DraftReport()
    default_account = next(iter(mailboxes), "")
    grace_edge = now - timedelta(hours=settings.backfill_grace_hours)
    candidates: list[tuple[Action, Evaluation, str]] = []
    for ev in evaluations:
        if ev.process.muted:
            continue
        for action in ev.due:
            account = account_of(action, ev, default_account)
            rec = store.action(action.key)
            if rec is not None and rec.state in SETTLED:
                continue
            if account not in mailboxes:
                continue  # not scanned this time (scan --account)
            to = tuple(a.email for a in action.to)
            if action.blocked or not action.to:
                report.outcomes.append(
                    Outcome(action.key, action.kind, ev.process.id, to, "blocked", action.blocked, account)
                )
                continue
            if account in first_run and action.due_at < grace_edge:
                if not dry_run:
                    store.record_action(
                        _record(action, account, "held_back", now, detail="first-run backfill")
                    )
                report.outcomes.append(
                    Outcome(
                        action.key, action.kind, ev.process.id, to, "held_back", "due before the first scan"
                    )
                )
                continue
            candidates.append((action, ev, account))

    # one look at the server per account for keys already there (store lost, or a crash after APPEND)
    found: dict[str, str] = {}
    by_account: dict[str, list[str]] = {}
    for action, _ev, account in candidates:
        by_account.setdefault(account, []).append(action.key)
    for account, keys in by_account.items():
        for hit in mailboxes[account].find_drafted(keys):
            found[hit.key] = hit.ref

    for action, ev, account in candidates:
        to = tuple(a.email for a in action.to)
        if action.key in found:
            if not dry_run:
                store.record_action(_record(action, account, "found", now, ref=found[action.key]))
            report.outcomes.append(Outcome(action.key, action.kind, ev.process.id, to, "found"))
            continue
        raw = compose_draft(
            action, ev.process, user, notes=store.notes(ev.process.id), now=now, templates=templates
        )
        digest = fingerprint(raw)
        if dry_run:
            report.outcomes.append(Outcome(action.key, action.kind, ev.process.id, to, "would_draft"))
            continue
        store.record_action(_record(action, account, "drafting", now, sha=digest))
        ref = mailboxes[account].append_draft(raw)
        store.record_action(_record(action, account, "drafted", now, ref=ref, sha=digest))
        log.info("drafted %s for process %s", action.kind, ev.process.id)
        report.outcomes.append(Outcome(action.key, action.kind, ev.process.id, to, "drafted"))
    return report


def open_action_keys(evaluations: Sequence[Evaluation], *, with_expired: bool) -> dict[str, set[str]]:
    """Per process id, the keys of its actions still open: due, waiting, the next one, and (if asked)
    those whose window just closed."""
    out: dict[str, set[str]] = {}
    for ev in evaluations:
        actions = (*ev.due, *ev.waiting, *(ev.expired if with_expired else ()))
        keys = {a.key for a in actions}
        if ev.next_action is not None:
            keys.add(ev.next_action.key)
        out[ev.process.id] = keys
    return out


def remove_pointless(
    evaluations: Sequence[Evaluation],
    store: Store,
    mailboxes: Mapping[str, Mailbox],
    now: datetime,
    *,
    dry_run: bool = False,
) -> DraftReport:
    """Remove drafts followup made whose action is no longer open, only while still unedited."""
    report = DraftReport()
    open_keys = open_action_keys(evaluations, with_expired=True)
    for rec in store.actions():
        if rec.state != "drafted" or rec.process_id not in open_keys:
            continue  # a process that vanished from view is left alone: be conservative
        if rec.key in open_keys[rec.process_id] or rec.account not in mailboxes:
            continue
        mailbox = mailboxes[rec.account]
        ref = rec.draft_ref
        current = mailbox.read_draft(ref) if ref else None
        if current is None:
            # mail clients save an edited draft as a new message: look for our key in Drafts
            hits = [h for h in mailbox.find_drafted([rec.key]) if h.folder == DRAFTS]
            if not hits:
                continue  # the user sent or deleted it
            ref, current = hits[0].ref, mailbox.read_draft(hits[0].ref)
            if current is None:
                continue
        if fingerprint(current) != rec.draft_sha256:
            report.outcomes.append(
                Outcome(rec.key, rec.kind, rec.process_id, rec.to, "kept_edited", "edited by the user")
            )
            continue
        if not dry_run:
            mailbox.delete_draft(ref)
            store.record_action(
                ActionRecord(
                    key=rec.key,
                    kind=rec.kind,
                    process_id=rec.process_id,
                    account=rec.account,
                    state="removed",
                    draft_ref=rec.draft_ref,
                    draft_sha256=rec.draft_sha256,
                    to=rec.to,
                    due_at=rec.due_at,
                    created_at=rec.created_at,
                    detail=f"no longer needed ({now.isoformat()})",
                )
            )
        report.outcomes.append(Outcome(rec.key, rec.kind, rec.process_id, rec.to, "removed"))
    return report


def _record(
    action: Action, account: str, state: str, now: datetime, *, ref: str = "", sha: str = "", detail: str = ""
) -> ActionRecord:
    return ActionRecord(
        key=action.key,
        kind=str(action.kind),
        process_id=action.process_id,
        account=account,
        state=state,
        draft_ref=ref,
        draft_sha256=sha,
        to=tuple(a.email for a in action.to),
        due_at=action.due_at,
        created_at=now,
        detail=detail,
    )
