"""The weekly digest: gather what the user should see, render it, put it into the inbox once a week."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from followup.config import Config
from followup.domain.compose import Templates
from followup.domain.digest import DigestInput, digest_message, render_digest
from followup.domain.policy import Evaluation
from followup.errors import FollowupError
from followup.services.accounts import open_mailbox
from followup.services.drafting import open_action_keys
from followup.services.scan import MailboxFactory, evaluate_all
from followup.store import Store

log = logging.getLogger("followup.digest")

WHY = {
    "held_back": "was already more than 3 days overdue when followup first scanned this mailbox",
}


def iso_week(now: datetime, tz: str) -> str:
    year, week, _ = now.astimezone(ZoneInfo(tz)).isocalendar()
    return f"{year}-W{week:02d}"


def gather(config: Config, store: Store, now: datetime, evaluations: list[Evaluation]) -> DigestInput:
    open_keys = open_action_keys(evaluations, with_expired=False)
    waiting: list[tuple[str, str, str]] = []
    not_drafted: list[tuple[str, str, str]] = []
    for rec in store.actions():
        if rec.state == "drafted" and rec.key in open_keys.get(rec.process_id, ()):
            waiting.append((rec.process_id, rec.kind, ", ".join(rec.to)))
        elif rec.state == "held_back" and rec.process_id in open_keys:
            not_drafted.append((rec.process_id, rec.kind, WHY["held_back"]))
    for ev in evaluations:
        for action in ev.due:
            if action.blocked or not action.to:
                not_drafted.append(
                    (ev.process.id, str(action.kind), action.blocked or "no human address known")
                )
    problems = []
    for account in config.accounts:
        state, detail, _at = store.account_state(account.name)
        if state != "ok" and detail:
            problems.append(f"{account.name}: {state.replace('_', ' ')} — {detail}")
    return DigestInput(
        now=now,
        user=config.identity,
        evaluations=evaluations,
        drafts_waiting=waiting,
        not_drafted=not_drafted,
        account_problems=problems,
        policy=config.policy,
    )


def make_digest(
    config: Config,
    store: Store,
    now: datetime,
    *,
    preview: Path | None = None,
    force: bool = False,
    factory: MailboxFactory = open_mailbox,
) -> str:
    """Write the digest to ``preview``, or put it into the first healthy account's inbox once a week."""
    templates = Templates(config.templates_dir)
    data = gather(config, store, now, evaluate_all(store, config, now))
    if preview is not None:
        subject, _text, html = render_digest(data, templates)
        preview.write_text(html, "utf-8")
        return f"Wrote the digest ({subject}) to {preview}."
    week = iso_week(now, config.identity.timezone)
    if not force and store.meta_get("digest.last_week") == week:
        return f"This week's digest ({week}) is already in your inbox; use --force for another."
    raw = digest_message(data, templates)
    errors = []
    for account in config.accounts:
        try:
            with factory(account) as mailbox:
                mailbox.put_in_inbox(raw, now)
        except FollowupError as exc:
            errors.append(f"{account.name}: {exc}")
            continue
        store.claim_digest(week, now, force=True)
        store.meta_set("digest.last_week", week)
        log.info("digest for %s put into %s's inbox", week, account.name)
        return f"Put the digest for {week} into the inbox of {account.name}."
    raise FollowupError(
        "could not put the digest anywhere: " + "; ".join(errors or ["no accounts configured"])
    )
