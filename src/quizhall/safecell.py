"""Keep spreadsheet cells from starting a formula, and undo that exactly on the way back in.

A cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return may be run
as a formula by Excel, LibreOffice or openpyxl itself (CSV/formula injection). :func:`neutralise`
puts one apostrophe in front of such text; :func:`restore` takes exactly that apostrophe off
again, so any text survives ``restore(neutralise(text)) == text``. Text that already starts
with apostrophes followed by a dangerous character gets one more, which keeps the round trip
exact for it too.
"""

from __future__ import annotations

import re

DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Apostrophes (any number) then a character a spreadsheet could read as the start of a formula.
_RISKY = re.compile("'*[=+\\-@\t\r]")


def neutralise(text: str) -> str:
    """``text`` as a cell value that no spreadsheet reads as a formula."""
    return "'" + text if _RISKY.match(text) else text


def restore(text: str) -> str:
    """The text :func:`neutralise` was given, from the cell value it returned."""
    if text.startswith("'") and _RISKY.match(text, 1):
        return text[1:]
    return text
