"""Show a question (options shuffled) and read what the trainee typed into a gradable answer.

:func:`present` fixes the order the options are shown in; :meth:`Presented.read` turns keys
typed against that order (``B``, ``2``, ``ACD``, ``1B 2A``, one text per blank …) into an
:class:`Answer` whose ``given`` always names the *original* option letters, so history and
grading never depend on the shuffle. Grading itself is :func:`quizhall.bank.model.grade`.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass

from quizhall.bank.model import (
    OPTION_LETTERS,
    Grade,
    Question,
    QuestionType,
    grade,
    parse_judge,
    parse_number,
)
from quizhall.i18n import t
from quizhall.practice.library import QuestionRef

MATCH_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
CHOICES = (QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.ORDER)
_PAIR_RE = re.compile(r"(\d+)\s*[-:=>→]?\s*([A-Za-z])")
# Ignored around a fill-in answer: trailing sentence punctuation, surrounding quotes.
TRAILING_PUNCTUATION = "。．.，,；;！!？?、"
QUOTES = "\"'“”‘’「」『』《》〈〉"
PERCENT = ("%", "％")

# A JSON-friendly answer as stored: letters as a string, a bool, texts, or left → right.
Given = str | bool | list[str] | dict[str, str] | None


class AnswerInputError(ValueError):
    """What the trainee typed cannot be read as an answer; the message says why."""


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
    def kind(self) -> QuestionType:
        return self.ref.question.type

    def choices(self) -> list[tuple[str, str]]:
        """``(shown letter, text)`` for each option a key can pick, in shown order."""
        q = self.ref.question
        if self.kind in CHOICES:
            return [(OPTION_LETTERS[i], q.options[letter]) for i, letter in enumerate(self.order)]
        if self.kind is QuestionType.JUDGE:
            return [("A", t("practice.judge_true")), ("B", t("practice.judge_false"))]
        if self.kind is QuestionType.MATCH:
            return [(MATCH_LETTERS[i], text) for i, text in enumerate(self.order)]
        return []

    def lefts(self) -> list[str]:
        """The left-hand items of a match question, numbered from 1 in this order."""
        if self.kind is not QuestionType.MATCH:
            return []
        return [left for left, _ in self.ref.question.pairs]

    def shown_letter(self, original: str) -> str:
        """Where an original option letter is shown."""
        return OPTION_LETTERS[self.order.index(original)]

    def original_letter(self, shown: str) -> str:
        """The original option letter behind a shown one."""
        return self.order[OPTION_LETTERS.index(shown)]

    # -- reading input ---------------------------------------------------------------------

    def read(self, raw: str | list[str], judged: bool | None = None) -> Answer:
        """Read what was typed (one text per blank for fill-in) into a graded answer.

        Short answers are judged by the trainee: ``judged`` says whether they were right.
        Raises :class:`AnswerInputError` when the input cannot be an answer.
        """
        q = self.ref.question
        kind = self.kind
        if kind is QuestionType.FILL:
            texts = [raw] if isinstance(raw, str) else list(raw)
            if len(texts) != q.blanks or not any(text.strip() for text in texts):
                raise AnswerInputError(t("practice.input_fill", count=q.blanks))
            found = grade(q, texts)
            if not found.correct:
                found = grade(q, [tidy_fill(text) for text in texts])
            return Answer(texts, found)
        text = raw if isinstance(raw, str) else " ".join(raw)
        if kind is QuestionType.SHORT:
            if judged is None:
                raise AnswerInputError(t("practice.input_judge"))
            return Answer(text, Grade.of(judged))
        if kind is QuestionType.NUMERIC:
            number = strip_unit(text, q.unit)
            if parse_number(number) is None:
                raise AnswerInputError(t("practice.input_number"))
            return Answer(text.strip(), grade(q, number))
        if kind is QuestionType.JUDGE:
            value = _judge_value(text)
            if value is None:
                raise AnswerInputError(t("practice.input_judge_choice"))
            return Answer(value, grade(q, value))
        if kind is QuestionType.MATCH:
            pairs = self._read_pairs(text)
            return Answer(pairs, grade(q, pairs))
        shown = _letters(text, len(self.order))
        originals = [self.original_letter(letter) for letter in shown]
        if kind is QuestionType.SINGLE:
            if len(originals) != 1:
                raise AnswerInputError(t("practice.input_single"))
            return Answer(originals[0], grade(q, originals[0]))
        if kind is QuestionType.MULTIPLE:
            if not originals or len(set(originals)) != len(originals):
                raise AnswerInputError(t("practice.input_multiple"))
            letters = "".join(sorted(originals))
            return Answer(letters, grade(q, letters))
        if sorted(originals) != sorted(self.order):
            raise AnswerInputError(t("practice.input_order", count=len(self.order)))
        letters = "".join(originals)
        return Answer(letters, grade(q, letters))

    def _read_pairs(self, text: str) -> dict[str, str]:
        lefts = self.lefts()
        folded = unicodedata.normalize("NFKC", text)
        pairs: dict[str, str] = {}
        for number, letter in _PAIR_RE.findall(folded):
            index, right = int(number) - 1, MATCH_LETTERS.find(letter.upper())
            if not 0 <= index < len(lefts) or not 0 <= right < len(self.order):
                raise AnswerInputError(t("practice.input_pair", pair=f"{number}{letter}"))
            pairs[lefts[index]] = self.order[right]
        if len(pairs) != len(lefts):
            raise AnswerInputError(t("practice.input_match", count=len(lefts)))
        return pairs

    # -- showing answers -------------------------------------------------------------------

    def answer_text(self) -> str:
        """The correct answer, with letters as shown to the trainee."""
        q = self.ref.question
        kind = self.kind
        if kind is QuestionType.SINGLE:
            (letter,) = q.letters
            return f"{self.shown_letter(letter)}. {q.options[letter]}"
        if kind is QuestionType.MULTIPLE:
            return "".join(sorted(self.shown_letter(x) for x in q.letters))
        if kind is QuestionType.ORDER:
            return "".join(self.shown_letter(x) for x in q.letters)
        if kind is QuestionType.JUDGE:
            return t("practice.judge_true") if q.answer else t("practice.judge_false")
        if kind is QuestionType.MATCH:
            return "  ".join(f"{i}{MATCH_LETTERS[self.order.index(right)]}"
                             for i, (_, right) in enumerate(q.answer, 1))  # type: ignore[arg-type]
        return q.answer_text() or t("practice.no_reference")

    def given_text(self, given: Given) -> str:
        """A stored answer, with letters as shown to the trainee."""
        kind = self.kind
        if given is None:
            return "—"
        if kind in CHOICES and isinstance(given, str):
            shown = [self.shown_letter(x) for x in given if x in self.order]
            return "".join(sorted(shown) if kind is QuestionType.MULTIPLE else shown)
        if kind is QuestionType.JUDGE:
            return t("practice.judge_true") if given else t("practice.judge_false")
        if kind is QuestionType.MATCH and isinstance(given, dict):
            lefts = self.lefts()
            return "  ".join(f"{lefts.index(left) + 1}{MATCH_LETTERS[self.order.index(right)]}"
                             for left, right in given.items()
                             if left in lefts and right in self.order)
        if isinstance(given, list):
            return "；".join(given)
        return str(given)


def present(ref: QuestionRef, rng: random.Random) -> Presented:
    """Fix the shown order of a question's options: shuffled unless it says ``shuffle: false``."""
    q = ref.question
    if q.type in CHOICES:
        letters = list(q.options)
    elif q.type is QuestionType.MATCH:
        rights = [right for _, right in q.pairs]
        letters = list(dict.fromkeys([*rights, *q.distractors]))
    else:
        return Presented(ref)
    if q.shuffle:
        rng.shuffle(letters)
    return Presented(ref, tuple(letters))


