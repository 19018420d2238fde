"""Contest files: every problem reported with its line and column, all at once."""

import json
import shutil

from contest_helpers import DATA

from quizhall.cli import main
from quizhall.contest import load_contest
from quizhall.samples import sample_banks_dir


def problems(tmp_path, text: str) -> list[tuple[int, int, str, str | None]]:
    shutil.copy(DATA / "rules.yaml", tmp_path / "rules.yaml")
    path = tmp_path / "x.contest.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load_contest(path)
    assert loaded.plan is None
    return [(d.line, d.column, d.message, d.hint) for d in loaded.diagnostics
            if d.severity == "error"]


HEAD = "title: T\nbanks: [rules.yaml]\nteams:\n  - {name: A}\n  - {name: B}\n"


def test_unknown_top_level_key_with_did_you_mean(tmp_path):
    text = HEAD + "base_scroe: 100\nrounds:\n  - {type: buzz, questions: {count: 2}}\n"
    assert problems(tmp_path, text) == [(6, 1, "unknown key base_scroe",
                                         "did you mean base_score?")]


def test_unknown_round_type_with_did_you_mean(tmp_path):
    text = HEAD + "rounds:\n  - type: buz\n    questions: {count: 2}\n"
    assert problems(tmp_path, text) == [(7, 11, "unknown round type buz", "did you mean buzz?")]


def test_round_types_validate_their_own_settings(tmp_path):
    text = HEAD + ("rounds:\n  - type: buzz\n    pionts: 10\n    early_buzz: [{points: x}]\n"
                   "    window: -3\n  - type: risk\n    order: highest_first\n"
                   "    values: [10, 10]\n")
    assert problems(tmp_path, text) == [
        (8, 5, "unknown key pionts", "did you mean points?"),
        (9, 27, "points should be a number", None),
        (10, 13, "window should be greater than 0", None),
        (12, 12, "order cannot be highest_first; choose lowest_first, team_order",
         "did you mean lowest_first?"),
        (13, 13, "values repeats a value", None),
    ]


def test_numbers_that_make_scores_are_bounded(tmp_path):
    text = ("title: T\nbase_score: 1e308\nfloor: -1e10\nbanks: [rules.yaml]\nteams:\n"
            "  - {name: A}\n  - {name: B}\nrounds:\n  - type: buzz\n    points: 1e12\n"
            "    questions: {count: 2}\n  - type: risk\n    values: [10, 2000000000]\n")
    limits = "between -1,000,000,000 and 1,000,000,000"
    assert problems(tmp_path, text) == [
        (2, 13, f"base_score should be {limits}, not 1e+308", None),
        (3, 8, f"floor should be {limits}, not -1e+10", None),
        (10, 13, f"points should be {limits}, not 1e+12", None),
        (13, 18, f"values should be {limits}, not 2e+09", None),
    ]


def test_a_bank_given_as_a_contest_file_is_named_as_such(tmp_path):
    text = "bank: {id: b, title: B}\nquestions:\n  - {id: q, type: judge, stem: s, answer: 对}\n"
    assert problems(tmp_path, text) == [
        (1, 1, "this is a question bank (it has questions:), not a contest file",
         "a contest file has title, banks, teams and rounds, and lists its banks under banks:")]


def test_a_tenth_team_without_a_key_is_told_why(tmp_path):
    teams = "".join(f"  - {{name: T{i}}}\n" for i in range(1, 11))
    text = ("title: T\nbanks: [rules.yaml]\nteams:\n" + teams +
            "rounds:\n  - {type: buzz, questions: {count: 2}}\n")
    assert problems(tmp_path, text) == [
        (13, 5, "missing required key key",
         "teams 1–9 buzz with keys 1–9 by default; from the tenth on, give each a key:")]


def test_gate_needs_its_gates(tmp_path):
    text = HEAD + "rounds:\n  - type: gate\n    on_fail: life\n"
    assert problems(tmp_path, text) == [(7, 5, "missing required key gates", None)]


