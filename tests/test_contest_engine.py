"""Engine behaviour shared by all rounds: undo, jury adjustments, floor, reveal, pause, resume,
what next will do, the ledger, and refused commands."""

from contest_helpers import DATA, contest_text, events, play, reasons, scores

from quizhall.contest import Command, Contest, ManualClock, MemoryLog, fold
from quizhall.testing import load, start

REQUIRED = "  - type: required\n    questions: {count: 8}\n    time_limit: 30\n"
BUZZ = "  - type: buzz\n    questions: {count: 4}\n"


def test_undo_reverts_the_last_action():
    result = play(REQUIRED, ["next", "next", "right", "undo"])
    assert scores(result)[0] == 100
    assert result["view"]["phase"] == "question"
    assert result["ledger"] == []


def test_undo_is_a_stack_back_to_the_start():
    # Defect 4 (failed before: a second undo redid the first one).
    result = play(REQUIRED, ["next", "next", "right", "next", "wrong", "undo", "undo", "undo"])
    assert scores(result)[0] == 100
    assert result["view"]["phase"] == "question" and result["view"]["question"] == 1
    result = play(REQUIRED, ["next", "next", "right", "next", "wrong"] + ["undo"] * 6)
    assert result["view"]["phase"] == "ready" and result["ledger"] == []
    assert reasons(result) == ["there is nothing to undo"]


def test_redo_brings_back_what_undo_took_back_in_order():
    result = play(REQUIRED, ["next", "next", "right", "next", "wrong", "undo", "undo",
                             "redo", "redo", "redo"])
    assert scores(result)[0] == 110
    assert result["view"]["phase"] == "closed" and result["view"]["question"] == 2
    assert [e["reason"] for e in result["ledger"]] == ["right", "wrong"]
    assert reasons(result) == ["there is nothing to redo"]


def test_a_new_action_after_undo_drops_the_redo_stack():
    result = play(REQUIRED, ["next", "next", "right", "undo", "wrong", "redo"])
    assert reasons(result) == ["there is nothing to redo"]
    assert [e["reason"] for e in result["ledger"]] == ["wrong"]


def test_undo_and_redo_are_events_naming_the_action_they_move():
    result = play(REQUIRED, ["next", "next", "right", "undo", "redo"])
    log = result["log"]
    judged = next(seq for seq, e in enumerate(log) if e["type"] == "answer_judged")
    assert [(e["type"], e.get("undone", e.get("redone"))) for e in log[-2:]] == [
        ("undo", judged), ("redo", judged)]


def test_the_host_is_told_what_undo_and_redo_would_take_back():
    rehearsal = start(contest_text(REQUIRED), base_dir=DATA)
    rehearsal.run(["next", "next", "right"])
    view = rehearsal.contest.view()
    assert view.undo == "红队 (红一): right (+10)" and view.redo is None
    rehearsal.run(["undo"])
    view = rehearsal.contest.view()
    assert view.undo == "question 1 shown (rules/q01) to 红队 (红一)"
    assert view.redo == "红队 (红一): right (+10)"


def test_undo_takes_back_a_whole_command():
    # "right" records the verdict and closes the question: one undo takes back both.
    result = play(REQUIRED, ["next", "next", "right", "undo", "wrong"])
    assert scores(result)[0] == 100
    assert [e["verdict"] for e in events(result, "answer_judged")] == [
        "right", "wrong"]
    assert [entry["reason"] for entry in result["ledger"]] == ["wrong"]


def test_nothing_to_undo_at_the_start():
    assert reasons(play(REQUIRED, ["undo"])) == ["there is nothing to undo"]


def test_pause_and_reveal_are_not_undone():
    result = play(REQUIRED, ["next", "next", "right", "reveal", "undo"])
    assert scores(result)[0] == 100  # undo skipped the reveal and took back the verdict
    result = play(REQUIRED, ["next", "next", "open", "pause", "undo"])
    assert result["view"]["paused"] is True and result["view"]["timer"] is None
    result = play(REQUIRED, ["next", "next", "open", "pause", "undo", "redo"])
    assert result["view"]["paused"] is True and result["view"]["timer"]["running"] is False


def test_undo_brings_the_clock_back_stopped_with_the_time_it_had():
    # Defect 3 (failed before: the clock came back running and timed out by itself).
    result = play(REQUIRED, ["next", "next", "open", "wait 28", "right", "wait 1", "undo",
                             "wait 10"])
    view = result["view"]
    assert view["phase"] == "question" and view["paused"] is False
    assert view["timer"] == {"kind": "answer", "duration": 30.0, "remaining": 2.0,
                             "running": False}
    assert events(result, "answer_judged")[-1]["verdict"] == "right"
    result = play(REQUIRED, ["next", "next", "open", "wait 28", "right", "undo", "resume",
                             "wait 1.5", "right"])
    assert scores(result)[0] == 110


