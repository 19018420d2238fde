"""The start screen (choose a mode, see what is due), practice settings, the choice of an exam
paper, and the level map."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import (
    Button,
    Footer,
    Input,
    Label,
    OptionList,
    RadioButton,
    RadioSet,
    SelectionList,
    Static,
)
from textual.widgets.option_list import Option

from quizhall.i18n import t
from quizhall.practice import Filter, Order, Stats, compute_stats, level_map
from quizhall.tui.practice.bindings import PracticeScreen
from quizhall.tui.practice.literal import join, literal, pad, stars, visible

if TYPE_CHECKING:
    from quizhall.tui.practice.app import PracticeApp

MODE_WIDTH = 10  # cells for a mode's name in the list
LEVEL_TITLE_WIDTH = 26  # cells for a level's title, at least (longer titles widen it)


def _app(screen: PracticeScreen) -> PracticeApp:
    return cast("PracticeApp", screen.app)


class StartScreen(PracticeScreen):
    """Choose a mode; each line says what it holds for this trainee now."""

    BINDINGS = [
        Binding("1", "mode('practice')", show=False),
        Binding("2", "mode('exam')", show=False),
        Binding("3", "mode('levels')", show=False),
        Binding("4", "mode('review')", show=False),
        Binding("5", "mode('stats')", show=False),
        Binding("l", "board", "campaign.key_board"),
        Binding("question_mark,f1", "help", "practice.key_help"),
        Binding("q", "app.quit", "practice.key_quit", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="start-title", classes="title")
        yield Static(id="start-banks")
        # The campaign panel sits beside the modes on a wide screen, below them on a narrow one.
        with Horizontal(id="start-body"):
            with Vertical(id="start-left"):
                yield OptionList(id="start-modes")
                yield Static(t("practice.start_hint"), id="start-hint", classes="hint")
            if _app(self).campaign is not None:
                from quizhall.tui.practice.campaign_panel import CampaignPanel

                yield CampaignPanel(id="start-campaign")
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The leaderboard key is there only when the app has a campaign."""
        return action != "board" or _app(self).campaign is not None

    def on_mount(self) -> None:
        self.refresh_modes()

    def on_screen_resume(self) -> None:
        self.refresh_modes()

    def refresh_modes(self) -> None:
        app = _app(self)
        trainee = app.trainee
        library = app.library
        self.query_one("#start-title", Static).update(
            join((t("practice.app_title"), "bold"), "  ·  ",
                 t("practice.trainee", user=trainee.user)))
        banks = "；".join(f"{b.info.title}（{len(b.questions)}）" for b in library.banks)
        self.query_one("#start-banks", Static).update(
            literal(t("practice.banks_line", banks=banks, count=len(library))))
        now = trainee.clock()
        stats = compute_stats(trainee.user, trainee.history.answers(trainee.user),
                              trainee.notebook, now, keys=library.keys())
        modes = self.query_one("#start-modes", OptionList)
        highlighted = modes.highlighted
        modes.clear_options()
        infos = self._infos(stats)
        names = [t("practice.mode_" + mode) for mode, _ in infos]
        width = max([MODE_WIDTH] + [cell_len(name) + 2 for name in names])
        for number, ((mode, info), name) in enumerate(zip(infos, names, strict=True), 1):
            label = pad(f"{number}  {name}", width + 3)
            modes.add_option(Option(join((label, "bold"), literal(info)), id=mode))
        modes.highlighted = highlighted if highlighted is not None else 0
        modes.focus()
        if app.campaign is not None:
            from quizhall.tui.practice.campaign_panel import CampaignPanel

            self.query_one(CampaignPanel).show(app.campaign, trainee.user, now)

    def _infos(self, stats: Stats) -> list[tuple[str, str]]:
        app = _app(self)
        trainee = app.trainee
        running = app.running_exam()
        if running is not None:
            exam = t("practice.exam_running", done=len(running["answers"]),
                     total=len(running["items"]))
        else:
            exam = app.exam_summary()
            if app.settings.paper is None and app.library.papers:
                exam += t("practice.exam_papers", count=len(app.library.papers))
        statuses = [s for bank in app.library.banks for s in level_map(trainee, bank)]
        if statuses:
            levels = t("practice.levels_info", passed=sum(s.passed for s in statuses),
                       total=len(statuses), stars=sum(s.stars for s in statuses))
        else:
            levels = t("practice.levels_none")
        return [
            ("practice", t("practice.practice_info")),
            ("exam", exam),
            ("levels", levels),
            ("review", t("practice.review_info", due=stats.due_now, today=stats.due_today,
                         total=stats.notebook)),
            ("stats", t("practice.stats_info", answers=stats.total.answers,
                        percent=round(stats.total.accuracy * 100), streak=stats.streak)),
        ]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_mode(event.option.id or "")

    def action_mode(self, mode: str) -> None:
        app = _app(self)
        if mode == "practice":
            app.push_screen(PracticeSetupScreen())
        elif mode == "exam":
            app.start_exam()
        elif mode == "levels":
            app.open_levels()
        elif mode == "review":
            app.start_review()
        elif mode == "stats":
            app.open_stats()

    def action_board(self) -> None:
        """The campaign's leaderboard, read from the running totals now."""
        from quizhall.campaign.board import leaderboard
        from quizhall.store import StoreError
        from quizhall.tui.practice.leaderboard import TOP, LeaderboardScreen

        app = _app(self)
        if app.campaign is None:
            return
        try:
            board = leaderboard(app.campaign.campaign, app.campaign.store, TOP,
                                user=app.trainee.user)
        except StoreError as error:
            app.notify(visible(str(error)), severity="error", markup=False)
            return
        app.push_screen(LeaderboardScreen(board))

    def action_help(self) -> None:
        from quizhall.tui.practice.help import HelpScreen

        self.app.push_screen(HelpScreen())


