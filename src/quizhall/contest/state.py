"""The live state of a contest: what a fold of its events yields, bounded in size.

Per-team values are tuples with one entry per team, the current round and question are
indices into the plan. Collections are immutable (tuples, frozensets, dicts that are
replaced, never changed in place), so a shallow copy is a true snapshot: that is what makes
each undo and redo O(1). Only the undo and redo stacks grow with the log: one snapshot per
host action, sharing all their collections.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from quizhall.contest.plan import Plan

# Phases of a contest, in the order they usually come.
READY = "ready"          # started, no round yet
INTRO = "intro"          # a round's intro screen: rules, before its first question
QUESTION = "question"    # a question is on screen and being played
CLOSED = "closed"        # the question is over (answered, timed out or an audience question)
FINISHED = "finished"    # final ranking


@dataclass(frozen=True, slots=True)
class Timer:
    """A countdown. ``since`` is when it last started running (None while stopped);
    ``used`` is the time it ran before that. ``kind`` says what its expiry means to the round
    (``answer``: time to answer is up; ``buzz``: nobody buzzed; ``turn``: a speed turn is over).
    """

    duration: float
    kind: str
    used: float = 0.0
    since: float | None = None

    def remaining(self, now: float) -> float:
        """Seconds left at ``now`` (never below zero)."""
        running = now - self.since if self.since is not None else 0.0
        return max(0.0, self.duration - self.used - running)

    def elapsed(self, now: float) -> float:
        """Seconds the timer has run by ``now``."""
        return self.duration - self.remaining(now)

    @property
    def running(self) -> bool:
        return self.since is not None

    def expires_at(self) -> float | None:
        """When it runs out, or None while stopped."""
        return None if self.since is None else self.since + self.duration - self.used

    def stopped(self, now: float) -> Timer:
        """This timer stopped at ``now``, keeping the time it has left."""
        if self.since is None:
            return self
        return Timer(self.duration, self.kind, self.duration - self.remaining(now), None)

    def started(self, now: float) -> Timer:
        """This timer running from ``now`` on."""
        return self if self.since is not None else Timer(self.duration, self.kind, self.used, now)

    def to_dict(self, now: float) -> dict[str, Any]:
        return {"kind": self.kind, "duration": self.duration,
                "remaining": round(self.remaining(now), 3), "running": self.running}


@dataclass(slots=True, eq=True)
class State:
    """Everything the rules need to decide the next step. Read it; never change it by hand:
    only :func:`quizhall.contest.evolve.evolve` does, one event at a time."""

    plan: Plan
    seq: int = 0                                  # events folded so far
    t: float = 0.0                                # time of the last event
    phase: str = READY
    scores: tuple[float, ...] = ()
    tiebreak: tuple[float, ...] = ()              # points won in tie-break rounds (rank only)
    streaks: tuple[int, ...] = ()                 # consecutive right answers, per team
    round_streaks: tuple[int, ...] = ()           # the same, counted from this round's start
    # -- the round --
    round: int = -1
    round_teams: tuple[int, ...] = ()             # teams playing this round
    out: frozenset[int] = frozenset()             # teams eliminated in this round
    lives: tuple[int | None, ...] = ()
    offences: tuple[int, ...] = ()                # early buzzes per team in this round
    tiebreak_levels: tuple[tuple[float, ...], ...] = ()  # tie-break points per tied group
    tiebreak_group: int = 0                       # the tied group playing now (a level)
    asked: tuple[int, ...] = ()                   # questions put to each team in this round
    last_member: tuple[int | None, ...] = ()      # who last answered for each team
    answered: tuple[tuple[int, ...], ...] = ()    # answers per member of each team this round
    data: Mapping[str, Any] = field(default_factory=dict)  # the round type's own bookkeeping
    shown: int = 0                                # questions shown in this round
    wagers: Mapping[int, Any] = field(default_factory=dict)  # team → value or "pass"
    # -- the question --
    question: int = -1                            # index into the round's questions
    question_key: str | None = None
    stake: float | None = None                    # points at stake, when the round sets them
    answerer: int | None = None                   # team answering now
    member: int | None = None                     # its member (None: whole team / not named)
    chooser: int | None = None                    # risk variant: the team that assigned it
    players: tuple[int, ...] = ()                 # teams who may take part in this question
    buzz_open: bool = False
    locked: frozenset[int] = frozenset()          # lost the right to answer this question
    early: frozenset[int] = frozenset()           # teams that buzzed early on this question
    attempts: int = 0                             # failed answers to this question
    audience: bool = False                        # became an audience question (观众题)
    revealed: bool = False
    asked_t: float = 0.0                          # when the answerer got the question
    last_verdict: Mapping[str, Any] | None = None
    notes: Mapping[int, Mapping[str, Any]] = field(default_factory=dict)  # team → plugin notes
    timer: Timer | None = None
    paused: bool = False
    ended_early: bool = False
    projector: str | None = None                  # a page the host put on the projector
    # -- bookkeeping --
    ledger_len: int = 0
    action: Mapping[str, Any] | None = None       # the action an undo would take back
    undo: State | None = field(default=None, repr=False, compare=False)  # state before it
    redo: State | None = field(default=None, repr=False, compare=False)  # state undone last
    left_t: float = field(default=0.0, compare=False)  # when this snapshot stopped being live

    @classmethod
    def new(cls, plan: Plan, t: float) -> State:
        n = len(plan.teams)
        return cls(plan=plan, t=t, scores=(plan.base_score,) * n, tiebreak=(0,) * n,
                   tiebreak_levels=((),) * n,
                   streaks=(0,) * n, round_streaks=(0,) * n, lives=(None,) * n,
                   offences=(0,) * n, asked=(0,) * n, last_member=(None,) * n,
                   answered=no_answers(plan))

    def copy(self) -> State:
        """A snapshot (collections are immutable, so a shallow copy is enough)."""
        return copy.copy(self)

    @property
    def team_count(self) -> int:
        return len(self.plan.teams)

    @property
    def round_plan(self) -> Any:
        """The current :class:`~quizhall.contest.plan.RoundPlan`, or None."""
        return self.plan.rounds[self.round] if 0 <= self.round < len(self.plan.rounds) else None

    def active_teams(self) -> tuple[int, ...]:
        """Teams playing this round and not eliminated from it."""
        return tuple(team for team in self.round_teams if team not in self.out)

    @property
    def clock_held(self) -> bool:
        """A clock stopped without a pause (brought back by undo or redo): the host resumes it."""
        return self.timer is not None and not self.timer.running and not self.paused

    def may_buzz(self) -> tuple[int, ...]:
        """Teams that may still buzz on this question."""
        players = self.players or self.active_teams()
        return tuple(team for team in players if team not in self.locked and team not in self.out)


def no_answers(plan: Plan) -> tuple[tuple[int, ...], ...]:
    """No member of any team has answered yet (:attr:`State.answered` at a round's start)."""
    return tuple((0,) * len(team.members) for team in plan.teams)


def replace_at(values: Sequence[Any], index: int, value: Any) -> tuple[Any, ...]:
    """A tuple like ``values`` with ``values[index]`` replaced."""
    items = list(values)
    items[index] = value
    return tuple(items)


# -- standings --------------------------------------------------------------------------------

TiebreakPoints = float | Sequence[float]


def _levels(value: TiebreakPoints) -> tuple[float, ...]:
    return tuple(value) if isinstance(value, Sequence) else (float(value),)


def _keys(scores: Sequence[float], tiebreak: Sequence[TiebreakPoints]
          ) -> list[tuple[float, tuple[float, ...]]]:
    """Each team's ranking key: its score, then its tie-break points group by group."""
    levels = [_levels(value) for value in tiebreak]
    width = max((len(value) for value in levels), default=0)
    return [(scores[i], levels[i] + (0.0,) * (width - len(levels[i])))
            for i in range(len(scores))]


def standings(scores: Sequence[float],
              tiebreak: Sequence[TiebreakPoints]) -> list[tuple[int, int]]:
    """(team, rank) pairs, best first: competition ranking by score, then tie-break points.

    ``tiebreak`` gives each team's points, or its points in each tied group played (levels,
    in the order the groups played): a group's points only separate teams the earlier
    groups left equal, so a place once decided stays decided. Equal teams share a rank
    (1, 2, 2, 4) and keep team order among themselves.
    """
    keys = _keys(scores, tiebreak)
    order = sorted(range(len(scores)),
                   key=lambda i: (-keys[i][0], tuple(-x for x in keys[i][1]), i))
    result: list[tuple[int, int]] = []
    for position, team in enumerate(order):
        if position and keys[team] == keys[order[position - 1]]:
            rank = result[-1][1]
        else:
            rank = position + 1
        result.append((team, rank))
    return result


def ranks(scores: Sequence[float], tiebreak: Sequence[TiebreakPoints]) -> tuple[int, ...]:
    """Each team's rank, in team order."""
    by_team = dict(standings(scores, tiebreak))
    return tuple(by_team[i] for i in range(len(scores)))


def open_ties(scores: Sequence[float], tiebreak: Sequence[TiebreakPoints],
              prizes: Sequence[int]) -> list[tuple[int, ...]]:
    """Groups of tied teams whose places straddle a prize boundary, best group first.

    ``prizes`` lists the ranks that matter (``[1, 2, 3]``): a boundary lies after each.
    Teams tied for places 2–3 with prizes ``[1, 2, 3]`` must be separated; teams tied for
    places 4–5 need not.
    """
    ordered = standings(scores, tiebreak)
    groups: list[tuple[int, ...]] = []
    position = 0
    while position < len(ordered):
        end = position
        while end + 1 < len(ordered) and ordered[end + 1][1] == ordered[position][1]:
            end += 1
        first, last = position + 1, end + 1  # places, 1-based
        if last > first and any(first <= b < last for b in prizes):
            groups.append(tuple(team for team, _ in ordered[position:end + 1]))
        position = end + 1
    return groups
