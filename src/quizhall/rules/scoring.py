"""Built-in scoring: an answer earns what the round's rules give (``base_points``).

Other scoring plugins add their own parts next to this one (speed bonus, streaks, negative
marking …); block this plugin to replace the rule points entirely.
"""

from __future__ import annotations

from quizhall.contest.hooks import AnswerContext, ScorePart
from quizhall.hookspecs import hookimpl
from quizhall.i18n import t


@hookimpl(tryfirst=True)
def quizhall_score_answer(answer: AnswerContext) -> ScorePart:
    return ScorePart(answer.base_points, t(f"contest.verdict.{answer.verdict}"))
