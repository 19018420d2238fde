"""The plugin API: every hook quizhall calls, as pluggy specs with their contracts.

Plugins implement these with ``@hookimpl`` (``from quizhall.hookspecs import hookimpl``)
and are found through the ``quizhall`` entry-point group, ``--plugin FILE.py``, or a contest
file's ``plugins:`` list. Built-in behaviour is registered through the same hooks
(see ``quizhall.rules``). ``docs/plugins.md`` documents each hook; a test keeps the two
in step.

Hooks that decide a contest's outcome (scoring, team modes, plugin commands) are called only
for the built-ins and the plugins the contest file's ``plugins:`` list names, each with its own
``settings``; an installed plugin the contest does not name cannot change its scores.
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
    (see :mod:`quizhall.exporters`). ``data`` is a :class:`~quizhall.bank.model.Bank` for
    ``bank``, a :class:`~quizhall.report.contest.ContestReport` for ``contest``
    and a :class:`~quizhall.report.practice.PracticeReport` for ``practice``.
    Exporters are offered in the order pluggy calls them: the plugin registered last first.
    """


# -- Contests: plugin settings --------------------------------------------------------------------

@hookspec
def quizhall_declare_settings() -> Any:
    """Declare the settings this plugin takes in a contest file's ``plugins:`` entry.

    Return a dict of setting name → :class:`~quizhall.contest.rounds.Setting` (the kinds
    round types use: ``number``, ``points``, ``seconds``, ``count``, ``boolean``, ``choice``,
    ``values``, ``texts``, ``custom``). Called only on the plugin a ``plugins:`` entry names,
    when a contest file is loaded or checked. The file's values are read against it: an
    unknown setting is an error with a "did you mean", a value of the wrong type is an error
    at its position, and missing settings take their defaults, so the plugin always gets a
    complete dict. A plugin that declares nothing gets the entry's settings as plain data.
    """


@hookspec
def quizhall_validate_plugin_settings(name: str, settings: dict) -> Any:
    """Check this plugin's settings beyond their types (ranges, settings that clash).

    Called only on the plugin a contest file's ``plugins:`` entry names, after its declared
    settings are read, with the entry's ``name`` (as written) and the ``settings`` (a dict,
    defaults filled in). Return None or a list of problems: each a text (reported at the
    entry's ``settings``) or a ``(setting name, text)`` pair (reported at that setting).
    """


# -- Contests: round types, scoring, team modes, commands, observers -----------------------------

@hookspec
def quizhall_register_round_types(register: Any) -> None:
    """Register contest round types by calling ``register(round_type_class)`` once for each.

    A round type is a subclass of :class:`quizhall.contest.rounds.RoundType` with a unique
    ``name`` (the ``type:`` of a round in a contest file). It declares its settings
    (``SETTINGS``), describes its rules for the round intro screen (``rules``), and turns host
    commands into events (``next_question``, ``open``, ``buzz``, ``judge`` …). The built-in
    types (required, buzz, risk, tiebreak, speed, gate) are registered through this hook.
    Called for every loaded plugin when a contest file is loaded or a contest is opened: a
    round type only takes part in contests whose rounds name it.
    """


@hookspec
def quizhall_score_answer(answer: Any, settings: Any) -> Any:
    """Score a judged answer: return a :class:`~quizhall.contest.hooks.ScorePart`, a list of
    them, or None to add nothing.

    Called once per judged answer (right, wrong, partial, timeout), for the built-ins and the
    plugins the contest enables (in the rounds their entry allows), with an
    :class:`~quizhall.contest.hooks.AnswerContext` and the plugin's own ``settings`` from the
    contest file (a dict; empty for built-ins). Every implementation is called and the parts
    are added up: the built-in scoring plugin (``quizhall.rules.scoring``) returns the
    round's rule points (``answer.base_points``); plugins add bonuses or penalties (speed,
    streaks, certainty, negative marking). The contest's ``floor`` applies to the total. The
    parts are recorded in the event and the ledger, so a replay never calls this hook again.
    A plugin that raises or returns anything else is named in a warning and ignored.
    """


