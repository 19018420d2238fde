"""Benchmark: a training room — SESSIONS browsers signing in to ``quizhall serve`` and answering
at once, driven through the server's websocket as a browser's terminal drives it.

Starts ``quizhall serve`` on 127.0.0.1 as its own process, then opens SESSIONS (default 30)
websocket sessions at once. Each one signs in as its own trainee (staff number R001, R002 …),
opens practice and answers ANSWERS questions (default 5), waiting each time for the feedback
the app shows once the answer is recorded (✔ Right / ✘ Wrong): the answer's acknowledgement.
Measured in one run:

- time to first screen: from opening the websocket to the sign-in screen arriving;
- answer round-trip: from sending the answer's keys to its feedback arriving, p50 and p99;
- server memory per session: the resident memory of the server and all its session processes
  with every session open, less the server's alone before any session, divided by SESSIONS;
- nothing lost: every acknowledged answer is in its trainee's store afterwards.

Every wait is bounded (WAIT seconds a screen, SESSION_LIMIT a whole session); a session that
times out is reported with what it waited for, not waited for.

Usage: PYTHONPATH=src python benchmarks/serve.py [SESSIONS [ANSWERS]]
Not part of the test suite.
"""

from __future__ import annotations

import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

from quizhall.practice import History
from quizhall.store import open_store

SRC = str(Path(__file__).resolve().parents[1] / "src")
WAIT = 60.0  # seconds any one screen may take to arrive, at most
SESSION_LIMIT = 180.0  # seconds a whole session may take, at most
QUESTIONS = 40


@dataclass
class Session:
    number: int
    first_screen: float | None = None
    round_trips: list[float] = field(default_factory=list)
    acknowledged: int = 0
    failure: str = ""
    stage: str = "connecting"  # what it waits for: named when it fails

    @property
    def user(self) -> str:
        return f"R{self.number:03d}"


class Terminal:
    """One websocket session: keys in, the screen's bytes out, searched as text."""

    def __init__(self, socket_: aiohttp.ClientWebSocketResponse, session: Session) -> None:
        self.socket = socket_
        self.session = session
        self.seen = b""  # bytes: a character may be split between two messages

    async def send(self, keys: str) -> None:
        self.seen = b""
        await self.socket.send_json(["stdin", keys])

    async def wait_for(self, *texts: str) -> str:
        self.session.stage = " or ".join(texts)
        deadline = time.monotonic() + WAIT
        while True:
            for text in texts:
                if text.encode("utf-8") in self.seen:
                    return text
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no {' or '.join(texts)!r} within {WAIT:.0f} s")
            message = await self.socket.receive(timeout=remaining)
            if message.type == aiohttp.WSMsgType.BINARY:
                self.seen += message.data
            elif message.type == aiohttp.WSMsgType.TEXT:
                continue
            else:
                raise ConnectionError(f"the session closed ({message.type.name})")


