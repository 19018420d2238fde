"""quizhall-certainty: certainty-based marking, stated live before each answer.

Before answering, the answering team says how sure it is: low, medium or high. The host
records it with ``certainty LEVEL`` (or ``certainty TEAM LEVEL``; Chinese 低/中/高 work too),
and the verdict then scores by this table, in marks of ``unit`` points:

=========  =====  =====
certainty  right  wrong
=========  =====  =====
low         +1      0
medium      +2     −2
high        +3     −6
=========  =====  =====

``unit`` defaults to half the question's points, so a medium-certainty right answer earns
exactly what the round's rules give, a sure one half as much again, and a sure wrong one
three times the question's points off. Being honest about doubt pays: claiming high
certainty only gains when the team is right more than two times in three. A time-out after
a stated certainty counts as wrong (a team cannot escape its claim by running out the
clock); a partly right answer earns its share of the right-answer marks. An answer with no
certainty stated follows ``default`` (``none``: the round's rules apply unchanged).
"""

from __future__ import annotations

from typing import Any

from yaml.nodes import Node

from quizhall.contest import (
    AnswerContext,
    CommandContext,
    Note,
    PluginCommand,
    ScorePart,
    Setting,
)
from quizhall.hookspecs import hookimpl
from quizhall.i18n import add_catalog, t
from quizhall.yamlsource import NodeReader

COMMAND = "certainty"
LEVELS = ("low", "medium", "high")
ALIASES = {"low": "low", "l": "low", "低": "low",
           "medium": "medium", "m": "medium", "中": "medium",
           "high": "high", "h": "high", "高": "high"}
MARKS = {"low": [1, 0], "medium": [2, -2], "high": [3, -6]}

MESSAGES = {
    "quizhall_certainty.default": ("未声明把握时按哪一档计分（none：按本轮规则）",
                                   "the certainty of an answer with none stated (none: the "
                                   "round's rules apply)"),
    "quizhall_certainty.unit": ("每一分值代表的分数（null：题目分值的一半）",
                                "points per mark (null: half the question's points)"),
    "quizhall_certainty.marks": ("各档的得分：low/medium/high 各为 [答对, 答错]",
                                 "marks per certainty: low/medium/high, each [right, wrong]"),
    "quizhall_certainty.unit_positive": ("unit 应当大于 0", "unit should be more than 0"),
    "quizhall_certainty.marks_shape": ("每一档应写成 [答对, 答错]，例如 medium: [2, -2]",
                                       "each certainty takes [right, wrong], e.g. medium: "
                                       "[2, -2]"),
    "quizhall_certainty.marks_order": ("答对得分应随把握增加（low < medium < high），答错扣分"
                                       "不应随把握减少",
                                       "right marks should rise with certainty (low < medium "
                                       "< high) and wrong marks should not rise"),
    "quizhall_certainty.usage": ("用法：certainty [队伍] low|medium|high",
                                 "usage: certainty [TEAM] low|medium|high"),
    "quizhall_certainty.help": ("记录答题队伍对答案的把握（低/中/高）",
                                "record how sure the answering team is (low, medium, high)"),
    "quizhall_certainty.unknown_level": ("把握应为 low、medium 或 high（低、中、高），"
                                         "而不是 {word}",
                                         "certainty should be low, medium or high, not {word}"),
    "quizhall_certainty.nobody_answering": ("现在没有队伍在答题：在题目交给某队或抢答之后声明把握",
                                            "nobody is answering: state certainty once the "
                                            "question is put to a team or a team has buzzed"),
    "quizhall_certainty.not_answering": ("只有正在答题的队伍（{team}）可以声明把握",
                                         "only the answering team ({team}) states its "
                                         "certainty"),
    "quizhall_certainty.reason": ("把握{level}", "certainty {level}"),
    "quizhall_certainty.level.low": ("低", "low"),
    "quizhall_certainty.level.medium": ("中", "medium"),
    "quizhall_certainty.level.high": ("高", "high"),
}
add_catalog("quizhall_certainty", MESSAGES)


