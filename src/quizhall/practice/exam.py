"""模拟考试: N questions drawn by type quotas (or a fixed paper), a time limit, a pass mark.

An exam is answered like a paper one, through its answer sheet (答题卡): any question can be
opened, skipped, flagged and answered again until the trainee hands in (or the time runs out,
which hands in by itself). No feedback is given until then, and nothing reaches the history,
the stats or the notebook before hand-in: the answers live in the exam's own state in the
``exams`` table, saved after every change, so an exam closed mid-way resumes where it stopped
with the same questions, options, answers and flags. Time is counted while the exam is open:
the clock stops when the trainee leaves and starts again on resume. An unfinished exam can
instead be abandoned: it is kept as ``abandoned``, never scored as a failure.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from quizhall.bank.model import TYPE_ALIASES, Grade
from quizhall.bank.qtypes import type_names
from quizhall.i18n import t
from quizhall.practice.answering import Answer, Presented, present
from quizhall.practice.calendar_clock import parse_stamp, stamp
from quizhall.practice.library import QuestionRef
from quizhall.practice.session import Session, SessionError, SessionResult
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
    quotas: tuple[tuple[str, int], ...] = ()  # (a registered type's name, how many)
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
        return {"count": self.count, "quotas": [[str(qt), n] for qt, n in self.quotas],
                "time_limit": self.time_limit, "pass_ratio": self.pass_ratio}

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> ExamSpec:
        return cls(doc.get("count"), tuple((str(k), int(n)) for k, n in doc["quotas"]),
                   doc.get("time_limit"), float(doc.get("pass_ratio", DEFAULT_PASS)))


def parse_quotas(text: str) -> tuple[tuple[str, int], ...]:
    """``single=20,multiple=10,judge=10`` (Chinese type names too: ``单选=20``)."""
    quotas: dict[str, int] = {}
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
        of_type = [ref for ref in refs if ref.question.type == qtype]
        if len(of_type) < wanted:
            raise ExamSpecError(t("practice.too_few_of_type", type=t(f"bank.type_{qtype}"),
                                  wanted=wanted, have=len(of_type)))
        chosen.extend(rng.sample(of_type, wanted))
    taken = {ref.key for ref in chosen}
    rest = [ref for ref in refs if ref.key not in taken]
    chosen.extend(rng.sample(rest, count - len(chosen)))
    rank = {name: i for i, name in enumerate(type_names())}  # the built-ins first, in order
    return sorted(chosen, key=lambda ref: rank[ref.question.type])  # stable: keeps draw order


@dataclass(frozen=True, slots=True)
class SheetAnswer:
    """An answer on the sheet, not yet handed in: what was given and what it earned."""

    answer: Answer
    at: datetime


class ExamSession(Session):
    """A mock exam in progress (or resumed): questions on an answer sheet, handed in at once."""

    mode = "exam"
    feedback = False

    def __init__(self, trainee: Trainee, items: Sequence[Presented], spec: ExamSpec,
                 rng: random.Random, exam_id: str | None = None, started: str | None = None,
                 used_seconds: float = 0.0, paper: str = "", title: str = "") -> None:
        super().__init__(trainee, rng)
        if exam_id:
            self.id = exam_id
        self.items = list(items)
        self.spec = spec
        self.paper = paper
        self.title = title
        self.started = started or stamp(trainee.clock())
        self.time_limit = spec.time_limit or SECONDS_PER_QUESTION * len(self.items)
        self.used_before = used_seconds
        self.segment_start = trainee.clock()
        self.sheet: dict[int, SheetAnswer] = {}
        self.spent: dict[int, float] = {}  # seconds each question has been on screen
        self.flags: set[int] = set()
        self.index = 0
        self.finished_at: datetime | None = None
        self.abandoned = False

    @classmethod
    def new(cls, trainee: Trainee, refs: Sequence[QuestionRef], spec: ExamSpec,
            rng: random.Random, paper: str = "", title: str = "") -> ExamSession:
        """Draw a new exam from ``refs`` and save it; for a fixed paper (``paper`` names it),
        ``refs`` are its questions, asked as they are."""
        chosen = list(refs) if paper else draw(refs, spec, rng)
        items = [present(ref, rng) for ref in chosen]
        exam = cls(trainee, items, spec, rng, paper=paper, title=title)
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
        exam = cls(trainee, items, ExamSpec.from_doc(state["spec"]), rng, exam_id=state["id"],
                   started=state["started"], used_seconds=float(state["used_seconds"]),
                   paper=str(state.get("paper", "")), title=str(state.get("title", "")))
        saved = state["answers"]
        # Exams saved before the answer sheet kept their answers as a list, in order.
        pairs = saved.items() if isinstance(saved, dict) else enumerate(saved)
        for index, done in pairs:
            i = int(index)
            grade = Grade(bool(done["correct"]), float(done["credit"]))
            exam.sheet[i] = SheetAnswer(Answer(done["given"], grade), parse_stamp(done["at"]))
            exam.spent[i] = float(done.get("seconds", 0.0))
        exam.flags = {int(i) for i in state.get("flags", [])}
        first_empty = next((i for i in range(len(items)) if i not in exam.sheet), 0)
        exam.index = int(state.get("index", first_empty))
        return exam

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
        """Hand the exam in if its time is up; True when it has ended."""
        if not self.ended and self.remaining() <= 0:
            self.end()
        return self.ended

    # -- the answer sheet ------------------------------------------------------------------

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def position(self) -> int:
        return self.index + 1

    @property
    def unanswered(self) -> int:
        """How many questions have no answer on the sheet."""
        return len(self.items) - len(self.sheet)

    def status(self, index: int) -> str:
        """``answered`` or ``empty``, for the sheet (flags are shown beside it)."""
        return "answered" if index in self.sheet else "empty"

    def given(self, index: int) -> Any:
        """The answer on the sheet for a question (original letters), or None."""
        found = self.sheet.get(index)
        return None if found is None else found.answer.given

    def start(self) -> Presented | None:
        if self.ended or not self.items:
            return None
        return self.goto(self.index)

    def goto(self, index: int) -> Presented:
        """Open question ``index`` (0-based) of the sheet."""
        if self.ended:
            raise SessionError("the exam has been handed in")
        self._note_time()
        self.index = max(0, min(index, len(self.items) - 1))
        self._show(self.items[self.index])
        self.save()
        return self.items[self.index]

    def advance(self) -> Presented | None:
        """The next question on the sheet; None after the last one (the screen then shows the
        sheet, to hand in or go back)."""
        if self.ended:
            return None
        if self.index + 1 >= len(self.items):
            return None
        return self.goto(self.index + 1)

    def back(self) -> Presented | None:
        """The previous question; None on the first."""
        if self.ended or self.index == 0:
            return None
        return self.goto(self.index - 1)

    def toggle_flag(self) -> bool:
        """Flag the open question to come back to (or unflag it); True when now flagged."""
        self.flags ^= {self.index}
        self.save()
        return self.index in self.flags

    def submit(self, raw: str | list[str], judged: bool | None = None) -> Outcome:
        """Put an answer on the sheet for the open question (replacing any earlier one)."""
        if self.check_time():
            raise ExamTimeUp()
        if self.current is None:
            raise SessionError("no question is open")
        answer = self.current.read(raw, judged)
        self._note_time()
        self.sheet[self.index] = SheetAnswer(answer, self.trainee.clock())
        self.save()
        return self._outcome(self.index)

    def _note_time(self) -> None:
        if self.shown_at is not None and self.current is not None:
            now = self.trainee.clock()
            seconds = max(0.0, (now - self.shown_at).total_seconds())
            self.spent[self.index] = self.spent.get(self.index, 0.0) + seconds
            self.shown_at = now

    def _outcome(self, index: int) -> Outcome:
        found = self.sheet[index]
        grade = found.answer.grade
        return Outcome(self.items[index], found.answer.given, bool(grade.correct), grade.credit,
                       round(self.spent.get(index, 0.0), 3), found.at)

    @property
    def outcomes(self) -> list[Outcome]:
        """The answers on the sheet, in question order."""
        return [self._outcome(i) for i in sorted(self.sheet)]

    @outcomes.setter
    def outcomes(self, value: list[Outcome]) -> None:
        return None  # Session.__init__ sets an empty list; the sheet is the record here

    # -- session hooks ---------------------------------------------------------------------

    def _next_ref(self) -> QuestionRef | None:
        return None

    def hand_in(self) -> None:
        """Hand the exam in: score it, and only now record its answers and fill the notebook."""
        self.end()

    def _on_end(self) -> None:
        self._note_time()
        self.finished_at = min(self.trainee.clock(), self._deadline())
        for index in sorted(self.sheet):
            outcome = self._outcome(index)
            self.trainee.record(outcome.presented, self.sheet[index].answer, outcome.seconds,
                                self.mode, self.id, at=outcome.at)
        self.save()
        if self.paper and self.result().passed:
            self.trainee.passed(f"paper:{self.paper}", 0, self.finished_at)

    def _on_leave(self) -> None:
        self._note_time()
        self.save()

    def abandon(self) -> None:
        """Give the exam up: kept as abandoned, not scored, nothing recorded."""
        self.abandoned = True
        self.leave()

    def _deadline(self) -> datetime:
        return self.segment_start + timedelta(seconds=self.time_limit - self.used_before)

    # -- state -----------------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        """The exam as saved in the ``exams`` table."""
        status = ("finished" if self.finished_at else
                  "abandoned" if self.abandoned else "running")
        doc: dict[str, Any] = {
            "id": self.id, "status": status, "started": self.started,
            "spec": self.spec.to_doc(), "paper": self.paper, "title": self.title,
            "used_seconds": round(self.used(), 3), "index": self.index,
            "flags": sorted(self.flags),
            "items": [{"key": p.ref.key, "order": list(p.order)} for p in self.items],
            "answers": {str(i): {"given": a.answer.given, "correct": bool(a.answer.grade.correct),
                                 "credit": a.answer.grade.credit,
                                 "seconds": round(self.spent.get(i, 0.0), 3),
                                 "at": stamp(a.at)} for i, a in sorted(self.sheet.items())},
        }
        if self.finished_at is not None:
            result = self.result()
            doc.update(finished=stamp(self.finished_at), score=result.score,
                       max_score=result.max_score, passed=result.passed,
                       planned=result.planned, answered=result.answered,
                       correct=result.correct)
        return doc

    def save(self) -> None:
        self.trainee.history.save_exam(self.trainee.user, self.state())

    def result(self) -> SessionResult:
        """Points earned over points possible; unanswered questions count as wrong."""
        outcomes = self.outcomes
        score = sum(o.credit * o.ref.points for o in outcomes)
        max_score = sum(p.ref.points for p in self.items)
        end = self.finished_at or self.trainee.clock()
        missed = tuple(Outcome(p, None, False, 0.0, 0.0, end)
                       for i, p in enumerate(self.items) if i not in self.sheet)
        ratio = score / max_score if max_score else 0.0
        return SessionResult(
            mode=self.mode, planned=len(self.items), answered=len(outcomes),
            correct=sum(o.correct for o in outcomes), score=score, max_score=max_score,
            wrong=tuple(o for o in outcomes if not o.correct) + missed,
            seconds=self.used(), passed=ratio + 1e-9 >= self.spec.pass_ratio)
