"""The countdown: seconds left in tall digits, with its state in words (paused, time up)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Digits

from quizhall.i18n import t
from quizhall.tui.stage_view import TimerView
from quizhall.tui.text import clock
from quizhall.tui.widgets.prose import Prose
from quizhall.tui.widgets.scoreboard import FixedDigits, set_digits


class TimerPanel(Widget):
    """A countdown, or a clear "no time limit" line when there is none."""

    DEFAULT_CSS = """
    TimerPanel { height: auto; }
    TimerPanel > Digits { width: 1fr; }
    TimerPanel > .timer-label { height: 1; }
    """

    def compose(self) -> ComposeResult:
        yield Prose(classes="timer-label")
        yield FixedDigits("")

    def show(self, timer: TimerView | None, time_up: bool, enabled: bool = True) -> None:
        """Show ``timer``; ``time_up`` after it ran out; ``enabled`` False in no-timer mode."""
        label = self.query_one(".timer-label", Prose)
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
            set_digits(digits, "0")
            label.update(Text(t("tui.time_up"), style="bold"))
            return
        assert timer is not None
        set_digits(digits, clock(timer.remaining))
        words = timer.label or t("tui.time_left")
        if not timer.running:
            words = f"{words} · {t('tui.paused')}"
        label.update(Text(words, style="bold"))
