"""Helpers for the tests of ``quizhall serve`` in a real browser: Debian's headless Chromium
driven through chromedriver, ``quizhall serve`` run as a real process on 127.0.0.1, and the
served page's keyboard.

Needs ``chromium`` and ``chromium-driver`` (apt): the tests are skipped on a developer's
machine without them and FAIL under CI (``CI=true``), where ``.ci/run`` installs them.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

SRC = str(Path(__file__).resolve().parents[1] / "src")
CHROMIUM_ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage")
# How long a served room may take to stop on SIGTERM, browsers still connected: it ends
# every session's app at once (before the fix, aiohttp waited ~22 s for each websocket).
STOP_SECONDS = 10


def browser_programs() -> tuple[str, str]:
    """Chromium and chromedriver; skips (fails under CI) without them."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if chromium and driver:
        return chromium, driver
    message = "the browser tests need chromium and chromium-driver (apt-get install -y ...)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@contextmanager
def chromium(profile: Path) -> Iterator[Any]:
    """A headless Chromium (a selenium driver) with its own profile directory; quit on exit."""
    program, driver_path = browser_programs()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = program
    for argument in (*CHROMIUM_ARGS, f"--user-data-dir={profile}"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    try:
        driver.set_page_load_timeout(30)
        yield driver
    finally:
        driver.quit()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


def wait_for(condition: Callable[[], object], what: str, seconds: float = 60) -> None:
    """Poll ``condition`` until it holds; fail naming ``what`` after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.1)


def running(command: str) -> list[str]:
    """The ids of the processes whose command line contains ``command``."""
    return subprocess.run(["pgrep", "-f", "--", command], capture_output=True,
                          text=True).stdout.split()


def quizhall_env(**extra: str) -> dict[str, str]:
    """This process's environment, with this checkout's ``src`` first on the path."""
    path = os.pathsep.join(filter(None, [SRC, os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": path, **extra}


@contextmanager
def serving(words: Sequence[str], port: int, output: Path,
            env: dict[str, str] | None = None) -> Iterator[subprocess.Popen[bytes]]:
    """``python -m quizhall WORDS...`` (a ``serve`` listening on ``port``) as a real process
    in a process group of its own (its sessions' apps join it), its output in ``output`` (a
    file: a pipe nobody reads could stall it); yields once it listens. On exit it is stopped
    (:func:`stop`): nothing of it is left running, whatever happened."""
    with output.open("w") as log:
        server = subprocess.Popen([sys.executable, "-m", "quizhall", *words], stdout=log,
                                  stderr=subprocess.STDOUT, env=env or quizhall_env(),
                                  start_new_session=True)
    try:
        wait_for(lambda: listening(port) or server.poll() is not None, "the server to listen")
        assert server.poll() is None, output.read_text(encoding="utf-8")
        yield server
    finally:
        stop(server)


def stop(server: subprocess.Popen[bytes]) -> None:
    """SIGTERM (graceful: the sessions' apps are told to quit). The test fails, and the
    server's whole process group is killed, if it takes longer than STOP_SECONDS or if a
    session's app is still running STOP_SECONDS after it."""
    server.terminate()
    try:
        server.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        _kill_group(server.pid)
        server.wait()
        pytest.fail(f"the server took more than {STOP_SECONDS} s to stop")
    # The apps were told to quit; one may finish a moment after the server (textual-serve
    # 1.1.1 does not wait for it). Still there after STOP_SECONDS: it would never end.
    deadline = time.monotonic() + STOP_SECONDS
    while _group_alive(server.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    if _kill_group(server.pid):
        pytest.fail(f"a session's app outlived the server by {STOP_SECONDS} s (killed now)")


def _group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


def _kill_group(group: int) -> bool:
    """SIGKILL every process left in ``group``; whether there was any."""
    try:
        os.killpg(group, signal.SIGKILL)
    except ProcessLookupError:
        return False
    return True


class Page:
    """A served app in a browser tab: opened, then typed into one key at a time."""

    def __init__(self, driver: Any, url: str) -> None:
        from selenium.webdriver.common.by import By

        self.driver = driver
        driver.get(url)
        wait_for(lambda: "-first-byte" in (driver.find_element(By.TAG_NAME, "body")
                                           .get_attribute("class") or ""),
                 "the app's first screen")
        self.keyboard = driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")

    def type(self, *keys: str) -> None:
        for key in keys:
            self.keyboard.send_keys(key)
            time.sleep(0.3)  # one key at a time, as a person types
