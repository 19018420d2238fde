"""Built-in round type ``board`` (题板题): teams pick cells of a topics × values board.

Each topic (a bank tag) is a column of the board, each value a row; every cell holds one
question drawn from that topic. Teams pick in turn (``order``): ``pick TOPIC VALUE`` shows
that cell's question to the picking team, which answers for +value (−value with
``wrong_loses``). A picked cell is gone; the round ends when the board is empty.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from quizhall.contest.plan import Selection
from quizhall.contest.rounds import Decision, Event, Setting, check_partial
from quizhall.contest.state import CLOSED, INTRO
from quizhall.hookspecs import hookimpl
from quizhall.i18n import t
from quizhall.roundkit import TIME_LIMIT, TeamAnswerRound, by_number_or_name, fmt


class BoardRound(TeamAnswerRound):
    """题板题."""

    name = "board"
    SETTINGS = {
        "topics": Setting("texts", None, "round.setting.topics"),
        "values": Setting("values", [10, 20, 30], "round.setting.values"),
        "order": Setting("choice", "team_order", "round.setting.board_order",
                         choices=("team_order", "lowest_first")),
        "wrong_loses": Setting("boolean", False, "round.setting.wrong_loses"),
        "time_limit": TIME_LIMIT,
        "answerer": Setting("choice", "all", "round.setting.answerer",
                            choices=("seat", "team", "all")),
    }
    REQUIRED = ("topics",)

    @classmethod
    def selections(cls, settings: Any, selection: Selection, teams: int) -> list[Selection]:
        count = len(settings.get("values") or ())
        return [replace(selection, tags=(topic,), count=count)
                for topic in settings.get("topics") or ()]

    @property
    def topics(self) -> list[str]:
        return list(self.settings.get("topics") or [])

    @property
    def values(self) -> list[float]:
        return [float(v) for v in self.settings.get("values") or []]

    def cell_index(self, d: Decision, topic: int, row: int) -> int:
        """The round's question index of a cell (columns are the drawn groups, in order)."""
        groups = d.round.groups or (len(self.values),) * len(self.topics)
        return sum(groups[:topic]) + row

    def start(self, d: Decision) -> dict[str, Any] | None:
        return {"teams": list(range(d.teams)), "data": {"taken": [], "turn": -1}}

    def picker(self, d: Decision) -> int | None:
        """The team whose pick it is, or None when the board is empty."""
        state = d.state
        taken = state.data.get("taken") or []
        if len(taken) >= len(self.topics) * len(self.values):
            return None
        teams = [team for team in state.round_teams if team in state.active_teams()]
        if not teams:
            return None
        if self.settings.get("order") == "lowest_first":
            return min(teams, key=lambda team: (state.scores[team], team))
        turn = int(state.data.get("turn", -1))
        return teams[(turn + 1) % len(teams)]

    def pick(self, d: Decision, topic: str, value: float) -> list[Event]:
        state = d.state
        if state.phase not in (INTRO, CLOSED):
            d.refuse("contest.refused.question_open")
        team = self.picker(d)
        if team is None:
            d.refuse("contest.refused.board_empty")
        column = by_number_or_name(topic, self.topics)
        if column is None:
            d.refuse("contest.refused.no_such_topic", topic=topic,
                     topics=" / ".join(self.topics))
        if float(value) not in self.values:
            d.refuse("contest.refused.wager_not_offered", value=fmt(value),
                     values=" / ".join(fmt(v) for v in self.values))
        row = self.values.index(float(value))
        taken = [list(cell) for cell in state.data.get("taken") or []]
        if [column, row] in taken:
            d.refuse("contest.refused.cell_taken", topic=self.topics[column], value=fmt(value))
        index = self.cell_index(d, column, row)
        if index >= len(d.round.questions):
            d.refuse("contest.refused.cell_taken", topic=self.topics[column], value=fmt(value))
        turn = list(state.round_teams).index(team)
        picked = {"type": "cell_picked", "team": team, "topic": column, "value": value,
                  "name": self.topics[column]}
        return [picked, *self.answer_events(d, index, team, stake=float(value),
                                            data={"taken": [*taken, [column, row]],
                                                  "turn": turn})]

    def next_question(self, d: Decision) -> list[Event] | None:
        if d.state.phase not in (INTRO, CLOSED):
            d.refuse("contest.refused.question_open")
        team = self.picker(d)
        if team is None:
            return None
        d.refuse("contest.refused.waiting_cell", team=d.team_name(team))

    def base_points(self, d: Decision, verdict: str, points: float | None) -> float:
        stake = float(d.state.stake or 0)
        if verdict == "right":
            return stake
        if verdict == "partial":
            return check_partial(d, points, stake)
        return -stake if self.settings.get("wrong_loses") else 0.0

    def progress(self, d: Decision) -> tuple[int, int]:
        return d.state.shown, len(self.topics) * len(self.values)

    def details(self, d: Decision) -> dict[str, Any]:
        taken = {(int(c), int(r)) for c, r in d.state.data.get("taken") or []}
        picker = self.picker(d) if d.state.phase != "question" else None
        return {"topics": self.topics, "values": self.values, "picker": picker,
                "taken": [[(column, row) in taken for row in range(len(self.values))]
                          for column in range(len(self.topics))],
                "cells_left": [[self.topics[c], v] for c in range(len(self.topics))
                               for r, v in enumerate(self.values) if (c, r) not in taken]}

    def rules(self) -> list[str]:
        s = self.settings
        lines = [t("round.board.rule_board", topics=" / ".join(self.topics),
                   values=" / ".join(fmt(v) for v in self.values)),
                 t("round.board.rule_order_" + s.get("order", "team_order")),
                 t("round.risk.rule_points" if s.get("wrong_loses") else
                   "round.risk.rule_points_no_loss"),
                 t("round.board.rule_gone")]
        if s.get("time_limit"):
            lines.append(t("round.rule.time_limit", seconds=fmt(s["time_limit"])))
        return lines


@hookimpl
def quizhall_register_round_types(register: Any) -> None:
    register(BoardRound)
