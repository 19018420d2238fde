"""``quizhall demo``: run the sample contest on the host console, with a guide to the keys."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile

from quizhall.i18n import t
from quizhall.tui import PICTURE_PROTOCOLS

DEMO_CONTEST = "demo.contest.yaml"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--where", action="store_true", help=t("demo.where_help"))
    parser.add_argument("--single-screen", action="store_true", help=t("run.single_help"))
    parser.add_argument("--no-motion", action="store_true", help=t("run.no_motion_help"))
    parser.add_argument("--no-timer", action="store_true", help=t("run.no_timer_help"))
    parser.add_argument("--no-bell", action="store_true", help=t("run.no_bell_help"))
    parser.add_argument("--theme", choices=("dark", "light"), default="dark",
                        help=t("run.theme_help"))
    from quizhall.commands.run import add_audience_options

    add_audience_options(parser)
    parser.add_argument("--images", choices=PICTURE_PROTOCOLS, default="auto",
                        help=t("run.images_help"))


def guide(keys: dict[str, str], team_keys: list[str]) -> str:
    """The one-line key guide shown above the demo."""
    from quizhall.tui.host_keys import key_display

    return t("demo.guide", next=key_display(keys["next"]), open=key_display(keys["open"]),
             teams=" ".join(team_keys), right=key_display(keys["right"]),
             wrong=key_display(keys["wrong"]), reveal=key_display(keys["reveal"]),
             undo=key_display(keys["undo"]), help=key_display(keys["help"]),
             quit=key_display(keys["quit"]))


def run(args: argparse.Namespace) -> int:
    from quizhall.samples import sample_banks_dir

    if args.where:
        print(sample_banks_dir())
        return 0
    from quizhall.commands.run import audience_factory, choose_buzzers, load_or_report
    from quizhall.store import StoreError, open_store
    from quizhall.tui.host import HostApp
    from quizhall.tui.host_keys import build_keymap
    from quizhall.tui.session import StoreSession
    from quizhall.tui.widgets.picture import prepare as prepare_pictures

    path = sample_banks_dir() / DEMO_CONTEST
    load = load_or_report(str(path))
    if load is None:
        return 1
    data_dir = getattr(args, "data_dir", None) or os.environ.get("QUIZHALL_DATA_DIR")
    temporary = None if data_dir else tempfile.TemporaryDirectory(prefix="quizhall-demo-")
    try:
        try:
            store = open_store(data_dir or temporary.name)  # type: ignore[union-attr]
        except StoreError as exc:
            print(exc, file=sys.stderr)
            return 1
        session = StoreSession(path, load, store, timers=not args.no_timer)
        if temporary is not None:
            session.display_data_dir = temporary.name
        keymap = build_keymap(load.plan.keys, [team.key for team in load.plan.teams])
        buzzers, _ = choose_buzzers([])
        prepare_pictures(args.images, load.questions.values())
        app = HostApp(session, single_screen=args.single_screen, timers=not args.no_timer,
                      motion=not args.no_motion, theme=args.theme, bell=not args.no_bell,
                      buzzers=buzzers,
                      guide=guide(dict(keymap.actions), [team.key for team in load.plan.teams]),
                      audience=audience_factory(args, load))
        try:
            app.run()
        finally:
            session.close()
        return app.return_code or 0
    finally:
        if temporary is not None:
            temporary.cleanup()
