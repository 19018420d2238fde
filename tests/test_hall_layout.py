"""Projector pages fill the screen they are on, with text as large as fits (no terminal needed).

The yardstick is the issue's: on a 160×45 projector a 40-character Chinese stem with four
options is drawn at least 3 cell rows tall a line; every page fits every size from 80×24 to
240×67; without a font the projector falls back to plain text.
"""

from __future__ import annotations

import pytest
from hallkit import PAGES, played, stem_rows
from rich.cells import cell_len

from quizhall import i18n
from quizhall.tui import bigtext
from quizhall.tui.hall import hall_page
from quizhall.tui.present import present
from quizhall.tui.stage_view import QuestionView, Stage, StageView, TeamView, TimerView
from quizhall.tui.widgets.banner import spaced

SIZES = [(80, 24), (160, 45), (240, 67)]
QUADRANTS = set("▘▝▀▖▌▞▛▗▚▐▜▄▙▟█")


def audience_view(tmp_path, language: str, page: str) -> StageView:
    session = played(tmp_path, language, PAGES[page])
    view = present(session.contest.view()).for_audience()
    session.close()
    return view


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_fits_every_screen(tmp_path, hall_font, page, size):
    i18n.set_language("zh-CN")
    width, height = size
    lines = hall_page(audience_view(tmp_path, "zh-CN", page), width, height, hall_font)
    assert len(lines) == height
    assert all(cell_len(line.plain) <= width for line in lines)


def test_a_forty_character_chinese_stem_is_drawn_at_least_three_rows_tall_at_160x45(
        tmp_path, hall_font):
    i18n.set_language("zh-CN")
    view = audience_view(tmp_path, "zh-CN", "question")
    assert len(view.question.stem) >= 40 and len(view.question.options) == 4
    lines = hall_page(view, 160, 45, hall_font)
    assert stem_rows(lines, hall_font, view.question.stem) >= 3
    ink = sum(1 for line in lines for c in line.plain if not c.isspace())
    assert ink / (160 * 45) >= 0.25  # the goal for the share of cells with ink


def test_without_a_font_the_projector_shows_plain_text(tmp_path, monkeypatch):
    monkeypatch.setenv(bigtext.FONT_VARIABLE, "none")
    assert bigtext.big_font() is None
    view = audience_view(tmp_path, "zh-CN", "question")
    text = "\n".join(line.plain for line in hall_page(view, 160, 45, None))
    assert view.question.stem[:20] in text and not set(text) & QUADRANTS


def test_a_missing_font_file_means_plain_text_not_an_error(monkeypatch, tmp_path):
    monkeypatch.setenv(bigtext.FONT_VARIABLE, str(tmp_path / "no-such-font.ttc"))
    assert bigtext.find_font() is None and bigtext.big_font() is None


def test_chinese_needs_more_rows_than_latin_to_be_legible(hall_font):
    assert hall_font.legible("Team", 3) and not hall_font.legible("红队", 3)
    assert hall_font.legible("红队", 4)
    assert all(len(row) == hall_font.width("红队 A", 5) for row in hall_font.render("红队 A", 5))


def test_the_last_seconds_are_marked_by_words_and_shape_not_colour_alone(hall_font):
    i18n.set_language("en")
    question = QuestionView(1, 1, "Which?", options=(("A", "yes"), ("B", "no")))
    view = StageView(Stage.QUESTION, "Quiz", question=question, audience=True,
                     timer=TimerView(remaining=4, total=30))
    text = "\n".join(line.plain for line in hall_page(view, 160, 45, hall_font))
    assert "▶▶ LAST SECONDS! ◀◀" in text
    calm = StageView(Stage.QUESTION, "Quiz", question=question, audience=True,
                     timer=TimerView(remaining=12, total=30))
    assert "LAST SECONDS" not in "\n".join(
        line.plain for line in hall_page(calm, 160, 45, hall_font))


def test_the_reveal_marks_the_right_option(tmp_path):
    i18n.set_language("en")
    view = audience_view(tmp_path, "en", "reveal")
    text = "\n".join(line.plain for line in hall_page(view, 160, 45, None))
    assert "✔ A. one month" in text and "B. two months" in text
    assert "✔ B" not in text and "Labour Contract Law, article 10" in text


