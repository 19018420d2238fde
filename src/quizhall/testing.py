"""Test contest rules and plugins without a screen: run a contest from host commands.

``rehearse(contest, commands, plugins=[...])`` runs a contest (a contest file's path or its
YAML text) through a list of host commands on a manual clock, with the built-in plugins and
the ones given, and returns the final state, so a plugin's tests read like its rules::

    from quizhall.testing import rehearse
    import quizhall_streak as streak

    def test_the_second_right_answer_in_a_row_earns_five():
        final = rehearse(CONTEST, ["next", "next", "right", "next", "wrong", "next", "right"],
                         plugins=[streak], settings={"bonus": 5, "cap": 15})
        assert final["scores"] == {"Red": 125, "Blue": 100}

The plugins given are registered and enabled for the contest, as if its ``plugins:`` list
named them; ``settings`` are the settings of the one plugin given (with several, pass
``plugins={plugin: settings, ...}``), read and checked like a contest file's. Plugins passed
as ``installed=[...]`` are registered but enabled only if the contest file names them, as on a
machine where they are installed. Nothing is read from the installed packages, and nothing is
written to disk (an in-memory log; banks are not cached).

The result has the keys of ``quizhall rehearse --json`` (``teams``, ``round``, ``question``,
``events``, ``refused``) and ``scores`` (team name → score), ``warnings`` (plugin failures and
the like), ``ledger`` (every score change with its parts and event), ``log`` (the recorded
events) and ``view`` (the full state view as JSON data). :func:`start` gives the live
:class:`~quizhall.contest.rehearsal.Rehearsal` instead.

:class:`FrozenClock` is a host-console clock that moves only when told to, for a plugin's (or
quizhall's own) tests of the console and its screens. This module is the documented kit for
plugin authors' tests (docs/plugins.md), so it ships with quizhall.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pluggy

from quizhall.contest.clock import ManualClock
from quizhall.contest.engine import Contest
from quizhall.contest.event_log import MemoryLog
from quizhall.contest.loader import ContestLoad, load_contest, parse_contest, read_plugin_use
from quizhall.contest.plan import PluginUse
from quizhall.contest.rehearsal import Rehearsal
from quizhall.diagnostics import Diagnostic
from quizhall.plugins import new_plugin_manager, plugin_key
from quizhall.tui.hall_clock import HallClock

Plugins = Sequence[object] | Mapping[Any, Mapping[str, Any] | None]


class ContestFileError(ValueError):
    """The contest file (or the settings a test gives a plugin) has errors; ``diagnostics``
    lists them, and the message shows each as ``file:line:column: message``."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics = list(diagnostics)
        super().__init__("\n".join(d.format() for d in self.diagnostics
                                   if d.severity == "error"))


def plugin_name(plugin: object, number: int = 0) -> str:
    """The name a test plugin is registered under: a module's or class's ``__name__``
    (``quizhall_streak``, which a contest file calls ``quizhall-streak``), else
    ``test-plugin-N``."""
    name = getattr(plugin, "__name__", None)
    return name if isinstance(name, str) and name else f"test-plugin-{number}"


def plugin_manager(plugins: Iterable[object] = ()) -> pluggy.PluginManager:
    """A manager with the built-ins and ``plugins`` (modules, classes or objects) only."""
    pm = new_plugin_manager()
    for number, plugin in enumerate(plugins):
        pm.register(plugin, name=plugin_name(plugin, number))
    return pm


def load(contest: str | os.PathLike[str], base_dir: str | os.PathLike[str] | None = None,
         pm: pluggy.PluginManager | None = None) -> ContestLoad:
    """Load a contest from a path, or from YAML text (banks relative to ``base_dir``)."""
    pm = pm or plugin_manager()
    text = str(contest)
    if "\n" in text or not text.strip().endswith((".yaml", ".yml")):
        return parse_contest(text, "<contest>", Path(base_dir or "."), pm, use_cache=False)
    return load_contest(Path(text), pm, use_cache=False)


