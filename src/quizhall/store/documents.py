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
import threading
from collections.abc import Callable, Iterator, MutableMapping
from datetime import datetime
from pathlib import Path

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from quizhall.i18n import t
from quizhall.store._files import (
    Scan,
    dumps,
    frame,
    scan,
    set_aside,
    sync,
    unframe,
    write_all,
    write_atomic,
)
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


def _check_kind(path: Path, line: bytes, kind: str) -> dict:
    """The header object of ``line`` if it is ours and readable; otherwise StoreError."""
    obj = _loose_header(line)
    if obj is None or obj.get("kind") != kind:
        raise StoreError(t("store.not_ours", path=path))
    version = obj.get("format")
    if not isinstance(version, int) or version > FORMAT:
        raise StoreError(t("store.newer_format", path=path, found=version, known=FORMAT))
    if unframe(line) is None:
        raise StoreError(t("store.bad_header", path=path))
    return obj


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


class _TrackedTable(MutableMapping):
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


class JournalStorage(Storage):
    """TinyDB storage over a directory holding ``snapshot.json`` and ``journal.jsonl``.

    The caller must hold the directory's writer lock. ``recovered`` lists messages about
    torn journal tails set aside while opening.

    With ``writer`` False it is a reader: no lock needed, nothing on disk touched, every
    change refused. It reads the data as it stands while a writer may be working: the
    journal first, then the snapshot, so a compaction in between loses nothing (changes the
    new snapshot already holds are skipped), and a line still being written is left out.
    """

    def __init__(self, directory: Path, now: Callable[[], datetime],
                 min_compact_bytes: int = MIN_COMPACT_BYTES, writer: bool = True) -> None:
        self.directory = directory
        self.snapshot_path = directory / "snapshot.json"
        self.journal_path = directory / "journal.jsonl"
        self.recovered: list[str] = []
        self.min_compact_bytes = min_compact_bytes
        self.writer = writer
        self._now = now
        self._mutex = threading.RLock()
        self._broken: str | None = None
        self._tables: Tables = {}
        self._seq = -1  # number of the last change applied
        self._snapshot_size = 0
        self._fd: int | None = None
        if not writer:
            self._read_only()
            return
        # Temporary snapshots left by a crash mid-compaction: the lock holder may remove them.
        for stale in directory.glob(f".{self.snapshot_path.name}.tmp-*"):
            stale.unlink(missing_ok=True)
        self._load_snapshot()
        try:
            self._fd = os.open(
                self.journal_path,
                os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
        except OSError as exc:
            raise StoreError(t("store.cannot_open", path=self.journal_path,
                               error=exc.strerror)) from exc
        try:
            self._load_journal()
        except OSError as exc:
            self.close()
            raise StoreError(t("store.cannot_open", path=self.journal_path,
                               error=exc.strerror)) from exc
        except BaseException:
            self.close()
            raise

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
        _check_kind(self.journal_path, journal[:newline + 1], JOURNAL_KIND)
        self._header_size = newline + 1
        self._replay_journal(journal, newline)

    def _load_snapshot(self) -> None:
        try:
            data = self.snapshot_path.read_bytes()
        except FileNotFoundError:
            return
        except OSError as exc:
            raise StoreError(t("store.cannot_open", path=self.snapshot_path,
                               error=exc.strerror)) from exc
        if not data:
            return
        obj = _check_kind(self.snapshot_path, data, SNAPSHOT_KIND)
        tables, seq = obj.get("tables"), obj.get("seq")
        if not isinstance(tables, dict) or not isinstance(seq, int) or not all(
                isinstance(table, dict) for table in tables.values()):
            raise StoreError(t("store.bad_header", path=self.snapshot_path))
        self._tables, self._seq, self._snapshot_size = tables, seq, len(data)

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
            return
        _check_kind(self.journal_path, data[:newline + 1], JOURNAL_KIND)
        self._header_size = newline + 1
        found = self._replay_journal(data, newline)
        if found.damage is not None:
            self._set_aside(found.end, found.damage, found.after, len(found.records))
        self._journal_size = found.end
        if self._should_compact():
            self.compact()

    def _replay_journal(self, data: bytes, newline: int) -> Scan:
        """Apply the journal's changes after the snapshot; returns what :func:`scan` found."""
        snapshot_seq = self._seq
        second = data.find(b"\n", newline + 1)
        first = unframe(data[newline + 1:second + 1]) if second > 0 else None
        if first is not None and isinstance(first.get("seq"), int) \
                and first["seq"] > snapshot_seq + 1:
            # Changes before these are missing (a lost or older snapshot): not a torn tail.
            raise StoreError(t("store.journal_gap", path=self.journal_path,
                               snapshot=self.snapshot_path, seq=first["seq"],
                               expected=snapshot_seq + 1))
        expected = [None]

        def accept(obj: dict, index: int, line: bytes) -> bool:
            seq = obj.get("seq")
            if not isinstance(seq, int) or not isinstance(obj.get("table"), str):
                return False
            if not _valid_ops(obj.get("ops")):
                return False
            if expected[0] is not None and seq != expected[0]:
                return False
            expected[0] = seq + 1
            return True

        found = scan(data, accept, start=newline + 1, first_line=2)
        for record in found.records:
            if record["seq"] > self._seq:
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
        line = frame(dumps({"kind": JOURNAL_KIND, "format": FORMAT})[:-1])
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
            view = _TrackedTable(raw)
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

    def _ops(self, view: _TrackedTable) -> tuple[list[str], dict[str, str]]:
        ops: list[str] = ['["clear"]'] if view.cleared else []
        texts: dict[str, str] = {}
        for key, before in view.before.items():
            if key in view.raw:
                after = dumps(view.raw[key])
                if after != before or view.cleared:
                    texts[key] = after
                    ops.append(f'["put",{dumps(key)},{after}]')
            elif before is not None and not view.cleared:
                ops.append(f'["del",{dumps(key)}]')
        return ops, texts

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
        """Write every table to a new snapshot atomically, then empty the journal."""
        with self._mutex:
            self._check_usable()
            fd = self._fd
            assert fd is not None
            data = frame(f'{{"kind":"{SNAPSHOT_KIND}","format":{FORMAT},"seq":{self._seq},'
                         f'"tables":{dumps(self._tables)}')
            try:
                write_atomic(self.snapshot_path, data)
                os.ftruncate(fd, self._header_size)
                sync(fd)
            except OSError as exc:
                self._broken = t("store.write_failed", path=self.snapshot_path,
                                 error=exc.strerror)
                raise StoreError(self._broken) from exc
            self._snapshot_size = len(data)
            self._journal_size = self._header_size


class JournalTable(Table):
    """A TinyDB table whose changes go through :meth:`JournalStorage.apply`."""

    def _update_table(self, updater: Callable[[MutableMapping], None]) -> None:
        storage = self._storage
        assert isinstance(storage, JournalStorage)
        storage.apply(self.name, updater)
        self.clear_cache()


class DocumentDB(TinyDB):
    """TinyDB on a :class:`JournalStorage`; the query API is TinyDB's own."""

    table_class = JournalTable

    def __init__(self, storage: JournalStorage) -> None:
        super().__init__(storage=lambda: storage)
