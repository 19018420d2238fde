"""Export a bank as an XLSX workbook in the 题库 template (the ``xlsx`` bank exporter).

The question sheet has one row per question, with the columns the spreadsheet importer reads
(see :mod:`quizhall.importers.template`), headed in the bank's language; columns nobody uses
(options G and H, unit, keywords …) are left out. A second sheet holds the ``bank:`` fields.
Importing the workbook gives the same bank back (levels aside: they are reported). No cell
can start a formula: text is passed through :func:`quizhall.safecell.neutralise`.
Pictures travel inside the workbook: a question's picture sits in its picture cell (which
also names the file), an option's picture in the option's cell, where the importer finds them.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from quizhall.bank.dump import picture_path
from quizhall.bank.model import Bank, Question, QuestionType
from quizhall.diagnostics import Diagnostic
from quizhall.exporters import write_atomically
from quizhall.hookspecs import hookimpl
from quizhall.i18n import t
from quizhall.importers import template as tpl
from quizhall.importers.sheet import INFO_LABELS
from quizhall.safecell import neutralise

# Always written; the other fields only when a question uses them.
_BASE_FIELDS = ("id", "type", "stem", "A", "B", "C", "D", "E", "F", "answer", "explanation",
                "points", "difficulty", "tags", "source")
# Characters an XLSX file cannot hold (the XML 1.0 rule openpyxl enforces).
ILLEGAL_CHARACTERS_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SHEET_TITLES = {"zh-CN": ("题目", "题库信息"), "en": ("Questions", "Bank")}


PICTURE_HEIGHT = 96  # pixels: a row with pictures is this tall, each picture fitted into it


def _cells(question: Question, language: str, folder: Path | None = None) -> dict[str, object]:
    """The non-empty cells of a question's row, by field."""
    zh = language != "en"
    cells: dict[str, object] = {
        "id": question.id,
        "type": tpl.TYPE_NAMES[question.type][0 if zh else 1],
        "stem": question.stem,
        **question.options,
        "answer": tpl.answer_cell(question, language),
    }
    if question.image:
        cells["image"] = picture_path(question.image, folder)
    for name in ("explanation", "source", "media", "unit", "alt"):
        if getattr(question, name):
            cells[name] = getattr(question, name)
    for name in ("points", "time_limit", "difficulty"):
        if getattr(question, name) is not None:
            cells[name] = getattr(question, name)
    for name in ("tags", "keywords", "distractors"):
        if getattr(question, name):
            cells[name] = tpl.format_list(getattr(question, name))
    if not question.shuffle:
        cells["shuffle"] = "否" if zh else "no"
    if question.strict:
        cells["strict"] = "是" if zh else "yes"
    if question.type == QuestionType.MULTIPLE and question.partial:
        cells["partial"] = question.partial
    return cells


def _problems(question: Question) -> list[str]:
    """Why a question would not come back the same from its row, as message keys."""
    keys = []
    lists = question.tags + question.keywords + question.distractors
    if not all(tpl.list_item_ok(item) for item in lists):
        keys.append("export_bank.xlsx_list_item")
    if question.type == QuestionType.FILL and not all(
            tpl.fill_text_ok(text) for blank in question.accepted for text in blank):
        keys.append("export_bank.xlsx_fill_text")
    if question.type == QuestionType.MATCH and not all(
            tpl.pair_text_ok(side) for pair in question.pairs for side in pair):
        keys.append("export_bank.xlsx_pair_text")
    return keys


def _embed(sheet: Any, row: int, columns: dict[str, int], question: Question) -> list[str]:
    """Put the question's pictures into their cells; the files that could not be read."""
    from openpyxl.drawing.image import Image

    wanted = [("image", question.image)] if question.image else []
    wanted += [(letter, file) for letter, (file, _) in question.option_images.items()]
    failed = []
    for field, file in wanted:
        if field not in columns:
            continue
        try:
            picture = Image(file)
        except Exception:  # deleted or damaged since the bank was loaded
            failed.append(file)
            continue
        scale = PICTURE_HEIGHT / max(1, picture.height)
        picture.width, picture.height = round(picture.width * scale), PICTURE_HEIGHT
        cell = sheet.cell(row=row, column=columns[field])
        sheet.add_image(picture, cell.coordinate)
    if wanted:
        sheet.row_dimensions[row].height = PICTURE_HEIGHT * 0.75 + 4  # points
    return failed


