"""Bank export: round trips through XLSX and GIFT, formula guards, and the two commands."""

import dataclasses
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from quizhall.bank.loader import load_bank
from quizhall.bank.model import Bank, BankInfo, Level, NumericAnswer, Question, QuestionType
from quizhall.cli import main
from quizhall.exporters import exporters
from quizhall.exporters.bank_gift import bank_to_gift
from quizhall.importers import ImportOptions, importer_for
from quizhall.importers.finish import make_bank
from quizhall.safecell import DANGEROUS_STARTS, neutralise, restore

QT = QuestionType
TRICKY = "a ~ b = c # d {e} f: g \\ h\nsecond line"


def _q(qid: str, qtype: QuestionType, stem: str, answer, **fields) -> Question:
    return Question(id=qid, type=qtype, stem=stem, answer=answer, **fields)


def _every_field_bank(language: str = "zh-CN") -> Bank:
    """Every type, every optional field, texts a spreadsheet or GIFT might mangle."""
    questions = (
        _q("s-1", QT.SINGLE, "=SUM(A1) 是公式吗？", "B",
           options={"A": "+1", "B": "-1", "C": "@x", "D": "\tTab", "E": "e", "F": "'=q",
                    "G": "g", "H": "h"},
           explanation="-解析", source="@来源", tags=("劳动法", "Unit 1: Topic"),
           difficulty=2, points=2.5, time_limit=30, shuffle=False, media="img/a.png"),
        _q("m-1", QT.MULTIPLE, "多选", ("A", "C"), options={"A": "a", "B": "b", "C": "c"},
           partial="proportional"),
        _q("m-2", QT.MULTIPLE, "多选二", ("B", "C"), options={"A": "a", "B": "b", "C": "c"},
           partial=0.5),
        _q("j-1", QT.JUDGE, "判断", False),
        _q("f-1", QT.FILL, "第一空____，第二空（ ）。", (("甲", "A"), ("乙",)), strict=True),
        _q("sh-1", QT.SHORT, "简答", "参考答案\n第二行", keywords=("书面", "一个月")),
        _q("o-1", QT.ORDER, "排序", ("C", "A", "B"), options={"A": "1", "B": "2", "C": "3"}),
        _q("n-1", QT.NUMERIC, "数值", NumericAnswer.around(42.0, 0.5), unit="日"),
        _q("n-2", QT.NUMERIC, "范围", NumericAnswer(-1.5, 3.25)),
        _q("n-3", QT.NUMERIC, "负数", NumericAnswer.around(-7.0)),
        _q("ma-1", QT.MATCH, "连线", (("劳动法", "1995"), ("劳动合同法", "2008")),
           distractors=("2010",)),
    )
    info = BankInfo("every", "全字段题库", language, "2025.1", "说明", "作者", "MIT")
    return Bank(info, questions)


def _same(questions) -> list[Question]:
    return [dataclasses.replace(q, line=0) for q in questions]


def _import(path: Path, **options) -> tuple[Bank, object]:
    importer = importer_for(path, None)
    assert importer is not None
    opts = ImportOptions(**options)
    result = importer.read(path, opts)
    return make_bank(result, path, opts)[0], result


# -- the formula guard ---------------------------------------------------------------------------

@pytest.mark.parametrize("start", DANGEROUS_STARTS)
def test_each_dangerous_start_gets_an_apostrophe_that_comes_off_again(start):
    text = f"{start}cmd|' /C calc'!A0"
    guarded = neutralise(text)
    assert guarded == "'" + text and restore(guarded) == text
    assert neutralise("safe") == "safe" == restore("safe")
    assert restore("'plain quote") == "'plain quote"


@given(st.text())
def test_the_guard_never_leaves_a_formula_and_always_round_trips(text):
    guarded = neutralise(text)
    assert not guarded.startswith(DANGEROUS_STARTS)
    assert restore(guarded) == text


def test_xlsx_cells_never_start_a_formula(tmp_path):
    path = tmp_path / "bank.xlsx"
    bank = _every_field_bank()
    carriage = _q("cr", QT.JUDGE, "\rCR first", True)
    notes = exporters("bank")["xlsx"].write(
        Bank(bank.info, (*bank.questions, carriage)), path, {})
    workbook = load_workbook(path)
    cells = [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row
             if cell.value is not None]
    assert cells and all(cell.data_type != "f" for cell in cells)
    texts = [cell.value for cell in cells if isinstance(cell.value, str)]
    assert not any(text.startswith(DANGEROUS_STARTS) for text in texts)
    for start in "=+-@\t":
        assert any(text.startswith("'" + start) for text in texts), repr(start)
    # XML turns a carriage return into a line feed on reading, so it is written as one (no
    # formula can start there) and reported.
    assert "\nCR first" in texts and [n.line for n in notes] == [0]
    assert "CR" in notes[0].message or "cr" in notes[0].message


