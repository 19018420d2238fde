"""Small formatting helpers shared by the widgets: numbers, clock times and team labels."""

from __future__ import annotations

import math

from rich.text import Text

from quizhall.bank.model import plain_number
from quizhall.i18n import t
from quizhall.tui.literal import literal

# A score as people write it: ``110``, ``-10``, ``12.5``.
points = plain_number


def signed(value: float) -> str:
    """A change of score with its sign: ``+10``, ``-5``, ``0``."""
    text = points(value)
    return f"+{text}" if value > 0 else text


def clock(seconds: float) -> str:
    """Seconds left as a countdown shows them: ``45``, ``1:05``; never negative."""
    whole = max(0, math.ceil(seconds - 1e-9))
    if whole < 60:
        return str(whole)
    return f"{whole // 60}:{whole % 60:02d}"


def colour_value(colour: str) -> str:
    """A contest file's colour (``red``, ``#d7263d``) as ``#rrggbb``; empty when unknown."""
    from textual.color import Color, ColorParseError

    try:
        return Color.parse(colour).hex6
    except (ColorParseError, ValueError):
        return ""


def contrast(colour: str) -> str:
    """Black or white, whichever reads better on ``colour``."""
    from textual.color import Color, ColorParseError

    try:
        parsed = Color.parse(colour)
    except (ColorParseError, ValueError):
        return "#ffffff"
    return "#000000" if parsed.brightness > 0.5 else "#ffffff"


def swatch(number: int, colour: str) -> Text:
    """The team's number on its colour: the colour never appears without the number."""
    if not colour:
        return Text(f" {number} ", style="bold reverse")
    return Text(f" {number} ", style=f"bold {contrast(colour)} on {colour}")


def team_label(number: int, name: str, colour: str, style: str = "bold") -> Text:
    """A team as one line: coloured number, then its name (shown literally)."""
    label = swatch(number, colour)
    label.append(" ")
    label.append_text(literal(name, style=style))
    return label


def named(key: str, name: str) -> str:
    """The message ``key`` naming something (a question or round type), or ``name`` itself
    when there is no such message (a type a plugin added)."""
    text = t(key)
    return name if text == key else text
