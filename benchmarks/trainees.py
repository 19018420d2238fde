"""Benchmark: one trainee among many — opening, the practice start screen, memory, durable answers.

Builds two data directories in the per-trainee layout, the same history per trainee in both:
one with TRAINEES trainees (default 10,000) and one with 10, each trainee with ANSWERS answers
(default 500), a notebook card per wrong answer and a mock exam. The files are written in the
store's own format (snapshot + journal, each line checksummed), rendered once from a template
per trainee name and without an fsync per file, so building 10,000 × 500 takes a few minutes,
not an hour; nothing is kept in memory across trainees.

Then, in a fresh process per run (three runs each, the median reported):

- open: ``open_store`` + the trainee's documents + ``History``;
- start screen: the practice app (headless, Textual's test driver) until its start screen,
  which computes the trainee's stats, is drawn;
- RSS: the process's peak resident memory after the start screen;
- a durable answer: 200 answers recorded one at a time (each written and fdatasync'ed before
  it returns), p50 and p99.

Targets (issue 16): start < 1 s and no more than 20 % slower with 10,000 trainees than with
10; RSS < 80 MB.

Usage: PYTHONPATH=src python benchmarks/trainees.py [TRAINEES [ANSWERS]]
Not part of the test suite.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from quizhall.store._files import dumps, frame
from quizhall.store.documents import FORMAT, JOURNAL_KIND, SNAPSHOT_KIND
from quizhall.store.trainees import TRAINEE_FILE, TRAINEE_KIND, TRAINEES_DIR, trainee_dir_name

QUESTIONS = 500
MARK = "\u0001USER\u0001"  # stands for the trainee's name in the rendered template
SRC = str(Path(__file__).resolve().parents[1] / "src")


def write_bank(path: Path) -> None:
    lines = ["bank: {id: bench, title: 基准题库}", "questions:"]
    for number in range(QUESTIONS):
        lines.append(f"  - {{id: q{number}, type: single, stem: 第 {number} 题，选哪一项？, "
                     f"options: {{A: 甲, B: 乙, C: 丙, D: 丁}}, answer: A, tags: [t{number % 7}]}}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def tables_template(answers: int) -> str:
    """One trainee's tables as JSON, the trainee's name as MARK."""
    answer_docs, cards = {}, {}
    for number in range(answers):
        question = number % QUESTIONS
        day, second = divmod(number * 613, 86400)
        correct = number % 3 != 0
        answer_docs[str(number + 1)] = {
            "user": MARK, "key": f"bench/q{question}", "bank": "bench", "question": f"q{question}",
            "mode": "practice", "given": "A" if correct else "B", "correct": correct,
            "credit": 1.0 if correct else 0.0, "seconds": 7.5,
            "at": f"2026-{10 + day // 28:02d}-{1 + day % 28:02d}T{second // 3600:02d}:"
                  f"{second // 60 % 60:02d}:{second % 60:02d}+00:00",
            "type": "single", "tags": [f"t{question % 7}"], "levels": [], "session": "s1",
            "extra": {}}
        if not correct:
            cards[str(len(cards) + 1)] = {
                "user": MARK, "key": f"bench/q{question}", "streak": 0,
                "card": {"card_id": number, "state": 2, "step": None, "stability": 3.1,
                         "difficulty": 5.2, "due": "2026-12-06T08:00:00+00:00",
                         "last_review": "2026-11-30T08:00:00+00:00"}}
    exams = {"1": {"user": MARK, "id": "exam-1", "status": "finished", "started":
                   "2026-11-01T09:00:00+00:00", "finished": "2026-11-01T09:20:00+00:00",
                   "score": 8, "max_score": 10, "passed": True, "items": [], "answers": []}}
    profiles = {"1": {"user": MARK, "created": "2026-10-01T08:00:00+00:00",
                      "last_seen": "2026-11-30T08:00:00+00:00"}}
    return dumps({"profiles": profiles, "answers": answer_docs, "cards": cards,
                  "exams": exams})[:-1]


def build(data_dir: Path, trainees: int, template: str) -> float:
    """Write ``trainees`` trainees into ``data_dir``; returns the seconds it took."""
    started = time.perf_counter()
    root = data_dir / TRAINEES_DIR
    root.mkdir(parents=True)
    (data_dir / "contests").mkdir()
    journal = frame(dumps({"kind": JOURNAL_KIND, "format": FORMAT})[:-1])
    for number in range(trainees):
        user = f"E{number:05d}"
        directory = root / trainee_dir_name(user)
        directory.mkdir()
        name = json.dumps(user, ensure_ascii=False)[1:-1]
        (directory / TRAINEE_FILE).write_bytes(
            frame(dumps({"kind": TRAINEE_KIND, "format": 1, "user": user})[:-1]))
        (directory / "snapshot.json").write_bytes(frame(
            f'{{"kind":"{SNAPSHOT_KIND}","format":{FORMAT},"seq":-1,'
            f'"tables":{template.replace(MARK, name)}'))
        (directory / "journal.jsonl").write_bytes(journal)
        if number and number % 1000 == 0:
            print(f"  … {number:,} trainees written", file=sys.stderr, flush=True)
    return time.perf_counter() - started


MEASURE = r"""
import asyncio, json, resource, sys, time
from pathlib import Path
started = time.perf_counter()
from quizhall.bank.loader import load_bank
from quizhall.practice import AnswerRecord, History, Library
from quizhall.store import open_store
from quizhall.tui.practice.app import PracticeApp
from quizhall.tui.practice.start import StartScreen
imported = time.perf_counter()
library = Library([load_bank(sys.argv[2]).banks[0]])
loaded = time.perf_counter()
store = open_store(sys.argv[1])
history = History(store.trainee_db(sys.argv[3]))
opened = time.perf_counter()
app = PracticeApp(library, history, sys.argv[3])

