"""The template plugin: +5 for a right answer to a question of difficulty 4 or more."""

import re
from pathlib import Path

import pytest
import quizhall_template as template

from quizhall.testing import ContestFileError, rehearse

CONTEST = Path(__file__).resolve().parent / "template.contest.yaml"
# Questions q1…q6 have difficulties 1, 2, 3, 4, 5, 1; Red gets q1, q3, q5 and Blue q2, q4, q6.
ALL_RIGHT = ["next"] + ["next", "right"] * 6


def test_right_answers_to_hard_questions_earn_the_bonus():
    final = rehearse(CONTEST, ALL_RIGHT, plugins=[template])
    assert final["scores"] == {"Red": 100 + 30 + 5, "Blue": 100 + 30 + 5}


def test_the_difficulty_setting_moves_the_bar():
    final = rehearse(CONTEST, ALL_RIGHT, plugins=[template], settings={"difficulty": 5})
    assert final["scores"] == {"Red": 135, "Blue": 130}


def test_wrong_answers_earn_no_bonus():
    final = rehearse(CONTEST, ["next"] + ["next", "wrong"] * 6, plugins=[template])
    assert final["scores"] == {"Red": 100, "Blue": 100}


@pytest.mark.parametrize(("settings", "message"), [
    ({"bonus": 0}, "plugin quizhall-template: bonus should be more than 0"),
    ({"difficulty": 0}, "difficulty"),
    ({"bounus": 3}, "unknown setting bounus of plugin quizhall-template (did you mean bonus?)"),
])
def test_bad_settings_are_named(settings, message):
    with pytest.raises(ContestFileError, match=re.escape(message)):
        rehearse(CONTEST, [], plugins=[template], settings=settings)