def _enabled(plugins: Plugins, settings: Mapping[str, Any] | None
             ) -> list[tuple[object, Mapping[str, Any] | None]]:
    if isinstance(plugins, Mapping):
        if settings is not None:
            raise TypeError("give settings in the plugins mapping, not as settings=")
        return list(plugins.items())
    items = list(plugins)
    if settings is not None and len(items) != 1:
        raise TypeError("settings= needs exactly one plugin; with several, pass "
                        "plugins={plugin: settings, ...}")
    return [(plugin, settings) for plugin in items]


def start(contest: str | os.PathLike[str], plugins: Plugins = (),
          base_dir: str | os.PathLike[str] | None = None, clock_start: float = 0.0, *,
          settings: Mapping[str, Any] | None = None, installed: Sequence[object] = (),
          stopwatch: Callable[[], float] | None = None) -> Rehearsal:
    """A :class:`~quizhall.contest.rehearsal.Rehearsal` of a new contest on an in-memory log,
    with ``plugins`` enabled and ``installed`` only registered (see the module docs).

    ``stopwatch`` replaces the timer that measures plugin calls (to test slow plugins).
    Raises :class:`ContestFileError` when the contest file or the settings have errors.
    """
    enabled = _enabled(plugins, settings)
    objects = [plugin for plugin, _ in enabled] + list(installed)
    pm = plugin_manager(objects)
    loaded = load(contest, base_dir, pm)
    if not loaded.ok or loaded.plan is None:
        raise ContestFileError(loaded.diagnostics)
    uses = {use.name: use for use in loaded.plan.plugins}
    problems: list[Diagnostic] = []
    for number, (plugin, given) in enumerate(enabled):
        name = plugin_key(plugin_name(plugin, number))
        if name in uses and given is None:
            continue
        use, diagnostics = read_plugin_use(pm, name, given or {}, f"<settings of {name}>")
        problems.extend(d for d in diagnostics if d.severity == "error")
        if use is not None:
            rounds = uses[name].rounds if name in uses else ()
            uses[name] = PluginUse(use.name, use.settings, rounds)
    if problems:
        raise ContestFileError(problems)
    plan = dataclasses.replace(loaded.plan, plugins=tuple(uses.values()))
    clock = ManualClock(clock_start)
    engine = Contest.start(plan, MemoryLog(), clock, pm, loaded.questions, stopwatch)
    return Rehearsal(engine, clock)


def rehearse(contest: str | os.PathLike[str], commands: Iterable[str], plugins: Plugins = (),
             base_dir: str | os.PathLike[str] | None = None, *,
             settings: Mapping[str, Any] | None = None, installed: Sequence[object] = (),
             stopwatch: Callable[[], float] | None = None) -> dict[str, Any]:
    """Run ``commands`` (script lines, as in ``quizhall rehearse``) on a new contest; the
    final state as a dict (see the module docs)."""
    rehearsal = start(contest, plugins, base_dir, settings=settings, installed=installed,
                      stopwatch=stopwatch)
    rehearsal.run(commands)
    result = rehearsal.result()
    engine = rehearsal.contest
    result["scores"] = {team["name"]: team["score"] for team in result["teams"]}
    result["warnings"] = list(engine.load_warnings) + list(rehearsal.warnings)
    result["ledger"] = [entry.to_dict() for entry in engine.ledger()]
    result["log"] = engine.log.read()
    result["view"] = engine.view().to_dict()
    return result


class FrozenClock(HallClock):
    """A host-console clock that moves only when told to: a console or screen test, a snapshot."""

    def __init__(self, start: float = 1_750_000_000.0) -> None:
        self._time = start
        super().__init__(wall=lambda: self._time, monotonic=lambda: self._time)

    def advance(self, seconds: float) -> None:
        """Move time forward."""
        self._time += seconds

    def wall_time(self, monotonic_at: float) -> float:
        # Key events carry real monotonic times; a frozen clock dates them "now".
        return self._time
