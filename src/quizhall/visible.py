"""Make user text visible as written: control characters become stand-ins, never obeyed.

Bank, contest and script text is data. Printed on a terminal or written into a report, an
escape sequence must not move the cursor or recolour the screen and a bidi override must not
reorder a line, so text from users passes through :func:`visible` on its way out. Tab and
newline are kept.
"""

from __future__ import annotations

import re

# The characters quizhall never lets act: C0 controls except tab and newline, DEL, C1
# controls, bidi overrides and isolates. The one definition; the YAML reader warns about them.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # Unicode "control pictures": ␛ for ESC
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"<U+{code:04X}>"


def visible(text: str) -> str:
    """``text`` with every control character replaced by a visible stand-in."""
    return CONTROL.sub(_picture, text)
