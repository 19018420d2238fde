"""统计: accuracy by tag, level and type, coverage, answers per day, the weakest tags, the
study-day streak and the exam history.

Computed from stored answers alone (each records its tags and levels), so stats need no bank
loaded. Days are calendar days in the time zone of ``now`` (see
:mod:`quizhall.practice.calendar_clock`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from quizhall.bank.model import QuestionType
from quizhall.practice.calendar_clock import local_day, parse_stamp
from quizhall.practice.history import AnswerRecord
from quizhall.practice.notebook import Notebook

# Days shown in the progress-over-time chart, ending today.
CHART_DAYS = 14
# A tag needs this many answers before it can be called weak; this many weakest are listed.
WEAK_MIN_ANSWERS = 3
WEAK_COUNT = 3
TYPE_ORDER = {qtype.value: rank for rank, qtype in enumerate(QuestionType)}


@dataclass(slots=True)
class Tally:
    """Answers and right answers."""

    answers: int = 0
    correct: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.answers if self.answers else 0.0

    def add(self, correct: bool) -> None:
        self.answers += 1
        self.correct += correct

    def to_json(self) -> dict[str, Any]:
        return {"answers": self.answers, "correct": self.correct,
                "accuracy": round(self.accuracy, 4)}


@dataclass(frozen=True, slots=True)
class ExamEntry:
    """One mock exam as the history lists it: handed in (with score and pass) or abandoned."""

    started: str
    status: str  # finished | abandoned
    paper: str = ""
    title: str = ""
    finished: str = ""
    score: float = 0.0
    max_score: float = 0.0
    seconds: float = 0.0
    passed: bool | None = None
    planned: int = 0
    answered: int = 0

    @property
    def ratio(self) -> float:
        return self.score / self.max_score if self.max_score else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"started": self.started, "finished": self.finished, "status": self.status,
                "paper": self.paper, "title": self.title, "score": self.score,
                "max_score": self.max_score, "percent": round(self.ratio * 100),
                "seconds": round(self.seconds), "passed": self.passed,
                "questions": self.planned, "answered": self.answered}


def exam_history(exams: Iterable[dict[str, Any]]) -> list[ExamEntry]:
    """Handed-in and abandoned exams (stored states), oldest first; running ones are left out."""
    entries = []
    for doc in exams:
        if doc.get("status") not in ("finished", "abandoned"):
            continue
        entries.append(ExamEntry(
            started=str(doc.get("started", "")), status=str(doc["status"]),
            paper=str(doc.get("paper", "")), title=str(doc.get("title", "")),
            finished=str(doc.get("finished", "")), score=float(doc.get("score", 0.0)),
            max_score=float(doc.get("max_score", 0.0)),
            seconds=float(doc.get("used_seconds", 0.0)),
            passed=doc.get("passed") if doc["status"] == "finished" else None,
            planned=int(doc.get("planned", len(doc.get("items", [])))),
            answered=int(doc.get("answered", len(doc.get("answers", []))))))
    return sorted(entries, key=lambda e: e.started)


@dataclass(slots=True)
class Stats:
    """A trainee's statistics at one moment."""

    user: str
    total: Tally
    by_tag: dict[str, Tally]
    by_level: dict[str, Tally]
    by_day: list[tuple[date, Tally]]
    weakest_tags: list[str]
    streak: int
    study_days: int
    due_now: int
    due_today: int
    notebook: int
    levels: dict[str, dict[str, Any]] = field(default_factory=dict)
    exams: list[ExamEntry] = field(default_factory=list)
    by_type: dict[str, Tally] = field(default_factory=dict)
    seen: int = 0  # distinct questions answered (of the open banks, when known)
    pool: int | None = None  # questions in the open banks

    def to_json(self) -> dict[str, Any]:
        by_level: dict[str, Any] = {key: tally.to_json() for key, tally in self.by_level.items()}
        for key, progress in self.levels.items():
            by_level.setdefault(key, Tally().to_json()).update(
                stars=int(progress.get("stars", 0)), passed=bool(progress.get("passed", False)),
                best_ratio=round(float(progress.get("best_ratio", 0.0)), 4))
        return {
            "user": self.user,
            "answers": self.total.answers,
            "correct": self.total.correct,
            "accuracy": round(self.total.accuracy, 4),
            "by_tag": {tag: tally.to_json() for tag, tally in self.by_tag.items()},
            "by_level": by_level,
            "by_day": [{"date": day.isoformat(), **tally.to_json()} for day, tally in self.by_day],
            "weakest_tags": self.weakest_tags,
            "due_reviews": self.due_now,
            "due_today": self.due_today,
            "notebook": self.notebook,
            "streak": self.streak,
            "study_days": self.study_days,
            "exams": [exam.to_json() for exam in self.exams],
            "by_type": {name: tally.to_json() for name, tally in self.by_type.items()},
            "coverage": {"seen": self.seen, "questions": self.pool},
        }


def compute_stats(user: str, answers: Iterable[AnswerRecord], notebook: Notebook,
                  now: datetime, levels: dict[str, dict[str, Any]] | None = None,
                  chart_days: int = CHART_DAYS, keys: Collection[str] | None = None,
                  exams: Iterable[dict[str, Any]] = ()) -> Stats:
    """Stats of ``answers`` (one trainee's), with the notebook's due counts at ``now``. With
    ``keys`` (the questions of the banks that are open), due counts cover only those, and
    coverage says how many of them have been answered."""
    total = Tally()
    by_type: dict[str, Tally] = {}
    seen: set[str] = set()
    by_tag: dict[str, Tally] = {}
    by_level: dict[str, Tally] = {}
    per_day: dict[date, Tally] = {}
    for record in answers:
        total.add(record.correct)
        seen.add(record.key)
        if record.type:
            by_type.setdefault(record.type, Tally()).add(record.correct)
        for tag in record.tags:
            by_tag.setdefault(tag, Tally()).add(record.correct)
        for level in record.levels:
            by_level.setdefault(level, Tally()).add(record.correct)
        per_day.setdefault(local_day(parse_stamp(record.at), now), Tally()).add(record.correct)
    today = now.date()
    chart = [(day, per_day.get(day, Tally()))
             for day in (today - timedelta(days=n) for n in range(chart_days - 1, -1, -1))]
    candidates = [tag for tag, tally in by_tag.items() if tally.answers >= WEAK_MIN_ANSWERS]
    weakest = sorted(candidates, key=lambda tag: (by_tag[tag].accuracy, -by_tag[tag].answers,
                                                  tag))[:WEAK_COUNT]
    return Stats(
        user=user, total=total,
        by_tag=dict(sorted(by_tag.items(), key=lambda kv: (-kv[1].answers, kv[0]))),
        by_level=dict(sorted(by_level.items())), by_day=chart,
        by_type=dict(sorted(by_type.items(), key=lambda kv: TYPE_ORDER.get(kv[0], 99))),
        seen=len(seen) if keys is None else sum(1 for key in seen if key in keys),
        pool=len(keys) if keys is not None else None, weakest_tags=weakest,
        streak=streak(set(per_day), today), study_days=len(per_day),
        due_now=len(notebook.due(now, keys)), due_today=len(notebook.due_today(now, keys)),
        notebook=len(notebook.all(keys)), levels=dict(levels or {}),
        exams=exam_history(exams))


def streak(days: set[date], today: date) -> int:
    """Consecutive study days up to today (or up to yesterday, if today has none yet)."""
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count
