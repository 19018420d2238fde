"""A real terminal: ``quizhall demo`` in tmux, driven with keys, read back with capture-pane."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None,
                                reason="tmux is not installed (.ci/run installs it with apt-get)")

SRC = Path(__file__).resolve().parents[1] / "src"


class Terminal:
    """One detached tmux session of a fixed size on a private server."""

    def __init__(self, name: str, width: int = 100, height: int = 30) -> None:
        self.socket = f"quizhall-test-{os.getpid()}"
        self.name = name
        self.width, self.height = width, height

    def tmux(self, *args: str) -> str:
        out = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True,
                             text=True, timeout=30)
        return out.stdout

    def start(self, command: str, env: dict[str, str]) -> None:
        exports = " ".join(f"{key}={value}" for key, value in env.items())
        self.tmux("new-session", "-d", "-s", self.name, "-x", str(self.width),
                  "-y", str(self.height), f"env {exports} {command}; sleep 60")

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", self.name, key)
            time.sleep(0.3)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name)

    def wait_for(self, text: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared on the screen:\n{self.screen()}")

    def wait_until_gone(self, text: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text not in self.screen():
                return
            time.sleep(0.2)
        raise AssertionError(f"{text!r} is still on the screen:\n{self.screen()}")

    def close(self) -> None:
        self.tmux("kill-server")


def test_demo_in_a_real_terminal(tmp_path):
    terminal = Terminal("demo")
    env = {"PYTHONPATH": str(SRC), "QUIZHALL_LANG": "en", "TERM": "xterm-256color",
           "QUIZHALL_CACHE_DIR": str(tmp_path / "cache"), "HOME": str(tmp_path)}
    terminal.start(f"{sys.executable} -m quizhall demo --no-bell", env)
    try:
        screen = terminal.wait_for("2025年劳动法律知识竞赛（演示）")
        assert "Demo" in screen and "Space next" in screen  # the key guide
        terminal.keys("Space")
        terminal.wait_for("The teams")
        terminal.keys("Space")
        terminal.wait_for("Round 1 of 6")
        terminal.keys("Space")
        screen = terminal.wait_for("Question 1 of 3")
        assert "Answer (host only" in screen
        assert "1  第一代表队" in screen and "100" in screen
        terminal.keys("y")
        screen = terminal.wait_for("right +10")
        first = next(line for line in screen.splitlines() if "1  第一代表队" in line)
        assert "110" in first
        terminal.keys("q")
        terminal.wait_for("Quit the host console?")
        terminal.keys("y")
        terminal.wait_until_gone("2025年劳动法律知识竞赛（演示）")  # the app has exited
    finally:
        terminal.close()
