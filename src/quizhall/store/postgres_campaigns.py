"""Campaigns in PostgreSQL: the :class:`~quizhall.store.campaigns.CampaignStore` of an
organisation, on the tables of ``migrations/0002.campaigns.sql``.

Each :meth:`PostgresCampaigns.add` is one transaction: the member's row, their unit's and
every enclosing unit's, the per-item pass counts and the score histogram, so a leaderboard is
always the sum of what was committed. Rows are locked in one order (member, units by name,
passes by name, scores by value), so concurrent writers never deadlock. Reading the top of a
leaderboard walks an index (``campaign_members_board``); one member's rank sums the
histogram of better scores (``campaign_scores``), neither reads every member.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from quizhall.i18n import t
from quizhall.store._files import dumps
from quizhall.store.campaigns import (
    CampaignExistsError,
    Contribution,
    MemberTotals,
    NotJoinedError,
    UnitTotals,
    enclosing_units,
)
from quizhall.store.errors import StoreError

if TYPE_CHECKING:
    import psycopg

    from quizhall.store.postgres import PostgresStore

_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
_MEMBER = ("name, unit, joined, answers, correct, points, passes, updated")
# Members of a unit: the unit itself, or any unit inside it.
_IN_UNIT = "(unit = %(unit)s OR starts_with(unit, %(unit)s || '/'))"


def _member(row: tuple) -> MemberTotals:
    name, unit, joined, answers, correct, points, passes, updated = row
    return MemberTotals(user=name, unit=unit, joined=joined, answers=int(answers),
                        correct=int(correct), points=float(points), passes=tuple(passes),
                        updated=updated)


def _ranked(members: list[MemberTotals]) -> list[tuple[int, MemberTotals]]:
    """Ranks of members listed from the top in leaderboard order (ties share a rank)."""
    ranked: list[tuple[int, MemberTotals]] = []
    for index, member in enumerate(members):
        previous = ranked[-1][1] if ranked else None
        if previous is not None and (len(previous.passes), previous.points) == (
                len(member.passes), member.points):
            ranked.append((ranked[-1][0], member))
        else:
            ranked.append((index + 1, member))
    return ranked


class PostgresCampaigns:
    """Campaigns, members and running totals in the store's database."""

    def __init__(self, store: PostgresStore) -> None:
        self._store = store
        self.warnings: list[str] = []

    def _check_id(self, campaign_id: str) -> None:
        if not _ID.match(campaign_id):
            raise StoreError(t("store.bad_campaign_id", id=campaign_id))

    # -- definitions -------------------------------------------------------------------------

    def save_campaign(self, campaign_id: str, definition: dict[str, Any],
                      replace: bool = False) -> None:
        self._check_id(campaign_id)
        text = dumps(definition)
        with self._store._transaction() as conn:
            if replace:
                conn.execute("INSERT INTO campaigns (id, definition) VALUES (%s, %s)"
                             " ON CONFLICT (id) DO UPDATE SET definition = EXCLUDED.definition",
                             (campaign_id, text))
                return
            cursor = conn.execute("INSERT INTO campaigns (id, definition) VALUES (%s, %s)"
                                  " ON CONFLICT (id) DO NOTHING", (campaign_id, text))
            if cursor.rowcount != 1:
                raise CampaignExistsError(t("store.campaign_exists", id=campaign_id))

    def campaign(self, campaign_id: str) -> dict[str, Any] | None:
        if not _ID.match(campaign_id):
            return None
        with self._store._transaction() as conn:
            row = conn.execute("SELECT definition::text FROM campaigns WHERE id = %s",
                               (campaign_id,)).fetchone()
        return None if row is None else dict(json.loads(row[0]))

    def campaign_ids(self) -> list[str]:
        with self._store._transaction() as conn:
            return sorted(row[0] for row in conn.execute("SELECT id FROM campaigns"))

    # -- totals ------------------------------------------------------------------------------

    def join(self, campaign_id: str, user: str, unit: str, at: str) -> MemberTotals:
        with self._store._transaction() as conn:
            if conn.execute("SELECT 1 FROM campaigns WHERE id = %s",
                            (campaign_id,)).fetchone() is None:
                raise StoreError(t("store.no_campaign", id=campaign_id))
            inserted = conn.execute(
                "INSERT INTO campaign_members (campaign_id, name, unit, joined, updated)"
                " VALUES (%s, %s, %s, %s, %s) ON CONFLICT (campaign_id, name) DO NOTHING"
                f" RETURNING {_MEMBER}", (campaign_id, user, unit, at, at)).fetchone()
            if inserted is None:
                row = conn.execute(f"SELECT {_MEMBER} FROM campaign_members"
                                   " WHERE campaign_id = %s AND name = %s",
                                   (campaign_id, user)).fetchone()
                assert row is not None
                return _member(row)
            member = _member(inserted)
            _add_units(conn, campaign_id, member.unit, members=1)
            _move_score(conn, campaign_id, None, (0, 0.0))
        return member

    def add(self, campaign_id: str, user: str, contribution: Contribution) -> MemberTotals:
        with self._store._transaction() as conn:
            row = conn.execute(f"SELECT {_MEMBER} FROM campaign_members"
                               " WHERE campaign_id = %s AND name = %s FOR UPDATE",
                               (campaign_id, user)).fetchone()
            if row is None:
                raise NotJoinedError(t("store.not_joined", user=user, id=campaign_id))
            before = _member(row)
            passed = contribution.passed
            new_pass = passed is not None and passed not in before.passes
            passes = before.passes + ((passed,) if passed is not None and new_pass else ())
            after = MemberTotals(
                user=user, unit=before.unit, joined=before.joined,
                answers=before.answers + contribution.answers,
                correct=before.correct + contribution.correct,
                points=before.points + contribution.points, passes=passes,
                updated=max(contribution.at, before.updated))
            conn.execute(
                "UPDATE campaign_members SET answers = %s, correct = %s, points = %s,"
                " passes = %s, pass_count = %s, updated = %s"
                " WHERE campaign_id = %s AND name = %s",
                (after.answers, after.correct, after.points, list(after.passes),
                 len(after.passes), after.updated, campaign_id, user))
            _add_units(conn, campaign_id, before.unit, answers=contribution.answers,
                       correct=contribution.correct, points=contribution.points,
                       passed=passed if new_pass else None)
            _move_score(conn, campaign_id, (len(before.passes), before.points),
                        (len(after.passes), after.points))
        return after

    def member(self, campaign_id: str, user: str) -> MemberTotals | None:
        with self._store._transaction() as conn:
            row = conn.execute(f"SELECT {_MEMBER} FROM campaign_members"
                               " WHERE campaign_id = %s AND name = %s",
                               (campaign_id, user)).fetchone()
        return None if row is None else _member(row)

    def top(self, campaign_id: str, limit: int, unit: str | None = None,
            ) -> list[tuple[int, MemberTotals]]:
        where = f"campaign_id = %(id)s AND {_IN_UNIT}" if unit is not None \
            else "campaign_id = %(id)s"
        with self._store._transaction() as conn:
            rows = conn.execute(
                f"SELECT {_MEMBER} FROM campaign_members WHERE {where}"
                ' ORDER BY pass_count DESC, points DESC, name COLLATE "C" LIMIT %(limit)s',
                {"id": campaign_id, "unit": unit, "limit": limit}).fetchall()
        return _ranked([_member(row) for row in rows])

    def rank(self, campaign_id: str, user: str, unit: str | None = None) -> int | None:
        with self._store._transaction() as conn:
            row = conn.execute("SELECT unit, pass_count, points FROM campaign_members"
                               " WHERE campaign_id = %s AND name = %s",
                               (campaign_id, user)).fetchone()
            if row is None:
                return None
            member_unit, passes, points = row
            if unit is not None and not (member_unit == unit
                                         or member_unit.startswith(unit + "/")):
                return None
            better = "(pass_count > %(passes)s OR (pass_count = %(passes)s" \
                " AND points > %(points)s))"
            params = {"id": campaign_id, "unit": unit, "passes": passes, "points": points}
            if unit is None:
                ahead = conn.execute(
                    "SELECT coalesce(sum(members), 0) FROM campaign_scores"
                    f" WHERE campaign_id = %(id)s AND {better}", params).fetchone()
            else:
                ahead = conn.execute(
                    "SELECT count(*) FROM campaign_members"
                    f" WHERE campaign_id = %(id)s AND {_IN_UNIT} AND {better}",
                    params).fetchone()
        assert ahead is not None
        return int(ahead[0]) + 1

    def members(self, campaign_id: str) -> Iterator[MemberTotals]:
        with self._store._transaction() as conn:
            rows = conn.execute(
                f"SELECT {_MEMBER} FROM campaign_members WHERE campaign_id = %s"
                ' ORDER BY pass_count DESC, points DESC, name COLLATE "C"',
                (campaign_id,)).fetchall()
        return iter([_member(row) for row in rows])

    def units(self, campaign_id: str) -> list[UnitTotals]:
        with self._store._transaction() as conn:
            rows = conn.execute(
                "SELECT unit, members, answers, correct, points FROM campaign_units"
                " WHERE campaign_id = %s AND members > 0"
                ' ORDER BY pass_total DESC, points DESC, unit COLLATE "C"',
                (campaign_id,)).fetchall()
            passes: dict[str, dict[str, int]] = {}
            for unit, item, count in conn.execute(
                    "SELECT unit, item, members FROM campaign_unit_passes"
                    " WHERE campaign_id = %s AND members > 0 ORDER BY item COLLATE \"C\"",
                    (campaign_id,)):
                passes.setdefault(unit, {})[item] = int(count)
        return [UnitTotals(unit=unit, members=int(members), answers=int(answers),
                           correct=int(correct), points=float(points),
                           passes=passes.get(unit, {}))
                for unit, members, answers, correct, points in rows]

    def reset_totals(self, campaign_id: str, members: Iterable[MemberTotals]) -> None:
        listed = list(members)
        with self._store._transaction() as conn:
            for table in ("campaign_unit_passes", "campaign_units", "campaign_scores",
                          "campaign_members"):
                conn.execute(f"DELETE FROM {table} WHERE campaign_id = %s",  # noqa: S608
                             (campaign_id,))
            for member in listed:
                conn.execute(
                    "INSERT INTO campaign_members (campaign_id, name, unit, joined, answers,"
                    " correct, points, passes, pass_count, updated)"
                    " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                    (campaign_id, member.user, member.unit, member.joined, member.answers,
                     member.correct, member.points, list(member.passes), len(member.passes),
                     member.updated))
                _add_units(conn, campaign_id, member.unit, members=1, answers=member.answers,
                           correct=member.correct, points=member.points,
                           passed_all=member.passes)
                _move_score(conn, campaign_id, None, (len(member.passes), member.points))

    def close(self) -> None:
        """Nothing is held between calls: every write is its own transaction."""


