"""Spreadsheet import: CMMLU's real CSVs, the 题库 template in CSV and XLSX, --map, encodings."""

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook

from quizhall.bank.model import NumericAnswer, QuestionType
from quizhall.importers import ImportOptions, ImportResult
from quizhall.importers.sheet import read_sheet

CMMLU = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "zh" / "cmmlu"
CMMLU_FILES = sorted(CMMLU.rglob("*.csv")) if CMMLU.is_dir() else []
MAP = {"stem": "Question", "A": "A", "B": "B", "C": "C", "D": "D", "answer": "Answer"}

TEMPLATE_ROWS = [
    ["题型", "题干", "选项A", "选项B", "选项C", "选项D", "答案", "解析", "分值", "难度", "知识点"],
    ["单选题", "劳动关系自（）起建立。", "用工之日", "签约之日", "入职体检", "", "A", "第七条", "2",
     "易", "劳动合同"],
    ["多选题", "下列属于劳动者权利的是", "休息休假", "获得报酬", "拒绝加班费", "", "A B", "", "",
     "3", "权利；义务"],
    ["判断题", "试用期包含在劳动合同期限内。", "", "", "", "", "对", "", "", "", ""],
    ["填空题", "试用期最长不得超过____个月，工资不低于____。", "", "", "", "", "六|6；80%", "",
     "", "", ""],
    ["简答题", "简述无固定期限劳动合同的订立情形。", "", "", "", "", "连续工作满十年等", "",
     "", "", ""],
    ["数值题", "法定标准工时每周多少小时？", "", "", "", "", "40±0", "", "", "", ""],
]


def _write_csv(path: Path, rows: list[list[str]], encoding: str) -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def _read(path: Path, **options) -> ImportResult:
    return read_sheet(path, ImportOptions(**options))


@pytest.mark.skipif(not CMMLU_FILES, reason="shared/data (CMMLU CSVs) is not beside the checkout")
@pytest.mark.parametrize("column_map", [{}, MAP], ids=["headers", "map"])
def test_every_cmmlu_row_is_imported_with_its_answer(column_map):
    for path in CMMLU_FILES:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))[1:]
        result = _read(path, column_map=column_map)
        assert not result.skipped and not result.failures
        assert result.found == result.imported == len(rows)
        for question, row in zip(result.questions, rows, strict=True):
            assert question.type is QuestionType.SINGLE
            assert question.stem == row[1].strip()
            assert question.options == dict(zip("ABCD", (c.strip() for c in row[2:6]),
                                                strict=True))
            assert question.answer == row[6].strip()


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "utf-8"])
def test_the_chinese_template_in_every_encoding_excel_saves(tmp_path, encoding):
    path = _write_csv(tmp_path / "题库.csv", TEMPLATE_ROWS, encoding)
    result = _read(path)
    assert not result.skipped and not result.failures
    single, multiple, judge, fill, short, numeric = result.questions
    assert single.answer == "A" and single.options == {"A": "用工之日", "B": "签约之日",
                                                       "C": "入职体检"}
    assert (single.points, single.difficulty, single.tags) == (2, 1, ("劳动合同",))
    assert single.explanation == "第七条"
    assert multiple.answer == ("A", "B") and multiple.tags == ("权利", "义务")
    assert judge.type is QuestionType.JUDGE and judge.answer is True
    assert fill.answer == (("六", "6"), ("80%",))
    assert short.answer == "连续工作满十年等"
    assert numeric.answer == NumericAnswer.around(40.0, 0.0)
    assert [q.line for q in result.questions] == [2, 3, 4, 5, 6, 7]
    expected = "gb18030" if encoding == "gbk" else "utf-8-sig"
    assert result.encoding == expected


def test_an_encoding_given_by_hand_wins(tmp_path):
    path = _write_csv(tmp_path / "gbk.csv", TEMPLATE_ROWS, "gbk")
    wrong = _read(path, encoding="utf-8")
    assert wrong.failures and "utf-8" in wrong.failures[0].message
    assert _read(path, encoding="gbk").imported == 6
    assert _read(path, encoding="no-such-codec").failures


def test_types_are_inferred_without_a_type_column(tmp_path):
    rows = [["Question", "A", "B", "C", "Answer"],
            ["One?", "x", "y", "z", "b"],
            ["Some?", "x", "y", "z", "AC"],
            ["True?", "", "", "", "错"],
            ["Fill ____ in.", "", "", "", "this"],
            ["Explain.", "", "", "", "Because."],
            ["Spelled out?", "red", "green", "", "green"]]
    result = _read(_write_csv(tmp_path / "t.csv", rows, "utf-8"))
    kinds = [(q.type.value, q.answer) for q in result.questions]
    assert kinds == [("single", "B"), ("multiple", ("A", "C")), ("judge", False),
                     ("fill", (("this",),)), ("short", "Because."), ("single", "B")]


