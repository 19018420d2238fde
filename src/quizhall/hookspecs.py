"""The plugin API: every hook quizhall calls, as pluggy specs with their contracts.

Plugins implement these with ``@quizhall.hookimpl`` (or ``pluggy.HookimplMarker("quizhall")``)
and are found through the ``quizhall`` entry-point group, ``--plugin FILE.py``, or a contest
file's ``plugins:`` list. Built-in behaviour is registered through the same hooks
(see ``quizhall.builtins``).
"""

from __future__ import annotations

from typing import Any

import pluggy

hookspec = pluggy.HookspecMarker("quizhall")
hookimpl = pluggy.HookimplMarker("quizhall")


# -- Banks: importers and exporters -------------------------------------------------------------

@hookspec
def quizhall_register_importers(register: Any) -> None:
    """Register bank importers by calling ``register(importer)`` once for each.

    An importer has ``name`` (the ``--format`` value, e.g. ``"gift"``), ``suffixes`` (file
    endings it recognises, e.g. ``(".gift", ".txt")``), ``description`` (one line, shown by
    ``quizhall plugins``) and ``read(path, options) -> ImportResult`` (see
    :mod:`quizhall.importers`). ``read`` reports every question it could not import; it never
    raises for bad input.
    """


@hookspec
def quizhall_register_exporters(register: Any) -> None:
    """Register exporters by calling ``register(exporter)`` once for each.

    An exporter has ``name`` (the ``--format`` value, e.g. ``"xlsx"``), ``kind`` (``"bank"``,
    ``"contest"`` or ``"practice"``: what it exports), ``suffix`` (the file ending it writes),
    ``description``, and ``write(data, path, options)``, which returns None or a list of
    warning :class:`~quizhall.diagnostics.Diagnostic` saying what the format could not hold
    (see :mod:`quizhall.exporters`).
    """


# -- Contests: round types, scoring, team modes, observers ----------------------------------------

@hookspec
def quizhall_register_round_types(register: Any) -> None:
    """Register contest round types by calling ``register(round_type_class)`` once for each.

    A round type is a subclass of :class:`quizhall.contest.rounds.RoundType` with a unique
    ``name`` (the ``type:`` of a round in a contest file). It declares its settings
    (``SETTINGS``), describes its rules for the round intro screen (``rules``), and turns host
    commands into events (``next_question``, ``open``, ``buzz``, ``judge`` …). The built-in
    types (required, buzz, risk, tiebreak, speed, gate) are registered through this hook.
    Called once when a contest file is loaded or a contest is opened.
    """


@hookspec
def quizhall_score_answer(answer: Any) -> Any:
    """Score a judged answer: return a :class:`~quizhall.contest.hooks.ScorePart`, a list of
    them, or None to add nothing.

    Called once per judged answer (right, wrong, partial, timeout) with an
    :class:`~quizhall.contest.hooks.AnswerContext`. Every implementation is called and the
    parts are added up: the built-in scoring plugin (``quizhall.builtins.scoring``) returns
    the round's rule points (``answer.base_points``); plugins add bonuses or penalties (speed,
    streaks, certainty, negative marking). The contest's ``floor`` applies to the total. The
    parts are recorded in the event and the ledger, so a replay never calls this hook again.
    A plugin that raises or returns anything else is named in a warning and ignored.
    """


@hookspec(firstresult=True)
def quizhall_choose_answerer(turn: Any) -> Any:
    """Team modes: choose who answers the question about to be put to ``turn.team``.

    Gets a :class:`~quizhall.contest.hooks.TurnContext`; returns an
    :class:`~quizhall.contest.hooks.Answerer` for that team, or None to leave the choice to
    the next plugin. ``firstresult``: the first non-None answer wins. The built-in team modes
    (``seat``: members in seat order, skipping the last answerer when the round forbids
    answering twice in a row; ``team``: the team picks; ``all``: the whole team) run last.
    Called by rounds that put questions to one team (required, risk, gate, speed).
    """


@hookspec
def quizhall_event_recorded(event: dict, state: Any) -> None:
    """Observe the contest: called after each event is recorded and applied.

    ``event`` is the recorded event (a dict; do not change it) and ``state`` the
    :class:`~quizhall.contest.view.StateView` after it. The return value is ignored; an
    exception is reported as a warning naming the plugin and never undoes the event.
    """


@hookspec
def quizhall_register_buzzer_sources(register: Any) -> None:
    """Register buzzer sources by calling ``register(source)`` once for each.

    A buzzer source has ``name`` (used with ``--buzzer NAME``), ``description``,
    ``start(press)`` and ``stop()``: once started it calls ``press(key)`` (from any thread)
    with the buzzer key of a team that pressed (a contest file's team ``key``). The keyboard
    buzzer is built in; USB or serial buzzer boxes are plugins. Used by the TUI.
    """


@hookspec
def quizhall_validate_plugin_settings(name: str, settings: dict) -> Any:
    """Check the settings a contest file gives a plugin in its ``plugins:`` list.

    Called once per ``plugins:`` entry, with the entry's ``name`` and ``settings`` (a dict).
    Return None when the entry is not yours; otherwise a list of problems (texts, empty when
    all is well). Each problem is reported at the entry's position by ``quizhall check``.
    """
