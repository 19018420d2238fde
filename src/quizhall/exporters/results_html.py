"""The HTML results exporter: one self-contained page (inline CSS, SVG and pictures, no script,
no network) with the ranking, the score chart and every table of the report.

Every text goes through :func:`html.escape`, so names and question texts holding HTML
(``<script>`` …) show as typed and never run.
"""

from __future__ import annotations

import base64
import io
from html import escape
from pathlib import Path
from typing import Any

from quizhall.exporters import write_atomically
from quizhall.exporters.svgchart import line_chart_svg
from quizhall.exporters.tables import (
    COLLAPSE,
    NUMBER,
    PERCENT,
    PICTURE,
    SECONDS,
    SKIP,
    Document,
    Table,
    show,
    visible,
)
from quizhall.hookspecs import hookimpl
from quizhall.i18n import get_language, t

STYLE = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei",
       "Noto Sans CJK SC", sans-serif; margin: 2rem auto; max-width: 1200px; padding: 0 1rem;
       color: #1b1b1b; line-height: 1.5; }
h1 { font-size: 1.6rem; margin-bottom: .5rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 2px solid #dde6f0; }
h3 { font-size: 1.05rem; }
dl.facts { display: grid; grid-template-columns: max-content auto; gap: .2rem 1rem; }
dl.facts dt { font-weight: 600; color: #444; }
dl.facts dd { margin: 0; }
nav a { margin-right: 1rem; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid #d0d7de; padding: .25rem .55rem; vertical-align: top; }
th { background: #eef4fb; text-align: left; position: sticky; top: 0; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.neg { color: #b42318; }
td.text { white-space: pre-wrap; }
td img { max-width: 240px; max-height: 160px; }
tr:nth-child(even) td { background: #fafbfc; }
.note { color: #555; font-style: italic; }
aside.warnings { background: #fff8e5; border-left: 4px solid #e6a700; padding: .5rem 1rem; }
svg.chart { max-width: 100%; height: auto; background: #fff; }
svg .grid { stroke: #e5e9ef; }
svg .axis { stroke: #666; }
svg .mark { stroke: #999; stroke-dasharray: 4 4; }
svg .tick, svg .legend { font-size: 12px; fill: #333; }
svg .chart-title { font-size: 15px; font-weight: 600; fill: #1b1b1b; }
details > summary { cursor: pointer; font-weight: 600; margin: .5rem 0; }
footer { margin-top: 3rem; color: #777; font-size: .85rem; }
@media print {
  details { display: block; } nav { display: none; } th { position: static; }
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  .table-wrap { overflow: visible; }
  table { width: 100%; font-size: 9.5pt; }
  tr, dl.facts { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  tr:nth-child(even) td { background: none; }
}
"""


def _text(value: str) -> str:
    return escape(visible(value), quote=True)


PICTURE_SIDE = 480  # pixels: a sharp thumbnail that keeps the page small


def html_picture(file: str) -> str:
    """A picture drawn inside the page (decoded and encoded again as PNG, never copied as it
    came), or its file name where it cannot be read."""
    from quizhall.bank.pictures import PictureError, decode_picture

    try:
        image = decode_picture(file, PICTURE_SIDE)
    except PictureError:
        return _text(file)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img src="data:image/png;base64,{data}" alt="{_text(Path(file).name)}">'


def html_table(table: Table) -> str:
    """A table as HTML, every cell escaped."""
    head = "".join(f"<th>{_text(column.title)}</th>" for column in table.columns)
    body = []
    for row in table.rows:
        cells = []
        for value, column in zip(row, table.columns, strict=True):
            numeric = column.kind in (NUMBER, PERCENT, SECONDS)
            css = "num" if numeric else ("text" if column.wide else "")
            if numeric and isinstance(value, int | float) and value < 0:
                css += " neg"
            attr = f' class="{css.strip()}"' if css.strip() else ""
            if column.kind == PICTURE and isinstance(value, str) and value:
                cells.append(f"<td>{html_picture(value)}</td>")
                continue
            cells.append(f"<td{attr}>{_text(show(value, column.kind))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (f'<div class="table-wrap"><table><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table></div>")


def html_text(document: Document) -> str:
    """The document as one self-contained HTML page."""
    lang = "zh-CN" if get_language() == "zh-CN" else "en"
    out = ["<!DOCTYPE html>", f'<html lang="{lang}">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{_text(document.title)}</title>", f"<style>{STYLE}</style>", "</head>",
           "<body>", "<header>", f"<h1>{_text(document.title)}</h1>", '<dl class="facts">']
    out += [f"<dt>{_text(label)}</dt><dd>{_text(value)}</dd>" for label, value in
            document.facts]
    out += ["</dl>", "</header>"]
    if document.warnings:
        out.append('<aside class="warnings">' + "".join(
            f"<p>{_text(t('export.warnings'))}: {_text(w)}</p>" for w in document.warnings)
            + "</aside>")
    sheets = [sheet for sheet in document.sheets if sheet.text != SKIP]
    out.append("<nav>" + "".join(f'<a href="#s{n}">{_text(sheet.title)}</a>'
                                 for n, sheet in enumerate(sheets)) + "</nav>")
    for number, sheet in enumerate(sheets):
        out.append(f'<section id="s{number}"><h2>{_text(sheet.title)}</h2>')
        for position, table in enumerate(sheet.tables):
            if table.key == "facts":
                continue
            rendered = html_table(table)
            title = _text(table.title)
            if table.key.startswith("questions-") or sheet.text == COLLAPSE:
                rows = len(table.rows)
                out.append(f"<details><summary>{title} ({rows})</summary>{rendered}</details>")
                continue
            if position or table.title != sheet.title:
                out.append(f"<h3>{title}</h3>")
            if table.note:
                out.append(f'<p class="note">{_text(table.note)}</p>')
            out.append(rendered)
        if number == 0 and document.chart is not None:
            out.append(f"<h3>{_text(document.chart.title)}</h3>")
            out.append(line_chart_svg(document.chart))
        out.append("</section>")
    out += [f"<footer>{_text(t('export.report_generated'))}</footer>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def render(report: Any, path: Path) -> None:
    from quizhall.exporters.results import document_of

    write_atomically(path, html_text(document_of(report)).encode("utf-8"))


@hookimpl
def quizhall_register_exporters(register: Any) -> None:
    from quizhall.exporters.results import CONTEST, PRACTICE, ResultsExporter

    for kind in (CONTEST, PRACTICE):
        register(ResultsExporter("html", kind, ".html", "export.format.html", render))
