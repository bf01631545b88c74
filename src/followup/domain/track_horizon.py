"""The clock ``track`` and ``policy`` read: ``now``, and until when their answer holds.

Track and policy are pure functions of (signals, mutes, identity, settings, now). Their output can only
change with ``now`` when ``now`` crosses an instant they compared it with: an interview's end, a due
time, a window closing, the stale deadline, a signal dated after ``now``. Every such comparison goes
through one ``Horizon``, which answers it and remembers the earliest instant still ahead::

    h = Horizon(now)
    h.passed(t)      # t <= now; when t > now, t becomes a candidate for h.changes_at
    h.changes_at     # the earliest instant asked about that lies after now (None: none was)

Each answer ``passed(t)`` is the same for every ``now2`` in ``[now, changes_at)``: true stays true as
time moves on, and false turns true only at ``t >= changes_at``. So a computation whose every reading
of the clock is a ``passed`` gives the same result anywhere in that interval.
"""

from __future__ import annotations

from datetime import datetime


class Horizon:
    """``now`` for track and policy; records the earliest future instant it was compared with."""

    __slots__ = ("_changes_at", "_now")

    def __init__(self, now: datetime) -> None:
        if now.tzinfo is None:
            raise ValueError("now must be timezone-aware")
        self._now = now
        self._changes_at: datetime | None = None

    @property
    def now(self) -> datetime:
        """The instant itself, for formatting only: compare through ``passed``/``ahead``."""
        return self._now

    @property
    def changes_at(self) -> datetime | None:
        """The earliest instant after ``now`` that an answer depended on (None: nothing ahead)."""
        return self._changes_at

    def passed(self, when: datetime) -> bool:
        """``when <= now``; an instant still ahead is remembered."""
        if when <= self._now:
            return True
        if self._changes_at is None or when < self._changes_at:
            self._changes_at = when
        return False

    def ahead(self, when: datetime) -> bool:
        """``when > now`` (the negation of ``passed``, recorded the same way)."""
        return not self.passed(when)


def as_horizon(now: datetime | Horizon) -> Horizon:
    """A caller's ``now``: a ``Horizon`` is shared as is, a datetime gets a fresh one."""
    return now if isinstance(now, Horizon) else Horizon(now)
