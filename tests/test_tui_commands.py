"""``quizhall run``, ``display`` and ``demo`` fail with clear messages, never a traceback."""

from __future__ import annotations

from tuikit import TUI_BANK, contest_file

from quizhall.buzzers import buzzer_sources
from quizhall.cli import main

ROUNDS = """\
  - type: buzz
    questions: {ids: [h02]}
"""


def test_missing_contest_file(tmp_path, capsys):
    assert main(["run", str(tmp_path / "nope.contest.yaml")]) == 1
    assert "no such contest file" in capsys.readouterr().err


def test_contest_file_errors_are_listed_with_positions(tmp_path, capsys):
    path = contest_file(tmp_path, ROUNDS + "    points: lots\n", bank=TUI_BANK)
    assert main(["run", str(path), "--data-dir", str(tmp_path / "d")]) == 1
    err = capsys.readouterr().err
    assert f"{path}:" in err and "Traceback" not in err


def test_resume_with_nothing_to_resume(tmp_path, capsys):
    path = contest_file(tmp_path, ROUNDS, bank=TUI_BANK)
    assert main(["run", str(path), "--resume", "--data-dir", str(tmp_path / "d")]) == 1
    assert "no unfinished contest" in capsys.readouterr().err


def test_unknown_buzzer_source_names_the_available_ones(tmp_path, capsys):
    path = contest_file(tmp_path, ROUNDS, bank=TUI_BANK)
    assert main(["run", str(path), "--buzzer", "usb-magic", "--data-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "usb-magic" in err and "keyboard" in err and "serial" in err


def test_display_with_no_running_contest(tmp_path, capsys):
    assert main(["display", "--data-dir", str(tmp_path)]) == 1
    assert "no contest is running" in capsys.readouterr().err


def test_keyboard_and_serial_buzzers_are_registered_plugins():
    sources = buzzer_sources()
    assert {"keyboard", "serial"} <= set(sources)
    assert all(callable(source.start) and callable(source.stop) for source in sources.values())


def test_team_key_that_is_a_console_key_is_refused_at_its_position(tmp_path, capsys):
    teams = 'teams:\n  - {name: 红队, key: "x"}\n  - {name: 蓝队, key: "2"}\n'
    path = contest_file(tmp_path, ROUNDS, teams=teams, bank=TUI_BANK)
    assert main(["run", str(path), "--data-dir", str(tmp_path / "d")]) == 1
    err = capsys.readouterr().err
    assert f"{path}:5:" in err and "pass" in err


async def test_console_refuses_a_recorded_plan_whose_team_key_is_a_console_key(tmp_path, capsys):
    import dataclasses

    from tuikit import host

    app, session = host(contest_file(tmp_path, ROUNDS, bank=TUI_BANK), tmp_path / "data")
    plan = session.load.plan
    teams = (dataclasses.replace(plan.teams[0], key="e"), *plan.teams[1:])
    session.load.plan = dataclasses.replace(plan, teams=teams)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert app.return_code == 2
    assert 'team 1\'s buzzer key e is also the host key for "export"' in capsys.readouterr().err
    session.close()
