"""Certainty-based marking: low +1/0, medium +2/−2, high +3/−6, in units of half the points."""

from pathlib import Path

import pytest
import quizhall_certainty as certainty

from quizhall.contest import fold
from quizhall.testing import ContestFileError, rehearse, start

HERE = Path(__file__).resolve().parent
CONTEST = HERE / "certainty.contest.yaml"  # round 1: required, 10 points; round 2: buzz, 20
RED_ANSWERS = ["next", "next"]  # round 1 starts, its first question goes to Red


@pytest.mark.parametrize(("level", "verdict", "change"), [
    ("low", "right", +5), ("low", "wrong", 0),
    ("medium", "right", +10), ("medium", "wrong", -10),
    ("high", "right", +15), ("high", "wrong", -30),
])
def test_the_marking_table_in_units_of_half_the_question_points(level, verdict, change):
    final = rehearse(CONTEST, [*RED_ANSWERS, f"certainty {level}", verdict],
                     plugins=[certainty])
    assert final["scores"] == {"Red": 100 + change, "Blue": 100}


def test_a_team_may_be_named_and_chinese_levels_work():
    final = rehearse(CONTEST, [*RED_ANSWERS, "certainty Red 高", "right"], plugins=[certainty])
    assert final["scores"]["Red"] == 115


def test_without_a_stated_certainty_the_round_rules_apply():
    final = rehearse(CONTEST, [*RED_ANSWERS, "right", "next", "wrong"], plugins=[certainty])
    assert final["scores"] == {"Red": 110, "Blue": 100}


def test_a_default_certainty_applies_when_none_is_stated():
    final = rehearse(CONTEST, [*RED_ANSWERS, "wrong"], plugins=[certainty],
                     settings={"default": "medium"})
    assert final["scores"]["Red"] == 90


def test_the_last_certainty_stated_counts():
    final = rehearse(CONTEST, [*RED_ANSWERS, "certainty high", "certainty low", "right"],
                     plugins=[certainty])
    assert final["scores"]["Red"] == 105


def test_running_out_the_clock_after_claiming_high_certainty_counts_as_wrong():
    final = rehearse(CONTEST, [*RED_ANSWERS, "certainty high", "timeout"], plugins=[certainty])
    assert final["scores"]["Red"] == 70


def test_a_partly_right_answer_earns_its_share_of_the_right_marks():
    final = rehearse(CONTEST, [*RED_ANSWERS, "certainty high", "partial 4"],
                     plugins=[certainty])
    assert final["scores"]["Red"] == 106  # 4/10 of +15


def test_the_unit_setting_fixes_the_points_per_mark():
    final = rehearse(CONTEST, [*RED_ANSWERS, "certainty high", "wrong"], plugins=[certainty],
                     settings={"unit": 1})
    assert final["scores"]["Red"] == 94


def test_in_a_buzz_round_the_team_that_buzzed_states_its_certainty():
    round_one = [*RED_ANSWERS, "right", "next", "right", "next", "right", "next", "right"]
    final = rehearse(CONTEST, [*round_one, "next", "next", "open", "buzz Blue",
                               "certainty high", "right"], plugins=[certainty])
    assert final["scores"] == {"Red": 120, "Blue": 120 + 30}


def test_only_the_answering_team_may_state_a_certainty():
    final = rehearse(CONTEST, [*RED_ANSWERS, "certainty Blue high", "right"],
                     plugins=[certainty])
    assert final["refused"] == [{"line": 3, "reason": "only the answering team (Red) states "
                                                     "its certainty"}]
    assert final["scores"]["Red"] == 110


@pytest.mark.parametrize(("command", "reason"), [
    ("certainty", "usage: certainty [TEAM] low|medium|high"),
    ("certainty sure", "certainty should be low, medium or high, not sure"),
    ("certainty Green high", "no team is called Green"),
])
def test_bad_certainty_commands_are_refused_with_a_reason(command, reason):
    final = rehearse(CONTEST, [*RED_ANSWERS, command], plugins=[certainty])
    assert [r["reason"] for r in final["refused"]] == [reason]
    assert not [e for e in final["log"] if e["type"] == "note_recorded"]


def test_no_certainty_before_a_question_is_put():
    final = rehearse(CONTEST, ["next", "certainty high"], plugins=[certainty])
    assert final["refused"][0]["reason"].startswith("nobody is answering")


def test_undo_takes_a_certainty_back_and_the_log_folds_to_the_same_state():
    rehearsal = start(CONTEST, plugins=[certainty])
    rehearsal.run([*RED_ANSWERS, "certainty high", "undo", "wrong"])
    contest = rehearsal.contest
    assert contest.view().teams[0].score == 100
    assert [e["type"] for e in contest.log.read()][-4:] == ["note_recorded", "undo",
                                                            "answer_judged", "question_closed"]
    assert fold(contest.log.read()).state == contest.state


def test_the_certainty_shows_in_the_view_until_the_next_question():
    rehearsal = start(CONTEST, plugins=[certainty])
    rehearsal.run([*RED_ANSWERS, "certainty high"])
    assert rehearsal.contest.view().notes == {0: {"certainty": "high"}}
    rehearsal.run(["right", "next"])
    assert rehearsal.contest.view().notes == {}


def test_rounds_limits_the_command_to_the_rounds_named():
    contest = CONTEST.read_text(encoding="utf-8").replace(
        "  - quizhall-certainty", "  - {name: quizhall-certainty, rounds: [buzz]}")
    final = rehearse(contest, [*RED_ANSWERS, "certainty high", "right"], plugins=[certainty],
                     base_dir=HERE)
    assert final["refused"][0]["reason"] == "the plugin of certainty is not used in round 1"
    assert final["scores"]["Red"] == 110


def test_installed_but_not_listed_there_is_no_certainty_command():
    contest = CONTEST.read_text(encoding="utf-8").replace("plugins:\n  - quizhall-certainty\n",
                                                          "")
    final = rehearse(contest, [*RED_ANSWERS, "certainty high", "wrong"],
                     installed=[certainty], base_dir=HERE)
    assert final["refused"][0]["reason"] == "unknown command certainty"
    assert final["scores"]["Red"] == 100


@pytest.mark.parametrize(("settings", "message"), [
    ({"marks": {"low": [1, 0], "medium": [2, -2], "high": [1, -6]}},
     "plugin quizhall-certainty: right marks should rise with certainty"),
    ({"marks": {"low": [1, 0], "medium": [2]}}, "missing required key high"),
    ({"marks": {"low": [1, 0], "medium": [2], "high": [3, -6]}},
     "each certainty takes [right, wrong]"),
    ({"unit": 0}, "plugin quizhall-certainty: unit should be more than 0"),
    ({"defualt": "low"}, "unknown setting defualt of plugin quizhall-certainty "
                         "(did you mean default?)"),
])
def test_bad_settings_are_named(settings, message):
    with pytest.raises(ContestFileError) as error:
        rehearse(CONTEST, [], plugins=[certainty], settings=settings)
    assert message in str(error.value)
