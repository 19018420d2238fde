"""``quizhall display [CONTEST_ID]``: the projector view of a contest, followed live."""

from __future__ import annotations

import argparse
import sys

from quizhall.i18n import t
from quizhall.tui import PICTURE_PROTOCOLS


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("contest_id", nargs="?", metavar="CONTEST_ID",
                        help=t("display.id_help"))
    parser.add_argument("--no-timer", action="store_true", help=t("display.no_timer_help"))
    parser.add_argument("--no-bell", action="store_true", help=t("run.no_bell_help"))
    parser.add_argument("--no-motion", action="store_true", help=t("run.no_motion_help"))
    parser.add_argument("--theme", choices=("dark", "light"), default="dark",
                        help=t("run.theme_help"))
    parser.add_argument("--images", choices=PICTURE_PROTOCOLS, default="auto",
                        help=t("run.images_help"))
    parser.add_argument("--watch-only", action="store_true", help=t("display.watch_only_help"))


def run(args: argparse.Namespace) -> int:
    from quizhall.store import StoreError, open_store
    from quizhall.tui.display import DisplayApp
    from quizhall.tui.session import Follower
    from quizhall.tui.widgets.picture import prepare as prepare_pictures

    try:
        store = open_store(getattr(args, "data_dir", None))
    except StoreError as exc:
        print(exc, file=sys.stderr)
        return 1
    try:
        contest_id = args.contest_id
        if contest_id is None:
            running = [r for r in store.contests() if r.status == "running"]
            if not running:
                print(t("display.none_running"), file=sys.stderr)
                return 1
            contest_id = running[0].id
        try:
            follower = Follower(store, contest_id)
        except StoreError as exc:
            print(exc, file=sys.stderr)
            return 1
        prepare_pictures(args.images, follower.questions.values())
        app = DisplayApp(follower, theme=args.theme, bell=not args.no_bell,
                         timers=not args.no_timer, motion=not args.no_motion,
                         watch_only=args.watch_only)
        app.run()
        return app.return_code or 0
    finally:
        store.close()
