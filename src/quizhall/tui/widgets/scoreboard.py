"""The scoreboard: every team's number, name, colour and score, with its state in words."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Digits

from quizhall.i18n import t
from quizhall.tui.literal import visible
from quizhall.tui.stage_view import TeamView
from quizhall.tui.text import points, team_label
from quizhall.tui.widgets.prose import Prose


class FixedDigits(Digits):
    """Tall digits in a box whose width the stylesheet fixes: a new value only repaints.

    (Textual's ``Digits`` lays the whole screen out again whenever its width could change.)
    """

    def update(self, value: str) -> None:
        if value != self._value:
            self._value = value
            self.refresh()


def set_digits(digits: Digits, value: str) -> None:
    """Update tall digits only when the value changes (an update costs a repaint)."""
    if digits.value != value:
        digits.update(value)


def markers(team: TeamView, holder: int | None, turn: int | None) -> Text:
    """A team's state as words and symbols (never as colour alone)."""
    parts: list[str] = []
    if team.number == holder:
        parts.append(t("tui.mark_holder"))
    elif team.number == turn:
        parts.append(t("tui.mark_turn"))
    if team.locked_out:
        parts.append(t("tui.mark_locked"))
    if team.out:
        parts.append(t("tui.mark_out"))
    if team.wager:
        parts.append(t("tui.mark_wager", value=team.wager))
    if team.lives is not None:
        parts.append(t("tui.mark_lives", lives=team.lives))
    parts.extend(visible(note) for note in team.notes)
    return Text("  ".join(parts), style="bold")


class TeamCard(Widget):
    """One team's line (and, on a large screen, its score in tall digits)."""

    DEFAULT_CSS = """
    TeamCard { height: auto; }
    TeamCard > Horizontal { height: auto; }
    TeamCard .team-name { width: 1fr; height: auto; }
    TeamCard .team-score-text { width: auto; min-width: 5; text-align: right; text-style: bold; }
    TeamCard .team-marks { height: 1; }
    TeamCard Digits { display: none; width: 1fr; }
    """

    def __init__(self, team: TeamView, holder: int | None = None, turn: int | None = None,
                 ranked: bool = False) -> None:
        super().__init__()
        self._shown = (team, holder, turn, ranked)
        self._ready = False
        self._drawn = False

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Prose(classes="team-name")
            yield Prose(classes="team-score-text")
        yield FixedDigits(classes="team-score")
        yield Prose(classes="team-marks")

    def on_mount(self) -> None:
        self._ready = True
        self.show(*self._shown)

    def show(self, team: TeamView, holder: int | None, turn: int | None, ranked: bool) -> None:
        """Show ``team``; ``ranked`` puts its rank in front of its name."""
        if (team, holder, turn, ranked) == self._shown and self._drawn:
            return
        self._shown = (team, holder, turn, ranked)
        if not self._ready:
            return
        self._drawn = True
        label = Text()
        if ranked and team.rank is not None:
            label.append(t("tui.rank", rank=team.rank) + " ", style="bold")
        label.append_text(team_label(team.number, team.name, team.colour))
        self.query_one(".team-name", Prose).update(label)
        score = points(team.score)
        self.query_one(".team-score-text", Prose).update(Text(score))
        set_digits(self.query_one(Digits), score)
        self.query_one(".team-marks", Prose).update(markers(team, holder, turn))
        self.set_class(team.number == holder, "-holder")
        self.set_class(team.out, "-out")


class Scoreboard(Widget):
    """All teams, in team order or (``ranked``) by rank."""

    DEFAULT_CSS = """
    Scoreboard { height: auto; }
    Scoreboard > VerticalScroll { height: auto; max-height: 100%; }
    """

    def __init__(self, ranked: bool = False, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.ranked = ranked
        self._numbers: tuple[int, ...] = ()
        self._cards: list[TeamCard] = []

    def compose(self) -> ComposeResult:
        yield VerticalScroll()

    def show(self, teams: tuple[TeamView, ...], holder: int | None = None,
             turn: int | None = None) -> None:
        """Show these teams; cards are built once and updated in place afterwards."""
        ordered = sorted(teams, key=lambda tm: (tm.rank or 10**6, tm.number)) if self.ranked \
            else list(teams)
        numbers = tuple(team.number for team in ordered)
        box = self.query_one(VerticalScroll)
        if numbers != self._numbers:
            self._numbers = numbers
            box.remove_children()
            self._cards = [TeamCard(team, holder, turn, self.ranked) for team in ordered]
            box.mount_all(self._cards)
            return
        for card, team in zip(self._cards, ordered, strict=True):
            card.show(team, holder, turn, self.ranked)
