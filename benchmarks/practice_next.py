"""Benchmark: choosing the next practice question for a trainee with 10,000 answers of history.

Builds the shared synthetic 10,000-question bank (../shared/bench/gen_bank.py), gives one
trainee an answer to every question (spread over 60 days, about a third wrong) and a notebook
card for each wrong one, then measures in one run:

- session start: summarising the history and ordering the pool ("smart" order);
- each choice: what ``Session.advance`` does to put the next question up (pick it, shuffle
  its options), for all 10,000 choices; mean and p99 against the 5 ms target;
- the same choice made naively (rescoring the remaining pool each time), for the ratio;
- a full answer cycle (choose, answer, record to history and notebook) on an in-memory TinyDB
  and on the crash-safe store, whose fsync per answer dominates.

Usage: PYTHONPATH=src python benchmarks/practice_next.py [N]
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fsrs import Card, Rating
from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from quizhall.bank.loader import load_bank
from quizhall.practice import History, Library, ManualClock, Order, PracticeSession, Trainee
from quizhall.practice.answering import present
from quizhall.practice.calendar_clock import stamp
from quizhall.practice.chooser import summarise
from quizhall.practice.notebook import new_scheduler

# shared/ sits beside the checkout (or beside the folder of worktrees holding it).
GEN_BANK = next((folder / "shared" / "bench" / "gen_bank.py"
                 for folder in Path(__file__).resolve().parents
                 if (folder / "shared" / "bench" / "gen_bank.py").is_file()),
                Path("shared/bench/gen_bank.py"))
TARGET_MS = 5.0
NOW = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)


def build_bank(count: int, directory: Path) -> Library:
    out = directory / f"bank_{count}.yaml"
    subprocess.run([sys.executable, str(GEN_BANK), str(count), str(out)], check=True,
                   capture_output=True)
    result = load_bank(out, use_cache=False)
    assert result.banks, [d.format() for d in result.diagnostics]
    return Library(result.banks)


def fill_history(db: TinyDB, library: Library, user: str, rng: random.Random) -> None:
    """One answer per question over 60 days; a notebook card for each wrong one."""
    answers, cards = [], []
    scheduler = new_scheduler()
    for index, ref in enumerate(library.refs):
        at = NOW - timedelta(days=60) + timedelta(minutes=index * 8)
        correct = rng.random() > 0.33
        answers.append({"user": user, "key": ref.key, "bank": ref.bank.info.id,
                        "question": ref.question.id, "mode": "practice", "given": "A",
                        "correct": correct, "credit": float(correct),
                        "seconds": round(rng.uniform(3, 60), 3), "at": stamp(at),
                        "type": "single", "tags": list(ref.question.tags), "levels": [],
                        "session": "", "extra": {}})
        if not correct:
            card, _ = scheduler.review_card(Card(card_id=index + 1, due=at), Rating.Again, at)
            cards.append({"user": user, "key": ref.key, "card": card.to_dict(), "streak": 0,
                          "lapses": 1, "added": stamp(at)})
    db.table("answers").insert_multiple(answers)
    db.table("cards").insert_multiple(cards)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(label: str, seconds: list[float]) -> float:
    ms = [s * 1000 for s in seconds]
    mean = statistics.fmean(ms)
    print(f"  {label:<44} mean {mean:8.4f} ms   p99 {percentile(ms, 0.99):8.4f} ms"
          f"   (n={len(ms)})")
    return mean


def naive_next(refs, remaining: set[int], summary, due: set[str]) -> int:
    """The same priority, recomputed over every remaining question on each choice."""
    def priority(index: int) -> tuple:
        key = refs[index].key
        stats = summary.get(key)
        if key in due:
            return (0, 0.0, "")
        if stats is None:
            return (1, 0.0, "")
        return (2 if not stats.last_correct else 3, stats.accuracy, stats.last_at)
    best = min(remaining, key=priority)
    remaining.discard(best)
    return best


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    rng = random.Random(20250601)
    with tempfile.TemporaryDirectory() as tmp:
        library = build_bank(count, Path(tmp))
        db = TinyDB(storage=MemoryStorage)
        fill_history(db, library, "bench", rng)
        clock = ManualClock(NOW)
        trainee = Trainee(History(db), "bench", library, clock)
        print(f"practice_next: {len(library)} questions, "
              f"{len(trainee.history.answers('bench'))} answers of history, "
              f"{len(trainee.notebook)} notebook cards")

        started = time.perf_counter()
        session = PracticeSession(trainee, library.refs, Order.SMART, random.Random(1))
        setup = time.perf_counter() - started
        print(f"  session start (summarise history, order the pool)   {setup * 1000:8.1f} ms")

        choices = []
        chooser = session._chooser
        assert chooser is not None
        present_rng = random.Random(2)
        for _ in range(len(library)):
            t0 = time.perf_counter()
            ref = chooser.next()
            present(ref, present_rng)
            choices.append(time.perf_counter() - t0)
        mean = report("choice (heap pick + option shuffle)", choices)

        summary = summarise(trainee.history.answers("bench"))
        due = {e.key for e in trainee.notebook.due(NOW)}
        remaining = set(range(len(library.refs)))
        naive = []
        for _ in range(200):
            t0 = time.perf_counter()
            present(library.refs[naive_next(library.refs, remaining, summary, due)], present_rng)
            naive.append(time.perf_counter() - t0)
        naive_mean = report("naive choice (rescore the pool each time)", naive)
        met = percentile(choices, 0.99) * 1000 < TARGET_MS
        print(f"  heap choice is {naive_mean / mean:,.0f}× faster than rescoring; "
              f"p99 under the {TARGET_MS} ms target: {'yes' if met else 'NO'}")

        cycles = _answer_cycles(trainee, library, clock, 300)
        report("full answer cycle, in-memory TinyDB", cycles)
        db.close()

        from quizhall.store import open_store

        with open_store(Path(tmp) / "store") as store:
            fill_history(store.trainee_db("bench"), library, "bench", random.Random(20250601))
            stored = Trainee(History(store.trainee_db("bench")), "bench", library, ManualClock(NOW))
            cycles = _answer_cycles(stored, library, stored.clock, 100)
            report("full answer cycle, crash-safe store (fsync)", cycles)


def _answer_cycles(trainee: Trainee, library: Library, clock: ManualClock, n: int) -> list[float]:
    session = PracticeSession(trainee, library.refs, Order.SMART, random.Random(3))
    timings = []
    for _ in range(n):
        t0 = time.perf_counter()
        shown = session.advance()
        clock.advance(12)
        session.submit(shown.shown_letter(shown.question.answer))
        timings.append(time.perf_counter() - t0)
    return timings


if __name__ == "__main__":
    main()