def _add_units(conn: psycopg.Connection, campaign_id: str, unit: str, members: int = 0,
               answers: int = 0, correct: int = 0, points: float = 0.0,
               passed: str | None = None, passed_all: tuple[str, ...] = ()) -> None:
    """Add to the totals of ``unit`` and every unit enclosing it (rows locked by name)."""
    items = sorted({*passed_all, *([passed] if passed is not None else [])})
    for name in sorted(enclosing_units(unit)):
        conn.execute(
            "INSERT INTO campaign_units AS u (campaign_id, unit, members, answers, correct,"
            " points, pass_total) VALUES (%s, %s, %s, %s, %s, %s, %s)"
            " ON CONFLICT (campaign_id, unit) DO UPDATE SET members = u.members + EXCLUDED.members,"
            " answers = u.answers + EXCLUDED.answers, correct = u.correct + EXCLUDED.correct,"
            " points = u.points + EXCLUDED.points,"
            " pass_total = u.pass_total + EXCLUDED.pass_total",
            (campaign_id, name, members, answers, correct, points, len(items)))
    for name in sorted(enclosing_units(unit)):
        for item in items:
            conn.execute(
                "INSERT INTO campaign_unit_passes AS p (campaign_id, unit, item, members)"
                " VALUES (%s, %s, %s, 1) ON CONFLICT (campaign_id, unit, item)"
                " DO UPDATE SET members = p.members + 1", (campaign_id, name, item))


def _move_score(conn: psycopg.Connection, campaign_id: str,
                before: tuple[int, float] | None, after: tuple[int, float]) -> None:
    """Move one member in the score histogram from ``before`` (None: a new member) to
    ``after``, locking the two rows in score order."""
    if before == after:
        return
    moves = sorted([(after, 1), *([(before, -1)] if before is not None else [])])
    for (passes, points), step in moves:
        conn.execute(
            "INSERT INTO campaign_scores AS s (campaign_id, pass_count, points, members)"
            " VALUES (%s, %s, %s, %s) ON CONFLICT (campaign_id, pass_count, points)"
            " DO UPDATE SET members = s.members + EXCLUDED.members",
            (campaign_id, passes, points, step))
