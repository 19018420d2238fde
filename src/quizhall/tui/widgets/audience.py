"""The audience on the hall's screens: how to join, live answers, the reveal, winners, leaderboard.

:class:`AudiencePanel` renders an :class:`~quizhall.contest.audience.AudienceBoard` (folded
from the log, so the projector and the host console show the same): before the first
audience question, a QR code drawn with half-block characters beside the short address and
join code; while a question is open, how many answered, a live bar per option and the time
left; at the reveal, the distribution with the right answer marked; after a draw, the
winners, large; and the audience leaderboard when the host puts it up. On the host's console
its first line says what the hall sees of the audience (the page full-screen or in the strip
under the contest's page), how many joined and how many answered the audience question.
Nicknames are shown literally.
"""

from __future__ import annotations

import time

from rich.align import Align
from rich.box import HEAVY
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from quizhall.contest.audience import AUDIENCE_PAGES, AudienceBoard
from quizhall.i18n import t
from quizhall.tui.audience_pages import full_page, join_address, qr_lines, short_address
from quizhall.tui.literal import literal

BAR_WIDTH = 30
COUNTS_EVERY = 0.25  # seconds between repaints of the live counts
BOARD_LINES = 10


def qr_text(data: str) -> Text:
    """``data`` as a QR code in the terminal, two modules per character cell."""
    return Text("\n").join(qr_lines(data))


def join_line(board: AudienceBoard) -> Text:
    """One line: where phones join, and the code."""
    return Text.assemble((t("audience.panel.join"), "bold"), " ",
                         (short_address(board.url), "bold"), "  ",
                         t("audience.panel.code"), " ", (board.code, "bold reverse"))


def join_block(board: AudienceBoard) -> RenderableType:
    """The QR code with the address and the code beside it."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column()
    grid.add_column(vertical="middle")
    url = join_address(board)
    words = Text.assemble((t("audience.panel.scan"), "bold"), "\n\n",
                          (short_address(board.url), "bold"), "\n",
                          t("audience.panel.code"), " ", (f" {board.code} ", "bold reverse"),
                          "\n\n", t("audience.panel.members", count=len(board.members)))
    grid.add_row(qr_text(url), words)
    return grid


def question_block(board: AudienceBoard, now: float) -> RenderableType:
    """The current audience question: answers so far, a bar per option, time or result."""
    question = board.current
    assert question is not None
    counts = question.counts()
    answered = len(question.answers)
    head = Text.assemble((t("audience.panel.question", number=question.number), "bold"), "  ",
                         t("audience.panel.answered", count=answered, members=len(board.members)))
    if not question.closed:
        head.append("  ")
        head.append(t("audience.panel.left", seconds=int(question.remaining(now) + 0.999)),
                    "bold")
    rows = Table.grid(padding=(0, 1))
    for _ in range(3):
        rows.add_column()
    largest = max([*counts.values(), 1])
    for letter in question.options:
        count = counts.get(letter, 0)
        right = question.closed and letter in question.answer
        bar = "█" * round(BAR_WIDTH * count / largest) if count else "▏"
        share = f"{count} ({count * 100 // answered}%)" if question.closed and answered \
            else str(count)
        rows.add_row(Text(f"{letter}{' ✓' if right else '  '}", "bold green" if right else ""),
                     Text(bar, "green" if right else "cyan"), Text(share))
    parts: list[RenderableType] = [head, rows]
    if question.closed:
        parts.append(Text(t("audience.panel.right_answer", answer=question.answer,
                            count=len(question.right())), "bold green"))
    parts.append(join_line(board))
    return Group(*parts)


def winners_block(board: AudienceBoard) -> RenderableType:
    """The last draw's winners, one per line in a wide box, centred: the hall reads it from
    the back row."""
    draw = board.draws[-1]
    names = Text(justify="center")
    for device in draw.winners:
        member = board.members.get(device)
        names.append("\n")
        names.append_text(literal(member.nickname if member else device, "bold yellow"))
        if member and member.unit:
            names.append_text(literal(f"  {member.unit}"))
        names.append("\n")
    box = Panel(names, title=Text(t("audience.panel.winners"), "bold"), border_style="yellow",
                box=HEAVY, padding=(0, 8), expand=False)
    return Align.center(box)


def leaderboard_block(board: AudienceBoard) -> RenderableType:
    """The audience leaderboard: rank, nickname (unit), right answers, time."""
    table = Table(title=t("audience.panel.board"), expand=False, show_edge=False)
    table.add_column(t("audience.panel.rank"), justify="right")
    table.add_column(t("audience.panel.nickname"))
    table.add_column(t("audience.panel.right"), justify="right")
    table.add_column(t("audience.panel.seconds"), justify="right")
    for line in board.leaderboard()[:BOARD_LINES]:
        name = literal(line.nickname)
        if line.unit:
            name.append(" ")
            name.append(literal(f"({line.unit})", "dim"))
        table.add_row(str(line.rank), name, str(line.right), f"{line.seconds:.1f}")
    return table


def panel_page(board: AudienceBoard) -> str:
    """Which of the audience's pages (:data:`AUDIENCE_PAGES`) the panel shows now."""
    question = board.current
    if board.page in ("board", "join"):
        return board.page
    if board.page == "answers" and question is not None:
        return "answers"
    if board.winners_shown or (board.page == "winners" and board.draws):
        return "winners"
    return "join" if question is None else "answers"


