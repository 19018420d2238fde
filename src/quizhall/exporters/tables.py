"""Reports as tables: the shape every tabular results format (XLSX, CSV, Markdown, HTML) renders.

A report (contest results or a trainee's history) gives its data as :class:`Table` objects
grouped in :class:`Sheet` objects: a spreadsheet makes one worksheet of each sheet, a CSV
file one section of each table, a Markdown or HTML report one heading. Cells are plain
values (text, numbers, None for empty); a column's ``kind`` says how to show its numbers.
This module also holds the small text helpers those formats share.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from quizhall.bank.model import plain_value
from quizhall.safecell import neutralise
from quizhall.visible import visible

Cell = str | int | float | None

# Column kinds.
TEXT = "text"
NUMBER = "number"      # points and scores: shown without a needless ".0"
PERCENT = "percent"    # a share between 0 and 1, shown as a percentage
SECONDS = "seconds"    # elapsed time in seconds
DATETIME = "datetime"  # a local time written "YYYY-MM-DD HH:MM:SS": a real date in spreadsheets
PICTURE = "picture"    # a picture's file: HTML draws it, other formats give its path


@dataclass(frozen=True, slots=True)
class Column:
    """A column: its machine ``key`` (JSON, CSV consumers), its translated ``title``, its kind,
    and whether it holds long text (``wide``: wrapped in spreadsheets)."""

    key: str
    title: str
    kind: str = TEXT
    wide: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    """A titled table. ``key`` names it independently of the language (``ranking``,
    ``round-2``, ``questions`` …)."""

    key: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    note: str = ""


# How a text report (Markdown, HTML) shows a sheet.
SHOW = "show"
COLLAPSE = "collapse"  # long: folded away in HTML, shown in Markdown
SKIP = "skip"          # spreadsheet data a text report replaces (by a chart)


@dataclass(frozen=True, slots=True)
class Sheet:
    """Tables shown together (one worksheet): the first one's header row is frozen.
    ``text`` says how Markdown and HTML reports show it."""

    key: str
    title: str
    tables: tuple[Table, ...] = field(default_factory=tuple)
    text: str = SHOW


def show(value: Cell, kind: str = TEXT) -> str:
    """A cell as text for people (Markdown, HTML): numbers without noise, shares as %."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, int | float):
        if kind == PERCENT:
            return f"{plain_value(round(value * 100, 1))}%"
        if kind == SECONDS:
            return f"{value:.1f}"
        return str(plain_value(value))
    return str(value)


def cell_text(text: str) -> str:
    """Text for a spreadsheet or CSV cell: never read as a formula, controls made visible."""
    return visible(neutralise(text))


def display_width(text: str) -> int:
    """Columns ``text`` takes in a monospaced font: CJK and other wide characters count 2."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else
               0 if unicodedata.combining(ch) else 1 for ch in text)


@dataclass(frozen=True, slots=True)
class Series:
    """One line of a chart: a name, a value per x position, and a colour if it has one."""

    name: str
    values: tuple[float, ...]
    colour: str | None = None


@dataclass(frozen=True, slots=True)
class Chart:
    """A line chart: series over x positions 0…n-1; ``marks`` label some x positions with a
    dashed line (the start of each round)."""

    title: str
    x_title: str
    y_title: str
    series: tuple[Series, ...]
    marks: tuple[tuple[float, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Document:
    """A report ready for a tabular format: a title, summary facts (label, value), sheets of
    tables, an optional chart and warnings about what it could not include."""

    title: str
    facts: tuple[tuple[str, str], ...]
    sheets: tuple[Sheet, ...]
    chart: Chart | None = None
    warnings: tuple[str, ...] = ()
