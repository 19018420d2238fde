"""The trainee's app: a start screen, then sessions of each mode, results and stats.

The app turns choices into engine calls (:mod:`quizhall.practice`) and shows their state; the
rules (grading, scheduling, unlocking, timing) all live in the engine. Time and randomness are
injected, so tests and snapshots see the same screens every run.
"""

from __future__ import annotations

import hmac
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from textual.app import App
from textual.binding import Binding

from quizhall.bank.model import Bank, Level
from quizhall.campaign.model import Campaign
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
from quizhall.practice.calendar_clock import Clock, system_clock
from quizhall.practice.papers import Paper
from quizhall.store import StoreError
from quizhall.store.campaigns import CampaignStore
from quizhall.tui.practice.bindings import Localized
from quizhall.visible import visible

MODES = ("practice", "exam", "levels", "review", "stats")


@dataclass(frozen=True, slots=True)
class PracticeSettings:
    """What the command line chose: the mode to open, practice filter, exam and level rules."""

    mode: str | None = None
    order: Order | None = None  # None: the trainee's last choice (or bank order)
    filter: Filter | None = None  # None: the trainee's last choice (or everything)
    study: bool | None = None  # 背题模式; None: the trainee's last choice
    start: int | None = None  # sequential practice: the 0-based question to start at
    exam: ExamSpec = field(default_factory=ExamSpec)
    paper: Paper | None = None  # a fixed paper replaces the drawn exam
    lives: int | None = None


@dataclass(frozen=True, slots=True)
class Room:
    """A served app's sign-in: ``open_history`` opens a trainee's history by name (StoreError
    when it cannot: the trainee is practising elsewhere, the files are unreadable) and a
    non-empty ``join_code`` must be typed to get in."""

    open_history: Callable[[str], History]
    join_code: str = ""


@dataclass(frozen=True, slots=True)
class CampaignSeat:
    """The campaign the app's trainee joins (``practice --campaign``, ``serve --campaign``):
    in ``unit`` when the command line gave it, else in the unit chosen on signing in."""

    campaign: Campaign
    store: CampaignStore
    unit: str | None = None


