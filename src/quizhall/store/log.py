"""A contest's event log: append-only checksummed JSON lines, one writer, any number of readers.

File format (``events.jsonl``): a header line
``{"kind":"quizhall.contest-log","format":1,"contest":ID,"created":ISO,"crc":…}`` then one line
per event, ``{"seq":N,"event":{…},"crc":…}``, ``seq`` counting from 0 with no gap. A repaired
log may also hold ``{"seq":N,"lost":BACKUP,"crc":…}``: event ``N`` was lost to damage, and
``BACKUP`` names the copy of the log kept as it was before the repair. An event is
acknowledged (``append`` returns) only after its line is written and fdatasync'ed, so it
survives ``kill -9`` and power loss; nothing is ever rewritten, so an append costs the same
at any length.

Damage is told apart by where it is:

- a damaged run with no intact record after it is a torn tail (a write cut short). The
  writer copies it to ``events.jsonl.torn-<time>``, cuts it off and says so in ``recovered``.
- a damaged run with intact records after it is damage in the middle: every intact record
  after it is still read, readers report it by line, and a writer refuses to open the log
  (:class:`DamagedLogError`) until the host runs :func:`repair` (``quizhall repair ID``).
  The repair keeps a copy of the original file, drops the damaged lines and writes a
  ``lost`` record for each event they held, so the numbering has neither gap nor clash.

Positions (``append``'s result, ``read(start)``) count the events read, ``lost`` records
left out; ``seq`` numbers are the file's own.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from quizhall.i18n import t
from quizhall.store._files import (
    TRAILER,
    Damage,
    Scan,
    backup_name,
    claims_newer,
    describe_runs,
    dumps,
    embedded,
    frame,
    scan,
    set_aside,
    sync,
    unframe,
    write_all,
    write_atomic,
    write_durably,
)
from quizhall.store._lock import open_locked, same_file
from quizhall.store.errors import StoreError

FORMAT = 1
KIND = "quizhall.contest-log"
# How often readers look for new events while following.
POLL_SECONDS = 0.02
# A record may skip at most this many sequence numbers (events lost in damage before it):
# a bigger jump is no stretch of a real log, so such a record counts as damage itself.
MAX_SKIP = 1_000_000


class DamagedLogError(StoreError):
    """The log is damaged in the middle: no writer may go on until it is repaired."""


def header_line(contest_id: str, created: datetime) -> bytes:
    """The first line of a new log."""
    fields = {"kind": KIND, "format": FORMAT, "contest": contest_id,
              "created": created.isoformat(timespec="seconds")}
    return frame(dumps(fields)[:-1])


@dataclass
class Header:
    """The header line: where it ends, whether it is intact, whether it looks like ours."""

    end: int
    intact: bool
    ours: bool
    next_line: int = 2  # the number of the line the first record is on


def read_header(path: Path, data: bytes) -> Header | None:
    """The log's header (None while its line is unfinished); StoreError for a newer format
    or an intact first line that is not a contest log's header."""
    newline = data.find(b"\n")
    if newline < 0:
        return None
    line = data[:newline + 1]
    obj = unframe(line)
    loose = obj
    if loose is None:
        try:
            loose = json.loads(line)
        except ValueError:
            loose = None
    ours = isinstance(loose, dict) and loose.get("kind") == KIND
    if ours:
        version = loose.get("format")  # type: ignore[union-attr]
        if claims_newer(line, version, FORMAT):
            raise StoreError(t("store.newer_format", path=path, found=version, known=FORMAT))
    elif obj is not None:
        raise StoreError(t("store.not_a_log", path=path))
    inner = embedded(line) if obj is None else None
    if inner is not None:  # the header's newline is damaged: the first record follows it
        return Header(inner[0], False, ours, 1)
    return Header(newline + 1, obj is not None, ours)


