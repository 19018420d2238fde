"""Names and numbers as an event's sentence shows them: teams and members."""

from __future__ import annotations

from typing import Any

from quizhall.contest.plan import Plan
from quizhall.i18n import t


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
