"""闯关: a bank's levels in order; passing one unlocks the next; stars by accuracy; lives.

A level session asks the level's ``count`` questions drawn at random from its pool (the whole
pool in bank order when it has no count). It passes when the share of points earned reaches the
level's pass ratio; it stops as soon as that can no longer happen (or the lives run out), and
the result says which. Stars: 1★ for a pass, 2★ from :data:`TWO_STARS`, 3★ for a perfect run.
With lives, each wrong answer costs one and the level fails when none are left. Best results
are kept per trainee in the ``progress`` table.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from quizhall.bank.model import Bank, Level
from quizhall.practice.library import QuestionRef, question_key
from quizhall.practice.session import QueueSession, SessionResult
from quizhall.practice.trainee import Outcome, Trainee

TWO_STARS = 0.9
THREE_STARS = 1.0
# A float sum of credits may miss 1.0 by a rounding error; this much is still perfect.
_EPSILON = 1e-9


def stars_for(ratio: float, pass_ratio: float) -> int:
    """Stars earned by a run with this share of points: 0 when it fails."""
    if ratio + _EPSILON < pass_ratio:
        return 0
    if ratio + _EPSILON >= THREE_STARS:
        return 3
    if ratio + _EPSILON >= TWO_STARS:
        return 2
    return 1


@dataclass(frozen=True, slots=True)
class LevelStatus:
    """A level as the start screen shows it."""

    key: str  # "bank/level"
    bank: Bank
    level: Level
    unlocked: bool
    passed: bool
    stars: int
    best_ratio: float
    attempts: int
    size: int  # questions asked per attempt


def level_map(trainee: Trainee, bank: Bank) -> list[LevelStatus]:
    """The bank's levels in order, with the trainee's progress; each unlocks the next."""
    progress = trainee.history.progress(trainee.user, bank.info.id)
    statuses: list[LevelStatus] = []
    previous_passed = True
    for level in bank.levels:
        key = question_key(bank.info.id, level.id)
        doc = progress.get(key, {})
        passed = bool(doc.get("passed", False))
        pool = len(level.pool(bank.questions))
        statuses.append(LevelStatus(
            key=key, bank=bank, level=level, unlocked=previous_passed, passed=passed,
            stars=int(doc.get("stars", 0)), best_ratio=float(doc.get("best_ratio", 0.0)),
            attempts=int(doc.get("attempts", 0)),
            size=min(level.count, pool) if level.count else pool))
        previous_passed = passed
    return statuses


class LevelLockedError(ValueError):
    """The level's previous level has not been passed yet."""


class LevelSession(QueueSession):
    """One attempt at a level."""

    mode = "level"

    def __init__(self, trainee: Trainee, bank: Bank, level: Level, rng: random.Random,
                 lives: int | None = None) -> None:
        statuses = {s.level.id: s for s in level_map(trainee, bank)}
        if not statuses[level.id].unlocked:
            raise LevelLockedError(level.id)
        pool = trainee.library.level_refs(bank, level)
        refs: list[QuestionRef] = (rng.sample(pool, level.count)
                                   if level.count and level.count < len(pool) else pool)
        super().__init__(trainee, refs, rng)
        self.bank = bank
        self.level = level
        self.key = question_key(bank.info.id, level.id)
        self.lives = lives
        self.lives_left = lives
        self.stopped: str | None = None
        self._result: SessionResult | None = None

    def _after_answer(self, outcome: Outcome) -> None:
        if self.lives_left is not None and not outcome.correct:
            self.lives_left -= 1
            if self.lives_left <= 0:
                self.stopped = "lives"
                self.end()
                return
        if not self._can_still_pass():
            self.stopped = "cannot_pass"
            self.end()
        elif len(self.outcomes) >= len(self.queue):
            self.end()

    def _can_still_pass(self) -> bool:
        planned = len(self.queue)
        best = sum(o.credit for o in self.outcomes) + planned - len(self.outcomes)
        return planned == 0 or best / planned + _EPSILON >= self.level.pass_ratio

    def _on_end(self) -> None:
        result = self._score()
        self._result = result
        previous = self.trainee.history.progress(self.trainee.user, self.bank.info.id)
        doc = previous.get(self.key, {})
        was_passed = bool(doc.get("passed", False))
        self.trainee.history.save_progress(self.trainee.user, self.bank.info.id, self.level.id, {
            "attempts": int(doc.get("attempts", 0)) + 1,
            "best_ratio": max(float(doc.get("best_ratio", 0.0)), result.ratio),
            "stars": max(int(doc.get("stars", 0)), result.stars or 0),
            "passed": was_passed or bool(result.passed),
            "last_ratio": result.ratio,
        })
        if result.passed:
            self.trainee.passed(self.key, result.stars or 0, self.trainee.clock())
        if result.passed and not was_passed:
            levels = self.bank.levels
            index = next(i for i, lv in enumerate(levels) if lv.id == self.level.id)
            if index + 1 < len(levels):
                self._result = replace(
                    result, unlocked=question_key(self.bank.info.id, levels[index + 1].id))

    def _score(self) -> SessionResult:
        base = super().result()
        planned = len(self.queue)
        ratio = base.score / planned if planned else 0.0
        out_of_lives = self.lives_left is not None and self.lives_left <= 0
        stars = 0 if out_of_lives else stars_for(ratio, self.level.pass_ratio)
        return SessionResult(
            mode=self.mode, planned=planned, answered=base.answered, correct=base.correct,
            score=base.score, max_score=float(planned), wrong=base.wrong, seconds=base.seconds,
            passed=stars > 0, stars=stars, level=self.key, stopped=self.stopped)

    def result(self) -> SessionResult:
        return self._result if self._result is not None else self._score()

