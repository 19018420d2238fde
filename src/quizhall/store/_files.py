"""Durable file primitives: checksummed JSON lines, fsync, atomic replace, torn-tail backups.

Every line the store writes is one JSON object whose last member is ``"crc"``: the CRC-32 (as
8 hex digits) of the line's bytes up to, not including, ``,"crc":``. A line is whole when it
ends in a newline and its checksum matches; anything else is a torn or damaged record. The
object stays plain JSON, so ``jq`` and friends read the files as they are.
"""

from __future__ import annotations

import json
import os
import re
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from quizhall.i18n import t

_CRC_OPEN = b',"crc":"'
# Bytes after the head of a line: ``,"crc":"`` + 8 hex digits + ``"}`` + newline.
TRAILER = len(_CRC_OPEN) + 8 + 3
# Every record (event or journal change) starts so: a damaged line is searched for one.
RECORD_START = b'{"seq":'
EMBEDDED_TRIES = 8
# Damaged runs described one by one in a message; the rest are counted.
SHOWN_RUNS = 5
_HEX = re.compile(rb"[0-9a-f]{8}")


def dumps(value: object) -> str:
    """Compact, strict JSON (no NaN), UTF-8 text kept as is."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def frame(head: str) -> bytes:
    """A checksummed line from ``head``: a JSON object's text without its closing brace."""
    data = head.encode("utf-8")
    return data + b'%s%08x"}\n' % (_CRC_OPEN, zlib.crc32(data))


def unframe(line: bytes) -> dict | None:
    """The object in one whole line (newline included), or None if torn or damaged."""
    if len(line) <= TRAILER or not line.endswith(b'"}\n'):
        return None
    head = line[:-TRAILER]
    if line[-TRAILER:-11] != _CRC_OPEN:
        return None
    digits = line[-11:-3]
    if not _HEX.fullmatch(digits) or zlib.crc32(head) != int(digits, 16):
        return None
    try:
        value = json.loads(head.decode("utf-8") + "}")
    except ValueError:  # UnicodeDecodeError included
        return None
    return value if isinstance(value, dict) else None


def well_framed(line: bytes) -> bool:
    """Whether ``line`` ends in a checksum trailer as this format writes it (whether or not
    the checksum matches): a line in our framing whose checksum fails is damaged."""
    return (len(line) > TRAILER and line.endswith(b'"}\n')
            and line[-TRAILER:-11] == _CRC_OPEN and _HEX.fullmatch(line[-11:-3]) is not None)


def claims_newer(line: bytes, version: object, known: int) -> bool:
    """Whether a header line claiming format ``version`` is from a newer quizhall: it says
    so, and it is intact or not in our framing (a damaged header of ours may claim anything
    after a garbled byte)."""
    if type(version) is int and version <= known:
        return False
    return unframe(line) is not None or not well_framed(line)


if sys.platform == "darwin":  # plain fsync on macOS does not flush the drive's cache
    import fcntl

    def sync(fd: int) -> None:
        """Make the data written to ``fd`` durable."""
        fcntl.fcntl(fd, fcntl.F_FULLFSYNC)
else:
    sync = getattr(os, "fdatasync", os.fsync)


def sync_dir(path: Path) -> None:
    """Make a directory's entries (created, renamed, removed files) durable."""
    flag = getattr(os, "O_DIRECTORY", None)
    if flag is None:  # Windows: directories cannot be opened, and NTFS journals renames
        return
    fd = os.open(path, os.O_RDONLY | flag)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_all(fd: int, data: bytes) -> None:
    """Write every byte of ``data`` (os.write may write fewer)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def write_atomic(path: Path, data: bytes, mode: int | None = None) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves either the old or the new file.

    The one atomic write of quizhall (the store's files, exports). ``mode``, when given, is
    the new file's exact permissions; else ``0o644`` less the umask.
    """
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        try:
            if mode is not None and hasattr(os, "fchmod"):
                os.fchmod(fd, mode)
            write_all(fd, data)
            sync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    sync_dir(path.parent)


def utc_now() -> datetime:
    """The current time, timezone-aware in UTC."""
    return datetime.now(UTC)


@dataclass
class Damage:
    """A run of lines that are not acceptable records: from line ``line`` (1-based), ``lines``
    lines long, bytes ``start`` to ``end`` of the file. ``whole`` counts the lines in it that
    pass their checksum but were refused (out of sequence, wrong shape); ``missing`` is the
    range of sequence numbers the run stands in for, when the record after it tells."""

    line: int
    lines: int
    start: int
    end: int
    whole: int = 0
    missing: tuple[int, int] | None = None

    @property
    def size(self) -> int:
        return self.end - self.start


