"""A campaign's leaderboard as a workbook: one sheet by person, one by unit
(``export --campaign``)."""

from __future__ import annotations

from datetime import datetime

from quizhall.campaign.model import Campaign
from quizhall.exporters.tables import NUMBER, Cell, Column, Document, Sheet, Table
from quizhall.i18n import t
from quizhall.store.campaigns import MemberTotals, UnitTotals, member_order, unit_order


def _ranks(keys: list[tuple[int, float]]) -> list[int]:
    """Competition ranks (1, 2, 2, 4) of keys already in board order."""
    ranks: list[int] = []
    for index, key in enumerate(keys):
        ranks.append(ranks[-1] if index and key == keys[index - 1] else index + 1)
    return ranks


def campaign_document(campaign: Campaign, members: list[MemberTotals],
                      units: list[UnitTotals], now: datetime) -> Document:
    """Every member and every unit, ranked as ``campaign leaderboard`` ranks them."""
    members = sorted(members, key=member_order)
    units = sorted(units, key=unit_order)
    items = campaign.items()
    people_columns = (
        Column("rank", t("campaign.col_rank"), NUMBER),
        Column("user", t("campaign.col_user")), Column("unit", t("campaign.col_unit")),
        Column("passed", t("campaign.col_passes"), NUMBER),
        Column("points", t("campaign.col_points"), NUMBER),
        Column("answers", t("campaign.col_answers"), NUMBER),
        Column("correct", t("campaign.col_correct"), NUMBER),
        Column("completed", t("campaign.col_completed")),
        *(Column(key, title) for key, title in items))
    ranks = _ranks([(len(m.passes), m.points) for m in members])
    people: tuple[tuple[Cell, ...], ...] = tuple(
        (rank, m.user, m.unit, len(m.passes), round(m.points, 6), m.answers, m.correct,
         t("campaign.yes" if campaign.completed(m.passes) else "campaign.no"),
         *("✓" if key in m.passes else "" for key, _ in items))
        for rank, m in zip(ranks, members, strict=True))
    unit_columns = (
        Column("rank", t("campaign.col_rank"), NUMBER), Column("unit", t("campaign.col_unit")),
        Column("members", t("campaign.col_members"), NUMBER),
        Column("passed", t("campaign.col_passes"), NUMBER),
        Column("points", t("campaign.col_points"), NUMBER),
        Column("answers", t("campaign.col_answers"), NUMBER),
        Column("correct", t("campaign.col_correct"), NUMBER),
        *(Column(key, title, NUMBER) for key, title in items))
    unit_ranks = _ranks([(u.total_passes, u.points) for u in units])
    unit_rows: tuple[tuple[Cell, ...], ...] = tuple(
        (rank, u.unit, u.members, u.total_passes, round(u.points, 6), u.answers, u.correct,
         *(u.passes.get(key, 0) for key, _ in items))
        for rank, u in zip(unit_ranks, units, strict=True))
    by_person = t("campaign.board_people", title=campaign.title)
    by_unit = t("campaign.board_units")
    facts = ((t("campaign.fact_id"), campaign.id),
             (t("campaign.fact_period"), t("campaign.period",
                                           opens=campaign.opens.strftime("%Y-%m-%d %H:%M"),
                                           closes=campaign.closes.strftime("%Y-%m-%d %H:%M"))),
             (t("campaign.col_members"), str(len(members))),
             (t("campaign.fact_as_of"), now.strftime("%Y-%m-%d %H:%M")))
    return Document(
        title=campaign.title, facts=facts,
        sheets=(Sheet("people", by_person, (Table("people", by_person, people_columns,
                                                   people),)),
                Sheet("units", by_unit, (Table("units", by_unit, unit_columns, unit_rows),))))