async def start_screen():
    async with app.run_test(size=(100, 40)) as pilot:
        while not isinstance(app.screen, StartScreen):
            await pilot.pause()
        await pilot.pause()
        return time.perf_counter()

shown = asyncio.run(start_screen())
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
latencies = []
for number in range(200):
    record = AnswerRecord(user=sys.argv[3], key="bench/q1", bank="bench", question="q1",
                          mode="practice", given="A", correct=True, credit=1.0, seconds=3.0,
                          at=f"2026-12-01T08:00:{number % 60:02d}+00:00", type="single")
    before = time.perf_counter()
    history.add_answer(record)
    latencies.append(time.perf_counter() - before)
store.close()
print(json.dumps({"import": imported - started, "bank": loaded - imported,
                  "open": opened - loaded, "start": shown - opened,
                  "rss_mb": rss, "answers": latencies}))
"""


def measure(data_dir: Path, bank: Path, user: str) -> dict:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [SRC,
                                                                     os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-c", MEASURE, str(data_dir), str(bank), user],
                          capture_output=True, text=True, env=env, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    trainees = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    answers = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    work = Path(tempfile.mkdtemp(prefix="quizhall-trainees-"))
    try:
        bank = work / "bench.yaml"
        write_bank(bank)
        template = tables_template(answers)
        print(f"one trainee's snapshot: {len(template) / 1024:,.0f} KiB")
        seconds = build(work / "many", trainees, template)
        size = sum(f.stat().st_size for f in (work / "many").rglob("*") if f.is_file())
        print(f"built {trainees:,} trainees × {answers} answers in {seconds:.1f} s "
              f"({size / 2**20:,.0f} MiB)")
        build(work / "few", 10, template)
        user = f"E{trainees // 2:05d}"
        results = {}
        for label, data_dir, who in (("10 trainees", work / "few", "E00005"),
                                     (f"{trainees:,} trainees", work / "many", user)):
            runs = [measure(data_dir, bank, who) for _ in range(3)]
            results[label] = runs
            median = {key: statistics.median(run[key] for run in runs)
                      for key in ("import", "bank", "open", "start", "rss_mb")}
            latencies = [x for run in runs for x in run["answers"]]
            print(f"\n{label}: (median of 3 fresh processes)")
            print(f"  imports {median['import'] * 1000:7.1f} ms   bank load "
                  f"{median['bank'] * 1000:7.1f} ms  (the same whoever practises)")
            print(f"  open the trainee          {median['open'] * 1000:7.1f} ms")
            print(f"  start screen after open   {median['start'] * 1000:7.1f} ms")
            both = (median['open'] + median['start']) * 1000
            print(f"  open + start screen       {both:7.1f} ms")
            print(f"  peak RSS                  {median['rss_mb']:7.1f} MB")
            print(f"  durable answer  p50 {percentile(latencies, 0.5) * 1000:6.2f} ms   "
                  f"p99 {percentile(latencies, 0.99) * 1000:6.2f} ms")
        few, many = (results[label] for label in results)

        def total(runs: list[dict]) -> float:
            return statistics.median(run["open"] + run["start"] for run in runs)

        ratio = total(many) / total(few)
        print(f"\nopen + start screen, {trainees:,} trainees / 10 trainees: {ratio:.2f} "
              f"(target ≤ 1.20); {total(many) * 1000:.0f} ms (target < 1000 ms)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
