"""``quizhall results ID [--json]``: standings folded from a stored contest's log.

Works for any contest in the store, finished or stopped mid-way (even killed): the log is
the truth, and folding it needs neither the contest file nor its banks. ``--ledger`` lists
every change of score, naming the member who answered when one was named.
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
    from quizhall.contest.evolve import LedgerEntry
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

    def member_of(entry: LedgerEntry) -> str | None:
        """The member who answered, for an answer with one named."""
        members = contest.plan.teams[entry.team].members
        member = stored.events[entry.seq].get("member")
        return members[member] if isinstance(member, int) and 0 <= member < len(members) \
            else None

    if args.json:
        if args.ledger:
            result["ledger"] = [{**entry.to_dict(), "member": member_of(entry)}
                                for entry in ledger]
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print_standings(contest, result)
    if args.ledger:
        teams = contest.plan.teams
        for entry in ledger:
            parts = "; ".join(f"{p['reason']} {plain_number(p['points']):+}"
                              for p in entry.parts) or entry.describe()
            member = member_of(entry)
            who = teams[entry.team].name
            if member is not None and member != who:
                who = t("results.team_member", team=who, member=member)
            print(visible(t("results.ledger_line", seq=entry.seq, team=who,
                            points=f"{plain_number(entry.points):+}", why=parts)))
    return 0
