"""Keys typed into the projector window, handed to the host console, the log's one writer.

The host console listens on a Unix datagram socket named after its contest, in a private
directory of this user (``$XDG_RUNTIME_DIR/quizhall``, else ``<tmp>/quizhall-<uid>``, mode
0700). ``quizhall display`` sends each key it is given there as one small JSON datagram: the
key, its character and the key event's time. Key event times are ``time.monotonic()``, one
clock for every process of the machine, so a buzzer key keeps its place in the buzz order
whichever window it was typed in. Datagrams keep their order and are never half-delivered;
when nobody listens, sending fails at once and the projector says so large. Without Unix
sockets (Windows) nothing is forwarded and the projector says that too.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

MAX_DATAGRAM = 1024  # a key, a character and a time: far less
Deliver = Callable[[str, str | None, float], None]


def runtime_dir() -> Path:
    """This user's private directory for the contest sockets."""
    base = os.environ.get("XDG_RUNTIME_DIR", "")
    if base and Path(base).is_dir():
        return Path(base) / "quizhall"
    uid = os.getuid() if hasattr(os, "getuid") else 0
    return Path(tempfile.gettempdir()) / f"quizhall-{uid}"


def private_dir(path: Path) -> None:
    """Make ``path`` for this user only; OSError when it exists and is another user's or
    open to others (someone else could then read the keys or pose as the console)."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = path.stat()
    if hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & 0o077):
        raise PermissionError(f"{path} is not private to this user")


def socket_path(contest_id: str) -> Path:
    """Where the host console of ``contest_id`` listens for forwarded keys."""
    return runtime_dir() / f"{contest_id}.keys"


def supported() -> bool:
    """Whether this platform has Unix datagram sockets."""
    return hasattr(socket, "AF_UNIX")


class KeyListener:
    """The host console's end: every key datagram received is given to ``deliver``."""

    def __init__(self, contest_id: str, deliver: Deliver) -> None:
        self.path = socket_path(contest_id)
        self._deliver = deliver
        self._socket: socket.socket | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Listen (in a thread of its own); raises OSError when the socket cannot be made."""
        private_dir(self.path.parent)
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()  # left by a console that crashed: nobody listens there
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        sock.bind(str(self.path))
        self._socket = sock
        self._thread = threading.Thread(target=self._receive, name="quizhall-keys", daemon=True)
        self._thread.start()

    def _receive(self) -> None:
        assert self._socket is not None
        while True:
            try:
                data = self._socket.recv(MAX_DATAGRAM)
            except OSError:  # closed by stop()
                return
            if not data:
                return
            key = decode(data)
            if key is not None:
                self._deliver(*key)

    def stop(self) -> None:
        """Stop listening and remove the socket."""
        if self._socket is None:
            return
        sock, self._socket = self._socket, None
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        sock.close()
        with contextlib.suppress(OSError):
            self.path.unlink()
        if self._thread is not None:
            self._thread.join(timeout=1)


class KeySender:
    """The projector's end: sends keys to the host console of ``contest_id``."""

    def __init__(self, contest_id: str) -> None:
        self.path = socket_path(contest_id)

    def send(self, key: str, character: str | None, at: float) -> bool:
        """Hand one key to the host console; False when no console listens."""
        if not supported():
            return False
        data = json.dumps({"key": key, "character": character, "at": at}).encode()
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
                sock.sendto(data, str(self.path))
        except OSError:  # no socket, nobody bound to it, or not ours to write
            return False
        return True


def decode(data: bytes) -> tuple[str, str | None, float] | None:
    """(key, character, time) from a datagram, or None for anything malformed."""
    try:
        record = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(record, dict):
        return None
    key, character, at = record.get("key"), record.get("character"), record.get("at")
    if not isinstance(key, str) or not isinstance(at, int | float) or isinstance(at, bool):
        return None
    if character is not None and not isinstance(character, str):
        return None
    return key, character, float(at)
