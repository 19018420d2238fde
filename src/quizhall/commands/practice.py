"""``quizhall practice BANK...``: the trainee's app; ``--stats`` prints stats without it."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import TYPE_CHECKING

from quizhall.i18n import t
from quizhall.tui import PICTURE_PROTOCOLS

if TYPE_CHECKING:
    from quizhall.campaign.model import Campaign
    from quizhall.practice import ExamSpec, Filter, Library, Stats
    from quizhall.practice.papers import Paper

MODES = ("practice", "exam", "levels", "review", "stats")
ORDERS = ("sequential", "random", "smart")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("banks", nargs="*", metavar="BANK", help=t("practice.banks_help"))
    parser.add_argument("--user", metavar="NAME", help=t("practice.user_help"))
    parser.add_argument("--sign-in", action="store_true", help=t("practice.sign_in_help"))
    parser.add_argument("--mode", choices=MODES, help=t("practice.mode_help"))
    parser.add_argument("--order", choices=ORDERS, help=t("practice.order_help"))
    parser.add_argument("--tag", action="append", default=[], metavar="TAG",
                        help=t("practice.tag_help"))
    parser.add_argument("--level", action="append", default=[], metavar="LEVEL",
                        help=t("practice.level_help"))
    parser.add_argument("--difficulty", metavar="N,N", help=t("practice.difficulty_help"))
    parser.add_argument("--type", dest="types", action="append", default=[], metavar="TYPE",
                        help=t("practice.type_help"))
    parser.add_argument("--bookmarked", action="store_true", help=t("practice.bookmarked_help"))
    parser.add_argument("--new", dest="unanswered", action="store_true",
                        help=t("practice.new_help"))
    parser.add_argument("--study", action="store_true", default=None,
                        help=t("practice.study_help"))
    parser.add_argument("--from", dest="start", type=int, metavar="N",
                        help=t("practice.from_help"))
    parser.add_argument("--count", type=int, metavar="N", help=t("practice.count_help"))
    parser.add_argument("--quota", metavar="TYPE=N,…", help=t("practice.quota_help"))
    parser.add_argument("--time-limit", type=float, metavar="MIN",
                        help=t("practice.time_limit_help"))
    parser.add_argument("--pass", dest="pass_mark", type=float, metavar="RATIO",
                        help=t("practice.pass_help"))
    parser.add_argument("--paper", metavar="FILE", help=t("practice.paper_help"))
    parser.add_argument("--lives", type=int, metavar="N", help=t("practice.lives_help"))
    parser.add_argument("--seed", type=int, metavar="N", help=t("practice.seed_help"))
    parser.add_argument("--stats", action="store_true", help=t("practice.stats_help"))
    parser.add_argument("--images", choices=PICTURE_PROTOCOLS, default="auto",
                        help=t("run.images_help"))
    parser.add_argument("--json", action="store_true", help=t("practice.json_help"))
    parser.add_argument("--campaign", metavar="ID", help=t("campaign.practice_help"))
    parser.add_argument("--unit", metavar="UNIT", help=t("campaign.practice_unit_help"))


# The room's join code, handed by ``quizhall serve`` to each session's practice app.
JOIN_CODE_VARIABLE = "QUIZHALL_JOIN_CODE"


def default_user() -> str:
    """The trainee when ``--user`` is not given: the system user."""
    return os.environ.get("USER") or os.environ.get("USERNAME") or "trainee"


def fail(message: str, status: int = 2) -> int:
    print(t("cli.error", prog="quizhall", message=message), file=sys.stderr)
    return status


def load_library(paths: list[str]) -> Library | None:
    """The banks at ``paths``; None (after printing every problem) when any has an error."""
    from quizhall.bank.loader import load_banks
    from quizhall.diagnostics import errors
    from quizhall.practice import Library

    result = load_banks(paths)
    for diagnostic in result.diagnostics:
        print(diagnostic.format(), file=sys.stderr)
    if errors(result.diagnostics):
        return None
    if not result.banks:
        print(t("cli.error", prog="quizhall", message=t("practice.no_bank_loaded")),
              file=sys.stderr)
        return None
    return Library(result.banks)


def run(args: argparse.Namespace) -> int:
    user = args.user or default_user()
    if args.stats:
        return _print_stats(args, user)
    campaign = None
    if args.campaign:
        campaign = find_campaign(args.campaign)
        if campaign is None:
            return 1
        if not args.banks:  # the campaign's own banks
            args.banks = [bank.path for bank in campaign.banks]
    if not args.banks:
        return fail(t("practice.banks_needed"))
    problem = _check_numbers(args)
    if problem:
        return fail(problem)
    library = load_library(args.banks)
    if library is None:
        return 1
    try:
        chosen = _filter(args, library)
        spec = _exam_spec(args)
    except ValueError as error:
        return fail(str(error))
    paper = None
    if args.paper:
        paper = _load_paper(args.paper, library)
        if paper is None:
            return 1
    unit = None
    if campaign is not None and not args.sign_in:
        unit = _unit(campaign, user, args.unit)
        if unit is None:
            return 2
    return _run_app(args, user, library, chosen, spec, paper, campaign, unit)


def find_campaign(campaign_id: str) -> Campaign | None:
    """The stored campaign; None after saying why there is none."""
    from quizhall.commands.campaign import stored_campaign
    from quizhall.store import StoreError, open_store

    try:
        with open_store() as store:
            return stored_campaign(store, campaign_id)
    except StoreError as error:
        fail(str(error), 1)
        return None


def _unit(campaign: Campaign, user: str, given: str | None) -> str | None:
    """The trainee's unit in the campaign: the one they joined in, else ``--unit``, else asked
    on the terminal; None after saying what is wrong."""
    from quizhall.store import StoreError, open_store
    from quizhall.visible import visible

    try:
        with open_store() as store:
            member = store.campaigns.member(campaign.id, user)
    except StoreError as error:
        fail(str(error), 1)
        return None
    if member is not None:
        return member.unit
    if given is None and sys.stdin.isatty():
        for number, unit in enumerate(campaign.units, start=1):
            print(f"{number:>3}  {visible(unit)}")
        try:
            answer = input(t("campaign.ask_unit")).strip()
        except EOFError:
            answer = ""
        given = (campaign.units[int(answer) - 1]
                 if answer.isdecimal() and 0 < int(answer) <= len(campaign.units) else answer)
    if given is None or not campaign.has_unit(given):
        fail(t("campaign.no_unit", unit=visible(given or '""'), id=campaign.id,
               units=", ".join(visible(u) for u in campaign.units)))
        return None
    return given


def _load_paper(path: str, library: Library) -> Paper | None:
    """The paper at ``path`` with its questions in the loaded banks; None after printing every
    problem."""
    from pathlib import Path

    from quizhall.diagnostics import errors
    from quizhall.practice.papers import load_paper

    paper, problems = load_paper(Path(path))
    if paper is not None:
        problems = problems + paper.questions_in(library)[1]
    for problem in problems:
        print(problem.format(), file=sys.stderr)
    return None if paper is None or errors(problems) else paper


def _check_numbers(args: argparse.Namespace) -> str | None:
    for value in (args.count, args.time_limit, args.lives, args.start):
        if value is not None and value <= 0:
            return t("practice.bad_positive", value=value)
    if args.pass_mark is not None and not 0 < args.pass_mark <= 1:
        return t("practice.bad_pass", value=args.pass_mark)
    return None


def _filter(args: argparse.Namespace, library: Library) -> Filter | None:
    """The practice filter the options ask for; None when they ask for none (the trainee's
    last choices apply)."""
    from quizhall.bank.model import TYPE_ALIASES
    from quizhall.practice import Filter

    types = []
    for name in args.types:
        qtype = TYPE_ALIASES.get(name) or TYPE_ALIASES.get(name.lower())
        if qtype is None:
            raise ValueError(t("practice.unknown_type", type=name))
        types.append(str(qtype))

    levels = []
    for name in args.level:
        keys = [f"{bank.info.id}/{level.id}" for bank in library.banks for level in bank.levels
                if name in (level.id, f"{bank.info.id}/{level.id}")]
        if not keys:
            raise ValueError(t("practice.unknown_level", level=name))
        levels.extend(keys)
    difficulties: list[int] = []
    for part in (args.difficulty or "").replace("，", ",").split(","):
        if not part.strip():
            continue
        if not part.strip().isdecimal() or not 1 <= int(part) <= 5:
            raise ValueError(t("practice.bad_difficulty", value=part.strip()))
        difficulties.append(int(part))
    chosen = Filter(tags=tuple(args.tag), levels=tuple(levels),
                    difficulties=tuple(difficulties), types=tuple(types),
                    bookmarked=args.bookmarked, unanswered=args.unanswered)
    return None if chosen == Filter() else chosen


def _exam_spec(args: argparse.Namespace) -> ExamSpec:
    from quizhall.practice import ExamSpec, parse_quotas
    from quizhall.practice.exam import DEFAULT_PASS

    quotas = parse_quotas(args.quota) if args.quota else ()
    return ExamSpec(count=args.count, quotas=quotas,
                    time_limit=args.time_limit * 60 if args.time_limit else None,
                    pass_ratio=args.pass_mark if args.pass_mark is not None else DEFAULT_PASS)


def _run_app(args: argparse.Namespace, user: str, library: Library, chosen: Filter | None,
             spec: ExamSpec, paper: Paper | None, campaign: Campaign | None = None,
             unit: str | None = None) -> int:
    from quizhall.practice import History, Order
    from quizhall.practice.roster import keep_summary
    from quizhall.store import StoreError, open_store
    from quizhall.tui.practice.app import CampaignSeat, PracticeApp, PracticeSettings, Room
    from quizhall.tui.widgets.picture import prepare as prepare_pictures

    room, history = None, None
    try:
        store = open_store()
        if args.sign_in:  # the trainee signs in on the first screen (quizhall serve)
            room = Room(lambda name: History(store.trainee_db(name)),
                        os.environ.get(JOIN_CODE_VARIABLE, ""))
        else:
            history = History(store.trainee_db(user))
    except StoreError as error:
        return fail(t("practice.store_failed", error=error), 1)
    try:
        mode = args.mode or ("exam" if paper else None)
        settings = PracticeSettings(
            mode=mode, order=Order(args.order) if args.order else None, filter=chosen,
            study=args.study, start=args.start - 1 if args.start else None, exam=spec,
            paper=paper, lives=args.lives)
        prepare_pictures(args.images, (ref.question for ref in library.refs))
        seat = CampaignSeat(campaign, store.campaigns, unit) if campaign is not None else None
        app = PracticeApp(library, history, user, seed=args.seed, settings=settings,
                          notices=store.warnings, room=room, campaign=seat)
        app.run()
        if hasattr(app, "trainee"):  # signed in: keep the summary lists of trainees read
            keep_summary(store, app.trainee.history, app.trainee.user)
    except StoreError as error:
        return fail(t("practice.store_failed", error=error), 1)
    finally:
        store.close()
    return 0


def _print_stats(args: argparse.Namespace, user: str) -> int:
    from quizhall.practice import History, Notebook, compute_stats
    from quizhall.practice.calendar_clock import system_clock
    from quizhall.store import StoreError, open_store

    library = load_library(args.banks) if args.banks else None
    if args.banks and library is None:
        return 1
    try:
        with open_store() as store:
            history = History(store.read_trainee_db(user))
            stats = compute_stats(user, history.answers(user), Notebook(history, user),
                                  system_clock(), history.progress(user),
                                  keys=library.keys() if library else None,
                                  exams=history.exams(user))
            for warning in [*store.warnings, *history.skipped]:  # damage, misshapen records
                print(warning, file=sys.stderr)
    except StoreError as error:
        return fail(t("practice.store_failed", error=error), 1)
    if args.json:
        json.dump(stats.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    titles = ({f"{b.info.id}/{lv.id}": lv.title for b in library.banks for lv in b.levels}
              if library else {})
    print(_stats_text(stats, titles))
    return 0


def _stats_text(stats: Stats, titles: dict[str, str]) -> str:
    from quizhall.tui.literal import visible

    lines = [t("practice.stats_text_title", user=visible(stats.user)),
             t("practice.stats_summary", answers=stats.total.answers,
               percent=round(stats.total.accuracy * 100), streak=stats.streak,
               days=stats.study_days),
             t("practice.stats_due", due=stats.due_now, today=stats.due_today,
               total=stats.notebook)]
    if stats.pool is not None:
        lines.append(t("practice.coverage", seen=stats.seen, total=stats.pool))
    if stats.weakest_tags:
        lines.append(t("practice.weakest") + "、".join(visible(x) for x in stats.weakest_tags))
    types = {name: t(f"bank.type_{name}") for name in stats.by_type}
    for heading, tallies, names in ((t("practice.col_tag"), stats.by_tag, {}),
                                    (t("practice.col_level"), stats.by_level, titles),
                                    (t("practice.col_type"), stats.by_type, types)):
        if tallies:
            lines.append("")
            lines.append(f"{heading}  {t('practice.col_answers')}  {t('practice.col_accuracy')}")
            for key, tally in tallies.items():
                name = visible(names.get(key, key)).replace("\n", " ")
                lines.append(f"  {name}  {tally.answers}  {round(tally.accuracy * 100)}%")
    if stats.exams:
        lines += ["", t("practice.exam_history")]
        for exam in stats.exams:
            verdict = (t("practice.abandoned") if exam.status == "abandoned" else
                       t("practice.passed") if exam.passed else t("practice.failed"))
            title = visible(exam.title or t("practice.drawn_exam")).replace("\n", " ")
            lines.append(f"  {exam.started[:16].replace('T', ' ')}  {title}  "
                         f"{exam.score:g}/{exam.max_score:g}  "
                         f"{int(exam.seconds // 60)}:{int(exam.seconds % 60):02d}  {verdict}")
    return "\n".join(lines)