# -- round trips ---------------------------------------------------------------------------------

@pytest.mark.parametrize("language", ["zh-CN", "en"])
def test_bank_to_xlsx_to_bank_is_exact(tmp_path, language):
    bank = _every_field_bank(language)
    path = tmp_path / "bank.xlsx"
    notes = exporters("bank")["xlsx"].write(bank, path, {})
    assert notes == []
    again, result = _import(path)
    assert not result.skipped and not result.warnings
    assert _same(again.questions) == _same(bank.questions)
    assert again.info == bank.info
    written = tmp_path / "again.yaml"
    exporters("bank")["yaml"].write(again, written, {})
    loaded = load_bank(written)
    assert loaded.ok and _same(loaded.banks[0].questions) == _same(bank.questions)


def test_xlsx_export_reports_what_would_not_come_back(tmp_path):
    info = BankInfo("x", "X")
    questions = (_q("t", QT.JUDGE, "s", True, tags=("a|b",)),
                 _q("f", QT.FILL, "s", (("x；y",),)))
    bank = Bank(info, questions, (Level("L1", "One", tags=("a|b",)),))
    notes = exporters("bank")["xlsx"].write(bank, tmp_path / "x.xlsx", {})
    messages = " ".join(note.message for note in notes)
    assert "t:" in messages and "f:" in messages and "levels" in messages


# GIFT has no order questions and no fill question with several blanks; a multiple-choice
# question's all-or-nothing or fixed partial credit, a fill question's strict matching, a
# short question's explanation and keywords, numeric units, difficulty, points, time limits,
# sources, media and shuffle are not in GIFT either. Everything else survives exactly.
GIFT_BANK = Bank(BankInfo("g", "GIFT", "en"), (
    _q("q-1", QT.SINGLE, TRICKY, "B", options={"A": "%50% off", "B": "[html]<b>", "C": "x:y"},
       explanation="because # reasons", tags=("unit one", "b-2")),
    _q("q-2", QT.MULTIPLE, "Pick ~two~", ("A", "C"), options={"A": "a", "B": "b", "C": "c"},
       partial="proportional"),
    _q("q-3", QT.MULTIPLE, "Three right", ("A", "B", "D"),
       options={"A": "a", "B": "b", "C": "c", "D": "d"}, partial="proportional"),
    _q("q-4", QT.JUDGE, "True?", True, explanation="yes"),
    _q("q-5", QT.FILL, "Two plus ____ is four.", (("two", "2", "TRUE"),)),
    _q("q-6", QT.FILL, "No blank marker", (("x{y}",),), explanation="fill note"),
    _q("q-7", QT.SHORT, "Explain.", "Because\nof {this}"),
    _q("q-8", QT.NUMERIC, "How many?", NumericAnswer.around(42.0, 0.5)),
    _q("q-9", QT.NUMERIC, "Range", NumericAnswer(-5.0, 5.0), explanation="range note"),
    _q("q-10", QT.NUMERIC, "Exact", NumericAnswer.around(3.25)),
    _q("q-11", QT.MATCH, "Match", (("a=1", "one # 1"), ("b", "%two")), distractors=("three",)),
    _q("my id 12", QT.JUDGE, "Spaces in the id", False),
    _q("法律-13", QT.SINGLE, "中文题干：哪一个？", "A", options={"A": "甲", "B": "乙"}),
))


def test_bank_to_gift_to_bank_is_exact_for_what_gift_can_say(tmp_path):
    text, notes = bank_to_gift(GIFT_BANK)
    assert notes == []
    path = tmp_path / "bank.gift"
    path.write_text(text, encoding="utf-8")
    again, result = _import(path)
    assert not result.skipped and not result.warnings
    assert _same(again.questions) == _same(GIFT_BANK.questions)


def test_gift_export_reports_what_gift_cannot_hold(tmp_path):
    path = tmp_path / "every.gift"
    notes = exporters("bank")["gift"].write(_every_field_bank(), path, {})
    text = " ".join(note.message for note in notes)
    for word in ("o-1", "f-1", "m-2", "sh-1", "n-1", "difficulty", "points", "media"):
        assert word in text, word
    again, result = _import(path)
    ids = {q.id for q in again.questions}
    assert "o-1" not in ids and "f-1" not in ids and "s-1" in ids
    assert not result.skipped


