"""GIFT import: the GIFT-PEG.js oracle, Moodle's own fixtures, and each construct on its own."""

import json
import math
import re
from pathlib import Path

import pytest

from quizhall.bank.model import NumericAnswer, QuestionType
from quizhall.importers import ImportOptions, ImportResult, importer_for
from quizhall.importers.gift import read_gift

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
PEG = DATA / "gift" / "gift-grammar-pegjs"
MOODLE = DATA / "gift" / "moodle"
ABSENT = "shared/data (real GIFT files) is not beside the checkout"

ORACLE_FILES = sorted(PEG.glob("*.gift")) if PEG.is_dir() else []


def _read(path: Path) -> ImportResult:
    return read_gift(path, ImportOptions())


def _gift(tmp_path: Path, text: str, name: str = "quiz.gift") -> ImportResult:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return _read(path)


def _items_in_order(result: ImportResult) -> list[tuple[int, object]]:
    """Imported questions and skipped items, in file order."""
    items = [(q.line, q) for q in result.questions] + [(d.line, d) for d in result.skipped]
    return sorted(items, key=lambda item: item[0])


def _warnings_at(result: ImportResult, line: int) -> list[str]:
    return [w.message for w in result.warnings if w.line == line]


def _squeeze(text: str) -> str:
    return re.sub(r"_+|\s+", "", text)


def _pct(weight: float) -> str:
    return f"{weight:g}%"


def _numeric_from_oracle(text: dict) -> NumericAnswer:
    if text["type"] == "simple":
        return NumericAnswer.around(float(text["number"]))
    if text["type"] == "range":
        return NumericAnswer.around(float(text["number"]), float(text["range"]))
    return NumericAnswer(float(text["numberLow"]), float(text["numberHigh"]))


def _check_choice(question, item: dict, warnings: list[str]) -> None:
    choices = item["choices"]
    marked = [c["isCorrect"] for c in choices]
    for got, choice in zip(question.options.values(), choices, strict=True):
        if choice["text"]["format"] != "html":  # HTML is turned into plain text on import
            assert got.split() == choice["text"]["text"].split()
    letters = "ABCDEFGH"
    if any(marked):
        # An "=" answer: Moodle's single-answer mode. Choices marked correct are the answers;
        # several of them become a multiple-choice question (a warning says so).
        expected = {letters[i] for i, c in enumerate(choices) if c["isCorrect"]}
        expressible = {None, 0, 100}
        loose = [c["weight"] for c in choices if c["weight"] not in expressible]
    else:
        # Only "~%w%": Moodle's multiple-answer mode. Positive weights are the right options,
        # mapped to partial: proportional; what that cannot express must be warned about.
        expected = {letters[i] for i, c in enumerate(choices) if (c["weight"] or 0) > 0}
        assert question.partial == "proportional"
        positive = [c["weight"] for c in choices if (c["weight"] or 0) > 0]
        loose = [w for w in positive if not math.isclose(w, positive[0])]
        loose += [c["weight"] or 0 for c in choices if -100 < (c["weight"] or 0) <= 0]
    answer = {question.answer} if question.type is QuestionType.SINGLE else set(question.answer)
    assert answer == expected
    assert question.type is (QuestionType.SINGLE if len(expected) == 1 and any(marked)
                             else QuestionType.MULTIPLE)
    for weight in loose:
        assert any(_pct(weight) in w for w in warnings), (weight, warnings)
    if not loose and sum(marked) <= 1:
        assert not any("%" in w for w in warnings), warnings


def _check(question, item: dict, warnings: list[str]) -> None:
    kind = item["type"]
    if kind == "TF":
        assert question.type is QuestionType.JUDGE
        assert question.answer is item["isTrue"]
    elif kind == "MC":
        _check_choice(question, item, warnings)
    elif kind == "Short":
        # Short answer → fill with one blank: the 100% answers are its alternatives, any
        # other weight is reported rather than turned into full credit.
        assert question.type is QuestionType.FILL
        full = [c["text"]["text"] for c in item["choices"] if c["weight"] in (None, 100)]
        assert question.answer == (tuple(full),)
        for choice in item["choices"]:
            if choice["weight"] not in (None, 0, 100):
                assert any(_pct(choice["weight"]) in w for w in warnings)
    elif kind == "Numerical":
        assert question.type is QuestionType.NUMERIC
        choices = item["choices"]
        if isinstance(choices, dict):
            choices = [{"isCorrect": True, "weight": None, "text": choices}]
        numbers = [c for c in choices if "number" in c["text"] or "numberLow" in c["text"]]
        chosen = next(c for c in numbers if c["weight"] in (None, 100))
        wanted = _numeric_from_oracle(chosen["text"])
        assert math.isclose(question.answer.low, wanted.low)
        assert math.isclose(question.answer.high, wanted.high)
        for other in numbers:
            if other is not chosen:
                assert any(_pct(100 if other["weight"] is None else other["weight"]) in w
                           for w in warnings)
    elif kind == "Matching":
        assert question.type is QuestionType.MATCH
        pairs = [(p["subquestion"]["text"], p["subanswer"]) for p in item["matchPairs"]]
        assert question.answer == tuple(p for p in pairs if p[0])
        assert question.distractors == tuple(right for left, right in pairs if not left)
    elif kind == "Essay":
        assert question.type is QuestionType.SHORT
    else:
        raise AssertionError(f"unexpected oracle type {kind}")