def bank_to_workbook(bank: Bank, folder: Path | None = None) -> tuple[bytes, list[Diagnostic]]:
    """The bank as XLSX bytes, and warnings about what would not come back unchanged.

    ``folder``: where the workbook is written (picture cells name files relative to it).
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    language = bank.info.language if bank.info.language in _SHEET_TITLES else "zh-CN"
    column = 0 if language != "en" else 1
    path = bank.path or bank.info.id
    notes: list[Diagnostic] = []
    rows = []
    for question in bank.questions:
        cells = _cells(question, language, folder)
        rows.append(cells)
        keys = _problems(question)
        texts = [v for v in cells.values() if isinstance(v, str)]
        if any(ILLEGAL_CHARACTERS_RE.search(text) for text in texts):
            keys.append("export_bank.xlsx_control_chars")
        if any("\r" in text for text in texts):
            keys.append("export_bank.xlsx_carriage_return")
        notes.extend(Diagnostic(path, question.line, 1, t(key, id=question.id), "warning")
                     for key in keys)
    used = {name for row in rows for name in row}
    fields = [name for name in tpl.FIELDS if name in _BASE_FIELDS or name in used]
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)  # a new workbook starts with one worksheet
    sheet.title = _SHEET_TITLES[language][0]
    sheet.append([tpl.HEADERS[name][column] for name in fields])
    for row in rows:
        sheet.append([_value(row.get(name)) for name in fields])
    column_of = {name: index for index, name in enumerate(fields, 1)}
    for number, question in enumerate(bank.questions, 2):
        for file in _embed(sheet, number, column_of, question):
            notes.append(Diagnostic(path, question.line, 1, t("export_bank.xlsx_picture_lost",
                                                              id=question.id, file=file),
                                    "warning"))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    widths = {"id": 14, "type": 10, "stem": 48, "answer": 16, "explanation": 36, "tags": 18,
              "source": 20}
    for index, name in enumerate(fields, 1):
        sheet.column_dimensions[get_column_letter(index)].width = widths.get(name, 14)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row_cells in sheet.iter_rows(min_row=2):
        for cell in row_cells:
            cell.alignment = wrap
    info_sheet = workbook.create_sheet(_SHEET_TITLES[language][1])
    for name, labels in INFO_LABELS.items():
        value = getattr(bank.info, name)
        if value:
            info_sheet.append([labels[column], _value(value)])
    info_sheet.column_dimensions["A"].width = 14
    info_sheet.column_dimensions["B"].width = 48
    if bank.levels:
        notes.append(Diagnostic(path, 0, 0, t("export_bank.levels_lost",
                                              count=len(bank.levels)), "warning"))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), notes


def _value(value: object) -> object:
    """A cell value: text guarded against formulas, numbers as numbers, nothing as empty.

    Control characters XLSX cannot hold are shown as their Unicode pictures (␁ …), and a
    carriage return becomes a line feed, as XML would make it on reading anyway.
    """
    if value is None:
        return None
    if isinstance(value, str):
        value = value.replace("\r\n", "\n").replace("\r", "\n")
        return neutralise(ILLEGAL_CHARACTERS_RE.sub(lambda m: chr(0x2400 + ord(m.group(0))),
                                                    value))
    return value


class XlsxBankExporter:
    """Writes a bank as an XLSX workbook in the 题库 template."""

    name = "xlsx"
    kind = "bank"
    suffix = ".xlsx"

    @property
    def description(self) -> str:
        return t("export_bank.xlsx_format")

    def write(self, data: Bank, path: Path, options: Mapping[str, object]) -> list[Diagnostic]:
        content, notes = bank_to_workbook(data, path.parent)
        write_atomically(path, content)
        return notes


@hookimpl
def quizhall_register_exporters(register: Any) -> None:
    register(XlsxBankExporter())