def test_bad_rows_are_reported_with_row_and_reason_and_the_rest_imported(tmp_path):
    rows = [["题型", "题干", "A", "B", "C", "答案"],
            ["单选", "无答案", "x", "y", "", ""],
            ["单选", "答案不在选项中", "x", "y", "", "D"],
            ["完形填空", "未知题型", "x", "y", "", "A"],
            ["单选", "选项有空缺", "x", "", "z", "A"],
            ["", "", "", "", "", ""],
            ["单选", "", "x", "y", "", "A"],
            ["单选", "好题", "x", "y", "", "A"]]
    result = _read(_write_csv(tmp_path / "bad.csv", rows, "utf-8"))
    assert [(d.line, d.column) for d in result.skipped] == [(2, 6), (3, 6), (4, 1), (5, 1),
                                                            (7, 2)]
    assert "D" in result.skipped[1].message
    assert result.skipped[2].hint  # a "did you mean" or the list of types
    assert result.imported == 1 and result.found == 6


def test_map_names_the_columns_of_any_layout(tmp_path):
    rows = [["No", "Q text", "Opt1", "Opt2", "Key", "Notes"],
            ["1", "Pick one", "left", "right", "B", "n/a"]]
    path = _write_csv(tmp_path / "odd.csv", rows, "utf-8")
    result = _read(path, column_map={"stem": "Q text", "A": "Opt1", "B": "Opt2",
                                     "answer": "Key"})
    assert result.questions[0].answer == "B"
    assert result.questions[0].options == {"A": "left", "B": "right"}
    assert any("No" in w.message and "Notes" in w.message for w in result.warnings)
    missing = _read(path, column_map={"stem": "Question"})
    assert missing.failures and "Q text" in missing.failures[0].message
    unknown = _read(path, column_map={"colour": "Q text"})
    assert unknown.failures and "colour" in unknown.failures[0].message
    headerless = _read(path)
    assert headerless.failures and headerless.found == 0


def test_quoted_cells_spanning_lines_keep_the_rows_line_numbers(tmp_path):
    rows = [["Question", "A", "B", "Answer"], ["Line one\nline two", "x", "y", "A"],
            ["Next", "x", "y", "Z"]]
    result = _read(_write_csv(tmp_path / "multi.csv", rows, "utf-8"))
    assert result.questions[0].stem == "Line one\nline two"
    assert result.skipped[0].line == 4


def test_xlsx_with_title_row_sheet_types_info_sheet_and_guarded_cells(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Choice"
    sheet.append(["2025 labour law quiz"])
    sheet.append(["ID", "Type", "Stem", "Option A", "Option B", "Answer", "Points", "Tags"])
    sheet.append(["q1", "single", "'=1+1 is?", "2", "'-3", "A", 1.5, "math, easy"])
    sheet.append([None, None, "Row without type", "yes", "no", "AB", None, None])
    judge = workbook.create_sheet("判断题")
    judge.append(["题干", "答案"])
    judge.append(["地球是圆的。", True])
    info = workbook.create_sheet("Bank")
    info.append(["id", "labour"])
    info.append(["title", "Labour quiz"])
    path = tmp_path / "book.xlsx"
    workbook.save(path)
    result = _read(path)
    assert not result.skipped and not result.failures
    first, second, third = result.questions
    assert first.id == "q1" and first.stem == "=1+1 is?" and first.options["B"] == "-3"
    assert first.points == 1.5 and first.tags == ("math", "easy")
    assert second.type is QuestionType.MULTIPLE
    assert third.type is QuestionType.JUDGE and third.answer is True
    assert result.info == {"id": "labour", "title": "Labour quiz"}
    assert {d.path for d in result.warnings} <= {f"{path}[Choice]", f"{path}[判断题]"}


def test_a_damaged_workbook_fails_without_raising(tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    result = _read(path)
    assert result.failures and result.found == 0
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    assert _read(old).failures


def test_answers_written_the_way_people_write_them(tmp_path):
    rows = [
        ["序号", "题型", "题干", "选项A", "选项B", "选项C", "答案", "分值"],
        ["1", "单选题", "劳动关系自何时建立？", "用工之日", "签约之日", "体检之日", "A．", "2分"],
        ["2", "单选题", "试用期最长？", "三个月", "六个月", "一年", "（B）", "2 分"],
        ["3", "", "多选：哪些是权利？", "休息", "报酬", "加班", "【A、B】", ""],
        ["4", "判断题", "须书面订立。", "", "", "", "对。", ""],
        ["5", "", "可以扣押身份证。", "", "", "", "×", ""],
        ["6", "判断题", "特种作业须持证。", "", "", "", "√", "1分"],
    ]
    result = _read(_write_csv(tmp_path / "bank.csv", rows, "utf-8"))
    assert result.skipped == [], [d.format() for d in result.skipped]
    got = [(q.type, q.answer, q.points) for q in result.questions]
    assert got == [(QuestionType.SINGLE, "A", 2), (QuestionType.SINGLE, "B", 2),
                   (QuestionType.MULTIPLE, ("A", "B"), None), (QuestionType.JUDGE, True, None),
                   (QuestionType.JUDGE, False, None), (QuestionType.JUDGE, True, 1)]
    # 序号 numbers the rows: recognised, not imported, not reported as an unused column.
    assert not any("序号" in w.message for w in result.warnings)