@pytest.mark.skipif(not ORACLE_FILES, reason=ABSENT)
@pytest.mark.parametrize("path", ORACLE_FILES, ids=lambda p: p.stem)
def test_gift_matches_the_peg_oracle(path):
    result = _read(path)
    oracle = [item for item in json.loads(path.with_suffix(".json").read_text("utf-8"))
              if item["type"] != "Category"]  # a category is a setting, not an item
    # A description has no answer: it is not an item, but a note with its line.
    notes = [w for w in result.warnings if "description" in w.message]
    assert len(notes) == sum(item["type"] == "Description" for item in oracle)
    oracle = [item for item in oracle if item["type"] != "Description"]
    items = _items_in_order(result)
    assert result.found == len(result.questions) + len(result.skipped) == len(oracle)
    assert len(items) == len(oracle)
    for (line, got), expected in zip(items, oracle, strict=True):
        assert not hasattr(got, "severity"), (path.name, line, got)
        if expected["stem"]["format"] != "html":
            # The oracle pads a mid-stem blank with spaces; Moodle (and we) do not.
            assert _squeeze(got.stem) == _squeeze(expected["stem"]["text"])
        _check(got, expected, _warnings_at(result, line))


@pytest.mark.skipif(not MOODLE.is_dir(), reason=ABSENT)
def test_moodle_fixture_imports_the_nine_questions_moodle_does():
    result = _read(MOODLE / "questions.gift.txt")
    assert result.imported == 9 and not result.skipped
    types = [q.type.value for q in result.questions]
    assert types == ["short", "match", "single", "multiple", "numeric", "fill", "judge",
                     "judge", "judge"]
    by_id = {q.id: q for q in result.questions}
    assert by_id["Q2"].answer == "A" and by_id["colours"].answer == ("A", "C")
    assert by_id["Q5"].answer == NumericAnswer.around(3.0, 2.0)
    assert by_id["Shortanswer"].answer == (("Frog",),)
    assert by_id["Q1"].answer is False
    assert "Hitchiker's Guide" in by_id["Q1"].explanation
    # The two "2-08 TSL" titles are not unique, so neither becomes an id.
    assert len(by_id) == 9 and "2-08-TSL" not in by_id


@pytest.mark.skipif(not MOODLE.is_dir(), reason=ABSENT)
def test_moodle_category_fixture_tags_its_four_questions():
    result = _read(MOODLE / "questions_in_category.gift.txt")
    assert result.imported == 4 and not result.skipped
    assert all(q.tags == ("Default for New Features",) for q in result.questions)
    greeting = next(q for q in result.questions if q.id == "Greeting")
    # [html] with escaped \= and \: inside tags: turned into the text a reader sees.
    assert greeting.stem.startswith("Listen to this greeting:")
    assert "<a" not in greeting.stem and greeting.answer == "B"


@pytest.mark.skipif(not MOODLE.is_dir(), reason=ABSENT)
def test_moodle_examples_file_is_recognised_as_gift_by_its_content():
    path = MOODLE / "examples.txt"
    importer = importer_for(path, None)
    assert importer is not None and importer.name == "gift"
    result = importer.read(path, ImportOptions())
    assert result.imported == result.found > 40 and not result.skipped


def test_every_backslash_escape(tmp_path):
    result = _gift(tmp_path, "::A\\:B:: 1 \\~ 2 \\= 3 \\# 4 \\{5\\} \\\\ x\\ny {T}\n")
    question = result.questions[0]
    assert question.id == "A-B"
    assert question.stem == "1 ~ 2 = 3 # 4 {5} \\ x\ny"


def test_weights_the_model_cannot_express_are_reported(tmp_path):
    result = _gift(tmp_path, "Pick.{~wrong ~%50%half =full ~%-25%bad}\n")
    question = result.questions[0]
    assert question.type is QuestionType.SINGLE and question.answer == "C"
    messages = [w.message for w in result.warnings]
    assert any("50%" in m and "option B" in m for m in messages)
    assert any("-25%" in m and "option D" in m for m in messages)


def test_equal_weights_with_full_penalties_map_exactly(tmp_path):
    result = _gift(tmp_path, "Which?{~%50%a ~%50%b ~%-100%c}\n")
    question = result.questions[0]
    assert question.type is QuestionType.MULTIPLE and question.answer == ("A", "B")
    assert question.partial == "proportional"
    assert result.warnings == []


