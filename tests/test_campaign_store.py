"""The campaign store contract: every backend keeps definitions, members and running totals alike.

The ``campaign_store`` fixture yields a fresh store holding no campaign; a backend adds itself
to ``BACKENDS`` (and skips, with the reason, when its server is not there).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quizhall.store import StoreError, open_store
from quizhall.store.campaigns import (
    CampaignExistsError,
    CampaignStore,
    Contribution,
    MemberTotals,
    NotJoinedError,
)

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
AT = "2026-03-01T08:00:00Z"


@contextmanager
def _embedded(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[CampaignStore]:
    store = open_store(tmp_path / "data", now=lambda: NOW)
    try:
        yield store.campaigns
    finally:
        store.close()


@contextmanager
def _postgresql(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[CampaignStore]:
    """A new database in the throwaway cluster (skipped without a server, failed under CI)."""
    store = open_store(request.getfixturevalue("postgres_url"), now=lambda: NOW)
    try:
        yield store.campaigns
    finally:
        store.close()


BACKENDS: dict[str, Callable[[pytest.FixtureRequest, Path], object]] = {
    "embedded": _embedded, "postgresql": _postgresql}


@pytest.fixture(params=sorted(BACKENDS))
def campaign_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[CampaignStore]:
    with BACKENDS[request.param](request, tmp_path) as store:  # type: ignore[attr-defined]
        yield store


def _with_members(store: CampaignStore, *members: tuple[str, str]) -> None:
    store.save_campaign("c1", {"title": "t"})
    for user, unit in members:
        store.join("c1", user, unit, AT)


def test_definition_is_stored_and_listed(campaign_store: CampaignStore) -> None:
    campaign_store.save_campaign("c1", {"title": "政策闯关", "units": ["a"]})
    assert campaign_store.campaign("c1") == {"title": "政策闯关", "units": ["a"]}
    assert campaign_store.campaign_ids() == ["c1"]
    assert campaign_store.campaign("nope") is None


def test_duplicate_id_refused_unless_replaced_and_replacing_keeps_totals(
        campaign_store: CampaignStore) -> None:
    _with_members(campaign_store, ("ann", "a"))
    campaign_store.add("c1", "ann", Contribution(AT, answers=1, correct=1, points=1.0))
    with pytest.raises(CampaignExistsError):
        campaign_store.save_campaign("c1", {"title": "again"})
    campaign_store.save_campaign("c1", {"title": "again"}, replace=True)
    assert campaign_store.campaign("c1") == {"title": "again"}
    member = campaign_store.member("c1", "ann")
    assert member is not None and member.answers == 1


def test_bad_campaign_id_is_refused(campaign_store: CampaignStore) -> None:
    with pytest.raises(StoreError):
        campaign_store.save_campaign("Bad Id", {})


def test_joining_an_unknown_campaign_is_refused(campaign_store: CampaignStore) -> None:
    with pytest.raises(StoreError):
        campaign_store.join("nope", "ann", "a", AT)


def test_joining_twice_keeps_the_first_unit(campaign_store: CampaignStore) -> None:
    _with_members(campaign_store, ("ann", "a"))
    again = campaign_store.join("c1", "ann", "b", AT)
    assert again.unit == "a"
    units = {u.unit: u.members for u in campaign_store.units("c1")}
    assert units == {"a": 1}


def test_adding_for_a_non_member_is_refused(campaign_store: CampaignStore) -> None:
    _with_members(campaign_store)
    with pytest.raises(NotJoinedError):
        campaign_store.add("c1", "ghost", Contribution(AT, answers=1))


def test_add_updates_member_and_every_enclosing_unit(campaign_store: CampaignStore) -> None:
    _with_members(campaign_store, ("ann", "city/office"), ("bob", "city"))
    campaign_store.add("c1", "ann", Contribution(AT, answers=2, correct=1, points=1.5))
    campaign_store.add("c1", "ann", Contribution(AT, passed="law/L1"))
    campaign_store.add("c1", "bob", Contribution(AT, answers=1, correct=1, points=1.0))
    ann = campaign_store.member("c1", "ann")
    assert ann == MemberTotals("ann", "city/office", AT, answers=2, correct=1, points=1.5,
                               passes=("law/L1",), updated=AT)
    units = {u.unit: u for u in campaign_store.units("c1")}
    assert units["city"].members == 2 and units["city"].answers == 3
    assert units["city"].points == pytest.approx(2.5)
    assert units["city"].passes == {"law/L1": 1}
    assert units["city/office"].members == 1 and units["city/office"].answers == 2


def test_passing_an_item_twice_counts_once(campaign_store: CampaignStore) -> None:
    _with_members(campaign_store, ("ann", "a"))
    campaign_store.add("c1", "ann", Contribution(AT, passed="law/L1"))
    member = campaign_store.add("c1", "ann", Contribution(AT, passed="law/L1"))
    assert member.passes == ("law/L1",)
    assert campaign_store.units("c1")[0].passes == {"law/L1": 1}


def _race(store: CampaignStore) -> None:
    _with_members(store, ("ann", "a/x"), ("bob", "a/y"), ("cat", "b"), ("dan", "b"))
    store.add("c1", "ann", Contribution(AT, points=5.0))
    store.add("c1", "bob", Contribution(AT, points=9.0))
    store.add("c1", "cat", Contribution(AT, points=5.0))
    store.add("c1", "dan", Contribution(AT, points=1.0, passed="law/L1"))


def test_leaderboard_orders_by_passes_then_points_then_name(
        campaign_store: CampaignStore) -> None:
    _race(campaign_store)
    top = [(rank, m.user) for rank, m in campaign_store.top("c1", 10)]
    assert top == [(1, "dan"), (2, "bob"), (3, "ann"), (3, "cat")]
    assert [m.user for m in campaign_store.members("c1")] == ["dan", "bob", "ann", "cat"]


def test_top_is_cut_at_the_limit(campaign_store: CampaignStore) -> None:
    _race(campaign_store)
    assert [m.user for _, m in campaign_store.top("c1", 2)] == ["dan", "bob"]


def test_rank_of_one_member_shares_ties(campaign_store: CampaignStore) -> None:
    _race(campaign_store)
    assert campaign_store.rank("c1", "dan") == 1
    assert campaign_store.rank("c1", "cat") == 3
    assert campaign_store.rank("c1", "ann") == 3
    assert campaign_store.rank("c1", "ghost") is None


def test_unit_filter_takes_the_units_inside(campaign_store: CampaignStore) -> None:
    _race(campaign_store)
    assert [(r, m.user) for r, m in campaign_store.top("c1", 10, unit="a")] == [
        (1, "bob"), (2, "ann")]
    assert campaign_store.rank("c1", "ann", unit="a") == 2
    assert campaign_store.rank("c1", "cat", unit="a") is None
    assert campaign_store.top("c1", 10, unit="a/x")[0][1].user == "ann"
    assert campaign_store.top("c1", 10, unit="a/") == []


def test_units_board_orders_by_passes_then_points(campaign_store: CampaignStore) -> None:
    _race(campaign_store)
    assert [u.unit for u in campaign_store.units("c1")] == ["b", "a", "a/y", "a/x"]


def test_reset_replaces_every_total(campaign_store: CampaignStore) -> None:
    _race(campaign_store)
    campaign_store.reset_totals("c1", [
        MemberTotals("ann", "a/x", AT, answers=3, correct=2, points=2.0, passes=("p",))])
    assert campaign_store.member("c1", "bob") is None
    assert [m.user for m in campaign_store.members("c1")] == ["ann"]
    units = {u.unit: u for u in campaign_store.units("c1")}
    assert set(units) == {"a", "a/x"}
    assert units["a"].members == 1 and units["a"].passes == {"p": 1}


def test_totals_survive_reopening(tmp_path: Path) -> None:
    store = open_store(tmp_path, now=lambda: NOW)
    _race(store.campaigns)
    store.close()
    again = open_store(tmp_path, now=lambda: NOW)
    assert again.campaigns.rank("c1", "bob") == 2
    assert again.campaigns.member("c1", "dan") is not None
    again.close()


def test_a_reader_sees_what_a_writer_wrote(tmp_path: Path) -> None:
    writer = open_store(tmp_path, now=lambda: NOW)
    reader = open_store(tmp_path, now=lambda: NOW)
    _race(writer.campaigns)
    assert [m.user for _, m in reader.campaigns.top("c1", 1)] == ["dan"]
    writer.campaigns.add("c1", "ann", Contribution(AT, passed="x", points=1))
    writer.campaigns.add("c1", "ann", Contribution(AT, passed="y"))
    assert reader.campaigns.rank("c1", "ann") == 1
    writer.close()
    reader.close()


def test_two_processes_write_one_campaign_in_turn(tmp_path: Path) -> None:
    """The sessions of quizhall serve are separate processes: each write locks the totals
    only while it lasts, so two stores open on one data directory both write."""
    first = open_store(tmp_path, now=lambda: NOW)
    second = open_store(tmp_path, now=lambda: NOW)
    first.campaigns.save_campaign("c1", {})
    first.campaigns.join("c1", "ann", "a", AT)
    second.campaigns.join("c1", "bob", "a", AT)
    for _ in range(3):
        first.campaigns.add("c1", "ann", Contribution(AT, answers=1))
        second.campaigns.add("c1", "bob", Contribution(AT, answers=1))
    units = first.campaigns.units("c1")
    assert (units[0].members, units[0].answers) == (2, 6)
    first.close()
    second.close()
