"""The projector's pages laid out for the screen they are on, text as large as fits.

:func:`hall_page` turns a :class:`~quizhall.tui.stage_view.StageView` (already made fit for the
audience) into exactly ``height`` lines of at most ``width`` cells: title card, team
introduction, round card (for a question board round: the board), question (with buzz lock,
countdown, reveal, and what the round type adds: judges' scores, who is still in, who chose
the value for whom), scoreboard and podium. Texts that matter from the back row (stem,
options, explanation, team names, scores, the countdown) are drawn with
:mod:`quizhall.tui.bigtext` at the largest size that lets the page fit; the rest is plain
text. The countdown takes the rows the question leaves. Without a font, or where even the
smallest legible size does not fit, a text falls back to plain type. It is a pure function
of its arguments, so the benchmarks measure it and the tests pin it without a terminal.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from rich.cells import cell_len
from rich.text import Text

from quizhall.i18n import get_language, t
from quizhall.tui.bigtext import BigFont
from quizhall.tui.literal import visible
from quizhall.tui.stage_view import (
    BoardView,
    DesignationView,
    JudgesView,
    QuestionView,
    Stage,
    StageView,
    StandingView,
    TeamView,
)
from quizhall.tui.text import clock, contrast, named, points
from quizhall.tui.wrap import break_points

MAX_ROWS = 12  # no text line taller than this: a 240×67 screen would otherwise shout
FINAL_SECONDS = 5  # the countdown's last seconds are drawn inverted, with a word beside


@dataclass(frozen=True, slots=True)
class Palette:
    """The few colours a projector page uses, taken from the app's theme."""

    foreground: str = "#ffffff"
    background: str = "#000000"
    accent: str = "#ffd400"
    success: str = "#3ddc84"
    error: str = "#ff5c5c"
    muted: str = "#9a9a9a"


class Block:
    """Lines of text stacked top to bottom; each line at most the page's width.

    A block of one item is made from plain strings and turned into styled lines only when it
    is drawn: the layout tries many sizes and keeps one.
    """

    __slots__ = ("_drawn", "_lines", "_make")

    def __init__(self, lines: list[Text] | None = None, drawn: list[str] | None = None,
                 make: Any = None) -> None:
        self._lines = lines if lines is not None or drawn is not None else []
        self._drawn = drawn
        self._make = make

    @property
    def height(self) -> int:
        return len(self._drawn) if self._drawn is not None else len(self._lines or ())

    @property
    def lines(self) -> list[Text]:
        if self._lines is None:
            self._lines = self._make(self._drawn)
        return self._lines


# -- text, large or plain -----------------------------------------------------------------------

