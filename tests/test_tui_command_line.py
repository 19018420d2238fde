"""The host console's command line: host commands typed as in rehearsal scripts, plugin ones too.

The example plugin ``quizhall-certainty`` is imported from its source in ``plugins/`` and
registered with the process's plugin manager for the test, as an installed plugin would be.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import sys
from pathlib import Path

import pytest
from tuikit import TUI_BANK, contest_file, host, press, screen_text, shown_text

from quizhall.cli import main
from quizhall.contest import Decision, RoundType
from quizhall.contest.commands import COMMAND_NAMES
from quizhall.contest.plan import PluginUse
from quizhall.hookspecs import hookimpl
from quizhall.plugins import find_plugin, get_plugin_manager
from quizhall.tui.commandline import CommandHelp, CommandLine, complete, hint
from quizhall.tui.stage_view import Stage

CERTAINTY_SOURCE = Path(__file__).resolve().parents[1] / "plugins" / "quizhall-certainty" / "src"

REQUIRED = """\
  - type: required
    title: 必答轮
    points: 10
    questions: {ids: [h02, h03]}
"""
BUZZ = """\
  - type: buzz
    title: 抢答轮
    points: 10
    wrong: 0
    questions: {ids: [h02, h03]}
"""
WITH_CERTAINTY = "plugins:\n  - quizhall-certainty\n"


@pytest.fixture
def certainty(monkeypatch):
    """The certainty plugin, loaded for this test only."""
    monkeypatch.syspath_prepend(str(CERTAINTY_SOURCE))
    module = importlib.import_module("quizhall_certainty")
    pm = get_plugin_manager()
    if find_plugin(pm, "quizhall-certainty") is not None:  # installed: it is loaded already
        yield module
        return
    pm.register(module, name="quizhall_certainty")
    try:
        yield module
    finally:
        pm.unregister(module)
        sys.modules.pop("quizhall_certainty", None)


async def type_line(pilot, line: str) -> None:
    """Open the command line, type ``line`` and press Enter."""
    await press(pilot, "colon")
    await pilot.press(*line)
    await press(pilot, "enter")


def command_line_open(app) -> bool:
    return isinstance(app.screen, CommandLine)


async def test_certainty_typed_on_the_command_line_scores_by_the_certainty_table(
        tmp_path, certainty):
    path = contest_file(tmp_path, REQUIRED, head=WITH_CERTAINTY, bank=TUI_BANK)
    app, session = host(path, tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "space", "space", "space")
        await type_line(pilot, "certainty 1 high")
        assert not command_line_open(app)
        assert app.contest.view().notes == {0: {"certainty": "high"}}
        assert app.view.team(1).notes == ("certainty: high",)
        assert "certainty: high" in screen_text(app)
        await press(pilot, "y")
        # high certainty, right: +3 marks of half the question's 10 points
        assert [team.score for team in app.view.teams] == [115, 100, 100]
    session.close()


async def test_the_stated_certainty_is_shown_to_the_hall(tmp_path, certainty):
    path = contest_file(tmp_path, BUZZ, head=WITH_CERTAINTY, bank=TUI_BANK)
    app, session = host(path, tmp_path / "data", single_screen=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "space", "space", "space", "o", "2")
        await type_line(pilot, "certainty 中")
        assert app.view.for_audience().team(2).notes == ("certainty: medium",)
        text = screen_text(app)
        assert "team 2 has the buzz" in text and "certainty: medium" in text
        await press(pilot, "n")
        assert [team.score for team in app.view.teams] == [100, 90, 100]
    session.close()


async def test_the_projector_shows_the_stated_certainty_beside_the_team(tmp_path, certainty):
    from test_tui_display import wait_for

    from quizhall.contest.loader import load_contest
    from quizhall.store import open_store
    from quizhall.testing import FrozenClock
    from quizhall.tui.display import DisplayApp
    from quizhall.tui.session import Follower, StoreSession

    path = contest_file(tmp_path, BUZZ, head=WITH_CERTAINTY, bank=TUI_BANK)
    session = StoreSession(path, load_contest(path), open_store(tmp_path / "data"),
                           clock=FrozenClock())
    contest = session.open(None)
    for line in ("next", "next", "open", "buzz 3", "certainty 3 low"):
        assert contest.execute(contest.parse(line)).accepted, line
    app = DisplayApp(Follower(open_store(tmp_path / "data"), session.contest_id,
                              FrozenClock()), bell=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.view is not None and app.view.buzz_holder == 3)
        assert app.view.team(3).notes == ("certainty: low",)
        assert "certainty: low" in screen_text(app)
    session.close()


async def test_an_unknown_command_shows_a_toast_and_changes_nothing(tmp_path):
    app, session = host(contest_file(tmp_path, REQUIRED, bank=TUI_BANK), tmp_path / "data")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await press(pilot, "space", "space", "space")
        events = len(app.contest.log.read())
        await type_line(pilot, "certainty 1 high")
        assert len(app.contest.log.read()) == events
        assert any(n.title == "Not done" and "unknown command certainty" in n.message
                   for n in app._notifications)
        assert command_line_open(app)  # left open, to correct the line
        await press(pilot, "escape")
        assert not command_line_open(app)
        assert [team.score for team in app.view.teams] == [100, 100, 100]
    session.close()


async def test_a_command_the_rules_refuse_says_why_and_records_nothing(tmp_path):
    app, session = host(contest_file(tmp_path, REQUIRED, bank=TUI_BANK), tmp_path / "data")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await press(pilot, "space")
        events = len(app.contest.log.read())
        await type_line(pilot, "adjust 9 -5 jury")
        assert command_line_open(app)
        await press(pilot, "escape")
        await type_line(pilot, "right")
        assert len(app.contest.log.read()) == events
        messages = [n.message for n in app._notifications if n.title == "Not done"]
        assert messages == ["there is no team 9 (there are 3)", "no round is being played"]
    session.close()


async def test_adjust_on_the_command_line_keeps_its_reason_in_the_ledger(tmp_path, capsys):
    app, session = host(contest_file(tmp_path, REQUIRED, bank=TUI_BANK), tmp_path / "data")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await press(pilot, "space", "space", "space")
        await type_line(pilot, "adjust 2 -5 jury ruling on q1")
        assert [team.score for team in app.view.teams] == [100, 95, 100]
        assert any("Jury adjustment: 蓝队 -5 (jury ruling on q1)" in n.message
                   for n in app._notifications)
    contest_id = session.contest_id
    session.close()
    assert main(["results", contest_id, "--ledger", "--json",
                 "--data-dir", str(tmp_path / "data")]) == 0
    ledger = json.loads(capsys.readouterr().out)["ledger"]
    assert [(entry["team"], entry["points"], entry["reason"]) for entry in ledger] == [
        (1, -5, "jury ruling on q1")]
    assert main(["results", contest_id, "--ledger", "--data-dir", str(tmp_path / "data")]) == 0
    assert "jury ruling on q1" in capsys.readouterr().out


async def test_a_wager_is_typed_like_in_a_rehearsal(tmp_path):
    rounds = """\
  - type: risk
    values: [10, 20, 30]
    questions: {ids: [h02, h03, h04]}
