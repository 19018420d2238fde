"""Terminal charts for the stats screen: answers per day as bars, coloured by accuracy."""

from __future__ import annotations

from datetime import date

from textual.content import Content

from quizhall.practice.stats import Tally
from quizhall.tui.practice.literal import join

BLOCKS = " ▁▂▃▄▅▆▇█"
COLUMN = 4  # cells per day


def accuracy_style(tally: Tally) -> str:
    """Green from 80 % right, yellow from 60 %, red below."""
    if not tally.answers:
        return "dim"
    if tally.accuracy >= 0.8:
        return "green"
    return "yellow" if tally.accuracy >= 0.6 else "red"


def day_bars(days: list[tuple[date, Tally]], height: int = 5) -> Content:
    """A bar per day (height: answers that day), the day of the month under each bar, and the
    accuracy in percent under that."""
    peak = max((tally.answers for _, tally in days), default=0)
    rows: list[Content] = []
    for row in range(height, 0, -1):
        cells: list[str | tuple[str, str]] = []
        for _, tally in days:
            eighths = round(tally.answers / peak * height * 8) if peak else 0
            level = min(8, max(0, eighths - (row - 1) * 8))
            if tally.answers and row == 1 and level == 0:
                level = 1  # any study shows
            cells.append((BLOCKS[level] * 2 + " " * (COLUMN - 2), accuracy_style(tally)))
        rows.append(join(*cells))
    rows.append(join(*[(f"{day.day:02d}".ljust(COLUMN), "bold") for day, _ in days]))
    rows.append(join(*[((f"{round(tally.accuracy * 100)}" if tally.answers else "·")
                        .ljust(COLUMN), accuracy_style(tally)) for _, tally in days]))
    return Content("\n").join(rows)


def ratio_bar(ratio: float, width: int = 10) -> str:
    """A horizontal bar of ``width`` cells, filled to ``ratio``."""
    filled = round(max(0.0, min(1.0, ratio)) * width)
    return "█" * filled + "░" * (width - filled)
