"""What plugins receive and return: the types the engine hands to hooks and gets back.

Scoring plugins get an :class:`AnswerContext` and return :class:`ScorePart` values; team
modes get a :class:`TurnContext` and return an :class:`Answerer`; plugin commands get a
:class:`CommandContext` and return a :class:`Note`. The checks at the end say whether a
returned value is what the hook promises. Calling plugins safely is
:mod:`quizhall.plugins.safecall`'s job.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, NoReturn


@dataclass(frozen=True, slots=True)
class ScorePart:
    """Points a scoring plugin adds for one answer, and why (shown in the ledger and exports).

    Parts from all scoring plugins are added up; the contest's floor is applied to the sum.
    """

    points: float
    reason: str


@dataclass(frozen=True, slots=True)
class AnswerContext:
    """One judged answer, as scoring plugins see it.

    ``verdict`` is ``right``, ``wrong``, ``partial`` or ``timeout``; ``base_points`` is what
    the round's rules give for it (``+10`` right, the wager, the host's partial points …);
    ``right_points`` is what a right answer to this question earns under the round's rules
    (the stake, else the round's points), whatever the verdict; ``elapsed`` is seconds from
    the answerer getting the question (or the buzz, or the host starting the timer) to the
    verdict; ``time_limit`` is the answering time the team had (the running timer, else the
    round's or question's limit; None when there is none); ``streak`` counts this team's right
    answers in a row before this one in the contest, ``round_streak`` in this round;
    ``question`` is the bank's :class:`~quizhall.bank.model.Question` (None when the bank is
    not loaded); ``notes`` holds what plugin commands recorded for this team on this question,
    by command name (``{"certainty": "high"}``); ``plugin_settings`` holds the settings of
    every plugin the contest enables, by plugin name.
    """

    verdict: str
    team: int
    team_name: str
    member: int | None
    round: int
    round_type: str
    settings: Mapping[str, Any]
    question_key: str | None
    question: Any
    base_points: float
    stake: float | None
    elapsed: float
    streak: int
    attempt: int
    score: float
    plugin_settings: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    right_points: float = 0.0
    time_limit: float | None = None
    round_streak: int = 0
    notes: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Answerer:
    """Who answers: a team and one of its members by seat (0-based), or None for the whole
    team (or, in ``answerer: team`` mode, a member the team picks)."""

    team: int
    member: int | None = None


@dataclass(frozen=True, slots=True)
class TurnContext:
    """A question put (or about to be put) to ``team``: team-mode plugins choose who answers,
    and may refuse a member the host names.

    ``mode`` is the round's ``answerer`` setting (``seat``, ``team`` or ``all``); ``members``
    are the team's members in seat order; ``turns`` counts the questions the team has already
    had in this round; ``last_member`` is who answered for it last (None if nobody yet);
    ``answered`` counts the answers each member (by seat) gave for the team in this round.
    """

    team: int
    mode: str
    members: tuple[str, ...]
    turns: int
    last_member: int | None
    round: int
    round_type: str
    settings: Mapping[str, Any]
    plugin_settings: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    answered: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Note:
    """What a plugin command records: a value (plain JSON data) for one team (0-based) on the
    question on screen. Scoring plugins read it in :attr:`AnswerContext.notes`."""

    team: int
    value: Any


class CommandRefused(Exception):  # noqa: N818 - a refusal is an outcome, not an error
    """A plugin command refused; ``reason`` is shown to the host (already translated)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class CommandContext:
    """A plugin command the host gave, and the contest as it stands.

    ``args`` are the words after the command's name; ``settings`` the plugin's own settings
    from the contest file; ``phase`` one of ``ready``, ``intro``, ``question``, ``closed``;
    ``answerer`` the team answering now (None if nobody); ``players`` the teams taking part in
    this question; ``notes`` what plugin commands recorded on this question, by team.
    """

    command: str
    args: tuple[str, ...]
    settings: Mapping[str, Any]
    phase: str
    round: int
    round_type: str | None
    question_key: str | None
    answerer: int | None
    players: tuple[int, ...]
    team_names: tuple[str, ...]
    notes: Mapping[int, Mapping[str, Any]] = field(default_factory=dict)

    def team(self, word: str) -> int:
        """A team's 0-based index from a 1-based number or a name; refuses an unknown one."""
        from quizhall.contest.commands import CommandError, resolve_team
        from quizhall.contest.plan import TeamPlan

        try:
            return resolve_team(word, [TeamPlan(name, (name,), "") for name in self.team_names])
        except CommandError as error:
            raise CommandRefused(str(error)) from None

    def refuse(self, reason: str) -> NoReturn:
        """Refuse the command, telling the host why."""
        raise CommandRefused(reason)


@dataclass(frozen=True, slots=True)
class PluginCommand:
    """A host command a plugin adds: ``name`` is the word the host types (``certainty``),
    ``usage`` shows its arguments, ``help`` says in a line what it does, and ``run`` turns a
    :class:`CommandContext` into a :class:`Note` (or calls ``context.refuse``)."""

    name: str
    usage: str
    help: str
    run: Callable[[CommandContext], Note]


@dataclass(frozen=True, slots=True)
class JudgeRequest:
    """A judges' round waiting for scores: ``team`` (0-based) and its name, the question on
    stage, the judges who still have to score it (names), and the allowed range."""

    team: int
    team_name: str
    question_key: str | None
    waiting: tuple[str, ...]
    min_score: float
    max_score: float


def is_judge_scores(value: Any) -> bool:
    """A dict of judge name → finite number."""
    return isinstance(value, dict) and all(
        isinstance(name, str) and is_finite_number(score) for name, score in value.items())


def is_finite_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def is_score_parts(value: Any) -> bool:
    """A ScorePart or a list/tuple of them, each with finite points and text reason."""
    items = value if isinstance(value, list | tuple) else [value]
    return all(isinstance(p, ScorePart) and is_finite_number(p.points)
               and isinstance(p.reason, str) for p in items)


def as_parts(value: Any) -> list[ScorePart]:
    return list(value) if isinstance(value, list | tuple) else [value]


def is_plain_data(value: Any) -> bool:
    """Whether a value can be recorded in an event: JSON data without NaN or infinities."""
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError, RecursionError):
        return False
    return True
