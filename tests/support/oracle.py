"""A test oracle for track + policy: Signals built straight from a scenario's labels.

The kind, company, role, interview times, interviewers and decision date come from scenario.toml's
labels; the headers (From, To, Cc, Reply-To, Date, Message-ID, In-Reply-To, References) from the .eml
read with the standard library. This isolates the tracker and the policy from the classifier.

``replay`` runs a scenario's steps as the scan service would: signals of the files added so far,
``now = as_of``, keys already drafted are not drafted again, and step 1 is a first run (due actions older
than ``now - backfill_grace_hours`` are held back forever). A step's ``mute`` (a list of files) flags those
messages with the mute keyword from that step on.
"""

from __future__ import annotations

import email
import email.policy
import re
import tomllib
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from email.message import EmailMessage
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path
from typing import Any

from followup.domain.model import Address, Identity, Kind, Person, Process, Reading, Signal
from followup.domain.policy import evaluate
from followup.domain.settings import PolicySettings
from followup.domain.track import track
from followup.domain.track_people import (
    companies_match,
    domain_of,
    is_relay_domain,
    is_robot_address,
    normalise_company,
    roles_match,
)
from tests.support.corpus import Scenario

_AUTO_SUBJECT = re.compile(
    r"^(automatic reply|auto[- ]?reply|out of (the )?office|automatische antwort|abwesenheitsnotiz|"
    r"r[ée]ponse automatique)\b",
    re.I,
)


def _ids(value: str | None) -> list[str]:
    return re.findall(r"<([^<>\s]+)>", value or "")


def _addrs(msg: EmailMessage, header: str) -> tuple[Address, ...]:
    values = [str(v) for v in msg.get_all(header, [])]
    return tuple(Address(n, e.lower()) for n, e in getaddresses(values) if e)


def _calendar(msg: EmailMessage) -> tuple[str, int]:
    for part in msg.walk():
        if part.get_content_type() in ("text/calendar", "application/ics"):
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes):
                continue
            text = re.sub(r"\r?\n[ \t]", "", payload.decode("utf-8", "replace"))
            event = text.split("BEGIN:VEVENT", 1)[-1]
            uid = re.search(r"^UID[^:]*:(.+)$", event, re.M)
            seq = re.search(r"^SEQUENCE[^:]*:(\d+)", event, re.M)
            return (uid.group(1).strip() if uid else ""), (int(seq.group(1)) if seq else 0)
    return "", 0


def _automated(msg: EmailMessage, sender: Address) -> bool:
    auto = str(msg.get("Auto-Submitted", "no")).strip().lower()
    prec = str(msg.get("Precedence", "")).strip().lower()
    return (
        is_robot_address(sender.email)
        or auto not in ("", "no")
        or prec in ("auto_reply", "bulk", "list", "junk")
        or bool(_AUTO_SUBJECT.match(str(msg.get("Subject", ""))))
    )


