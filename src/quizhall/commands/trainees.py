"""``quizhall trainees [--json]``: who trained in this data directory, one line per trainee."""

from __future__ import annotations

import argparse
import json
import sys

from quizhall.i18n import t


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=t("trainees.json_help"))


def run(args: argparse.Namespace) -> int:
    from quizhall.commands.contests import text_table, visible_cell
    from quizhall.commands.practice import fail
    from quizhall.practice.roster import roster
    from quizhall.store import StoreError, open_store

    try:
        with open_store() as store:
            summaries, warnings = roster(store)
            location = store.location
    except StoreError as error:
        return fail(t("practice.store_failed", error=error), 1)
    for warning in warnings:
        print(warning, file=sys.stderr)
    if args.json:
        json.dump([summary.to_json() for summary in summaries], sys.stdout,
                  ensure_ascii=False, indent=2)
        print()
        return 0
    if not summaries:
        print(t("trainees.none", path=location))
        return 0
    header = [t("trainees.col_user"), t("trainees.col_answers"), t("trainees.col_accuracy"),
              t("trainees.col_last"), t("trainees.col_notebook"), t("trainees.col_exams")]
    rows = [[visible_cell(s.user), str(s.answers), f"{round(s.accuracy * 100)}%",
             local_minute(s.last_practice), str(s.notebook), f"{s.exams_passed}/{s.exams}"]
            for s in summaries]
    print(text_table(header, rows, numeric={1, 2, 4, 5}))
    return 0


def local_minute(stamp: str) -> str:
    """An ISO time as local ``YYYY-MM-DD HH:MM``; ``-`` for none."""
    from datetime import datetime

    if not stamp:
        return "-"
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp
