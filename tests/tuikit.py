"""Helpers for the TUI tests: contest files to play, apps on a frozen clock, screen text."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from quizhall.contest.loader import load_contest
from quizhall.store import open_store
from quizhall.testing import FrozenClock
from quizhall.tui.host import HostApp
from quizhall.tui.session import StoreSession

HERE = Path(__file__).resolve().parent
RULES_BANK = HERE / "data" / "contest" / "rules.yaml"
TUI_BANK = HERE / "data" / "tui" / "hall.yaml"
SAMPLES = HERE.parent / "question_banks"

TEAMS3 = """\
teams:
  - {name: 红队, members: [红一, 红二], key: "1"}
  - {name: 蓝队, members: [蓝一, 蓝二], key: "2"}
  - {name: 绿队, members: [绿一, 绿二], key: "3"}
"""


def contest_file(directory: Path, rounds: str, teams: str = TEAMS3, head: str = "",
                 bank: Path = RULES_BANK, title: str = "测试赛") -> Path:
    """Write a contest file (and a copy of its bank) into ``directory``; returns its path."""
    shutil.copy(bank, directory / bank.name)
    path = directory / "hall.contest.yaml"
    path.write_text(f"title: {title}\nbase_score: 100\nbanks: [{bank.name}]\n{head}{teams}"
                    f"rounds:\n{rounds}", encoding="utf-8")
    return path


def host(path: Path, data_dir: Path, clock: FrozenClock | None = None, **options: Any
         ) -> tuple[HostApp, StoreSession]:
    """A host console on ``path`` with its store in ``data_dir``, bell off, clock frozen."""
    load = load_contest(path)
    assert load.ok, [d.format() for d in load.diagnostics]
    clock = clock or FrozenClock()
    store = open_store(data_dir, now=lambda: datetime(2025, 11, 24, 9, 30, tzinfo=UTC))
    session = StoreSession(path, load, store, clock=clock,
                           timers=options.get("timers", True))
    options.setdefault("bell", False)
    return HostApp(session, clock=clock, **options), session


def screen_text(app: Any) -> str:
    """Everything on the app's screen now, as plain text, one line per row."""
    return "\n".join(strip.text.rstrip() for strip in app.screen._compositor.render_strips())


def squeeze(text: str) -> str:
    """Screen text without spaces, so a sentence wrapped across lines can be found."""
    return "".join(text.split())


async def press(pilot: Any, *keys: str) -> None:
    """Press keys one by one, letting the app settle after each."""
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


def shown_text(app: Any) -> str:
    """The whole text of every text widget on screen (before wrapping), one per line; the
    hall's page (plain type: tests run without a large-text font) line by line."""
    from quizhall.tui.widgets.hall import HallView
    from quizhall.tui.widgets.prose import Prose

    texts = [prose.text.plain for prose in app.screen.query(Prose) if prose.region.area > 0]
    texts += [line.rstrip() for hall in app.screen.query(HallView) if hall.region.area > 0
              for line in (text.plain for text in hall.page_lines())]
    return "\n".join(texts)
