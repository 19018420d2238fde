"""Show a question (options shuffled) and read what the trainee typed into a gradable answer.

:func:`present` fixes the order the options are shown in; :meth:`Presented.read` turns keys
typed against that order (``B``, ``2``, ``ACD``, ``1B 2A``, one text per blank …) into an
:class:`Answer` whose ``given`` always names the *original* option letters, so history and
grading never depend on the shuffle. How each type reads its keys and grades is its
definition's (:mod:`quizhall.bank.qtypes`); this module holds the shown order.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from quizhall.bank.model import Grade, Question
from quizhall.bank.qtypes import AnswerInputError, Given, QuestionKind, kind_of
from quizhall.bank.qtypes.typed import original_letter, shown_letter
from quizhall.practice.library import QuestionRef

__all__ = ["Answer", "AnswerInputError", "Given", "Presented", "present"]


@dataclass(frozen=True, slots=True)
class Answer:
    """A read answer: ``given`` as stored (original letters) and the grade it earned."""

    given: Given
    grade: Grade


@dataclass(frozen=True, slots=True)
class Presented:
    """A question as shown: ``order`` lists, for each shown position, the original option
    letter (single, multiple, order) or the right-hand text (match)."""

    ref: QuestionRef
    order: tuple[str, ...] = ()

    @property
    def question(self) -> Question:
        return self.ref.question

    @property
    def kind(self) -> str:
        return self.ref.question.type

    @property
    def definition(self) -> QuestionKind:
        """The question's type definition."""
        return kind_of(self.ref.question.type)

    def choices(self) -> list[tuple[str, str]]:
        """``(shown letter, text)`` for each option a key can pick, in shown order."""
        return self.definition.choices(self.ref.question, self.order)

    def lefts(self) -> list[str]:
        """The left-hand items of a question answered in pairs, numbered from 1 in this order."""
        if self.definition.drawing.input != "pairs":
            return []
        return [left for left, _ in self.ref.question.pairs]

    def shown_letter(self, original: str) -> str:
        """Where an original option letter is shown."""
        return shown_letter(self.order, original)

    def original_letter(self, shown: str) -> str:
        """The original option letter behind a shown one."""
        return original_letter(self.order, shown)

    def read(self, raw: str | list[str], judged: bool | None = None) -> Answer:
        """Read what was typed (one text per blank for fill-in) into a graded answer.

        Short answers are judged by the trainee: ``judged`` says whether they were right.
        Raises :class:`AnswerInputError` when the input cannot be an answer.
        """
        given, found = self.definition.read_typed(self.ref.question, self.order, raw, judged)
        return Answer(given, found)

    def answer_text(self) -> str:
        """The correct answer, with letters as shown to the trainee."""
        return self.definition.shown_answer(self.ref.question, self.order)

    def given_text(self, given: Given) -> str:
        """A stored answer, with letters as shown to the trainee."""
        if given is None:
            return "—"
        return self.definition.shown_given(self.ref.question, self.order, given)


def present(ref: QuestionRef, rng: random.Random) -> Presented:
    """Fix the shown order of a question's options: shuffled unless it says ``shuffle: false``."""
    q = ref.question
    letters = list(kind_of(q.type).pick_from(q))
    if not letters:
        return Presented(ref)
    if q.shuffle:
        rng.shuffle(letters)
    return Presented(ref, tuple(letters))
