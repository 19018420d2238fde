"""Contests for the screens: start or resume one in the store, or follow one read-only.

:class:`StoreSession` gives the host console its contest: a new one recorded in the store, or
an unfinished one from the same contest file, resumed from its log (both through
:mod:`quizhall.contest.stored`, the path ``quizhall rehearse`` takes too). The questions a contest
draws are kept in the store beside it (as bank YAML), so :class:`Follower` (the projector)
can show them from the contest id alone, whatever happens to the files afterwards.

No textual here: this is the plumbing between the store, the engine and the apps.
"""

from __future__ import annotations

import dataclasses
import os
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from quizhall.contest.stored import level_titles, resume_stored, start_stored, used_banks
from quizhall.tui.hall_clock import HallClock

# How often the projector looks whether the host's log file grew (well within a 60 Hz frame).
# Polling, not inotify: it adds about 1 ms on average to event → frame (half the period) and
# under 1 % of a core (benchmarks/projector.py: idle CPU against the 20 ms poll); inotify
# would save only that, on Linux only, and the stat loop would stay for other systems and
# for logs not in a file.
WATCH_SECONDS = 0.002


def without_time_limits(plan: Any, round_types: Mapping[str, type]) -> Any:
    """The plan with every time limit off (``--no-timer``): each ``seconds`` setting set to 0.

    Zero is "no limit" for a round type's ``seconds`` settings (see
    :class:`quizhall.contest.rounds.Setting`); the question's own ``time_limit`` is then
    ignored too. The host ends answers and turns by judging them.
    """
    rounds = []
    for round_plan in plan.rounds:
        cls = round_types.get(round_plan.type)
        settings = dict(round_plan.settings)
        for name, setting in (getattr(cls, "SETTINGS", None) or {}).items():
            if setting.kind == "seconds":
                settings[name] = 0
        rounds.append(dataclasses.replace(round_plan, settings=settings))
    return dataclasses.replace(plan, rounds=tuple(rounds))


class StoreSession:
    """A contest file run from the host console, recorded in the store.

    ``resumable`` lists the unfinished contests started from the same file (newest first).
    After :meth:`open`, ``contest_id`` names the contest in the store. ``display_data_dir``
    is set when ``quizhall display`` would not find the store by itself (the demo's
    temporary directory): the console's hint then names it.
    """

    def __init__(self, path: str | Path, load: Any, store: Any, clock: HallClock | None = None,
                 timers: bool = True) -> None:
        from quizhall.tui.host import Resumable

        self.path = Path(path).resolve()
        self.load = load
        self.levels = level_titles(load)
        self.store = store
        self.clock = clock or HallClock()
        self.timers = timers
        self.contest_id = ""
        self.contest: Any = None
        self.resumed = False
        self._status = "running"
        self.display_data_dir: str | None = None
        self.resumable = [
            Resumable(record.id, self._label(record)) for record in store.contests()
            if record.status == "running" and record.source == str(self.path)]

    @staticmethod
    def _label(record: Any) -> str:
        from datetime import datetime

        from quizhall.i18n import t

        stamp = record.updated or record.created or ""
        try:
            when = datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
        except ValueError:
            when = stamp
        return t("tui.resume_label", title=record.title, id=record.id, when=when,
                 events=record.events)

    def open(self, resume: str | None) -> Any:
        """Start a new contest (``resume`` None) or continue the stored one; returns it."""
        from quizhall.contest.engine import collect_round_types
        from quizhall.plugins import get_plugin_manager

        questions = self.load.questions
        if resume is not None:
            self.contest = resume_stored(self.store, resume, lambda _last: self.clock,
                                         questions=questions)
            self.contest_id = resume
            self.resumed = True
            return self.contest
        plan = self.load.plan
        if not self.timers:
            plan = without_time_limits(plan, collect_round_types(get_plugin_manager()))
        # The drawn questions and level titles are kept for the projector.
        self.contest_id, self.contest = start_stored(
            self.store, plan, self.clock, str(self.path), questions=questions,
            keep={"banks": used_banks(self.load), "levels": self.levels})
        return self.contest

    def sync_status(self) -> None:
        """Keep the stored status with the log: ``finished`` once the contest finishes (at
        once, not when the console closes), ``running`` again if an undo takes that back."""
        if self.contest is None or not self.contest_id:
            return
        status = "finished" if self.contest.state.phase == "finished" else "running"
        if status != self._status:
            self.store.set_status(self.contest_id, status)
            self._status = status

    def close(self) -> None:
        """Mark a finished contest finished, and release the store."""
        self.sync_status()
        self.store.close()


class Follower:
    """A contest followed read-only from the store: the projector's view of the host's log.

    :meth:`start` runs a thread that waits for new events and hands each batch to
    ``on_events`` (call :meth:`apply` with them on the UI thread).
    """

    def __init__(self, store: Any, contest_id: str, clock: HallClock | None = None) -> None:
        from quizhall.contest.engine import Contest

        record = store.contest(contest_id)
        if record is None:
            from quizhall.i18n import t
            from quizhall.store import StoreError

            raise StoreError(t("tui.no_such_contest", id=contest_id))
        self.contest_id = contest_id
        self.record = record
        self.clock = clock or HallClock()
        self.log = store.open_log(contest_id, writer=False)
        from quizhall.contest.stored import questions_from_texts

        questions = questions_from_texts(list(record.config.get("banks") or []))
        levels = record.config.get("levels")
        self.levels = {str(k): str(v) for k, v in levels.items()} \
            if isinstance(levels, dict) else {}
        if not questions and record.source and Path(record.source).is_file():
            questions = self._questions_from_file(record.source)
        self.questions: dict[str, Any] = questions  # bank questions by key
        self.contest = Contest(self.log, self.clock, questions=questions)
        self.position = 0
        self.apply(self.log.read(0))
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @staticmethod
    def _questions_from_file(source: str) -> dict[str, Any]:
        # A contest stored without its questions (a rehearsal): read them from its file.
        from quizhall.contest.loader import load_contest

        return dict(load_contest(source).questions)

    @property
    def started(self) -> bool:
        """True once the host has recorded the contest's start."""
        return self.contest.projection.state is not None

    def apply(self, events: list[dict]) -> None:
        """Fold new events into the contest (on the thread that renders it)."""
        for event in events:
            self.contest.projection.apply(event)
        self.position += len(events)

    def start(self, on_events: Callable[[list[dict]], None], wait: float = 0.25,
              fast: bool = True) -> None:
        """Follow the log in a thread; each new batch of events goes to ``on_events``.

        With ``fast`` and a log kept in a file, the thread looks at the file's size every
        :data:`WATCH_SECONDS` (a ``stat`` costs microseconds) and reads only when it grew, so
        an event reaches the projector within a frame; otherwise it waits on the log's own
        ``follow`` (which polls more slowly).
        """
        position = self.position
        path = getattr(self.log, "path", None) if fast else None

        def follow() -> None:
            nonlocal position
            size = -1
            while not self._stop.is_set():
                if path is not None:
                    try:
                        now = os.stat(path).st_size
                    except OSError:
                        now = -1
                    if now == size:
                        self._stop.wait(WATCH_SECONDS)
                        continue
                    size = now
                    events = self.log.read(position)
                else:
                    events = self.log.follow(position, wait)
                if events:
                    position += len(events)
                    on_events(events)

        self._thread = threading.Thread(target=follow, name="quizhall-follow", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop following."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
            self._thread = None