def test_undoing_a_timeout_holds_the_clock_and_never_pauses_the_next_question():
    # Defect 3 (failed before: the contest stayed paused into the next question).
    result = play(REQUIRED, ["next", "next", "open", "wait 31", "undo"])
    view = result["view"]
    assert view["phase"] == "question" and view["paused"] is False
    assert view["timer"]["remaining"] == 0 and view["timer"]["running"] is False
    result = play(REQUIRED, ["next", "next", "open", "wait 31", "undo", "right", "next",
                             "open"])
    assert scores(result)[0] == 110
    assert result["view"]["paused"] is False and result["view"]["timer"]["running"] is True
    assert reasons(result) == []


def test_jury_adjustment_needs_a_reason_and_is_in_the_ledger():
    result = play(REQUIRED, ["adjust 2 +15 仲裁组裁定 第3题 应判正确", "adjust 2 5",
                             "adjust 2 0 x"])
    assert scores(result)[1] == 115
    assert result["ledger"][0]["reason"] == "仲裁组裁定 第3题 应判正确"
    assert result["ledger"][0]["event"] == "score_adjusted"
    assert reasons(result) == ["usage: adjust TEAM ±POINTS REASON",
                               "an adjustment cannot be 0 points"]


def test_every_point_is_traced_to_its_event():
    result = play(BUZZ, ["next", "next", "buzz 1", "open", "buzz 2", "right", "adjust 3 -5 x"])
    log = result["log"]
    for entry in result["ledger"]:
        assert log[entry["seq"]]["type"] == entry["event"]
    for number, team in enumerate(result["teams"]):
        total = sum(e["points"] for e in result["ledger"] if e["team"] == number)
        assert team["score"] == 100 + total


def test_floor_stops_negative_marking():
    rounds = "  - type: required\n    questions: {count: 8}\n    wrong: -30\n"
    result = play(rounds, ["next", "next", "wrong"] + ["next", "timeout"] * 4 + ["wrong"],
                  head="floor: 50\n")
    assert scores(result)[0] == 50
    parts = result["ledger"][-1]["parts"]
    assert [p["plugin"] for p in parts] == ["quizhall.rules.scoring", "floor"]
    assert sum(p["points"] for p in parts) == -20  # 70 → 50, not 40


def test_reveal_only_after_the_question_is_over():
    result = play(REQUIRED, ["next", "next", "reveal", "right", "reveal", "reveal"])
    assert reasons(result) == ["the answer is revealed once the question is over",
                               "the answer is already revealed"]
    assert result["view"]["revealed"] is True


def test_pause_stops_the_clock_and_resume_starts_it():
    result = play(REQUIRED, ["next", "next", "open", "wait 10", "pause", "wait 100",
                             "resume", "wait 19", "right"])
    assert scores(result)[0] == 110
    result = play(BUZZ, ["next", "next", "open", "pause", "buzz 1", "pause"])
    assert reasons(result) == ["the contest is paused: resume first", "already paused"]


def test_end_finishes_the_contest_with_a_final_ranking():
    result = play(REQUIRED, ["next", "next", "right", "end", "next", "undo"],
                  head="prizes: [1, 2]\n")
    assert reasons(result) == ["the contest is over (undo is still possible)"]
    assert result["view"]["finished"] is False  # undone
    result = play(REQUIRED, ["next", "next", "right", "end"], head="prizes: [1, 2]\n")
    view = result["view"]
    assert view["finished"] and view["ended_early"]
    assert [t["prize"] for t in view["teams"]] == [1, 2, 2, 2]
    assert view["ranking"][0] == 0


def test_next_says_what_it_will_do():
    rehearsal = start(contest_text(REQUIRED + BUZZ), base_dir=DATA)
    contest = rehearsal.contest
    assert contest.view().next.code == "start_round"
    assert contest.view().next.text == "start round 1: Required questions"
    rehearsal.run(["next"])
    assert contest.view().next.text == "show the next question (红队)"
    rehearsal.run(["next"])
    assert contest.view().next.code == "blocked"
    rehearsal.run(["right"] + ["next", "right"] * 7)
    assert contest.view().next.text == "start round 2: Buzz-in"
    rehearsal.run(["next", "next", "open", "buzz 1", "right"] + ["next", "open", "wait 15"] * 3)
    assert contest.view().next.code == "finish"


def test_refused_command_changes_nothing():
    rehearsal = start(contest_text(BUZZ), base_dir=DATA)
    rehearsal.run(["next", "next", "open", "buzz 1"])
    contest = rehearsal.contest
    before_log, before_view = contest.log.read(), contest.view().to_dict()
    for text in ("buzz 2", "next", "wager 1 10", "assign 2", "pass", "reveal", "resume"):
        rehearsal.run_line(99, text)
    assert len(rehearsal.refused) == 7
    assert contest.log.read() == before_log
    assert contest.view().to_dict() == before_view


def test_teams_by_number_or_name_and_bad_lines_report_their_line():
    result = play(BUZZ, ["next", "next", "open", "buzz 蓝队", "right", "buzz 9", "buzz 紫队",
                         "jump", "wait x"])
    assert scores(result)[1] == 110
    assert [r["line"] for r in result["refused"]] == [6, 7, 8, 9]
    assert result["refused"][0]["reason"] == "there is no team 9 (there are 4)"
    assert result["refused"][2]["reason"] == "unknown command jump"


