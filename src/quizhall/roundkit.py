"""The toolkit for writing round types: common settings, one-team answers, buzzing.

Public: the built-in round types (:mod:`quizhall.rules`) and plugin round types build on it
(docs/plugins.md). Not a plugin itself. :class:`TeamAnswerRound` is a question put to one
team (required, risk, gate, speed); :class:`BuzzRound` is a question any playing team may buzz
for (buzz, tiebreak). Both only read the state and return events.
"""

from __future__ import annotations

from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from quizhall.bank.model import plain_number
from quizhall.contest.rounds import Decision, Event, RoundType, Setting, check_partial, timer
from quizhall.contest.state import CLOSED, INTRO, QUESTION
from quizhall.i18n import t
from quizhall.yamlsource import NodeReader

POINTS = Setting("points", 10, "round.setting.points")
WRONG = Setting("number", 0, "round.setting.wrong")
TIMEOUT = Setting("number", None, "round.setting.timeout", nullable=True)
TIME_LIMIT = Setting("seconds", None, "round.setting.time_limit", nullable=True)
ANSWERER = Setting("choice", "seat", "round.setting.answerer", choices=("seat", "team", "all"))


def fmt(value: Any) -> str:
    """A number as people write it: 10, -10, 2.5 (anything else as ``str``)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return plain_number(value)
    return str(value)


def signed(value: Any) -> str:
    text = fmt(value)
    return text if text.startswith("-") or text == "0" else "+" + text


def points_text(value: Any) -> str:
    return t("round.points_question") if value == "question" else signed(value)


def read_early_buzz(reader: NodeReader, node: Node, what: str) -> list[dict[str, Any]] | None:
    """``early_buzz``: points (``-10``), one rule (``{points, lose_right}``), or a list of rules
    by offence (the last one repeats)."""
    if isinstance(node, ScalarNode):
        points = reader.number(node, what)
        return None if points is None else [{"points": points, "lose_right": False}]
    items = node.value if isinstance(node, SequenceNode) else [node]
    if isinstance(node, SequenceNode) and not items:
        reader.report(node, t("diag.empty_list", what=what))
        return None
    rules: list[dict[str, Any]] = []
    for item in items:
        if not isinstance(item, MappingNode):
            reader.mapping(item, what)
            return None
        fields = reader.mapping(item, what, ("points", "lose_right"))
        if fields is None:
            return None
        rule: dict[str, Any] = {"points": 0, "lose_right": False}
        if "points" in fields:
            rule["points"] = reader.number(fields["points"], "points")
        if "lose_right" in fields:
            rule["lose_right"] = reader.boolean(fields["lose_right"], "lose_right")
        if rule["points"] is None or rule["lose_right"] is None:
            return None
        rules.append(rule)
    return rules


def failed(d: Decision, team: int) -> list[Event]:
    """A failed answer where failing costs a place: a life lost (out when none are left), or
    straight out when the round gives no lives."""
    lives = d.state.lives[team]
    if lives is None:
        return [{"type": "team_eliminated", "team": team}]
    events: list[Event] = [{"type": "life_lost", "team": team, "lives": lives - 1}]
    if lives - 1 <= 0:
        events.append({"type": "team_eliminated", "team": team})
    return events


def by_number_or_name(word: str, names: list[str]) -> int | None:
    """The 0-based index of ``word`` among ``names``: a 1-based number or a name."""
    if word.isdecimal():
        number = int(word)
        return number - 1 if 1 <= number <= len(names) else None
    folded = word.casefold()
    return next((i for i, name in enumerate(names) if name.casefold() == folded), None)


def next_index(d: Decision) -> int | None:
    """The next question's index in the round, or None when none are left."""
    index = d.state.question + 1
    return index if index < len(d.round.questions) else None


