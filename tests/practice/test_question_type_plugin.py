"""A question type defined once, in this test module only, works everywhere: a bank loads it
(with positioned errors), grading and practice answer it, the practice screen draws it, and
the bank export and the parse cache carry it. Proves one definition per type suffices."""

import random
from pathlib import Path

import pytest
from practice_bank import START
from tinydb import TinyDB
from tinydb.storages import MemoryStorage
from tui_helpers import screen_text
from yaml.nodes import Node

from quizhall.bank import load_bank
from quizhall.bank.dump import dump_bank
from quizhall.bank.loader import parse_bank
from quizhall.bank.model import Grade, Question, grade, parse_number
from quizhall.bank.qtypes import Drawing, QuestionKind, register, unregister
from quizhall.importers import ImportOptions
from quizhall.importers.sheet import read_sheet
from quizhall.practice import ExamSpec, History, Library, ManualClock, parse_quotas, present
from quizhall.practice.exam import draw
from quizhall.tui.practice.app import PracticeApp, PracticeSettings
from quizhall.tui.practice.question import QuestionScreen
from quizhall.yamlsource import NodeReader


class Estimate(QuestionKind):
    """估算题: a number; exact earns everything, within the margin half."""

    name = "estimate"
    aliases = ("估算题",)
    drawing = Drawing("text")

    def read_answer(self, reader: NodeReader, node: Node, fields: dict[str, Node],
                    options: dict[str, str], stem: str) -> object:
        parts = reader.mapping(node, "answer", ("value", "margin"), required=("value", "margin"))
        if not parts or "value" not in parts or "margin" not in parts:
            return None
        value, margin = reader.number(parts["value"], "value"), reader.number(parts["margin"],
                                                                              "margin")
        if value is None or margin is None:
            return None
        if margin < 0:
            reader.report(parts["margin"], "the margin must not be negative")
            return None
        return (float(value), float(margin))

    def grade(self, question: Question, response: object) -> Grade:
        number = parse_number(response)
        value, margin = question.answer  # type: ignore[misc]
        if number is None:
            return Grade.of(False)
        if number == value:
            return Grade.of(True)
        return Grade(False, 0.5 if abs(number - value) <= margin else 0.0)

    def answer_text(self, question: Question) -> str:
        value, margin = question.answer  # type: ignore[misc]
        return f"{value:g} (± {margin:g})"

    def answer_to_data(self, question: Question) -> object:
        value, margin = question.answer  # type: ignore[misc]
        return {"value": value, "margin": margin}

    def valid_answer(self, question: Question) -> bool:
        answer = question.answer
        return isinstance(answer, tuple) and len(answer) == 2 and all(
            isinstance(x, float) for x in answer)

    def title(self) -> str:
        return "Estimate"

    def hint(self, count: int, last: str) -> str:
        return "type a number, then Enter"

    def placeholder(self) -> str:
        return "a number"


BANK = """\
bank: {id: est, title: 估算}
questions:
  - id: e1
    type: 估算题
    stem: 长城大约有多少千米？
    answer: {value: 21196, margin: 2000}
    tags: [历史]
  - {id: s1, type: single, stem: 一年有几个月？, options: [十, 十二], answer: B}
"""


@pytest.fixture
def estimate():
    register(Estimate())
    yield
    unregister("estimate")


def _bank():
    bank, diagnostics = parse_bank(BANK, "est.yaml")
    assert bank is not None, [d.format() for d in diagnostics]
    return bank


def test_a_registered_type_loads_from_a_bank_under_its_alias(estimate):
    question = _bank().question("e1")
    assert question.type == "estimate"
    assert question.answer == (21196.0, 2000.0)
    assert question.answer_text() == "21196 (± 2000)"


def test_a_registered_types_answer_errors_have_positions(estimate):
    text = BANK.replace("margin: 2000", "margin: -1")
    bank, diagnostics = parse_bank(text, "est.yaml")
    assert bank is None
    assert [d.format() for d in diagnostics] == [
        "est.yaml:6:36: error: the margin must not be negative"]