def _wrap_spans(text: str, width: int, measure: Mapping[str, int] | None) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (Chinese may break anywhere)."""
    size = (lambda c: measure[c]) if measure is not None else cell_len
    points_ = set(break_points(text))
    lines: list[str] = []
    start, used, last_break = 0, 0, None
    i = 0
    while i < len(text):
        if i in points_ and i > start:
            last_break = i
        w = size(text[i])
        if used + w > width and i > start and not text[i].isspace():
            end = last_break if last_break is not None and last_break > start else i
            lines.append(text[start:end].rstrip())
            start = end
            while start < len(text) and text[start] == " ":
                start += 1
            i, used, last_break = start, 0, None
            continue
        used += w
        i += 1
    lines.append(text[start:].rstrip())
    return [line for line in lines if line] or [""]


def big_lines(font: BigFont, text: str, rows: int, width: int) -> list[str] | None:
    """``text`` wrapped to ``width`` cells and drawn ``rows`` tall, or None if a glyph is
    wider than the line."""
    measure = {c: font.advance(c, rows) for c in set(text)}
    if any(w > width for w in measure.values()):
        return None
    out: list[str] = []
    gap = rows // 4
    for i, line in enumerate(_wrap_spans(text, width, measure)):
        if i and gap:
            out.extend([""] * gap)
        out.extend(font.render(line, rows))
    while out and not out[0].strip():
        out.pop(0)
    while out and not out[-1].strip():
        out.pop()
    return out


def plain_lines(text: str, width: int) -> list[str]:
    """``text`` wrapped to ``width`` cells in ordinary type."""
    return _wrap_spans(text, max(1, width), None)


@dataclass(frozen=True, slots=True)
class Item:
    """One text of a page, with its style; ``big`` texts share one size chosen to fit."""

    text: str
    style: str = ""
    big: bool = True
    width: int = 0  # the column it is set in (0: the page's width less margins)
    align: str = "center"


def blocks_at(font: BigFont | None, items: Sequence[Item], width: int,
              rows: int) -> list[Block] | None:
    """Each item as a block, the big ones ``rows`` tall (None when a big one is illegible at
    that size, or a glyph wider than its column); ``rows`` 1 is plain type."""
    blocks = []
    for item in items:
        size = rows if item.big else 1
        if size > 1 and (font is None or not font.legible(item.text, size)):
            return None
        block = _item_block(font, replace_text(item), size, width)
        if block is None:
            return None
        blocks.append(block)
    return blocks


def layout_items(font: BigFont | None, items: Sequence[Item], width: int, height: int,
                 max_rows: int = MAX_ROWS, gap: int = 1) -> tuple[list[Block], int]:
    """Each item as a block, with the largest common size for the big ones that fits
    ``height`` (blocks separated by ``gap`` blank lines); returns the blocks and the size
    (1: plain type)."""
    for rows in (range(min(max_rows, height), 1, -1) if font is not None else ()):
        blocks = blocks_at(font, items, width, rows)
        if blocks is not None and sum(b.height for b in blocks) + gap * (len(blocks) - 1) \
                <= height:
            return blocks, rows
    return blocks_at(None, items, width, 1) or [], 1


def replace_text(item: Item) -> Item:
    """The item with its text made visible (control characters shown, never obeyed)."""
    return replace(item, text=visible(item.text))


def _item_block(font: BigFont | None, item: Item, rows: int, width: int) -> Block | None:
    column = item.width or width
    if font is not None and rows > 1:
        drawn = big_lines(font, item.text, rows, column)
        if drawn is None:
            return None
    else:
        drawn = plain_lines(item.text, column)

    def make(drawn: list[str]) -> list[Text]:
        return [_align(Text(line, style=f"bold {item.style}"), column, item.align)
                for line in drawn]

    return Block(None, drawn, make)


def _align(text: Text, width: int, align: str) -> Text:
    text = text.copy()
    text.truncate(width)
    text.rstrip()
    room = width - text.cell_len
    if align == "center" and room > 0:
        text = Text(" " * (room // 2)) + text
    return text


# -- composing a page --------------------------------------------------------------------------

def stack(blocks: Sequence[Block], height: int, width: int, gap: int = 1,
          top: int = 0) -> list[Text]:
    """Blocks one under another, the group centred in ``height`` lines below ``top`` lines."""
    body: list[Text] = []
    for i, block in enumerate(blocks):
        if i:
            body.extend(Text() for _ in range(gap))
        body.extend(block.lines)
    body = body[:height]
    above = max(0, (height - len(body)) // 2) if top == 0 else 0
    lines = [Text() for _ in range(above)] + body
    return lines + [Text() for _ in range(height - len(lines))]


def side_by_side(left: Block, right: Block, width: int, left_width: int) -> Block:
    """Two blocks next to each other (the left one padded to ``left_width``)."""
    out = []
    for i in range(max(left.height, right.height)):
        line = left.lines[i].copy() if i < left.height else Text()
        line.pad_right(max(0, left_width - line.cell_len))
        line.truncate(left_width)
        if i < right.height:
            line.append_text(right.lines[i])
        line.truncate(width)
        out.append(line)
    return Block(out)


def header(view: StageView, width: int, palette: Palette, right: str = "") -> Text:
    """The page's top line: contest title, round and question; ``right`` at the far right."""
    parts = [view.contest_title]
    if view.round_title:
        parts.append(round_name(view))
    if view.question is not None and view.stage in (Stage.QUESTION, Stage.REVEAL):
        parts.append(t("tui.question_of", k=view.question.number, n=view.question.total))
        if view.question.kind:
            parts.append(named(f"tui.kind.{view.question.kind}", view.question.kind))
    line = Text(visible(" · ".join(parts)), style=f"bold {palette.muted}")
    if right:
        room = width - cell_len(right) - 2
        line.truncate(max(0, room), overflow="ellipsis")
        line.pad_right(max(0, room - line.cell_len) + 2)
        line.append(right, style=f"bold {palette.accent}")
    line.truncate(width, overflow="ellipsis")
    return line


def round_name(view: StageView) -> str:
    """``第 2/3 轮 必答题`` / ``Round 2 of 3 Required``."""
    name = view.round_title
    if view.round_total:
        name = t("tui.round_of", k=view.round_number, n=view.round_total) + " " + name
    return name


def swatch_text(team: TeamView, text: str = "") -> Text:
    """The team's number (and ``text``) on its colour, never the colour alone."""
    label = text or f" {team.number} "
    style = f"bold {contrast(team.colour)} on {team.colour}" if team.colour else "bold reverse"
    out = Text()
    out.append(label, style=style)
    return out


