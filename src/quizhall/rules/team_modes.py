"""Built-in team modes: who answers a question put to a team.

``seat``: members in seat order, one question each, in turn (skipping the member who answered
last when the round forbids answering twice in a row); ``team``: the team picks (the host may
name the member); ``all``: the whole team answers. Runs last, so plugins may decide first.
"""

from __future__ import annotations

from quizhall.contest.hooks import Answerer, TurnContext
from quizhall.hookspecs import hookimpl


@hookimpl(trylast=True)
def quizhall_choose_answerer(turn: TurnContext) -> Answerer:
    if turn.mode != "seat" or not turn.members:
        return Answerer(turn.team, None)
    member = turn.turns % len(turn.members)
    if (turn.settings.get("no_member_twice_in_a_row") and member == turn.last_member
            and len(turn.members) > 1):
        member = (member + 1) % len(turn.members)
    return Answerer(turn.team, member)
