"""Dialogs over the contest screens: full key help, adjusting a score, yes/no questions."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from quizhall.i18n import t
from quizhall.tui.literal import literal
from quizhall.tui.stage_view import TeamView
from quizhall.tui.text import team_label
from quizhall.tui.widgets.prose import Prose


@dataclass(frozen=True, slots=True)
class KeyHelp:
    """One line of the help screen: the key as printed, and what it does."""

    key: str
    text: str


def help_text(host_keys: list[KeyHelp], teams: tuple[TeamView, ...]) -> Text:
    """The full help: host keys, then each team's buzzer key."""
    text = Text()
    text.append(t("tui.help_host_keys") + "\n", style="bold underline")
    width = max((len(k.key) for k in host_keys), default=1)
    for item in host_keys:
        text.append(f"  {item.key.ljust(width)}  ", style="bold")
        text.append(item.text + "\n")
    if teams:
        text.append("\n" + t("tui.help_buzzer_keys") + "\n", style="bold underline")
        for team in teams:
            text.append(f"  {team.buzzer_key or '—':<{width}}  ", style="bold")
            text.append_text(team_label(team.number, team.name, team.colour))
            text.append("\n")
    text.append("\n" + t("tui.help_log_note"), style="italic")
    return text


class HelpScreen(ModalScreen[None]):
    """Every key of the host console, and the teams' buzzer keys."""

    BINDINGS = [Binding("escape,question_mark,q", "dismiss", show=False)]

    def __init__(self, host_keys: list[KeyHelp], teams: tuple[TeamView, ...]) -> None:
        super().__init__()
        self._text = help_text(host_keys, teams)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(t("tui.help_title"), classes="dialog-title")
            with VerticalScroll():
                yield Prose(self._text)
            yield Label(t("tui.help_close"))

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)


@dataclass(frozen=True, slots=True)
class Adjustment:
    """A jury's change to one team's score, with the reason it is recorded under."""

    team: int
    points: float
    reason: str


def parse_points(text: str) -> float | None:
    """``+10``, ``-5``, ``2.5`` (full-width forms too); None unless a non-zero number."""
    value = parse_number(text)
    return None if value is None or value == 0 else value


class AdjustDialog(ModalScreen[Adjustment | None]):
    """Ask for a team, a number of points (±) and a reason; returns an :class:`Adjustment`."""

    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, teams: tuple[TeamView, ...], team: int | None = None) -> None:
        super().__init__()
        self._teams = teams
        self._team = team if team is not None else (teams[0].number if teams else 1)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(t("tui.adjust_title"), classes="dialog-title")
            yield Label(t("tui.adjust_team"))
            yield Select([(team_label(tm.number, tm.name, tm.colour), tm.number)
                          for tm in self._teams], value=self._team, allow_blank=False,
                         id="adjust-team")
            yield Label(t("tui.adjust_points"))
            yield Input(placeholder="+10 / -10", id="adjust-points")
            yield Label(t("tui.adjust_reason"))
            yield Input(placeholder=t("tui.adjust_reason_hint"), id="adjust-reason")
            yield Static(classes="dialog-error", id="adjust-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("tui.cancel"), id="cancel")
                yield Button(t("tui.adjust_ok"), variant="primary", id="ok")

    def on_mount(self) -> None:
        self.query_one("#adjust-points", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "adjust-points":
            self.query_one("#adjust-reason", Input).focus()
        else:
            self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self._submit()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _submit(self) -> None:
        error = self.query_one("#adjust-error", Static)
        points = parse_points(self.query_one("#adjust-points", Input).value)
        if points is None:
            error.update(t("tui.adjust_bad_points"))
            self.query_one("#adjust-points", Input).focus()
            return
        reason = " ".join(self.query_one("#adjust-reason", Input).value.split())
        if not reason:
            error.update(t("tui.adjust_need_reason"))
            self.query_one("#adjust-reason", Input).focus()
            return
        team = self.query_one("#adjust-team", Select).value
        self.dismiss(Adjustment(int(team), points, reason))  # type: ignore[arg-type]


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question; ``y``/Enter says yes, ``n``/Escape says no."""

    BINDINGS = [Binding("y", "answer(True)", show=False), Binding("n", "answer(False)", show=False),
                Binding("escape", "answer(False)", show=False)]

    def __init__(self, title: str, body: str = "", yes: str = "", no: str = "") -> None:
        super().__init__()
        self._title = title
        self._body = body
        self._yes = yes or t("tui.yes")
        self._no = no or t("tui.no")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(literal(self._title), classes="dialog-title")
            if self._body:
                yield Static(literal(self._body))
            with Horizontal(classes="dialog-buttons"):
                yield Button(self._no, id="no")
                yield Button(self._yes, variant="primary", id="yes")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class NumberDialog(ModalScreen[float | None]):
    """Ask for one number (e.g. the points of a partly right answer)."""

    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, title: str, prompt: str) -> None:
        super().__init__()
        self._title = title
        self._prompt = prompt

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(literal(self._title), classes="dialog-title")
            yield Label(literal(self._prompt))  # it may name a team or a judge: text is data
            yield Input(id="number")
            yield Static(classes="dialog-error", id="number-error")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        value = parse_number(event.value)
        if value is None:
            self.query_one("#number-error", Static).update(t("tui.not_a_number"))
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)


def parse_number(text: str) -> float | None:
    """A finite number from typed text (full-width forms too), or None."""
    folded = unicodedata.normalize("NFKC", text).strip().replace("−", "-").replace(" ", "")
    try:
        value = float(folded)
    except ValueError:
        return None
    return value if value == value and value not in (float("inf"), float("-inf")) else None


class PickDialog(ModalScreen[object | None]):
    """Pick one of a few options (a team to assign a question to, a member to answer)."""

    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, title: str, options: Sequence[tuple[Text, object]]) -> None:
        super().__init__()
        self._title = title
        self._options = options

    def compose(self) -> ComposeResult:
        from textual.widgets import OptionList
        from textual.widgets.option_list import Option

        with Vertical(classes="dialog"):
            yield Label(literal(self._title), classes="dialog-title")
            yield OptionList(*[Option(label, id=str(i)) for i, (label, _) in
                               enumerate(self._options)])

    def on_mount(self) -> None:
        from textual.widgets import OptionList

        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: object) -> None:
        index = int(event.option.id)  # type: ignore[attr-defined]
        self.dismiss(self._options[index][1])

    def action_cancel(self) -> None:
        self.dismiss(None)
