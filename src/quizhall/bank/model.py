"""The question model: banks, levels, questions of every type, and how each type is graded.

Plain frozen dataclasses, no I/O. A question's ``answer`` has one shape per type (see
:class:`Question`); :func:`grade` compares a response with it and says how much credit it earns.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import cast

from quizhall.bank.qtypes.registry import ALIASES, kind_of


class QuestionType(StrEnum):
    """The names of the built-in question types (defined in :mod:`quizhall.bank.qtypes`)."""

    SINGLE = "single"
    MULTIPLE = "multiple"
    JUDGE = "judge"
    FILL = "fill"
    SHORT = "short"
    ORDER = "order"
    NUMERIC = "numeric"
    MATCH = "match"


# Every name a bank may write for a type → its canonical name; filled as types register
# (the built-ins in quizhall.bank.qtypes.builtin, plugins' through the registry).
TYPE_ALIASES = ALIASES

OPTION_LETTERS = "ABCDEFGH"

TRUE_WORDS = frozenset({"true", "t", "yes", "y", "对", "正确", "是", "√", "✓", "✔", "1"})
FALSE_WORDS = frozenset({"false", "f", "no", "n", "错", "错误", "否", "×", "✗", "✘", "x", "0"})

# Blanks in a fill-in stem: two or more underscores, or empty brackets (full or half width).
BLANK_RE = re.compile(r"_{2,}|（[ 　]*）|\([ 　]*\)")


@dataclass(frozen=True, slots=True)
class NumericAnswer:
    """A number with a tolerance, or a closed range."""

    low: float
    high: float
    value: float | None = None  # set when written as value ± tolerance
    tolerance: float = 0.0

    @classmethod
    def around(cls, value: float, tolerance: float = 0.0) -> NumericAnswer:
        return cls(value - tolerance, value + tolerance, value, tolerance)

    def accepts(self, number: float) -> bool:
        # A little slack for binary floating point, never more than the bank allows.
        eps = 1e-9 * max(1.0, abs(self.low), abs(self.high))
        return self.low - eps <= number <= self.high + eps


@dataclass(frozen=True, slots=True)
class Question:
    """One question.

    ``answer`` by built-in type: single → ``"A"``; multiple → ``("A", "B")`` (sorted); judge → bool;
    fill → one tuple of accepted texts per blank; short → reference text; order → letters in
    the right order; numeric → :class:`NumericAnswer`; match → ``((left, right), …)``. A plugin
    type's answer is whatever its definition reads, so the field is typed ``object``; the
    properties :attr:`letters`, :attr:`accepted`, :attr:`number` and :attr:`pairs` give a
    built-in type's answer with its shape.
    """

    id: str
    type: str  # a QuestionType for the built-ins, a registered plugin type's name otherwise
    stem: str
    answer: object  # its shape is the type's (see above)
    options: dict[str, str] = field(default_factory=dict)
    explanation: str = ""
    source: str = ""
    tags: tuple[str, ...] = ()
    difficulty: int | None = None
    points: float | None = None
    time_limit: float | None = None
    shuffle: bool = True
    partial: float | str = 0  # multiple: share for a right subset, or "proportional"
    strict: bool = False  # fill: exact matching
    unit: str = ""  # numeric
    keywords: tuple[str, ...] = ()  # short
    distractors: tuple[str, ...] = ()  # match
    media: str = ""  # a picture or video the host opens outside the terminal
    image: str = ""  # a picture drawn with the stem: its file, found from the bank's folder
    alt: str = ""  # what the picture shows, in words: said where it cannot be drawn
    option_images: dict[str, tuple[str, str]] = field(default_factory=dict)  # letter: (file, alt)
    line: int = 0  # where the question starts in its file, for messages

    @property
    def pictures(self) -> tuple[str, ...]:
        """The files of every picture the question draws: its own, then its options'."""
        files = (self.image,) if self.image else ()
        return files + tuple(file for file, _ in self.option_images.values())

    @property
    def blanks(self) -> int:
        """How many blanks a fill-in question has."""
        return len(self.accepted) if self.type == QuestionType.FILL else 0

    # The answer with its shape, for a question of a type that has it: the loader and the
    # parse cache only ever give a question its type's shape, so these need no checks.

    @property
    def letters(self) -> tuple[str, ...]:
        """The option letters of a single, multiple or order answer (``("A",)`` for single)."""
        if isinstance(self.answer, str):
            return (self.answer,)
        return cast(tuple[str, ...], self.answer)

    @property
    def accepted(self) -> tuple[tuple[str, ...], ...]:
        """A fill-in answer: the texts each blank accepts."""
        return cast(tuple[tuple[str, ...], ...], self.answer)

    @property
    def number(self) -> NumericAnswer:
        """A numeric answer."""
        return cast(NumericAnswer, self.answer)

    @property
    def pairs(self) -> tuple[tuple[str, str], ...]:
        """A match answer: ``((left, right), …)`` in bank order."""
        return cast(tuple[tuple[str, str], ...], self.answer)

    def answer_text(self) -> str:
        """The correct answer as a person reads it."""
        return kind_of(self.type).answer_text(self)


