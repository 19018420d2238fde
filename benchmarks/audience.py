"""500 phones answer one audience question while the host console takes buzzes.

The host console runs headless on the demo contest, its store in a temporary directory (every
event fsync'ed, as in a hall), with the audience server on 127.0.0.1. The console goes to a
buzz-in question, opens the buzzers and sends the question to the audience (``C``). Then a
second process simulates the phones (so their work does not share the host's interpreter, as
real phones would not): each joins, listens for pushes, and answers once at a random moment of
the answer window; all within a bounded count and time. It is run twice, once per way a phone
talks to the server: over a websocket (what phones use; the answer and its acknowledgement go
over the socket) and by long polling with ``POST /api/answer`` (the fallback for browsers
without WebSocket).

Meanwhile the console takes a buzz every 200 ms (a team key event, then undo) and times it
from the key event to the frame with the lock banner, as ``benchmarks/tui_latency.py`` does;
the same is measured before the phones come, for the ratio.

Printed: answers acknowledged, answer → acknowledged p50/p99 (goal p99 < 200 ms on 2 cores),
buzz-key → lock frame with and without the phones (goal: within one 60 Hz frame), and the
host process's memory (the server runs in it) before and after serving them; for each way, each
host in a fresh process so the memory figures are its own.

Run: ``PYTHONPATH=src python benchmarks/audience.py [--phones 500] [--window 4]``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "question_banks" / "demo.contest.yaml"
FRAME_TARGET_MS = 1000 / 60
ACK_TARGET_MS = 200.0
MAX_PHONES = 2000
TIME_BOUND_S = 10.0
TRANSPORTS = {"poll": "long polling + POST /api/answer (before; the fallback now)",
              "ws": "websocket: pushes and answers on the socket (after)"}


# -- the phones (a separate process) ----------------------------------------------------------

async def _phone(session, code: str, number: int, window: float, started: float,
                 acks: list[float], refusals: list[str]) -> None:
    """A phone without WebSocket: long polls, answers with ``POST /api/answer``."""
    import aiohttp

    await asyncio.sleep(random.uniform(0, 1.0))  # phones arrive over a second
    token = await _join(session, code, number, refusals)
    if token is None:
        return
    async with session.get("/api/state", params={"token": token, "v": -1}) as reply:
        state = await reply.json()
    poll = asyncio.ensure_future(session.get("/api/state",
                                             params={"token": token, "v": state["v"]}))
    letters = [option[0] for option in state["question"]["options"]]
    await asyncio.sleep(max(0.0, started + 1.5 + random.uniform(0, window) - time.monotonic()))
    sent = time.monotonic()
    try:
        async with session.post("/api/answer", json={"token": token,
                                                     "choice": random.choice(letters)}) as reply:
            await reply.read()
            if reply.status == 200:
                acks.append((time.monotonic() - sent) * 1000)
            else:
                refusals.append(f"HTTP {reply.status}")
    except aiohttp.ClientError:
        refusals.append("connection")
    poll.cancel()


async def _phone_socket(session, code: str, number: int, window: float, started: float,
                        acks: list[float], refusals: list[str]) -> None:
    """A phone with WebSocket: state pushed on its socket, its answer sent and acknowledged
    there."""
    import aiohttp

    await asyncio.sleep(random.uniform(0, 1.0))
    token = await _join(session, code, number, refusals)
    if token is None:
        return
    try:
        async with session.ws_connect("/api/ws", params={"token": token}) as socket:
            state = (await socket.receive_json())["state"]
            letters = [option[0] for option in state["question"]["options"]]
            await asyncio.sleep(max(0.0, started + 1.5 + random.uniform(0, window)
                                    - time.monotonic()))
            sent = time.monotonic()
            await socket.send_json({"answer": random.choice(letters), "id": 1})
            while True:  # pushes may come first
                message = await socket.receive_json()
                if "reply" in message:
                    break
            if message["reply"].get("ok"):
                acks.append((time.monotonic() - sent) * 1000)
            else:
                refusals.append(str(message["reply"].get("code")))
    except (aiohttp.ClientError, TypeError, KeyError):
        refusals.append("connection")


async def _join(session, code: str, number: int, refusals: list[str]) -> str | None:
    async with session.post("/api/join", json={"code": code,
                                               "nickname": f"phone{number}"}) as reply:
        if reply.status != 200:
            refusals.append(f"HTTP {reply.status}")
            return None
        return (await reply.json())["token"]


async def _phones(url: str, code: str, count: int, window: float, transport: str) -> dict:
    import aiohttp

    phone = _phone_socket if transport == "ws" else _phone
    acks: list[float] = []
    refusals: list[str] = []
    started = time.monotonic()
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(url, connector=connector) as session:
        tasks = [asyncio.ensure_future(phone(session, code, i, window, started, acks,
                                              refusals)) for i in range(count)]
        done, pending = await asyncio.wait(tasks, timeout=TIME_BOUND_S)
        for task in pending:
            task.cancel()
    return {"acks": acks, "refusals": refusals, "seconds": time.monotonic() - started,
            "unfinished": len(pending)}


# -- the host (this process) -------------------------------------------------------------------

def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def _buzzes(app, pilot, events, stop: asyncio.Event, out: list[float]) -> None:
    """Buzz every 200 ms until ``stop``: key event → lock frame, then undo."""
    team_key = app.contest.plan.teams[0].key
    while not stop.is_set():
        app.frame_at = None
        key = events.Key(team_key, team_key)
        app.screen.post_message(key)
        while app.frame_at is None:
            await asyncio.sleep(0.0005)
        out.append((app.frame_at - key.time) * 1000)
        await pilot.press("u")
        await pilot.pause()
        await asyncio.sleep(0.2)


async def _run(phones: int, window: float, transport: str | None) -> dict:
    from textual import events

    from quizhall.contest.audience import AudienceSettings
    from quizhall.contest.loader import load_contest
    from quizhall.store import open_store
    from quizhall.tui.hall_clock import HallClock
    from quizhall.tui.host import HostApp
    from quizhall.tui.session import StoreSession
    from quizhall.tui.widgets.banner import BuzzBanner
    from quizhall.web.hall import AudienceHall

    class TimedHost(HostApp):
        frame_at: float | None = None

        def _display(self, screen, renderable) -> None:  # type: ignore[override]
            super()._display(screen, renderable)
            if renderable is None or self.frame_at is not None:
                return
            banners = screen.query(BuzzBanner)
            if banners and banners.first().has_class("-locked"):
                self.frame_at = time.monotonic()

    settings = AudienceSettings(enabled=True, seconds=30.0, join_code="4321")

    def audience(contest):
        # All phones come from one address here: the per-address join limit is raised.
        return AudienceHall(contest, settings, host="127.0.0.1", port=0,
                            joins_per_minute=60 * phones)

    with tempfile.TemporaryDirectory() as tmp:
        load = load_contest(DEMO)
        session = StoreSession(DEMO, load, open_store(Path(tmp)), clock=HallClock())
        rss_before = _rss_mb()
        app = TimedHost(session, bell=False, audience=audience if transport else None)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            keys = ["space", "space", "space"]
            for _ in range(3):
                keys += ["space", "y"]
            keys += ["space", "space", "o"]  # the buzz round's first question, buzzers open
            for key in keys:
                await pilot.press(key)
            await pilot.pause()
            assert app.contest.view().buzz_open, "the benchmark expects open buzzers"
            quiet: list[float] = []
            stop = asyncio.Event()
            if transport:
                await pilot.press("C")
                await pilot.pause()
            rss_served = _rss_mb()
            buzzing = asyncio.ensure_future(_buzzes(app, pilot, events, stop, quiet))
            await asyncio.sleep(3.0)
            stop.set()
            await buzzing
            busy: list[float] = []
            out = b"{}"
            if transport:
                stop = asyncio.Event()
                buzzing = asyncio.ensure_future(_buzzes(app, pilot, events, stop, busy))
                child = await asyncio.create_subprocess_exec(
                    sys.executable, __file__, "--phones-at", app.audience.server.url,
                    "--phones", str(phones), "--window", str(window),
                    "--transport", transport,
                    stdout=subprocess.PIPE, env={"PYTHONPATH": str(ROOT / "src"),
                                                 "PATH": "/usr/bin:/bin"})
                out, _ = await child.communicate()
                stop.set()
                await buzzing
            await asyncio.sleep(0.3)  # let the last frames settle before closing
            await pilot.pause()
            rss_after = _rss_mb()
            recorded = sum(1 for e in app.contest.log.read() if e["type"] == "audience_answered")
        session.close()
    result = json.loads(out)
    result.update(quiet=quiet, busy=busy, rss=(rss_before, rss_served, rss_after),
                  recorded=recorded)
    return result


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def _host(args: argparse.Namespace, transport: str) -> dict:
    done = subprocess.run([sys.executable, __file__, "--host-only", transport, "--phones",
                           str(args.phones), "--window", str(args.window)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phones", type=int, default=500)
    parser.add_argument("--window", type=float, default=4.0,
                        help="seconds over which the phones answer")
    parser.add_argument("--phones-at", help=argparse.SUPPRESS)
    parser.add_argument("--transport", choices=TRANSPORTS, help=argparse.SUPPRESS)
    parser.add_argument("--host-only", choices=[*TRANSPORTS, "none"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not 1 <= args.phones <= MAX_PHONES or not 0 < args.window <= TIME_BOUND_S - 3:
        parser.error(f"--phones 1..{MAX_PHONES}, --window up to {TIME_BOUND_S - 3:g} s")
    if args.phones_at:
        print(json.dumps(asyncio.run(_phones(args.phones_at, "4321", args.phones,
                                             args.window, args.transport or "ws"))))
        return
    if args.host_only:
        transport = None if args.host_only == "none" else args.host_only
        print(json.dumps(asyncio.run(_run(args.phones, args.window, transport))))
        return
    # Each host runs in a fresh process, so its memory figures are its own.
    alone = _host(args, "none")["quiet"]
    results = {transport: _host(args, transport) for transport in TRANSPORTS}
    print(f"{args.phones} phones on 127.0.0.1, answering over {args.window:g} s "
          f"(bound {TIME_BOUND_S:g} s each run)")
    buzz = "buzz key -> lock frame"
    print(f"  {buzz}, no audience server: p50 {statistics.median(alone):6.2f} ms   "
          f"max {max(alone):6.2f} ms   max/frame {max(alone) / FRAME_TARGET_MS:5.2f}   "
          f"({len(alone)} buzzes)")
    for transport, result in results.items():
        acks, quiet, busy = result["acks"], result["quiet"], result["busy"]
        before, served, after = result["rss"]
        refused = ", ".join(f"{n}x {why}" for why, n in
                            sorted(Counter(result["refusals"]).items())) or "none"
        p50, p99 = (statistics.median(acks), _percentile(acks, 0.99)) if acks else (
            float("nan"), float("nan"))
        print(f"{TRANSPORTS[transport]} (done in {result['seconds']:.1f} s)")
        print(f"  answers acknowledged   {len(acks)}/{args.phones}   in the log "
              f"{result['recorded']}   refused: {refused}   unfinished {result['unfinished']}")
        print(f"  answer -> acknowledged p50 {p50:7.2f} ms   p99 {p99:7.2f} ms   "
              f"p99/target {p99 / ACK_TARGET_MS:5.2f}   (target {ACK_TARGET_MS:.0f} ms)")
        for name, values in (("server idle", quiet), (f"{args.phones} phones answering", busy)):
            print(f"  {buzz}, {name:<20} p50 {statistics.median(values):6.2f} ms   max "
                  f"{max(values):6.2f} ms   max/frame {max(values) / FRAME_TARGET_MS:5.2f}   "
                  f"({len(values)} buzzes)")
        print(f"  buzz p50 ratio, phones answering / no audience server: "
              f"{statistics.median(busy) / statistics.median(alone):.2f}")
        print(f"  host process memory (server inside): {before:.0f} MB before the server, "
              f"{served:.0f} MB serving, {after:.0f} MB after {args.phones} phones "
              f"(+{after - served:.1f} MB)")
    poll, socket = results["poll"]["acks"], results["ws"]["acks"]
    if poll and socket:
        print(f"answer -> acknowledged p99, websocket / long poll: "
              f"{_percentile(socket, 0.99) / _percentile(poll, 0.99):.2f}   p50: "
              f"{statistics.median(socket) / statistics.median(poll):.2f}")


if __name__ == "__main__":
    main()
