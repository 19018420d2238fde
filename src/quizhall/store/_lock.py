"""One writer per file set: an exclusive, non-blocking OS lock on a lock file naming its holder.

The lock is ``flock`` (POSIX) or ``msvcrt.locking`` (Windows) on an open descriptor, so the
operating system drops it the moment the holder exits, even on ``kill -9``: there is no stale
lock to clean up. After taking it, the holder writes who it is (pid, host, command, start
time) into the file, which a refused process reads to name it.
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


def _try_lock(fd: int) -> bool:
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError:
        return False
    return True


class WriterLock:
    """The exclusive right to write what ``path`` guards; ``what`` names it in messages."""

    def __init__(self, path: Path, what: str) -> None:
        self.path = path
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(t("store.cannot_open", path=path, error=exc.strerror)) from exc
        if not _try_lock(fd):
            os.close(fd)
            raise LockedError(_refusal(path, what))
        holder = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "command": " ".join([Path(sys.argv[0]).name, *sys.argv[1:]]) if sys.argv else "",
            "started": utc_now().isoformat(timespec="seconds"),
        }
        try:
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            write_all(fd, json.dumps(holder, ensure_ascii=False).encode("utf-8"))
        except OSError:
            pass  # the lock holds all the same; a refused process just cannot name us
        self._fd: int | None = fd

    def release(self) -> None:
        """Give the lock up (closing the descriptor drops it)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _refusal(path: Path, what: str) -> str:
    # The holder writes its name just after locking; give it a moment if we raced it.
    holder = None
    for _ in range(25):
        try:
            holder = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            holder = None
        if isinstance(holder, dict) and "pid" in holder:
            break
        time.sleep(0.02)
    if not isinstance(holder, dict) or "pid" not in holder:
        return t("store.locked_unknown", what=what, path=path)
    return t("store.locked", what=what, pid=holder.get("pid"), host=holder.get("host", "?"),
             command=holder.get("command", "?"), started=holder.get("started", "?"))
