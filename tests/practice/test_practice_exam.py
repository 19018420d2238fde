"""Mock exams: drawing by quotas, no feedback, pass mark, time limit, resuming."""

import random

import pytest
from practice_answers import right as _right
from practice_answers import wrong as _wrong

from quizhall.bank.model import QuestionType
from quizhall.practice import (
    ExamSession,
    ExamSpec,
    ExamSpecError,
    History,
    Trainee,
    parse_quotas,
)
from quizhall.practice.exam import ExamTimeUp, draw

S, M, J = QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.JUDGE


def test_quotas_read_english_and_chinese_type_names():
    assert parse_quotas("single=2, multiple=1,judge=3") == ((S, 2), (M, 1), (J, 3))
    assert parse_quotas("单选=2，判断题=1") == ((S, 2), (J, 1))
    for bad in ("single", "single=x", "essay=3", "single=0", ""):
        with pytest.raises(ExamSpecError):
            parse_quotas(bad)


def test_draw_meets_the_quotas_and_groups_by_type(library):
    spec = ExamSpec(count=7, quotas=((J, 2), (S, 3)))
    refs = draw(library.refs, spec, random.Random(1))
    types = [ref.question.type for ref in refs]
    assert len(refs) == 7 and len({ref.key for ref in refs}) == 7
    assert types.count(S) >= 3 and types.count(J) >= 2
    rank = list(QuestionType)
    assert types == sorted(types, key=rank.index)


def test_draw_refuses_what_the_banks_cannot_give(library):
    with pytest.raises(ExamSpecError, match="judge"):
        draw(library.refs, ExamSpec(quotas=((J, 4),)), random.Random(1))
    with pytest.raises(ExamSpecError):
        draw(library.refs, ExamSpec(count=2, quotas=((S, 3),)), random.Random(1))
    with pytest.raises(ExamSpecError):
        draw(library.refs, ExamSpec(count=99), random.Random(1))


def _exam(trainee, library, rng, **spec):
    return ExamSession.new(trainee, library.refs,
                           ExamSpec(quotas=((S, 4), (J, 3)), pass_ratio=0.6, **spec), rng)


def _answer_all(exam, choose):
    shown = exam.start()
    while shown is not None:
        exam.submit(choose(shown))
        shown = exam.advance()


def test_exam_gives_no_feedback_and_scores_by_points(trainee, library, rng):
    exam = _exam(trainee, library, rng)
    assert exam.feedback is False and exam.total == 7
    # Only s4 (2 points) wrong: 6 of 8 points.
    _answer_all(exam, lambda shown: _wrong(shown) if shown.question.id == "s4" else _right(shown))
    assert not exam.finished  # all answered, but not handed in
    exam.hand_in()
    result = exam.result()
    assert exam.finished
    assert (result.score, result.max_score, result.passed) == (6.0, 8.0, True)
    assert [o.ref.question.id for o in result.wrong] == ["s4"]
    assert trainee.history.running_exam("ann") is None
    [saved] = trainee.history.exams("ann")
    assert saved["status"] == "finished" and saved["passed"] is True


def test_nothing_reaches_history_or_the_notebook_before_hand_in(trainee, library, rng):
    exam = _exam(trainee, library, rng)
    _answer_all(exam, _wrong)
    assert trainee.history.answers("ann") == [] and len(trainee.notebook) == 0
    exam.hand_in()
    result = exam.result()
    assert result.passed is False and result.score == 0 and len(result.wrong) == 7
    assert len(trainee.history.answers("ann")) == 7
    assert len(trainee.notebook) == 7  # every wrong answer enters the notebook, at hand-in


def test_the_answer_sheet_jumps_skips_flags_and_changes_answers(trainee, library, rng):
    exam = _exam(trainee, library, rng)
    first = exam.start()
    exam.submit(_wrong(first))
    exam.goto(4)  # jump ahead, leaving 1–3 empty
    assert exam.position == 5
    assert exam.toggle_flag() is True
    exam.submit(_right(exam.current))
    assert [exam.status(i) for i in range(7)] == ["answered", "empty", "empty", "empty",
                                                   "answered", "empty", "empty"]
    assert exam.flags == {4} and exam.unanswered == 5
    exam.goto(0)
    exam.submit(_right(first))  # changed before hand-in
    assert exam.given(0) == exam.sheet[0].answer.given
    exam.hand_in()
    result = exam.result()
    assert (result.answered, result.correct) == (2, 2)
    assert len(result.wrong) == 5  # the unanswered five


def test_time_up_hands_in_and_unanswered_count_as_wrong(trainee, library, clock, rng):
    exam = _exam(trainee, library, rng, time_limit=60)
    shown = exam.start()
    exam.submit(_right(shown))
    exam.advance()
    clock.advance(59)
    assert exam.remaining() == pytest.approx(1.0)
    clock.advance(5)
    with pytest.raises(ExamTimeUp):
        exam.submit("A")
    result = exam.result()
    assert exam.finished and result.answered == 1 and len(result.wrong) == 6
    assert result.passed is False
    assert result.seconds == 60
    assert len(trainee.history.answers("ann")) == 1  # handed in by itself


def test_an_abandoned_exam_is_kept_as_abandoned_not_failed(trainee, library, rng):
    exam = _exam(trainee, library, rng)
    exam.submit(_wrong(exam.start()))
    exam.abandon()
    assert trainee.history.running_exam("ann") is None
    [saved] = trainee.history.exams("ann")
    assert saved["status"] == "abandoned" and "passed" not in saved
    assert trainee.history.answers("ann") == [] and len(trainee.notebook) == 0


def test_an_exam_resumes_with_the_same_questions_options_answers_and_flags(
        db, trainee, library, clock, rng):
    exam = _exam(trainee, library, rng, time_limit=600)
    first = exam.start()
    clock.advance(30)
    exam.submit(_right(first))
    second = exam.advance()
    clock.advance(20)
    exam.submit(_wrong(second))
    exam.toggle_flag()
    exam.advance()
    exam.leave()  # the app is closed
    clock.advance(hours=5)  # time away does not count

    again = Trainee(History(db), "ann", library, clock)
    state = again.history.running_exam("ann")
    assert state is not None and state["id"] == exam.id
    resumed = ExamSession.resume(again, state, random.Random(99))
    assert [p.ref.key for p in resumed.items] == [p.ref.key for p in exam.items]
    assert [p.order for p in resumed.items] == [p.order for p in exam.items]
    assert [o.correct for o in resumed.outcomes] == [True, False]
    assert resumed.flags == {1}
    assert resumed.remaining() == pytest.approx(550)
    shown = resumed.start()
    assert shown == exam.items[2]
    while shown is not None:
        resumed.submit(_right(shown))
        shown = resumed.advance()
    resumed.hand_in()
    result = resumed.result()
    assert (result.answered, result.correct) == (7, 6)
    assert again.history.running_exam("ann") is None
    assert [r.seconds for r in again.history.answers("ann")][:2] == [30.0, 20.0]


def test_resuming_fails_clearly_when_a_question_is_gone(trainee, library, rng):
    from quizhall.practice import Library
    from quizhall.practice.exam import ExamResumeError

    exam = _exam(trainee, library, rng)
    exam.leave()
    stranger = Trainee(trainee.history, "ann", Library([]), trainee.clock)
    with pytest.raises(ExamResumeError, match="law/"):
        ExamSession.resume(stranger, trainee.history.running_exam("ann"), rng)
