"""The host's export key: hand the finished contest to a results exporter plugin, if any.

Exporters register through ``quizhall_register_exporters``; those of ``kind == "contest"``
export results and receive the contest's report (``ContestReport``), as the hook documents.
The first one writes ``<contest id>-results<suffix>`` in the current
directory. With none installed the host is told so; nothing fails.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from quizhall.i18n import t
from quizhall.plugins import PLUGIN_ERRORS


def contest_exporters() -> list[Any]:
    """Registered exporters that export contest results."""
    from quizhall.plugins import collect

    return [e for e in collect("quizhall_register_exporters")
            if getattr(e, "kind", None) == "contest"]


def export_results(contest: Any, contest_id: str, exporters: Sequence[Any] | None = None,
                   directory: Path | None = None) -> tuple[str, bool]:
    """Export with the first contest exporter; returns (message for the host, success)."""
    found = list(exporters) if exporters is not None else contest_exporters()
    if not found:
        return t("tui.no_exporter"), False
    exporter = found[0]
    name = getattr(exporter, "name", "?")
    path = (directory or Path.cwd()) / f"{contest_id or 'contest'}-results{exporter.suffix}"
    from quizhall.exporters.contest_report import contest_report

    report = contest_report(contest, contest_id=contest_id)
    try:
        exporter.write(report, path, {"contest_id": contest_id})
    except PLUGIN_ERRORS as exc:  # a plugin's failure is reported by name, never raised
        return t("tui.export_failed", name=name, error=f"{type(exc).__name__}: {exc}"), False
    return t("tui.exported", name=name, path=str(path)), True