class PracticeSetupScreen(PracticeScreen):
    """Choose the order, the scope (levels, tags, types), difficulties, bookmarks or never
    answered only, study mode and, in bank order, the question to start at. Opens with the
    trainee's last choices (or those given on the command line)."""

    BINDINGS = [
        Binding("s", "start", "practice.key_start"),
        Binding("escape", "app.pop_screen", "practice.key_back"),
    ]

    def compose(self) -> ComposeResult:
        app = _app(self)
        choices = app.practice_choices()
        chosen: Filter = choices["filter"]
        yield Static(join((t("practice.setup_title"), "bold")), classes="title")
        with Horizontal(id="setup-columns"):
            with Vertical(id="setup-left"):
                yield Label(t("practice.setup_order"))
                with RadioSet(id="setup-order"):
                    for order in Order:
                        yield RadioButton(t(f"practice.order_{order.value}"),
                                          value=order is choices["order"], name=order.value)
                yield SelectionList[str](
                    (t("practice.option_bookmarked"), "bookmarked", chosen.bookmarked),
                    (t("practice.option_unanswered"), "unanswered", chosen.unanswered),
                    (t("practice.option_study"), "study", bool(choices["study"])),
                    id="setup-options")
                difficulties = app.library.difficulties()
                if difficulties:
                    yield Label(t("practice.setup_difficulty"))
                    yield SelectionList[int](
                        *[(literal("★" * d), d, d in chosen.difficulties)
                          for d in difficulties], id="setup-difficulty")
            with Vertical(id="setup-right"):
                yield Label(t("practice.setup_scope"))
                yield SelectionList[str](*self._scopes(chosen), id="setup-scope")
        with Horizontal(id="setup-bottom"):
            yield Static(id="setup-count")
            yield Label(t("practice.setup_from"), id="setup-from-label")
            yield Input(id="setup-from", type="integer", restrict=r"[0-9]*")
            yield Button(t("practice.start_button"), id="setup-start", variant="primary")
        yield Footer()

    def _scopes(self, chosen: Filter) -> list[tuple[Content, str, bool]]:
        library = _app(self).library
        scopes: list[tuple[Content, str, bool]] = []
        for bank in library.banks:
            for level in bank.levels:
                key = f"{bank.info.id}/{level.id}"
                scopes.append((literal(t("practice.scope_level", title=level.title)),
                               "level:" + key, key in chosen.levels))
        counts: dict[str, int] = {}
        for ref in library.refs:
            counts[str(ref.question.type)] = counts.get(str(ref.question.type), 0) + 1
        for name in library.types():
            scopes.append((literal(t("practice.scope_type", type=t(f"bank.type_{name}"),
                                     count=counts[name])), "type:" + name,
                           name in chosen.types))
        tags: dict[str, int] = {}
        for ref in library.refs:
            for tag in ref.question.tags:
                tags[tag] = tags.get(tag, 0) + 1
        for tag in library.tags:
            scopes.append((literal(t("practice.scope_tag", tag=tag, count=tags[tag])),
                           "tag:" + tag, tag in chosen.tags))
        return scopes

    def on_mount(self) -> None:
        self._update_count()
        self.query_one("#setup-order", RadioSet).focus()

    def on_selection_list_selected_changed(self) -> None:
        self._update_count()

    def on_radio_set_changed(self) -> None:
        self._update_count()

    def _filter(self) -> Filter:
        scope = self.query_one("#setup-scope", SelectionList).selected
        options = self.query_one("#setup-options", SelectionList).selected
        difficulties = (self.query_one("#setup-difficulty", SelectionList).selected
                        if self.query("#setup-difficulty") else [])
        return Filter(tags=tuple(s[4:] for s in scope if s.startswith("tag:")),
                      levels=tuple(s[6:] for s in scope if s.startswith("level:")),
                      difficulties=tuple(difficulties),
                      types=tuple(s[5:] for s in scope if s.startswith("type:")),
                      bookmarked="bookmarked" in options, unanswered="unanswered" in options)

    def _order(self) -> Order:
        pressed = self.query_one("#setup-order", RadioSet).pressed_button
        return Order(pressed.name) if pressed is not None and pressed.name else Order.SEQUENTIAL

    def _update_count(self) -> None:
        app = _app(self)
        chosen = self._filter()
        count = len(app.trainee.select(chosen))
        self.query_one("#setup-count", Static).update(t("practice.setup_count", count=count))
        sequential = self._order() is Order.SEQUENTIAL
        start = self.query_one("#setup-from", Input)
        start.value = str(min(app.trainee.position(chosen.scope()), max(0, count - 1)) + 1)
        start.display = sequential
        self.query_one("#setup-from-label", Label).display = sequential

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "setup-start":
            self.action_start()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_start()

    def action_start(self) -> None:
        app = _app(self)
        chosen, order = self._filter(), self._order()
        count = len(app.trainee.select(chosen))
        if not count:
            app.notify(t("practice.no_questions"), severity="warning")
            return
        typed = self.query_one("#setup-from", Input).value
        start = min(max(1, int(typed)), count) - 1 if typed.isdecimal() else 0
        study = "study" in self.query_one("#setup-options", SelectionList).selected
        app.pop_screen()
        app.start_practice(chosen, order, study=study, start=start)


