"""Read exam papers (试卷) with their positions: a bank's ``papers:`` list, or a paper file.

In a bank, each entry of ``papers:`` holds every field of a paper::

    papers:
      - {id: union-2025, title: 2025 年工会知识考试, time_limit: 30, pass: 0.6,
         questions: [lc-001, lc-002], quotas: {single: 20, judge: 10}, seed: "2025"}

A paper file keeps the same fields, with the paper's name and rules in a ``paper:`` block::

    paper: {id: union-2025, title: 2025 年工会知识考试, time_limit: 30, pass: 0.6}
    questions: [s1, law/s2, j1]
    quotas: {single: 20, judge: 10}
    seed: 2025

``time_limit`` is in minutes. Both are read by :func:`read_paper`, so the two agree on every
rule; a bank's papers are further checked against its questions (:func:`read_bank_papers`).
Every problem is reported with its position, all at once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from yaml.nodes import Node

from quizhall.bank.model import DEFAULT_EXAM_PASS, Paper, Question
from quizhall.bank.qtypes.registry import lookup
from quizhall.diagnostics import Diagnostic
from quizhall.i18n import t
from quizhall.yamlsource import (
    NodeReader,
    compose,
    is_marked_file,
    node_position,
    read_text,
    suggest,
)

INFO_KEYS = ("id", "title", "time_limit", "pass")
BODY_KEYS = ("questions", "quotas", "seed")
PAPER_KEYS = INFO_KEYS + BODY_KEYS  # an entry of a bank's papers list
FILE_KEYS = ("paper",) + BODY_KEYS  # the top of a paper file
PAPER_SUFFIX = ".paper.yaml"  # a paper file beside banks is not read as one
_PAPER_MARK = re.compile(r"^paper\s*:", re.MULTILINE)


def is_paper_file(path: Path, text: str | None = None) -> bool:
    """True for ``*.paper.yaml`` files and YAML files with a top-level ``paper:`` key (no
    bank, contest or campaign file has one)."""
    return is_marked_file(path, PAPER_SUFFIX, _PAPER_MARK, text)


def read_paper(reader: NodeReader, info: dict[str, Node] | None, body: dict[str, Node],
               where: Node, bank: str = "") -> Paper | None:
    """A paper from its fields (``info``: id, title, time_limit, pass; ``body``: questions,
    quotas, seed); None when any is wrong (each problem reported). ``where`` is the node
    problems of the whole paper are reported at; ``bank`` the id of the bank holding it."""
    paper, ok = _draft(reader, info, body, where, bank)
    return paper if ok else None


def _draft(reader: NodeReader, info: dict[str, Node] | None, body: dict[str, Node],
           where: Node, bank: str) -> tuple[Paper, bool]:
    """The paper as far as it reads (what is wrong left out), and whether all of it did."""
    before = len(reader.diagnostics)
    info = info or {}
    paper_id = reader.text(info["id"], "id") if "id" in info else None
    title = reader.text(info["title"], "title") if "title" in info else None
    minutes = reader.positive(info["time_limit"], "time_limit") if "time_limit" in info else None
    pass_ratio: float = DEFAULT_EXAM_PASS
    if "pass" in info:
        value = reader.number(info["pass"], "pass")
        if value is not None and not 0 < value <= 1:
            reader.report(info["pass"], t("bank.paper_bad_pass", value=value))
        elif value is not None:
            pass_ratio = float(value)
    questions: list[str] = []
    positions: list[tuple[int, int]] = []
    if "questions" in body:
        for node in reader.sequence(body["questions"], "questions") or []:
            name = reader.text(node, "question")
            if name is not None and name in questions:
                reader.report(node, t("bank.paper_question_twice", id=name))
            elif name is not None:
                questions.append(name)
                positions.append(node_position(node))
    quotas: list[tuple[str, int]] = []
    if "quotas" in body:
        for name, node in (reader.mapping(body["quotas"], "quotas") or {}).items():
            qtype = lookup(name)
            count = reader.integer(node, name, low=1)
            if qtype is None:
                reader.report(node, t("bank.paper_bad_quota", type=name), t("bank.types_hint"))
            elif count is not None:
                quotas.append((qtype, count))
    seed = reader.text(body["seed"], "seed") if "seed" in body else ""
    if "questions" not in body and "quotas" not in body:
        reader.report(where, t("bank.paper_empty"))
    failed = any(d.severity == "error" for d in reader.diagnostics[before:])
    paper = Paper(paper_id or "", title or "", tuple(questions), tuple(quotas),
                  None if minutes is None else float(minutes) * 60, pass_ratio, seed or "",
                  bank, reader.path, tuple(positions))
    return paper, not failed and paper_id is not None and title is not None


def read_bank_papers(reader: NodeReader, node: Node, bank: str,
                     questions: Sequence[Question], check_quotas: bool) -> list[Paper]:
    """A bank's ``papers:`` list: each paper read as :func:`read_paper` does, its ids unique,
    the questions it names in the bank (``id`` or ``<this bank>/id``; another bank's
    ``bank/id`` is looked up when the paper is used) and each quota no larger than the bank's
    questions of that type beside the fixed ones (``check_quotas``: the questions all read)."""
    items = reader.sequence(node, "papers")
    if items is None:
        return []
    known = {q.id: q for q in questions}
    papers: list[Paper] = []
    seen: dict[str, int] = {}
    for item in items:
        fields = reader.mapping(item, t("bank.a_paper"), PAPER_KEYS, required=("id", "title"))
        if fields is None:
            continue
        paper, ok = _draft(reader, fields, fields, item, bank)
        fixed = _check_questions(reader, paper, fields, known, bank)
        if check_quotas:
            ok = _check_quotas(reader, paper, fields, questions, fixed) and ok
        raw_id = paper.id or _written(fields.get("id"))
        if raw_id is not None and raw_id in seen:
            reader.report(item, t("bank.duplicate_paper", id=raw_id, line=seen[raw_id]))
            continue
        if raw_id is not None:
            seen[raw_id] = item.start_mark.line + 1
        if ok and len(fixed) == len(paper.questions):
            papers.append(paper)
    return papers


def _written(node: Node | None) -> str | None:
    value = getattr(node, "value", None)
    return value if isinstance(value, str) and value.strip() else None


def _check_questions(reader: NodeReader, paper: Paper, fields: dict[str, Node],
                     known: dict[str, Question], bank: str) -> set[str]:
    """Report the paper's questions missing from its bank; those found (their ids in this
    bank, other banks' questions as written)."""
    nodes = getattr(fields.get("questions"), "value", [])
    written = {node_position(node): node for node in nodes}
    found: set[str] = set()
    for name, position in zip(paper.questions, paper.positions, strict=True):
        owner, _, qid = name.rpartition("/")
        if owner and owner != bank:
            found.add(name)  # another bank's question: looked up when the paper is used
        elif qid in known:
            found.add(qid)
        else:
            reader.report(written[position], t("bank.paper_unknown_question", id=name),
                          suggest(qid, known))
    return found


