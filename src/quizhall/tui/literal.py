"""Show user text literally: no markup parsing, control characters made visible.

Bank and contest text is data. ``[bold]`` or ``[link=…]`` must appear as typed, and an escape
sequence must not move the cursor or recolour the screen, so every piece of user text reaches
a widget through :func:`literal`.
"""

from __future__ import annotations

from rich.text import Text

from quizhall.visible import visible

__all__ = ["literal", "visible"]


def literal(text: str, style: str = "") -> Text:
    """A Rich ``Text`` that shows ``text`` exactly as written (markup is never parsed)."""
    return Text(visible(text), style=style)
