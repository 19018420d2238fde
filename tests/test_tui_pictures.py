"""Pictures on the contest screens: drawn in half-blocks on the host console (small) and the
projector (large), picture options as a grid with their letters, the alt text with
``--images off``, and each graphics protocol's escape output."""

from __future__ import annotations

import io
import shutil
import sys

import pytest
from PIL import Image
from tuikit import SAMPLES, host, press, screen_text, shown_text

from quizhall import i18n
from quizhall.tui.widgets import picture
from quizhall.tui.widgets.picture import choose_protocol, fit, half_blocks

SIGNS = SAMPLES / "pictures"
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 45), id="160x45")]
SHOW_FIRST = ["space", "space", "space"]  # title → teams → round → question 1
SHOW_SECOND = SHOW_FIRST + ["o", "2", "y", "r", "space"]  # judged and revealed → question 2


@pytest.fixture(autouse=True)
def half_cells():
    choose_protocol("halfcell")
    yield
    choose_protocol("halfcell")


def signs_contest(tmp_path):
    shutil.copytree(SIGNS, tmp_path / "pictures")
    path = tmp_path / "signs.contest.yaml"
    path.write_text("""\
title: 安全知识竞赛
base_score: 100
banks: [pictures/safety-signs.zh.yaml]
teams:
  - {name: 红队, members: [张三], key: "1"}
  - {name: 蓝队, members: [王五], key: "2"}
rounds:
  - type: buzz
    title: 看图抢答
    questions: {ids: [sign-001, sign-002]}
""", encoding="utf-8")
    return path


def console(tmp_path, monkeypatch, audience: bool):
    i18n.set_language("zh-CN")
    monkeypatch.setattr("quizhall.store.store.secrets.token_hex", lambda n: "5eed")
    app, session = host(signs_contest(tmp_path), tmp_path / "data", single_screen=audience)
    app.title = "quizhall"
    return app, session


@pytest.mark.parametrize("size", SIZES)
def test_host_console_draws_the_question_picture_small(snap_compare, tmp_path, monkeypatch,
                                                       size):
    app, session = console(tmp_path, monkeypatch, audience=False)
    try:
        assert snap_compare(app, press=SHOW_FIRST, terminal_size=size)
    finally:
        session.close()


@pytest.mark.parametrize("size", SIZES)
def test_projector_lays_picture_options_out_as_a_grid(snap_compare, tmp_path, monkeypatch,
                                                      size):
    app, session = console(tmp_path, monkeypatch, audience=True)
    try:
        assert snap_compare(app, press=SHOW_SECOND, terminal_size=size)
    finally:
        session.close()


async def test_images_off_shows_the_alt_text_instead(tmp_path, monkeypatch):
    choose_protocol("off")
    app, session = console(tmp_path, monkeypatch, audience=False)
    try:
        async with app.run_test(size=(100, 40)) as pilot:
            await press(pilot, *SHOW_FIRST)
            text = shown_text(app)
            assert "〔图〕 红色圆环加斜杠，中间是一支点燃的香烟" in text
            assert "▀" not in screen_text(app)
            assert app.screen.query_one(".question-picture").size.height == 1  # no empty box
    finally:
        session.close()


async def test_picture_options_off_are_listed_with_their_alt_text(tmp_path, monkeypatch):
    choose_protocol("off")
    app, session = console(tmp_path, monkeypatch, audience=True)
    try:
        async with app.run_test(size=(100, 40)) as pilot:
            await press(pilot, *SHOW_SECOND)
            text = shown_text(app)
            assert "B. 黄色三角形，黑色闪电" in text
    finally:
        session.close()


async def test_a_picture_deleted_after_the_check_shows_its_alt_text(tmp_path, monkeypatch):
    app, session = console(tmp_path, monkeypatch, audience=False)
    (tmp_path / "pictures" / "signs" / "no-smoking.png").write_bytes(b"gone bad")
    picture._decoded.cache_clear()
    try:
        async with app.run_test(size=(100, 40)) as pilot:
            await press(pilot, *SHOW_FIRST)
            text = shown_text(app)
            assert "〔图〕 红色圆环加斜杠" in text and "不是可用的图片" in text
    finally:
        session.close()


def test_fit_keeps_the_shape_inside_the_box():
    assert fit((80, 10), (1920, 1080)) == (36, 10)  # height-bound: 10 rows = 20 pixel rows
    assert fit((20, 40), (1920, 1080)) == (20, 6)  # width-bound
    assert fit((40, 20), (100, 100), cell=(10, 20)) == (40, 20)
    assert fit((0, 5), (10, 10)) == (0, 0)


