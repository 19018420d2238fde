"""The round-type API: settings declarations, the decision context, and the base class.

A round type turns host commands into events for its kind of round. It never changes the
state itself: it reads the :class:`Decision` it is given and returns event dicts (without
``t``; the engine stamps them), or refuses with a reason through :meth:`Decision.refuse`.
Built-in types live in :mod:`quizhall.rules`; plugins register more through
``quizhall_register_round_types``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, NoReturn

from yaml.nodes import Node

from quizhall.bank.model import plain_number
from quizhall.i18n import t

if TYPE_CHECKING:
    from quizhall.contest.events import EventType
    from quizhall.contest.plan import RoundPlan, Selection
    from quizhall.contest.state import State
    from quizhall.yamlsource import NodeReader

Event = dict[str, Any]


class Refused(Exception):  # noqa: N818 - a refusal is an outcome, not an error
    """A command the rules do not allow now; ``reason`` is a translated message."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Setting:
    """One setting of a round type, as a contest file gives it.

    ``kind``: ``points`` (a number, negative allowed, or the word ``question``: the question's
    own points), ``number``, ``seconds`` (a positive number; null turns the limit off),
    ``count`` (a whole number ≥ ``low``), ``boolean``, ``choice`` (one of ``choices``),
    ``values`` (a list of positive numbers), ``texts`` (a list of texts), or ``custom``
    (read by ``read``). ``points``, ``number`` and ``values`` lie within ±``MAX_SCORE``
    (:mod:`quizhall.contest.plan`). ``help`` is an i18n key describing it (docs and ``check``).
    """

    kind: str
    default: Any
    help: str
    choices: tuple[str, ...] = ()
    low: float | None = None
    nullable: bool = False
    read: Callable[[NodeReader, Node, str], Any] | None = None


class Decision:
    """What a round type sees while deciding: the state, the time, and engine services.

    The engine builds one per command. ``state`` must be treated as read-only.
    """

    def __init__(self, engine: Any, state: State, now: float, round_index: int | None = None,
                 warnings: list[str] | None = None) -> None:
        self._engine = engine
        self.state = state
        self.now = now
        self.round_index = state.round if round_index is None else round_index
        self.warnings: list[str] = [] if warnings is None else warnings

    @property
    def round(self) -> RoundPlan:
        return self.state.plan.rounds[self.round_index]

    @property
    def settings(self) -> Mapping[str, Any]:
        return self.round.settings

    @property
    def teams(self) -> int:
        return self.state.team_count

    def team_name(self, team: int) -> str:
        return self.state.plan.teams[team].name

    def refuse(self, key: str, **values: Any) -> NoReturn:
        """Refuse the command with the message ``key``."""
        raise Refused(t(key, **values))

    def question(self, key: str | None) -> Any:
        """The bank question for a key, or None when banks are not loaded."""
        return self._engine.question(key)

    def question_points(self, key: str | None, setting: str = "points") -> float:
        """A points setting's value; ``question`` means the question's own points (or 10)."""
        value = self.settings.get(setting, 10)
        if value == "question":
            question = self.question(key)
            value = getattr(question, "points", None) or 10
        return float(value)

    def time_limit(self, key: str | None, setting: str = "time_limit") -> float | None:
        """The round's time limit, else the question's own, else None (no limit)."""
        value = self.settings.get(setting)
        if value is None:
            question = self.question(key)
            value = getattr(question, "time_limit", None)
        return float(value) if value else None

    def score(self, team: int, verdict: str, base: float, member: int | None = None,
              tiebreak: bool = False) -> dict[str, Any]:
        """Ask the scoring plugins about an answer; the event fields that record their verdict."""
        return self._engine.score(self, team, verdict, base, member, tiebreak)

    def answerer(self, team: int, mode: str | None = None) -> tuple[int, int | None]:
        """Ask the team-mode plugins which member of ``team`` answers next."""
        return self._engine.answerer(self, team, mode or self.settings.get("answerer", "all"))

    def judged(self, team: int, verdict: str, base: float, member: int | None = None,
               tiebreak: bool = False) -> Event:
        """An ``answer_judged`` event scored by the plugins."""
        return {"type": "answer_judged", "team": team, "member": member, "verdict": verdict,
                **self.score(team, verdict, base, member, tiebreak)}


def timer(seconds: float | None, kind: str) -> dict[str, Any] | None:
    """A ``timer`` field for an event: start a countdown (None: no limit)."""
    return None if not seconds else {"duration": float(seconds), "kind": kind}


