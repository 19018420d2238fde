"""The mock exam's dialogs: the answer sheet (答题卡), the hand-in confirmation, and the choice
between resuming an unfinished exam and abandoning it."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from quizhall.i18n import t
from quizhall.practice import ExamSession
from quizhall.tui.practice.bindings import PracticeModal
from quizhall.tui.practice.literal import join

PER_ROW = 10  # questions in a row of the sheet


class AnswerSheetScreen(PracticeModal):
    """Every question of the exam, answered, flagged or empty; open any of them."""

    BINDINGS = [
        Binding("enter", "open", "practice.key_open"),
        Binding("up", "move(-10)", show=False),
        Binding("down", "move(10)", show=False),
        Binding("left", "move(-1)", show=False),
        Binding("right", "move(1)", show=False),
        Binding("f10", "hand_in", "practice.key_hand_in"),
        Binding("escape,f2", "app.pop_screen", "practice.key_back"),
    ]

    def __init__(self, exam: ExamSession, open_question: Callable[[int], None],
                 hand_in: Callable[[], None]) -> None:
        super().__init__()
        self.exam = exam
        self.cursor = exam.index
        self.open_question = open_question
        self.hand_in = hand_in

    def compose(self) -> ComposeResult:
        with Vertical(id="sheet-box"):
            yield Static(join((t("practice.sheet_title"), "bold")))
            yield Static(id="sheet-grid")
            yield Static(id="sheet-legend")
            yield Static(join((t("practice.sheet_hint"), "dim")))

    def on_mount(self) -> None:
        self._draw()

    def _draw(self) -> None:
        exam = self.exam
        rows: list[Content] = []
        for start in range(0, exam.total, PER_ROW):
            cells: list[str | tuple[str, str]] = []
            for index in range(start, min(start + PER_ROW, exam.total)):
                answered = exam.status(index) == "answered"
                flag = "⚑" if index in exam.flags else " "
                mark = "●" if answered else "○"
                style = "bold green" if answered else "dim"
                if index in exam.flags:
                    style = "bold yellow"
                if index == self.cursor:
                    style += " reverse"
                cells += [(f"{index + 1:>3}{mark}{flag}", style), " "]
            rows.append(join(*cells))
        self.query_one("#sheet-grid", Static).update(Content("\n").join(rows))
        answered_count = exam.total - exam.unanswered
        self.query_one("#sheet-legend", Static).update(join(
            ("● " + t("practice.sheet_answered", n=answered_count), "green"), "   ",
            ("○ " + t("practice.sheet_empty", n=exam.unanswered), "dim"), "   ",
            ("⚑ " + t("practice.sheet_flagged", n=len(exam.flags)), "yellow")))

    def action_move(self, step: int) -> None:
        target = self.cursor + step
        if 0 <= target < self.exam.total:
            self.cursor = target
            self._draw()

    def action_open(self) -> None:
        self.app.pop_screen()
        self.open_question(self.cursor)

    def action_hand_in(self) -> None:
        self.app.pop_screen()
        self.hand_in()


class HandInScreen(PracticeModal):
    """Hand in? It says how many questions are unanswered and flagged."""

    BINDINGS = [
        Binding("y,enter", "confirm", "practice.key_confirm_hand_in"),
        Binding("n,escape", "app.pop_screen", "practice.key_keep_going"),
    ]

    def __init__(self, exam: ExamSession, confirmed: Callable[[], None]) -> None:
        super().__init__()
        self.exam = exam
        self.confirmed = confirmed

    def compose(self) -> ComposeResult:
        exam = self.exam
        lines = [join((t("practice.hand_in_title"), "bold"))]
        if exam.unanswered:
            lines.append(join((t("practice.hand_in_unanswered", n=exam.unanswered),
                               "bold red")))
        else:
            lines.append(join(t("practice.hand_in_all_answered")))
        if exam.flags:
            lines.append(join((t("practice.hand_in_flagged", n=len(exam.flags)), "yellow")))
        lines.append(join((t("practice.hand_in_hint"), "dim")))
        with Vertical(id="hand-in-box"):
            yield Static(Content("\n").join(lines))

    def action_confirm(self) -> None:
        self.app.pop_screen()
        self.confirmed()


class UnfinishedExamScreen(PracticeModal):
    """An exam is unfinished: resume it, or abandon it and start the one asked for."""

    BINDINGS = [
        Binding("r,enter", "resume", "practice.key_resume"),
        Binding("a", "abandon", "practice.key_abandon"),
        Binding("escape", "app.pop_screen", "practice.key_back"),
    ]

    def __init__(self, done: int, total: int, new_exam: str,
                 choose: Callable[[bool], None]) -> None:
        super().__init__()
        self.done = done
        self.total = total
        self.new_exam = new_exam
        self.choose = choose

    def compose(self) -> ComposeResult:
        lines = [join((t("practice.unfinished_title", done=self.done, total=self.total),
                       "bold")),
                 join(t("practice.unfinished_new", exam=self.new_exam)),
                 join((t("practice.unfinished_hint"), "dim"))]
        with Vertical(id="unfinished-box"):
            yield Static(Content("\n").join(lines))

    def action_resume(self) -> None:
        self.app.pop_screen()
        self.choose(True)

    def action_abandon(self) -> None:
        self.app.pop_screen()
        self.choose(False)