# -- the commands --------------------------------------------------------------------------------

def _bank_file(tmp_path: Path) -> Path:
    path = tmp_path / "every.yaml"
    exporters("bank")["yaml"].write(_every_field_bank(), path, {})
    return path


def test_export_bank_then_import_through_the_command_line(tmp_path, capsys):
    source = _bank_file(tmp_path)
    assert main(["export-bank", str(source), "-o", str(tmp_path / "b.xlsx")]) == 0
    assert main(["import", str(tmp_path / "b.xlsx"), "-o", str(tmp_path / "b.yaml")]) == 0
    out = capsys.readouterr().out
    assert "found 11, imported 11, skipped 0" in out
    loaded = load_bank(tmp_path / "b.yaml")
    assert loaded.ok and _same(loaded.banks[0].questions) == _same(
        _every_field_bank().questions)
    assert main(["export-bank", str(source), "--format", "gift",
                 "-o", str(tmp_path / "b.txt")]) == 0
    assert "GIFT" in capsys.readouterr().out


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="file modes are POSIX")
def test_written_files_get_ordinary_permissions_not_owner_only(tmp_path):
    source = _bank_file(tmp_path)
    mask = os.umask(0o022)
    try:
        assert main(["export-bank", str(source), "-o", str(tmp_path / "b.xlsx")]) == 0
        assert main(["import", str(tmp_path / "b.xlsx"), "-o", str(tmp_path / "b.yaml")]) == 0
    finally:
        os.umask(mask)
    for name in ("b.xlsx", "b.yaml"):
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o644, name
    (tmp_path / "b.yaml").chmod(0o600)
    assert main(["import", str(tmp_path / "b.xlsx"), "-o", str(tmp_path / "b.yaml")]) == 0
    assert (tmp_path / "b.yaml").stat().st_mode & 0o777 == 0o600  # a file keeps its mode


def test_import_exit_status_tells_a_script_what_happened(tmp_path, capsys):
    good = tmp_path / "good.gift"
    good.write_text("Q?{T}\n", encoding="utf-8")
    mixed = tmp_path / "mixed.gift"
    mixed.write_text("Q?{T}\n\nOne option.{~a}\n", encoding="utf-8")
    empty = tmp_path / "empty.gift"
    empty.write_text("Only a description.\n", encoding="utf-8")
    out = tmp_path / "out.yaml"
    assert main(["import", str(good), "-o", str(out)]) == 0
    assert main(["import", str(mixed), "-o", str(out)]) == 1
    captured = capsys.readouterr()
    assert f"{mixed}:3:1: error:" in captured.err
    assert "found 2, imported 1, skipped 1" in captured.out
    assert load_bank(out).ok
    out.unlink()
    assert main(["import", str(empty), "-o", str(out)]) == 2 and not out.exists()


@pytest.mark.parametrize("argv", [
    ["import", "{dir}/missing.gift", "-o", "{dir}/o.yaml"],
    ["import", "{dir}/x.unknown", "-o", "{dir}/o.yaml"],
    ["import", "{dir}/good.csv", "--format", "nope", "-o", "{dir}/o.yaml"],
    ["import", "{dir}/good.csv", "--map", "stem", "-o", "{dir}/o.yaml"],
    ["import", "{dir}/good.csv", "--map", "colour=Q", "-o", "{dir}/o.yaml"],
    ["import", "{dir}/good.csv", "-o", "{dir}/no/such/dir/o.yaml"],
    ["import", "{dir}/good.csv", "-o", "{dir}/good.csv"],
    ["export-bank", "{dir}/missing.yaml", "-o", "{dir}/o.xlsx"],
    ["export-bank", "{dir}/good.csv", "-o", "{dir}/o.xlsx"],
    ["export-bank", "{dir}/every.yaml", "-o", "{dir}/o.unknown"],
    ["export-bank", "{dir}/every.yaml", "-o", "{dir}/no/such/dir/o.xlsx"],
])
def test_bad_input_gives_a_message_and_a_status_never_a_traceback(tmp_path, capsys, argv):
    (tmp_path / "good.csv").write_text("Question,A,B,Answer\nQ?,x,y,A\n", encoding="utf-8")
    (tmp_path / "x.unknown").write_text("?", encoding="utf-8")
    _bank_file(tmp_path)
    status = main([arg.format(dir=tmp_path) for arg in argv])
    captured = capsys.readouterr()
    assert status in (1, 2)
    assert "Traceback" not in captured.err and captured.err.strip()
