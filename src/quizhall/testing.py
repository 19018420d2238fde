"""Helpers for testing contest rules and plugins without a screen.

``rehearse(contest, commands, plugins=[...])`` runs a contest (a contest file's path or its
YAML text) through a list of host commands on a manual clock, with only the built-in plugins
and the ones given, and returns the final state::

    from quizhall.testing import rehearse

    result = rehearse("my.contest.yaml", ["next", "next", "open", "buzz 1", "right"],
                      plugins=[my_scoring_plugin])
    assert result["teams"][0]["score"] == 110

The result has the keys of ``quizhall rehearse --json`` (``teams``, ``round``, ``question``,
``events``, ``refused``) and, for deeper checks, ``warnings`` (plugin failures and the like),
``ledger`` (every score change with its event), ``log`` (the recorded events) and ``view``
(the full state view as JSON data). :func:`start` gives the live objects instead.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pluggy

from quizhall.contest.clock import ManualClock
from quizhall.contest.engine import Contest
from quizhall.contest.loader import ContestLoad, load_contest, parse_contest
from quizhall.contest.log import MemoryLog
from quizhall.contest.rehearsal import Rehearsal
from quizhall.plugins import new_plugin_manager


class ContestFileError(ValueError):
    """The contest file has errors; ``diagnostics`` lists them."""

    def __init__(self, load: ContestLoad) -> None:
        self.diagnostics = load.diagnostics
        super().__init__("\n".join(d.format() for d in load.diagnostics
                                   if d.severity == "error"))


def plugin_manager(plugins: Iterable[object] = ()) -> pluggy.PluginManager:
    """A manager with the built-ins and ``plugins`` (modules, classes or objects) only."""
    pm = new_plugin_manager()
    for number, plugin in enumerate(plugins):
        pm.register(plugin, name=getattr(plugin, "__name__", None) or f"test-plugin-{number}")
    return pm


def load(contest: str | os.PathLike[str], base_dir: str | os.PathLike[str] | None = None,
         pm: pluggy.PluginManager | None = None) -> ContestLoad:
    """Load a contest from a path, or from YAML text (banks relative to ``base_dir``)."""
    pm = pm or plugin_manager()
    text = str(contest)
    if "\n" in text or not text.strip().endswith((".yaml", ".yml")):
        return parse_contest(text, "<contest>", Path(base_dir or "."), pm)
    return load_contest(Path(text), pm)


def start(contest: str | os.PathLike[str], plugins: Sequence[object] = (),
          base_dir: str | os.PathLike[str] | None = None, clock_start: float = 0.0) -> Rehearsal:
    """A :class:`~quizhall.contest.rehearsal.Rehearsal` of a new contest on an in-memory log.

    Raises :class:`ContestFileError` when the contest file has errors.
    """
    pm = plugin_manager(plugins)
    loaded = load(contest, base_dir, pm)
    if not loaded.ok or loaded.plan is None:
        raise ContestFileError(loaded)
    clock = ManualClock(clock_start)
    engine = Contest.start(loaded.plan, MemoryLog(), clock, pm, loaded.questions)
    return Rehearsal(engine, clock)


def rehearse(contest: str | os.PathLike[str], commands: Iterable[str],
             plugins: Sequence[object] = (),
             base_dir: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """Run ``commands`` (script lines) on a new contest; the final state as a dict."""
    rehearsal = start(contest, plugins, base_dir)
    rehearsal.run(commands)
    result = rehearsal.result()
    engine = rehearsal.contest
    result["warnings"] = list(rehearsal.warnings)
    result["ledger"] = [entry.to_dict() for entry in engine.ledger()]
    result["log"] = engine.log.read()
    result["view"] = engine.view().to_dict()
    return result
