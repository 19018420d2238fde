"""The host decides what the hall sees: keys put pages on the projector, as events in the log.

Each key (``s`` scoreboard, ``i`` team introduction, ``c`` round card, ``f`` podium) records a
``projector_page`` event; a projector started late and a console resumed after a stop show
the same page, because it is in the log. The page changes no score, and undo leaves it alone.
"""

from __future__ import annotations

from tuikit import TUI_BANK, contest_file, host, press, screen_text

from quizhall.contest.commands import Command, CommandError, parse_command
from quizhall.contest.events import is_action
from quizhall.store import open_store
from quizhall.testing import FrozenClock
from quizhall.tui.display import DisplayApp
from quizhall.tui.session import Follower
from quizhall.tui.stage_view import Stage
from quizhall.tui.widgets.hall import HallView

ROUNDS = """\
  - type: required
    title: 必答轮
    questions: {ids: [h02, h03]}
"""


def projector_events(session) -> list:
    log = session.store.open_log(session.contest_id, writer=False)
    return [e.get("page") for e in log.read() if e["type"] == "projector_page"]


async def late_display_stage(tmp_path, session) -> Stage:
    """The page a projector started now shows (it reads the whole log)."""
    store = open_store(tmp_path / "data")
    app = DisplayApp(Follower(store, session.contest_id, FrozenClock()), bell=False,
                     follow=False)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            return app.view.stage
    finally:
        store.close()


async def test_s_puts_the_scoreboard_on_the_projector_and_takes_it_off(tmp_path):
    app, session = host(contest_file(tmp_path, ROUNDS, bank=TUI_BANK), tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "space", "space", "space", "s")
        assert app.view.stage is Stage.SCORES and app.contest.state.projector == "scores"
        assert "projector: scoreboard" in screen_text(app)
        assert await late_display_stage(tmp_path, session) is Stage.SCORES
        await press(pilot, "s")
        assert app.view.stage is Stage.QUESTION and app.contest.state.projector is None
        assert await late_display_stage(tmp_path, session) is Stage.QUESTION
    assert projector_events(session) == ["teams", "scores", None]  # teams: the first space
    session.close()


async def test_i_puts_the_team_introduction_on_the_projector(tmp_path):
    app, session = host(contest_file(tmp_path, ROUNDS, bank=TUI_BANK), tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "space", "space", "space", "i")
        assert app.view.stage is Stage.TEAMS
        assert await late_display_stage(tmp_path, session) is Stage.TEAMS
        await press(pilot, "i")
        assert app.view.stage is Stage.QUESTION
    session.close()


async def test_c_puts_the_round_card_on_the_projector(tmp_path):
    app, session = host(contest_file(tmp_path, ROUNDS, bank=TUI_BANK), tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "space", "space", "space", "c")
        assert app.view.stage is Stage.ROUND and "必答轮" in screen_text(app)
        assert await late_display_stage(tmp_path, session) is Stage.ROUND
    session.close()


async def test_f_puts_the_podium_up_only_once_the_contest_is_over(tmp_path):
    app, session = host(contest_file(tmp_path, ROUNDS, bank=TUI_BANK), tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "space", "f")
        assert app.contest.state.projector == "teams"  # refused: the contest is not over
        await press(pilot, "ctrl+e", "y", "s")
        assert app.view.stage is Stage.SCORES
        await press(pilot, "s", "f")
        assert app.contest.state.projector == "podium" and app.view.stage is Stage.FINAL
        assert await late_display_stage(tmp_path, session) is Stage.FINAL
    session.close()


async def test_the_first_space_introduces_the_teams_on_the_projector(tmp_path):
    app, session = host(contest_file(tmp_path, ROUNDS, bank=TUI_BANK), tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "space")
        assert app.view.stage is Stage.TEAMS
        assert await late_display_stage(tmp_path, session) is Stage.TEAMS
        await press(pilot, "space")
        assert app.view.stage is Stage.ROUND and app.contest.state.projector is None
    session.close()