def _check_quotas(reader: NodeReader, paper: Paper, fields: dict[str, Node],
                  questions: Sequence[Question], fixed: set[str]) -> bool:
    """Report each quota larger than the bank's questions of its type beside the fixed ones;
    whether none is."""
    ok = True
    quota_nodes = dict(getattr(fields.get("quotas"), "value", []))
    by_name = {lookup(getattr(k, "value", "")): v for k, v in quota_nodes.items()}
    for qtype, wanted in paper.quotas:
        have = sum(1 for q in questions if q.type == qtype and q.id not in fixed)
        if wanted > have:
            reader.report(by_name.get(qtype, fields["quotas"]),
                          t("bank.paper_quota_over", type=t(f"bank.type_{qtype}"),
                            wanted=wanted, have=have))
            ok = False
    return ok


def load_paper(path: Path) -> tuple[Paper | None, list[Diagnostic]]:
    """Read a paper file; None (with every problem) when it has an error."""
    display = str(path)
    text, problems = read_text(path, display)
    if text is None:
        return None, problems
    return parse_paper(text, display)


def parse_paper(text: str, display: str) -> tuple[Paper | None, list[Diagnostic]]:
    """Validate a paper file's text."""
    root, problems = compose(text, display)
    if root is None:
        return None, problems or [Diagnostic(display, 0, 0, t("diag.empty_file"))]
    reader = NodeReader(display)
    top = reader.mapping(root, t("bank.a_paper_file"), FILE_KEYS, required=("paper",))
    if top is None:
        return None, reader.diagnostics
    info = (reader.mapping(top["paper"], "paper", INFO_KEYS, required=("id", "title"))
            if "paper" in top else None)
    paper = read_paper(reader, info, top, root)
    if reader.failed:
        return None, reader.diagnostics
    return paper, reader.diagnostics
