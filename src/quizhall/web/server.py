"""The audience's web server: the phone page and its small JSON API, in a thread of the host.

aiohttp serves it on its own event loop in a background thread, so phones never wait on the
host console and the console never waits on phones. Every join and answer goes to the
:class:`~quizhall.web.desk.AudienceDesk`, which the host's thread records in the log; a
reply saying "received" is sent only once the answer is durable.

Phones learn about changes over a websocket (``GET /api/ws?token=…``): the server pushes the
phone's state whenever the host changes what phones show (a question sent, closed, a draw),
and a phone may send its answer on the same socket (``{"answer": "B"}``), acknowledged there
once it is in the log. A browser without WebSocket (an old phone) falls back to long polling
(``GET /api/state?v=N`` waits until the state's version passes N) and ``POST /api/answer``;
both ways share the same checks and limits.

Abuse: requests are small (4 KiB at most); each device token has a token bucket, each
address a bucket for joins and one for wrong join codes; a refused request is answered at
once with 429, on the server's thread, so a flood costs the host console nothing.
"""

from __future__ import annotations

import asyncio
import html
import json
import re
import socket
import string
import threading
import time
from concurrent.futures import Future
from importlib.resources import files
from typing import Any

from aiohttp import WSCloseCode, WSMsgType, web

from quizhall.contest.audience import NICKNAME_LIMIT, UNIT_LIMIT
from quizhall.i18n import get_language, t
from quizhall.web.desk import AudienceDesk, Refusal

MAX_BODY = 4096
HOST_NAME = re.compile(r"[A-Za-z0-9.:\[\]-]{1,100}")  # a Host header fit for a CSP
POLL_SECONDS = 20.0          # a long poll answers after this long even when nothing changed
ACK_SECONDS = 10.0           # an answer not recorded by then is reported as not received
CLOSE_SECONDS = 2.0          # a websocket closing waits this long for the phone's reply
MAX_SOCKETS = 4000           # websockets open at once (more phones fall back to polling)
SOCKETS_EACH = 4             # websockets of one device (or, before joining, one address)
# Texts the phone page uses, by the name its script knows them by.
PAGE_TEXTS = ("title", "nickname", "nickname_limit", "unit", "unit_limit", "code", "join",
              "waiting", "sending", "received", "your_answer", "right", "wrong", "closed",
              "time_left", "seconds", "answered_count", "winners", "you_won", "score",
              "offline", "submit", "rank", "too_late")


class Bucket:
    """A token bucket per key: ``rate`` requests a second, bursts of ``burst``."""

    def __init__(self, rate: float, burst: float, clock: Any = time.monotonic) -> None:
        self.rate = rate
        self.burst = burst
        self._clock = clock
        self._state: dict[str, tuple[float, float]] = {}

    def _tokens(self, key: str, now: float) -> float:
        tokens, last = self._state.get(key, (self.burst, now))
        return min(self.burst, tokens + (now - last) * self.rate)

    def empty(self, key: str) -> bool:
        """True when ``key`` has no token left (spends nothing)."""
        return self._tokens(key, self._clock()) < 1

    def take(self, key: str) -> bool:
        """Spend one token of ``key``'s bucket; False when it is empty."""
        now = self._clock()
        tokens = self._tokens(key, now)
        if tokens < 1:
            self._state[key] = (tokens, now)
            return False
        self._state[key] = (tokens - 1, now)
        if len(self._state) > 100_000:  # forget the idle ones rather than grow for ever
            self._state = {k: v for k, v in self._state.items() if now - v[1] < 60}
        return True


def lan_address() -> str:
    """The address this machine has on its local network (127.0.0.1 when it has none).

    A UDP socket "connected" towards a documentation address sends nothing, but makes the
    system choose the interface it would use.
    """
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))
        return probe.getsockname()[0]
    except OSError:
        return "127.0.0.1"
    finally:
        probe.close()