def test_the_answer_is_not_on_the_projector_before_the_reveal(tmp_path):
    i18n.set_language("en")
    view = audience_view(tmp_path, "en", "buzz_lock")
    text = "\n".join(line.plain for line in hall_page(view, 160, 45, None))
    assert "✔" not in text and "article 10" not in text


def test_the_podium_says_when_a_tie_break_decided_a_place(tmp_path):
    i18n.set_language("en")
    view = audience_view(tmp_path, "en", "podium")
    text = "\n".join(line.plain for line in hall_page(view, 160, 45, None))
    assert "红队 and 蓝队 tied on points: the tie-break decided" in text


def test_latin_team_names_are_not_letter_spaced(hall_font):
    assert spaced("Green Team") == "Green Team" and spaced("蓝队") == "蓝 队"
    team = TeamView(3, "Green Team", 100, "#2e9e44")
    view = StageView(Stage.QUESTION, "Quiz", teams=(team,), buzz_holder=3, audience=True,
                     question=QuestionView(1, 1, "Which?"))
    text = "\n".join(line.plain for line in hall_page(view, 80, 24, None))
    assert "3 Green Team" in text


def test_control_characters_in_a_stem_show_as_text(hall_font):
    question = QuestionView(1, 1, "\x1b[31m红色[bold]")
    view = StageView(Stage.QUESTION, "Quiz", question=question, audience=True)
    for font in (hall_font, None):
        text = "".join(line.plain for line in hall_page(view, 160, 45, font))
        assert "\x1b" not in text


async def test_gate_rounds_show_level_titles_not_ids(tmp_path):
    from tuikit import RULES_BANK, contest_file, host, press, screen_text

    rounds = """\
  - type: gate
    title: 闯关轮
    gates: [L1, L2]
    questions: {types: [judge]}
"""
    app, session = host(contest_file(tmp_path, rounds, bank=RULES_BANK), tmp_path / "data")
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "space", "space")
        assert "第一关 → 第二关" in " ".join(app.view.round_rules)
        await press(pilot, "space")
        assert "Gate 1 of 2 · 第一关" in screen_text(app)
        assert "L1" not in " ".join(app.view.round_rules)
    session.close()


def _standings(first: str, second: str) -> StageView:
    teams = (TeamView(1, first, 120, "#d7263d", rank=1), TeamView(2, second, 100, "#1b6fd8",
                                                                     rank=2))
    return StageView(Stage.SCORES, "Quiz", teams=teams, audience=True)


def test_a_rank_change_is_drawn_as_movement_between_the_places():
    from quizhall.tui.hall import Motion

    view = _standings("Red", "Blue")
    still = [line.plain for line in hall_page(view, 80, 24, None)]
    halfway = [line.plain for line in hall_page(view, 80, 24, None,
                                                motion=Motion({1: 0.5, 2: 0.0}))]
    row = next(i for i, line in enumerate(still) if "1. Red" in line)
    moved = next(i for i, line in enumerate(halfway) if "1. Red" in line)
    assert moved > row  # drawn between its old place and its new one


@pytest.mark.parametrize("motion", [True, False], ids=["motion", "no-motion"])
async def test_the_scoreboard_slides_only_with_motion_on(motion):
    from textual.app import App

    from quizhall.tui.widgets.hall import HallView

    class Board(App):
        def compose(self):
            yield HallView(motion=motion)

    app = Board()
    async with app.run_test(size=(80, 24)) as pilot:
        hall = app.query_one(HallView)
        hall.show(_standings("Red", "Blue"))
        await pilot.pause()
        teams = _standings("Red", "Blue").teams
        swapped = StageView(Stage.SCORES, "Quiz", audience=True, teams=(
            TeamView(1, "Red", 100, "#d7263d", rank=2), TeamView(2, "Blue", 130, "#1b6fd8",
                                                                 rank=1)))
        assert teams[0].rank == 1
        hall.show(swapped)
        assert hall.moving is motion
