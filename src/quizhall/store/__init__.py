"""Crash-safe storage for contests and trainees: the only package that touches the data files.

Everything else reaches storage through this small interface (``open_store``, and the
:class:`StoreBackend` and :class:`ContestLog` protocols), implemented by the embedded
``Store`` (files and TinyDB, the default; TinyDB is imported only in
:mod:`quizhall.store.documents`) and by :mod:`quizhall.store.postgres` (PostgreSQL, chosen by
``--store``/``QUIZHALL_STORE``/the config file, see :mod:`quizhall.store.location`).

Data directory (``--data-dir``, else ``$QUIZHALL_DATA_DIR``, else the platform's user data
directory for ``quizhall``)::

    contests/<id>/contest.json          title, status, source, config (replaced atomically)
    contests/<id>/events.jsonl          the event log: header + one line per event
    contests/<id>/events.jsonl.torn-*   torn tails set aside on open
    contests/<id>/events.jsonl.original-*  the log before ``quizhall repair``
    contests/<id>/writer.lock           names the one writer (pid, host, command): information
    documents/snapshot.json             trainee tables as of change N (replaced atomically)
    documents/journal.jsonl             changes after N, one line each
    documents/snapshot.prev.json        the snapshot before the last compaction ...
    documents/journal.prev.jsonl        ... and the changes from it to snapshot.json
    documents/journal.jsonl.torn-*      torn journal tails set aside on open
    documents/writer.lock               names the process writing trainee documents

Crash safety:

- Every line is JSON ending in a CRC-32 of its bytes, so a torn or garbled line is detected.
- Logs and journals are appended through an ``O_APPEND`` descriptor and fdatasync'ed before
  the call returns: what the caller was told is recorded survives ``kill -9`` and power loss,
  and an append costs the same however long the file is.
- Whole-file writes (contest.json, snapshot.json) go to a temporary file that is fsync'ed,
  renamed over the old one, and the directory fsync'ed: a crash leaves the old or the new.
- On open, the writer copies a torn tail to a ``.torn-<time>`` backup, cuts it off and reports
  it (``EventLog.recovered``, ``Store.warnings``); every whole record before it is kept.
  Damage in the middle is read past (every intact record after it is kept) and reported; a
  contest log so damaged waits for ``Store.repair_log``, a journal or snapshot is rebuilt. A
  file from a newer quizhall, or one that is not ours, raises :class:`StoreError` and is left
  as is.
- One writer per contest and one for the documents, enforced by an OS lock on the very file
  written, which dies with its process; readers take no lock and follow the log as it grows.
"""

from quizhall.store.errors import LockedError, StoreError
from quizhall.store.interface import ContestLog, StoreBackend
from quizhall.store.log import EventLog
from quizhall.store.store import (
    DOCUMENT_TABLES,
    ContestRecord,
    Store,
    default_data_dir,
    open_store,
)

__all__ = [
    "DOCUMENT_TABLES",
    "ContestLog",
    "ContestRecord",
    "EventLog",
    "LockedError",
    "Store",
    "StoreBackend",
    "StoreError",
    "default_data_dir",
    "open_store",
]
