"""``quizhall repair ID [--dry-run]``: let a contest whose log is damaged in the middle go on.

Prints what is damaged (lines, sizes, the events they held), copies the log as it is to
``events.jsonl.original-<time>``, then writes it anew: every intact record in order, a
``lost`` record in place of each event the damaged lines held (so numbers neither clash
nor leave a gap), damaged lines left out. After that ``run --resume`` and
``rehearse --resume`` continue the contest, and readers note the lost events. ``--dry-run``
only prints. Exit status: 0 when the log is whole (or was repaired), 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys

from quizhall.i18n import t
from quizhall.visible import visible


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID", help=t("repair.id_help"))
    parser.add_argument("--dry-run", action="store_true", help=t("repair.dry_run_help"))


def run(args: argparse.Namespace) -> int:
    from quizhall.store import StoreError, open_store

    try:
        with open_store() as store:
            result = store.repair_log(args.id, apply=not args.dry_run)
    except StoreError as exc:
        print(exc, file=sys.stderr)
        return 1
    if not result.damage:
        print(t("repair.whole", id=args.id, count=result.kept))
        return 0
    print(visible(t("repair.found", id=args.id, runs=result.damage)))
    if result.original is None:
        print(t("repair.dry_run", id=args.id, count=result.kept, lost=result.lost))
        return 0
    print(t("repair.done", count=result.kept, lost=result.lost, original=result.original,
            id=args.id))
    return 0