def scores_strip(teams: Sequence[TeamView], width: int, palette: Palette,
                 holder: int | None = None, turn: int | None = None) -> Text:
    """Every team on one line: number on its colour, name, score, and its state in words."""
    line = Text()
    for team in teams:
        chip = swatch_text(team)
        chip.append(" ")
        chip.append(visible(team.name), style="bold strike" if team.out else "bold")
        chip.append(f" {points(team.score)}", style=f"bold {palette.accent}")
        if team.number == holder:
            chip.append(" " + t("tui.mark_holder"), style="bold")
        elif team.number == turn:
            chip.append(" " + t("tui.mark_turn"), style="bold")
        if team.out:
            chip.append(" " + t("tui.mark_out"))
        elif team.locked_out:
            chip.append(" " + t("tui.mark_locked"))
        if team.wager:
            chip.append(" " + t("tui.mark_wager", value=team.wager))
        if team.lives is not None:
            chip.append(" " + t("tui.mark_lives", lives=team.lives))
        if line.cell_len:
            line.append("   ")
        line.append_text(chip)
    line.truncate(width, overflow="ellipsis")
    return _align(line, width, "center")


# -- the pages --------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Motion:
    """Where each team's scoreboard row is drawn now (rank positions, may be fractional)."""

    positions: Mapping[int, float] = field(default_factory=dict)  # team number → position


def hall_page(view: StageView, width: int, height: int, font: BigFont | None,
              palette: Palette = Palette(), motion: Motion | None = None,
              timers: bool = True) -> list[Text]:
    """The projector page for ``view`` on a ``width``×``height`` screen."""
    width, height = max(20, width), max(8, height)
    stage = view.stage
    if stage is Stage.TITLE:
        lines = title_page(view, width, height, font, palette)
    elif stage is Stage.TEAMS:
        lines = teams_page(view, width, height, font, palette)
    elif stage is Stage.ROUND and isinstance(view.panel, BoardView):
        lines = board_page(view, view.panel, width, height, font, palette)
    elif stage is Stage.ROUND:
        lines = round_page(view, width, height, font, palette)
    elif stage is Stage.SCORES:
        lines = scores_page(view, width, height, font, palette, motion)
    elif stage is Stage.FINAL:
        lines = podium_page(view, width, height, font, palette)
    else:
        lines = question_page(view, width, height, font, palette, timers)
    lines = lines[:height]
    return lines + [Text() for _ in range(height - len(lines))]


def title_page(view: StageView, width: int, height: int, font: BigFont | None,
               palette: Palette) -> list[Text]:
    """The contest's title, large, with its rounds and teams."""
    inner = width - 4
    subtitle = t("tui.title_sub", rounds=view.round_total, teams=len(view.teams))
    blocks, _ = layout_items(font, [Item(view.contest_title, f"bold {palette.accent}")],
                             inner, height - 6)
    chips = Text()
    for team in view.teams:
        if chips.cell_len:
            chips.append("   ")
        chips.append_text(swatch_text(team))
        chips.append(" " + visible(team.name), style="bold")
    blocks += [Block([_align(Text(subtitle, style="bold"), inner, "center")]),
               Block([_align(chips, inner, "center")])]
    return _indent(stack(blocks, height, inner, gap=2), 2)


