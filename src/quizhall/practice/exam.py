"""模拟考试: N questions drawn by type quotas, a time limit, a pass mark, results at the end.

No feedback is given until the exam ends (all answered, time up, or handed in). The exam's
state (questions, the order their options are shown in, answers so far, time used) is saved in
the ``exams`` table after every answer, so an exam closed mid-way resumes where it stopped with
the same questions and options. Time is counted while the exam is open: the clock stops when the
trainee leaves and starts again on resume.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from quizhall.bank.model import TYPE_ALIASES, QuestionType
from quizhall.i18n import t
from quizhall.practice.answering import Presented, present
from quizhall.practice.clock import parse_stamp, stamp
from quizhall.practice.library import QuestionRef
from quizhall.practice.session import Session, SessionResult
from quizhall.practice.trainee import Outcome, Trainee

DEFAULT_COUNT = 20
DEFAULT_PASS = 0.6
# Without --time-limit, an exam allows this many seconds per question.
SECONDS_PER_QUESTION = 60.0


class ExamSpecError(ValueError):
    """The exam cannot be drawn as asked; the message says why, in the trainee's language."""


class ExamResumeError(ValueError):
    """A saved exam cannot be resumed (its questions are no longer in the loaded banks)."""


class ExamTimeUp(RuntimeError):
    """An answer came after the time limit; the exam has ended."""


@dataclass(frozen=True, slots=True)
class ExamSpec:
    """How to draw and run a mock exam. ``time_limit`` is in seconds (None: by count)."""

    count: int | None = None
    quotas: tuple[tuple[QuestionType, int], ...] = ()
    time_limit: float | None = None
    pass_ratio: float = DEFAULT_PASS

    def planned(self, available: int) -> int:
        """How many questions the exam asks when ``available`` questions are loaded."""
        if self.count is not None:
            return self.count
        return sum(n for _, n in self.quotas) or min(DEFAULT_COUNT, available)

    def seconds(self, available: int) -> float:
        """The time limit in seconds (one minute per question unless set)."""
        return self.time_limit or SECONDS_PER_QUESTION * self.planned(available)

    def to_doc(self) -> dict[str, Any]:
        return {"count": self.count, "quotas": [[qt.value, n] for qt, n in self.quotas],
                "time_limit": self.time_limit, "pass_ratio": self.pass_ratio}

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> ExamSpec:
        return cls(doc.get("count"), tuple((QuestionType(k), int(n)) for k, n in doc["quotas"]),
                   doc.get("time_limit"), float(doc.get("pass_ratio", DEFAULT_PASS)))


def parse_quotas(text: str) -> tuple[tuple[QuestionType, int], ...]:
    """``single=20,multiple=10,judge=10`` (Chinese type names too: ``单选=20``)."""
    quotas: dict[QuestionType, int] = {}
    for part in text.replace("，", ",").split(","):
        if not part.strip():
            continue
        name, sep, number = part.partition("=")
        qtype = TYPE_ALIASES.get(name.strip()) or TYPE_ALIASES.get(name.strip().lower())
        if not sep or qtype is None or not number.strip().isdecimal() or int(number) < 1:
            raise ExamSpecError(t("practice.bad_quota", part=part.strip()))
        quotas[qtype] = quotas.get(qtype, 0) + int(number)
    if not quotas:
        raise ExamSpecError(t("practice.bad_quota", part=text))
    return tuple(quotas.items())


def draw(refs: Sequence[QuestionRef], spec: ExamSpec, rng: random.Random) -> list[QuestionRef]:
    """The exam's questions: each type's quota at random, the rest from any type; grouped by
    type in the usual exam order (single, multiple, judge, …)."""
    quota_total = sum(n for _, n in spec.quotas)
    count = spec.planned(len(refs))
    if count < quota_total:
        raise ExamSpecError(t("practice.quota_over_count", quotas=quota_total, count=count))
    if count < 1 or count > len(refs):
        raise ExamSpecError(t("practice.too_few_questions", wanted=count, have=len(refs)))
    chosen: list[QuestionRef] = []
    for qtype, wanted in spec.quotas:
        of_type = [ref for ref in refs if ref.question.type is qtype]
        if len(of_type) < wanted:
            raise ExamSpecError(t("practice.too_few_of_type", type=t(f"bank.type_{qtype.value}"),
                                  wanted=wanted, have=len(of_type)))
        chosen.extend(rng.sample(of_type, wanted))
    taken = {ref.key for ref in chosen}
    rest = [ref for ref in refs if ref.key not in taken]
    chosen.extend(rng.sample(rest, count - len(chosen)))
    rank = {qt: i for i, qt in enumerate(QuestionType)}
    return sorted(chosen, key=lambda ref: rank[ref.question.type])  # stable: keeps draw order


