"""Aiken import: Moodle's fixtures (questions and error lines) and the extensions."""

from pathlib import Path

import pytest

from quizhall.bank.model import QuestionType
from quizhall.importers import ImportOptions, ImportResult, importer_for
from quizhall.importers.aiken import read_aiken

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "aiken" / "moodle"
needs_data = pytest.mark.skipif(not DATA.is_dir(),
                                reason="shared/data (Moodle's Aiken fixtures) is not beside "
                                       "the checkout")


def _aiken(tmp_path: Path, text: str) -> ImportResult:
    path = tmp_path / "quiz.txt"
    path.write_text(text, encoding="utf-8")
    return read_aiken(path, ImportOptions())


@needs_data
def test_moodle_error_fixture_gives_three_questions_and_errors_on_moodles_lines():
    result = read_aiken(DATA / "aiken_errors.txt", ImportOptions())
    assert [q.stem for q in result.questions] == [
        "A good question", "A second good question",
        "A third good question with HTML chars such as > < &"]
    assert [q.answer for q in result.questions] == ["A", "B", "A"]
    assert result.questions[1].options == {"A": "Incorrect (No space)",
                                           "B": "Correct (No space)"}
    assert [d.line for d in result.skipped] == [3, 5, 7, 18]
    assert result.found == 7 == result.imported + len(result.skipped)


@needs_data
def test_moodle_older_error_fixture_gives_two_questions():
    result = read_aiken(DATA / "aiken_errors.v1.txt", ImportOptions())
    assert result.imported == 2
    assert [d.line for d in result.skipped] == [3, 5, 7, 18]


@needs_data
def test_moodle_question_fixture_keeps_html_as_literal_text():
    path = DATA / "questions.aiken.txt"
    importer = importer_for(path, None)
    assert importer is not None and importer.name == "aiken"
    result = importer.read(path, ImportOptions())
    first, second = result.questions
    assert first.answer == "B" and first.options["B"] == "Martin Dougiamas"
    assert '<html class="cool"> &' in second.stem and second.answer == "A"
    assert not result.skipped and not result.warnings


def test_a_question_left_open_at_the_end_is_reported(tmp_path):
    result = _aiken(tmp_path, "Q1\nA. a\nB. b\nANSWER: B\n\nQ2\nA. a\nB. b\n")
    assert result.imported == 1
    assert [(d.line, "ANSWER" in d.message) for d in result.skipped] == [(6, True)]


def test_an_answer_letter_outside_the_options_is_skipped(tmp_path):
    result = _aiken(tmp_path, "Which?\nA) a\nB) b\nANSWER: E\n")
    assert result.imported == 0 and result.skipped[0].line == 4
    assert "E" in result.skipped[0].message


def test_chinese_marks_and_several_letters(tmp_path):
    result = _aiken(tmp_path, "下列哪些是法律？\nA、宪法\nB．民法典\nC）道德\nAnswer：AB\n")
    question = result.questions[0]
    assert question.type is QuestionType.MULTIPLE and question.answer == ("A", "B")
    assert question.options == {"A": "宪法", "B": "民法典", "C": "道德"}


def test_crlf_and_lone_cr_line_ends_keep_line_numbers(tmp_path):
    path = tmp_path / "quiz.txt"
    path.write_bytes(b"Q1\r\nA) a\r\nANSWER: A\r\n\rQ2\rA) a\rB) b\rANSWER: B")
    result = read_aiken(path, ImportOptions())
    assert result.imported == 1 and result.skipped[0].line == 3
    assert result.questions[0].line == 5