def test_individual_contest_is_teams_of_one():
    teams = "teams:\n  - {name: 张三}\n  - {name: 李四}\n"
    result = play("  - type: required\n    questions: {count: 4}\n",
                  ["next", "next", "right", "next", "right", "next", "right"], teams=teams)
    assert scores(result) == [120, 110]
    assert result["view"]["teams"][0]["members"] == ["张三"]


def test_fold_of_the_log_equals_the_live_state():
    rehearsal = start(contest_text(REQUIRED + BUZZ), base_dir=DATA)
    rehearsal.run(["next", "next", "open", "wait 3", "right", "next", "undo", "redo",
                   "adjust 1 5 x", "next", "open", "wait 40", "next"])
    contest = rehearsal.contest
    folded = fold(contest.log.read())
    assert folded.state == contest.state
    assert folded.entries() == contest.ledger()


def test_resume_after_a_crash_keeps_the_timer_where_it_was():
    loaded = load(contest_text(REQUIRED), DATA)
    log, clock = MemoryLog(), ManualClock(1000)
    contest = Contest.start(loaded.plan, log, clock, questions=loaded.questions)
    for name in ("next", "next", "open"):
        assert contest.execute(Command(name)).accepted
    clock.advance(10)
    contest.tick()
    # The process dies here; an hour later the host starts again on the same log.
    clock.advance(3600)
    again = Contest.resume(log, clock, questions=loaded.questions)
    assert again.view().timer["remaining"] == 30  # gap since the last event counts as paused
    assert log.read()[-1]["type"] == "contest_resumed"
    clock.advance(29)
    assert again.tick().events == []
    assert again.execute(Command("right")).accepted
    assert again.view().teams[0].score == 110


def test_observers_see_each_event_and_the_state_after_it():
    seen = []

    class Observer:
        def quizhall_event_recorded(self, event, state):
            seen.append((event["type"], state.events))

    from quizhall.hookspecs import hookimpl

    Observer.quizhall_event_recorded = hookimpl(Observer.quizhall_event_recorded)
    play(REQUIRED, ["next", "next"], plugins=[Observer()])
    assert seen == [("contest_started", 1), ("round_started", 2), ("question_shown", 3)]


def test_refusals_and_rules_are_chinese_first():
    from quizhall.i18n import set_language

    set_language("zh-CN")
    result = play(BUZZ, ["next", "next", "open", "buzz 1", "buzz 2"])
    assert reasons(result) == ["红队 已抢到答题权"]
    assert result["view"]["round_type_title"] == "抢答题"
    assert result["view"]["rules"][0] == "主持人宣布“开始”后方可抢答"


def test_a_new_contest_needs_an_empty_log():
    import pytest

    from quizhall.contest import EvolveError

    loaded = load(contest_text(REQUIRED), DATA)
    log = MemoryLog()
    Contest.start(loaded.plan, log, ManualClock())
    with pytest.raises(EvolveError):
        Contest.start(loaded.plan, log, ManualClock())
    assert len(log) == 1



def test_digits_int_cannot_read_are_names_not_a_crash():
    # "²" and "①" are digits to str.isdigit() but not numbers to int(); full-width "２" is both.
    result = play(BUZZ, ["buzz ²", "next", "next", "open", "buzz ２", "member ①", "right"])
    assert reasons(result)[:2] == ["no team is called ²", "蓝队 has no such member"]
    assert scores(result) == [100, 110, 100, 100]


def test_a_score_beyond_the_bound_is_refused_and_nothing_recorded():
    rehearsal = start(contest_text(BUZZ), base_dir=DATA)
    rehearsal.run(["adjust 1 999999900 jury", "adjust 1 1e308 typo", "adjust 2 -1e300 typo"])
    assert [r.reason for r in rehearsal.refused] == ["a score would go beyond ±1,000,000,000"] * 2
    assert rehearsal.contest.state.scores[:2] == (1_000_000_000, 100)
    assert len(rehearsal.contest.log.read()) == 2


def test_wait_takes_seconds_up_to_a_day():
    # A longer wait made the clock's float too coarse: a 30-second limit ran out at once.
    result = play(REQUIRED, ["wait 1e20", "wait -1", "wait nan", "wait 86400", "next", "next",
                             "open", "wait 29", "right"])
    assert reasons(result) == ["usage: wait SECONDS (0 to 86400)"] * 3
    assert scores(result)[0] == 110


def test_team_names_with_spaces_in_commands():
    teams = "teams:\n  - {name: Red Team}\n  - {name: Blue Team}\n  - {name: Blue}\n"
    result = play(BUZZ, ["next", "next", "open", "buzz red team", "right",
                         "adjust Blue Team -5 came late", "adjust Blue 3 kind", "buzz Red Team 2",
                         "adjust Red Team 5"], teams=teams)
    assert scores(result) == [110, 95, 103]
    assert reasons(result) == ["usage: buzz TEAM", "no team is called Red"]
