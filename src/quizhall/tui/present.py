"""Turn the engine's state view into what the screens show (a :class:`StageView`).

This is a translation, not a rule book: every fact comes from the engine's
:class:`~quizhall.contest.view.StateView`; only the wording and the page to show are decided
here. The host console and the projector call the same function, so they never disagree.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from quizhall.bank.qtypes import kind_of
from quizhall.contest.events import definition
from quizhall.i18n import get_language, t
from quizhall.tui.stage_view import (
    BoardView,
    DesignationView,
    JudgeMark,
    JudgesView,
    QuestionView,
    RoundPanel,
    Stage,
    StageView,
    StandingView,
    TeamView,
    TimerView,
    team_colour,
)
from quizhall.tui.text import colour_value, named, points, signed

# Phases of the engine (quizhall.contest.state), named here to keep this module import-light.
READY, INTRO, QUESTION, CLOSED, FINISHED = "ready", "intro", "question", "closed", "finished"

_CHINESE_NUMERALS = "零一二三四五六七八九十"


def prize_name(rank: int) -> str:
    """The prize for a rank: 一等奖 / "1st prize"."""
    if get_language() == "zh-CN" and 0 < rank <= 10:
        return t("tui.prize", n=_CHINESE_NUMERALS[rank])
    suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
    return t("tui.prize", n=f"{rank}{suffix}")


def wager_text(value: Any) -> str:
    """A wager as shown on the scoreboard."""
    if value is None:
        return ""
    if isinstance(value, str):
        return t("tui.wager_pass") if value == "pass" else value
    return points(float(value))


def note_lines(notes: Mapping[str, Any]) -> tuple[str, ...]:
    """A team's plugin notes in words, by the command that recorded them: ``certainty: high``."""
    lines = []
    for command, value in notes.items():
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        lines.append(f"{command}: {text}")
    return tuple(lines)


def question_view(view: Any, both_ways: bool = False) -> QuestionView | None:
    """The question on screen, with its answer kept for the host (dropped for the audience).

    ``both_ways``: a wrong answer loses the stake a right one wins (a risk question), so the
    stake reads ``±30``.
    """
    if view.question_key is None:
        return None
    number = view.question or 0
    total = view.question_count or 0
    stake = ""
    if view.stake is not None:
        stake = f"±{points(abs(view.stake))}" if both_ways and view.stake else signed(view.stake)
    q = view.question_text
    if q is None:
        return QuestionView(number, total, view.question_key, points=stake)
    options: tuple[tuple[str, str], ...] = ()
    kind = kind_of(q.type)
    if kind.has_options:
        options = tuple(sorted(q.options.items()))
    elif kind.drawing.input == "judge":
        options = (("√", t("tui.judge_true")), ("×", t("tui.judge_false")))
    pictures = tuple((letter, *q.option_images[letter]) for letter, _ in options
                     if letter in q.option_images)
    return QuestionView(
        number=number, total=total, stem=q.stem, kind=str(q.type), options=options,
        points=stake, media=q.media, image=q.image, alt=q.alt, option_images=pictures,
        answer=q.answer_text(), explanation=q.explanation, source=q.source,
        right=right_options(q))


def right_options(question: Any) -> tuple[str, ...]:
    """The letters (or √/×) of the options that are right, for the reveal to mark."""
    drawing = kind_of(question.type).drawing
    if drawing.input == "options":  # picked options (single, multiple): the answer's letters
        return tuple(str(letter) for letter in question.answer)
    if drawing.input == "judge":
        return ("√",) if question.answer else ("×",)
    return ()


def timer_view(view: Any) -> TimerView | None:
    """The countdown, stopped while the contest is paused."""
    timer = view.timer
    if not timer:
        return None
    kind = str(timer.get("kind", ""))
    return TimerView(remaining=float(timer["remaining"]), total=float(timer["duration"]),
                     running=bool(timer["running"]) and not view.paused,
                     label=named(f"tui.timer_kind.{kind}", kind) if kind else "",
                     charges=kind == "answer_window")


def is_time_up(view: Any) -> bool:
    """A running timer at zero, or an answer just judged as out of time."""
    timer = view.timer
    if timer and timer.get("running") and float(timer["remaining"]) <= 0 and not view.paused:
        return True
    verdict = view.last_verdict or {}
    return (verdict.get("verdict") == "timeout" and view.answerer is None
            and not view.buzz_open and view.phase in (QUESTION, CLOSED))


