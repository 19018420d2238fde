"""A trainee's history in TinyDB documents: profiles, answers, notebook cards, exams, progress.

The repository works on any :class:`tinydb.TinyDB` (the store's, or an in-memory one in
tests). Tables and their documents:

- ``profiles``: ``{user, created, last_seen}``
- ``answers``: one per answer, see :class:`AnswerRecord`
- ``cards``: one per notebook question, ``{user, key, card: <fsrs card dict>, streak}``
- ``exams``: one per mock exam, ``{user, id, status: running|finished|abandoned, …exam state}``
- ``progress``: one per level, ``{user, bank, level, attempts, best_ratio, stars, passed}``
- ``bookmarks``: one per bookmarked question (收藏), ``{user, key, at}``
- ``passes``: one per level or paper passed where a listener counted it (a campaign),
  ``{user, by: <listener id>, item, stars, at}``
- ``prefs``: one per trainee, ``{user, practice: <last practice choices>, positions:
  {<scope>: <index of the next question in sequential order>}}``
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from dataclasses import asdict, dataclass, field
from typing import Any

from tinydb import Query, TinyDB
from tinydb.queries import QueryLike
from tinydb.table import Table

from quizhall.practice.answering import Given

_Q = Query()


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    """One answer, as stored. ``given`` names original option letters; ``at`` is ISO UTC."""

    user: str
    key: str  # "<bank id>/<question id>"
    bank: str
    question: str
    mode: str  # practice, exam, level, review
    given: Given
    correct: bool
    credit: float
    seconds: float
    at: str
    type: str = ""
    tags: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()  # "<bank id>/<level id>" of the levels holding the question
    session: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def to_doc(self) -> dict[str, Any]:
        doc = asdict(self)
        doc["tags"], doc["levels"] = list(self.tags), list(self.levels)
        return doc

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> AnswerRecord:
        """The record in a stored document; ValueError naming the field when the document
        does not have the shape of one (written by hand, or by another program)."""
        for name, kinds in _ANSWER_FIELDS.items():
            if name not in doc:
                if name in _ANSWER_REQUIRED:
                    raise ValueError(name)
            elif not isinstance(doc[name], kinds) or (
                    bool not in kinds and isinstance(doc[name], bool)):
                raise ValueError(name)
        for name in ("tags", "levels"):
            if not all(isinstance(item, str) for item in doc.get(name, ())):
                raise ValueError(name)
        names = cls.__dataclass_fields__
        values = {k: v for k, v in doc.items() if k in names}
        values["tags"] = tuple(values.get("tags", ()))
        values["levels"] = tuple(values.get("levels", ()))
        return cls(**values)


# The types a stored answer's fields must have (bool only where it is named).
_ANSWER_FIELDS: dict[str, tuple[type, ...]] = {
    "user": (str,), "key": (str,), "bank": (str,), "question": (str,), "mode": (str,),
    "given": (str, bool, int, float, list, dict, type(None)), "correct": (bool,),
    "credit": (int, float), "seconds": (int, float), "at": (str,), "type": (str,),
    "tags": (list,), "levels": (list,), "session": (str,), "extra": (dict,)}
_ANSWER_REQUIRED = ("user", "key", "bank", "question", "mode", "given", "correct", "credit",
                    "seconds", "at")


class History:
    """Read and write one database's trainee documents."""

    def __init__(self, db: TinyDB) -> None:
        self.db = db
        # Documents passed over because they lack the shape quizhall writes (a tool or a
        # hand edit wrote them): messages for the user, each document once.
        self.skipped: list[str] = []
        self._profiles = db.table("profiles")
        self._answers = db.table("answers")
        self._cards = db.table("cards")
        self._exams = db.table("exams")
        self._progress = db.table("progress")
        self._bookmarks = db.table("bookmarks")
        self._prefs = db.table("prefs")
        self._passes = db.table("passes")

    # -- profiles --------------------------------------------------------------------------

    def touch_profile(self, user: str, at: str) -> None:
        """Create the trainee's profile on first use; note when they were last seen."""
        found = self._profiles.get(_Q.user == user)
        if found is None:
            self._profiles.insert({"user": user, "created": at, "last_seen": at})
        else:
            self._profiles.update({"last_seen": at}, doc_ids=[found.doc_id])

    def _fits(self, table: Table, doc: Any, ok: bool, field: str = "user") -> bool:
        """``ok`` for a document; notes a misshapen one in ``skipped``."""
        if not ok:
            self.note_skipped(table.name, doc.doc_id, field)
        return ok

    def note_skipped(self, table: str, doc_id: object, field: str) -> None:
        """Note (once) that a document of ``table`` was passed over for its ``field``."""
        from quizhall.i18n import t

        message = t("store.document_skipped", table=table, id=doc_id, field=field)
        if message not in self.skipped:
            self.skipped.append(message)

    def _records(self, docs: list[Any]) -> list[AnswerRecord]:
        records = []
        for doc in docs:
            try:
                records.append(AnswerRecord.from_doc(doc))
            except ValueError as exc:
                self._fits(self._answers, doc, False, str(exc))
        return records

    # -- answers ---------------------------------------------------------------------------

    def together(self) -> AbstractContextManager[Any]:
        """One atomic write for what is recorded inside, where the store can (PostgreSQL: one
        transaction for an answer and the campaign totals it counts toward); elsewhere every
        write is durable on its own."""
        together = getattr(self.db.storage, "together", None)
        return together() if together is not None else nullcontext()

    def add_answer(self, record: AnswerRecord) -> None:
        self._answers.insert(record.to_doc())

    def amend_answer(self, user: str, key: str, at: str, session: str,
                     fields: dict[str, Any]) -> None:
        """Change fields of one stored answer (the trainee's own rating, a claimed answer);
        ``extra`` is merged into the answer's own."""
        found = self._answers.get((_Q.user == user) & (_Q.key == key) & (_Q.at == at)
                                  & (_Q.session == session))
        if found is not None:
            if "extra" in fields:
                fields = {**fields, "extra": {**found.get("extra", {}), **fields["extra"]}}
            self._answers.update(fields, doc_ids=[found.doc_id])

    def answers(self, user: str) -> list[AnswerRecord]:
        """The trainee's answers, oldest first."""
        return self._records(self._answers.search(_Q.user == user))

    # -- notebook cards --------------------------------------------------------------------

    def cards(self, user: str) -> dict[str, dict[str, Any]]:
        """The trainee's notebook: card documents by question key."""
        return {doc["key"]: dict(doc) for doc in self._cards.search(_Q.user == user)
                if self._fits(self._cards, doc, isinstance(doc.get("key"), str)
                              and isinstance(doc.get("card"), dict), "card")}

    def put_card(self, user: str, key: str, doc: dict[str, Any]) -> None:
        _put(self._cards, (_Q.user == user) & (_Q.key == key), {**doc, "user": user, "key": key})

    def drop_card(self, user: str, key: str) -> None:
        found = self._cards.get((_Q.user == user) & (_Q.key == key))
        if found is not None:
            self._cards.remove(doc_ids=[found.doc_id])

    # -- exams -----------------------------------------------------------------------------

    def save_exam(self, user: str, state: dict[str, Any]) -> None:
        """Store an exam's state (keyed by its ``id``), replacing the previous save."""
        _put(self._exams, (_Q.user == user) & (_Q.id == state["id"]), {**state, "user": user})

    def running_exams(self, user: str) -> list[dict[str, Any]]:
        """The trainee's unfinished exams, newest first."""
        running = self._exams.search((_Q.user == user) & (_Q.status == "running"))
        return [dict(doc) for doc in sorted(running, key=lambda d: d.get("started", ""),
                                            reverse=True)]

    def running_exam(self, user: str) -> dict[str, Any] | None:
        """The trainee's latest unfinished exam, or None."""
        running = self.running_exams(user)
        return running[0] if running else None

    def exams(self, user: str) -> list[dict[str, Any]]:
        return [dict(doc) for doc in self._exams.search(_Q.user == user)]

    # -- level progress --------------------------------------------------------------------

    def progress(self, user: str, bank_id: str | None = None) -> dict[str, dict[str, Any]]:
        """Level progress by ``bank/level`` key, for one bank or all."""
        cond = _Q.user == user
        if bank_id is not None:
            cond = cond & (_Q.bank == bank_id)
        return {f"{doc['bank']}/{doc['level']}": dict(doc) for doc in self._progress.search(cond)
                if self._fits(self._progress, doc, isinstance(doc.get("bank"), str)
                              and isinstance(doc.get("level"), str), "level")}

    def save_progress(self, user: str, bank_id: str, level_id: str, doc: dict[str, Any]) -> None:
        cond = (_Q.user == user) & (_Q.bank == bank_id) & (_Q.level == level_id)
        _put(self._progress, cond, {**doc, "user": user, "bank": bank_id, "level": level_id})


    # -- passes counted elsewhere ------------------------------------------------------------

    def note_pass(self, user: str, by: str, item: str, stars: int, at: str) -> None:
        """Keep that ``by`` (a campaign) counted the pass of ``item`` (``bank/level`` or
        ``paper:<id>``) at ``at``."""
        self._passes.insert({"user": user, "by": by, "item": item, "stars": stars, "at": at})

    def noted_passes(self, user: str, by: str) -> list[dict[str, Any]]:
        """The passes ``by`` counted for the trainee, oldest first."""
        found = self._passes.search((_Q.user == user) & (_Q.by == by))
        return sorted((dict(doc) for doc in found
                       if self._fits(self._passes, doc, isinstance(doc.get("item"), str)
                                     and isinstance(doc.get("at"), str), "item")),
                      key=lambda doc: doc["at"])

    # -- bookmarks -------------------------------------------------------------------------

    def bookmarks(self, user: str) -> set[str]:
        """Keys of the questions the trainee bookmarked."""
        return {doc["key"] for doc in self._bookmarks.search(_Q.user == user)}

    def set_bookmark(self, user: str, key: str, on: bool, at: str) -> None:
        cond = (_Q.user == user) & (_Q.key == key)
        found = self._bookmarks.get(cond)
        if on and found is None:
            self._bookmarks.insert({"user": user, "key": key, "at": at})
        elif not on and found is not None:
            self._bookmarks.remove(doc_ids=[found.doc_id])

    # -- remembered choices ----------------------------------------------------------------

    def prefs(self, user: str) -> dict[str, Any]:
        """The trainee's remembered choices (empty at first)."""
        found = self._prefs.get(_Q.user == user)
        return dict(found) if found is not None else {}

    def save_prefs(self, user: str, changes: dict[str, Any]) -> None:
        """Remember ``changes`` (top-level fields) for the trainee."""
        _put(self._prefs, _Q.user == user, {**self.prefs(user), **changes, "user": user})


def _put(table: Table, cond: QueryLike, doc: dict[str, Any]) -> None:
    """Insert ``doc``, or update the one document matching ``cond``.

    Found first and then written by id, so that a write touches one document: an ``upsert``
    by condition makes a journalling storage examine every document of the table.
    """
    found = table.get(cond)
    if found is None:
        table.insert(doc)
    else:
        table.update(doc, doc_ids=[found.doc_id])