@dataclass
class Parsed:
    """Records read from some offset on: events' texts, ``lost`` ranges, what was damaged."""

    texts: list[str] = field(default_factory=list)
    lost: list[list] = field(default_factory=list)  # [first seq, last seq, backup name]
    next_seq: int = 0
    found: Scan = field(default_factory=Scan)
    lines: list[tuple[int, bytes]] = field(default_factory=list)  # (seq, line) if kept


def parse(data: bytes, start: int, first_line: int, next_seq: int,
          keep_lines: bool = False) -> Parsed:
    """Take in the records of ``data`` from offset ``start`` (line ``first_line``), the first
    expected to be number ``next_seq``."""
    parsed = Parsed(next_seq=next_seq)
    gaps: list[Damage] = []

    def accept(obj: dict, line: bytes, line_no: int, before: Damage | None) -> bool:
        seq = obj.get("seq")
        if type(seq) is not int or not parsed.next_seq <= seq <= parsed.next_seq + MAX_SKIP:
            return False
        event, lost = obj.get("event"), obj.get("lost")
        if len(obj) != 2 or not (isinstance(event, dict) or isinstance(lost, str)):
            return False
        if seq > parsed.next_seq:  # events missing just before this one
            if before is None:  # no damaged line: whole lines were taken out
                before = Damage(line_no, 0, 0, 0)
                gaps.append(before)
            before.missing = (parsed.next_seq, seq - 1)
        if isinstance(event, dict):
            # The event's text as written, sliced out rather than encoded again.
            prefix = b'{"seq":%d,"event":' % seq
            parsed.texts.append(line[len(prefix):-TRAILER].decode("utf-8")
                                if line.startswith(prefix) else dumps(event))
        elif parsed.lost and parsed.lost[-1][1] == seq - 1 and parsed.lost[-1][2] == lost:
            parsed.lost[-1][1] = seq
        else:
            parsed.lost.append([seq, seq, lost])
        if keep_lines:
            parsed.lines.append((seq, line))
        parsed.next_seq = seq + 1
        return True

    parsed.found = scan(data, accept, start=start, first_line=first_line)
    if gaps:
        parsed.found.damage = sorted(parsed.found.damage + gaps, key=lambda run: run.line)
    return parsed


def _lost_notes(path: Path, lost: list[list]) -> list[str]:
    return [t("store.lost_events", path=path, first=first, last=last, backup=backup)
            for first, last, backup in lost]


