"""The host console, driven with keys through Textual's Pilot: each round type, undo, adjust."""

from __future__ import annotations

from tuikit import TEAMS3, TUI_BANK, contest_file, host, press, screen_text, shown_text

from quizhall.tui.stage_view import Stage

REQUIRED = """\
  - type: required
    title: 必答轮
    time_limit: 30
    questions: {ids: [h02, h03, h04]}
"""

BUZZ = """\
  - type: buzz
    title: 抢答轮
    window: 15
    answer_window: 5
    early_buzz: [{points: -10, lose_right: true}]
    questions: {ids: [h02, h03]}
"""


async def test_title_then_teams_then_round_intro(tmp_path):
    app, session = host(contest_file(tmp_path, REQUIRED, bank=TUI_BANK), tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "测试赛" in text and "1  红队" in text
        assert "teams: 3 · rounds: 1" in text  # no "1 rounds"
        assert app.view.stage is Stage.TITLE
        await press(pilot, "space")
        assert app.view.stage is Stage.TEAMS
        assert "1. 红一" in screen_text(app) and "buzzer key" in screen_text(app)
        await press(pilot, "space")
        assert app.view.stage is Stage.ROUND
        text = screen_text(app)
        assert "必答轮" in text and "Round 1 of 1" in text
    session.close()


async def test_required_round_shows_answer_to_host_and_scores_right(tmp_path):
    app, session = host(contest_file(tmp_path, REQUIRED, bank=TUI_BANK), tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "space", "space", "space")
        text = screen_text(app)
        assert "Question 1 of 3" in text
        assert "劳动合同期限三个月以上不满一年的" in text
        assert "Answer (host only" in text and "A. 一个月" in text
        assert "turn" in text and "红一" in text
        assert "next o open / y right / n wrong / p partial / Ctrl+T time up" in text
        await press(pilot, "o")
        assert app.view.timer is not None and app.view.timer.remaining == 30
        assert app.view.next_step.startswith("y right / n wrong")  # o no longer applies
        app.clock.advance(12)
        app._on_tick()
        await pilot.pause()
        assert "18 s" in screen_text(app)
        await press(pilot, "y")
        assert [team.score for team in app.view.teams] == [110, 100, 100]
        assert "红队: right +10" in screen_text(app)
        await press(pilot, "r")
        assert app.view.revealed
        assert "Answer (host only" not in screen_text(app)
    session.close()


async def test_answer_timer_running_out_rings_and_judges(tmp_path):
    app, session = host(contest_file(tmp_path, REQUIRED, bank=TUI_BANK), tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "space", "space", "space", "o")
        bells = app.bells
        app.clock.advance(31)
        app._on_tick()
        await pilot.pause()
        assert app.view.time_up
        assert "TIME UP!" in screen_text(app)
        assert app.bells == bells + 1
    session.close()


async def test_buzz_lock_shows_the_team_large_and_rings(tmp_path):
    app, session = host(contest_file(tmp_path, BUZZ, bank=TUI_BANK), tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "space", "space", "space", "o")
        assert "BUZZ NOW!" in screen_text(app)
        await press(pilot, "2")
        text = screen_text(app)
        assert "蓝 队" in text and "team 2 has the buzz" in text
        assert app.view.buzz_holder == 2
        assert app.bells == 1
        await press(pilot, "1")  # too late: locked out by the holder, nothing changes
        assert app.view.buzz_holder == 2
        await press(pilot, "y")
        assert [team.score for team in app.view.teams] == [100, 110, 100]
    session.close()


async def test_early_buzz_costs_points_and_the_right_to_answer(tmp_path):
    app, session = host(contest_file(tmp_path, BUZZ, bank=TUI_BANK), tmp_path / "data")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await press(pilot, "space", "space", "space", "3")
        assert [team.score for team in app.view.teams] == [100, 100, 90]
        assert any("Early buzz: 绿队 -10" in n.message for n in app._notifications)
        await press(pilot, "o", "3")
        assert app.view.buzz_holder is None
        assert app.view.team(3).locked_out
        assert "✗locked" in screen_text(app)
        # Who may still buzz is the next key: 绿队 (3) lost its right.
        assert app.view.next_step.startswith("1 2 buzz / ")
    session.close()


async def test_refused_key_explains_in_a_toast_and_changes_nothing(tmp_path):
    app, session = host(contest_file(tmp_path, REQUIRED, bank=TUI_BANK), tmp_path / "data")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await press(pilot, "space", "space")
        events = len(app.contest.log.read())
        await press(pilot, "y")
        assert len(app.contest.log.read()) == events
        assert any(n.title == "Not done" for n in app._notifications)
    session.close()


async def test_footer_lists_only_the_keys_that_apply_now(tmp_path):
    app, session = host(contest_file(tmp_path, BUZZ, bank=TUI_BANK), tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "space", "space", "space")
        footer = dict(app.footer_items())
        assert footer["o"] == "open" and "y" not in footer and "r" not in footer
        await press(pilot, "o", "1")
        footer = dict(app.footer_items())
        assert footer["y"] == "right" and footer["n"] == "wrong" and "space" not in footer
    session.close()


async def test_undo_names_what_it_takes_back_and_redo_brings_it_again(tmp_path):
    app, session = host(contest_file(tmp_path, REQUIRED, bank=TUI_BANK), tmp_path / "data")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await press(pilot, "space", "space", "space", "y")
        assert app.view.teams[0].score == 110
        footer = dict(app.footer_items())
        assert footer["u"] == "undo: 红队 (红一): right (+10)" and "U" not in footer
        await press(pilot, "u")
        assert app.view.teams[0].score == 100
        assert app.view.stage is Stage.QUESTION
        assert any("undid" in n.message for n in app._notifications)
        footer = dict(app.footer_items())
        assert footer["U"] == "redo: 红队 (红一): right (+10)"
        assert footer["u"].startswith("undo: question 1 shown")
        await press(pilot, "u")  # a second undo goes deeper: the question is taken back
        assert app.contest.state.phase == "intro"
        await press(pilot, "U", "U")
        assert app.view.teams[0].score == 110
        assert app.contest.state.redo is None
    session.close()


async def test_a_finished_contest_is_stored_finished_before_the_console_closes(tmp_path):
    # Defect 6 (failed before: `quizhall contests` said running until the console closed).
    app, session = host(contest_file(tmp_path, REQUIRED, bank=TUI_BANK), tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "space", "space", "space", "ctrl+e", "y")
        assert app.contest.state.phase == "finished"
        assert session.store.contest(session.contest_id).status == "finished"
        await press(pilot, "u")
        assert session.store.contest(session.contest_id).status == "running"
    session.close()


async def test_a_held_clock_shows_and_the_pause_key_resumes_it(tmp_path):
    app, session = host(contest_file(tmp_path, REQUIRED, bank=TUI_BANK), tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "space", "space", "space", "o", "y", "u")
        assert app.contest.state.clock_held
        assert dict(app.footer_items())["t"] == "resume"
        await press(pilot, "t")
        assert app.contest.state.timer.running
    session.close()


async def test_an_answer_window_the_contest_sets_shows_running(tmp_path):
    app, session = host(contest_file(tmp_path, BUZZ, bank=TUI_BANK), tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "space", "space", "space", "o", "1")
        assert app.view.timer.charges and app.view.timer.running
        assert "time to start answering (then timed out)" in screen_text(app)
    session.close()


async def test_the_shout_key_records_a_team_answering_without_the_buzz(tmp_path):
    app, session = host(contest_file(tmp_path, BUZZ, bank=TUI_BANK), tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "space", "space", "space", "o", "1")
        assert dict(app.footer_items())["F"] == "shout-out"
        await press(pilot, "F", "down", "enter")  # 蓝队
        assert app.view.team(2).score == 90 and app.view.team(2).locked_out
    session.close()


async def test_adjust_dialog_records_points_with_a_reason(tmp_path):
    app, session = host(contest_file(tmp_path, REQUIRED, bank=TUI_BANK), tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "space", "space", "a")
        await pilot.press(*"-5")
        await press(pilot, "enter")
        await press(pilot, "enter")  # no reason yet: refused inside the dialog
        assert "Give a reason" in screen_text(app)
        await pilot.press(*"jury")
        await press(pilot, "enter")
        assert [team.score for team in app.view.teams] == [95, 100, 100]
        adjusted = [e for e in app.contest.log.read() if e["type"] == "score_adjusted"]
        assert adjusted[-1]["reason"] == "jury" and adjusted[-1]["points"] == -5
    session.close()


async def test_scoreboard_key_shows_standings_and_returns(tmp_path):
    app, session = host(contest_file(tmp_path, REQUIRED, bank=TUI_BANK), tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "space", "space", "space", "y", "s")
        assert app.view.stage is Stage.SCORES
        lines = screen_text(app).splitlines()
        first = next(line for line in lines if "#1" in line)
        assert "红队" in first
        assert lines.index(first) < lines.index(next(line for line in lines if "#2" in line))
        await press(pilot, "s")
        assert app.view.stage is Stage.REVEAL
    session.close()


async def test_single_screen_hides_the_answer_until_the_reveal(tmp_path):
    app, session = host(contest_file(tmp_path, REQUIRED, bank=TUI_BANK), tmp_path / "data",
                        single_screen=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "space", "space", "space")
        text = shown_text(app)
        assert "劳动合同期限" in text and "A. 一个月" in text  # the option, as a choice
        assert "Answer" not in text and "不得超过一个月" not in text
        await press(pilot, "y", "r")
        text = shown_text(app)
        assert "✔ A. 一个月" in text and "不得超过一个月" in text
    session.close()


async def test_quit_asks_first(tmp_path):
    app, session = host(contest_file(tmp_path, REQUIRED, bank=TUI_BANK), tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "q")
        assert "Quit the host console?" in screen_text(app)
        await press(pilot, "n")
        assert app.is_running
        await press(pilot, "q", "y")
        assert app.return_code == 0
    session.close()


async def test_help_lists_host_and_buzzer_keys(tmp_path):
    app, session = host(contest_file(tmp_path, REQUIRED, teams=TEAMS3, bank=TUI_BANK),
                        tmp_path / "data")
    async with app.run_test(size=(100, 50)) as pilot:
        await press(pilot, "question_mark")
        text = screen_text(app)
        assert "Host keys" in text and "Team buzzer keys" in text
        assert "undo the last action" in text
        await press(pilot, "escape")
        assert "Host keys" not in screen_text(app)
    session.close()


async def test_help_at_80_columns_wraps_chinese_beside_its_key(tmp_path):
    from quizhall import i18n

    i18n.set_language("zh-CN")
    app, session = host(contest_file(tmp_path, REQUIRED, teams=TEAMS3, bank=TUI_BANK),
                        tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "question_mark")
        space_line = next(line for line in screen_text(app).splitlines() if "Space" in line)
        assert "下一步：" in space_line  # not left alone with its text pushed below
    session.close()


async def test_no_timer_mode_turns_every_time_limit_off(tmp_path):
    app, session = host(contest_file(tmp_path, BUZZ, bank=TUI_BANK), tmp_path / "data",
                        timers=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "space", "space", "space", "o")
        assert app.view.buzz_open and app.view.timer is None
        assert "no time limit" in screen_text(app)
        app.clock.advance(600)
        app._on_tick()
        await pilot.pause()
        assert app.view.buzz_open and not app.view.time_up  # nobody closes it but the host
        await press(pilot, "3")
        assert app.view.buzz_holder == 3 and app.view.timer is None
    session.close()


async def test_contest_file_keys_rebind_the_console(tmp_path):
    path = contest_file(tmp_path, REQUIRED, head="keys: {reveal: v, next: enter}\n",
                        bank=TUI_BANK)
    app, session = host(path, tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "enter", "enter", "enter", "y", "r")
        assert app.view.stage is Stage.REVEAL and not app.view.revealed
        await press(pilot, "v")
        assert app.view.revealed
        assert ("enter", "next") in app.footer_items()
    session.close()


async def test_light_theme(tmp_path):
    app, session = host(contest_file(tmp_path, REQUIRED, bank=TUI_BANK), tmp_path / "data",
                        theme="light")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "quizhall-light"
        assert app.screen.styles.background.brightness > 0.9
    session.close()
