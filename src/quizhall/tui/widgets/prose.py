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

    # False: each line is cut at the edge (with "…") instead of wrapped.
    WRAP = True
    # False: lines break at spaces only, never between two Chinese characters.
    BREAK_CJK = True

    def __init__(self, text: Text | str = "", **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._text = text if isinstance(text, Text) else Text(text)
        self._wrapped: tuple[int, list[Text]] | None = None

    @property
    def text(self) -> Text:
        """What the widget shows, unwrapped."""
        return self._text

    def update(self, text: Text | str) -> None:
        """Show ``text`` (a plain string is shown as it is, never parsed as markup).

        Showing the same text again costs nothing, and a change that keeps the number of
        lines only repaints the widget: the screen is laid out again only when it must be.
        """
        new = text if isinstance(text, Text) else Text(text)
        if new == self._text:
            return
        width = self.content_size.width
        height = self.styles.height
        fixed = height is not None and not height.is_auto
        same_height = fixed or (width > 0 and len(self._lines(self._text, width)) == len(
            self._lines(new, width)))
        self._text = new
        self._wrapped = None
        self.refresh(layout=not same_height)

    def _lines(self, text: Text, width: int) -> list[Text]:
        if text is self._text and self._wrapped is not None and self._wrapped[0] == width:
            return self._wrapped[1]
        if not text.plain:
            lines: list[Text] = []
        elif self.WRAP:
            lines = wrap(text, width, self.BREAK_CJK)
        else:
            lines = list(text.split("\n", allow_blank=True))
            for line in lines:
                line.truncate(max(1, width), overflow="ellipsis")
        if text is self._text:
            self._wrapped = (width, lines)
        return lines

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return max((line.cell_len for line in self._text.split("\n")), default=0)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(self._text, width))

    def render(self) -> Text:
        return Text("\n").join(self._lines(self._text, self.content_size.width))
