"""Scenario tests written from the rule sheets (shared/reference/contest-rules.md).

Each test is one rule or variant, played as a rehearsal command list on the test bank.
"""

from contest_helpers import events, play, reasons, scores

REQUIRED = "  - type: required\n    questions: {count: 8}\n"
BUZZ = "  - type: buzz\n    questions: {count: 4}\n"


def buzz_round(**settings: object) -> str:
    lines = "".join(f"    {key}: {value}\n" for key, value in settings.items())
    return f"  - type: buzz\n    questions: {{count: 4}}\n{lines}"


# -- 必答题 required --------------------------------------------------------------------------

def test_required_teams_answer_in_turn_members_in_seat_order():
    result = play(REQUIRED, ["next"] + ["next", "right"] * 5)
    shown = events(result, "question_shown")
    assert [(e["answerer"], e["member"]) for e in shown] == [
        (0, 0), (1, 0), (2, 0), (3, 0), (0, 1)]


def test_required_right_scores_ten_wrong_scores_nothing_by_default():
    result = play(REQUIRED, ["next", "next", "right", "next", "wrong"])
    assert scores(result) == [110, 100, 100, 100]


def test_required_wrong_penalty_is_a_setting():
    result = play("  - type: required\n    questions: {count: 4}\n    wrong: -5\n",
                  ["next", "next", "wrong"])
    assert scores(result)[0] == 95


def test_required_partial_points_within_the_stake():
    result = play(REQUIRED, ["next", "next", "partial 20", "partial 4"])
    assert scores(result)[0] == 104
    assert reasons(result) == ["partial points should be between 0 and 10"]


def test_required_time_limit_starts_after_reading_and_expiry_is_a_timeout():
    rounds = "  - type: required\n    questions: {count: 4}\n    time_limit: 30\n    wrong: -5\n"
    result = play(rounds, ["next", "next", "wait 100", "open", "wait 29.5", "right"])
    assert scores(result)[0] == 110  # the clock started at open, not when shown
    result = play(rounds, ["next", "next", "open", "wait 30", "right"])
    judged = events(result, "answer_judged")
    assert [e["verdict"] for e in judged] == ["timeout"]
    assert judged[0]["t"] == 30.0
    assert scores(result)[0] == 95
    assert reasons(result) == ["nobody is answering"]


def test_required_timeout_points_are_a_setting():
    rounds = "  - type: required\n    questions: {count: 4}\n    wrong: -5\n    timeout: -8\n"
    assert scores(play(rounds, ["next", "next", "timeout"]))[0] == 92


def test_required_team_chooses_the_answerer():
    rounds = "  - type: required\n    questions: {count: 4}\n    answerer: team\n"
    result = play(rounds, ["next", "next", "member 3", "right"])
    assert events(result, "question_shown")[0]["member"] is None
    assert events(result, "answer_judged")[0]["member"] == 2


def test_required_whole_team_answers():
    rounds = "  - type: required\n    questions: {count: 4}\n    answerer: all\n"
    result = play(rounds, ["next", "next", "member 1", "right"])
    assert events(result, "question_shown")[0]["member"] is None
    assert reasons(result) == ["in this round the seat order decides who answers"]


def test_required_no_member_twice_in_a_row():
    rounds = ("  - type: required\n    questions: {count: 8}\n    answerer: team\n"
              "    no_member_twice_in_a_row: true\n")
    commands = ["next", "next", "right",  # nobody named yet: refused
                "member 红一", "right", "next", "member 1", "right", "next", "member 1",
                "right", "next", "member 1", "right", "next", "member 1", "member 2", "right"]
    result = play(rounds, commands)
    assert reasons(result) == ["name the answering member first (member SEAT)",
                               "红一 answered last time and may not answer twice in a row"]
    assert scores(result) == [120, 110, 110, 110]


def test_required_points_can_be_the_questions_own():
    rounds = "  - type: required\n    questions: {tags: [戊]}\n    points: question\n"
    result = play(rounds, ["next", "next", "right"])
    assert scores(result)[0] == 120


