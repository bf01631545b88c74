"""Replay a labelled scenario step by step through the real product and compare with its expectations.

Two ways to reach the mailbox: ``memory`` (the in-memory backend, fast, for unit-level regression) and
``imap`` (a throwaway Dovecot, mail delivered by APPEND, the product run as the CLI would run it).
"""

from __future__ import annotations

import email
import re
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from email import policy
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path
from typing import Any

from tests.support.corpus import Scenario

_SUFFIXES = {
    "gmbh", "inc", "llc", "ltd", "limited", "plc", "ag", "se", "co", "corp", "corporation", "llp", "sa", "bv",
    "nv", "na", "pty", "pte", "srl", "sas", "oy", "ab", "kg", "ug", "ev", "company", "the",
    # Spanish, French and Italian forms people leave out when they say the name ("Arenal Software")
    "sl", "slu", "sau", "sarl", "spa",
}


def norm_company(name: str) -> str:
    """Loose company key: case, punctuation and legal suffixes ("GmbH", "Inc.", ", N.A.") ignored."""
    words = re.sub(r"[^a-z0-9]+", " ", name.lower().replace(".", "")).split()
    return " ".join(w for w in words if w not in _SUFFIXES)


def norm_role(name: str) -> str:
    s = re.sub(r"\((m/w/d|w/m/d|m/f/d|f/m/d|all genders)\)", "", name.lower())
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def roles_match(expected: str, got: str) -> bool:
    e, g = norm_role(expected), norm_role(got)
    if not e:
        return True
    if not g:
        return False
    if e == g or e in g or g in e:
        return True
    initials = "".join(w[0] for w in e.split())
    return g.replace(" ", "") == initials or set(e.split()) <= set(g.split())


def config_text(
    scn: Scenario, store: Path, *, host: str = "127.0.0.1", port: int = 143, password_file: Path | None = None
) -> str:
    u = scn.user
    pw = f'password_command = "cat {password_file}"' if password_file else 'password_command = "echo secret"'
    return f"""
[identity]
name = "{u["name"]}"
addresses = ["{u["email"]}"]
timezone = "{u["timezone"]}"

[[accounts]]
name = "main"
backend = "imap"
host = "{host}"
port = {port}
security = "plain"
username = "{u["email"]}"
{pw}

[store]
path = "{store}"
"""


def header_date(raw: bytes) -> datetime | None:
    msg = email.message_from_bytes(raw, policy=policy.compat32)
    try:
        return parsedate_to_datetime(msg["Date"]) if msg["Date"] else None
    except (TypeError, ValueError):
        return None


@dataclass
class DraftSeen:
    kind: str
    to: tuple[str, ...]
    key: str


def read_drafts(raws: list[bytes]) -> list[DraftSeen]:
    out = []
    for raw in raws:
        msg = email.message_from_bytes(raw, policy=policy.compat32)
        to = tuple(sorted(a.lower() for _, a in getaddresses(msg.get_all("To", []) + msg.get_all("Cc", []))))
        out.append(DraftSeen(str(msg.get("X-Followup-Kind", "")), to, str(msg.get("X-Followup-Key", ""))))
    return out


@dataclass
class StepResult:
    scenario: str
    step: int
    as_of: str
    process_checks: list[tuple[str, bool, str]] = field(default_factory=list)  # (what, ok, detail)
    expected_drafts: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    new_drafts: list[DraftSeen] = field(default_factory=list)
    extra_processes: list[str] = field(default_factory=list)

    @property
    def drafts_ok(self) -> bool:
        got = sorted((d.kind, d.to) for d in self.new_drafts)
        return got == sorted(self.expected_drafts)

    @property
    def ok(self) -> bool:
        return self.drafts_ok and all(ok for _, ok, _ in self.process_checks) and not self.extra_processes


def compare_step(
    scn: Scenario, index: int, step: dict[str, Any], status: dict[str, Any], new_drafts: list[DraftSeen]
) -> StepResult:
    res = StepResult(scn.name, index, step["as_of"], new_drafts=new_drafts)
    res.expected_drafts = [
        (d["kind"], tuple(sorted(a.lower() for a in d["to"]))) for d in step.get("expect_drafts", [])
    ]
    procs = list(status["processes"])
    used: set[int] = set()
    for exp in step.get("expect_processes", []):
        cands = [
            i
            for i, p in enumerate(procs)
            if i not in used and norm_company(p["company"]) == norm_company(exp["company"])
        ]
        if len(cands) > 1 and exp.get("role"):
            by_role = [i for i in cands if roles_match(exp["role"], procs[i]["role"])]
            cands = by_role or cands
        if len(cands) > 1:  # the same company and role twice (a re-application): tell them apart by stage
            cands = [i for i in cands if procs[i]["stage"] == exp["stage"]] or cands
        label = f"{exp['company']} / {exp.get('role', '')}"
        if not cands:
            res.process_checks.append((f"{label}: exists", False, "no such process"))
            continue
        i = cands[0]
        used.add(i)
        p = procs[i]
        res.process_checks.append(
            (f"{label}: stage", p["stage"] == exp["stage"], f"want {exp['stage']} got {p['stage']}")
        )
        want_date = exp.get("decision_expected_by", "") or None
        res.process_checks.append(
            (
                f"{label}: decision_expected_by",
                p["decision_expected_by"] == want_date,
                f"want {want_date} got {p['decision_expected_by']}",
            )
        )
        got_next = (p["next_action"] or {}).get("kind") or ""
        res.process_checks.append(
            (
                f"{label}: next_action",
                got_next == exp.get("next_action", ""),
                f"want {exp.get('next_action', '')!r} got {got_next!r}",
            )
        )
    res.extra_processes = [
        f"{p['company']} / {p['role']} ({p['stage']})" for i, p in enumerate(procs) if i not in used
    ]
    return res


def new_tmp_dir(prefix: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=prefix))
