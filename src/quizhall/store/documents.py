"""Trainee documents on TinyDB, kept crash-safe by a journal and an atomically replaced snapshot.

TinyDB's own ``JSONStorage`` rewrites the whole file in place on every change: each write
costs more as the data grows, and a crash mid-write can tear the file. Here TinyDB keeps its
query API, while :class:`JournalStorage` holds the data in memory and persists each change
on its own:

- ``journal.jsonl``: a header line, then one checksummed line per change,
  ``{"seq":N,"table":NAME,"ops":[["put",ID,DOC] | ["del",ID] | ["clear"], …]}``. A change is
  one TinyDB call (an insert, an update of many documents …), written and fdatasync'ed before
  the call returns: all of it survives a crash or none of it does.
- ``snapshot.json``: one checksummed line ``{"kind":…,"format":1,"seq":N,"tables":{…}}``
  holding every table as of change ``N``. When the journal outgrows the snapshot, the data is
  written to a temporary file, fsync'ed, renamed over ``snapshot.json`` and the directory
  fsync'ed; only then is the journal cut back to its header. After a crash in between,
  journal changes numbered ``N`` or less are simply skipped.

:class:`JournalTable` replaces ``Table._update_table`` so a change touches only the documents
it reads or writes instead of copying the whole table. Documents handed out by queries are
shared with the store: treat them as read-only and change them through TinyDB calls.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Callable, Iterator, MutableMapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from quizhall.i18n import t
from quizhall.store._files import (
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
    sync_dir,
    unframe,
    write_all,
    write_atomic,
    write_durably,
)
from quizhall.store._lock import open_locked
from quizhall.store.errors import StoreError

FORMAT = 1
SNAPSHOT_KIND = "quizhall.documents"
JOURNAL_KIND = "quizhall.documents-journal"
# Compact when the journal is larger than the snapshot and at least this big.
MIN_COMPACT_BYTES = 1 << 20

Tables = dict[str, dict[str, dict]]


def _loose_header(line: bytes) -> dict | None:
    obj = unframe(line)
    if obj is not None:
        return obj
    try:
        obj = json.loads(line)
    except ValueError:
        return None
    return obj if isinstance(obj, dict) else None


def _journal_header() -> bytes:
    return frame(dumps({"kind": JOURNAL_KIND, "format": FORMAT})[:-1])


def _link_atomic(source: Path, target: Path) -> None:
    """Make ``target`` another name of ``source``, replacing it atomically."""
    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    os.link(source, tmp)
    os.replace(tmp, target)
    sync_dir(target.parent)


class _Damaged(Exception):
    """A snapshot that cannot be used; ``data`` is what the file held."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self.data = data


def _valid_ops(ops: object) -> bool:
    if not isinstance(ops, list):
        return False
    for op in ops:
        if not isinstance(op, list) or not op:
            return False
        if op[0] == "put":
            if len(op) != 3 or not isinstance(op[1], str) or not isinstance(op[2], dict):
                return False
        elif op[0] == "del":
            if len(op) != 2 or not isinstance(op[1], str):
                return False
        elif op != ["clear"]:
            return False
    return True


class TrackedTable(MutableMapping):
    """A table as TinyDB's updaters see it (integer ids), noting every document touched.

    The first time a document is read, written or removed, its JSON text is kept: comparing
    it afterwards tells what changed, and it restores the document if the change fails.
    """

    def __init__(self, raw: dict[str, dict]) -> None:
        self.raw = raw
        self.before: dict[str, str | None] = {}
        self.cleared = False

    def _touch(self, key: str) -> None:
        if key not in self.before:
            doc = self.raw.get(key)
            self.before[key] = None if doc is None else dumps(doc)

    def __getitem__(self, doc_id: object) -> dict:
        key = str(doc_id)
        doc = self.raw[key]
        self._touch(key)
        return doc

    def __setitem__(self, doc_id: object, doc: dict) -> None:
        key = str(doc_id)
        self._touch(key)
        self.raw[key] = doc

    def __delitem__(self, doc_id: object) -> None:
        key = str(doc_id)
        if key not in self.raw:
            raise KeyError(doc_id)
        self._touch(key)
        del self.raw[key]

    def __contains__(self, doc_id: object) -> bool:
        return str(doc_id) in self.raw

    def __iter__(self) -> Iterator[int]:
        return map(int, self.raw)

    def __len__(self) -> int:
        return len(self.raw)

    def clear(self) -> None:
        for key in self.raw:
            self._touch(key)
        self.raw.clear()
        self.cleared = True


