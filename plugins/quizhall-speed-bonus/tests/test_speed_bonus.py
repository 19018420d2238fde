"""The speed bonus: full points at once, falling to min_share of them at the time limit."""

from pathlib import Path

import pytest
import quizhall_speed_bonus as speed

from quizhall.testing import ContestFileError, rehearse

HERE = Path(__file__).resolve().parent
CONTEST = HERE / "speed.contest.yaml"  # lists the plugin with min_share 0.5
PLAIN = """\
title: No plugins listed
banks: [bank.yaml]
teams: [{name: Red}, {name: Blue}]
rounds:
  - {type: required, questions: {count: 2}, points: 20, time_limit: 20}
"""
TO_RED = ["next", "next", "open"]  # round 1, question 1 goes to Red, the timer starts


def test_an_answer_given_at_once_earns_all_its_points():
    final = rehearse(CONTEST, [*TO_RED, "right"], plugins=[speed])
    assert final["scores"] == {"Red": 120, "Blue": 100}


def test_half_way_to_the_limit_earns_three_quarters():
    final = rehearse(CONTEST, [*TO_RED, "wait 10", "right"], plugins=[speed])
    assert final["scores"]["Red"] == 115


def test_just_before_the_limit_earns_about_half():
    final = rehearse(CONTEST, [*TO_RED, "wait 19", "right"], plugins=[speed])
    assert final["scores"]["Red"] == 100 + 11  # 20 × 0.525 = 10.5, rounded half up


def test_min_share_zero_makes_points_fall_to_nothing():
    final = rehearse(CONTEST, [*TO_RED, "wait 15", "right"], plugins=[speed],
                     settings={"min_share": 0})
    assert final["scores"]["Red"] == 105


def test_answers_within_the_grace_period_count_as_immediate():
    final = rehearse(CONTEST, [*TO_RED, "wait 4", "right"], plugins=[speed],
                     settings={"grace": 4})
    assert final["scores"]["Red"] == 120


def test_whole_points_false_keeps_fractions():
    final = rehearse(CONTEST, [*TO_RED, "wait 19", "right"], plugins=[speed],
                     settings={"whole_points": False})
    assert final["scores"]["Red"] == 110.5


def test_a_partly_right_answer_is_scaled_too():
    final = rehearse(CONTEST, [*TO_RED, "wait 10", "partial 8"], plugins=[speed])
    assert final["scores"]["Red"] == 106  # 8 × 0.75


def test_wrong_answers_are_left_to_the_round_rules():
    final = rehearse(CONTEST, [*TO_RED, "wait 10", "wrong"], plugins=[speed])
    assert final["scores"]["Red"] == 100
    assert [p["plugin"] for p in final["ledger"][-1]["parts"]] == ["quizhall.rules.scoring"]


def test_in_a_buzz_round_the_time_runs_from_the_buzz_over_the_answer_window():
    round_one = ["next", "next", "right", "next", "right", "next", "right", "next", "right"]
    to_buzz_round = [*round_one, "next", "next"]  # round 2 starts, its first question shows
    final = rehearse(CONTEST, [*to_buzz_round, "open", "wait 3", "buzz Blue", "wait 2.5",
                               "right"], plugins=[speed])
    assert final["scores"]["Blue"] == 140 + 15  # answer_window 5 s: half-way, three quarters


def test_the_ledger_says_why_points_were_cut():
    final = rehearse(CONTEST, [*TO_RED, "wait 10", "right"], plugins=[speed])
    parts = final["ledger"][-1]["parts"]
    assert [(p["plugin"], p["points"], p["reason"]) for p in parts] == [
        ("quizhall.rules.scoring", 20, "right"),
        ("quizhall-speed-bonus", -5, "answered in 10 s: 75% of the points"),
    ]


def test_without_a_time_limit_the_setting_supplies_one():
    contest = PLAIN.replace(", time_limit: 20", "")
    slow = rehearse(contest, ["next", "next", "wait 30", "right"], plugins=[speed],
                    base_dir=HERE)
    assert slow["scores"]["Red"] == 120  # no limit anywhere: nothing to measure against
    limited = rehearse(contest, ["next", "next", "wait 30", "right"], plugins=[speed],
                       settings={"time_limit": 60}, base_dir=HERE)
    assert limited["scores"]["Red"] == 115


def test_rounds_limits_the_plugin_to_the_rounds_named():
    contest = CONTEST.read_text(encoding="utf-8").replace(
        "settings: {min_share: 0.5}", "settings: {min_share: 0.5}\n    rounds: [buzz]")
    final = rehearse(contest, [*TO_RED, "wait 10", "right"], plugins=[speed], base_dir=HERE)
    assert final["scores"]["Red"] == 120


def test_installed_but_not_listed_it_changes_nothing():
    final = rehearse(PLAIN, [*TO_RED, "wait 10", "right"], installed=[speed], base_dir=HERE)
    assert final["scores"]["Red"] == 120
    assert final["warnings"] == []


@pytest.mark.parametrize(("settings", "message"), [
    ("{min_shar: 0.3}",
     "5:45: error: unknown setting min_shar of plugin quizhall-speed-bonus "
     "(did you mean min_share?)"),
    ("{min_share: half}", "5:56: error: min_share should be a number"),
    ("{min_share: 1.5}",
     "5:56: error: plugin quizhall-speed-bonus: min_share should be between 0 and 1, not 1.5"),
])
def test_settings_are_checked_where_the_contest_file_gives_them(settings, message):
    contest = PLAIN.replace("rounds:", "plugins:\n  - {name: quizhall-speed-bonus, settings: "
                            f"{settings}}}\nrounds:")
    with pytest.raises(ContestFileError) as error:
        rehearse(contest, [], installed=[speed], base_dir=HERE)
    assert str(error.value) == f"<contest>:{message}"
