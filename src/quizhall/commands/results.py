"""``quizhall results ID [--json]``: standings folded from a stored contest's log.

Works for any contest in the store, finished or stopped mid-way (even killed): the log is
the truth, and folding it needs neither the contest file nor its banks.
"""

from __future__ import annotations

import argparse
import json
import sys

from quizhall.i18n import t
from quizhall.visible import visible


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID", help=t("results.id_help"))
    parser.add_argument("--json", action="store_true", help=t("results.json_help"))
    parser.add_argument("--ledger", action="store_true", help=t("results.ledger_help"))


def run(args: argparse.Namespace) -> int:
    from quizhall.commands.rehearse import print_standings
    from quizhall.contest.rehearsal import plain_number, summary
    from quizhall.contest.stored import StoredContestError, replay_stored
    from quizhall.store import StoreError, open_store

    try:
        with open_store() as store:
            stored = replay_stored(store, args.id)
    except (StoreError, StoredContestError) as exc:
        print(exc, file=sys.stderr)
        return 1
    for warning in stored.warnings:
        print(warning, file=sys.stderr)
    contest = stored.contest
    result = summary(contest)
    ledger = contest.ledger()
    if args.json:
        if args.ledger:
            result["ledger"] = [entry.to_dict() for entry in ledger]
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print_standings(contest, result)
    if args.ledger:
        teams = contest.plan.teams
        for entry in ledger:
            parts = "; ".join(f"{p['reason']} {plain_number(p['points']):+}"
                              for p in entry.parts) or entry.describe()
            print(visible(t("results.ledger_line", seq=entry.seq, team=teams[entry.team].name,
                            points=f"{plain_number(entry.points):+}", why=parts)))
    return 0
