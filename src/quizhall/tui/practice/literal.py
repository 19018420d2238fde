"""Bank text as Textual content: never markup, control characters made visible.

Question stems, options and explanations come from files anyone can write. They become
:class:`textual.content.Content` without markup parsing, after :func:`quizhall.tui.literal.visible`
has replaced each control character (``\\x1b`` shows as ``␛``).
"""

from __future__ import annotations

from textual.content import Content

from quizhall.tui.literal import visible

__all__ = ["join", "literal", "pad", "stars", "visible"]


def literal(text: str, style: str = "") -> Content:
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
