"""Clocks the engine reads time from: injected, so rules never read the wall themselves."""

from __future__ import annotations

import time
from typing import Protocol, runtime_checkable


@runtime_checkable
class Clock(Protocol):
    """Anything with ``now()``: seconds as a float, never going backwards."""

    def now(self) -> float:
        """The current time in seconds."""
        ...


class WallClock:
    """Real time (``time.time()``), for live contests."""

    def now(self) -> float:
        return time.time()


class ManualClock:
    """A clock that moves only when told to: for tests and rehearsals."""

    def __init__(self, start: float = 0.0) -> None:
        self._now = float(start)

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> float:
        """Move the clock forward by ``seconds`` (never backwards); returns the new time."""
        if seconds < 0:
            raise ValueError("a clock cannot go backwards")
        self._now += float(seconds)
        return self._now