def page_html() -> str:
    """The phone page, its texts filled in (HTML-escaped) in the contest's language."""
    template = string.Template(files("quizhall.web").joinpath("phone.html").read_text("utf-8"))
    texts = {name: t(f"audience.page.{name}", limit=NICKNAME_LIMIT, unit_limit=UNIT_LIMIT)
             for name in PAGE_TEXTS}
    # JSON inside a script element: "<" escaped, so no text can close the element.
    data = json.dumps(texts, ensure_ascii=False).replace("<", "\\u003c")
    lang = "zh-CN" if get_language() == "zh-CN" else "en"
    return template.substitute({**{k: html.escape(v) for k, v in texts.items()},
                                "texts_json": data, "lang": lang,
                                "nickname_max": NICKNAME_LIMIT, "unit_max": UNIT_LIMIT})


class AudienceServer:
    """The phone page and API for one contest, served from a background thread.

    ``joins_per_minute`` bounds the joins from one address (a benchmark on one address sets it
    high); ``device_rate`` the requests a second of one device.
    """

    def __init__(self, desk: AudienceDesk, host: str, port: int, *,
                 joins_per_minute: float = 30, device_rate: float = 4) -> None:
        self.desk = desk
        self.host = host
        self.port = port
        self._device = Bucket(device_rate, device_rate * 3)
        self._joins = Bucket(joins_per_minute / 60, max(5.0, joins_per_minute / 6))
        self._bad_codes = Bucket(10 / 60, 10)
        self._open = Bucket(5, 20)    # requests without a device token, per address
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._changed: asyncio.Event | None = None
        self._sockets: set[web.WebSocketResponse] = set()
        self._sockets_of: dict[str, int] = {}   # device token or address → sockets open
        self._page = page_html().encode("utf-8")
        self._assets = {name: files("quizhall.web").joinpath(name).read_bytes()
                        for name in ("phone.js", "phone.css")}
        self.url = ""

    @property
    def sockets(self) -> int:
        """How many phones are listening on a websocket now."""
        return len(self._sockets)

    # -- running ---------------------------------------------------------------------------
    def start(self) -> str:
        """Start serving; returns the address phones open. Raises OSError when the address
        cannot be bound (in use, or not this machine's)."""
        ready: Future = Future()
        self._thread = threading.Thread(target=self._serve, args=(ready,),
                                        name="quizhall-audience", daemon=True)
        self._thread.start()
        host, port = ready.result(timeout=15)
        self.port = port
        shown = f"[{host}]" if ":" in host else host
        self.url = f"http://{shown}:{port}/"
        self.desk.on_change = self._wake_from_any_thread
        return self.url

    def stop(self) -> None:
        """Stop serving (waits for the thread)."""
        loop, thread = self._loop, self._thread
        if loop is not None and thread is not None and thread.is_alive():
            loop.call_soon_threadsafe(loop.stop)
            thread.join(timeout=5)
        self._thread = None

    def _serve(self, ready: Future) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio.set_event_loop(loop)
        app = web.Application(client_max_size=MAX_BODY)
        app.router.add_get("/", self._index)
        app.router.add_get("/phone.js", self._asset)
        app.router.add_get("/phone.css", self._asset)
        app.router.add_post("/api/join", self._join)
        app.router.add_get("/api/state", self._state)
        app.router.add_post("/api/answer", self._answer)
        app.router.add_get("/api/ws", self._socket)
        app.on_shutdown.append(self._close_sockets)
        runner = web.AppRunner(app, access_log=None, handle_signals=False)
        try:
            loop.run_until_complete(runner.setup())
            site = web.TCPSite(runner, self.host, self.port, backlog=1024)
            loop.run_until_complete(site.start())
            self._changed = asyncio.Event()
            address = runner.addresses[0]
            ready.set_result((address[0], address[1]))
        except BaseException as exc:
            loop.run_until_complete(runner.cleanup())
            loop.close()
            ready.set_exception(exc)
            return
        try:
            loop.run_forever()
        finally:
            loop.run_until_complete(runner.cleanup())
            loop.close()

    def _wake_from_any_thread(self) -> None:
        loop = self._loop
        if loop is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(self._wake)
            except RuntimeError:  # the loop closed meanwhile
                pass

    def _wake(self) -> None:
        assert self._changed is not None
        self._changed.set()
        self._changed = asyncio.Event()

    # -- handlers --------------------------------------------------------------------------
    @staticmethod
    def _headers() -> dict[str, str]:
        return {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff",
                "Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'",
                "Referrer-Policy": "no-referrer"}

    def _reply(self, data: dict[str, Any], status: int = 200) -> web.Response:
        return web.Response(text=json.dumps(data, ensure_ascii=False), status=status,
                            content_type="application/json", headers=self._headers())

    @staticmethod
    def _refusal(key: str) -> dict[str, Any]:
        return {"error": t(key, limit=NICKNAME_LIMIT, unit_limit=UNIT_LIMIT),
                "code": key.rpartition(".")[2]}

    def _refuse(self, key: str, status: int) -> web.Response:
        return self._reply(self._refusal(key), status)

    @staticmethod
    def _address(request: web.Request) -> str:
        return request.remote or "?"

    async def _index(self, request: web.Request) -> web.StreamResponse:
        if not self._open.take(self._address(request)):
            return self._refuse("audience.refused.slow_down", 429)
        # Older browsers do not count ws:// to this host as 'self': name it.
        headers = self._headers()
        if HOST_NAME.fullmatch(request.host):
            headers["Content-Security-Policy"] += f"; connect-src 'self' ws://{request.host}"
        return web.Response(body=self._page, content_type="text/html", charset="utf-8",
                            headers=headers)

    async def _asset(self, request: web.Request) -> web.StreamResponse:
        name = request.path.lstrip("/")
        kind = "application/javascript" if name.endswith(".js") else "text/css"
        return web.Response(body=self._assets[name], content_type=kind, charset="utf-8",
                            headers=self._headers())

    async def _body(self, request: web.Request) -> dict[str, Any] | None:
        try:
            data = await request.json()
        except (ValueError, web.HTTPException):
            return None
        return data if isinstance(data, dict) else None

    async def _join(self, request: web.Request) -> web.StreamResponse:
        address = self._address(request)
        data = await self._body(request)
        if data is None:
            return self._refuse("audience.refused.bad_request", 400)
        if not self._joins.take(address):
            return self._refuse("audience.refused.slow_down", 429)
        if self._bad_codes.empty(address):  # too many wrong codes: no more guesses for now
            return self._refuse("audience.refused.slow_down", 429)
        try:
            future = self.desk.join(str(data.get("code", ""))[:16],
                                    str(data.get("nickname", ""))[:200],
                                    str(data.get("unit", ""))[:200])
        except Refusal as refusal:
            if refusal.key == "audience.refused.bad_code":
                self._bad_codes.take(address)
            return self._refuse(refusal.key, 400)
        try:
            token, device, nickname = await asyncio.wait_for(asyncio.wrap_future(future),
                                                             ACK_SECONDS)
        except Exception:
            return self._refuse("audience.refused.not_recorded", 503)
        return self._reply({"token": token, "device": device, "nickname": nickname})

    def _device_allowed(self, request: web.Request, token: str) -> bool:
        return self._device.take(token) if token else self._open.take(self._address(request))

    async def _state(self, request: web.Request) -> web.StreamResponse:
        token = request.query.get("token", "")[:64]
        if not self._device_allowed(request, token):
            return self._refuse("audience.refused.slow_down", 429)
        try:
            seen = int(request.query.get("v", "-1"))
        except ValueError:
            seen = -1
        if seen >= self.desk.version and self._changed is not None:
            try:
                await asyncio.wait_for(self._changed.wait(), POLL_SECONDS)
            except TimeoutError:
                pass
        return self._reply(self.desk.phone_state(token or None))

    async def _take_answer(self, token: str, choice: str) -> tuple[dict[str, Any], int]:
        """An answer from a phone (either way it came): the reply and its HTTP status."""
        if not token or not self._device.take(token):
            return self._refusal("audience.refused.slow_down"), 429
        try:
            future = self.desk.answer(token, choice[:16])
        except Refusal as refusal:
            status = 409 if refusal.key == "audience.refused.answered" else 400
            return self._refusal(refusal.key), status
        try:
            recorded = await asyncio.wait_for(asyncio.wrap_future(future), ACK_SECONDS)
        except Exception:
            return self._refusal("audience.refused.not_recorded"), 503
        return {"ok": True, "choice": recorded}, 200

    async def _answer(self, request: web.Request) -> web.StreamResponse:
        data = await self._body(request)
        if data is None:
            return self._refuse("audience.refused.bad_request", 400)
        reply, status = await self._take_answer(str(data.get("token", ""))[:64],
                                                str(data.get("choice", "")))
        return self._reply(reply, status)

    # -- the websocket -----------------------------------------------------------------------
    async def _socket(self, request: web.Request) -> web.StreamResponse:
        """One phone's websocket: its state pushed on every change, its answers taken."""
        token = request.query.get("token", "")[:64]
        if not self._device_allowed(request, token):
            return self._refuse("audience.refused.slow_down", 429)
        owner = token or f"address {self._address(request)}"
        if len(self._sockets) >= MAX_SOCKETS or self._sockets_of.get(owner, 0) >= SOCKETS_EACH:
            return self._refuse("audience.refused.slow_down", 429)  # the page polls instead
        # Small messages: compressing them would cost the host's process more than it saves.
        socket_ = web.WebSocketResponse(heartbeat=30, max_msg_size=MAX_BODY, compress=False,
                                        timeout=CLOSE_SECONDS)
        await socket_.prepare(request)
        self._sockets.add(socket_)
        self._sockets_of[owner] = self._sockets_of.get(owner, 0) + 1
        sending = asyncio.Lock()   # the pushes and the answers' replies share the socket
        pushing = asyncio.ensure_future(self._push(socket_, token, sending))
        try:
            async for message in socket_:
                if message.type != WSMsgType.TEXT:
                    break
                reply = await self._socket_message(token, message.data)
                async with sending:
                    await socket_.send_str(json.dumps(reply, ensure_ascii=False))
        except (ConnectionError, RuntimeError):  # the phone went away mid-reply
            pass
        finally:
            pushing.cancel()
            self._sockets.discard(socket_)
            self._sockets_of[owner] -= 1
            if not self._sockets_of[owner]:
                del self._sockets_of[owner]
        return socket_

    async def _push(self, socket_: web.WebSocketResponse, token: str,
                    sending: asyncio.Lock) -> None:
        """Send the phone its state now, then again each time the host changes it."""
        seen = -1
        try:
            while not socket_.closed:
                changed = self._changed
                if self.desk.version == seen and changed is not None:
                    await changed.wait()
                    continue
                seen = self.desk.version
                state = self.desk.phone_state(token or None)
                async with sending:
                    await socket_.send_str(json.dumps({"state": state}, ensure_ascii=False))
        except (ConnectionError, RuntimeError):
            pass

    async def _socket_message(self, token: str, text: str) -> dict[str, Any]:
        try:
            data = json.loads(text) if len(text) <= MAX_BODY else None
        except ValueError:
            data = None
        if not isinstance(data, dict) or "answer" not in data:
            return {"reply": self._refusal("audience.refused.bad_request"), "id": None}
        reply, _ = await self._take_answer(token, str(data["answer"]))
        return {"reply": reply, "id": data.get("id")}

    async def _close_sockets(self, _app: web.Application) -> None:
        # All at once, each waiting CLOSE_SECONDS at most: a phone gone silent cannot hold up
        # the host's quitting.
        await asyncio.gather(*(socket_.close(code=WSCloseCode.GOING_AWAY)
                               for socket_ in list(self._sockets)), return_exceptions=True)
