"""The hall's screen as one widget: the projector page drawn for the widget's size.

:class:`HallView` renders :func:`quizhall.tui.hall.hall_page` for the audience view it is given,
re-laid out whenever the terminal is resized; of each new layout only the rows that changed
are refreshed, their strips kept per line (:mod:`quizhall.tui.widgets.page_lines`). When the
scoreboard's order changes it slides each team from its old place to its new one (under half a
second) unless motion is off. While the host has one of the audience's pages up, it draws that
page instead (:func:`quizhall.tui.audience_pages.audience_page`). It can also cover the page
with a large warning (a key typed into the projector window).
"""

from __future__ import annotations

import time
from collections.abc import Mapping

from rich.text import Text
from textual.app import ComposeResult
from textual.geometry import Region, Size
from textual.reactive import Reactive
from textual.widget import Widget

from quizhall.contest.audience import AUDIENCE_PAGES, AudienceBoard
from quizhall.i18n import t
from quizhall.tui.audience_pages import audience_page
from quizhall.tui.bigtext import BigFont, big_font
from quizhall.tui.hall import Item, Motion, Palette, hall_page, layout_items, stack
from quizhall.tui.stage_view import Stage, StageView
from quizhall.tui.widgets.page_lines import LineStrips, PageLines, same_line

MOTION_SECONDS = 0.4  # a rank change slides this long (the issue allows half a second)
MOTION_STEP = 1 / 30


class ProjectorPreview(Widget):
    """The host's small copy of the projector: what the hall sees now, in plain type.

    Shown on a wide and tall console (120×36 and more) beside the stage; the status line
    names the page on smaller ones.
    """

    DEFAULT_CSS = """
    ProjectorPreview {
        dock: right; width: 52; height: 21; border: round $primary; display: none;
        border-title-color: $primary; border-title-style: bold;
    }
    Screen.-wide.-tall ProjectorPreview { display: block; }
    """
    SCOPED_CSS = False  # the rule above looks at the screen's size classes

    def compose(self) -> ComposeResult:
        yield HallView(motion=False, large=False)

    def on_mount(self) -> None:
        self.border_title = t("tui.preview_title")

    def show(self, view: StageView, timers: bool = True) -> None:
        """Draw the hall's ``view`` (an audience view) small."""
        self.query_one(HallView).show(view, timers)


