"""The clock a live contest runs on, able to date a command at the moment its key was pressed.

The engine stamps each command with ``clock.now()``. A buzzer press must carry the time of the
key event, not the later moment the app got round to it, so the console pins the clock to
that moment while it hands the buzz to the engine (:meth:`HallClock.at`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class HallClock:
    """Wall-clock seconds (what the log records), with monotonic key times converted to it."""

    def __init__(self, wall: Callable[[], float] = time.time,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self._wall = wall
        self._monotonic = monotonic
        self._pinned: float | None = None

    def now(self) -> float:
        """The current time, or the pinned moment while a pressed key is being handled."""
        return self._pinned if self._pinned is not None else self._wall()

    def wall_time(self, monotonic_at: float) -> float:
        """The wall time of a moment given on the monotonic clock (a key event's ``time``)."""
        return self._wall() - max(0.0, self._monotonic() - monotonic_at)

    @contextmanager
    def at(self, moment: float) -> Iterator[None]:
        """Make :meth:`now` return ``moment`` inside the ``with`` block."""
        previous = self._pinned
        self._pinned = moment
        try:
            yield
        finally:
            self._pinned = previous

