"""OpenTriviaQA import: the real files of the public collection, and the record rules."""

from pathlib import Path

import pytest

from quizhall.bank.loader import load_bank
from quizhall.bank.model import QuestionType
from quizhall.cli import main
from quizhall.importers import ImportOptions, ImportResult, importer_for
from quizhall.importers.opentriviaqa import read_opentriviaqa


def _shared_data() -> Path | None:
    """shared/data, found above the checkout (a worktree sits one level deeper)."""
    for folder in Path(__file__).resolve().parents:
        if (folder / "shared" / "data").is_dir():
            return folder / "shared" / "data" / "en" / "opentriviaqa"
    return None


DATA = _shared_data()
needs_data = pytest.mark.skipif(DATA is None or not DATA.is_dir(),
                                reason="shared/data/en/opentriviaqa is not above the checkout")


def _read(tmp_path: Path, text: str) -> ImportResult:
    path = tmp_path / "trivia"
    path.write_text(text, encoding="utf-8")
    return read_opentriviaqa(path, ImportOptions())


@needs_data
@pytest.mark.parametrize("name, records, judges", [("animals", 1366, 349),
                                                   ("geography", 842, 63)])
def test_every_record_of_the_real_files_imports(name, records, judges):
    path = DATA / name
    assert importer_for(path, None).name == "opentriviaqa"  # no suffix: recognised by sniffing
    result = read_opentriviaqa(path, ImportOptions())
    assert result.found == records == result.imported and result.skipped == []
    kinds = [q.type for q in result.questions]
    assert kinds.count(QuestionType.JUDGE) == judges
    assert set(kinds) == {QuestionType.SINGLE, QuestionType.JUDGE}


@needs_data
def test_the_first_animal_question_names_its_answer_by_text():
    first = read_opentriviaqa(DATA / "animals", ImportOptions()).questions[0]
    assert first.stem == "Three of these animals hibernate. Which one does not?"
    assert first.options == {"A": "Mouse", "B": "Sloth", "C": "Frog", "D": "Snake"}
    assert first.answer == "B"


@needs_data
def test_the_real_file_becomes_a_bank_that_loads(tmp_path, capsys):
    out = tmp_path / "geo.yaml"
    assert main(["import", str(DATA / "geography"), "-o", str(out)]) == 0
    assert "found 842, imported 842, skipped 0" in capsys.readouterr().out
    loaded = load_bank(out)
    assert loaded.ok and len(loaded.banks[0].questions) == 842


def test_true_false_and_yes_no_records_are_judge_questions(tmp_path):
    result = _read(tmp_path, "#Q Snakes are deaf.\n^ True\nA True\nB False\n\n"
                             "#Q All tigers have stripes.\n^ No\nA Yes\nB No\n")
    assert [(q.type, q.answer) for q in result.questions] == [
        (QuestionType.JUDGE, True), (QuestionType.JUDGE, False)]


def test_a_stem_runs_over_lines_until_the_answer(tmp_path):
    result = _read(tmp_path, "#Q When you call a cat,\r\nshe ______.\r\n^ Takes a message\r\n"
                             "A Comes\r\nB Takes a message\r\n")
    [question] = result.questions
    assert question.stem == "When you call a cat,\nshe ______."
    assert question.answer == "B"


def test_bad_records_are_skipped_with_their_line_and_reason(tmp_path):
    text = ("#Q Good one?\n^ Yes please\nA No thanks\nB Yes please\n\n"
            "#Q Answer is not an option?\n^ Paris\nA Rome\nB Madrid\n\n"
            "#Q No answer line\nA Rome\nB Madrid\n\n"
            "#Q One option\n^ Rome\nA Rome\n")
    result = _read(tmp_path, text)
    assert [q.stem for q in result.questions] == ["Good one?"]
    assert [(d.line, "Paris" in d.message) for d in result.skipped] == [
        (7, True), (11, False), (15, False)]
    assert result.found == 4
