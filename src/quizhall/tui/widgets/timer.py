"""The countdown: seconds left in tall digits, with its state in words (paused, time up)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Digits, Static

from quizhall.i18n import t
from quizhall.tui.text import clock
from quizhall.tui.view import TimerView


class TimerPanel(Widget):
    """A countdown, or a clear "no time limit" line when there is none."""

    DEFAULT_CSS = """
    TimerPanel { height: auto; }
    TimerPanel > Digits { width: auto; }
    TimerPanel > .timer-label { height: auto; }
    """

    def compose(self) -> ComposeResult:
        yield Static(classes="timer-label")
        yield Digits("")

    def show(self, timer: TimerView | None, time_up: bool, enabled: bool = True) -> None:
        """Show ``timer``; ``time_up`` after it ran out; ``enabled`` False in no-timer mode."""
        label = self.query_one(".timer-label", Static)
        digits = self.query_one(Digits)
        self.set_class(time_up, "-time-up")
        self.set_class(timer is not None and not timer.running and not time_up, "-paused")
        if not enabled:
            self.display = True
            digits.display = False
            label.update(Text(t("tui.no_timer"), style="bold"))
            return
        if timer is None and not time_up:
            self.display = False
            return
        self.display = True
        digits.display = True
        if time_up:
            digits.update("0")
            label.update(Text(t("tui.time_up"), style="bold"))
            return
        assert timer is not None
        digits.update(clock(timer.remaining))
        words = timer.label or t("tui.time_left")
        if not timer.running:
            words = f"{words} · {t('tui.paused')}"
        label.update(Text(words, style="bold"))
