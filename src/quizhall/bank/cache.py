"""Cache validated banks by content hash, so an unchanged bank loads without parsing.

Entries live in the user cache directory (``QUIZHALL_CACHE_DIR`` overrides it), one file per
content hash, quizhall version and message language, written with :mod:`marshal` (plain
values only, so a tampered cache file can hold data but never run code). What comes out of
an entry is checked to have every shape a parsed bank has (types, answers among the options,
ranges), so an altered entry can never give a bank the loader would not. Any problem reading
or writing the cache (unwritable directory, corrupt, altered or foreign file) is ignored: the
bank is parsed instead. :func:`read_list`/:func:`write_list` keep a plain
list of texts by key: the loader keeps a bank's picture files there, to key the bank on
their bytes too.
"""

from __future__ import annotations

import marshal
import math
import os
import tempfile
import zlib
from collections.abc import Callable
from dataclasses import astuple, fields
from pathlib import Path

from quizhall import __version__
from quizhall.bank.model import (
    OPTION_LETTERS,
    Bank,
    BankInfo,
    Level,
    NumericAnswer,
    Question,
    QuestionType,
)
from quizhall.diagnostics import Diagnostic
from quizhall.i18n import get_language

FORMAT = 2
_NUMERIC = QuestionType.NUMERIC
_QUESTION_FIELDS = len(Question.__slots__)
_TYPES = {qt.value: qt for qt in QuestionType}
# Rows are stored by position: a change to any model's fields must not read old entries.
_SCHEMA = zlib.crc32(repr([[f.name for f in fields(cls)] for cls in (
    Question, NumericAnswer, Level, BankInfo, Diagnostic)]).encode())


