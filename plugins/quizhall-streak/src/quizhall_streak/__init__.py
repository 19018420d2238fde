"""quizhall-streak: a bonus for right answers in a row, per team, capped.

The k-th right answer in a row earns ``bonus × (k − 1)`` extra points, at most ``cap``: with
the defaults (bonus 5, cap 15) the second right answer in a row earns +5, the third +10, the
fourth and later +15. A wrong or partly right answer, or a time-out, ends the streak. With
``reset: round`` (the default) every round starts a new streak; with ``reset: never`` a
streak carries on across rounds.
"""

from __future__ import annotations

from typing import Any

from quizhall.contest import AnswerContext, ScorePart, Setting
from quizhall.hookspecs import hookimpl
from quizhall.i18n import add_catalog, t

MESSAGES = {
    "quizhall_streak.bonus": ("连续答对时每多答对一题增加的奖励分",
                              "extra points for each further right answer in a row"),
    "quizhall_streak.cap": ("一题最多奖励的分数（null：不封顶）",
                            "most bonus points for one answer (null: no cap)"),
    "quizhall_streak.reset": ("何时重新计算连对：round 每轮重新开始，never 整场连续",
                              "when streaks start again: round (every round) or never"),
    "quizhall_streak.not_positive": ("{name} 应当大于 0", "{name} should be more than 0"),
    "quizhall_streak.cap_below_bonus": ("cap（{cap}）小于 bonus（{bonus}），奖励永远达不到 bonus",
                                        "cap ({cap}) is below bonus ({bonus}), so no answer "
                                        "could earn the bonus"),
    "quizhall_streak.reason": ("连续答对第 {count} 题", "{count} right in a row"),
}
add_catalog("quizhall_streak", MESSAGES)


@hookimpl
def quizhall_declare_settings() -> dict[str, Setting]:
    return {
        "bonus": Setting("number", 5, "quizhall_streak.bonus"),
        "cap": Setting("number", 15, "quizhall_streak.cap", nullable=True),
        "reset": Setting("choice", "round", "quizhall_streak.reset",
                         choices=("round", "never")),
    }


@hookimpl
def quizhall_validate_plugin_settings(settings: dict[str, Any]) -> list[tuple[str, str]]:
    problems = []
    for name in ("bonus", "cap"):
        if settings[name] is not None and settings[name] <= 0:
            problems.append((name, t("quizhall_streak.not_positive", name=name)))
    if not problems and settings["cap"] is not None and settings["cap"] < settings["bonus"]:
        problems.append(("cap", t("quizhall_streak.cap_below_bonus", cap=settings["cap"],
                                  bonus=settings["bonus"])))
    return problems


def streak_bonus(before: int, bonus: float, cap: float | None) -> float:
    """The bonus for a right answer after ``before`` right answers in a row."""
    earned = before * bonus
    return earned if cap is None else min(earned, cap)


@hookimpl
def quizhall_score_answer(answer: AnswerContext, settings: dict[str, Any]) -> ScorePart | None:
    if answer.verdict != "right":
        return None
    before = answer.round_streak if settings["reset"] == "round" else answer.streak
    earned = streak_bonus(before, settings["bonus"], settings["cap"])
    if not earned:
        return None
    return ScorePart(earned, t("quizhall_streak.reason", count=before + 1))
