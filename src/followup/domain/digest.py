"""The weekly digest: what needs the user now, every active process, stale ones, the week's news,
simple figures and what followup did not draft and why. Rendering only: the services gather the data.

    DigestInput --build_digest--> DigestView --templates--> (subject, text, html) --> message bytes

The HTML template is autoescaped (every string from mail is escaped there); the text part is
complete on its own. Pure: ``now`` comes in with the data.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email import policy
from email.headerregistry import Address as HeaderAddress
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from followup.domain import digest_facts as facts
from followup.domain.compose import Templates
from followup.domain.compose_text import first_name, oneline, plural, short_day, short_moment
from followup.domain.model import Action, Identity, Kind, Process, Stage
from followup.domain.settings import PolicySettings


class Evaluation(Protocol):
    """What the digest reads from ``followup.domain.policy.Evaluation``."""

    @property
    def process(self) -> Process: ...
    @property
    def next_action(self) -> Action | None: ...
    @property
    def due(self) -> Sequence[Action]: ...  # due now, window open
    @property
    def waiting(self) -> Sequence[Action]: ...  # due later


@dataclass(frozen=True)
class DigestInput:
    now: datetime
    user: Identity
    evaluations: Sequence[Evaluation]
    drafts_waiting: Sequence[tuple[str, str, str]] = ()  # (process_id, action kind, recipient)
    not_drafted: Sequence[tuple[str, str, str]] = ()  # (process_id, action kind, why)
    account_problems: Sequence[str] = ()
    policy: PolicySettings = field(default_factory=PolicySettings)


@dataclass(frozen=True)
class DigestItem:
    """One line of the digest about one process. Strings are plain text (escaped when rendered)."""

    process_id: str
    company: str
    role: str
    headline: str  # what, in one line
    detail: str = ""  # why / when / advice
    stage: str = ""
    last_contact: str = ""
    promised: str = ""
    next_action: str = ""
    overdue: bool = False

    @property
    def title(self) -> str:
        """'Acme — Senior Engineer' (or whichever of the two is known)."""
        return " — ".join(x for x in (self.company, self.role) if x) or self.process_id


@dataclass(frozen=True)
class FunnelBar:
    label: str
    count: int
    percent: int  # bar width relative to the number of applications, 0..100


@dataclass(frozen=True)
class DigestView:
    subject: str
    greeting: str
    week: str  # "Mon 2 Mar – Sun 8 Mar"
    as_of: str
    needs_you: tuple[DigestItem, ...]
    active: tuple[DigestItem, ...]
    stale: tuple[DigestItem, ...]
    changes: tuple[DigestItem, ...]
    not_drafted: tuple[DigestItem, ...]
    account_problems: tuple[str, ...]
    figures: tuple[tuple[str, str], ...]  # (label, value)
    funnel: tuple[FunnelBar, ...]
    drafts_waiting: int
    overdue: int
    active_count: int


def build_digest(data: DigestInput) -> DigestView:
    """Everything the digest says, as plain values (no markup)."""
    if data.now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    zone = ZoneInfo(data.user.timezone)
    now = data.now
    today = facts.local_day(now, zone)
    by_id = {e.process.id: e.process for e in data.evaluations}

    def item(pid: str, headline: str, detail: str = "", overdue: bool = False) -> DigestItem:
        proc = by_id.get(pid)
        company, role = (oneline(proc.company), oneline(proc.role)) if proc else ("", "")
        return DigestItem(oneline(pid), company, role, headline, detail, overdue=overdue)

    needs: list[DigestItem] = []
    overdue = 0
    waiting_kinds = {(pid, kind) for pid, kind, _ in data.drafts_waiting}
    window = timedelta(days=data.policy.thank_you_window_days)
    for pid, kind, recipient in data.drafts_waiting:
        proc = by_id.get(pid)
        late = (
            kind == "thank_you"
            and proc is not None
            and facts.overdue_thank_you(proc, now, window) is not None
        )
        overdue += bool(late)
        detail = "It is in your Drafts folder: check the [bracketed] parts, adapt and send it."
        if late:
            detail = "Overdue: the interview ended over 24 hours ago. " + detail
        needs.append(
            item(
                pid,
                f"Review and send the {facts.action_label(kind)} to {oneline(recipient)}",
                detail,
                bool(late),
            )
        )
    for ev in data.evaluations:
        proc = ev.process
        end = facts.overdue_thank_you(proc, now, window)
        if end is not None and (proc.id, "thank_you") not in waiting_kinds:
            overdue += 1
            needs.append(
                item(
                    proc.id,
                    "Thank-you overdue",
                    f"The interview ended {short_moment(end.astimezone(zone))}, over 24 hours ago, "
                    "and you have not written since.",
                    True,
                )
            )
        if facts.decision_overdue(proc, today):
            overdue += 1
            promised = proc.decision_expected_by
            assert promised is not None
            days = (today - promised).days
            nxt = _next_action_text(ev, zone)
            needs.append(
                item(
                    proc.id,
                    f"Decision promised by {short_day(promised)}: {plural(days, 'day')} ago, no word yet",
                    f"Next: {nxt}." if nxt else "",
                    True,
                )
            )
        for sig, deadline in facts.open_requests(proc, now, zone):
            past = deadline is not None and deadline < today
            overdue += past
            when = f" by {short_day(deadline)}" if deadline else ""
            needs.append(
                item(proc.id, f"They asked you for something{when}", f"“{oneline(sig.subject)}”", past)
            )
        if facts.offer_unanswered(proc, now) and (proc.id, "offer_reply") not in waiting_kinds:
            needs.append(
                item(proc.id, "An offer is waiting for your reply", "Take your time; thank them soon.")
            )

    drafted: dict[str, str] = {}
    for pid, kind, _ in data.drafts_waiting:
        label = facts.action_label(kind)
        drafted[pid] = f"{drafted[pid]}, {label}" if pid in drafted else f"draft waiting in Drafts: {label}"
    active, stale, changes = [], [], []
    week_start = now - timedelta(days=7)
    for ev in sorted(data.evaluations, key=lambda e: _last_date(e.process), reverse=True):
        proc = ev.process
        row = DigestItem(
            oneline(proc.id),
            oneline(proc.company),
            oneline(proc.role),
            headline=facts.STAGE_LABEL.get(proc.stage, proc.stage.value),
            stage=proc.stage.value,
            last_contact=facts.last_contact(proc, now, zone),
            promised=short_day(proc.decision_expected_by) if proc.decision_expected_by else "",
            next_action=drafted.get(proc.id)
            or _next_action_text(ev, zone)
            or ("muted" if proc.muted else "—"),
            detail="muted: followup drafts nothing for it" if proc.muted else "",
        )
        if proc.stage in facts.ACTIVE:
            active.append(row)
        elif proc.stage is Stage.STALE:
            stale.append(DigestItem(**{**row.__dict__, "detail": facts.STALE_ADVICE}))
        for sig in proc.signals:
            phrase = facts.change_phrase(sig, zone) if week_start < sig.date <= now else ""
            if phrase:
                changes.append((sig.date, item(proc.id, phrase, short_day(facts.local_day(sig.date, zone)))))
    changes.sort(key=lambda pair: pair[0])

    not_drafted = [
        item(pid, f"{facts.action_label(kind).capitalize()} not drafted", oneline(why))
        for pid, kind, why in data.not_drafted
    ]
    reported = {(pid, kind) for pid, kind, _ in data.not_drafted}
    for ev in data.evaluations:
        for act in _open_actions(ev):
            if act.blocked and (act.process_id, act.kind.value) not in reported:
                reported.add((act.process_id, act.kind.value))
                label = facts.action_label(act.kind.value).capitalize()
                not_drafted.append(item(act.process_id, f"{label} not drafted", oneline(act.blocked)))

    processes = [e.process for e in data.evaluations]
    figures, funnel = _figures(processes, now)
    drafts = len(data.drafts_waiting)
    parts = [f"{plural(drafts, 'draft')} waiting"] if drafts else []
    parts += [f"{overdue} overdue"] if overdue else []
    parts += [f"{len(active)} active"]
    if data.account_problems:
        parts.append(f"{plural(len(data.account_problems), 'account problem')}")
    monday = today - timedelta(days=today.weekday())
    first = first_name(data.user.name)
    return DigestView(
        subject="Job search: " + ", ".join(parts),
        greeting=f"Hello {first}," if first else "Hello,",
        week=f"week of {short_day(monday)}",
        as_of=short_moment(now.astimezone(zone)),
        needs_you=tuple(needs),
        active=tuple(active),
        stale=tuple(stale),
        changes=tuple(c for _, c in changes),
        not_drafted=tuple(not_drafted),
        account_problems=tuple(oneline(p) for p in data.account_problems),
        figures=figures,
        funnel=funnel,
        drafts_waiting=drafts,
        overdue=overdue,
        active_count=len(active),
    )


def render_digest(data: DigestInput, templates: Templates) -> tuple[str, str, str]:
    """(subject, text, html) of the digest."""
    view = build_digest(data)
    text = templates.render("digest.txt.j2", v=view)
    html = templates.render("digest.html.j2", v=view)
    return view.subject, text, html


def digest_message(data: DigestInput, templates: Templates) -> bytes:
    """The digest as a multipart/alternative message from and to the user (never sent: APPENDed)."""
    subject, text, html = render_digest(data, templates)
    user = data.user
    if not user.addresses:
        raise ValueError("the user has no address")
    local, _, domain = user.addresses[0].rpartition("@")
    me = HeaderAddress(display_name=oneline(user.name), username=local, domain=domain)
    zone = ZoneInfo(user.timezone)
    year, week, _ = data.now.astimezone(zone).isocalendar()
    seed = f"digest\x00{user.addresses[0]}\x00{data.now.isoformat()}".encode()
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = me
    msg["To"] = me
    msg["Subject"] = oneline(subject)
    msg["Date"] = format_datetime(data.now.astimezone(zone))
    msg["Message-ID"] = f"<followup.digest.{hashlib.sha256(seed).hexdigest()[:24]}@{domain}>"
    msg["X-Followup-Kind"] = "digest"
    msg["X-Followup-Key"] = f"digest:{year}-W{week:02d}"
    msg.set_content(text, charset="utf-8")
    msg.add_alternative(html, subtype="html", charset="utf-8")
    return msg.as_bytes()


def _open_actions(ev: Evaluation) -> list[Action]:
    """The evaluation's open actions (next, due now, due later), each once."""
    seen: dict[str, Action] = {}
    for act in ([ev.next_action] if ev.next_action else []) + list(ev.due) + list(ev.waiting):
        seen.setdefault(act.key, act)
    return list(seen.values())


