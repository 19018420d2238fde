"""Import Aiken files the way Moodle reads them, errors and line numbers included.

Each question is a one-line stem, its options (``A) text`` or ``A. text``; the space after the
mark is optional) and an ``ANSWER: X`` line. Lines shorter than two characters are ignored.
As in Moodle, a problem costs only the question it is in, and is reported at the line where it
shows: an ``ANSWER`` line after fewer than two options, an option or ``ANSWER`` line with no
question started, a new stem before the previous question's ``ANSWER`` (reported at the new
stem's line). A question still open at the end of the file is reported too (Moodle drops it
without a word).

Beyond Moodle, for files written by hand in Chinese: option marks may be full-width
(``A．`` ``A）``) or ``A、``, the answer line may be written ``Answer:`` or with a full-width
colon, and ``ANSWER: AC`` makes a multiple-choice question (Moodle would keep only ``A``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quizhall.bank.model import OPTION_LETTERS, Question, QuestionType, parse_letters
from quizhall.hookspecs import hookimpl
from quizhall.i18n import t
from quizhall.importers import ImportOptions, ImportResult
from quizhall.importers.common import (
    Collector,
    assign_ids,
    display_name,
    id_prefix,
    read_text_file,
)

_OPTION_RE = re.compile(r"^([A-Z])[).．）、][ \t]?")
_ANSWER_RE = re.compile(r"^ANSWER\s*[:：]", re.IGNORECASE)
# The letters at the start of an answer line's value: "B", "AC", "A, C", "B) Martin" → "B".
_LETTERS_RE = re.compile(r"(?:[A-Za-z][\s,，、;；/]*)+")


@dataclass(slots=True)
class _Open:
    line: int
    stem: str
    options: list[str] = field(default_factory=list)


def read_aiken(path: Path, options: ImportOptions) -> ImportResult:
    """Read an Aiken file (see the module docstring)."""
    collector = Collector(display_name(path, options))
    source = read_text_file(path, options, collector)
    if source is None:
        return collector.result
    drafts: list[Question] = []
    numbers: list[int] = []
    found = 0
    current: _Open | None = None
    for number, raw in enumerate(source.split("\n"), 1):
        line = raw.strip()
        if len(line) < 2:
            continue
        if _OPTION_RE.match(line):
            if current is None:
                found += 1
                collector.skip(number, t("import_bank.aiken_not_started"))
                continue
            current.options.append(line[2:].strip())
        elif _ANSWER_RE.match(line):
            if current is None:
                found += 1
                collector.skip(number, t("import_bank.aiken_not_started"))
                continue
            found += 1
            question = _finish(current, line.split(":", 1)[-1].split("：", 1)[-1], number,
                               collector)
            if question is not None:
                drafts.append(question)
                numbers.append(found)
            current = None
        else:
            if current is not None:
                found += 1
                collector.skip(number, t("import_bank.aiken_not_finished", line=current.line))
            current = _Open(number, line)
    if current is not None:
        found += 1
        collector.skip(current.line, t("import_bank.aiken_no_answer"))
    collector.result.questions.extend(
        assign_ids(drafts, [None] * len(drafts), numbers, id_prefix(path, options),
                   unique_only=True))
    return collector.result


def _finish(current: _Open, answer_text: str, number: int,
            collector: Collector) -> Question | None:
    count = len(current.options)
    if count < 2:
        collector.skip(number, t("import_bank.aiken_too_few", count=count))
        return None
    if count > len(OPTION_LETTERS):
        collector.skip(number, t("import_bank.too_many_options", count=count,
                                 limit=len(OPTION_LETTERS)))
        return None
    if any(not text for text in current.options):
        position = current.options.index("")
        collector.skip(number, t("import_bank.empty_option", letter=OPTION_LETTERS[position]))
        return None
    letters = OPTION_LETTERS[:count]
    match = _LETTERS_RE.match(answer_text.strip())
    answer = parse_letters(match.group(0)) if match else ()
    unknown = [x for x in answer if x not in letters]
    if not answer or unknown:
        collector.skip(number, t("bank.answer_not_option", answer=answer_text.strip() or "∅",
                                 letters=letters))
        return None
    options = dict(zip(letters, current.options, strict=True))
    common: dict[str, Any] = {"id": "", "stem": current.stem, "options": options,
                              "line": current.line}
    if len(answer) == 1:
        return Question(type=QuestionType.SINGLE, answer=answer[0], **common)
    return Question(type=QuestionType.MULTIPLE, answer=tuple(sorted(set(answer))), **common)


class AikenImporter:
    """The ``aiken`` format."""

    name = "aiken"
    suffixes = (".aiken", ".aiken.txt", ".txt")

    @property
    def description(self) -> str:
        return t("import_bank.aiken_format")

    def read(self, path: Path, options: ImportOptions) -> ImportResult:
        return read_aiken(path, options)

    def sniff(self, head: str) -> bool:
        """True when the text has Aiken ``ANSWER:`` lines."""
        return bool(re.search(r"^\s*ANSWER\s*[:：]", head, re.MULTILINE | re.IGNORECASE))


@hookimpl
def quizhall_register_importers(register: Any) -> None:
    register(AikenImporter())