class TeamAnswerRound(RoundType):
    """A question put to one team: ``open`` starts the time limit (the host has finished
    reading), the host judges right, wrong or partial, and the question closes."""

    def answer_events(self, d: Decision, index: int, team: int, **extra: Any) -> list[Event]:
        """Show question ``index`` to ``team``, its answering member chosen by the team modes."""
        team, member = d.answerer(team)
        return [{"type": "question_shown", "question": index, "key": d.round.questions[index],
                 "answerer": team, "member": member, "players": [team], **extra}]

    def open(self, d: Decision) -> list[Event]:
        state = d.state
        if state.phase != QUESTION or state.answerer is None:
            d.refuse("contest.refused.no_question")
        if state.timer is not None:
            d.refuse("contest.refused.timer_running")
        limit = d.time_limit(state.question_key)
        if not limit:
            d.refuse("contest.refused.no_time_limit")
        return [{"type": "timer_started", "timer": timer(limit, "answer")}]

    def name_member(self, d: Decision, member: int) -> list[Event]:
        state = d.state
        if state.phase != QUESTION or state.answerer is None:
            d.refuse("contest.refused.nobody_answering")
        if self.settings.get("answerer") != "team":
            d.refuse("contest.refused.member_fixed")
        team = state.answerer
        if (self.settings.get("no_member_twice_in_a_row") and member == state.last_member[team]
                and len(state.plan.teams[team].members) > 1):
            d.refuse("contest.refused.member_twice",
                     member=state.plan.teams[team].members[member])
        return [{"type": "member_named", "team": team, "member": member}]

    def stake(self, d: Decision) -> float:
        """Points for a right answer."""
        if d.state.stake is not None:
            return float(d.state.stake)
        return d.question_points(d.state.question_key)

    def base_points(self, d: Decision, verdict: str, points: float | None) -> float:
        """What the rules give for a verdict, before the scoring plugins."""
        if verdict == "right":
            return self.stake(d)
        if verdict == "partial":
            return check_partial(d, points, self.stake(d))
        wrong = float(self.settings.get("wrong", 0))
        if verdict == "timeout" and self.settings.get("timeout") is not None:
            return float(self.settings["timeout"])
        return wrong

    def judge(self, d: Decision, verdict: str, points: float | None) -> list[Event]:
        state = d.state
        if state.phase != QUESTION or state.answerer is None:
            d.refuse("contest.refused.nobody_answering")
        if (self.settings.get("answerer") == "team" and state.member is None
                and self.settings.get("no_member_twice_in_a_row") and verdict != "timeout"):
            d.refuse("contest.refused.name_member_first")
        base = self.base_points(d, verdict, points)
        judged = d.judged(state.answerer, verdict, base, state.member)
        return [judged, *self.after_judged(d, verdict, judged)]

    def after_judged(self, d: Decision, verdict: str, judged: Event) -> list[Event]:
        """Events after the verdict; by default the question closes."""
        return [{"type": "question_closed"}]

    def rules_common(self) -> list[str]:
        s = self.settings
        lines = [t("round.rule.points", points=points_text(s.get("points", 10)),
                   wrong=signed(s.get("wrong", 0)))]
        if s.get("timeout") is not None:
            lines.append(t("round.rule.timeout", points=signed(s["timeout"])))
        if s.get("time_limit"):
            lines.append(t("round.rule.time_limit", seconds=fmt(s["time_limit"])))
        return lines