def build_signal(sc: Scenario, label: dict[str, Any]) -> Signal:
    rel = label["file"]
    msg = email.message_from_bytes(sc.raw(rel), policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    user_email = sc.user["email"].lower()
    senders = _addrs(msg, "From")
    sender = senders[0] if senders else Address("", "")
    reply_to, to, cc = _addrs(msg, "Reply-To"), _addrs(msg, "To"), _addrs(msg, "Cc")
    names = {a.email: a.name for a in (*senders, *reply_to, *to, *cc)}
    from_user = sender.email == user_email
    company = label.get("company", "")
    company_domain = ""
    if company and not from_user:
        for cand in (sender, *reply_to):
            d = domain_of(cand.email)
            if cand.email and not is_relay_domain(d) and not is_robot_address(cand.email):
                company_domain = d
                break
    uid, seq = _calendar(msg)

    def when(key: str) -> datetime | None:
        v = label.get(key)
        return datetime.fromisoformat(v) if v else None

    decision = label.get("decision_expected_by") or ""
    kind = Kind(label["kind"])
    reading = Reading(
        kind=kind,
        confidence=1.0,
        evidence=("label",),
        company=company,
        role=label.get("role", ""),
        interview_start=when("interview_start"),
        interview_end=when("interview_end"),
        interviewers=tuple(
            Person(names.get(e.lower(), ""), e.lower()) for e in label.get("interviewers", [])
        ),
        decision_expected_by=date.fromisoformat(decision) if decision else None,
        promise=kind == Kind.DECISION_TIMELINE,
        calendar_uid=uid,
        calendar_sequence=seq,
        from_user=from_user,
        automated=not from_user and _automated(msg, sender),
        company_domain=company_domain,
    )
    mid = (_ids(msg.get("Message-ID")) or [rel])[0]
    irt = _ids(msg.get("In-Reply-To"))
    dt = parsedate_to_datetime(str(msg["Date"]))
    return Signal(
        ref=f"oracle:{sc.name}:{rel}",
        account="main",
        folder="sent" if rel.startswith("Sent/") else "inbox",
        message_id=mid,
        thread_id="",
        in_reply_to=irt[0] if irt else "",
        references=tuple(_ids(msg.get("References"))),
        date=dt,
        sender=sender,
        reply_to=reply_to,
        to=to,
        cc=cc,
        subject=str(msg.get("Subject", "")),
        reading=reading,
    )


def user_of(sc: Scenario) -> Identity:
    return Identity(sc.user["name"], (sc.user["email"].lower(),), sc.user["timezone"])


@dataclass
class StepResult:
    index: int
    as_of: str
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class ScenarioResult:
    name: str
    steps: list[StepResult]

    @property
    def passed(self) -> int:
        return sum(s.ok for s in self.steps)

    @property
    def ok(self) -> bool:
        return all(s.ok for s in self.steps)


def _match(expected: dict[str, Any], procs: list[Process], used: Collection[str] = ()) -> Process | None:
    """The one process ``expected`` describes: same company, then role; when one role was applied to twice
    (a re-application after a rejection), the process not yet matched whose stage is the expected one."""
    key = normalise_company(expected["company"])
    same = [p for p in procs if normalise_company(p.company) == key]
    same = same or [p for p in procs if companies_match(normalise_company(p.company), key)]
    role = expected.get("role", "")
    if role and len(same) > 1:
        same = [p for p in same if roles_match(p.role, role)] or same
    if len(same) > 1:
        same = [p for p in same if p.id not in used] or same
    if len(same) > 1:
        same = [p for p in same if p.stage.value == expected.get("stage")] or same
    return same[0] if len(same) == 1 else None


def replay(
    sc: Scenario, settings: PolicySettings | None = None, signals: dict[str, Signal] | None = None
) -> ScenarioResult:
    """Replay ``sc``'s steps; ``signals`` (file -> Signal) replaces the label-built ones when given."""
    settings = settings or PolicySettings()
    user = user_of(sc)
    by_file = signals if signals is not None else {lab["file"]: build_signal(sc, lab) for lab in sc.labels}
    added: list[str] = []
    muted: set[str] = set()  # files the user flagged with the mute keyword (a step's ``mute``)
    handled: set[str] = set()  # drafted or held back
    results: list[StepResult] = []
    flag = frozenset({settings.mute_keyword})
    for i, st in enumerate(sc.steps):
        added += st.get("add", [])
        muted |= set(st.get("mute", []))
        now = datetime.fromisoformat(st["as_of"])
        res = StepResult(i + 1, st["as_of"])
        sigs = [
            replace(by_file[f], keywords=by_file[f].keywords | flag) if f in muted else by_file[f]
            for f in added
        ]
        procs = track(sigs, user, settings, now)
        evs = {p.id: evaluate(p, user, settings, now) for p in procs}
        expected = st.get("expect_processes", [])
        if len(procs) != len(expected):
            res.problems.append(
                f"{len(procs)} processes, expected {len(expected)}: {[p.company for p in procs]}"
            )
        used: set[str] = set()
        for exp in expected:
            p = _match(exp, procs, used)
            if p is None:
                res.problems.append(f"no single process for {exp['company']} / {exp.get('role', '')}")
                continue
            used.add(p.id)
            got_na = evs[p.id].next_action
            got = {
                "stage": p.stage.value,
                "decision_expected_by": p.decision_expected_by.isoformat() if p.decision_expected_by else "",
                "next_action": got_na.kind.value if got_na else "",
            }
            for k, v in got.items():
                if exp.get(k, "") != v:
                    res.problems.append(f"{exp['company']}: {k} = {v!r}, expected {exp.get(k, '')!r}")
        new: list[tuple[str, tuple[str, ...]]] = []
        grace = now - timedelta(hours=settings.backfill_grace_hours)
        for ev in evs.values():
            for a in ev.due:
                if a.key in handled or a.blocked or ev.process.muted:
                    continue
                handled.add(a.key)
                if i == 0 and a.due_at < grace:
                    continue  # first run: reported, never drafted
                new.append((a.kind.value, tuple(sorted(x.email for x in a.to))))
        want = Counter(
            (d["kind"], tuple(sorted(e.lower() for e in d.get("to", []))))
            for d in st.get("expect_drafts", [])
        )
        got_d = Counter(new)
        if want != got_d:
            res.problems.append(f"drafts {sorted(got_d.elements())}, expected {sorted(want.elements())}")
        results.append(res)
    return ScenarioResult(sc.name, results)


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "scenarios"


def fixture_scenarios() -> list[Scenario]:
    """The held-out scenarios shipped in tests/fixtures/scenarios (same format as the shared corpus)."""
    out = []
    for d in sorted(FIXTURES.iterdir()) if FIXTURES.is_dir() else []:
        if (d / "scenario.toml").is_file():
            out.append(Scenario(d.name, d, tomllib.loads((d / "scenario.toml").read_text("utf-8"))))
    return out