class RoundType:
    """Base class of round types. Subclasses set ``name`` and ``SETTINGS`` and override the
    commands they support; the others are refused with a clear reason.

    An instance is made per round with its validated settings. Methods take a
    :class:`Decision` and return a list of events (dicts without ``t``).
    """

    name: ClassVar[str] = ""
    SETTINGS: ClassVar[dict[str, Setting]] = {}
    REQUIRED: ClassVar[tuple[str, ...]] = ()  # settings a contest file must give
    # Event types of its own the round emits (quizhall.contest.events.EventType), registered
    # with it; the built-in ones need no listing.
    EVENT_TYPES: ClassVar[tuple[EventType, ...]] = ()

    def __init__(self, settings: Mapping[str, Any]) -> None:
        self.settings = settings

    # -- description ----------------------------------------------------------------------
    @classmethod
    def title(cls) -> str:
        """The type's display name (e.g. 抢答题)."""
        return t(f"round.{cls.name}.title")

    def rules(self) -> list[str]:
        """The rules as sentences for the round intro screen (translated)."""
        return []

    # -- settings -------------------------------------------------------------------------
    @classmethod
    def defaults(cls) -> dict[str, Any]:
        return {name: setting.default for name, setting in cls.SETTINGS.items()}

    @classmethod
    def validate(cls, settings: dict[str, Any], nodes: Mapping[str, Node],
                 reader: NodeReader, teams: int) -> None:
        """Check settings against each other; report problems on ``reader``."""

    @classmethod
    def selections(cls, settings: Mapping[str, Any], selection: Selection,
                   teams: int) -> list[Selection]:
        """How the round's questions are drawn: one selection per group."""
        return [selection]

    @classmethod
    def lint(cls, round_plan: RoundPlan, teams: int) -> list[str]:
        """Warnings about a drawn round (e.g. questions that do not share out evenly)."""
        return []

    # -- progress and details for the host screen -----------------------------------------
    def progress(self, d: Decision) -> tuple[int, int]:
        """(question number, questions in the round) for "question k of n"."""
        return max(d.state.question + 1, 0), len(d.round.questions)

    def details(self, d: Decision) -> dict[str, Any]:
        """Round-specific facts for the host screen (JSON-ready)."""
        return {}

    # -- commands -------------------------------------------------------------------------
    def start(self, d: Decision) -> dict[str, Any] | None:
        """Fields for ``round_started`` (``teams``, ``lives``, ``data``), or None to skip."""
        return {}

    def next_question(self, d: Decision) -> list[Event] | None:
        """Events that show the next question, or None when the round is over."""
        return None

    def open(self, d: Decision) -> list[Event]:
        d.refuse("contest.refused.no_open", round=self.title())

    def buzz(self, d: Decision, team: int) -> list[Event]:
        d.refuse("contest.refused.no_buzz", round=self.title())

    def judge(self, d: Decision, verdict: str, points: float | None) -> list[Event]:
        d.refuse("contest.refused.nobody_answering")

    def shout(self, d: Decision, team: int) -> list[Event]:
        """The host records that ``team`` answered aloud without holding the buzz (抢先作答)."""
        d.refuse("contest.refused.no_shout", round=self.title())

    def pick(self, d: Decision, topic: str, value: float) -> list[Event]:
        """A board cell chosen by the team whose turn it is (``topic``: number or name)."""
        d.refuse("contest.refused.no_pick", round=self.title())

    def mark(self, d: Decision, judge: str, score: float) -> list[Event]:
        """One judge's score for the team on stage (``judge``: number or name)."""
        d.refuse("contest.refused.no_mark", round=self.title())

    def wager(self, d: Decision, team: int, value: float | str) -> list[Event]:
        d.refuse("contest.refused.no_wager", round=self.title())

    def assign(self, d: Decision, team: int) -> list[Event]:
        d.refuse("contest.refused.no_assign", round=self.title())

    def skip(self, d: Decision) -> list[Event]:
        d.refuse("contest.refused.no_pass", round=self.title())

    def name_member(self, d: Decision, member: int) -> list[Event]:
        d.refuse("contest.refused.no_member", round=self.title())

    def timeout(self, d: Decision) -> list[Event]:
        """The host declares time up (or the ``answer`` timer ran out)."""
        return self.judge(d, "timeout", None)

    def expire(self, d: Decision, kind: str) -> list[Event]:
        """A timer of this ``kind`` ran out; ``d.now`` is the moment it did."""
        return self.timeout(d)


def check_partial(d: Decision, points: float | None, stake: float) -> float:
    """Validate the host's partial points against what is at stake."""
    if points is None or not math.isfinite(points) or points < 0 or points > abs(stake):
        d.refuse("contest.refused.partial_range", stake=plain_number(abs(stake)))
    return float(points)

