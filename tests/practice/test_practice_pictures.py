"""Pictures in practice: the question's picture above the stem, picture options as a grid
under the letters the trainee sees (options are shuffled)."""

import shutil
from pathlib import Path

import pytest
from practice_bank import START
from tui_helpers import answer

from quizhall import i18n
from quizhall.bank.loader import load_bank
from quizhall.practice import History, Library, ManualClock
from quizhall.tui.practice.app import PracticeApp, PracticeSettings
from quizhall.tui.widgets.picture import Picture, PictureOptions, choose_protocol

SIGNS = Path(__file__).resolve().parents[2] / "question_banks" / "pictures"


@pytest.fixture(autouse=True)
def half_cells():
    choose_protocol("halfcell")
    yield
    choose_protocol("halfcell")


def signs_app(db, tmp_path):
    shutil.copytree(SIGNS, tmp_path / "pictures")
    result = load_bank(tmp_path / "pictures" / "safety-signs.zh.yaml")
    assert result.ok
    return PracticeApp(Library(result.banks), History(db), "ann", clock=ManualClock(START),
                       seed=1, settings=PracticeSettings())


def test_practice_draws_the_picture_above_the_stem(snap_compare, db, tmp_path):
    i18n.set_language("zh-CN")
    assert snap_compare(signs_app(db, tmp_path), press=["1", "s"], terminal_size=(80, 24))


async def test_picture_options_carry_the_shown_letters(db, tmp_path):
    app = signs_app(db, tmp_path)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.pause()
        await pilot.press("1", "s")
        await pilot.pause()
        await answer(pilot, True)
        await pilot.pause()
        screen = app.screen
        presented = screen.presented
        assert presented.question.id == "sign-002"
        grid = screen.query_one(PictureOptions)
        assert grid.display
        shown = {}
        for cell in grid.query(".picture-option"):
            if cell.display:
                picture = cell.query_one(Picture)
                shown[cell.query_one("Prose").text.plain.strip(" .")] = picture.file
        question = presented.question
        assert shown == {presented.shown_letter(letter): file
                         for letter, (file, _) in question.option_images.items()}
        listed = str(screen.query_one("#q-options").render())
        assert "黄色三角形" not in listed and listed.count("[picture]") == 4  # not given away
