"""The persistence interface the engine needs: append an event, read events back.

The real store (:mod:`quizhall.store`) provides an object with the same two methods;
:class:`MemoryLog` keeps events in a list for tests and rehearsals.
"""

from __future__ import annotations

import json
from typing import Protocol


class EventLog(Protocol):
    """Where a contest's events go. ``append`` is durable when it returns."""

    def append(self, event: dict) -> int:
        """Store one event; returns its position (0-based)."""
        ...

    def read(self, start: int = 0) -> list[dict]:
        """Events from position ``start`` on, in order."""
        ...


class MemoryLog:
    """An in-memory event log.

    Each event is copied through JSON on the way in, exactly as a durable store would keep
    it, so an event that a file could not hold fails here too, and no caller can change a
    recorded event afterwards.
    """

    def __init__(self, events: list[dict] | None = None) -> None:
        self._events: list[str] = []
        for event in events or []:
            self.append(event)

    def append(self, event: dict) -> int:
        self._events.append(json.dumps(event, ensure_ascii=False, allow_nan=False))
        return len(self._events) - 1

    def append_many(self, events: list[dict]) -> list[int]:
        """Store several events in order; returns their positions."""
        texts = [json.dumps(event, ensure_ascii=False, allow_nan=False) for event in events]
        self._events.extend(texts)
        return list(range(len(self._events) - len(texts), len(self._events)))

    def read(self, start: int = 0) -> list[dict]:
        return [json.loads(text) for text in self._events[start:]]

    def __len__(self) -> int:
        return len(self._events)
