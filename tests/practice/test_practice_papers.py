"""Fixed exam papers (试卷): the same questions for everyone, read with their positions."""

import random

from quizhall.bank.papers import parse_paper
from quizhall.practice import ExamSession, Library, Trainee
from quizhall.practice.papers import paper_questions, paper_spec

PAPER = """\
paper: {id: union-2025, title: 2025 年工会知识考试, time_limit: 5, pass: 0.8}
questions: [j1, law/s2]
quotas: {判断: 1, single: 1}
"""


def test_a_paper_asks_its_questions_then_the_same_draw_for_everyone(library, history, clock):
    paper, problems = parse_paper(PAPER, "paper.yaml")
    assert problems == [] and paper is not None
    assert (paper.time_limit, paper.pass_ratio) == (300.0, 0.8)
    draws = []
    for user in ("ann", "bob"):
        refs, problems = paper_questions(paper, library)
        assert problems == []
        exam = ExamSession.new(Trainee(history, user, library, clock), refs, paper_spec(paper),
                               random.Random(user), paper=paper.id, title=paper.title)
        draws.append([p.ref.key for p in exam.items])
        assert exam.time_limit == 300.0
    assert draws[0] == draws[1]
    assert draws[0][:2] == ["law/j1", "law/s2"] and len(draws[0]) == 4
    [saved, _] = history.exams("ann") + history.exams("bob")
    assert (saved["paper"], saved["title"]) == ("union-2025", "2025 年工会知识考试")


def test_every_problem_in_a_paper_is_reported_with_its_position():
    text = ("paper: {id: p, title: P, pass: 2, minutes: 3}\n"
            "quotas: {essay: 2, single: 0}\n")
    paper, problems = parse_paper(text, "paper.yaml")
    assert paper is None
    found = {(d.line, d.message.split(":")[0]) for d in problems}
    assert len(problems) >= 3
    assert all(d.path == "paper.yaml" and d.line in (1, 2) for d in problems)
    assert any("minutes" in d.message for d in problems), found


def test_a_paper_question_not_in_the_banks_is_named_where_it_is_written(library):
    paper, _ = parse_paper("paper: {id: p, title: P}\nquestions:\n  - s1\n  - nope\n",
                           "paper.yaml")
    refs, problems = paper_questions(paper, library)
    assert refs == []
    [problem] = problems
    assert (problem.line, problem.column) == (4, 5) and "nope" in problem.message


def test_a_paper_on_other_banks_asks_nothing(bank):
    paper, _ = parse_paper("paper: {id: p, title: P}\nquestions: [law/s1]\n", "p.yaml")
    assert paper_questions(paper, Library([]))[0] == []
