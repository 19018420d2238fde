"""The start screen's campaign panel: the trainee's standing in the app's campaign, read from
the running totals (phase and closing time, progress toward 通关, answers, ranks)."""

from __future__ import annotations

import math
from datetime import datetime
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from quizhall.campaign.board import Standing, standing
from quizhall.i18n import t
from quizhall.store import StoreError
from quizhall.tui.practice.literal import join, literal

if TYPE_CHECKING:
    from quizhall.tui.practice.app import CampaignSeat

TIME = "%Y-%m-%d %H:%M"
SEPARATOR = " · "


def phase_line(found: Standing, now: datetime) -> str:
    """Whether the campaign is open, and when it opens or closes."""
    campaign = found.campaign
    opens, closes = campaign.opens.strftime(TIME), campaign.closes.strftime(TIME)
    if found.phase == "open":
        days = max(1, math.ceil((campaign.closes - now).total_seconds() / 86400))
        return t("campaign.panel_open", closes=closes, days=days)
    return t(f"campaign.panel_{found.phase}", opens=opens, closes=closes)


def progress_line(found: Standing) -> Content:
    """Levels and papers passed of those the pass rules ask for, and whether it is 通关."""
    progress = found.progress
    parts: list[str] = []
    if progress.levels_needed:
        parts.append(t("campaign.panel_levels", passed=progress.levels,
                       needed=progress.levels_needed))
    if progress.papers_needed:
        parts.append(t("campaign.panel_papers", passed=progress.papers,
                       needed=progress.papers_needed))
    done = (t("campaign.panel_done"), "bold $success") if progress.completed else (
        t("campaign.panel_not_done"), "$warning")
    return join(*(part + SEPARATOR for part in parts), done)


def answers_line(found: Standing) -> str:
    member = found.member
    if member is None:
        return t("campaign.panel_not_member")
    return t("campaign.panel_answers", answers=member.answers, correct=member.correct,
             percent=round(found.accuracy * 100), points=f"{round(member.points, 1):g}")


def rank_line(found: Standing) -> Content:
    """The trainee's rank among all members, their unit's among all units."""
    if found.member is None or found.rank is None:
        return join((t("campaign.panel_no_rank"), "dim"))
    mine = (t("campaign.panel_rank", rank=found.rank, members=found.members), "bold")
    if found.unit_rank is None:
        return join(mine)
    return join(mine, SEPARATOR, t("campaign.panel_unit_rank", unit=found.member.unit,
                                   rank=found.unit_rank, units=found.units))


def items_lines(found: Standing) -> Content:
    """Every level and paper of the campaign, one a line, ticked when passed."""
    passes = found.member.passes if found.member else ()
    lines: list[str | tuple[str, str]] = [(t("campaign.panel_items"), "bold")]
    for key, title in found.campaign.items():
        if key in passes:
            lines += ["\n", ("✓ ", "bold $success"), title]
        else:
            lines += ["\n", ("○ " + title, "dim")]
    return join(*lines)


class CampaignPanel(Vertical):
    """The app's campaign as the trainee stands in it; the list of items shows on wide
    screens only."""

    def compose(self) -> ComposeResult:
        yield Static(id="campaign-phase")
        yield Static(id="campaign-progress")
        yield Static(id="campaign-answers")
        yield Static(id="campaign-rank")
        yield Static(id="campaign-items")

    def show(self, seat: CampaignSeat, user: str, now: datetime) -> None:
        """Read the trainee's standing and draw it; a store that cannot be read is said so."""
        self.border_title = literal(t("campaign.panel_title", title=seat.campaign.title))
        self.border_subtitle = t("campaign.panel_key")
        phase = self.query_one("#campaign-phase", Static)
        try:
            found = standing(seat.campaign, seat.store, user, now)
        except StoreError as error:
            phase.update(literal(str(error), "$error"))
            return
        phase.update(literal(phase_line(found, now)))
        self.query_one("#campaign-progress", Static).update(progress_line(found))
        self.query_one("#campaign-answers", Static).update(literal(answers_line(found)))
        self.query_one("#campaign-rank", Static).update(rank_line(found))
        self.query_one("#campaign-items", Static).update(items_lines(found))
