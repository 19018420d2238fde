"""Built-in round type ``risk`` (风险题): teams pick a value, then answer for +value / −value.

Teams pick in turn, lowest score first (ties by team order; ``order: team_order`` keeps team
order), each cycle ordered by the scores when it begins. Each value may be used ``uses``
times per team; a team may opt out of a turn (弃选, ``wager TEAM pass``) when ``opt_out``.
A chosen value cannot be changed. Variant ``assign: true``: the chooser assigns the question
to another team (``assign TEAM``) and, with ``chooser_gains``, wins the value if it is wrong.
"""

from __future__ import annotations

from typing import Any

from quizhall.contest.rounds import Decision, Event, Setting, check_partial
from quizhall.contest.state import CLOSED, INTRO
from quizhall.hookspecs import hookimpl
from quizhall.i18n import t
from quizhall.roundkit import TIME_LIMIT, TeamAnswerRound, fmt, next_index


def _bump(values: list[Any], index: int) -> list[Any]:
    items = list(values)
    items[index] += 1
    return items


class RiskRound(TeamAnswerRound):
    """风险题."""

    name = "risk"
    SETTINGS = {
        "values": Setting("values", [10, 20, 30], "round.setting.values"),
        "uses": Setting("count", 1, "round.setting.uses", low=1),
        "turns": Setting("count", None, "round.setting.turns", low=1, nullable=True),
        "order": Setting("choice", "lowest_first", "round.setting.order",
                         choices=("lowest_first", "team_order")),
        "opt_out": Setting("boolean", True, "round.setting.opt_out"),
        "wrong_loses": Setting("boolean", True, "round.setting.wrong_loses"),
        "assign": Setting("boolean", False, "round.setting.assign"),
        "chooser_gains": Setting("boolean", True, "round.setting.chooser_gains"),
        "time_limit": TIME_LIMIT,
        # Unlike required rounds, the whole team answers a risk question by default.
        "answerer": Setting("choice", "all", "round.setting.answerer",
                            choices=("seat", "team", "all")),
    }

    @property
    def values(self) -> list[float]:
        return [float(v) for v in self.settings.get("values") or []]

    def max_turns(self) -> int:
        return int(self.settings.get("turns") or len(self.values) * self.settings.get("uses", 1))

    def start(self, d: Decision) -> dict[str, Any] | None:
        n = d.teams
        return {"teams": list(range(n)),
                "data": {"order": [], "pos": 0, "turns": [0] * n,
                         "uses": [[0] * len(self.values) for _ in range(n)], "pending": None}}

    # -- whose pick -----------------------------------------------------------------------
    def _has_turn(self, d: Decision, team: int) -> bool:
        data = d.state.data
        uses = self.settings.get("uses", 1)
        return (team in d.state.active_teams() and data["turns"][team] < self.max_turns()
                and any(used < uses for used in data["uses"][team]))

    def _cycle(self, d: Decision) -> list[int]:
        eligible = [team for team in d.state.round_teams if self._has_turn(d, team)]
        if self.settings.get("order") == "team_order":
            return eligible
        scores = d.state.scores
        return sorted(eligible, key=lambda team: (scores[team], team))

    def picker(self, d: Decision) -> tuple[int, list[int], int] | None:
        """(team to pick, the cycle's order, its position), or None when nobody may pick."""
        data = d.state.data
        order, pos = list(data.get("order") or []), int(data.get("pos", 0))
        while pos < len(order) and not self._has_turn(d, order[pos]):
            pos += 1
        if pos < len(order):
            return order[pos], order, pos
        order = self._cycle(d)
        return (order[0], order, 0) if order else None

    # -- commands -------------------------------------------------------------------------
    def wager(self, d: Decision, team: int, value: float | str) -> list[Event]:
        state = d.state
        if state.phase not in (INTRO, CLOSED):
            d.refuse("contest.refused.question_open")
        pending = state.data.get("pending")
        if pending:
            d.refuse("contest.refused.wager_fixed", team=d.team_name(pending["team"]),
                     value=fmt(pending["value"]))
        turn = self.picker(d)
        if turn is None or next_index(d) is None:
            d.refuse("contest.refused.no_more_picks")
        picker, order, pos = turn
        if team != picker:
            d.refuse("contest.refused.not_your_pick", team=d.team_name(picker))
        if value == "pass":
            if not self.settings.get("opt_out"):
                d.refuse("contest.refused.no_opt_out")
            return [{"type": "wager_set", "team": team, "value": "pass",
                     "data": {"order": order, "pos": pos + 1,
                              "turns": _bump(state.data["turns"], team)}}]
        values = self.values
        if float(value) not in values:
            d.refuse("contest.refused.wager_not_offered", value=fmt(value),
                     values=" / ".join(fmt(v) for v in values))
        index = values.index(float(value))
        if state.data["uses"][team][index] >= self.settings.get("uses", 1):
            d.refuse("contest.refused.wager_used", team=d.team_name(team), value=fmt(value))
        return [{"type": "wager_set", "team": team, "value": values[index],
                 "data": {"order": order, "pos": pos,
                          "pending": {"team": team, "value": values[index], "index": index,
                                      "assigned": None}}}]

    def assign(self, d: Decision, team: int) -> list[Event]:
        state = d.state
        if not self.settings.get("assign"):
            d.refuse("contest.refused.no_assign", round=self.title())
        pending = state.data.get("pending")
        if not pending:
            d.refuse("contest.refused.pick_first")
        if pending.get("assigned") is not None:
            d.refuse("contest.refused.assign_fixed",
                     team=d.team_name(pending["assigned"]))
        if team == pending["team"]:
            d.refuse("contest.refused.assign_self")
        if team not in state.active_teams():
            d.refuse("contest.refused.not_playing", team=d.team_name(team))
        return [{"type": "question_assigned", "team": team, "chooser": pending["team"],
                 "data": {"pending": {**pending, "assigned": team}}}]

    def next_question(self, d: Decision) -> list[Event] | None:
        state = d.state
        if state.phase not in (INTRO, CLOSED):
            d.refuse("contest.refused.question_open")
        pending = state.data.get("pending")
        index = next_index(d)
        if not pending:
            turn = self.picker(d)
            if index is None or turn is None:
                return None
            d.refuse("contest.refused.waiting_pick", team=d.team_name(turn[0]))
        if self.settings.get("assign") and pending.get("assigned") is None:
            d.refuse("contest.refused.must_assign", team=d.team_name(pending["team"]))
        if index is None:
            return None
        chooser = pending["team"]
        answerer = chooser if pending.get("assigned") is None else pending["assigned"]
        data = state.data
        uses = list(data["uses"])
        uses[chooser] = _bump(uses[chooser], pending["index"])
        return self.answer_events(
            d, index, answerer, stake=pending["value"],
            chooser=chooser if answerer != chooser else None,
            data={"pending": None, "pos": int(data["pos"]) + 1,
                  "turns": _bump(data["turns"], chooser), "uses": uses})

    def base_points(self, d: Decision, verdict: str, points: float | None) -> float:
        stake = float(d.state.stake or 0)
        if verdict == "right":
            return stake
        if verdict == "partial":
            return check_partial(d, points, stake)
        return -stake if self.settings.get("wrong_loses") else 0.0

    def after_judged(self, d: Decision, verdict: str, judged: Event) -> list[Event]:
        state = d.state
        events: list[Event] = []
        if (state.chooser is not None and verdict in ("wrong", "timeout")
                and self.settings.get("chooser_gains")):
            events.append({"type": "points_awarded", "team": state.chooser,
                           "points": float(state.stake or 0),
                           "reason": t("round.risk.chooser_gains_reason")})
        return [*events, {"type": "question_closed"}]

    # -- description ----------------------------------------------------------------------
    def details(self, d: Decision) -> dict[str, Any]:
        data = d.state.data
        if not data:
            return {}
        turn = self.picker(d) if d.state.phase != "question" else None
        pending = data.get("pending")
        picker = pending["team"] if pending else (turn[0] if turn else None)
        left: list[float] = []
        if picker is not None:
            uses = self.settings.get("uses", 1)
            left = [v for v, used in zip(self.values, data["uses"][picker], strict=True)
                    if used < uses]
        return {"picker": picker, "values_left": left,
                "pending": dict(pending) if pending else None}

    def progress(self, d: Decision) -> tuple[int, int]:
        return d.state.shown, min(len(d.round.questions), self.max_turns() * len(
            d.state.round_teams))

    def rules(self) -> list[str]:
        s = self.settings
        values = " / ".join(fmt(v) for v in self.values)
        lines = [t("round.risk.rule_values", values=values, uses=s.get("uses", 1)),
                 t("round.risk.rule_order_" + s.get("order", "lowest_first")),
                 t("round.risk.rule_points" if s.get("wrong_loses") else
                   "round.risk.rule_points_no_loss"),
                 t("round.risk.rule_fixed")]
        if s.get("opt_out"):
            lines.append(t("round.risk.rule_opt_out"))
        if s.get("assign"):
            lines.append(t("round.risk.rule_assign" if s.get("chooser_gains") else
                           "round.risk.rule_assign_plain"))
        if s.get("time_limit"):
            lines.append(t("round.rule.time_limit", seconds=fmt(s["time_limit"])))
        return lines

    @classmethod
    def validate(cls, settings: dict[str, Any], nodes: Any, reader: Any, teams: int) -> None:
        if settings.get("assign") and teams < 2 and "assign" in nodes:
            reader.report(nodes["assign"], t("round.risk.assign_needs_teams"))


@hookimpl
def quizhall_register_round_types(register: Any) -> None:
    register(RiskRound)