def tidy_fill(text: str) -> str:
    """A fill-in answer without surrounding quotes and trailing punctuation (``“劳动关系”。``
    reads as ``劳动关系``)."""
    tidy = text.strip()
    while tidy and (tidy[-1] in TRAILING_PUNCTUATION or tidy[-1] in QUOTES
                    or tidy[0] in QUOTES):
        tidy = tidy[:-1] if tidy[-1] in TRAILING_PUNCTUATION + QUOTES else tidy[1:]
        tidy = tidy.strip()
    return tidy


def strip_unit(text: str, unit: str) -> str:
    """A numeric answer without the question's unit written after it (``8 小时``), or
    without ``%`` when the unit is a percentage."""
    tidy = unicodedata.normalize("NFKC", text).strip()
    unit = unicodedata.normalize("NFKC", unit).strip()
    if unit and tidy.endswith(unit):
        return tidy[:-len(unit)].strip()
    if unit in PERCENT or "%" in unit:
        return tidy.removesuffix("%").strip()
    return tidy


def _letters(text: str, count: int) -> list[str]:
    """Shown option letters from ``"ACD"``, ``"a c d"`` or ``"134"``; rejects unknown ones."""
    folded = unicodedata.normalize("NFKC", text).upper()
    letters: list[str] = []
    for char in folded:
        if char.isspace() or char in ",，、;；/":
            continue
        if char.isdigit() and 1 <= int(char) <= count:
            letters.append(OPTION_LETTERS[int(char) - 1])
        elif char in OPTION_LETTERS[:count]:
            letters.append(char)
        else:
            raise AnswerInputError(t("practice.input_letter", letter=char,
                                     last=OPTION_LETTERS[count - 1]))
    return letters


def _judge_value(text: str) -> bool | None:
    folded = unicodedata.normalize("NFKC", text).strip().upper()
    if folded in ("A", "1"):
        return True
    if folded in ("B", "2"):
        return False
    return parse_judge(text)
