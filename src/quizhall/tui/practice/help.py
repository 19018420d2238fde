"""The key help, shown over any screen with ``?`` or F1."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from quizhall.i18n import t
from quizhall.tui.practice.bindings import PracticeModal
from quizhall.tui.practice.literal import join, pad

KEYS = ("choose", "toggle", "typed", "fill", "order", "match", "short", "submit", "rate",
        "claim", "bookmark", "skip", "study", "sheet", "flag", "move",
        "hand_in", "paper", "board",
        "leave", "quit")


class HelpScreen(PracticeModal):
    """Which key does what."""

    BINDINGS = [Binding("escape,enter,question_mark,f1,q", "app.pop_screen",
                        "practice.key_back")]

    def compose(self) -> ComposeResult:
        lines = [join((t("practice.help_title"), "bold")), join("")]
        for name in KEYS:
            key, text = t(f"practice.help_{name}").split("|", 1)
            lines.append(join((pad(key, 12), "bold"), text))
        lines += [join(""), join((t("practice.help_close"), "dim"))]
        with VerticalScroll(id="help-box"):
            for line in lines:
                yield Static(line)