def test_required_time_limit_falls_back_to_the_questions_own():
    rounds = "  - type: required\n    questions: {tags: [戊]}\n"
    result = play(rounds, ["next", "next", "open"])
    assert result["view"]["timer"]["duration"] == 15


# -- 抢答题 buzz ------------------------------------------------------------------------------

def test_buzz_only_after_the_host_opens():
    result = play(BUZZ, ["next", "next", "buzz 1"])
    assert events(result, "early_buzz")[0]["team"] == 0
    assert events(result, "buzz") == []


def test_early_buzz_costs_ten_by_default():
    result = play(BUZZ, ["next", "next", "buzz 2", "open", "buzz 2", "right"])
    assert scores(result) == [100, 100, 100, 100]  # −10 then +10
    assert [e["points"] for e in result["ledger"]] == [-10, 10]


def test_early_buzz_first_offence_loses_the_right_to_answer():
    rounds = buzz_round(early_buzz="[{points: 0, lose_right: true}, {points: -20, lose_right: "
                        "true}]")
    result = play(rounds, ["next", "next", "buzz 3", "open", "buzz 3"])
    assert reasons(result) == ["绿队 has lost the right to answer this question"]
    assert scores(result)[2] == 100
    assert 2 not in result["view"]["may_buzz"]


def test_early_buzz_twice_costs_twenty():
    rounds = buzz_round(early_buzz="[{points: 0, lose_right: true}, {points: -20, lose_right: "
                        "true}]")
    result = play(rounds, ["next", "next", "buzz 3", "open", "buzz 1", "right",
                           "next", "buzz 3"])
    assert scores(result) == [110, 100, 80, 100]
    assert [e["offence"] for e in events(result, "early_buzz")] == [1, 2]


def test_first_valid_buzz_locks_the_others_out():
    result = play(BUZZ, ["next", "next", "open", "buzz 2", "buzz 1", "buzz 3"])
    assert result["view"]["answerer"] == 1
    assert reasons(result) == ["蓝队 holds the buzz", "蓝队 holds the buzz"]


def test_buzz_right_and_wrong_points_are_settings():
    rounds = buzz_round(points=20, wrong=-20)
    result = play(rounds, ["next", "next", "open", "buzz 1", "right",
                           "next", "open", "buzz 2", "wrong"])
    assert scores(result)[:2] == [120, 80]


def test_buzz_winner_is_never_charged_by_time_unless_the_contest_asks():
    # Defect 1 (failed before: a default 5 s answer window recorded a timeout, −10).
    result = play(BUZZ, ["next", "next", "open", "buzz 1", "wait 60", "right"])
    assert scores(result)[0] == 110
    assert reasons(result) == []
    assert result["view"]["timer"] is None


def test_repeated_early_presses_are_one_offence_per_question():
    # Defect 2 (failed before: five presses cost −50).
    result = play(BUZZ, ["next", "next"] + ["buzz 2"] * 5 + ["open", "buzz 1", "right",
                                                             "next", "buzz 2"])
    pressed = events(result, "early_buzz")
    assert len(pressed) == 6  # every press is in the log
    assert [e["offence"] for e in pressed] == [1, 1, 1, 1, 1, 2]
    assert [e.get("repeat", False) for e in pressed] == [False] + [True] * 4 + [False]
    assert scores(result)[1] == 80  # once per question: −10 here, −10 on the next


def test_every_early_press_counts_when_the_contest_says_so():
    result = play(buzz_round(early_buzz_counts="every"), ["next", "next"] + ["buzz 2"] * 3)
    assert scores(result)[1] == 70


def test_answer_window_runs_out_and_times_out():
    result = play(buzz_round(answer_window=5), ["next", "next", "open", "buzz 1", "wait 5"])
    judged = events(result, "answer_judged")
    assert judged[0]["verdict"] == "timeout"
    assert scores(result)[0] == 90  # timeouts score like wrong answers by default


