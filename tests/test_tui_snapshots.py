"""Snapshots of the main contest screens at 80×24 and 160×45, in Chinese and English.

The clock is frozen, the contest id fixed, the contest draws no random questions, and the bell
is off, so each screen is the same on every run. Update after a deliberate change of look with
``pytest tests/test_tui_snapshots.py --snapshot-update`` and review the SVG files.
"""

from __future__ import annotations

import pytest
from tuikit import TUI_BANK, contest_file, host

from quizhall import i18n

ROUNDS = """\
  - type: buzz
    title: 抢答轮 Buzz round
    questions: {ids: [h02]}
"""
TEAMS = """\
teams:
  - {name: 红队 Red, members: [张三, 李四], key: "1", colour: "#d7263d"}
  - {name: 蓝队 Blue, members: [王五, 赵六], key: "2", colour: "#1b6fd8"}
  - {name: 绿队 Green, members: [孙七, 周八], key: "3", colour: "#2e9e44"}
"""

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 45), id="160x45")]
LANGUAGES = [pytest.param("zh-CN", id="zh"), pytest.param("en", id="en")]
SCREENS = {
    "title": [],
    "buzz_lock_host": ["space", "space", "space", "o", "2"],
    "reveal_audience": ["space", "space", "space", "o", "2", "y", "r"],
    "final": ["space", "space", "space", "o", "2", "y", "r", "space"],
}


def console(tmp_path, screen: str):
    path = contest_file(tmp_path, ROUNDS, teams=TEAMS, bank=TUI_BANK, title="知识竞赛 Quiz")
    app, session = host(path, tmp_path / "data", single_screen=screen == "reveal_audience")
    app.title = "quizhall"
    return app, session


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare, tmp_path, monkeypatch, screen, lang, size):
    i18n.set_language(lang)
    monkeypatch.setattr("quizhall.store.store.secrets.token_hex", lambda n: "5eed")
    app, session = console(tmp_path, screen)
    try:
        assert snap_compare(app, press=SCREENS[screen], terminal_size=size)
    finally:
        session.close()
