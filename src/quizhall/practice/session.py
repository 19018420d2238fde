"""Study sessions: a run of questions, answered one by one, with a result at the end.

:class:`Session` holds what every mode shares: show a question (options shuffled), read and
grade the answer, time it by the injected clock, record it. :class:`PracticeSession` (练习)
and :class:`ReviewSession` (错题本) live here; the mock exam and the levels have their own
modules. The screen calls :meth:`Session.start`, then :meth:`Session.submit` and
:meth:`Session.advance` in turn, and finally reads :meth:`Session.result`.
"""

from __future__ import annotations

import random
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import ClassVar

from fsrs import Rating

from quizhall.bank.qtypes import kind_of
from quizhall.practice.answering import Presented, present
from quizhall.practice.calendar_clock import stamp
from quizhall.practice.chooser import Chooser, summarise
from quizhall.practice.library import QuestionRef
from quizhall.practice.notebook import RATINGS
from quizhall.practice.trainee import Outcome, Trainee


class Order(StrEnum):
    """How a practice session orders its questions."""

    SEQUENTIAL = "sequential"  # bank order
    RANDOM = "random"
    SMART = "smart"  # due and weak questions first, see quizhall.practice.chooser


# A question answered wrong in a review session is asked again this many questions later.
RELEARN_GAP = 3


class SessionError(RuntimeError):
    """A session was driven out of turn (a programming error, not a user one)."""


@dataclass(frozen=True, slots=True)
class SessionResult:
    """How a session went. ``ratio`` is the share of the points earned (0–1)."""

    mode: str
    planned: int
    answered: int
    correct: int
    score: float
    max_score: float
    wrong: tuple[Outcome, ...]
    seconds: float = 0.0
    passed: bool | None = None
    stars: int | None = None
    level: str | None = None  # "bank/level" of a level session
    unlocked: str | None = None  # "bank/level" this result unlocked
    stopped: str | None = None  # why a level stopped early: "lives" or "cannot_pass"
    skipped: int = 0  # questions skipped or only looked at (not answered, not wrong)

    @property
    def ratio(self) -> float:
        """The share of the points earned (exams and levels are passed on it)."""
        return self.score / self.max_score if self.max_score else 0.0

    @property
    def accuracy(self) -> float:
        """Right answers over answers: the one accuracy figure practice shows everywhere
        (the start screen and the stats count the same way)."""
        return self.correct / self.answered if self.answered else 0.0


def new_session_id(now: datetime, rng: random.Random) -> str:
    """A session id that sorts by start time."""
    return f"{stamp(now)}-{rng.getrandbits(32):08x}"


