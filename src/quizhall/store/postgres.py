"""The store on PostgreSQL: contests, event logs and trainee documents for an organisation.

The same interface as the embedded :class:`quizhall.store.Store`, on psycopg 3 with a
connection pool (``psycopg`` and ``psycopg_pool`` are imported only here, so the default
install needs neither). The schema is kept by yoyo-migrations from the plain SQL files in
``store/migrations/``, applied when a store is opened by a role that may (the check alone is
one read, so a read-only role opens an up-to-date database without writing anything).

- **Durable.** An event or a document change returns once its transaction has committed.
- **One writer.** Writing a contest or a trainee takes a session advisory lock on the store's
  lock connection, which dies with the process (even on ``kill -9``); the ``writers`` row
  names the holder for a refused process, and its token goes into every write, so a writer
  whose lock connection was lost (and whose place was taken) writes nothing more.
- **Followers are told.** Each append notifies ``quizhall_events`` with the contest id in the
  same transaction; a reader's :meth:`PostgresLog.follow` waits on LISTEN, not a poll.
- **No password shown.** Messages name the database by its URL with the password hidden.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator, MutableMapping
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quizhall.i18n import t
from quizhall.store._files import dumps, utc_now
from quizhall.store.documents import DocumentDB, TrackedStorage, TrackedTable, changes
from quizhall.store.errors import LockedError, StoreError
from quizhall.store.location import redact, redact_words
from quizhall.store.log import Repair
from quizhall.store.store import _ID, STATUSES, ContestRecord, slug

if TYPE_CHECKING:
    import psycopg
    import tinydb
    from psycopg_pool import ConnectionPool

    from quizhall.store.postgres_campaigns import PostgresCampaigns

MIGRATIONS = Path(__file__).with_name("migrations")
MIGRATION_TABLE = "_yoyo_migration"
CHANNEL = "quizhall_events"
POOL_SIZE = 10
CONNECT_TIMEOUT = 10  # seconds

Tables = dict[str, dict[str, dict]]


def _import_psycopg() -> Any:
    try:
        import psycopg
        import psycopg_pool  # noqa: F401
    except ImportError as exc:
        raise StoreError(t("store.no_psycopg", error=exc)) from exc
    return psycopg


def _lock_key(kind: str, key: str) -> int:
    """The advisory lock's 64-bit key for a contest or a trainee."""
    digest = hashlib.sha256(f"quizhall:{kind}:{key}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def _scrub(text: str, password: str | None) -> str:
    return text.replace(password, "***") if password else text


def _connection_info(url: str) -> dict[str, str]:
    from psycopg.conninfo import conninfo_to_dict

    try:
        parsed = conninfo_to_dict(url)
    except Exception as exc:  # psycopg.ProgrammingError: the URL does not parse
        raise StoreError(t("store.bad_url", url=redact(url))) from exc
    info = {key: str(value) for key, value in parsed.items() if value is not None}
    info.setdefault("application_name", "quizhall")
    info.setdefault("connect_timeout", str(CONNECT_TIMEOUT))
    return info


def _one(cursor: psycopg.Cursor) -> tuple[Any, ...]:
    """The one row a query returns."""
    row = cursor.fetchone()
    assert row is not None
    return row


def migration_ids() -> list[str]:
    """The ids of the migrations this quizhall knows, in order (yoyo's: file stems)."""
    return sorted(path.stem for path in MIGRATIONS.glob("*.sql"))


class PostgresStore:
    """Contests and trainee documents in one PostgreSQL database (see the module docstring).

    ``location`` names the database for messages (its URL, the password hidden).
    """

    def __init__(self, url: str, now: Callable[[], datetime] = utc_now,
                 pool_size: int = POOL_SIZE) -> None:
        driver = _import_psycopg()
        from psycopg.conninfo import make_conninfo
        from psycopg_pool import ConnectionPool

        self.location = redact(url)
        self.warnings: list[str] = []
        self._now = now
        self._info = _connection_info(url)
        self._conninfo = make_conninfo(**self._info)
        self._password = self._info.get("password")
        self._mutex = threading.RLock()
        self._shared = threading.local()  # this thread's together() transaction, if any
        self._lock_conn: psycopg.Connection | None = None
        self._held: dict[tuple[str, str], str] = {}  # (kind, key) -> this writer's token
        self._trainees: dict[str, tinydb.TinyDB] = {}
        self._logs: list[PostgresLog] = []
        self._campaigns: PostgresCampaigns | None = None
        with self._errors():
            with driver.connect(self._conninfo, autocommit=True) as conn:
                self._migrate(conn)
        self._pool: ConnectionPool = ConnectionPool(
            self._conninfo, min_size=1, max_size=pool_size, open=True, name="quizhall",
            check=ConnectionPool.check_connection)

    # -- plumbing ----------------------------------------------------------------------------

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Database errors as StoreError naming the database (never its password)."""
        import psycopg
        from psycopg_pool import PoolTimeout

        try:
            yield
        except psycopg.errors.InsufficientPrivilege as exc:
            raise StoreError(t("store.db_denied", url=self.location,
                               error=_scrub(str(exc).strip(), self._password))) from None
        except (psycopg.Error, PoolTimeout) as exc:
            raise StoreError(t("store.db_failed", url=self.location,
                               error=_scrub(str(exc).strip(), self._password))) from None

    @contextmanager
    def _transaction(self) -> Iterator[psycopg.Connection]:
        """A connection in a transaction, committed at the end: this thread's
        :meth:`together` transaction when one is open, else one of its own."""
        shared = getattr(self._shared, "conn", None)
        if shared is not None:
            with self._errors():
                yield shared
            return
        with self._errors(), self._pool.connection() as conn:
            yield conn

    @contextmanager
    def together(self) -> Iterator[None]:
        """Make every write of this thread inside one transaction: an answer and the campaign
        totals it counts toward are committed together or not at all. If it fails, what the
        writes changed in memory is undone (see :meth:`on_rollback`)."""
        if getattr(self._shared, "conn", None) is not None:  # nested: the outer one decides
            yield
            return
        with self._errors(), self._pool.connection() as conn:
            self._shared.conn, self._shared.undo = conn, []
            try:
                with conn.transaction():
                    yield
            except BaseException:
                for undo in reversed(self._shared.undo):
                    undo()
                raise
            finally:
                self._shared.conn, self._shared.undo = None, []

    def on_rollback(self, undo: Callable[[], None]) -> None:
        """Run ``undo`` if this thread's :meth:`together` transaction fails (nothing when
        there is none: the write has committed on its own)."""
        if getattr(self._shared, "conn", None) is not None:
            self._shared.undo.append(undo)

    def _migrate(self, conn: psycopg.Connection) -> None:
        """Apply the migrations the database lacks (with yoyo-migrations)."""
        known = migration_ids()
        applied: set[str] = set()
        if _one(conn.execute("SELECT to_regclass(%s)", (MIGRATION_TABLE,)))[0]:
            applied = {row[0] for row in conn.execute(
                f"SELECT migration_id FROM {MIGRATION_TABLE}")}  # noqa: S608 (a constant)
        newer = applied - set(known)
        if newer and all(item > known[-1] for item in newer):
            raise StoreError(t("store.db_newer", url=self.location, found=max(newer),
                               known=known[-1]))
        if set(known) <= applied:
            return
        from yoyo import read_migrations
        from yoyo.backends import get_backend_class
        from yoyo.connections import DatabaseURI

        uri = DatabaseURI("postgresql+psycopg", None, None, None, None, None, dict(self._info))
        backend = get_backend_class("postgresql+psycopg")(uri, MIGRATION_TABLE)
        try:
            backend.init_database()
            with backend.lock():
                backend.apply_migrations(backend.to_apply(read_migrations(str(MIGRATIONS))))
        finally:
            backend.connection.close()

    def _lock(self, kind: str, key: str, what: str) -> str:
        """Become the only writer of a contest or trainee; returns the writer's token."""
        import psycopg

        with self._mutex, self._errors():
            if (kind, key) in self._held:
                raise LockedError(self._refusal(kind, key, what))
            if self._lock_conn is None or self._lock_conn.closed:
                self._lock_conn = psycopg.connect(self._conninfo, autocommit=True)
            conn = self._lock_conn
            got = _one(conn.execute("SELECT pg_try_advisory_lock(%s)",
                                    (_lock_key(kind, key),)))[0]
            if not got:
                raise LockedError(self._refusal(kind, key, what))
            token = secrets.token_hex(16)
            command = " ".join(redact_words([Path(sys.argv[0]).name, *sys.argv[1:]])) \
                if sys.argv else ""
            conn.execute(
                "INSERT INTO writers (kind, key, token, pid, host, command, started)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT (kind, key) DO UPDATE SET"
                " token = EXCLUDED.token, pid = EXCLUDED.pid, host = EXCLUDED.host,"
                " command = EXCLUDED.command, started = EXCLUDED.started",
                (kind, key, token, os.getpid(), socket.gethostname(), command,
                 utc_now().isoformat(timespec="seconds")))
            self._held[(kind, key)] = token
            return token

    def _refusal(self, kind: str, key: str, what: str) -> str:
        with self._transaction() as conn:
            row = conn.execute("SELECT pid, host, command, started FROM writers"
                               " WHERE kind = %s AND key = %s", (kind, key)).fetchone()
        if row is None:
            return t("store.locked_unknown", what=what, path=self.location)
        return t("store.locked", what=what, pid=row[0], host=row[1], command=row[2],
                 started=row[3])

    def _unlock(self, kind: str, key: str) -> None:
        with self._mutex:
            token = self._held.pop((kind, key), None)
            conn = self._lock_conn
            if token is None or conn is None or conn.closed:
                return
            try:
                conn.execute("DELETE FROM writers WHERE kind = %s AND key = %s AND token = %s",
                             (kind, key, token))
                conn.execute("SELECT pg_advisory_unlock(%s)", (_lock_key(kind, key),))
            except Exception:  # the connection is gone: so is the lock
                pass

    # -- contests ----------------------------------------------------------------------------

    def create_contest(self, title: str, config: dict, source: str | None = None) -> str:
        """Record a new running contest and its empty log; returns its id (as the embedded
        store makes them: ``labour-law-20261124-3f2a``)."""
        created = self._now()
        text = dumps(config)  # fails before anything is created if config is not JSON
        stem = slug(Path(source).stem) if source else ""
        base = stem or slug(title) or "contest"
        with self._transaction() as conn:
            while True:
                contest_id = f"{base}-{created:%Y%m%d}-{secrets.token_hex(2)}"
                cursor = conn.execute(
                    "INSERT INTO contests (id, title, status, created, source, config)"
                    " VALUES (%s, %s, 'running', %s, %s, %s) ON CONFLICT (id) DO NOTHING",
                    (contest_id, dumps(title), created.isoformat(timespec="milliseconds"),
                     dumps(source), text))
                if cursor.rowcount == 1:
                    return contest_id

    def _records(self, where: str, params: tuple) -> list[ContestRecord]:
        with self._transaction() as conn:
            rows = conn.execute(
                "SELECT c.id, c.title::text, c.status, c.created, c.source::text, c.config::text,"
                " (SELECT count(*) FROM contest_events e WHERE e.contest_id = c.id),"
                " (SELECT max(recorded) FROM contest_events e WHERE e.contest_id = c.id)"
                f" FROM contests c {where} ORDER BY c.created DESC, c.id DESC",
                params).fetchall()
        records = []
        for cid, title, status, created, source, config_text, events, last in rows:
            config = json.loads(config_text)
            teams = config.get("teams")
            names = [str(team["name"]) for team in teams
                     if isinstance(team, dict) and "name" in team] \
                if isinstance(teams, list) else []
            records.append(ContestRecord(
                id=cid, title=json.loads(title), status=status, created=created,
                updated=last.isoformat(timespec="seconds") if last is not None else None,
                config=config, source=json.loads(source), events=int(events), teams=names))
        return records

    def contests(self) -> list[ContestRecord]:
        """Every contest, newest first."""
        return self._records("", ())

    def contest(self, contest_id: str) -> ContestRecord | None:
        """The contest with this id, or None if there is none."""
        found = self._records("WHERE c.id = %s", (contest_id,))
        return found[0] if found else None

    def set_status(self, contest_id: str, status: str) -> None:
        """Mark a contest ``running`` or ``finished``."""
        if status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}, not {status!r}")
        with self._transaction() as conn:
            cursor = conn.execute("UPDATE contests SET status = %s, updated = %s WHERE id = %s",
                                  (status, self._now().isoformat(timespec="seconds"),
                                   contest_id))
            if cursor.rowcount != 1:
                raise StoreError(t("store.no_contest", id=contest_id))

    def open_log(self, contest_id: str, writer: bool = True) -> PostgresLog:
        """The contest's event log: as its only writer (locked), or as a reader."""
        if not _ID.match(contest_id) or self.contest(contest_id) is None:
            raise StoreError(t("store.no_contest", id=contest_id))
        token = self._lock("contest", contest_id, t("store.what_contest", id=contest_id)) \
            if writer else None
        try:
            log = PostgresLog(self, contest_id, token)
        except BaseException:
            if token is not None:
                self._unlock("contest", contest_id)
            raise
        self._logs.append(log)
        return log

    def repair_log(self, contest_id: str, apply: bool = True) -> Repair:
        """Nothing to repair: the database keeps every committed event whole."""
        if self.contest(contest_id) is None:
            raise StoreError(t("store.no_contest", id=contest_id))
        return Repair()

    def push_contest(self, record: ContestRecord, events: list[dict]) -> tuple[int, int]:
        """Bring a contest and its events in from another store (``quizhall sync``).

        Idempotent on the contest id and each event's number: events already here are
        compared, not written again; a difference raises StoreError and writes nothing.
        Returns (events added, events already here).
        """
        texts = [dumps(event) for event in events]
        what = t("store.what_contest", id=record.id)
        token = self._lock("contest", record.id, what)
        try:
            with self._transaction() as conn:
                conn.execute(
                    "INSERT INTO contests (id, title, status, created, source, config)"
                    " VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (id) DO UPDATE"
                    " SET status = EXCLUDED.status",
                    (record.id, dumps(record.title), record.status, record.created,
                     dumps(record.source), dumps(record.config)))
                here = [row[0] for row in conn.execute(
                    "SELECT event::text FROM contest_events WHERE contest_id = %s ORDER BY seq",
                    (record.id,))]
                for seq, (mine, theirs) in enumerate(zip(texts, here, strict=False)):
                    if json.loads(mine) != json.loads(theirs):
                        raise StoreError(t("store.sync_differs", id=record.id, seq=seq,
                                           url=self.location))
                if len(here) > len(texts):
                    raise StoreError(t("store.sync_longer", id=record.id, here=len(here),
                                       count=len(texts), url=self.location))
                added = texts[len(here):]
                if added:
                    _insert_events(conn, record.id, len(here), added, token)
            return len(added), len(here)
        finally:
            self._unlock("contest", record.id)

    # -- campaigns ---------------------------------------------------------------------------

    @property
    def campaigns(self) -> PostgresCampaigns:
        """The campaigns (definitions, members, running totals) in this database."""
        if self._campaigns is None:
            from quizhall.store.postgres_campaigns import PostgresCampaigns

            self._campaigns = PostgresCampaigns(self)
        return self._campaigns

    # -- trainee documents -------------------------------------------------------------------

    def trainee_db(self, user: str) -> tinydb.TinyDB:
        """One trainee's documents (TinyDB), opened on first use as their only writer."""
        if user not in self._trainees:
            what = t("store.what_trainee", user=json.dumps(user, ensure_ascii=False))
            token = self._lock("trainee", user, what)
            try:
                with self._transaction() as conn:
                    conn.execute("INSERT INTO trainees (name) VALUES (%s)"
                                 " ON CONFLICT (name) DO NOTHING", (user,))
                storage = PostgresDocuments(self, user, token)
            except BaseException:
                self._unlock("trainee", user)
                raise
            self._trainees[user] = DocumentDB(storage)
        return self._trainees[user]

    def read_trainee_db(self, user: str) -> tinydb.TinyDB:
        """One trainee's documents as they stand now, read-only (no lock)."""
        if user in self._trainees:
            return self._trainees[user]
        return DocumentDB(PostgresDocuments(self, user, None))

    def trainees(self) -> list[str]:
        """The name of every trainee with documents, sorted."""
        with self._transaction() as conn:
            return sorted(row[0] for row in conn.execute("SELECT name FROM trainees"))

    def put_summary(self, user: str, summary: dict) -> None:
        """Keep a small summary of a trainee opened here for writing, as of their last change."""
        db = self._trainees.get(user)
        if db is None:
            raise StoreError(t("store.closed", path=self.location))
        storage = db.storage
        assert isinstance(storage, PostgresDocuments)
        with self._transaction() as conn:
            conn.execute("UPDATE trainees SET summary = %s, summary_change = %s WHERE name = %s",
                         (dumps(summary), storage.last_change, user))

    def summaries(self) -> dict[str, dict | None]:
        """Every trainee's summary by name: None where it is not as of their last change."""
        with self._transaction() as conn:
            rows = conn.execute("SELECT name, summary::text, summary_change = last_change"
                                " FROM trainees").fetchall()
        return {name: json.loads(text) if text is not None and current else None
                for name, text, current in sorted(rows)}

    def close(self) -> None:
        """Close every log and trainee opened here, giving up their locks, and the pool."""
        if self._campaigns is not None:
            self.warnings.extend(self._campaigns.warnings)
            self._campaigns = None
        for log in self._logs:
            log.close()
        self._logs.clear()
        for db in self._trainees.values():
            db.close()
        self._trainees.clear()
        with self._mutex:
            if self._lock_conn is not None:
                self._lock_conn.close()
                self._lock_conn = None
            self._held.clear()
        self._pool.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _insert_events(conn: psycopg.Connection, contest_id: str, first: int, texts: list[str],
                   token: str) -> None:
    """Insert events numbered from ``first`` and notify followers, as the writer holding
    ``token``; StoreError when that writer lost its place."""
    cursor = conn.execute(
        "INSERT INTO contest_events (contest_id, seq, event)"
        " SELECT %s, %s + n::integer - 1, e::json FROM unnest(%s::text[]) WITH ORDINALITY"
        " AS t(e, n) WHERE EXISTS (SELECT 1 FROM writers WHERE kind = 'contest'"
        " AND key = %s AND token = %s)",
        (contest_id, first, texts, contest_id, token))
    if cursor.rowcount != len(texts):
        raise StoreError(t("store.db_writer_lost", what=t("store.what_contest", id=contest_id)))
    conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, contest_id))


