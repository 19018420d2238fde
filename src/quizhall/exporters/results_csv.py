"""The CSV results exporter: every table of the report in one file, section after section.

Layout (documented in docs/import-export.md): UTF-8 with a byte-order mark, so Chinese
Excel opens it right. Each section is a line ``# <key>,<title>`` (``# ranking``,
``# round-2``, ``# questions``, ``# progression``, ``# audit``, ``# summary``, ``# rounds``),
then a header line, then the rows, then an empty line. Numbers are plain numbers (shares
between 0 and 1); text never starts a formula.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from quizhall.bank.model import plain_value
from quizhall.exporters import write_atomically
from quizhall.exporters.tables import Cell, Document, cell_text
from quizhall.hookspecs import hookimpl


def _value(value: Cell) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, str):
        return cell_text(value)
    return plain_value(value)


def csv_text(document: Document) -> str:
    """The document as CSV text (without the byte-order mark)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for sheet in document.sheets:
        for table in sheet.tables:
            if table.key.startswith("questions-"):
                continue  # a round's questions: the same rows are in the questions section
            writer.writerow([f"# {table.key}", cell_text(table.title)])
            writer.writerow([cell_text(column.title) for column in table.columns])
            writer.writerows([_value(value) for value in row] for row in table.rows)
            writer.writerow([])
    if document.warnings:
        writer.writerow(["# warnings"])
        writer.writerows([cell_text(warning)] for warning in document.warnings)
        writer.writerow([])
    return out.getvalue()


def render(report: Any, path: Path) -> None:
    from quizhall.exporters.results import document_of

    write_atomically(path, ("\ufeff" + csv_text(document_of(report))).encode("utf-8"))


@hookimpl
def quizhall_register_exporters(register: Any) -> None:
    from quizhall.exporters.results import CONTEST, PRACTICE, ResultsExporter

    for kind in (CONTEST, PRACTICE):
        register(ResultsExporter("csv", kind, ".csv", "export.format.csv", render))
