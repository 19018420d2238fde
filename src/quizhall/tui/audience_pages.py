"""The audience's full-screen projector pages: how to join, the answers, the leaderboard, winners.

:func:`audience_page` turns an :class:`~quizhall.contest.audience.AudienceBoard` (folded from
the log) into exactly ``height`` lines of at most ``width`` cells while the host has one of
the audience's pages up (``board.page``, see :data:`~quizhall.contest.audience.AUDIENCE_PAGES`):
the join page (a QR code as large as fits, the address and the join code), the current
audience question's answers (a live count per option and the time left; at the reveal the
distribution with the right answer marked ✔), the audience leaderboard, and the last prize
draw's winners. Texts read from the back row are drawn with :mod:`quizhall.tui.bigtext`, as
:mod:`quizhall.tui.hall` draws the contest's pages. Nicknames are shown literally. A pure
function of its arguments: the snapshot tests pin it without a terminal.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

import segno
from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from quizhall.contest.audience import AUDIENCE_PAGES, AudienceBoard
from quizhall.i18n import t
from quizhall.tui.bigtext import BigFont
from quizhall.tui.hall import (
    MAX_ROWS,
    Block,
    Item,
    Palette,
    blocks_at,
    layout_items,
    side_by_side,
    stack,
)
from quizhall.tui.literal import visible

BOARD_LINES = 10  # the leaderboard's rows on the projector


# -- the QR code ----------------------------------------------------------------------------------

@lru_cache(maxsize=8)
def qr_matrix(data: str) -> tuple[tuple[bool, ...], ...]:
    """``data``'s QR code modules (True dark), with the quiet zone a reader needs."""
    return tuple(tuple(bool(m) for m in row)
                 for row in segno.make(data, error="m").matrix_iter(scale=1, border=2))


def qr_size(data: str, scale: int) -> tuple[int, int]:
    """(cells wide, lines tall) of ``data``'s QR code drawn at ``scale``."""
    modules = len(qr_matrix(data))
    return modules * scale, (modules * scale + 1) // 2


def qr_lines(data: str, scale: int = 1) -> list[Text]:
    """``data`` as a QR code in the terminal: each module ``scale`` cells wide and ``scale``
    half-lines tall (▀ with a foreground and a background), dark on white."""
    rows = [[m for m in row for _ in range(scale)] for row in qr_matrix(data)
            for _ in range(scale)]
    if len(rows) % 2:
        rows.append([False] * len(rows[0]))
    lines = []
    for top, bottom in zip(rows[::2], rows[1::2], strict=True):
        line = Text(no_wrap=True, overflow="crop")
        for upper, lower in zip(top, bottom, strict=True):
            line.append("▀", Style(color="#000000" if upper else "#ffffff",
                                   bgcolor="#000000" if lower else "#ffffff"))
        lines.append(line)
    return lines


def short_address(url: str) -> str:
    """The address as people type it: without ``http://`` and the trailing slash."""
    return url.removeprefix("http://").rstrip("/")


def join_address(board: AudienceBoard) -> str:
    """What the QR code holds: the address with the join code."""
    return f"{board.url}?c={board.code}"


# -- the pages ----------------------------------------------------------------------------------

def audience_page(board: AudienceBoard, now: float, width: int, height: int,
                  font: BigFont | None, palette: Palette | None = None,
                  options: Mapping[str, str] | None = None) -> list[Text] | None:
    """The audience page the host has put up, for a ``width``×``height`` screen; None when
    none is up (the contest's own page shows). ``options`` are the current audience
    question's option texts (letter → text), written under the bars."""
    page = full_page(board)
    if not page:
        return None
    palette = palette or Palette()
    width, height = max(20, width), max(8, height)
    if page == "answers":
        lines = answers_page(board, now, width, height, font, palette, options or {})
    elif page == "board":
        lines = leaderboard_page(board, width, height, font, palette)
    elif page == "winners":
        lines = winners_page(board, width, height, font, palette)
    else:
        lines = join_page(board, width, height, font, palette)
    lines = lines[:height]
    return lines + [Text() for _ in range(height - len(lines))]


def full_page(board: AudienceBoard) -> str:
    """The audience page the hall's screens draw full-screen ("" for none): the one the host
    put up, or the join page when it has nothing to show (answers before any audience
    question, winners before any draw)."""
    if board.page not in AUDIENCE_PAGES or not board.url:
        return ""
    if (board.page == "answers" and board.current is None) or (
            board.page == "winners" and not board.draws):
        return "join"
    return board.page