class PaperChoiceScreen(PracticeScreen):
    """The mock exam: a drawn exam, or one of the open banks' papers (试卷), by title."""

    BINDINGS = [Binding("escape", "app.pop_screen", "practice.key_back")]

    def compose(self) -> ComposeResult:
        yield Static(join((t("practice.papers_title"), "bold")), classes="title")
        yield OptionList(id="papers-list")
        yield Static(t("practice.papers_hint"), classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        app = _app(self)
        papers = app.library.papers
        titles = [t("practice.drawn_exam")] + [paper.title for paper in papers]
        width = max(cell_len(title) for title in titles) + 2
        listing = self.query_one("#papers-list", OptionList)
        for index, (title, paper) in enumerate(zip(titles, [None, *papers], strict=True)):
            prompt = join((pad(title, width), "bold"), (app.exam_info(paper), "dim"))
            listing.add_option(Option(prompt, id=str(index)))
        listing.highlighted = 0
        listing.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        app = _app(self)
        index = int(event.option.id or 0)
        app.pop_screen()
        app.new_exam(app.library.papers[index - 1] if index else None)


class LevelsScreen(PracticeScreen):
    """The level map: stars won, best score, and which levels are still locked."""

    BINDINGS = [Binding("escape", "app.pop_screen", "practice.key_back")]

    def compose(self) -> ComposeResult:
        yield Static(join((t("practice.levels_title"), "bold")), classes="title")
        yield OptionList(id="levels-list")
        yield Static(t("practice.levels_hint"), classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_levels()

    def on_screen_resume(self) -> None:
        self.refresh_levels()

    def refresh_levels(self) -> None:
        app = _app(self)
        listing = self.query_one("#levels-list", OptionList)
        highlighted = listing.highlighted
        listing.clear_options()
        first_open: int | None = None
        for bank in app.library.banks:
            if not bank.levels:
                continue
            if len(app.library.banks) > 1:
                listing.add_option(Option(literal(bank.info.title, "bold"), disabled=True))
            statuses = level_map(app.trainee, bank)
            title_width = max([LEVEL_TITLE_WIDTH] + [cell_len(s.level.title) + 2
                                                     for s in statuses])
            for status in statuses:
                if status.unlocked:
                    mark = stars(status.stars)
                    detail = t("practice.level_detail", count=status.size,
                               percent=round(status.level.pass_ratio * 100),
                               best=round(status.best_ratio * 100))
                else:
                    mark = t("practice.locked")
                    detail = t("practice.level_locked_detail", count=status.size)
                prompt = join((pad(mark, 8), "bold" if status.unlocked else "dim"),
                              pad(status.level.title, title_width), (detail, "dim"))
                listing.add_option(Option(prompt, id=status.key, disabled=not status.unlocked))
                if status.unlocked and not status.passed and first_open is None:
                    first_open = listing.option_count - 1
        if highlighted is None:
            highlighted = first_open if first_open is not None else 0
        listing.highlighted = highlighted
        listing.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        app = _app(self)
        found = app.library.level(event.option.id or "")
        if found is not None:
            app.start_level(*found)
