"""Campaigns in the data directory: the embedded :class:`~quizhall.store.campaigns.CampaignStore`.

Layout::

    campaigns/<id>/campaign.json        the definition (replaced atomically)
    campaigns/<id>/totals/              a document journal (see quizhall.store.documents)
                                        holding one table, "totals": "m/<user>" per member,
                                        "u/<unit>" per unit

One call to :meth:`EmbeddedCampaigns.add` is one journal change: the member's document and
those of their units are written in one checksummed, fdatasync'ed line, so a crash keeps all
of it or none. The answer itself is in the trainee's own journal, written just before: a
crash between the two loses that one answer's count, which ``quizhall campaign recount``
restores. Each write locks the campaign's totals only while it lasts (a write waits up to
:data:`LOCK_WAIT` seconds for another's), so the sessions of ``quizhall serve``, one process
per trainee, write in turn; readers take no lock. Every write reads the totals afresh: its
cost grows with the number of members (PostgreSQL is the store for a whole organisation).
"""

from __future__ import annotations

import heapq
import re
import time
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from quizhall.i18n import t
from quizhall.store._files import dumps, frame, unframe, write_atomic
from quizhall.store.campaigns import (
    CampaignExistsError,
    Contribution,
    MemberTotals,
    NotJoinedError,
    UnitTotals,
    enclosing_units,
    in_unit,
    member_order,
    unit_order,
)
from quizhall.store.documents import JournalStorage
from quizhall.store.errors import LockedError, StoreError

CAMPAIGN_KIND = "quizhall.campaign"
CAMPAIGNS_DIR = "campaigns"
TABLE = "totals"
# How long a write waits for another process's write to the same campaign to finish.
LOCK_WAIT = 10.0
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


def _member_key(user: str) -> str:
    return f"m/{user}"


def _unit_key(unit: str) -> str:
    return f"u/{unit}"


