"""Which commands the engine says it accepts now (``Contest.available_commands``).

One rule each, played on the test bank; every answer is checked against what the engine
then really does with the command.
"""

from contest_helpers import DATA, contest_text

from quizhall.testing import start

REQUIRED = "  - type: required\n    questions: {count: 4}\n"
BUZZ = "  - type: buzz\n    questions: {count: 4}\n"
RISK = "  - type: risk\n    questions: {count: 8}\n"


def rehearsal_after(rounds: str, lines: list[str]):
    rehearsal = start(contest_text(rounds), base_dir=DATA)
    rehearsal.run(lines)
    assert not rehearsal.refused, rehearsal.refused
    return rehearsal


def available(rounds: str, lines: list[str]) -> dict:
    return rehearsal_after(rounds, lines).contest.available_commands()


def test_no_buzz_before_a_question_is_shown():
    assert "buzz" not in available(BUZZ, [])
    assert "buzz" not in available(BUZZ, ["next"])


def test_every_team_may_buzz_once_the_question_is_open():
    assert available(BUZZ, ["next", "next", "open"])["buzz"].teams == (0, 1, 2, 3)


def test_no_buzz_while_a_team_holds_the_buzz():
    rehearsal = rehearsal_after(BUZZ, ["next", "next", "open", "buzz 2"])
    assert "buzz" not in rehearsal.contest.available_commands()
    assert not rehearsal.contest.execute(rehearsal.contest.parse("buzz 3")).accepted


def test_judging_only_while_someone_answers():
    shown = available(REQUIRED, ["next", "next"])
    assert {"right", "wrong", "partial"} <= shown.keys()
    between = available(REQUIRED, ["next", "next", "right"])
    assert not {"right", "wrong", "partial"} & between.keys()


def test_nothing_to_undo_before_the_contest_started():
    assert "undo" not in available(REQUIRED, [])
    assert "undo" in available(REQUIRED, ["next"])


def test_redo_only_after_an_undo():
    assert "redo" not in available(REQUIRED, ["next"])
    assert "redo" in available(REQUIRED, ["next", "undo"])


def test_wager_only_for_the_team_whose_pick_it_is():
    found = available(RISK, ["next"])
    assert "wager" in found and len(found["wager"].teams) == 1
    team = found["wager"].teams[0]
    rehearsal = rehearsal_after(RISK, ["next"])
    other = (team + 1) % 4
    refused = rehearsal.contest.execute(rehearsal.contest.parse(f"wager {other + 1} pass"))
    assert not refused.accepted


def test_adjust_is_open_to_every_team_once_the_contest_runs():
    assert available(REQUIRED, ["next"])["adjust"].teams == (0, 1, 2, 3)


def test_nothing_goes_on_after_the_contest_finished():
    found = available(REQUIRED, ["next"] + ["next", "right"] * 4 + ["next"])
    assert not {"next", "open", "buzz", "right", "wrong"} & found.keys()
    assert "undo" in found


def test_what_is_listed_is_accepted():
    rehearsal = rehearsal_after(BUZZ, ["next", "next", "open"])
    contest = rehearsal.contest
    found = contest.available_commands()
    plain = {"next", "open", "right", "wrong", "reveal", "undo", "pass", "timeout", "end"}
    assert found.keys() & plain
    for name in found.keys() & plain:
        assert contest.preview(contest.parse(name))[1] is None, name
    for team in found["buzz"].teams:
        assert contest.preview(contest.parse(f"buzz {team + 1}"))[1] is None
