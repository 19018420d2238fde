"""A host console killed mid-contest (SIGKILL) is resumed where it stopped, timer included."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest
from tuikit import HERE, TUI_BANK, contest_file, host, press, screen_text

from quizhall.tui.stage_view import Stage

ROUNDS = """\
  - type: required
    title: 必答轮
    time_limit: 30
    questions: {ids: [h02, h03, h04]}
"""

# Plays two questions, starts the third one's clock, then dies at once.
CHILD = textwrap.dedent("""
    import asyncio, os, signal, sys
    sys.path.insert(0, sys.argv[3])
    from pathlib import Path
    from tuikit import host

    async def main():
        app, session = host(Path(sys.argv[1]), Path(sys.argv[2]))
        async with app.run_test(size=(100, 30)) as pilot:
            for key in ["space", "space", "space", "y", "space", "n", "space", "o"]:
                await pilot.press(key)
                await pilot.pause()
            print("crashing", flush=True)
            os.kill(os.getpid(), signal.SIGKILL)

    asyncio.run(main())
""")


@pytest.fixture
def crashed(tmp_path):
    """A contest file and a data directory holding a contest whose host was killed."""
    path = contest_file(tmp_path, ROUNDS, bank=TUI_BANK)
    data = tmp_path / "data"
    env = {**os.environ, "PYTHONPATH": str(HERE.parent / "src")}
    out = subprocess.run([sys.executable, "-c", CHILD, str(path), str(data), str(HERE)],
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == -signal.SIGKILL, out.stderr[-2000:]
    assert "crashing" in out.stdout
    return path, data


async def test_resume_is_offered_and_continues_the_killed_contest(crashed):
    path, data = crashed
    app, session = host(path, data)
    assert len(session.resumable) == 1
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "An unfinished contest" in screen_text(app)
        assert f"{session.resumable[0].id} · last recorded" in screen_text(app)
        assert "· events: " in screen_text(app)  # the count says what it counts
        await press(pilot, "y")
        view = app.view
        assert view.stage is Stage.QUESTION and view.question.number == 3
        assert [team.score for team in view.teams] == [110, 100, 100]
        # The time since the last recorded event counts as paused: the clock has what it had.
        assert view.timer is not None and view.timer.remaining == 30
        assert "Which number is the smallest prime?" in screen_text(app)
        await press(pilot, "y")
        assert app.view.team(3).score == 110
        events = [event["type"] for event in app.contest.log.read()]
        assert "contest_resumed" in events
    session.close()


async def test_declining_the_offer_starts_a_new_contest_and_keeps_the_old(crashed):
    path, data = crashed
    app, session = host(path, data)
    old = session.resumable[0].id
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await press(pilot, "n")
        assert app.view.stage is Stage.TITLE
        assert session.contest_id != old
    assert {record.id for record in session.store.contests()} >= {old, session.contest_id}
    session.close()


async def test_resume_option_continues_without_asking(crashed):
    path, data = crashed
    app, session = host(path, data, resume=None)
    app._resume = session.resumable[0].id
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "An unfinished contest" not in screen_text(app)
        assert app.view.question.number == 3
    session.close()


async def test_a_second_console_on_the_same_contest_is_refused_by_name(tmp_path, capsys):
    path = contest_file(tmp_path, ROUNDS, bank=TUI_BANK)
    first, first_session = host(path, tmp_path / "data")
    first_session.open(None)  # this console holds the contest's log
    second, second_session = host(path, tmp_path / "data")
    async with second.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await press(pilot, "y")  # yes, resume it: but it is being written elsewhere
    assert second.return_code == 1
    err = capsys.readouterr().err
    assert str(os.getpid()) in err and "Traceback" not in err
    second_session.close()
    first_session.close()
