"""Results exports: contest results and practice histories written in any registered format.

Every results export goes through :func:`write_report`: the ``export`` command (a report
loaded from the store with :func:`~quizhall.report.contest.load_contest_report` or
:func:`~quizhall.report.practice.load_practice_report`, then :func:`write_results`) and the
host console's export key (:mod:`quizhall.tui.export`, a report of the contest it runs). The
report (:mod:`quizhall.report`) is built once, before; exporters only render it.

- :func:`write_results` (``report, format, path``): the exporter a format name (or the
  file's suffix, :func:`format_for`) asks for writes a report.
- :func:`write_report` (``report, exporter, path``): one exporter writes one report; a
  failure becomes an :class:`ExportError` with a message for the user.

Each built-in format is a :class:`ResultsExporter` registered through
``quizhall_register_exporters`` (one for contests, one for practice histories); third-party
exporters of kind ``contest`` or ``practice`` are found the same way and get the same data.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quizhall.diagnostics import Diagnostic
from quizhall.i18n import t
from quizhall.plugins import PLUGIN_ERRORS
from quizhall.report import ReportError

if TYPE_CHECKING:
    from quizhall.exporters.tables import Document
    from quizhall.report.contest import ContestReport
    from quizhall.report.practice import PracticeReport

CONTEST = "contest"
PRACTICE = "practice"
# File endings that name a format besides each exporter's own suffix.
SUFFIX_ALIASES = {".htm": "html", ".markdown": "md"}


class ExportError(ReportError):
    """An export that cannot be made (a translated message, ready for the user).

    An exporter plugin may raise it from ``write`` to tell the user why it wrote nothing (or
    not everything); its message is shown as it is, without the plugin's name.
    """


class ResultsExporter:
    """One built-in results format for one kind of data. ``render(report, path)`` writes
    the file from the report it is given (it builds nothing)."""

    def __init__(self, name: str, kind: str, suffix: str, description_key: str,
                 render: Callable[[Any, Path], None]) -> None:
        self.name = name
        self.kind = kind
        self.suffix = suffix
        self._description_key = description_key
        self._render = render

    @property
    def description(self) -> str:
        return t(self._description_key, what=t(f"export.kind.{self.kind}"))

    def write(self, data: Any, path: Path, options: Mapping[str, object]) -> list[Diagnostic]:
        """Render ``data`` (a report of this kind) to ``path``."""
        self._render(data, Path(path))
        return []

    def __repr__(self) -> str:
        return f"ResultsExporter({self.name!r}, {self.kind!r})"


def document_of(report: ContestReport | PracticeReport) -> Document:
    """The report as sheets of tables (what XLSX, CSV, Markdown and HTML render)."""
    if getattr(report, "KIND", None) == PRACTICE:
        from quizhall.exporters.practice_tables import practice_document

        return practice_document(report)  # type: ignore[arg-type]
    from quizhall.exporters.contest_tables import contest_document

    return contest_document(report)  # type: ignore[arg-type]


def available(kind: str) -> dict[str, Any]:
    """The exporters registered for ``kind`` (``contest`` or ``practice``), by name."""
    from quizhall.exporters import exporters

    return exporters(kind)


def format_for(path: str | Path, kind: str) -> str | None:
    """The format name a file's suffix asks for (None when no exporter writes it)."""
    name = Path(path).name.lower()
    for suffix, format_name in SUFFIX_ALIASES.items():
        if name.endswith(suffix):
            return format_name
    for format_name, exporter in available(kind).items():
        suffix = str(getattr(exporter, "suffix", "") or "").lower()
        if suffix and name.endswith(suffix):
            return format_name
    return None


def write_results(data: Any, format_name: str | None, path: str | Path,
                  kind: str | None = None) -> list[Diagnostic]:
    """Write ``data`` in ``format_name`` (None: from the file suffix) to ``path``.

    ``kind`` defaults to what ``data`` is. Raises :class:`ExportError` for an unknown format,
    a file that cannot be written, an exporter plugin that fails, or one that raises
    ExportError itself.
    """
    if not kind:
        kind = str(getattr(data, "KIND", CONTEST))
    path = Path(path)
    found = available(kind)
    names = ", ".join(found)
    if format_name is None:
        format_name = format_for(path, kind)
        if format_name is None:
            raise ExportError(t("export.cannot_tell_format", path=path, formats=names))
    exporter = found.get(format_name.lower())
    if exporter is None:
        raise ExportError(t("export.unknown_format", format=format_name, formats=names))
    return write_report(data, exporter, path)


def write_report(report: Any, exporter: Any, path: str | Path,
                 options: Mapping[str, object] | None = None) -> list[Diagnostic]:
    """Have ``exporter`` write ``report`` to ``path``; its warnings (what the format could
    not hold).

    Raises :class:`ExportError` for a file that cannot be written or an exporter plugin that
    fails (each message names the exporter), or one that raises ExportError itself.
    """
    path = Path(path)
    name = getattr(exporter, "name", "?")
    try:
        return list(exporter.write(report, path, dict(options or {})) or [])
    except ExportError:
        raise  # an exporter's own message for the user (e.g. "no Chinese font found")
    except OSError as exc:
        raise ExportError(t("export.cannot_write", name=name, path=path,
                            reason=exc.strerror or exc)) from exc
    except PLUGIN_ERRORS as exc:  # a plugin's failure is reported by name, never raised
        raise ExportError(t("export.failed", name=name,
                            error=f"{type(exc).__name__}: {exc}")) from exc
