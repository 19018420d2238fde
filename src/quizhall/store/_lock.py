"""One writer per file: an exclusive, non-blocking OS lock on the very file being written.

The lock is ``flock`` (POSIX) or ``msvcrt.locking`` (Windows) on the descriptor the writer
appends through, so the operating system drops it the moment the holder exits, even on
``kill -9``: there is no stale lock to clean up. Locking what is written (not a separate lock
file) means no file operation short of editing the data itself lets a second writer in:
:func:`open_locked` checks that the locked descriptor is still the file at ``path`` (a file
renamed over it is opened again), and a writer calls :func:`same_file` before each append.

Who holds the lock (pid, host, command, start time) is written to an info file beside it,
``writer.lock``, which a refused process reads to name the holder. It is only information:
removing it changes nothing about who may write.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import time
from pathlib import Path

from quizhall.i18n import t
from quizhall.store._files import utc_now, write_all
from quizhall.store.errors import LockedError, StoreError

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
    import msvcrt

# Windows locks byte ranges and refuses reads inside them: lock one byte far past any data.
_WINDOWS_LOCK_OFFSET = 1 << 40


def _try_lock(fd: int) -> bool:
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:
            position = os.lseek(fd, 0, os.SEEK_CUR)
            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            finally:
                os.lseek(fd, position, os.SEEK_SET)
    except OSError:
        return False
    return True


def identity(fd: int) -> tuple[int, int]:
    """The device and inode of an open file."""
    info = os.fstat(fd)
    return info.st_dev, info.st_ino


def same_file(fd: int, path: Path) -> bool:
    """Whether ``path`` still names the file open as ``fd`` (not removed or replaced)."""
    try:
        info = os.stat(path)
    except OSError:
        return False
    return (info.st_dev, info.st_ino) == identity(fd)


def open_locked(path: Path, flags: int, info: Path, what: str) -> int:
    """Open ``path`` with ``flags`` as its only writer; returns the locked descriptor.

    Raises LockedError naming the holder when another process (or another open in this
    one) writes it, StoreError when it cannot be opened.
    """
    for _ in range(20):
        try:
            fd = os.open(path, flags | getattr(os, "O_BINARY", 0), 0o644)
        except OSError as exc:
            raise StoreError(t("store.cannot_open", path=path, error=exc.strerror)) from exc
        if not _try_lock(fd):
            os.close(fd)
            raise LockedError(_refusal(info, what))
        if same_file(fd, path):
            _name_holder(info)
            return fd
        os.close(fd)  # replaced (e.g. by a repair) between opening and locking: again
    raise StoreError(t("store.cannot_open", path=path, error="replaced while opening"))


def _name_holder(info: Path) -> None:
    holder = {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "command": " ".join([Path(sys.argv[0]).name, *sys.argv[1:]]) if sys.argv else "",
        "started": utc_now().isoformat(timespec="seconds"),
    }
    try:
        fd = os.open(info, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            write_all(fd, json.dumps(holder, ensure_ascii=False).encode("utf-8"))
        finally:
            os.close(fd)
    except OSError:
        pass  # the lock holds all the same; a refused process just cannot name us


def _refusal(info: Path, what: str) -> str:
    # The holder writes its name just after locking; give it a moment if we raced it.
    holder = None
    for _ in range(25):
        try:
            holder = json.loads(info.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            holder = None
        if isinstance(holder, dict) and "pid" in holder:
            break
        time.sleep(0.02)
    if not isinstance(holder, dict) or "pid" not in holder:
        return t("store.locked_unknown", what=what, path=info)
    return t("store.locked", what=what, pid=holder.get("pid"), host=holder.get("host", "?"),
             command=holder.get("command", "?"), started=holder.get("started", "?"))
