"""A served practice app: each session signs in (name or 工号, the room's join code) and
practises as its own trainee; a trainee already practising elsewhere is named, not opened."""

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import textual_serve
from practice_bank import START, make_bank
from tui_helpers import screen_text

from quizhall.practice import History, Library, ManualClock
from quizhall.store import open_store
from quizhall.tui.practice.app import PracticeApp, PracticeSettings, Room
from quizhall.tui.practice.question import QuestionScreen
from quizhall.tui.practice.signin import SignInScreen
from quizhall.tui.practice.start import StartScreen
from quizhall.web.serve import PAGE_TEMPLATES, practice_command

SIZE = (100, 40)
SRC = str(Path(__file__).resolve().parents[2] / "src")


def _app(store, code=""):
    room = Room(lambda name: History(store.trainee_db(name)), code)
    return PracticeApp(Library([make_bank()]), None, "", clock=ManualClock(START), seed=1,
                       settings=PracticeSettings(), room=room)


async def _type(pilot, selector, text):
    pilot.app.screen.query_one(selector).value = text
    await pilot.pause()


async def test_a_session_signs_in_with_the_join_code_and_practises_as_that_trainee(tmp_path):
    with open_store(tmp_path) as store:
        app = _app(store, code="room-42")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, SignInScreen)
            await _type(pilot, "#sign-in-name", "E1024")
            await _type(pilot, "#sign-in-code", "wrong")
            await pilot.click("#sign-in-go")
            await pilot.pause()
            assert isinstance(app.screen, SignInScreen)
            assert "join code is wrong" in screen_text(app)
            await _type(pilot, "#sign-in-code", "room-42")
            app.screen.query_one("#sign-in-code").focus()
            await pilot.press("enter")  # enter in the last field signs in, as the button does
            await pilot.pause()
            assert isinstance(app.screen, StartScreen) and "E1024" in screen_text(app)
            await pilot.press("1")
            await pilot.pause()
            await pilot.press("s")
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            await pilot.press("a", "enter")
            await pilot.pause()
        assert store.trainees() == ["E1024"]
        assert len(History(store.read_trainee_db("E1024")).answers("E1024")) == 1


async def test_a_blank_name_is_refused(tmp_path):
    with open_store(tmp_path) as store:
        app = _app(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert not app.screen.query("#sign-in-code")  # no join code asked: none set
            await _type(pilot, "#sign-in-name", "   ")
            await pilot.click("#sign-in-go")
            await pilot.pause()
            assert isinstance(app.screen, SignInScreen) and "name or staff" in screen_text(app)
        assert store.trainees() == []


HOLD = """
import sys, time
from quizhall.store import open_store
open_store(sys.argv[1]).trainee_db("ann")
print("ready", flush=True)
time.sleep(60)
"""


async def test_a_trainee_practising_in_another_session_is_refused_by_name(tmp_path):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [SRC,
                                                                     os.environ.get("PYTHONPATH")]))}
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(tmp_path)],
                              stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert holder.stdout.readline().startswith("ready")
        with open_store(tmp_path) as store:
            app = _app(store)
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                await _type(pilot, "#sign-in-name", "ann")
                await pilot.click("#sign-in-go")
                await pilot.pause()
                assert isinstance(app.screen, SignInScreen)
                assert f"pid {holder.pid}" in screen_text(app).replace("\n", " ")
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.communicate(timeout=10)


def test_the_served_page_loads_nothing_from_the_internet():
    page = (PAGE_TEMPLATES / "app_index.html").read_text(encoding="utf-8")
    static = Path(textual_serve.__file__).with_name("static")
    assets = [page] + [path.read_text(encoding="utf-8", errors="replace")
                       for path in static.rglob("*") if path.suffix in (".js", ".css")]
    for text in assets:
        # a URL in a src, href, url(), import or fetch: a load from somewhere else
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//|url\(\s*["']?(https?:)?//|"""
                             r"""import\s*\(\s*["']https?:|fetch\(\s*["']https?:""", text)
    assert "fonts.googleapis" not in page and "{{ config.static.url }}fonts/" in page


def test_each_session_runs_the_practice_app_signing_in_on_the_served_data(tmp_path):
    command = practice_command([tmp_path / "law.yaml"], tmp_path / "data", "zh-CN")
    assert command.endswith(f"--data-dir {tmp_path / 'data'} practice {tmp_path / 'law.yaml'} "
                            "--sign-in")
    assert " -m quizhall --lang zh-CN " in command
