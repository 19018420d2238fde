"""The contest engine: decide what a command means, record it as events, fold them.

:class:`Contest` validates each :class:`~quizhall.contest.commands.Command` against the live
state (asking the round type and the plugins), and records the resulting events in the log
before applying them with :func:`~quizhall.contest.evolve.evolve`. A refused command records
nothing and changes nothing. :meth:`Contest.tick` fires the events timers are due to cause.
"""

from __future__ import annotations

import copy
import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pluggy

from quizhall.contest.clock import Clock
from quizhall.contest.commands import COMMAND_NAMES, Command, parse_command
from quizhall.contest.event_log import EventLog
from quizhall.contest.events import definition, is_action
from quizhall.contest.events import register as register_event_type
from quizhall.contest.evolve import (
    PROJECTOR_PAGES,
    EvolveError,
    LedgerEntry,
    Projection,
)
from quizhall.contest.hooks import (
    AnswerContext,
    Answerer,
    CommandContext,
    CommandRefused,
    JudgeRequest,
    Note,
    PluginCommand,
    TurnContext,
    as_parts,
    is_judge_scores,
    is_plain_data,
    is_score_parts,
)
from quizhall.contest.plan import MAX_SCORE, Plan, PluginUse
from quizhall.contest.rounds import Decision, Event, Refused, RoundType
from quizhall.contest.state import CLOSED, FINISHED, INTRO, QUESTION, READY, State
from quizhall.i18n import t
from quizhall.plugins import PLUGIN_ERRORS, is_builtin, plugin_key
from quizhall.plugins.registry import gather
from quizhall.plugins.safecall import (
    call_each,
    call_first,
    call_guarded,
    implementations,
)

if TYPE_CHECKING:
    from quizhall.contest.available import Available

MAX_DUE_EVENTS = 64  # a safety bound for one tick


@dataclass(slots=True)
class Outcome:
    """What became of a command: accepted or refused (with a translated ``reason``), the
    events recorded, warnings (e.g. a plugin that failed), and ``due``: events the clock
    fired just before the command (a timer that had run out)."""

    accepted: bool
    reason: str | None = None
    events: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    due: list[dict] = field(default_factory=list)


def collect_round_types(pm: pluggy.PluginManager, warnings: list[str] | None = None,
                        owners: dict[str, str] | None = None) -> dict[str, type[RoundType]]:
    """The round types plugins register, by name; bad registrations become warnings.

    ``owners``, when given, receives the registering plugin's name for each type.
    """
    warnings = [] if warnings is None else warnings
    found = gather(pm, "quizhall_register_round_types", _is_round_type, "RoundType subclass",
                   lambda item: item.name, "contest.round_type_twice", warnings)
    kept: dict[str, type[RoundType]] = {}
    for name, (plugin, item) in found.items():
        if clash := _register_event_types(item):
            warnings.append(t("contest.event_type_twice", name=clash, type=name, plugin=plugin))
            continue
        kept[name] = item
        if owners is not None:
            owners[name] = plugin
    return kept


def _is_round_type(value: Any) -> bool:
    return isinstance(value, type) and issubclass(value, RoundType) and bool(value.name)


def _register_event_types(round_type: type[RoundType]) -> str | None:
    """Register a round type's own event types; the name of one already defined otherwise
    (then none are registered), or None."""
    own = tuple(round_type.EVENT_TYPES)
    for each in own:
        found = definition(each.name)
        if found is not None and found is not each:
            return each.name
    for each in own:
        register_event_type(each)
    return None


def _is_command(value: Any) -> bool:
    return (isinstance(value, PluginCommand) and isinstance(value.name, str)
            and value.name.isidentifier() and value.name == value.name.lower()
            and callable(value.run))


