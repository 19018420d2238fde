"""Cache validated banks by content hash, so an unchanged bank loads without parsing.

Entries live in the user cache directory (``QUIZHALL_CACHE_DIR`` overrides it), one file per
content hash, quizhall version and message language, written with :mod:`marshal` (plain
values only, so a tampered cache file can hold data but never run code). Any problem reading
or writing the cache (unwritable directory, corrupt or foreign file) is ignored: the bank is
parsed instead. :func:`read_list`/:func:`write_list` keep a plain list of texts by key: the
loader keeps a bank's picture files there, to key the bank on their bytes too.
"""

from __future__ import annotations

import marshal
import os
import tempfile
import zlib
from collections.abc import Callable
from dataclasses import astuple, fields
from pathlib import Path

from quizhall import __version__
from quizhall.bank.model import Bank, BankInfo, Level, NumericAnswer, Question, QuestionType
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
        payload = marshal.loads(data)
        return _decode(payload)
    except Exception:  # a missing, unreadable, corrupt or foreign entry is simply a miss
        return None


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
