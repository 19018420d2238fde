"""Apply events to the state: the pure, plugin-free half of the engine.

:func:`evolve` applies one event; :class:`Projection` holds the state with its score ledger
and :func:`fold` replays a whole log. Every value a plugin computed (points and their parts)
is already in the event, so replaying a log gives the same state whatever plugins are
installed now. Applying one event costs the same however long the log is.

Undo and redo: an event is an *action* when its type's definition
(:mod:`quizhall.contest.events`) says so, unless it is a follow-up event of one command
(``"cont": true``). Before each
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

from quizhall.contest import events as vocabulary
from quizhall.contest.folds import PROJECTOR_PAGES, EvolveError, LedgerEntry
from quizhall.contest.plan import Plan
from quizhall.contest.state import CLOSED, FINISHED, INTRO, QUESTION, READY, State, Timer

# Fields of an action's first event not kept to name it (what an undo would take back).
BULKY_FIELDS = frozenset({"t", "cont", "data", "parts", "players", "plan", "teams"})


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
        definition = vocabulary.definition(kind or "")
        if definition is None or definition.fold is None:
            raise EvolveError(f"event {seq}: unknown type {kind!r}")
        if definition.action and not event.get("cont"):
            snapshot = state.copy()
            snapshot.redo, snapshot.left_t = None, t
            state.undo, state.redo = snapshot, None
            state.action = {"seq": seq, **{k: v for k, v in event.items()
                                           if k not in BULKY_FIELDS}}
            state.projector = None
        definition.fold(state, event, t, ledger, seq)
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


__all__ = ["CLOSED", "FINISHED", "INTRO", "PROJECTOR_PAGES", "QUESTION", "READY",
           "EvolveError", "LedgerEntry", "Projection", "evolve", "fold"]