def test_half_blocks_put_the_upper_pixel_in_front_and_the_lower_behind():
    image = Image.new("RGB", (2, 2), (255, 0, 0))
    image.putpixel((0, 1), (0, 0, 255))
    [line] = half_blocks(image, 2, 1)
    segments = list(line)
    assert "".join(s.text for s in segments) == "▀▀"
    first = segments[0].style
    assert first.color.triplet == (255, 0, 0) and first.bgcolor.triplet == (0, 0, 255)


@pytest.fixture
def terminal_out(monkeypatch):
    """What a graphics renderable writes to the terminal itself (outside Rich)."""
    out = io.StringIO()
    monkeypatch.setattr(sys, "__stdout__", out)
    return out


def render(renderable) -> str:
    from rich.console import Console

    console = Console(file=io.StringIO(), width=20, height=10, force_terminal=True,
                      color_system="truecolor")
    console.print(renderable)
    return console.file.getvalue()


def test_kitty_protocol_sends_the_picture_and_places_it_with_placeholders(terminal_out):
    from textual_image.renderable.tgp import Image as KittyImage

    drawn = render(KittyImage(Image.new("RGB", (40, 40), "red"), 4, 2))
    sent = terminal_out.getvalue()
    assert sent.startswith("\x1b_G") and "f=100" in sent  # PNG data, in APC sequences
    assert "a=p" in sent and "c=4,r=2" in sent and "U=1" in sent  # a virtual placement 4×2
    assert drawn.count("\U0010eeee") == 8  # one placeholder a cell


def test_sixel_protocol_writes_a_device_control_string(terminal_out):
    from textual_image.renderable.sixel import Image as SixelImage

    drawn = render(SixelImage(Image.new("RGB", (40, 40), "red"), 4, 2))
    start = drawn.index("\x1bP")
    assert drawn.index("q", start) < drawn.index("\x1b\\", start)  # DCS … q <sixels> ST
    assert "#" in drawn[start:]  # a colour register
    assert terminal_out.getvalue() == ""


@pytest.mark.parametrize("protocol", ["kitty", "sixel"])
async def test_graphics_protocols_draw_through_textual_image(tmp_path, monkeypatch, protocol,
                                                             terminal_out):
    choose_protocol(protocol)
    app, session = console(tmp_path, monkeypatch, audience=True)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await press(pilot, *SHOW_FIRST)
            shown = app.screen.query_one(".question-picture")
            drawing = shown.query_one(".picture-graphics")
            assert drawing.image is not None
            # Square sign beside the page (120 columns: wide), 24 rows of 60vh, cells of
            # 10×20 pixels (no terminal to ask): 48×24.
            assert (drawing.size.width, drawing.size.height) == (48, 24)
            if protocol == "kitty":
                assert "\x1b_G" in terminal_out.getvalue()  # the picture went to the terminal
    finally:
        session.close()


def test_the_projector_finds_pictures_from_the_banks_kept_with_the_contest(tmp_path):
    from quizhall.contest.loader import load_contest
    from quizhall.contest.stored import questions_from_texts, used_banks

    load = load_contest(signs_contest(tmp_path))
    kept = questions_from_texts(used_banks(load))
    picture = kept["safety-signs/sign-001"].image
    assert picture == str(tmp_path / "pictures" / "signs" / "no-smoking.png")
    assert kept["safety-signs/sign-002"].option_images["B"][0].endswith("electric-shock.png")


@pytest.mark.parametrize(("size", "beside"), [((160, 45), True), ((80, 40), False)])
async def test_the_stem_is_drawn_large_beside_or_below_the_picture(tmp_path, monkeypatch,
                                                                   hall_font, size, beside):
    from hallkit import stem_rows

    from quizhall.tui.widgets.hall import HallView
    from quizhall.tui.widgets.picture import QuestionPictures

    app, session = console(tmp_path, monkeypatch, audience=True)
    try:
        async with app.run_test(size=size) as pilot:
            await press(pilot, *SHOW_FIRST)
            pictures = app.screen.query_one(QuestionPictures)
            hall = app.screen.query_one(HallView)
            assert pictures.display
            if beside:  # a wide screen: the picture at the left, the page beside it
                assert pictures.region.right <= hall.region.x
            else:  # a narrow one: the picture above the page
                assert pictures.region.bottom <= hall.region.y
            lines = hall.page_lines()
            assert stem_rows(lines, hall_font, app.view.question.stem) >= 3
    finally:
        session.close()
