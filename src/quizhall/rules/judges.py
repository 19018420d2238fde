"""Built-in round type ``judges`` (评委打分): judges score each team's performance.

For a speech, a situational performance (情景剧) or an open answer: each team in turn gets
its item (question k to team k), then every judge gives a score (``mark JUDGE SCORE``,
typed by the host). Once every judge who may score that team has, the highest
``drop_highest`` and lowest ``drop_lowest`` scores are dropped and the mean of the rest,
rounded to ``decimals``, is the team's points ("去掉一个最高分和一个最低分"). A judge named
with a team (``{name: 王评委, team: 2}``) does not score it when ``no_own_team``.
"""

from __future__ import annotations

from typing import Any

from yaml.nodes import MappingNode, Node

from quizhall.contest.rounds import Decision, Event, RoundType, Setting
from quizhall.contest.state import CLOSED, INTRO, QUESTION
from quizhall.hookspecs import hookimpl
from quizhall.i18n import t
from quizhall.roundkit import by_number_or_name, fmt, next_index
from quizhall.yamlsource import NodeReader


def read_judges(reader: NodeReader, node: Node, what: str) -> list[dict[str, Any]] | None:
    """``judges``: names, or ``{name, team}`` with the judge's own team (1-based)."""
    items = reader.sequence(node, what, non_empty=True)
    if items is None:
        return None
    judges: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, MappingNode):
            fields = reader.mapping(item, what, ("name", "team"))
            if fields is None or "name" not in fields:
                if fields is not None:
                    reader.report(item, t("diag.missing_key", key="name"))
                return None
            name = reader.text(fields["name"], "name")
            team = reader.integer(fields["team"], "team", 1) if "team" in fields else None
            if name is None or ("team" in fields and team is None):
                return None
            judges.append({"name": name, "team": team})
        else:
            name = reader.text(item, what)
            if name is None:
                return None
            judges.append({"name": name, "team": None})
    names = [judge["name"].casefold() for judge in judges]
    if len(set(names)) != len(names):
        reader.report(node, t("round.judges.judge_twice"))
        return None
    return judges


def judged_mean(scores: list[float], drop_highest: int, drop_lowest: int,
                decimals: int) -> tuple[float, list[float]]:
    """The mean of ``scores`` without the highest and lowest ones, and the dropped scores."""
    ordered = sorted(scores)
    kept = ordered[drop_lowest:len(ordered) - drop_highest]
    dropped = ordered[:drop_lowest] + ordered[len(ordered) - drop_highest:]
    return round(sum(kept) / len(kept), decimals), dropped


