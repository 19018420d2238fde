"""Apply events to the state: the pure, plugin-free half of the engine.

:func:`evolve` applies one event; :class:`Projection` holds the state with its score ledger
and :func:`fold` replays a whole log. Every value a plugin computed (points and their parts)
is already in the event, so replaying a log gives the same state whatever plugins are
installed now. Applying one event costs the same however long the log is.

Undo and redo: every event is an *action* except the bookkeeping ones in
:data:`NOT_ACTIONS` and the follow-up events of one command (``"cont": true``). Before each
action the state pushes a snapshot of itself on its undo stack (a chain of snapshots back to
the contest's start) and clears its redo stack; ``undo`` brings the last snapshot back and
pushes the state it leaves on the redo stack, ``redo`` does the reverse. A clock brought
back either way is stopped, with the time it had when that state was left, whether the
contest is paused or not: the host resumes it (``resume``). Pausing is about the clock,
not the game: undo and redo keep the contest paused or running as it is.

The projector: ``projector_page`` records the page the host put on the hall's screen
(``page`` one of :data:`PROJECTOR_PAGES`, or None to take it off). It changes no score and is
not an action: undo and redo leave the page as it is. The next action takes the page off, so
the hall follows the contest again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from quizhall.contest.audience import AUDIENCE_EVENTS
from quizhall.contest.plan import Plan
from quizhall.contest.state import (
    CLOSED,
    FINISHED,
    INTRO,
    QUESTION,
    READY,
    State,
    Timer,
    no_answers,
    replace_at,
)

# Events that are not actions: undo never reverts them, they never take a snapshot.
# The audience's events (contest/audience.py) are among them: the host's undo is about the
# teams' game, and the audience's answers stay answered.
NOT_ACTIONS = frozenset({"contest_started", "contest_resumed", "paused", "resumed",
                         "answer_revealed", "undo", "redo",
                         "projector_page"}) | AUDIENCE_EVENTS
# Fields of an action's first event not kept to name it (what an undo would take back).
BULKY_FIELDS = frozenset({"t", "cont", "data", "parts", "players", "plan", "teams"})
# Pages the host may put on the projector (``projector_page``).
PROJECTOR_PAGES = ("scores", "teams", "round", "podium")


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """One change of score and the event behind it.

    ``seq`` is the event's position in the log; ``parts`` explain the points
    (``[{"points", "reason", "plugin"}]``); ``tiebreak`` entries count only for ranking;
    ``member`` is the answering member's seat (0-based), when one was named.
    """

    seq: int
    t: float
    team: int
    points: float
    reason: str
    event: str
    round: int
    question: str | None = None
    parts: tuple[Mapping[str, Any], ...] = ()
    tiebreak: bool = False
    member: int | None = None

    def describe(self) -> str:
        """Why the score changed, as a person reads it (translated for rule events)."""
        if self.event in ("score_adjusted", "points_awarded"):
            return self.reason
        from quizhall.i18n import t

        return t(f"contest.verdict.{self.reason}")

    def to_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "t": self.t, "team": self.team, "points": self.points,
                "reason": self.reason, "event": self.event, "round": self.round,
                "question": self.question, "parts": [dict(p) for p in self.parts],
                "tiebreak": self.tiebreak, "member": self.member}


class EvolveError(ValueError):
    """An event that cannot be applied (a corrupt or foreign log)."""


@dataclass(slots=True)
class Projection:
    """The state folded from a log, with the ledger of every score change beside it.

    The ledger is append-only; entries past ``state.ledger_len`` belong to an undone action
    and are dropped when the next entry is written.
    """

    state: State | None = None
    ledger: list[LedgerEntry] = field(default_factory=list)
    events: int = 0

    def apply(self, event: Mapping[str, Any]) -> State:
        """Apply one event; returns the new state."""
        self.state = evolve(self.state, event, self.ledger, self.events)
        self.events += 1
        return self.state

    def entries(self, team: int | None = None) -> list[LedgerEntry]:
        """Ledger entries in effect, optionally for one team."""
        if self.state is None:
            return []
        live = self.ledger[: self.state.ledger_len]
        return live if team is None else [e for e in live if e.team == team]


def fold(events: Iterable[Mapping[str, Any]]) -> Projection:
    """Replay a log from the start."""
    projection = Projection()
    for event in events:
        projection.apply(event)
    return projection


def evolve(state: State | None, event: Mapping[str, Any], ledger: list[LedgerEntry],
           seq: int) -> State:
    """The state after ``event`` (the log's event number ``seq``).

    ``state`` is changed in place and returned, except by ``contest_started`` (a new state),
    ``undo`` and ``redo`` (a snapshot comes back).
    """
    kind = event.get("type")
    t = float(event.get("t", 0.0))
    if kind == "contest_started":
        new = State.new(Plan.from_dict(event["plan"]), t)
        new.seq = seq + 1
        return new
    if state is None:
        raise EvolveError(f"event {seq} ({kind}) comes before contest_started")
    if kind == "undo":
        state = _step_back(state, t)
    elif kind == "redo":
        state = _step_forward(state, t)
    else:
        if kind not in NOT_ACTIONS and not event.get("cont"):
            snapshot = state.copy()
            snapshot.redo, snapshot.left_t = None, t
            state.undo, state.redo = snapshot, None
            state.action = {"seq": seq, **{k: v for k, v in event.items()
                                           if k not in BULKY_FIELDS}}
            state.projector = None
        handler = _HANDLERS.get(kind or "")
        if handler is None:
            raise EvolveError(f"event {seq}: unknown type {kind!r}")
        handler(state, event, t, ledger, seq)
        _generic(state, event, t)
    state.seq = seq + 1
    state.t = t
    return state


def _generic(state: State, event: Mapping[str, Any], t: float) -> None:
    """Fields any event may carry: ``data`` (round bookkeeping) and ``timer``."""
    if "data" in event and event.get("type") != "round_started":
        state.data = {**state.data, **event["data"]}
    if "timer" in event:
        spec = event["timer"]
        if spec is None:
            state.timer = None
        else:
            timer = Timer(float(spec["duration"]), str(spec["kind"]))
            state.timer = timer if state.paused else timer.started(t)


def _bring_back(snapshot: State, leaving: State) -> State:
    """``snapshot`` live again: its clock stopped where it stood when it was left, the
    contest paused or running and the projector's page as they are now."""
    restored = snapshot.copy()
    if restored.timer is not None:
        restored.timer = restored.timer.stopped(snapshot.left_t)
    restored.paused = leaving.paused
    restored.projector = leaving.projector  # the hall's page is not part of the game
    return restored


def _step_back(state: State, t: float) -> State:
    previous = state.undo
    if previous is None:
        return state
    current = state.copy()
    current.left_t = t
    restored = _bring_back(previous, state)
    restored.redo = current
    return restored


def _step_forward(state: State, t: float) -> State:
    following = state.redo
    if following is None:
        return state
    current = state.copy()
    current.redo, current.left_t = None, t
    restored = _bring_back(following, state)
    restored.undo = current
    return restored


def _score(state: State, ledger: list[LedgerEntry], seq: int, t: float, team: int,
           points: float, reason: str, event: str, parts: Iterable[Mapping[str, Any]] = (),
           tiebreak: bool = False, member: Any = None) -> None:
    if tiebreak:
        state.tiebreak = replace_at(state.tiebreak, team, state.tiebreak[team] + points)
        level = state.tiebreak_group
        levels = list(state.tiebreak_levels[team])
        levels.extend([0.0] * (level + 1 - len(levels)))
        levels[level] += points
        state.tiebreak_levels = replace_at(state.tiebreak_levels, team, tuple(levels))
    else:
        state.scores = replace_at(state.scores, team, state.scores[team] + points)
    del ledger[state.ledger_len:]
    ledger.append(LedgerEntry(seq, t, team, points, reason, event, state.round,
                              state.question_key, tuple(dict(p) for p in parts), tiebreak,
                              None if member is None else int(member)))
    state.ledger_len = len(ledger)


def _reset_question(state: State) -> None:
    state.stake = None
    state.answerer = state.member = state.chooser = None
    state.players = ()
    state.buzz_open = False
    state.locked = frozenset()
    state.early = frozenset()
    state.attempts = 0
    state.audience = False
    state.revealed = False
    state.last_verdict = None
    state.notes = {}
    state.timer = None


# -- handlers, one per event type ---------------------------------------------------------------

def _contest_resumed(state: State, event: Mapping[str, Any], t: float, *_: Any) -> None:
    # The gap since the last event counts as paused: a running timer keeps the time it had.
    timer = state.timer
    if timer is not None and timer.since is not None:
        gap = max(0.0, t - state.t)
        state.timer = Timer(timer.duration, timer.kind, timer.used, timer.since + gap)


def _paused(state: State, event: Mapping[str, Any], t: float, *_: Any) -> None:
    state.paused = True
    if state.timer is not None:
        state.timer = state.timer.stopped(t)


def _resumed(state: State, event: Mapping[str, Any], t: float, *_: Any) -> None:
    state.paused = False
    if state.timer is not None:
        state.timer = state.timer.started(t)


def _round_started(state: State, event: Mapping[str, Any], t: float, *_: Any) -> None:
    n = state.team_count
    state.round = int(event["round"])
    state.round_teams = tuple(event.get("teams", range(n)))
    state.out = frozenset()
    lives = event.get("lives")
    state.lives = (None,) * n if lives is None else tuple(
        lives if team in state.round_teams else None for team in range(n))
    state.offences = (0,) * n
    state.round_streaks = (0,) * n
    state.asked = (0,) * n
    state.last_member = (None,) * n
    state.answered = no_answers(state.plan)
    state.data = dict(event.get("data") or {})
    state.shown = 0
    state.wagers = {}
    state.question, state.question_key = -1, None
    _reset_question(state)
    state.phase = INTRO


def _question_shown(state: State, event: Mapping[str, Any], t: float, *_: Any) -> None:
    timer = state.timer
    _reset_question(state)
    if event.get("keep_timer"):
        state.timer = timer
    state.phase = QUESTION
    state.question = int(event["question"])
    state.question_key = event.get("key")
    state.shown += 1
    state.stake = event.get("stake")
    state.chooser = event.get("chooser")
    state.players = tuple(event.get("players") or ())
    if "tiebreak_group" in event:
        state.tiebreak_group = int(event["tiebreak_group"])
    state.asked_t = t
    answerer = event.get("answerer")
    if answerer is not None:
        state.answerer = int(answerer)
        state.member = event.get("member")
        state.asked = replace_at(state.asked, state.answerer, state.asked[state.answerer] + 1)


def _member_named(state: State, event: Mapping[str, Any], *_: Any) -> None:
    state.member = int(event["member"])


def _buzz_opened(state: State, event: Mapping[str, Any], *_: Any) -> None:
    state.buzz_open = True
    state.answerer = state.member = None


def _buzz(state: State, event: Mapping[str, Any], t: float, *_: Any) -> None:
    state.answerer = int(event["team"])
    state.member = None
    state.buzz_open = False
    state.asked_t = t


def _early_buzz(state: State, event: Mapping[str, Any], t: float, ledger: list[LedgerEntry],
                seq: int) -> None:
    team = int(event["team"])
    state.offences = replace_at(state.offences, team, int(event.get("offence", 1)))
    state.early = state.early | {team}
    if event.get("lose_right"):
        state.locked = state.locked | {team}
    if not event.get("repeat"):  # a repeated press on the same question is no new offence
        _score(state, ledger, seq, t, team, float(event.get("points", 0)), "early_buzz",
               "early_buzz", (), bool(event.get("tiebreak")))


def _buzz_voided(state: State, event: Mapping[str, Any], *_: Any) -> None:
    state.answerer = state.member = None
    state.buzz_open = True


def _shouted_out(state: State, event: Mapping[str, Any], t: float, ledger: list[LedgerEntry],
                 seq: int) -> None:
    team = int(event["team"])
    if event.get("lose_right"):
        state.locked = state.locked | {team}
    _score(state, ledger, seq, t, team, float(event.get("points", 0)), "shout_out",
           "shouted_out", (), bool(event.get("tiebreak")))


def _answer_judged(state: State, event: Mapping[str, Any], t: float, ledger: list[LedgerEntry],
                   seq: int) -> None:
    team = int(event["team"])
    verdict = event["verdict"]
    member = event.get("member")
    points = float(event.get("points", 0))
    _score(state, ledger, seq, t, team, points, verdict, "answer_judged",
           event.get("parts") or (), bool(event.get("tiebreak")), member)
    right = verdict == "right"
    state.streaks = replace_at(state.streaks, team, state.streaks[team] + 1 if right else 0)
    state.round_streaks = replace_at(state.round_streaks, team,
                                     state.round_streaks[team] + 1 if right else 0)
    if member is not None:
        state.last_member = replace_at(state.last_member, team, int(member))
        counts = state.answered[team]
        if 0 <= int(member) < len(counts):
            state.answered = replace_at(state.answered, team,
                                        replace_at(counts, int(member), counts[int(member)] + 1))
    if not right and verdict != "partial":
        state.attempts += 1
        state.locked = state.locked | {team}
    state.last_verdict = {"team": team, "member": member, "verdict": verdict, "points": points}
    state.answerer = state.member = None


def _note_recorded(state: State, event: Mapping[str, Any], *_: Any) -> None:
    team = int(event["team"])
    notes = dict(state.notes.get(team, {}))
    notes[str(event["command"])] = event.get("value")
    state.notes = {**state.notes, team: notes}


def _question_closed(state: State, event: Mapping[str, Any], *_: Any) -> None:
    state.phase = CLOSED
    state.buzz_open = False
    state.answerer = state.member = None
    state.audience = bool(event.get("audience"))
    state.timer = None
    state.wagers = {}


def _answer_revealed(state: State, *_: Any) -> None:
    state.revealed = True


def _wager_set(state: State, event: Mapping[str, Any], *_: Any) -> None:
    state.wagers = {**state.wagers, int(event["team"]): event["value"]}


def _projector_page(state: State, event: Mapping[str, Any], *_: Any) -> None:
    page = event.get("page")
    if page is not None and page not in PROJECTOR_PAGES:
        raise EvolveError(f"unknown projector page {page!r}")
    state.projector = page


def _plain(state: State, *_: Any) -> None:
    """Events whose whole effect is in their generic fields (``data``, ``timer``)."""


def _life_lost(state: State, event: Mapping[str, Any], *_: Any) -> None:
    team = int(event["team"])
    state.lives = replace_at(state.lives, team, int(event["lives"]))


def _team_eliminated(state: State, event: Mapping[str, Any], *_: Any) -> None:
    state.out = state.out | {int(event["team"])}


def _points_awarded(state: State, event: Mapping[str, Any], t: float,
                    ledger: list[LedgerEntry], seq: int) -> None:
    _score(state, ledger, seq, t, int(event["team"]), float(event["points"]),
           str(event.get("reason", "")), "points_awarded", (),
           bool(event.get("tiebreak")))


def _score_adjusted(state: State, event: Mapping[str, Any], t: float, ledger: list[LedgerEntry],
                    seq: int) -> None:
    _score(state, ledger, seq, t, int(event["team"]), float(event["points"]),
           str(event.get("reason", "")), "score_adjusted")


def _round_ended(state: State, *_: Any) -> None:
    _reset_question(state)
    state.phase = CLOSED
    state.wagers = {}


def _contest_finished(state: State, event: Mapping[str, Any], *_: Any) -> None:
    _reset_question(state)
    state.phase = FINISHED
    state.ended_early = bool(event.get("early"))


_HANDLERS = {
    "contest_resumed": _contest_resumed,
    "paused": _paused,
    "resumed": _resumed,
    "round_started": _round_started,
    "question_shown": _question_shown,
    "member_named": _member_named,
    "buzz_opened": _buzz_opened,
    "buzz": _buzz,
    "early_buzz": _early_buzz,
    "buzz_voided": _buzz_voided,
    "shouted_out": _shouted_out,
    "answer_judged": _answer_judged,
    "question_closed": _question_closed,
    "note_recorded": _note_recorded,
    "answer_revealed": _answer_revealed,
    "wager_set": _wager_set,
    "question_assigned": _plain,
    "cell_picked": _plain,
    "judge_scored": _plain,
    "timer_started": _plain,
    "life_lost": _life_lost,
    "team_eliminated": _team_eliminated,
    "question_passed": _plain,
    "points_awarded": _points_awarded,
    "score_adjusted": _score_adjusted,
    "round_ended": _round_ended,
    "contest_finished": _contest_finished,
    "projector_page": _projector_page,
    # The audience's events change no team state: AudienceBoard folds them.
    **dict.fromkeys(AUDIENCE_EVENTS, _plain),
}

EVENT_TYPES = frozenset(_HANDLERS) | {"contest_started", "undo", "redo"}

__all__ = ["CLOSED", "EVENT_TYPES", "FINISHED", "INTRO", "NOT_ACTIONS", "PROJECTOR_PAGES",
           "QUESTION", "READY",
           "EvolveError", "LedgerEntry", "Projection", "evolve", "fold"]