def test_a_registered_types_keys_are_checked_like_the_built_ins(estimate):
    bank, diagnostics = parse_bank(BANK.replace("    tags: [历史]", "    options: [a, b]"),
                                   "est.yaml")
    assert bank is None
    assert any("options" in d.message and d.line == 7 for d in diagnostics)


def test_without_its_definition_the_type_is_unknown():
    bank, diagnostics = parse_bank(BANK, "est.yaml")
    assert bank is None
    assert diagnostics[0].line == 4 and "估算题" in diagnostics[0].message


def test_a_registered_type_grades_with_partial_credit(estimate):
    question = _bank().question("e1")
    assert grade(question, "21196") == Grade(True, 1.0)
    assert grade(question, 20000) == Grade(False, 0.5)
    assert grade(question, "5000") == Grade(False, 0.0)
    assert grade(question, None) == Grade(False, 0.0)


def test_a_registered_type_is_answered_in_practice(estimate):
    library = Library([_bank()])
    shown = present(library.get("est/e1"), random.Random(1))
    assert shown.order == () and shown.choices() == []
    answer = shown.read(" 20500 ")
    assert answer.given == "20500"
    assert answer.grade == Grade(False, 0.5)
    assert shown.answer_text() == "21196 (± 2000)"
    assert shown.given_text(answer.given) == "20500"


def test_a_registered_type_has_a_quota_in_a_mock_exam(estimate):
    library = Library([_bank()])
    spec = ExamSpec(count=2, quotas=parse_quotas("估算题=1"))
    refs = draw(library.refs, spec, random.Random(1))
    assert [ref.question.type for ref in refs] == ["single", "estimate"]  # built-ins first
    assert ExamSpec.from_doc(spec.to_doc()) == spec  # a saved exam resumes with its quota


def test_a_registered_type_is_exported_and_reads_back(estimate):
    bank = _bank()
    text = dump_bank(bank)
    assert "type: estimate" in text
    again, diagnostics = parse_bank(text, "again.yaml")
    assert again is not None, [d.format() for d in diagnostics]
    assert again.questions[0].type == "estimate"
    assert again.questions[0].answer == bank.questions[0].answer


def test_a_registered_type_survives_the_parse_cache(estimate, tmp_path: Path):
    path = tmp_path / "est.yaml"
    path.write_text(BANK, encoding="utf-8")
    first = load_bank(path)
    second = load_bank(path)  # from the cache
    assert first.ok and second.ok
    assert second.banks[0].questions == first.banks[0].questions


async def test_a_registered_type_is_drawn_and_answered_on_the_practice_screen(estimate):
    db = TinyDB(storage=MemoryStorage)
    settings = PracticeSettings(mode="practice")
    app = PracticeApp(Library([_bank()]), History(db), "ann", clock=ManualClock(START), seed=1,
                      settings=settings)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        while screen.presented.question.id != "e1":
            await pilot.press("b", "enter")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
        text = screen_text(app)
        assert "Estimate" in text and "type a number, then Enter" in text
        boxes = list(screen.query(".answer-box"))
        assert len(boxes) == 1 and boxes[0].placeholder == "a number"
        boxes[0].value = "21000"
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "50%" in text and "21196 (± 2000)" in text
    records = History(db).answers("ann")
    assert [(r.key, r.given, r.credit) for r in records if r.key == "est/e1"] == [
        ("est/e1", "21000", 0.5)]
    db.close()


def test_a_spreadsheet_row_of_a_registered_type_is_skipped_with_its_reason(estimate, tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text("题型,题干,A,B,答案\n估算题,长城多长？,,,21196\n单选,一年几个月？,十,十二,B\n",
                    encoding="utf-8")
    result = read_sheet(path, ImportOptions())
    assert [(d.line, d.column) for d in result.skipped] == [(2, 1)]
    assert "估算题" in result.skipped[0].message
    assert result.imported == 1
