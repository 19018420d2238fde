"""Markup and escape codes in a bank or contest file show as typed, on the host and the display."""

from __future__ import annotations

from tuikit import TUI_BANK, contest_file, host, press, screen_text, shown_text

from quizhall.contest.commands import Command
from quizhall.contest.loader import load_contest
from quizhall.store import open_store
from quizhall.testing import FrozenClock
from quizhall.tui.display import DisplayApp
from quizhall.tui.session import Follower, StoreSession

ROUNDS = """\
  - type: buzz
    title: "[b]抢答[/b]轮"
    questions: {ids: [h01]}
"""
TEAMS = """\
teams:
  - {name: "[red]红队[/red]", key: "1"}
  - {name: 蓝队, key: "2"}
"""


def assert_literal(text: str) -> None:
    assert "[bold]粗体[/bold]" in text
    assert "␛[31m红色␛[0m" in text
    assert "\x1b" not in text
    assert "[link=https://example.com]链接[/link]" in text


async def test_host_shows_markup_and_escape_codes_as_text(tmp_path):
    path = contest_file(tmp_path, ROUNDS, teams=TEAMS, bank=TUI_BANK)
    app, session = host(path, tmp_path / "data")
    async with app.run_test(size=(120, 36)) as pilot:
        await press(pilot, "space", "space")
        assert "[b]抢答[/b]轮" in screen_text(app)
        await press(pilot, "space")
        assert_literal(screen_text(app))
        assert "[i]斜体[/i]" in shown_text(app)  # the host sees the explanation early
        await press(pilot, "o", "1")
        text = screen_text(app)
        assert text.count("[red]红队[/red]") >= 3  # status line, buzz banner, scoreboard
        assert "team 1 has the buzz" in text
    session.close()


async def test_display_shows_markup_and_escape_codes_as_text(tmp_path):
    path = contest_file(tmp_path, ROUNDS, teams=TEAMS, bank=TUI_BANK)
    session = StoreSession(path, load_contest(path), open_store(tmp_path / "data"),
                           clock=FrozenClock())
    contest = session.open(None)
    reader = open_store(tmp_path / "data")
    app = DisplayApp(Follower(reader, session.contest_id, FrozenClock()), bell=False,
                     follow=False)
    async with app.run_test(size=(120, 36)) as pilot:
        for command in ("next", "next", "open"):
            contest.execute(Command(command))
        contest.execute(Command("buzz", team=0))
        contest.execute(Command("right"))
        contest.execute(Command("reveal"))
        app.take_events(app.follower.log.read(app.follower.position))
        await pilot.pause()
        text = screen_text(app)
        assert_literal(text)
        assert "[i]斜体[/i]" in shown_text(app)
        assert "[red]红队[/red]" in text
    reader.close()
    session.close()
