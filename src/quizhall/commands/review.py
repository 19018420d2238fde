"""``quizhall review --user NAME --due [--json] [BANK...]``: the trainee's mistake notebook."""

from __future__ import annotations

import argparse
import json
import sys

from quizhall.i18n import t


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("banks", nargs="*", metavar="BANK", help=t("review.banks_help"))
    parser.add_argument("--user", metavar="NAME", help=t("review.user_help"))
    parser.add_argument("--due", action="store_true", help=t("review.due_help"))
    parser.add_argument("--json", action="store_true", help=t("review.json_help"))


def run(args: argparse.Namespace) -> int:
    from quizhall.commands.practice import default_user, fail, load_library
    from quizhall.practice import History, Notebook
    from quizhall.practice.calendar_clock import system_clock
    from quizhall.store import StoreError, open_store

    user = args.user or default_user()
    library = load_library(args.banks) if args.banks else None
    if args.banks and library is None:
        return 1
    now = system_clock()
    try:
        with open_store() as store:
            notebook = Notebook(History(store.read_trainee_db(user)), user)
            for warning in [*store.warnings, *notebook.history.skipped]:
                print(warning, file=sys.stderr)  # damage, misshapen records
    except StoreError as error:
        return fail(t("practice.store_failed", error=error), 1)
    keys = library.keys() if library is not None else None  # the open banks only
    entries = notebook.due(now, keys) if args.due else notebook.all(keys)
    rows = []
    for entry in entries:
        bank_id, _, question_id = entry.key.rpartition("/")
        row: dict[str, object] = {
            "key": entry.key, "bank": bank_id, "question": question_id,
            "due": entry.due.isoformat(timespec="seconds"),
            "overdue": entry.due <= now, "stability": round(entry.stability, 3),
            "streak": entry.streak, "lapses": entry.lapses, "right_days": len(entry.days)}
        ref = library.get(entry.key) if library else None
        if ref is not None:
            row.update(type=str(ref.question.type), stem=ref.question.stem,
                       answer=ref.question.answer_text(), tags=list(ref.question.tags))
        rows.append(row)
    if args.json:
        json.dump({"user": user, "now": now.isoformat(timespec="seconds"), "due": len(
            notebook.due(now, keys)), "notebook": len(notebook.all(keys)), "questions": rows},
            sys.stdout,
            ensure_ascii=False, indent=2)
        print()
        return 0
    _print_rows(user, rows, args.due, len(notebook.all(keys)))
    return 0


def _print_rows(user: str, rows: list[dict], due_only: bool, total: int) -> None:
    from datetime import datetime

    from quizhall.tui.literal import visible

    def clean(text: object) -> str:
        return visible(str(text)).replace("\n", " ")

    heading = "review.heading_due" if due_only else "review.heading_all"
    print(t(heading, user=clean(user), count=len(rows), total=total))
    for row in rows:
        when = datetime.fromisoformat(str(row["due"])).astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"{when}  {clean(row['key'])}")
        if "stem" in row:
            print(f"    {clean(row['stem'])}")
            print(f"    {t('practice.correct_answer')}{clean(row['answer'])}")