class PostgresLog:
    """The events of one contest in PostgreSQL; the interface of :class:`EventLog`."""

    def __init__(self, store: PostgresStore, contest_id: str, token: str | None) -> None:
        self.contest_id = contest_id
        self.writer = token is not None
        self.recovered: list[str] = []
        self._store = store
        self._token = token
        self._mutex = threading.Lock()
        self._texts: list[str] = []
        self._broken: str | None = None
        self._closed = False
        self._listener: psycopg.Connection | None = None
        self._fetch()

    def _fetch(self) -> None:
        with self._store._transaction() as conn:
            rows = conn.execute("SELECT event::text FROM contest_events WHERE contest_id = %s"
                                " AND seq >= %s ORDER BY seq",
                                (self.contest_id, len(self._texts))).fetchall()
        self._texts.extend(row[0] for row in rows)

    def append(self, event: dict) -> int:
        """Record ``event``; returns its position once its transaction has committed."""
        return self.append_many([event])[0]

    def append_many(self, events: list[dict]) -> list[int]:
        """Record several events in one transaction; returns their positions."""
        if not self.writer or self._closed:
            raise StoreError(t("store.read_only", path=self._what()))
        for event in events:
            if not isinstance(event, dict):
                raise TypeError(f"an event is a dict, not {type(event).__name__}")
        with self._mutex:
            if self._broken:
                raise StoreError(self._broken)
            texts = [dumps(event) for event in events]
            first = len(self._texts)
            assert self._token is not None
            try:
                with self._store._transaction() as conn:
                    _insert_events(conn, self.contest_id, first, texts, self._token)
            except StoreError as exc:
                self._broken = str(exc)
                raise
            self._texts.extend(texts)
            return list(range(first, first + len(texts)))

    def read(self, start: int = 0) -> list[dict]:
        """The events from position ``start`` on."""
        with self._mutex:
            if not self.writer:
                self._fetch()
            texts = self._texts[start:]
        return [json.loads(text) for text in texts]

    def follow(self, start: int, timeout: float) -> list[dict]:
        """Wait up to ``timeout`` seconds for events at ``start`` or later; return them.

        A reader listens for the writer's notification (LISTEN/NOTIFY): no polling."""
        deadline = time.monotonic() + timeout
        if not self.writer:
            self._listen()
        while True:
            events = self.read(start)
            remaining = deadline - time.monotonic()
            if events or remaining <= 0 or self.writer:
                return events
            listener = self._listener
            if listener is None:  # closed meanwhile
                return []
            try:  # woken by any contest's event: read again
                list(listener.notifies(timeout=remaining, stop_after=1))
            except Exception:
                if self._closed:  # closed by another thread while waiting
                    return []
                with self._store._errors():
                    raise

    def _listen(self) -> None:
        if self._listener is None:
            import psycopg

            with self._store._errors():
                self._listener = psycopg.connect(self._store._conninfo, autocommit=True)
                self._listener.execute(f"LISTEN {CHANNEL}")

    def _what(self) -> str:
        return t("store.what_contest", id=self.contest_id)

    def __len__(self) -> int:
        with self._mutex:
            if not self.writer:
                self._fetch()
            return len(self._texts)

    def close(self) -> None:
        """Give up the writer's lock and the listening connection. Closing twice is harmless."""
        if self._closed:
            return
        self._closed = True
        if self._listener is not None:
            self._listener.close()
            self._listener = None
        if self.writer:
            self._store._unlock("contest", self.contest_id)

    def __enter__(self) -> PostgresLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class PostgresDocuments(TrackedStorage):
    """One trainee's TinyDB tables in ``trainee_documents``, held in memory as TinyDB wants
    them; each change is one transaction, written before the TinyDB call returns.

    With ``token`` None it is a reader: every change is refused.
    """

    def __init__(self, store: PostgresStore, user: str, token: str | None) -> None:
        self.user = user
        self.writer = token is not None
        self._store = store
        self._token = token
        self._mutex = threading.RLock()
        self._broken: str | None = None
        self._closed = False
        self._tables: Tables = {}
        with store._transaction() as conn:
            row = conn.execute("SELECT last_change FROM trainees WHERE name = %s",
                               (user,)).fetchone()
            self._seq = int(row[0]) if row is not None else -1
            for table, doc_id, text in conn.execute(
                    "SELECT tbl, doc_id, doc::text FROM trainee_documents WHERE trainee = %s",
                    (user,)):
                self._tables.setdefault(table, {})[doc_id] = json.loads(text)

    @property
    def last_change(self) -> int:
        return self._seq

    def read(self) -> Tables:
        """The live tables (not a copy): TinyDB reads them, :meth:`apply` changes them."""
        return self._tables

    def write(self, data: Tables) -> None:
        """Replace everything (TinyDB does this to drop tables)."""
        with self._mutex:
            self._check_usable()
            tables = json.loads(dumps(data))
            puts = [(name, key, dumps(doc)) for name, table in tables.items()
                    for key, doc in table.items()]
            self._commit(None, True, puts, [])
            self._tables = tables

    def apply(self, name: str, updater: Callable[[MutableMapping], None]) -> None:
        """Run a TinyDB updater on table ``name`` and commit its changes.

        If the updater fails or the change cannot be written, the table is left as it was.
        """
        with self._mutex:
            self._check_usable()
            created = name not in self._tables
            raw = self._tables.setdefault(name, {})
            view = TrackedTable(raw)
            try:
                updater(view)
                found = changes(view)
                if found.cleared or found.puts or found.deletes:
                    self._commit(name, found.cleared,
                                 [(name, key, text) for key, text in found.puts.items()],
                                 found.deletes)
            except BaseException:
                for key, text in view.before.items():
                    if text is None:
                        raw.pop(key, None)
                    else:
                        raw[key] = json.loads(text)
                if created:
                    del self._tables[name]
                raise
            for key, text in found.puts.items():
                raw[key] = json.loads(text)
            if not (found.cleared or found.puts or found.deletes):
                return
            seq_before = self._seq - 1

            def undo() -> None:  # the shared transaction failed: forget this change
                with self._mutex:
                    for key, text in view.before.items():
                        if text is None:
                            raw.pop(key, None)
                        else:
                            raw[key] = json.loads(text)
                    if created and not raw:
                        self._tables.pop(name, None)
                    self._seq = seq_before

            self._store.on_rollback(undo)

    def together(self) -> AbstractContextManager[None]:
        """One transaction for the writes made inside (see :meth:`PostgresStore.together`)."""
        return self._store.together()

    def _commit(self, table: str | None, cleared: bool, puts: list[tuple[str, str, str]],
                deletes: list[str]) -> None:
        """One change in one transaction: clear (``table``, or all when None), delete, put."""
        try:
            with self._store._transaction() as conn:
                row = conn.execute(
                    "UPDATE trainees SET last_change = last_change + 1 WHERE name = %s AND"
                    " EXISTS (SELECT 1 FROM writers WHERE kind = 'trainee' AND key = %s"
                    " AND token = %s) RETURNING last_change",
                    (self.user, self.user, self._token)).fetchone()
                if row is None:
                    raise StoreError(t("store.db_writer_lost", what=t(
                        "store.what_trainee", user=json.dumps(self.user, ensure_ascii=False))))
                if cleared:
                    if table is None:
                        conn.execute("DELETE FROM trainee_documents WHERE trainee = %s",
                                     (self.user,))
                    else:
                        conn.execute("DELETE FROM trainee_documents WHERE trainee = %s"
                                     " AND tbl = %s", (self.user, table))
                if deletes:
                    conn.execute("DELETE FROM trainee_documents WHERE trainee = %s AND tbl = %s"
                                 " AND doc_id = ANY(%s)", (self.user, table, deletes))
                if puts:
                    conn.cursor().executemany(
                        "INSERT INTO trainee_documents (trainee, tbl, doc_id, doc)"
                        " VALUES (%s, %s, %s, %s) ON CONFLICT (trainee, tbl, doc_id)"
                        " DO UPDATE SET doc = EXCLUDED.doc",
                        [(self.user, name, key, text) for name, key, text in puts])
        except StoreError as exc:
            self._broken = str(exc)
            raise
        self._seq = int(row[0])

    def _check_usable(self) -> None:
        what = t("store.what_trainee", user=json.dumps(self.user, ensure_ascii=False))
        if not self.writer:
            raise StoreError(t("store.read_only", path=what))
        if self._broken:
            raise StoreError(self._broken)
        if self._closed:
            raise StoreError(t("store.closed", path=what))

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            if self.writer:
                self._store._unlock("trainee", self.user)