def test_open_after_the_buzz_marks_the_answer_started():
    rounds = buzz_round(answer_window=5, answer_time=30)
    result = play(rounds, ["next", "next", "open", "buzz 1", "wait 4", "open", "wait 20",
                           "right"])
    assert scores(result)[0] == 110


def test_a_buzz_on_an_audience_question_is_refused_as_such():
    # Defect 6 (failed before: "there is no question on screen").
    result = play(BUZZ, ["next", "next", "open", "wait 15", "buzz 1"])
    assert result["view"]["audience"] is True
    assert reasons(result) == ["this is now an audience question: teams no longer buzz"]


def test_a_timeout_in_a_required_round_locks_nobody_out_of_buzzing():
    # Defect 6 (failed before: the team was listed as locked out of buzzing).
    result = play(REQUIRED, ["next", "next", "timeout"])
    assert result["view"]["locked_out"] == []
    result = play(BUZZ, ["next", "next", "open", "buzz 1", "wrong"])
    assert result["view"]["locked_out"] == [0]


def test_simultaneous_buzzes_first_by_time_wins_by_default():
    result = play(BUZZ, ["next", "next", "open", "buzz 2", "buzz 1"])
    assert result["view"]["answerer"] == 1
    assert events(result, "buzz_voided") == []


def test_simultaneous_buzzes_are_void_and_the_buzzers_reopen():
    # 同时抢答无效，重新抢答: presses within simultaneous_ms of the first.
    rounds = buzz_round(simultaneous="reopen", simultaneous_ms=50)
    result = play(rounds, ["next", "next", "open", "buzz 2", "wait 0.03", "buzz 1",
                           "wait 0.01", "buzz 3", "wait 1", "buzz 3", "right"])
    voided = events(result, "buzz_voided")
    assert [e["teams"] for e in voided] == [[1, 0]]
    assert reasons(result) == ["this press came with the voided simultaneous buzz: press again"]
    assert scores(result) == [100, 100, 110, 100]


def test_a_press_after_the_tie_window_holds_the_buzz():
    rounds = buzz_round(simultaneous="reopen", simultaneous_ms=50)
    result = play(rounds, ["next", "next", "open", "buzz 2", "wait 0.2", "buzz 1"])
    assert result["view"]["answerer"] == 1
    assert reasons(result) == ["蓝队 holds the buzz"]


def test_shouting_out_costs_ten_and_the_second_chance():
    # 抢先作答: the host records it against the team; it then may not buzz on the question.
    rounds = buzz_round(second_chance="true")
    result = play(rounds, ["next", "next", "open", "buzz 1", "shout 2", "wrong", "buzz 2",
                           "buzz 3", "right"])
    assert scores(result) == [90, 90, 110, 100]
    assert reasons(result) == ["蓝队 has lost the right to answer this question"]
    assert [e["reason"] for e in result["ledger"]] == ["shout_out", "wrong", "right"]


def test_shouting_out_penalty_and_loss_of_right_are_settings():
    rounds = buzz_round(second_chance="true", shout_out=-5, shout_out_loses_right="false")
    result = play(rounds, ["next", "next", "open", "buzz 1", "shout 2", "wrong", "buzz 2",
                           "right", "shout 1", "next", "shout 1"])
    assert scores(result) == [85, 105, 100, 100]  # a shout before the buzzers open counts too
    assert reasons(result) == ["there is no question on screen"]


def test_the_buzz_holder_cannot_shout_out():
    result = play(BUZZ, ["next", "next", "open", "buzz 1", "shout 1"])
    assert reasons(result) == ["红队 holds the buzz: that is not shouting out"]


def test_second_chance_after_a_wrong_answer():
    rounds = buzz_round(second_chance="true", max_attempts=2)
    result = play(rounds, ["next", "next", "open", "buzz 1", "wrong", "buzz 1", "buzz 2",
                           "right"])
    assert reasons(result) == ["红队 has lost the right to answer this question"]
    assert scores(result)[:2] == [90, 110]


def test_without_second_chance_a_wrong_answer_ends_the_question_for_the_audience():
    result = play(BUZZ, ["next", "next", "open", "buzz 1", "wrong", "buzz 2"])
    assert events(result, "question_closed")[0]["audience"] is True
    assert result["view"]["audience"] is True
    assert reasons(result) == ["this is now an audience question: teams no longer buzz"]


