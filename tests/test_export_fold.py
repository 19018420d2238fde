"""The contest report agrees with the engine's fold whatever the host did, undos included."""

from __future__ import annotations

from contest_helpers import DATA, contest_text
from hypothesis import given, settings
from hypothesis import strategies as st

from quizhall.report.contest import contest_report, undone_events
from quizhall.testing import start

ROUNDS = ("  - type: required\n    questions: {count: 4}\n    wrong: -5\n"
          "  - type: buzz\n    questions: {count: 4}\n")
COMMANDS = ["next", "open", "right", "wrong", "partial 5", "undo", "buzz 1", "buzz 2",
            "adjust 1 5 仲裁加分", "adjust 3 -7 仲裁扣分", "wait 20", "timeout"]
SCORING = {"answer_judged", "early_buzz", "points_awarded", "score_adjusted"}


def _report(commands: list[str]):
    rehearsal = start(contest_text(ROUNDS), base_dir=DATA)
    rehearsal.run(commands)
    contest = rehearsal.contest
    events = contest.log.read()
    return contest, events, contest_report(contest, events, "c")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(COMMANDS), max_size=40))
def test_report_matches_the_fold_after_any_commands(commands):
    contest, events, report = _report(["next", "next", *commands])
    undone, _ = undone_events(events)
    scoring = {seq for seq, event in enumerate(events) if event["type"] in SCORING}
    assert scoring - undone == {entry.seq for entry in contest.ledger()}
    view = contest.view()
    assert [team.score for team in report.teams] == [team.score for team in view.teams]
    assert report.progression[-1].scores == tuple(team.score for team in view.teams)
    for team in report.teams:
        assert report.base_score + team.before_rounds + sum(
            p or 0 for p in team.round_points) == team.score
    attempts = sorted(a.seq for q in report.questions for a in q.attempts)
    in_questions = {e.seq for e in contest.ledger() if e.event != "score_adjusted"}
    assert set(attempts) == in_questions
    assert all(q.seq not in undone for q in report.questions)
    audit_points = {entry.seq: entry.points for entry in report.audit if not entry.undone
                    and entry.points is not None}
    assert audit_points == {entry.seq: entry.points for entry in contest.ledger()}


def test_undo_then_redo_then_new_action_keeps_the_redone_action():
    contest, events, report = _report(["next", "next", "right", "undo", "redo", "next",
                                       "wrong", "undo", "next"])
    undone, undos = undone_events(events)
    kinds = [(seq, events[seq]["type"]) for seq in sorted(undone)]
    assert [kind for _, kind in kinds] == ["answer_judged", "question_closed"]
    assert sorted(action for action, _ in undos.values()) == ["redo", "undo", "undo"]
    assert [q.outcome for q in report.questions] == ["right", "open"]


def test_deep_undo_then_a_new_action_makes_every_undone_action_final():
    contest, events, report = _report(["next", "next", "right", "next", "wrong", "undo",
                                       "undo", "undo", "redo", "wrong"])
    undone, undos = undone_events(events)
    assert [events[seq]["type"] for seq in sorted(undone)] == [
        "question_shown", "answer_judged", "question_closed"]
    assert [undos[seq] for seq in sorted(undos)] == [
        ("undo", 6), ("undo", 5), ("undo", 3), ("redo", 3)]
    assert undone == {5, 6, 7}
    assert [q.outcome for q in report.questions] == ["right"]


def test_an_audience_question_after_failed_attempts_is_an_audience_question():
    # Defect 6 (failed before: the question showed as "wrong").
    contest, events, report = _report(["next"] + ["next", "right"] * 4
                                      + ["next", "next", "open", "buzz 1", "wrong"])
    assert [q.outcome for q in report.questions][-1] == "audience"
    assert report.questions[-1].attempts[0].verdict == "wrong"


def test_open_after_a_buzz_is_logged_as_the_answer_starting():
    # Defect 6 (failed before: "clock started: 0 s").
    contest, events, report = _report(["next"] + ["next", "right"] * 4
                                      + ["next", "next", "open", "buzz 1", "open"])
    assert report.audit[-1].description == "the answer has started"
