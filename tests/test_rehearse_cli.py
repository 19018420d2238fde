"""``quizhall rehearse`` and ``quizhall results`` on the store."""

import json

from contest_helpers import DATA, contest_text

from quizhall.cli import main

SCRIPT = """\
# a short buzz round
next
next
open
buzz 2      # 蓝队 answers
right
buzz 1      # refused: no question
next
open
wait 15     # nobody buzzes: audience question
"""


def write(tmp_path, rounds="  - type: buzz\n    questions: {count: 4}\n"):
    contest = tmp_path / "t.contest.yaml"
    contest.write_text(contest_text(rounds), encoding="utf-8")
    (tmp_path / "rules.yaml").write_bytes((DATA / "rules.yaml").read_bytes())
    return contest


def test_rehearse_json_prints_the_final_state(tmp_path, capsys):
    contest = write(tmp_path)
    script = tmp_path / "script.txt"
    script.write_text(SCRIPT, encoding="utf-8")
    assert main(["rehearse", str(contest), "--commands", str(script), "--json"]) == 0
    captured = capsys.readouterr()
    result = json.loads(captured.out)
    assert result == {
        "teams": [{"name": "红队", "score": 100, "rank": 2},
                  {"name": "蓝队", "score": 110, "rank": 1},
                  {"name": "绿队", "score": 100, "rank": 2},
                  {"name": "黄队", "score": 100, "rank": 2}],
        "round": 1, "question": 2, "events": 10,
        "refused": [{"line": 7, "reason": "there is no question on screen"}],
    }
    assert "contest id:" in captured.err


def test_rehearse_text_reports_refusals_with_line_numbers(tmp_path, capsys):
    contest = write(tmp_path)
    script = tmp_path / "script.txt"
    script.write_text(SCRIPT, encoding="utf-8")
    assert main(["rehearse", str(contest), "--commands", str(script)]) == 0
    captured = capsys.readouterr()
    assert "line 7: buzz 1: there is no question on screen" in captured.err
    assert "1. 蓝队  110" in captured.out


def test_results_fold_the_stored_log_and_resume_continues(tmp_path, capsys):
    contest = write(tmp_path)
    first = tmp_path / "first.txt"
    first.write_text("next\nnext\nopen\nbuzz 2\n", encoding="utf-8")
    assert main(["rehearse", str(contest), "--commands", str(first), "--json"]) == 0
    captured = capsys.readouterr()
    contest_id = captured.err.strip().rsplit(" ", 1)[-1]
    # Stopped mid-question (as if killed): results still fold what was recorded.
    assert main(["results", contest_id, "--json"]) == 0
    stopped = json.loads(capsys.readouterr().out)
    assert stopped["question"] == 1 and stopped["events"] == 5
    second = tmp_path / "second.txt"
    second.write_text("right\n", encoding="utf-8")
    assert main(["rehearse", str(contest), "--commands", str(second), "--resume", contest_id,
                 "--json"]) == 0
    resumed = json.loads(capsys.readouterr().out)
    assert resumed["teams"][1]["score"] == 110
    assert resumed["events"] == 8  # + contest_resumed, answer_judged, question_closed
    assert main(["results", contest_id, "--ledger"]) == 0
    out = capsys.readouterr().out
    assert "蓝队 +10 (right +10)" in out


