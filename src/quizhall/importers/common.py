"""Helpers every importer shares: reading a text file, collecting results, making ids.

:class:`Collector` is how an importer reports: each item it finds is either added as a question
or skipped with its line and reason, and warnings say what an imported question lost.
:func:`assign_ids` gives the questions stable, unique ids once a whole file has been read.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from quizhall.bank.model import Question
from quizhall.diagnostics import Diagnostic
from quizhall.i18n import t
from quizhall.importers import ImportOptions, ImportResult
from quizhall.yamlsource import MAX_BYTES, read_limited

# Tried in order when no encoding is given: UTF-8 (a BOM is dropped), then GB18030, which
# reads GBK and GB2312 too, as Chinese Excel and Notepad save them.
ENCODINGS = ("utf-8-sig", "gb18030")

_CJK = re.compile("[\u3400-\u9fff\uf900-\ufaff]")
_SLUG_DROP = re.compile(r"[^\w.\-]+")


class Collector:
    """Gathers one file's questions, skipped items and warnings into an :class:`ImportResult`."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.result = ImportResult()

    def add(self, question: Question) -> None:
        """An imported question."""
        self.result.questions.append(question)

    def skip(self, line: int, message: str, column: int = 1, hint: str | None = None) -> None:
        """An item found at ``line`` that could not be imported, and why."""
        self.result.skipped.append(Diagnostic(self.display, line, column, message, "error", hint))

    def warn(self, line: int, message: str, column: int = 1, hint: str | None = None) -> None:
        """Something an imported question lost or changed on the way."""
        self.result.warnings.append(Diagnostic(self.display, line, column, message, "warning",
                                               hint))

    def fail(self, message: str, hint: str | None = None, line: int = 0, column: int = 0) -> None:
        """The file as a whole cannot be read."""
        self.result.failures.append(Diagnostic(self.display, line, column, message, "error",
                                               hint))


def display_name(path: Path, options: ImportOptions) -> str:
    """How messages name the file."""
    return options.display or str(path)


def read_bytes(path: Path, collector: Collector) -> bytes | None:
    """The file's bytes, or None after reporting why it cannot be read (missing, a directory,
    not a regular file, larger than the limit)."""
    data, (message, hint) = read_limited(path, MAX_BYTES)
    if data is None:
        collector.fail(message, hint)
    return data


def decode(data: bytes, encoding: str | None, collector: Collector) -> str | None:
    """Text from bytes: the given encoding, or the first of :data:`ENCODINGS` that fits.

    A UTF-16 byte-order mark (Excel's "Unicode text") is honoured.
    Line ends are made ``\\n`` (CR LF and a lone CR alike). None after reporting a failure.
    """
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError:
            collector.fail(t("import_bank.unknown_encoding", encoding=encoding))
            return None
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            collector.fail(t("import_bank.wrong_encoding", encoding=encoding, offset=exc.start),
                           t("import_bank.encoding_hint"), line=line)
            return None
        collector.result.encoding = encoding
    else:
        candidates = ("utf-16",) if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ENCODINGS
        for candidate in candidates:
            try:
                text = data.decode(candidate)
            except UnicodeDecodeError:
                continue
            collector.result.encoding = candidate
            break
        else:
            collector.fail(t("import_bank.undecodable"), t("import_bank.encoding_hint"))
            return None
    if b"\0" in data and not collector.result.encoding.lower().startswith("utf-16"):
        collector.fail(t("diag.binary", offset=data.find(b"\0")))
        return None
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def read_text_file(path: Path, options: ImportOptions,
                   collector: Collector) -> str | None:
    """The decoded text of a line-based format, or None after reporting why not."""
    data = read_bytes(path, collector)
    if data is None:
        return None
    if not data.strip():
        collector.fail(t("diag.empty_file"))
        return None
    return decode(data, options.encoding, collector)


def slugify(text: str, limit: int = 60) -> str:
    """An id-friendly form of ``text``: letters (any script), digits, ``-``, ``_`` and ``.``."""
    folded = unicodedata.normalize("NFKC", text).strip()
    slug = _SLUG_DROP.sub("-", folded).strip("-.")
    return slug[:limit].rstrip("-.")


def id_prefix(path: Path, options: ImportOptions) -> str:
    """What generated ids start with: the bank id, or the file's name without its suffixes."""
    if options.bank_id:
        return slugify(options.bank_id) or "q"
    return slugify(path.name.split(".")[0]) or slugify(path.stem) or "q"


def assign_ids(questions: Sequence[Question], preferred: Sequence[str | None],
               numbers: Sequence[int], prefix: str, *, unique_only: bool) -> list[Question]:
    """Give each question a final id.

    ``preferred[i]`` is the id the file suggests (an id column, a GIFT title …); ``numbers[i]``
    is the question's running number among the items found, for the fallback
    ``<prefix>-<number>``. With ``unique_only`` a suggestion used by several questions is given
    to none of them (titles); otherwise the first keeps it (explicit ids). The result is
    unique and depends only on the file, so importing it again gives the same ids.
    """
    counts = Counter(p for p in preferred if p)
    width = max(3, len(str(max(numbers, default=0))))
    taken: set[str] = set()
    chosen: list[str | None] = []
    for wish in preferred:
        ok = bool(wish and (counts[wish] == 1 or not unique_only) and wish not in taken)
        chosen.append(wish if ok else None)
        if ok and wish:
            taken.add(wish)
    result = []
    for question, wish, number in zip(questions, chosen, numbers, strict=True):
        if wish is None:
            wish = f"{prefix}-{number:0{width}d}"
            suffix = 2
            while wish in taken:
                wish = f"{prefix}-{number:0{width}d}-{suffix}"
                suffix += 1
            taken.add(wish)
        result.append(dataclasses.replace(question, id=wish))
    return result


def guess_language(texts: Sequence[str]) -> str:
    """``zh-CN`` when the texts hold Chinese characters, else ``en``."""
    return "zh-CN" if any(_CJK.search(text) for text in texts) else "en"
