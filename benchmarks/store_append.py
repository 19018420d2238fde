"""Benchmark: is appending to the store flat, and how close is it to the disk's fsync floor?

Prints, from one run on one disk:

- the floor: a bare ``write`` + ``fsync`` of a 200-byte record (and ``fdatasync``, which the
  store uses where the platform has it);
- the contest event log: per-append latency p50/p99 over the first and the last 1,000 of
  100,000 appends;
- TinyDB's default ``JSONStorage``: per-insert latency over the first and last 100 of 2,000
  inserts (it rewrites the whole file on every insert);
- the store's trainee documents (TinyDB on the journal storage): the same 2,000 inserts, and
  the first and last 1,000 of 20,000 (compactions included);

- how long reopening the whole log takes (what resuming a contest costs);
- how long a reader following the log takes to see a new event (promise: within 100 ms);

then the ratios the store promises: last-1,000 p50 / first-1,000 p50 (target at most 1.5) and
event-log p50 / fsync floor (target at most 3).

Usage: ``PYTHONPATH=src python benchmarks/store_append.py [--dir DIR] [--appends N]``. DIR
(default: the system temporary directory) should be on the disk the data directory uses.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from tinydb import TinyDB

from quizhall.store import Store, open_store
from quizhall.store._files import utc_now
from quizhall.store.documents import DocumentDB, JournalStorage


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def timed(count: int, step: Callable[[int], object]) -> list[float]:
    """Seconds taken by each of ``count`` calls of ``step(i)``."""
    samples = []
    clock = time.perf_counter
    for i in range(count):
        start = clock()
        step(i)
        samples.append(clock() - start)
    return samples


def us(seconds: float) -> str:
    return f"{seconds * 1e6:9.1f} µs"


def report(label: str, samples: list[float]) -> float:
    p50 = percentile(samples, 0.5)
    print(f"  {label:<28} p50 {us(p50)}   p99 {us(percentile(samples, 0.99))}"
          f"   max {us(max(samples))}")
    return p50


def floor(directory: Path, sync: Callable[[int], None], count: int = 2000) -> list[float]:
    path = directory / f"floor-{sync.__name__}"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    record = b"x" * 199 + b"\n"

    def step(_: int) -> None:
        os.write(fd, record)
        sync(fd)

    try:
        return timed(count, step)
    finally:
        os.close(fd)


def follow_latency(store: Store, count: int = 300) -> None:
    """A reader thread follows a writer appending every few ms; time each event's arrival."""
    contest_id = store.create_contest("follow", {})
    writer = store.open_log(contest_id)
    reader = store.open_log(contest_id, writer=False)
    written: list[float] = []
    seen: list[float] = []

    def follow() -> None:
        while len(seen) < count:
            for _ in reader.follow(len(seen), timeout=5):
                seen.append(time.perf_counter())

    thread = threading.Thread(target=follow)
    thread.start()
    for i in range(count):
        writer.append(event(i))
        written.append(time.perf_counter())
        time.sleep(0.003 + (i % 7) * 0.001)
    thread.join()
    writer.close()
    reader.close()
    print(f"reader following a live writer: {count} events")
    delays = [max(s - w, 0.0) for s, w in zip(seen, written, strict=True)]
    report("append -> seen by reader", delays)


def event(i: int) -> dict:
    # about the size of a real judged answer
    return {"type": "answer_judged", "team": "红队", "seat": 2, "question": f"lc-{i % 900:03d}",
            "answer": "A", "correct": i % 3 != 0, "points": 10, "at": 1234.5 + i}


def answer(i: int) -> dict:
    return {"trainee": "张三", "question": f"lc-{i % 900:03d}", "answer": "B",
            "correct": i % 4 != 0, "seconds": 7.25, "when": "2026-11-24T09:30:00+00:00"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--appends", type=int, default=100_000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="quizhall-bench-", dir=args.dir))
    try:
        run(work, args.appends)
    finally:
        shutil.rmtree(work)


def run(work: Path, appends: int) -> None:
    print(f"directory: {work}")
    print("floor: one 200-byte write + sync, 2,000 times")
    fsync_floor = report("write + fsync", floor(work, os.fsync))
    if hasattr(os, "fdatasync"):
        report("write + fdatasync", floor(work, os.fdatasync))

    print(f"contest event log: {appends:,} appends")
    store = open_store(work / "data")
    log = store.open_log(store.create_contest("benchmark", {}))
    started = time.perf_counter()
    samples = timed(appends, lambda i: log.append(event(i)))
    elapsed = time.perf_counter() - started
    log_first = report("first 1,000", samples[:1000])
    log_last = report(f"last 1,000 (at {appends:,})", samples[-1000:])
    print(f"  total {elapsed:.1f} s, log {log.path.stat().st_size / 1e6:.1f} MB")
    log.close()
    started = time.perf_counter()
    with store.open_log(log.contest_id, writer=False) as reader:
        count = len(reader.read())
    print(f"  reopening and reading all {count:,} events: "
          f"{time.perf_counter() - started:.2f} s")
    follow_latency(store)
    store.close()

    print("TinyDB JSONStorage (default): 2,000 inserts")
    db = TinyDB(work / "tinydb.json")
    table = db.table("answers")
    started = time.perf_counter()
    samples = timed(2000, lambda i: table.insert(answer(i)))
    elapsed = time.perf_counter() - started
    tiny_first = report("first 100", samples[:100])
    tiny_last = report("last 100 (at 2,000)", samples[-100:])
    print(f"  total {elapsed:.1f} s")
    db.close()

    print("store documents (TinyDB on the journal): 2,000 and 20,000 inserts")
    directory = work / "documents"
    directory.mkdir()
    docs = DocumentDB(JournalStorage(directory, utc_now))
    table = docs.table("answers")
    samples = timed(20_000, lambda i: table.insert(answer(i)))
    doc_first = report("first 100", samples[:100])
    report("last 100 (at 2,000)", samples[1900:2000])
    doc_first_1000 = report("first 1,000", samples[:1000])
    doc_last = report("last 1,000 (at 20,000)", samples[-1000:])
    docs.close()

    print("ratios")
    print(f"  event log   last/first p50      {log_last / log_first:5.2f}   (target <= 1.5)")
    print(f"  event log   p50 / fsync floor   {max(log_first, log_last) / fsync_floor:5.2f}"
          "   (target <= 3; the slower of first and last)")
    print(f"  documents   last/first p50      {doc_last / doc_first_1000:5.2f}")
    print(f"  documents   p50 / fsync floor   {doc_first / fsync_floor:5.2f}")
    print(f"  JSONStorage last/first p50      {tiny_last / tiny_first:5.2f}")
    print(f"  JSONStorage p50 at 2,000 / ours {tiny_last / doc_first:5.2f}")


if __name__ == "__main__":
    main()