"""
    app, session = host(contest_file(tmp_path, rounds, bank=TUI_BANK), tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "space", "space")
        await type_line(pilot, "wager 1 20")
        assert app.contest.view().wagers == {0: 20}
    session.close()


async def test_a_member_is_named_in_chinese_on_the_command_line(tmp_path):
    rounds = REQUIRED + "    answerer: team\n"
    app, session = host(contest_file(tmp_path, rounds, bank=TUI_BANK), tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "space", "space", "space")
        await type_line(pilot, "member 红二")
        assert app.contest.view().member_name == "红二"
        assert "红二" in screen_text(app)
    session.close()


async def test_tab_completes_and_up_recalls_the_last_line(tmp_path, certainty):
    path = contest_file(tmp_path, REQUIRED, head=WITH_CERTAINTY, bank=TUI_BANK)
    app, session = host(path, tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "space", "space", "space", "colon")
        await pilot.press(*"cer")
        await press(pilot, "tab")
        line = app.screen.query_one("#command-input")
        assert line.value == "certainty "
        assert "low|medium|high" in screen_text(app)  # the plugin's usage as the hint
        await pilot.press(*"high")
        await press(pilot, "enter")
        assert app.contest.view().notes == {0: {"certainty": "high"}}
        await press(pilot, "u", "colon", "up")
        line = app.screen.query_one("#command-input")
        assert line.value == "certainty high"
        await press(pilot, "down")
        assert line.value == ""
        await press(pilot, "escape")
        assert app.contest.view().notes == {}
    session.close()


async def test_the_command_key_is_in_the_footer_and_the_help(tmp_path):
    app, session = host(contest_file(tmp_path, REQUIRED, bank=TUI_BANK), tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert dict(app.footer_items())["colon"] == "command"
        assert ":  command" in screen_text(app).replace("\xa0", " ")
        help_lines = {item.key: item.text for item in app.help_items()}
        assert help_lines[":"].startswith("type any host command")
    session.close()


async def test_a_plugin_the_contest_names_but_is_not_loaded_is_said_at_the_start(tmp_path):
    path = contest_file(tmp_path, REQUIRED, bank=TUI_BANK)
    app, session = host(path, tmp_path / "data")
    session.load.plan = dataclasses.replace(session.load.plan,
                                            plugins=(PluginUse("quizhall-missing"),))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        said = [n.message for n in app._notifications if "quizhall-missing" in n.message]
        assert len(said) == 1
        assert "⚠" in screen_text(app) and "quizhall-missing" in screen_text(app)
        assert "quizhall-missing" in shown_text(app)
        assert app.view.warnings and not app.view.for_audience().warnings
        await press(pilot, "space", "space")
        assert app.view.stage is Stage.ROUND and not shown_text(app).count("quizhall-missing")
        assert len([n for n in app._notifications if "quizhall-missing" in n.message]) == 1
    session.close()


def test_complete_fills_in_a_name_only_as_far_as_it_is_certain():
    names = list(COMMAND_NAMES) + ["certainty"]
    assert complete("adj", names) == "adjust "
    assert complete("pa", names) == "pa"  # partial, pass, pause
    assert complete("par", names) == "partial "
    assert complete("re", names) == "re"  # reveal, resume
    assert complete("adjust 2", names) == "adjust 2"
    assert complete("zzz", names) == "zzz"


def test_hint_gives_the_usage_once_the_command_is_known():
    helps = {"adjust": CommandHelp("adjust", "adjust TEAM ±POINTS REASON", "jury"),
             "answer": CommandHelp("answer", "answer", "")}
    assert hint("adjust 2", helps).plain == "adjust TEAM ±POINTS REASON   jury"
    assert hint("a", helps).plain == "adjust  answer"
    assert "no command begins with [b]x" in hint("[b]x", helps).plain


def test_check_reports_a_team_buzzer_key_that_opens_the_command_line(tmp_path, capsys):
    teams = 'teams:\n  - {name: 红队, key: ":"}\n  - {name: 蓝队, key: "2"}\n'
    path = contest_file(tmp_path, REQUIRED, teams=teams, bank=TUI_BANK)
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr()
    assert f"{path}:5:" in out.out + out.err
    assert "红队's buzzer key : is the host key for command" in out.out + out.err


class BrittleRound(RoundType):
    """A plugin round type whose facts for the screen fail once a question is up."""

    name = "brittle"

    def next_question(self, d: Decision):
        index = d.state.question + 1
        if index >= len(d.round.questions):
            return None
        return [{"type": "question_shown", "question": index, "key": d.round.questions[index],
                 "answerer": 0}]

    def judge(self, d: Decision, verdict, points):
        return [d.judged(0, verdict, 10 if verdict == "right" else 0),
                {"type": "question_closed"}]

    def details(self, d: Decision):
        if d.state.question >= 0:
            raise RuntimeError("details broke")
        return {}


class BrittlePlugin:
    @hookimpl
    def quizhall_register_round_types(self, register):
        register(BrittleRound)


async def test_a_failing_plugin_round_type_is_toasted_once_not_on_every_redraw(tmp_path):
    pm = get_plugin_manager()
    plugin = BrittlePlugin()
    pm.register(plugin, name="brittle-plugin")
    try:
        rounds = "  - type: brittle\n    questions: {ids: [h02, h03]}\n"
        app, session = host(contest_file(tmp_path, rounds, bank=TUI_BANK), tmp_path / "data")
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await press(pilot, "space", "space", "space")
            for _ in range(3):
                app._on_tick()
                app.refresh_state()
            await press(pilot, "y")
            await pilot.pause()
            said = [n.message for n in app._notifications if "details broke" in n.message]
            assert len(said) == 1 and "brittle-plugin" in said[0]
            assert [team.score for team in app.view.teams] == [110, 100, 100]
        session.close()
    finally:
        pm.unregister(plugin)
