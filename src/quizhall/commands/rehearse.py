"""``quizhall rehearse CONTEST.yaml --commands FILE``: dry-run a contest from a command script.

The rehearsal is stored like a real contest (its id is printed; ``--resume ID`` continues a
stopped one) and runs on a manual clock that only ``wait SECONDS`` moves.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from quizhall.i18n import t
from quizhall.visible import visible


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("contest", metavar="CONTEST.yaml", help=t("rehearse.contest_help"))
    parser.add_argument("--commands", required=True, metavar="FILE",
                        help=t("rehearse.commands_help"))
    parser.add_argument("--json", action="store_true", help=t("rehearse.json_help"))
    parser.add_argument("--resume", metavar="ID", help=t("rehearse.resume_help"))
    parser.add_argument("--plugin", action="append", default=[], metavar="FILE.py",
                        help=t("plugins.plugin_help"))


def run(args: argparse.Namespace) -> int:
    import time
    from pathlib import Path

    from quizhall.contest.clock import ManualClock
    from quizhall.contest.evolve import EvolveError
    from quizhall.contest.loader import load_contest
    from quizhall.contest.rehearsal import Rehearsal
    from quizhall.contest.stored import resume_stored, same_contest, start_stored
    from quizhall.plugins import get_plugin_manager, load_plugin_file
    from quizhall.store import StoreError, open_store
    from quizhall.yamlsource import read_text

    pm = get_plugin_manager()
    for path in args.plugin:
        load_plugin_file(path, pm)
    for failure in pm.record.failures:
        print(t("plugins.failed", name=failure.name, origin=failure.origin,
                error=failure.error), file=sys.stderr)
    loaded = load_contest(args.contest, pm)
    for diagnostic in loaded.diagnostics:
        print(diagnostic.format(), file=sys.stderr)
    if not loaded.ok or loaded.plan is None:
        print(t("rehearse.contest_errors"), file=sys.stderr)
        return _json_errors(args, loaded.diagnostics)
    script, problems = read_text(Path(args.commands), args.commands)
    if script is None:
        for problem in problems:
            print(problem.format(), file=sys.stderr)
        return _json_errors(args, problems)
    try:
        with open_store() as store:
            plan = loaded.plan
            if args.resume:
                contest_id = args.resume
                record = store.contest(contest_id)
                if record is None:
                    print(t("results.no_contest", id=contest_id), file=sys.stderr)
                    return 1
                if not same_contest(record, plan):
                    print(visible(t("rehearse.other_contest", id=contest_id,
                                    source=record.source or "-", path=args.contest)),
                          file=sys.stderr)
                    return 1
                # The manual clock goes on from the last event (or now, if later).
                contest = resume_stored(store, contest_id,
                                        lambda last: ManualClock(max(time.time(), last)),
                                        pm, loaded.questions)
                assert isinstance(contest.clock, ManualClock)
                clock = contest.clock
            else:
                clock = ManualClock(time.time())
                contest_id, contest = start_stored(store, plan, clock,
                                                   str(Path(args.contest).resolve()), pm,
                                                   loaded.questions)
            rehearsal = Rehearsal(contest, clock)
            for number, line in enumerate(script.splitlines(), start=1):
                before = len(rehearsal.refused)
                rehearsal.run_line(number, line)
                if not args.json:
                    for refusal in rehearsal.refused[before:]:
                        print(visible(t("rehearse.refused", line=refusal.line,
                                        command=refusal.command, reason=refusal.reason)),
                              file=sys.stderr)
            if contest.state.phase == "finished":
                store.set_status(contest_id, "finished")
    except (StoreError, EvolveError) as exc:
        print(exc, file=sys.stderr)
        return 1
    for warning in dict.fromkeys(contest.load_warnings + rehearsal.warnings):
        print(visible(t("rehearse.warning", message=warning)), file=sys.stderr)
    result = rehearsal.result()
    if args.json:
        print(t("rehearse.contest_id", id=contest_id), file=sys.stderr)
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print(t("rehearse.contest_id", id=contest_id))
    print_standings(contest, result)
    return 0


def print_standings(contest: object, result: dict) -> None:
    """The round and question reached, the event count and the standings, as text."""
    view = contest.view()  # type: ignore[attr-defined]
    if view.finished:
        print(t("rehearse.finished"))
    elif view.round is None:
        print(t("rehearse.not_started"))
    elif view.question is None:
        print(visible(t("rehearse.round_start", number=view.round + 1, title=view.round_title)))
    else:
        print(visible(t("rehearse.round", number=view.round + 1, title=view.round_title,
                        question=view.question)))
    print(t("rehearse.events", count=result["events"]))
    for team in sorted(result["teams"], key=lambda team: team["rank"]):
        print(visible(t("rehearse.standing", rank=team["rank"], name=team["name"],
                        score=team["score"])))


def _json_errors(args: argparse.Namespace, diagnostics: list[Any]) -> int:
    """With ``--json``, the problems that stop a rehearsal as JSON too (a tool reading
    stdout gets them, not silence); returns the exit status, 1."""
    if args.json:
        keys = ("path", "line", "column", "message", "severity", "hint")
        found = [{key: d.to_json()[key] for key in keys} for d in diagnostics]
        json.dump({"errors": [d for d in found if d["severity"] == "error"],
                   "warnings": [d for d in found if d["severity"] != "error"]},
                  sys.stdout, ensure_ascii=False, indent=2)
        print()
    return 1
