"""Trainee documents laid out by trainee, and the move from the one shared journal to it.

Each trainee has a directory ``trainees/<name>/`` of their own: ``trainee.json`` (who it
belongs to), and a TinyDB journal (``snapshot.json`` + ``journal.jsonl``, see
:mod:`quizhall.store.documents`) holding only that trainee's documents. Opening a trainee
reads that directory alone, and its writer lock is that trainee's: different trainees never
wait for each other; the same trainee opened twice is refused, naming the other process.

A data directory made before this layout keeps every trainee in ``documents/``. The first
open moves it, so that a crash at any moment loses nothing:

1. lock ``documents/`` (its writer lock: a running older quizhall is named and waited for);
2. write every trainee into ``migrating-trainees/`` (removed first if a crash left one);
   every file and directory made durable;
3. rename ``migrating-trainees`` to ``trainees`` (atomic: the move is now done);
4. rename ``documents`` to ``documents.backup-<time>`` (kept: nothing is deleted).

A crash before 3 leaves ``documents/`` as it was and the move starts over; a crash between 3
and 4 leaves both, and the next open finishes step 4.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from quizhall.i18n import t
from quizhall.store._files import dumps, frame, sync_dir, unframe, write_atomic
from quizhall.store.errors import StoreError

if TYPE_CHECKING:
    import tinydb

TRAINEE_KIND = "quizhall.trainee"
TRAINEE_FILE = "trainee.json"
SUMMARY_KIND = "quizhall.trainee-summary"
SUMMARY_FILE = "summary.json"
LEGACY_DIR = "documents"
TRAINEES_DIR = "trainees"
MIGRATING_DIR = "migrating-trainees"


def trainee_dir_name(user: str) -> str:
    """A file-system-safe directory name for ``user``, unique and stable across runs.

    Readable where it can be (ASCII letters and digits of the name), always followed by a
    hash of the whole name, so different names never share a directory.
    """
    from quizhall.store.store import slug

    digest = hashlib.sha256(user.encode("utf-8")).hexdigest()[:16]
    readable = slug(user, limit=24)
    return f"{readable}-{digest}" if readable else digest


def _write_owner(directory: Path, user: str) -> None:
    write_atomic(directory / TRAINEE_FILE,
                 frame(dumps({"kind": TRAINEE_KIND, "format": 1, "user": user})[:-1]))


def read_owner(directory: Path) -> str | None:
    """The trainee a directory belongs to; None when it has no readable ``trainee.json``."""
    try:
        obj = unframe((directory / TRAINEE_FILE).read_bytes())
    except OSError:
        return None
    if obj is None or obj.get("kind") != TRAINEE_KIND or not isinstance(obj.get("user"), str):
        return None
    return str(obj["user"])


def trainee_directory(data_dir: Path, user: str, create: bool) -> Path | None:
    """The directory of ``user``'s documents (made, durably, when ``create``); None when
    the trainee has none and ``create`` is False."""
    root = data_dir / TRAINEES_DIR
    directory = root / trainee_dir_name(user)
    if (directory / TRAINEE_FILE).exists():
        return directory
    if not create:
        return None
    try:
        if not root.is_dir():
            root.mkdir(parents=True, exist_ok=True)
            sync_dir(data_dir)
        directory.mkdir(exist_ok=True)
        _write_owner(directory, user)  # after this the directory counts as the trainee's
        sync_dir(root)
    except OSError as exc:
        raise StoreError(t("store.cannot_create", path=directory, error=exc.strerror)) from exc
    return directory


def trainee_directories(data_dir: Path) -> Iterator[tuple[str, Path]]:
    """Every trainee with a directory, as (name, directory), in directory order."""
    root = data_dir / TRAINEES_DIR
    if not root.is_dir():
        return
    for directory in sorted(root.iterdir()):
        user = read_owner(directory) if directory.is_dir() else None
        if user is not None:
            yield user, directory


def write_summary(directory: Path, last_change: int, summary: dict) -> None:
    """Keep ``summary`` beside the trainee's documents, as of their change ``last_change``."""
    try:
        write_atomic(directory / SUMMARY_FILE, frame(dumps(
            {"kind": SUMMARY_KIND, "seq": last_change, "summary": summary})[:-1]))
    except OSError as exc:
        raise StoreError(t("store.cannot_create", path=directory / SUMMARY_FILE,
                           error=exc.strerror)) from exc


