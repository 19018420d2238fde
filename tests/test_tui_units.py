"""The TUI's pure parts: line breaking, the audience view, keys, formatting, export."""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from rich.text import Text
from tuikit import TUI_BANK, contest_file, host, press

from quizhall import i18n
from quizhall.exporters.results import ExportError
from quizhall.report.contest import ContestReport
from quizhall.testing import start
from quizhall.tui.dialogs import PickDialog
from quizhall.tui.export import export_results
from quizhall.tui.host_keys import build_keymap, conflicts, key_display, key_name
from quizhall.tui.present import notices, prize_name
from quizhall.tui.stage_view import QuestionView, Stage, StageView
from quizhall.tui.text import clock, colour_value, contrast, points, signed
from quizhall.tui.wrap import NO_START, wrap

STEM = "劳动关系以实际用工为准，自用工之日起建立；即使用工前已签合同，劳动关系也从用工之日起算。"


def test_chinese_wraps_by_character_and_fills_each_line():
    lines = [line.plain for line in wrap(Text("解析： " + STEM), 20)]
    assert all(cell_len(line) <= 20 for line in lines)
    assert lines[0] == "解析： 劳动关系以实"  # not pushed whole to the next line
    assert "".join(lines) == "解析： " + STEM


def test_no_line_starts_with_closing_punctuation():
    for width in range(6, 40):
        for line in wrap(Text(STEM), width)[1:]:
            assert line.plain[0] not in NO_START, (width, line.plain)


def test_english_words_are_not_split():
    lines = [line.plain for line in wrap(Text("the quick brown fox jumps"), 10)]
    assert lines == ["the quick", "brown fox", "jumps"]


def test_the_key_bar_never_splits_a_key_from_its_description():
    from quizhall.tui.keybar import KeyBar, key_line

    items = [("y", "答对"), ("n", "答错"), ("p", "部分得分"), ("ctrl+t", "判超时"),
             ("t", "暂停"), ("u", "撤销"), ("a", "调分"), ("s", "比分"), ("?", "帮助"),
             ("q", "退出")]
    lines = [line.plain for line in wrap(key_line(items), 78, KeyBar.BREAK_CJK)]
    assert len(lines) == 2 and all(cell_len(line) <= 78 for line in lines)
    words = [word for line in lines for word in line.split()]
    assert "调分" in words and "比分" in words  # not "调" at one line's end, "分" at the next


def test_styles_survive_wrapping():
    text = Text("粗体文字很长很长", style="bold")
    assert all(line.style == "bold" or line.spans for line in wrap(text, 6))


def test_the_audience_view_has_no_answer_until_the_reveal():
    question = QuestionView(1, 5, "题干", answer="A. 甲", explanation="因为", source="法条")
    view = StageView(Stage.QUESTION, "赛", question=question, next_step="reveal")
    hidden = view.for_audience().question
    assert (hidden.answer, hidden.explanation, hidden.source) == ("", "", "")
    assert view.for_audience().next_step == ""
    shown = StageView(Stage.REVEAL, "赛", question=question, revealed=True).for_audience()
    assert shown.question.answer == "A. 甲" and shown.question.source == "法条"


def test_key_names_and_their_display():
    assert key_name("?") == "question_mark" and key_name(" ") == "space"
    assert key_name("F5") == "f5" and key_name("T") == "T"
    assert key_display("space") == "Space" and key_display("?") == "?"
    assert key_display("ctrl+t") == "Ctrl+T" and key_display("f5") == "F5"


def test_key_clashes_are_named():
    keymap = build_keymap({"reveal": "o"}, ["1", "y", "1"])
    problems = conflicts(keymap)
    assert any("o" in p and "open" in p and "reveal" in p for p in problems)
    assert any("team 2's buzzer key y" in p and "right" in p for p in problems)
    assert any("teams 1 and 3 both have buzzer key 1" in p for p in problems)
    assert conflicts(build_keymap({}, ["1", "2", "3"])) == []


