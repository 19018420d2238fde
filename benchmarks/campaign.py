"""Benchmark: a campaign's top 20 and one trainee's rank, from running totals vs a scan of answers.

Builds one data directory (the embedded store) with TRAINEES campaign members (default
50,000: about a minute of setup on a shared 2-core machine), each with ANSWERS answers
(default 40) counted for the campaign, in 40 units under 5 top-level units. Trainee documents
are written in the store's own format without an fsync per file (as benchmarks/trainees.py
does); the campaign's totals are written through the store (``reset_totals``: one durable
write), equal to what the answers give.

Then, in one run:

- totals, fresh reader: ``open_store`` + the top 20, and ``open_store`` + one member's rank,
  as ``quizhall campaign leaderboard`` does (median of 5);
- totals, open store: the same queries on a store holding the totals open (median of 20);
- scan: read every member's answers (``History`` on their documents) and rank them
  (what the leaderboard would cost without running totals; once);
- a durable answer's totals update (``CampaignStore.add``, member + units in one fdatasync'ed
  journal line), p50/p99 of 50, with the totals opened for each write as the store does,
  in this campaign and in one of a training room's size (100 members).

The top 20 and the rank from totals and from the scan are checked to be equal.

Usage: PYTHONPATH=src python benchmarks/campaign.py [TRAINEES [ANSWERS]]
Not part of the test suite.
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from quizhall.practice.history import History
from quizhall.store import open_store
from quizhall.store._files import dumps, frame
from quizhall.store.campaigns import Contribution, MemberTotals, member_order
from quizhall.store.documents import FORMAT, JOURNAL_KIND, SNAPSHOT_KIND
from quizhall.store.embedded_campaigns import EmbeddedCampaigns
from quizhall.store.trainees import TRAINEE_FILE, TRAINEE_KIND, TRAINEES_DIR, trainee_dir_name

CAMPAIGN = "bench-2026"
ROOM = "bench-room"  # a campaign of a training room's size, for the cost of a write
ROOM_MEMBERS = 100
AT = "2026-03-02T08:00:00.000+00:00"
NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def unit_of(number: int) -> str:
    return f"总工会{number % 5}/部门{number % 40:02d}"


def answers_of(user: str, number: int, answers: int) -> tuple[dict, int, float]:
    """The trainee's answer documents, how many are right and their points."""
    docs, correct, points = {}, 0, 0.0
    for index in range(answers):
        right = (number * 7 + index * 3) % 10 < 6 + number % 4
        credit = 1.0 if right else 0.0
        correct += right
        points += credit
        docs[str(index + 1)] = {
            "user": user, "key": f"law/q{index}", "bank": "law", "question": f"q{index}",
            "mode": "level", "given": "A", "correct": right, "credit": credit,
            "seconds": 5.0, "at": AT, "type": "single", "tags": [], "levels": ["law/L1"],
            "session": "s", "extra": {"counted_by": [CAMPAIGN]}}
    return docs, correct, points


def build(data_dir: Path, trainees: int, answers: int) -> tuple[float, list[MemberTotals]]:
    started = time.perf_counter()
    root = data_dir / TRAINEES_DIR
    root.mkdir(parents=True)
    journal = frame(dumps({"kind": JOURNAL_KIND, "format": FORMAT})[:-1])
    members = []
    for number in range(trainees):
        user = f"E{number:06d}"
        directory = root / trainee_dir_name(user)
        directory.mkdir()
        (directory / TRAINEE_FILE).write_bytes(
            frame(dumps({"kind": TRAINEE_KIND, "format": 1, "user": user})[:-1]))
        docs, correct, points = answers_of(user, number, answers)
        passes = ("law/L1",) if correct * 10 >= answers * 8 else ()
        (directory / "snapshot.json").write_bytes(frame(
            f'{{"kind":"{SNAPSHOT_KIND}","format":{FORMAT},"seq":-1,'
            f'"tables":{dumps({"answers": docs})}'))
        (directory / "journal.jsonl").write_bytes(journal)
        members.append(MemberTotals(user, unit_of(number), AT, answers, correct, points,
                                    passes, AT))
        if number and number % 5000 == 0:
            print(f"  … {number:,} trainees written", file=sys.stderr, flush=True)
    with open_store(data_dir, now=lambda: NOW) as store:
        store.campaigns.save_campaign(CAMPAIGN, {"title": "基准活动"})
        store.campaigns.reset_totals(CAMPAIGN, members)
    return time.perf_counter() - started, members


