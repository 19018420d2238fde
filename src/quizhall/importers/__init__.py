"""Bank importers: the interface every format implements, and how quizhall finds them.

An importer turns one file of another format (GIFT, Aiken, a spreadsheet …) into questions of
the quizhall model. It never raises for bad input: every item it finds ends up either imported
or in :attr:`ImportResult.skipped` with its line (or row) and the reason, so
``imported + skipped == found``. Importers are registered through the
``quizhall_register_importers`` hook; the built-in ones are plugins like any other.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from quizhall.bank.model import Question
from quizhall.diagnostics import Diagnostic


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """How to read a file, and what to call the bank made from it.

    ``column_map`` names the spreadsheet column (by its header text) that holds each field,
    e.g. ``{"stem": "Question", "A": "A", "answer": "Answer"}``; ``encoding`` overrides the
    detection of a text file's encoding. ``bank_id``, ``title`` and ``language`` go into the
    written bank's ``bank:`` block (defaults come from the file).
    """

    format: str | None = None
    column_map: Mapping[str, str] = field(default_factory=dict)
    encoding: str | None = None
    bank_id: str | None = None
    title: str | None = None
    language: str | None = None
    display: str | None = None  # how messages name the file (default: the path as given)


@dataclass(slots=True)
class ImportResult:
    """What an importer found in a file.

    ``questions`` were imported; ``skipped`` holds one diagnostic per item that could not be
    (its line or row, and why); ``warnings`` tell what an imported question lost or changed on
    the way (a weight the model cannot express, a dropped picture …). ``failures`` are problems
    with the file as a whole (unreadable, no header row …): nothing could be read past them.
    ``info`` holds fields of the bank's ``bank:`` block found in the file itself (an XLSX
    export carries them), and ``encoding`` the text encoding a text file was read with.
    ``pictures`` holds the bytes of the pictures found, by the provisional name a question's
    ``image`` holds (:func:`quizhall.importers.pictures.keep`).
    """

    questions: list[Question] = field(default_factory=list)
    skipped: list[Diagnostic] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    failures: list[Diagnostic] = field(default_factory=list)
    info: dict[str, str] = field(default_factory=dict)
    encoding: str | None = None
    pictures: dict[str, bytes] = field(default_factory=dict)  # see quizhall.importers.pictures

    @property
    def found(self) -> int:
        """Items found in the file: every one was imported or skipped."""
        return len(self.questions) + len(self.skipped)

    @property
    def imported(self) -> int:
        """Questions imported."""
        return len(self.questions)


class Importer(Protocol):
    """What a format plugin registers (see ``quizhall.hookspecs.quizhall_register_importers``)."""

    name: str
    suffixes: tuple[str, ...]
    description: str

    def read(self, path: Path, options: ImportOptions) -> ImportResult:
        """Read ``path``; never raises for bad input."""
        ...


def importers() -> dict[str, Importer]:
    """Every registered importer by name (the registry's rule: the first registration of a
    name wins, plugins before the built-ins)."""
    from quizhall.plugins import by_name

    return dict(by_name("quizhall_register_importers"))


def importer_for(path: Path, format_name: str | None,
                 available: Mapping[str, Importer] | None = None) -> Importer | None:
    """The importer named ``format_name``, or else the one claiming the file's suffix.

    The longest matching suffix wins (``.gift.txt`` over ``.txt``). When several importers
    claim it, or the one claiming it has a ``sniff(head: str) -> bool`` method that declines
    the start of the file, the first importer whose sniff recognises the text is used; failing
    that, the first claimant. None when no importer fits.
    """
    available = importers() if available is None else available
    if format_name:
        return available.get(format_name)
    name = path.name.lower()
    longest = 0
    claims: list[Importer] = []
    for importer in available.values():
        length = max((len(s) for s in importer.suffixes if name.endswith(s.lower())), default=0)
        if length > longest:
            longest, claims = length, [importer]
        elif length and length == longest:
            claims.append(importer)
    if len(claims) == 1 and getattr(claims[0], "sniff", None) is None:
        return claims[0]
    head = _head(path)
    others = [i for i in available.values() if i not in claims]
    for importer in claims + others:
        sniff = getattr(importer, "sniff", None)
        if sniff is not None and sniff(head):
            return importer
    return claims[0] if claims else None


def _head(path: Path, size: int = 65536) -> str:
    from quizhall.yamlsource import read_head

    try:
        return read_head(path, size).decode("utf-8", errors="replace")
    except OSError:
        return ""
