"""``quizhall results ID [--json] [--ledger]``: standings folded from a stored contest's log.

``--ledger`` adds every score change in effect (with the member who answered) and every
undo and redo the host made.

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


def undo_moves(events: list[dict]) -> list[tuple[int, dict]]:
    """Every ``undo`` and ``redo`` event with its position: the host's steps back and on."""
    return [(seq, event) for seq, event in enumerate(events)
            if event.get("type") in ("undo", "redo")]


def run(args: argparse.Namespace) -> int:
    from quizhall.bank.model import plain_value
    from quizhall.commands.rehearse import print_standings
    from quizhall.contest.describe import describe_event, describe_reason, member_name, who
    from quizhall.contest.rehearsal import summary
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
            result["undo"] = [{"seq": seq, **event} for seq, event in undo_moves(stored.events)]
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print_standings(contest, result)
    if args.ledger:
        teams = contest.plan.teams
        for entry in ledger:
            parts = "; ".join(f"{p['reason']} {plain_value(p['points']):+}"
                              for p in entry.parts) or describe_reason(entry)
            member = member_name(contest.plan, entry.team, entry.member)
            print(visible(t("results.ledger_line", seq=entry.seq,
                            team=who(teams[entry.team].name, member),
                            points=f"{plain_value(entry.points):+}", why=parts)))
        for seq, event in undo_moves(stored.events):
            print(visible(t("results.ledger_move", seq=seq,
                            what=describe_event(contest.plan, event))))
    return 0
