"""What `status` and `explain` show: the JSON of design.md's CLI contract, a table, the evidence."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from followup.domain.model import Identity
from followup.domain.policy import Evaluation
from followup.store import ActionRecord, Store

DRAFT_STATES = frozenset({"drafted", "found"})


def _iso(dt: datetime | None) -> str | None:
    return dt.isoformat() if dt is not None else None


def drafts_by_process(records: Sequence[ActionRecord]) -> dict[str, list[ActionRecord]]:
    out: dict[str, list[ActionRecord]] = {}
    for rec in records:
        if rec.state in DRAFT_STATES:
            out.setdefault(rec.process_id, []).append(rec)
    return out


def process_json(
    ev: Evaluation, drafts: Sequence[ActionRecord], tz: ZoneInfo | None = None
) -> dict[str, Any]:
    p = ev.process

    def local(dt: datetime) -> str:  # the same instant, written in the user's zone
        return (dt.astimezone(tz) if tz else dt).isoformat()

    return {
        "id": p.id,
        "company": p.company,
        "role": p.role,
        "stage": str(p.stage),
        "contacts": [{"name": c.name, "email": c.email} for c in p.contacts],
        "interviews": [{"start": local(i.start), "end": local(i.end)} for i in p.interviews],
        "decision_expected_by": p.decision_expected_by.isoformat() if p.decision_expected_by else None,
        "thank_you_sent": p.thank_you_sent,
        "follow_ups_sent": p.follow_ups_sent,
        "next_action": {"kind": str(ev.next_action.kind), "due_at": local(ev.next_action.due_at)}
        if ev.next_action
        else None,
        "drafts": [{"kind": d.kind, "to": list(d.to), "key": d.key} for d in drafts],
        "last_contact": _iso(p.last_employer.date) if p.last_employer else None,
        "muted": p.muted,
        "confidence": round(p.confidence, 2),
        "review": list(p.review),
    }


def status_json(
    evaluations: Sequence[Evaluation], store: Store, now: datetime, user: Identity | None = None
) -> dict[str, Any]:
    drafts = drafts_by_process(store.actions())
    tz = ZoneInfo(user.timezone) if user and user.timezone else None
    return {
        "as_of": now.isoformat(),
        "processes": [process_json(ev, drafts.get(ev.process.id, []), tz) for ev in evaluations],
    }


def _short(dt: datetime | None, tz: ZoneInfo) -> str:
    return dt.astimezone(tz).strftime("%a %d %b %H:%M") if dt else "-"


def status_table(
    evaluations: Sequence[Evaluation], store: Store, user: Identity, now: datetime, accounts: Sequence[str]
) -> str:
    tz = ZoneInfo(user.timezone)
    drafts = drafts_by_process(store.actions())
    rows = [("PROCESS", "COMPANY", "ROLE", "STAGE", "NEXT", "DUE", "DRAFTS")]
    for ev in evaluations:
        p = ev.process
        nxt = ev.next_action
        rows.append(
            (
                p.id,
                p.company[:28],
                (p.role or "-")[:28],
                str(p.stage) + (" (muted)" if p.muted else ""),
                str(nxt.kind) if nxt else "-",
                _short(nxt.due_at, tz) if nxt else "-",
                str(len(drafts.get(p.id, []))),
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    if len(rows) == 1:
        lines = ["No hiring processes found yet."]
    lines.append("")
    lines.append(f"As of {now.astimezone(tz).strftime('%a %d %b %Y %H:%M %Z')}.")
    for name in accounts:
        state, detail, _at = store.account_state(name)
        last = store.last_scan(name)
        when = _short(last.finished_at, tz) if last else "never"
        outcome = ("ok" if last.ok else "failed") if last else "-"
        extra = f" — {detail}" if state != "ok" and detail else ""
        lines.append(f"Account {name}: last scan {when} ({outcome}); state {state}{extra}")
    review = [ev.process for ev in evaluations if ev.process.review]
    if review:
        lines.append("")
        lines.append("Please check (followup is unsure):")
        for p in review:
            for note in p.review:
                lines.append(f"  {p.id}: {note}")
    return "\n".join(lines)


def find_evaluation(evaluations: Sequence[Evaluation], ref: str) -> Evaluation | None:
    """A process by id, by id prefix, or by company name (case-insensitive) when unambiguous."""
    ref_l = ref.lower()
    exact = [ev for ev in evaluations if ev.process.id == ref]
    if exact:
        return exact[0]
    hits = [ev for ev in evaluations if ev.process.id.startswith(ref) or ev.process.company.lower() == ref_l]
    if len(hits) == 1:
        return hits[0]
    hits = [ev for ev in evaluations if ref_l in ev.process.company.lower()]
    return hits[0] if len(hits) == 1 else None


def explain(ev: Evaluation, store: Store, user: Identity) -> str:
    tz = ZoneInfo(user.timezone)
    p = ev.process
    out = [
        f"{p.company} — {p.role or 'role not stated'}  [{p.id}]",
        f"stage: {p.stage}   confidence: {p.confidence:.2f}" + ("   MUTED" if p.muted else ""),
    ]
    if p.decision_expected_by:
        out.append(f"decision promised by: {p.decision_expected_by.isoformat()}")
    elif p.decision_promised:
        out.append("decision promised: yes, no date given")
    for i in p.interviews:
        who = ", ".join(x.name or x.email for x in i.interviewers) or "interviewer not named"
        out.append(f"interview: {_short(i.start, tz)} – {i.end.astimezone(tz).strftime('%H:%M')} with {who}")
    out.append("")
    out.append("Messages:")
    for s in p.signals:
        r = s.reading
        facts = []
        if r.interview_start:
            facts.append(f"interview {_short(r.interview_start, tz)}")
        if r.decision_expected_by:
            facts.append(f"decision by {r.decision_expected_by.isoformat()}")
        elif r.promise:
            facts.append("vague promise")
        if r.interviewers:
            facts.append("interviewers " + ", ".join(x.email or x.name for x in r.interviewers))
        who = "you" if r.from_user else (s.sender.name or s.sender.email)
        out.append(f"  {_short(s.date, tz)}  {s.folder:5}  {r.kind:20} ({r.confidence:.2f})  from {who}")
        out.append(f"      subject: {s.subject}")
        if facts:
            out.append("      read: " + "; ".join(facts))
        if r.evidence:
            out.append("      because: " + " | ".join(r.evidence[:4]))
    out.append("")
    out.append("Actions:")
    if ev.next_action:
        out.append(f"  next: {ev.next_action.kind} due {_short(ev.next_action.due_at, tz)}")
    for label, actions in (("due now", ev.due), ("waiting", ev.waiting), ("window closed", ev.expired)):
        for a in actions:
            to = ", ".join(x.email for x in a.to) or "nobody (" + (a.blocked or "no address") + ")"
            out.append(f"  {label}: {a.kind} to {to} (due {_short(a.due_at, tz)}): {a.reason}")
    for reason in ev.reasons:
        out.append(f"  - {reason}")
    recs = store.actions(p.id)
    if recs:
        out.append("")
        out.append("Done so far:")
        for rec in recs:
            out.append(
                f"  {rec.kind}: {rec.state} {('to ' + ', '.join(rec.to)) if rec.to else ''} {rec.detail}"
            )
    notes = store.notes(p.id)
    if notes:
        out.append("")
        out.append("Your notes:")
        out.extend(f"  - {n}" for n in notes)
    if p.review:
        out.append("")
        out.append("Please check:")
        out.extend(f"  - {n}" for n in p.review)
    return "\n".join(out)