def _next_action_text(ev: Evaluation, zone: ZoneInfo) -> str:
    act = ev.next_action
    if act is None:
        return ""
    text = f"{facts.action_label(act.kind.value)}, due {short_moment(act.due_at.astimezone(zone))}"
    if act.blocked:
        text += " (not drafted, see below)"
    return text


def _last_date(process: Process) -> datetime:
    return max((s.date for s in process.signals), default=datetime.min.replace(tzinfo=ZoneInfo("UTC")))


def _figures(
    processes: list[Process], now: datetime
) -> tuple[tuple[tuple[str, str], ...], tuple[FunnelBar, ...]]:
    def has(p: Process, kind: Kind) -> bool:
        return any(s.reading.kind is kind and s.date <= now for s in p.signals)

    applications = len(processes)
    interviewed = sum(1 for p in processes if any(i.start <= now for i in p.interviews))
    interviews = sum(1 for p in processes for i in p.interviews if i.start <= now)
    offers = sum(1 for p in processes if p.stage is Stage.OFFER or has(p, Kind.OFFER))
    rejections = sum(1 for p in processes if p.stage is Stage.REJECTED)
    median = facts.median_days(facts.answer_days(processes, now))
    figures = (
        ("Applications", str(applications)),
        ("Interviews", str(interviews)),
        ("Offers", str(offers)),
        ("Rejections", str(rejections)),
        ("Median days from interview to an answer", median),
    )

    def bar(label: str, count: int) -> FunnelBar:
        pct = round(100 * count / applications) if applications else 0
        return FunnelBar(label, count, max(pct, 2) if count else 0)

    funnel = (
        bar("Applied", applications),
        bar("Interviewed", interviewed),
        bar("Offer", offers),
        bar("Rejected", rejections),
    )
    return figures, funnel
