"""``quizhall import FILE -o BANK.yaml``: turn a GIFT, Aiken, XLSX or CSV file into a bank.

Prints every skipped item (``file:line: why``) and every warning, then ``found / imported /
skipped``. Exit status, for scripts: 0 when every item found was imported (warnings aside);
1 when the bank was written but some items were skipped; 2 when no bank was written (the
file could not be read, nothing in it could be imported, or the options were wrong).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quizhall.i18n import t

EXIT_ALL_IMPORTED = 0
EXIT_SOME_SKIPPED = 1
EXIT_NOTHING_WRITTEN = 2


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help=t("import_bank.file_help"))
    parser.add_argument("-o", "--output", metavar="BANK.yaml", required=True,
                        help=t("import_bank.output_help"))
    parser.add_argument("--format", metavar="F",
                        help=t("import_bank.format_help", formats="gift, aiken, xlsx, csv"))
    parser.add_argument("--map", metavar="FIELD=COLUMN,…", action="append", default=[],
                        help=t("import_bank.map_help"))
    parser.add_argument("--encoding", metavar="E", help=t("import_bank.encoding_help"))
    parser.add_argument("--id", metavar="ID", help=t("import_bank.id_help"))
    parser.add_argument("--title", metavar="T", help=t("import_bank.title_help"))
    parser.add_argument("--language", choices=("zh-CN", "en"), help=t("import_bank.language_help"))


def parse_map(values: list[str]) -> dict[str, str] | str:
    """``--map`` values as field → column, or the first malformed item."""
    mapping: dict[str, str] = {}
    for value in values:
        for item in value.split(","):
            if not item.strip():
                continue
            key, sep, column = item.partition("=")
            if not sep or not key.strip() or not column.strip():
                return item
            mapping[key.strip()] = column.strip()
    return mapping


def run(args: argparse.Namespace) -> int:
    from quizhall.exporters import write_atomically
    from quizhall.importers import ImportOptions, importer_for, importers
    from quizhall.importers.finish import make_bank
    from quizhall.importers.pictures import place_pictures
    from quizhall.plugins import PLUGIN_ERRORS

    def fail(message: str) -> int:
        print(t("cli.error", prog="quizhall import", message=message), file=sys.stderr)
        return EXIT_NOTHING_WRITTEN

    mapping = parse_map(args.map)
    if isinstance(mapping, str):
        return fail(t("import_bank.bad_map", item=mapping))
    path, output = Path(args.file), Path(args.output)
    available = importers()
    names = ", ".join(available)
    if args.format and args.format not in available:
        return fail(t("import_bank.unknown_format", format=args.format, formats=names))
    importer = importer_for(path, args.format, available)
    if importer is None:
        return fail(t("import_bank.cannot_tell_format", formats=names))
    if output.exists() and path.exists() and output.resolve() == path.resolve():
        return fail(t("import_bank.same_file"))
    options = ImportOptions(format=importer.name, column_map=mapping, encoding=args.encoding,
                            bank_id=args.id, title=args.title, language=args.language,
                            display=args.file)
    try:
        result = importer.read(path, options)
    except PLUGIN_ERRORS as exc:  # a third-party importer must not end in a traceback
        return fail(t("import_bank.importer_failed", name=importer.name,
                      error=f"{type(exc).__name__}: {exc}"))
    for failure in result.failures:
        print(failure.format(), file=sys.stderr)
    if result.failures:
        return EXIT_NOTHING_WRITTEN
    pictures = place_pictures(result, output, options.display or str(path))
    bank, text = make_bank(result, path, options, output.parent)
    pictures = {file: data for file, data in pictures.items()
                if str(file.absolute()) in bank.pictures}  # not those of skipped questions
    for item in result.skipped:
        print(item.format(), file=sys.stderr)
    for warning in result.warnings:
        print(warning.format())
    if result.encoding and result.encoding != "utf-8-sig":
        print(t("import_bank.read_as", encoding=result.encoding))
    print(t("import_bank.summary", found=result.found, imported=result.imported,
            skipped=len(result.skipped)))
    if not result.questions:
        print(t("import_bank.nothing_imported"), file=sys.stderr)
        return EXIT_NOTHING_WRITTEN
    try:
        for file, data in pictures.items():  # first, so the bank never names a missing file
            file.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(file, data)
        write_atomically(output, text.encode("utf-8"))
    except OSError as exc:
        return fail(t("import_bank.cannot_write", path=output, reason=exc.strerror or exc))
    if pictures:
        print(t("import_bank.pictures_written", path=next(iter(pictures)).parent,
                count=len(pictures)))
    print(t("import_bank.written", path=output))
    return EXIT_SOME_SKIPPED if result.skipped else EXIT_ALL_IMPORTED