def plain_value(number: float) -> int | float:
    """A number as data people read: ``110.0`` is ``110``, others are rounded to six places
    against float noise (``0.1 + 0.2`` is ``0.3``): scores, stakes, answers, exports."""
    value = round(float(number), 6)
    return int(value) if value.is_integer() else value


def plain_number(number: float) -> str:
    """A number as people write it: ``110``, ``-10``, ``12.5`` (see :func:`plain_value`)."""
    return str(plain_value(number))


@dataclass(frozen=True, slots=True)
class Level:
    """A 闯关 level: a pool of questions chosen by tag and/or id, and the ratio to pass it."""

    id: str
    title: str
    tags: tuple[str, ...] = ()
    question_ids: tuple[str, ...] = ()
    pass_ratio: float = 0.8
    count: int | None = None

    def pool(self, questions: tuple[Question, ...]) -> list[Question]:
        """The bank's questions this level draws from, in bank order."""
        ids = set(self.question_ids)
        tags = set(self.tags)
        return [q for q in questions if q.id in ids or tags.intersection(q.tags)]


@dataclass(frozen=True, slots=True)
class BankInfo:
    """A bank's ``bank:`` block."""

    id: str
    title: str
    language: str = "zh-CN"
    version: str = ""
    description: str = ""
    author: str = ""
    license: str = ""


@dataclass(frozen=True, slots=True)
class Bank:
    """A loaded, validated bank."""

    info: BankInfo
    questions: tuple[Question, ...]
    levels: tuple[Level, ...] = ()
    path: str = ""

    def question(self, question_id: str) -> Question | None:
        """The question with this id, or None."""
        return self.index.get(question_id)

    @property
    def index(self) -> dict[str, Question]:
        """Questions by id (built on each call; hold on to it in loops)."""
        return {q.id: q for q in self.questions}

    @property
    def pictures(self) -> tuple[str, ...]:
        """Every picture file the bank's questions draw, in bank order."""
        return tuple(file for q in self.questions for file in q.pictures)


# ---------------------------------------------------------------------------------------------
# Grading


@dataclass(frozen=True, slots=True)
class Grade:
    """The verdict on one response: ``credit`` is the share of the points earned (0–1).

    ``correct`` is None when a person must judge (short answers).
    """

    correct: bool | None
    credit: float

    @classmethod
    def of(cls, correct: bool) -> Grade:
        return cls(correct, 1.0 if correct else 0.0)


NEEDS_JUDGE = Grade(None, 0.0)


def normalize_text(text: str) -> str:
    """Fold full-/half-width forms, case and surrounding or repeated spaces."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(folded.split())


def parse_judge(value: object) -> bool | None:
    """A true/false response in any accepted spelling, or None if it is neither."""
    if isinstance(value, bool):
        return value
    word = normalize_text(str(value))
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    return None


def parse_letters(value: object) -> tuple[str, ...]:
    """Option letters from ``"ABD"``, ``"A,B,D"``, ``"a b d"`` or a list of letters
    (``TypeError`` for a value that is neither a text nor iterable)."""
    if isinstance(value, str):
        items: list[str] = [c for c in unicodedata.normalize("NFKC", value).upper()
                            if not c.isspace() and c not in ",，、;；/"]
    elif isinstance(value, Iterable):
        items = [normalize_text(str(v)).upper() for v in value]
    else:
        raise TypeError(f"not option letters: {type(value).__name__}")
    return tuple(items)


def parse_number(value: object) -> float | None:
    """A numeric response (full-width digits and thousands separators allowed), or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    text = unicodedata.normalize("NFKC", str(value)).strip().replace(",", "").replace(" ", "")
    try:
        return float(text)
    except ValueError:
        return None


def grade(question: Question, response: object) -> Grade:
    """How much credit ``response`` earns for ``question`` (its type's definition says how).

    Responses by built-in type: single → a letter; multiple → letters (any form of
    :func:`parse_letters`); judge → bool or a word like 对/错; fill → a list of texts, one per
    blank (a single text for one blank); short → anything (a person judges); order → letters
    in order; numeric → a number or numeric text; match → a mapping left → right.
    A response that cannot be read earns nothing; grading never raises.
    """
    kind = kind_of(question.type)
    if response is None:
        return NEEDS_JUDGE if kind.drawing.self_judged else Grade.of(False)
    return kind.grade(question, response)
