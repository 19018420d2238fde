"""The buzz banner: who holds the buzz, unmistakably, or that the buzzers are open."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Digits

from quizhall.i18n import t
from quizhall.tui.bigtext import wide
from quizhall.tui.literal import literal
from quizhall.tui.stage_view import TeamView
from quizhall.tui.text import contrast
from quizhall.tui.widgets.prose import Prose
from quizhall.tui.widgets.scoreboard import FixedDigits, set_digits


def spaced(name: str) -> str:
    """A short Chinese name with room between its characters, so it reads larger from afar.

    Names with Latin letters stay as written: "R e d" reads as three words, not larger.
    """
    if len(name) > 12 or not all(wide(character) for character in name):
        return name
    return " ".join(name)


class BuzzBanner(Widget):
    """Hidden unless the buzzers are open or a team holds the buzz."""

    # Fixed sizes: when a team wins the buzz only the banner is repainted, nothing moves.
    DEFAULT_CSS = """
    BuzzBanner { height: 5; layout: horizontal; }
    BuzzBanner > Digits { width: 7; margin: 0 1 0 1; }
    BuzzBanner > Vertical { height: 3; width: 1fr; }
    BuzzBanner .banner-name { height: 2; text-style: bold; }
    BuzzBanner .banner-line { height: 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._colour = ""

    def compose(self) -> ComposeResult:
        yield FixedDigits("")
        with Vertical():
            yield Prose(classes="banner-name")
            yield Prose(classes="banner-line")

    def show(self, holder: TeamView | None, buzz_open: bool) -> None:
        """A team's lock in its colour with its number and name, or the "buzz now" call."""
        digits = self.query_one(Digits)
        name = self.query_one(".banner-name", Prose)
        line = self.query_one(".banner-line", Prose)
        self.set_class(holder is not None, "-locked")
        self.set_class(holder is None and buzz_open, "-open")
        colour = holder.colour if holder is not None else ""
        if colour != self._colour:
            self._colour = colour
            if colour:
                self.styles.background = colour
                self.styles.color = contrast(colour)
            else:
                self.styles.clear_rule("background")
                self.styles.clear_rule("color")
        if holder is not None:
            self.display = True
            set_digits(digits, str(holder.number))
            shown = literal(spaced(holder.name))
            for note in holder.notes:  # what the team declared, e.g. its certainty
                shown.append("   ")
                shown.append_text(literal(note))
            name.update(shown)
            line.update(Text(t("tui.buzz_locked", number=holder.number), style="bold"))
            return
        if buzz_open:
            self.display = True
            set_digits(digits, "")
            name.update(Text(t("tui.buzz_open")))
            line.update(Text(t("tui.buzz_open_line")))
            return
        self.display = False
