"""``quizhall sync CONTEST_ID --store postgresql://…``: push a hall's contest to the database.

The contest is read from this machine's data directory (``--data-dir``, else the default)
and pushed to the database named by ``--store`` / ``QUIZHALL_STORE`` / the config file.
Idempotent on the contest id and each event's number: pushing again adds only events
recorded since, and a database whose events differ is refused with nothing written.
"""

from __future__ import annotations

import argparse
import sys

from quizhall.i18n import t


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("contest_id", metavar="CONTEST_ID", help=t("sync.id_help"))


def run(args: argparse.Namespace) -> int:
    from quizhall.store import StoreError, default_data_dir, open_store
    from quizhall.store.location import chosen_store, is_database_url
    from quizhall.store.postgres import PostgresStore

    try:
        target_url = chosen_store()
        if not target_url or not is_database_url(target_url):
            print(t("sync.no_database"), file=sys.stderr)
            return 2
        with open_store(default_data_dir()) as source:
            record = source.contest(args.contest_id)
            if record is None:
                raise StoreError(t("store.no_contest", id=args.contest_id))
            with source.open_log(args.contest_id, writer=False) as log:
                events = log.read()
                warnings = list(log.recovered)
        for warning in warnings:
            print(warning, file=sys.stderr)
        with PostgresStore(target_url) as target:
            added, here = target.push_contest(record, events)
            location = target.location
    except StoreError as exc:
        print(exc, file=sys.stderr)
        return 1
    if added:
        print(t("sync.pushed", id=record.id, added=added, here=here, url=location))
    else:
        print(t("sync.up_to_date", id=record.id, here=here, url=location))
    return 0
