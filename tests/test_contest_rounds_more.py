"""Scenario tests for the round types added from the rule sheets: 一战到底 (last one
standing), 指定题 (designated), 题板题 (question board) and 评委打分 (judges' scores)."""

from contest_helpers import DATA, contest_text, events, play, reasons, scores

from quizhall.testing import load, start

TEAMS3 = """\
teams:
  - {name: 红队, members: [红一, 红二]}
  - {name: 蓝队, members: [蓝一, 蓝二]}
  - {name: 绿队, members: [绿一, 绿二]}
"""


def round_of(kind: str, count: int | None = 12, **settings: object) -> str:
    lines = "".join(f"    {key}: {value}\n" for key, value in settings.items())
    questions = f"    questions: {{count: {count}}}\n" if count else ""
    return f"  - type: {kind}\n{questions}{lines}"


# -- 一战到底 last one standing ------------------------------------------------------------------

def test_last_standing_a_wrong_answer_eliminates_and_the_last_team_wins_the_round():
    result = play(round_of("last_standing"), ["next", "next", "wrong", "next", "right",
                                              "next", "right", "next", "timeout", "next"],
                  teams=TEAMS3)
    shown = [e["answerer"] for e in events(result, "question_shown")]
    assert shown == [0, 1, 2, 1]  # 红队 is out after question 1: its turn is skipped
    assert [e["team"] for e in events(result, "team_eliminated")] == [0, 1]
    assert result["view"]["finished"] is True  # one team left: the round (and contest) ends
    assert scores(result) == [100, 110, 110]


def test_last_standing_n_wrongs_to_be_out():
    result = play(round_of("last_standing", wrongs_to_out=2),
                  ["next", "next", "wrong", "next", "right", "next", "right", "next", "wrong"],
                  teams=TEAMS3)
    assert [e["lives"] for e in events(result, "life_lost")] == [1, 0]
    assert [e["team"] for e in events(result, "team_eliminated")] == [0]


def test_last_standing_ends_when_the_prize_count_is_left():
    result = play(round_of("last_standing", survivors=2), ["next", "next", "wrong", "next"],
                  teams=TEAMS3)
    assert result["view"]["finished"] is True


def test_last_standing_survivors_must_be_fewer_than_teams():
    loaded = load(contest_text(round_of("last_standing", survivors=3), TEAMS3), DATA)
    assert not loaded.ok
    assert any("survivors should be fewer than the teams (3)" in d.message
               for d in loaded.diagnostics)


# -- 指定题 designated --------------------------------------------------------------------------

def test_designated_team_n_picks_the_value_for_team_n_plus_one():
    result = play(round_of("designated", count=6), [
        "next", "wager 1 30", "next", "right",       # 红队 picks 30 for 蓝队
        "wager 2 10", "next", "wrong",               # 蓝队 picks 10 for 绿队
        "wager 3 20", "next", "right", "next"],      # 绿队 picks 20 for 红队
        teams=TEAMS3)
    assert [(e["answerer"], e["stake"]) for e in events(result, "question_shown")] == [
        (1, 30), (2, 10), (0, 20)]
    assert scores(result) == [120, 130, 100]  # wrong costs nothing by default
    assert result["view"]["finished"] is True


def test_designated_only_the_choosing_team_picks_and_the_value_is_fixed():
    result = play(round_of("designated", count=6, wrong_loses="true"), [
        "next", "wager 2 10", "wager 1 pass", "wager 1 20", "wager 1 10", "next", "wrong"],
        teams=TEAMS3)
    assert reasons(result) == ["it is 红队's turn to pick",
                               "opting out is not allowed in this round",
                               "红队 chose 20; a chosen value cannot be changed"]
    assert scores(result) == [100, 80, 100]


# -- 题板题 question board ----------------------------------------------------------------------

BOARD = round_of("board", count=None, topics="[甲, 乙]", values="[10, 20]")


def test_board_teams_pick_cells_in_turn_and_a_picked_cell_is_gone():
    result = play(BOARD, ["next", "next", "pick 甲 20", "right", "pick 甲 20", "pick 2 10",
                          "wrong", "pick 乙 20", "right", "pick 1 10", "right", "next"],
                  teams=TEAMS3)
    picked = events(result, "cell_picked")
    assert [(e["team"], e["name"], e["value"]) for e in picked] == [
        (0, "甲", 20), (1, "乙", 10), (2, "乙", 20), (0, "甲", 10)]
    assert reasons(result) == ["waiting for 红队 to pick a cell (pick TOPIC VALUE)",
                               "the 甲 20 cell is gone"]
    assert scores(result) == [130, 100, 120]
    stems = [e["key"] for e in events(result, "question_shown")]
    assert stems[0] in {"rules/q05", "rules/q09"}  # the 甲 column draws 甲 questions
    assert result["view"]["finished"] is True  # the board is empty


