"""``quizhall contests [--json]``: list the stored contests, newest first."""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from datetime import datetime

from quizhall.i18n import t

# Control characters (newline and tab included: a row is one line) and bidi overrides.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=t("contests.json_help"))


def run(args: argparse.Namespace) -> int:
    from quizhall.store import StoreError, open_store

    try:
        with open_store() as store:
            records = store.contests()
            warnings = list(store.warnings)
            location = store.location
    except StoreError as exc:
        print(exc, file=sys.stderr)
        return 1
    for warning in warnings:
        print(warning, file=sys.stderr)
    if args.json:
        json.dump([record.to_json() for record in records], sys.stdout, ensure_ascii=False,
                  indent=2)
        print()
        return 0
    if not records:
        print(t("contests.none", path=location))
        return 0
    header = [t("contests.col_id"), t("contests.col_title"), t("contests.col_status"),
              t("contests.col_teams"), t("contests.col_events"), t("contests.col_last")]
    rows = [[record.id, record.title, t(f"store.status_{record.status}"),
             t("contests.team_separator").join(record.teams), str(record.events),
             _local_time(record.updated)] for record in records]
    print(text_table(header, [[visible_cell(cell) for cell in row] for row in rows], numeric={4}))
    return 0


def _local_time(stamp: str | None) -> str:
    if not stamp:
        return "-"
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


def visible_cell(text: str) -> str:
    """Contest text is data: control characters are shown as escapes, never obeyed."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                        else f"\\u{ord(m.group()):04x}", text)


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (CJK) characters take two."""
    total = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


def text_table(header: list[str], rows: list[list[str]], numeric: set[int]) -> str:
    """Columns padded to their widest cell (CJK counted double); ``numeric`` ones right-aligned."""
    widths = [max(width(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        out = []
        for i, cell in enumerate(cells):
            pad = " " * (widths[i] - width(cell))
            out.append(pad + cell if i in numeric else cell + pad)
        return "  ".join(out).rstrip()

    return "\n".join([line(header), *(line(row) for row in rows)])
