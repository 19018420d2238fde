"""The base of the contest apps: projector theme, adaptive layout, and the signals for the hall.

:class:`ContestApp` loads the stylesheet and the light or dark projector theme, gives screens
breakpoint classes (``-narrow``/``-wide``, ``-short``/``-tall``) so the layout adapts from
80×24 to a full-screen projector, and rings the terminal bell when a team wins the buzz or
time runs out (:meth:`ContestApp.signal`).
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.screen import Screen

from quizhall.tui.stage_view import StageView
from quizhall.tui.theme import THEMES

CSS_FILE = Path(__file__).with_name("theme.tcss")


class ContestApp(App[int]):
    """Common ground of the host console and the projector display."""

    CSS_PATH = str(CSS_FILE)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (36, "-tall")]
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, theme: str = "dark", bell: bool = True) -> None:
        super().__init__()
        self._theme_name = THEMES[theme].name
        self.bell_enabled = bell
        self.bells = 0  # how many times the hall was signalled (tests count them)
        self._signalled: tuple[int | None, bool] = (None, False)

    def on_mount(self) -> None:
        for theme in THEMES.values():
            self.register_theme(theme)
        self.theme = self._theme_name

    def showing(self, screen: Screen | None) -> bool:
        """True while ``screen`` can be drawn on (not while the app is closing)."""
        # A screen being closed or pruned reports display False (Textual's public view of it).
        return (screen is not None and self.return_code is None and screen.is_attached
                and screen.display)

    def announce(self, events: list[dict], team_names: list[str]) -> None:
        """Toast what the hall should know about these new events (early buzz, adjustment …)."""
        from quizhall.tui.present import notices

        for notice in notices(events, team_names):
            self.notify(notice, severity="warning", markup=False, timeout=6)

    def signal(self, view: StageView) -> None:
        """Ring the bell when a team newly holds the buzz, or when time newly runs out."""
        holder, time_up = view.buzz_holder, view.time_up
        before_holder, before_time_up = self._signalled
        self._signalled = (holder, time_up)
        if (holder is not None and holder != before_holder) or (time_up and not before_time_up):
            self.bells += 1
            if self.bell_enabled:
                self.bell()
