"""The key bar at the foot of the host console: only the keys that do something right now."""

from __future__ import annotations

from rich.text import Text

from quizhall.tui.host_keys import key_display
from quizhall.tui.widgets.prose import Prose


def key_line(items: list[tuple[str, str]]) -> Text:
    """``Space next  o open  y right …`` from (key, description) pairs."""
    text = Text()
    for key, description in items:
        if text:
            text.append("  ")
        text.append(f"\u00a0{key_display(key)}\u00a0", style="bold reverse")
        text.append("\u00a0" + description)
    return text


class KeyBar(Prose):
    """A line (or two, when narrow) of the keys that apply now.

    A key and its description stay on one line: the bar breaks only between items.
    """

    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: auto; max-height: 3; padding: 0 1; }
    """
    BREAK_CJK = False

    def show(self, items: list[tuple[str, str]]) -> None:
        """Show these (key, description) pairs."""
        self.update(key_line(items))
