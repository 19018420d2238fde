"""Built-in round type ``designated`` (指定题): team n picks the value of team n+1's question.

In team order, the choosing team picks a value (``wager TEAM VALUE``) for the next team still
in the round, which then answers for +value (and, with ``wrong_loses``, −value when wrong).
Each value may be used ``uses`` times by each chooser; a chosen value cannot be changed.
The risk round's machinery does the picking; only who answers differs.
"""

from __future__ import annotations

from typing import Any

from quizhall.contest.rounds import Decision, Event, Setting
from quizhall.contest.state import QUESTION
from quizhall.hookspecs import hookimpl
from quizhall.i18n import t
from quizhall.roundkit import TIME_LIMIT, fmt
from quizhall.rules.risk import RiskRound


class DesignatedRound(RiskRound):
    """指定题."""

    name = "designated"
    SETTINGS = {
        "values": Setting("values", [10, 20, 30], "round.setting.values"),
        "uses": Setting("count", 1, "round.setting.uses", low=1),
        "turns": Setting("count", 1, "round.setting.turns", low=1, nullable=True),
        "wrong_loses": Setting("boolean", False, "round.setting.wrong_loses"),
        "time_limit": TIME_LIMIT,
        "answerer": Setting("choice", "all", "round.setting.answerer",
                            choices=("seat", "team", "all")),
    }

    def _cycle(self, d: Decision) -> list[int]:
        # Choosers go in team order: team n chooses for team n+1.
        return [team for team in d.state.round_teams if self._has_turn(d, team)]

    def target(self, d: Decision, chooser: int) -> int:
        """The team after ``chooser`` (in team order, wrapping) that is still in the round."""
        teams = d.state.round_teams
        active = d.state.active_teams()
        start = teams.index(chooser)
        for step in range(1, len(teams) + 1):
            team = teams[(start + step) % len(teams)]
            if team in active:
                return team
        return chooser

    def wager(self, d: Decision, team: int, value: float | str) -> list[Event]:
        if value == "pass":
            d.refuse("contest.refused.no_opt_out")
        events = super().wager(d, team, value)
        pending = events[0]["data"]["pending"]
        pending["assigned"] = self.target(d, team)
        events[0]["for_team"] = pending["assigned"]
        return events

    def details(self, d: Decision) -> dict[str, Any]:
        details = super().details(d)
        picker = details.get("picker")
        state = d.state
        if picker is not None:
            details["for_team"] = self.target(d, picker)
        elif state.phase == QUESTION and state.chooser is not None \
                and state.answerer is not None:
            # The question on stage: who chose its value for whom.
            details.update(chosen_by=state.chooser, for_team=state.answerer,
                           value=state.stake)
        return details

    def after_judged(self, d: Decision, verdict: str, judged: Event) -> list[Event]:
        return [{"type": "question_closed"}]

    def rules(self) -> list[str]:
        s = self.settings
        values = " / ".join(fmt(v) for v in self.values)
        lines = [t("round.designated.rule_pick", values=values),
                 t("round.risk.rule_points" if s.get("wrong_loses") else
                   "round.risk.rule_points_no_loss"),
                 t("round.risk.rule_fixed")]
        if s.get("time_limit"):
            lines.append(t("round.rule.time_limit", seconds=fmt(s["time_limit"])))
        return lines

    @classmethod
    def validate(cls, settings: dict[str, Any], nodes: Any, reader: Any, teams: int) -> None:
        if teams < 2:
            reader.report(next(iter(nodes.values())), t("round.designated.needs_teams"))


@hookimpl
def quizhall_register_round_types(register: Any) -> None:
    register(DesignatedRound)
