"""The host's export key: hand the finished contest to a results exporter plugin, if any.

Exporters register through ``quizhall_register_exporters``; those of ``kind == "contest"``
export results and receive the contest's report (:class:`~quizhall.report.contest.
ContestReport`), written through the same :func:`~quizhall.exporters.results.write_report`
as ``quizhall export``.
The host picks one (the console offers a choice when there are several); it writes
``<contest id>-results<suffix>`` in the current directory, or, for an exporter that writes a
directory (an empty ``suffix``, such as certificates), ``<contest id>-<name>``. With none
installed the host is told so; nothing fails.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from quizhall.i18n import t


def contest_exporters() -> list[Any]:
    """Registered exporters that export contest results."""
    from quizhall.exporters import exporters
    from quizhall.exporters.results import CONTEST

    return list(exporters(CONTEST).values())


def export_path(exporter: Any, contest_id: str, directory: Path | None = None) -> Path:
    """Where the host's export with ``exporter`` goes."""
    stem = contest_id or "contest"
    suffix = str(getattr(exporter, "suffix", "") or "")
    name = f"{stem}-results{suffix}" if suffix else f"{stem}-{getattr(exporter, 'name', 'export')}"
    return (directory or Path.cwd()) / name


def export_results(contest: Any, contest_id: str, exporters: Sequence[Any] | None = None,
                   directory: Path | None = None) -> tuple[str, bool]:
    """Export with the first of ``exporters`` (default: every contest exporter); returns
    (message for the host, success)."""
    found = list(exporters) if exporters is not None else contest_exporters()
    if not found:
        return t("tui.no_exporter"), False
    exporter = found[0]
    name = getattr(exporter, "name", "?")
    path = export_path(exporter, contest_id, directory)
    from quizhall.exporters.results import ExportError, write_report
    from quizhall.report.contest import contest_report

    report = contest_report(contest, contest_id=contest_id)
    try:
        write_report(report, exporter, path, {"contest_id": contest_id})
    except ExportError as exc:  # the exporter's own message, or the plugin named
        return str(exc), False
    return t("tui.exported", name=name, path=str(path)), True
