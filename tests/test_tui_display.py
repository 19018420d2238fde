"""The projector display follows the host's log live, read-only, and never leaks an answer."""

from __future__ import annotations

import asyncio

from tuikit import TUI_BANK, contest_file, screen_text, shown_text

from quizhall.contest.commands import Command
from quizhall.contest.loader import load_contest
from quizhall.store import open_store
from quizhall.testing import FrozenClock
from quizhall.tui.display import DisplayApp
from quizhall.tui.session import Follower, StoreSession
from quizhall.tui.stage_view import Stage

ROUNDS = """\
  - type: buzz
    title: 抢答轮
    questions: {ids: [h02, h04]}
"""


def host_session(tmp_path):
    """A contest started in the store, driven by engine commands (the host's side)."""
    path = contest_file(tmp_path, ROUNDS, bank=TUI_BANK)
    clock = FrozenClock()
    session = StoreSession(path, load_contest(path), open_store(tmp_path / "data"), clock=clock)
    session.open(None)
    return session


async def wait_for(pilot, condition, timeout: float = 5.0) -> None:
    """Let the display follow the log until ``condition()`` holds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, "the display did not catch up"
        await asyncio.sleep(0.02)
    await pilot.pause()


async def test_display_follows_the_host_and_reveals_only_when_the_host_does(tmp_path):
    host = host_session(tmp_path)
    contest = host.contest
    reader = open_store(tmp_path / "data")
    app = DisplayApp(Follower(reader, host.contest_id, FrozenClock()), bell=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.view.stage is Stage.TITLE and "测试赛" in screen_text(app)
        contest.execute(Command("next"))
        contest.execute(Command("next"))
        await wait_for(pilot, lambda: app.view.stage is Stage.QUESTION)
        text = shown_text(app)
        assert "劳动合同期限三个月以上不满一年的" in text
        assert "不得超过一个月" not in text and "第十九条" not in text
        assert "Answer" not in screen_text(app)
        contest.execute(Command("open"))
        contest.execute(Command("buzz", team=1))
        await wait_for(pilot, lambda: app.view.buzz_holder == 2)
        assert "2 蓝队" in screen_text(app) and app.bells == 1
        contest.execute(Command("right"))
        await wait_for(pilot, lambda: app.view.stage is Stage.REVEAL)
        assert "不得超过一个月" not in shown_text(app)
        assert app.view.team(2).score == 110
        contest.execute(Command("reveal"))
        await wait_for(pilot, lambda: app.view.revealed)
        text = shown_text(app)
        assert "✔ A. 一个月" in text and "《劳动合同法》第十九条" in text
        contest.execute(Command("end"))
        await wait_for(pilot, lambda: app.view.finished)
        text = screen_text(app)
        assert app.view.stage is Stage.FINAL and "Final ranking" in text
        assert text.index("蓝队") < text.index("红队") and "110" in text
    reader.close()
    host.close()


async def test_display_never_records_anything(tmp_path):
    host = host_session(tmp_path)
    reader = open_store(tmp_path / "data")
    follower = Follower(reader, host.contest_id, FrozenClock())
    app = DisplayApp(follower, bell=False)
    async with app.run_test(size=(80, 24)) as pilot:
        host.contest.execute(Command("next"))
        await wait_for(pilot, lambda: app.view.stage is Stage.ROUND)
        await pilot.press("space", "y", "o", "1", "u")
        await pilot.pause()
    assert not follower.log.writer
    assert len(host.contest.log.read()) == 2  # contest_started, round_started: the host's only
    reader.close()
    host.close()


async def test_display_shows_the_countdown_from_the_log(tmp_path):
    host = host_session(tmp_path)
    reader = open_store(tmp_path / "data")
    clock = FrozenClock()
    app = DisplayApp(Follower(reader, host.contest_id, clock), bell=False)
    async with app.run_test(size=(100, 30)) as pilot:
        for name in ("next", "next", "open"):
            host.contest.execute(Command(name))
        await wait_for(pilot, lambda: app.view.buzz_open)
        assert app.view.timer.remaining == 15
        clock.advance(6)
        app.refresh_state()
        await pilot.pause()
        assert app.view.timer.remaining == 9 and "BUZZ NOW!" in screen_text(app)
        clock.advance(10)
        app.refresh_state()
        await pilot.pause()
        assert app.view.time_up and "TIME UP!" in screen_text(app)
    reader.close()
    host.close()


def test_unknown_contest_id_is_a_clear_error(tmp_path):
    from quizhall.cli import main

    code = main(["display", "no-such-contest", "--data-dir", str(tmp_path)])
    assert code == 1


def test_contests_started_by_the_console_list_their_teams(tmp_path):
    host = host_session(tmp_path)
    with open_store(tmp_path / "data") as store:
        record = store.contest(host.contest_id)
        assert record.teams == ["红队", "蓝队", "绿队"] and record.status == "running"
    host.close()


async def test_display_of_a_rehearsed_contest_reads_questions_from_its_file(tmp_path):
    from quizhall.cli import main

    path = contest_file(tmp_path, ROUNDS, bank=TUI_BANK)
    script = tmp_path / "script.txt"
    script.write_text("next\nnext\n", encoding="utf-8")
    assert main(["rehearse", str(path), "--commands", str(script),
                 "--data-dir", str(tmp_path / "data")]) == 0
    reader = open_store(tmp_path / "data")
    contest_id = reader.contests()[0].id
    app = DisplayApp(Follower(reader, contest_id, FrozenClock()), bell=False, follow=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "劳动合同期限三个月以上不满一年的" in shown_text(app)
    reader.close()
