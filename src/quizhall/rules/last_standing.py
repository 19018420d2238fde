"""Built-in round type ``last_standing`` (一战到底): wrong answers eliminate, the last team wins.

Teams still in the round answer in turn, one question each. A wrong answer (or a timeout)
costs the team one of its ``wrongs_to_out`` chances; with none left it is out. The round
ends when ``survivors`` teams are left (or its questions run out).
"""

from __future__ import annotations

from typing import Any

from quizhall.contest.rounds import Decision, Event, Setting
from quizhall.contest.state import CLOSED, INTRO
from quizhall.hookspecs import hookimpl
from quizhall.i18n import t
from quizhall.roundkit import (
    POINTS,
    TIME_LIMIT,
    TIMEOUT,
    WRONG,
    TeamAnswerRound,
    failed,
    next_index,
)


class LastStandingRound(TeamAnswerRound):
    """一战到底."""

    name = "last_standing"
    SETTINGS = {
        "wrongs_to_out": Setting("count", 1, "round.setting.wrongs_to_out", low=1),
        "survivors": Setting("count", 1, "round.setting.survivors", low=1),
        "points": POINTS,
        "wrong": WRONG,
        "timeout": TIMEOUT,
        "time_limit": TIME_LIMIT,
        "answerer": Setting("choice", "all", "round.setting.answerer",
                            choices=("seat", "team", "all")),
    }

    def start(self, d: Decision) -> dict[str, Any] | None:
        wrongs = int(self.settings.get("wrongs_to_out", 1))
        return {"teams": list(range(d.teams)), "lives": wrongs if wrongs > 1 else None,
                "data": {"turn": -1}}

    def next_question(self, d: Decision) -> list[Event] | None:
        state = d.state
        if state.phase not in (INTRO, CLOSED):
            d.refuse("contest.refused.question_open")
        active = state.active_teams()
        index = next_index(d)
        if len(active) <= int(self.settings.get("survivors", 1)) or index is None:
            return None
        teams = state.round_teams
        turn = int(state.data.get("turn", -1))
        for step in range(1, len(teams) + 1):
            candidate = (turn + step) % len(teams)
            if teams[candidate] in active:
                return self.answer_events(d, index, teams[candidate],
                                          data={"turn": candidate})
        return None

    def after_judged(self, d: Decision, verdict: str, judged: Event) -> list[Event]:
        if verdict in ("right", "partial"):
            return [{"type": "question_closed"}]
        team = d.state.answerer
        assert team is not None  # a verdict is given on a team's answer
        return [*failed(d, team), {"type": "question_closed"}]

    def details(self, d: Decision) -> dict[str, Any]:
        state = d.state
        return {"standing": list(state.active_teams()), "eliminated": sorted(state.out),
                "survivors": int(self.settings.get("survivors", 1))}

    def rules(self) -> list[str]:
        s = self.settings
        wrongs = int(s.get("wrongs_to_out", 1))
        lines = [t("round.last_standing.rule_turns"),
                 t("round.last_standing.rule_out_once") if wrongs == 1 else
                 t("round.last_standing.rule_out", wrongs=wrongs),
                 t("round.last_standing.rule_end", survivors=s.get("survivors", 1)),
                 *self.rules_common()]
        return lines

    @classmethod
    def validate(cls, settings: dict[str, Any], nodes: Any, reader: Any, teams: int) -> None:
        if "survivors" in nodes and teams and int(settings.get("survivors", 1)) >= teams:
            reader.report(nodes["survivors"], t("round.last_standing.survivors_too_many",
                                                teams=teams))


@hookimpl
def quizhall_register_round_types(register: Any) -> None:
    register(LastStandingRound)