def test_board_lowest_score_picks_first_and_wrong_can_cost_the_value():
    rounds = round_of("board", count=None, topics="[甲, 乙]", values="[10, 20]",
                      order="lowest_first", wrong_loses="true")
    result = play(rounds, ["next", "pick 甲 10", "right", "pick 甲 20", "wrong",
                           "pick 乙 10", "right"], teams=TEAMS3)
    assert [e["team"] for e in events(result, "cell_picked")] == [0, 1, 1]
    assert scores(result) == [110, 90, 100]


def test_board_needs_its_topics():
    loaded = load(contest_text(round_of("board", count=None), TEAMS3), DATA)
    assert not loaded.ok
    assert any("topics" in d.message for d in loaded.diagnostics)


# -- 评委打分 judges' scores --------------------------------------------------------------------

JUDGES = round_of("judges", count=3, judges="[张评委, 李评委, {name: 王评委, team: 2}, 赵评委, "
                                            "陈评委]")


def test_judges_mean_drops_the_highest_and_the_lowest():
    result = play(JUDGES, ["next", "next", "mark 张评委 9", "mark 2 8.5", "mark 王评委 10",
                           "mark 4 7", "mark 陈评委 9.6"], teams=TEAMS3)
    judged = events(result, "judge_scored")
    assert [(e["name"], e["score"]) for e in judged] == [
        ("张评委", 9), ("李评委", 8.5), ("王评委", 10), ("赵评委", 7), ("陈评委", 9.6)]
    awarded = events(result, "points_awarded")[0]
    assert awarded["points"] == 9.03  # (9 + 8.5 + 9.6) / 3, two decimals
    assert awarded["dropped"] == [7, 10]
    assert scores(result)[0] == 109.03
    assert result["view"]["phase"] == "closed"


def test_a_judge_does_not_score_their_own_team():
    result = play(JUDGES, ["next", "next"] + [f"mark {j} 8" for j in range(1, 6)]
                  + ["next", "mark 王评委 9", "mark 1 9", "mark 2 6", "mark 4 7", "mark 5 8"],
                  teams=TEAMS3)
    assert reasons(result) == ["王评委 does not score their own team 蓝队"]
    assert scores(result)[:2] == [108, 107.5]  # 蓝队: four judges, 9 and 6 dropped
    assert events(result, "points_awarded")[1]["scores"] == [9, 6, 7, 8]


def test_judges_scores_are_checked_and_once_each():
    result = play(JUDGES, ["next", "next", "mark 1 11", "mark 1 9", "mark 1 8", "mark 刘评委 8",
                           "right"], teams=TEAMS3)
    assert reasons(result) == ["a score should be between 0 and 10",
                               "张评委 has scored (9): undo to correct it",
                               "there is no judge 刘评委 (judges: 张评委 / 李评委 / 王评委 / "
                               "赵评委 / 陈评委)",
                               "judges score this round (mark JUDGE SCORE)"]


def test_judges_settings_how_many_dropped_and_decimals():
    rounds = round_of("judges", count=3, judges="[A, B, C, D]", drop_highest=0,
                      drop_lowest=1, decimals=0, max_score=100)
    result = play(rounds, ["next", "next", "mark A 90", "mark B 85", "mark C 60",
                           "mark D 88"], teams=TEAMS3)
    assert events(result, "points_awarded")[0]["points"] == 88  # (90+85+88)/3 = 87.67 → 88


def test_judges_too_few_to_drop_is_an_error():
    loaded = load(contest_text(round_of("judges", count=3, judges="[A, B]"), TEAMS3), DATA)
    assert not loaded.ok
    assert any("2 judges, 2 scores dropped" in d.message for d in loaded.diagnostics)


def test_undo_takes_back_one_judges_score():
    rehearsal = start(contest_text(JUDGES, TEAMS3), base_dir=DATA)
    rehearsal.run(["next", "next", "mark 1 9", "mark 2 8", "undo", "mark 2 7"])
    view = rehearsal.contest.view()
    assert view.details["marks"] == {"张评委": 9, "李评委": 7}
    assert view.details["waiting"] == ["王评委", "赵评委", "陈评委"]
