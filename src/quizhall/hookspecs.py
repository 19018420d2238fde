"""The plugin API: every hook quizhall calls, as pluggy specs with their contracts.

Plugins implement these with ``@quizhall.hookimpl`` (or ``pluggy.HookimplMarker("quizhall")``)
and are found through the ``quizhall`` entry-point group, ``--plugin FILE.py``, or a contest
file's ``plugins:`` list. Built-in behaviour is registered through the same hooks
(see ``quizhall.builtins``).
"""

from __future__ import annotations

from typing import Any

import pluggy

hookspec = pluggy.HookspecMarker("quizhall")
hookimpl = pluggy.HookimplMarker("quizhall")


# -- Banks: importers and exporters -------------------------------------------------------------

@hookspec
def quizhall_register_importers(register: Any) -> None:
    """Register bank importers by calling ``register(importer)`` once for each.

    An importer has ``name`` (the ``--format`` value, e.g. ``"gift"``), ``suffixes`` (file
    endings it recognises, e.g. ``(".gift", ".txt")``), ``description`` (one line, shown by
    ``quizhall plugins``) and ``read(path, options) -> ImportResult`` (see
    :mod:`quizhall.importers`). ``read`` reports every question it could not import; it never
    raises for bad input.
    """


@hookspec
def quizhall_register_exporters(register: Any) -> None:
    """Register exporters by calling ``register(exporter)`` once for each.

    An exporter has ``name`` (the ``--format`` value, e.g. ``"xlsx"``), ``kind`` (``"bank"``,
    ``"contest"`` or ``"practice"``: what it exports), ``suffix`` (the file ending it writes),
    ``description``, and ``write(data, path, options)``, which returns None or a list of
    warning :class:`~quizhall.diagnostics.Diagnostic` saying what the format could not hold
    (see :mod:`quizhall.exporters`).
    """
