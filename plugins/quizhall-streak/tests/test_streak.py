"""The streak bonus: +5 for the second right answer in a row, +10 for the third, at most 15."""

from pathlib import Path

import pytest
import quizhall_streak as streak

from quizhall.contest import fold
from quizhall.testing import ContestFileError, rehearse, start

HERE = Path(__file__).resolve().parent
CONTEST = HERE / "streak.contest.yaml"  # two required rounds (8 and 4 questions), 10 points


def round_of(red: list[str], blue: list[str]) -> list[str]:
    """Host commands for a required round: questions go to Red and Blue in turn."""
    commands = ["next"]  # start the round (ending the one before)
    for red_verdict, blue_verdict in zip(red, blue, strict=True):
        commands += ["next", red_verdict, "next", blue_verdict]
    return commands


ALL_RIGHT = ["right"] * 4
ALL_WRONG = ["wrong"] * 4


def test_the_second_right_answer_in_a_row_earns_five_the_third_ten_then_capped_at_fifteen():
    final = rehearse(CONTEST, round_of(red=ALL_RIGHT, blue=ALL_WRONG), plugins=[streak])
    assert final["scores"] == {"Red": 100 + 4 * 10 + 5 + 10 + 15, "Blue": 100}


def test_a_lower_cap_stops_the_bonus_growing():
    final = rehearse(CONTEST, round_of(red=ALL_RIGHT, blue=ALL_WRONG), plugins=[streak],
                     settings={"bonus": 5, "cap": 5})
    assert final["scores"]["Red"] == 100 + 40 + 3 * 5


def test_no_cap():
    final = rehearse(CONTEST, round_of(red=ALL_RIGHT, blue=ALL_WRONG), plugins=[streak],
                     settings={"cap": None})
    assert final["scores"]["Red"] == 100 + 40 + 5 + 10 + 15


@pytest.mark.parametrize("breaker", ["wrong", "timeout", "partial 5"])
def test_anything_but_a_right_answer_ends_the_streak(breaker):
    red = ["right", "right", breaker, "right"]
    final = rehearse(CONTEST, round_of(red=red, blue=ALL_WRONG), plugins=[streak])
    breaker_points = 5 if breaker == "partial 5" else 0
    assert final["scores"]["Red"] == 100 + 30 + 5 + breaker_points


def test_each_team_has_its_own_streak():
    final = rehearse(CONTEST, round_of(red=ALL_RIGHT, blue=ALL_RIGHT), plugins=[streak])
    assert final["scores"] == {"Red": 170, "Blue": 170}


def test_a_new_round_starts_a_new_streak():
    commands = [*round_of(red=ALL_RIGHT, blue=ALL_WRONG), *round_of(red=["right", "right"],
                                                                    blue=["wrong", "wrong"])]
    final = rehearse(CONTEST, commands, plugins=[streak])
    assert final["scores"]["Red"] == 170 + 20 + 5


def test_reset_never_carries_the_streak_into_the_next_round():
    commands = [*round_of(red=ALL_RIGHT, blue=ALL_WRONG), *round_of(red=["right", "right"],
                                                                    blue=["wrong", "wrong"])]
    final = rehearse(CONTEST, commands, plugins=[streak], settings={"reset": "never"})
    assert final["scores"]["Red"] == 170 + 20 + 15 + 15


def test_undoing_a_right_answer_takes_its_bonus_back_and_the_log_folds_to_the_same_state():
    rehearsal = start(CONTEST, plugins=[streak])
    rehearsal.run(["next", "next", "right", "next", "wrong", "next", "right", "undo", "wrong"])
    contest = rehearsal.contest
    assert contest.view().teams[0].score == 110
    assert fold(contest.log.read()).state == contest.state


def test_the_ledger_names_the_streak():
    final = rehearse(CONTEST, round_of(red=["right", "right"], blue=["wrong", "wrong"]),
                     plugins=[streak])
    parts = final["ledger"][-2]["parts"]  # Red's second answer
    assert parts[-1] == {"points": 5, "reason": "2 right in a row", "plugin": "quizhall-streak"}


def test_installed_but_not_listed_it_changes_nothing():
    contest = CONTEST.read_text(encoding="utf-8").split("plugins:")[0] + "rounds:" + \
        CONTEST.read_text(encoding="utf-8").split("rounds:")[1]
    final = rehearse(contest, round_of(red=ALL_RIGHT, blue=ALL_WRONG), installed=[streak],
                     base_dir=HERE)
    assert final["scores"]["Red"] == 140


@pytest.mark.parametrize(("settings", "message"), [
    ({"bonnus": 5}, "unknown setting bonnus of plugin quizhall-streak (did you mean bonus?)"),
    ({"reset": "sometimes"}, "reset cannot be sometimes; choose round, never"),
    ({"bonus": "lots"}, "bonus should be a number"),
    ({"bonus": 10, "cap": 5}, "plugin quizhall-streak: cap (5) is below bonus (10), so no "
                              "answer could earn the bonus"),
    ({"bonus": -5}, "plugin quizhall-streak: bonus should be more than 0"),
])
def test_bad_settings_are_named(settings, message):
    with pytest.raises(ContestFileError) as error:
        rehearse(CONTEST, [], plugins=[streak], settings=settings)
    assert message in str(error.value)
