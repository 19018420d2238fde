"""The sample banks in question_banks/ load cleanly, hold every type, and survive a round trip."""

import dataclasses

import pytest

from quizhall.bank.dump import dump_bank
from quizhall.bank.loader import is_bank_file, load_bank, parse_bank
from quizhall.bank.model import QuestionType
from quizhall.cli import main
from quizhall.samples import sample_banks_dir

SAMPLES = sorted(p for p in sample_banks_dir().iterdir() if p.is_file() and is_bank_file(p))
NAMES = [p.name for p in SAMPLES]


def test_the_expected_samples_are_there():
    assert {"labour-law.zh.yaml", "general-knowledge.en.yaml"} <= set(NAMES)


@pytest.mark.parametrize("path", SAMPLES, ids=NAMES)
def test_sample_loads_without_errors_or_warnings(path):
    result = load_bank(path, use_cache=False)
    assert [d.format() for d in result.diagnostics] == []
    assert len(result.banks) == 1


@pytest.mark.parametrize("path", SAMPLES, ids=NAMES)
def test_sample_has_every_type(path):
    bank = load_bank(path).banks[0]
    assert {q.type for q in bank.questions} == set(QuestionType)


@pytest.mark.parametrize("path", SAMPLES, ids=NAMES)
def test_sample_survives_dump_and_load(path):
    bank = load_bank(path).banks[0]
    loaded, diagnostics = parse_bank(dump_bank(bank), path.name)
    assert diagnostics == []
    strip = [dataclasses.replace(q, line=0) for q in bank.questions]
    assert [dataclasses.replace(q, line=0) for q in loaded.questions] == strip
    assert (loaded.info, loaded.levels, loaded.papers) == (bank.info, bank.levels, bank.papers)


def test_labour_law_bank_size_levels_and_citations():
    bank = load_bank(sample_banks_dir() / "labour-law.zh.yaml").banks[0]
    assert bank.info.language == "zh-CN"
    assert len(bank.questions) >= 120
    assert len(bank.levels) >= 4
    assert all(level.pool(bank.questions) for level in bank.levels)
    lacking = [q.id for q in bank.questions if not q.explanation.strip() or
               not q.source.strip()]
    assert lacking == []
    assert all("《" in q.source for q in bank.questions)


def test_general_knowledge_bank_size():
    bank = load_bank(sample_banks_dir() / "general-knowledge.en.yaml").banks[0]
    assert bank.info.language == "en"
    assert len(bank.questions) >= 40


def test_check_passes_on_the_samples_directory(capsys):
    assert main(["check", str(sample_banks_dir())]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert "0 errors, 0 warnings" in out


def test_labour_law_bank_has_a_paper_everyone_gets_the_same_way():
    from quizhall.practice import Library
    from quizhall.practice.papers import paper_questions

    bank = load_bank(sample_banks_dir() / "labour-law.zh.yaml").banks[0]
    [paper] = bank.papers
    library = Library([bank])
    first, problems = paper_questions(paper, library)
    again, _ = paper_questions(paper, library)
    assert problems == [] and len(first) == paper.size == 35
    assert [ref.key for ref in first] == [ref.key for ref in again]