def read_summary(directory: Path) -> dict | None:
    """The trainee's summary if it is as of their last change; None when it is missing,
    damaged or older than the documents (they changed since it was written)."""
    from quizhall.store.documents import last_change_on_disk

    try:
        obj = unframe((directory / SUMMARY_FILE).read_bytes())
    except OSError:
        return None
    if (obj is None or obj.get("kind") != SUMMARY_KIND or not isinstance(obj.get("summary"), dict)
            or obj.get("seq") != last_change_on_disk(directory)):
        return None
    return dict(obj["summary"])


def migrate(data_dir: Path, now: Callable[[], datetime]) -> list[str]:
    """Move a data directory's shared ``documents/`` into per-trainee directories (see the
    module docstring); returns messages for the user (empty when there was nothing to do)."""
    legacy = data_dir / LEGACY_DIR
    target = data_dir / TRAINEES_DIR
    if not legacy.is_dir():
        return []
    if target.is_dir():  # a crash after step 3: only the backup's rename is left
        return [t("store.migrated", backup=_keep_backup(legacy, now).name)]
    from quizhall.store.documents import JournalStorage, write_tables

    storage = JournalStorage(legacy, now, what=t("store.what_documents"))
    try:
        messages = list(storage.recovered)
        by_user, unowned = _split(storage.read())
        staging = data_dir / MIGRATING_DIR
        try:
            if staging.exists():
                shutil.rmtree(staging)
            staging.mkdir()
            for user, tables in by_user.items():
                directory = staging / trainee_dir_name(user)
                directory.mkdir()
                _write_owner(directory, user)
                write_tables(directory, tables)
            sync_dir(staging)
            os.rename(staging, target)
            sync_dir(data_dir)
        except OSError as exc:
            raise StoreError(t("store.cannot_create", path=staging,
                               error=exc.strerror)) from exc
    finally:
        storage.close()
    backup = _keep_backup(legacy, now)
    messages.append(t("store.migrated", backup=backup.name))
    if unowned:
        messages.append(t("store.migrated_unowned", count=unowned, backup=backup.name))
    return messages


def _split(tables: dict[str, dict[str, dict]]) -> tuple[dict[str, dict[str, dict]], int]:
    """The shared tables split by each document's ``user``; and how many documents had none
    (they stay in the backup only)."""
    by_user: dict[str, dict[str, dict[str, dict]]] = {}
    unowned = 0
    for name, table in tables.items():
        for doc_id, doc in table.items():
            user = doc.get("user")
            if not isinstance(user, str):
                unowned += 1
                continue
            by_user.setdefault(user, {}).setdefault(name, {})[doc_id] = doc
    return by_user, unowned


def _keep_backup(legacy: Path, now: Callable[[], datetime]) -> Path:
    stamp = now().strftime("%Y%m%dT%H%M%SZ")
    backup = legacy.with_name(f"{legacy.name}.backup-{stamp}")
    counter = 1
    while backup.exists():
        counter += 1
        backup = legacy.with_name(f"{legacy.name}.backup-{stamp}-{counter}")
    try:
        os.rename(legacy, backup)
        sync_dir(legacy.parent)
    except OSError as exc:
        raise StoreError(t("store.cannot_create", path=backup, error=exc.strerror)) from exc
    return backup


def open_trainee(directory: Path, user: str, now: Callable[[], datetime],
                 writer: bool) -> tuple[tinydb.TinyDB, list[str]]:
    """The trainee's documents (TinyDB) and messages about what was recovered on opening."""
    from quizhall.store.documents import DocumentDB, JournalStorage

    storage = JournalStorage(directory, now, writer=writer,
                             what=t("store.what_trainee", user=json.dumps(user,
                                                                           ensure_ascii=False)))
    return DocumentDB(storage), list(storage.recovered)
