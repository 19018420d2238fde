"""Inputs a hostile user or a broken file may give: none may crash quizhall or hang it."""

import pytest
from contest_helpers import DATA, contest_text, events, play, reasons

from quizhall.cli import main
from quizhall.contest import ScorePart
from quizhall.hookspecs import hookimpl
from quizhall.testing import start

REQUIRED = "  - type: required\n    questions: {count: 4}\n    answerer: team\n"
HUGE = "1" * 5000  # more digits than Python converts to an int


def test_a_team_number_of_thousands_of_digits_is_refused_not_a_crash():
    result = play(REQUIRED, ["next", "next", f"buzz {HUGE}", f"adjust {HUGE} 5 jury"])
    assert len(reasons(result)) == 2
    assert all("no team" in reason and "111111111…" in reason for reason in reasons(result))


def test_a_member_number_of_thousands_of_digits_is_refused_not_a_crash():
    result = play(REQUIRED, ["next", "next", f"member {HUGE}", "member 0002", "right"])
    assert len(reasons(result)) == 1 and "no such member" in reasons(result)[0]
    assert events(result, "answer_judged")[0]["member"] == 1


class RaisesBase:
    def __init__(self, kind):
        self.kind = kind

    @hookimpl
    def quizhall_score_answer(self, answer):
        raise self.kind("from a plugin")


class Absurd:
    @hookimpl
    def quizhall_score_answer(self, answer):
        return ScorePart(999_999_999, "jackpot")


@pytest.mark.parametrize("kind", [GeneratorExit, KeyboardInterrupt, SystemExit])
def test_a_plugin_raising_a_base_exception_is_named_and_the_contest_goes_on(kind):
    rehearsal = start(contest_text(REQUIRED), plugins=[RaisesBase(kind)], base_dir=DATA)
    rehearsal.run(["next", "next", "right", "next", "right"])
    assert len(rehearsal.warnings) == 2
    assert all("test-plugin-0" in w and kind.__name__ in w for w in rehearsal.warnings)
    assert rehearsal.contest.view().teams[0].score == 110


def test_a_plugin_scoring_absurd_points_is_named_and_ignored():
    rehearsal = start(contest_text(REQUIRED), plugins=[Absurd()], base_dir=DATA)
    rehearsal.run(["next", "next", "right"])
    assert rehearsal.contest.view().teams[0].score == 110
    (warning,) = rehearsal.warnings
    assert "test-plugin-0" in warning and "999999999" in warning


def test_check_warns_of_a_plugin_file_outside_the_contest_folder(tmp_path, capsys):
    hall = tmp_path / "hall"
    hall.mkdir()
    (hall / "rules.yaml").write_text((DATA / "rules.yaml").read_text(encoding="utf-8"),
                                     encoding="utf-8")
    (tmp_path / "elsewhere.py").write_text("X = 1\n", encoding="utf-8")
    (hall / "inside.py").write_text("Y = 1\n", encoding="utf-8")
    contest = hall / "hall.contest.yaml"
    contest.write_text(contest_text(REQUIRED, head="plugins: [../elsewhere.py, inside.py]\n"),
                       encoding="utf-8")
    assert main(["check", str(contest)]) == 0
    out = capsys.readouterr()
    text = out.out + out.err
    assert "../elsewhere.py is outside the contest's folder" in text
    assert "inside.py is outside" not in text