def test_results_ledger_names_the_member_and_every_undo_and_redo(tmp_path, capsys):
    # Defect 6 (failed before: the ledger did not say who answered, nor show undos).
    contest = write(tmp_path, "  - type: required\n    questions: {count: 4}\n")
    script = tmp_path / "s.txt"
    script.write_text("next\nnext\nright\nundo\nredo\n", encoding="utf-8")
    assert main(["rehearse", str(contest), "--commands", str(script), "--json"]) == 0
    contest_id = capsys.readouterr().err.strip().rsplit(" ", 1)[-1]
    assert main(["results", contest_id, "--ledger", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ledger"][0]["member"] == 0
    assert [(move["type"], move["seq"]) for move in data["undo"]] == [("undo", 5), ("redo", 6)]
    assert main(["results", contest_id, "--ledger"]) == 0
    out = capsys.readouterr().out
    assert "#3 红队 (红一) +10 (right +10)" in out
    assert "#5 undid the action from event #3" in out
    assert "#6 redid the action from event #3" in out


def test_rehearse_with_a_broken_contest_file_reports_positions(tmp_path, capsys):
    contest = write(tmp_path, "  - type: buzz\n    wndow: 3\n")
    script = tmp_path / "s.txt"
    script.write_text("next\n", encoding="utf-8")
    assert main(["rehearse", str(contest), "--commands", str(script)]) == 1
    err = capsys.readouterr().err
    assert "t.contest.yaml:11:5: error: unknown key wndow (did you mean window?)" in err


def test_results_of_an_unknown_contest(capsys):
    assert main(["results", "no-such-contest"]) == 1
    assert "there is no contest no-such-contest" in capsys.readouterr().err


def test_rehearse_and_results_print_control_characters_as_stand_ins(tmp_path, capsys):
    teams = 'teams:\n  - {name: "[bold]红\\e[31m"}\n  - {name: 蓝队}\n'
    contest = tmp_path / "t.contest.yaml"
    contest.write_text(contest_text("  - type: buzz\n    questions: {count: 4}\n", teams),
                       encoding="utf-8")
    (tmp_path / "rules.yaml").write_bytes((DATA / "rules.yaml").read_bytes())
    script = tmp_path / "s.txt"
    script.write_text("buzz \x1b[2J\nadjust 1 5 jury \x1b[31mred\n", encoding="utf-8")
    assert main(["rehearse", str(contest), "--commands", str(script)]) == 0
    captured = capsys.readouterr()
    contest_id = captured.out.split("\n", 1)[0].rsplit(" ", 1)[-1]
    assert "line 1: buzz \u241b[2J: no team is called \u241b[2J" in captured.err
    assert "1. [bold]红\u241b[31m  105" in captured.out
    assert main(["results", contest_id, "--ledger"]) == 0
    out = capsys.readouterr().out
    assert "+5 (jury \u241b[31mred)" in out
    assert "\x1b" not in captured.out + captured.err + out


def test_a_torn_last_record_is_reported_on_resume_and_damage_by_results(tmp_path, capsys):
    import os
    from pathlib import Path

    contest = write(tmp_path)
    first = tmp_path / "first.txt"
    first.write_text("next\nnext\nopen\nbuzz 2\n", encoding="utf-8")
    assert main(["rehearse", str(contest), "--commands", str(first), "--json"]) == 0
    contest_id = capsys.readouterr().err.strip().rsplit(" ", 1)[-1]
    log = Path(os.environ["QUIZHALL_DATA_DIR"]) / "contests" / contest_id / "events.jsonl"
    with open(log, "ab") as fh:
        fh.write(b'{"seq":5,"event":{"type":"answ')  # a write cut short by a crash
    second = tmp_path / "second.txt"
    second.write_text("right\n", encoding="utf-8")
    assert main(["rehearse", str(contest), "--commands", str(second), "--resume", contest_id,
                 "--json"]) == 0
    captured = capsys.readouterr()
    assert "were torn or damaged" in captured.err and "the 5 complete records" in captured.err
    assert json.loads(captured.out)["teams"][1]["score"] == 110
    with open(log, "ab") as fh:
        fh.write(b"garbage\n")
    assert main(["results", contest_id, "--json"]) == 0
    captured = capsys.readouterr()
    assert "line 10 is damaged, so only the 8 records before it are read" in captured.err
    assert json.loads(captured.out)["events"] == 8


def test_resume_with_another_contest_file_is_refused(tmp_path, capsys):
    contest = write(tmp_path)
    first = tmp_path / "first.txt"
    first.write_text("next\nnext\n", encoding="utf-8")
    assert main(["rehearse", str(contest), "--commands", str(first), "--json"]) == 0
    contest_id = capsys.readouterr().err.strip().rsplit(" ", 1)[-1]
    other = tmp_path / "other.contest.yaml"
    other.write_text(contest.read_text(encoding="utf-8").replace("测试赛", "另一场"),
                     encoding="utf-8")
    assert main(["rehearse", str(other), "--commands", str(first), "--resume",
                 contest_id]) == 1
    assert f"contest {contest_id} was not started from {other}" in capsys.readouterr().err
    moved = tmp_path / "moved.contest.yaml"
    moved.write_text(contest.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["rehearse", str(moved), "--commands", str(first), "--resume", contest_id,
                 "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["events"] == 4  # + contest_resumed


def test_a_round_started_before_its_first_question_says_so(tmp_path, capsys):
    contest = write(tmp_path)
    script = tmp_path / "s.txt"
    script.write_text("next\n", encoding="utf-8")
    assert main(["rehearse", str(contest), "--commands", str(script)]) == 0
    assert "round 1 (Buzz-in), before its first question\n" in capsys.readouterr().out
