"""``quizhall campaign create|status|leaderboard|recount``: an organisation's 政策闯关 campaigns.

``create FILE.yaml`` validates a campaign file (every problem as ``file:line:column``) and
stores it; ``status [ID]`` prints its counts; ``leaderboard ID`` ranks members and units from
the running totals; ``recount ID`` rebuilds those totals from the members' stored answers.
Exit status: 0 done, 1 a file or the store has a problem, 2 wrong options.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from quizhall.i18n import t

if TYPE_CHECKING:
    from quizhall.campaign.board import Board
    from quizhall.campaign.model import Campaign
    from quizhall.campaign.scoring import Status
    from quizhall.store import StoreBackend
    from quizhall.store.campaigns import MemberTotals, UnitTotals

DEFAULT_TOP = 20


def configure(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    create = actions.add_parser("create", help=t("campaign.create_help"))
    create.add_argument("file", metavar="FILE", help=t("campaign.file_help"))
    create.add_argument("--replace", action="store_true", help=t("campaign.replace_help"))
    status = actions.add_parser("status", help=t("campaign.status_help"))
    status.add_argument("id", nargs="?", metavar="ID", help=t("campaign.id_help"))
    status.add_argument("--json", action="store_true", help=t("campaign.json_help"))
    board = actions.add_parser("leaderboard", help=t("campaign.leaderboard_help"))
    board.add_argument("id", metavar="ID", help=t("campaign.id_help"))
    board.add_argument("--unit", metavar="UNIT", help=t("campaign.unit_help"))
    board.add_argument("--top", type=int, default=DEFAULT_TOP, metavar="N",
                       help=t("campaign.top_help"))
    board.add_argument("--user", metavar="NAME", help=t("campaign.user_help"))
    board.add_argument("--json", action="store_true", help=t("campaign.json_help"))
    recount = actions.add_parser("recount", help=t("campaign.recount_help"))
    recount.add_argument("id", metavar="ID", help=t("campaign.id_help"))


def _fail(message: str, status: int) -> int:
    print(t("cli.error", prog="quizhall campaign", message=message), file=sys.stderr)
    return status


def run(args: argparse.Namespace) -> int:
    from quizhall.store import StoreError, open_store

    if args.action == "leaderboard" and args.top <= 0:
        return _fail(t("practice.bad_positive", value=args.top), 2)
    try:
        with open_store() as store:
            try:
                return _ACTIONS[args.action](store, args)
            finally:
                for warning in [*store.warnings, *getattr(store.campaigns, "warnings", [])]:
                    print(warning, file=sys.stderr)
    except StoreError as error:
        return _fail(str(error), 1)


def stored_campaign(store: StoreBackend, campaign_id: str) -> Campaign:
    """The stored campaign; StoreError when there is none."""
    from quizhall.campaign.model import Campaign
    from quizhall.store import StoreError

    found = store.campaigns.campaign(campaign_id)
    if found is None:
        raise StoreError(t("store.no_campaign", id=campaign_id))
    return Campaign.from_json(found)


def shown_time(moment: Any) -> str:
    return str(moment.strftime("%Y-%m-%d %H:%M %z"))


def _create(store: StoreBackend, args: argparse.Namespace) -> int:
    from pathlib import Path

    from quizhall.campaign.loader import load_campaign
    from quizhall.diagnostics import errors

    campaign, problems = load_campaign(Path(args.file))
    for problem in problems:
        print(problem.format(), file=sys.stderr)
    if campaign is None or errors(problems):
        return 1
    existed = store.campaigns.campaign(campaign.id) is not None
    store.campaigns.save_campaign(campaign.id, campaign.to_json(), replace=args.replace)
    print(t("campaign.replaced" if existed else "campaign.created", id=campaign.id,
            title=campaign.title, opens=shown_time(campaign.opens),
            closes=shown_time(campaign.closes)))
    return 0


def _status(store: StoreBackend, args: argparse.Namespace) -> int:
    from quizhall.campaign.scoring import status
    from quizhall.commands.contests import visible_cell
    from quizhall.practice.calendar_clock import system_clock

    ids = [args.id] if args.id else store.campaigns.campaign_ids()
    found = [status(stored_campaign(store, one), store.campaigns, system_clock())
             for one in ids]
    if args.json:
        data: Any = found[0].to_json() if args.id else [s.to_json() for s in found]
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    if not found:
        print(t("campaign.none"))
    for one in found:
        _print_status(one, visible_cell)
    return 0


def _print_status(one: Status, visible_cell: Any) -> None:
    campaign = one.campaign
    print(t("campaign.status_line", id=campaign.id, title=visible_cell(campaign.title),
            phase=t(f"campaign.phase_{one.phase}"), opens=shown_time(campaign.opens),
            closes=shown_time(campaign.closes)))
    print(t("campaign.status_counts", members=one.members, answers=one.answers,
            correct=one.correct, completed=one.completed))
    for key, title in campaign.items():
        print(t("campaign.status_item", title=visible_cell(title), count=one.passes.get(key, 0)))


def member_row(rank: int, member: MemberTotals, campaign: Campaign) -> dict[str, Any]:
    """One line of the people's board as JSON (and as the export's row)."""
    return {"rank": rank, **member.to_json(), "passed": len(member.passes),
            "completed": campaign.completed(member.passes)}


def unit_row(rank: int, unit: UnitTotals) -> dict[str, Any]:
    return {"rank": rank, **unit.to_json(), "passed": unit.total_passes}


def _leaderboard(store: StoreBackend, args: argparse.Namespace) -> int:
    from quizhall.campaign.board import leaderboard

    campaign = stored_campaign(store, args.id)
    board = leaderboard(campaign, store.campaigns, args.top, unit=args.unit, user=args.user)
    rank = board.own[0] if board.own else None
    if args.json:
        data: dict[str, Any] = {
            "id": campaign.id, "title": campaign.title, "unit": args.unit,
            "people": [member_row(r, m, campaign) for r, m in board.people],
            "units": [unit_row(r, u) for r, u in board.units]}
        if args.user:
            data["user"] = {"user": args.user, "rank": rank}
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    _print_board(board)
    if args.user:
        print(t("campaign.rank_of", user=args.user, rank=rank) if rank is not None
              else t("campaign.not_member", user=args.user))
    return 0


def _print_board(board: Board) -> None:
    from quizhall.commands.contests import text_table, visible_cell

    campaign, people = board.campaign, board.people
    print(t("campaign.board_people", title=visible_cell(campaign.title)))
    if not people:
        print(t("campaign.empty_board"))
        return
    header = [t("campaign.col_rank"), t("campaign.col_user"), t("campaign.col_unit"),
              t("campaign.col_passes"), t("campaign.col_points"), t("campaign.col_answers"),
              t("campaign.col_correct"), t("campaign.col_completed")]
    rows = [[str(rank), visible_cell(m.user), visible_cell(m.unit), str(len(m.passes)),
             f"{m.points:g}", str(m.answers), str(m.correct),
             t("campaign.yes" if campaign.completed(m.passes) else "campaign.no")]
            for rank, m in people]
    print(text_table(header, rows, numeric={0, 3, 4, 5, 6}))
    print()
    print(t("campaign.board_units"))
    header = [t("campaign.col_rank"), t("campaign.col_unit"), t("campaign.col_members"),
              t("campaign.col_passes"), t("campaign.col_points"), t("campaign.col_answers"),
              t("campaign.col_correct")]
    rows = [[str(rank), visible_cell(u.unit), str(u.members), str(u.total_passes),
             f"{u.points:g}", str(u.answers), str(u.correct)]
            for rank, u in board.units]
    print(text_table(header, rows, numeric={0, 2, 3, 4, 5, 6}))


def _recount(store: StoreBackend, args: argparse.Namespace) -> int:
    from quizhall.campaign.scoring import recount
    from quizhall.practice.history import History

    campaign = stored_campaign(store, args.id)
    before = {m.user: m for m in store.campaigns.members(campaign.id)}
    counted = recount(campaign, store.campaigns,
                      lambda user: History(store.read_trainee_db(user)))
    store.campaigns.reset_totals(campaign.id, counted)
    changed = sum(1 for m in counted
                  if before[m.user].to_json() != m.to_json())
    print(t("campaign.recounted", members=len(counted), changed=changed))
    return 0


_ACTIONS = {"create": _create, "status": _status, "leaderboard": _leaderboard,
            "recount": _recount}