class EmbeddedCampaigns:
    """Campaigns under ``data_dir/campaigns``. Each write opens the campaign's totals, locked,
    and closes them, so many processes (the sessions of ``quizhall serve``) can write in
    turn; with ``hold`` the first write keeps them open (one process writing many answers)."""

    def __init__(self, data_dir: Path, now: Callable[[], datetime], hold: bool = False) -> None:
        self.root = data_dir / CAMPAIGNS_DIR
        self.warnings: list[str] = []
        self.hold = hold
        self._now = now
        self._writers: dict[str, JournalStorage] = {}

    def _directory(self, campaign_id: str) -> Path:
        if not _ID.match(campaign_id):
            raise StoreError(t("store.bad_campaign_id", id=campaign_id))
        return self.root / campaign_id

    # -- definitions -------------------------------------------------------------------------

    def save_campaign(self, campaign_id: str, definition: dict[str, Any],
                      replace: bool = False) -> None:
        from quizhall.store.store import make_dir

        directory = self._directory(campaign_id)
        path = directory / "campaign.json"
        if path.exists() and not replace:
            raise CampaignExistsError(t("store.campaign_exists", id=campaign_id))
        make_dir(directory)
        try:
            write_atomic(path, frame(dumps({"kind": CAMPAIGN_KIND, "format": 1,
                                            "definition": definition})[:-1]))
        except OSError as exc:
            raise StoreError(t("store.cannot_create", path=path, error=exc.strerror)) from exc

    def campaign(self, campaign_id: str) -> dict[str, Any] | None:
        try:
            data = (self._directory(campaign_id) / "campaign.json").read_bytes()
        except (OSError, StoreError):
            return None
        obj = unframe(data)
        if obj is None or obj.get("kind") != CAMPAIGN_KIND:
            raise StoreError(t("store.not_ours", path=self.root / campaign_id / "campaign.json"))
        return dict(obj["definition"])

    def campaign_ids(self) -> list[str]:
        if not self.root.is_dir():
            return []
        return sorted(path.name for path in self.root.iterdir()
                      if _ID.match(path.name) and (path / "campaign.json").is_file())

    # -- totals ------------------------------------------------------------------------------

    @contextmanager
    def _writing(self, campaign_id: str) -> Iterator[JournalStorage]:
        """The campaign's totals, locked for writing: opened for this write and closed after
        it (so the trainees of other processes can write in turn; a write waits up to
        :data:`LOCK_WAIT` seconds for another to finish), or kept open with ``hold``."""
        if campaign_id in self._writers:
            yield self._writers[campaign_id]
            return
        if self.campaign(campaign_id) is None:
            raise StoreError(t("store.no_campaign", id=campaign_id))
        from quizhall.store.store import make_dir

        directory = self._directory(campaign_id) / "totals"
        make_dir(directory)
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            try:
                storage = JournalStorage(directory, self._now,
                                         what=t("store.what_campaign", id=campaign_id))
                break
            except LockedError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.005)
        self.warnings.extend(storage.recovered)
        if self.hold:
            self._writers[campaign_id] = storage
        try:
            yield storage
        finally:
            if not self.hold:
                storage.close()

    def _table(self, campaign_id: str) -> dict[str, dict]:
        """The totals as they stand: the writer's own when open here, else read afresh."""
        if campaign_id in self._writers:
            return self._writers[campaign_id].read().get(TABLE, {})
        directory = self._directory(campaign_id) / "totals"
        if not directory.is_dir():
            return {}
        storage = JournalStorage(directory, self._now, writer=False,
                                 what=t("store.what_campaign", id=campaign_id))
        self.warnings.extend(storage.recovered)
        return storage.read().get(TABLE, {})

    def join(self, campaign_id: str, user: str, unit: str, at: str) -> MemberTotals:
        with self._writing(campaign_id) as storage:
            found = storage.read().get(TABLE, {}).get(_member_key(user))
            if found is not None:
                return MemberTotals.from_json(found)
            member = MemberTotals(user=user, unit=unit, joined=at, updated=at)

            def change(table: MutableMapping) -> None:
                table[_member_key(user)] = member.to_json()
                for name in enclosing_units(unit):
                    totals = _unit(table, name)
                    table[_unit_key(name)] = {**totals, "members": totals["members"] + 1}

            storage.apply(TABLE, change)
        return member

    def add(self, campaign_id: str, user: str, contribution: Contribution) -> MemberTotals:
        with self._writing(campaign_id) as storage:
            found = storage.read().get(TABLE, {}).get(_member_key(user))
            if found is None:
                raise NotJoinedError(t("store.not_joined", user=user, id=campaign_id))
            before = MemberTotals.from_json(found)
            passed = contribution.passed
            new_pass = passed is not None and passed not in before.passes
            after = MemberTotals(
                user=user, unit=before.unit, joined=before.joined,
                answers=before.answers + contribution.answers,
                correct=before.correct + contribution.correct,
                points=before.points + contribution.points,
                passes=before.passes + ((passed,) if passed is not None and new_pass else ()),
                updated=max(contribution.at, before.updated))

            def change(table: MutableMapping) -> None:
                table[_member_key(user)] = after.to_json()
                for name in enclosing_units(before.unit):
                    totals = _unit(table, name)
                    passes = dict(totals["passes"])
                    if passed is not None and new_pass:
                        passes[passed] = passes.get(passed, 0) + 1
                    table[_unit_key(name)] = {
                        **totals, "answers": totals["answers"] + contribution.answers,
                        "correct": totals["correct"] + contribution.correct,
                        "points": totals["points"] + contribution.points, "passes": passes}

            storage.apply(TABLE, change)
        return after

    def member(self, campaign_id: str, user: str) -> MemberTotals | None:
        found = self._table(campaign_id).get(_member_key(user))
        return None if found is None else MemberTotals.from_json(found)

    def _members(self, table: dict[str, dict], unit: str | None) -> Iterator[MemberTotals]:
        for key, doc in table.items():
            if key.startswith("m/") and (unit is None or in_unit(doc["unit"], unit)):
                yield MemberTotals.from_json(doc)

    def top(self, campaign_id: str, limit: int, unit: str | None = None,
            ) -> list[tuple[int, MemberTotals]]:
        best = heapq.nsmallest(limit, self._members(self._table(campaign_id), unit),
                               key=member_order)
        ranked: list[tuple[int, MemberTotals]] = []
        for index, member in enumerate(best):
            if ranked and member_order(member)[:2] == member_order(ranked[-1][1])[:2]:
                ranked.append((ranked[-1][0], member))
            else:
                ranked.append((index + 1, member))
        return ranked

    def rank(self, campaign_id: str, user: str, unit: str | None = None) -> int | None:
        table = self._table(campaign_id)
        found = table.get(_member_key(user))
        if found is None or (unit is not None and not in_unit(found["unit"], unit)):
            return None
        passes, points = len(found["passes"]), found["points"]
        ahead = 0
        for key, doc in table.items():
            if key.startswith("m/") and (unit is None or in_unit(doc["unit"], unit)):
                their = len(doc["passes"])
                if their > passes or (their == passes and doc["points"] > points):
                    ahead += 1
        return ahead + 1

    def members(self, campaign_id: str) -> Iterator[MemberTotals]:
        return iter(sorted(self._members(self._table(campaign_id), None), key=member_order))

    def units(self, campaign_id: str) -> list[UnitTotals]:
        table = self._table(campaign_id)
        return sorted((UnitTotals.from_json(doc) for key, doc in table.items()
                       if key.startswith("u/")), key=unit_order)

    def reset_totals(self, campaign_id: str, members: Iterable[MemberTotals]) -> None:
        listed = list(members)
        with self._writing(campaign_id) as storage:
            self._reset(storage, listed)

    @staticmethod
    def _reset(storage: JournalStorage, listed: list[MemberTotals]) -> None:
        def change(table: MutableMapping) -> None:
            for key in [key for key in storage.read().get(TABLE, {})]:
                del table[key]
            for member in listed:
                table[_member_key(member.user)] = member.to_json()
                for name in enclosing_units(member.unit):
                    totals = _unit(table, name)
                    passes = dict(totals["passes"])
                    for item in member.passes:
                        passes[item] = passes.get(item, 0) + 1
                    table[_unit_key(name)] = {
                        **totals, "members": totals["members"] + 1,
                        "answers": totals["answers"] + member.answers,
                        "correct": totals["correct"] + member.correct,
                        "points": totals["points"] + member.points, "passes": passes}

        storage.apply(TABLE, change)

    def close(self) -> None:
        """Close every campaign held open here for writing, releasing its lock."""
        for storage in self._writers.values():
            storage.close()
        self._writers.clear()


def _unit(table: MutableMapping, name: str) -> dict[str, Any]:
    """A unit's totals document in a table being changed (zeros when it has none yet)."""
    key = _unit_key(name)
    if key in table:
        return dict(table[key])
    return UnitTotals(unit=name).to_json()
