"""Simulate a trainee working one notebook question until it leaves: reviews and days taken.

The trainee answers the question each time it is due, in a fixed number of seconds, wrong with
a given probability (seeded). Used by ``benchmarks/notebook.py`` to print the schedule's
table and by the tests that hold the schedule to its promises (every card leaves; none in
under :data:`quizhall.practice.notebook.MASTERED_DAYS` separate days).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime

from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from quizhall.bank.model import Question
from quizhall.practice.history import History
from quizhall.practice.notebook import Change, Notebook
from quizhall.practice.pace import rating_for

START = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
# A card still in after this many reviews is reported as never leaving.
MAX_REVIEWS = 500


@dataclass(frozen=True, slots=True)
class Run:
    """One card's way out of the notebook: answers given, calendar days from entering to
    leaving, separate days with an answer, and whether it left at all."""

    reviews: int
    days: int
    study_days: int
    left: bool


def run_card(question: Question, seconds: float, wrong_rate: float,
             rng: random.Random) -> Run:
    """Put ``question`` in a fresh notebook by a wrong answer, then answer it whenever due."""
    db = TinyDB(storage=MemoryStorage)
    notebook = Notebook(History(db), "sim")
    key = "sim/q"
    at = START
    notebook.record(key, rating_for(question, False, seconds), at)
    reviews, days = 1, {at.date()}
    while key in notebook and reviews < MAX_REVIEWS:
        at = notebook.entries[key].due
        correct = rng.random() >= wrong_rate
        change = notebook.record(key, rating_for(question, correct, seconds), at)
        reviews += 1
        days.add(at.date())
        if change is Change.MASTERED:
            break
    db.close()
    return Run(reviews, (at.date() - START.date()).days, len(days), key not in notebook)
