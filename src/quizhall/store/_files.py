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

_CRC_OPEN = b',"crc":"'
# Bytes after the head of a line: ``,"crc":"`` + 8 hex digits + ``"}`` + newline.
TRAILER = len(_CRC_OPEN) + 8 + 3
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


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves either the old or the new file."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        try:
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
class Scan:
    """What a file of checksummed lines holds, read from the start.

    ``records`` are the objects accepted in order; ``end`` is the byte offset just after the
    last accepted one. ``damage`` is the 1-based line number of the first line that is not
    acceptable (None when the file is clean up to ``end``); ``partial`` is true when that line
    is simply unfinished (no newline yet) and nothing follows it; ``after`` counts the whole,
    checksummed lines found beyond the damage.
    """

    records: list[dict] = field(default_factory=list)
    end: int = 0
    damage: int | None = None
    partial: bool = False
    after: int = 0


def scan(data: bytes, accept: Callable[[dict, int, bytes], bool], start: int = 0,
         first_line: int = 1) -> Scan:
    """Read checksummed lines of ``data`` from offset ``start`` while ``accept(obj, index, line)``.

    ``index`` counts accepted records from 0; ``line`` is the raw line, newline included.
    Reading stops at the first line that is unfinished, fails its checksum, or is refused by
    ``accept``.
    """
    result = Scan(end=start)
    pos, line_no, size = start, first_line, len(data)
    while pos < size:
        newline = data.find(b"\n", pos)
        if newline < 0:
            result.damage, result.partial = line_no, True
            return result
        line = data[pos:newline + 1]
        obj = unframe(line)
        if obj is None or not accept(obj, len(result.records), line):
            result.damage = line_no
            result.after = sum(1 for line in data[newline + 1:].split(b"\n")
                               if unframe(line + b"\n") is not None)
            return result
        result.records.append(obj)
        pos = result.end = newline + 1
        line_no += 1
    return result


def set_aside(path: Path, fd: int, keep: int, when: datetime) -> Path:
    """Copy the bytes of ``path`` after offset ``keep`` to a backup file, then cut them off.

    The backup is made durable before the log is truncated, so a crash in between only
    leaves a duplicate backup. Returns the backup's path.
    """
    with open(path, "rb") as fh:
        fh.seek(keep)
        tail = fh.read()
    stamp = when.strftime("%Y%m%dT%H%M%SZ")
    backup = path.with_name(f"{path.name}.torn-{stamp}")
    counter = 1
    while True:
        try:
            out = os.open(backup, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            break
        except FileExistsError:
            counter += 1
            backup = path.with_name(f"{path.name}.torn-{stamp}-{counter}")
    try:
        write_all(out, tail)
        sync(out)
    finally:
        os.close(out)
    sync_dir(path.parent)
    os.ftruncate(fd, keep)
    sync(fd)
    return backup