def teams_page(view: StageView, width: int, height: int, font: BigFont | None,
               palette: Palette) -> list[Text]:
    """Each team: number and name large, members in seat order, buzzer key."""
    inner = width - 4
    top = header(view, width, palette, t("tui.teams_title"))
    count = max(1, len(view.teams))
    per_team = max(2, (height - 2) // count)
    blocks: list[Block] = []
    name_rows = 1
    for team in view.teams:
        extra = []
        if team.members:
            extra.append("  ".join(f"{i}. {m}" for i, m in enumerate(team.members, 1)))
        if team.buzzer_key:
            extra.append(f"{t('tui.buzzer_key')} {team.buzzer_key}")
        detail = "   ".join(extra)
        items = [Item(f"{team.number}  {team.name}", "bold", align="left")]
        fitted, rows = layout_items(font, items, inner - 2, max(1, per_team - 2), gap=0)
        name_rows = max(name_rows, rows)
        bar = Text("█ ", style=team.colour or palette.foreground)
        lines = [bar + line for line in fitted[0].lines]
        lines.append(Text("  ") + Text(visible(detail), style=palette.muted))
        blocks.append(Block(lines))
    body = stack(blocks, height - 1, inner, gap=1 if name_rows > 1 else 0)
    return [top, *_indent(body, 2)]


def round_page(view: StageView, width: int, height: int, font: BigFont | None,
               palette: Palette) -> list[Text]:
    """The round's number and title large, its type, and its rules on one line."""
    inner = width - 4
    kind = named(f"tui.round_kind.{view.round_kind}", view.round_kind) if view.round_kind \
        else ""
    number = t("tui.round_of", k=view.round_number, n=view.round_total) \
        if view.round_total else ""
    items = [Item(number, f"bold {palette.muted}"), Item(view.round_title,
                                                         f"bold {palette.accent}")]
    items = [item for item in items if item.text]
    blocks, _ = layout_items(font, items, inner, height - 6)
    rules = Text(visible(" · ".join(view.round_rules)), style="bold")
    rules.truncate(inner, overflow="ellipsis")
    tail = [Block([_align(Text(visible(kind), style=f"bold {palette.muted}"), inner,
                          "center")]), Block([_align(rules, inner, "center")])]
    panel = panel_block(view, inner, max(3, min(6, height // 8)), font, palette)
    if panel.height:
        tail.append(panel)
    elif view.message:
        tail.append(Block([_align(Text(visible(view.message), style="bold"), inner,
                                  "center")]))
    return _indent(stack(blocks + tail, height, inner, gap=1), 2)


def board_page(view: StageView, board: BoardView, width: int, height: int,
               font: BigFont | None, palette: Palette) -> list[Text]:
    """The question board: a column per topic, a cell per value, picked cells gone, and
    whose pick it is."""
    inner = width - 4
    top = header(view, width, palette, t("tui.board_title"))
    picker = view.team(board.picker)
    foot = Block([_align(Text(visible(t("tui.board_picks", team=picker.name)),
                              style=f"bold {palette.accent}"), inner, "center")]) \
        if picker is not None else Block()
    columns = max(1, len(board.topics))
    gap = 2 if inner >= 40 else 1
    column = max(1, (inner - gap * (columns - 1)) // columns)
    room = height - 2 - (foot.height + 1 if foot.height else 0)
    values = max(1, len(board.values))
    # Topic names share a size (at most a third of a cell row), then the cells take the rest.
    heads, _ = layout_items(font, [Item(topic, "bold") for topic in board.topics], column,
                            max(1, room // (values + 3)), gap=0)
    head_rows = max((b.height for b in heads), default=1)
    cell = max(1, (room - head_rows - 1) // values)
    grid: list[Block] = [_columns(heads, column, gap, head_rows)]
    filled = f"bold {palette.background} on {palette.accent}"
    for row, value in enumerate(board.values):
        cells = []
        for topic in range(columns):
            taken = topic >= len(board.taken) or row >= len(board.taken[topic]) \
                or board.taken[topic][row]
            cells.append(_board_cell("" if taken else value, column, cell, font, filled))
        grid.append(_columns(cells, column, gap, cell))
    body = stack(grid, room, inner, gap=0)
    lines = [top, Text(), *_indent(body, 2)]
    if foot.height:
        lines += [Text(), *_indent(foot.lines, 2)]
    return lines


def _board_cell(value: str, width: int, rows: int, font: BigFont | None,
                style: str) -> Block:
    """One cell of the board: its value large on a filled box, or nothing once picked;
    the last line is left blank between rows."""
    box = max(1, rows - 1) if rows > 1 else 1
    if not value:
        return Block([Text() for _ in range(rows)])
    blocks, _ = layout_items(font, [Item(value, "")], width - 2, box, max_rows=box, gap=0)
    drawn = blocks[0].lines if blocks else []
    lines = []
    for y in range(box):
        k = y - (box - len(drawn)) // 2
        piece = _align(drawn[k], width, "center") if 0 <= k < len(drawn) else Text()
        piece.pad_right(max(0, width - piece.cell_len))
        piece.truncate(width)
        piece.stylize(style)
        lines.append(piece)
    return Block(lines + [Text() for _ in range(rows - box)])


def _columns(blocks: Sequence[Block], width: int, gap: int, rows: int) -> Block:
    """Blocks side by side, each in a column ``width`` cells wide, ``rows`` lines tall."""
    lines = []
    for y in range(rows):
        line = Text()
        for i, block in enumerate(blocks):
            piece = block.lines[y].copy() if y < block.height else Text()
            piece.truncate(width)
            piece.pad_right(width - piece.cell_len + (gap if i < len(blocks) - 1 else 0))
            line.append_text(piece)
        line.rstrip()
        lines.append(line)
    return Block(lines)


def panel_block(view: StageView, width: int, rows: int, font: BigFont | None,
                palette: Palette) -> Block:
    """What the round type adds to the question page: judges' scores, who is still in, who
    chose the value for whom; ``rows`` is the size of its large text."""
    panel = view.panel
    if isinstance(panel, JudgesView):
        return judges_block(view, panel, width, rows, font, palette)
    if isinstance(panel, StandingView):
        standing = "  ".join(visible(team.name) for number in panel.standing
                             if (team := view.team(number)) is not None)
        out = "  ".join(visible(team.name) for number in panel.out
                        if (team := view.team(number)) is not None)
        blocks, _ = layout_items(font, [Item(f"{t('tui.standing_in')}  {standing}", "bold")],
                                 width, rows, max_rows=rows, gap=0)
        lines = list(blocks[0].lines)
        if out:
            gone = Text(f"{t('tui.standing_out')}  ", style=f"bold {palette.error}")
            gone.append(out, style=f"strike {palette.muted}")
            lines.append(_align(gone, width, "center"))
        return Block(lines)
    if isinstance(panel, DesignationView):
        chooser, target = view.team(panel.chooser), view.team(panel.target)
        if chooser is None or target is None:
            return Block()
        key = "tui.designated_chosen" if panel.value else "tui.designated_choosing"
        text = t(key, chooser=chooser.name, target=target.name, value=panel.value)
        blocks, _ = layout_items(font, [Item(text, f"bold {palette.accent}")], width, rows,
                                 max_rows=rows, gap=0)
        return blocks[0]
    return Block()


def judges_block(view: StageView, panel: JudgesView, width: int, rows: int,
                 font: BigFont | None, palette: Palette) -> Block:
    """Each judge's score large in a column of its own (the dropped ones said so, in words
    and dimmed), the mean last once every judge has scored."""
    team = view.team(panel.team)
    title = Text(visible(t("tui.judges_for", team=team.name if team else "")),
                 style=f"bold {palette.muted}")
    count = len(panel.marks) + (1 if panel.mean else 0)
    if count == 0:
        return Block([_align(title, width, "center")])
    gap = 2 if width >= 40 else 1
    column = max(1, (width - gap * (count - 1)) // count)
    items = [Item(mark.score or "–", palette.muted if mark.dropped or not mark.score
                  else f"bold {palette.accent}") for mark in panel.marks]
    labels = [(mark.judge, t("tui.judges_dropped") if mark.dropped else
               "" if mark.score else t("tui.judges_waiting")) for mark in panel.marks]
    if panel.mean:
        items.append(Item(panel.mean, f"bold {palette.success}"))
        labels.append((t("tui.judges_mean"), ""))
    scores = next((drawn for size in range(min(rows, MAX_ROWS), 1, -1)
                   if (drawn := blocks_at(font, items, column, size)) is not None
                   and all(b.height <= rows for b in drawn)), None) \
        or blocks_at(None, items, column, 1) or []
    size = max((b.height for b in scores), default=1)
    cells = []
    for (name, note), score in zip(labels, scores, strict=True):
        lines = [_align(Text(visible(name), style="bold"), column, "center")]
        lines += [_align(line, column, "center") for line in score.lines]
        lines += [Text() for _ in range(size - score.height)]
        lines.append(_align(Text(note, style=f"bold {palette.error}" if note ==
                                 t("tui.judges_dropped") else palette.muted), column,
                            "center"))
        cells.append(Block(lines))
    grid = _columns(cells, column, gap, size + 2)
    return Block([_align(title, width, "center"), *grid.lines])


def countdown(view: StageView, width: int, rows: int, font: BigFont | None,
              palette: Palette, timers: bool) -> Block:
    """The clock, large and centred; inverted with a word in its last seconds."""
    timer = view.timer
    if not timers:
        return Block([_align(Text(t("tui.no_timer"), style="bold"), width, "center")])
    if view.time_up:
        text, style, word = t("tui.time_up"), f"bold {palette.error}", ""
    elif timer is None:
        return Block()
    else:
        text = clock(timer.remaining)
        last = timer.running and 0 < timer.remaining <= FINAL_SECONDS
        style = f"bold {palette.error}" if last else f"bold {palette.accent}"
        word = t("tui.last_seconds") if last else (timer.label or t("tui.time_left"))
        if not timer.running:
            word = f"{word} · {t('tui.paused')}"
    blocks, _ = layout_items(font, [Item(text, style)], width, rows, max_rows=rows, gap=0)
    lines = blocks[0].lines
    if word:
        # The last seconds are marked by shape and words, not by colour alone: the word
        # inverted between arrows.
        label = Text(f" ▶▶ {word} ◀◀ ", style=f"bold reverse {palette.error}") \
            if timer is not None and style.endswith(palette.error) \
            else Text(word, style=f"bold {palette.muted}")
        lines = lines + [_align(label, width, "center")]
    return Block(lines)


def buzz_banner(view: StageView, width: int, rows: int, font: BigFont | None,
                palette: Palette) -> Block:
    """Who holds the buzz, in their colour and in words; or the call to buzz."""
    holder = view.team(view.buzz_holder)
    if holder is None:
        if not view.buzz_open:
            return Block()
        blocks, _ = layout_items(font, [Item(t("tui.buzz_open"), f"bold {palette.accent}")],
                                 width, rows, max_rows=rows, gap=0)
        return blocks[0]
    style = f"bold {contrast(holder.colour)} on {holder.colour}" if holder.colour \
        else "bold reverse"
    name = f"{holder.number} {holder.name}"
    blocks, _ = layout_items(font, [Item(name, style)], width, rows - 1, max_rows=rows, gap=0)
    line = t("tui.buzz_locked", number=holder.number)
    notes = "   ".join(holder.notes)
    if notes:
        line = f"{line}   {notes}"
    lines = [*blocks[0].lines, _align(Text(visible(line), style=style), width, "center")]
    return Block([_fill(line, width, style) for line in lines])


def _fill(line: Text, width: int, style: str) -> Text:
    """A line painted across the whole width (a banner in a team's colour)."""
    out = line.copy()
    out.pad_right(max(0, width - out.cell_len))
    out.stylize(style.replace("bold ", "", 1))
    return out


def labelled(key: str, text: str) -> str:
    """``解析：…`` / ``Explanation: …``: a label and its text."""
    label = t(key)
    return f"{label}{text}" if label.endswith("：") else f"{label} {text}"


def question_items(question: QuestionView | None, revealed: bool, width: int,
                   palette: Palette, columns: int) -> list[Item]:
    """The stem, options and (once revealed) answer, explanation and source as items."""
    if question is None:
        return []
    items = [Item(question.stem, "bold", align="left")]
    right = set(question.right)
    column = (width - 2 * (columns - 1)) // columns
    for letter, text in question.options:
        mark, style = "", "bold"
        if revealed and right:
            if letter in right:
                mark, style = "✔ ", f"bold {palette.success}"
            else:
                mark, style = "  ", palette.muted
        items.append(Item(f"{mark}{letter}. {text}", style, width=column, align="left"))
    if revealed:
        if question.answer and not question.options:
            items.append(Item(labelled("tui.answer", question.answer),
                              f"bold {palette.success}", align="left"))
        if question.explanation:
            items.append(Item(labelled("tui.explanation", question.explanation), "",
                              align="left"))
        if question.source:
            items.append(Item(labelled("tui.source", question.source), palette.muted,
                              align="left"))
    if question.media:
        items.append(Item(f"{t('tui.media')} {question.media}", palette.muted, big=False,
                          align="left"))
    return items


def _options_in_columns(items: list[Item], blocks: list[Block], columns: int,
                        width: int, options: int) -> list[Block]:
    """Option blocks two by two on a wide page: rows of side-by-side blocks."""
    if columns == 1 or options == 0:
        return blocks
    head, opts, tail = blocks[:1], blocks[1:1 + options], blocks[1 + options:]
    column = items[1].width
    rows: list[Block] = []
    for i in range(0, len(opts), columns):
        row = opts[i]
        for other in opts[i + 1:i + columns]:
            row = side_by_side(row, other, width, column + 2)
        rows.append(row)
    return head + rows + tail


def _question_blocks(view: StageView, width: int, height: int, font: BigFont | None,
                     palette: Palette) -> tuple[list[Block], int]:
    """:func:`_fit_question` for the question as the hall sees it (cached: the clock ticks,
    the question stays)."""
    return _fit_question(view.question, view.revealed, width, height, font, palette,
                         get_language())


@lru_cache(maxsize=64)
def _fit_question(question: QuestionView | None, revealed: bool, width: int, height: int,
                  font: BigFont | None, palette: Palette,
                  language: str) -> tuple[list[Block], int]:
    """Stem, options (two columns when each fits on one line) and reveal, as large as fits,
    and how large: 2 all, 1 all but the stem (a long stem in plain type above large
    options), 0 nothing."""
    options = len(question.options) if question is not None else 0
    layouts = (2, 1) if options >= 2 and width >= 60 else (1,)
    for big_stem in (True, False):
        for rows in (range(min(MAX_ROWS, height), 1, -1) if font is not None else ()):
            for columns in layouts:
                items = question_items(question, revealed, width, palette, columns)
                if not big_stem and items:
                    items[0] = replace(items[0], big=False)
                blocks = blocks_at(font, items, width, rows)
                if blocks is None:
                    continue
                if columns > 1 and any(b.height > max(blocks[1].height, 1)
                                       for b in blocks[1:1 + options]):
                    continue  # an option wraps: one column reads better
                fitted = _options_in_columns(items, blocks, columns, width, options)
                if sum(b.height for b in fitted) + len(fitted) - 1 <= height:
                    grown = _grow_options(font, items, blocks[:1], columns, width, height,
                                          options, rows) if big_stem else None
                    return grown or fitted, 2 if big_stem else 1
    items = question_items(question, revealed, width, palette, layouts[0])
    blocks = blocks_at(None, items, width, 1) or []
    return _options_in_columns(items, blocks, layouts[0], width, options), 0


def _grow_options(font: BigFont | None, items: list[Item], stem: list[Block], columns: int,
                  width: int, height: int, options: int, rows: int) -> list[Block] | None:
    """The page with the stem as fitted and the items below it larger than ``rows``, as
    large as still fits (short options read better larger than a long stem), or None."""
    for larger in range(min(MAX_ROWS, height), rows, -1):
        rest = blocks_at(font, items[1:], width, larger)
        if rest is None:
            continue
        if columns > 1 and any(b.height > max(rest[0].height, 1) for b in rest[:options]):
            continue
        blocks = _options_in_columns(items, stem + rest, columns, width, options)
        if sum(b.height for b in blocks) + len(blocks) - 1 <= height:
            return blocks
    return None


def question_page(view: StageView, width: int, height: int, font: BigFont | None,
                  palette: Palette, timers: bool) -> list[Text]:
    """Stem and options as large as fits, under a big countdown and the buzz banner."""
    inner = width - 4
    question = view.question
    stake = question.points if question is not None else ""
    top = header(view, width, palette, stake)
    strip = scores_strip(view.teams, width, palette, view.buzz_holder, view.turn)
    room = height - 3  # header, a blank line, the scores strip
    # The stem comes first: on a small screen the clock and the banner shrink to let it be
    # drawn large, if that is enough.
    best: tuple[int, tuple[int, Block, Block, Block, list[Block], int, list[Block]]] | None \
        = None
    clocked = (view.timer is not None or view.time_up or not timers) and not view.revealed
    for compact in (False, True):
        clock_rows = 3 if compact else max(3, min(10, height // 6))
        timer_block = countdown(view, inner, clock_rows, font, palette, timers) \
            if clocked else Block()
        banner = buzz_banner(view, width, 2 if compact else max(4, min(6, height // 9)),
                             font, palette)
        message = Block([_align(Text(visible(view.message), style=f"bold {palette.accent}"),
                                inner, "center")]) if view.message else Block()
        panel = panel_block(view, inner, 3 if compact else max(3, min(8, height // 7)), font,
                            palette)
        fixed = [b for b in (timer_block, banner, panel, message) if b.height]
        left = room - sum(b.height for b in fixed) - len(fixed)
        blocks, large = _question_blocks(view, inner, max(0, left), font, palette)
        if best is None or large > best[0]:
            best = (large, (clock_rows, timer_block, banner, message, fixed, left, blocks))
        if large == 2 or font is None:
            break
    assert best is not None
    clock_rows, timer_block, banner, message, fixed, left, blocks = best[1]
    spare = left - sum(b.height for b in blocks) - max(0, len(blocks) - 1)
    if clocked and timers and spare > 0:
        # The countdown takes what the question leaves: as large as the page allows.
        grown = countdown(view, inner, clock_rows + spare, font, palette, timers)
        if 0 < grown.height - timer_block.height <= spare:
            left -= grown.height - timer_block.height
            fixed = [grown if b is timer_block else b for b in fixed]
    body: list[Text] = []
    for block in fixed:
        if block is banner:
            body.extend(block.lines)
        else:
            body.extend(_indent(block.lines, 2))
        body.append(Text())
    body.extend(_indent(stack(blocks, max(0, left), inner, gap=1, top=1), 2))
    body = body[:room]
    body += [Text() for _ in range(room - len(body))]
    return [top, Text(), *body, strip]


def scores_page(view: StageView, width: int, height: int, font: BigFont | None,
                palette: Palette, motion: Motion | None) -> list[Text]:
    """Every team, best first, a row each: rank, name and score large, a bar for the score."""
    inner = width - 4
    title = header(view, width, palette, t("tui.scores_title"))
    ranked = sorted(view.teams, key=lambda tm: (tm.rank or 10**6, tm.number))
    count = max(1, len(ranked))
    per_team = max(1, (height - 2) // count)
    rows = min(MAX_ROWS, per_team - 1) if per_team >= 4 else 1
    names = [f"{team.rank or place}. {team.name}" for place, team in enumerate(ranked, 1)]
    scores = [points(team.score) for team in ranked]
    # One size for every row, so names and scores line up and bars start at one place.
    name_items = [Item(name, "bold", align="left") for name in names]
    score_items = [Item(score, f"bold {palette.accent}", align="left") for score in scores]
    for size in range(rows, 0, -1):
        drawn_names = blocks_at(font, name_items, inner * 2 // 3, size)
        drawn_scores = blocks_at(font, score_items, inner // 4, size)
        if drawn_names is not None and drawn_scores is not None and all(
                b.height <= max(1, per_team - 1) for b in drawn_names):
            break
    else:
        drawn_names = blocks_at(None, name_items, inner * 2 // 3, 1) or []
        drawn_scores = blocks_at(None, score_items, inner // 4, 1) or []
    name_width = max((line.cell_len for b in drawn_names for line in b.lines), default=0) + 3
    score_width = max((line.cell_len for b in drawn_scores for line in b.lines), default=0)
    bar_room = max(0, inner - name_width - score_width - 3)
    top_score = max((team.score for team in ranked), default=0)
    canvas = [Text() for _ in range(height - 1)]
    used = per_team * count
    for place, team in enumerate(ranked):
        position = motion.positions.get(team.number, place) if motion is not None else place
        y = round(position * per_team) + max(0, (height - 1 - used) // 2)
        share = max(0.0, team.score) / top_score if top_score > 0 else 0.0
        row = _score_row(team, drawn_names[place], drawn_scores[place], inner, name_width,
                         round(bar_room * share), palette)
        for i, line in enumerate(row.lines):
            if 0 <= y + i < len(canvas):
                canvas[y + i] = Text("  ") + line
    return [title, *canvas]


def _score_row(team: TeamView, name: Block, score: Block, width: int, name_width: int,
               bar: int, palette: Palette) -> Block:
    """A team's row: a bar of its colour at the left edge, name, score bar, score."""
    colour = team.colour or palette.foreground
    score_width = max((line.cell_len for line in score.lines), default=0)
    lines = []
    for i in range(max(name.height, score.height)):
        line = Text()
        line.append("▌", style=colour)
        line.append_text(name.lines[i] if i < name.height else Text())
        line.pad_right(max(0, name_width - line.cell_len))
        line.append("█" * bar, style=colour)
        line.pad_right(max(0, width - score_width - line.cell_len))
        if i < score.height:
            line.append_text(score.lines[i])
        lines.append(line)
    return Block(lines)


def tie_note(ranking: Sequence[TeamView]) -> str:
    """A line for each place a tie-break decided (equal scores, different ranks)."""
    notes = []
    for upper, lower in zip(ranking, ranking[1:], strict=False):
        if upper.score == lower.score and upper.rank != lower.rank:
            notes.append(t("tui.tie_decided", first=upper.name, second=lower.name))
    return " · ".join(notes)


def podium_page(view: StageView, width: int, height: int, font: BigFont | None,
                palette: Palette) -> list[Text]:
    """The prize ranks on a podium (second, first, third), the rest below, tie-breaks said."""
    inner = width - 4
    ranking = list(view.ranking or sorted(view.teams,
                                          key=lambda tm: (tm.rank or 10**6, tm.number)))
    title = header(view, width, palette, t("tui.final_title"))
    note = tie_note(ranking)
    rest = ranking[3:]
    others = Text()
    for team in rest:
        if others.cell_len:
            others.append("   ")
        others.append(t("tui.rank", rank=team.rank or 0) + " ", style="bold")
        others.append_text(swatch_text(team))
        others.append(f" {visible(team.name)} {points(team.score)}", style="bold")
        if team.prize:
            others.append(f" {visible(team.prize)}", style=palette.muted)
    others.truncate(inner, overflow="ellipsis")
    footer = [line for line in (others, Text(visible(note), style=f"bold {palette.accent}"))
              if line.cell_len]
    room = height - 2 - len(footer) - (1 if footer else 0)
    top = ranking[:3]
    order = [i for i in (1, 0, 2) if i < len(top)]
    # The winner's column is the widest: its name is drawn the largest.
    shares = {0: 0.4, 1: 0.3, 2: 0.3} if len(order) == 3 else {i: 1 / len(order)
                                                              for i in order}
    steps = {0: 1.0, 1: 0.72, 2: 0.5}
    columns: list[tuple[int, list[Text]]] = []
    for index in order:
        column = int(inner * shares[index])
        columns.append((column, _podium_column(top[index], index + 1, column - 2, room,
                                               steps[index], font, palette)))
    body: list[Text] = []
    for y in range(room):
        line = Text()
        for column, drawn in columns:
            part = drawn[y] if y < len(drawn) else Text()
            part = _align(part, column - 2, "center")
            part.pad_right(max(0, column - part.cell_len))
            line.append_text(part)
        body.append(line)
    lines = [title, Text(), *_indent(body, 2)]
    if footer:
        lines.append(Text())
        lines.extend(_indent([_align(line, inner, "center") for line in footer], 2))
    return lines


def _podium_column(team: TeamView, place: int, width: int, height: int, step: float,
                   font: BigFont | None, palette: Palette) -> list[Text]:
    """One place on the podium: name and score above a pillar with the rank in it."""
    rank = team.rank or place
    pillar_height = max(2, round(height * 0.45 * step))
    room = height - max(2, round(height * 0.45)) - 2  # the same for every place
    items = [Item(team.name, "bold"), Item(points(team.score), f"bold {palette.accent}")]
    blocks, _ = layout_items(font, items, width, max(2, room), gap=0)
    head = [line for block in blocks for line in block.lines]
    if team.prize:  # only the contest's prize ranks win one
        head.append(Text(visible(team.prize), style=f"bold {palette.accent}"))
    colour = team.colour or palette.foreground
    pillar_style = f"bold {contrast(colour)} on {colour}"
    digits, _ = layout_items(font, [Item(str(rank), pillar_style)], width,
                             max(1, pillar_height - 1), gap=0)
    inside = digits[0].lines
    pillar = []
    for y in range(pillar_height):
        k = y - (pillar_height - len(inside)) // 2
        piece = inside[k].copy() if 0 <= k < len(inside) else Text()
        piece = _align(piece, width, "center")
        piece.pad_right(max(0, width - piece.cell_len))
        piece.stylize(pillar_style)
        pillar.append(piece)
    blank = max(0, height - len(head) - pillar_height)
    return [Text() for _ in range(blank)] + head + pillar


def _indent(lines: Sequence[Text], by: int) -> list[Text]:
    pad = " " * by
    return [Text(pad) + line if line.cell_len else Text() for line in lines]
