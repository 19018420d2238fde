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
    Paper,
    Question,
)
from quizhall.bank.qtypes.registry import kind_of, lookup
from quizhall.diagnostics import Diagnostic
from quizhall.i18n import get_language

FORMAT = 3
_QUESTION_FIELDS = len(Question.__slots__)
# Rows are stored by position: a change to any model's fields must not read old entries.
_SCHEMA = zlib.crc32(repr([[f.name for f in fields(cls)] for cls in (
    Question, NumericAnswer, Level, BankInfo, Paper, Diagnostic)]).encode())


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


def is_texts(value: object, non_empty: bool = False) -> bool:
    """Whether a cached value is a tuple of texts (a non-empty one if asked)."""
    return (isinstance(value, tuple) and all(isinstance(item, str) for item in value)
            and (bool(value) or not non_empty))


def is_finite(value: object, optional: bool = True) -> bool:
    """Whether a cached value is a finite number (or None, when optional)."""
    if value is None:
        return optional
    return (isinstance(value, int | float) and not isinstance(value, bool)
            and math.isfinite(value))


def _valid_question(q: Question) -> bool:
    texts = (q.id, q.stem, q.explanation, q.source, q.unit, q.media)
    return (all(isinstance(text, str) for text in texts) and bool(q.id)
            and isinstance(q.options, dict)
            and all(isinstance(k, str) and k in OPTION_LETTERS and isinstance(v, str)
                    for k, v in q.options.items())
            and is_texts(q.tags) and is_texts(q.keywords) and is_texts(q.distractors)
            and (q.difficulty is None or type(q.difficulty) is int)
            and is_finite(q.points) and is_finite(q.time_limit)
            and isinstance(q.shuffle, bool) and isinstance(q.strict, bool)
            and (q.partial == "proportional" or is_finite(q.partial, False))
            and type(q.line) is int and kind_of(q.type).valid_answer(q))


def _valid_bank(bank: Bank) -> bool:
    info = bank.info
    if not all(isinstance(getattr(info, f.name), str) for f in fields(BankInfo)):
        return False
    ids = [q.id for q in bank.questions]
    if len(set(ids)) != len(ids) or not all(map(_valid_question, bank.questions)):
        return False
    return all(isinstance(lv.id, str) and isinstance(lv.title, str) and is_texts(lv.tags)
               and is_texts(lv.question_ids) and is_finite(lv.pass_ratio, False)
               and 0 < lv.pass_ratio <= 1 and (lv.count is None or type(lv.count) is int)
               for lv in bank.levels) and all(map(_valid_paper, bank.papers))


def _valid_paper(paper: Paper) -> bool:
    return (isinstance(paper.id, str) and isinstance(paper.title, str)
            and is_texts(paper.questions) and isinstance(paper.seed, str)
            and isinstance(paper.bank, str) and isinstance(paper.path, str)
            and all(isinstance(name, str) and type(n) is int and n > 0
                    for name, n in paper.quotas)
            and is_finite(paper.time_limit) and is_finite(paper.pass_ratio, False)
            and 0 < paper.pass_ratio <= 1
            and isinstance(paper.positions, tuple)
            and len(paper.positions) == len(paper.questions)
            and all(isinstance(p, tuple) and len(p) == 2 and all(type(x) is int for x in p)
                    for p in paper.positions))


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
        row[1] = str(q.type)
        row[3] = kind_of(q.type).to_cache(q.answer)
        questions.append(tuple(row))
    return (
        FORMAT,
        astuple(bank.info),
        tuple(questions),
        tuple(astuple(level) for level in bank.levels),
        tuple(astuple(d) for d in diagnostics),
        tuple((p.id, p.title, p.questions, tuple((str(name), n) for name, n in p.quotas),
               p.time_limit, p.pass_ratio, p.seed, p.bank, p.path, p.positions)
              for p in bank.papers),
    )


def _decode_paper(row: tuple) -> Paper:
    """A paper's row; each quota's type is looked up again (a type gone: a miss)."""
    quotas = tuple((lookup(name) or _missing(name), n) for name, n in row[3])
    return Paper(row[0], row[1], row[2], quotas, *row[4:])


def _missing(name: str) -> str:
    raise ValueError(f"question type {name} is not registered")


def _decode(payload: tuple) -> tuple[Bank, list[Diagnostic]]:
    fmt, info, questions, levels, diagnostics, papers = payload
    if fmt != FORMAT:
        raise ValueError("cache format")
    decoded = []
    for row in questions:
        kind = kind_of(row[1])  # a type no longer registered: a miss
        qtype, answer = kind.name, kind.from_cache(row[3])
        if len(row) != _QUESTION_FIELDS:
            raise ValueError("cache row")
        decoded.append(Question(row[0], qtype, row[2], answer, *row[4:]))
    bank = Bank(BankInfo(*info), tuple(decoded), tuple(Level(*lv) for lv in levels),
                papers=tuple(_decode_paper(row) for row in papers))
    return bank, [Diagnostic(*d) for d in diagnostics]