def test_unequal_weights_are_reported(tmp_path):
    result = _gift(tmp_path, "Which?{~%70%a ~%30%b ~%-100%c}\n")
    assert result.questions[0].answer == ("A", "B")
    assert any("70%" in w.message and "30%" in w.message for w in result.warnings)


def test_short_answer_mid_stem_becomes_fill_with_a_blank(tmp_path):
    result = _gift(tmp_path, "Two plus two is {=four =4 =%50%for} today.\n")
    question = result.questions[0]
    assert question.type is QuestionType.FILL
    assert question.stem == "Two plus two is ____ today."
    assert question.answer == (("four", "4"),)
    assert any("for" in w.message and "50%" in w.message for w in result.warnings)


def test_numeric_forms(tmp_path):
    result = _gift(tmp_path, "A{#5}\n\nB{#5:0.5}\n\nC{#1..3}\n\nD{#=7 =%50%8}\n")
    answers = [q.answer for q in result.questions]
    assert answers == [NumericAnswer.around(5.0), NumericAnswer.around(5.0, 0.5),
                       NumericAnswer(1.0, 3.0), NumericAnswer.around(7.0)]
    assert [w.line for w in result.warnings] == [7]


def test_match_with_distractor_and_general_feedback(tmp_path):
    result = _gift(tmp_path, "Match.{=a -> 1 =b -> 2 = -> 3 ####Why}\n")
    question = result.questions[0]
    assert question.answer == (("a", "1"), ("b", "2"))
    assert question.distractors == ("3",)
    assert question.explanation == "Why"


def test_essay_takes_the_general_feedback_as_its_answer(tmp_path):
    result = _gift(tmp_path, "Explain.{####Because.}\n\nAnd this?{}\n")
    first, second = result.questions
    assert first.type is QuestionType.SHORT and first.answer == "Because."
    assert second.answer == ""  # none, rather than a placeholder in some language
    assert [w.line for w in result.warnings] == [3]


def test_a_description_is_a_note_not_a_skipped_item(tmp_path):
    result = _gift(tmp_path, "Just some text to read.\n\nQuestion?{T}\n")
    assert result.imported == 1 and result.skipped == [] and result.found == 1
    [note] = result.warnings
    assert note.line == 1 and note.severity == "warning" and "description" in note.message


def test_html_linking_a_picture_or_sound_is_named_in_a_warning(tmp_path):
    result = _gift(tmp_path, '[html]Whose voice? <audio src="voice.mp3"></audio>'
                             ' <a href="map.PNG">map</a> <img src="x.jpg">{=A ~B}\n')
    assert result.imported == 1
    # The picture is not beside the GIFT file: it gets a warning of its own, the rest one.
    media, picture = sorted(result.warnings, key=lambda w: "x.jpg" in w.message)
    assert "2" in media.message and "voice.mp3" in media.message and "map.PNG" in media.message
    assert "x.jpg" in picture.message


def test_categories_comments_ids_and_tags(tmp_path):
    text = ("$CATEGORY: $course$/top/Labour law\n\n"
            "// [id:ll-1] [tag:contracts]\n::T::Q?{T}\n\n"
            "$CATEGORY: $course$/top\n\nR?{F}\n")
    result = _gift(tmp_path, text)
    first, second = result.questions
    assert first.id == "ll-1" and first.tags == ("contracts", "Labour law")
    assert second.tags == ()


def test_problems_are_skipped_with_their_line_and_the_rest_imported(tmp_path):
    text = "Just words.\n\nBroken {=a\n\nOne option.{~a}\n\nFine?{T}\n"
    result = _gift(tmp_path, text)
    assert [d.line for d in result.skipped] == [3, 5]  # line 1 is a description: a note
    assert result.imported == 1 and result.found == 3
    assert all(d.path.endswith("quiz.gift") for d in result.skipped)


def test_html_pictures_are_dropped_with_a_warning(tmp_path):
    result = _gift(tmp_path, '[html]<p>Look <img src="x.png">&amp; answer</p>{T}\n')
    assert result.questions[0].stem == "Look & answer"
    assert any("picture" in w.message for w in result.warnings)


def test_ids_are_stable_and_unique(tmp_path):
    text = "::Same::A?{T}\n\n::Same::B?{T}\n\n::Other::C?{T}\n\nD?{T}\n"
    first = _gift(tmp_path, text, "set.gift")
    again = _gift(tmp_path, text, "set.gift")
    ids = [q.id for q in first.questions]
    assert ids == ["set-001", "set-002", "Other", "set-004"]
    assert ids == [q.id for q in again.questions]


def test_unreadable_files_fail_without_raising(tmp_path):
    missing = _read(tmp_path / "nope.gift")
    assert missing.failures and missing.found == 0
    binary = tmp_path / "bin.gift"
    binary.write_bytes(b"\x00\x01\x02")
    assert _read(binary).failures
