"""A contest's event log: append-only checksummed JSON lines, one writer, any number of readers.

File format (``events.jsonl``): a header line
``{"kind":"quizhall.contest-log","format":1,"contest":ID,"created":ISO,"crc":…}`` then one line
per event, ``{"seq":N,"event":{…},"crc":…}``, ``seq`` counting from 0 with no gap. An event is
acknowledged (``append`` returns) only after its line is written and fdatasync'ed, so it
survives ``kill -9`` and power loss; nothing is ever rewritten, so an append costs the same
at any length.

On opening as the writer, a torn or damaged tail (an unfinished line, a bad checksum, a
sequence gap) is copied to ``events.jsonl.torn-<time>``, cut off, and reported in
``recovered``; every whole record before it stays. Readers never change the file: they stop
at damage, wait at an unfinished line, and pick up what the writer appends.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from quizhall.i18n import t
from quizhall.store._files import (
    TRAILER,
    Scan,
    dumps,
    frame,
    scan,
    set_aside,
    sync,
    unframe,
    write_all,
)
from quizhall.store._lock import WriterLock
from quizhall.store.errors import StoreError

FORMAT = 1
KIND = "quizhall.contest-log"
# How often readers look for new events while following.
POLL_SECONDS = 0.02


def header_line(contest_id: str, created: datetime) -> bytes:
    """The first line of a new log."""
    fields = {"kind": KIND, "format": FORMAT, "contest": contest_id,
              "created": created.isoformat(timespec="seconds")}
    return frame(dumps(fields)[:-1])


def check_header(path: Path, line: bytes) -> None:
    """Raise StoreError unless ``line`` (whole, newline included) heads a log we can read."""
    obj = unframe(line)
    loose = obj
    if loose is None:
        try:
            loose = json.loads(line)
        except ValueError:
            loose = None
    if not isinstance(loose, dict) or loose.get("kind") != KIND:
        raise StoreError(t("store.not_a_log", path=path))
    version = loose.get("format")
    if not isinstance(version, int) or version > FORMAT:
        raise StoreError(t("store.newer_format", path=path, found=version, known=FORMAT))
    if obj is None:
        raise StoreError(t("store.bad_header", path=path))


class EventLog:
    """The events of one contest. Open it with :meth:`quizhall.store.Store.open_log`.

    :meth:`read` and :meth:`follow` return new dicts every time, exactly as a reopen would
    read them: a caller cannot change what was recorded.
    """

    def __init__(self, path: Path, contest_id: str, lock: WriterLock | None,
                 now: Callable[[], datetime]) -> None:
        self.path = path
        self.contest_id = contest_id
        self.writer = lock is not None
        self.recovered: list[str] = []
        self._lock = lock
        self._now = now
        self._mutex = threading.Lock()
        self._events: list[str] = []  # each event's JSON text: every read gets fresh dicts
        self._offset = 0
        self._line = 1
        self._have_header = False
        self._reported_damage: int | None = None
        self._broken: str | None = None
        flags = (os.O_RDWR | os.O_APPEND) if self.writer else os.O_RDONLY
        try:
            self._fd: int | None = os.open(path, flags | getattr(os, "O_BINARY", 0))
        except OSError as exc:
            self._release()
            raise StoreError(t("store.cannot_open", path=path, error=exc.strerror)) from exc
        try:
            self._open()
        except OSError as exc:
            self.close()
            raise StoreError(t("store.cannot_open", path=path, error=exc.strerror)) from exc
        except BaseException:
            self.close()
            raise

    # -- opening and reading -------------------------------------------------------------

    def _open(self) -> None:
        data = self._read_from(0)
        found = self._parse(data, 0)
        if not self.writer:
            self._report(found)
            return
        if data and not self._have_header:  # a header torn while the log was being created
            self._set_aside(0, 1, 0)
        elif found is not None and found.damage is not None:
            self._set_aside(self._offset, found.damage, found.after)
        if not self._have_header:
            line = header_line(self.contest_id, self._now())
            write_all(self._fd, line)  # type: ignore[arg-type]
            sync(self._fd)  # type: ignore[arg-type]
            self._offset, self._line, self._have_header = len(line), 2, True

    def _read_from(self, offset: int) -> bytes:
        fd = self._fd
        assert fd is not None
        os.lseek(fd, offset, os.SEEK_SET)
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)

    def _parse(self, data: bytes, base: int) -> Scan | None:
        """Take in the whole records of ``data`` (the file from offset ``base``)."""
        start = 0
        if not self._have_header:
            newline = data.find(b"\n")
            if newline < 0:
                return None
            check_header(self.path, data[:newline + 1])
            self._have_header = True
            start, self._line = newline + 1, 2
            self._offset = base + start
        known = len(self._events)
        texts: list[str] = []

        def accept(obj: dict, index: int, line: bytes) -> bool:
            seq, event = obj.get("seq"), obj.get("event")
            if seq != known + index or not isinstance(event, dict):
                return False
            # The event's text as written, sliced out rather than encoded again.
            prefix = b'{"seq":%d,"event":' % seq
            texts.append(line[len(prefix):-TRAILER].decode("utf-8")
                         if line.startswith(prefix) else dumps(event))
            return True

        found = scan(data, accept, start=start, first_line=self._line)
        self._events.extend(texts)
        self._offset = base + found.end
        self._line += len(found.records)
        return found

    def _set_aside(self, keep: int, line: int, after: int) -> None:
        size = os.fstat(self._fd).st_size - keep  # type: ignore[arg-type]
        backup = set_aside(self.path, self._fd, keep, self._now())  # type: ignore[arg-type]
        message = t("store.torn_tail", path=self.path, line=line, size=size, backup=backup.name,
                    count=len(self._events))
        if after:
            message += t("store.torn_tail_after", after=after)
        self.recovered.append(message)

    def _report(self, found: Scan | None) -> None:
        """Readers: say once where damage stops them (an unfinished line is just awaited)."""
        if found is None or found.damage is None or found.partial:
            return
        if self._reported_damage != found.damage:
            self._reported_damage = found.damage
            self.recovered.append(t("store.damaged_read_only", path=self.path,
                                    line=found.damage, count=len(self._events)))

    def _refresh(self) -> None:
        if self.writer or self._fd is None:
            return
        size = os.fstat(self._fd).st_size
        if size < self._offset:  # the file was replaced by a shorter one: read it afresh
            self._events, self._offset, self._line, self._have_header = [], 0, 1, False
        if size == self._offset:
            return
        self._report(self._parse(self._read_from(self._offset), self._offset))

    # -- public interface ----------------------------------------------------------------

    def append(self, event: dict) -> int:
        """Record ``event`` (a JSON-serialisable dict); returns its sequence number.

        Returns only once the record is durable on disk. An event that is not JSON raises
        TypeError or ValueError and nothing is written.
        """
        return self.append_many([event])[0]

    def append_many(self, events: list[dict]) -> list[int]:
        """Record several events in order with one write and one disk sync (a burst of
        audience answers); returns their sequence numbers. All are durable when it returns;
        if any is not JSON, none is written."""
        if not self.writer or self._fd is None:
            raise StoreError(t("store.read_only", path=self.path))
        for event in events:
            if not isinstance(event, dict):
                raise TypeError(f"an event is a dict, not {type(event).__name__}")
        with self._mutex:
            if self._broken:
                raise StoreError(self._broken)
            first = len(self._events)
            payloads = [dumps(event) for event in events]
            lines = [frame(f'{{"seq":{first + i},"event":{payload}')
                     for i, payload in enumerate(payloads)]
            data = b"".join(lines)
            try:
                write_all(self._fd, data)
                sync(self._fd)
            except OSError as exc:
                self._broken = t("store.write_failed", path=self.path, error=exc.strerror)
                try:  # leave no half record for the next open to set aside
                    os.ftruncate(self._fd, self._offset)
                    sync(self._fd)
                except OSError:
                    pass
                raise StoreError(self._broken) from exc
            self._offset += len(data)
            self._line += len(lines)
            self._events.extend(payloads)
            return list(range(first, first + len(payloads)))

    def read(self, start: int = 0) -> list[dict]:
        """The events from sequence number ``start`` on."""
        with self._mutex:
            self._refresh()
            texts = self._events[start:]
        return [json.loads(text) for text in texts]

    def follow(self, start: int, timeout: float) -> list[dict]:
        """Wait up to ``timeout`` seconds for events at ``start`` or later; return them.

        Returns as soon as there is at least one (an empty list when the time is up).
        """
        deadline = time.monotonic() + timeout
        while True:
            events = self.read(start)
            remaining = deadline - time.monotonic()
            if events or remaining <= 0:
                return events
            time.sleep(min(POLL_SECONDS, remaining))

    def __len__(self) -> int:
        with self._mutex:
            self._refresh()
            return len(self._events)

    def close(self) -> None:
        """Close the file and give up the writer's lock. Closing twice is harmless."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        self._release()

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> EventLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
