"""One trainee's study record: every answer goes to history and through the notebook.

:class:`Trainee` is what sessions hold: who is studying, on which questions, by which clock,
and where their answers, notebook and level progress are kept. After an answer the trainee may
rate it themselves (:meth:`Trainee.rerate`) or say a typed answer marked wrong was right
(:meth:`Trainee.claim_right`); both are recorded on the answer as such.

Others may count the trainee's progress too (a campaign): each :class:`ProgressListener` in
``Trainee.listeners`` says which answers it counts (their ids are written on the answer, in
``extra["counted_by"]``) and hears of them, and of each level or paper passed, once stored.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Protocol

from fsrs import Rating

from quizhall.practice.answering import Answer, Given, Presented
from quizhall.practice.calendar_clock import Clock, stamp
from quizhall.practice.history import AnswerRecord, History
from quizhall.practice.library import Filter, Library, QuestionRef
from quizhall.practice.notebook import Change, Notebook, rating_name
from quizhall.practice.pace import rating_for


@dataclass(frozen=True, slots=True)
class Outcome:
    """One answered question: what was given (original letters), how it was judged, when,
    and the notebook rating it earned (None: not applied to the notebook yet, as on an exam's
    answer sheet)."""

    presented: Presented
    given: Given
    correct: bool
    credit: float
    seconds: float
    at: datetime
    notebook: Change | None = None
    rating: Rating | None = None
    rated_by_trainee: bool = False
    claimed: bool = False

    @property
    def ref(self) -> QuestionRef:
        return self.presented.ref


class ProgressListener(Protocol):
    """Something that counts a trainee's progress besides their own history (a campaign)."""

    @property
    def id(self) -> str:
        """What counted answers are marked with (``extra["counted_by"]``)."""
        ...

    def counts(self, record: AnswerRecord) -> bool:
        """Whether this answer counts here (asked before it is stored)."""
        ...

    def answered(self, record: AnswerRecord) -> None:
        """A counted answer was stored."""
        ...

    def passed(self, item: str, stars: int, at: datetime) -> None:
        """A level (``bank/level``) or a paper (``paper:<id>``) was passed and stored."""
        ...


class Trainee:
    """A named trainee studying a library of banks, with their history and notebook."""

    def __init__(self, history: History, user: str, library: Library, clock: Clock) -> None:
        self.history = history
        self.user = user
        self.library = library
        self.clock = clock
        self.notebook = Notebook(history, user)
        self.listeners: list[ProgressListener] = []
        history.touch_profile(user, stamp(clock()))

    def record(self, presented: Presented, answer: Answer, seconds: float, mode: str,
               session: str = "", at: datetime | None = None) -> Outcome:
        """Store one answer (given ``at``, or now) and apply it to the notebook."""
        at = at or self.clock()
        ref = presented.ref
        correct = bool(answer.grade.correct)
        seconds = round(max(0.0, seconds), 3)
        record = AnswerRecord(
            user=self.user, key=ref.key, bank=ref.bank.info.id, question=ref.question.id,
            mode=mode, given=answer.given, correct=correct, credit=answer.grade.credit,
            seconds=seconds, at=stamp(at), type=str(ref.question.type),
            tags=ref.question.tags, levels=self.library.levels_of(ref.key), session=session)
        counting = [listener for listener in self.listeners if listener.counts(record)]
        if counting:
            record = replace(record, extra={"counted_by": [c.id for c in counting]})
        with self.history.together():  # PostgreSQL: the answer and its counts, one commit
            self.history.add_answer(record)
            for listener in counting:
                listener.answered(record)
        outcome = Outcome(presented, answer.given, correct, answer.grade.credit, seconds, at)
        return self.to_notebook(outcome)

    def passed(self, item: str, stars: int, at: datetime) -> None:
        """Tell the listeners that a level (``bank/level``) or paper (``paper:<id>``) was
        passed (its result is stored already)."""
        for listener in self.listeners:
            listener.passed(item, stars, at)

    def select(self, chosen: Filter) -> list[QuestionRef]:
        """The questions the filter picks, with the trainee's own conditions: bookmarked only,
        never answered only."""
        refs = self.library.select(chosen)
        if chosen.bookmarked:
            marked = self.history.bookmarks(self.user)
            refs = [ref for ref in refs if ref.key in marked]
        if chosen.unanswered:
            answered = {record.key for record in self.history.answers(self.user)}
            refs = [ref for ref in refs if ref.key not in answered]
        return refs

    def toggle_bookmark(self, key: str) -> bool:
        """Bookmark a question (收藏), or take the bookmark off; True when now bookmarked."""
        on = key not in self.history.bookmarks(self.user)
        self.history.set_bookmark(self.user, key, on, stamp(self.clock()))
        return on

    def practice_choices(self) -> dict[str, Any]:
        """The last practice choices (filter, order, study mode), remembered per trainee."""
        return dict(self.history.prefs(self.user).get("practice", {}))

    def remember_choices(self, choices: dict[str, Any]) -> None:
        self.history.save_prefs(self.user, {"practice": choices})

    def position(self, scope: str) -> int:
        """Where sequential practice on a scope stopped: the index of the next question."""
        return int(self.history.prefs(self.user).get("positions", {}).get(scope, 0))

    def save_position(self, scope: str, index: int) -> None:
        positions = dict(self.history.prefs(self.user).get("positions", {}))
        positions[scope] = index
        self.history.save_prefs(self.user, {"positions": positions})

    def to_notebook(self, outcome: Outcome) -> Outcome:
        """Apply an answer to the notebook, rated from what it showed."""
        rating = rating_for(outcome.ref.question, outcome.correct, outcome.seconds,
                            doubtful=outcome.claimed or 0 < outcome.credit < 1)
        change = self.notebook.record(outcome.ref.key, rating, outcome.at)
        return replace(outcome, notebook=change, rating=rating)

    def rerate(self, outcome: Outcome, rating: Rating, session: str = "") -> Outcome:
        """The trainee's own rating of their last answer replaces the one it earned."""
        change = self.notebook.rerate(outcome.ref.key, rating, outcome.at)
        self.history.amend_answer(self.user, outcome.ref.key, stamp(outcome.at), session,
                                  {"extra": {"rating": rating_name(rating),
                                             "claimed": outcome.claimed}})
        return replace(outcome, notebook=change, rating=rating, rated_by_trainee=True)

    def claim_right(self, outcome: Outcome, session: str = "") -> Outcome:
        """"I was right": a typed answer marked wrong counts as right, recorded as claimed
        (with how it was judged: a campaign counts it so)."""
        claimed = replace(outcome, correct=True, credit=1.0, claimed=True)
        rating = rating_for(claimed.ref.question, True, claimed.seconds, doubtful=True)
        change = self.notebook.rerate(outcome.ref.key, rating, outcome.at)
        self.history.amend_answer(self.user, outcome.ref.key, stamp(outcome.at), session,
                                  {"correct": True, "credit": 1.0,
                                   "extra": {"claimed": True, "judged": {
                                       "correct": outcome.correct,
                                       "credit": outcome.credit}}})
        return replace(claimed, notebook=change, rating=rating)
