"""The store: where contests (config, status, event log) and trainee documents live on disk."""

from __future__ import annotations

import json
import os
import re
import secrets
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from quizhall.i18n import t
from quizhall.store._files import (
    dumps,
    frame,
    sync,
    sync_dir,
    unframe,
    utc_now,
    write_all,
    write_atomic,
)
from quizhall.store.errors import StoreError
from quizhall.store.log import EventLog, Repair, header_line, repair

if TYPE_CHECKING:
    import tinydb

    from quizhall.store.campaigns import CampaignStore
    from quizhall.store.embedded_campaigns import EmbeddedCampaigns
    from quizhall.store.interface import StoreBackend


FORMAT = 1
CONTEST_KIND = "quizhall.contest"
STATUSES = ("running", "finished")
# Tables trainees' data lives in, by convention (TinyDB makes any other on first use).
DOCUMENT_TABLES = ("profiles", "answers", "cards", "exams", "progress")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


def default_data_dir() -> Path:
    """``$QUIZHALL_DATA_DIR``, else the platform's user data directory for quizhall."""
    override = os.environ.get("QUIZHALL_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("quizhall", appauthor=False))


def slug(text: str, limit: int = 24) -> str:
    """Lower-case ASCII letters, digits and single hyphens from ``text`` (may be empty)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    result = ""
    for word in words:
        candidate = f"{result}-{word}" if result else word
        if len(candidate) > limit:
            break
        result = candidate
    return result or "-".join(words)[:limit].strip("-")


@dataclass
class ContestRecord:
    """What the store knows about one contest."""

    id: str
    title: str
    status: str
    created: str
    updated: str | None
    config: dict
    source: str | None
    events: int
    teams: list[str] = field(default_factory=list)
    damage: list[str] = field(default_factory=list)  # what a reader of the log reports

    def to_json(self) -> dict:
        """Everything but the config, for listings."""
        return {"id": self.id, "title": self.title, "status": self.status,
                "created": self.created, "updated": self.updated, "source": self.source,
                "events": self.events, "teams": list(self.teams), "damage": list(self.damage)}


class Store:
    """Contests and trainee documents under one data directory.

    Trainee documents are reached by trainee (:meth:`trainee_db`, :meth:`read_trainee_db`,
    :meth:`trainees`): this is the whole trainee interface, the one a server database
    backend implements too.

    ``warnings`` collects translated messages a user should see: contests skipped because
    their files are unreadable, torn journal tails set aside when the documents opened.
    """

    def __init__(self, data_dir: Path, now: Callable[[], datetime] = utc_now) -> None:
        self.data_dir = data_dir
        self.location = str(data_dir)
        self.warnings: list[str] = []
        self._now = now
        self._trainees: dict[str, tinydb.TinyDB] = {}
        self._migrated = False
        self._logs: list[EventLog] = []
        self._campaigns: EmbeddedCampaigns | None = None
        make_dir(self.contests_dir)

    @property
    def contests_dir(self) -> Path:
        return self.data_dir / "contests"

    # -- contests ----------------------------------------------------------------------------

    def _contest_dir(self, contest_id: str) -> Path:
        if not _ID.match(contest_id):
            raise StoreError(t("store.no_contest", id=contest_id))
        return self.contests_dir / contest_id

    def create_contest(self, title: str, config: dict, source: str | None = None) -> str:
        """Record a new running contest and its empty log; returns its id.

        The id reads like ``labour-law-20261124-3f2a``: the source file's name (or the
        title), the date, four random hex digits. ``config`` must be JSON-serialisable.
        """
        created = self._now()
        record = {"kind": CONTEST_KIND, "format": FORMAT, "title": title, "status": "running",
                  "created": created.isoformat(timespec="milliseconds"), "source": source,
                  "config": config}
        text = dumps(record)  # fails before anything is created if config is not JSON
        stem = slug(Path(source).stem) if source else ""
        base = stem or slug(title) or "contest"
        while True:
            contest_id = f"{base}-{created:%Y%m%d}-{secrets.token_hex(2)}"
            directory = self.contests_dir / contest_id
            try:
                directory.mkdir()
                break
            except FileExistsError:
                continue
            except OSError as exc:
                raise StoreError(t("store.cannot_create", path=directory,
                                   error=exc.strerror)) from exc
        try:
            log = directory / "events.jsonl"
            fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                         0o644)
            try:
                write_all(fd, header_line(contest_id, created))
                sync(fd)
            finally:
                os.close(fd)
            write_atomic(directory / "contest.json", frame(text[:-1]))
            sync_dir(self.contests_dir)
        except OSError as exc:
            try:  # a full disk or the like: leave no empty contest behind
                for leftover in directory.iterdir():
                    leftover.unlink()
                directory.rmdir()
            except OSError:
                pass
            raise StoreError(t("store.cannot_create", path=directory,
                               error=exc.strerror)) from exc
        return contest_id

    def _read_contest(self, directory: Path) -> dict:
        path = directory / "contest.json"
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise StoreError(t("store.no_contest", id=directory.name)) from None
        except OSError as exc:
            raise StoreError(t("store.cannot_open", path=path, error=exc.strerror)) from exc
        obj = unframe(data)
        loose = obj
        if loose is None:
            try:
                loose = json.loads(data)
            except ValueError:
                loose = None
        if not isinstance(loose, dict) or loose.get("kind") != CONTEST_KIND:
            raise StoreError(t("store.not_ours", path=path))
        version = loose.get("format")
        if not isinstance(version, int) or version > FORMAT:
            raise StoreError(t("store.newer_format", path=path, found=version, known=FORMAT))
        if obj is None or not isinstance(obj.get("config"), dict):
            raise StoreError(t("store.bad_header", path=path))
        return obj

    def _record(self, directory: Path) -> ContestRecord:
        data = self._read_contest(directory)
        path = directory / "events.jsonl"
        events, updated, damage = 0, None, []
        if path.exists():
            # Read as results reads it, so the listing and the results agree.
            with EventLog(path, directory.name, False, self._now) as log:
                events, damage = len(log), list(log.recovered)
            if events:
                try:
                    mtime = os.stat(path).st_mtime
                except OSError as exc:
                    raise StoreError(t("store.cannot_open", path=path,
                                       error=exc.strerror)) from exc
                updated = datetime.fromtimestamp(mtime, UTC).isoformat(timespec="seconds")
        config = data["config"]
        teams = config.get("teams")
        names = [str(team["name"]) for team in teams
                 if isinstance(team, dict) and "name" in team] if isinstance(teams, list) else []
        return ContestRecord(id=directory.name, title=str(data.get("title", "")),
                             status=str(data.get("status", "")),
                             created=str(data.get("created", "")), updated=updated,
                             config=config, source=data.get("source"), events=events,
                             teams=names, damage=damage)

    def contests(self) -> list[ContestRecord]:
        """Every readable contest, newest first; unreadable ones are noted in ``warnings``."""
        records = []
        for directory in sorted(self.contests_dir.iterdir()):
            if not directory.is_dir() or not _ID.match(directory.name):
                continue
            if not (directory / "contest.json").exists():
                continue  # creation was interrupted before the contest was recorded
            try:
                records.append(self._record(directory))
            except StoreError as exc:
                self.warnings.append(str(exc))
                continue
            self.warnings.extend(records[-1].damage)
        records.sort(key=lambda r: (r.created, r.id), reverse=True)
        return records

    def contest(self, contest_id: str) -> ContestRecord | None:
        """The contest with this id, or None if there is none."""
        try:
            directory = self._contest_dir(contest_id)
        except StoreError:
            return None
        if not (directory / "contest.json").exists():
            return None
        return self._record(directory)

    def set_status(self, contest_id: str, status: str) -> None:
        """Mark a contest ``running`` or ``finished``."""
        if status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}, not {status!r}")
        directory = self._contest_dir(contest_id)
        data = self._read_contest(directory)
        data.pop("crc", None)
        data["status"] = status
        data["updated"] = self._now().isoformat(timespec="seconds")
        try:
            write_atomic(directory / "contest.json", frame(dumps(data)[:-1]))
        except OSError as exc:
            raise StoreError(t("store.cannot_create", path=directory / "contest.json",
                               error=exc.strerror)) from exc

    def open_log(self, contest_id: str, writer: bool = True) -> EventLog:
        """The contest's event log: as its only writer (locked), or as a reader."""
        directory = self._contest_dir(contest_id)
        if not (directory / "events.jsonl").exists():
            if (directory / "contest.json").exists():  # listed by contests(): say what is gone
                raise StoreError(t("store.log_missing", id=contest_id,
                                   path=directory / "events.jsonl"))
            raise StoreError(t("store.no_contest", id=contest_id))
        log = EventLog(directory / "events.jsonl", contest_id, writer, self._now,
                       directory / "writer.lock", t("store.what_contest", id=contest_id))
        self._logs.append(log)
        return log

    def repair_log(self, contest_id: str, apply: bool = True) -> Repair:
        """Make a contest log damaged in the middle writable again (see
        :func:`quizhall.store.log.repair`); ``apply`` False only says what is damaged."""
        directory = self._contest_dir(contest_id)
        record = self._read_contest(directory)
        path = directory / "events.jsonl"
        if not path.exists():
            raise StoreError(t("store.log_missing", id=contest_id, path=path))
        try:
            created = datetime.fromisoformat(str(record.get("created")))
        except ValueError:
            created = self._now()
        try:
            return repair(path, contest_id, created, self._now, directory / "writer.lock",
                          t("store.what_contest", id=contest_id), apply)
        except OSError as exc:
            raise StoreError(t("store.cannot_create", path=path, error=exc.strerror)) from exc

    # -- trainee documents -------------------------------------------------------------------

    def _migrate(self) -> None:
        if not self._migrated:
            from quizhall.store.trainees import migrate

            self.warnings.extend(migrate(self.data_dir, self._now))
            self._migrated = True

    def trainee_db(self, user: str) -> tinydb.TinyDB:
        """One trainee's documents (TinyDB), opened on first use as their only writer.

        Only this trainee's files are read, and only this trainee is locked: another
        process may write another trainee meanwhile. ``LockedError`` names the process
        already writing this trainee.
        """
        if user not in self._trainees:
            from quizhall.store.trainees import open_trainee, trainee_directory

            self._migrate()
            directory = trainee_directory(self.data_dir, user, create=True)
            assert directory is not None
            db, recovered = open_trainee(directory, user, self._now, writer=True)
            self.warnings.extend(recovered)
            self._trainees[user] = db
        return self._trainees[user]

    def read_trainee_db(self, user: str) -> tinydb.TinyDB:
        """One trainee's documents as they stand now, read-only: no lock, so a practice app
        may be writing them meanwhile (stats, review lists, exports). Any change raises
        StoreError; a trainee with no documents reads as empty tables."""
        if user in self._trainees:
            return self._trainees[user]
        from quizhall.store.trainees import open_trainee, trainee_dir_name, trainee_directory

        self._migrate()
        directory = (trainee_directory(self.data_dir, user, create=False)
                     or self.data_dir / "trainees" / trainee_dir_name(user))
        db, recovered = open_trainee(directory, user, self._now, writer=False)
        self.warnings.extend(recovered)
        return db

    def trainees(self) -> list[str]:
        """The name of every trainee with documents, sorted."""
        from quizhall.store.trainees import trainee_directories

        self._migrate()
        return sorted(user for user, _ in trainee_directories(self.data_dir))

    def put_summary(self, user: str, summary: dict) -> None:
        """Keep a small summary (JSON) of a trainee opened here for writing, as of their
        documents' last change, so that lists of trainees need not read the documents."""
        from quizhall.store.trainees import trainee_directory, write_summary

        db = self._trainees.get(user)
        directory = trainee_directory(self.data_dir, user, create=False)
        if db is None or directory is None:
            raise StoreError(t("store.closed", path=self.data_dir / "trainees"))
        write_summary(directory, db.storage.last_change, summary)  # type: ignore[attr-defined]

    def summaries(self) -> dict[str, dict | None]:
        """Every trainee's summary by name: None where there is none as of their last change
        (never written, or the documents changed since)."""
        from quizhall.store.trainees import read_summary, trainee_directories

        self._migrate()
        return {user: read_summary(directory)
                for user, directory in sorted(trainee_directories(self.data_dir))}

    # -- campaigns ---------------------------------------------------------------------------

    @property
    def campaigns(self) -> CampaignStore:
        """The campaigns (definitions, members, running totals) in this data directory."""
        if self._campaigns is None:
            from quizhall.store.embedded_campaigns import EmbeddedCampaigns

            self._campaigns = EmbeddedCampaigns(self.data_dir, self._now)
        return self._campaigns

    def close(self) -> None:
        """Close every trainee's documents, campaign and log opened here, releasing their
        locks."""
        if self._campaigns is not None:
            self.warnings.extend(self._campaigns.warnings)
            self._campaigns.close()
            self._campaigns = None
        for log in self._logs:
            log.close()
        self._logs.clear()
        for db in self._trainees.values():
            db.close()  # closing a journal gives up its lock
        self._trainees.clear()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def make_dir(path: Path) -> None:
    """Create ``path`` (and its parents) if missing, its new name made durable."""
    if path.is_dir():
        return
    try:
        path.mkdir(parents=True, exist_ok=True)
        sync_dir(path.parent)
    except OSError as exc:
        raise StoreError(t("store.cannot_create", path=path, error=exc.strerror)) from exc


def open_store(data_dir: str | Path | None = None,
               now: Callable[[], datetime] | None = None) -> StoreBackend:
    """The store at ``data_dir`` (a data directory, or a ``postgresql://`` URL) when given,
    else the one chosen by ``--store``/``$QUIZHALL_STORE``, ``--data-dir``/
    ``$QUIZHALL_DATA_DIR`` or the config file (:mod:`quizhall.store.location`), else
    :func:`default_data_dir`. A data directory is created if missing; a PostgreSQL database
    gets the tables it lacks.

    ``now`` (a function returning an aware datetime) stamps ids, creation times and backup
    names; it defaults to the wall clock.
    """
    from quizhall.store.location import chosen_store, is_database_url

    chosen = chosen_store() if data_dir is None else data_dir
    if isinstance(chosen, str) and is_database_url(chosen):
        from quizhall.store.postgres import PostgresStore

        return PostgresStore(chosen, now or utc_now)
    return Store(Path(chosen) if chosen is not None else default_data_dir(), now or utc_now)
