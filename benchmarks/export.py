"""Benchmark the results exporters: a contest of 30 teams and 500 questions, exported.

A synthetic bank (500 single-choice questions with 40-character Chinese stems, seeded) and a
contest of 30 teams (a required round of 150 questions, a buzz round of 350 with wrong
answers, second chances, jury adjustments and undos) are played on a manual clock. The log
is folded as ``quizhall export`` folds it, the report built, and the report written as XLSX
and HTML (and CSV, JSON, Markdown for comparison). Times are printed, with each format's
time as a multiple of the fold.

Run: PYTHONPATH=src python benchmarks/export.py
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

import yaml

from quizhall.contest import Contest, ManualClock
from quizhall.exporters.results import write_results
from quizhall.report.contest import contest_report
from quizhall.testing import plugin_manager, start

TEAMS = 30
REQUIRED = 150
BUZZ = 350
CJK = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]


def write_bank(directory: Path, rng: random.Random) -> None:
    def cjk(n: int) -> str:
        return "".join(rng.choice(CJK) for _ in range(n))

    questions = [{"id": f"q{i:04d}", "type": "single", "stem": cjk(38) + "（）",
                  "options": {k: cjk(rng.randint(4, 12)) for k in "ABCD"},
                  "answer": rng.choice("ABCD"), "tags": ["基准"]}
                 for i in range(REQUIRED + BUZZ)]
    bank = {"bank": {"id": "bench", "title": "基准题库"}, "questions": questions}
    (directory / "bench.yaml").write_text(yaml.safe_dump(bank, allow_unicode=True),
                                          encoding="utf-8")


def contest_text() -> str:
    teams = "".join(f"  - {{name: 第{n}代表队, members: [队员{n}甲, 队员{n}乙, 队员{n}丙], "
                    f"key: 't{n}'}}\n" for n in range(1, TEAMS + 1))
    return ("title: 基准竞赛\nbase_score: 100\nbanks: [bench.yaml]\nprizes: [1, 2, 3]\n"
            f"teams:\n{teams}rounds:\n"
            f"  - {{type: required, title: 必答题, questions: {{count: {REQUIRED}}}}}\n"
            f"  - {{type: buzz, title: 抢答题, questions: {{count: {BUZZ}}}, wrong: -10,"
            " second_chance: true}\n")


def script(rng: random.Random) -> list[str]:
    lines = ["next"]
    for _ in range(REQUIRED):
        lines += ["next", "right" if rng.random() < 0.7 else "wrong"]
    lines.append("next")  # ends the required round, starts the buzz round
    for n in range(BUZZ):
        first, second = rng.sample(range(1, TEAMS + 1), 2)
        lines += ["next", "open", f"buzz {first}"]
        if rng.random() < 0.3:
            lines += ["wrong", f"buzz {second}"]
        lines.append("right")
        if n % 25 == 0:
            lines.append(f"adjust {first} 5 仲裁组：第{n}题申诉成功")
        if n % 40 == 0:
            lines += ["undo", "undo"]
    return lines


def timed(action, repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        began = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - began)
    return best


def main() -> None:
    rng = random.Random(2025)
    with tempfile.TemporaryDirectory() as name:
        directory = Path(name)
        write_bank(directory, rng)
        rehearsal = start(contest_text(), base_dir=directory)
        began = time.perf_counter()
        rehearsal.run(script(rng))
        played = time.perf_counter() - began
        assert not rehearsal.refused, rehearsal.refused[:3]
        live = rehearsal.contest
        events = live.log.read()
        questions = {key: live.question(key) for rp in live.plan.rounds for key in rp.questions}
        pm = plugin_manager()
        clock = ManualClock(float(events[-1]["t"]))

        def fold() -> Contest:
            return Contest.replay(events, clock, pm, questions)

        fold_time = timed(fold)
        contest = fold()
        report_time = timed(lambda: contest_report(contest, events, "bench"))
        report = contest_report(contest, events, "bench")
        print(f"contest: {TEAMS} teams, {len(report.questions)} questions shown, "
              f"{len(events)} events, {len(contest.ledger())} score changes "
              f"(played in {played:.2f} s)")
        print(f"fold the log:        {fold_time * 1000:8.1f} ms")
        print(f"build the report:    {report_time * 1000:8.1f} ms")
        for format_name in ("xlsx", "html", "csv", "json", "md"):
            path = directory / f"results.{format_name}"
            seconds = timed(lambda path=path, f=format_name: write_results(report, f, path))
            size = path.stat().st_size / 1024
            print(f"export {format_name:5}        {seconds * 1000:8.1f} ms  "
                  f"({seconds / fold_time:5.1f}× the fold, {size:,.0f} KiB)")


if __name__ == "__main__":
    main()
