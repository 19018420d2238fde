"""The projector display (``quizhall display``): a contest followed live, read-only.

It folds the host's event log as it grows and shows the audience's view of it, laid out for
the screen by :class:`~quizhall.tui.widgets.hall.HallView`: question, options, timer, who
buzzed, the reveal, the pages the host puts on the projector and the final podium. It never
records anything (the log is opened as a reader), and it renders only
:meth:`~quizhall.tui.stage_view.StageView.for_audience`, so no answer appears before the reveal.

Keys typed here are handed to the host console (:mod:`quizhall.tui.keylink`), which handles
them as if typed there and stays the only writer of the log; buzzer keys keep their key-event
times. When no host console listens the projector says so at once, large, instead of dropping
the key silently. ``q`` and ``Esc`` ask before closing. A watch-only display (``quizhall
serve --display`` runs one per browser) sends no key anywhere: a viewer cannot act on the
contest.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from quizhall.contest.audience import AUDIENCE_PAGES, AudienceBoard, option_texts
from quizhall.i18n import t
from quizhall.tui import keylink
from quizhall.tui.app import ContestApp
from quizhall.tui.dialogs import ConfirmDialog
from quizhall.tui.host import buzz_round, stake_both_ways
from quizhall.tui.present import present
from quizhall.tui.stage_view import StageView
from quizhall.tui.widgets.audience import AudiencePanel
from quizhall.tui.widgets.hall import HallView
from quizhall.tui.widgets.picture import QuestionPictures, hall_question


class AudienceHeader(Static):
    """One line while no contest has started yet: what the projector waits for."""

    DEFAULT_CSS = """
    AudienceHeader { dock: top; height: auto; padding: 0 1; }
    """


class DisplayScreen(Screen[None]):
    """The audience's screen."""

    AUTO_FOCUS = None

    def compose(self) -> ComposeResult:
        app: DisplayApp = self.app  # type: ignore[assignment]
        yield AudienceHeader()
        yield QuestionPictures(classes="-hall")
        yield HallView(motion=app.motion)
        yield AudiencePanel(hall=True)

    def on_mount(self) -> None:
        app: DisplayApp = self.app  # type: ignore[assignment]
        app.screen_ready()

    def on_key(self, event: events.Key) -> None:
        event.stop()
        if event.key == "ctrl+c":
            self.app.exit(0)
        elif event.key in ("q", "escape"):
            self.app.push_screen(
                ConfirmDialog(t("tui.display_quit_title"), t("tui.display_quit_body")),
                lambda yes: self.app.exit(0) if yes else None)
        else:
            app: DisplayApp = self.app  # type: ignore[assignment]
            if app.watch_only:
                return
            if not app.forward_key(event.key, event.character, event.time):
                self.query_one(HallView).warn_wrong_window(
                    "tui.host_not_listening" if keylink.supported() else "tui.wrong_window")


class DisplayApp(ContestApp):
    """Follows a contest from the store and shows it to the hall."""

    def __init__(self, follower: Any, *, theme: str = "dark", bell: bool = True,
                 timers: bool = True, tick: float = 0.1, follow: bool = True,
                 motion: bool = True, watch_only: bool = False) -> None:
        super().__init__(theme=theme, bell=bell)
        self.watch_only = watch_only
        self.motion = motion
        self.follower = follower
        self.timers = timers
        self._tick = tick
        self._follow = follow
        self._view: StageView | None = None
        self._keys = keylink.KeySender(follower.contest_id)
        self.audience = AudienceBoard.fold(follower.log.read(0)[:follower.position])

    def get_default_screen(self) -> Screen:
        return DisplayScreen()

    def forward_key(self, key: str, character: str | None, at: float) -> bool:
        """Hand a key typed here to the host console; False when none takes it (and always
        for a watch-only display)."""
        return not self.watch_only and self._keys.send(key, character, at)

    def screen_ready(self) -> None:
        """The screen is built: show the contest and start following it."""
        self.refresh_state()
        if self._follow:
            self.follower.start(self._events_arrived)
        self.set_interval(self._tick, self._on_tick)

    def on_unmount(self) -> None:
        self.follower.stop()

    @property
    def view(self) -> StageView | None:
        """What the hall sees now."""
        return self._view

    def _events_arrived(self, batch: list[dict]) -> None:
        # Called on the follower's thread: fold and render on the app's.
        try:
            self.call_from_thread(self.take_events, batch)
        except RuntimeError:  # the app is closing
            pass

    def take_events(self, batch: list[dict]) -> None:
        """Fold new events and show the result."""
        self.follower.apply(batch)
        for event in batch:
            self.audience.apply(event)
        if self.follower.started:
            self.announce(batch, [team.name for team in self.follower.contest.plan.teams])
        self.refresh_state()

    def _on_tick(self) -> None:
        if not self.follower.started:
            return
        timer = self.follower.contest.state.timer
        question = self.audience.current
        if timer is not None and timer.running:
            self.refresh_state()
        elif question is not None and not question.closed:
            self._show_audience()  # the audience's time left

    def _show_audience(self) -> None:
        contest = self.follower.contest
        now = contest.clock.now()
        current = self.audience.current
        options = option_texts(contest.question(current.key)) if current is not None else {}
        for screen in self.screen_stack:
            for panel in screen.query(AudiencePanel):  # none while the screen closes
                panel.show(self.audience, now)
            for hall in screen.query(HallView):  # the audience's full-screen pages
                hall.show_audience(self.audience, now, options)

    def refresh_state(self) -> None:
        """Render the contest as the log says it stands now."""
        screen = next((s for s in self.screen_stack if isinstance(s, DisplayScreen)), None)
        if not self.showing(screen):
            return
        assert screen is not None
        if not screen.query(AudienceHeader):  # the screen is being taken down
            return
        header = screen.query_one(AudienceHeader)
        if not self.follower.started:
            header.update(Text(t("tui.waiting", id=self.follower.contest_id)))
            return
        header.display = False
        contest = self.follower.contest
        view = contest.view()
        stage_view = present(view, buzz_round=buzz_round(contest, view),
                             both_ways=stake_both_ways(contest, view),
                             levels=getattr(self.follower, "levels", None)).for_audience()
        self._view = stage_view
        covered = self.audience.page in AUDIENCE_PAGES  # an audience page fills the screen
        screen.query_one(QuestionPictures).show(None if covered else hall_question(stage_view))
        screen.query_one(HallView).show(stage_view, self.timers)
        self._show_audience()
        self.signal(stage_view)