def read_marks(reader: NodeReader, node: Node, name: str) -> dict[str, list[float]] | None:
    """``marks:``: each of low, medium and high as ``[right, wrong]``."""
    fields = reader.mapping(node, name, LEVELS, required=LEVELS)
    if fields is None or len(fields) != len(LEVELS):
        return None
    marks: dict[str, list[float]] = {}
    for level, value in fields.items():
        items = reader.sequence(value, f"{name}.{level}")
        numbers = [reader.number(item, f"{name}.{level}") for item in items or ()]
        if items is None or len(numbers) != 2:
            reader.report(value, t("quizhall_certainty.marks_shape"))
            return None
        if any(number is None for number in numbers):
            return None
        marks[level] = [float(number) for number in numbers]  # type: ignore[arg-type]
    return marks


@hookimpl
def quizhall_declare_settings() -> dict[str, Setting]:
    return {
        "default": Setting("choice", "none", "quizhall_certainty.default",
                           choices=("none", *LEVELS)),
        "unit": Setting("number", None, "quizhall_certainty.unit", nullable=True),
        "marks": Setting("custom", MARKS, "quizhall_certainty.marks", read=read_marks),
    }


@hookimpl
def quizhall_validate_plugin_settings(settings: dict[str, Any]) -> list[tuple[str, str]]:
    problems = []
    if settings["unit"] is not None and settings["unit"] <= 0:
        problems.append(("unit", t("quizhall_certainty.unit_positive")))
    rights = [settings["marks"][level][0] for level in LEVELS]
    wrongs = [settings["marks"][level][1] for level in LEVELS]
    if rights != sorted(set(rights)) or wrongs != sorted(wrongs, reverse=True) \
            or max(wrongs) > 0:
        problems.append(("marks", t("quizhall_certainty.marks_order")))
    return problems


def record_certainty(context: CommandContext) -> Note:
    """``certainty [TEAM] LEVEL``: the answering team's certainty on the question on screen."""
    if len(context.args) not in (1, 2):
        context.refuse(t("quizhall_certainty.usage"))
    level = ALIASES.get(context.args[-1].lower())
    if level is None:
        context.refuse(t("quizhall_certainty.unknown_level", word=context.args[-1]))
    if context.phase != "question" or context.answerer is None:
        context.refuse(t("quizhall_certainty.nobody_answering"))
    team = context.team(context.args[0]) if len(context.args) == 2 else context.answerer
    if team != context.answerer:
        context.refuse(t("quizhall_certainty.not_answering",
                         team=context.team_names[context.answerer]))
    return Note(team, level)


@hookimpl
def quizhall_register_commands(register: Any) -> None:
    register(PluginCommand(COMMAND, t("quizhall_certainty.usage"), t("quizhall_certainty.help"),
                           record_certainty))


def marked_points(verdict: str, level: str, marks: dict[str, list[float]], unit: float,
                  base_points: float, right_points: float) -> float:
    """What an answer earns under certainty-based marking."""
    right, wrong = marks[level]
    if verdict == "right":
        return right * unit
    if verdict == "partial":
        share = base_points / right_points if right_points else 0.0
        return share * right * unit
    return wrong * unit


@hookimpl
def quizhall_score_answer(answer: AnswerContext, settings: dict[str, Any]) -> ScorePart | None:
    level = answer.notes.get(COMMAND)
    if level is None and settings["default"] != "none":
        level = settings["default"]
    if level not in LEVELS:
        return None
    unit = settings["unit"] if settings["unit"] is not None else answer.right_points / 2
    earned = marked_points(answer.verdict, level, settings["marks"], unit, answer.base_points,
                           answer.right_points)
    change = earned - answer.base_points
    if change == 0:
        return None
    return ScorePart(change, t("quizhall_certainty.reason",
                               level=t(f"quizhall_certainty.level.{level}")))
