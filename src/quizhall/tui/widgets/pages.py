"""Whole-screen pages between questions: title, teams, round rules, scores, final ranking."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Center, VerticalScroll
from textual.widget import Widget

from quizhall.i18n import t
from quizhall.tui.literal import literal
from quizhall.tui.stage_view import StageView, TeamView
from quizhall.tui.text import named, points, swatch, team_label
from quizhall.tui.widgets.prose import Prose
from quizhall.tui.widgets.scoreboard import Scoreboard


class Page(Widget):
    """A page: a big title line, a subtitle, and a body below; subclasses add ``show(view)``."""

    DEFAULT_CSS = """
    Page { height: 1fr; }
    Page .page-title { width: 100%; height: auto; text-align: center; text-style: bold; }
    Page .page-subtitle { width: 100%; height: auto; text-align: center; }
    Page .page-body { height: auto; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Prose(classes="page-title")
            yield Prose(classes="page-subtitle")
            yield from self.compose_body()

    def compose_body(self) -> ComposeResult:
        yield Prose(classes="page-body")

    def set_titles(self, title: Text, subtitle: Text | str = "") -> None:
        self.query_one(".page-title", Prose).update(title)
        self.query_one(".page-subtitle", Prose).update(subtitle)

    def set_body(self, body: Text | str) -> None:
        self.query_one(".page-body", Prose).update(body)


class TitlePage(Page):
    """The contest's title before it starts; for the host, a hint below the teams and what
    went wrong loading the contest."""

    def compose_body(self) -> ComposeResult:
        yield Prose(classes="page-body")
        yield Prose(classes="page-warnings")

    def show(self, view: StageView) -> None:
        warnings = self.query_one(".page-warnings", Prose)
        warnings.display = bool(view.warnings)
        warnings.update(Text("\n").join(literal("⚠ " + warning) for warning in view.warnings))
        self.set_titles(literal(view.contest_title),
                        t("tui.title_sub", rounds=view.round_total, teams=len(view.teams)))
        teams = Text(justify="center")
        for i, team in enumerate(view.teams):
            if i:
                teams.append("   ")
            teams.append_text(team_label(team.number, team.name, team.colour))
        if view.hint:
            teams.append("\n\n")
            teams.append_text(literal(view.hint, style="italic"))
        self.set_body(teams)


def team_intro(team: TeamView) -> Text:
    """A team's line on the introduction page: colour and number, name, members, buzzer key."""
    text = team_label(team.number, team.name, team.colour)
    if team.members:
        text.append("\n    ")
        for i, member in enumerate(team.members, 1):
            if i > 1:
                text.append("  ")
            text.append(f"{i}. ", style="bold")
            text.append_text(literal(member))
    if team.buzzer_key:
        text.append("\n    ")
        text.append(t("tui.buzzer_key") + " ")
        text.append(team.buzzer_key, style="bold reverse")
    return text


class TeamsPage(Page):
    """The teams, their members in seat order and their buzzer keys."""

    def show(self, view: StageView) -> None:
        self.set_titles(Text(t("tui.teams_title")), literal(view.contest_title))
        body = Text()
        for i, team in enumerate(view.teams):
            if i:
                body.append("\n\n")
            body.append_text(team_intro(team))
        self.set_body(body)


class RoundPage(Page):
    """A round's title and its rules."""

    def show(self, view: StageView) -> None:
        title = Text()
        if view.round_total:
            title.append(t("tui.round_of", k=view.round_number, n=view.round_total) + "  ")
        title.append_text(literal(view.round_title))
        kind = view.round_kind
        if kind:
            kind = named(f"tui.round_kind.{kind}", kind)
        self.set_titles(title, literal(kind))
        body = Text()
        for i, rule in enumerate(view.round_rules):
            if i:
                body.append("\n")
            body.append("• ", style="bold")
            body.append_text(literal(rule))
        if view.message:
            body.append("\n\n")
            body.append_text(literal(view.message, style="bold"))
        self.set_body(body)


class ScoresPage(Page):
    """The standings, best first, in large type."""

    def compose_body(self) -> ComposeResult:
        with Center():
            yield Scoreboard(ranked=True, classes="page-scoreboard")

    def show(self, view: StageView) -> None:
        subtitle = literal(view.round_title) if view.round_title else literal(view.contest_title)
        self.set_titles(Text(t("tui.scores_title")), subtitle)
        self.query_one(Scoreboard).show(view.teams)


def podium(ranking: tuple[TeamView, ...]) -> Text:
    """The final ranking: rank, team, score and prize, one team a line."""
    text = Text()
    for i, team in enumerate(ranking):
        if i:
            text.append("\n")
        rank = team.rank if team.rank is not None else i + 1
        text.append(t("tui.rank", rank=rank).ljust(4), style="bold")
        text.append(" ")
        text.append_text(swatch(team.number, team.colour))
        text.append(" ")
        text.append_text(literal(team.name, style="bold"))
        text.append("  ")
        text.append(t("tui.points", points=points(team.score)), style="bold")
        if team.prize:
            text.append("  ")
            text.append_text(literal(team.prize, style="italic"))
    return text


class FinalPage(Page):
    """The final ranking with prizes."""

    def show(self, view: StageView) -> None:
        self.set_titles(Text(t("tui.final_title")), literal(view.contest_title))
        ranking = view.ranking or tuple(sorted(view.teams,
                                               key=lambda tm: (tm.rank or 10**6, tm.number)))
        self.set_body(podium(ranking))
