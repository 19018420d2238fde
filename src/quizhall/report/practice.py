"""A trainee's practice history, read from the store's documents: every answer and its tallies.

:func:`practice_report` reads one trainee's records through
:class:`~quizhall.practice.history.History` (answers, notebook cards, mock exams, level
progress) and the practice engine's own statistics (:func:`~quizhall.practice.stats.
compute_stats`), and gives a :class:`PracticeReport`. Exporters of ``kind == "practice"``
are handed one. Given the banks (a :class:`~quizhall.practice.library.Library`), the report
also carries what a trainee studies from: each notebook question and each question last
answered wrong with its text, options, the trainee's answer, the right answer, the
explanation and the source; levels are named by their titles.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from quizhall.i18n import t
from quizhall.report import ReportError
from quizhall.report.values import plain_numbers

if TYPE_CHECKING:
    from quizhall.practice.history import AnswerRecord, History
    from quizhall.practice.library import Library
    from quizhall.practice.notebook import Notebook
    from quizhall.store import StoreBackend


@dataclass(frozen=True, slots=True)
class AnswerRow:
    """One stored answer. ``at`` is local time; ``given`` the answer as text (original
    option letters); ``credit`` the share of the points earned."""

    at: str
    key: str
    bank: str
    question: str
    type: str
    mode: str
    given: str
    correct: bool
    credit: float
    seconds: float
    tags: tuple[str, ...]
    levels: tuple[str, ...]
    session: str


@dataclass(frozen=True, slots=True)
class TallyRow:
    """Answers and right answers under one name (a tag, a level, a day). Levels also carry
    their best result: ``stars``, ``passed``, ``best_ratio`` (None elsewhere)."""

    name: str
    answers: int
    correct: int
    stars: int | None = None
    passed: bool | None = None
    best_ratio: float | None = None

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.answers if self.answers else None


@dataclass(frozen=True, slots=True)
class ExamRow:
    """A mock exam: finished ones have a score and a pass/fail; ``title`` names its paper."""

    id: str
    status: str
    started: str
    finished: str
    questions: int
    answered: int
    score: float | None
    max_score: float | None
    passed: bool | None
    title: str = ""
    seconds: float | None = None

    @property
    def ratio(self) -> float | None:
        return self.score / self.max_score if self.score is not None and self.max_score \
            else None


@dataclass(frozen=True, slots=True)
class NotebookRow:
    """A question in the mistake notebook and when it is due again."""

    key: str
    added: str
    due: str
    streak: int
    lapses: int


@dataclass(frozen=True, slots=True)
class StudyRow:
    """A question to study again (in the notebook, or last answered wrong): everything needed
    to learn it from a printout. ``given`` is the trainee's last answer."""

    key: str
    bank: str
    type: str
    stem: str
    options: str
    given: str
    answer: str
    explanation: str
    source: str
    wrong: int  # wrong answers given to it
    in_notebook: bool
    due: str