def test_numbers_and_clock():
    assert points(110.0) == "110" and points(12.5) == "12.5" and signed(10) == "+10"
    assert signed(-5.0) == "-5" and clock(0.2) == "1" and clock(65) == "1:05"
    assert clock(-3) == "0"
    assert colour_value("red") == "#FF0000" and colour_value("not a colour") == ""
    assert contrast("#ffff00") == "#000000" and contrast("#000080") == "#ffffff"


def test_prize_names_in_both_languages():
    i18n.set_language("zh-CN")
    assert prize_name(1) == "一等奖" and prize_name(3) == "三等奖"
    i18n.set_language("en")
    assert prize_name(1) == "1st prize" and prize_name(2) == "2nd prize"
    assert prize_name(11) == "11th prize"


def test_notices_for_the_hall():
    said = notices([{"type": "early_buzz", "team": 0, "points": -10, "lose_right": True},
                    {"type": "score_adjusted", "team": 1, "points": 5, "reason": "jury"},
                    {"type": "buzz", "team": 1}], ["红队", "蓝队"])
    assert said == ["Early buzz: 红队 -10, and no answer on this question",
                    "Jury adjustment: 蓝队 +5 (jury)"]


class Recorder:
    name, kind, suffix = "test-results", "contest", ".txt"

    def __init__(self) -> None:
        self.written: list[tuple[object, Path]] = []

    def write(self, data: object, path: Path, options: dict) -> None:
        self.written.append((data, path))
        path.write_text("results", encoding="utf-8")


class Broken(Recorder):
    def write(self, data: object, path: Path, options: dict) -> None:
        raise OSError("disk full")


def test_export_without_an_exporter_says_so(tmp_path):
    message, ok = export_results(object(), "c-1", [], tmp_path)
    assert not ok and message == "No results exporter is installed."


def test_export_failure_names_the_plugin(tmp_path):
    demo = Path(__file__).resolve().parents[1] / "question_banks" / "demo.contest.yaml"
    message, ok = export_results(start(demo).contest, "c-1", [Broken()], tmp_path)
    assert not ok and "test-results" in message and "disk full" in message


async def test_export_key_writes_the_results_when_the_contest_is_over(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    recorder = Recorder()
    rounds = "  - type: buzz\n    questions: {ids: [h02]}\n"
    app, session = host(contest_file(tmp_path, rounds, bank=TUI_BANK), tmp_path / "data",
                        exporters=[recorder])
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await press(pilot, "e")
        assert recorder.written == []  # not before the end
        await press(pilot, "space", "space", "space", "o", "1", "y", "space")
        assert app.view.finished and ("e", "export") in app.footer_items()
        await press(pilot, "e")
    report = recorder.written[0][0]
    assert isinstance(report, ContestReport) and report.contest_id == session.contest_id
    assert report.finished and report.title == app.contest.plan.title
    assert recorder.written[0][1] == tmp_path / f"{session.contest_id}-results.txt"
    assert any("Results exported" in n.message for n in app._notifications)
    session.close()


class Directories(Recorder):
    name, suffix = "certificates", ""  # writes a directory


async def test_export_key_asks_which_exporter_when_there_are_several(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    first, second = Recorder(), Directories()
    rounds = "  - type: buzz\n    questions: {ids: [h02]}\n"
    app, session = host(contest_file(tmp_path, rounds, bank=TUI_BANK), tmp_path / "data",
                        exporters=[first, second])
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await press(pilot, "space", "space", "space", "o", "1", "y", "space", "e")
        assert isinstance(app.screen, PickDialog)
        await press(pilot, "down", "enter")
    assert first.written == []
    assert second.written[0][1] == tmp_path / f"{session.contest_id}-certificates"
    session.close()


def test_an_exporters_own_message_reaches_the_host_as_it_is(tmp_path):
    class Refusing(Recorder):
        def write(self, data: object, path: Path, options: dict) -> None:
            raise ExportError("no font with Chinese characters was found")

    demo = Path(__file__).resolve().parents[1] / "question_banks" / "demo.contest.yaml"
    message, ok = export_results(start(demo).contest, "c-1", [Refusing()], tmp_path)
    assert not ok and message == "no font with Chinese characters was found"
