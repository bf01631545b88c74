"""The stage machine of a hiring process: events in, (new stage, note) out.

Events are the process's messages (by kind) and the moments its interviews end, in time order. An event
that makes no sense in the current stage leaves the stage alone and says what happened in a note (shown
to the user for review), never an exception. ``stale`` is not an event: ``track`` sets it from the
follow-up cap and the clock.
"""

from __future__ import annotations

from enum import StrEnum

from followup.domain.model import Kind, Stage


class Event(StrEnum):
    ACK = "application acknowledged"
    INVITE = "asked to schedule"
    CONFIRMED = "interview fixed"
    SLOT_REMOVED = "interview called off with no new time"
    ENDED = "interview took place"
    NEXT_ROUND = "next round announced"
    REJECTION = "rejection"
    OFFER = "offer"
    WITHDRAWN = "withdrawn"


EVENT_OF_KIND: dict[Kind, Event] = {
    Kind.APPLICATION_ACK: Event.ACK,
    Kind.INTERVIEW_INVITE: Event.INVITE,
    Kind.INTERVIEW_CONFIRMED: Event.CONFIRMED,
    Kind.NEXT_ROUND: Event.NEXT_ROUND,
    Kind.REJECTION: Event.REJECTION,
    Kind.OFFER: Event.OFFER,
    Kind.WITHDRAWN: Event.WITHDRAWN,
}

_A, _SG, _SD, _I = Stage.APPLIED, Stage.SCHEDULING, Stage.SCHEDULED, Stage.INTERVIEWED
_O, _R, _W = Stage.OFFER, Stage.REJECTED, Stage.WITHDRAWN

# (stage, event) -> new stage. Missing pairs are not transitions: the stage stays and a note is made,
# except for the pairs in _QUIET (harmless repeats, e.g. an acknowledgement after an interview).
_OPEN_STAGES = (None, _A, _SG, _SD, _I, Stage.STALE)
TRANSITIONS: dict[tuple[Stage | None, Event], Stage] = {}
for _s in _OPEN_STAGES:
    TRANSITIONS.update(
        {
            (_s, Event.CONFIRMED): _SD,
            (_s, Event.ENDED): _I,
            (_s, Event.REJECTION): _R,
            (_s, Event.OFFER): _O,
            (_s, Event.WITHDRAWN): _W,
        }
    )
TRANSITIONS.update(
    {
        (None, Event.ACK): _A,
        (None, Event.INVITE): _SG,
        (None, Event.NEXT_ROUND): _SG,
        (None, Event.SLOT_REMOVED): _SG,
        (_A, Event.INVITE): _SG,
        (_A, Event.NEXT_ROUND): _SG,
        (_A, Event.SLOT_REMOVED): _SG,
        (_SG, Event.INVITE): _SG,
        (_SG, Event.NEXT_ROUND): _SG,
        (_SG, Event.SLOT_REMOVED): _SG,
        (_SD, Event.SLOT_REMOVED): _SG,
        (_I, Event.INVITE): _SG,
        (_I, Event.NEXT_ROUND): _SG,
        (_I, Event.SLOT_REMOVED): _SG,
        (Stage.STALE, Event.INVITE): _SG,
        (Stage.STALE, Event.NEXT_ROUND): _SG,
        # an offer can be withdrawn or declined, or follow a rejection that was reconsidered
        (_O, Event.OFFER): _O,
        (_O, Event.REJECTION): _R,
        (_O, Event.WITHDRAWN): _W,
        (_R, Event.OFFER): _O,
        (_R, Event.REJECTION): _R,
        (_W, Event.WITHDRAWN): _W,
        # a role put on hold can reopen: the employer invites again or fixes a new interview
        (_W, Event.INVITE): _SG,
        (_W, Event.NEXT_ROUND): _SG,
        (_W, Event.CONFIRMED): _SD,
    }
)
_QUIET: frozenset[tuple[Stage | None, Event]] = frozenset(
    {(s, Event.ACK) for s in (_A, _SG, _SD, _I, Stage.STALE)}
    | {(_SD, Event.INVITE), (_SD, Event.NEXT_ROUND)}
    | {(s, Event.ENDED) for s in (_O, _R, _W)}
)


def step(stage: Stage | None, event: Event) -> tuple[Stage | None, str]:
    """One transition: the new stage and a note ("" when the event fits the stage)."""
    new = TRANSITIONS.get((stage, event))
    if new is not None:
        return new, ""
    if (stage, event) in _QUIET:
        return stage, ""
    where = stage.value if stage is not None else "no stage yet"
    return stage, f"{event.value} while {where}: stage kept, please check"
