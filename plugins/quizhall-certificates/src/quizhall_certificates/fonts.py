"""Finding a font that has Chinese characters, for the PDF certificates.

A PDF must embed its fonts, and the fonts PDF readers bring hold no Chinese, so the
certificates need a CJK font file on this machine: the one the settings name (``font``), or
the first of :data:`KNOWN_FONTS` found under :data:`FONT_DIRS`. In a font collection
(``.ttc``) the simplified-Chinese face is chosen.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

# Font files with simplified-Chinese glyphs, in order of preference: those with TrueType
# outlines first (serif faces first: a certificate is formal), as text copied or extracted
# from a PDF that embeds a CFF-outlined CJK font (Noto CJK, Source Han) comes out garbled
# in some readers; those come last. Common on Linux, Windows and macOS.
KNOWN_FONTS = (
    "simsun.ttc", "uming.ttc", "wqy-zenhei.ttc", "wqy-microhei.ttc", "simhei.ttf", "msyh.ttc",
    "Songti.ttc", "STHeiti Light.ttc", "PingFang.ttc", "Hiragino Sans GB.ttc",
    "NotoSerifCJK-Regular.ttc", "NotoSerifCJKsc-Regular.otf", "SourceHanSerifSC-Regular.otf",
    "NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular.otf", "SourceHanSansSC-Regular.otf",
)


def _font_dirs() -> tuple[Path, ...]:
    home = Path.home()
    windows = Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"
    return (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
            home / ".local/share/fonts", home / ".fonts", Path("/Library/Fonts"),
            Path("/System/Library/Fonts"), home / "Library/Fonts", windows)


# Where fonts are looked for (tests point this elsewhere).
FONT_DIRS: tuple[Path, ...] = _font_dirs()


@dataclass(frozen=True, slots=True)
class FontChoice:
    """A font file and, for a collection, the number of the face to use."""

    path: Path
    face: int = 0


def find_font(named: str | None = None, dirs: tuple[Path, ...] | None = None) -> FontChoice | None:
    """The font named in the settings (None when it does not exist), else the first known
    CJK font found, else None."""
    if named:
        path = Path(named).expanduser()
        return FontChoice(path, chinese_face(path)) if path.is_file() else None
    for directory in FONT_DIRS if dirs is None else dirs:
        if not directory.is_dir():
            continue
        found = {p.name: p for p in directory.rglob("*") if p.name in KNOWN_FONTS}
        for name in KNOWN_FONTS:
            if name in found:
                return FontChoice(found[name], chinese_face(found[name]))
    return None


def chinese_face(path: Path) -> int:
    """In a font collection, the number of its simplified-Chinese face (0 when unsure)."""
    if path.suffix.lower() != ".ttc":
        return 0
    try:
        from fontTools.ttLib import TTCollection

        with TTCollection(str(path), lazy=True) as collection:
            for number, font in enumerate(collection.fonts):
                family = str(font["name"].getDebugName(1) or "")
                if family.endswith(" SC") or " GB" in family or "SC " in family:
                    return number
    except Exception:  # an unreadable collection: let fpdf2 report it when it loads
        return 0
    return 0