class Session(ABC):
    """A run of questions for one trainee."""

    mode: ClassVar[str] = "practice"
    # Whether the trainee sees right/wrong after each answer (not in a mock exam).
    feedback: ClassVar[bool] = True
    # Whether a question can be skipped or its answer looked at without answering.
    can_skip: ClassVar[bool] = False

    def __init__(self, trainee: Trainee, rng: random.Random) -> None:
        self.trainee = trainee
        self.rng = rng
        self.id = new_session_id(trainee.clock(), rng)
        self.outcomes: list[Outcome] = []
        self.current: Presented | None = None
        self.shown_at: datetime | None = None
        self.revealed_at: datetime | None = None
        self.awaiting_answer = False
        self.ended = False
        self.skipped = 0

    # -- what a mode provides --------------------------------------------------------------

    @property
    @abstractmethod
    def total(self) -> int:
        """How many questions the session plans to ask."""

    @abstractmethod
    def _next_ref(self) -> QuestionRef | None:
        """The next question to show, or None when there is no more."""

    def _present(self, ref: QuestionRef) -> Presented:
        """How the next question is shown (options shuffled by the session's random source)."""
        return present(ref, self.rng)

    def _after_answer(self, outcome: Outcome) -> None:
        """A mode's own bookkeeping after each answer (none by default)."""
        return None

    def _on_end(self) -> None:
        """A mode's own bookkeeping when the session ends (none by default)."""
        return None

    def _on_leave(self) -> None:
        """A mode's own bookkeeping when the trainee leaves before the end (none by default)."""
        return None

    def _relearn(self, outcome: Outcome) -> None:
        """What a mode does with a question answered (or rated) wrong: nothing by default."""
        return None

    # -- driving it ------------------------------------------------------------------------

    @property
    def finished(self) -> bool:
        return self.ended

    @property
    def position(self) -> int:
        """1-based number of the question on screen (or of the last one)."""
        return len(self.outcomes) + self.skipped + (1 if self.awaiting_answer else 0)

    def start(self) -> Presented | None:
        """Show the first question (None if there is none)."""
        return self.advance()

    def advance(self) -> Presented | None:
        """Move on to the next question; None (and the session ends) when there is no more."""
        if self.awaiting_answer:
            raise SessionError("the question on screen has not been answered")
        if self.ended:
            return None
        ref = self._next_ref()
        if ref is None:
            self.end()
            return None
        self._show(self._present(ref))
        return self.current

    def _show(self, presented: Presented) -> None:
        self.current = presented
        self.shown_at = self.trainee.clock()
        self.revealed_at = None
        self.awaiting_answer = True

    def submit(self, raw: str | list[str], judged: bool | None = None) -> Outcome:
        """Answer the question on screen. Raises AnswerInputError for unreadable input."""
        if not self.awaiting_answer or self.current is None or self.shown_at is None:
            raise SessionError("no question is waiting for an answer")
        answer = self.current.read(raw, judged)
        seconds = ((self.revealed_at or self.trainee.clock()) - self.shown_at).total_seconds()
        outcome = self.trainee.record(self.current, answer, seconds, self.mode, self.id)
        self.outcomes.append(outcome)
        self.awaiting_answer = False
        if not outcome.correct:
            self._relearn(outcome)
        self._after_answer(outcome)
        return outcome

    def skip(self) -> None:
        """Leave the question on screen unanswered (skipped, or only its answer looked at): not
        recorded as an answer, neither right nor wrong."""
        if not self.can_skip or not self.awaiting_answer:
            raise SessionError("nothing to skip")
        self.awaiting_answer = False
        self.skipped += 1
        self._after_skip()

    def _after_skip(self) -> None:
        """A mode's own bookkeeping after a skip (none by default)."""
        return None

    def reveal(self) -> None:
        """The reference answer of a short answer is shown: its time stops here, so reading
        the reference and judging oneself do not count as answering slowly."""
        if self.awaiting_answer and self.revealed_at is None:
            self.revealed_at = self.trainee.clock()

    def _last(self) -> Outcome:
        if not self.feedback or not self.outcomes or self.awaiting_answer:
            raise SessionError("no answer to rate")
        return self.outcomes[-1]

    def rate(self, name: str) -> Outcome:
        """The trainee rates their last answer themselves (``again``, ``hard``, ``good``,
        ``easy``), replacing the rating it earned in the notebook."""
        last = self._last()
        rating = RATINGS[name]
        outcome = self.trainee.rerate(last, rating, self.id)
        self.outcomes[-1] = outcome
        if rating is Rating.Again and last.rating is not Rating.Again:
            self._relearn(outcome)
        return outcome

    def can_claim(self) -> bool:
        """Whether "I was right" applies: a typed fill-in or numeric answer marked wrong."""
        return (self.feedback and bool(self.outcomes) and not self.awaiting_answer
                and not self.outcomes[-1].correct
                and kind_of(self.outcomes[-1].ref.question.type).claimable)

    def claim_right(self) -> Outcome:
        """"I was right": the last answer (a fill-in or numeric one marked wrong) counts as
        right, recorded as claimed."""
        if not self.can_claim():
            raise SessionError("nothing to claim")
        outcome = self.trainee.claim_right(self.outcomes[-1], self.id)
        self.outcomes[-1] = outcome
        return outcome

    def end(self) -> None:
        """Stop here (the trainee quit, time ran out, lives ran out, or all were asked)."""
        if self.ended:
            return
        self.ended = True
        self.awaiting_answer = False
        self._on_end()

    def leave(self) -> None:
        """The trainee leaves mid-way: answers stay recorded, a level attempt does not count,
        a mock exam is kept to be resumed."""
        if self.ended:
            return
        self.ended = True
        self.awaiting_answer = False
        self._on_leave()

    def result(self) -> SessionResult:
        """The result so far, counting answered questions only."""
        answered = len(self.outcomes)
        return SessionResult(
            mode=self.mode, planned=self.total, answered=answered,
            correct=sum(o.correct for o in self.outcomes),
            score=sum(o.credit for o in self.outcomes), max_score=float(answered),
            wrong=tuple(o for o in self.outcomes if not o.correct),
            seconds=sum(o.seconds for o in self.outcomes), skipped=self.skipped)


