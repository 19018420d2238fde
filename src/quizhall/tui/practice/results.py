"""The results screen: score, pass/fail or stars, and a review of every wrong answer."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Static

from quizhall.i18n import t
from quizhall.practice import ExamSession, LevelSession, Outcome, Session, SessionResult
from quizhall.tui.literal import literal as rich_literal
from quizhall.tui.practice.bindings import PracticeScreen
from quizhall.tui.practice.literal import join, literal, stars
from quizhall.tui.widgets.prose import Prose

if TYPE_CHECKING:
    from quizhall.tui.practice.app import PracticeApp


def _percent(ratio: float) -> int:
    return round(ratio * 100)


def summary(result: SessionResult, titles: dict[str, str]) -> Content:
    """The result in a few lines: score, verdict, counts, time."""
    lines: list[Content] = []
    percent = _percent(result.ratio)
    if result.mode == "exam":
        verdict = (("✔ " + t("practice.passed"), "bold green") if result.passed
                   else ("✘ " + t("practice.failed"), "bold red"))
        lines.append(join((t("practice.score", score=_number(result.score),
                             total=_number(result.max_score), percent=percent), "bold"),
                          "   ", verdict))
    elif result.mode == "level":
        if result.passed:
            lines.append(join((stars(result.stars or 0), "bold yellow"), "  ",
                              (t("practice.level_passed", percent=percent), "bold green")))
        else:
            lines.append(join((stars(0), "dim"), "  ",
                              (t("practice.level_failed", percent=percent), "bold red")))
            if result.stopped:
                lines.append(join((t(f"practice.stopped_{result.stopped}"), "red")))
            lines.append(join((t("practice.retry_hint"), "bold")))
        if result.unlocked:
            lines.append(join((t("practice.unlocked", title=titles.get(result.unlocked,
                                                                       result.unlocked)),
                               "bold")))
    else:
        lines.append(join((t("practice.accuracy_line", percent=_percent(result.accuracy)),
                           "bold")))
    lines.append(literal(t("practice.counts", answered=result.answered, planned=result.planned,
                           correct=result.correct, minutes=int(result.seconds // 60),
                           seconds=int(result.seconds % 60))))
    if result.skipped:
        lines.append(literal(t("practice.skipped_count", n=result.skipped), "dim"))
    return Content("\n").join(lines)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


class ResultsScreen(PracticeScreen):
    """How the session went; every wrong answer with the right one and the explanation."""

    BINDINGS = [
        Binding("enter", "close", "practice.key_back"),
        Binding("escape", "close", "practice.key_back", show=False),
        Binding("r", "retry", "practice.key_retry"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.result = session.result()

    def compose(self) -> ComposeResult:
        result = self.result
        titles = {f"{bank.info.id}/{level.id}": level.title
                  for bank in self.session.trainee.library.banks for level in bank.levels}
        title = t(f"practice.results_{result.mode}")
        if result.level:
            title += " · " + titles.get(result.level, result.level)
        if isinstance(self.session, ExamSession) and self.session.title:
            title += " · " + self.session.title
        yield Static(literal(title, "bold"), classes="title")
        yield Static(summary(result, titles), id="results-summary")
        with VerticalScroll(id="results-review"):
            if result.wrong:
                yield Static(literal(t("practice.review_heading", count=len(result.wrong)),
                                     "bold"))
                for number, outcome in enumerate(result.wrong, 1):
                    yield Prose(self._item(number, outcome), classes="review-item")
            else:
                yield Static(literal(t("practice.no_wrong"), "green"))
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#results-review", VerticalScroll).focus()

    @staticmethod
    def _item(number: int, outcome: Outcome) -> Text:
        """One wrong answer, as Rich text for :class:`Prose`, which wraps Chinese by character
        (Textual's own wrapping would leave "1." alone and push the stem to the next line)."""
        presented = outcome.presented
        q = presented.question
        lines = [Text.assemble((f"{number}. ", "bold"), rich_literal(q.stem))]
        lefts = presented.lefts()
        if lefts:
            lines.append(Text.assemble("   ", rich_literal("  ".join(
                f"{n}. {left}" for n, left in enumerate(lefts, 1)))))
        if presented.choices() and presented.definition.drawing.input != "judge":
            lines.append(Text.assemble("   ", rich_literal("  ".join(
                f"{letter}. {text}" for letter, text in presented.choices()))))
        given = (t("practice.unanswered") if outcome.given is None
                 else presented.given_text(outcome.given))
        lines.append(Text.assemble(("   " + t("practice.your_answer"), "bold red"),
                                   rich_literal(given), "   ",
                                   (t("practice.correct_answer"), "bold green"),
                                   rich_literal(presented.answer_text())))
        if q.explanation:
            lines.append(Text.assemble(("   " + t("practice.explanation"), "dim"),
                                       rich_literal(q.explanation, "dim")))
        return Text("\n").join(lines)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "retry":
            return isinstance(self.session, LevelSession) and not self.result.passed
        return True

    def action_close(self) -> None:
        self.app.pop_screen()

    def action_retry(self) -> None:
        """Try the failed level again."""
        session = self.session
        if isinstance(session, LevelSession):
            self.app.pop_screen()
            cast("PracticeApp", self.app).start_level(session.bank, session.level)