def audience_renderable(board: AudienceBoard, now: float) -> RenderableType | None:
    """What the audience panel shows now, or None when there is no audience."""
    if not board.url:
        return None
    page = panel_page(board)
    if page == "board":
        return leaderboard_block(board)
    if page == "winners":
        return winners_block(board)
    if page == "answers":
        return question_block(board, now)
    return join_block(board)


def hall_line(board: AudienceBoard, now: float) -> Text:
    """One line for the host: the audience's page the hall sees (full-screen, or in the
    strip under the contest's page), how many joined, and the audience question's answers
    (unless the panel under this line shows them)."""
    full = full_page(board)
    page = full or panel_page(board)
    where = "audience.panel.hall_full" if full else "audience.panel.hall_strip"
    line = Text.assemble(("▣ " + t(where) + " ", "dim"), (t(f"tui.page.audience_{page}"), "bold"),
                         "   ", t("audience.panel.members", count=len(board.members)))
    question = board.current
    if question is not None and panel_page(board) != "answers":  # else the panel shows them
        line.append("   ")
        line.append(t("audience.panel.question", number=question.number), "bold")
        line.append(" " + t("audience.panel.answered", count=len(question.answers),
                            members=len(board.members)))
        line.append(" · ")
        if question.closed:
            line.append(t("audience.panel.closed"))
        else:
            line.append(t("audience.panel.left", seconds=int(question.remaining(now) + 0.999)),
                        "bold")
    return line


class AudiencePanel(Static):
    """The audience's part of a screen; hidden while there is no audience.

    ``hall`` True (the projector): hidden too while one of the audience's pages fills the
    screen (:class:`~quizhall.tui.widgets.hall.HallView` draws it).

    Live counts are repainted at most every :data:`COUNTS_EVERY` seconds: hundreds of answers
    a second must not cost the host console a frame each.
    """

    DEFAULT_CSS = """
    AudiencePanel { display: none; height: auto; max-height: 50%; padding: 0 1;
                     border-top: solid $accent; }
    AudiencePanel.-shown { display: block; }
    """

    def __init__(self, hall: bool = False) -> None:
        super().__init__()
        self.hall = hall
        self._shown: tuple | None = None
        self._counted = 0.0

    def show(self, board: AudienceBoard | None, now: float) -> None:
        """Render ``board`` as it stands at ``now`` (nothing is done when nothing changed).
        On the host's console (not ``hall``) a first line says what the hall sees of the
        audience (:func:`hall_line`)."""
        question = board.current if board is not None else None
        shape = None if board is None else (
            board.url, len(board.questions), question is not None and question.closed,
            int(question.remaining(now) + 0.999) if question else 0, board.winners_shown,
            board.page, len(board.draws),
            len(board.members) if question is None or not self.hall else 0)
        answers = len(question.answers) if question else 0
        if self._shown is not None and shape == self._shown[0]:
            if answers == self._shown[1] or time.monotonic() - self._counted < COUNTS_EVERY:
                return
        self._shown, self._counted = (shape, answers), time.monotonic()
        full = self.hall and board is not None and board.page in AUDIENCE_PAGES
        renderable = audience_renderable(board, now) if board is not None and not full else None
        if renderable is not None and board is not None and not self.hall:
            renderable = Group(hall_line(board, now), renderable)
        self.set_class(renderable is not None, "-shown")
        self.update(renderable if renderable is not None else "")
