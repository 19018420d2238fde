"""The campaign's leaderboard in the practice app: the top members and every unit, the
trainee's own row and unit marked (their row added below the top when they are outside it)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Static, TabbedContent, TabPane

from quizhall.campaign.board import Board, Ranked
from quizhall.i18n import t
from quizhall.tui.literal import literal
from quizhall.tui.practice.bindings import PracticeScreen

TOP = 20  # members shown by person, as ``campaign leaderboard`` shows by default
MARK = "▶"
OWN_STYLE = "bold"


def _number(value: object, style: str = "") -> Text:
    return Text(str(value), style=style)


class LeaderboardScreen(PracticeScreen):
    """Two tabs: by person (rank, name, unit, passes, points) and by unit (rank, unit,
    members, passes, points, answers): the figures the ranks come from, all running totals."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "practice.key_back"),
        Binding("1", "tab('board-people')", "campaign.key_people"),
        Binding("2", "tab('board-units')", "campaign.key_units"),
    ]

    def __init__(self, board: Board) -> None:
        super().__init__()
        self.board = board

    def compose(self) -> ComposeResult:
        yield Static(literal(t("campaign.board_title", title=self.board.campaign.title)),
                     classes="title")
        with TabbedContent(id="board-tabs"):
            with TabPane(t("campaign.tab_people", top=TOP), id="board-people"):
                yield self._people()
            with TabPane(t("campaign.tab_units"), id="board-units"):
                yield self._units()
        yield Static(t("campaign.board_hint"), classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        for table in self.query(DataTable):
            if "own" in table.rows:  # the cursor starts on the trainee's own row
                table.move_cursor(row=table.get_row_index("own"))
        self.query_one("#board-people-table", DataTable).focus()

    def _people(self) -> DataTable:
        table: DataTable = DataTable(id="board-people-table", cursor_type="row",
                                     zebra_stripes=True)
        for heading in ("col_rank", "col_user", "col_unit", "col_passes", "col_points"):
            table.add_column(Text(t(f"campaign.{heading}")), key=heading)
        board = self.board
        rows: list[Ranked | None] = list(board.people)
        if board.own is not None and not board.own_in_top():
            rows += [None, board.own]  # None: the gap between the top and the trainee
        own = board.own[1].user if board.own else None
        for ranked in rows:
            if ranked is None:
                table.add_row(_number("⋮", "dim"), *(Text("") for _ in range(4)))
                continue
            rank, member = ranked
            mine = member.user == own
            style = OWN_STYLE if mine else ""
            table.add_row(_number(f"{MARK} {rank}" if mine else rank, style),
                          literal(member.user, style), literal(member.unit, style),
                          _number(len(member.passes), style),
                          _number(f"{round(member.points, 1):g}", style),
                          key="own" if mine else None)
        return table

    def _units(self) -> DataTable:
        table: DataTable = DataTable(id="board-units-table", cursor_type="row",
                                     zebra_stripes=True)
        for heading in ("col_rank", "col_unit", "col_members", "col_passes", "col_points",
                        "col_answers"):
            table.add_column(Text(t(f"campaign.{heading}")), key=heading)
        mine = self.board.own[1].unit if self.board.own else None
        for rank, unit in self.board.units:
            own = unit.unit == mine
            style = OWN_STYLE if own else ""
            table.add_row(_number(f"{MARK} {rank}" if own else rank, style),
                          literal(unit.unit, style), _number(unit.members, style),
                          _number(unit.total_passes, style),
                          _number(f"{round(unit.points, 1):g}", style),
                          _number(unit.answers, style), key="own" if own else None)
        return table

    def action_tab(self, pane: str) -> None:
        self.query_one("#board-tabs", TabbedContent).active = pane
        self.query_one(f"#{pane}-table", DataTable).focus()