def test_no_buzz_within_window_becomes_an_audience_question():
    result = play(buzz_round(window=15), ["next", "next", "open", "wait 14", "buzz 4",
                                          "wrong", "wait 16"])
    assert scores(result)[3] == 90
    result = play(buzz_round(window=15), ["next", "next", "open", "wait 15", "buzz 1"])
    closed = events(result, "question_closed")
    assert closed[0]["audience"] is True and closed[0]["t"] == 15.0
    assert scores(result) == [100] * 4


def test_two_failed_attempts_make_an_audience_question():
    rounds = buzz_round(second_chance="true", max_attempts=2)
    result = play(rounds, ["next", "next", "open", "buzz 1", "wrong", "buzz 2", "wrong",
                           "buzz 3"])
    assert events(result, "question_closed")[0]["audience"] is True
    assert scores(result) == [90, 90, 100, 100]


# -- 风险题 risk ------------------------------------------------------------------------------

RISK = "  - type: required\n    questions: {count: 4}\n  - type: risk\n    questions: {count: 8}\n"


def test_risk_pick_order_lowest_score_first():
    # After the required round: 红 110, 蓝 100, 绿 120(+20 partial…), 黄 90.
    commands = ["next", "next", "right", "next", "right", "next", "wrong", "next", "right",
                "adjust 4 -20 jury", "adjust 3 10 jury", "next",
                "wager 1 10", "wager 4 10"]
    result = play(RISK, commands)
    assert reasons(result) == ["it is 黄队's turn to pick"]
    assert result["view"]["details"]["picker"] == 3


def test_risk_ties_in_pick_order_go_by_team_order():
    result = play("  - type: risk\n    questions: {count: 8}\n",
                  ["next", "wager 2 10", "wager 1 10"])
    assert reasons(result) == ["it is 红队's turn to pick"]
    assert result["view"]["wagers"] == {"0": 10}


def test_risk_right_adds_the_value_wrong_takes_it_away():
    result = play("  - type: risk\n    questions: {count: 8}\n",
                  ["next", "wager 1 30", "next", "right", "wager 2 20", "next", "wrong"])
    assert scores(result)[:2] == [130, 80]


def test_risk_wrong_costs_nothing_when_wrong_loses_is_off():
    result = play("  - type: risk\n    questions: {count: 8}\n    wrong_loses: false\n",
                  ["next", "wager 1 30", "next", "wrong"])
    assert scores(result)[0] == 100


def test_risk_question_is_shown_only_after_the_pick():
    result = play("  - type: risk\n    questions: {count: 8}\n", ["next", "next"])
    assert reasons(result) == ["waiting for 红队 to pick a value (wager TEAM VALUE|pass)"]
    assert events(result, "question_shown") == []


def test_risk_chosen_value_cannot_be_changed():
    result = play("  - type: risk\n    questions: {count: 8}\n",
                  ["next", "wager 1 10", "wager 1 30", "next", "right"])
    assert reasons(result) == ["红队 chose 10; a chosen value cannot be changed"]
    assert scores(result)[0] == 110


def test_risk_each_value_once_per_team():
    rounds = "  - type: risk\n    questions: {count: 12}\n    order: team_order\n"
    commands = ["next", "wager 1 10", "next", "right", "wager 2 pass", "wager 3 pass",
                "wager 4 pass", "wager 1 10", "wager 1 25", "wager 1 20"]
    result = play(rounds, commands)
    assert reasons(result) == ["红队 has used its 10 already",
                               "25 is not offered; choose 10 / 20 / 30"]


def test_risk_team_may_opt_out():
    result = play("  - type: risk\n    questions: {count: 8}\n",
                  ["next", "wager 1 pass", "wager 2 20", "next", "right"])
    assert result["view"]["wagers"] == {} and scores(result)[:2] == [100, 120]
    assert events(result, "question_shown")[0]["answerer"] == 1