def test_team_buzzer_key_colliding_with_a_host_key(tmp_path):
    text = ("title: T\nbanks: [rules.yaml]\nkeys: {open: b}\nteams:\n  - {name: A, key: b}\n"
            "  - {name: B, key: n}\nrounds:\n  - {type: buzz, questions: {count: 2}}\n")
    found = problems(tmp_path, text)
    assert [(line, column) for line, column, _, _ in found] == [(5, 20), (6, 20)]
    assert found[0][2] == "A's buzzer key b is the host key for open"
    assert found[1][2] == "B's buzzer key n is the host key for wrong"


def test_each_round_must_draw_enough_questions_without_repeats(tmp_path):
    text = HEAD + ("rounds:\n  - type: required\n    questions: {tags: [甲], count: 10}\n"
                   "  - type: buzz\n    questions: {tags: [甲], count: 6}\n")
    assert problems(tmp_path, text) == [(10, 16, "round 2 (Buzz-in) needs 6 questions but only "
                                         "5 are left: 15 match, 10 of them taken by earlier "
                                         "rounds",
                                         "lower count, widen the filters, or add questions")]


def test_a_round_short_of_questions_is_reported_with_the_other_errors(tmp_path):
    text = ("title: T\nbanks: [rules.yaml]\nteams:\n  - {name: A, key: '7'}\n"
            "  - {name: B, key: '7'}\nrounds:\n  - type: required\n"
            "    questions: {tags: [甲], count: 10}\n  - type: buzz\n    window: -1\n"
            "    questions: {tags: [甲], count: 50}\n  - type: buzz\n"
            "    questions: {tags: [甲], count: 6}\n")
    found = problems(tmp_path, text)
    assert [(line, column) for line, column, _, _ in found] == [(5, 20), (10, 13), (13, 16)]
    assert found[2][2].startswith("round 3 (Buzz-in) needs 6 questions but only ")


def test_question_filters_are_checked_against_the_banks(tmp_path):
    text = HEAD + ("rounds:\n  - type: buzz\n    questions: {tags: [甲乙], level: L9, ids: "
                   "[q99], types: [单选题, essay]}\n")
    assert [(line, column, message) for line, column, message, _ in problems(tmp_path, text)] == [
        (8, 45, "the banks have no question q99"),
        (8, 23, "no question in the banks has tag 甲乙"),
        (8, 36, "the banks have no level L9"),
        (8, 59, "unknown question type essay"),
    ]


def test_tiebreak_must_be_the_last_round(tmp_path):
    text = HEAD + ("rounds:\n  - {type: tiebreak, questions: {count: 2}}\n"
                   "  - {type: buzz, questions: {count: 2}}\n")
    assert problems(tmp_path, text) == [(7, 5, "the tie-break must be the last round", None)]


def test_missing_bank_and_bank_errors_are_reported(tmp_path):
    (tmp_path / "bad.yaml").write_text("bank: {id: b, title: B}\nquestions:\n"
                                       "  - {id: x, type: judge, stem: s, answer: maybe}\n",
                                       encoding="utf-8")
    text = ("title: T\nbanks: [nowhere.yaml, bad.yaml]\nteams:\n  - {name: A}\n"
            "rounds:\n  - {type: buzz}\n")
    shutil.copy(DATA / "rules.yaml", tmp_path / "rules.yaml")
    path = tmp_path / "x.contest.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load_contest(path)
    found = [(d.path.rsplit("/", 1)[-1], d.line, d.column, d.message) for d in loaded.diagnostics]
    assert found == [("x.contest.yaml", 2, 9, "bank file nowhere.yaml not found"),
                     ("bad.yaml", 3, 43, "a judge answer should be true or false")]


