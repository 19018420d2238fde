"""Each remaining round type played from the keyboard: risk, speed, gate, tie-break."""

from __future__ import annotations

from tuikit import contest_file, host, press, screen_text, shown_text

from quizhall import i18n
from quizhall.tui.stage_view import Stage

RISK = """\
  - type: risk
    title: 风险轮
    values: [10, 20, 30]
    turns: 1
    questions: {ids: [q01, q02, q03]}
"""

SPEED = """\
  - type: speed
    title: 速答轮
    time_limit: 40
    questions: {ids: [q01, q02, q03, q04, q05, q06]}
"""

GATE = """\
  - type: gate
    title: 闯关轮
    gates: [L1, L2]
    on_fail: eliminate
    questions: {count: 6}
"""

TIE = """\
  - type: required
    title: 必答轮
    questions: {ids: [q01, q02, q03]}
  - type: tiebreak
    title: 加赛轮
    questions: {ids: [q04, q05, q06, q07]}
"""


async def test_risk_pick_from_the_list_then_answer_for_the_stake(tmp_path):
    app, session = host(contest_file(tmp_path, RISK), tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "space", "space")
        assert "红队 picks a value: 10 / 20 / 30" in shown_text(app)
        # "next" waits for the pick: the status line names the key, not the script command.
        assert app.view.next_step == "w wager" and "next w wager" in screen_text(app)
        assert "TEAM VALUE" not in screen_text(app)
        await press(pilot, "w")
        assert "红队's value" in screen_text(app)
        await press(pilot, "down", "enter")  # 20
        assert app.view.team(1).wager == "20"
        await press(pilot, "space")
        assert app.view.stage is Stage.QUESTION and app.view.turn == 1
        # A wrong answer loses the stake a right one wins: the stake reads ±20.
        assert "±20" in screen_text(app) and "wager 20" in screen_text(app)
        await press(pilot, "n")
        assert app.view.team(1).score == 80
        await press(pilot, "w", "down", "down", "down", "enter")  # 蓝队 passes
        assert app.view.team(2).wager == "pass"
    session.close()


async def test_speed_round_runs_on_the_turn_clock_with_passes(tmp_path):
    app, session = host(contest_file(tmp_path, SPEED), tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "space", "space", "space")
        assert app.view.turn == 1 and app.view.timer is None
        await press(pilot, "y")  # the clock has not started: refused
        assert app.view.team(1).score == 100
        await press(pilot, "o", "y")
        assert app.view.team(1).score == 110
        assert app.view.question.number == 2 and app.view.timer.running
        await press(pilot, "x")  # pass: the turn's last question is gone
        assert app.view.stage is Stage.REVEAL
        await press(pilot, "space", "o")
        assert app.view.turn == 2
        app.clock.advance(41)
        app._on_tick()
        await pilot.pause()
        assert app.view.stage is Stage.REVEAL and app.view.team(2).score == 100
    session.close()


async def test_gate_failure_eliminates_the_team(tmp_path):
    app, session = host(contest_file(tmp_path, GATE), tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "space", "space")
        assert "Gate 1 of 2" in shown_text(app)
        await press(pilot, "space", "n")
        team = app.view.team(app.contest.view().last_verdict["team"] + 1)
        assert team.out
        assert "—out" in screen_text(app)
    session.close()


async def test_tie_across_a_prize_is_played_off_and_ranked_with_prizes(tmp_path):
    i18n.set_language("zh-CN")
    path = contest_file(tmp_path, TIE, head="prizes: [1, 2]\n")
    app, session = host(path, tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "space", "space")
        await press(pilot, "space", "y", "space", "n", "space", "n", "space")
        assert app.view.stage is Stage.ROUND and "加赛轮" in screen_text(app)
        await press(pilot, "space")
        assert app.view.team(1).out and not app.view.team(2).out  # only the tied teams
        await press(pilot, "o", "1")
        assert app.view.buzz_holder is None  # 红队 is not in the tie-break
        await press(pilot, "2", "y", "space")
        assert app.view.stage is Stage.FINAL and app.view.finished
        text = screen_text(app)
        assert "最终排名" in text
        ranking = [(team.name, team.rank, team.prize) for team in app.view.ranking]
        assert ranking == [("红队", 1, "一等奖"), ("蓝队", 2, "二等奖"), ("绿队", 3, "")]
        assert [team.score for team in app.view.ranking] == [110, 100, 100]
        assert text.index("红队") < text.index("蓝队") < text.index("绿队")
        assert "一等奖" in text and "二等奖" in text
    session.close()


BOARD = """\
  - type: board
    title: 题板轮
    topics: [甲, 乙]
    values: [10, 20]
"""

JUDGES = """\
  - type: judges
    title: 评委轮
    judges: [张评委, 李评委, "[b]王评委[/b]"]
    drop_highest: 0
    drop_lowest: 0
    questions: {count: 3}
"""

LAST = """\
  - type: last_standing
    title: 一战到底轮
    survivors: 2
    questions: {count: 6}
"""


async def test_board_cells_are_picked_from_a_list_of_what_is_left(tmp_path):
    app, session = host(contest_file(tmp_path, BOARD), tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "space", "space")
        assert app.view.next_step == f"B {i18n.t('tui.key.pick')}"
        await press(pilot, "B")
        assert i18n.t("tui.pick_title", team="红队") in screen_text(app)
        assert "甲 · 20" in screen_text(app)
        await press(pilot, "down", "enter")  # 甲 · 20
        assert app.view.stage is Stage.QUESTION and app.view.turn == 1
        await press(pilot, "y")
        assert app.view.team(1).score == 120
        await press(pilot, "B")
        assert "甲 · 20" not in screen_text(app)  # a picked cell is gone
        await press(pilot, "enter")
        assert app.view.turn == 2
    session.close()


async def test_judges_scores_are_typed_judge_by_judge(tmp_path):
    app, session = host(contest_file(tmp_path, JUDGES), tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "space", "space", "space")
        assert dict(app.footer_items())["J"] == "judge's score"
        for score in ("9", "8", "7.5"):
            await press(pilot, "J")
            assert "[b]王评委[/b]" in screen_text(app)  # names show literally
            await press(pilot, "enter")
            await pilot.press(*score)
            await press(pilot, "enter")
        assert app.view.team(1).score == 108.17  # (9 + 8 + 7.5) / 3
        assert app.view.stage is Stage.REVEAL
    session.close()


async def test_last_standing_plays_with_the_usual_keys(tmp_path):
    app, session = host(contest_file(tmp_path, LAST), tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "space", "space", "space", "n")
        assert app.view.team(1).out
        await press(pilot, "space")
        assert app.contest.state.phase == "finished"  # two teams left: the round is over
    session.close()
