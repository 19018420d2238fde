"""The host console (``quizhall run``): keys become engine commands, the state becomes screens.

It holds no rules. Each key is a :class:`~quizhall.contest.commands.Command` for the engine;
what the engine refuses appears in a toast and changes nothing. The footer lists the keys
the engine would accept now (``Contest.available_commands``, which records nothing); ``:``
opens a command line for any host command, plugin ones included
(:mod:`quizhall.tui.commandline`). Buzzer presses, from the keyboard or any buzzer source
plugin, are dated when the key event was read and handed to the engine in the order they
happened, before anything is drawn.
"""

from __future__ import annotations

import heapq
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen

from quizhall.contest.audience import AUDIENCE_PAGES
from quizhall.i18n import t
from quizhall.plugins import PLUGIN_ERRORS
from quizhall.tui import keylink
from quizhall.tui.app import ContestApp
from quizhall.tui.dialogs import (
    AdjustDialog,
    ConfirmDialog,
    HelpScreen,
    KeyHelp,
    NumberDialog,
    PickDialog,
)
from quizhall.tui.hall_clock import HallClock
from quizhall.tui.host_keys import KeyMap, build_keymap, conflicts, key_display, key_name
from quizhall.tui.keybar import KeyBar
from quizhall.tui.literal import literal
from quizhall.tui.present import present
from quizhall.tui.stage import StageBody
from quizhall.tui.stage_view import Stage, StageView
from quizhall.tui.text import team_label
from quizhall.tui.widgets.audience import AudiencePanel
from quizhall.tui.widgets.banner import BuzzBanner
from quizhall.tui.widgets.hall import HallView, ProjectorPreview
from quizhall.tui.widgets.picture import QuestionPictures, hall_question
from quizhall.tui.widgets.prose import Prose
from quizhall.tui.widgets.status import HostStatus

# Actions in the order the footer lists them.
FOOTER_ORDER = ("next", "open", "right", "wrong", "partial", "pass", "timeout", "wager",
                "assign", "member", "pick", "mark", "shout", "reveal", "pause", "undo", "redo",
                "adjust", "scoreboard", "audience", "draw", "audience_board", "export", "command",
                "help", "quit")
# Actions there only when the audience plays along (quizhall run --audience).
AUDIENCE_ACTIONS = frozenset({"audience", "draw", "audience_board", "audience_join",
                              "audience_answers", "audience_winners"})
# How often the phones' answers are recorded (each batch is one disk sync).
AUDIENCE_FLUSH_SECONDS = 0.03
# Actions that are always possible (they do not go to the engine themselves).
ALWAYS = frozenset({"scoreboard", "teams", "command", "help", "quit"})
# The most cells of an action's name the key bar gives undo and redo.
UNDO_NAME_WIDTH = 24
# Actions that move a question or a pick on: named in the status line when "next" cannot.
PROGRESS = ("open", "wager", "assign", "pick", "mark", "member", "right", "wrong", "partial",
            "pass", "timeout")


@dataclass(frozen=True, slots=True)
class Resumable:
    """An unfinished contest the host may continue."""

    id: str
    label: str


class Session(Protocol):
    """Where the console gets its contest: new, or resumed from the store."""

    contest_id: str

    @property
    def resumable(self) -> Sequence[Resumable]:
        """The unfinished contests the host may continue."""
        ...

    def open(self, resume: str | None) -> Any:
        """Start a new contest (``resume`` None) or continue the stored one; returns it."""
        ...

    def sync_status(self) -> None:
        """Record whether the contest is running or finished, as its log now says."""
        ...


def shortened(text: str, width: int) -> str:
    """``text`` with control characters made visible, cut to ``width`` cells (…)."""
    shown = literal(text)
    shown.truncate(width, overflow="ellipsis")
    return shown.plain


def buzz_round(contest: Any, view: Any) -> bool:
    """Whether the current round is played with buzzers (its type implements ``buzz``)."""
    from quizhall.contest.view import takes_buzzes

    return view.round is not None and takes_buzzes(contest.round_type(view.round))


def stake_both_ways(contest: Any, view: Any) -> bool:
    """Whether a wrong answer in the current round loses the stake (a risk round's rule)."""
    if view.round is None or view.stake is None:
        return False
    return bool(contest.plan.rounds[view.round].settings.get("wrong_loses"))


