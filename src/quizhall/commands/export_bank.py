"""``quizhall export-bank BANK -o FILE``: write a bank as YAML, GIFT or an XLSX template.

The format comes from ``--format`` or the output's suffix. What the format cannot hold is
printed as warnings. Exit status: 0 when the file was written, 1 when the bank has errors or
the file cannot be written, 2 for wrong options.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quizhall.i18n import t


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("bank", metavar="BANK", help=t("export_bank.bank_help"))
    parser.add_argument("-o", "--output", metavar="FILE", required=True,
                        help=t("export_bank.output_help"))
    parser.add_argument("--format", metavar="F", help=t("export_bank.format_help"))


def run(args: argparse.Namespace) -> int:
    from quizhall.bank.loader import load_bank
    from quizhall.exporters import exporters

    def fail(message: str, status: int) -> int:
        print(t("cli.error", prog="quizhall export-bank", message=message), file=sys.stderr)
        return status

    available = exporters("bank")
    names = ", ".join(available)
    output = Path(args.output)
    name = args.format or _format_from_suffix(output, available)
    if name is None:
        return fail(t("export_bank.cannot_tell_format", formats=names), 2)
    exporter = available.get(name)
    if exporter is None:
        return fail(t("export_bank.unknown_format", format=name, formats=names), 2)
    result = load_bank(args.bank)
    for diagnostic in result.diagnostics:
        print(diagnostic.format(), file=sys.stderr)
    if not result.ok or not result.banks:
        return fail(t("export_bank.bank_has_errors"), 1)
    try:
        notes = exporter.write(result.banks[0], output, {}) or []
    except OSError as exc:
        return fail(t("export_bank.cannot_write", path=output, reason=exc.strerror or exc), 1)
    for note in notes:
        print(note.format())
    print(t("export_bank.written", path=output))
    return 0


def _format_from_suffix(path: Path, available: dict) -> str | None:
    name = path.name.lower()
    if name.endswith((".yaml", ".yml")):
        return "yaml"
    if name.endswith((".gift", ".gift.txt", ".txt")):
        return "gift"
    for exporter_name, exporter in available.items():
        if name.endswith(exporter.suffix):
            return exporter_name
    return None
