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
    from quizhall.practice import ExamSpec, Filter, Library, Stats

MODES = ("practice", "exam", "levels", "review", "stats")
ORDERS = ("sequential", "random", "smart")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("banks", nargs="*", metavar="BANK", help=t("practice.banks_help"))
    parser.add_argument("--user", metavar="NAME", help=t("practice.user_help"))
    parser.add_argument("--mode", choices=MODES, help=t("practice.mode_help"))
    parser.add_argument("--order", choices=ORDERS, default="sequential",
                        help=t("practice.order_help"))
    parser.add_argument("--tag", action="append", default=[], metavar="TAG",
                        help=t("practice.tag_help"))
    parser.add_argument("--level", action="append", default=[], metavar="LEVEL",
                        help=t("practice.level_help"))
    parser.add_argument("--difficulty", metavar="N,N", help=t("practice.difficulty_help"))
    parser.add_argument("--count", type=int, metavar="N", help=t("practice.count_help"))
    parser.add_argument("--quota", metavar="TYPE=N,…", help=t("practice.quota_help"))
    parser.add_argument("--time-limit", type=float, metavar="MIN",
                        help=t("practice.time_limit_help"))
    parser.add_argument("--pass", dest="pass_mark", type=float, metavar="RATIO",
                        help=t("practice.pass_help"))
    parser.add_argument("--lives", type=int, metavar="N", help=t("practice.lives_help"))
    parser.add_argument("--seed", type=int, metavar="N", help=t("practice.seed_help"))
    parser.add_argument("--stats", action="store_true", help=t("practice.stats_help"))
    parser.add_argument("--images", choices=PICTURE_PROTOCOLS, default="auto",
                        help=t("run.images_help"))
    parser.add_argument("--json", action="store_true", help=t("practice.json_help"))


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
    return _run_app(args, user, library, chosen, spec)


def _check_numbers(args: argparse.Namespace) -> str | None:
    for value in (args.count, args.time_limit, args.lives):
        if value is not None and value <= 0:
            return t("practice.bad_positive", value=value)
    if args.pass_mark is not None and not 0 < args.pass_mark <= 1:
        return t("practice.bad_pass", value=args.pass_mark)
    return None


def _filter(args: argparse.Namespace, library: Library) -> Filter:
    from quizhall.practice import Filter

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
    return Filter(tags=tuple(args.tag), levels=tuple(levels), difficulties=tuple(difficulties))


def _exam_spec(args: argparse.Namespace) -> ExamSpec:
    from quizhall.practice import ExamSpec, parse_quotas
    from quizhall.practice.exam import DEFAULT_PASS

    quotas = parse_quotas(args.quota) if args.quota else ()
    return ExamSpec(count=args.count, quotas=quotas,
                    time_limit=args.time_limit * 60 if args.time_limit else None,
                    pass_ratio=args.pass_mark if args.pass_mark is not None else DEFAULT_PASS)


def _run_app(args: argparse.Namespace, user: str, library: Library, chosen: Filter,
             spec: ExamSpec) -> int:
    from quizhall.practice import History, Order
    from quizhall.store import StoreError, open_store
    from quizhall.tui.practice.app import PracticeApp, PracticeSettings
    from quizhall.tui.widgets.picture import prepare as prepare_pictures

    try:
        store = open_store()
        db = store.db
    except StoreError as error:
        return fail(t("practice.store_failed", error=error), 1)
    try:
        for warning in store.warnings:
            print(warning, file=sys.stderr)
        settings = PracticeSettings(mode=args.mode, order=Order(args.order), filter=chosen,
                                    exam=spec, lives=args.lives)
        prepare_pictures(args.images, (ref.question for ref in library.refs))
        PracticeApp(library, History(db), user, seed=args.seed, settings=settings).run()
    finally:
        store.close()
    return 0


def _print_stats(args: argparse.Namespace, user: str) -> int:
    from quizhall.practice import History, Notebook, compute_stats
    from quizhall.practice.clock import system_clock
    from quizhall.store import StoreError, open_store

    library = load_library(args.banks) if args.banks else None
    if args.banks and library is None:
        return 1
    try:
        with open_store() as store:
            for warning in store.warnings:
                print(warning, file=sys.stderr)
            history = History(store.read_db())
            stats = compute_stats(user, history.answers(user), Notebook(history, user),
                                  system_clock(), history.progress(user))
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
    if stats.weakest_tags:
        lines.append(t("practice.weakest") + "、".join(visible(x) for x in stats.weakest_tags))
    for heading, tallies in ((t("practice.col_tag"), stats.by_tag),
                             (t("practice.col_level"), stats.by_level)):
        if tallies:
            lines.append("")
            lines.append(f"{heading}  {t('practice.col_answers')}  {t('practice.col_accuracy')}")
            for key, tally in tallies.items():
                name = visible(titles.get(key, key)).replace("\n", " ")
                lines.append(f"  {name}  {tally.answers}  {round(tally.accuracy * 100)}%")
    return "\n".join(lines)
