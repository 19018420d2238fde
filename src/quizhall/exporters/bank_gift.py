"""Export a bank as Moodle GIFT (the ``gift`` bank exporter), for Moodle users.

Each question becomes one block: ``// [tag:…]`` comments, ``::id::`` as its title, the stem,
and the answer block at the end, with the explanation as general feedback (``####``). Every
special character (``~ = # { } :`` and ``\\``) is escaped and new lines are written as ``\\n``,
so :mod:`quizhall.importers.gift` reads the file back into the same questions.

GIFT has no place for some things; each is reported, never dropped silently: order questions
and fill questions with several blanks are left out; a multiple-choice question is scored
proportionally in Moodle (weights ``%50%``), so an all-or-nothing one changes; a short
question's explanation (the general feedback holds its reference answer), keywords, a numeric
unit, strict matching, difficulty, points, time limits, sources, media, pictures and
``shuffle: false`` are lost.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from quizhall.bank.model import Bank, Question, QuestionType
from quizhall.bank.qtypes import kind_of
from quizhall.diagnostics import Diagnostic
from quizhall.exporters import write_atomically
from quizhall.hookspecs import hookimpl
from quizhall.i18n import t
from quizhall.importers.common import slugify
from quizhall.importers.template import format_number
from quizhall.visible import visible

_SPECIAL = re.compile(r"([\\~=#{}:])")
# Text the importer would take for a format marker or a weight: shielded with [plain].
_MISREAD = re.compile(r"^(?:\[(?:html|moodle|plain|markdown)\]|%)")
# Fields GIFT cannot hold, with the value that means "nothing to lose".
_LOST_FIELDS: tuple[tuple[str, object], ...] = (
    ("difficulty", None), ("points", None), ("time_limit", None), ("source", ""),
    ("media", ""), ("shuffle", True), ("image", ""), ("option_images", {}),
)


def escape(text: str, shield: bool = True) -> str:
    """Text as GIFT writes it: special characters escaped, new lines as ``\\n``.

    With ``shield``, text that would be read as a format marker or a weight gets ``[plain]``
    in front (not for the right side of a match pair, which GIFT reads literally).
    """
    text = visible(text.replace("\r\n", "\n").replace("\r", "\n"))  # no raw ESC or bidi
    escaped = _SPECIAL.sub(r"\\\1", text)
    escaped = escaped.replace("\n", "\\n")
    return "[plain]" + escaped if shield and _MISREAD.match(escaped) else escaped


def _weight(count: int) -> str:
    share = 100 / count
    return format_number(share) if share.is_integer() else f"{share:.5f}".rstrip("0")


class _Writer:
    def __init__(self, bank: Bank) -> None:
        self.path = bank.path or bank.info.id
        self.notes: list[Diagnostic] = []
        self.lost: Counter[str] = Counter()

    def note(self, question: Question, key: str, **values: object) -> None:
        message = t(key, None, id=question.id, **values)  # None: the current language
        self.notes.append(Diagnostic(self.path, question.line, 1, message, "warning"))

    def block(self, question: Question) -> str | None:
        answer = self.answer(question)
        if answer is None:
            return None
        for name, default in _LOST_FIELDS:
            if getattr(question, name) != default:
                self.lost[name] += 1
        lines = []
        tags = [tag for tag in question.tags if "]" not in tag]
        if len(tags) != len(question.tags):
            self.note(question, "export_bank.gift_tag_bracket")
        if tags:
            lines.append("// " + " ".join(f"[tag:{tag}]" for tag in tags))
        if slugify(question.id) != question.id or "]" in question.id:
            lines.append(f"// [id:{question.id}]")
        lines.append(f"::{escape(question.id)}::{escape(question.stem)}{answer}")
        return "\n".join(lines)

    def answer(self, q: Question) -> str | None:
        general = f"\t####{escape(q.explanation)}\n" if q.explanation else ""
        match q.type:
            case QuestionType.SINGLE:
                body = "".join(f"\t{'=' if letter == q.answer else '~'}{escape(text)}\n"
                               for letter, text in q.options.items())
                return "{\n" + body + general + "}"
            case QuestionType.MULTIPLE:
                right = set(q.letters)
                if q.partial != "proportional" and len(right) > 1:
                    self.note(q, "export_bank.gift_proportional")
                share = _weight(len(right))
                body = "".join(
                    f"\t~%{share if letter in right else '-100'}%{escape(text)}\n"
                    for letter, text in q.options.items())
                return "{\n" + body + general + "}"
            case QuestionType.JUDGE:
                return "{" + ("TRUE" if q.answer else "FALSE") + general.strip("\t\n") + "}"
            case QuestionType.FILL:
                blanks = q.accepted
                if len(blanks) > 1:
                    self.note(q, "export_bank.gift_blanks", count=len(blanks))
                    return None
                if q.strict:
                    self.note(q, "export_bank.gift_strict")
                if any("->" in text for text in blanks[0]):
                    self.note(q, "export_bank.gift_arrow")
                    return None
                body = "".join(f"\t={escape(text)}\n" for text in blanks[0])
                return "{\n" + body + general + "}"
            case QuestionType.SHORT:
                if q.explanation:
                    self.note(q, "export_bank.gift_short_explanation")
                if q.keywords:
                    self.note(q, "export_bank.gift_keywords")
                return "{####" + escape(str(q.answer)) + "}"
            case QuestionType.NUMERIC:
                numeric = q.number
                if q.unit:
                    self.note(q, "export_bank.gift_unit", unit=q.unit)
                if numeric.value is None:
                    value = f"{format_number(numeric.low)}..{format_number(numeric.high)}"
                elif numeric.tolerance:
                    value = f"{format_number(numeric.value)}:{format_number(numeric.tolerance)}"
                else:
                    value = format_number(numeric.value)
                return "{#" + value + ("\n" + general if general else "") + "}"
            case QuestionType.MATCH:
                pairs = q.pairs
                if any("->" in left for left, _ in pairs):
                    self.note(q, "export_bank.gift_arrow")
                    return None
                body = "".join(f"\t={escape(left)} -> {escape(right, False)}\n"
                               for left, right in pairs)
                body += "".join(f"\t= -> {escape(extra, False)}\n" for extra in q.distractors)
                return "{\n" + body + general + "}"
        self.note(q, "export_bank.gift_type", type=kind_of(q.type).title())
        return None


def bank_to_gift(bank: Bank) -> tuple[str, list[Diagnostic]]:
    """The bank as GIFT text, and warnings about what GIFT could not hold."""
    writer = _Writer(bank)
    title = " ".join(f"{bank.info.title} ({bank.info.id})".split())
    blocks = [f"// {title}"]
    for question in bank.questions:
        block = writer.block(question)
        if block is not None:
            blocks.append(block)
    for name, count in writer.lost.items():
        writer.notes.append(Diagnostic(writer.path, 0, 0, t("export_bank.gift_lost_field",
                                                            field=name, count=count),
                                       "warning"))
    if bank.levels:
        writer.notes.append(Diagnostic(writer.path, 0, 0, t("export_bank.levels_lost",
                                                            count=len(bank.levels)), "warning"))
    return "\n\n".join(blocks) + "\n", writer.notes


class GiftBankExporter:
    """Writes a bank as a GIFT file Moodle imports."""

    name = "gift"
    kind = "bank"
    suffix = ".gift"

    @property
    def description(self) -> str:
        return t("export_bank.gift_format")

    def write(self, data: Bank, path: Path, options: Mapping[str, object]) -> list[Diagnostic]:
        text, notes = bank_to_gift(data)
        write_atomically(path, text.encode("utf-8"))
        return notes


@hookimpl
def quizhall_register_exporters(register: Any) -> None:
    register(GiftBankExporter())