class HostScreen(Screen[None]):
    """Status lines, the stage, and the key bar; every key arrives here first."""

    AUTO_FOCUS = None

    def compose(self) -> ComposeResult:
        app: HostApp = self.app  # type: ignore[assignment]
        with Vertical(id="host-top"):
            yield HostStatus()
            yield Prose(id="guide")
        if app.single_screen:
            # One screen for host and hall: the hall's view, no host lines or key bar (the
            # keys still work; ? lists them).
            yield QuestionPictures(classes="-hall")
            yield HallView(motion=app.motion)
        else:
            yield ProjectorPreview()
            yield StageBody()
        yield AudiencePanel(hall=app.single_screen)
        yield KeyBar()

    def on_mount(self) -> None:
        app: HostApp = self.app  # type: ignore[assignment]
        self.query_one(HostStatus).display = not app.single_screen
        self.query_one(KeyBar).display = not app.single_screen
        app.screen_ready()

    def on_key(self, event: events.Key) -> None:
        app: HostApp = self.app  # type: ignore[assignment]
        if app.handle_key(event.key, event.character, event.time):
            event.stop()
            event.prevent_default()


class HostApp(ContestApp):
    """The host console."""

    def __init__(self, session: Session, *, single_screen: bool = False, timers: bool = True,
                 theme: str = "dark", bell: bool = True, clock: HallClock | None = None,
                 buzzers: Sequence[Any] = (), exporters: Sequence[Any] | None = None,
                 resume: str | None = None, guide: str = "", tick: float = 0.1,
                 motion: bool = True, audience: Callable[[Any], Any] | None = None) -> None:
        super().__init__(theme=theme, bell=bell)
        self.session = session
        self.single_screen = single_screen
        self.motion = motion
        self.timers = timers
        self.clock = clock or HallClock()
        self.contest: Any = None
        self.keymap: KeyMap = build_keymap({}, [])
        self.guide = guide
        self._resume = resume
        self._buzzers = list(buzzers)
        self._keyboard: Any = None  # the keyboard buzzer source, when it is one of them
        self._exporters = exporters
        self._tick = tick
        self._intro_seen = False
        self._available: set[str] = set()
        self._named: dict[str, str | None] = {}  # what undo and redo would move, named
        self._view: StageView | None = None
        self._presses: list[tuple[float, int, str]] = []
        self._press_lock = threading.Lock()
        self._press_count = 0
        self._loop_thread = threading.get_ident()
        self._last_refusal: tuple[int, int] | None = None
        self._warned: dict[str, int] = {}  # warning → log position it was last toasted at
        self._standing: frozenset[str] = frozenset()  # the state view's warnings on show
        self.command_history: list[str] = []  # lines typed on the command line, newest last
        # ``audience(contest)`` makes the AudienceHall (quizhall.web.hall) once a contest is open.
        self._audience_factory = audience
        self.audience: Any = None
        self._projector_keys: keylink.KeyListener | None = None

    # -- start and stop -------------------------------------------------------------------
    def get_default_screen(self) -> Screen:
        return HostScreen()

    def screen_ready(self) -> None:
        """The console's screen is built: open the contest (asking first if one may resume)."""
        self._loop_thread = threading.get_ident()
        if self._resume is not None or not self.session.resumable:
            self._open(self._resume)
            return
        candidate = self.session.resumable[0]
        self.push_screen(
            ConfirmDialog(t("tui.resume_title"), t("tui.resume_body", label=candidate.label),
                          yes=t("tui.resume_yes"), no=t("tui.resume_no")),
            lambda yes: self._open(candidate.id if yes else None))

    def _open(self, resume: str | None) -> None:
        from quizhall.store import StoreError

        try:
            self.contest = self.session.open(resume)
        except StoreError as exc:
            self.exit(return_code=1, message=str(exc))
            return
        plan = self.contest.plan
        self.keymap = build_keymap(plan.keys, [team.key for team in plan.teams])
        problems = conflicts(self.keymap)
        if problems:
            self.exit(return_code=2, message="\n".join(problems))
            return
        self._intro_seen = self.contest.state.phase != "ready"
        self._keyboard = next((source for source in self._buzzers
                               if getattr(source, "name", "") == "keyboard"
                               and hasattr(source, "feed")), None)
        for source in self._buzzers:
            try:
                source.start(self.press)
            except PLUGIN_ERRORS as exc:  # a buzzer plugin failing must not stop the contest
                self.notify(t("tui.buzzer_failed", name=getattr(source, "name", "?"),
                              error=str(exc)), severity="error", markup=False, timeout=10)
        # Plugin commands are gathered now, so a register hook that fails is said at once.
        self.contest.plugin_commands()
        for warning in self.contest.load_warnings:
            self.notify(warning, severity="warning", markup=False, timeout=10)
        guide = self._host_screen().query_one("#guide", Prose)  # type: ignore[union-attr]
        guide.display = bool(self.guide)
        guide.update(Text(self.guide))
        self._start_audience()
        self._listen_to_projector()
        self.refresh_state()
        self.set_interval(self._tick, self._on_tick)

    def _listen_to_projector(self) -> None:
        """Take keys typed into ``quizhall display``'s window as if typed here."""
        if self.single_screen or not self.session.contest_id or not keylink.supported():
            return
        listener = keylink.KeyListener(self.session.contest_id, self._key_from_projector)
        try:
            listener.start()
        except OSError as exc:
            self.notify(t("tui.keylink_failed", error=str(exc)), severity="warning",
                        markup=False, timeout=10)
            return
        self._projector_keys = listener

    def _key_from_projector(self, key: str, character: str | None, at: float) -> None:
        # Called on the listener's thread: the key is handled on the app's, like a typed one.
        try:
            self.call_from_thread(self.handle_key, key, character, at)
        except RuntimeError:  # the app is closing
            pass

    def _start_audience(self) -> None:
        """Serve the phones beside the console, when asked; a failure is said, not fatal."""
        if self._audience_factory is None:
            return
        try:
            hall = self._audience_factory(self.contest)
            url = hall.start()
        except OSError as exc:
            self.notify(t("tui.audience_failed", error=str(exc)), severity="error",
                        markup=False, timeout=15)
            return
        self.audience = hall
        self.notify(t("tui.audience_started", url=url), markup=False, timeout=15)
        self.set_interval(AUDIENCE_FLUSH_SECONDS, self._flush_audience)

    def _flush_audience(self) -> None:
        from quizhall.store import StoreError

        try:
            if self.audience.flush():
                self._show_audience()
        except StoreError as exc:
            self.notify(str(exc), severity="error", markup=False, timeout=10)

    def _show_audience(self) -> None:
        screen = self._host_screen()
        if self.audience is not None and screen is not None:
            now = self.contest.clock.now()
            current = self.audience.board.current
            options = self.audience.question_text(current.key)[1] if current is not None else {}
            for panel in screen.query(AudiencePanel):  # none while the screen closes
                panel.show(self.audience.board, now)
            for hall in screen.query(HallView):  # the preview, or the --single-screen hall
                hall.show_audience(self.audience.board, now, options)

    def on_unmount(self) -> None:
        if self._projector_keys is not None:
            self._projector_keys.stop()
        if self.audience is not None:
            self.audience.stop()
        for source in self._buzzers:
            try:
                source.stop()
            except PLUGIN_ERRORS:  # a plugin failing to stop must not hide the exit
                pass

    # -- time ------------------------------------------------------------------------------
    def _on_tick(self) -> None:
        if self.contest is None:
            return
        if self.timers:
            outcome = self.contest.tick()
            self._warn(outcome.warnings)
            if outcome.events:
                self._announce(outcome)
                self.refresh_state()
                return
        if self._judge_scores_from_plugins():
            return
        state = self.contest.state
        if state.timer is not None and state.timer.running:
            self.refresh_state(availability=False)
        elif self.audience is not None and self.audience.board.current is not None \
                and not self.audience.board.current.closed:
            self._show_audience()  # the audience's time left

    def _judge_scores_from_plugins(self) -> bool:
        """Record the judges' scores plugins supplied, as if typed; True when any were."""
        commands, warnings = self.contest.plugin_judge_scores()
        self._warn(warnings)
        recorded = False
        for plugin, command in commands:
            outcome = self.contest.execute(command)
            self._warn(outcome.warnings)
            if outcome.accepted:
                self._announce(outcome)
                recorded = True
            else:
                self.notify(t("tui.judge_score_refused", plugin=plugin,
                              reason=outcome.reason or ""), severity="warning", markup=False,
                            timeout=8)
        if recorded:
            self.session.sync_status()
            self.refresh_state()
        return recorded

    # -- rendering -------------------------------------------------------------------------
    def refresh_state(self, availability: bool = True) -> None:
        """Render the contest as it stands (and work out which keys apply now)."""
        contest = self.contest
        if contest is None:
            return
        view = contest.view()
        self._named = {"undo": view.undo, "redo": view.redo}
        self._warn_standing(view.warnings)
        stage_view = present(view, buzz_round=buzz_round(contest, view),
                             both_ways=stake_both_ways(contest, view),
                             levels=getattr(self.session, "levels", None))
        if view.next.code == "blocked":
            stage_view = self._with_next_keys(stage_view)
        if view.phase == "ready" and self.session.contest_id and not self.single_screen:
            stage_view = replace(stage_view, hint=t("tui.display_hint",
                                                    command=self.display_command()))
        if contest.load_warnings:
            stage_view = replace(stage_view, warnings=tuple(contest.load_warnings))
        if self.audience is not None and self.audience.board.page in AUDIENCE_PAGES:
            stage_view = replace(stage_view, audience_page=self.audience.board.page)
        self._view = stage_view
        screen = self._host_screen()
        if not self.showing(screen):
            return
        assert screen is not None
        if self.single_screen:
            hall = stage_view.for_audience()
            covered = self.audience is not None and self.audience.board.page in AUDIENCE_PAGES
            screen.query_one(QuestionPictures).show(None if covered else hall_question(hall))
            screen.query_one(HallView).show(hall, self.timers)
        else:
            screen.query_one(StageBody).show(stage_view, self.timers)
            screen.query_one(ProjectorPreview).show(stage_view.for_audience(), self.timers)
        screen.query_one(HostStatus).show(stage_view, self.timers)
        self._show_audience()
        self.signal(stage_view)
        if availability:
            # After the frame: the key bar may change height, and the lock must not wait.
            self.call_after_refresh(self._refresh_keys)
        else:
            screen.query_one(KeyBar).show(self.footer_items())

    def _refresh_keys(self) -> None:
        screen = self._host_screen()
        if self.contest is None or not self.showing(screen):
            return
        view = self.contest.view()
        self._named = {"undo": view.undo, "redo": view.redo}
        self._available = self._work_out_available(view)
        screen.query_one(KeyBar).show(self.footer_items())  # type: ignore[union-attr]
        if view.next.code == "blocked" and self._view is not None:
            self._view = self._with_next_keys(self._view)
            screen.query_one(HostStatus).show(self._view, self.timers)  # type: ignore[union-attr]

    def _with_next_keys(self, stage_view: StageView) -> StageView:
        """When "next" cannot go on, the status line names the keys that can instead.

        The engine's reason speaks of commands (``timeout``, ``wager TEAM VALUE``), which
        is right in a rehearsal script; the host at the keyboard needs the keys.
        """
        keys = [f"{key_display(self.keymap.actions[action])} {t(f'tui.key.{action}')}"
                for action in PROGRESS if action in self._available]
        if stage_view.buzz_open and stage_view.buzz_holder is None:
            buzzers = [team.buzzer_key for team in stage_view.teams
                       if team.buzzer_key and not team.locked_out and not team.out]
            if buzzers:
                keys.insert(0, f"{' '.join(key_display(k) for k in buzzers)} "
                               f"{t('tui.key.buzz')}")
        return replace(stage_view, next_step=" / ".join(keys)) if keys else stage_view

    def _host_screen(self) -> HostScreen | None:
        for screen in self.screen_stack:
            if isinstance(screen, HostScreen):
                return screen
        return None

    @property
    def view(self) -> StageView | None:
        """What the host sees now (the audience sees ``view.for_audience()``)."""
        return self._view

    def display_command(self) -> str:
        """The command that shows this contest on a second terminal (the projector)."""
        import shlex

        data_dir = getattr(self.session, "display_data_dir", None)
        option = f"--data-dir {shlex.quote(str(data_dir))} " if data_dir else ""
        return f"quizhall display {option}{self.session.contest_id}"

    # -- which keys apply -----------------------------------------------------------------
    def _work_out_available(self, view: Any) -> set[str]:
        """The actions whose keys apply now: what the engine says it accepts, and the
        console's own actions."""
        available = set(ALWAYS) | (self.contest.available_commands().keys() - {"buzz"})
        if view.phase == "ready":
            available.add("next")
        if view.finished:
            available.add("export")
        if self.audience is not None:
            available |= AUDIENCE_ACTIONS
        return available

    def _pause_command(self) -> str:
        """``resume`` while paused or while a clock undo or redo brought back is held."""
        state = self.contest.state
        return "resume" if state.paused or state.clock_held else "pause"

    def footer_items(self) -> list[tuple[str, str]]:
        """(key, description) of each action that applies now, in footer order.

        Undo and redo name the action they would move, so the host knows before pressing.
        """
        items = []
        for action in FOOTER_ORDER:
            if action in self._available:
                description = t(f"tui.key.{action}")
                if action == "pause" and self.contest is not None:
                    description = t(f"tui.key.{self._pause_command()}")
                named = self._named.get(action) if action in ("undo", "redo") else None
                if named:
                    description = t(f"tui.key.{action}_what",
                                    what=shortened(named, UNDO_NAME_WIDTH))
                if action == "scoreboard" and self._projecting("scores"):
                    description = t("tui.key.back")
                items.append((self.keymap.actions[action], description))
        return items

    def help_items(self) -> list[KeyHelp]:
        """Every host key, for the help screen."""
        return [KeyHelp(key_display(self.keymap.actions[action]), t(f"tui.help.{action}"))
                for action in self.keymap.actions
                if action not in AUDIENCE_ACTIONS or self.audience is not None]

    # -- keys ------------------------------------------------------------------------------
    def handle_key(self, key: str, character: str | None, at: float) -> bool:
        """Handle a key read at monotonic time ``at``; False when it means nothing here."""
        if self.contest is None:
            return False
        team = self.keymap.teams.get(key)
        if team is None and character:
            team = self.keymap.teams.get(key_name(character))
        if team is not None:
            key_of_team = self.keymap.team_keys[team - 1]
            if self._keyboard is None or not self._keyboard.feed(key_of_team, at):
                self.press(key_of_team, at=at)
            return True
        for action, action_key in self.keymap.actions.items():
            if key == action_key or (character and key_name(character) == action_key):
                self.run_host_action(action)
                return True
        return False

    def press(self, key: str, at: float | None = None) -> None:
        """A buzzer press (any thread): queue it by time, then let the engine have it."""
        moment = time.monotonic() if at is None else at
        with self._press_lock:
            self._press_count += 1
            heapq.heappush(self._presses, (moment, self._press_count, key))
        if threading.get_ident() == self._loop_thread:
            self._drain_presses()
        else:
            try:
                self.call_from_thread(self._drain_presses)
            except RuntimeError:  # the app is closing; the press comes too late to count
                pass

    @property
    def pending_presses(self) -> int:
        """Presses received but not yet handed to the engine."""
        with self._press_lock:
            return len(self._presses)

    def _drain_presses(self) -> None:
        from quizhall.contest.commands import Command

        with self._press_lock:
            presses = [heapq.heappop(self._presses) for _ in range(len(self._presses))]
        if not presses or self.contest is None:
            return
        changed = False
        for moment, _, key in presses:
            team = self.keymap.teams.get(key_name(key))
            if team is None:
                continue
            with self.clock.at(self.clock.wall_time(moment)):
                outcome = self.contest.execute(Command("buzz", team=team - 1))
            if outcome.accepted or outcome.due:
                changed = True
                self._announce(outcome)
            if not outcome.accepted:
                self._refused_buzz(team, outcome.reason or "")
            self._warn(outcome.warnings)
        if changed:
            self._show_buzz_first()

    def _show_buzz_first(self) -> None:
        """Draw the buzz banner (and ring) at once; the rest of the screen follows a frame later.

        A lock is the one change that must reach the hall without delay, and repainting the
        banner alone makes that frame cheap.
        """
        contest = self.contest
        view = contest.view()
        stage_view = present(view, buzz_round=buzz_round(contest, view),
                             both_ways=stake_both_ways(contest, view),
                             levels=getattr(self.session, "levels", None))
        screen = self._host_screen()
        if self.showing(screen) and stage_view.stage is Stage.QUESTION:
            if self.single_screen:
                screen.query_one(HallView).show(  # type: ignore[union-attr]
                    stage_view.for_audience(), self.timers)
            else:
                screen.query_one(BuzzBanner).show(  # type: ignore[union-attr]
                    stage_view.team(stage_view.buzz_holder), stage_view.buzz_open)
            self.signal(stage_view)
        self.call_after_refresh(self.refresh_state)

    def _refused_buzz(self, team: int, reason: str) -> None:
        # Teams hammer their buzzers after a lock: say why once per team per moment.
        marker = (team, self.contest.state.seq)
        if marker == self._last_refusal:
            return
        self._last_refusal = marker
        self.notify(reason, severity="warning", markup=False, timeout=3)

    # -- host actions ---------------------------------------------------------------------
    def run_host_action(self, action: str) -> None:
        """Carry out a host action by name (``next``, ``open``, ``right`` …)."""
        handler: Callable[[], None] | None = getattr(self, f"_act_{action}", None)
        if handler is not None:
            handler()

    def execute(self, command: Any) -> bool:
        """Hand a command to the engine; a refusal becomes a toast. True when accepted."""
        outcome = self.contest.execute(command)
        self._warn(outcome.warnings)
        self._announce(outcome)
        if not outcome.accepted:
            self.notify(outcome.reason or "", title=t("tui.refused"), severity="warning",
                        markup=False)
            if outcome.due:
                self.refresh_state()
            return False
        if self.audience is not None and self.audience.board.page and outcome.events:
            self.audience.show_page("")  # the host moved on: the contest's page shows again
        self.session.sync_status()
        self.refresh_state()
        return True

    def _announce(self, outcome: Any) -> None:
        self.announce([*outcome.due, *outcome.events],
                      [team.name for team in self.contest.plan.teams])
        if self.audience is not None and (outcome.due or outcome.events):
            self.audience.follow()  # an audience question goes out; the reveal closes it

    def _warn(self, warnings: Sequence[str]) -> None:
        """Toast plugin warnings, each once per log position and none already standing."""
        seq = self.contest.state.seq
        for warning in dict.fromkeys(warnings):
            if warning in self._standing or self._warned.get(warning) == seq:
                continue
            self._warned[warning] = seq
            self.notify(warning, severity="warning", markup=False, timeout=8)

    def _warn_standing(self, warnings: Sequence[str]) -> None:
        # The state view repeats its warnings on every redraw: toast each when it appears.
        self._warn([warning for warning in warnings if warning not in self._standing])
        self._standing = frozenset(warnings)

    def run_command_line(self, line: str) -> bool:
        """Run a typed host command (``adjust 2 -10 jury``); True when the engine accepted it.

        The contest's own parser reads it, plugin commands included; a line it cannot read,
        like a command the rules refuse, becomes a toast and changes nothing.
        """
        from quizhall.contest.commands import CommandError

        try:
            command = self.contest.parse(line)
        except CommandError as error:
            self.notify(str(error), title=t("tui.refused"), severity="warning", markup=False)
            return False
        return self.execute(command)

    def _command(self, name: str, **fields: Any) -> bool:
        from quizhall.contest.commands import Command

        return self.execute(Command(name, **fields))

    def _projecting(self, page: str) -> bool:
        """Whether the host has put ``page`` on the projector."""
        return self.contest is not None and self.contest.state.projector == page

    def _project(self, page: str) -> None:
        """Put ``page`` on the projector, or take it off when it is there (an event)."""
        self._command("project", value="off" if self._projecting(page) else page)

    def _act_next(self) -> None:
        if self._projecting("scores"):
            self._project("scores")
            return
        if self.contest.state.phase == "ready" and not self._intro_seen:
            self._intro_seen = True
            if not self._projecting("teams"):
                self._project("teams")
                return
        self._command("next")

    def _act_open(self) -> None:
        self._command("open")

    def _act_right(self) -> None:
        self._command("right")

    def _act_wrong(self) -> None:
        self._command("wrong")

    def _act_pass(self) -> None:
        self._command("pass")

    def _act_timeout(self) -> None:
        self._command("timeout")

    def _act_reveal(self) -> None:
        self._command("reveal")

    def _act_undo(self) -> None:
        self._command("undo")

    def _act_redo(self) -> None:
        self._command("redo")

    def _act_pause(self) -> None:
        self._command(self._pause_command())

    def _act_partial(self) -> None:
        def done(points: float | None) -> None:
            if points is not None:
                self._command("partial", points=points)

        self.push_screen(NumberDialog(t("tui.partial_title"), t("tui.partial_prompt")), done)

    def _act_adjust(self) -> None:
        view = self._view
        if view is None:
            return

        def done(adjustment: Any) -> None:
            if adjustment is not None:
                self._command("adjust", team=adjustment.team - 1, points=adjustment.points,
                              reason=adjustment.reason)

        team = view.buzz_holder or view.turn
        self.push_screen(AdjustDialog(view.teams, team), done)

    def _act_wager(self) -> None:
        view = self._view
        if view is None:
            return
        details = self.contest.view().details or {}
        picker = details.get("picker")
        values = [float(v) for v in details.get("values_left") or []]
        if picker is not None:
            self._ask_wager(int(picker), values)
            return

        def chosen(team: Any) -> None:
            if team is not None:
                self._ask_wager(int(team) - 1, values)

        self.push_screen(PickDialog(t("tui.wager_team_title"), self._team_options()), chosen)

    def _ask_wager(self, team: int, values: list[float]) -> None:
        from quizhall.tui.text import points

        def done(value: Any) -> None:
            if value is not None:
                self._command("wager", team=team, value=value)

        name = self.contest.plan.teams[team].name
        title = t("tui.wager_title", team=name)
        if not values:
            self.push_screen(NumberDialog(title, t("tui.wager_value")), done)
            return
        options: list[tuple[Any, object]] = [(Text(points(v)), v) for v in values]
        options.append((Text(t("tui.wager_pass")), "pass"))
        self.push_screen(PickDialog(title, options), done)

    def _team_options(self) -> list[tuple[Any, object]]:
        view = self._view
        teams = view.teams if view else ()
        return [(team_label(team.number, team.name, team.colour), team.number)
                for team in teams]

    def _act_assign(self) -> None:
        view = self._view
        if view is None:
            return
        def done(team: Any) -> None:
            if team is not None:
                self._command("assign", team=int(team) - 1)

        self.push_screen(PickDialog(t("tui.assign_title"), self._team_options()), done)

    def _act_shout(self) -> None:
        def done(team: Any) -> None:
            if team is not None:
                self._command("shout", team=int(team) - 1)

        self.push_screen(PickDialog(t("tui.shout_title"), self._team_options()), done)

    def _act_pick(self) -> None:
        from quizhall.tui.text import points

        details = self.contest.view().details or {}
        picker = details.get("picker")
        cells = details.get("cells_left") or []
        if picker is None or not cells:
            self._command("pick", points=0.0, args=("?",))  # the engine says why not
            return
        options: list[tuple[Any, object]] = [
            (literal(f"{topic} · {points(float(value))}"), (str(topic), float(value)))
            for topic, value in cells]

        def done(cell: Any) -> None:
            if cell is not None:
                self._command("pick", points=cell[1], args=(cell[0],))

        name = self.contest.plan.teams[int(picker)].name
        self.push_screen(PickDialog(t("tui.pick_title", team=name), options), done)

    def _act_mark(self) -> None:
        state_view = self.contest.view()
        waiting = (state_view.details or {}).get("waiting") or []
        if state_view.answerer is None or not waiting:
            self._command("mark", points=0.0, args=("?",))  # the engine says why not
            return
        team = state_view.teams[state_view.answerer].name

        def scored(judge: str) -> Callable[[float | None], None]:
            def done(score: float | None) -> None:
                if score is not None:
                    self._command("mark", points=score, args=(judge,))
            return done

        def chosen(judge: Any) -> None:
            if judge is not None:
                self.push_screen(NumberDialog(t("tui.mark_title"),
                                              t("tui.mark_prompt", judge=judge, team=team)),
                                 scored(str(judge)))

        options: list[tuple[Any, object]] = [(literal(str(name)), str(name)) for name in waiting]
        self.push_screen(PickDialog(t("tui.mark_title"), options), chosen)

    def _act_member(self) -> None:
        state_view = self.contest.view()
        if state_view.answerer is None:
            self._command("member", member=0)
            return
        members = state_view.teams[state_view.answerer].members
        options = [(literal(f"{seat}. {name}"), seat - 1) for seat, name in enumerate(members, 1)]

        def done(member: Any) -> None:
            if member is not None:
                self._command("member", member=int(member))

        self.push_screen(PickDialog(t("tui.member_title"), options), done)

    def _act_end(self) -> None:
        def done(yes: bool | None) -> None:
            if yes:
                self._command("end")

        self.push_screen(ConfirmDialog(t("tui.end_title"), t("tui.end_body")), done)

    def _act_scoreboard(self) -> None:
        self._project("scores")

    def _act_teams(self) -> None:
        self._project("teams")

    def _act_round_card(self) -> None:
        self._project("round")

    def _act_podium(self) -> None:
        self._project("podium")

    def _act_command(self) -> None:
        from quizhall.tui.commandline import CommandLine, command_helps

        self.push_screen(CommandLine(command_helps(self.contest), self.run_command_line,
                                     self.command_history))

    def _act_help(self) -> None:
        view = self._view
        self.push_screen(HelpScreen(self.help_items(), view.teams if view else ()))

    def _act_quit(self) -> None:
        def done(yes: bool | None) -> None:
            if yes:
                self.exit(0)

        self.push_screen(ConfirmDialog(t("tui.quit_title"), t("tui.quit_body")), done)

    # -- the audience (quizhall run --audience) ---------------------------------------------
    def _act_audience(self) -> None:
        """Send the question on screen to the phones; pressed again, close it (the phones and
        the hall see the distribution and the right answer)."""
        hall = self.audience
        if hall is None:
            return
        current = hall.board.current
        if current is not None and not current.closed \
                and current.key == self.contest.state.question_key:
            hall.close()
        else:
            refusal = hall.send()
            if refusal:
                self.notify(refusal, title=t("tui.refused"), severity="warning", markup=False)
        self._show_audience()

    def _act_draw(self) -> None:
        """Draw prize winners among the audience's right answers (this question or all)."""
        hall = self.audience
        if hall is None:
            return
        scopes: list[tuple[Any, object]] = [(Text(t("tui.draw_question")), "question"),
                                            (Text(t("tui.draw_contest")), "contest")]

        def counted(scope: Any, count: float | None) -> None:
            if count is None:
                return
            winners, refusal = hall.draw(str(scope), max(1, int(count)))
            if refusal:
                self.notify(refusal, title=t("tui.refused"), severity="warning", markup=False)
            else:
                self.notify(t("tui.draw_done", names="、".join(winners)), markup=False,
                            timeout=15)
            self.refresh_state()  # the winners are up: the status line says so

        def scoped(scope: Any) -> None:
            if scope is not None:
                self.push_screen(NumberDialog(t("tui.draw_title"), t("tui.draw_count")),
                                 lambda count: counted(scope, count))

        self.push_screen(PickDialog(t("tui.draw_title"), scopes), scoped)

    def _audience_page(self, page: str) -> None:
        """Put one of the audience's pages on the hall's screens full-screen, or take it off;
        a page with nothing to show yet stays down, and a notice says why."""
        if self.audience is not None:
            refusal = self.audience.toggle_page(page)
            if refusal:
                self.notify(refusal, title=t("tui.refused"), severity="warning", markup=False)
            self.refresh_state()  # the status line names the hall's page

    def _act_audience_board(self) -> None:
        self._audience_page("board")

    def _act_audience_join(self) -> None:
        self._audience_page("join")

    def _act_audience_answers(self) -> None:
        self._audience_page("answers")

    def _act_audience_winners(self) -> None:
        self._audience_page("winners")

    def _act_export(self) -> None:
        from quizhall.tui.export import contest_exporters

        if self.contest.state.phase != "finished":
            self.notify(t("tui.export_not_yet"), title=t("tui.refused"), severity="warning",
                        markup=False)
            return
        found = list(self._exporters) if self._exporters is not None else contest_exporters()
        if len(found) <= 1:
            self._export_with(found)
            return
        options = [(literal(f"{getattr(e, 'name', '?')}  {getattr(e, 'description', '')}"), e)
                   for e in found]

        def done(exporter: Any) -> None:
            if exporter is not None:
                self._export_with([exporter])

        self.push_screen(PickDialog(t("tui.export_title"), options), done)

    def _export_with(self, exporters: list[Any]) -> None:
        from quizhall.tui.export import export_results

        message, ok = export_results(self.contest, self.session.contest_id, exporters)
        self.notify(message, severity="information" if ok else "warning", markup=False,
                    timeout=10)
