"""Line breaking that is right for Chinese as well as for English.

Textual and Rich break lines only at spaces, so a run of Chinese (which has none) is treated
as one long "word": after a label it jumps whole to the next line, leaving a ragged gap.
Here a line may break between any two wide (CJK) characters, at spaces between words, but
never before closing punctuation (，。）》 …) or after opening punctuation (（《 …), the
basic rules of Chinese typesetting. Widths are terminal cells (a CJK character takes two).
"""

from __future__ import annotations

import unicodedata

from rich.cells import cell_len
from rich.text import Text

# A line may not start with these, nor end with the opening ones.
NO_START = frozenset("，。、；：？！）》」』】〕〉’”…—·％,.;:?!)]}%")
NO_END = frozenset("（《「『【〔〈‘“([{")
NO_BREAK_SPACE = "\u00a0"  # keeps a key and its description together


def _wide(character: str) -> bool:
    return unicodedata.east_asian_width(character) in ("W", "F")


def _space(character: str) -> bool:
    return character.isspace() and character != NO_BREAK_SPACE


def break_points(text: str, cjk: bool = True) -> list[int]:
    """Indices where a new line may begin (never 0 or ``len(text)``).

    With ``cjk`` False, only spaces break a line (a run of Chinese stays whole unless it is
    wider than the line): for texts made of short labelled items, such as the key bar.
    """
    points = []
    for i in range(1, len(text)):
        before, here = text[i - 1], text[i]
        if _space(here):
            continue
        if _space(before):
            points.append(i)
        elif cjk and (_wide(before) or _wide(here)) and here not in NO_START \
                and before not in NO_END:
            points.append(i)
    return points


def line_spans(text: str, width: int, cjk: bool = True) -> list[tuple[int, int]]:
    """(start, end) of each line when ``text`` (one paragraph) is wrapped to ``width`` cells."""
    width = max(1, width)
    spans: list[tuple[int, int]] = []
    points = break_points(text, cjk)
    start, i, used = 0, 0, 0
    breaks = iter(points)
    pending: list[int] = []
    next_point = next(breaks, None)
    while i < len(text):
        while next_point is not None and next_point <= i:
            pending.append(next_point)
            next_point = next(breaks, None)
        character = text[i]
        size = cell_len(character)
        if _space(character) or used + size <= width:
            used += size
            i += 1
            continue
        candidates = [p for p in pending if start < p <= i]
        end = candidates[-1] if candidates else (i if i > start else i + 1)
        spans.append((start, end))
        start, i, used = end, end, 0
        pending = [p for p in pending if p > end]
    spans.append((start, len(text)))
    return spans


def wrap(text: Text, width: int, cjk: bool = True) -> list[Text]:
    """``text`` as lines of at most ``width`` cells, styles kept, trailing spaces dropped.

    ``cjk`` False breaks lines at spaces only (see :func:`break_points`).
    """
    lines: list[Text] = []
    offset = 0
    for paragraph in text.plain.split("\n"):
        piece = text[offset:offset + len(paragraph)]
        offset += len(paragraph) + 1
        if not paragraph:
            lines.append(Text())
            continue
        for start, end in line_spans(paragraph, width, cjk):
            line = piece[start:end]
            line.rstrip()
            lines.append(line)
    return lines
