"""How well the projector reads from the back row, and how soon it shows what the host did.

1. Ink and size: the question page (a 45-character Chinese stem with four options, and its
   English counterpart) laid out at 80×24, 160×45 and 240×67: the share of cells with ink
   (any visible character; the issue measured 4.8 % at 160×45 before large text), and the
   cell rows of one line of the stem (1 = plain type). Goals at 160×45: ≥ 25 % ink, ≥ 3 rows.
   Also the cost of drawing the page: first (glyphs rasterised) and again (glyphs cached).
2. Event → frame: a projector (``DisplayApp``, headless) follows a contest in a store while
   the host's engine appends events; the time from just before the append to the first
   composed frame showing it, p50 and p99. At each size and in both languages, for two kinds
   of event: a page change (the scoreboard put on the projector and taken off) and a buzz
   (a team buzzes, then the host undoes it: the page is laid out again under the banner).
   The figures are given twice: as the projector runs (each line's strips kept, so a line
   seen in a recent frame costs nothing) and "fresh", with nothing kept (what a page never
   shown before costs, e.g. the first buzz on a question). Then, at 160×45, the follower
   that watches the log file's size (every 2 ms) against the store's own polling ``follow``
   (every 20 ms), and the watcher's CPU time while nothing happens. Goal: p50 within one
   60 Hz frame (16.7 ms) on a quiet machine.

Run: ``PYTHONPATH=src python benchmarks/projector.py [--events N]``. Needs the font the tests
use (Debian's ``fonts-noto-cjk``); without it the ink figures are those of plain type.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

FRAME_TARGET_MS = 1000 / 60
INK_GOAL = 0.25
ROWS_GOAL = 3
SIZES = ((80, 24), (160, 45), (240, 67))


def _question_view(tmp: Path, language: str):
    from hallkit import PAGES, played

    from quizhall.tui.present import present

    session = played(tmp, language, PAGES["question"])
    view = present(session.contest.view()).for_audience()
    session.close()
    return view


def ink_and_size() -> None:
    from hallkit import stem_rows

    from quizhall import i18n
    from quizhall.tui import bigtext
    from quizhall.tui.hall import hall_page

    os.environ.setdefault(bigtext.FONT_VARIABLE, "/usr/share/fonts/opentype/noto/"
                          "NotoSansCJK-Bold.ttc")
    font = bigtext.big_font()
    print(f"font: {font.name if font else 'none (plain type)'}")
    print(f"{'size':>8} {'lang':>5} {'ink':>7} {'ink/goal':>9} {'rows/line':>10} "
          f"{'rows/goal':>10} {'first ms':>9} {'cached ms':>10}")
    for language in ("zh-CN", "en"):
        i18n.set_language(language)
        with tempfile.TemporaryDirectory() as tmp:
            view = _question_view(Path(tmp), language)
        for width, height in SIZES:
            bigtext._glyph.cache_clear()
            started = time.perf_counter()
            lines = hall_page(view, width, height, font)
            first = (time.perf_counter() - started) * 1000
            started = time.perf_counter()
            for _ in range(5):
                hall_page(view, width, height, font)
            cached = (time.perf_counter() - started) * 1000 / 5
            ink = sum(1 for line in lines for c in line.plain if not c.isspace())
            share = ink / (width * height)
            rows = stem_rows(lines, font, view.question.stem) if font else 1
            print(f"{width:>4}x{height:<3} {language:>5} {share:7.1%} {share / INK_GOAL:9.2f} "
                  f"{rows:>10} {rows / ROWS_GOAL:10.2f} {first:9.1f} {cached:10.1f}")


def _timed_display(follower, on_frame):
    from quizhall.tui.display import DisplayApp

    class TimedDisplay(DisplayApp):
        """The projector, noting when a frame of a new view is composed."""

        def _display(self, screen, renderable) -> None:  # type: ignore[override]
            super()._display(screen, renderable)
            if renderable is not None and self.view is not None:
                on_frame(self.view)

    return TimedDisplay(follower, bell=False, motion=False)


def _event(contest, kind: str, i: int):
    """The ``i``-th event of ``kind`` to append, and a test of a view that shows it."""
    from quizhall.contest.commands import Command
    from quizhall.tui.stage_view import Stage

    if kind == "page":
        on = i % 2 == 0
        stage = Stage.SCORES if on else Stage.QUESTION
        return (Command("project", value="scores" if on else "off"),
                lambda view: view.stage is stage)
    buzzed = i % 2 == 0
    return (contest.parse("buzz 3" if buzzed else "undo"),
            lambda view: view.stage is Stage.QUESTION and (view.buzz_holder == 3) == buzzed)


async def _follow_latency(events: int, fast: bool, size: tuple[int, int] = (160, 45),
                          language: str = "zh-CN", kind: str = "page", fresh: bool = False
                          ) -> tuple[list[float], float]:
    from hallkit import PAGES, PROJECTOR_BANK, played

    from quizhall import i18n
    from quizhall.store import open_store
    from quizhall.testing import FrozenClock
    from quizhall.tui.session import Follower
    from quizhall.tui.widgets import page_lines

    i18n.set_language(language)
    kept = page_lines.LINES_KEPT
    page_lines.LINES_KEPT = 0 if fresh else kept
    latencies: list[float] = []
    idle_cpu = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(PROJECTOR_BANK, Path(tmp) / PROJECTOR_BANK.name)
        session = played(Path(tmp), language, PAGES["question"])
        contest = session.contest
        reader = open_store(Path(tmp) / "data")
        follower = Follower(reader, session.contest_id, FrozenClock())
        seen: dict[str, float] = {}
        wanted: list = []

        def on_frame(view) -> None:
            if wanted and "at" not in seen and wanted[0](view):
                seen["at"] = time.perf_counter()

        app = _timed_display(follower, on_frame)
        original_start = follower.start
        follower.start = lambda callback: original_start(callback, fast=fast)  # type: ignore
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            # The watcher's CPU while the log does not change (the process, for one second).
            cpu = time.process_time()
            await asyncio.sleep(1.0)
            idle_cpu = time.process_time() - cpu
            for i in range(events):
                command, shows = _event(contest, kind, i)
                wanted[:] = [shows]
                seen.clear()
                started = time.perf_counter()
                # The host process writes (another thread here, as the host's own loop).
                writer = threading.Thread(target=contest.execute, args=(command,))
                writer.start()
                while "at" not in seen:
                    await asyncio.sleep(0.0005)
                writer.join()
                latencies.append((seen["at"] - started) * 1000)
                await asyncio.sleep(0.03)  # a quiet moment between events
        reader.close()
        session.close()
    page_lines.LINES_KEPT = kept
    return latencies, idle_cpu


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def event_to_frame(events: int) -> None:
    print(f"\nevent appended -> projector frame (file-size watch, {events} events each; "
          f"target p50 {FRAME_TARGET_MS:.1f} ms)")
    print(f"{'size':>8} {'lang':>5} {'event':>6} {'p50 ms':>8} {'p99 ms':>8} {'p50/target':>11}"
          f" {'fresh p50':>10} {'fresh p99':>10}")
    for language in ("zh-CN", "en"):
        for width, height in SIZES:
            for kind in ("page", "buzz"):
                kept, fresh = (asyncio.run(_follow_latency(
                    events, True, (width, height), language, kind, fresh=nothing_kept))[0]
                    for nothing_kept in (False, True))
                p50 = statistics.median(kept)
                print(f"{width:>4}x{height:<3} {language:>5} {kind:>6} {p50:8.2f} "
                      f"{_percentile(kept, 0.99):8.2f} {p50 / FRAME_TARGET_MS:11.2f} "
                      f"{statistics.median(fresh):10.2f} {_percentile(fresh, 0.99):10.2f}")
    print(f"\nthe two followers (160x45, zh-CN, page changes, {events} events)")
    results = {}
    for fast, name in ((True, "file-size watch (2 ms)"), (False, "store follow (20 ms)")):
        latencies, idle = asyncio.run(_follow_latency(events, fast))
        results[name] = latencies
        p50 = statistics.median(latencies)
        print(f"  {name:<24} p50 {p50:6.2f} ms  p99 {_percentile(latencies, 0.99):6.2f} ms  "
              f"p50/target {p50 / FRAME_TARGET_MS:4.2f}   idle CPU {idle * 100:4.1f} % of a core")
    fast_p50, slow_p50 = (statistics.median(v) for v in results.values())
    print(f"  ratio store follow / file-size watch (p50): {slow_p50 / fast_p50:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=60, help="events per follower")
    args = parser.parse_args()
    ink_and_size()
    event_to_frame(args.events)


if __name__ == "__main__":
    main()
