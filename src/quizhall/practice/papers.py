"""Fixed exam papers (试卷) as exams: a paper's questions in the loaded banks, and its rules.

A paper (:class:`quizhall.bank.model.Paper`) comes from a bank's ``papers:`` list or from a
paper file of its own (both read by :mod:`quizhall.bank.papers`). Its fixed questions come
first, in the order written; its quotas are then drawn, seeded by the paper's seed (its id when
absent), from its bank's other questions (every loaded bank's, for a paper file), so every
trainee gets the same paper.
"""

from __future__ import annotations

import random

from quizhall.bank.model import Paper
from quizhall.diagnostics import Diagnostic
from quizhall.i18n import t
from quizhall.practice.exam import ExamSpec, ExamSpecError, draw
from quizhall.practice.library import Library, QuestionRef


def paper_spec(paper: Paper) -> ExamSpec:
    """The exam rules of a paper: its time and pass mark (the questions are
    :func:`paper_questions`)."""
    return ExamSpec(time_limit=paper.time_limit, pass_ratio=paper.pass_ratio)


def paper_questions(paper: Paper, library: Library) -> tuple[list[QuestionRef],
                                                             list[Diagnostic]]:
    """The paper's questions in the loaded banks: the fixed ones, then the quotas drawn
    (seeded); every question it names that is not loaded is reported where it is written."""
    fixed: list[QuestionRef] = []
    problems: list[Diagnostic] = []
    for name, (line, column) in zip(paper.questions, paper.positions or
                                    [(0, 0)] * len(paper.questions), strict=True):
        found = _find(library, paper, name)
        if found is None:
            problems.append(Diagnostic(paper.path, line, column,
                                       t("practice.paper_no_question", id=name)))
        else:
            fixed.append(found)
    if problems:
        return [], problems
    if paper.quotas:
        taken = {ref.key for ref in fixed}
        rest = [ref for ref in library.refs if ref.key not in taken
                and (not paper.bank or ref.bank.info.id == paper.bank)]
        try:
            fixed += draw(rest, ExamSpec(quotas=paper.quotas),
                          random.Random(paper.seed or paper.id))
        except ExamSpecError as problem:
            return [], [Diagnostic(paper.path, 0, 0, str(problem))]
    return fixed, []


def _find(library: Library, paper: Paper, name: str) -> QuestionRef | None:
    if "/" in name:
        return library.get(name)
    if paper.bank:
        return library.get(f"{paper.bank}/{name}")
    return next((ref for ref in library.refs if ref.question.id == name), None)
