"""quizhall-template: a bonus for a right answer to a hard question; copy it to start a plugin.

A right answer to a question of ``difficulty`` or more (the bank's 1–5) earns ``bonus`` extra
points. The three hooks below are all a scoring plugin needs: declare the settings (quizhall
reads and checks the contest file's values against them), check what types cannot
(``validate``), and score.
"""

from __future__ import annotations

from typing import Any

from quizhall.contest import AnswerContext, ScorePart, Setting
from quizhall.hookspecs import hookimpl
from quizhall.i18n import add_catalog, t

# Messages in Chinese and English; keys start with the module's name.
MESSAGES = {
    "quizhall_template.bonus": ("难题答对的奖励分", "extra points for a hard question"),
    "quizhall_template.difficulty": ("多难算难题（1–5）", "how hard is hard (1–5)"),
    "quizhall_template.bonus_positive": ("bonus 应当大于 0", "bonus should be more than 0"),
    "quizhall_template.reason": ("难题奖励", "hard question bonus"),
}
add_catalog("quizhall_template", MESSAGES)


@hookimpl
def quizhall_declare_settings() -> dict[str, Setting]:
    return {
        "bonus": Setting("number", 5, "quizhall_template.bonus"),
        "difficulty": Setting("count", 4, "quizhall_template.difficulty", low=1),
    }


@hookimpl
def quizhall_validate_plugin_settings(settings: dict[str, Any]) -> list[tuple[str, str]]:
    if settings["bonus"] <= 0:
        return [("bonus", t("quizhall_template.bonus_positive"))]
    return []


@hookimpl
def quizhall_score_answer(answer: AnswerContext, settings: dict[str, Any]) -> ScorePart | None:
    difficulty = getattr(answer.question, "difficulty", None)
    if answer.verdict == "right" and difficulty and difficulty >= settings["difficulty"]:
        return ScorePart(settings["bonus"], t("quizhall_template.reason"))
    return None