class ExamSession(Session):
    """A mock exam in progress (or resumed)."""

    mode = "exam"
    feedback = False

    def __init__(self, trainee: Trainee, items: Sequence[Presented], spec: ExamSpec,
                 rng: random.Random, exam_id: str | None = None, started: str | None = None,
                 used_seconds: float = 0.0, outcomes: Sequence[Outcome] = ()) -> None:
        super().__init__(trainee, rng)
        if exam_id:
            self.id = exam_id
        self.items = list(items)
        self.spec = spec
        self.started = started or stamp(trainee.clock())
        self.time_limit = spec.time_limit or SECONDS_PER_QUESTION * len(self.items)
        self.used_before = used_seconds
        self.segment_start = trainee.clock()
        self.outcomes = list(outcomes)
        self.finished_at: datetime | None = None

    @classmethod
    def new(cls, trainee: Trainee, refs: Sequence[QuestionRef], spec: ExamSpec,
            rng: random.Random) -> ExamSession:
        """Draw a new exam and save it."""
        items = [present(ref, rng) for ref in draw(refs, spec, rng)]
        exam = cls(trainee, items, spec, rng)
        exam.save()
        return exam

    @classmethod
    def resume(cls, trainee: Trainee, state: dict[str, Any], rng: random.Random) -> ExamSession:
        """Rebuild a saved exam; raises ExamResumeError if a question is no longer loaded."""
        items: list[Presented] = []
        for item in state["items"]:
            ref = trainee.library.get(item["key"])
            if ref is None:
                raise ExamResumeError(t("practice.exam_missing", key=item["key"]))
            items.append(Presented(ref, tuple(item["order"])))
        outcomes = [
            Outcome(items[i], done["given"], bool(done["correct"]), float(done["credit"]),
                    float(done["seconds"]), parse_stamp(done["at"]))
            for i, done in enumerate(state["answers"])]
        return cls(trainee, items, ExamSpec.from_doc(state["spec"]), rng, exam_id=state["id"],
                   started=state["started"], used_seconds=float(state["used_seconds"]),
                   outcomes=outcomes)

    # -- time ------------------------------------------------------------------------------

    def used(self, now: datetime | None = None) -> float:
        """Seconds of exam time used so far."""
        now = now or self.trainee.clock()
        if self.finished_at is not None:
            now = self.finished_at
        return self.used_before + max(0.0, (now - self.segment_start).total_seconds())

    def remaining(self, now: datetime | None = None) -> float:
        """Seconds left (never below zero)."""
        return max(0.0, self.time_limit - self.used(now))

    def check_time(self) -> bool:
        """End the exam if its time is up; True when it has ended."""
        if not self.ended and self.remaining() <= 0:
            self.end()
        return self.ended

    # -- session hooks ---------------------------------------------------------------------

    @property
    def total(self) -> int:
        return len(self.items)

    def _next_ref(self) -> QuestionRef | None:
        index = len(self.outcomes)
        return self.items[index].ref if index < len(self.items) else None

    def _present(self, ref: QuestionRef) -> Presented:
        return self.items[len(self.outcomes)]

    def submit(self, raw: str | list[str], judged: bool | None = None) -> Outcome:
        if self.check_time():
            raise ExamTimeUp()
        return super().submit(raw, judged)

    def _after_answer(self, outcome: Outcome) -> None:
        self.save()
        if len(self.outcomes) >= len(self.items):
            self.end()

    def _on_end(self) -> None:
        self.finished_at = min(self.trainee.clock(), self._deadline())
        self.save()

    def _on_leave(self) -> None:
        self.save()

    def _deadline(self) -> datetime:
        return self.segment_start + timedelta(seconds=self.time_limit - self.used_before)

    # -- state -----------------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        """The exam as saved in the ``exams`` table."""
        doc: dict[str, Any] = {
            "id": self.id, "status": "finished" if self.finished_at else "running",
            "started": self.started, "spec": self.spec.to_doc(),
            "used_seconds": round(self.used(), 3),
            "items": [{"key": p.ref.key, "order": list(p.order)} for p in self.items],
            "answers": [{"given": o.given, "correct": o.correct, "credit": o.credit,
                         "seconds": o.seconds, "at": stamp(o.at)} for o in self.outcomes],
        }
        if self.finished_at is not None:
            result = self.result()
            doc.update(finished=stamp(self.finished_at), score=result.score,
                       max_score=result.max_score, passed=result.passed)
        return doc

    def save(self) -> None:
        self.trainee.history.save_exam(self.trainee.user, self.state())

    def result(self) -> SessionResult:
        """Points earned over points possible; unanswered questions count as wrong."""
        answered = len(self.outcomes)
        score = sum(o.credit * o.ref.points for o in self.outcomes)
        max_score = sum(p.ref.points for p in self.items)
        end = self.finished_at or self.trainee.clock()
        missed = tuple(Outcome(p, None, False, 0.0, 0.0, end) for p in self.items[answered:])
        ratio = score / max_score if max_score else 0.0
        return SessionResult(
            mode=self.mode, planned=len(self.items), answered=answered,
            correct=sum(o.correct for o in self.outcomes), score=score, max_score=max_score,
            wrong=tuple(o for o in self.outcomes if not o.correct) + missed,
            seconds=self.used(), passed=ratio + 1e-9 >= self.spec.pass_ratio)
