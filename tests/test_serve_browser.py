"""``quizhall serve`` in a real browser: Debian's headless Chromium, driven through
chromedriver, opens the served page, signs in, answers a question; the answer is stored.

Needs ``chromium`` and ``chromium-driver`` (apt): skipped on a developer's machine without
them, FAILS under CI (``CI=true``), where ``.ci/run`` installs them.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quizhall.practice import History
from quizhall.store import open_store

SRC = str(Path(__file__).resolve().parents[1] / "src")
CHROMIUM_ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage")
BANK = """\
bank: {id: room, title: 培训室}
questions:
  - {id: j1, type: judge, stem: 劳动合同应当采用书面形式。, answer: true}
  - {id: j2, type: judge, stem: 试用期可以超过六个月。, answer: false}
"""


def _browser_programs() -> tuple[str, str]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if chromium and driver:
        return chromium, driver
    message = "the browser tests need chromium and chromium-driver (apt-get install -y ...)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture
def browser(tmp_path):
    chromium, driver_path = _browser_programs()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in (*CHROMIUM_ARGS, f"--user-data-dir={tmp_path / 'chromium'}"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def served(tmp_path):
    """``quizhall serve`` on 127.0.0.1 as a real process; yields (url, data directory)."""
    bank = tmp_path / "room.yaml"
    bank.write_text(BANK, encoding="utf-8")
    data_dir, port = tmp_path / "data", _free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [SRC,
                                                                     os.environ.get("PYTHONPATH")]))}
    output = tmp_path / "serve.out"
    with output.open("w") as log:  # a file: a pipe nobody reads could stall the server
        server = subprocess.Popen(
            [sys.executable, "-m", "quizhall", "--lang", "en", "--data-dir", str(data_dir),
             "serve", str(bank), "--host", "127.0.0.1", "--port", str(port)],
            stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        _wait_for(lambda: _listening(port), "the server to listen")
        assert "the training room is open" in output.read_text(encoding="utf-8")
        yield f"http://127.0.0.1:{port}/", data_dir
    finally:
        server.terminate()  # graceful: the sessions' apps are told to quit
        server.wait(timeout=60)
    sessions = subprocess.run(["pgrep", "-f", "--", f"--data-dir {data_dir} practice"],
                              capture_output=True, text=True).stdout.split()
    assert sessions == []  # no session's app outlives the server


def _listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


def _wait_for(condition, what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.1)


def _answers(data_dir: Path, user: str) -> list:
    with open_store(data_dir) as store:
        if user not in store.trainees():
            return []
        return History(store.read_trainee_db(user)).answers(user)


def test_a_browser_signs_in_answers_and_the_answer_is_stored(browser, served):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    url, data_dir = served
    browser.get(url)
    _wait_for(lambda: "-first-byte" in (browser.find_element(By.TAG_NAME, "body")
                                        .get_attribute("class") or ""), "the app's first screen")
    keyboard = browser.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")

    def type_keys(*keys: str) -> None:
        for key in keys:
            keyboard.send_keys(key)
            time.sleep(0.3)  # one key at a time, as a person types

    type_keys("E", "7", "0", "1", Keys.ENTER)  # staff number 工号 E701, then sign in
    with open_store(data_dir) as store:
        _wait_for(lambda: store.trainees() == ["E701"], "the sign-in")
    type_keys("1")  # practice
    type_keys("s")  # start
    type_keys("a", Keys.ENTER)  # 对 / true
    _wait_for(lambda: len(_answers(data_dir, "E701")) == 1, "the answer in the store")
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
    from selenium.webdriver.common.by import By

    from quizhall.cli import main
    from quizhall.tui import keylink

    data_dir, port = tmp_path / "data", _free_port()
    assert main(["--lang", "en", "--data-dir", str(data_dir), "rehearse",
                 str(DEMO / "demo.contest.yaml"), "--commands",
                 str(DEMO / "demo.rehearsal.txt")]) == 0
    with open_store(data_dir) as store:
        (record,) = store.contests()
    heard: list[tuple] = []
    host = keylink.KeyListener(record.id, lambda *key: heard.append(key))
    host.start()  # as a host console on this contest would
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [SRC,
                                                                     os.environ.get("PYTHONPATH")]))}
    output = tmp_path / "serve.out"
    with output.open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "quizhall", "--lang", "en", "--data-dir", str(data_dir),
             "serve", "--display", record.id, "--host", "127.0.0.1", "--port", str(port)],
            stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        _wait_for(lambda: _listening(port), "the server to listen")
        assert "the projector view is open (read-only)" in output.read_text(encoding="utf-8")
        browser.get(f"http://127.0.0.1:{port}/")
        _wait_for(lambda: "-first-byte" in (browser.find_element(By.TAG_NAME, "body")
                                            .get_attribute("class") or ""), "the first screen")
        _wait_for(lambda: _running(f"--data-dir {data_dir} display --watch-only"),
                  "the browser's watch-only display")
        _wait_for(lambda: _drawn(browser), "the view drawn")
        browser.get_screenshot_as_file(str(os.environ.get("QUIZHALL_SHOT", tmp_path / "p.png")))
        keyboard = browser.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
        for key in ("1", "o", "y", " "):
            keyboard.send_keys(key)
            time.sleep(0.3)
        time.sleep(1)
        assert heard == []
    finally:
        host.stop()
        server.terminate()
        server.wait(timeout=60)
    assert not _running(f"--data-dir {data_dir} display")  # no viewer outlives the server


def _drawn(browser) -> bool:
    """Whether the page shows more than one colour: the terminal has drawn something."""
    from io import BytesIO

    from PIL import Image

    picture = Image.open(BytesIO(browser.get_screenshot_as_png())).convert("RGB")
    return len(picture.getcolors(maxcolors=1 << 16) or range(2)) > 1


def _running(command: str) -> bool:
    return bool(subprocess.run(["pgrep", "-f", "--", command], capture_output=True,
                               text=True).stdout.split())


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