@dataclass
class Scan:
    """What a file of checksummed lines holds, read from some offset on.

    ``records`` are the objects accepted, in order; ``end`` is the byte offset just after the
    last accepted one. ``damage`` lists the damaged runs with an accepted record after them
    (damage in the middle); ``tail`` is a damaged run with none after it (a torn or garbled
    end); ``partial`` is true when that tail is just one unfinished line (no newline yet).
    """

    records: list[dict] = field(default_factory=list)
    end: int = 0
    damage: list[Damage] = field(default_factory=list)
    tail: Damage | None = None
    partial: bool = False


def scan(data: bytes, accept: Callable[[dict, bytes, int, Damage | None], bool], start: int = 0,
         first_line: int = 1) -> Scan:
    """Read every checksummed line of ``data`` from offset ``start``.

    ``accept(obj, line, line_no, damage_before)`` decides whether a line that passes its
    checksum is a record (``line`` is its raw bytes, newline included); ``damage_before``
    is the damaged run just before it (None if there is none), which ``accept`` may
    annotate (``missing``). Lines that are unfinished, fail their
    checksum or are refused form damaged runs; reading goes on after them, so every intact
    record is found wherever the damage is.
    """
    result = Scan(end=start)
    pos, line_no, size = start, first_line, len(data)
    pending: Damage | None = None
    while pos < size:
        newline = data.find(b"\n", pos)
        stop = size if newline < 0 else newline + 1
        line = data[pos:stop]
        obj = unframe(line) if newline >= 0 else None
        if obj is not None and accept(obj, line, line_no, pending):
            if pending is not None:
                result.damage.append(pending)
                pending = None
            result.records.append(obj)
            result.end = stop
        else:
            if pending is None:
                pending = Damage(line_no, 0, pos, pos)
            pending.lines += 1
            pending.end = stop
            pending.whole += obj is not None
            # A damaged newline joins a line to the next: the whole record may end this one.
            inner = embedded(line) if obj is None and newline >= 0 else None
            if inner is not None and accept(inner[1], line[inner[0]:], line_no, pending):
                pending.end = pos + inner[0]
                result.damage.append(pending)
                pending = None
                result.records.append(inner[1])
                result.end = stop
        pos = stop
        line_no += 1
    result.tail = pending
    result.partial = (pending is not None and pending.lines == 1
                      and not data.endswith(b"\n"))
    return result


def describe_runs(runs: list[Damage]) -> str:
    """Damaged runs in words: their lines, sizes and the events they held."""
    parts = []
    for run in runs[:SHOWN_RUNS]:
        if run.lines == 0:
            part = t("store.run_gap", line=run.line)
        elif run.lines == 1:
            part = t("store.run_line", line=run.line, size=run.size)
        else:
            part = t("store.run_lines", line=run.line, last=run.line + run.lines - 1,
                     size=run.size)
        if run.missing is not None:
            first, last = run.missing
            part += (t("store.run_missing_one", seq=first) if first == last else
                     t("store.run_missing", first=first, last=last, count=last - first + 1))
        parts.append(part)
    text = t("store.run_separator").join(parts)
    if len(runs) > SHOWN_RUNS:
        text += t("store.run_more", count=len(runs) - SHOWN_RUNS)
    return text


def embedded(line: bytes) -> tuple[int, dict] | None:
    """A whole record at the end of a damaged line: (where it starts, the record). A damaged
    newline joins a line to the next, whose record is then found here."""
    start = line.find(RECORD_START, 1)
    for _ in range(EMBEDDED_TRIES):
        if start < 0:
            return None
        obj = unframe(line[start:])
        if obj is not None:
            return start, obj
        start = line.find(RECORD_START, start + 1)
    return None


def backup_name(path: Path, label: str, when: datetime) -> Path:
    """Create and return a new, empty ``<path>.<label>-<time>`` file (never an existing one)."""
    stamp = when.strftime("%Y%m%dT%H%M%SZ")
    backup = path.with_name(f"{path.name}.{label}-{stamp}")
    counter = 1
    while True:
        try:
            os.close(os.open(backup, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
            return backup
        except FileExistsError:
            counter += 1
            backup = path.with_name(f"{path.name}.{label}-{stamp}-{counter}")


def write_durably(path: Path, data: bytes) -> None:
    """Write ``data`` into the (new, empty) file ``path`` and make it and its name durable."""
    out = os.open(path, os.O_WRONLY | os.O_TRUNC)
    try:
        write_all(out, data)
        sync(out)
    finally:
        os.close(out)
    sync_dir(path.parent)


def set_aside(path: Path, fd: int, keep: int, when: datetime) -> Path:
    """Copy the bytes of ``path`` after offset ``keep`` to a backup file, then cut them off.

    The backup is made durable before the log is truncated, so a crash in between only
    leaves a duplicate backup. Returns the backup's path.
    """
    with open(path, "rb") as fh:
        fh.seek(keep)
        tail = fh.read()
    backup = backup_name(path, "torn", when)
    write_durably(backup, tail)
    os.ftruncate(fd, keep)
    sync(fd)
    return backup
