"""quizhall-speed-bonus: a right answer's points fall with the time taken, Kahoot-style.

An answer given at once earns all its points; one given at the time limit earns
``min_share`` of them (half by default), in a straight line between. Answers within the first
``grace`` seconds count as immediate. The time is what the engine measures: from the host's
``open`` (which starts the round's timer) or, without a timer, from the question being put
to the team (or the buzz) to the verdict. Partly right answers are scaled the same way;
wrong answers and time-outs are left to the round's rules.
"""

from __future__ import annotations

import math
from typing import Any

from quizhall.contest import AnswerContext, ScorePart, Setting
from quizhall.hookspecs import hookimpl
from quizhall.i18n import add_catalog, t

MESSAGES = {
    "quizhall_speed_bonus.min_share": ("时限到时仍可得到的分数比例（0–1）",
                                       "share of the points still earned at the time limit "
                                       "(0–1)"),
    "quizhall_speed_bonus.time_limit": ("轮次和题目都没有时限时使用的时限（秒）",
                                        "time limit (seconds) when neither the round nor the "
                                        "question has one"),
    "quizhall_speed_bonus.grace": ("这么多秒内作答算作立即作答",
                                   "answers within this many seconds count as immediate"),
    "quizhall_speed_bonus.whole_points": ("分数取整", "round the points to whole numbers"),
    "quizhall_speed_bonus.share_range": ("min_share 应在 0 到 1 之间，而不是 {value}",
                                         "min_share should be between 0 and 1, not {value}"),
    "quizhall_speed_bonus.grace_negative": ("grace 不能为负数", "grace cannot be negative"),
    "quizhall_speed_bonus.reason": ("用时 {seconds} 秒，得分 {percent}%",
                                    "answered in {seconds} s: {percent}% of the points"),
}
add_catalog("quizhall_speed_bonus", MESSAGES)


@hookimpl
def quizhall_declare_settings() -> dict[str, Setting]:
    return {
        "min_share": Setting("number", 0.5, "quizhall_speed_bonus.min_share"),
        "time_limit": Setting("seconds", None, "quizhall_speed_bonus.time_limit",
                              nullable=True),
        "grace": Setting("number", 0, "quizhall_speed_bonus.grace"),
        "whole_points": Setting("boolean", True, "quizhall_speed_bonus.whole_points"),
    }


@hookimpl
def quizhall_validate_plugin_settings(settings: dict[str, Any]) -> list[tuple[str, str]]:
    problems = []
    if not 0 <= settings["min_share"] <= 1:
        problems.append(("min_share", t("quizhall_speed_bonus.share_range",
                                        value=settings["min_share"])))
    if settings["grace"] < 0:
        problems.append(("grace", t("quizhall_speed_bonus.grace_negative")))
    return problems


def share(elapsed: float, limit: float, min_share: float, grace: float = 0.0) -> float:
    """The share of the points an answer after ``elapsed`` seconds earns (1 down to
    ``min_share`` at ``limit``)."""
    window = limit - grace
    if window <= 0:
        return 1.0
    late = min(max(elapsed - grace, 0.0) / window, 1.0)
    return 1.0 - (1.0 - min_share) * late


@hookimpl
def quizhall_score_answer(answer: AnswerContext, settings: dict[str, Any]) -> ScorePart | None:
    if answer.verdict not in ("right", "partial") or answer.base_points <= 0:
        return None
    limit = answer.time_limit or settings["time_limit"]
    if not limit:
        return None
    fraction = share(answer.elapsed, limit, settings["min_share"], settings["grace"])
    earned = answer.base_points * fraction
    if settings["whole_points"]:
        earned = math.floor(earned + 0.5)
    cut = earned - answer.base_points
    if cut == 0:
        return None
    return ScorePart(cut, t("quizhall_speed_bonus.reason", seconds=f"{answer.elapsed:g}",
                            percent=f"{fraction * 100:.0f}"))
