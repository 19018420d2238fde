"""quizhall-captain: the team's captain names who answers (队长指定), within a limit per round.

In rounds where the team picks its answerer (``answerer: team``), the captain names the member
who answers each question put to the team; the host records it with ``member N`` (the ``m``
key on the host console), and the host console and the projector then show that member as
the answerer. A member may answer at most ``max_answers`` questions in a round; once every
member of the team has, the count starts again. A verdict is refused until someone is named
(time may still run out). When only one member may still answer, that member is named at
once. The captain is the member in seat ``captain`` of each team (the team's last member if
it has fewer). Rounds where members answer in seat order or together are left to the
built-in team modes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from quizhall.contest import Answerer, Setting, TurnContext
from quizhall.hookspecs import hookimpl
from quizhall.i18n import add_catalog, t

MESSAGES = {
    "quizhall_captain.captain": ("各队队长的座位号（1：名单上的第一位队员）",
                                 "the seat of each team's captain (1: the first member listed)"),
    "quizhall_captain.max_answers": ("同一队员每轮最多答几道题（null：不限）",
                                     "most questions one member may answer in a round "
                                     "(null: no limit)"),
    "quizhall_captain.name_first": ("请先由队长{captain}指定答题队员（m 键，或 member N）",
                                    "the captain, {captain}, names who answers first (m, or "
                                    "member N)"),
    "quizhall_captain.limit_reached": (
        "{member}本轮已答 {count} 题（每人最多 {limit} 题），请队长{captain}另选队员",
        "{member} has answered {count} questions this round (at most {limit} each); the "
        "captain, {captain}, names another member"),
}
add_catalog("quizhall_captain", MESSAGES)


@hookimpl
def quizhall_declare_settings() -> dict[str, Setting]:
    return {
        "captain": Setting("count", 1, "quizhall_captain.captain", low=1),
        "max_answers": Setting("count", 2, "quizhall_captain.max_answers", low=1,
                               nullable=True),
    }


def captain_of(turn: TurnContext, settings: dict[str, Any]) -> str:
    """The captain's name: the member in seat ``captain``, or the team's last member."""
    return turn.members[min(settings["captain"], len(turn.members)) - 1]


def may_answer(answered: Sequence[int], limit: int | None) -> list[bool]:
    """Which members may still answer this round: fewer than ``limit`` answers, the count
    starting again once every member has reached it."""
    if limit is None or not answered:
        return [True] * len(answered)
    ceiling = (min(answered) // limit + 1) * limit
    return [count < ceiling for count in answered]


@hookimpl
def quizhall_choose_answerer(turn: TurnContext, settings: dict[str, Any]) -> Answerer | None:
    if turn.mode != "team" or not turn.members:
        return None
    free = [seat for seat, ok in enumerate(may_answer(turn.answered, settings["max_answers"]))
            if ok]
    return Answerer(turn.team, free[0] if len(free) == 1 else None)


@hookimpl
def quizhall_check_answerer(turn: TurnContext, member: int | None,
                            settings: dict[str, Any]) -> str | None:
    if turn.mode != "team" or not turn.members:
        return None
    captain = captain_of(turn, settings)
    if member is None:
        return t("quizhall_captain.name_first", captain=captain)
    limit = settings["max_answers"]
    if not may_answer(turn.answered, limit)[member]:
        return t("quizhall_captain.limit_reached", member=turn.members[member],
                 count=turn.answered[member], limit=limit, captain=captain)
    return None