class HallView(Widget):
    """The projector page for the current audience view."""

    DEFAULT_CSS = """
    HallView { height: 1fr; width: 1fr; }
    """
    # The page has no links: Textual need not look through every cell of a frame for one.
    auto_links = Reactive(False)

    def __init__(self, motion: bool = True, large: bool = True, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.motion = motion
        self.large = large  # False: plain type only (the host's small preview)
        self.font: BigFont | None = None
        self._view: StageView | None = None
        self._clock_shown = True
        self._order: tuple[int, ...] = ()  # the scoreboard's last order (team numbers)
        self._moves: dict[int, tuple[float, float]] = {}  # team → (from, to) positions
        self._move_start = 0.0
        self._warning_until = 0.0
        self._warning = "tui.wrong_window"
        self._audience: AudienceBoard | None = None
        self._audience_now = 0.0
        self._audience_shape: tuple | None = None
        self._audience_options: dict[str, str] = {}
        self._strips = LineStrips()  # lines drawn before: most of a page stays from frame to frame
        self._drawn: list[Text] = []  # the page Textual has (or is about to draw)
        self._next: tuple[Size, list[Text]] | None = None  # laid out by redraw, not yet drawn

    def on_mount(self) -> None:
        self.font = big_font() if self.large else None

    @property
    def view(self) -> StageView | None:
        """The audience view on screen."""
        return self._view

    @property
    def moving(self) -> bool:
        """True while a rank change is sliding."""
        return bool(self._moves)

    def show(self, view: StageView, timers: bool = True) -> None:
        """Draw ``view`` (an audience view); slide the scoreboard when its order changed."""
        if view.stage is Stage.SCORES:
            order = tuple(team.number for team in sorted(
                view.teams, key=lambda tm: (tm.rank or 10**6, tm.number)))
            if self._order and order != self._order and self.motion:
                before = {number: i for i, number in enumerate(self._order)}
                self._moves = {number: (float(before.get(number, i)), float(i))
                               for i, number in enumerate(order)}
                self._move_start = time.monotonic()
                self.set_timer(MOTION_STEP, self._step)
            self._order = order
        self._view = view
        self._clock_shown = timers
        self.redraw()

    def show_audience(self, board: AudienceBoard | None, now: float,
                      options: Mapping[str, str] | None = None) -> None:
        """Follow the audience's ``board`` as it stands at ``now``: while the host has one of
        its pages up, that page is drawn instead of the contest's (redrawn only when what it
        shows changed). ``options``: the audience question's option texts."""
        question = board.current if board is not None else None
        shape = None if board is None or board.page not in AUDIENCE_PAGES else (
            board.page, board.url, len(board.members), len(board.questions), len(board.draws),
            question is not None and question.closed,
            len(question.answers) if question else 0,
            int(question.remaining(now) + 0.999) if question else 0)
        self._audience, self._audience_now = board, now
        self._audience_options = dict(options or {})
        if shape != self._audience_shape:
            self._audience_shape = shape
            self.redraw()

    @property
    def audience_page_shown(self) -> str:
        """The audience page drawn now ("" when the contest's page is)."""
        return self._audience.page if self._audience_shape is not None and self._audience \
            else ""

    def _step(self) -> None:
        if time.monotonic() - self._move_start >= MOTION_SECONDS:
            self._moves = {}
        else:
            self.set_timer(MOTION_STEP, self._step)
        self.redraw()

    def warn_wrong_window(self, message: str = "tui.wrong_window",
                          seconds: float = 3.0) -> None:
        """Cover the page with a large warning for ``seconds``: ``message`` is the catalog key
        of its title ("the keyboard is on the projector", "the host console is not
        running"); the key ``message + "_line"`` is the line under it."""
        self._warning = message
        self._warning_until = time.monotonic() + seconds
        self.set_timer(seconds + 0.05, self.redraw)
        self.redraw()

    @property
    def warning(self) -> bool:
        """True while the wrong-window warning covers the page."""
        return time.monotonic() < self._warning_until

    def palette(self) -> Palette:
        """The page's colours from the app's theme."""
        theme = self.app.current_theme
        dark = bool(theme.dark)
        return Palette(foreground=theme.foreground or ("#ffffff" if dark else "#000000"),
                       background=theme.background or ("#000000" if dark else "#ffffff"),
                       accent=theme.accent or "#ffd400", success=theme.success or "#3ddc84",
                       error=theme.error or "#ff5c5c",
                       muted="#a0a0a0" if dark else "#505050")

    def _motion(self) -> Motion | None:
        if not self._moves:
            return None
        share = min(1.0, (time.monotonic() - self._move_start) / MOTION_SECONDS)
        eased = 1 - (1 - share) ** 2
        return Motion({number: start + (end - start) * eased
                       for number, (start, end) in self._moves.items()})

    def redraw(self) -> None:
        """Lay the page out again and refresh only the screen rows that changed (from one
        clock tick or buzz to the next most rows stay: the terminal is sent the rest)."""
        lines = self.page_lines()
        before, width = self._drawn, self.size.width
        self._next = (self.size, lines)
        changed = [Region(0, y, width, 1) for y in range(max(len(lines), len(before)))
                   if y >= len(lines) or y >= len(before) or not same_line(lines[y], before[y])]
        if changed:
            self.refresh(*changed)

    def render(self) -> PageLines:
        laid_out, self._next = self._next, None
        # Laid out by redraw for this size, or (a resize, a new theme) lay it out now.
        lines = laid_out[1] if laid_out and laid_out[0] == self.size else self.page_lines()
        self._drawn = lines
        return PageLines(lines, self._strips)

    def page_lines(self) -> list[Text]:
        """The page as drawn now, one text a screen line."""
        width, height = self.size.width, self.size.height
        if width <= 0 or height <= 0:
            return []
        palette = self.palette()
        if self.warning:
            lines = self._warning_lines(width, height, palette)
        elif self._audience_shape is not None and self._audience is not None:
            lines = audience_page(self._audience, self._audience_now, width, height, self.font,
                                  palette, self._audience_options) or []
        elif self._view is None:
            lines = []
        else:
            lines = hall_page(self._view, width, height, self.font, palette, self._motion(),
                              self._clock_shown)
        return lines[:height]

    def _warning_lines(self, width: int, height: int, palette: Palette) -> list[Text]:
        items = [Item(t(self._warning), f"bold {palette.error}"),
                 Item(t(f"{self._warning}_line"), "bold", big=False)]
        blocks, _ = layout_items(self.font, items, width - 4, height - 2)
        return stack(blocks, height, width - 4)
