"""A campaign's leaderboard and one member's standing in it, read from the running totals.

``quizhall campaign leaderboard`` and the practice app's leaderboard screen both take the
board from :func:`leaderboard`; the practice start screen's campaign panel takes
:func:`standing`. Both read the members' and units' totals (see
:mod:`quizhall.store.campaigns`), never the answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from quizhall.campaign.model import Campaign, Phase, Progress
from quizhall.store.campaigns import (
    CampaignStore,
    MemberTotals,
    UnitTotals,
    in_unit,
)

Ranked = tuple[int, MemberTotals]
RankedUnit = tuple[int, UnitTotals]


def ranked_units(units: list[UnitTotals]) -> list[RankedUnit]:
    """Units (already in board order) with their competition ranks: ties share one
    (1, 2, 2, 4)."""
    ranked: list[RankedUnit] = []
    for index, unit in enumerate(units):
        key = (unit.total_passes, unit.points)
        if ranked and key == (ranked[-1][1].total_passes, ranked[-1][1].points):
            ranked.append((ranked[-1][0], unit))
        else:
            ranked.append((index + 1, unit))
    return ranked


@dataclass(frozen=True, slots=True)
class Board:
    """The first members by person and every unit, ranked. ``own`` is the asked-for user's
    rank and totals (None when they have not joined)."""

    campaign: Campaign
    people: list[Ranked]
    units: list[RankedUnit]
    own: Ranked | None = None

    def own_in_top(self) -> bool:
        """Whether the asked-for user is among ``people``."""
        return self.own is not None and any(m.user == self.own[1].user
                                            for _, m in self.people)


def leaderboard(campaign: Campaign, store: CampaignStore, top: int, unit: str | None = None,
                user: str | None = None) -> Board:
    """The first ``top`` members and every unit (only ``unit`` and the units inside it when
    given); ``user``'s rank and totals when asked."""
    people = store.top(campaign.id, top, unit=unit)
    units = [u for u in store.units(campaign.id) if unit is None or in_unit(u.unit, unit)]
    own: Ranked | None = None
    if user is not None:
        rank = store.rank(campaign.id, user, unit=unit)
        member = store.member(campaign.id, user) if rank is not None else None
        own = (rank, member) if rank is not None and member is not None else None
    return Board(campaign, people, ranked_units(units), own)


@dataclass(frozen=True, slots=True)
class Standing:
    """One member in a campaign at a moment: the phase, their totals and progress toward
    completing it, their rank among all members and their unit's rank among all units
    (None, and no totals, when they have not joined)."""

    campaign: Campaign
    phase: Phase
    member: MemberTotals | None
    progress: Progress
    rank: int | None
    members: int
    unit_rank: int | None
    units: int

    @property
    def accuracy(self) -> float:
        member = self.member
        return member.correct / member.answers if member and member.answers else 0.0


def standing(campaign: Campaign, store: CampaignStore, user: str, at: datetime) -> Standing:
    """``user``'s standing in the campaign at ``at``, from the running totals."""
    member = store.member(campaign.id, user)
    units = ranked_units(store.units(campaign.id))
    members = sum(u.members for _, u in units if "/" not in u.unit)
    rank = store.rank(campaign.id, user) if member is not None else None
    unit_rank = next((r for r, u in units if member is not None and u.unit == member.unit),
                     None)
    return Standing(campaign, campaign.phase(at), member,
                    campaign.progress(member.passes if member else ()), rank, members,
                    unit_rank, len(units))