def test_risk_opt_out_can_be_forbidden():
    result = play("  - type: risk\n    questions: {count: 8}\n    opt_out: false\n",
                  ["next", "wager 1 pass"])
    assert reasons(result) == ["opting out is not allowed in this round"]


def test_risk_round_ends_when_every_team_used_its_picks():
    rounds = "  - type: risk\n    questions: {count: 12}\n    values: [10]\n"
    commands = ["next"] + [f"wager {n} pass" for n in (1, 2, 3, 4)] + ["next"]
    result = play(rounds + REQUIRED, commands)
    assert result["round"] == 2


def test_risk_assign_chooser_gains_when_the_assigned_team_is_wrong():
    rounds = "  - type: risk\n    questions: {count: 8}\n    assign: true\n"
    result = play(rounds, ["next", "wager 1 20", "next", "assign 1", "assign 3", "assign 4",
                           "next", "wrong"])
    assert reasons(result) == ["红队 must assign the question first (assign TEAM)",
                               "a team cannot assign the question to itself",
                               "the question is already assigned to 绿队"]
    assert scores(result) == [120, 100, 80, 100]
    assert events(result, "question_shown")[0]["answerer"] == 2


# -- 限时速答 speed ---------------------------------------------------------------------------

SPEED = "  - type: speed\n    questions: {count: 20}\n    time_limit: 40\n"


def test_speed_as_many_questions_as_possible_in_the_time():
    result = play(SPEED, ["next", "next", "open", "right", "wait 10", "right", "wrong",
                          "wait 29", "right", "wait 1", "right"])
    assert scores(result)[0] == 130
    assert result["view"]["phase"] == "closed"
    assert reasons(result) == ["nobody is answering"]


def test_speed_pass_skips_a_question():
    result = play(SPEED, ["next", "next", "open", "pass", "right"])
    assert scores(result)[0] == 110
    shown = events(result, "question_shown")
    assert [e["question"] for e in shown] == [0, 1, 2]


def test_speed_pass_can_be_forbidden():
    result = play(SPEED + "    pass_allowed: false\n", ["next", "next", "open", "pass"])
    assert reasons(result) == ["passing is not allowed in a Speed round round"]


def test_speed_clock_must_start_before_judging():
    result = play(SPEED, ["next", "next", "right"])
    assert reasons(result) == ["start the clock first (open)"]


def test_speed_turns_go_team_by_team():
    result = play(SPEED, ["next", "next", "open", "wait 40", "next", "open", "right"])
    assert scores(result)[:2] == [100, 110]
    assert events(result, "question_shown")[1]["question"] == 5  # 20 questions / 4 teams


# -- 闯关 gate --------------------------------------------------------------------------------

GATE = "  - type: gate\n    gates: [L1, L2, L3]\n"


def test_gate_levels_in_order():
    result = play(GATE, ["next"] + ["next", "right"] * 12)
    keys = [e["key"] for e in events(result, "question_shown")]
    tags = ["甲"] * 4 + ["乙"] * 4 + ["丙"] * 4
    numbers = [int(key.split("/q")[1]) for key in keys]
    assert [("甲", "乙", "丙", "丁")[(n - 1) % 4] for n in numbers] == tags
    assert scores(result) == [130] * 4


def test_gate_failure_eliminates():
    result = play(GATE, ["next", "next", "wrong", "next", "right", "next", "right",
                         "next", "right", "next"])
    assert events(result, "team_eliminated") == [events(result, "team_eliminated")[0]]
    assert events(result, "question_shown")[-1]["answerer"] == 1  # 红队 is out
    assert result["view"]["teams"][0]["eliminated"] is True