def cache_dir() -> Path:
    """Where cached banks are kept."""
    override = os.environ.get("QUIZHALL_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("quizhall", appauthor=False)) / "banks"


def _entry(key: str, kind: str = "bin") -> Path:
    # Warnings are stored as translated text, so each language has its own entry.
    return cache_dir() / f"{key}-{__version__}-{get_language()}-{FORMAT}.{_SCHEMA:08x}.{kind}"


def read(key: str) -> tuple[Bank, list[Diagnostic]] | None:
    """The cached bank and its warnings for this content hash, or None."""
    try:
        data = _entry(key).read_bytes()
        bank, diagnostics = _decode(marshal.loads(data))
        if _valid_bank(bank) and all(map(_valid_diagnostic, diagnostics)):
            return bank, diagnostics
    except Exception:  # a missing, unreadable, corrupt or foreign entry is simply a miss
        pass
    return None  # (an altered entry too: the bank is parsed again)


def _strs(value: object, non_empty: bool = False) -> bool:
    return (isinstance(value, tuple) and all(isinstance(item, str) for item in value)
            and (bool(value) or not non_empty))


def _number(value: object, optional: bool = True) -> bool:
    if value is None:
        return optional
    return (isinstance(value, int | float) and not isinstance(value, bool)
            and math.isfinite(value))


def _valid_answer(q: Question) -> bool:
    a, options = q.answer, q.options
    match q.type:
        case QuestionType.SINGLE:
            return isinstance(a, str) and a in options
        case QuestionType.MULTIPLE | QuestionType.ORDER:
            return _strs(a, non_empty=True) and all(x in options for x in a)  # type: ignore
        case QuestionType.JUDGE:
            return isinstance(a, bool)
        case QuestionType.FILL:
            return isinstance(a, tuple) and bool(a) and all(_strs(x, True) for x in a)
        case QuestionType.SHORT:
            return isinstance(a, str)
        case QuestionType.NUMERIC:
            return (isinstance(a, NumericAnswer) and _number(a.low, False)
                    and _number(a.high, False) and a.low <= a.high and _number(a.value)
                    and _number(a.tolerance, False))
        case QuestionType.MATCH:
            return isinstance(a, tuple) and bool(a) and all(
                _strs(pair) and len(pair) == 2 for pair in a)
    return False


def _valid_question(q: Question) -> bool:
    texts = (q.id, q.stem, q.explanation, q.source, q.unit, q.media)
    return (all(isinstance(text, str) for text in texts) and bool(q.id)
            and isinstance(q.options, dict)
            and all(isinstance(k, str) and k in OPTION_LETTERS and isinstance(v, str)
                    for k, v in q.options.items())
            and _strs(q.tags) and _strs(q.keywords) and _strs(q.distractors)
            and (q.difficulty is None or type(q.difficulty) is int)
            and _number(q.points) and _number(q.time_limit)
            and isinstance(q.shuffle, bool) and isinstance(q.strict, bool)
            and (q.partial == "proportional" or _number(q.partial, False))
            and type(q.line) is int and _valid_answer(q))


def _valid_bank(bank: Bank) -> bool:
    info = bank.info
    if not all(isinstance(getattr(info, f.name), str) for f in fields(BankInfo)):
        return False
    ids = [q.id for q in bank.questions]
    if len(set(ids)) != len(ids) or not all(map(_valid_question, bank.questions)):
        return False
    return all(isinstance(lv.id, str) and isinstance(lv.title, str) and _strs(lv.tags)
               and _strs(lv.question_ids) and _number(lv.pass_ratio, False)
               and 0 < lv.pass_ratio <= 1 and (lv.count is None or type(lv.count) is int)
               for lv in bank.levels)


def _valid_diagnostic(d: Diagnostic) -> bool:
    return (isinstance(d.path, str) and type(d.line) is int and type(d.column) is int
            and isinstance(d.message, str) and d.severity in ("warning", "error")
            and (d.hint is None or isinstance(d.hint, str)))


def write(key: str, bank: Bank, diagnostics: list[Diagnostic]) -> None:
    """Store a bank; failures are ignored."""
    _put(key, lambda: marshal.dumps(_encode(bank, diagnostics)))


def read_list(key: str) -> list[str] | None:
    """The texts stored with :func:`write_list` under this key (a bank's picture files), or
    None."""
    try:
        items = marshal.loads(_entry(key, "list").read_bytes())
    except Exception:  # a miss, as for banks
        return None
    if isinstance(items, list) and all(isinstance(item, str) for item in items):
        return items
    return None


def write_list(key: str, items: list[str]) -> None:
    """Store a list of texts; failures are ignored."""
    _put(key, lambda: marshal.dumps(list(items)), "list")


def _put(key: str, encode: Callable[[], bytes], kind: str = "bin") -> None:
    try:
        target = _entry(key, kind)
        target.parent.mkdir(parents=True, exist_ok=True)
        data = encode()
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, target)
        except BaseException:
            os.unlink(tmp)
            raise
    except Exception:
        return


def _encode(bank: Bank, diagnostics: list[Diagnostic]) -> tuple:
    questions = []
    for q in bank.questions:
        row = [getattr(q, f) for f in Question.__slots__]
        row[1] = q.type.value
        if q.type is _NUMERIC:
            row[3] = astuple(q.answer)  # type: ignore[arg-type]
        questions.append(tuple(row))
    return (
        FORMAT,
        astuple(bank.info),
        tuple(questions),
        tuple(astuple(level) for level in bank.levels),
        tuple(astuple(d) for d in diagnostics),
    )


def _decode(payload: tuple) -> tuple[Bank, list[Diagnostic]]:
    fmt, info, questions, levels, diagnostics = payload
    if fmt != FORMAT:
        raise ValueError("cache format")
    types = _TYPES
    decoded = []
    for row in questions:
        qtype = types[row[1]]
        answer = NumericAnswer(*row[3]) if qtype is _NUMERIC else row[3]
        if len(row) != _QUESTION_FIELDS:
            raise ValueError("cache row")
        decoded.append(Question(row[0], qtype, row[2], answer, *row[4:]))
    bank = Bank(BankInfo(*info), tuple(decoded), tuple(Level(*lv) for lv in levels))
    return bank, [Diagnostic(*d) for d in diagnostics]
