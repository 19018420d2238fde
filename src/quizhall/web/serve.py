"""``quizhall serve`` glue: the practice app (or a contest's projector view, watch-only) for
browsers on the local network.

textual-serve runs one practice app process per browser session (``quizhall practice
--sign-in``): each session signs in as its own trainee, and the trainees' records are kept
apart (:mod:`quizhall.store.trainees`), so sessions never wait for each other. The page is
our own template (``serve_page/app_index.html``): textual-serve's own page loads a font from
the internet, ours loads only what the server itself serves (a training room is often
offline).
"""

from __future__ import annotations

import shlex
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual_serve.server import Server

PAGE_TEMPLATES = Path(__file__).with_name("serve_page")
DEFAULT_PORT = 8300


def lan_address() -> str:
    """This machine's address on its local network (the one its default route leaves by),
    or 127.0.0.1 when it has none. Sends no packet: a UDP socket is only pointed."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never answered, never sent to
            address = probe.getsockname()[0]
    except OSError:
        return "127.0.0.1"
    return str(address) if address and address != "0.0.0.0" else "127.0.0.1"


def practice_command(banks: list[Path], data_dir: Path | None, lang: str | None,
                     campaign: str | None = None) -> str:
    """The shell command each browser session runs: the practice app, signing in first (and
    joining ``campaign``, when given); ``data_dir`` None leaves the store to the environment
    (a database URL)."""
    words = [sys.executable, "-m", "quizhall"]
    if lang:
        words += ["--lang", lang]
    if data_dir is not None:
        words += ["--data-dir", str(data_dir)]
    words += ["practice", *map(str, banks), "--sign-in"]
    if campaign:
        words += ["--campaign", campaign]
    return shlex.join(words)


def display_command(contest_id: str | None, data_dir: Path | None, lang: str | None) -> str:
    """The shell command each browser session runs to watch a contest's projector view:
    ``quizhall display --watch-only`` (no key of a viewer reaches the host console);
    ``data_dir`` None leaves the store to the environment (a database URL)."""
    words = [sys.executable, "-m", "quizhall"]
    if lang:
        words += ["--lang", lang]
    if data_dir is not None:
        words += ["--data-dir", str(data_dir)]
    words += ["display", "--watch-only", "--no-bell"]
    if contest_id:
        words.append(contest_id)
    return shlex.join(words)


def make_server(command: str, host: str, port: int, title: str) -> Server:
    """A textual-serve server running ``command`` per session, with our offline page.

    Quiet: ``quizhall serve`` says itself where the room is; only warnings and errors are
    logged (to stderr). SIGINT and SIGTERM stop it gracefully and at once, ending every
    session's app: aiohttp would wait for each open browser's websocket to end first (about
    22 s, until a heartbeat goes unanswered), so on shutdown each session is cancelled, which
    textual-serve answers by telling its app to quit and waiting for it.
    """
    import asyncio
    import logging

    from aiohttp import web
    from textual_serve.server import Server

    class RoomServer(Server):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.sessions: set[asyncio.Task[Any]] = set()

        def initialize_logging(self) -> None:
            logging.basicConfig(level=logging.WARNING, stream=sys.stderr)

        async def on_startup(self, app: web.Application) -> None:
            pass  # no banner: the command printed the room's address

        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            task = asyncio.current_task()
            assert task is not None
            self.sessions.add(task)
            try:
                return await super().handle_websocket(request)
            finally:
                self.sessions.discard(task)

        async def on_shutdown(self, app: web.Application) -> None:
            for task in self.sessions:
                task.cancel()

    return RoomServer(command, host=host, port=port, title=title,
                      templates_path=PAGE_TEMPLATES)
