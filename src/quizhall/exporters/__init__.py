"""Exporters: the interface every output format implements, and how quizhall finds them.

An exporter writes one kind of data (``"bank"``, ``"contest"`` or ``"practice"``) to a file.
Exporters are registered through the ``quizhall_register_exporters`` hook; the built-in ones
are plugins like any other. ``write`` returns warnings (or None) about what the format could
not hold, so a user learns what a GIFT file, say, leaves out.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

from quizhall.diagnostics import Diagnostic


class Exporter(Protocol):
    """What an output-format plugin registers (see ``quizhall_register_exporters``)."""

    name: str
    kind: str
    suffix: str
    description: str

    def write(self, data: Any, path: Path,
              options: Mapping[str, object]) -> list[Diagnostic] | None:
        """Write ``data`` to ``path``; warnings about what the format could not hold."""
        ...


def exporters(kind: str | None = None) -> dict[str, Exporter]:
    """Registered exporters of one kind (all kinds when None) by name (the registry's rule:
    the first registration of a name wins)."""
    from quizhall.plugins import by_name

    found = by_name("quizhall_register_exporters",
                    key=lambda item: f"{getattr(item, 'kind', '?')} {item.name}")
    return {exporter.name: exporter for exporter in found.values()
            if kind is None or getattr(exporter, "kind", None) == kind}


def _new_file_mode(path: Path) -> int:
    """The permissions ``path`` keeps if it exists, else those of a new file (umask applied)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        return 0o666 & ~mask


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash never leaves a half-written file.

    The file gets the permissions an ordinary new file would (or keeps those it had), not
    the owner-only ones of the temporary file it is written through.
    """
    from quizhall.store._files import write_atomic

    path = Path(path)
    write_atomic(path, data, mode=_new_file_mode(path))
