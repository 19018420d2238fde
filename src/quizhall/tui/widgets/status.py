"""The host's status lines: where the contest is, whose turn, who holds the buzz, what is next."""

from __future__ import annotations

from typing import Any

from rich.text import Text

from quizhall.i18n import t
from quizhall.tui.literal import literal
from quizhall.tui.stage_view import StageView, TeamView
from quizhall.tui.text import clock, team_label
from quizhall.tui.widgets.prose import Prose


def where(view: StageView, width: int = 0) -> Text:
    """Line one: contest, round i of n, question k of n.

    Given a ``width`` the line must fit, the contest's title is shortened first (with "…"),
    so "question k of n" at the end is never the part that is cut.
    """
    rest = Text()
    if view.round_title:
        rest.append("  ·  ")
        if view.round_total:
            rest.append(t("tui.round_of", k=view.round_number, n=view.round_total) + " ")
        rest.append_text(literal(view.round_title))
    if view.question is not None:
        rest.append("  ·  ")
        rest.append(t("tui.question_of", k=view.question.number, n=view.question.total),
                    style="bold")
    text = literal(view.contest_title, style="bold")
    if width and rest and text.cell_len + rest.cell_len > width:
        text.truncate(max(2, width - rest.cell_len), overflow="ellipsis")
    text.append_text(rest)
    return text


def who(view: StageView, timer_enabled: bool = True) -> Text:
    """Line two: whose turn, the buzz, time left, and what the next key does."""
    text = Text()

    def part(label: str, value: Text) -> None:
        if text:
            text.append("   ")
        text.append(label + " ", style="dim")
        text.append_text(value)

    turn = view.team(view.turn)
    holder = view.team(view.buzz_holder)

    def noted(team: TeamView, label: Text) -> Text:
        # The team's plugin notes after its label, outside the label's colour.
        if not team.notes:
            return label
        value = Text()
        value.append_text(label)
        for note in team.notes:
            value.append(" · ")
            value.append_text(literal(note, style="bold"))
        return value

    if turn is not None:
        value = team_label(turn.number, turn.name, turn.colour)
        if view.answerer:
            value.append(" · ")
            value.append_text(literal(view.answerer))
        part(t("tui.turn"), noted(turn, value) if holder is None else value)
    if holder is not None:
        part(t("tui.buzz"), noted(holder, team_label(holder.number, holder.name,
                                                     holder.colour)))
    elif view.buzz_round and view.stage == "question":
        part(t("tui.buzz"), Text(t("tui.buzz_is_open") if view.buzz_open else
                                 t("tui.buzz_is_closed"), style="bold"))
    if timer_enabled and view.time_up:
        part(t("tui.timer"), Text(t("tui.time_up"), style="bold"))
    elif timer_enabled and view.timer is not None:
        state = "" if view.timer.running else f" ({t('tui.paused')})"
        if view.timer.charges:
            state += f" · {view.timer.label}"
        part(t("tui.timer"), Text(t("tui.seconds", s=clock(view.timer.remaining)) + state,
                                  style="bold"))
    return text


def on_projector(view: StageView) -> Text:
    """What the hall sees now, in words: ``▣ 投影：比分`` (the page the host put up, or the
    contest's own page)."""
    page = t(f"tui.page.{view.stage.value}")
    if view.audience_page:
        page = f"{t(f'tui.page.audience_{view.audience_page}')} ({t('tui.page.put_up')})"
    elif view.projected:
        page = f"{page} ({t('tui.page.put_up')})"
    return Text.assemble(("▣ " + t("tui.on_projector") + " ", "dim"), (page, "bold"))


def next_line(view: StageView) -> Text:
    """Line three: what the next key does, the moment's message, and what the hall sees."""
    text = Text()
    if view.next_step:
        text.append(t("tui.next") + " ", style="dim")
        text.append_text(literal(view.next_step, style="bold"))
    if view.message:
        if text:
            text.append("   ")
        text.append_text(literal(view.message, style="italic"))
    if text:
        text.append("   ")
    text.append_text(on_projector(view))
    return text


class HostStatus(Prose):
    """Three lines at the top of the host console that answer "where are we?".

    Fixed in height, so a change of turn, buzz or timer never moves the rest of the screen;
    a line too long for a narrow terminal is cut at the edge (line one shortens the
    contest's title instead, to keep "question k of n").
    """

    DEFAULT_CSS = """
    HostStatus { height: 3; }
    """
    WRAP = False

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._shown: tuple[StageView, bool] | None = None

    def show(self, view: StageView, timer_enabled: bool = True) -> None:
        """Show where the contest stands."""
        self._shown = (view, timer_enabled)
        lines = [where(view, self.content_size.width), who(view, timer_enabled),
                 next_line(view)]
        self.update(Text("\n").join(line for line in lines))

    def on_resize(self) -> None:
        if self._shown is not None:
            self.show(*self._shown)
