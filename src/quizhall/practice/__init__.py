"""Self-test for trainees: practice, mock exams, 闯关 levels, the mistake notebook, stats.

Pure Python (no Textual): sessions are driven by a screen or a test alike, with an injected
clock (:mod:`quizhall.practice.calendar_clock`) and random source. History lives in TinyDB documents
(:mod:`quizhall.practice.history`).
"""

from quizhall.practice.answering import Answer, AnswerInputError, Presented, present
from quizhall.practice.calendar_clock import Clock, ManualClock, system_clock
from quizhall.practice.exam import ExamSession, ExamSpec, ExamSpecError, parse_quotas
from quizhall.practice.history import AnswerRecord, History
from quizhall.practice.levels import LevelSession, LevelStatus, level_map, stars_for
from quizhall.practice.library import Filter, Library, QuestionRef, question_key
from quizhall.practice.notebook import Notebook
from quizhall.practice.pace import deserved_seconds, rating_for
from quizhall.practice.session import (
    Order,
    PracticeSession,
    ReviewSession,
    Session,
    SessionResult,
)
from quizhall.practice.stats import Stats, compute_stats
from quizhall.practice.trainee import Outcome, Trainee

__all__ = [
    "Answer", "AnswerInputError", "AnswerRecord", "Clock", "ExamSession", "ExamSpec",
    "ExamSpecError", "Filter", "History", "LevelSession", "LevelStatus", "Library",
    "ManualClock", "Notebook", "Order", "Outcome", "PracticeSession", "Presented",
    "QuestionRef", "ReviewSession", "Session", "SessionResult", "Stats", "Trainee",
    "compute_stats", "deserved_seconds", "level_map", "parse_quotas", "present",
    "question_key", "rating_for", "stars_for", "system_clock",
]
