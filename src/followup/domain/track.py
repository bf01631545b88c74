"""track: signals in, hiring processes out (pure; the clock is ``now``).

    [Signal] --group (track_group)--> buckets --replay interviews (track_interviews)
             --stage machine (track_stage) + promise + cap/stale--> [Process]

Signals dated after ``now`` are ignored, so replaying a mailbox's history with ``--as-of`` gives the
process as it stood then.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from followup.domain.model import Identity, Kind, Person, Process, Signal, Stage
from followup.domain.settings import PolicySettings
from followup.domain.track_group import Bucket, Threads, group
from followup.domain.track_horizon import Horizon, as_horizon
from followup.domain.track_interviews import InterviewReplay, replay_interviews
from followup.domain.track_people import (
    companies_match,
    departed,
    human_senders,
    is_users,
    normalise_company,
    slug,
)
from followup.domain.track_stage import EVENT_OF_KIND, Event, step

_TERMINAL = frozenset({Stage.OFFER, Stage.REJECTED, Stage.WITHDRAWN})
_CLEARS_PROMISE = frozenset({Kind.OFFER, Kind.REJECTION, Kind.WITHDRAWN, Kind.NEXT_ROUND})
_REOPENS = frozenset({Kind.INTERVIEW_INVITE, Kind.NEXT_ROUND, Kind.INTERVIEW_CONFIRMED, Kind.RESCHEDULE})
LOW_CONFIDENCE = 0.6


def track(
    signals: Sequence[Signal],
    user: Identity,
    settings: PolicySettings,
    now: datetime | Horizon,
    *,
    muted: Collection[str] = (),
) -> list[Process]:
    """Every hiring process in ``signals`` as of ``now``, most recent activity first.

    Pass a ``Horizon`` as ``now`` to learn until when the answer holds (``Horizon.changes_at``).
    """
    clock = as_horizon(now)
    current = [s for s in signals if clock.passed(s.date)]
    buckets, _dropped = group(current, user)
    threads = Threads(current)
    procs = [_build(b, threads, user, settings, clock, muted) for b in buckets]
    procs.sort(key=lambda p: p.signals[-1].date, reverse=True)
    return procs


def process_id(company: str, anchor_message_id: str) -> str:
    """Stable id: slug of the company + a short hash of the message that started the process."""
    digest = hashlib.sha256(anchor_message_id.encode("utf-8")).hexdigest()[:8]
    return f"{slug(company)}-{digest}"


@dataclass(frozen=True)
class _Promise:
    by: date | None
    promised: bool
    at: datetime | None  # when the awaited promise was made


def is_employer_word(sig: Signal, user: Identity, gone: Collection[str] = ()) -> bool:
    """A message from a person at the employer (directly, or behind a robot with a human Reply-To).

    Out-of-office replies, surveys and reminders from robots are not word from the employer, nor is mail
    from someone who has left it (``gone``: see ``track_people.departed``).
    """
    if sig.reading.from_user or is_users(sig.sender, user):
        return False
    if not human_senders(sig, user, gone):
        return False
    return not sig.reading.automated or sig.kind != Kind.OTHER


def _company_name(b: Bucket) -> str:
    # the employer's hiring mail names the process; its newsletters and the user's mail only if nothing else
    named = [s for s in b.signals if s.reading.company]
    names = [s.reading.company for s in named if not s.reading.from_user and s.kind != Kind.OTHER]
    names = names or [s.reading.company for s in named if not s.reading.from_user]
    names = names or [s.reading.company for s in named]
    if not names:
        return ""
    counts = Counter(names)

    def score(name: str) -> tuple[int, int, int]:
        key = normalise_company(name)
        # the fullest spelling first: "Redtail Aerospace" covers "Redtail Aero", "GmbH" kept
        covers = sum(
            counts[o]
            for o in counts
            if o != name
            and len(normalise_company(o)) <= len(key)
            and companies_match(normalise_company(o), key)
        )
        return covers, counts[name], len(name)

    return max(counts, key=score)


def _stage(
    signals: Sequence[Signal], replay: InterviewReplay, clock: Horizon
) -> tuple[Stage | None, list[str]]:
    events: list[tuple[datetime, int, Event]] = []
    user_withdrew = False
    for sig in signals:
        r = sig.reading
        if user_withdrew and r.kind in _REOPENS:
            continue  # only the employer's own hold or cancellation can be lifted by a new invitation
        if r.kind == Kind.RESCHEDULE:
            events.append((sig.date, 0, Event.CONFIRMED if r.interview_start else Event.SLOT_REMOVED))
        elif r.kind in EVENT_OF_KIND:
            if r.from_user and r.kind != Kind.WITHDRAWN:
                continue
            user_withdrew = user_withdrew or (r.from_user and r.kind == Kind.WITHDRAWN)
            events.append((sig.date, 0, EVENT_OF_KIND[r.kind]))
    for iv in replay.interviews:
        if clock.passed(iv.end):
            events.append((iv.end, 1, Event.ENDED))
    events.sort(key=lambda e: (e[0], e[1]))
    stage: Stage | None = None
    notes: list[str] = []
    for when, _, ev in events:
        stage, note = step(stage, ev)
        if note:
            notes.append(f"{when.date().isoformat()}: {note}")
    if stage not in _TERMINAL and any(clock.ahead(iv.end) for iv in replay.interviews):
        stage = Stage.SCHEDULED
    return stage, notes


def _promise(signals: Sequence[Signal], replay: InterviewReplay) -> _Promise:
    by: date | None = None
    promised = False
    at: datetime | None = None
    for sig in signals:
        r = sig.reading
        if r.from_user and r.kind != Kind.WITHDRAWN:
            continue
        if r.kind == Kind.DECISION_TIMELINE or (r.promise and r.kind not in _CLEARS_PROMISE):
            if r.decision_expected_by is not None:
                by, promised, at = r.decision_expected_by, True, sig.date
            elif by is None:
                promised, at = True, sig.date
        elif r.kind in _CLEARS_PROMISE:
            by, promised, at = None, False, None
    if at is not None and any(c > at for c in replay.confirmed_at):
        return _Promise(None, False, None)  # a new interview was fixed since: the promise is spent
    return _Promise(by, promised, at)


def _contacts(
    signals: Sequence[Signal], replay: InterviewReplay, user: Identity, gone: Collection[str]
) -> tuple[Person, ...]:
    seen: dict[str, Person] = {}
    for sig in signals:
        for a in human_senders(sig, user, gone):
            seen.setdefault(a.email, Person(a.name, a.email))
    for iv in replay.interviews:
        for p in iv.interviewers:
            if p.email:
                seen.setdefault(p.email, p)
    return tuple(seen.values())


def _build(
    b: Bucket,
    threads: Threads,
    user: Identity,
    settings: PolicySettings,
    clock: Horizon,
    muted: Collection[str],
) -> Process:
    sigs = tuple(sorted(b.signals, key=lambda s: (s.date, s.message_id)))
    company = _company_name(b)
    # named from the message that started the process, not the process's current name: a later, better
    # spelling of the company must not rename the process (its action keys, and so its drafts' idempotency,
    # and a mute by id hang on it)
    pid = process_id(b.anchor.reading.company or company or b.anchor.sender.email, b.anchor.message_id)
    replay = replay_interviews(sigs, user, threads.of)
    stage, notes = _stage(sigs, replay, clock)
    promise = _promise(sigs, replay)
    review = list(notes) + list(replay.notes)

    user_mail = [s for s in sigs if s.reading.from_user or is_users(s.sender, user)]
    follow_ups = [s for s in user_mail if s.kind == Kind.USER_FOLLOW_UP]
    started = [iv for iv in replay.interviews if clock.passed(iv.start)]
    thank_you_sent = bool(started) and any(s.date >= started[-1].start for s in user_mail)

    employer = [s for s in sigs if not (s.reading.from_user or is_users(s.sender, user))]
    gone = departed(sigs, user)
    humans = [s for s in employer if human_senders(s, user, gone)]
    words = [s for s in employer if is_employer_word(s, user, gone)]

    if stage is None:
        stage = Stage.APPLIED
    if (
        stage in (Stage.INTERVIEWED, Stage.APPLIED)
        and len(follow_ups) >= settings.max_follow_ups
        and not any(w.date > follow_ups[-1].date for w in words)
        and clock.passed(follow_ups[-1].date + timedelta(days=settings.stale_after_days))
    ):
        stage = Stage.STALE

    for s in sigs:
        if s.reading.confidence < LOW_CONFIDENCE:
            review.append(
                f"{s.date.date().isoformat()}: unsure this is {s.kind.value} ({s.reading.confidence:.2f})"
            )
    is_muted = pid in muted or any(settings.mute_keyword in s.keywords for s in sigs)
    return Process(
        id=pid,
        company=company,
        role=b.role,
        stage=stage,
        signals=sigs,
        interviews=replay.interviews,
        contacts=_contacts(sigs, replay, user, gone),
        decision_expected_by=promise.by,
        decision_promised=promise.promised,
        thank_you_sent=thank_you_sent,
        follow_ups_sent=len(follow_ups),
        last_employer_human=humans[-1] if humans else None,
        last_employer=employer[-1] if employer else None,
        muted=is_muted,
        confidence=min((s.reading.confidence for s in sigs), default=1.0),
        review=tuple(review),
    )
