"""The XLSX results exporter: one worksheet per sheet of the report, built with openpyxl.

Each worksheet has a bold, frozen header row, columns as wide as their content (CJK
characters count double, long texts wrap), numbers as number cells (negative scores too;
shares formatted as percentages) and text that can never start a formula.
"""

from __future__ import annotations

import io
import re
from datetime import datetime
from pathlib import Path
from typing import Any

from quizhall.exporters import write_atomically
from quizhall.exporters.tables import (
    DATETIME,
    PERCENT,
    SECONDS,
    Cell,
    Document,
    Sheet,
    cell_text,
    display_width,
)
from quizhall.hookspecs import hookimpl
from quizhall.i18n import t

MAX_WIDTH = 40       # columns of short values
MAX_WIDE_WIDTH = 60  # columns of long text, which wraps
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\\x00-\x1f]")


def sheet_name(title: str, used: set[str]) -> str:
    """A valid, unique worksheet name (≤ 31 characters, none of ``[]:*?/\\``)."""
    base = _SHEET_NAME_BAD.sub(" ", title).strip().strip("'") or "Sheet"
    base = base[:31]
    name, number = base, 2
    while name.lower() in used:
        suffix = f" ({number})"
        name = base[:31 - len(suffix)] + suffix
        number += 1
    used.add(name.lower())
    return name


def _value(value: Cell | datetime) -> Any:
    if isinstance(value, str):
        return cell_text(value)
    return value


def _widths(sheet: Sheet) -> list[tuple[float, bool]]:
    """Width and wrap of each column position, over every table of the sheet."""
    widths: list[tuple[float, bool]] = []
    for table in sheet.tables:
        for index, column in enumerate(table.columns):
            cells = [row[index] for row in table.rows]
            longest = max([display_width(column.title)] +
                          [max((display_width(line) for line in str(cell).split("\n")),
                               default=0) for cell in cells if cell is not None])
            cap = MAX_WIDE_WIDTH if column.wide else MAX_WIDTH
            width = min(longest + 2, cap)
            if index < len(widths):
                old, wrap = widths[index]
                widths[index] = (max(old, width), wrap or column.wide)
            else:
                widths.append((max(width, 6), column.wide))
    return widths


def write_document(document: Document, path: Path) -> None:
    """Write the document as an XLSX workbook (atomically)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    title_font = Font(bold=True, size=12)
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    used: set[str] = set()
    for sheet in document.sheets:
        ws = workbook.create_sheet(sheet_name(sheet.title, used))
        widths = _widths(sheet)
        for index, (width, _) in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(index)].width = width
        if sheet.tables and sheet.tables[0].columns:
            ws.freeze_panes = "A2"
            first = sheet.tables[0]
            if len(sheet.tables) == 1 and first.rows:
                ws.auto_filter.ref = (f"A1:{get_column_letter(len(first.columns))}"
                                      f"{len(first.rows) + 1}")

        for position, table in enumerate(sheet.tables):
            if position:
                ws.append([])
                title = WriteOnlyCell(ws, value=cell_text(table.title))
                title.font = title_font
                ws.append([title])
            header = []
            for column in table.columns:
                cell = WriteOnlyCell(ws, value=cell_text(column.title))
                cell.font, cell.fill, cell.alignment = bold, header_fill, wrap
                header.append(cell)
            ws.append(header)
            formats = [_number_format(column.kind) for column in table.columns]
            wrapped = [widths[i][1] for i in range(len(table.columns))]
            for row in table.rows:
                # Style only the cells that need it (styling every cell triples the time): a
                # row whose long text wraps gets every cell aligned to the top.
                tall = any(wrapped[i] and isinstance(value, str)
                           and display_width(value) > widths[i][0] for i, value in enumerate(row))
                cells: list[Any] = []
                for index, raw in enumerate(row):
                    value: Cell | datetime = raw
                    if table.columns[index].kind == DATETIME and isinstance(raw, str):
                        value = _datetime(raw)
                    number_format = (formats[index]
                                     if isinstance(value, int | float | datetime) else None)
                    if not (tall or number_format):
                        cells.append(_value(value))
                        continue
                    cell = WriteOnlyCell(ws, value=_value(value))
                    if tall:
                        cell.alignment = wrap if wrapped[index] else top
                    if number_format:
                        cell.number_format = number_format
                    cells.append(cell)
                ws.append(cells)
            if table.note:
                ws.append([WriteOnlyCell(ws, value=cell_text(table.note))])
    if document.warnings:
        ws = workbook.create_sheet(sheet_name(t("export.warnings"), used))
        ws.column_dimensions["A"].width = MAX_WIDE_WIDTH
        for warning in document.warnings:
            ws.append([cell_text(warning)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_atomically(path, buffer.getvalue())


def _datetime(text: str) -> datetime | str:
    """A local time as a spreadsheet date (without its zone, which cells cannot hold)."""
    try:
        return datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        return text


def _number_format(kind: str) -> str | None:
    if kind == DATETIME:
        return "yyyy-mm-dd hh:mm:ss"
    if kind == PERCENT:
        return "0.0%"
    if kind == SECONDS:
        return "0.0"
    return None


def render(report: Any, path: Path) -> None:
    from quizhall.exporters.results import document_of

    write_document(document_of(report), path)


@hookimpl
def quizhall_register_exporters(register: Any) -> None:
    from quizhall.exporters.results import CONTEST, PRACTICE, ResultsExporter

    for kind in (CONTEST, PRACTICE):
        register(ResultsExporter("xlsx", kind, ".xlsx", "export.format.xlsx", render))
