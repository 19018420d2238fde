"""Show user text literally: no markup parsing, control characters made visible.

Bank and contest text is data. ``[bold]`` or ``[link=…]`` must appear as typed, and an escape
sequence must not move the cursor or recolour the screen, so every piece of user text reaches
a widget through :func:`literal`.
"""

from __future__ import annotations

import re

from rich.text import Text

# C0 controls except newline and tab, DEL, C1 controls, and bidi overrides/isolates.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures" block: ␛ for ESC
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"<U+{code:04X}>"


def visible(text: str) -> str:
    """``text`` with every control character replaced by a visible stand-in."""
    return _CONTROL.sub(_visible, text)


def literal(text: str, style: str = "") -> Text:
    """A Rich ``Text`` that shows ``text`` exactly as written (markup is never parsed)."""
    return Text(visible(text), style=style)