class QueueSession(Session):
    """A session over a fixed list of questions."""

    def __init__(self, trainee: Trainee, refs: Sequence[QuestionRef],
                 rng: random.Random) -> None:
        super().__init__(trainee, rng)
        self.queue = list(refs)
        self._next = 0

    @property
    def total(self) -> int:
        return len(self.queue)

    def _next_ref(self) -> QuestionRef | None:
        if self._next >= len(self.queue):
            return None
        self._next += 1
        return self.queue[self._next - 1]


class PracticeSession(Session):
    """练习: each question of a pool once, in bank order, at random, or weakest first.

    In bank order a session can start at any question (``start``, 0-based) and, given a
    ``scope`` (:meth:`quizhall.practice.library.Filter.scope`), remembers where it stopped so
    that the next one resumes there. In study mode (背题模式) each question is shown with its
    answer; going on counts as looking, not answering.
    """

    mode = "practice"
    can_skip = True

    def __init__(self, trainee: Trainee, refs: Sequence[QuestionRef], order: Order,
                 rng: random.Random, start: int = 0, scope: str = "",
                 study: bool = False) -> None:
        super().__init__(trainee, rng)
        self.order = Order(order)
        self.study = study
        self._count = len(refs)
        self._chooser: Chooser | None = None
        self._queue: list[QuestionRef] = []
        self.start_index = 0
        self.scope = scope if self.order is Order.SEQUENTIAL else ""
        if self.order is Order.SMART:
            summary = summarise(trainee.history.answers(trainee.user))
            due = {e.key for e in trainee.notebook.due(trainee.clock())}
            self._chooser = Chooser(refs, summary, due, rng)
        else:
            self._queue = list(refs)
            if self.order is Order.RANDOM:
                rng.shuffle(self._queue)
            else:
                self.start_index = max(0, min(start, len(refs)))
                self._queue = self._queue[self.start_index:]
            self._queue.reverse()  # pop() from the end hands them out in order
        self._asked = 0

    @property
    def total(self) -> int:
        return self._count

    @property
    def position(self) -> int:
        """1-based number of the question on screen, counted from the pool's first."""
        return self.start_index + self._asked

    def _next_ref(self) -> QuestionRef | None:
        ref = (self._chooser.next() if self._chooser is not None
               else self._queue.pop() if self._queue else None)
        if ref is not None:
            self._asked += 1
        return ref

    def _after_answer(self, outcome: Outcome) -> None:
        self._save_position()

    def _after_skip(self) -> None:
        self._save_position()

    def _save_position(self) -> None:
        if self.scope:
            done = self.start_index + self._asked
            self.trainee.save_position(self.scope, 0 if done >= self._count else done)


class ReviewSession(QueueSession):
    """错题本: the notebook questions due now, most overdue first. A question answered wrong
    comes back :data:`RELEARN_GAP` questions later in the same session (or last), until it is
    answered right: relearning, as Anki does."""

    mode = "review"
    can_skip = True

    def __init__(self, trainee: Trainee, rng: random.Random) -> None:
        library = trainee.library
        due = trainee.notebook.due(trainee.clock())
        refs = [ref for ref in (library.get(e.key) for e in due) if ref is not None]
        super().__init__(trainee, refs, rng)
        self.relearned = 0

    def _relearn(self, outcome: Outcome) -> None:
        self.queue.insert(min(self._next + RELEARN_GAP, len(self.queue)), outcome.ref)
        self.relearned += 1
