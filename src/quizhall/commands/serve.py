"""``quizhall serve BANK...``: the practice app for browsers on the local network; each
browser session signs in and practises as its own trainee (and, with ``--campaign ID``,
joins that campaign in the unit chosen on signing in). ``quizhall serve --display
[CONTEST_ID]`` serves a contest's projector view instead, watch-only."""

from __future__ import annotations

import argparse
import os
import sys

from quizhall.i18n import t


def configure(parser: argparse.ArgumentParser) -> None:
    from quizhall.web.serve import DEFAULT_PORT

    parser.add_argument("banks", nargs="*", metavar="BANK", help=t("serve.banks_help"))
    parser.add_argument("--display", nargs="?", const="", metavar="CONTEST_ID",
                        help=t("serve.display_help"))
    parser.add_argument("--host", metavar="ADDRESS", help=t("serve.host_help"))
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, metavar="N",
                        help=t("serve.port_help", port=DEFAULT_PORT))
    parser.add_argument("--join-code", metavar="CODE", help=t("serve.join_code_help"))
    parser.add_argument("--title", metavar="TEXT", help=t("serve.title_help"))
    parser.add_argument("--campaign", metavar="ID", help=t("campaign.serve_help"))


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from quizhall.commands.practice import JOIN_CODE_VARIABLE, fail, load_library
    from quizhall.i18n import get_language
    from quizhall.store import Store, StoreError, open_store
    from quizhall.web.serve import lan_address, make_server, practice_command

    if not 0 < args.port < 65536:
        return fail(t("serve.bad_port", port=args.port))
    if args.display is not None:
        return _serve_display(args) if not args.banks else fail(t("serve.banks_and_display"))
    if args.campaign:
        from quizhall.commands.practice import find_campaign

        campaign = find_campaign(args.campaign)
        if campaign is None:
            return 1
        if not args.banks:  # the campaign's own banks
            args.banks = [bank.path for bank in campaign.banks]
    if not args.banks:
        return fail(t("serve.banks_or_display"))
    if load_library(args.banks) is None:  # every problem printed, before anyone connects
        return 1
    try:
        with open_store() as store:
            # A data directory is handed to each session; a database URL reaches them
            # through the environment (QUIZHALL_STORE), never on a command line.
            data_dir = store.data_dir.resolve() if isinstance(store, Store) else None
            location = str(data_dir) if data_dir is not None else store.location
            trainees = len(store.trainees())  # moves an older data directory now, once
            for warning in store.warnings:
                print(warning, file=sys.stderr)
    except StoreError as error:
        return fail(t("practice.store_failed", error=error), 1)
    os.environ[JOIN_CODE_VARIABLE] = args.join_code or ""  # the sessions' apps inherit it
    host = args.host or lan_address()
    command = practice_command([Path(bank).resolve() for bank in args.banks], data_dir,
                               get_language(), args.campaign)
    server = make_server(command, host, args.port, args.title or t("serve.default_title"))
    print(t("serve.serving", url=f"http://{host}:{args.port}", trainees=trainees,
            path=location))
    if args.join_code:
        print(t("serve.join_code_set"))
    server.serve()
    return 0


def _serve_display(args: argparse.Namespace) -> int:
    from quizhall.commands.practice import fail
    from quizhall.i18n import get_language
    from quizhall.store import Store, StoreError, open_store
    from quizhall.web.serve import display_command, lan_address, make_server

    try:
        with open_store() as store:
            # A database URL reaches the sessions through the environment only.
            data_dir = store.data_dir.resolve() if isinstance(store, Store) else None
            unknown = args.display and store.contest(args.display) is None
    except StoreError as error:
        return fail(str(error), 1)
    if unknown:  # said now, not in every browser that connects
        return fail(t("store.no_contest", id=args.display), 1)
    host = args.host or lan_address()
    command = display_command(args.display or None, data_dir, get_language())
    server = make_server(command, host, args.port, args.title or t("serve.display_title"))
    print(t("serve.serving_display", url=f"http://{host}:{args.port}"))
    server.serve()
    return 0
