"""Bank text as data on screen: never markup, control characters made visible.

Question stems, options and explanations come from files anyone can write. They are turned into
:class:`textual.content.Content` without markup parsing, and each control character (an escape
sequence would otherwise recolour or move the screen) is replaced by its Unicode control picture
(``\\x1b`` shows as ``␛``).
"""

from __future__ import annotations

from rich.style import Style
from textual.content import Content

_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)}
_PICTURES[0x7F] = "\u2421"  # ␡
_PICTURES.update({code: "\ufffd" for code in range(0x80, 0xA0)})  # C1 controls: �
_PICTURES.pop(0x0A)  # newlines stay
_PICTURES[0x09] = "    "  # a tab is four spaces
_TABLE = str.maketrans({chr(code): picture for code, picture in _PICTURES.items()})


def visible(text: str) -> str:
    """``text`` with every control character but the newline replaced by a visible symbol."""
    return text.translate(_TABLE)


def literal(text: str, style: str | Style = "") -> Content:
    """Content showing ``text`` exactly as written, in one style."""
    return Content.styled(visible(text), style) if style else Content(visible(text))


def join(*parts: str | tuple[str, str] | Content) -> Content:
    """Content from plain strings, ``(text, style)`` pairs and Content, all taken literally."""
    pieces: list[str | tuple[str, str] | Content] = []
    for part in parts:
        if isinstance(part, tuple):
            pieces.append((visible(part[0]), part[1]))
        elif isinstance(part, str):
            pieces.append(visible(part))
        else:
            pieces.append(part)
    return Content.assemble(*pieces)


def pad(text: str, width: int) -> str:
    """``text`` padded with spaces to ``width`` terminal cells (CJK characters take two)."""
    from rich.cells import cell_len

    return text + " " * max(0, width - cell_len(text))


def stars(count: int) -> str:
    """Three stars, ``count`` of them filled."""
    return "★" * count + "☆" * (3 - count)
