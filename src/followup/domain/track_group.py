"""Grouping signals into hiring processes.

Threads first (Message-ID / In-Reply-To / References, Gmail thread ids), then the employer: its
normalised name or its own mail domain (never an ATS domain). Two roles at one company are two
processes; a message that names no role joins the process whose thread or people it shares, else the
company's most recent active process.

Only employer hiring mail creates a process (pass 1). The user's mail and mail of kind ``other`` only
join processes that exist (pass 2): look-alikes, job alerts and the user's unrelated mail never make one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from followup.domain.model import Identity, Kind, Signal
from followup.domain.track_people import (
    companies_match,
    domain_names_company,
    domain_of,
    human_senders,
    is_relay_domain,
    is_robot_address,
    is_users,
    normalise_company,
    roles_match,
)

_CLOSED_KINDS = frozenset({Kind.REJECTION, Kind.WITHDRAWN})


class Threads:
    """Union-find over message ids and backend thread ids: which messages belong to one conversation."""

    def __init__(self, signals: Sequence[Signal]) -> None:
        self._parent: dict[str, str] = {}
        for s in signals:
            me = "m:" + s.message_id
            self._find(me)
            for other in (s.in_reply_to, *s.references):
                if other:
                    self._union(me, "m:" + other)
            if s.thread_id:
                self._union(me, f"t:{s.account}:{s.thread_id}")

    def _find(self, x: str) -> str:
        self._parent.setdefault(x, x)
        root = x
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[x] != root:
            self._parent[x], x = root, self._parent[x]
        return root

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def of(self, s: Signal) -> str:
        return self._find("m:" + s.message_id)


@dataclass
class Bucket:
    anchor: Signal  # the employer message that created the process
    role: str
    company_keys: set[str] = field(default_factory=set)  # every spelling of the employer's name seen
    signals: list[Signal] = field(default_factory=list)
    threads: set[str] = field(default_factory=set)
    people: set[str] = field(default_factory=set)  # employer humans and interviewers (lower-case)
    domains: set[str] = field(default_factory=set)  # the employer's own mail domains

    @property
    def last(self) -> datetime:
        return self.signals[-1].date

    @property
    def active(self) -> bool:
        hiring = [s for s in self.signals if s.kind not in (Kind.OTHER,) and not s.reading.from_user]
        user_withdrew = any(s.kind == Kind.WITHDRAWN and s.reading.from_user for s in self.signals)
        return not user_withdrew and not (hiring and hiring[-1].kind in _CLOSED_KINDS)


def _same_employer(b: Bucket, key: str, dom: str) -> bool:
    """Looser: name spellings that extend one another, or a domain that spells the name."""
    if key and any(companies_match(key, k) for k in b.company_keys):
        return True
    if key and any(domain_names_company(d, key) for d in b.domains):
        return True
    return bool(dom) and any(domain_names_company(dom, k) for k in b.company_keys)


def _employer_domain(s: Signal) -> str:
    d = s.reading.company_domain.lower().strip()
    return "" if not d or is_relay_domain(d) else d


def _addresses(s: Signal, user: Identity) -> set[str]:
    """The non-robot, non-user people a message is from (employer mail) or to (the user's mail)."""
    if s.reading.from_user or is_users(s.sender, user):
        cands = [*s.to, *s.cc]
        return {a.email for a in cands if not is_robot_address(a.email) and not is_users(a, user)}
    return {a.email for a in human_senders(s, user)}


class Grouper:
    def __init__(self, signals: Sequence[Signal], user: Identity) -> None:
        self.user = user
        self.threads = Threads(signals)
        self.buckets: list[Bucket] = []
        self.dropped: list[Signal] = []

    def _add(self, b: Bucket, s: Signal) -> None:
        b.signals.append(s)
        b.signals.sort(key=lambda x: x.date)
        b.threads.add(self.threads.of(s))
        b.people |= _addresses(s, self.user)
        if not s.reading.from_user:
            b.people |= {p.email for p in s.reading.interviewers if p.email and not is_robot_address(p.email)}
            b.people -= set(self.user.addresses)
            d = _employer_domain(s)
            if d:
                b.domains.add(d)
            key = normalise_company(s.reading.company)
            if key:
                b.company_keys.add(key)
            if not b.role and s.reading.role:
                b.role = s.reading.role

    def _by_thread(self, s: Signal) -> Bucket | None:
        root = self.threads.of(s)
        hits = [b for b in self.buckets if root in b.threads]
        return max(hits, key=lambda b: b.last) if hits else None

    def _by_company(self, s: Signal) -> list[Bucket]:
        key = normalise_company(s.reading.company)
        dom = _employer_domain(s)
        exact = [b for b in self.buckets if (key and key in b.company_keys) or (dom and dom in b.domains)]
        if exact:
            return exact
        return [b for b in self.buckets if _same_employer(b, key, dom)]

    def _pick(self, s: Signal, cands: list[Bucket], *, may_create: bool) -> Bucket | None:
        """Among one employer's processes, the one ``s`` belongs to (None: a new process, or none)."""
        role = s.reading.role if not s.reading.from_user else ""
        if may_create and s.kind == Kind.APPLICATION_ACK:
            # a new acknowledgement after a rejection or withdrawal is a new application, not the old one
            cands = [b for b in cands if b.active]
            if not cands:
                return None
        if role:
            same = [b for b in cands if roles_match(b.role, role, s.reading.company)]
            if same:
                return max(same, key=lambda b: b.last)
            unroled = [b for b in cands if not b.role]
            if unroled:
                return max(unroled, key=lambda b: b.last)
            if may_create:
                return None
        people = _addresses(s, self.user)
        shared = [b for b in cands if b.people & people]
        if shared:
            return max(shared, key=lambda b: b.last)
        active = [b for b in cands if b.active]
        pool = active or cands
        return max(pool, key=lambda b: b.last) if pool else None

    def _place(self, s: Signal, *, may_create: bool) -> None:
        b = self._by_thread(s)
        if b is None:
            cands = self._by_company(s)
            if not cands and not s.reading.company:
                cands = self._by_people(s)
            b = self._pick(s, cands, may_create=may_create) if cands else None
        if b is None:
            if may_create and (s.reading.company or _employer_domain(s)):
                b = Bucket(anchor=s, role="")
                self.buckets.append(b)
            else:
                self.dropped.append(s)
                return
        self._add(b, s)

    def _by_people(self, s: Signal) -> list[Bucket]:
        people = _addresses(s, self.user)
        return [b for b in self.buckets if b.people & people] if people else []

    def run(self, signals: Sequence[Signal]) -> list[Bucket]:
        ordered = sorted(signals, key=lambda x: (x.date, x.message_id))
        creators = [s for s in ordered if not s.reading.from_user and s.kind != Kind.OTHER]
        creator_ids = {id(s) for s in creators}
        for s in creators:
            self._place(s, may_create=True)
        for s in ordered:
            if id(s) not in creator_ids:
                self._place(s, may_create=False)
        return self.buckets


def group(signals: Sequence[Signal], user: Identity) -> tuple[list[Bucket], list[Signal]]:
    """Buckets of signals, one per hiring process, and the signals that belong to none."""
    g = Grouper(signals, user)
    buckets = g.run(signals)
    return buckets, g.dropped


__all__ = ["Bucket", "Threads", "domain_of", "group"]
