"""How fast the host console answers a buzzer, and how soon ``quizhall run`` shows its first frame.

Headless, on the demo contest, with the store in a temporary directory (every event fsync'ed,
as in a hall). For each screen size, the buzzers are opened on a buzz-in question and a team
key event is posted; three times are taken from the key event's own timestamp:

- engine: the engine has recorded the buzz (durable in the log);
- frame:  the first screen update showing the lock banner has been composed.

Then ``quizhall run`` is started in a fresh Python process and timed from the moment the
process is launched to its first composed frame of the contest.

Targets: buzz handled and rendered within one 60 Hz frame (16.7 ms) of the key event; first
frame under 1 s. Run: ``PYTHONPATH=src python benchmarks/tui_latency.py [--rounds N]``.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "question_banks" / "demo.contest.yaml"
FRAME_TARGET_MS = 1000 / 60
FIRST_FRAME_TARGET_S = 1.0


def _buzz_app(data_dir: Path):
    from textual import events

    from quizhall.contest.loader import load_contest
    from quizhall.store import open_store
    from quizhall.tui.hall_clock import HallClock
    from quizhall.tui.host import HostApp
    from quizhall.tui.session import StoreSession
    from quizhall.tui.widgets.banner import BuzzBanner

    class TimedHost(HostApp):
        """The console, noting when a frame with the lock banner is composed."""

        frame_at: float | None = None

        def _display(self, screen, renderable) -> None:  # type: ignore[override]
            super()._display(screen, renderable)
            if renderable is None or self.frame_at is not None:
                return
            banners = screen.query(BuzzBanner)
            if banners and banners.first().has_class("-locked"):
                self.frame_at = time.monotonic()

    load = load_contest(DEMO)
    session = StoreSession(DEMO, load, open_store(data_dir), clock=HallClock())
    return TimedHost(session, bell=False), session, events


def _time_buzzes(contest) -> list[float]:
    """Note the moment the engine has taken each buzz, by wrapping the contest's ``execute``."""
    done: list[float] = []
    execute = contest.execute

    def timed(command, *args, **kwargs):
        outcome = execute(command, *args, **kwargs)
        if command.name == "buzz":
            done.append(time.monotonic())
        return outcome

    contest.execute = timed
    return done


async def _buzz_round(size: tuple[int, int], rounds: int) -> tuple[list[float], list[float]]:
    engine_ms: list[float] = []
    frame_ms: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        app, session, events = _buzz_app(Path(tmp))
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            # Title, teams, required round (3 questions), then the buzz round's intro.
            keys = ["space", "space", "space"]
            for _ in range(3):
                keys += ["space", "y"]
            keys += ["space"]
            for key in keys:
                await pilot.press(key)
            await pilot.pause()
            buzzed = _time_buzzes(app.contest)
            for i in range(rounds):
                await pilot.press("space")  # next question (or the next round)
                view = app.contest.view()
                if view.phase != "question" or view.round_type != "buzz":
                    break
                await pilot.press("o")
                await pilot.pause()
                app.frame_at = None
                before = len(buzzed)
                team_key = app.contest.plan.teams[i % len(app.contest.plan.teams)].key
                key = events.Key(team_key, team_key)
                pressed = key.time  # monotonic, stamped when the event is made
                app.screen.post_message(key)
                while app.frame_at is None:
                    await asyncio.sleep(0.0005)
                engine_ms.append((buzzed[before] - pressed) * 1000)
                frame_ms.append((app.frame_at - pressed) * 1000)
                await pilot.press("y")
                await pilot.pause()
        session.close()
    return engine_ms, frame_ms


FIRST_FRAME_CHILD = r"""
import sys, time
from quizhall.tui import host

shown = []
original = host.HostApp._display

def display(self, screen, renderable):
    original(self, screen, renderable)
    if renderable is not None and not shown and self.contest is not None:
        shown.append(time.time())
        print(shown[0], flush=True)
        self.exit()

host.HostApp._display = display
run = host.HostApp.run
host.HostApp.run = lambda self, **kw: run(self, headless=True, size=(120, 36))
from quizhall.cli import main
main(["run", sys.argv[1], "--data-dir", sys.argv[2]])
"""


def first_frame() -> float:
    """Seconds from launching ``quizhall run`` in a new process to its first frame."""
    with tempfile.TemporaryDirectory() as tmp:
        started = time.time()
        out = subprocess.run([sys.executable, "-c", FIRST_FRAME_CHILD, str(DEMO), tmp],
                             capture_output=True, text=True, check=True,
                             env={"PYTHONPATH": str(ROOT / "src"), "QUIZHALL_LANG": "zh-CN",
                                  "PATH": "/usr/bin:/bin"})
        return float(out.stdout.split()[0]) - started


def _summary(name: str, values: list[float], target: float) -> str:
    p50 = statistics.median(values)
    worst = max(values)
    return (f"  {name:<22} p50 {p50:7.2f} ms   max {worst:7.2f} ms   "
            f"p50/target {p50 / target:5.2f}   ({len(values)} buzzes)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=4, help="buzzes per screen size")
    args = parser.parse_args()
    print(f"target: buzz recorded and drawn within {FRAME_TARGET_MS:.1f} ms of the key event")
    for size in ((80, 24), (160, 45)):
        engine_ms, frame_ms = asyncio.run(_buzz_round(size, args.rounds))
        print(f"{size[0]}x{size[1]}:")
        print(_summary("key -> engine recorded", engine_ms, FRAME_TARGET_MS))
        print(_summary("key -> lock on screen", frame_ms, FRAME_TARGET_MS))
    runs = [first_frame() for _ in range(3)]
    best, p50 = min(runs), statistics.median(runs)
    print(f"first frame of quizhall run: p50 {p50 * 1000:.0f} ms  best {best * 1000:.0f} ms  "
          f"p50/target {p50 / FIRST_FRAME_TARGET_S:.2f}  (target {FIRST_FRAME_TARGET_S:.0f} s)")


if __name__ == "__main__":
    main()
