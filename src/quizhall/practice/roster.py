"""Who trained: one line per trainee (answers, accuracy, last practice, notebook, exams) for a
room's organiser, read from each trainee's own documents without taking their locks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from quizhall.practice.history import History
from quizhall.practice.stats import exam_history

if TYPE_CHECKING:
    from quizhall.store import StoreBackend


@dataclass(frozen=True, slots=True)
class TraineeSummary:
    """One trainee's totals. ``last_practice`` is the ISO UTC time of the latest answer."""

    user: str
    answers: int
    correct: int
    last_practice: str
    notebook: int
    exams: int  # handed in
    exams_passed: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.answers if self.answers else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"user": self.user, "answers": self.answers, "correct": self.correct,
                "accuracy": round(self.accuracy, 4), "last_practice": self.last_practice or None,
                "notebook": self.notebook, "exams": self.exams,
                "exams_passed": self.exams_passed}


    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> TraineeSummary | None:
        """The summary :meth:`to_json` gave; None when ``doc`` is not one."""
        try:
            summary = cls(user=doc["user"], answers=doc["answers"], correct=doc["correct"],
                          last_practice=doc["last_practice"] or "", notebook=doc["notebook"],
                          exams=doc["exams"], exams_passed=doc["exams_passed"])
        except (KeyError, TypeError):
            return None
        numbers = (summary.answers, summary.correct, summary.notebook, summary.exams,
                   summary.exams_passed)
        if not (isinstance(summary.user, str) and isinstance(summary.last_practice, str)
                and all(type(n) is int for n in numbers)):
            return None
        return summary


def summarize(history: History, user: str) -> TraineeSummary:
    """The totals of ``user`` in ``history``."""
    answers = history.answers(user)
    handed_in = [exam for exam in exam_history(history.exams(user)) if exam.status == "finished"]
    return TraineeSummary(
        user=user, answers=len(answers), correct=sum(record.correct for record in answers),
        last_practice=max((record.at for record in answers), default=""),
        notebook=len(history.cards(user)), exams=len(handed_in),
        exams_passed=sum(bool(exam.passed) for exam in handed_in))


def roster(store: StoreBackend) -> tuple[list[TraineeSummary], list[str]]:
    """Every trainee in the store, by name, and messages about what could not be read
    (damage, documents without the shape quizhall writes). A trainee's kept summary is used
    while it is current (see :meth:`Store.put_summary`); else their documents are read."""
    summaries, warnings = [], []
    for user, kept in store.summaries().items():
        summary = TraineeSummary.from_json(kept) if kept is not None else None
        if summary is None or summary.user != user:
            history = History(store.read_trainee_db(user))
            summary = summarize(history, user)
            warnings.extend(history.skipped)
        summaries.append(summary)
    return summaries, [*store.warnings, *warnings]


def keep_summary(store: StoreBackend, history: History, user: str) -> None:
    """Store ``user``'s summary beside their documents (the trainee is open for writing)."""
    store.put_summary(user, summarize(history, user).to_json())
