"""Draw a :class:`~quizhall.exporters.tables.Chart` as an inline SVG line chart.

Self-contained markup for the HTML report: no script, no external font or stylesheet. Every
text (team names, labels) is escaped, its control characters shown as visible stand-ins as
in every other export; colours are used only when they are plain colour
names or hex codes, otherwise a built-in palette colour takes their place.
"""

from __future__ import annotations

import math
import re
from html import escape as _html_escape

from quizhall.bank.model import plain_value
from quizhall.exporters.tables import Chart, display_width
from quizhall.visible import visible

# Distinct colours for lines without a colour of their own (colour-blind-friendly first).
PALETTE = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#a0522d",
           "#6a3d9a", "#b15928", "#1f78b4", "#33a02c", "#e31a1c", "#ff7f00", "#525252",
           "#8dd3c7", "#bc80bd")
_SAFE_COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20}")

WIDTH = 960
PLOT_HEIGHT = 360
LEFT, RIGHT, TOP = 64, 24, 40
LEGEND_ROW = 20
LEGEND_CELL = 180


def escape(text: str) -> str:
    """Text for SVG: markup escaped, control characters shown as visible stand-ins."""
    return _html_escape(visible(text))


def safe_colour(colour: str | None, index: int) -> str:
    """``colour`` if it is a plain colour name or hex code, else a palette colour."""
    if colour and _SAFE_COLOUR.fullmatch(colour):
        return colour
    return PALETTE[index % len(PALETTE)]


def nice_step(span: float, ticks: int = 5) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving about ``ticks`` ticks."""
    if span <= 0:
        return 1.0
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def _thin(values: tuple[float, ...]) -> list[int]:
    """Positions worth drawing: drop points that lie between two equal neighbours."""
    keep = []
    last = len(values) - 1
    for x, value in enumerate(values):
        if 0 < x < last and values[x - 1] == value == values[x + 1]:
            continue
        keep.append(x)
    return keep


def line_chart_svg(chart: Chart, width: int = WIDTH) -> str:
    """The chart as an ``<svg>`` element (a string of markup)."""
    series = chart.series
    length = max((len(s.values) for s in series), default=0)
    values = [v for s in series for v in s.values]
    low, high = (min(values), max(values)) if values else (0.0, 1.0)
    step = nice_step(high - low if high > low else max(abs(high), 1.0))
    low = math.floor(low / step) * step
    high = math.ceil(high / step) * step
    if high == low:
        high = low + step
    per_row = max(1, (width - LEFT - RIGHT) // LEGEND_CELL)
    legend_rows = math.ceil(len(series) / per_row)
    plot_bottom = TOP + PLOT_HEIGHT
    height = plot_bottom + 48 + legend_rows * LEGEND_ROW
    plot_width = width - LEFT - RIGHT

    def x_of(x: float) -> float:
        return LEFT + (plot_width * x / (length - 1) if length > 1 else plot_width / 2)

    def y_of(y: float) -> float:
        return plot_bottom - PLOT_HEIGHT * (y - low) / (high - low)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} '
           f'{height}" width="{width}" height="{height}" role="img" '
           f'aria-label="{escape(chart.title)}">',
           f"<title>{escape(chart.title)}</title>",
           f'<text x="{LEFT}" y="{TOP - 16}" class="chart-title">{escape(chart.title)}</text>']
    tick = low
    while tick <= high + step / 2:
        y = y_of(tick)
        out.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{width - RIGHT}" y2="{y:.1f}" '
                   f'class="grid"/>')
        out.append(f'<text x="{LEFT - 8}" y="{y + 4:.1f}" text-anchor="end" class="tick">'
                   f"{escape(str(plain_value(tick)))}</text>")
        tick += step
    for x, label in chart.marks:
        px = x_of(x)
        out.append(f'<line x1="{px:.1f}" y1="{TOP}" x2="{px:.1f}" y2="{plot_bottom}" '
                   f'class="mark"/>')
        out.append(f'<text x="{px + 3:.1f}" y="{TOP + 12}" class="tick">{escape(label)}</text>')
    out.append(f'<line x1="{LEFT}" y1="{plot_bottom}" x2="{width - RIGHT}" y2="{plot_bottom}" '
               f'class="axis"/>')
    out.append(f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{plot_bottom}" class="axis"/>')
    out.append(f'<text x="{LEFT + plot_width / 2:.1f}" y="{plot_bottom + 28}" '
               f'text-anchor="middle" class="tick">{escape(chart.x_title)}</text>')
    out.append(f'<text x="16" y="{TOP + PLOT_HEIGHT / 2:.1f}" text-anchor="middle" '
               f'transform="rotate(-90 16 {TOP + PLOT_HEIGHT / 2:.1f})" class="tick">'
               f"{escape(chart.y_title)}</text>")
    for index, line in enumerate(series):
        colour = safe_colour(line.colour, index)
        points = " ".join(f"{x_of(x):.1f},{y_of(line.values[x]):.1f}"
                          for x in _thin(line.values))
        last = line.values[-1] if line.values else 0
        out.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" '
                   f'points="{points}"><title>{escape(line.name)}: '
                   f"{escape(str(plain_value(last)))}</title></polyline>")
        if len(line.values) == 1:  # a line of one point draws nothing: mark the point
            out.append(f'<circle cx="{x_of(0):.1f}" cy="{y_of(line.values[0]):.1f}" r="4" '
                       f'fill="{colour}"><title>{escape(line.name)}: '
                       f"{escape(str(plain_value(last)))}</title></circle>")
        row, column = divmod(index, per_row)
        lx = LEFT + column * LEGEND_CELL
        ly = plot_bottom + 48 + row * LEGEND_ROW
        name = line.name
        while display_width(name) > 22 and len(name) > 1:
            name = name[:-2] + "…"
        out.append(f'<rect x="{lx}" y="{ly - 10}" width="14" height="4" fill="{colour}"/>')
        out.append(f'<text x="{lx + 20}" y="{ly - 4}" class="legend">{escape(name)} '
                   f"({escape(str(plain_value(last)))})</text>")
    out.append("</svg>")
    return "\n".join(out)
