"""The mistake notebook (错题本): wrong answers come back on an FSRS spaced-repetition schedule.

Every wrongly answered question enters the notebook. From then on each answer to it, in any
mode, is an FSRS review rated from what the answer showed (:func:`quizhall.practice.pace.
rating_for`: right or wrong, the time taken against the time the question deserves) or as the
trainee rated it themselves (again / hard / good / easy, :meth:`Notebook.rerate`).

FSRS runs without its minutes-apart learning steps: every rating schedules whole days, so no
rating can keep a card circling within a day. A wrong answer brings the question back after
:data:`RELEARN_MINUTES` (and a review session asks it again before it ends). A right answer
counts only once the question is due, so answering it again and again the same day proves
nothing. A question leaves the notebook once it has been answered right on
:data:`MASTERED_DAYS` separate days since its last wrong answer (the day of that wrong answer
not counted) with an FSRS stability of at least :data:`MASTERED_STABILITY_DAYS` days, and
always once answered right on :data:`ALWAYS_LEAVES_DAYS` separate days, however slowly.

Fuzzing of intervals is off so that schedules are reproducible (tests, and two trainees with
the same answers see the same plan).
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from fsrs import Card, Rating, Scheduler

from quizhall.practice.calendar_clock import end_of_day, stamp, to_utc
from quizhall.practice.history import History

# A wrong answer is due again this many minutes later.
RELEARN_MINUTES = 10
# When a question counts as known and leaves the notebook.
MASTERED_DAYS = 3
MASTERED_STABILITY_DAYS = 21.0
ALWAYS_LEAVES_DAYS = 5

# The trainee's own ratings, by the names keys and records use.
RATINGS = {"again": Rating.Again, "hard": Rating.Hard, "good": Rating.Good,
           "easy": Rating.Easy}


def rating_name(rating: Rating) -> str:
    """``again``, ``hard``, ``good`` or ``easy``."""
    return rating.name.lower()


def new_scheduler() -> Scheduler:
    """FSRS with whole-day intervals only (no learning steps) and no fuzzing."""
    return Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)


class Change(StrEnum):
    """What an answer did to the notebook."""

    ADDED = "added"  # a wrong answer put the question in
    REVIEWED = "reviewed"  # it was in, and was rescheduled
    MASTERED = "mastered"  # it was in, and is now known: taken out


@dataclass(slots=True)
class Entry:
    """A question in the notebook: its FSRS card, the run of right answers it has had and the
    separate days they fell on since its last wrong answer."""

    key: str
    card: Card
    streak: int = 0
    lapses: int = 0
    added: str = ""
    days: list[str] = field(default_factory=list)  # ISO dates of right answers since lapse_day
    lapse_day: str = ""
    reviews: int = 0

    @property
    def due(self) -> datetime:
        return self.card.due

    @property
    def stability(self) -> float:
        return self.card.stability or 0.0

    def to_doc(self) -> dict[str, Any]:
        return {"card": self.card.to_dict(), "streak": self.streak, "lapses": self.lapses,
                "added": self.added, "days": list(self.days), "lapse_day": self.lapse_day,
                "reviews": self.reviews}

    @classmethod
    def from_doc(cls, key: str, doc: dict[str, Any]) -> Entry:
        return cls(key, Card.from_dict(doc["card"]), int(doc.get("streak", 0)),
                   int(doc.get("lapses", 0)), str(doc.get("added", "")),
                   [str(day) for day in doc.get("days", [])], str(doc.get("lapse_day", "")),
                   int(doc.get("reviews", 0)))


@dataclass(frozen=True, slots=True)
class _Before:
    """A notebook entry as it was before the last answer to it (None: not in the notebook)."""

    doc: dict[str, Any] | None


class Notebook:
    """One trainee's notebook, kept in the history's ``cards`` table."""

    def __init__(self, history: History, user: str, scheduler: Scheduler | None = None) -> None:
        self.history = history
        self.user = user
        self.scheduler = scheduler or new_scheduler()
        self.entries: dict[str, Entry] = {}
        for key, doc in history.cards(user).items():
            try:
                self.entries[key] = Entry.from_doc(key, doc)
            except (KeyError, TypeError, ValueError, AttributeError):
                history.note_skipped("cards", key, "card")
        self._before: dict[str, _Before] = {}

    def __contains__(self, key: object) -> bool:
        return key in self.entries

    def __len__(self) -> int:
        return len(self.entries)

    def record(self, key: str, rating: Rating, at: datetime) -> Change | None:
        """Apply one answer, rated (Again: wrong), to the notebook; None when it does not
        concern the notebook (a right answer to a question not in it, or not yet due)."""
        entry = self.entries.get(key)
        self._before[key] = _Before(None if entry is None else entry.to_doc())
        wrong = rating is Rating.Again
        if entry is None:
            if not wrong:
                return None
            card_id = int(to_utc(at).timestamp() * 1000)
            entry = Entry(key, Card(card_id=card_id, due=to_utc(at)), added=stamp(at))
            change = Change.ADDED
        elif not wrong and entry.due > at:
            return None
        else:
            change = Change.REVIEWED
        entry.card, _ = self.scheduler.review_card(entry.card, rating, to_utc(at))
        entry.reviews += 1
        day = at.date().isoformat()
        if wrong:
            entry.card.due = to_utc(at) + timedelta(minutes=RELEARN_MINUTES)
            entry.streak, entry.days, entry.lapse_day = 0, [], day
            entry.lapses += 1
        else:
            entry.streak += 1
            if day != entry.lapse_day and day not in entry.days:
                entry.days.append(day)
        if self._known(entry):
            self.entries.pop(key, None)
            self.history.drop_card(self.user, key)
            return Change.MASTERED
        self.entries[key] = entry
        self.history.put_card(self.user, key, entry.to_doc())
        return change

    def rerate(self, key: str, rating: Rating, at: datetime) -> Change | None:
        """Replace the last answer's effect on ``key`` by ``rating`` (the trainee's own)."""
        before = self._before.get(key)
        if before is not None:
            if before.doc is None:
                self.entries.pop(key, None)
                self.history.drop_card(self.user, key)
            else:
                self.entries[key] = Entry.from_doc(key, before.doc)
                self.history.put_card(self.user, key, before.doc)
        return self.record(key, rating, at)

    @staticmethod
    def _known(entry: Entry) -> bool:
        days = len(entry.days)
        return days >= ALWAYS_LEAVES_DAYS or (
            days >= MASTERED_DAYS and entry.stability >= MASTERED_STABILITY_DAYS)

    def due(self, now: datetime, keys: Container[str] | None = None) -> list[Entry]:
        """Entries due by ``now`` (of questions in ``keys``, when given), most overdue first."""
        return sorted((e for e in self._of(keys) if e.due <= now), key=lambda e: e.due)

    def due_today(self, now: datetime, keys: Container[str] | None = None) -> list[Entry]:
        """Entries due before the end of ``now``'s calendar day."""
        limit = end_of_day(now)
        return sorted((e for e in self._of(keys) if e.due < limit), key=lambda e: e.due)

    def all(self, keys: Container[str] | None = None) -> list[Entry]:
        """Every entry (of questions in ``keys``, when given), soonest due first."""
        return sorted(self._of(keys), key=lambda e: e.due)

    def _of(self, keys: Container[str] | None) -> list[Entry]:
        return [e for e in self.entries.values() if keys is None or e.key in keys]
