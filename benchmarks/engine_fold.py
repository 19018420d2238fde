"""Benchmark the contest engine: fold a 100,000-event log, and apply one event to a live
contest whose log holds 1,000 vs 100,000 events (the cost must not grow with the log).

Run: PYTHONPATH=src python benchmarks/engine_fold.py
"""

from __future__ import annotations

import gc
import time

from quizhall.contest import Command, Contest, ManualClock, MemoryLog, Plan, fold
from quizhall.contest.plan import RoundPlan, TeamPlan
from quizhall.plugins import new_plugin_manager

TEAMS = tuple(TeamPlan(f"team {n}", (f"m{n}a", f"m{n}b", f"m{n}c"), str(n)) for n in range(1, 5))
QUESTIONS = 40_000


def make_plan() -> Plan:
    settings = {"points": 10, "wrong": -5, "timeout": None, "time_limit": 30,
                "answerer": "seat", "no_member_twice_in_a_row": False}
    keys = tuple(f"bench/q{n}" for n in range(QUESTIONS))
    return Plan("benchmark", TEAMS, (RoundPlan("required", "R", settings, keys, (QUESTIONS,)),))


def build_log(events: int) -> list[dict]:
    """A realistic log: questions shown, timers started, answers judged, undos, adjustments."""
    pm = new_plugin_manager()
    clock = ManualClock(0)
    log = MemoryLog()
    contest = Contest.start(make_plan(), log, clock, pm)
    contest.execute(Command("next"))
    n = 0
    while len(log) < events:
        n += 1
        clock.advance(2)
        for command in (Command("next"), Command("open"),
                        Command("right" if n % 3 else "wrong")):
            contest.execute(command)
        if n % 10 == 0:
            contest.execute(Command("undo"))
            contest.execute(Command("undo"))
        if n % 25 == 0:
            contest.execute(Command("adjust", team=n % 4, points=5, reason="jury"))
    return log.read()[:events]


def live_contest(events: list[dict]) -> tuple[Contest, ManualClock]:
    pm = new_plugin_manager()
    clock = ManualClock(float(events[-1]["t"]) + 1)
    log = MemoryLog(events)
    return Contest.resume(log, clock, pm), clock


def time_one_event(contest: Contest, clock: ManualClock, repeats: int = 3000) -> float:
    """Seconds per accepted command (decide, record, apply), averaged over ``repeats``."""
    commands = [Command("adjust", team=0, points=1, reason="bench"), Command("undo")]
    return _timed(lambda i: contest.execute(commands[i % 2]), repeats)


def _timed(step, repeats: int) -> float:
    # As timeit does: the cyclic garbage collector is paused while timing, so a bigger heap
    # (a longer log in memory) does not show up as a cost of the engine itself.
    gc.collect()
    gc.disable()
    try:
        started = time.perf_counter()
        for i in range(repeats):
            step(i)
        return (time.perf_counter() - started) / repeats
    finally:
        gc.enable()


def time_one_evolve(events: list[dict], repeats: int = 20000) -> float:
    """Seconds to apply one event to a projection that has folded ``events``."""
    projection = fold(events)
    event = {"type": "score_adjusted", "t": float(events[-1]["t"]), "team": 1, "points": 1.0,
             "reason": "bench"}
    undo = {"type": "undo", "t": float(events[-1]["t"])}
    return _timed(lambda i: projection.apply(event if i % 2 == 0 else undo), repeats)


def main() -> None:
    print("building a 100,000-event log …")
    log = build_log(100_000)
    started = time.perf_counter()
    projection = fold(log)
    elapsed = time.perf_counter() - started
    print(f"fold 100,000 events: {elapsed:.3f} s ({elapsed / len(log) * 1e6:.2f} µs/event); "
          f"{len(projection.entries())} ledger entries in effect")

    small, large = log[:1_000], log
    evolve_small, evolve_large = time_one_evolve(small), time_one_evolve(large)
    print(f"evolve one event, log of   1,000: {evolve_small * 1e6:8.2f} µs")
    print(f"evolve one event, log of 100,000: {evolve_large * 1e6:8.2f} µs")
    print(f"ratio (100,000 / 1,000): {evolve_large / evolve_small:.2f}")

    contest_small, clock_small = live_contest(small)
    contest_large, clock_large = live_contest(large)
    command_small = time_one_event(contest_small, clock_small)
    command_large = time_one_event(contest_large, clock_large)
    print(f"execute one command (decide + record + apply), log of   1,000: "
          f"{command_small * 1e6:8.2f} µs")
    print(f"execute one command (decide + record + apply), log of 100,000: "
          f"{command_large * 1e6:8.2f} µs")
    print(f"ratio (100,000 / 1,000): {command_large / command_small:.2f}")


if __name__ == "__main__":
    main()