@dataclass
class Changes:
    """What one TinyDB call changed in a table: cleared first, then documents put (as their
    JSON text) and removed."""

    cleared: bool
    puts: dict[str, str]
    deletes: list[str]


def changes(view: TrackedTable) -> Changes:
    """The changes an updater made through ``view``."""
    found = Changes(view.cleared, {}, [])
    for key, before in view.before.items():
        if key in view.raw:
            after = dumps(view.raw[key])
            if after != before or view.cleared:
                found.puts[key] = after
        elif before is not None and not view.cleared:
            found.deletes.append(key)
    return found


class TrackedStorage(Storage):
    """A TinyDB storage that takes each change as a table updater (:class:`JournalTable`)
    and makes it durable before returning: the journal on disk, or a database."""

    def apply(self, name: str, updater: Callable[[MutableMapping], None]) -> None:
        raise NotImplementedError

    @property
    def last_change(self) -> int:
        """The number of the last change made (-1 before any)."""
        raise NotImplementedError


class JournalStorage(TrackedStorage):
    """TinyDB storage over a directory holding ``snapshot.json`` and ``journal.jsonl``.

    A writer locks ``journal.jsonl`` itself (``LockedError`` names the holder). ``recovered``
    lists messages for the user: torn journal tails set aside, damaged journal lines read
    past, a damaged snapshot and what was rebuilt in its place.

    Recovery: every compaction keeps the snapshot it replaces as ``snapshot.prev.json`` and
    the journal it empties as ``journal.prev.jsonl``; together they rebuild the current
    snapshot if it is ever damaged. Damaged journal lines with intact ones after them are
    read past (every intact change is applied); a writer keeps a copy of such a journal
    (``journal.jsonl.damaged-<time>``) and writes a fresh snapshot at once, so nothing
    depends on the damaged file any more.

    With ``writer`` False it is a reader: no lock needed, nothing on disk touched, every
    change refused. It reads the data as it stands while a writer may be working: the
    journal first, then the snapshot, so a compaction in between loses nothing (changes the
    new snapshot already holds are skipped), and a line still being written is left out.
    """

    def __init__(self, directory: Path, now: Callable[[], datetime],
                 min_compact_bytes: int = MIN_COMPACT_BYTES, writer: bool = True,
                 what: str | None = None) -> None:
        self.directory = directory
        self.snapshot_path = directory / "snapshot.json"
        self.journal_path = directory / "journal.jsonl"
        self.prev_snapshot_path = directory / "snapshot.prev.json"
        self.prev_journal_path = directory / "journal.prev.jsonl"
        self.recovered: list[str] = []
        self.min_compact_bytes = min_compact_bytes
        self.writer = writer
        self._now = now
        self._mutex = threading.RLock()
        self._broken: str | None = None
        self._tables: Tables = {}
        self._seq = -1  # number of the last change applied
        self._snapshot_size = 0
        self._snapshot_damaged: bytes | None = None  # the damaged snapshot, when rebuilt
        self._header_size = 0
        self._header_ok = True
        self._fd: int | None = None
        self._what = what or t("store.what_documents")
        # What the files were when this writer last let go of them (see release()).
        self._released: tuple[tuple[int, int, int] | None, int] | None = None
        if not writer:
            self._read_only()
            return
        self._open_and_load()

    def _open_and_load(self) -> None:
        """Take the writer lock and read the snapshot and the journal."""
        created = not self.journal_path.exists()
        self._fd = open_locked(self.journal_path, os.O_RDWR | os.O_APPEND | os.O_CREAT,
                               self.directory / "writer.lock", self._what)
        try:
            if created:
                sync_dir(self.directory)
            # Temporary files left by a crash mid-compaction: the lock holder may remove them.
            for stale in self.directory.glob(".*.tmp-*"):
                stale.unlink(missing_ok=True)
            self._load_snapshot()
            self._load_journal()
        except OSError as exc:
            self.close()
            raise StoreError(t("store.cannot_open", path=self.journal_path,
                               error=exc.strerror)) from exc
        except BaseException:
            self.close()
            raise

    # -- taking turns with writers in other processes --------------------------------------

    def _snapshot_identity(self) -> tuple[int, int, int] | None:
        try:
            info = os.stat(self.snapshot_path)
        except FileNotFoundError:
            return None
        return info.st_ino, info.st_size, info.st_mtime_ns

    def release(self) -> None:
        """Give up the writer lock but keep the data, so another process may write in turn
        and :meth:`reacquire` need read only what it appended."""
        if self._fd is None:
            return
        self._released = (self._snapshot_identity(), self._journal_size)
        self.close()

    def reacquire(self) -> None:
        """Take the writer lock again after :meth:`release` (LockedError while another
        process writes). Changes appended by others meanwhile are read from the journal's
        tail; anything else (a compaction, damage, a torn line) reads everything again."""
        released, self._released = self._released, None
        self._fd = open_locked(self.journal_path, os.O_RDWR | os.O_APPEND | os.O_CREAT,
                               self.directory / "writer.lock", self._what)
        try:
            if not self._catch_up(released):
                self.close()
                self._tables, self._seq, self._snapshot_size = {}, -1, 0
                self._snapshot_damaged, self._header_size, self._header_ok = None, 0, True
                self._open_and_load()
        except OSError as exc:
            self.close()
            raise StoreError(t("store.cannot_open", path=self.journal_path,
                               error=exc.strerror)) from exc

    def _catch_up(self, released: tuple[tuple[int, int, int] | None, int] | None) -> bool:
        """Replay the whole changes appended since ``released``; False when that is not
        all that happened (then the caller reads everything again)."""
        assert self._fd is not None
        if (released is None or self._broken or not self._header_ok
                or self._snapshot_damaged is not None
                or released[0] != self._snapshot_identity()):
            return False
        size = os.fstat(self._fd).st_size
        if size < released[1]:
            return False
        tail = os.pread(self._fd, size - released[1], released[1])
        records = []
        seq = self._seq
        for line in tail.splitlines(keepends=True):
            obj = unframe(line)
            if (obj is None or obj.get("seq") != seq + 1 or not isinstance(obj.get("table"), str)
                    or not _valid_ops(obj.get("ops"))):
                return False
            records.append(obj)
            seq += 1
        for record in records:
            self._replay(record)
        self._journal_size = size
        return True

    # -- opening ---------------------------------------------------------------------------

    def _read_only(self) -> None:
        try:
            journal = self.journal_path.read_bytes()
        except FileNotFoundError:
            journal = b""
        except OSError as exc:
            raise StoreError(t("store.cannot_open", path=self.journal_path,
                               error=exc.strerror)) from exc
        self._load_snapshot()
        newline = journal.find(b"\n")
        if newline < 0:  # no journal yet, or its header is being written
            return
        self._header_size = newline + 1
        found = self._replay_journal(journal, newline)
        if found.damage:
            self.recovered.append(t("store.journal_damaged_read", path=self.journal_path,
                                    runs=describe_runs(found.damage),
                                    count=len(found.records)))
        if found.tail is not None and not found.partial:
            self.recovered.append(t("store.damaged_read_only", path=self.journal_path,
                                    line=found.tail.line, count=len(found.records)))

    def _snapshot_at(self, path: Path) -> tuple[Tables, int, int] | None:
        """The tables, change number and size of a snapshot file; None when it is missing
        or empty. StoreError for a newer format; _Damaged when it cannot be used."""
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StoreError(t("store.cannot_open", path=path, error=exc.strerror)) from exc
        if not data:
            return None
        loose = _loose_header(data)
        if loose is not None and loose.get("kind") == SNAPSHOT_KIND:
            version = loose.get("format")
            if claims_newer(data, version, FORMAT):
                raise StoreError(t("store.newer_format", path=path, found=version,
                                   known=FORMAT))
        obj = unframe(data) if data.endswith(b"\n") else None
        if obj is None or obj.get("kind") != SNAPSHOT_KIND:
            raise _Damaged(data)
        tables, seq = obj.get("tables"), obj.get("seq")
        if not isinstance(tables, dict) or type(seq) is not int or not all(
                isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
                for table in tables.values()):
            raise _Damaged(data)
        return tables, seq, len(data)

    def _load_snapshot(self) -> None:
        try:
            found = self._snapshot_at(self.snapshot_path)
        except _Damaged as damaged:
            self._snapshot_damaged = damaged.data
            self._rebuild()
            return
        if found is not None:
            self._tables, self._seq, self._snapshot_size = found

    def _rebuild(self) -> None:
        """The snapshot is damaged: start from the previous one and the journal it had."""
        source: Path | None = self.prev_snapshot_path
        try:
            found = self._snapshot_at(self.prev_snapshot_path)
        except _Damaged:
            found = None
        if found is None:
            source = None
        else:
            self._tables, self._seq, _ = found
        try:
            journal = self.prev_journal_path.read_bytes()
        except OSError:
            journal = b""
        newline = journal.find(b"\n")
        if newline >= 0:
            self._replay_journal(journal, newline)
        self.recovered.append(t("store.snapshot_rebuilt", path=self.snapshot_path,
                                source=source.name if source else "-", seq=self._seq + 1))

    def _load_journal(self) -> None:
        fd = self._fd
        assert fd is not None
        with open(self.journal_path, "rb") as fh:
            data = fh.read()
        newline = data.find(b"\n")
        if data and newline < 0:  # the header itself was torn
            self._set_aside(0, 1, 0, 0)
            data = b""
        if not data:
            self._header_size = self._write_header()
            self._journal_size = self._header_size
            if self._snapshot_damaged is not None:
                self._replace_damaged()
            return
        self._header_size = newline + 1
        self._header_ok = unframe(data[:newline + 1]) is not None
        found = self._replay_journal(data, newline)
        if found.damage:
            backup = backup_name(self.journal_path, "damaged", self._now())
            write_durably(backup, data)
            self.recovered.append(t("store.journal_damaged_kept", path=self.journal_path,
                                    runs=describe_runs(found.damage),
                                    count=len(found.records), backup=backup.name))
        if found.tail is not None and found.tail.start >= found.end:
            self._set_aside(found.end, found.tail.line, found.tail.whole, len(found.records))
        self._journal_size = found.end
        if found.damage or self._snapshot_damaged is not None or not self._header_ok:
            self._replace_damaged()
        elif self._should_compact():
            self.compact()

    def _replace_damaged(self) -> None:
        """Write what was recovered as a fresh snapshot, keeping the damaged one aside."""
        if self._snapshot_damaged is not None:
            backup = backup_name(self.snapshot_path, "damaged", self._now())
            write_durably(backup, self._snapshot_damaged)
            self.recovered.append(t("store.snapshot_kept", path=self.snapshot_path,
                                    backup=backup.name))
        self.compact()

    def _replay_journal(self, data: bytes, newline: int) -> Scan:
        """Apply the journal's changes after the snapshot; returns what :func:`scan` found.

        Every intact change is applied, damaged lines or not. A journal whose first change
        does not follow the snapshot is refused (StoreError), unless the snapshot was damaged
        and is being rebuilt: then the changes that cannot be found are named.
        """
        header = data[:newline + 1]
        start, first_line = newline + 1, 2
        inner = embedded(header) if unframe(header) is None else None
        if inner is not None:  # the header's newline is damaged: the first change follows
            header, start, first_line = data[:inner[0]], inner[0], 1
        loose = _loose_header(header)
        if loose is None or loose.get("kind") != JOURNAL_KIND:
            if unframe(header) is not None:
                raise StoreError(t("store.not_ours", path=self.journal_path))
        else:
            version = loose.get("format")
            if claims_newer(header, version, FORMAT):
                raise StoreError(t("store.newer_format", path=self.journal_path,
                                   found=version, known=FORMAT))
        last: list[int | None] = [None]

        def accept(obj: dict, line: bytes, line_no: int, before: Damage | None) -> bool:
            seq = obj.get("seq")
            if type(seq) is not int or not isinstance(obj.get("table"), str):
                return False
            if not _valid_ops(obj.get("ops")):
                return False
            if last[0] is not None and seq <= last[0]:
                return False
            if last[0] is not None and seq != last[0] + 1 and before is None:
                return False
            last[0] = seq
            return True

        found = scan(data, accept, start=start, first_line=first_line)
        if unframe(header) is None:  # a damaged header: a damaged run like any other
            run = Damage(1, 1, 0, start)
            if found.records:
                found.damage.insert(0, run)
            elif found.tail is None:
                found.tail = run
        records = [record for record in found.records if record["seq"] > self._seq]
        if records and records[0]["seq"] > self._seq + 1:
            if self._snapshot_damaged is not None:
                self.recovered.append(t("store.changes_lost", first=self._seq + 1,
                                        last=records[0]["seq"] - 1))
            elif not found.damage:  # (damaged lines say themselves what they held)
                # Changes before these are missing (a lost or older snapshot): not a tail.
                raise StoreError(t("store.journal_gap", path=self.journal_path,
                                   snapshot=self.snapshot_path, seq=records[0]["seq"],
                                   expected=self._seq + 1))
        for record in records:
            self._replay(record)
        return found

    def _replay(self, record: dict) -> None:
        table = self._tables.setdefault(record["table"], {})
        for op in record["ops"]:
            if op[0] == "put":
                table[op[1]] = op[2]
            elif op[0] == "del":
                table.pop(op[1], None)
            else:
                table.clear()
        self._seq = record["seq"]

    def _write_header(self) -> int:
        line = _journal_header()
        write_all(self._fd, line)  # type: ignore[arg-type]
        sync(self._fd)  # type: ignore[arg-type]
        return len(line)

    def _set_aside(self, keep: int, line: int, after: int, count: int) -> None:
        size = os.fstat(self._fd).st_size - keep  # type: ignore[arg-type]
        backup = set_aside(self.journal_path, self._fd, keep, self._now())  # type: ignore[arg-type]
        message = t("store.torn_tail", path=self.journal_path, line=line, size=size,
                    backup=backup.name, count=count)
        if after:
            message += t("store.torn_tail_after", after=after)
        self.recovered.append(message)

    @property
    def last_change(self) -> int:
        """The number of the last change applied (-1 before any)."""
        return self._seq

    # -- the tinydb Storage interface -------------------------------------------------------

    def read(self) -> Tables:
        """The live tables (not a copy): TinyDB reads them, :meth:`apply` changes them."""
        return self._tables

    def write(self, data: Tables) -> None:
        """Replace everything (TinyDB does this to drop tables): a new snapshot."""
        with self._mutex:
            self._check_usable()
            self._tables = json.loads(dumps(data))
            self._seq += 1
            self.compact()

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    # -- changes -----------------------------------------------------------------------------

    def apply(self, name: str, updater: Callable[[MutableMapping], None]) -> None:
        """Run a TinyDB updater on table ``name`` and make its changes durable.

        If the updater fails or the change cannot be written, the table is left as it was.
        """
        with self._mutex:
            self._check_usable()
            created = name not in self._tables
            raw = self._tables.setdefault(name, {})
            view = TrackedTable(raw)
            try:
                updater(view)
                ops, texts = self._ops(view)
                if ops or created:
                    self._append(name, ops)
            except BaseException:
                for key, text in view.before.items():
                    if text is None:
                        raw.pop(key, None)
                    else:
                        raw[key] = json.loads(text)
                if created:
                    del self._tables[name]
                raise
            # Keep exactly what a reopen would read, sharing nothing with the caller.
            for key, text in texts.items():
                raw[key] = json.loads(text)
            if self._should_compact():
                self.compact()

    def _ops(self, view: TrackedTable) -> tuple[list[str], dict[str, str]]:
        found = changes(view)
        ops: list[str] = ['["clear"]'] if found.cleared else []
        ops += [f'["put",{dumps(key)},{text}]' for key, text in found.puts.items()]
        ops += [f'["del",{dumps(key)}]' for key in found.deletes]
        return ops, found.puts

    def _append(self, name: str, ops: list[str]) -> None:
        seq = self._seq + 1
        line = frame(f'{{"seq":{seq},"table":{dumps(name)},"ops":[{",".join(ops)}]')
        fd = self._fd
        assert fd is not None
        try:
            write_all(fd, line)
            sync(fd)
        except OSError as exc:
            self._broken = t("store.write_failed", path=self.journal_path, error=exc.strerror)
            try:
                os.ftruncate(fd, self._journal_size)
                sync(fd)
            except OSError:
                pass
            raise StoreError(self._broken) from exc
        self._seq = seq
        self._journal_size += len(line)

    def _check_usable(self) -> None:
        if not self.writer:
            raise StoreError(t("store.read_only", path=self.directory))
        if self._broken:
            raise StoreError(self._broken)
        if self._fd is None:
            raise StoreError(t("store.closed", path=self.directory))

    def _should_compact(self) -> bool:
        grown = self._journal_size - self._header_size
        return grown >= self.min_compact_bytes and grown > self._snapshot_size

    def compact(self) -> None:
        """Write every table to a new snapshot atomically, then empty the journal.

        The snapshot replaced is kept as ``snapshot.prev.json`` and the journal emptied as
        ``journal.prev.jsonl``, so the new snapshot can be rebuilt if it is ever damaged.
        """
        with self._mutex:
            self._check_usable()
            fd = self._fd
            assert fd is not None
            data = frame(f'{{"kind":"{SNAPSHOT_KIND}","format":{FORMAT},"seq":{self._seq},'
                         f'"tables":{dumps(self._tables)}')
            try:
                if self._snapshot_damaged is None:
                    if self.snapshot_path.exists():
                        _link_atomic(self.snapshot_path, self.prev_snapshot_path)
                    else:
                        self.prev_snapshot_path.unlink(missing_ok=True)
                    write_atomic(self.prev_journal_path, os.pread(fd, self._journal_size, 0))
                    write_atomic(self.snapshot_path, data)
                else:  # the new snapshot is all there is to rebuild from
                    write_atomic(self.snapshot_path, data)
                    _link_atomic(self.snapshot_path, self.prev_snapshot_path)
                    write_atomic(self.prev_journal_path, _journal_header())
                    self._snapshot_damaged = None
                if self._header_ok:
                    os.ftruncate(fd, self._header_size)
                    sync(fd)
                else:
                    os.ftruncate(fd, 0)
                    self._header_size, self._header_ok = self._write_header(), True
            except OSError as exc:
                self._broken = t("store.write_failed", path=self.snapshot_path,
                                 error=exc.strerror)
                raise StoreError(self._broken) from exc
            self._snapshot_size = len(data)
            self._journal_size = self._header_size


