"""The trainee's app: a start screen, then sessions of each mode, results and stats.

The app turns choices into engine calls (:mod:`quizhall.practice`) and shows their state; the
rules (grading, scheduling, unlocking, timing) all live in the engine. Time and randomness are
injected, so tests and snapshots see the same screens every run.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from textual.app import App
from textual.binding import Binding

from quizhall.bank.model import Bank, Level
from quizhall.i18n import t
from quizhall.practice import (
    ExamSession,
    ExamSpec,
    ExamSpecError,
    Filter,
    History,
    LevelSession,
    Library,
    Order,
    PracticeSession,
    ReviewSession,
    Session,
    Trainee,
)
from quizhall.practice.clock import Clock, system_clock
from quizhall.tui.practice.keys import Localized
from quizhall.visible import visible

MODES = ("practice", "exam", "levels", "review", "stats")


@dataclass(frozen=True, slots=True)
class PracticeSettings:
    """What the command line chose: the mode to open, practice filter, exam and level rules."""

    mode: str | None = None
    order: Order = Order.SEQUENTIAL
    filter: Filter = field(default_factory=Filter)
    exam: ExamSpec = field(default_factory=ExamSpec)
    lives: int | None = None


class PracticeApp(Localized, App[None]):
    """Self-test on a set of banks for one trainee."""

    CSS_PATH = "practice.tcss"
    TITLE = "quizhall"
    # Screens get -narrow below 120 columns, -wide from there (the stats tables sit side
    # by side only when both fit).
    HORIZONTAL_BREAKPOINTS: ClassVar = [(0, "-narrow"), (120, "-wide")]
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [Binding("ctrl+q", "quit", "practice.key_quit", priority=True)]

    def __init__(self, library: Library, history: History, user: str,
                 clock: Clock = system_clock, seed: int | None = None,
                 settings: PracticeSettings | None = None,
                 notices: Sequence[str] = ()) -> None:
        super().__init__()
        self.library = library
        self.trainee = Trainee(history, user, library, clock)
        self.rng = random.Random(seed)
        self.settings = settings or PracticeSettings()
        # What the store reported on opening (damage found, what was recovered): shown in
        # the app, where the trainee sees it, not printed before the screen covers it.
        self.notices = [visible(notice) for notice in notices]

    def on_mount(self) -> None:
        from quizhall.tui.practice.start import StartScreen

        self.push_screen(StartScreen())
        self.call_after_refresh(self._show_notices)
        opening = {"practice": lambda: self.start_practice(self.settings.filter,
                                                          self.settings.order),
                   "exam": self.start_exam, "levels": self.open_levels,
                   "review": self.start_review, "stats": self.open_stats}
        if self.settings.mode in opening:
            opening[self.settings.mode]()

    def _show_notices(self) -> None:
        for notice in self.notices:
            self.notify(notice, severity="warning", markup=False, timeout=30)

    # -- opening modes (the screens call these) --------------------------------------------

    def start_practice(self, chosen: Filter, order: Order) -> None:
        refs = self.library.select(chosen)
        if not refs:
            self.notify(t("practice.no_questions"), severity="warning")
            return
        self.run_session(PracticeSession(self.trainee, refs, order, self.rng))

    def running_exam(self) -> dict | None:
        """The trainee's latest unfinished exam on the loaded banks, if any (an exam on other
        banks stays stored, to resume when those are loaded)."""
        for state in self.trainee.history.running_exams(self.trainee.user):
            if all(self.library.get(item["key"]) for item in state["items"]):
                return state
        return None

    def start_exam(self) -> None:
        """Resume the unfinished exam, or draw a new one."""
        state = self.running_exam()
        try:
            if state is not None:
                exam = ExamSession.resume(self.trainee, state, self.rng)
                self.notify(t("practice.exam_resumed", done=len(exam.outcomes),
                              total=exam.total))
            else:
                exam = ExamSession.new(self.trainee, self.library.refs, self.settings.exam,
                                       self.rng)
        except ExamSpecError as problem:
            self.notify(str(problem), severity="error", timeout=8)
            return
        self.run_session(exam)

    def open_levels(self) -> None:
        from quizhall.tui.practice.start import LevelsScreen

        if not any(bank.levels for bank in self.library.banks):
            self.notify(t("practice.no_levels"), severity="warning")
            return
        self.push_screen(LevelsScreen())

    def start_level(self, bank: Bank, level: Level) -> None:
        self.run_session(LevelSession(self.trainee, bank, level, self.rng, self.settings.lives))

    def start_review(self) -> None:
        session = ReviewSession(self.trainee, self.rng)
        if session.total == 0:
            self.notify(t("practice.nothing_due"))
            return
        self.run_session(session)

    def open_stats(self) -> None:
        from quizhall.tui.practice.stats import StatsScreen

        self.push_screen(StatsScreen())

    def run_session(self, session: Session) -> None:
        from quizhall.tui.practice.question import QuestionScreen

        self.push_screen(QuestionScreen(session))

    def show_results(self, session: Session) -> None:
        """Replace the question screen with the session's results."""
        from quizhall.tui.practice.results import ResultsScreen

        self.switch_screen(ResultsScreen(session))
