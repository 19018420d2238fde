"""Fixed exam papers (试卷): a YAML file naming an exam's questions or quotas, time and pass mark.

A union hands the same paper to everyone::

    paper: {id: union-2025, title: 2025 年工会知识考试, time_limit: 30, pass: 0.6}
    questions: [s1, law/s2, j1]     # fixed questions: a question id, or bank/question
    quotas: {single: 20, judge: 10} # and/or drawn by type, the same draw for everyone (seed)
    seed: 2025

``time_limit`` is in minutes. With ``questions`` only, the paper asks exactly those, in that
order. With ``quotas``, the draw is seeded by ``seed`` (the paper's id when absent), so every
trainee gets the same questions. Read with the project's safe YAML reader; every problem is
reported with its position, all at once.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import Node

from quizhall.bank.model import TYPE_ALIASES
from quizhall.diagnostics import Diagnostic
from quizhall.i18n import t
from quizhall.practice.exam import DEFAULT_PASS, ExamSpec, ExamSpecError, draw
from quizhall.practice.library import Library, QuestionRef
from quizhall.yamlsource import NodeReader, compose, read_text

PAPER_KEYS = ("paper", "questions", "quotas", "seed")
INFO_KEYS = ("id", "title", "time_limit", "pass")


@dataclass(frozen=True, slots=True)
class Paper:
    """A named exam paper as read from its file (questions not yet looked up)."""

    id: str
    title: str
    questions: tuple[tuple[str, Node], ...] = ()  # as written, with where
    quotas: tuple[tuple[str, int], ...] = ()  # (a registered type's name, how many)
    time_limit: float | None = None  # seconds
    pass_ratio: float = DEFAULT_PASS
    seed: str = ""
    path: str = ""

    def spec(self) -> ExamSpec:
        """The exam rules: time and pass mark (the questions come from :meth:`questions_in`)."""
        return ExamSpec(time_limit=self.time_limit, pass_ratio=self.pass_ratio)

    def questions_in(self, library: Library) -> tuple[list[QuestionRef], list[Diagnostic]]:
        """The paper's questions in the loaded banks: the fixed ones, then the quotas drawn
        (seeded) from the rest; every question it names that is not loaded is reported."""
        reader = NodeReader(self.path)
        fixed: list[QuestionRef] = []
        for name, node in self.questions:
            found = _find(library, name)
            if found is None:
                reader.report(node, t("practice.paper_no_question", id=name))
            else:
                fixed.append(found)
        if reader.failed:
            return [], reader.diagnostics
        taken = {ref.key for ref in fixed}
        if self.quotas:
            rest = [ref for ref in library.refs if ref.key not in taken]
            try:
                fixed += draw(rest, ExamSpec(quotas=self.quotas),
                              random.Random(self.seed or self.id))
            except ExamSpecError as problem:
                return [], [Diagnostic(self.path, 0, 0, str(problem))]
        return fixed, []


def _find(library: Library, name: str) -> QuestionRef | None:
    if "/" in name:
        return library.get(name)
    return next((ref for ref in library.refs if ref.question.id == name), None)


def load_paper(path: Path) -> tuple[Paper | None, list[Diagnostic]]:
    """Read a paper file; None (with every problem) when it has an error."""
    display = str(path)
    text, problems = read_text(path, display)
    if text is None:
        return None, problems
    return parse_paper(text, display)


def parse_paper(text: str, display: str) -> tuple[Paper | None, list[Diagnostic]]:
    """Validate a paper's text."""
    root, problems = compose(text, display)
    if root is None:
        return None, problems or [Diagnostic(display, 0, 0, t("diag.empty_file"))]
    reader = NodeReader(display)
    top = reader.mapping(root, t("practice.a_paper"), PAPER_KEYS, required=("paper",))
    if top is None:
        return None, reader.diagnostics
    info = reader.mapping(top["paper"], "paper", INFO_KEYS, required=("id", "title")) \
        if "paper" in top else None
    paper_id = title = None
    minutes = None
    pass_ratio: float | None = DEFAULT_PASS
    if info is not None:
        paper_id = reader.text(info["id"], "id") if "id" in info else None
        title = reader.text(info["title"], "title") if "title" in info else None
        if "time_limit" in info:
            minutes = reader.positive(info["time_limit"], "time_limit")
        if "pass" in info:
            pass_ratio = reader.number(info["pass"], "pass")
            if pass_ratio is not None and not 0 < pass_ratio <= 1:
                reader.report(info["pass"], t("practice.bad_pass", value=pass_ratio))
    questions: list[tuple[str, Node]] = []
    if "questions" in top:
        for node in reader.sequence(top["questions"], "questions") or []:
            name = reader.text(node, "question")
            if name is not None:
                questions.append((name, node))
    quotas: list[tuple[str, int]] = []
    if "quotas" in top:
        for name, node in (reader.mapping(top["quotas"], "quotas") or {}).items():
            qtype = TYPE_ALIASES.get(name) or TYPE_ALIASES.get(name.lower())
            count = reader.integer(node, name, low=1)
            if qtype is None:
                reader.report(node, t("practice.bad_quota", part=name))
            elif count is not None:
                quotas.append((qtype, count))
    seed = reader.text(top["seed"], "seed") if "seed" in top else ""
    if "paper" in top and not questions and not quotas:
        reader.report(root, t("practice.paper_empty"))
    if reader.failed or paper_id is None or title is None:
        return None, reader.diagnostics
    return Paper(paper_id, title, tuple(questions), tuple(quotas),
                 None if minutes is None else float(minutes) * 60,
                 DEFAULT_PASS if pass_ratio is None else float(pass_ratio), seed or "",
                 display), reader.diagnostics