@hookspec(firstresult=True)
def quizhall_choose_answerer(turn: Any, settings: Any) -> Any:
    """Team modes: choose who answers the question about to be put to ``turn.team``.

    Gets a :class:`~quizhall.contest.hooks.TurnContext` and the plugin's own ``settings``;
    returns an :class:`~quizhall.contest.hooks.Answerer` for that team, or None to leave the
    choice to the next plugin. ``firstresult``: the first valid answer wins. Called for the
    built-ins and the plugins the contest enables. The built-in team modes (``seat``:
    members in seat order, skipping the last answerer when the round forbids answering twice
    in a row; ``team``: the team picks; ``all``: the whole team) run last. Called by rounds
    that put questions to one team (required, risk, gate, speed).
    """


@hookspec(firstresult=True)
def quizhall_check_answerer(turn: Any, member: Any, settings: Any) -> Any:
    """Team modes: may ``member`` answer the question ``turn.team`` is answering now?

    Called when the host names a member (``member N``; ``member`` is the 0-based seat, after
    the round's own checks pass) and when the host gives a verdict (right, wrong, partial) while
    no member is named (``member`` None; never for a time-out, so a running clock always
    ends). Gets a :class:`~quizhall.contest.hooks.TurnContext` (``turn.answered`` counts each
    member's answers in this round) and the plugin's own ``settings``. Returns None to allow,
    or a reason (a non-empty text, shown to the host) to refuse the command: the first
    refusal wins. Called for the built-ins and the plugins the contest enables, in the rounds
    their entry allows. The built-ins allow everything.
    """


@hookspec
def quizhall_register_commands(register: Any) -> None:
    """Register host commands by calling ``register(command)`` with a
    :class:`~quizhall.contest.hooks.PluginCommand` for each.

    Called for the plugins the contest enables, when a contest is started or resumed. The
    host gives a command as ``NAME ARGS…`` (a rehearsal script line; a host screen lists
    them with ``Contest.plugin_commands()`` and sends ``Command(NAME, args=…)``); its
    ``run(context)`` gets a :class:`~quizhall.contest.hooks.CommandContext` and
    returns a :class:`~quizhall.contest.hooks.Note` (a value for one team on the question on
    screen), which is recorded as a ``note_recorded`` event: undo reverts it, and scoring
    plugins read it in ``answer.notes[NAME]``. ``context.refuse(reason)`` refuses the command.
    A name that a built-in command or another plugin already uses is a warning, and ignored.
    """


@hookspec
def quizhall_judge_scores(request: Any, settings: Any) -> Any:
    """Judges' scores (评委打分) from outside the keyboard: scoring pads, a judges' app.

    Called by the host console about ten times a second while a ``judges`` round waits for
    scores (keep it quick: read what arrived, never wait), for the plugins the contest
    enables, in the rounds their entry allows. Gets a
    :class:`~quizhall.contest.hooks.JudgeRequest` (the team on stage, the judges still to
    score, the score range) and the plugin's own ``settings``. Returns None, or a dict of
    judge name → score for the scores that came in. Each is recorded exactly as if the host
    had typed ``mark JUDGE SCORE`` (a ``judge_scored`` event in the log and the export), so
    a replay never calls this hook again; a score the round refuses (a judge already scored,
    out of range, the judge's own team) is a warning naming the plugin, and ignored.
    """


@hookspec
def quizhall_event_recorded(event: dict, state: Any, settings: Any) -> None:
    """Observe the contest: called after each event is recorded and applied.

    ``event`` is the recorded event (a dict; do not change it), ``state`` the
    :class:`~quizhall.contest.view.StateView` after it, and ``settings`` the plugin's own
    settings, or None when the contest does not list the plugin: observers are called for
    every loaded plugin, since they cannot change the contest. The return value is ignored;
    an exception is reported as a warning naming the plugin and never undoes the event.
    """


# -- Hall hardware -------------------------------------------------------------------------------

@hookspec
def quizhall_register_buzzer_sources(register: Any) -> None:
    """Register buzzer sources by calling ``register(source)`` once for each.

    A buzzer source has ``name`` (used with ``--buzzer NAME``), ``description``,
    ``start(press)`` and ``stop()``: once started it calls ``press(key)`` (from any thread)
    with the buzzer key of a team that pressed (a contest file's team ``key``). The keyboard
    buzzer is built in; USB or serial buzzer boxes are plugins. Used by the TUI.
    """
