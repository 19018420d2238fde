"""Large text for the projector: glyphs from a font drawn with quadrant block characters.

A terminal cannot change its font size, but it can draw the 16 quadrant blocks (``▘▝▀▖▌▞▛▗▚▐▜
▄▙▟█``, Unicode 3.2, present in every common terminal font and drawn by most terminals
themselves). Each cell holds 2×2 "pixels", so a line of text ``rows`` cells tall has
``2 × rows`` pixel rows. Glyphs are rasterised from a TrueType/OpenType font with Pillow,
area-averaged down to that grid and thresholded; each (character, size) is drawn once and
cached. Chinese needs about 8 pixel rows (4 cells) to stay legible, Latin about 6 (3 cells):
:meth:`BigFont.legible` says which size a text may use.

The font is the first of: the ``QUIZHALL_FONT`` environment variable (a path, or ``none`` to
turn large text off), then well-known CJK fonts of Linux, macOS and Windows, then what
fontconfig's ``fc-match`` proposes for Chinese. Without a font (or without Pillow) there is
no large text and the projector falls back to plain text.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

# Bold faces first: thick strokes survive being drawn with few pixels.
KNOWN_FONTS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "C:/Windows/Fonts/msyhbd.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simhei.ttf",
)
FONT_VARIABLE = "QUIZHALL_FONT"
# The line box in ems: the glyph's baseline sits this far below its top; room for descenders.
LINE_EM = 1.12
BASELINE_EM = 0.92
WIDE_SQUEEZE = 0.9  # Chinese drawn a little narrower than square: more characters a line
INK_THRESHOLD = 0.42  # a pixel is ink when this share of its area is covered
_SUPERSAMPLE = 96  # font size used for rasterising, in image pixels per em
MIN_ROWS_WIDE = 4
MIN_ROWS_NARROW = 3
# The 16 quadrant blocks, by (top-left, top-right, bottom-left, bottom-right) bits.
_QUADRANTS = " ▘▝▀▖▌▞▛▗▚▐▜▄▙▟█"


def wide(character: str) -> bool:
    """True for a character a terminal draws two cells wide (Chinese, full-width forms)."""
    return unicodedata.east_asian_width(character) in ("W", "F")


def find_font() -> str | None:
    """The path of the font for large text, or None when there is none (or it is turned off)."""
    chosen = os.environ.get(FONT_VARIABLE, "").strip()
    if chosen:
        return None if chosen.lower() == "none" or not Path(chosen).is_file() else chosen
    for path in KNOWN_FONTS:
        if Path(path).is_file():
            return path
    if shutil.which("fc-match"):
        try:
            found = subprocess.run(["fc-match", "-f", "%{file}", ":lang=zh-cn:weight=bold"],
                                   capture_output=True, text=True, timeout=3).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return None
        if found and Path(found).is_file() and Path(found).suffix.lower() in (
                ".ttf", ".ttc", ".otf"):
            return found
    return None


class BigFont:
    """A font drawn large with quadrant blocks; every glyph is cached once drawn."""

    def __init__(self, path: str) -> None:
        from PIL import ImageFont

        self.path = path
        self._font = _simplified_face(ImageFont, path)
        self.name = " ".join(self._font.getname())

    def legible(self, text: str, rows: int) -> bool:
        """Whether ``text`` reads at ``rows`` cells tall (Chinese needs more than Latin)."""
        needed = MIN_ROWS_WIDE if any(wide(c) for c in text) else MIN_ROWS_NARROW
        return rows >= needed

    def width(self, text: str, rows: int) -> int:
        """Cells ``text`` takes drawn ``rows`` cells tall."""
        return sum(self.advance(character, rows) for character in text)

    def advance(self, character: str, rows: int) -> int:
        """Cells one character takes drawn ``rows`` cells tall."""
        return len(self.glyph(character, rows)[0])

    def render(self, text: str, rows: int) -> list[str]:
        """``text`` as ``rows`` lines of quadrant blocks (one line of text, not wrapped)."""
        lines = [""] * rows
        for character in text:
            for i, part in enumerate(self.glyph(character, rows)):
                lines[i] += part
        return lines

    def glyph(self, character: str, rows: int) -> tuple[str, ...]:
        """One character drawn ``rows`` cells tall: ``rows`` strings of equal length."""
        return _glyph(self, character, rows)

    def raster(self, character: str, rows: int) -> tuple[int, list[list[bool]]]:
        """(cells wide, pixel grid) of one character; the grid is 2·rows by 2·cells."""
        from PIL import Image, ImageDraw

        em = _SUPERSAMPLE
        if character.isspace():
            advance = em * (1.0 if wide(character) else 0.3)
        elif character in _SYMBOLS:
            advance = em
        else:
            advance = self._font.getlength(character) or em * 0.5
        squeeze = WIDE_SQUEEZE if wide(character) else 1.0
        cells = max(1, round(advance / em * squeeze * 2 * rows / LINE_EM))
        height = round(em * LINE_EM)
        image = Image.new("L", (max(1, round(advance)), height), 0)
        draw = ImageDraw.Draw(image)
        if character in _SYMBOLS:
            _SYMBOLS[character](draw, em)
        elif not character.isspace():
            draw.text((0, round(em * BASELINE_EM)), character, font=self._font, fill=255,
                      anchor="ls")
        small = image.resize((cells * 2, rows * 2), Image.Resampling.BOX)
        pixels = small.tobytes()  # mode "L": one byte a pixel, row after row
        limit = INK_THRESHOLD * 255
        width = cells * 2
        grid = [[pixels[y * width + x] > limit for x in range(width)] for y in range(rows * 2)]
        return cells, grid


def _check(draw: Any, em: int) -> None:
    # ✔ drawn, not taken from the font: CJK fonts often lack it, and it must never be missing.
    w = em // 7
    draw.line([(em * 0.12, em * 0.55), (em * 0.4, em * 0.85), (em * 0.9, em * 0.12)],
              fill=255, width=w, joint="curve")


_SYMBOLS = {"✔": _check}


def _simplified_face(image_font: Any, path: str) -> Any:
    """The face of a font collection meant for simplified Chinese (``… SC``), else the first."""
    first = image_font.truetype(path, _SUPERSAMPLE)
    if not path.lower().endswith(".ttc"):
        return first
    for index in range(1, 16):
        try:
            face = image_font.truetype(path, _SUPERSAMPLE, index=index)
        except OSError:
            break
        family = face.getname()[0] or ""
        if family.endswith(" SC") and "Mono" not in family:
            return face
    return first


@lru_cache(maxsize=8192)
def _glyph(font: BigFont, character: str, rows: int) -> tuple[str, ...]:
    cells, grid = font.raster(character, rows)
    lines = []
    for row in range(rows):
        top, bottom = grid[row * 2], grid[row * 2 + 1]
        lines.append("".join(
            _QUADRANTS[top[2 * c] | top[2 * c + 1] << 1 | bottom[2 * c] << 2
                       | bottom[2 * c + 1] << 3] for c in range(cells)))
    return tuple(lines)


@lru_cache(maxsize=1)
def _loaded(path: str | None) -> BigFont | None:
    if path is None:
        return None
    try:
        return BigFont(path)
    except (ImportError, OSError):  # no Pillow, or a file that is not a font
        return None


def big_font() -> BigFont | None:
    """The large-text font of this machine, or None (plain text only)."""
    return _loaded(find_font())
