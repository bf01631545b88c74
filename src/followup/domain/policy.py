"""policy: which actions a process calls for, and when (pure; all numbers from PolicySettings).

    thank_you           interview end + 2 h, unless the user wrote to the company since it began;
                        one per interviewer with an address, else one to the arranger; closes 4 days on
    decision_follow_up  09:00 on the promised date + 5 business days; employer word after the promise
                        can only push it later
    check_in            no (unanswered) promise: 8 days after the last interview or the last employer
                        word; 10 days after the user's follow-up when still no answer; cap of 2 sent
    feedback_request    09:00 the day after a rejection that came after an interview
    offer_reply         as soon as an offer arrives (one per offer)

Follow-ups fall at 09:00 user time on a business day; the thank-you and the offer reply do not wait.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from followup.domain.model import Action, ActionKind, Identity, Interview, Kind, Process, Signal, Stage
from followup.domain.policy_recipients import follow_up_recipient, thank_you_recipients
from followup.domain.policy_time import add_business_days, days_after, follow_up_at, user_zone
from followup.domain.settings import PolicySettings
from followup.domain.track import is_employer_word
from followup.domain.track_horizon import Horizon, as_horizon
from followup.domain.track_people import departed, is_users

NO_HUMAN = "no person at the employer is known by address (only robot senders)"


@dataclass(frozen=True)
class Evaluation:
    process: Process
    next_action: Action | None  # the earliest open action, drafted or not
    due: tuple[Action, ...]  # due_at <= now and window open: to draft now
    waiting: tuple[Action, ...]  # open actions due later
    expired: tuple[Action, ...]  # e.g. thank-you window closed
    reasons: tuple[str, ...]  # why each action is or is not due, in words


def action_key(process_id: str, kind: ActionKind, *parts: str) -> str:
    """A stable idempotency key: the same facts give the same key, in any scan, on any machine."""
    digest = hashlib.sha256("\x1f".join((process_id, str(kind), *parts)).encode("utf-8")).hexdigest()
    return f"{process_id}.{kind}.{digest[:16]}"


def _fmt(when: datetime, tz: tzinfo) -> str:
    return when.astimezone(tz).strftime("%a %d %b %Y %H:%M")


class _Ctx:
    def __init__(self, process: Process, user: Identity, settings: PolicySettings, clock: Horizon) -> None:
        self.p, self.user, self.s, self.clock = process, user, settings, clock
        self.tz = user_zone(user.timezone)
        self.sigs = [x for x in process.signals if clock.passed(x.date)]
        self.user_mail = [x for x in self.sigs if x.reading.from_user or is_users(x.sender, user)]
        gone = departed(self.sigs, user)
        self.words = [x for x in self.sigs if is_employer_word(x, user, gone)]
        self.open: list[Action] = []
        self.expired: list[Action] = []
        self.reasons: list[str] = []

    def user_wrote_since(self, when: datetime) -> Signal | None:
        after = [x for x in self.user_mail if x.date >= when]
        return after[0] if after else None

    def reply_target(self) -> Signal | None:
        return self.p.last_employer_human or self.p.last_employer

    def follow_up(self, kind: ActionKind, key_parts: tuple[str, ...], due: datetime, reason: str) -> Action:
        to, reply_to = follow_up_recipient(self.p, self.user)
        return Action(
            kind=kind,
            process_id=self.p.id,
            key=action_key(self.p.id, kind, *key_parts),
            due_at=due,
            to=to,
            reason=reason,
            reply_to=reply_to or self.reply_target(),
            blocked="" if to else NO_HUMAN,
        )


def _thank_yous(c: _Ctx) -> None:
    s = c.s
    for iv in c.p.interviews:
        label = f"interview of {_fmt(iv.start, c.tz)}"
        wrote = c.user_wrote_since(iv.start)
        if wrote is not None:
            c.reasons.append(
                f"thank_you: not needed for the {label}: you wrote to them on {_fmt(wrote.date, c.tz)}"
            )
            continue
        if c.p.stage in (Stage.OFFER, Stage.REJECTED, Stage.WITHDRAWN):
            c.reasons.append(f"thank_you: none for the {label}: the process is {c.p.stage.value}")
            continue
        due = iv.end + timedelta(hours=s.thank_you_delay_hours)
        closes = iv.end + timedelta(days=s.thank_you_window_days)
        for person, to, reply_to, why in thank_you_recipients(c.p, iv, c.user):
            act = Action(
                kind=ActionKind.THANK_YOU,
                process_id=c.p.id,
                key=action_key(c.p.id, ActionKind.THANK_YOU, _utc(iv), to[0].email if to else "nobody"),
                due_at=due,
                to=to,
                reason=f"thank-you {why} for the {label}, {s.thank_you_delay_hours:g} h after it ended",
                reply_to=reply_to or c.reply_target(),
                interview=iv,
                interviewer=person,
                blocked="" if to else NO_HUMAN,
                closes_at=closes,
            )
            if c.clock.passed(closes):
                c.expired.append(act)
                c.reasons.append(f"thank_you: too late for the {label} (window closed {_fmt(closes, c.tz)})")
            else:
                c.open.append(act)


def _utc(iv: Interview) -> str:
    return iv.start.astimezone(user_zone("UTC")).strftime("%Y-%m-%dT%H:%MZ")


def _offer_reply(c: _Ctx) -> None:
    if c.p.stage != Stage.OFFER:
        return
    offers = [x for x in c.sigs if x.kind == Kind.OFFER and not x.reading.from_user]
    if not offers:
        return
    first = offers[0]
    for x in c.sigs:  # the first offer since the process last left the offer stage
        if x.date > first.date and x.kind in (Kind.REJECTION, Kind.WITHDRAWN):
            later = [o for o in offers if o.date > x.date]
            first = later[0] if later else first
    wrote = c.user_wrote_since(first.date)
    if wrote is not None:
        c.reasons.append(f"offer_reply: you answered the offer on {_fmt(wrote.date, c.tz)}")
        return
    c.open.append(
        c.follow_up(
            ActionKind.OFFER_REPLY,
            (first.message_id,),
            first.date,
            f"an offer arrived on {_fmt(first.date, c.tz)}: acknowledge it and say when you will answer",
        )
    )


def _feedback_request(c: _Ctx) -> None:
    if c.p.stage != Stage.REJECTED:
        return
    rejections = [x for x in c.sigs if x.kind == Kind.REJECTION]
    if not rejections:
        return
    rej = rejections[-1]
    if not any(iv.start < rej.date for iv in c.p.interviews):
        c.reasons.append("feedback_request: none, the rejection came before any interview")
        return
    wrote = c.user_wrote_since(rej.date)
    if wrote is not None:
        c.reasons.append(f"feedback_request: you wrote after the rejection ({_fmt(wrote.date, c.tz)})")
        return
    due = days_after(rej.date, c.s.feedback_delay_days, c.s, c.tz)
    c.open.append(
        c.follow_up(
            ActionKind.FEEDBACK_REQUEST,
            (rej.message_id,),
            due,
            f"rejected on {_fmt(rej.date, c.tz)} after an interview: ask for feedback a day later",
        )
    )


def _follow_ups(c: _Ctx) -> None:
    p, s = c.p, c.s
    if p.stage == Stage.STALE:
        c.reasons.append(f"follow-ups: {p.follow_ups_sent} sent with no answer; time to move on")
        return
    if p.stage not in (Stage.INTERVIEWED, Stage.APPLIED):
        return
    sent = [x for x in c.user_mail if x.kind == Kind.USER_FOLLOW_UP]
    if len(sent) >= s.max_follow_ups:
        c.reasons.append(f"follow-ups: the cap of {s.max_follow_ups} is reached; no more will be drafted")
        return
    promise = _promise_signal(c)
    if promise is not None and p.decision_expected_by is not None:
        if not any(f.date > promise.date for f in sent):
            _decision_follow_up(c, promise)
            return
    ended = [iv for iv in p.interviews if c.clock.passed(iv.end)]
    if not ended:
        c.reasons.append("check_in: none before an interview has taken place")
        return
    last_iv = max(ended, key=lambda iv: iv.end)
    if not sent:
        later = [w for w in c.words if w.date > last_iv.end]
        if later:
            basis, base_id, days = later[-1].date, later[-1].message_id, s.check_in_days
            why = f"{s.check_in_days} days after the employer's last word ({_fmt(basis, c.tz)})"
        else:
            basis, base_id, days = (
                last_iv.end,
                last_iv.source_message_id + "@" + _utc(last_iv),
                s.check_in_days,
            )
            why = f"{s.check_in_days} days after the last interview ({_fmt(basis, c.tz)})"
    else:
        last = sent[-1]
        later = [w for w in c.words if w.date > last.date]
        if later:
            basis, base_id, days = later[-1].date, later[-1].message_id, s.check_in_days
            why = f"{s.check_in_days} days after the employer's answer ({_fmt(basis, c.tz)}) gave no date"
        else:
            basis, base_id, days = last.date, last.message_id, s.second_follow_up_days
            why = (
                f"{s.second_follow_up_days} days after your follow-up of {_fmt(basis, c.tz)}, still no answer"
            )
    due = days_after(basis, days, s, c.tz)
    if p.decision_expected_by is not None:
        due = max(due, follow_up_at(p.decision_expected_by, s, c.tz))
    ordinal = str(len(sent) + 1)
    c.open.append(c.follow_up(ActionKind.CHECK_IN, (ordinal, base_id), due, f"check-in #{ordinal}: {why}"))


def _promise_signal(c: _Ctx) -> Signal | None:
    d = c.p.decision_expected_by
    if d is None:
        return None
    hits = [x for x in c.sigs if x.reading.decision_expected_by == d and not x.reading.from_user]
    return hits[-1] if hits else None


def _decision_follow_up(c: _Ctx, promise: Signal) -> None:
    s, d = c.s, c.p.decision_expected_by
    assert d is not None
    due = follow_up_at(add_business_days(d, s.decision_grace_business_days, s), s, c.tz)
    why = f"they promised a decision by {d.isoformat()}; {s.decision_grace_business_days} business days later"
    later = [w for w in c.words if w.date > promise.date]
    if later:
        pushed = days_after(later[-1].date, s.check_in_days, s, c.tz)
        if pushed > due:
            due = pushed
            why += f", and {s.check_in_days} days after their last word ({_fmt(later[-1].date, c.tz)})"
    c.open.append(c.follow_up(ActionKind.DECISION_FOLLOW_UP, (d.isoformat(),), due, why))


def evaluate(
    process: Process, user: Identity, settings: PolicySettings, now: datetime | Horizon
) -> Evaluation:
    """The actions ``process`` calls for as of ``now``: due, waiting, expired, and why.

    Pass a ``Horizon`` as ``now`` to learn until when the answer holds (``Horizon.changes_at``).
    """
    clock = as_horizon(now)
    c = _Ctx(process, user, settings, clock)
    _thank_yous(c)
    _offer_reply(c)
    _feedback_request(c)
    _follow_ups(c)
    opened = sorted(c.open, key=lambda a: (a.due_at, a.kind, a.key))
    if process.muted:
        # the user silenced it: followup takes no action and waits on none (explain still says why)
        for a in opened:
            c.reasons.append(f"{a.kind}: muted: would be due {_fmt(a.due_at, c.tz)}: {a.reason}")
        c.reasons.append("muted: nothing will be drafted for this process")
        return Evaluation(process, None, (), (), tuple(c.expired), tuple(c.reasons))
    is_due = [clock.passed(a.due_at) for a in opened]
    due = tuple(a for a, d in zip(opened, is_due, strict=True) if d)
    waiting = tuple(a for a, d in zip(opened, is_due, strict=True) if not d)
    for a, d in zip(opened, is_due, strict=True):
        state = "due now" if d else f"due {_fmt(a.due_at, c.tz)}"
        to = ", ".join(x.email for x in a.to) or a.blocked
        c.reasons.append(f"{a.kind}: {state}: {a.reason} -> {to}")
    if not opened and process.stage in (Stage.APPLIED, Stage.SCHEDULING):
        c.reasons.append("nothing to do: the ball is with the employer or with you (scheduling)")
    return Evaluation(
        process=process,
        next_action=opened[0] if opened else None,
        due=due,
        waiting=waiting,
        expired=tuple(c.expired),
        reasons=tuple(c.reasons),
    )