async def test_a_resumed_console_shows_the_page_the_host_put_up(tmp_path):
    path = contest_file(tmp_path, ROUNDS, bank=TUI_BANK)
    app, session = host(path, tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "space", "space", "space", "s")
    contest_id = session.contest_id
    session.close()
    again, session = host(path, tmp_path / "data")
    again._resume = contest_id
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert again.view.stage is Stage.SCORES
        await press(pilot, "s")  # and the key still takes it off after the resume
        assert again.view.stage is Stage.QUESTION
        await press(pilot, "c")
        assert again.view.stage is Stage.ROUND
    assert await late_display_stage(tmp_path, session) is Stage.ROUND
    session.close()


async def test_help_lists_the_projector_keys(tmp_path):
    app, session = host(contest_file(tmp_path, ROUNDS, bank=TUI_BANK), tmp_path / "data")
    async with app.run_test(size=(120, 50)) as pilot:
        await press(pilot, "question_mark")
        text = screen_text(app)
        for words in ("put the scoreboard on the projector", "put the team introduction",
                      "put the round card", "put the podium"):
            assert words in text
    session.close()


async def test_q_on_the_projector_asks_before_closing(tmp_path):
    app, session = host(contest_file(tmp_path, ROUNDS, bank=TUI_BANK), tmp_path / "data")
    async with app.run_test(size=(100, 30)):
        pass
    store = open_store(tmp_path / "data")
    display = DisplayApp(Follower(store, session.contest_id, FrozenClock()), bell=False,
                         follow=False)
    async with display.run_test(size=(100, 30)) as pilot:
        await press(pilot, "q")
        assert "Close the projector?" in screen_text(display)
        await press(pilot, "escape")
        assert display.is_running  # asked, and the answer was no
    store.close()
    session.close()


def test_the_projector_page_changes_no_score_and_undo_skips_it(tmp_path):
    app, session = host(contest_file(tmp_path, ROUNDS, bank=TUI_BANK), tmp_path / "data")
    contest = session.open(None)
    for name in ("next", "next", "right"):
        contest.execute(Command(name))
    scores = contest.state.scores
    assert contest.execute(Command("project", value="scores")).accepted
    assert contest.state.scores == scores and contest.state.projector == "scores"
    assert not is_action("projector_page")
    contest.execute(Command("undo"))  # undoes the judgement, not the page
    assert contest.state.projector == "scores" and contest.state.scores != scores
    contest.execute(Command("redo"))
    assert contest.state.scores == scores and contest.state.projector == "scores"
    session.close()


def test_the_next_action_takes_the_page_off(tmp_path):
    app, session = host(contest_file(tmp_path, ROUNDS, bank=TUI_BANK), tmp_path / "data")
    contest = session.open(None)
    contest.execute(Command("next"))
    contest.execute(Command("project", value="round"))
    assert contest.state.projector == "round"
    contest.execute(Command("next"))
    assert contest.state.projector is None
    session.close()


def test_project_refuses_unknown_pages_and_reads_from_scripts(tmp_path):
    app, session = host(contest_file(tmp_path, ROUNDS, bank=TUI_BANK), tmp_path / "data")
    contest = session.open(None)
    outcome = contest.execute(Command("project", value="credits"))
    assert not outcome.accepted and "credits" in outcome.reason
    assert not contest.execute(Command("project", value="round")).accepted  # no round yet
    assert parse_command("project scores", contest.plan.teams) == Command("project",
                                                                         value="scores")
    try:
        parse_command("project", contest.plan.teams)
    except CommandError as error:
        assert "project scores|teams|round|podium|off" in str(error)
    else:
        raise AssertionError("project without a page was read")
    session.close()


async def test_a_wide_console_shows_a_small_copy_of_the_projector(tmp_path):
    from quizhall.tui.widgets.hall import ProjectorPreview

    app, session = host(contest_file(tmp_path, ROUNDS, bank=TUI_BANK), tmp_path / "data")
    async with app.run_test(size=(160, 45)) as pilot:
        await press(pilot, "space", "space", "space", "s")
        preview = app.screen.query_one(ProjectorPreview)
        hall = preview.query_one(HallView)
        assert preview.region.area > 0 and hall.view.stage is Stage.SCORES
        assert hall.view.audience  # the hall's view: no answer in it before the reveal
        await press(pilot, "s")
        assert hall.view.stage is Stage.QUESTION and hall.view.question.answer == ""
    session.close()
