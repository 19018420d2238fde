"""How long a question deserves, and the notebook rating an answer earns from what it showed.

A right answer is not "slow" by a fixed number of seconds: a 300-character stem takes longer to
read than a true/false line, and a fill-in takes typing. :func:`deserved_seconds` estimates the
time a trainee who knows the answer needs (reading the stem and options, plus thinking and
typing by type); :func:`rating_for` compares the time taken with it. Speed alone never earns
Easy on a true/false question, where a quick guess is right half the time.
"""

from __future__ import annotations

from fsrs import Rating

from quizhall.bank.model import Question, QuestionType

# Reading speed: CJK characters and other characters (letters, digits, spaces) per second.
CJK_PER_SECOND = 8.0
OTHER_PER_SECOND = 20.0
# Thinking, choosing and typing, by type (seconds); fill-in adds BLANK_SECONDS per blank.
BASE_SECONDS = {
    QuestionType.JUDGE: 4.0, QuestionType.SINGLE: 8.0, QuestionType.MULTIPLE: 15.0,
    QuestionType.ORDER: 15.0, QuestionType.MATCH: 20.0, QuestionType.NUMERIC: 15.0,
    QuestionType.FILL: 8.0, QuestionType.SHORT: 45.0,
}
BLANK_SECONDS = 10.0
# A right answer within FAST_SHARE of the deserved time is Easy; beyond SLOW_FACTOR times
# it, Hard; in between, Good.
FAST_SHARE = 0.5
SLOW_FACTOR = 2.5


def reading_seconds(text: str) -> float:
    """Seconds to read ``text``: CJK characters at 8 a second, the rest at 20."""
    cjk = sum(1 for char in text if _is_cjk(char))
    other = sum(1 for char in text if not char.isspace()) - cjk
    return cjk / CJK_PER_SECOND + other / OTHER_PER_SECOND


def deserved_seconds(question: Question) -> float:
    """The time a trainee who knows the answer needs for ``question``: its own time limit's
    half when it has one, or else reading its text plus a base by type."""
    if question.time_limit:
        return question.time_limit / 2
    texts = [question.stem, *question.options.values(), *question.distractors]
    if question.type is QuestionType.MATCH:
        texts += [f"{left}{right}" for left, right in question.pairs]
    base = BASE_SECONDS.get(question.type, 10.0) + BLANK_SECONDS * question.blanks
    return base + sum(reading_seconds(text) for text in texts)


def rating_for(question: Question, correct: bool, seconds: float,
               doubtful: bool = False) -> Rating:
    """The FSRS rating of one answer: wrong → Again; right but doubtful (partly right, or
    "I was right" claimed) or slow → Hard; quick (not a guessable true/false) → Easy;
    else Good."""
    if not correct:
        return Rating.Again
    deserved = deserved_seconds(question)
    if doubtful or seconds > SLOW_FACTOR * deserved:
        return Rating.Hard
    if seconds <= FAST_SHARE * deserved and question.type is not QuestionType.JUDGE:
        return Rating.Easy
    return Rating.Good


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return (0x3000 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0xFF00 <= code <= 0xFFEF
            or 0x20000 <= code <= 0x2FFFF)