def test_gate_failure_costs_a_life():
    rounds = "  - type: gate\n    gates: [L1, L2, L3]\n    on_fail: life\n    lives: 2\n"
    commands = ["next"]
    for _ in range(2):
        commands += ["next", "wrong", "next", "right", "next", "right", "next", "right"]
    commands += ["next", "right", "next", "right", "next", "right", "next"]
    result = play(rounds, commands)
    lost = events(result, "life_lost")
    assert [(e["team"], e["lives"]) for e in lost] == [(0, 1), (0, 0)]
    assert [e["team"] for e in events(result, "team_eliminated")] == [0]
    assert [e["answerer"] for e in events(result, "question_shown")][-3:] == [1, 2, 3]
    assert scores(result) == [100, 130, 130, 130]
    assert result["view"]["finished"] is True


# -- 加赛 tiebreak ----------------------------------------------------------------------------

TIE = ("  - type: required\n    questions: {count: 4}\n"
       "  - type: tiebreak\n    questions: {count: 4}\n")


def test_tiebreak_entered_when_teams_tie_across_a_prize_boundary():
    result = play(TIE, ["next", "next", "right", "next", "right", "next", "wrong", "next",
                        "wrong", "next"], head="prizes: [1, 2, 3]\n")
    assert result["round"] == 2
    assert result["view"]["round_type"] == "tiebreak"
    assert events(result, "round_started")[1]["teams"] == [0, 1]


def test_tiebreak_skipped_when_no_tie_matters():
    result = play(TIE, ["next", "next", "right", "next", "right", "next", "wrong", "next",
                        "wrong", "next"], head="prizes: [1]\n")
    assert result["view"]["finished"] is False
    assert result["view"]["round_type"] == "tiebreak"
    result = play(TIE, ["next", "next", "right", "next", "wrong", "next", "wrong", "next",
                        "wrong", "next"], head="prizes: [1]\n")
    assert result["view"]["finished"] is True


def test_tiebreak_only_tied_teams_may_buzz_and_points_decide_rank_not_score():
    commands = ["next", "next", "right", "next", "right", "next", "wrong", "next", "wrong",
                "next", "next", "open", "buzz 3", "buzz 2", "right", "next"]
    result = play(TIE, commands, head="prizes: [1]\n")
    assert reasons(result) == ["绿队 is not playing this question"]
    assert scores(result) == [110, 110, 100, 100]
    assert [team["rank"] for team in result["teams"]] == [2, 1, 3, 3]
    assert result["view"]["finished"] is True


def test_tiebreak_sudden_death_goes_on_until_ranks_are_decided():
    commands = ["next", "next", "right", "next", "right", "next", "wrong", "next", "wrong",
                "next", "next", "open", "buzz 1", "wrong", "buzz 2", "wrong", "next", "open",
                "buzz 1", "right", "next"]
    result = play(TIE, commands, head="prizes: [1]\n")
    assert [team["rank"] for team in result["teams"]][:2] == [1, 2]
    assert result["view"]["finished"] is True


def test_tiebreak_decides_each_tied_group_on_its_own_and_a_decided_place_stays():
    # Defect 5 (failed before: C's later points counted against A's, lifting C above A).
    rounds = ("  - type: required\n    questions: {count: 4}\n"
              "  - type: tiebreak\n    questions: {count: 6}\n")
    commands = ["next", "next", "right", "next", "right", "next", "right", "next", "wrong",
                "next", "next", "open", "buzz 1", "right",      # A takes first place
                "next", "open", "buzz 3", "right",              # B and C play for second
                "next", "open", "buzz 3", "right", "next"]
    result = play(rounds, commands, head="prizes: [1, 2]\n")
    assert [e["players"] for e in events(result, "question_shown")][4:] == [[0, 1, 2], [1, 2]]
    assert [team["rank"] for team in result["teams"]] == [1, 3, 2, 4]
    assert result["view"]["finished"] is True


def test_tiebreak_out_of_questions_leaves_ranks_shared():
    commands = ["next", "next", "wrong", "next", "wrong", "next", "wrong", "next", "wrong",
                "next"] + ["next", "open", "wait 15"] * 4 + ["next"]
    result = play(TIE, commands, head="prizes: [1, 2]\n")
    assert result["view"]["finished"] is True
    assert [team["rank"] for team in result["teams"]] == [1, 1, 1, 1]
    assert result["view"]["open_ties"] == [[0, 1, 2, 3]]
