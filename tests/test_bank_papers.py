"""Papers (试卷) inside a bank: read with it, each problem with its position, written back."""

from pathlib import Path

from quizhall.bank.dump import dump_bank
from quizhall.bank.loader import load_bank, parse_bank
from quizhall.bank.model import QuestionType
from quizhall.cli import main
from quizhall.exporters import exporters

QUESTIONS = """\
questions:
  - {id: s1, type: single, stem: S1, options: [a, b], answer: A}
  - {id: s2, type: single, stem: S2, options: [a, b], answer: B}
  - {id: j1, type: judge, stem: J1, answer: 对}
  - {id: j2, type: judge, stem: J2, answer: 错}
"""

GOOD = """\
bank: {id: law, title: 劳动法}
papers:
  - id: mid
    title: 期中卷
    time_limit: 10
    pass: 0.8
    questions: [s1, law/j1, other/x]
    quotas: {单选: 1}
    seed: "2025"
  - {id: quick, title: 快速卷, quotas: {judge: 2}}
""" + QUESTIONS

BAD = """\
bank: {id: law, title: 劳动法}
papers:
  - id: mid
    title: 期中卷
    time_limit: -3
    pass: 2
    minutes: 3
    questions: [s1, nope, s1]
    quotas: {single: 5, essay: 1, judge: 0}
  - {id: mid, title: 又一张, questions: [j1]}
  - {id: empty, title: 空卷}
""" + QUESTIONS


def test_a_bank_paper_keeps_its_questions_quotas_time_pass_and_seed():
    bank, problems = parse_bank(GOOD, "law.yaml")
    assert problems == [] and bank is not None
    mid, quick = bank.papers
    assert (mid.key, mid.title, mid.time_limit, mid.pass_ratio, mid.seed) == \
        ("law/mid", "期中卷", 600.0, 0.8, "2025")
    assert mid.questions == ("s1", "law/j1", "other/x")
    assert mid.quotas == ((QuestionType.SINGLE, 1),) and mid.size == 4
    assert (quick.time_limit, quick.pass_ratio, quick.size) == (None, 0.6, 2)
    assert mid.positions[1] == (7, 21)  # where law/j1 is written


def test_every_paper_problem_is_reported_with_its_position_all_at_once():
    bank, problems = parse_bank(BAD, "law.yaml")
    assert bank is None
    found = {(d.line, d.column): d.message for d in problems}
    assert all(d.path == "law.yaml" and d.severity == "error" for d in problems)
    expected = {
        (5, 17): "time_limit",            # a time that is not positive
        (6, 11): "pass",                  # a pass mark above 1
        (7, 5): "minutes",                # an unknown key
        (8, 21): "nope",                  # a question the bank does not have
        (8, 27): "s1",                    # a question listed twice
        (9, 22): "5",                     # more single questions than the bank has
        (9, 32): "essay",                 # an unknown question type
        (9, 42): "judge",                 # a quota of 0
        (10, 5): "mid",                   # a duplicate paper id
        (11, 5): "questions or quotas",   # a paper asking nothing
    }
    assert set(found) == set(expected), found
    for position, word in expected.items():
        assert word in found[position], (position, found[position])


def test_a_quota_counts_the_questions_beside_the_fixed_ones():
    text = GOOD.replace("quotas: {judge: 2}", "questions: [j1], quotas: {judge: 2}")
    bank, problems = parse_bank(text, "law.yaml")
    [problem] = problems
    assert bank is None and (problem.line, problem.column) == (10, 62)  # at the quota
    assert "1" in problem.message and "2" in problem.message


def test_check_reports_paper_errors(tmp_path, capsys):
    path = tmp_path / "law.yaml"
    path.write_text(BAD, encoding="utf-8")
    assert main(["--lang", "en", "check", str(path)]) == 1
    out = capsys.readouterr()
    text = out.out + out.err
    assert f"{path}:8:21:" in text and "nope" in text
    assert f"{path}:10:5:" in text and "duplicate paper id mid" in text


def test_papers_survive_dump_and_the_yaml_exporter(tmp_path: Path):
    bank, _ = parse_bank(GOOD, "law.yaml")
    again, problems = parse_bank(dump_bank(bank), "again.yaml")
    assert problems == [] and again.papers == bank.papers
    path = tmp_path / "exported.yaml"
    exporters("bank")["yaml"].write(bank, path, {})
    [exported] = load_bank(path, use_cache=False).banks
    assert exported.papers == bank.papers
    text = path.read_text(encoding="utf-8")
    assert "papers:" in text and "quotas: {single: 1}" in text and "time_limit: 10" in text


def test_check_counts_each_papers_questions(tmp_path, capsys):
    import json

    path = tmp_path / "law.yaml"
    path.write_text(GOOD, encoding="utf-8")
    assert main(["check", "--json", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["by_paper"] == {"law/mid": 4, "law/quick": 2}