def details(view: Any) -> dict[str, Any]:
    """The round type's own facts for the screen (an empty dict when it gives none)."""
    return view.details if isinstance(view.details, dict) else {}


def _number(value: Any) -> str:
    return points(float(value))


def round_panel(view: Any) -> RoundPanel | None:
    """What the round type itself puts on the page, from its facts (None for most rounds)."""
    facts = details(view)
    if facts.get("topics") and "taken" in facts:
        return BoardView(topics=tuple(str(topic) for topic in facts["topics"]),
                         values=tuple(_number(v) for v in facts.get("values") or ()),
                         taken=tuple(tuple(bool(c) for c in column)
                                     for column in facts["taken"]),
                         picker=int(facts["picker"]) + 1 if facts.get("picker") is not None
                         else None)
    if "scorers" in facts and facts.get("team") is not None:
        marks = facts.get("marks") or {}
        dropped = list(facts.get("dropped") or [])
        shown = []
        for judge in facts["scorers"]:
            gone = judge in dropped
            if gone:
                dropped.remove(judge)
            shown.append(JudgeMark(judge, _number(marks[judge]) if judge in marks else "",
                                   gone))
        mean = facts.get("mean")
        return JudgesView(team=int(facts["team"]) + 1, marks=tuple(shown),
                          mean=_number(mean) if mean is not None else "")
    if "standing" in facts and "eliminated" in facts:
        return StandingView(standing=tuple(int(i) + 1 for i in facts["standing"]),
                            out=tuple(int(i) + 1 for i in facts["eliminated"]))
    if facts.get("chosen_by") is not None and facts.get("for_team") is not None:
        return DesignationView(chooser=int(facts["chosen_by"]) + 1,
                               target=int(facts["for_team"]) + 1,
                               value=_number(facts["value"]) if facts.get("value")
                               is not None else "")
    if facts.get("for_team") is not None and facts.get("picker") is not None:
        pending = facts.get("pending") or {}
        return DesignationView(chooser=int(facts["picker"]) + 1,
                               target=int(pending.get("assigned", facts["for_team"])) + 1,
                               value=_number(pending["value"]) if pending.get("value")
                               is not None else "")
    return None


def turn_of(view: Any, buzz_round: bool) -> int | None:
    """The 0-based team whose turn it is: answering a put question, picking, or playing."""
    if view.answerer is not None and not buzz_round:
        return view.answerer
    facts = details(view)
    for name in ("turn_team", "picker"):
        if facts.get(name) is not None:
            return int(facts[name])
    return view.chooser


def verdict_line(view: Any) -> str:
    """After a judgement: which team, right or wrong, and the points."""
    verdict = view.last_verdict
    if not verdict:
        return ""
    team = view.teams[int(verdict["team"])]
    return t(f"tui.verdict.{verdict['verdict']}", team=team.name,
             points=signed(float(verdict.get("points", 0))))


def message(view: Any, levels: Mapping[str, str] | None = None) -> str:
    """One line of context for the current moment (``levels``: level titles by id)."""
    facts = details(view)
    if view.paused:
        return t("tui.contest_paused")
    if view.phase in (QUESTION, CLOSED) and (view.audience or view.last_verdict):
        parts = [verdict_line(view)] if view.last_verdict else []
        if view.audience:
            parts.append(t("tui.audience_question"))
        return " · ".join(parts)
    if view.finished and view.ended_early:
        return t("tui.ended_early")
    if facts.get("picker") is not None and view.phase in (INTRO, CLOSED) \
            and not facts.get("pending"):
        values = " / ".join(points(float(v)) for v in facts.get("values_left") or [])
        return t("tui.pick_value", team=view.teams[int(facts["picker"])].name, values=values)
    if facts.get("group") and view.phase in (INTRO, QUESTION, CLOSED):
        names = " · ".join(view.teams[int(i)].name for i in facts["group"])
        return t("tui.tiebreak_group", teams=names)
    if facts.get("gates"):
        gate = t("tui.gate_of", k=facts.get("gate", 1), n=facts["gates"])
        level = str(facts.get("level") or "")
        title = (levels or {}).get(level, level)
        return f"{gate} · {title}" if title else gate
    return ""


