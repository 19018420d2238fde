"""``quizhall export ID -o FILE`` (or ``--user NAME``, or ``--trainees``): write results.

A contest's report is folded from its stored log exactly as ``quizhall results`` does,
finished or stopped mid-way (:mod:`quizhall.report`), and written through the export flow the
host console's export key takes too (:func:`quizhall.exporters.results.write_report`);
``--user`` exports a trainee's practice history instead (with ``--bank``, the questions to
study: text, options, answers, explanations, sources); ``--trainees`` writes every trainee's
totals into one XLSX workbook for a room's organiser. The format comes from ``--format`` or
the output's suffix; ``--campaign ID`` writes a campaign's leaderboard (by person and by
unit) into one XLSX workbook. Exit status: 0 when the file was written, 1 when
the contest or trainee cannot be read or the file cannot be written, 2 for wrong options.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from quizhall.i18n import t

if TYPE_CHECKING:
    from quizhall.exporters.tables import Document
    from quizhall.store.interface import StoreBackend

FORMATS = ("xlsx", "csv", "json", "md", "html")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", nargs="?", metavar="ID", help=t("export.id_help"))
    parser.add_argument("--user", metavar="NAME", help=t("export.user_help"))
    parser.add_argument("--trainees", action="store_true", help=t("export.trainees_help"))
    parser.add_argument("--campaign", metavar="ID", help=t("campaign.export_help"))
    parser.add_argument("--bank", action="append", default=[], metavar="BANK",
                        help=t("export.bank_help"))
    parser.add_argument("-o", "--output", metavar="FILE", required=True,
                        help=t("export.output_help"))
    parser.add_argument("--format", metavar="F",
                        help=t("export.format_help", formats="|".join(FORMATS)))


def _fail(message: str, status: int) -> int:
    print(t("cli.error", prog="quizhall export", message=message), file=sys.stderr)
    return status


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from quizhall.exporters.results import CONTEST, PRACTICE, available, format_for, write_results
    from quizhall.report import ReportError
    from quizhall.report.contest import load_contest_report
    from quizhall.report.practice import load_practice_report
    from quizhall.store import StoreError, open_store

    if [args.id is not None, args.user is not None, args.trainees,
            args.campaign is not None].count(True) != 1:
        return _fail(t("export.need_id_or_user"), 2)
    if args.trainees:
        return _export_trainees(args)
    if args.campaign is not None:
        return _export_campaign(args)
    library = None
    if args.bank:
        from quizhall.commands.practice import load_library

        library = load_library(args.bank)
        if library is None:
            return 1
    kind = CONTEST if args.id is not None else PRACTICE
    output = Path(args.output)
    found = available(kind)
    names = ", ".join(found)
    name = args.format.lower() if args.format else format_for(output, kind)
    if name is None:
        return _fail(t("export.cannot_tell_format", path=output, formats=names), 2)
    if name not in found:
        return _fail(t("export.unknown_format", format=args.format, formats=names), 2)
    try:
        with open_store() as store:
            try:
                if kind == CONTEST:
                    report: Any = load_contest_report(store, args.id)
                else:
                    report = load_practice_report(store, args.user, library=library)
            finally:
                for warning in store.warnings:  # damage met while reading, if any
                    print(warning, file=sys.stderr)
        notes = write_results(report, name, output, kind)
    except (ReportError, StoreError) as exc:  # ExportError is a ReportError
        return _fail(str(exc), 1)
    if kind == CONTEST and not report.finished:
        print(t("export.still_running", id=args.id), file=sys.stderr)
    for warning in report.warnings:
        print(t("export.warning", message=warning), file=sys.stderr)
    for note in notes:
        print(note.format(), file=sys.stderr)
    print(t("export.written", path=output))
    return 0


def _export_trainees(args: argparse.Namespace) -> int:
    from quizhall.exporters.roster_tables import roster_document
    from quizhall.practice.calendar_clock import system_clock
    from quizhall.practice.roster import roster

    def build(store: StoreBackend) -> Document:
        summaries, warnings = roster(store)
        for warning in warnings:
            print(warning, file=sys.stderr)
        return roster_document(summaries, system_clock(), tuple(warnings))

    return _store_workbook(args, t("export.trainees_xlsx_only"), build)


def _export_campaign(args: argparse.Namespace) -> int:
    from quizhall.commands.campaign import stored_campaign
    from quizhall.exporters.campaign_tables import campaign_document
    from quizhall.practice.calendar_clock import system_clock

    def build(store: StoreBackend) -> Document:
        campaign = stored_campaign(store, args.campaign)
        return campaign_document(campaign, list(store.campaigns.members(campaign.id)),
                                 store.campaigns.units(campaign.id), system_clock())

    return _store_workbook(args, t("campaign.export_xlsx_only"), build)


def _store_workbook(args: argparse.Namespace, only_xlsx: str,
                    build: Callable[[StoreBackend], Document]) -> int:
    """Write the workbook ``build`` makes from the store to ``-o`` (XLSX only: ``only_xlsx``
    says so otherwise); exit status 0, or 1/2 after saying what went wrong."""
    from pathlib import Path

    from quizhall.exporters.results_xlsx import write_document
    from quizhall.store import StoreError, open_store

    output = Path(args.output)
    name = args.format.lower() if args.format else output.suffix.lower().lstrip(".")
    if name != "xlsx":
        return _fail(only_xlsx, 2)
    try:
        with open_store() as store:
            document = build(store)
        write_document(document, output)
    except StoreError as exc:
        return _fail(str(exc), 1)
    except OSError as exc:
        reason = exc.strerror or exc
        return _fail(t("export.cannot_write", name="xlsx", path=output, reason=reason), 1)
    print(t("export.written", path=output))
    return 0
