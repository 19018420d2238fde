"""Prose: a text widget that wraps Chinese and English correctly (see :mod:`quizhall.tui.wrap`)."""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from quizhall.tui.wrap import wrap


class Prose(Widget):
    """Shows a Rich ``Text`` wrapped to the widget's width; its height follows the lines."""

    DEFAULT_CSS = """
    Prose { height: auto; }
    """

    def __init__(self, text: Text | str = "", **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._text = text if isinstance(text, Text) else Text(text)

    @property
    def text(self) -> Text:
        """What the widget shows, unwrapped."""
        return self._text

    def update(self, text: Text | str) -> None:
        """Show ``text`` (a plain string is shown as it is, never parsed as markup)."""
        self._text = text if isinstance(text, Text) else Text(text)
        self.refresh(layout=True)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return max((line.cell_len for line in self._text.split("\n")), default=0)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(wrap(self._text, width)) if self._text.plain else 0

    def render(self) -> Text:
        lines = wrap(self._text, self.content_size.width)
        return Text("\n").join(lines)
