"""The mistake notebook (错题本): wrong answers come back on an FSRS spaced-repetition schedule.

Every wrongly answered question enters the notebook. From then on each answer to it, in any
mode, is an FSRS review graded from right/wrong and the time taken (:func:`rating_for`).
A question leaves the notebook once it is reliably known: :data:`MASTERED_STREAK` right answers
in a row *and* an FSRS stability of at least :data:`MASTERED_STABILITY_DAYS` days (the memory
model expects it to be recalled with 90 % probability three weeks on).

A right answer counts only once the question is due: answering it again and again before then
(in practice mode, say) proves nothing about memory over time, and FSRS would otherwise grow
its stability from same-day repeats until a crammed question left the notebook within minutes.
A wrong answer always counts.

Fuzzing of intervals is off so that schedules are reproducible (tests, and two trainees with
the same answers see the same plan).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from fsrs import Card, Rating, Scheduler

from quizhall.practice.clock import end_of_day, stamp, to_utc
from quizhall.practice.history import History

# A right answer this quick (seconds) is rated Easy, one slower than SLOW_SECONDS is Hard.
FAST_SECONDS = 10.0
SLOW_SECONDS = 40.0
# For a question with its own time limit, the thresholds are these shares of the limit.
FAST_SHARE = 0.25
SLOW_SHARE = 0.75
# When a question counts as known and leaves the notebook.
MASTERED_STREAK = 3
MASTERED_STABILITY_DAYS = 21.0


def rating_for(correct: bool, seconds: float, time_limit: float | None = None) -> Rating:
    """The FSRS grade of one answer: wrong → Again; right → Hard if slow, Easy if fast, or
    else Good."""
    if not correct:
        return Rating.Again
    fast = FAST_SHARE * time_limit if time_limit else FAST_SECONDS
    slow = SLOW_SHARE * time_limit if time_limit else SLOW_SECONDS
    if seconds > slow:
        return Rating.Hard
    if seconds <= fast:
        return Rating.Easy
    return Rating.Good


class Change(StrEnum):
    """What an answer did to the notebook."""

    ADDED = "added"  # a wrong answer put the question in
    REVIEWED = "reviewed"  # it was in, and was rescheduled
    MASTERED = "mastered"  # it was in, and is now known: taken out


@dataclass(slots=True)
class Entry:
    """A question in the notebook: its FSRS card and the run of right answers it has had."""

    key: str
    card: Card
    streak: int = 0
    lapses: int = 0
    added: str = ""

    @property
    def due(self) -> datetime:
        return self.card.due

    @property
    def stability(self) -> float:
        return self.card.stability or 0.0

    def to_doc(self) -> dict[str, Any]:
        return {"card": self.card.to_dict(), "streak": self.streak, "lapses": self.lapses,
                "added": self.added}

    @classmethod
    def from_doc(cls, key: str, doc: dict[str, Any]) -> Entry:
        return cls(key, Card.from_dict(doc["card"]), int(doc.get("streak", 0)),
                   int(doc.get("lapses", 0)), str(doc.get("added", "")))


class Notebook:
    """One trainee's notebook, kept in the history's ``cards`` table."""

    def __init__(self, history: History, user: str, scheduler: Scheduler | None = None) -> None:
        self.history = history
        self.user = user
        self.scheduler = scheduler or Scheduler(enable_fuzzing=False)
        self.entries: dict[str, Entry] = {}
        for key, doc in history.cards(user).items():
            try:
                self.entries[key] = Entry.from_doc(key, doc)
            except (KeyError, TypeError, ValueError, AttributeError):
                history.note_skipped("cards", key, "card")

    def __contains__(self, key: object) -> bool:
        return key in self.entries

    def __len__(self) -> int:
        return len(self.entries)

    def record(self, key: str, correct: bool, seconds: float, at: datetime,
               time_limit: float | None = None) -> Change | None:
        """Apply one answer to the notebook; None when it does not concern the notebook."""
        entry = self.entries.get(key)
        if entry is None:
            if correct:
                return None
            card_id = int(to_utc(at).timestamp() * 1000)
            entry = Entry(key, Card(card_id=card_id, due=to_utc(at)), added=stamp(at))
            change = Change.ADDED
        elif correct and entry.due > at:
            return None
        else:
            change = Change.REVIEWED
        rating = rating_for(correct, seconds, time_limit)
        entry.card, _ = self.scheduler.review_card(entry.card, rating, to_utc(at))
        if correct:
            entry.streak += 1
        else:
            entry.streak = 0
            entry.lapses += 1
        if entry.streak >= MASTERED_STREAK and entry.stability >= MASTERED_STABILITY_DAYS:
            self.entries.pop(key, None)
            self.history.drop_card(self.user, key)
            return Change.MASTERED
        self.entries[key] = entry
        self.history.put_card(self.user, key, entry.to_doc())
        return change

    def due(self, now: datetime) -> list[Entry]:
        """Entries due by ``now``, most overdue first."""
        return sorted((e for e in self.entries.values() if e.due <= now), key=lambda e: e.due)

    def due_today(self, now: datetime) -> list[Entry]:
        """Entries due before the end of ``now``'s calendar day."""
        limit = end_of_day(now)
        return sorted((e for e in self.entries.values() if e.due < limit), key=lambda e: e.due)

    def all(self) -> list[Entry]:
        """Every entry, soonest due first."""
        return sorted(self.entries.values(), key=lambda e: e.due)