def _plain_json(event: Mapping[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(event, ensure_ascii=False, allow_nan=False))


class Contest:
    """A running contest over an event log.

    Use :meth:`start` for a new contest and :meth:`resume` to continue a log. ``questions``
    maps question keys (``bank-id/question-id``) to bank questions; without it the contest
    still runs (scores, turns, timers) but cannot show question texts.

    Plugins that decide the outcome (scoring, team modes, commands) are called only when they
    are built in or the plan's ``plugins`` names them (for the rounds it allows), each with
    its own settings. ``stopwatch`` times every plugin call, to name the slow ones.
    """

    def __init__(self, log: EventLog, clock: Clock, pm: pluggy.PluginManager | None = None,
                 questions: Mapping[str, Any] | None = None,
                 stopwatch: Callable[[], float] | None = None) -> None:
        if pm is None:
            from quizhall.plugins import get_plugin_manager

            pm = get_plugin_manager()
        self.log = log
        self.clock = clock
        self.pm = pm
        self._questions: Mapping[str, Any] = questions or {}
        self.projection = Projection()
        self.load_warnings: list[str] = []
        self.round_type_owners: dict[str, str] = {}
        self.round_types = collect_round_types(pm, self.load_warnings, self.round_type_owners)
        self._rounds: dict[int, RoundType | None] = {}
        self._commands: dict[str, tuple[str, PluginCommand]] | None = None
        self.stopwatch: Callable[[], float] = stopwatch or time.perf_counter

    # -- opening ------------------------------------------------------------------------
    @classmethod
    def start(cls, plan: Plan, log: EventLog, clock: Clock,
              pm: pluggy.PluginManager | None = None,
              questions: Mapping[str, Any] | None = None,
              stopwatch: Callable[[], float] | None = None) -> Contest:
        """Begin a new contest on an empty log (a log that holds events is refused)."""
        if log.read():
            raise EvolveError("a new contest needs an empty log")
        contest = cls(log, clock, pm, questions, stopwatch)
        contest._record([{"type": "contest_started", "plan": plan.to_dict()}], clock.now(), [])
        contest._check_plugins()
        return contest

    @classmethod
    def resume(cls, log: EventLog, clock: Clock, pm: pluggy.PluginManager | None = None,
               questions: Mapping[str, Any] | None = None) -> Contest:
        """Continue a contest from its log (after a crash or a stop).

        Records ``contest_resumed`` unless the contest is finished: the time since the last
        event counts as paused, so a running timer goes on with the time it had then.
        """
        contest = cls(log, clock, pm, questions)
        for event in log.read():
            contest.projection.apply(event)
        # The store's log says what it set aside on opening (a torn last record): the host
        # must hear of it with the plugin warnings.
        contest.load_warnings.extend(getattr(log, "recovered", ()))
        state = contest.projection.state
        if state is None:
            raise EvolveError("the log holds no contest")
        if state.phase != FINISHED:
            now = max(clock.now(), state.t)
            contest._record([{"type": "contest_resumed", "gap": round(now - state.t, 3)}],
                            now, [])
        contest._check_plugins()
        return contest

    @classmethod
    def replay(cls, events: list[dict], clock: Clock, pm: pluggy.PluginManager | None = None,
               questions: Mapping[str, Any] | None = None) -> Contest:
        """A read-only contest folded from recorded events (results, exports, a projector).

        Nothing is appended: it has no log to write to.
        """
        from quizhall.contest.event_log import MemoryLog

        contest = cls(MemoryLog(), clock, pm, questions)
        for event in events:
            contest.projection.apply(event)
        if contest.projection.state is None:
            raise EvolveError("the log holds no contest")
        return contest

    # -- reading ------------------------------------------------------------------------
    @property
    def state(self) -> State:
        """The live state (read it; never change it)."""
        assert self.projection.state is not None
        return self.projection.state

    @property
    def plan(self) -> Plan:
        return self.state.plan

    def question(self, key: str | None) -> Any:
        """The bank question for a key, or None."""
        return self._questions.get(key) if key else None

    def ledger(self, team: int | None = None) -> list[LedgerEntry]:
        """Score changes in effect (undone ones left out), oldest first."""
        return self.projection.entries(team)

    def round_type(self, index: int) -> RoundType | None:
        """The round type object for a round of the plan (None if no plugin provides it)."""
        if index not in self._rounds:
            plan = self.plan.rounds[index]
            cls = self.round_types.get(plan.type)
            self._rounds[index] = cls(plan.settings) if cls else None
        return self._rounds[index]

    def view(self, now: float | None = None) -> Any:
        """A read-only :class:`~quizhall.contest.view.StateView` for screens and exports."""
        from quizhall.contest.view import build_view

        return build_view(self, self.clock.now() if now is None else now)

    def available_commands(self) -> dict[str, Available]:
        """The built-in host commands the rules accept now, with the teams they may name
        (see :func:`quizhall.contest.available.available_commands`)."""
        from quizhall.contest.available import available_commands

        return available_commands(self)

    # -- acting -------------------------------------------------------------------------
    def parse(self, line: str) -> Command:
        """A host command from its text form (``adjust 2 -10 jury``, ``certainty 1 high``).

        Teams are named as in :func:`~quizhall.contest.commands.parse_command`, and the
        commands this contest's plugins add are known. Raises
        :class:`~quizhall.contest.commands.CommandError` with a translated reason.
        """
        return parse_command(line, self.plan.teams, self.plugin_commands())

    def execute(self, command: Command) -> Outcome:
        """Carry out one host command (after firing any timer that has run out)."""
        due = self.tick()
        warnings = list(due.warnings)
        now = max(self.clock.now(), self.state.t)
        decision = Decision(self, self.state, now, warnings=warnings)
        try:
            events = self._decide(decision, command)
            recorded = self._record(events, now, warnings)
        except Refused as refusal:
            return Outcome(False, refusal.reason, [], warnings, due.events)
        except PLUGIN_ERRORS as exc:
            plugin = self.blame(exc, command.name == "next")
            if plugin is None:
                raise
            warnings.append(self.round_type_failed(plugin, exc))
            return Outcome(False, t("contest.refused.plugin_failed", plugin=plugin), [],
                           warnings, due.events)
        return Outcome(True, None, recorded, warnings, due.events)

    def tick(self) -> Outcome:
        """Record what running timers are due to cause by now, stamped when they ran out."""
        now = self.clock.now()
        recorded: list[dict] = []
        warnings: list[str] = []
        for _ in range(MAX_DUE_EVENTS):
            state = self.state
            timer = state.timer
            if timer is None or state.paused or state.phase == FINISHED:
                break
            at = timer.expires_at()
            if at is None or at > now:
                break
            round_type = self.round_type(state.round) if state.round >= 0 else None
            if round_type is None:
                break
            decision = Decision(self, state, max(at, state.t), warnings=warnings)
            try:
                events = round_type.expire(decision, timer.kind)
                if not events:
                    break
                recorded.extend(self._record(events, max(at, state.t), warnings))
            except Refused:
                break
            except PLUGIN_ERRORS as exc:
                plugin = self.blame(exc)
                if plugin is None:
                    raise
                warnings.append(self.round_type_failed(plugin, exc))
                break
        return Outcome(True, None, recorded, warnings)

    def preview(self, command: Command) -> tuple[list[dict], str | None]:
        """The events a command would record now, or its refusal reason; records nothing."""
        decision = Decision(self, self.state, max(self.clock.now(), self.state.t), warnings=[])
        try:
            return self._decide(decision, command), None
        except Refused as refusal:
            return [], refusal.reason
        except PLUGIN_ERRORS as exc:
            plugin = self.blame(exc, command.name == "next")
            if plugin is None:
                raise
            return [], t("contest.refused.plugin_failed", plugin=plugin)

    # -- plugin round types that fail ---------------------------------------------------------
    def blame(self, exc: BaseException, next_round: bool = False) -> str | None:
        """The third-party plugin behind a failure, or None (a built-in's failure is a bug
        and propagates): a plugin round type's code on the traceback, or, for events the
        engine cannot apply, the plugin round type that made them."""
        modules = {cls.__module__: self.round_type_owners[name]
                   for name, cls in self.round_types.items()
                   if not is_builtin(self.round_type_owners.get(name, ""))}
        frame = exc.__traceback__
        while frame is not None:
            owner = modules.get(frame.tb_frame.f_globals.get("__name__", ""))
            if owner is not None:
                return owner
            frame = frame.tb_next
        if isinstance(exc, EvolveError) and self.projection.state is not None:
            state = self.state
            for index in (state.round, state.round + 1) if next_round else (state.round,):
                if 0 <= index < len(state.plan.rounds):
                    owner = self.round_type_owners.get(state.plan.rounds[index].type)
                    if owner is not None and not is_builtin(owner):
                        return owner
        return None

    def round_type_failed(self, plugin: str, exc: BaseException) -> str:
        """The warning naming a plugin round type that failed."""
        return t("contest.plugin_raised", plugin=plugin, hook="quizhall_register_round_types",
                 error=f"{type(exc).__name__}: {exc}")

    # -- which plugins take part ----------------------------------------------------------
    def plugin_uses(self) -> dict[str, PluginUse]:
        """The plugins the contest's plan enables, by name (see :class:`PluginUse`)."""
        return {use.name: use for use in self.plan.plugins}

    def _check_plugins(self) -> None:
        """Warn about plugins the plan lists that are not loaded: their rules cannot apply."""
        loaded = {plugin_key(name) for name, plugin in self.pm.list_name_plugin()
                  if plugin is not None}
        for use in self.plan.plugins:
            if use.name not in loaded:
                self.load_warnings.append(t("contest.plugin_not_loaded", name=use.name))

    def _selector(self, round_index: int, round_type: str | None) -> Callable[[str], bool]:
        uses = self.plugin_uses()

        def select(registered: str) -> bool:
            if is_builtin(registered):
                return True
            use = uses.get(plugin_key(registered))
            return use is not None and (round_index < 0 or use.applies(round_index,
                                                                       round_type))
        return select

    def _own_settings(self, missing: Any = None) -> Callable[[str], dict[str, Any]]:
        """``settings`` for each plugin: a private copy of its entry's, or ``missing``."""
        uses = self.plugin_uses()

        def settings(registered: str) -> dict[str, Any]:
            if is_builtin(registered):
                return {"settings": {}}
            use = uses.get(plugin_key(registered))
            return {"settings": copy.deepcopy(dict(use.settings)) if use else missing}
        return settings

    # -- services for round types ---------------------------------------------------------
    def score(self, d: Decision, team: int, verdict: str, base: float, member: int | None,
              tiebreak: bool) -> dict[str, Any]:
        state = d.state
        plan = state.plan
        elapsed = (state.timer.elapsed(d.now) if state.timer is not None
                   else max(0.0, d.now - state.asked_t))
        limit = (state.timer.duration if state.timer is not None
                 else d.time_limit(state.question_key))
        right = (float(state.stake) if state.stake is not None
                 else d.question_points(state.question_key))
        context = AnswerContext(
            verdict=verdict, team=team, team_name=plan.teams[team].name, member=member,
            round=d.round_index, round_type=d.round.type, settings=dict(d.settings),
            question_key=state.question_key, question=self.question(state.question_key),
            base_points=float(base), stake=state.stake, elapsed=round(elapsed, 3),
            streak=state.streaks[team], attempt=state.attempts + 1, score=state.scores[team],
            plugin_settings=plan.plugin_settings(), right_points=right, time_limit=limit,
            round_streak=state.round_streaks[team],
            notes=copy.deepcopy(dict(state.notes.get(team, {}))))
        results = call_each(self.pm, "quizhall_score_answer", is_score_parts, "ScorePart",
                            d.warnings, select=self._selector(d.round_index, d.round.type),
                            per_plugin=self._own_settings(), stopwatch=self.stopwatch,
                            answer=context)
        parts: list[dict[str, Any]] = []
        total = 0.0
        for name, result in results:
            given: list[dict[str, Any]] = [
                {"points": float(part.points), "reason": part.reason, "plugin": plugin_key(name)}
                for part in as_parts(result)]
            points = sum(p["points"] for p in given)
            if not is_builtin(name) and not abs(state.scores[team] + total + points) <= MAX_SCORE:
                # Named here, or the engine would refuse every judgement without a culprit.
                d.warnings.append(t("contest.plugin_score_out_of_range", plugin=name,
                                    hook="quizhall_score_answer", points=f"{points:.15g}",
                                    limit=f"{MAX_SCORE:,}"))
                continue
            parts.extend(given)
            total += points
        if plan.floor is not None and not tiebreak and total < 0:
            applied = max(total, min(0.0, plan.floor - state.scores[team]))
            if applied != total:
                parts.append({"points": applied - total,
                              "reason": t("contest.floor_reason", floor=plan.floor),
                              "plugin": "floor"})
                total = applied
        return {"points": total, "base": float(base), "parts": parts,
                **({"tiebreak": True} if tiebreak else {})}

    def _turn(self, d: Decision, team: int, mode: str) -> TurnContext:
        state = d.state
        return TurnContext(team=team, mode=mode, members=state.plan.teams[team].members,
                           turns=state.asked[team], last_member=state.last_member[team],
                           round=d.round_index, round_type=d.round.type, settings=d.settings,
                           plugin_settings=state.plan.plugin_settings(),
                           answered=state.answered[team])

    def answerer(self, d: Decision, team: int, mode: str) -> tuple[int, int | None]:
        members = d.state.plan.teams[team].members
        context = self._turn(d, team, mode)

        def valid(value: Any) -> bool:
            return (isinstance(value, Answerer) and value.team == team
                    and (value.member is None
                         or (isinstance(value.member, int) and 0 <= value.member < len(members))))

        found = call_first(self.pm, "quizhall_choose_answerer", valid, "Answerer", d.warnings,
                           select=self._selector(d.round_index, d.round.type),
                           per_plugin=self._own_settings(), stopwatch=self.stopwatch,
                           turn=context)
        return (team, found[1].member) if found else (team, None)

    def check_answerer(self, d: Decision, member: int | None) -> None:
        """Ask the team modes whether ``member`` (None: nobody named) may answer for the team
        answering now; the first refusal refuses the command."""
        team = d.state.answerer
        if team is None:  # nobody is answering: there is no team mode to ask
            return
        context = self._turn(d, team, d.settings.get("answerer", "all"))
        found = call_first(self.pm, "quizhall_check_answerer",
                           lambda value: isinstance(value, str) and bool(value.strip()), "str",
                           d.warnings, select=self._selector(d.round_index, d.round.type),
                           per_plugin=self._own_settings(), stopwatch=self.stopwatch,
                           turn=context, member=member)
        if found:
            raise Refused(found[1])

    # -- judges' scores from plugins ----------------------------------------------------------
    def plugin_judge_scores(self) -> tuple[list[tuple[str, Command]], list[str]]:
        """The scores enabled plugins give (``quizhall_judge_scores``) for the judges still
        to score the team on stage, as (plugin, ``mark`` command) for the host to execute,
        and the warnings calling them gave; nothing when no judges' round waits."""
        state = self.state
        if state.phase != QUESTION or state.round < 0 or state.answerer is None:
            return [], []
        select = self._selector(state.round, state.plan.rounds[state.round].type)
        if not implementations(self.pm, "quizhall_judge_scores", select):
            return [], []
        view = self.view()
        facts = view.details if isinstance(view.details, dict) else {}
        waiting = tuple(str(name) for name in facts.get("waiting") or ())
        if not waiting:
            return [], []
        team = state.answerer
        request = JudgeRequest(team=team, team_name=state.plan.teams[team].name,
                               question_key=state.question_key, waiting=waiting,
                               min_score=float(facts.get("min_score", 0)),
                               max_score=float(facts.get("max_score", 10)))
        warnings: list[str] = []
        found = call_each(self.pm, "quizhall_judge_scores", is_judge_scores,
                          "dict of judge name → score", warnings,
                          select=select, per_plugin=self._own_settings(), stopwatch=self.stopwatch,
                          request=request)
        commands = [(plugin, Command("mark", points=float(score), args=(name,)))
                    for plugin, scores in found for name, score in scores.items()]
        return commands, warnings

    # -- plugin commands --------------------------------------------------------------------
    def plugin_commands(self) -> dict[str, PluginCommand]:
        """The commands the contest's enabled plugins add, by name."""
        if self._commands is None:
            self._commands = self._collect_commands()
        return {name: command for name, (_, command) in self._commands.items()}

    def _collect_commands(self) -> dict[str, tuple[str, PluginCommand]]:
        return gather(self.pm, "quizhall_register_commands", _is_command, "PluginCommand",
                      lambda item: item.name, "contest.command_twice", self.load_warnings,
                      reserved=COMMAND_NAMES, select=self._selector(-1, None),
                      stopwatch=self.stopwatch)

    def _plugin_command(self, d: Decision, command: Command) -> list[Event]:
        assert self._commands is not None
        registered, spec = self._commands[command.name]
        state = d.state
        round_type = state.plan.rounds[state.round].type if state.round >= 0 else None
        if not self._selector(state.round, round_type)(registered):
            d.refuse("contest.refused.plugin_not_in_round", name=command.name,
                     round=state.round + 1)
        context = CommandContext(
            command=command.name, args=tuple(command.args),
            settings=self._own_settings({})(registered)["settings"], phase=state.phase,
            round=state.round, round_type=round_type,
            question_key=state.question_key if state.phase in (QUESTION, CLOSED) else None,
            answerer=state.answerer, players=tuple(state.players or state.active_teams()),
            team_names=tuple(team.name for team in state.plan.teams),
            notes=copy.deepcopy({team: dict(notes) for team, notes in state.notes.items()}))
        hook = f"{command.name} (quizhall_register_commands)"
        try:
            ok, note = call_guarded(registered, hook, spec.run, (context,), d.warnings,
                                    self.stopwatch, passthrough=(CommandRefused,))
        except CommandRefused as refusal:
            raise Refused(refusal.reason) from None
        if not ok:
            d.refuse("contest.refused.plugin_failed", plugin=registered)
        if not (isinstance(note, Note) and isinstance(note.team, int)
                and not isinstance(note.team, bool) and 0 <= note.team < state.team_count
                and is_plain_data(note.value)):
            d.warnings.append(t("contest.plugin_bad_result", plugin=registered, hook=hook,
                                expected="Note", got=repr(note)[:60]))
            d.refuse("contest.refused.plugin_failed", plugin=registered)
        return [{"type": "note_recorded", "command": command.name,
                 "plugin": plugin_key(registered), "team": note.team,
                 "value": copy.deepcopy(note.value)}]

    # -- deciding -----------------------------------------------------------------------
    def _decide(self, d: Decision, command: Command) -> list[Event]:
        state = d.state
        name = command.name
        if name == "undo":
            if state.undo is None or state.action is None:
                d.refuse("contest.refused.nothing_to_undo")
            return [{"type": "undo", "undone": state.action["seq"]}]
        if name == "redo":
            if state.redo is None or state.redo.action is None:
                d.refuse("contest.refused.nothing_to_redo")
            return [{"type": "redo", "redone": state.redo.action["seq"]}]
        if name == "project":
            return self._project(d, command.value)
        if state.phase == FINISHED:
            d.refuse("contest.refused.finished")
        if name == "pause":
            if state.paused:
                d.refuse("contest.refused.already_paused")
            return [{"type": "paused"}]
        if name == "resume":
            if not state.paused and not state.clock_held:
                d.refuse("contest.refused.not_paused")
            return [{"type": "resumed"}]
        if name == "adjust":
            self._check_team(d, command.team)
            if not command.points:
                d.refuse("contest.refused.adjust_zero")
            if not command.reason.strip():
                d.refuse("contest.refused.adjust_reason")
            return [{"type": "score_adjusted", "team": command.team,
                     "points": float(command.points or 0), "reason": command.reason.strip()}]
        if name == "end":
            return [{"type": "contest_finished", "early": True}]
        if name == "next":
            return self._next(d)
        if name not in COMMAND_NAMES and name in self.plugin_commands():
            return self._plugin_command(d, command)
        if name == "reveal":
            if state.phase != CLOSED or state.question_key is None:
                d.refuse("contest.refused.reveal_not_closed")
            if state.revealed:
                d.refuse("contest.refused.already_revealed")
            return [{"type": "answer_revealed"}]
        if state.phase not in (INTRO, QUESTION, CLOSED):
            d.refuse("contest.refused.no_round")
        round_type = self._current_round_type(d)
        if name == "open":
            if state.paused:
                d.refuse("contest.refused.paused")
            return round_type.open(d)
        if name == "buzz":
            self._check_team(d, command.team)
            if state.paused:
                d.refuse("contest.refused.paused")
            return round_type.buzz(d, int(command.team))  # type: ignore[arg-type]
        if name == "shout":
            self._check_team(d, command.team)
            return round_type.shout(d, int(command.team))  # type: ignore[arg-type]
        if name in ("right", "wrong", "partial") and state.answerer is not None \
                and state.member is None:
            self.check_answerer(d, None)
        if name in ("right", "wrong"):
            return round_type.judge(d, name, None)
        if name == "partial":
            return round_type.judge(d, "partial", command.points)
        if name == "timeout":
            return round_type.timeout(d)
        if name == "wager":
            self._check_team(d, command.team)
            value = command.value
            if value is None:
                d.refuse("contest.refused.wager_value")
            return round_type.wager(d, int(command.team), value)  # type: ignore[arg-type]
        if name == "assign":
            self._check_team(d, command.team)
            return round_type.assign(d, int(command.team))  # type: ignore[arg-type]
        if name == "pass":
            return round_type.skip(d)
        if name == "pick":
            return round_type.pick(d, command.args[0], float(command.points or 0))
        if name == "mark":
            return round_type.mark(d, command.args[0], float(command.points or 0))
        if name == "member":
            member = self._member(d, command.member)
            events = round_type.name_member(d, member)
            self.check_answerer(d, member)
            return events
        d.refuse("contest.refused.unknown_command", name=name)

    def _project(self, d: Decision, page: Any) -> list[Event]:
        """Put a page on the projector (or take it off: ``off``); scores are untouched."""
        state = d.state
        wanted = None if page == "off" else page
        if wanted is not None and wanted not in PROJECTOR_PAGES:
            d.refuse("contest.refused.projector_page", page=page,
                     pages=" ".join((*PROJECTOR_PAGES, "off")))
        if wanted == "round" and state.round < 0:
            d.refuse("contest.refused.projector_no_round")
        if wanted == "podium" and state.phase != FINISHED:
            d.refuse("contest.refused.projector_no_podium")
        if wanted == state.projector:
            d.refuse("contest.refused.projector_same")
        return [{"type": "projector_page", "page": wanted}]

    def _current_round_type(self, d: Decision) -> RoundType:
        round_type = self.round_type(d.state.round)
        if round_type is None:
            d.refuse("contest.refused.round_type_missing", type=d.round.type)
        return round_type

    def _check_team(self, d: Decision, team: int | None) -> None:
        if team is None or not 0 <= team < d.state.team_count:
            d.refuse("contest.refused.no_such_team")

    def _member(self, d: Decision, member: int | str | None) -> int:
        state = d.state
        if state.answerer is None:
            d.refuse("contest.refused.nobody_answering")
        members = state.plan.teams[state.answerer].members
        if isinstance(member, int) and 0 <= member < len(members):
            return member
        if isinstance(member, str):
            for index, name in enumerate(members):
                if name.casefold() == member.casefold():
                    return index
        d.refuse("contest.refused.no_such_member", team=d.team_name(state.answerer))

    def _next(self, d: Decision) -> list[Event]:
        state = d.state
        if state.phase == READY:
            return self._start_round(d, 0)
        if state.phase == QUESTION:
            d.refuse("contest.refused.question_open")
        round_type = self._current_round_type(d)
        events = round_type.next_question(d)
        if events is not None:
            return events
        return [{"type": "round_ended", "round": state.round},
                *self._start_round(d, state.round + 1)]

    def _start_round(self, d: Decision, first: int) -> list[Event]:
        rounds = d.state.plan.rounds
        for index in range(first, len(rounds)):
            round_type = self.round_type(index)
            if round_type is None:
                d.refuse("contest.refused.round_type_missing", type=rounds[index].type)
            fields = round_type.start(Decision(self, d.state, d.now, index, d.warnings))
            if fields is not None:
                return [{"type": "round_started", "round": index, **fields}]
        return [{"type": "contest_finished", "early": False}]

    def record_audience(self, events: list[Event]) -> list[dict]:
        """Record what the audience did (:data:`~quizhall.contest.audience.AUDIENCE_EVENTS`),
        stamped now; returns the events once they are durable.

        No host command decides these, and they change no team's state, so there is nothing
        to refuse or roll back: they are written first (in one append when the log offers
        ``append_many``, so a burst of answers costs one disk sync), then folded.
        """
        from quizhall.contest.audience import AUDIENCE_EVENTS

        if any(event.get("type") not in AUDIENCE_EVENTS for event in events):
            raise ValueError("record_audience takes audience events only")
        now = max(self.clock.now(), self.state.t)
        stamped = [_plain_json({"type": event["type"], "t": now,
                                **{k: v for k, v in event.items() if k not in ("type", "t")}})
                   for event in events]
        append_many = getattr(self.log, "append_many", None)
        if append_many is not None:
            append_many(stamped)
        else:
            for item in stamped:
                self.log.append(item)
        for item in stamped:
            self.projection.apply(item)
        return stamped

    # -- recording ----------------------------------------------------------------------
    def _record(self, events: list[Event], at: float, warnings: list[str]) -> list[dict]:
        """Apply events to the state, then append them to the log; all or none applied."""
        if not events:
            return []
        stamped: list[dict] = []
        action_started = False
        for event in events:
            item = {"type": event["type"], "t": at,
                    **{k: v for k, v in event.items() if k not in ("type", "t")}}
            if is_action(event["type"]):
                if action_started:
                    item["cont"] = True
                action_started = True
            stamped.append(_plain_json(item))
        projection = self.projection
        before = projection.state.copy() if projection.state is not None else None
        dead = list(projection.ledger[before.ledger_len:]) if before is not None else []
        count = projection.events

        def restore(applied: list[dict]) -> None:
            projection.state = before
            projection.events = count
            if before is not None:
                del projection.ledger[before.ledger_len:]
                projection.ledger.extend(dead)
            for item in applied:
                projection.apply(item)

        observed = bool(self.pm.hook.quizhall_event_recorded.get_hookimpls())
        views: list[Any] = []
        try:
            for item in stamped:
                _check_fields(item)
                projection.apply(item)
                if observed:
                    views.append(self.view(at))
        except (EvolveError, KeyError, TypeError, ValueError) as exc:
            restore([])
            raise EvolveError(f"engine produced an event it cannot apply: {exc}") from exc
        if before is not None and projection.state is not None and any(
                new != old and not abs(new) <= MAX_SCORE
                for new, old in zip(projection.state.scores, before.scores, strict=False)):
            restore([])
            raise Refused(t("contest.refused.score_out_of_range", limit=f"{MAX_SCORE:,}"))
        appended: list[dict] = []
        try:
            for item in stamped:
                self.log.append(item)
                appended.append(item)
        except BaseException:
            restore(appended)
            raise
        for item, view in zip(stamped, views, strict=False):
            call_each(self.pm, "quizhall_event_recorded", lambda _: True, "None", warnings,
                      per_plugin=self._own_settings(None), stopwatch=self.stopwatch,
                      event=copy.deepcopy(item), state=view)
        return stamped


def _check_fields(event: Mapping[str, Any]) -> None:
    """Raise EvolveError when ``event``'s fields do not match its type's definition."""
    found = definition(str(event.get("type")))
    problems = [f"unknown type {event.get('type')!r}"] if found is None else \
        found.check(event)
    if problems:
        raise EvolveError("; ".join(problems))
