"""What a recorded event did, as one sentence a person reads.

The one wording of the contest log: the results report's audit trail, ``results --ledger``
and the host console (naming the action an undo or a redo would take back) all use it. It
needs only the plan the event belongs to.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from quizhall.contest.plan import Plan
from quizhall.i18n import t


def _plain(value: Any) -> Any:
    number = float(value or 0)
    return int(number) if number.is_integer() else number


def team_name(plan: Plan, team: Any) -> str | None:
    """A team's name by index, or None."""
    teams = plan.teams
    return teams[team].name if isinstance(team, int) and 0 <= team < len(teams) else None


def member_name(plan: Plan, team: Any, member: Any) -> str | None:
    """A member's name by team and seat index, or None."""
    if team_name(plan, team) is None:
        return None
    members = plan.teams[team].members
    return members[member] if isinstance(member, int) and 0 <= member < len(members) else None


def who(team: str, member: str | None) -> str:
    """A team, with the member who answers for it when one is named."""
    return t("export.team_member", team=team, member=member) if member else team


def describe_event(plan: Plan, event: Mapping[str, Any]) -> str:
    """What ``event`` did (``红队（红一）：答对 +10``)."""
    kind = str(event.get("type", ""))
    team = team_name(plan, event.get("team")) or ""
    if kind == "contest_started":
        return t("export.event.contest_started", title=plan.title)
    if kind == "contest_resumed":
        return t("export.event.contest_resumed", gap=_plain(event.get("gap", 0)))
    if kind in ("round_started", "round_ended"):
        index = int(event.get("round", 0))
        title = plan.rounds[index].title if 0 <= index < len(plan.rounds) else ""
        return t(f"export.event.{kind}", number=index + 1, title=title)
    if kind == "question_shown":
        number = int(event.get("question", -1)) + 1
        answerer = team_name(plan, event.get("answerer"))
        if answerer is None:
            return t("export.event.question_shown", number=number, key=event.get("key"))
        member = member_name(plan, event.get("answerer"), event.get("member"))
        return t("export.event.question_shown_for", number=number, key=event.get("key"),
                 team=who(answerer, member))
    if kind == "member_named":
        return t("export.event.member_named", team=team,
                 member=member_name(plan, event.get("team"), event.get("member")) or "")
    if kind == "buzz_opened":
        return t("export.event.buzz_opened_again" if event.get("second_chance")
                 else "export.event.buzz_opened")
    if kind == "early_buzz":
        key = "export.event.early_buzz_again" if event.get("repeat") else \
            "export.event.early_buzz"
        return t(key, team=team, offence=event.get("offence", 1))
    if kind == "answer_judged":
        member = member_name(plan, event.get("team"), event.get("member"))
        return t("export.event.answer_judged", team=who(team, member),
                 verdict=t(f"contest.verdict.{event.get('verdict')}"))
    if kind == "question_closed":
        if event.get("audience"):
            return t("export.event.question_closed_audience")
        if event.get("turn_over"):
            return t("export.event.turn_over")
        return t("export.event.question_closed")
    if kind == "wager_set":
        value = event.get("value")
        if value == "pass":
            return t("export.event.wager_pass", team=team)
        value = _plain(value) if isinstance(value, int | float) else value
        target = team_name(plan, event.get("for_team"))
        if target is not None:
            return t("export.event.wager_for", team=team, value=value, target=target)
        return t("export.event.wager_set", team=team, value=value)
    if kind == "question_assigned":
        return t("export.event.question_assigned", team=team,
                 chooser=team_name(plan, event.get("chooser")) or "")
    if kind == "timer_started":
        timer = event.get("timer")
        if not isinstance(timer, dict):
            return t("export.event.answer_started")
        return t("export.event.timer_started", seconds=_plain(timer.get("duration")))
    if kind == "life_lost":
        return t("export.event.life_lost", team=team, lives=event.get("lives"))
    if kind == "buzz_voided":
        names = [team_name(plan, each) or "" for each in event.get("teams") or ()]
        return t("export.event.buzz_voided", teams=" / ".join(names))
    if kind == "cell_picked":
        return t("export.event.cell_picked", team=team, topic=event.get("name", ""),
                 value=_plain(event.get("value")))
    if kind == "judge_scored":
        return t("export.event.judge_scored", judge=event.get("name", ""), team=team,
                 score=_plain(event.get("score")))
    if kind == "shouted_out":
        return t("export.event.shouted_out", team=team)
    if kind in ("team_eliminated", "question_passed", "buzz"):
        return t(f"export.event.{kind}", team=team)
    if kind in ("points_awarded", "score_adjusted"):
        return t(f"export.event.{kind}", team=team, reason=event.get("reason", ""))
    if kind == "contest_finished":
        return t("export.event.contest_finished_early" if event.get("early")
                 else "export.event.contest_finished")
    if kind == "undo" and "undone" in event:
        return t("export.event.undo", seq=event["undone"])
    if kind == "redo" and "redone" in event:
        return t("export.event.redo", seq=event["redone"])
    if kind in ("paused", "resumed", "answer_revealed"):
        return t(f"export.event.{kind}")
    return kind
