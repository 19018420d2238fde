"""The sign-in screen of a served practice app: who is practising (name or staff number 工号),
the room's join code when the room asks for one, and their unit when the room's practice
counts toward a campaign (a trainee who joined it before keeps their first unit)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, Input, Label, Select, Static

from quizhall.i18n import t
from quizhall.tui.practice.bindings import PracticeScreen
from quizhall.tui.practice.literal import join, literal

if TYPE_CHECKING:
    from quizhall.campaign.model import Campaign
    from quizhall.tui.practice.app import PracticeApp

# Longest trainee name accepted (a name or a staff number, not a paragraph).
MAX_NAME = 40


class SignInScreen(PracticeScreen):
    """Name (or 工号), the room's join code if it has one, the unit if the room counts toward
    a campaign; then the start screen."""

    def __init__(self, needs_code: bool, campaign: Campaign | None = None) -> None:
        super().__init__()
        self.needs_code = needs_code
        self.campaign = campaign

    def compose(self) -> ComposeResult:
        with Vertical(id="sign-in"):
            yield Static(join((t("practice.sign_in_title"), "bold")), classes="title")
            yield Label(t("practice.sign_in_name"))
            yield Input(id="sign-in-name", max_length=MAX_NAME)
            if self.needs_code:
                yield Label(t("practice.sign_in_code"))
                yield Input(id="sign-in-code", password=True, max_length=MAX_NAME)
            if self.campaign is not None:
                yield Label(literal(t("campaign.signin_unit", title=self.campaign.title)))
                yield Select([(literal(unit), unit) for unit in self.campaign.units],
                             id="sign-in-unit", prompt=t("campaign.signin_pick_unit"))
            yield Button(t("practice.sign_in_button"), id="sign-in-go", variant="primary")
            yield Static(id="sign-in-problem", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "sign-in-name" and self.needs_code:
            self.query_one("#sign-in-code", Input).focus()
        elif self.campaign is not None and not isinstance(
                self.query_one("#sign-in-unit", Select).value, str):
            self.query_one("#sign-in-unit", Select).focus()  # the unit is still to choose
        else:
            self._sign_in()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self._sign_in()

    def _sign_in(self) -> None:
        name = self.query_one("#sign-in-name", Input).value.strip()
        code = self.query_one("#sign-in-code", Input).value if self.needs_code else ""
        unit = ""
        if self.campaign is not None:
            chosen = self.query_one("#sign-in-unit", Select).value
            unit = chosen if isinstance(chosen, str) else ""
        problem = cast("PracticeApp", self.app).sign_in(name, code, unit)
        if problem:
            self.query_one("#sign-in-problem", Static).update(literal(problem))
