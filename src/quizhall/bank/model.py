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


class QuestionType(StrEnum):
    """The kinds of question a bank can hold."""

    SINGLE = "single"
    MULTIPLE = "multiple"
    JUDGE = "judge"
    FILL = "fill"
    SHORT = "short"
    ORDER = "order"
    NUMERIC = "numeric"
    MATCH = "match"


# Chinese names people write in 题库 spreadsheets and rule sheets.
TYPE_ALIASES: dict[str, QuestionType] = {
    **{qt.value: qt for qt in QuestionType},
    "单选": QuestionType.SINGLE, "单选题": QuestionType.SINGLE, "单项选择题": QuestionType.SINGLE,
    "多选": QuestionType.MULTIPLE, "多选题": QuestionType.MULTIPLE,
    "多项选择题": QuestionType.MULTIPLE, "不定项选择题": QuestionType.MULTIPLE,
    "判断": QuestionType.JUDGE, "判断题": QuestionType.JUDGE,
    "填空": QuestionType.FILL, "填空题": QuestionType.FILL,
    "简答": QuestionType.SHORT, "简答题": QuestionType.SHORT,
    "问答": QuestionType.SHORT, "问答题": QuestionType.SHORT,
    "排序": QuestionType.ORDER, "排序题": QuestionType.ORDER,
    "数值": QuestionType.NUMERIC, "数值题": QuestionType.NUMERIC,
    "连线": QuestionType.MATCH, "连线题": QuestionType.MATCH,
    "匹配": QuestionType.MATCH, "匹配题": QuestionType.MATCH,
}

CHOICE_TYPES = frozenset({QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.ORDER})
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


# The shapes of Question.answer, by type.
Answer = str | tuple[str, ...] | bool | tuple[tuple[str, ...], ...] | NumericAnswer | \
    tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Question:
    """One question.

    ``answer`` by type: single → ``"A"``; multiple → ``("A", "B")`` (sorted); judge → bool;
    fill → one tuple of accepted texts per blank; short → reference text; order → letters in
    the right order; numeric → :class:`NumericAnswer`; match → ``((left, right), …)``.
    """

    id: str
    type: QuestionType
    stem: str
    answer: Answer
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
        return len(self.answer) if self.type is QuestionType.FILL else 0  # type: ignore[arg-type]

    @property
    def letters(self) -> tuple[str, ...]:
        """The right option letters: single → one, multiple → sorted, order → in order; else ()."""
        a = self.answer
        if self.type is QuestionType.SINGLE and isinstance(a, str):
            return (a,)
        if self.type in (QuestionType.MULTIPLE, QuestionType.ORDER) and isinstance(a, tuple):
            return tuple(str(letter) for letter in a)
        return ()

    @property
    def pairs(self) -> tuple[tuple[str, str], ...]:
        """A match question's ``(left, right)`` pairs in order; () for other types."""
        if self.type is not QuestionType.MATCH:
            return ()
        # The loaders build a match answer as pairs of texts (see the class docstring).
        return cast(tuple[tuple[str, str], ...], self.answer)

    def answer_text(self) -> str:
        """The correct answer as a person reads it."""
        a = self.answer
        match self.type:
            case QuestionType.SINGLE:
                return f"{a}. {self.options.get(a, '')}"  # type: ignore[arg-type]
            case QuestionType.MULTIPLE | QuestionType.ORDER:
                return "".join(a)  # type: ignore[arg-type]
            case QuestionType.JUDGE:
                return "√" if a else "×"
            case QuestionType.FILL:
                return "；".join(" / ".join(alts) for alts in a)  # type: ignore[union-attr]
            case QuestionType.SHORT:
                return str(a)
            case QuestionType.NUMERIC:
                n: NumericAnswer = a  # type: ignore[assignment]
                if n.value is not None:
                    text = _fmt(n.value) + (f" ± {_fmt(n.tolerance)}" if n.tolerance else "")
                else:
                    text = f"{_fmt(n.low)} – {_fmt(n.high)}"
                return f"{text} {self.unit}".rstrip()
            case QuestionType.MATCH:
                return "；".join(f"{left} → {right}" for left, right in self.pairs)
        return str(a)


def _fmt(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else f"{number:g}"


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
    """Option letters from ``"ABD"``, ``"A,B,D"``, ``"a b d"`` or a list of letters."""
    if isinstance(value, str):
        items: list[str] = [c for c in unicodedata.normalize("NFKC", value).upper()
                            if not c.isspace() and c not in ",，、;；/"]
    elif isinstance(value, Iterable):
        items = [normalize_text(str(v)).upper() for v in value]
    else:
        raise TypeError(f"not option letters: {value!r}")
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
    """How much credit ``response`` earns for ``question``.

    Responses by type: single → a letter; multiple → letters (any form of
    :func:`parse_letters`); judge → bool or a word like 对/错; fill → a list of texts, one per
    blank (a single text for one blank); short → anything (a person judges); order → letters
    in order; numeric → a number or numeric text; match → a mapping left → right.
    A response that cannot be read earns nothing; grading never raises.
    """
    qt = question.type
    answer = question.answer
    if response is None:
        return NEEDS_JUDGE if qt is QuestionType.SHORT else Grade.of(False)
    if qt is QuestionType.SINGLE:
        letters = parse_letters(response) if isinstance(response, str) else ()
        return Grade.of(letters == (answer,))
    if qt is QuestionType.MULTIPLE:
        return _grade_multiple(question, response)
    if qt is QuestionType.JUDGE:
        return Grade.of(parse_judge(response) is answer)
    if qt is QuestionType.FILL:
        return _grade_fill(question, response)
    if qt is QuestionType.SHORT:
        return NEEDS_JUDGE
    if qt is QuestionType.ORDER:
        try:
            return Grade.of(parse_letters(response) == answer)
        except TypeError:
            return Grade.of(False)
    if qt is QuestionType.NUMERIC:
        number = parse_number(response)
        return Grade.of(number is not None and answer.accepts(number))  # type: ignore[union-attr]
    if qt is QuestionType.MATCH:
        if not isinstance(response, dict):
            return Grade.of(False)
        given = {normalize_text(str(k)): normalize_text(str(v)) for k, v in response.items()}
        wanted = {normalize_text(k): normalize_text(v) for k, v in question.pairs}
        return Grade.of(given == wanted)
    return Grade.of(False)


def _grade_multiple(question: Question, response: object) -> Grade:
    try:
        chosen = set(parse_letters(response))
    except TypeError:
        return Grade.of(False)
    right = set(question.answer)  # type: ignore[arg-type]
    if chosen == right:
        return Grade.of(True)
    if not chosen or not chosen <= right or not question.partial:
        return Grade.of(False)
    if question.partial == "proportional":
        return Grade(False, len(chosen) / len(right))
    return Grade(False, float(question.partial))


def _grade_fill(question: Question, response: object) -> Grade:
    given = [response] if isinstance(response, str) else response
    if not isinstance(given, list | tuple) or len(given) != len(question.answer):  # type: ignore[arg-type]
        return Grade.of(False)
    fold = str.strip if question.strict else normalize_text
    for text, accepted in zip(given, question.answer, strict=True):  # type: ignore[arg-type]
        if fold(str(text)) not in {fold(a) for a in accepted}:
            return Grade.of(False)
    return Grade.of(True)
