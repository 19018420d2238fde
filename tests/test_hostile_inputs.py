"""Inputs a hostile user or a broken file may give: none may crash quizhall or hang it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from contest_helpers import DATA, contest_text, events, play, reasons

from quizhall.cli import main
from quizhall.contest import ScorePart
from quizhall.hookspecs import hookimpl
from quizhall.testing import load, plugin_manager, start

REQUIRED = "  - type: required\n    questions: {count: 4}\n    answerer: team\n"
HUGE = "1" * 5000  # more digits than Python converts to an int


def test_a_team_number_of_thousands_of_digits_is_refused_not_a_crash():
    result = play(REQUIRED, ["next", "next", f"buzz {HUGE}", f"adjust {HUGE} 5 jury"])
    assert len(reasons(result)) == 2
    assert all("no team" in reason and "111111111…" in reason for reason in reasons(result))


def test_a_member_number_of_thousands_of_digits_is_refused_not_a_crash():
    result = play(REQUIRED, ["next", "next", f"member {HUGE}", "member 0002", "right"])
    assert len(reasons(result)) == 1 and "no such member" in reasons(result)[0]
    assert events(result, "answer_judged")[0]["member"] == 1


class RaisesBase:
    def __init__(self, kind):
        self.kind = kind

    @hookimpl
    def quizhall_score_answer(self, answer):
        raise self.kind("from a plugin")


class Absurd:
    @hookimpl
    def quizhall_score_answer(self, answer):
        return ScorePart(999_999_999, "jackpot")


@pytest.mark.parametrize("kind", [GeneratorExit, KeyboardInterrupt, SystemExit])
def test_a_plugin_raising_a_base_exception_is_named_and_the_contest_goes_on(kind):
    rehearsal = start(contest_text(REQUIRED), plugins=[RaisesBase(kind)], base_dir=DATA)
    rehearsal.run(["next", "next", "right", "next", "right"])
    assert len(rehearsal.warnings) == 2
    assert all("test-plugin-0" in w and kind.__name__ in w for w in rehearsal.warnings)
    assert rehearsal.contest.view().teams[0].score == 110


def test_a_plugin_scoring_absurd_points_is_named_and_ignored():
    rehearsal = start(contest_text(REQUIRED), plugins=[Absurd()], base_dir=DATA)
    rehearsal.run(["next", "next", "right"])
    assert rehearsal.contest.view().teams[0].score == 110
    (warning,) = rehearsal.warnings
    assert "test-plugin-0" in warning and "999999999" in warning


def test_check_warns_of_a_plugin_file_outside_the_contest_folder(tmp_path, capsys):
    hall = tmp_path / "hall"
    hall.mkdir()
    (hall / "rules.yaml").write_text((DATA / "rules.yaml").read_text(encoding="utf-8"),
                                     encoding="utf-8")
    (tmp_path / "elsewhere.py").write_text("X = 1\n", encoding="utf-8")
    (hall / "inside.py").write_text("Y = 1\n", encoding="utf-8")
    contest = hall / "hall.contest.yaml"
    contest.write_text(contest_text(REQUIRED, head="plugins: [../elsewhere.py, inside.py]\n"),
                       encoding="utf-8")
    assert main(["check", str(contest)]) == 0
    out = capsys.readouterr()
    text = out.out + out.err
    assert "../elsewhere.py is outside the contest's folder" in text
    assert "inside.py is outside" not in text


LAUGHS = ("settings:\n      a: &a [x, x, x, x, x, x, x, x, x, x]\n"
          + "".join(f"      {chr(98 + n)}: &{chr(98 + n)} [*{chr(97 + n)}, *{chr(97 + n)}, "
                    f"*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, "
                    f"*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}]\n"
                    for n in range(8)))


class Settled:
    __name__ = "settled"

    @hookimpl
    def quizhall_score_answer(self, answer):
        return None


@pytest.mark.parametrize("settings", [
    "settings: &s {a: *s}\n",  # an alias inside itself
    LAUGHS,  # a billion laughs: 10^9 values from a few hundred bytes
])
def test_plugin_settings_are_read_within_the_limits_banks_have(settings):
    text = contest_text(REQUIRED, head="plugins:\n  - name: settled\n    " + settings)
    loaded = load(text, DATA, plugin_manager([Settled()]))
    (problem,) = [d for d in loaded.diagnostics if d.severity == "error"]
    assert "once its aliases (*name) are expanded" in problem.message
    assert problem.line in (6, 7)  # where the settings value starts


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")
def test_check_and_import_refuse_a_fifo_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "bank.yaml"
    os.mkfifo(fifo)
    sheet = tmp_path / "bank.csv"
    os.mkfifo(sheet)
    for args in (["check", str(fifo)], ["import", str(sheet), "-o", str(tmp_path / "o.yaml")]):
        # In a child process, so that a regression hangs the child, not the test run.
        done = subprocess.run([sys.executable, "-m", "quizhall", "--lang", "en", *args],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode != 0 and "not a regular file" in done.stderr, done.stderr
        assert "Traceback" not in done.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_check_refuses_an_endless_device_instead_of_reading_it(capsys):
    assert main(["check", "/dev/zero"]) == 1
    assert "not a regular file" in capsys.readouterr().err


def test_a_file_larger_than_the_limit_is_refused_by_what_is_read(tmp_path, monkeypatch):
    import quizhall.yamlsource as yamlsource

    bank = tmp_path / "bank.yaml"
    bank.write_text("bank: {id: b, title: T}\nquestions: []\n" + "#" * 300 + "\n")
    data, problems = yamlsource.read_bytes(bank, "bank.yaml", limit=100)
    assert data is None and "over the 0 MB limit" in problems[0].message
    data, problems = yamlsource.read_bytes(bank, "bank.yaml", limit=400)
    assert data is not None and problems == []


def test_escape_codes_in_the_svg_chart_and_gift_export_are_visible_symbols():
    from quizhall.bank.model import Bank, BankInfo, Question, QuestionType
    from quizhall.exporters.bank_gift import bank_to_gift
    from quizhall.exporters.svgchart import line_chart_svg
    from quizhall.exporters.tables import Chart, Series

    chart = Chart("score \x1b[2J", "question", "points",
                  (Series("红队\x1b[31m\u202e", (1.0, 2.0)), Series("蓝队", (0.0, 3.0))))
    svg = line_chart_svg(chart)
    assert "\x1b" not in svg and "\u202e" not in svg
    assert "红队␛[31m&lt;U+202E&gt;" in svg and "score ␛[2J" in svg
    bank = Bank(BankInfo("b", "T"), (Question("q1", QuestionType.JUDGE, "对吗\x1b[5m？", True,
                                              explanation="因为\x07"),))
    text, _ = bank_to_gift(bank)
    assert "\x1b" not in text and "\x07" not in text
    assert "对吗␛[5m？" in text and "因为␇" in text


def _xlsx_expanding_to(path: Path, padding: int) -> None:
    """A real workbook whose sheet part is padded with whitespace: small on disk, huge inside."""
    import zipfile

    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["题型", "题干", "A", "B", "答案"])
    book.active.append(["单选", "选哪个？", "甲", "乙", "A"])
    plain = path.with_suffix(".plain.xlsx")
    book.save(plain)
    with zipfile.ZipFile(plain) as source, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith("sheet1.xml"):
                with target.open(info.filename, "w") as part:
                    part.write(data)
                    for _ in range(padding // (1 << 20)):
                        part.write(b" " * (1 << 20))
            else:
                target.writestr(info, data)


def test_an_xlsx_that_expands_past_the_limit_is_refused_before_it_is_opened(tmp_path, capsys):
    bomb = tmp_path / "bomb.xlsx"
    _xlsx_expanding_to(bomb, 80 << 20)
    assert bomb.stat().st_size < 1 << 20
    assert main(["import", str(bomb), "-o", str(tmp_path / "out.yaml")]) == 2  # nothing written
    assert "expands to 80 MB, over the 64 MB limit" in capsys.readouterr().err
    _xlsx_expanding_to(bomb, 1 << 20)  # a little padding is fine
    assert main(["import", str(bomb), "-o", str(tmp_path / "out.yaml")]) == 0


def test_a_sheet_with_more_rows_than_the_limit_is_refused(tmp_path, capsys, monkeypatch):
    from quizhall.importers import sheet

    monkeypatch.setattr(sheet, "MAX_ROWS", 100)
    big = tmp_path / "big.csv"
    big.write_text("题型,题干,A,B,答案\n" + "单选,选哪个？,甲,乙,A\n" * 100, encoding="utf-8")
    assert main(["import", str(big), "-o", str(tmp_path / "out.yaml")]) == 2  # nothing written
    assert "more than 100 rows" in capsys.readouterr().err
    big.write_text("题型,题干,A,B,答案\n" + "单选,选哪个？,甲,乙,A\n" * 99, encoding="utf-8")
    assert main(["import", str(big), "-o", str(tmp_path / "out.yaml")]) == 0


def test_a_lower_bound_alone_is_said_without_a_none(tmp_path):
    text = contest_text("  - type: required\n    questions: {count: 0}\n",
                        head="prizes: [0]\n")
    messages = [d.message for d in load(text, DATA, plugin_manager([])).diagnostics]
    assert "count should be at least 1, not 0" in messages
    assert "prizes should be at least 1, not 0" in messages
    assert not any("None" in message for message in messages)


def test_rehearse_json_prints_the_contest_file_errors_as_json(tmp_path, capsys):
    contest = tmp_path / "bad.contest.yaml"
    contest.write_text(contest_text("  - type: nonsense\n"), encoding="utf-8")
    (tmp_path / "rules.yaml").write_bytes((DATA / "rules.yaml").read_bytes())
    script = tmp_path / "script.txt"
    script.write_text("next\n", encoding="utf-8")
    assert main(["rehearse", str(contest), "--commands", str(script), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    (error,) = report["errors"]
    assert error["line"] == 10 and "nonsense" in error["message"]


def test_a_full_disk_while_creating_a_contest_leaves_no_contest_directory(tmp_path, monkeypatch):
    import errno

    import quizhall.store.store as store_module
    from quizhall.store import StoreError, open_store

    def full(path, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_module, "write_atomic", full)
    with open_store(tmp_path / "data") as store:
        with pytest.raises(StoreError, match="No space left"):
            store.create_contest("Full", {})
        assert list(store.contests_dir.iterdir()) == []


@pytest.mark.parametrize("kind, extra", [
    ("judge", ""), ("fill", ""), ("single", "    options: {A: 甲, B: 乙}\n"),
    ("short", ""), ("numeric", "")])
def test_a_python_tag_on_an_answer_is_refused_as_a_tag(tmp_path, kind, extra):
    from quizhall.bank.loader import load_bank

    bank = tmp_path / "b.yaml"
    bank.write_text("bank: {id: b, title: T}\nquestions:\n  - id: q1\n"
                    f"    type: {kind}\n    stem: 填____吗\n{extra}"
                    "    answer: !!python/object/new:os.system [echo hi]\n", encoding="utf-8")
    (problem,) = load_bank(bank, use_cache=False).diagnostics
    assert "YAML tag !!python/object/new:os.system is not allowed" in problem.message
