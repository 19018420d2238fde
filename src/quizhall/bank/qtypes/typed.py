"""Reading what a trainee typed: option letters, true/false keys, pairs, tidied texts.

The helpers the question types use to turn keys typed against the shown order into a
response; :class:`AnswerInputError` says why some input cannot be an answer.
"""

from __future__ import annotations

import re
import unicodedata

from quizhall.bank.model import OPTION_LETTERS, parse_judge
from quizhall.bank.qtypes.registry import AnswerInputError
from quizhall.i18n import t

MATCH_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
PAIR_RE = re.compile(r"(\d+)\s*[-:=>→]?\s*([A-Za-z])")
# Ignored around a fill-in answer: trailing sentence punctuation, surrounding quotes.
TRAILING_PUNCTUATION = "。．.，,；;！!？?、"
QUOTES = "\"'“”‘’「」『』《》〈〉"
PERCENT = ("%", "％")


def as_text(raw: str | list[str]) -> str:
    """Typed input as one text (several fields joined by spaces)."""
    return raw if isinstance(raw, str) else " ".join(raw)


def shown_letter(order: tuple[str, ...], original: str) -> str:
    """Where an original option letter is shown."""
    return OPTION_LETTERS[order.index(original)]


def original_letter(order: tuple[str, ...], shown: str) -> str:
    """The original option letter behind a shown one."""
    return order[OPTION_LETTERS.index(shown)]


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


def shown_letters(text: str, count: int) -> list[str]:
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


def judge_value(text: str) -> bool | None:
    """True/false from the keys A/1 and B/2 (as shown) or any accepted spelling."""
    folded = unicodedata.normalize("NFKC", text).strip().upper()
    if folded in ("A", "1"):
        return True
    if folded in ("B", "2"):
        return False
    return parse_judge(text)


def read_pairs(text: str, lefts: list[str], order: tuple[str, ...]) -> dict[str, str]:
    """Pairs typed as ``1B 2A`` (numbered left items, shown right-hand letters)."""
    folded = unicodedata.normalize("NFKC", text)
    pairs: dict[str, str] = {}
    for number, letter in PAIR_RE.findall(folded):
        index, right = int(number) - 1, MATCH_LETTERS.find(letter.upper())
        if not 0 <= index < len(lefts) or not 0 <= right < len(order):
            raise AnswerInputError(t("practice.input_pair", pair=f"{number}{letter}"))
        pairs[lefts[index]] = order[right]
    if len(pairs) != len(lefts):
        raise AnswerInputError(t("practice.input_match", count=len(lefts)))
    return pairs
