"""The Markdown results exporter: a readable report of the same tables, safe to render.

Every text is data: ``<``, ``>`` and ``&`` become character references and Markdown's own
characters (``* _ ` [ ] | ~ \\``) are escaped, so a team called ``<script>`` or ``**x**``
shows exactly as typed wherever the file is rendered.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from quizhall.exporters import write_atomically
from quizhall.exporters.tables import NUMBER, PERCENT, SECONDS, SKIP, Document, Table, show, visible
from quizhall.hookspecs import hookimpl
from quizhall.i18n import t

_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")


def md_text(text: str) -> str:
    """``text`` as literal inline Markdown (one line)."""
    text = visible(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _SPECIAL.sub(r"\\\1", text)
    return text.replace("\r\n", "\n").replace("\n", "<br>").replace("\t", " ")


def md_table(table: Table) -> list[str]:
    """A GitHub-flavoured Markdown table (numbers right-aligned)."""
    if not table.columns:
        return []
    lines = ["| " + " | ".join(md_text(column.title) for column in table.columns) + " |",
             "| " + " | ".join("---:" if column.kind in (NUMBER, PERCENT, SECONDS) else "---"
                               for column in table.columns) + " |"]
    for row in table.rows:
        lines.append("| " + " | ".join(md_text(show(value, column.kind))
                                       for value, column in zip(row, table.columns,
                                                                strict=True)) + " |")
    return lines


def markdown_text(document: Document) -> str:
    """The document as Markdown."""
    lines = [f"# {md_text(document.title)}", ""]
    lines += [f"- **{md_text(label)}**: {md_text(value)}" for label, value in document.facts]
    lines.append("")
    if document.warnings:
        lines += [f"> {md_text(t('export.warnings'))}: {md_text(warning)}"
                  for warning in document.warnings]
        lines.append("")
    for sheet in document.sheets:
        if sheet.text == SKIP:
            continue
        tables = [table for table in sheet.tables
                  if table.key != "facts" and not table.key.startswith("questions-")]
        if not tables:
            continue
        lines += [f"## {md_text(sheet.title)}", ""]
        for position, table in enumerate(tables):
            if position or table.title != sheet.title:
                lines += [f"### {md_text(table.title)}", ""]
            if table.note:
                lines += [f"*{md_text(table.note)}*", ""]
            lines += md_table(table)
            lines.append("")
    lines.append(f"*{md_text(t('export.report_generated'))}*")
    return "\n".join(lines) + "\n"


def render(report: Any, path: Path) -> None:
    from quizhall.exporters.results import document_of

    write_atomically(path, markdown_text(document_of(report)).encode("utf-8"))


@hookimpl
def quizhall_register_exporters(register: Any) -> None:
    from quizhall.exporters.results import CONTEST, PRACTICE, ResultsExporter

    for kind in (CONTEST, PRACTICE):
        register(ResultsExporter("md", kind, ".md", "export.format.md", render))