class EventLog:
    """The events of one contest. Open it with :meth:`quizhall.store.Store.open_log`.

    :meth:`read` and :meth:`follow` return new dicts every time, exactly as a reopen would
    read them: a caller cannot change what was recorded. ``recovered`` holds messages for
    the user: a torn tail set aside, damage a reader reads past, events lost to damage.
    """

    def __init__(self, path: Path, contest_id: str, writer: bool,
                 now: Callable[[], datetime], info: Path | None = None,
                 what: str = "") -> None:
        self.path = path
        self.contest_id = contest_id
        self.writer = writer
        self.recovered: list[str] = []
        self._now = now
        self._mutex = threading.Lock()
        self._broken: str | None = None
        self._reset()
        try:
            if writer:
                self._fd: int | None = open_locked(path, os.O_RDWR | os.O_APPEND,
                                                   info or path.with_name("writer.lock"), what)
            else:
                self._fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        except OSError as exc:
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

    def _reset(self) -> None:
        self._events: list[str] = []  # each event's JSON text: every read gets fresh dicts
        self._next_seq = 0
        self._offset = 0
        self._line = 1
        self._header: Header | None = None
        self._reported: set[tuple[int, int]] = set()

    def _open(self) -> None:
        data = self._read_from(0)
        found = self._take(data, 0)
        if not self.writer:
            self._report(found)
            return
        if found is not None and found.damage:
            raise DamagedLogError(t("store.damaged_refused", path=self.path,
                                    runs=describe_runs(found.damage), id=self.contest_id,
                                    count=len(self._events)))
        self.recovered.extend(self._notes)
        if data and self._header is None:  # a header torn while the log was being created
            self._set_aside(0, 1, 0)
        elif found is not None and found.tail is not None:
            keep = self._offset if self._header and self._header.intact else 0
            self._set_aside(keep, found.tail.line, found.tail.whole)
        if self._header is None or not self._header.intact:
            line = header_line(self.contest_id, self._now())
            write_all(self._fd, line)  # type: ignore[arg-type]
            sync(self._fd)  # type: ignore[arg-type]
            self._offset, self._line = len(line), 2
            self._header = Header(len(line), True, True)

    def _read_from(self, offset: int) -> bytes:
        fd = self._fd
        assert fd is not None
        os.lseek(fd, offset, os.SEEK_SET)
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)

    def _take(self, data: bytes, base: int) -> Scan | None:
        """Take in the whole records of ``data`` (the file from offset ``base``)."""
        self._notes: list[str] = []
        start = 0
        header = None
        if self._header is None:
            header = read_header(self.path, data)
            if header is None:
                return None
            start, self._line = header.end, header.next_line
        parsed = parse(data, start, self._line, self._next_seq)
        found = parsed.found
        if header is not None:
            header_run = None if header.intact else Damage(1, 1, 0, header.end)
            if not header.ours and not found.records:
                raise StoreError(t("store.not_a_log", path=self.path))
            self._header = header
            self._offset = header.end
            if header_run is not None:
                if found.records:
                    found.damage.insert(0, header_run)
                else:  # nothing whole after a damaged header: the whole file is the tail
                    tail = found.tail
                    found.tail = header_run if tail is None else Damage(
                        1, tail.lines + 1, 0, tail.end, tail.whole, tail.missing)
                    found.partial = False
        self._events.extend(parsed.texts)
        self._next_seq = parsed.next_seq
        if found.records:
            self._line += data.count(b"\n", start, found.end)
            self._offset = base + found.end
        self._notes = _lost_notes(self.path, parsed.lost)
        return found

    def _set_aside(self, keep: int, line: int, whole: int) -> None:
        size = os.fstat(self._fd).st_size - keep  # type: ignore[arg-type]
        backup = set_aside(self.path, self._fd, keep, self._now())  # type: ignore[arg-type]
        message = t("store.torn_tail", path=self.path, line=line, size=size, backup=backup.name,
                    count=len(self._events))
        if whole:
            message += t("store.torn_tail_after", after=whole)
        self.recovered.append(message)

    def _report(self, found: Scan | None) -> None:
        """Readers: say once what damage they read past or stop at (an unfinished last line
        is just awaited), and which events were lost to damage."""
        self.recovered.extend(self._notes)
        if found is None:
            return
        if found.damage:
            key = (found.damage[0].line, len(found.damage))
            if key not in self._reported:
                self._reported.add(key)
                self.recovered.append(t("store.damaged_read_past", path=self.path,
                                        runs=describe_runs(found.damage),
                                        count=len(self._events), id=self.contest_id))
        if found.tail is not None and not found.partial:
            key = (found.tail.line, -1)
            if key not in self._reported:
                self._reported.add(key)
                self.recovered.append(t("store.damaged_read_only", path=self.path,
                                        line=found.tail.line, count=len(self._events)))

    def _refresh(self) -> None:
        if self.writer or self._fd is None:
            return
        if not same_file(self._fd, self.path):  # replaced (a repair): read the new file
            try:
                fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
            except OSError:
                return  # gone for now: keep what was read
            os.close(self._fd)
            self._fd = fd
            self._reset()
            self._report(self._take(self._read_from(0), 0))
            return
        size = os.fstat(self._fd).st_size
        if size < self._offset:  # the file was cut shorter: read it afresh
            self._reset()
            self._report(self._take(self._read_from(0), 0))
            return
        if size == self._offset:
            return
        self._report(self._take(self._read_from(self._offset), self._offset))

    # -- public interface ----------------------------------------------------------------

    def append(self, event: dict) -> int:
        """Record ``event`` (a JSON-serialisable dict); returns its position.

        Returns only once the record is durable on disk. An event that is not JSON raises
        TypeError or ValueError and nothing is written. If the file at the log's path is no
        longer the one this writer locked (removed, or replaced), nothing is written.
        """
        return self.append_many([event])[0]

    def append_many(self, events: list[dict]) -> list[int]:
        """Record several events in order with one write and one disk sync (a burst of
        audience answers); returns their positions. All are durable when it returns;
        if any is not JSON, none is written."""
        if not self.writer or self._fd is None:
            raise StoreError(t("store.read_only", path=self.path))
        for event in events:
            if not isinstance(event, dict):
                raise TypeError(f"an event is a dict, not {type(event).__name__}")
        with self._mutex:
            if self._broken:
                raise StoreError(self._broken)
            first = self._next_seq
            payloads = [dumps(event) for event in events]
            lines = [frame(f'{{"seq":{first + i},"event":{payload}')
                     for i, payload in enumerate(payloads)]
            data = b"".join(lines)
            if not same_file(self._fd, self.path):
                self._broken = t("store.log_replaced", path=self.path)
                raise StoreError(self._broken)
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
            self._next_seq += len(lines)
            position = len(self._events)
            self._events.extend(payloads)
            return list(range(position, position + len(payloads)))

    def read(self, start: int = 0) -> list[dict]:
        """The events from position ``start`` on."""
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
        """Close the file, giving up the writer's lock. Closing twice is harmless."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> EventLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass
class Repair:
    """What :func:`repair` found and did: the damaged runs in words (empty: nothing to do),
    the copy of the original file, the events kept and the events lost."""

    damage: str = ""
    original: Path | None = None
    kept: int = 0
    lost: int = 0


def repair(path: Path, contest_id: str, created: datetime, now: Callable[[], datetime],
           info: Path, what: str, apply: bool = True) -> Repair:
    """Make a damaged log writable again, losing no intact record.

    As the log's writer (LockedError while another process writes it): the original file is
    copied to ``events.jsonl.original-<time>``; the new log holds the header (written anew
    if it was damaged), every intact record in order, and a ``lost`` record for each event
    number the damaged lines held; damaged lines themselves are left out (a torn tail
    included). The new file replaces the old atomically. ``apply`` False only looks.
    """
    fd = open_locked(path, os.O_RDWR, info, what)
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        data = b"".join(chunks)
        header = read_header(path, data) if data else Header(0, True, True)
        if header is None:  # an unfinished header line and nothing else
            header = Header(len(data), False, True)
        parsed = parse(data, header.end, header.next_line, 0, keep_lines=True)
        found = parsed.found
        if not header.ours and not found.records and data:
            raise StoreError(t("store.not_a_log", path=path))
        runs = ([Damage(1, 1, 0, header.end)] if not header.intact else []) + found.damage
        if found.tail is not None:
            runs.append(found.tail)
        result = Repair(describe_runs(runs) if runs else "", None, len(parsed.texts),
                        sum(run.missing[1] - run.missing[0] + 1 for run in found.damage
                            if run.missing is not None))
        if not runs or not apply:
            return result
        result.original = backup_name(path, "original", now())
        write_durably(result.original, data)
        out = [data[:header.end] if header.intact and data else header_line(contest_id,
                                                                             created)]
        expected = 0
        for seq, line in parsed.lines:
            out.extend(frame(f'{{"seq":{lost},"lost":{dumps(result.original.name)}')
                       for lost in range(expected, seq))
            out.append(line)
            expected = seq + 1
        write_atomic(path, b"".join(out))
        return result
    finally:
        os.close(fd)