def last_change_on_disk(directory: Path) -> int | None:
    """The number of the last change a document directory holds, read from the journal's
    last line (or the snapshot's header when the journal has no change); None when it cannot
    be told cheaply (a torn or damaged end: then read the documents)."""
    try:
        with open(directory / "journal.jsonl", "rb") as journal:
            size = journal.seek(0, os.SEEK_END)
            journal.seek(max(0, size - 65536))
            tail = journal.read()
    except OSError:
        return None
    lines = tail.split(b"\n")
    if len(lines) < 2 or lines[-1]:
        return None  # empty, or a line still being written
    last = unframe(lines[-2] + b"\n")
    if last is None:
        return None
    if last.get("kind") != JOURNAL_KIND:
        seq = last.get("seq")
        return seq if type(seq) is int else None
    try:
        with open(directory / "snapshot.json", "rb") as snapshot:
            head = snapshot.read(200)
    except FileNotFoundError:
        return -1
    except OSError:
        return None
    found = re.match(rb'\{"kind":"' + SNAPSHOT_KIND.encode() + rb'","format":\d+,"seq":(-?\d+),',
                     head)
    return int(found.group(1)) if found else None


def write_tables(directory: Path, tables: Tables) -> None:
    """Write ``tables`` as the snapshot of a new document directory, with an empty journal,
    every file and name durable (the directory must exist and be empty)."""
    write_atomic(directory / "snapshot.json",
                 frame(f'{{"kind":"{SNAPSHOT_KIND}","format":{FORMAT},"seq":-1,'
                       f'"tables":{dumps(tables)}'))
    write_atomic(directory / "journal.jsonl", _journal_header())


class JournalTable(Table):
    """A TinyDB table whose changes go through :meth:`JournalStorage.apply`."""

    # TinyDB declares the updater's argument as the dict it builds itself; its updaters use
    # only mapping methods, and here they get the _TrackedTable view (a MutableMapping) on
    # purpose, so the narrower declaration is overridden knowingly.
    def _update_table(  # type: ignore[override]
            self, updater: Callable[[MutableMapping], None]) -> None:
        storage = self._storage
        assert isinstance(storage, TrackedStorage)
        storage.apply(self.name, updater)
        self.clear_cache()


class DocumentDB(TinyDB):
    """TinyDB on a :class:`TrackedStorage`; the query API is TinyDB's own."""

    table_class = JournalTable

    def __init__(self, storage: TrackedStorage) -> None:
        super().__init__(storage=lambda: storage)
