"""The campaign store interface: campaign definitions, members and their running totals.

A campaign (政策闯关) ranks its members, and the units (工会/部门) they belong to, by what they
achieved in its banks while it was open. Every backend (the embedded files, PostgreSQL)
implements :class:`CampaignStore`; the contract tests in ``tests/test_campaign_store.py`` run
against each through one fixture.

Totals are *running*: :meth:`CampaignStore.add` is called with each counted answer or pass,
right after the answer is stored (PostgreSQL: in the answer's transaction), and updates the
member's totals and those of their unit and every enclosing unit in one atomic write. So the
top of a leaderboard and one member's rank are read from totals, never from answers.

Units are strings; ``/`` nests them: a member of ``市总工会/办公室`` also counts toward
``市总工会``. A unit filter (``unit=``) takes the unit and every unit inside it.

Order of a leaderboard (the same in every backend): more passes first, then more points,
then the user name (code point order). A member's rank is 1 + the number of members with
strictly more passes, or as many passes and strictly more points (ties share a rank: 1, 2,
2, 4).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from quizhall.store.errors import StoreError


class CampaignExistsError(StoreError):
    """A campaign with this id is stored already (and replacing it was not asked for)."""


class NotJoinedError(StoreError):
    """Totals were added for a user who has not joined the campaign."""


@dataclass(frozen=True, slots=True)
class Contribution:
    """What one counted answer, or one pass, adds to a member's totals.

    ``passed`` names an item passed (a level ``bank/level``, or ``paper:<id>``); a member
    passes an item once: passing it again adds nothing to ``passes``. ``at`` is ISO UTC.
    """

    at: str
    answers: int = 0
    correct: int = 0
    points: float = 0.0
    passed: str | None = None


@dataclass(frozen=True, slots=True)
class MemberTotals:
    """One member's running totals in one campaign. Times are ISO UTC."""

    user: str
    unit: str
    joined: str
    answers: int = 0
    correct: int = 0
    points: float = 0.0
    passes: tuple[str, ...] = ()  # items passed, in the order they were passed
    updated: str = ""  # the latest ``at`` of joining and of every contribution

    def to_json(self) -> dict[str, Any]:
        return {"user": self.user, "unit": self.unit, "joined": self.joined,
                "answers": self.answers, "correct": self.correct,
                "points": round(self.points, 6), "passes": list(self.passes),
                "updated": self.updated}

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> MemberTotals:
        return cls(user=doc["user"], unit=doc["unit"], joined=doc["joined"],
                   answers=int(doc["answers"]), correct=int(doc["correct"]),
                   points=float(doc["points"]), passes=tuple(doc["passes"]),
                   updated=doc.get("updated", ""))


@dataclass(frozen=True, slots=True)
class UnitTotals:
    """One unit's running totals: the sums over its members and those of the units inside
    it. ``passes`` counts, per item, the members who passed it."""

    unit: str
    members: int = 0
    answers: int = 0
    correct: int = 0
    points: float = 0.0
    passes: dict[str, int] = field(default_factory=dict)

    @property
    def total_passes(self) -> int:
        return sum(self.passes.values())

    def to_json(self) -> dict[str, Any]:
        return {"unit": self.unit, "members": self.members, "answers": self.answers,
                "correct": self.correct, "points": round(self.points, 6),
                "passes": dict(self.passes)}

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> UnitTotals:
        return cls(unit=doc["unit"], members=int(doc["members"]), answers=int(doc["answers"]),
                   correct=int(doc["correct"]), points=float(doc["points"]),
                   passes={str(k): int(v) for k, v in doc["passes"].items()})


def member_order(member: MemberTotals) -> tuple[int, float, str]:
    """Sort key of a leaderboard: more passes, then more points, then the name."""
    return (-len(member.passes), -member.points, member.user)


def unit_order(unit: UnitTotals) -> tuple[int, float, str]:
    """Sort key of the units' board: more passes, then more points, then the name."""
    return (-unit.total_passes, -unit.points, unit.unit)


def enclosing_units(unit: str) -> list[str]:
    """The unit and every unit enclosing it: ``a/b/c`` gives ``a/b/c``, ``a/b``, ``a``."""
    parts = unit.split("/")
    return ["/".join(parts[:i]) for i in range(len(parts), 0, -1)]


def in_unit(member_unit: str, unit: str) -> bool:
    """Whether a member of ``member_unit`` belongs to ``unit`` (itself or a unit inside)."""
    return member_unit == unit or member_unit.startswith(unit + "/")


class CampaignStore(Protocol):
    """Where campaigns, their members and running totals are kept.

    Campaign ids are ``[a-z0-9][a-z0-9-]{0,63}``. Every method raises :class:`StoreError`
    (translated message) when the backend cannot do it; reading a campaign that is not stored
    gives None or empty results, never an error.
    """

    def save_campaign(self, campaign_id: str, definition: dict[str, Any],
                      replace: bool = False) -> None:
        """Store a campaign's definition (plain JSON). An id stored already raises
        :class:`CampaignExistsError` unless ``replace``; replacing keeps members and totals."""
        ...

    def campaign(self, campaign_id: str) -> dict[str, Any] | None:
        """The definition stored for ``campaign_id``; None when there is none."""
        ...

    def campaign_ids(self) -> list[str]:
        """Every stored campaign's id, sorted."""
        ...

    def join(self, campaign_id: str, user: str, unit: str, at: str) -> MemberTotals:
        """Make ``user`` a member of ``unit`` in the campaign (counted in the unit's and
        enclosing units' ``members``) and return their totals. Joining again returns the
        totals as they are: the unit first joined stays."""
        ...

    def add(self, campaign_id: str, user: str, contribution: Contribution) -> MemberTotals:
        """Add one contribution to the member's totals and to their unit's and every
        enclosing unit's, all in one atomic write; returns the member's new totals.
        :class:`NotJoinedError` when ``user`` is not a member."""
        ...

    def member(self, campaign_id: str, user: str) -> MemberTotals | None:
        """One member's totals; None when ``user`` has not joined."""
        ...

    def top(self, campaign_id: str, limit: int, unit: str | None = None,
            ) -> list[tuple[int, MemberTotals]]:
        """The first ``limit`` members in leaderboard order (see the module docstring), with
        their ranks; only members of ``unit`` (and the units inside it) when given, ranked
        among themselves."""
        ...

    def rank(self, campaign_id: str, user: str, unit: str | None = None) -> int | None:
        """The member's rank (among the members of ``unit`` when given); None when ``user``
        has not joined (or is not in ``unit``)."""
        ...

    def members(self, campaign_id: str) -> Iterator[MemberTotals]:
        """Every member's totals, in leaderboard order (exports; this one reads them all)."""
        ...

    def units(self, campaign_id: str) -> list[UnitTotals]:
        """Every unit with members (enclosing units included), in units' board order."""
        ...

    def reset_totals(self, campaign_id: str, members: Iterable[MemberTotals]) -> None:
        """Replace every member's and unit's totals by these members' (units summed from
        them), in one atomic write: a recount from the answers uses it."""
        ...
