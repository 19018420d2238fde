"""A full-screen page of text lines drawn by Textual, each unchanged line's strip kept.

The projector redraws its whole page for every event and every clock tick, but between a buzz
and the lock, or from one tick to the next, most lines (the stem drawn large, the options) are
the same. Turning a line of Rich text into Textual strips is the costly part of a frame, so
:class:`LineStrips` keeps each line's strips by what the line holds (its text and styles) and
:class:`PageLines` hands Textual the page line by line, converting only lines not seen
recently. The strips are exactly those Textual draws for the same lines as one text.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

LINES_KEPT = 512  # about two pages at 240×67, and the lines of the pages put up in between

LineKey = tuple[int, Style, str, object, tuple[object, ...]]


def line_key(line: Text) -> tuple[str, object, tuple[object, ...]]:
    """What a line holds: its text and styles (two lines with equal keys draw the same)."""
    return line.plain, line.style, tuple(line.spans)


def same_line(first: Text, second: Text) -> bool:
    """True when two lines draw the same."""
    return first is second or line_key(first) == line_key(second)


class LineStrips:
    """Strips of lines already drawn, by width, base style and the line's text and styles
    (the least recently used forgotten past ``kept`` lines, :data:`LINES_KEPT` unless said)."""

    def __init__(self, kept: int | None = None) -> None:
        self.kept = LINES_KEPT if kept is None else kept
        self._strips: OrderedDict[LineKey, list[Strip]] = OrderedDict()

    def page(self, lines: Sequence[Text], width: int, style: Style, options: RenderOptions
             ) -> list[list[Strip]]:
        """Each of ``lines`` drawn ``width`` cells wide as Textual draws it (one strip a line;
        more if a line wraps). Lines not kept are converted together, as one text: Textual's
        cost is mostly per call."""
        if options.selection is not None:  # a selection is drawn on top: nothing to keep
            return [_draw(list(lines), width, style, options)]
        keys = [(width, style, *line_key(line)) for line in lines]
        missing = {key: line for key, line in zip(keys, lines, strict=True)
                   if key not in self._strips}
        if missing:
            drawn = _draw(list(missing.values()), width, style, options)
            if len(drawn) == len(missing):
                found = {key: [strip] for key, strip in zip(missing, drawn, strict=True)}
            else:  # a line wrapped or held a line break: one at a time
                found = {key: _draw([line], width, style, options)
                         for key, line in missing.items()}
            self._strips.update(found)
        page = []
        for key in keys:
            self._strips.move_to_end(key)
            page.append(self._strips[key])
        while len(self._strips) > self.kept:
            self._strips.popitem(last=False)
        return page


def _draw(lines: list[Text], width: int, style: Style, options: RenderOptions) -> list[Strip]:
    """``lines`` as Textual draws them as one text."""
    content = Content.from_rich_text(Text("\n").join(lines))
    return content.render_strips(width, None, style, options)


class PageLines(Visual):
    """A page given as lines (what :meth:`Widget.render` returns), drawn through ``kept``."""

    def __init__(self, lines: Sequence[Text], kept: LineStrips) -> None:
        self.lines = list(lines)
        self.kept = kept

    def render_strips(self, width: int, height: int | None, style: Style,
                      options: RenderOptions) -> list[Strip]:
        if not width:
            return []
        strips: list[Strip] = []
        for drawn in self.kept.page(self.lines[:height], width, style, options):
            # The row goes into each cell's selection offset, as Textual does.
            strips.extend(strip.apply_offsets(0, len(strips) + i) for i, strip in enumerate(drawn))
        return strips if height is None else strips[:height]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max((cell_len(line.plain) for line in self.lines), default=0)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self.lines)