def top_line(title: str, right: str, width: int, palette: Palette) -> Text:
    """The page's first line: what it is, and ``right`` at the far right."""
    line = Text(title, style=f"bold {palette.muted}")
    room = width - cell_len(right) - 2
    line.truncate(max(0, room), overflow="ellipsis")
    line.pad_right(max(0, room - line.cell_len) + 2)
    line.append(right, style=f"bold {palette.accent}")
    line.truncate(width, overflow="ellipsis")
    return line


def join_page(board: AudienceBoard, width: int, height: int, font: BigFont | None,
              palette: Palette) -> list[Text]:
    """The QR code as large as fits, beside it the address and the join code, large."""
    data = join_address(board)
    room = height - 2
    scale = 1
    while qr_size(data, scale + 1)[0] <= width // 2 and qr_size(data, scale + 1)[1] <= room:
        scale += 1
    qr = qr_lines(data, scale)
    qr_width = qr_size(data, scale)[0]
    column = max(10, width - qr_width - 6)
    items = [Item(t("audience.panel.scan"), "bold", big=False, align="left"),
             Item(short_address(board.url), f"bold {palette.foreground}", align="left"),
             Item(t("audience.panel.code"), "bold", big=False, align="left"),
             Item(board.code, f"bold {palette.accent}", align="left"),
             Item(t("audience.panel.members", count=len(board.members)), "", big=False,
                  align="left")]
    blocks = one_line_blocks(font, items, column, room)
    words = stack(blocks, max(len(qr), sum(b.height for b in blocks) + len(blocks)), column)
    body = side_by_side(Block(qr), Block(words), width - 2, qr_width + 4)
    title = top_line(t("audience.page.title"), t("audience.big.join_hint"), width, palette)
    return [title, *stack([body], room + 1, width - 2)]


def one_line_blocks(font: BigFont | None, items: Sequence[Item], width: int,
                    height: int) -> list[Block]:
    """The items at the largest size that fits ``height`` with each big one on one line (an
    address or a code broken in two is misread); plain type when none does."""
    for rows in (range(min(MAX_ROWS, height), 1, -1) if font is not None else ()):
        blocks = blocks_at(font, items, width, rows)
        if blocks is not None and sum(b.height for b in blocks) + len(blocks) - 1 <= height \
                and all(b.height <= rows for b in blocks):
            return blocks
    return blocks_at(None, items, width, 1) or []