def scan(data_dir: Path, user: str) -> tuple[list[str], int]:
    """The top 20 and ``user``'s rank from every member's answers (passes: 80 % right)."""
    with open_store(data_dir, now=lambda: NOW) as store:
        totals = []
        for member in store.campaigns.members(CAMPAIGN):  # who joined, in which unit
            history = History(store.read_trainee_db(member.user))
            counted = [r for r in history.answers(member.user)
                       if CAMPAIGN in r.extra.get("counted_by", ())]
            correct = sum(r.correct for r in counted)
            points = sum(r.credit for r in counted)
            passes = ("law/L1",) if correct * 10 >= len(counted) * 8 else ()
            totals.append(MemberTotals(member.user, member.unit, member.joined, len(counted),
                                       correct, points, passes))
    totals.sort(key=member_order)
    mine = next(m for m in totals if m.user == user)
    rank = 1 + sum(1 for m in totals
                   if (len(m.passes), m.points) > (len(mine.passes), mine.points))
    return [m.user for m in totals[:20]], rank


def timed(action, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        before = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - before)
    return statistics.median(times), result


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    trainees = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    answers = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    work = Path(tempfile.mkdtemp(prefix="quizhall-campaign-"))
    try:
        data_dir = work / "data"
        seconds, members = build(data_dir, trainees, answers)
        size = sum(f.stat().st_size for f in (data_dir / "campaigns").rglob("*") if f.is_file())
        print(f"built {trainees:,} members × {answers} answers in {seconds:.1f} s "
              f"(totals: {size / 2**20:,.1f} MiB)")
        user = f"E{trainees // 2:06d}"

        def fresh_top() -> list[str]:
            with open_store(data_dir, now=lambda: NOW) as store:
                return [m.user for _, m in store.campaigns.top(CAMPAIGN, 20)]

        def fresh_rank() -> int | None:
            with open_store(data_dir, now=lambda: NOW) as store:
                return store.campaigns.rank(CAMPAIGN, user)

        top_fresh, top = timed(fresh_top, 5)
        rank_fresh, rank = timed(fresh_rank, 5)
        held = EmbeddedCampaigns(data_dir, lambda: NOW, hold=True)
        held.add(CAMPAIGN, user, Contribution(AT))  # opens and keeps the totals
        top_held, _ = timed(lambda: held.top(CAMPAIGN, 20), 20)
        rank_held, _ = timed(lambda: held.rank(CAMPAIGN, user), 20)
        held.close()
        before = time.perf_counter()
        scanned_top, scanned_rank = scan(data_dir, user)
        scan_seconds = time.perf_counter() - before
        assert scanned_top == top and scanned_rank == rank, (scanned_top, top, scanned_rank)
        with open_store(data_dir, now=lambda: NOW) as store:
            writes = []
            for number in range(50):
                before = time.perf_counter()
                store.campaigns.add(CAMPAIGN, f"E{number:06d}", Contribution(AT))
                writes.append(time.perf_counter() - before)
            store.campaigns.save_campaign(ROOM, {"title": "一个培训室"})
            store.campaigns.reset_totals(ROOM, members[:ROOM_MEMBERS])
            room_writes = []
            for number in range(50):
                before = time.perf_counter()
                store.campaigns.add(ROOM, f"E{number:06d}", Contribution(AT))
                room_writes.append(time.perf_counter() - before)
        print(json.dumps({"trainees": trainees, "answers_each": answers}))
        print(f"\n{trainees:,} members, {trainees * answers:,} answers; "
              f"top 20 and rank equal from totals and from the scan (rank of {user}: {rank})")
        print(f"  totals, fresh reader: top 20 {top_fresh * 1000:8.1f} ms   "
              f"rank {rank_fresh * 1000:8.1f} ms   (median of 5)")
        print(f"  totals, open store:   top 20 {top_held * 1000:8.1f} ms   "
              f"rank {rank_held * 1000:8.1f} ms   (median of 20)")
        print(f"  scan of answers:      top 20 and rank {scan_seconds * 1000:8.1f} ms (once)")
        print(f"  scan / fresh reader:  {scan_seconds / top_fresh:6.1f}× (top 20), "
              f"{scan_seconds / rank_fresh:6.1f}× (rank)")
        for label, found in ((f"{trainees:,} members", writes),
                             (f"{ROOM_MEMBERS} members", room_writes)):
            print(f"  a durable totals update, {label} (opened per write): p50 "
                  f"{percentile(found, 0.5) * 1000:.1f} ms   p99 "
                  f"{percentile(found, 0.99) * 1000:.1f} ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
