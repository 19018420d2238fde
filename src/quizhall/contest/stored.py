"""A contest kept in the store: the one way to start, resume or read one.

:func:`start_stored` records a new contest in the store and starts it; :func:`resume_stored`
continues an unfinished one from its log (the host console and ``quizhall rehearse`` both
go through them). :func:`replay_stored` reads a stored contest's log (as a reader: a contest
still being run, or one killed mid-way, reads as far as its last whole event) and folds it
into a read-only :class:`~quizhall.contest.engine.Contest`. Folding needs neither the
contest file nor its banks; :func:`stored_questions` finds the bank questions when a caller
wants their texts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quizhall.contest.clock import Clock, WallClock
from quizhall.contest.engine import Contest
from quizhall.contest.evolve import EvolveError
from quizhall.i18n import t

if TYPE_CHECKING:
    import pluggy

    from quizhall.contest.plan import Plan
    from quizhall.store import ContestRecord, StoreBackend


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


def start_stored(store: StoreBackend, plan: Plan, clock: Clock, source: str,
                 pm: pluggy.PluginManager | None = None,
                 questions: Mapping[str, Any] | None = None,
                 keep: Mapping[str, Any] | None = None) -> tuple[str, Contest]:
    """Record a new contest in the store (started from the file ``source``) and start it;
    returns its id and the running contest.

    The store keeps the plan as its config, with ``keep`` beside it (the host console keeps
    the drawn questions and the level titles, see :func:`used_banks`, for the projector).
    Raises :class:`~quizhall.store.StoreError` when the store cannot take it.
    """
    config = {**plan.to_dict(), **(keep or {})}
    contest_id = store.create_contest(plan.title, config, source=source)
    log = store.open_log(contest_id, writer=True)
    return contest_id, Contest.start(plan, log, clock, pm, questions)


def resume_stored(store: StoreBackend, contest_id: str, clock: Callable[[float], Clock],
                  pm: pluggy.PluginManager | None = None,
                  questions: Mapping[str, Any] | None = None) -> Contest:
    """Continue the stored contest ``contest_id`` from its log, as its writer.

    ``clock`` is given the time of the last recorded event (0 for an empty log) and returns
    the clock to go on with (a rehearsal's manual clock starts there). Raises
    :class:`~quizhall.store.StoreError` or :class:`~quizhall.contest.evolve.EvolveError`.
    """
    log = store.open_log(contest_id, writer=True)
    events = log.read()
    last = float(events[-1].get("t", 0.0)) if events else 0.0
    return Contest.resume(log, clock(last), pm, questions)


def same_contest(record: ContestRecord, plan: Plan) -> bool:
    """Whether a stored contest is the one ``plan`` describes (same title, same teams): its
    log holds the rules, the file gives the question texts, so another file would be wrong."""
    return (record.title, record.teams) == (plan.title, [team.name for team in plan.teams])


def used_banks(load: Any) -> list[str]:
    """The banks' questions a loaded contest's plan draws, as bank YAML texts (one per bank):
    kept with the contest so that it can be shown from the store alone."""
    from quizhall.bank.dump import dump_bank
    from quizhall.bank.model import Bank

    keys = {key for round_plan in load.plan.rounds for key in round_plan.questions}
    texts = []
    for bank in load.banks:
        questions = tuple(q for q in bank.questions if f"{bank.info.id}/{q.id}" in keys)
        if questions:
            texts.append(dump_bank(Bank(bank.info, questions)))
    return texts


def level_titles(load: Any) -> dict[str, str]:
    """The title of each 闯关 level of a loaded contest's banks, by level id (gate rounds
    show titles, not ids)."""
    return {level.id: level.title for bank in load.banks for level in bank.levels}


def replay_stored(store: StoreBackend, contest_id: str, clock: Clock | None = None,
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
