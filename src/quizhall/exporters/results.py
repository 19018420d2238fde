"""Results exporters: contest results and practice histories written in any registered format.

The entry points other parts call:

- :func:`export_contest` (``store, contest_id, format, path``): fold a stored contest the
  way ``quizhall results`` does and write its report. The ``export`` command uses it.
- :func:`write_results` (``data, format, path``): write a
  :class:`~quizhall.exporters.contest_report.ContestReport`, a
  :class:`~quizhall.exporters.practice_report.PracticeReport`, or a live
  :class:`~quizhall.contest.engine.Contest` (the host console's export key).
- :func:`format_for` (``path, kind``): the format a file name asks for.

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

if TYPE_CHECKING:
    from quizhall.exporters.contest_report import ContestReport
    from quizhall.exporters.practice_report import PracticeReport
    from quizhall.exporters.tables import Document
    from quizhall.store import Store

CONTEST = "contest"
PRACTICE = "practice"
# File endings that name a format besides each exporter's own suffix.
SUFFIX_ALIASES = {".htm": "html", ".markdown": "md"}


class ExportError(Exception):
    """An export that cannot be made (a translated message, ready for the user).

    An exporter plugin may raise it from ``write`` to tell the user why it wrote nothing (or
    not everything); its message is shown as it is, without the plugin's name.
    """


class ResultsExporter:
    """One built-in results format for one kind of data. ``render(report, path)`` writes
    the file; the report is built from whatever ``write`` is given."""

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
        """Write ``data`` (a report of this kind, or a live contest: then
        ``options["contest_id"]`` names it) to ``path``."""
        self._render(as_report(data, self.kind, str(options.get("contest_id") or "")),
                     Path(path))
        return []

    def __repr__(self) -> str:
        return f"ResultsExporter({self.name!r}, {self.kind!r})"


def as_report(data: Any, kind: str, contest_id: str = "") -> Any:
    """The report an exporter of ``kind`` renders, from a report or a live contest."""
    from quizhall.exporters.contest_report import ContestReport, contest_report

    if kind == CONTEST and not isinstance(data, ContestReport) and hasattr(data, "projection"):
        return contest_report(data, contest_id=contest_id)
    return data


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
    try:
        return list(exporter.write(data, path, {}) or [])
    except ExportError:
        raise  # an exporter's own message for the user (e.g. "no Chinese font found")
    except OSError as exc:
        raise ExportError(t("export.cannot_write", path=path,
                            reason=exc.strerror or exc)) from exc
    except PLUGIN_ERRORS as exc:  # a plugin's failure is reported by name, never raised
        raise ExportError(t("export.failed", name=format_name,
                            error=f"{type(exc).__name__}: {exc}")) from exc


def load_contest_report(store: Store, contest_id: str) -> ContestReport:
    """The report of a stored contest, finished or not (raises :class:`ExportError`)."""
    from quizhall.contest.stored import StoredContestError, replay_stored
    from quizhall.exporters.contest_report import contest_report

    try:
        stored = replay_stored(store, contest_id, with_questions=True)
    except StoredContestError as exc:
        raise ExportError(str(exc)) from exc
    return contest_report(stored.contest, stored.events, contest_id, stored.warnings)


def export_contest(store: Store, contest_id: str, format_name: str | None,
                   path: str | Path) -> ContestReport:
    """Fold the stored contest ``contest_id`` and write its results to ``path``.

    Returns the report written (its ``warnings`` say what it could not include). Raises
    :class:`ExportError` with a message for the user.
    """
    report = load_contest_report(store, contest_id)
    write_results(report, format_name, path, CONTEST)
    return report


def export_practice(store: Store, user: str, format_name: str | None,
                    path: str | Path) -> PracticeReport:
    """Write the practice history of trainee ``user`` to ``path`` (raises ExportError)."""
    from quizhall.exporters.practice_report import load_practice_report

    report = load_practice_report(store, user)
    write_results(report, format_name, path, PRACTICE)
    return report