@dataclass(frozen=True, slots=True)
class PracticeReport:
    """Everything a practice-history export holds; times are local, ``now`` is when it was
    made (due counts are as of then)."""

    KIND: ClassVar[str] = "practice"

    user: str
    now: str
    answer_count: int
    correct: int
    first_answer: str
    last_answer: str
    study_days: int
    streak: int
    due_now: int
    answers: tuple[AnswerRow, ...]
    by_tag: tuple[TallyRow, ...]
    by_level: tuple[TallyRow, ...]
    by_day: tuple[TallyRow, ...]
    exams: tuple[ExamRow, ...]
    notebook: tuple[NotebookRow, ...]
    warnings: tuple[str, ...] = field(default=())
    study: tuple[StudyRow, ...] = ()
    by_type: tuple[TallyRow, ...] = ()
    seen: int = 0
    pool: int | None = None  # questions in the banks given

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.answer_count if self.answer_count else None

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON data, keys in English."""
        data = asdict(self)
        data["accuracy"] = self.accuracy
        for name in ("by_tag", "by_level", "by_day", "by_type"):
            for row, item in zip(getattr(self, name), data[name], strict=True):
                item["accuracy"] = row.accuracy
        for row, item in zip(self.exams, data["exams"], strict=True):
            item["ratio"] = row.ratio
        return plain_numbers(data)  # type: ignore[return-value]



def given_text(given: Any) -> str:
    """A stored answer as text: letters, 对/错, blanks joined, pairs as ``left→right``."""
    if given is None:
        return "—"
    if isinstance(given, bool):
        return t("export.judge_true") if given else t("export.judge_false")
    if isinstance(given, list):
        return "；".join(str(item) for item in given)
    if isinstance(given, dict):
        return "; ".join(f"{left}→{right}" for left, right in given.items())
    return str(given)


def local_time(stamp: str, now: datetime) -> str:
    """An ISO UTC stamp as ``YYYY-MM-DD HH:MM:SS`` in the time zone of ``now`` (as it was,
    when it is not a time; empty for none)."""
    if not stamp:
        return ""
    from quizhall.practice.calendar_clock import parse_stamp

    try:
        return parse_stamp(stamp).astimezone(now.tzinfo).isoformat(" ", timespec="seconds")
    except (TypeError, ValueError):
        return stamp


def practice_report(history: History, user: str, now: datetime,
                    library: Library | None = None) -> PracticeReport:
    """The practice history of ``user`` as of ``now`` (an aware datetime); with ``library``,
    the questions to study and level titles too."""
    from quizhall.practice.calendar_clock import local_day, parse_stamp
    from quizhall.practice.notebook import Notebook
    from quizhall.practice.stats import compute_stats

    records = history.answers(user)
    records.sort(key=lambda record: record.at)
    notebook = Notebook(history, user)
    days = sorted({local_day(parse_stamp(r.at), now) for r in records})
    span = (now.date() - days[0]).days + 1 if days else 1
    stats = compute_stats(user, records, notebook, now, history.progress(user),
                          chart_days=max(1, span), exams=history.exams(user),
                          keys=library.keys() if library is not None else None)
    titles = ({f"{b.info.id}/{lv.id}": lv.title for b in library.banks for lv in b.levels}
              if library is not None else {})
    answers = tuple(AnswerRow(
        at=local_time(r.at, now), key=r.key, bank=r.bank, question=r.question, type=r.type,
        mode=r.mode, given=given_text(r.given), correct=bool(r.correct),
        credit=float(r.credit), seconds=float(r.seconds), tags=tuple(r.tags),
        levels=tuple(r.levels), session=r.session) for r in records)
    levels = stats.to_json()["by_level"]
    by_level = tuple(TallyRow(titles.get(name, name), int(item["answers"]),
                              int(item["correct"]),
                              int(item["stars"]) if "stars" in item else None,
                              bool(item["passed"]) if "passed" in item else None,
                              float(item["best_ratio"]) if "best_ratio" in item else None)
                     for name, item in sorted(levels.items()))
    exams = []
    for doc in sorted(history.exams(user), key=lambda d: str(d.get("started", ""))):
        score, top = doc.get("score"), doc.get("max_score")
        exams.append(ExamRow(
            id=str(doc.get("id", "")), status=str(doc.get("status", "")),
            started=local_time(str(doc.get("started", "")), now),
            finished=local_time(str(doc.get("finished", "")), now),
            questions=len(doc.get("items") or ()), answered=len(doc.get("answers") or ()),
            score=float(score) if isinstance(score, int | float) else None,
            max_score=float(top) if isinstance(top, int | float) else None,
            passed=bool(doc["passed"]) if "passed" in doc else None,
            title=str(doc.get("title") or t("export.drawn_exam")),
            seconds=float(doc["used_seconds"]) if "used_seconds" in doc else None))
    notebook_rows = tuple(NotebookRow(
        key=entry.key, added=local_time(entry.added, now),
        due=entry.due.astimezone(now.tzinfo).isoformat(" ", timespec="seconds"),
        streak=entry.streak, lapses=entry.lapses) for entry in notebook.all())
    return PracticeReport(
        user=user, now=now.isoformat(" ", timespec="seconds"),
        answer_count=stats.total.answers, correct=stats.total.correct,
        first_answer=answers[0].at if answers else "",
        last_answer=answers[-1].at if answers else "", study_days=stats.study_days,
        streak=stats.streak, due_now=stats.due_now, answers=answers,
        by_tag=tuple(TallyRow(tag, tally.answers, tally.correct)
                     for tag, tally in stats.by_tag.items()),
        by_level=by_level,
        by_day=tuple(TallyRow(day.isoformat(), tally.answers, tally.correct)
                     for day, tally in stats.by_day if tally.answers),
        exams=tuple(exams), notebook=notebook_rows,
        study=study_rows(records, notebook, library, now) if library is not None else (),
        by_type=tuple(TallyRow(t(f"bank.type_{name}"), tally.answers, tally.correct)
                      for name, tally in stats.by_type.items()),
        seen=stats.seen, pool=stats.pool, warnings=tuple(history.skipped))


def study_rows(records: list[AnswerRecord], notebook: Notebook, library: Library,
               now: datetime) -> tuple[StudyRow, ...]:
    """Each question in the notebook or last answered wrong, in the loaded banks: its text,
    options, the last answer given, the right answer, explanation and source."""
    last: dict[str, AnswerRecord] = {}
    wrong: dict[str, int] = {}
    for record in records:
        last[record.key] = record
        wrong[record.key] = wrong.get(record.key, 0) + (not record.correct)
    keys = [entry.key for entry in notebook.all()]
    keys += [key for key, record in last.items() if not record.correct and key not in notebook]
    rows: list[StudyRow] = []
    for key in keys:
        ref = library.get(key)
        if ref is None:
            continue
        q = ref.question
        entry = notebook.entries.get(key)
        options = "\n".join(f"{letter}. {text}" for letter, text in q.options.items())
        if str(q.type) == "match":
            options = "\n".join(f"{left} → ?" for left, _ in q.pairs)
        rows.append(StudyRow(
            key=key, bank=ref.bank.info.title, type=t(f"bank.type_{str(q.type)}"),
            stem=q.stem, options=options,
            given=given_text(last[key].given) if key in last else "",
            answer=q.answer_text() or t("export.no_reference"),
            explanation=q.explanation, source=q.source, wrong=wrong.get(key, 0),
            in_notebook=entry is not None,
            due=entry.due.astimezone(now.tzinfo).isoformat(" ", timespec="seconds")
            if entry is not None else ""))
    return tuple(rows)


def load_practice_report(store: StoreBackend, user: str, now: datetime | None = None,
                         library: Library | None = None) -> PracticeReport:
    """The practice history of ``user`` in the store (raises
    :class:`~quizhall.report.ReportError` for an unknown trainee or unreadable documents);
    ``library``: the banks to take the questions from."""
    from quizhall.practice.calendar_clock import system_clock
    from quizhall.practice.history import History
    from quizhall.store import StoreError

    try:
        users = store.trainees()
        if user not in users:
            if not users:
                raise ReportError(t("export.no_users"))
            raise ReportError(t("export.no_user", user=user,
                                users=t("export.list_separator").join(users)))
        history = History(store.read_trainee_db(user))
        return practice_report(history, user, now or system_clock(), library)
    except StoreError as exc:
        raise ReportError(str(exc)) from exc
