"""Choose the next practice question from what the trainee has done before ("smart" order).

The order: notebook questions that are due, then questions never answered, then those last
answered wrong, then the rest from the least accurate and longest unseen. History is summarised
once per session (one pass over the answers); each choice is then a heap pop, so choosing stays
cheap however long the history is (see ``benchmarks/practice_next.py``).
"""

from __future__ import annotations

import heapq
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from quizhall.practice.history import AnswerRecord
from quizhall.practice.library import QuestionRef

TIER_DUE = 0
TIER_NEW = 1
TIER_MISSED = 2
TIER_SEEN = 3


@dataclass(slots=True)
class KeyStats:
    """What a trainee has done with one question."""

    attempts: int = 0
    rights: int = 0
    last_correct: bool = False
    last_at: str = ""

    @property
    def accuracy(self) -> float:
        return self.rights / self.attempts if self.attempts else 0.0


def summarise(answers: Iterable[AnswerRecord]) -> dict[str, KeyStats]:
    """Per-question statistics of a trainee's answers (oldest first)."""
    summary: dict[str, KeyStats] = {}
    for record in answers:
        stats = summary.get(record.key)
        if stats is None:
            stats = summary[record.key] = KeyStats()
        stats.attempts += 1
        stats.rights += record.correct
        stats.last_correct = record.correct
        stats.last_at = record.at
    return summary


class Chooser:
    """Hands out each question of a pool once, weakest first."""

    def __init__(self, refs: Sequence[QuestionRef], summary: dict[str, KeyStats],
                 due: set[str], rng: random.Random) -> None:
        self._refs = list(refs)
        heap: list[tuple[int, float, str, float, int]] = []
        for index, ref in enumerate(self._refs):
            key = ref.key
            stats = summary.get(key)
            if key in due:
                entry = (TIER_DUE, 0.0, "", rng.random(), index)
            elif stats is None:
                entry = (TIER_NEW, 0.0, "", rng.random(), index)
            elif not stats.last_correct:
                entry = (TIER_MISSED, stats.accuracy, stats.last_at, rng.random(), index)
            else:
                entry = (TIER_SEEN, stats.accuracy, stats.last_at, rng.random(), index)
            heap.append(entry)
        heapq.heapify(heap)
        self._heap = heap

    def __len__(self) -> int:
        return len(self._heap)

    def next(self) -> QuestionRef | None:
        """The next question, or None when the pool is used up."""
        if not self._heap:
            return None
        return self._refs[heapq.heappop(self._heap)[-1]]
