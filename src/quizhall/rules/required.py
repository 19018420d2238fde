"""Built-in round type ``required`` (必答题): teams answer in turn, members in seat order.

Variants (``answerer``): ``seat`` (members in seat order), ``team`` (the team picks who
answers; ``member N`` names them), ``all`` (the whole team answers together). Option
``no_member_twice_in_a_row`` (seat or team modes; with ``team`` the host must name the
member before judging). The time limit starts when the host
has finished reading (``open``).
"""

from __future__ import annotations

from typing import Any

from quizhall.contest.plan import RoundPlan
from quizhall.contest.rounds import Decision, Event, Setting
from quizhall.contest.state import CLOSED, INTRO
from quizhall.hookspecs import hookimpl
from quizhall.i18n import t
from quizhall.roundkit import (
    ANSWERER,
    POINTS,
    TIME_LIMIT,
    TIMEOUT,
    WRONG,
    TeamAnswerRound,
    next_index,
)


class RequiredRound(TeamAnswerRound):
    """必答题: question k goes to the k-th team in turn."""

    name = "required"
    SETTINGS = {
        "points": POINTS,
        "wrong": WRONG,
        "timeout": TIMEOUT,
        "time_limit": TIME_LIMIT,
        "answerer": ANSWERER,
        "no_member_twice_in_a_row": Setting("boolean", False, "round.setting.no_member_twice"),
    }

    @classmethod
    def validate(cls, settings: dict[str, Any], nodes: Any, reader: Any, teams: int) -> None:
        if settings.get("no_member_twice_in_a_row") and settings.get("answerer") == "all":
            reader.report(nodes["no_member_twice_in_a_row"],
                          t("round.required.twice_needs_team"))

    @classmethod
    def lint(cls, round_plan: RoundPlan, teams: int) -> list[str]:
        count = len(round_plan.questions)
        if teams and count % teams:
            return [t("round.required.uneven", count=count, teams=teams)]
        return []

    def next_question(self, d: Decision) -> list[Event] | None:
        if d.state.phase not in (INTRO, CLOSED):
            d.refuse("contest.refused.question_open")
        index = next_index(d)
        if index is None:
            return None
        teams = d.state.round_teams
        return self.answer_events(d, index, teams[index % len(teams)])

    def rules(self) -> list[str]:
        mode = self.settings.get("answerer", "seat")
        lines = [t(f"round.required.rule_{mode}"), *self.rules_common()]
        if self.settings.get("no_member_twice_in_a_row"):
            lines.append(t("round.required.rule_no_twice"))
        return lines


@hookimpl
def quizhall_register_round_types(register: Any) -> None:
    register(RequiredRound)
