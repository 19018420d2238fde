"""The whole demo contest, played from the keyboard to the final ranking."""

from __future__ import annotations

from pathlib import Path

from tuikit import SAMPLES, host, press, screen_text, squeeze

from quizhall import i18n
from quizhall.contest.evolve import fold
from quizhall.tui.stage_view import Stage


def choose_key(app, step: int) -> str:
    """What a host would press now, read off the footer and the screen."""
    footer = dict(app.footer_items())
    view = app.view
    if "w" in footer:
        return "w"
    if view.stage is Stage.QUESTION:
        if view.buzz_round and view.buzz_holder is None:
            if "o" in footer:
                return "o"
            playing = [team for team in view.teams if not team.out and not team.locked_out]
            return playing[step % len(playing)].buzzer_key
        if "o" in footer and view.timer is None:
            return "o"
        if "y" in footer:
            return "y" if step % 3 else "n"
    if "r" in footer and not view.revealed:
        return "r"
    if "space" in footer:
        return "space"
    return "ctrl+t"


async def test_demo_contest_plays_through_every_round_to_the_podium(tmp_path):
    i18n.set_language("zh-CN")
    app, session = host(SAMPLES / "demo.contest.yaml", tmp_path / "data")
    rounds_seen: list[str] = []
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert "2025年劳动法律知识竞赛（演示）" in screen_text(app)
        for step in range(400):
            view = app.view
            if view.finished:
                break
            if view.stage is Stage.ROUND and view.round_title not in rounds_seen:
                rounds_seen.append(view.round_title)
                assert view.round_title in screen_text(app)
            audience = view.for_audience()
            if audience.question is not None and not view.revealed:
                assert audience.question.answer == "" and audience.question.explanation == ""
            key = choose_key(app, step)
            await press(pilot, key)
            if key == "w":
                await press(pilot, "enter")
        assert app.view.finished, "the contest did not finish"
        assert app.view.stage is Stage.FINAL
        text = screen_text(app)
        assert "最终排名" in text and "一等奖" in text
        assert rounds_seen[:5] == ["第一轮 必答题", "第二轮 抢答题", "第三轮 风险题",
                                   "第四轮 限时速答", "第五轮 闯关"]
        scores = [team.score for team in app.view.ranking]
        assert scores == sorted(scores, reverse=True)
        replayed = fold(app.contest.log.read()).state
        assert list(replayed.scores) == [team.score for team in app.view.teams]
    session.close()
    from quizhall.store import open_store

    with open_store(tmp_path / "data") as store:
        assert store.contest(session.contest_id).status == "finished"


async def test_title_page_gives_the_whole_display_command_even_at_80_columns(tmp_path):
    app, session = host(SAMPLES / "demo.contest.yaml", tmp_path / "data")
    session.display_data_dir = str(tmp_path / "demo data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        command = f"quizhall display --data-dir '{tmp_path / 'demo data'}' {session.contest_id}"
        assert app.view.hint.endswith(f"run {command} in a second terminal")
        assert squeeze(command) in squeeze(screen_text(app))
        assert app.view.for_audience().hint == ""
    session.close()


async def test_single_screen_title_page_has_no_projector_hint(tmp_path):
    app, session = host(SAMPLES / "demo.contest.yaml", tmp_path / "data", single_screen=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.view.hint == "" and "quizhall display" not in screen_text(app)
    session.close()


def _demo_sessions(monkeypatch) -> list:
    """Run ``quizhall demo`` with the app replaced by one that opens the contest and stops."""
    from quizhall.tui.host import HostApp

    seen = []

    def fake_run(app, *args, **kwargs):
        app.session.open(None)
        seen.append((app.display_command(), app.session.store.data_dir,
                     app.session.contest_id))

    monkeypatch.setattr(HostApp, "run", fake_run)
    return seen


def test_demo_keeps_its_contest_where_quizhall_data_dir_says(tmp_path, monkeypatch):
    from quizhall import cli

    monkeypatch.setenv("QUIZHALL_DATA_DIR", str(tmp_path / "hall"))
    seen = _demo_sessions(monkeypatch)
    assert cli.main(["demo"]) == 0
    command, data_dir, contest_id = seen[0]
    assert data_dir == tmp_path / "hall" and command == f"quizhall display {contest_id}"
    assert (tmp_path / "hall" / "contests" / contest_id).is_dir()


def test_demo_in_a_temporary_directory_names_it_in_the_display_command(monkeypatch):
    from quizhall import cli

    monkeypatch.delenv("QUIZHALL_DATA_DIR")
    seen = _demo_sessions(monkeypatch)
    assert cli.main(["demo"]) == 0
    command, data_dir, contest_id = seen[0]
    assert command == f"quizhall display --data-dir {data_dir} {contest_id}"
    assert "quizhall-demo-" in str(data_dir)


async def test_at_80_columns_the_host_still_reads_question_k_of_n(tmp_path):
    app, session = host(SAMPLES / "demo.contest.yaml", tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "space", "space", "space")
        first = screen_text(app).splitlines()[0]
        assert first.rstrip().endswith("Question 1 of 3")  # the contest title gave way
        assert "Round 1 of 6" in first and "…" in first
        await pilot.resize_terminal(160, 45)
        await pilot.pause()
        assert screen_text(app).splitlines()[0].startswith(" 2025年劳动法律知识竞赛（演示）  ·")
    session.close()


def test_demo_where_names_the_folder_of_the_shipped_samples(capsys):
    from quizhall import cli

    assert cli.main(["demo", "--where"]) == 0
    folder = Path(capsys.readouterr().out.strip())
    assert (folder / "demo.contest.yaml").is_file() and (folder / "demo.rehearsal.txt").is_file()