def test_all_problems_at_once_and_teams_checked(tmp_path):
    text = ("title: T\nfloor: 200\nbanks: [rules.yaml]\nteams:\n  - {name: A}\n  - {name: a}\n"
            "  - {name: '3'}\nprizes: [1, 1]\nrounds: []\n")
    assert [message for _, _, message, _ in problems(tmp_path, text)] == [
        "the floor 200 is above the base score 100",
        "team name a is used twice; first on line 5",
        "team name 3 cannot be a plain number (numbers name teams by position in commands)",
        "rank 1 is listed twice",
        "rounds cannot be an empty list",
    ]


def test_check_lints_contest_files_and_finds_them_in_directories(tmp_path, capsys):
    shutil.copy(DATA / "rules.yaml", tmp_path / "rules.yaml")
    (tmp_path / "ok.contest.yaml").write_text(
        HEAD + "rounds:\n  - {type: buzz, questions: {count: 3}}\n", encoding="utf-8")
    (tmp_path / "plain.yaml").write_text(
        HEAD + "rounds:\n  - {type: bzz, questions: {count: 3}}\n", encoding="utf-8")
    status = main(["check", "--json", str(tmp_path)])
    report = json.loads(capsys.readouterr().out)
    assert status == 1
    assert [(e["line"], e["column"], e["message"]) for e in report["errors"]] == [
        (7, 12, "unknown round type bzz")]
    assert report["errors"][0]["path"].endswith("plain.yaml")
    contests = {c["path"].rsplit("/", 1)[-1]: c for c in report["contests"]}
    assert contests["ok.contest.yaml"]["rounds"] == [{"title": "Buzz-in", "type": "buzz",
                                                      "questions": 3}]
    assert contests["plain.yaml"]["ok"] is False
    assert report["questions"] == 61  # the bank itself is still summarised


def test_the_sample_contest_uses_every_built_in_round_type_and_checks_clean(capsys):
    path = sample_banks_dir() / "demo.contest.yaml"
    loaded = load_contest(path)
    assert loaded.ok, [d.format() for d in loaded.diagnostics]
    assert {r.type for r in loaded.plan.rounds} == {"required", "buzz", "risk", "speed", "gate",
                                                    "tiebreak"}
    assert len(loaded.plan.teams) == 3
    assert main(["check", str(path)]) == 0


def test_the_sample_rehearsal_script_plays_the_demo_contest_to_the_end():
    from quizhall.testing import rehearse

    folder = sample_banks_dir()
    script = (folder / "demo.rehearsal.txt").read_text(encoding="utf-8").splitlines()
    result = rehearse(folder / "demo.contest.yaml", script)
    assert result["view"]["finished"] is True
    assert [r["line"] for r in result["refused"]] == [20, 40, 43]  # the ones its comments show
    played = {e["round"] for e in result["log"] if e["type"] == "round_started"}
    assert played == {0, 1, 2, 3, 4}  # no tie across a prize: the tie-break is skipped


def test_the_rules_sample_contest_uses_the_newer_round_types_and_checks_clean():
    path = sample_banks_dir() / "rules.contest.yaml"
    loaded = load_contest(path)
    assert loaded.ok, [d.format() for d in loaded.diagnostics]
    assert [r.type for r in loaded.plan.rounds] == ["board", "designated", "buzz", "judges",
                                                    "last_standing"]
    assert main(["check", str(path)]) == 0


def test_the_rules_rehearsal_script_plays_every_new_rule_to_the_end():
    from quizhall.testing import rehearse

    folder = sample_banks_dir()
    script = (folder / "rules.rehearsal.txt").read_text(encoding="utf-8").splitlines()
    result = rehearse(folder / "rules.contest.yaml", script)
    assert result["view"]["finished"] is True
    assert [r["line"] for r in result["refused"]] == [8, 49, 65]  # the ones its comments show
    kinds = {e["type"] for e in result["log"]}
    assert {"cell_picked", "buzz_voided", "shouted_out", "judge_scored", "team_eliminated",
            "undo", "redo"} <= kinds