class JudgesRound(RoundType):
    """评委打分."""

    name = "judges"
    SETTINGS = {
        "judges": Setting("custom", None, "round.setting.judges", read=read_judges),
        "drop_highest": Setting("count", 1, "round.setting.drop_highest", low=0),
        "drop_lowest": Setting("count", 1, "round.setting.drop_lowest", low=0),
        "decimals": Setting("count", 2, "round.setting.decimals", low=0),
        "min_score": Setting("number", 0, "round.setting.min_score"),
        "max_score": Setting("number", 10, "round.setting.max_score"),
        "no_own_team": Setting("boolean", True, "round.setting.no_own_team"),
    }
    REQUIRED = ("judges",)

    @classmethod
    def validate(cls, settings: dict[str, Any], nodes: Any, reader: Any, teams: int) -> None:
        judges = settings.get("judges") or []
        for judge in judges:
            if judge["team"] is not None and judge["team"] > teams:
                reader.report(nodes["judges"], t("round.judges.no_such_team",
                                                 judge=judge["name"], team=judge["team"],
                                                 teams=teams))
        dropped = settings.get("drop_highest", 1) + settings.get("drop_lowest", 1)
        own = 1 if settings.get("no_own_team", True) and any(j["team"] for j in judges) else 0
        if judges and len(judges) - own <= dropped:
            reader.report(nodes.get("judges") or next(iter(nodes.values())),
                          t("round.judges.too_few", judges=len(judges), dropped=dropped))
        if settings.get("min_score", 0) >= settings.get("max_score", 10):
            reader.report(nodes.get("max_score") or next(iter(nodes.values())),
                          t("round.judges.range"))

    def judges(self) -> list[dict[str, Any]]:
        return list(self.settings.get("judges") or [])

    def scorers(self, team: int) -> list[int]:
        """The judges who score ``team`` (0-based), leaving out its own unit's."""
        own = self.settings.get("no_own_team", True)
        return [i for i, judge in enumerate(self.judges())
                if not (own and judge["team"] is not None and judge["team"] - 1 == team)]

    def start(self, d: Decision) -> dict[str, Any] | None:
        return {"teams": list(range(d.teams)), "data": {"marks": {}}}

    def next_question(self, d: Decision) -> list[Event] | None:
        state = d.state
        if state.phase not in (INTRO, CLOSED):
            d.refuse("contest.refused.question_open")
        index = next_index(d)
        if index is None:
            return None
        teams = state.round_teams
        return [{"type": "question_shown", "question": index, "key": d.round.questions[index],
                 "answerer": teams[index % len(teams)], "member": None,
                 "players": [teams[index % len(teams)]],
                 "data": {"marks": {}, "team": teams[index % len(teams)]}}]

    def mark(self, d: Decision, judge: str, score: float) -> list[Event]:
        state = d.state
        if state.phase != QUESTION or state.answerer is None:
            d.refuse("contest.refused.no_question")
        team = state.answerer
        names = [j["name"] for j in self.judges()]
        index = by_number_or_name(judge, names)
        if index is None:
            d.refuse("contest.refused.no_such_judge", judge=judge, judges=" / ".join(names))
        if index not in self.scorers(team):
            d.refuse("contest.refused.judge_own_team", judge=names[index],
                     team=d.team_name(team))
        marks = dict(state.data.get("marks") or {})
        if str(index) in marks:
            d.refuse("contest.refused.judge_scored", judge=names[index],
                     score=fmt(marks[str(index)]))
        low, high = float(self.settings.get("min_score", 0)), float(
            self.settings.get("max_score", 10))
        if not low <= score <= high:
            d.refuse("contest.refused.judge_range", low=fmt(low), high=fmt(high))
        marks[str(index)] = score
        events: list[Event] = [{"type": "judge_scored", "team": team, "judge": index,
                                "name": names[index], "score": score,
                                "data": {"marks": marks, "team": team}}]
        scorers = self.scorers(team)
        if all(str(i) in marks for i in scorers):
            scores = [float(marks[str(i)]) for i in scorers]
            mean, dropped = judged_mean(scores, int(self.settings.get("drop_highest", 1)),
                                        int(self.settings.get("drop_lowest", 1)),
                                        int(self.settings.get("decimals", 2)))
            events.append({"type": "points_awarded", "team": team, "points": mean,
                           "reason": t("round.judges.reason", scores=" ".join(
                               fmt(s) for s in scores), dropped=" ".join(
                               fmt(s) for s in dropped) or "-"),
                           "scores": scores, "dropped": dropped})
            events.append({"type": "question_closed"})
        return events

    def timeout(self, d: Decision) -> list[Event]:
        d.refuse("contest.refused.judges_score")

    def judge(self, d: Decision, verdict: str, points: float | None) -> list[Event]:
        d.refuse("contest.refused.judges_score")

    def details(self, d: Decision) -> dict[str, Any]:
        state = d.state
        team = state.answerer
        marks = state.data.get("marks") or {}
        judges = self.judges()
        shown = team if team is not None else state.data.get("team")
        facts: dict[str, Any] = {
            "judges": [j["name"] for j in judges],
            "min_score": float(self.settings.get("min_score", 0)),
            "max_score": float(self.settings.get("max_score", 10)),
            "marks": {judges[int(i)]["name"]: score for i, score in marks.items()},
            "waiting": [judges[i]["name"] for i in self.scorers(team)
                        if str(i) not in marks] if team is not None else [],
            "team": shown, "scorers": [judges[i]["name"] for i in self.scorers(shown)]
            if shown is not None else [], "dropped": [], "mean": None}
        scorers = self.scorers(shown) if shown is not None else []
        if scorers and all(str(i) in marks for i in scorers):
            low, high = (int(self.settings.get("drop_lowest", 1)),
                         int(self.settings.get("drop_highest", 1)))
            ranked = sorted(scorers, key=lambda i: (float(marks[str(i)]), i))
            dropped = ranked[:low] + ranked[len(ranked) - high:]
            facts["dropped"] = [judges[i]["name"] for i in dropped]
            facts["mean"] = judged_mean([float(marks[str(i)]) for i in scorers], high, low,
                                        int(self.settings.get("decimals", 2)))[0]
        return facts

    def rules(self) -> list[str]:
        s = self.settings
        lines = [t("round.judges.rule_judges", judges=" / ".join(j["name"] for j in
                                                                 self.judges())),
                 t("round.judges.rule_range", low=fmt(s.get("min_score", 0)),
                   high=fmt(s.get("max_score", 10))),
                 t("round.judges.rule_mean", highest=s.get("drop_highest", 1),
                   lowest=s.get("drop_lowest", 1), decimals=s.get("decimals", 2))]
        if s.get("no_own_team", True) and any(j["team"] for j in self.judges()):
            lines.append(t("round.judges.rule_own_team"))
        return lines


@hookimpl
def quizhall_register_round_types(register: Any) -> None:
    register(JudgesRound)
