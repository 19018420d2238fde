"""Built-in round type ``gate`` (闯关题): gates (bank levels) passed in order.

At each gate every team still in the round answers one question from that gate's level, in
team order. A wrong answer (or a timeout) eliminates the team from the round
(``on_fail: eliminate``) or costs a life (``on_fail: life``; out when no lives are left).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from quizhall.contest.plan import Selection
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
    fmt,
)


class GateRound(TeamAnswerRound):
    """闯关题."""

    name = "gate"
    SETTINGS = {
        "gates": Setting("texts", None, "round.setting.gates"),
        "on_fail": Setting("choice", "eliminate", "round.setting.on_fail",
                           choices=("eliminate", "life")),
        "lives": Setting("count", 2, "round.setting.lives", low=1),
        "points": POINTS,
        "wrong": WRONG,
        "timeout": TIMEOUT,
        "time_limit": TIME_LIMIT,
        "answerer": Setting("choice", "all", "round.setting.answerer",
                            choices=("seat", "team", "all")),
    }
    REQUIRED = ("gates",)

    @classmethod
    def selections(cls, settings: Any, selection: Selection, teams: int) -> list[Selection]:
        return [replace(selection, levels=(gate,), count=teams)
                for gate in settings.get("gates") or ()]

    def start(self, d: Decision) -> dict[str, Any] | None:
        lives = self.settings.get("lives") if self.settings.get("on_fail") == "life" else None
        return {"teams": list(range(d.teams)), "lives": lives, "data": {"gate": 0, "slot": -1}}

    def next_question(self, d: Decision) -> list[Event] | None:
        state = d.state
        if state.phase not in (INTRO, CLOSED):
            d.refuse("contest.refused.question_open")
        n = d.teams
        gates = len(self.settings.get("gates") or ())
        gate, slot = int(state.data.get("gate", 0)), int(state.data.get("slot", -1))
        while True:
            slot += 1
            if slot >= n:
                gate, slot = gate + 1, 0
            if gate >= gates or not state.active_teams():
                return None
            index = gate * n + slot
            if slot in state.active_teams() and index < len(d.round.questions):
                return self.answer_events(d, index, slot, data={"gate": gate, "slot": slot})

    def after_judged(self, d: Decision, verdict: str, judged: Event) -> list[Event]:
        if verdict in ("right", "partial"):
            return [{"type": "question_closed"}]
        team = d.state.answerer
        assert team is not None  # a verdict is given on a team's answer
        return [*failed(d, team), {"type": "question_closed"}]

    def progress(self, d: Decision) -> tuple[int, int]:
        return int(d.state.data.get("gate", 0)) + 1, len(self.settings.get("gates") or ())

    def details(self, d: Decision) -> dict[str, Any]:
        gates = self.settings.get("gates") or []
        gate = int(d.state.data.get("gate", 0))
        return {"gate": gate + 1, "gates": len(gates),
                "level": gates[gate] if gate < len(gates) else None,
                "eliminated": sorted(d.state.out)}

    def rules(self) -> list[str]:
        s = self.settings
        lines = [t("round.gate.rule_gates", gates=" → ".join(s.get("gates") or ())),
                 *self.rules_common()]
        if s.get("on_fail") == "life":
            lines.append(t("round.gate.rule_lives", lives=fmt(s.get("lives", 2))))
        else:
            lines.append(t("round.gate.rule_eliminate"))
        return lines


@hookimpl
def quizhall_register_round_types(register: Any) -> None:
    register(GateRound)