class BuzzRound(RoundType):
    """Buzz-in questions: the host opens the buzzers; the first valid buzz answers."""

    SETTINGS = {
        "points": POINTS,
        "wrong": Setting("number", -10, "round.setting.wrong"),
        "timeout": TIMEOUT,
        "window": Setting("seconds", 15, "round.setting.window", nullable=True),
        # No default window: a window that runs out charges the team (a timeout), and points
        # are never taken without a host action unless the contest file asks for it.
        "answer_window": Setting("seconds", None, "round.setting.answer_window",
                                 nullable=True),
        "answer_time": Setting("seconds", None, "round.setting.answer_time", nullable=True),
        "early_buzz": Setting("custom", [{"points": -10, "lose_right": False}],
                              "round.setting.early_buzz", read=read_early_buzz),
        "early_buzz_counts": Setting("choice", "once", "round.setting.early_buzz_counts",
                                     choices=("once", "every")),
        "second_chance": Setting("boolean", False, "round.setting.second_chance"),
        "max_attempts": Setting("count", 2, "round.setting.max_attempts", low=1),
        "audience": Setting("boolean", True, "round.setting.audience"),
        "simultaneous": Setting("choice", "first", "round.setting.simultaneous",
                                choices=("first", "reopen")),
        "simultaneous_ms": Setting("number", 0, "round.setting.simultaneous_ms"),
        "shout_out": Setting("number", -10, "round.setting.shout_out"),
        "shout_out_loses_right": Setting("boolean", True, "round.setting.shout_out_loses_right"),
    }
    tiebreak = False

    def players(self, d: Decision) -> list[int]:
        return list(d.state.active_teams())

    def next_question(self, d: Decision) -> list[Event] | None:
        if d.state.phase not in (INTRO, CLOSED):
            d.refuse("contest.refused.question_open")
        index = next_index(d)
        if index is None:
            return None
        return [{"type": "question_shown", "question": index, "key": d.round.questions[index],
                 "players": self.players(d)}]

    def open(self, d: Decision) -> list[Event]:
        state = d.state
        if state.phase != QUESTION:
            d.refuse("contest.refused.no_question")
        if state.answerer is not None:
            if state.data.get("answering"):
                d.refuse("contest.refused.answer_started")
            return [{"type": "timer_started", "data": {"answering": True},
                     "timer": timer(self.settings.get("answer_time"), "answer")}]
        if state.buzz_open:
            d.refuse("contest.refused.buzz_already_open")
        if not state.may_buzz():
            d.refuse("contest.refused.nobody_may_buzz")
        return [{"type": "buzz_opened", "timer": timer(self.settings.get("window"), "buzz")}]

    def buzz(self, d: Decision, team: int) -> list[Event]:
        state = d.state
        name = d.team_name(team)
        if state.phase == CLOSED and state.audience:
            d.refuse("contest.refused.audience_question")
        if state.phase != QUESTION:
            d.refuse("contest.refused.no_question")
        players = state.players or state.active_teams()
        if team not in players or team in state.out:
            d.refuse("contest.refused.not_playing", team=name)
        if team in state.locked:
            d.refuse("contest.refused.locked_out", team=name)
        tie = self.tie_window()
        if state.answerer is not None:
            if (tie is not None and not state.data.get("answering")
                    and d.now - state.asked_t <= tie):
                # 同时抢答无效，重新抢答: presses at the same instant void the buzz.
                return [{"type": "buzz_voided", "teams": [state.answerer, team],
                         "data": {"answering": False, "void_until": state.asked_t + tie},
                         "timer": timer(self.settings.get("window"), "buzz")}]
            d.refuse("contest.refused.buzz_held", team=d.team_name(state.answerer))
        if (state.buzz_open and tie is not None
                and d.now <= float(state.data.get("void_until", -1.0))):
            d.refuse("contest.refused.buzz_in_void_tie")
        if state.buzz_open:
            return [{"type": "buzz", "team": team, "data": {"answering": False},
                     "timer": timer(self.settings.get("answer_window"), "answer_window")}]
        if team in state.early and self.settings.get("early_buzz_counts", "once") == "once":
            # A held key or a bouncing buzzer: one violation per team per question, but
            # every press stays in the log.
            event = {"type": "early_buzz", "team": team, "offence": state.offences[team],
                     "points": 0.0, "lose_right": False, "repeat": True}
        else:
            rules = self.settings.get("early_buzz") or [{"points": 0, "lose_right": False}]
            offence = state.offences[team] + 1
            rule = rules[min(offence, len(rules)) - 1]
            event = {"type": "early_buzz", "team": team, "offence": offence,
                     "points": float(rule["points"]), "lose_right": bool(rule["lose_right"])}
        if self.tiebreak:
            event["tiebreak"] = True
        return [event]

    def tie_window(self) -> float | None:
        """Seconds within which presses void each other (``simultaneous: reopen``), or None
        when the first press by time wins."""
        if self.settings.get("simultaneous", "first") != "reopen":
            return None
        return float(self.settings.get("simultaneous_ms") or 0) / 1000

    def shout(self, d: Decision, team: int) -> list[Event]:
        state = d.state
        if state.phase != QUESTION:
            d.refuse("contest.refused.no_question")
        players = state.players or state.active_teams()
        if team not in players or team in state.out:
            d.refuse("contest.refused.not_playing", team=d.team_name(team))
        if team == state.answerer:
            d.refuse("contest.refused.shout_holder", team=d.team_name(team))
        points = float(self.settings.get("shout_out", -10))
        floor = state.plan.floor
        if floor is not None and not self.tiebreak and points < 0:
            points = max(points, min(0.0, floor - state.scores[team]))  # like rule points
        event = {"type": "shouted_out", "team": team, "points": points,
                 "lose_right": bool(self.settings.get("shout_out_loses_right", True))}
        if self.tiebreak:
            event["tiebreak"] = True
        return [event]

    def judge(self, d: Decision, verdict: str, points: float | None) -> list[Event]:
        state = d.state
        if state.phase != QUESTION or state.answerer is None:
            d.refuse("contest.refused.nobody_holds_buzz")
        team = state.answerer
        right = d.question_points(state.question_key)
        if verdict == "right":
            base = right
        elif verdict == "partial":
            base = check_partial(d, points, right)
        elif verdict == "timeout" and self.settings.get("timeout") is not None:
            base = float(self.settings["timeout"])
        else:
            base = float(self.settings.get("wrong", 0))
        events = [d.judged(team, verdict, base, None, self.tiebreak)]
        if verdict in ("right", "partial"):
            return [*events, {"type": "question_closed"}]
        failed = state.attempts + 1
        others = [p for p in state.may_buzz() if p != team]
        if (self.settings.get("second_chance") and failed < self.settings.get("max_attempts", 2)
                and others):
            return [*events, {"type": "buzz_opened", "second_chance": True,
                              "timer": timer(self.settings.get("window"), "buzz")}]
        return [*events, {"type": "question_closed",
                          "audience": bool(self.settings.get("audience"))}]

    def timeout(self, d: Decision) -> list[Event]:
        state = d.state
        if state.phase != QUESTION:
            d.refuse("contest.refused.no_question")
        if state.answerer is not None:
            return self.judge(d, "timeout", None)
        return [{"type": "question_closed", "audience": bool(self.settings.get("audience"))}]

    def expire(self, d: Decision, kind: str) -> list[Event]:
        return self.timeout(d)

    def rules(self) -> list[str]:
        s = self.settings
        lines = [t("round.buzz.rule_open"),
                 t("round.rule.points", points=points_text(s["points"]),
                   wrong=signed(s["wrong"]))]
        if s.get("timeout") is not None:
            lines.append(t("round.rule.timeout", points=signed(s["timeout"])))
        for offence, rule in enumerate(s.get("early_buzz") or [], start=1):
            key = "round.buzz.rule_early_lose" if rule["lose_right"] else "round.buzz.rule_early"
            lines.append(t(key, offence=offence, points=signed(rule["points"])))
        if s.get("early_buzz_counts", "once") == "once" and s.get("early_buzz"):
            lines.append(t("round.buzz.rule_early_once"))
        if s.get("answer_window"):
            lines.append(t("round.buzz.rule_answer_window", seconds=fmt(s["answer_window"])))
        if s.get("answer_time"):
            lines.append(t("round.buzz.rule_answer_time", seconds=fmt(s["answer_time"])))
        if s.get("second_chance"):
            lines.append(t("round.buzz.rule_second_chance", attempts=s["max_attempts"]))
        if s.get("simultaneous") == "reopen":
            lines.append(t("round.buzz.rule_simultaneous", ms=fmt(s.get("simultaneous_ms", 0))))
        key = "round.buzz.rule_shout_lose" if s.get("shout_out_loses_right", True) else \
            "round.buzz.rule_shout"
        lines.append(t(key, points=signed(s.get("shout_out", -10))))
        if s.get("window"):
            key = "round.buzz.rule_window_audience" if s.get("audience") else \
                "round.buzz.rule_window"
            lines.append(t(key, seconds=fmt(s["window"])))
        return lines

