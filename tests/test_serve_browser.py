"""``quizhall serve`` in a real browser: Debian's headless Chromium, driven through
chromedriver, opens the served page, signs in, answers a question; the answer is stored.

Needs ``chromium`` and ``chromium-driver`` (apt): skipped on a developer's machine without
them, FAILS under CI (``CI=true``), where ``.ci/run`` installs them.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from servekit import Page, chromium, free_port, running, serving, wait_for

from quizhall.practice import History
from quizhall.store import open_store

BANK = """\
bank: {id: room, title: 培训室}
questions:
  - {id: j1, type: judge, stem: 劳动合同应当采用书面形式。, answer: true}
  - {id: j2, type: judge, stem: 试用期可以超过六个月。, answer: false}
"""


@pytest.fixture
def browser(tmp_path):
    with chromium(tmp_path / "chromium") as driver:
        yield driver


@pytest.fixture
def served(tmp_path):
    """``quizhall serve`` on 127.0.0.1 as a real process; yields (url, data directory)."""
    bank = tmp_path / "room.yaml"
    bank.write_text(BANK, encoding="utf-8")
    data_dir, port = tmp_path / "data", free_port()
    output = tmp_path / "serve.out"
    with serving(["--lang", "en", "--data-dir", str(data_dir), "serve", str(bank),
                  "--host", "127.0.0.1", "--port", str(port)], port, output):
        assert "the training room is open" in output.read_text(encoding="utf-8")
        yield f"http://127.0.0.1:{port}/", data_dir
    # stopped within servekit.STOP_SECONDS, the browser still connected
    assert running(f"--data-dir {data_dir} practice") == []  # no session's app outlives it


def _answers(data_dir: Path, user: str) -> list:
    with open_store(data_dir) as store:
        if user not in store.trainees():
            return []
        return History(store.read_trainee_db(user)).answers(user)


def test_a_browser_signs_in_answers_and_the_answer_is_stored(browser, served):
    from selenium.webdriver.common.keys import Keys

    url, data_dir = served
    page = Page(browser, url)
    page.type("E", "7", "0", "1", Keys.ENTER)  # staff number 工号 E701, then sign in
    with open_store(data_dir) as store:
        wait_for(lambda: store.trainees() == ["E701"], "the sign-in")
    page.type("1")  # practice
    page.type("s")  # start
    page.type("a", Keys.ENTER)  # 对 / true
    wait_for(lambda: len(_answers(data_dir, "E701")) == 1, "the answer in the store")
    (answer,) = _answers(data_dir, "E701")
    assert answer.key == "room/j1" and answer.correct
    resources = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)")
    assert resources and all(name.startswith(url) or name.startswith(url.replace("http", "ws"))
                             for name in resources)  # nothing from the internet


DEMO = Path(__file__).resolve().parents[1] / "question_banks"


def test_a_browser_watches_the_projector_view_and_its_keys_reach_nobody(browser, tmp_path):
    """``serve --display``: the contest's hall view in a browser; keys typed there never reach
    the host console listening for the projector's keys."""
    from quizhall.cli import main
    from quizhall.tui import keylink

    data_dir, port = tmp_path / "data", free_port()
    assert main(["--lang", "en", "--data-dir", str(data_dir), "rehearse",
                 str(DEMO / "demo.contest.yaml"), "--commands",
                 str(DEMO / "demo.rehearsal.txt")]) == 0
    with open_store(data_dir) as store:
        (record,) = store.contests()
    heard: list[tuple] = []
    host = keylink.KeyListener(record.id, lambda *key: heard.append(key))
    host.start()  # as a host console on this contest would
    output = tmp_path / "serve.out"
    try:
        with serving(["--lang", "en", "--data-dir", str(data_dir), "serve", "--display",
                      record.id, "--host", "127.0.0.1", "--port", str(port)], port, output):
            assert "the projector view is open (read-only)" in output.read_text(
                encoding="utf-8")
            page = Page(browser, f"http://127.0.0.1:{port}/")
            wait_for(lambda: running(f"--data-dir {data_dir} display --watch-only"),
                     "the browser's watch-only display")
            wait_for(lambda: _drawn(browser), "the view drawn")
            browser.get_screenshot_as_file(str(os.environ.get("QUIZHALL_SHOT",
                                                              tmp_path / "p.png")))
            page.type("1", "o", "y", " ")
            time.sleep(1)  # what a key would have reached the host by then
            assert heard == []
    finally:
        host.stop()
    assert running(f"--data-dir {data_dir} display") == []  # no viewer outlives the server


def _drawn(browser) -> bool:
    """Whether the page shows more than one colour: the terminal has drawn something."""
    from io import BytesIO

    from PIL import Image

    picture = Image.open(BytesIO(browser.get_screenshot_as_png())).convert("RGB")
    return len(picture.getcolors(maxcolors=1 << 16) or range(2)) > 1


def test_serve_takes_banks_or_display_not_both(capsys, tmp_path):
    from quizhall.cli import main

    data = ["--lang", "en", "--data-dir", str(tmp_path / "data")]
    assert main([*data, "serve"]) == 2
    assert "give the banks to practise on, or --display" in capsys.readouterr().err
    assert main([*data, "serve", "x.yaml", "--display"]) == 2
    assert "--display serves the projector view: it takes no banks" in capsys.readouterr().err
    assert main([*data, "serve", "--display", "no-such-contest"]) == 1
    assert "there is no contest no-such-contest" in capsys.readouterr().err


def test_the_served_projector_runs_a_watch_only_display(tmp_path):
    from quizhall.web.serve import display_command

    words = display_command("demo-20251124-abcd", tmp_path, "zh-CN").split()
    assert words[-4:] == ["display", "--watch-only", "--no-bell", "demo-20251124-abcd"]
