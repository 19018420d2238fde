"""Which host commands the contest would accept now, and for which teams.

:func:`available_commands` answers for :meth:`Contest.available_commands
<quizhall.contest.engine.Contest.available_commands>`: each built-in command kind the rules
allow at this moment, with the teams (or answering members) it may name. It asks the engine's
own decision (:meth:`~quizhall.contest.engine.Contest.preview`, which records nothing) with
the arguments the state offers (the teams, the wager values left, the board's cells, the
judges still to mark), so a screen never has to guess what to try.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from quizhall.contest.commands import Command

if TYPE_CHECKING:
    from quizhall.contest.engine import Contest

# Commands without a target: each is available or not as a whole.
PLAIN = ("next", "open", "right", "wrong", "reveal", "undo", "redo", "pass", "timeout", "end")
# Commands that name a team: available for the teams listed.
FOR_TEAMS = ("buzz", "wager", "assign", "shout", "adjust")


@dataclass(frozen=True, slots=True)
class Available:
    """A command kind the contest accepts now.

    ``teams`` are the 0-based teams it may name (commands that name a team: ``buzz``,
    ``wager``, ``assign``, ``shout``, ``adjust``); ``members`` the seats ``member`` may name.
    Both are empty for the other commands.
    """

    name: str
    teams: tuple[int, ...] = ()
    members: tuple[int, ...] = ()


def available_commands(contest: Contest) -> dict[str, Available]:
    """The built-in command kinds ``contest`` would accept now, by name, in a fixed order.

    ``pause`` stands for ``resume`` too: it is listed (as ``pause``) when the clock can be
    paused or, while it is paused or held, resumed. ``partial`` is listed when partial points
    may be given; ``pick`` and ``mark`` when the board or the judges take one now.
    """
    view = contest.view()
    details: dict[str, Any] = view.details if isinstance(view.details, dict) else {}
    teams = range(len(view.teams))
    found: dict[str, Available] = {}

    def accepts(command: Command) -> bool:
        return contest.preview(command)[1] is None

    def teams_for(make: Callable[[int], Iterable[Command]]) -> tuple[int, ...]:
        return tuple(team for team in teams if any(accepts(c) for c in make(team)))

    for name in PLAIN:
        if accepts(Command(name)):
            found[name] = Available(name)
    state = contest.state
    pause = "resume" if state.paused or state.clock_held else "pause"
    if accepts(Command(pause)):
        found["pause"] = Available("pause")
    if accepts(Command("partial", points=0.0)):
        found["partial"] = Available("partial")
    values = ["pass", *(details.get("values_left") or [])]
    one: dict[str, Callable[[int], Iterable[Command]]] = {
        "buzz": lambda i: [Command("buzz", team=i)],
        "wager": lambda i: (Command("wager", team=i, value=v) for v in values),
        "assign": lambda i: [Command("assign", team=i)],
        "shout": lambda i: [Command("shout", team=i)],
        "adjust": lambda i: [Command("adjust", team=i, points=1.0, reason="?")],
    }
    for name in FOR_TEAMS:
        allowed = teams_for(one[name])
        if allowed:
            found[name] = Available(name, teams=allowed)
    if any(accepts(Command("pick", points=float(value), args=(str(topic),)))
           for topic, value in (details.get("cells_left") or [])[:1]):
        found["pick"] = Available("pick")
    if any(accepts(Command("mark", points=float(details.get("min_score", 0)), args=(str(judge),)))
           for judge in (details.get("waiting") or [])[:1]):
        found["mark"] = Available("mark")
    if view.answerer is not None:
        seats = tuple(m for m in range(len(view.teams[view.answerer].members))
                      if accepts(Command("member", member=m)))
        if seats:
            found["member"] = Available("member", members=seats)
    return found

