"""Built-in round type ``tiebreak`` (加赛): sudden-death buzz questions among tied teams.

Played only when, after the regular rounds, teams tie across a prize boundary (the contest's
``prizes``); otherwise skipped. Only the tied teams (one tied group at a time, best places
first) may buzz. Tie-break points decide ranks among equal scores but do not change the
scores themselves; each group's points count only among its own teams (a level of
:attr:`State.tiebreak_levels`), so a place once decided stays decided. It ends as soon as
no tie straddles a prize boundary, or when its questions run out (ranks stay shared).
"""

from __future__ import annotations

from typing import Any

from quizhall.contest.rounds import Decision, Event, Setting
from quizhall.contest.state import CLOSED, INTRO, open_ties
from quizhall.hookspecs import hookimpl
from quizhall.i18n import t
from quizhall.roundkit import BuzzRound


class TiebreakRound(BuzzRound):
    """加赛."""

    name = "tiebreak"
    SETTINGS = {
        **BuzzRound.SETTINGS,
        "wrong": Setting("number", 0, "round.setting.wrong"),
        "second_chance": Setting("boolean", True, "round.setting.second_chance"),
        "early_buzz": Setting("custom", [{"points": 0, "lose_right": True}],
                              "round.setting.early_buzz",
                              read=BuzzRound.SETTINGS["early_buzz"].read),
    }
    tiebreak = True

    @staticmethod
    def ties(d: Decision) -> list[tuple[int, ...]]:
        state = d.state
        return open_ties(state.scores, state.tiebreak_levels, state.plan.prizes)

    def start(self, d: Decision) -> dict[str, Any] | None:
        ties = self.ties(d)
        if not ties:
            return None
        return {"teams": list(ties[0]), "data": {"group": list(ties[0])}}

    def players(self, d: Decision) -> list[int]:
        ties = self.ties(d)
        return list(ties[0]) if ties else []

    def next_question(self, d: Decision) -> list[Event] | None:
        if d.state.phase not in (INTRO, CLOSED):
            d.refuse("contest.refused.question_open")
        if not self.ties(d):
            return None
        events = super().next_question(d)
        if events:
            group = events[0]["players"]
            same = d.state.shown > 0 and list(d.state.data.get("group") or []) == group
            events[0]["data"] = {"group": group}
            # A new group's points count only among its teams: a level of their own.
            events[0]["tiebreak_group"] = d.state.tiebreak_group + (0 if same else 1)
        return events

    def details(self, d: Decision) -> dict[str, Any]:
        return {"group": list(d.state.data.get("group") or [])}

    def rules(self) -> list[str]:
        return [t("round.tiebreak.rule_when"), t("round.tiebreak.rule_points"),
                *super().rules()[1:]]


@hookimpl
def quizhall_register_round_types(register: Any) -> None:
    register(TiebreakRound)