class PracticeApp(Localized, App[None]):
    """Self-test on a set of banks for one trainee."""

    CSS_PATH = "practice.tcss"
    TITLE = "quizhall"
    # Screens get -narrow below 120 columns, -wide from there (the stats tables sit side
    # by side only when both fit).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [Binding("ctrl+q", "quit", "practice.key_quit", priority=True)]

    trainee: Trainee  # set on sign-in when the app serves a room

    def __init__(self, library: Library, history: History | None, user: str,
                 clock: Clock = system_clock, seed: int | None = None,
                 settings: PracticeSettings | None = None,
                 notices: Sequence[str] = (), room: Room | None = None,
                 campaign: CampaignSeat | None = None) -> None:
        super().__init__()
        self.library = library
        self.clock = clock
        self.room = room
        self.campaign = campaign
        self.rng = random.Random(seed)
        self.settings = settings or PracticeSettings()
        # What the store reported on opening (damage found, what was recovered): shown in
        # the app, where the trainee sees it, not printed before the screen covers it.
        self.notices = [visible(notice) for notice in notices]
        if history is not None:
            self.trainee = Trainee(history, user, library, clock)
            if campaign is not None:
                self._join(campaign.unit or "")

    def on_mount(self) -> None:
        if self.room is not None:
            from quizhall.tui.practice.signin import SignInScreen

            self.push_screen(SignInScreen(
                needs_code=bool(self.room.join_code),
                campaign=self.campaign.campaign if self.campaign else None))
            return
        self._begin()

    def sign_in(self, name: str, code: str, unit: str = "") -> str | None:
        """Practise as ``name`` (in ``unit`` of the campaign, if the app has one) if the room
        lets them in; else what is wrong, for the screen."""
        assert self.room is not None
        if not name:
            return t("practice.sign_in_no_name")
        if self.room.join_code and not hmac.compare_digest(code.encode(),
                                                             self.room.join_code.encode()):
            return t("practice.sign_in_bad_code")
        if self.campaign is not None and not unit:
            try:
                joined = self.campaign.store.member(self.campaign.campaign.id, name)
            except StoreError as error:
                return str(error)
            if joined is None:
                return t("campaign.signin_pick_unit")
        try:
            history = self.room.open_history(name)
        except StoreError as error:
            return str(error)
        self.trainee = Trainee(history, name, self.library, self.clock)
        if self.campaign is not None:
            self._join(unit)
        self.pop_screen()
        self._begin()
        return None

    def _join(self, unit: str) -> None:
        """The trainee joins the app's campaign (their first unit stays); what it means for
        them is a notice."""
        from quizhall.campaign.scoring import enrol

        assert self.campaign is not None
        campaign = self.campaign.campaign
        try:
            member = enrol(campaign, self.campaign.store, self.trainee, unit)
        except StoreError as error:
            self.notices.append(visible(str(error)))
            return
        phase = campaign.phase(self.clock())
        if member is not None:
            self.notices.append(visible(t("campaign.joined", title=campaign.title,
                                          unit=member.unit)))
        if phase != "open":
            self.notices.append(visible(t(
                "campaign.not_open", title=campaign.title, phase=t(f"campaign.phase_{phase}"),
                opens=campaign.opens.strftime("%Y-%m-%d %H:%M"),
                closes=campaign.closes.strftime("%Y-%m-%d %H:%M"))))

    def _begin(self) -> None:
        from quizhall.tui.practice.start import StartScreen

        self.push_screen(StartScreen())
        self.call_after_refresh(self._show_notices)
        opening = {"practice": self._practice_from_settings,
                   "exam": self.start_exam, "levels": self.open_levels,
                   "review": self.start_review, "stats": self.open_stats}
        if self.settings.mode in opening:
            opening[self.settings.mode]()

    def _show_notices(self) -> None:
        for notice in self.notices:
            self.notify(notice, severity="warning", markup=False, timeout=30)

    # -- opening modes (the screens call these) --------------------------------------------

    def practice_choices(self) -> dict:
        """The practice choices to start from: the command line's, else the trainee's last."""
        last = self.trainee.practice_choices()
        settings = self.settings
        chosen = settings.filter
        if chosen is None:
            chosen = Filter.from_doc(last["filter"]) if "filter" in last else Filter()
        order = settings.order or Order(last.get("order", Order.SEQUENTIAL.value))
        study = settings.study if settings.study is not None else bool(last.get("study"))
        return {"filter": chosen, "order": order, "study": study}

    def _practice_from_settings(self) -> None:
        choices = self.practice_choices()
        self.start_practice(choices["filter"], choices["order"], choices["study"],
                            self.settings.start)

    def start_practice(self, chosen: Filter, order: Order, study: bool = False,
                       start: int | None = None) -> None:
        """Practise the chosen questions; in bank order from ``start`` (0-based), or where the
        trainee stopped last time. The choices are remembered for next time."""
        refs = self.trainee.select(chosen)
        if not refs:
            self.notify(t("practice.no_questions"), severity="warning")
            return
        self.trainee.remember_choices({"filter": chosen.to_doc(), "order": order.value,
                                       "study": study})
        scope = chosen.scope()
        if start is None:
            start = self.trainee.position(scope)
        self.run_session(PracticeSession(self.trainee, refs, order, self.rng, start=start,
                                         scope=scope, study=study))

    def running_exam(self) -> dict | None:
        """The trainee's latest unfinished exam on the loaded banks, if any (an exam on other
        banks stays stored, to resume when those are loaded)."""
        for state in self.trainee.history.running_exams(self.trainee.user):
            if all(self.library.get(item["key"]) for item in state["items"]):
                return state
        return None

    def exam_summary(self) -> str:
        """The exam the settings ask for, in a few words: questions, time, pass mark."""
        paper = self.settings.paper
        spec = paper.spec() if paper else self.settings.exam
        available = len(self.library)
        count = (len(paper.questions) + sum(n for _, n in paper.quotas) if paper
                 else spec.planned(available))
        seconds = round(spec.time_limit or 60 * count)
        limit = (t("practice.minutes", n=seconds // 60) if seconds % 60 == 0
                 else t("practice.minutes_seconds", m=seconds // 60, s=seconds % 60))
        text = t("practice.exam_info", count=count, time=limit,
                 percent=round(spec.pass_ratio * 100))
        return t("practice.paper_named", title=paper.title, exam=text) if paper else text

    def start_exam(self) -> None:
        """Draw a new exam; when one is unfinished, first ask whether to resume or abandon it
        (the new one's settings are named, never silently dropped)."""
        from quizhall.tui.practice.sheet import UnfinishedExamScreen

        state = self.running_exam()
        if state is None:
            self._new_exam()
            return
        self.push_screen(UnfinishedExamScreen(
            len(state["answers"]), len(state["items"]), self.exam_summary(),
            lambda resume: self._resume_or_abandon(state, resume)))

    def _resume_or_abandon(self, state: dict, resume: bool) -> None:
        exam = ExamSession.resume(self.trainee, state, self.rng)
        if resume:
            self.notify(t("practice.exam_resumed", done=len(exam.sheet), total=exam.total))
            self.run_session(exam)
            return
        exam.abandon()
        self.notify(t("practice.exam_abandoned"))
        self._new_exam()

    def _new_exam(self) -> None:
        paper = self.settings.paper
        try:
            if paper is not None:
                refs, problems = paper.questions_in(self.library)
                if problems:
                    raise ExamSpecError("\n".join(d.format() for d in problems))
                exam = ExamSession.new(self.trainee, refs, paper.spec(), self.rng,
                                       paper=paper.id, title=paper.title)
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