async def run_session(client: aiohttp.ClientSession, url: str, session: Session,
                      answers: int, opened: asyncio.Event) -> None:
    try:
        started = time.perf_counter()
        async with client.ws_connect(f"{url}ws?width=100&height=40") as socket_:
            terminal = Terminal(socket_, session)
            await terminal.wait_for("Sign in before you practise")
            session.first_screen = time.perf_counter() - started
            opened.set()
            await terminal.send(session.user + "\r")
            await terminal.wait_for("Practice")  # the start screen
            await terminal.send("1")
            await terminal.wait_for("Order")  # the practice settings
            await terminal.send("s")
            await terminal.wait_for("Statement")
            for number in range(answers):
                await asyncio.sleep(0.2)  # the question has been drawn; a person reads it
                sent = time.perf_counter()
                await terminal.send("a\r")
                await terminal.wait_for("✔ Right", "✘ Wrong")  # shown once it is recorded
                session.round_trips.append(time.perf_counter() - sent)
                session.acknowledged += 1
                if number + 1 < answers:
                    await terminal.send("\r")
                    # the next question's own number: a repaint of this one shows its stem
                    await terminal.wait_for(f"{number + 2}/{QUESTIONS}")
            session.stage = "the session to close"
            await asyncio.wait_for(socket_.close(), WAIT)
    except (TimeoutError, ConnectionError, aiohttp.ClientError) as error:
        session.failure = f"{error or type(error).__name__} (waiting for {session.stage})"


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MB (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        stack.extend(children.get(current, []))
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def bounded(client: aiohttp.ClientSession, url: str, session: Session, answers: int,
                  opened: asyncio.Event) -> None:
    """One session, ended with a failure once it has run for SESSION_LIMIT seconds."""
    try:
        await asyncio.wait_for(run_session(client, url, session, answers, opened), SESSION_LIMIT)
    except TimeoutError:
        session.failure = f"not done in {SESSION_LIMIT:.0f} s (waiting for {session.stage})"


async def drive(url: str, server_pid: int, sessions: list[Session], answers: int) -> float:
    """Run every session at once; returns the room's memory with every session open."""
    peak = 0.0
    openings = [asyncio.Event() for _ in sessions]
    async with aiohttp.ClientSession() as client:
        tasks = [asyncio.ensure_future(bounded(client, url, session, answers, opened))
                 for session, opened in zip(sessions, openings, strict=True)]
        while not all(task.done() for task in tasks):
            if all(event.is_set() for event in openings):
                peak = max(peak, tree_rss_mb(server_pid))
            await asyncio.sleep(0.5)
    return peak


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    answers = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    work = Path(tempfile.mkdtemp(prefix="quizhall-serve-"))
    bank = work / "room.yaml"
    bank.write_text("bank: {id: room, title: Room}\nquestions:\n" + "".join(
        f"  - {{id: j{n}, type: judge, stem: Statement {n} is true., answer: {n % 2 == 0}}}\n"
        for n in range(QUESTIONS)), encoding="utf-8")
    data_dir = work / "data"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [SRC,
                                                                     os.environ.get("PYTHONPATH")]))}
    log = (work / "server.log").open("w")  # a pipe nobody reads would stall the server
    server = subprocess.Popen(
        [sys.executable, "-m", "quizhall", "--lang", "en", "--data-dir", str(data_dir),
         "serve", str(bank), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.1)
        time.sleep(0.5)
        alone = tree_rss_mb(server.pid)
        sessions = [Session(number + 1) for number in range(count)]
        started = time.perf_counter()
        peak = asyncio.run(drive(f"http://127.0.0.1:{port}/", server.pid, sessions, answers))
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()  # graceful: every session's app is told to quit
        server.wait(timeout=60)
        log.close()

    failed = [s for s in sessions if s.failure]
    firsts = [s.first_screen for s in sessions if s.first_screen is not None]
    trips = [trip for s in sessions for trip in s.round_trips]
    print(f"{count} sessions × {answers} answers at once on 127.0.0.1, {elapsed:.1f} s in all "
          f"({os.cpu_count()} cores)")
    if firsts:
        print(f"time to first screen: p50 {statistics.median(firsts):.2f} s, "
              f"max {max(firsts):.2f} s")
    if trips:
        print(f"answer round-trip: p50 {percentile(trips, 0.5) * 1000:.0f} ms, "
              f"p99 {percentile(trips, 0.99) * 1000:.0f} ms ({len(trips)} answers)")
    if peak:
        print(f"server memory: {alone:.0f} MB alone, {peak:.0f} MB with every session open: "
              f"{(peak - alone) / count:.1f} MB per session")
    lost = 0
    with open_store(data_dir) as store:
        for session in sessions:
            stored = len(History(store.read_trainee_db(session.user)).answers(session.user))
            if stored < session.acknowledged:
                lost += session.acknowledged - stored
    acknowledged = sum(s.acknowledged for s in sessions)
    print(f"acknowledged answers: {acknowledged}; in the store: {acknowledged - lost}; "
          f"lost: {lost}")
    for session in failed:
        print(f"session {session.user} failed: {session.failure}")


if __name__ == "__main__":
    main()
