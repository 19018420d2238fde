"""``quizhall run CONTEST.yaml``: run a live contest from the host console."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from quizhall.i18n import t
from quizhall.tui import PICTURE_PROTOCOLS


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("contest", metavar="CONTEST.yaml", help=t("run.contest_help"))
    parser.add_argument("--single-screen", action="store_true", help=t("run.single_help"))
    parser.add_argument("--no-motion", action="store_true", help=t("run.no_motion_help"))
    parser.add_argument("--no-timer", action="store_true", help=t("run.no_timer_help"))
    parser.add_argument("--no-bell", action="store_true", help=t("run.no_bell_help"))
    parser.add_argument("--theme", choices=("dark", "light"), default="dark",
                        help=t("run.theme_help"))
    parser.add_argument("--resume", action="store_true", help=t("run.resume_help"))
    parser.add_argument("--images", choices=PICTURE_PROTOCOLS, default="auto",
                        help=t("run.images_help"))
    parser.add_argument("--buzzer", action="append", default=[], metavar="NAME[:ARG]",
                        help=t("run.buzzer_help"))
    add_audience_options(parser)


def add_audience_options(parser: argparse.ArgumentParser) -> None:
    """``--audience`` and where its server listens (``run`` and ``demo``)."""
    parser.add_argument("--audience", action="store_true", help=t("run.audience_help"))
    parser.add_argument("--audience-bind", metavar="ADDRESS", help=t("run.audience_bind_help"))
    parser.add_argument("--audience-port", type=int, metavar="PORT",
                        help=t("run.audience_port_help"))


def audience_factory(args: argparse.Namespace, load: Any) -> Any:
    """What makes the audience's server beside the console, or None when it is not asked for
    (``--audience``, or ``audience:`` in the contest file)."""
    import dataclasses

    settings = load.audience
    if not (args.audience or settings.enabled):
        return None
    settings = dataclasses.replace(settings, enabled=True)

    def make(contest: Any) -> Any:
        from quizhall.web.hall import AudienceHall

        return AudienceHall(contest, settings, host=args.audience_bind,
                            port=args.audience_port)

    return make


def load_or_report(path: str) -> Any:
    """The loaded contest file, or None after printing every problem in it."""
    from quizhall.contest.loader import load_contest

    load = load_contest(path)
    for diagnostic in load.diagnostics:
        print(diagnostic.format(), file=sys.stderr)
    for warning in load.warnings:
        print(warning, file=sys.stderr)
    return load if load.ok else None


def choose_buzzers(names: list[str]) -> tuple[list[Any], list[str]]:
    """The buzzer sources to start (the keyboard always), and any problems with the names."""
    from quizhall.buzzers import buzzer_sources

    sources = buzzer_sources()
    chosen: list[Any] = []
    problems: list[str] = []
    if "keyboard" in sources:
        chosen.append(sources["keyboard"])
    for item in names:
        name, _, argument = item.partition(":")
        source = sources.get(name)
        if source is None:
            problems.append(t("run.no_buzzer", name=name, names=", ".join(sorted(sources))))
            continue
        if argument:
            configure_source = getattr(source, "configure", None)
            if configure_source is None:
                problems.append(t("run.buzzer_no_argument", name=name))
                continue
            configure_source(argument)
        if source not in chosen:
            chosen.append(source)
    return chosen, problems


def run(args: argparse.Namespace) -> int:
    from quizhall.store import StoreError, open_store
    from quizhall.tui.host import HostApp
    from quizhall.tui.session import StoreSession
    from quizhall.tui.widgets.picture import prepare as prepare_pictures

    if not Path(args.contest).is_file():
        print(t("run.no_file", path=args.contest), file=sys.stderr)
        return 1
    load = load_or_report(args.contest)
    if load is None:
        return 1
    buzzers, problems = choose_buzzers(args.buzzer)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 2
    try:
        store = open_store(getattr(args, "data_dir", None))
    except StoreError as exc:
        print(exc, file=sys.stderr)
        return 1
    for warning in store.warnings:
        print(warning, file=sys.stderr)
    session = StoreSession(args.contest, load, store, timers=not args.no_timer)
    resume = None
    if args.resume:
        if not session.resumable:
            print(t("run.nothing_to_resume", path=args.contest), file=sys.stderr)
            store.close()
            return 1
        resume = session.resumable[0].id
    prepare_pictures(args.images, load.questions.values())
    app = HostApp(session, single_screen=args.single_screen, timers=not args.no_timer,
                  motion=not args.no_motion, theme=args.theme, bell=not args.no_bell,
                  buzzers=buzzers, resume=resume, audience=audience_factory(args, load))
    try:
        app.run()
    finally:
        session.close()
    if session.contest_id:
        print(t("run.where", id=session.contest_id))
    return app.return_code or 0
