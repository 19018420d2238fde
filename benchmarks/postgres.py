"""Benchmark: the PostgreSQL store's durable writes and how fast a follower sees an event.

Prints, from one run against one server:

- the floor: one bare commit (``INSERT`` of one small row, ``COMMIT``) p50/p99;
- a durable answer (``History.add_answer`` on a trainee's documents: one transaction,
  committed before the call returns), alone and with its campaign leaderboard update in the
  same transaction (``History.together``), p50/p99 with 1, 8 and 32 trainees answering at once,
  each a process with a store of their own (as the practice apps of a training room; on a
  2-core machine 32 processes and the server share the cores), and the ratio
  of each p50 to the bare commit;
- top 20 and one member's rank in a campaign of 1,000,000 members (``--members``);
- event → follower: from ``append`` returning on the host to a reader in another store
  holding the event, p50/p99, for the reader waiting on LISTEN/NOTIFY
  (``PostgresLog.follow``, what ``quizhall display`` does), for a reader polling the
  database every 20 ms, and for the embedded store's file follower (polls every 20 ms).

Usage: ``PYTHONPATH=src python benchmarks/postgres.py [--url postgresql://…] [--answers N]``.
Without ``--url`` it starts a throwaway cluster (tests/pgcluster.py: Unix socket only,
fsync on, so commits are durable as in production) and removes it afterwards.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from quizhall.practice.history import AnswerRecord, History  # noqa: E402
from quizhall.store import Store  # noqa: E402
from quizhall.store.campaigns import Contribution  # noqa: E402
from quizhall.store.postgres import PostgresStore  # noqa: E402

CAMPAIGN = "bench-campaign"


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:8.2f} ms"


def bare_commits(url: str, count: int) -> list[float]:
    import psycopg

    samples = []
    with psycopg.connect(url) as conn:  # a logged table: a temporary one skips the WAL flush
        conn.execute("CREATE TABLE bench_floor (n integer)")
        conn.commit()
        for i in range(count):
            start = time.perf_counter()
            conn.execute("INSERT INTO bench_floor VALUES (%s)", (i,))
            conn.commit()
            samples.append(time.perf_counter() - start)
        conn.execute("DROP TABLE bench_floor")
        conn.commit()
    return samples


def answer(user: str, i: int) -> AnswerRecord:
    return AnswerRecord(user=user, key=f"labour/q{i}", bank="labour", question=f"q{i}",
                        mode="practice", given="A", correct=i % 3 != 0, credit=1.0,
                        seconds=4.2, at="2026-12-05T10:00:00+00:00", tags=("劳动合同法",))


def _answering(url: str, user: str, count: int, campaign: bool, gate: Any, out: Any) -> None:
    """One practice app: open the trainee, wait for the others, answer ``count`` times (with
    ``campaign``, each answer and its leaderboard update in one transaction)."""
    store = PostgresStore(url, pool_size=1)
    history = History(store.trainee_db(user))
    if campaign:
        store.campaigns.join(CAMPAIGN, user, f"市总工会/{user[-1]}", "2026-12-05T10:00:00Z")
    gate.wait()
    samples = []
    for i in range(count):
        start = time.perf_counter()
        with history.together():
            history.add_answer(answer(user, i))
            if campaign:
                store.campaigns.add(CAMPAIGN, user, Contribution(
                    "2026-12-05T10:00:00Z", answers=1, correct=int(i % 3 != 0),
                    points=float(i % 3 != 0)))
        samples.append(time.perf_counter() - start)
    store.close()
    out.put(samples)


def durable_answers(url: str, writers: int, per_writer: int, campaign: bool) -> list[float]:
    """Answer latencies with ``writers`` processes answering at once, each its own trainee."""
    context = multiprocessing.get_context("spawn")
    gate, out = context.Barrier(writers), context.Queue()
    kind = "c" if campaign else "a"
    processes = [context.Process(target=_answering,
                                 args=(url, f"trainee-{kind}{writers}-{n}", per_writer,
                                       campaign, gate, out))
                 for n in range(writers)]
    for process in processes:
        process.start()
    samples = [sample for _ in processes for sample in out.get(timeout=600)]
    for process in processes:
        process.join()
    return samples


def follow_latency(writer_log: object, append: Callable[[dict], object],
                   wait_for: Callable[[int], list[dict]], count: int) -> list[float]:
    """Seconds from ``append`` returning to the follower (``wait_for(position)``) holding the
    event, over ``count`` events spaced out so each is seen on its own."""
    seen: dict[int, float] = {}
    stop = threading.Event()

    def follower() -> None:
        position = 0
        while position < count and not stop.is_set():
            events = wait_for(position)
            now = time.perf_counter()
            for event in events:
                seen.setdefault(event["n"], now)
            position += len(events)

    thread = threading.Thread(target=follower)
    thread.start()
    sent: dict[int, float] = {}
    for n in range(count):
        time.sleep(0.013 + (n % 7) * 0.003)  # off the pollers' beat
        append({"type": "tick", "n": n})
        sent[n] = time.perf_counter()
    thread.join(timeout=30)
    stop.set()
    return [seen[n] - sent[n] for n in sent if n in seen]


def follow_figures(url: str, count: int) -> dict[str, list[float]]:
    results = {}
    host, hall = PostgresStore(url), PostgresStore(url)
    contest = host.create_contest("bench", {})
    log = host.open_log(contest)
    reader = hall.open_log(contest, writer=False)
    results["PostgreSQL, LISTEN/NOTIFY"] = follow_latency(
        log, log.append, lambda start: reader.follow(start, 1.0), count)
    contest = host.create_contest("bench-poll", {})
    log = host.open_log(contest)
    reader = hall.open_log(contest, writer=False)

    def poll(start: int) -> list[dict]:
        while not (events := reader.read(start)):
            time.sleep(0.02)
        return events

    results["PostgreSQL, polling every 20 ms"] = follow_latency(log, log.append, poll, count)
    host.close()
    hall.close()
    with tempfile.TemporaryDirectory() as directory:
        files = Store(Path(directory))
        contest = files.create_contest("bench", {})
        log_file = files.open_log(contest)
        file_reader = Store(Path(directory)).open_log(contest, writer=False)
        results["embedded files, polling every 20 ms"] = follow_latency(
            log_file, log_file.append, lambda start: file_reader.follow(start, 1.0), count)
        files.close()
    return results


def leaderboard_figures(url: str, members: int) -> None:
    """Top 20 and one member's rank in a campaign of ``members`` (loaded with COPY, totals
    built as ``add`` keeps them), p50/p99 over 200 reads each."""
    import random

    import psycopg

    campaign = "bench-board"
    rng = random.Random(17)
    start = time.perf_counter()
    with PostgresStore(url) as store:
        store.campaigns.save_campaign(campaign, {"title": "board"})
    with psycopg.connect(url) as conn:
        with conn.cursor().copy(
                "COPY campaign_members (campaign_id, name, unit, joined, answers, correct,"
                " points, passes, pass_count, updated) FROM STDIN") as copy:
            for n in range(members):
                passes = rng.randrange(6)
                copy.write_row((campaign, f"member-{n:07d}", f"省总工会/市{n % 97}/区{n % 7}",
                                "2026-12-01", passes * 20, passes * 15,
                                round(rng.uniform(0, 500), 1),
                                [f"L{i}" for i in range(passes)], passes, "2026-12-05"))
        conn.execute("INSERT INTO campaign_scores SELECT campaign_id, pass_count, points,"
                     " count(*) FROM campaign_members WHERE campaign_id = %s"
                     " GROUP BY 1, 2, 3", (campaign,))
        conn.execute("ANALYZE campaign_members")
        conn.execute("ANALYZE campaign_scores")
        conn.commit()
    print(f"loaded {members:,} members in {time.perf_counter() - start:.1f} s")
    names = [f"member-{rng.randrange(members):07d}" for _ in range(200)]
    with PostgresStore(url) as store:
        board = store.campaigns
        tops, ranks, unit_tops = [], [], []
        for name in names:
            began = time.perf_counter()
            board.top(campaign, 20)
            tops.append(time.perf_counter() - began)
            began = time.perf_counter()
            board.rank(campaign, name)
            ranks.append(time.perf_counter() - began)
        for n in range(50):
            began = time.perf_counter()
            board.top(campaign, 20, unit=f"省总工会/市{n}")
            unit_tops.append(time.perf_counter() - began)
    print(f"top 20 of {members:,}            p50 {ms(percentile(tops, 0.5))}  "
          f"p99 {ms(percentile(tops, 0.99))}  (target < 5 ms)")
    print(f"one member's rank among {members:,} p50 {ms(percentile(ranks, 0.5))}  "
          f"p99 {ms(percentile(ranks, 0.99))}  (target < 20 ms)")
    print(f"top 20 of one city unit (~{members // 97:,}) p50 {ms(percentile(unit_tops, 0.5))}  "
          f"p99 {ms(percentile(unit_tops, 0.99))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", help="a database to use (default: a throwaway cluster)")
    parser.add_argument("--answers", type=int, default=200, help="answers per writer")
    parser.add_argument("--events", type=int, default=200, help="events followed")
    parser.add_argument("--members", type=int, default=1_000_000,
                        help="members of the campaign the leaderboard is read from (0: skip)")
    args = parser.parse_args()
    cluster = None
    url = args.url
    if url is None:
        from pgcluster import Cluster, server_binaries

        found = server_binaries()
        if isinstance(found, str):
            sys.exit(found)
        cluster = Cluster(*found, fsync=True)
        url = cluster.create_database("bench")
    try:
        PostgresStore(url).close()  # the schema, before anything is timed
        floor = bare_commits(url, 1000)
        floor_p50 = percentile(floor, 0.5)
        print(f"bare commit              p50 {ms(floor_p50)}  p99 {ms(percentile(floor, 0.99))}")
        with PostgresStore(url) as store:
            store.campaigns.save_campaign(CAMPAIGN, {"title": "bench"})
        for campaign in (False, True):
            what = "answer + leaderboard" if campaign else "answer"
            for writers in (1, 8, 32):
                samples = durable_answers(url, writers, args.answers, campaign)
                p50 = percentile(samples, 0.5)
                print(f"durable {what:20} {writers:2} writers p50 {ms(p50)}  "
                      f"p99 {ms(percentile(samples, 0.99))}  "
                      f"p50/commit {p50 / floor_p50:6.1f}x  ({len(samples)} answers)")
        if args.members:
            leaderboard_figures(url, args.members)
        for name, samples in follow_figures(url, args.events).items():
            print(f"event -> follower, {name:36} p50 {ms(percentile(samples, 0.5))}  "
                  f"p99 {ms(percentile(samples, 0.99))}  ({len(samples)} events)")
    finally:
        if cluster is not None:
            cluster.stop()


if __name__ == "__main__":
    main()
