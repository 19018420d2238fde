"""Built-in round type ``speed`` (限时速答): as many questions as possible in N seconds.

Teams take turns. ``next`` shows the first question of the next team's turn; ``open``
starts its clock (``time_limit`` seconds). Each verdict, or ``pass``, shows the team's next
question at once; when the time is up (or the team's share of the questions is used up) the
turn ends. The round's questions are shared out evenly between the teams.
"""

from __future__ import annotations

from typing import Any

from quizhall.contest.plan import RoundPlan
from quizhall.contest.rounds import Decision, Event, Setting, timer
from quizhall.contest.state import CLOSED, INTRO, QUESTION
from quizhall.hookspecs import hookimpl
from quizhall.i18n import t
from quizhall.roundkit import POINTS, WRONG, TeamAnswerRound, fmt, signed


class SpeedRound(TeamAnswerRound):
    """限时速答."""

    name = "speed"
    SETTINGS = {
        "time_limit": Setting("seconds", 40, "round.setting.turn_time"),
        "points": POINTS,
        "wrong": WRONG,
        "pass_allowed": Setting("boolean", True, "round.setting.pass_allowed"),
    }

    @classmethod
    def lint(cls, round_plan: RoundPlan, teams: int) -> list[str]:
        count = len(round_plan.questions)
        if teams and count % teams:
            return [t("round.speed.uneven", count=count, teams=teams, each=count // teams)]
        return []

    def share(self, d: Decision) -> int:
        return len(d.round.questions) // max(1, len(d.state.round_teams))

    def start(self, d: Decision) -> dict[str, Any] | None:
        return {"teams": list(range(d.teams)), "data": {"turn": -1, "pos": 0, "started": False}}

    def next_question(self, d: Decision) -> list[Event] | None:
        state = d.state
        if state.phase not in (INTRO, CLOSED):
            d.refuse("contest.refused.question_open")
        share = self.share(d)
        turn = int(state.data.get("turn", -1)) + 1
        teams = state.round_teams
        if share == 0 or turn >= len(teams):
            return None
        index = turn * share
        return self.answer_events(d, index, teams[turn],
                                  data={"turn": turn, "pos": 0, "started": False})

    def open(self, d: Decision) -> list[Event]:
        state = d.state
        if state.phase != QUESTION:
            d.refuse("contest.refused.no_question")
        if state.data.get("started"):
            d.refuse("contest.refused.timer_running")
        return [{"type": "timer_started", "data": {"started": True},
                 "timer": timer(self.settings.get("time_limit"), "turn")}]

    def judge(self, d: Decision, verdict: str, points: float | None) -> list[Event]:
        if d.state.phase == QUESTION and not d.state.data.get("started"):
            d.refuse("contest.refused.start_clock_first")
        return super().judge(d, verdict, points)

    def _following(self, d: Decision) -> list[Event]:
        state = d.state
        pos = int(state.data.get("pos", 0)) + 1
        if pos >= self.share(d):
            return [{"type": "question_closed", "turn_over": True, "data": {"started": False}}]
        index = state.question + 1
        team = state.answerer if state.answerer is not None else state.players[0]
        return [{"type": "question_shown", "question": index, "key": d.round.questions[index],
                 "answerer": team, "member": state.member, "players": [team],
                 "keep_timer": True, "data": {"pos": pos}}]

    def after_judged(self, d: Decision, verdict: str, judged: Event) -> list[Event]:
        return self._following(d)

    def skip(self, d: Decision) -> list[Event]:
        state = d.state
        if state.phase != QUESTION or state.answerer is None:
            d.refuse("contest.refused.no_question")
        if not self.settings.get("pass_allowed"):
            d.refuse("contest.refused.no_pass", round=self.title())
        if not state.data.get("started"):
            d.refuse("contest.refused.start_clock_first")
        return [{"type": "question_passed", "team": state.answerer}, *self._following(d)]

    def timeout(self, d: Decision) -> list[Event]:
        if d.state.phase != QUESTION:
            d.refuse("contest.refused.no_question")
        return [{"type": "question_closed", "turn_over": True, "data": {"started": False}}]

    def expire(self, d: Decision, kind: str) -> list[Event]:
        return self.timeout(d)

    def progress(self, d: Decision) -> tuple[int, int]:
        return int(d.state.data.get("pos", 0)) + 1, self.share(d)

    def details(self, d: Decision) -> dict[str, Any]:
        turn = int(d.state.data.get("turn", -1))
        teams = d.state.round_teams
        return {"turn_team": teams[turn] if 0 <= turn < len(teams) else None,
                "started": bool(d.state.data.get("started"))}

    def rules(self) -> list[str]:
        s = self.settings
        lines = [t("round.speed.rule_time", seconds=fmt(s["time_limit"])),
                 t("round.rule.points", points=signed(s["points"]) if s["points"] != "question"
                   else t("round.points_question"), wrong=signed(s["wrong"]))]
        if s.get("pass_allowed"):
            lines.append(t("round.speed.rule_pass"))
        return lines


@hookimpl
def quizhall_register_round_types(register: Any) -> None:
    register(SpeedRound)