def _row(label: Block, bar: int, bar_style: str, value: Block, width: int,
         label_width: int, note: Text) -> Block:
    """A row: the label, a bar, the value at the right edge; ``note`` under the bar (on the
    row's last line, when the row has more than one)."""
    value_width = max((line.cell_len for line in value.lines), default=0)
    height = max(label.height, value.height)
    lines = []
    for i in range(height):
        line = Text("  ")
        line.append_text(label.lines[i] if i < label.height else Text())
        line.pad_right(max(0, label_width + 2 - line.cell_len))
        if note and height > 1 and i == height - 1:
            text = note.copy()
            text.truncate(max(0, width - value_width - line.cell_len - 2), overflow="ellipsis")
            line.append_text(text)
        else:
            if note and height == 1:  # plain type: the text before a shorter bar
                text = note.copy()
                text.truncate(max(0, width // 3), overflow="ellipsis")
                line.append_text(text + Text(" "))
                bar = min(bar, max(0, width - value_width - line.cell_len - 2))
            line.append("█" * bar, style=bar_style)
        line.pad_right(max(0, width - value_width - line.cell_len))
        if i < value.height:
            line.append_text(value.lines[i])
        lines.append(line)
    return Block(lines)


def _rows(labels: Sequence[Item], values: Sequence[Item], shares: Sequence[float],
          styles: Sequence[str], width: int, height: int, font: BigFont | None,
          notes: Sequence[Text] = ()) -> list[Text]:
    """One row per label, all drawn at the largest size that lets every row fit ``height``
    (with ``notes`` under the bars)."""
    count = max(1, len(labels))
    per_row = max(1, height // count)
    label_column, value_column = width * 2 // 5, width // 3
    drawn_labels = drawn_values = None
    for size in range(min(MAX_ROWS, per_row - 1), 1, -1):
        drawn_labels = blocks_at(font, labels, label_column, size)
        drawn_values = blocks_at(font, values, value_column, size)
        # Every label and value on one line: a rank, a name or a share never breaks.
        if drawn_labels is not None and drawn_values is not None and all(
                b.height <= min(size, per_row - 1) for b in [*drawn_labels, *drawn_values]):
            break
    else:
        drawn_labels = blocks_at(None, labels, label_column, 1) or []
        drawn_values = blocks_at(None, values, value_column, 1) or []
    label_width = max((line.cell_len for b in drawn_labels for line in b.lines), default=0)
    value_width = max((line.cell_len for b in drawn_values for line in b.lines), default=0)
    bar_room = max(0, width - label_width - value_width - 8)
    notes = list(notes) or [Text()] * len(drawn_labels)
    rows = [_row(label, round(bar_room * share), style, value, width, label_width + 2, note)
            for label, value, share, style, note in zip(drawn_labels, drawn_values, shares,
                                                        styles, notes, strict=True)]
    return stack(rows, height, width, gap=1 if per_row > 2 else 0)


def answers_page(board: AudienceBoard, now: float, width: int, height: int,
                 font: BigFont | None, palette: Palette,
                 options: Mapping[str, str]) -> list[Text]:
    """How many answered and a bar per option (its text under the bar), with the time left;
    at the reveal the distribution in shares, the right option(s) marked ✔ and said in the
    last line."""
    question = board.current
    assert question is not None
    counts = question.counts()
    answered = len(question.answers)
    status = t("audience.panel.answered", count=answered, members=len(board.members))
    if not question.closed:
        status += "  " + t("audience.panel.left", seconds=int(question.remaining(now) + 0.999))
    title = top_line(t("audience.panel.question", number=question.number), status, width,
                     palette)
    largest = max([*counts.values(), 1])
    labels, values, shares, styles, notes = [], [], [], [], []
    for letter in question.options:
        count = counts.get(letter, 0)
        right = question.closed and letter in question.answer
        labels.append(Item(f"{letter} ✔" if right else letter,
                           f"bold {palette.success}" if right else "bold", align="left"))
        share = f"{count * 100 // answered}%" if question.closed and answered else str(count)
        values.append(Item(share, f"bold {palette.success}" if right else "bold",
                           align="left"))
        shares.append(count / largest)
        styles.append(palette.success if right else palette.accent if not question.closed
                      else palette.muted)
        notes.append(Text(visible(options.get(letter, "")),
                          style=f"bold {palette.success}" if right else "bold"))
    footer = Text(t("audience.panel.right_answer", answer=question.answer,
                    count=len(question.right())), style=f"bold {palette.success}") \
        if question.closed else Text(t("audience.big.join_line", address=short_address(
            board.url), code=board.code), style=f"bold {palette.muted}")
    footer.truncate(width - 4, overflow="ellipsis")
    body = _rows(labels, values, shares, styles, width - 2, height - 4, font, notes)
    return [title, Text(), *body, Text(), Text("  ") + footer]


def leaderboard_page(board: AudienceBoard, width: int, height: int, font: BigFont | None,
                     palette: Palette) -> list[Text]:
    """The audience's best: rank and nickname, right answers and time, large as fits."""
    standings = board.leaderboard()[:BOARD_LINES]
    title = top_line(t("audience.panel.board"),
                     t("audience.panel.members", count=len(board.members)), width, palette)
    if not standings:
        blocks, _ = layout_items(font, [Item(t("audience.big.board_empty"), "bold")],
                                 width - 4, height - 2)
        return [title, *stack(blocks, height - 1, width - 2)]
    labels = [Item(f"{line.rank}. {line.nickname}" + (f" ({line.unit})" if line.unit else ""),
                   f"bold {palette.accent}" if line.rank == 1 else "bold", align="left")
              for line in standings]
    values = [Item(t("audience.big.right_time", right=line.right, seconds=f"{line.seconds:.1f}"),
                   "bold", align="left") for line in standings]
    # No bars here: the numbers say it, and rows of solid blocks would only shout.
    shares = [0.0] * len(standings)
    styles = [""] * len(standings)
    return [title, Text(), *_rows(labels, values, shares, styles, width - 2, height - 2, font)]


def winners_page(board: AudienceBoard, width: int, height: int, font: BigFont | None,
                 palette: Palette) -> list[Text]:
    """The last draw's winners, each nickname as large as fits, with the draw's seed and how
    many were in it (so the hall can check it afterwards)."""
    draw = board.draws[-1]
    title = top_line(t("audience.panel.winners"),
                     t("audience.big.draw_of", count=len(draw.candidates), seed=draw.seed),
                     width, palette)
    items = []
    for device in draw.winners:
        member = board.members.get(device)
        items.append(Item(member.nickname if member else device, f"bold {palette.accent}"))
        if member and member.unit:
            items.append(Item(member.unit, "bold", big=False))
    blocks, _ = layout_items(font, items, width - 4, height - 2, gap=2)
    return [title, *stack(blocks, height - 1, width - 2, gap=2)]

