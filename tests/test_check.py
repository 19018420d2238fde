"""``quizhall check``: the text summary, the --json report and the exit statuses."""

import json
from pathlib import Path

import pytest

from quizhall import i18n
from quizhall.cli import main

BANK = """\
bank: {id: s, title: T}
levels:
  - {id: L1, title: 第一关, tags: [劳动法]}
  - {id: L2, title: 第二关, questions: [q2, q3, q4]}
questions:
  - {id: q1, type: single, stem: 选？, options: [a, b], answer: A, tags: [劳动法], difficulty: 2}
  - {id: q2, type: judge, stem: 对吗？, answer: 对, tags: [劳动法, 工会法], difficulty: 3}
  - {id: q3, type: judge, stem: "\\e错吗？", answer: 错, difficulty: 3}
  - {id: q4, type: numeric, stem: 几天？, answer: 30}
"""
OTHER = """\
bank: {id: o, title: O}
questions:
  - {id: x1, type: fill, stem: ____, answer: a, tags: [工会法]}
"""
BROKEN = """\
bank: {id: b, title: B}
questions:
  - {id: y1, type: singel, stem: s, options: [a, b], answer: A}
"""


@pytest.fixture
def banks(tmp_path: Path) -> Path:
    (tmp_path / "s.yaml").write_text(BANK, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "o.yml").write_text(OTHER, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a bank\n", encoding="utf-8")
    return tmp_path


def check(capsys, *args: str) -> tuple[int, str, str]:
    status = main(["check", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_json_report_has_the_documented_shape(banks, capsys):
    status, out, err = check(capsys, "--json", str(banks))
    report = json.loads(out)
    assert status == 0 and err == ""
    assert report["files"] == [str(banks / "s.yaml"), str(banks / "sub" / "o.yml")]
    assert report["errors"] == []
    [warning] = report["warnings"]
    assert {k: warning[k] for k in ("path", "line", "column")} == \
        {"path": str(banks / "s.yaml"), "line": 8, "column": 33}
    assert "U+001B" in warning["message"]
    assert report["questions"] == 5
    assert report["by_type"] == {"single": 1, "judge": 2, "numeric": 1, "fill": 1}
    assert report["by_tag"] == {"劳动法": 2, "工会法": 2}
    assert report["by_level"] == {"s/L1": 2, "s/L2": 3}
    assert report["by_difficulty"] == {"2": 1, "3": 2}


def test_json_report_lists_errors_with_positions(banks, capsys):
    (banks / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    status, out, _ = check(capsys, "--json", str(banks / "broken.yaml"), str(banks / "s.yaml"))
    report = json.loads(out)
    assert status == 1
    assert report["errors"] == [{
        "path": str(banks / "broken.yaml"), "line": 3, "column": 20,
        "message": "unknown question type singel", "severity": "error",
        "hint": "did you mean single?",
    }]
    assert report["questions"] == 4  # the good file still counts


def test_text_summary_by_type_tag_level_and_difficulty(banks, capsys):
    status, out, err = check(capsys, str(banks))
    assert status == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].startswith(f"{banks / 's.yaml'}:8:33: warning: ")
    assert "5 questions" in lines
    assert "  by type:  judge 2  single 1  numeric 1  fill 1" in lines
    assert "  by tag:  劳动法 2  工会法 2" in lines
    assert "  by level:  s/L1 2  s/L2 3" in lines
    assert "  by difficulty:  2★ 1  3★ 2" in lines
    assert lines[-1] == "checked 2 files: 0 errors, 1 warning"


def test_text_summary_in_chinese(banks, capsys):
    status, out, _ = check(capsys, "--lang", "zh-CN", str(banks / "s.yaml"))
    assert status == 0
    assert "共 4 道题" in out and "题型：  判断 2  单选 1  数值 1" in out
    assert out.splitlines()[-1] == "检查了 1 个文件：0 个错误，1 个警告"
    assert "警告" in out
    i18n.set_language("en")


def test_errors_go_to_stderr_and_exit_1(banks, capsys):
    (banks / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    status, out, err = check(capsys, str(banks / "broken.yaml"))
    assert status == 1
    assert err == f"{banks / 'broken.yaml'}:3:20: error: unknown question type singel " \
                  "(did you mean single?)\n"
    assert out.splitlines()[-1] == "checked 1 file: 1 error, 0 warnings"


def test_a_directory_without_banks_is_an_error(tmp_path, capsys):
    status, _, err = check(capsys, str(tmp_path))
    assert status == 1
    assert err == f"{tmp_path}:0:0: error: no bank files (*.yaml) in this directory\n"


def test_no_path_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check"])
    assert exc.value.code == 2


def test_control_characters_quoted_from_a_file_are_printed_as_stand_ins(tmp_path, capsys):
    broken = ("bank: {id: e, title: E}\nquestions:\n"
              "  - {id: q1, type: \"singel\\e[2J\", stem: s, options: [a, b], answer: A}\n"
              "\"\\e]0;title\\a\": 1\n")
    clean = ("bank: {id: c, title: C}\nquestions:\n"
             "  - {id: q2, type: judge, stem: ok, answer: 对, tags: [\"red\\e[31m\"]}\n")
    (tmp_path / "e.yaml").write_text(broken, encoding="utf-8")
    (tmp_path / "c.yaml").write_text(clean, encoding="utf-8")
    status, out, err = check(capsys, str(tmp_path / "e.yaml"))
    assert status == 1
    assert "unknown key \u241b]0;title\u2407" in err
    assert "unknown question type singel\u241b[2J" in err
    status, out2, err2 = check(capsys, str(tmp_path / "c.yaml"))
    assert status == 0
    assert "red\u241b[31m 1" in out2
    assert "\x1b" not in out + err + out2 + err2 and "\x07" not in out + err


def test_an_unknown_lang_is_refused_in_the_language_of_the_environment(capsys, monkeypatch):
    monkeypatch.setenv("QUIZHALL_LANG", "zh-CN")
    with pytest.raises(SystemExit) as exc:
        main(["--lang", "fr", "check", "x.yaml"])
    assert exc.value.code == 2
    assert "参数 --lang：无效的选项：'fr'" in capsys.readouterr().err


CAMPAIGN = """\
campaign: {id: policy-2026, title: 职工政策闯关, opens: 2026-03-01, closes: 2026-03-31}
banks: [s.yaml]
levels: [s/L1]
units: [市总工会, 市总工会/办公室]
"""


def test_a_campaign_file_is_checked_with_its_banks(banks, capsys):
    (banks / "policy.campaign.yaml").write_text(CAMPAIGN, encoding="utf-8")
    status, out, err = check(capsys, str(banks / "policy.campaign.yaml"))
    assert status == 0 and err == ""
    assert ("campaign policy-2026 职工政策闯关 (2026-03-01 00:00 to 2026-04-01 00:00): 1 bank, "
            "1 level, 0 papers, 2 units") in out
    assert "checked 1 file: 0 errors" in out


def test_a_campaign_file_reports_every_problem_with_its_position(banks, capsys):
    broken = (CAMPAIGN.replace("opens: 2026-03-01", "opens: 2026-13-01")
              .replace("[s/L1]", "[s/L9]").replace("办公室]", "办公室, 市总工会]")
              + "colour: red\n")
    # a top-level campaign: makes any YAML file a campaign file, whatever its name
    (banks / "policy.yaml").write_text(broken, encoding="utf-8")
    status, out, err = check(capsys, str(banks / "policy.yaml"))
    path = str(banks / "policy.yaml")
    assert status == 1
    assert err.splitlines() == [
        f"{path}:5:1: error: unknown key colour",
        f"{path}:1:51: error: opens 2026-13-01 is not a date: write 2026-03-01 or "
        "2026-03-01 08:00",
        f"{path}:3:10: error: bank s has no level s/L9 (its levels: L1, L2)",
        f"{path}:4:25: error: unit 市总工会 is listed twice",
    ]
    assert "checked 1 file: 4 errors" in out


def test_campaign_files_in_a_directory_are_checked_as_campaigns(banks, capsys):
    (banks / "policy.campaign.yaml").write_text(CAMPAIGN.replace("s/L1", "s/L7"),
                                                encoding="utf-8")
    status, out, err = check(capsys, "--json", str(banks))
    report = json.loads(out)
    assert status == 1
    assert str(banks / "policy.campaign.yaml") in report["files"]
    [error] = report["errors"]
    assert (error["path"], error["line"]) == (str(banks / "policy.campaign.yaml"), 3)
    assert report["campaigns"] == [{"path": str(banks / "policy.campaign.yaml"), "ok": False}]


def test_a_paper_file_in_a_directory_is_checked_as_a_paper_against_its_banks(banks, capsys):
    # named like any YAML file: its top-level paper: says what it is
    (banks / "union.yaml").write_text(
        "paper: {id: union, title: 工会考试, pass: 0.5}\nquestions: [q1, s/q2, q9]\n",
        encoding="utf-8")
    status, out, err = check(capsys, str(banks))
    path = str(banks / "union.yaml")
    assert status == 1
    assert err.splitlines() == [
        f"{path}:2:23: error: the paper's question q9 is not in the loaded banks"], err
    assert "checked 3 files: 1 error" in out


def test_a_paper_file_alone_is_checked_for_its_own_rules(tmp_path, capsys):
    paper = tmp_path / "mid.paper.yaml"
    paper.write_text("paper: {id: mid, title: 期中, pass: 2}\nquotas: {singel: 3}\n",
                     encoding="utf-8")
    status, out, err = check(capsys, str(paper))
    assert status == 1
    assert [line.split(": error: ")[0] for line in err.splitlines()] == [
        f"{paper}:1:35", f"{paper}:2:18"], err