def titled_rules(rules: tuple[str, ...], levels: Mapping[str, str]) -> tuple[str, ...]:
    """Rule lines with each level id of a gate sequence (``L1 → L2``) read as its title."""
    if not levels:
        return rules
    pattern = re.compile("|".join(rf"(?<![\w-]){re.escape(level)}(?![\w-])"
                                  for level in sorted(levels, key=len, reverse=True)))
    return tuple(pattern.sub(lambda m: levels[m.group(0)], rule) if " → " in rule else rule
                 for rule in rules)


def stage_of(view: Any) -> Stage:
    """Which page the state calls for."""
    if view.phase == READY:
        return Stage.TITLE
    if view.phase == INTRO:
        return Stage.ROUND
    if view.phase == QUESTION:
        return Stage.QUESTION
    if view.phase == CLOSED:
        return Stage.REVEAL if view.question_key is not None else Stage.SCORES
    return Stage.FINAL


def teams_of(view: Any) -> tuple[TeamView, ...]:
    """Every team as the scoreboard shows it; teams outside a tie-break's group are "out"."""
    locked = set(view.locked_out)
    group = details(view).get("group")
    playing = set(group) if group else None
    teams = []
    for team in view.teams:
        i = team.index
        teams.append(TeamView(
            number=i + 1, name=team.name, score=team.score,
            colour=(colour_value(team.colour) if team.colour else "") or team_colour(i),
            rank=team.rank, buzzer_key=team.key,
            locked_out=i in locked,
            out=team.eliminated or (playing is not None and i not in playing),
            wager=wager_text(view.wagers.get(i)), lives=team.lives, members=tuple(team.members),
            prize=prize_name(team.prize) if view.finished and team.prize else "",
            notes=note_lines(view.notes.get(i) or {})))
    return tuple(teams)


# The pages the host can put on the projector (``projector_page`` events), as stages.
PROJECTED = {"scores": Stage.SCORES, "teams": Stage.TEAMS, "round": Stage.ROUND,
             "podium": Stage.FINAL}


def present(view: Any, stage: Stage | None = None, buzz_round: bool = False,
            both_ways: bool = False, levels: Mapping[str, str] | None = None) -> StageView:
    """The host's :class:`StageView` of an engine state view.

    ``stage`` overrides the page; otherwise a page the host put on the projector shows;
    ``buzz_round`` says the round is played with buzzers, so whoever answers won the buzz;
    ``both_ways`` that a wrong answer loses the stake (see :func:`question_view`);
    ``levels`` gives the level titles that gate rounds show instead of level ids.
    Call :meth:`StageView.for_audience` on the result for any screen the hall sees.
    """
    teams = teams_of(view)
    holder = view.answerer if buzz_round else None
    projected = PROJECTED.get(getattr(view, "projector", None) or "")
    turn = turn_of(view, buzz_round)
    return StageView(
        stage=stage or projected or stage_of(view),
        projected=projected is not None,
        contest_title=view.title,
        teams=teams,
        round_title=view.round_title or "",
        round_kind=view.round_type_title or view.round_type or "",
        round_rules=titled_rules(tuple(view.rules), levels or {}),
        round_number=(view.round + 1) if view.round is not None else 0,
        round_total=view.round_count,
        question=question_view(view, both_ways),
        revealed=view.revealed,
        buzz_round=buzz_round,
        buzz_open=view.buzz_open,
        buzz_holder=holder + 1 if holder is not None else None,
        turn=turn + 1 if turn is not None else None,
        answerer=view.member_name or "",
        timer=timer_view(view),
        time_up=is_time_up(view),
        next_step=view.next.text,
        message=message(view, levels),
        finished=view.finished,
        ranking=tuple(teams[i] for i in view.ranking) if view.finished else (),
        panel=round_panel(view),
    )


def notices(events: list[dict], team_names: list[str]) -> list[str]:
    """What the hall should be told about events no page shows by itself.

    Each event type's definition (:mod:`quizhall.contest.events`) says whether and how it
    is told (early buzzes, shout-outs, voided buzzes, jury adjustments, lives lost,
    eliminations, undos and redos).
    """
    said = []
    for event in events:
        found = definition(str(event.get("type")))
        if found is None or found.notice is None:
            continue
        team = event.get("team")
        name = team_names[team] if isinstance(team, int) and 0 <= team < len(team_names) else ""
        text = found.notice(event, name, signed)
        if text is not None:
            said.append(text)
    return said
