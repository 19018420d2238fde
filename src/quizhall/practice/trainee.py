"""One trainee's study record: every answer goes to history and through the notebook.

:class:`Trainee` is what sessions hold: who is studying, on which questions, by which clock,
and where their answers, notebook and level progress are kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from quizhall.practice.answering import Answer, Given, Presented
from quizhall.practice.clock import Clock, stamp
from quizhall.practice.history import AnswerRecord, History
from quizhall.practice.library import Library, QuestionRef
from quizhall.practice.notebook import Change, Notebook


@dataclass(frozen=True, slots=True)
class Outcome:
    """One answered question: what was given (original letters), how it was judged, when."""

    presented: Presented
    given: Given
    correct: bool
    credit: float
    seconds: float
    at: datetime
    notebook: Change | None = None

    @property
    def ref(self) -> QuestionRef:
        return self.presented.ref


class Trainee:
    """A named trainee studying a library of banks, with their history and notebook."""

    def __init__(self, history: History, user: str, library: Library, clock: Clock) -> None:
        self.history = history
        self.user = user
        self.library = library
        self.clock = clock
        self.notebook = Notebook(history, user)
        history.touch_profile(user, stamp(clock()))

    def record(self, presented: Presented, answer: Answer, seconds: float, mode: str,
               session: str = "") -> Outcome:
        """Store one answer and apply it to the notebook."""
        at = self.clock()
        ref = presented.ref
        correct = bool(answer.grade.correct)
        seconds = round(max(0.0, seconds), 3)
        self.history.add_answer(AnswerRecord(
            user=self.user, key=ref.key, bank=ref.bank.info.id, question=ref.question.id,
            mode=mode, given=answer.given, correct=correct, credit=answer.grade.credit,
            seconds=seconds, at=stamp(at), type=ref.question.type.value,
            tags=ref.question.tags, levels=self.library.levels_of(ref.key), session=session))
        change = self.notebook.record(ref.key, correct, seconds, at, ref.question.time_limit)
        return Outcome(presented, answer.given, correct, answer.grade.credit, seconds, at, change)
