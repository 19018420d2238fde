"""Import OpenTriviaQA files: ``#Q`` stem, ``^`` answer text, ``A``–``H`` option lines.

The public OpenTriviaQA collection (uberspot/OpenTriviaQA, CC BY-SA 4.0) writes one record per
question, blank lines between them::

    #Q Three of these animals hibernate. Which one does not?
    ^ Sloth
    A Mouse
    B Sloth

A stem may run over several lines (every line up to ``^``). The answer is given as text: it
names the option whose text it is (letters are not used). A record whose two options are
True/False or Yes/No becomes a true/false (judge) question. A record is skipped, with its line
and the reason, when its answer is no option's text, it has fewer than two options (or more
than eight), or it has no ``^`` line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quizhall.bank.model import OPTION_LETTERS, Question, QuestionType, normalize_text
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

_OPTION_RE = re.compile(r"^([A-H])\s+(.*)$")
# Two options that make a true/false question, and the words among them meaning "true".
_JUDGE_PAIRS = ({"true", "false"}, {"yes", "no"})
_TRUE = ("true", "yes")


@dataclass(slots=True)
class _Record:
    line: int
    stem: list[str]
    answer: str | None = None
    answer_line: int = 0
    options: list[tuple[str, str]] = field(default_factory=list)  # (letter, text)


def read_opentriviaqa(path: Path, options: ImportOptions) -> ImportResult:
    """Read an OpenTriviaQA file (see the module docstring)."""
    collector = Collector(display_name(path, options))
    source = read_text_file(path, options, collector)
    if source is None:
        return collector.result
    records: list[_Record] = []
    current: _Record | None = None
    for number, raw in enumerate(source.splitlines(), 1):
        line = raw.strip()
        if line.startswith("#Q"):
            current = _Record(number, [line[2:].strip()])
            records.append(current)
        elif current is None or not line:
            continue
        elif line.startswith("^"):
            current.answer, current.answer_line = line[1:].strip(), number
        elif current.answer is None:
            current.stem.append(line)  # the stem goes on until the answer
        elif (found := _OPTION_RE.match(line)) is not None:
            current.options.append((found.group(1), found.group(2).strip()))
        else:
            current.options.append(("", line))  # reported when the record is finished
    drafts: list[Question] = []
    numbers: list[int] = []
    for found_at, record in enumerate(records, 1):
        question = _question(record, collector)
        if question is not None:
            drafts.append(question)
            numbers.append(found_at)
    collector.result.questions.extend(
        assign_ids(drafts, [None] * len(drafts), numbers, id_prefix(path, options),
                   unique_only=True))
    return collector.result


def _question(record: _Record, collector: Collector) -> Question | None:
    stem = "\n".join(part for part in record.stem if part).strip()
    if not stem:
        collector.skip(record.line, t("import_bank.otq_no_stem"))
        return None
    if record.answer is None:
        collector.skip(record.line, t("import_bank.otq_no_answer"))
        return None
    stray = next((text for letter, text in record.options if not letter), None)
    if stray is not None:
        collector.skip(record.line, t("import_bank.otq_stray_line", text=stray[:40]))
        return None
    texts = [text for _, text in record.options]
    if len(texts) < 2:
        collector.skip(record.line, t("import_bank.aiken_too_few", count=len(texts)))
        return None
    if len(texts) > len(OPTION_LETTERS):
        collector.skip(record.line, t("import_bank.too_many_options", count=len(texts),
                                      limit=len(OPTION_LETTERS)))
        return None
    wanted = normalize_text(record.answer)
    matches = [i for i, text in enumerate(texts) if normalize_text(text) == wanted]
    if not matches:
        collector.skip(record.answer_line, t("import_bank.otq_answer_not_option",
                                             answer=record.answer or "∅"))
        return None
    common: dict[str, Any] = {"id": "", "stem": stem, "line": record.line}
    if len(texts) == 2 and {normalize_text(text) for text in texts} in _JUDGE_PAIRS:
        return Question(type=QuestionType.JUDGE, answer=wanted in _TRUE, **common)
    letters = OPTION_LETTERS[:len(texts)]
    return Question(type=QuestionType.SINGLE, answer=letters[matches[0]],
                    options=dict(zip(letters, texts, strict=True)), **common)


class OpenTriviaQAImporter:
    """The ``opentriviaqa`` format."""

    name = "opentriviaqa"
    suffixes = (".otq", ".opentriviaqa")

    @property
    def description(self) -> str:
        return t("import_bank.otq_format")

    def read(self, path: Path, options: ImportOptions) -> ImportResult:
        return read_opentriviaqa(path, options)

    def sniff(self, head: str) -> bool:
        """True when the text has ``#Q`` records with ``^`` answers."""
        return bool(re.search(r"^#Q .*\n(?:.*\n)*?\^ ", head, re.MULTILINE))


@hookimpl
def quizhall_register_importers(register: Any) -> None:
    register(OpenTriviaQAImporter())
