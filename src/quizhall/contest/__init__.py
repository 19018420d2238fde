"""The contest engine: plans, commands, events, state = fold(events), round types.

Pure Python, no screen. The public API::

    from quizhall.contest import Contest, Command, ManualClock, MemoryLog, load_contest

    loaded = load_contest("demo.contest.yaml")          # plan + questions + diagnostics
    contest = Contest.start(loaded.plan, MemoryLog(), ManualClock(),
                            questions=loaded.questions)
    outcome = contest.execute(Command("next"))          # Outcome(accepted, reason, events …)
    contest.tick()                                      # timers that ran out
    view = contest.view()                               # StateView for a host screen
    contest.ledger(team=0)                              # every point and its event
"""

from quizhall.contest.clock import Clock, ManualClock, WallClock
from quizhall.contest.commands import Command, CommandError, parse_command
from quizhall.contest.engine import Contest, Outcome, collect_round_types
from quizhall.contest.event_log import EventLog, MemoryLog
from quizhall.contest.evolve import EvolveError, LedgerEntry, Projection, evolve, fold
from quizhall.contest.hooks import (
    AnswerContext,
    Answerer,
    CommandContext,
    Note,
    PluginCommand,
    ScorePart,
    TurnContext,
)
from quizhall.contest.loader import ContestLoad, is_contest_file, load_contest
from quizhall.contest.plan import Plan, PluginUse, RoundPlan, Selection, TeamPlan
from quizhall.contest.rounds import Decision, Refused, RoundType, Setting
from quizhall.contest.state import State, Timer, open_ties, ranks, standings
from quizhall.contest.view import NextStep, StateView, TeamView

__all__ = [
    "AnswerContext", "Answerer", "Clock", "Command", "CommandContext", "CommandError",
    "Contest", "ContestLoad", "Decision", "EventLog", "EvolveError", "LedgerEntry",
    "ManualClock", "MemoryLog", "NextStep", "Note", "Outcome", "Plan", "PluginCommand",
    "PluginUse", "Projection", "Refused", "RoundPlan",
    "RoundType", "ScorePart", "Selection", "Setting", "State", "StateView", "TeamPlan",
    "TeamView", "Timer", "TurnContext", "WallClock", "collect_round_types", "evolve", "fold",
    "is_contest_file", "load_contest", "open_ties", "parse_command", "ranks", "standings",
]
