"""Fold a contest kept in the store: the one way ``results``, ``export`` and screens read one.

:func:`replay_stored` reads a stored contest's log (as a reader: a contest still being run,
or one killed mid-way, reads as far as its last whole event) and folds it into a read-only
:class:`~quizhall.contest.engine.Contest`. Folding needs neither the contest file nor its
banks; :func:`stored_questions` finds the bank questions when a caller wants their texts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quizhall.contest.clock import Clock, WallClock
from quizhall.contest.engine import Contest
from quizhall.contest.evolve import EvolveError
from quizhall.i18n import t

if TYPE_CHECKING:
    import pluggy

    from quizhall.store import ContestRecord, Store


class StoredContestError(Exception):
    """The contest is not in the store, or its log cannot be read or folded (a translated
    message, ready for the user)."""


@dataclass(slots=True)
class StoredContest:
    """A stored contest: what the store knows about it, its events, their fold, and
    warnings for the user (e.g. banks that were not found)."""

    record: ContestRecord
    events: list[dict]
    contest: Contest
    warnings: list[str] = field(default_factory=list)


def replay_stored(store: Store, contest_id: str, clock: Clock | None = None,
                  pm: pluggy.PluginManager | None = None,
                  questions: Mapping[str, Any] | None = None,
                  with_questions: bool = False) -> StoredContest:
    """Read and fold the contest ``contest_id``; raises :class:`StoredContestError`.

    ``clock`` defaults to the wall clock; ``questions`` (bank questions by key) give the
    folded contest its question texts, or ``with_questions`` finds them with
    :func:`stored_questions` (a warning says when they cannot be found).
    """
    from quizhall.store import StoreError

    try:
        record = store.contest(contest_id)
        if record is None:
            raise StoredContestError(t("results.no_contest", id=contest_id))
        log = store.open_log(contest_id, writer=False)
        events = log.read()
    except StoreError as exc:
        raise StoredContestError(str(exc)) from exc
    warnings: list[str] = list(log.recovered)  # damage that stops the reader, if any
    if questions is None and with_questions:
        questions, missing = stored_questions(record, pm)
        if missing:
            warnings.append(missing)
    try:
        contest = Contest.replay(events, clock or WallClock(), pm, questions)
    except (EvolveError, KeyError, TypeError, ValueError) as exc:
        raise StoredContestError(t("results.unreadable", id=contest_id, error=exc)) from exc
    return StoredContest(record, events, contest, warnings)


def questions_from_texts(texts: list[Any]) -> dict[str, Any]:
    """Questions by key (``bank-id/question-id``) from the bank YAML texts kept with a
    contest; entries that are not text or not a valid bank are passed over."""
    from quizhall.bank.loader import parse_bank

    found: dict[str, Any] = {}
    for number, text in enumerate(texts, 1):
        if not isinstance(text, str):
            continue
        bank, _ = parse_bank(text, f"<stored bank {number}>")
        if bank is not None:
            found.update({f"{bank.info.id}/{q.id}": q for q in bank.questions})
    return found


def stored_questions(record: ContestRecord,
                     pm: pluggy.PluginManager | None = None) -> tuple[dict[str, Any], str | None]:
    """The bank questions of a stored contest by key, and why they are missing (or None).

    Banks kept with the contest (a config's ``banks``: bank YAML texts, as the host console
    stores them) come first; otherwise the contest file it was started from is loaded again.
    """
    config = record.config
    texts = config.get("banks") if isinstance(config, dict) else None
    if isinstance(texts, list) and texts:
        return questions_from_texts(texts), None
    if not record.source:
        return {}, t("results.no_banks", reason=t("results.no_source"))
    from quizhall.contest.loader import load_contest

    path = Path(record.source)
    if not path.is_file():
        return {}, t("results.no_banks", reason=t("results.source_missing", path=path))
    loaded = load_contest(path, pm)
    if not loaded.questions:
        return {}, t("results.no_banks", reason=t("results.source_unreadable", path=path))
    return dict(loaded.questions), None
