"""The stage: the page of the contest now showing, shared by the host console and the projector.

:class:`StageBody` switches between the title, teams, round, question, scores and final pages
and hands each the :class:`~quizhall.tui.stage_view.StageView` to render. It renders what it is
given: the audience screens pass ``view.for_audience()``, so nothing host-only reaches them.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import ContentSwitcher

from quizhall.tui.literal import literal
from quizhall.tui.stage_view import Stage, StageView
from quizhall.tui.widgets.banner import BuzzBanner
from quizhall.tui.widgets.pages import FinalPage, RoundPage, ScoresPage, TeamsPage, TitlePage
from quizhall.tui.widgets.prose import Prose
from quizhall.tui.widgets.question import AnswerPanel, QuestionPanel
from quizhall.tui.widgets.scoreboard import Scoreboard
from quizhall.tui.widgets.timer import TimerPanel


class QuestionPage(Widget):
    """A question with its buzz banner, answer block, timer and scoreboard."""

    DEFAULT_CSS = """
    QuestionPage { height: 1fr; }
    """

    def compose(self) -> ComposeResult:
        with Horizontal(id="question-layout"):
            with Vertical(id="question-main"):
                yield BuzzBanner()
                yield Prose(id="question-message")
                yield QuestionPanel()
                yield AnswerPanel()
            with Vertical(id="question-side"):
                yield TimerPanel()
                yield Scoreboard(id="side-scoreboard")

    def show(self, view: StageView, timer_enabled: bool = True) -> None:
        self.query_one(BuzzBanner).show(view.team(view.buzz_holder), view.buzz_open)
        message = self.query_one("#question-message", Prose)
        message.display = bool(view.message)
        message.update(literal(view.message, style="bold"))
        self.query_one(QuestionPanel).set_class(view.audience, "-audience")  # large pictures
        self.query_one(QuestionPanel).show(view.question)
        self.query_one(AnswerPanel).show(view.question, view.revealed, view.audience)
        self.query_one(TimerPanel).show(view.timer, view.time_up, timer_enabled)
        self.query_one(Scoreboard).show(view.teams, view.buzz_holder, view.turn)
        self.set_class(view.revealed, "-revealed")


PAGES = {
    Stage.TITLE: "page-title",
    Stage.TEAMS: "page-teams",
    Stage.ROUND: "page-round",
    Stage.QUESTION: "page-question",
    Stage.REVEAL: "page-question",
    Stage.SCORES: "page-scores",
    Stage.FINAL: "page-final",
}


class StageBody(Widget):
    """The contest's current page."""

    DEFAULT_CSS = """
    StageBody { height: 1fr; }
    StageBody > ContentSwitcher { height: 1fr; }
    """

    def compose(self) -> ComposeResult:
        with ContentSwitcher(initial="page-title"):
            yield TitlePage(id="page-title")
            yield TeamsPage(id="page-teams")
            yield RoundPage(id="page-round")
            yield QuestionPage(id="page-question")
            yield ScoresPage(id="page-scores")
            yield FinalPage(id="page-final")

    def show(self, view: StageView, timer_enabled: bool = True) -> None:
        """Switch to the page for ``view.stage`` and render ``view`` on it."""
        page_id = PAGES[view.stage]
        switcher = self.query_one(ContentSwitcher)
        switcher.current = page_id
        page = switcher.query_one(f"#{page_id}")
        if isinstance(page, QuestionPage):
            page.show(view, timer_enabled)
        else:
            page.show(view)  # type: ignore[attr-defined]
