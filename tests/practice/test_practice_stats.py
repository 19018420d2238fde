"""Stats: accuracy by tag and level, answers per day, weakest tags, streak, due reviews."""

from datetime import date, timedelta

from practice_answers import submit

from quizhall.practice import Filter, Order, PracticeSession, compute_stats
from quizhall.practice.stats import streak


def test_streak_counts_back_from_today_or_yesterday():
    today = date(2025, 3, 10)
    days = {today - timedelta(days=n) for n in (0, 1, 2, 4)}
    assert streak(days, today) == 3
    assert streak(days - {today}, today) == 2  # today not studied yet: still alive
    assert streak({today - timedelta(days=2)}, today) == 0
    assert streak(set(), today) == 0


def test_stats_by_tag_level_day_and_due(trainee, library, clock, rng):
    refs = library.select(Filter(tags=("工资",)))  # s3 s4 m2 n1
    plan = [("s3", True), ("s4", False), ("m2", True), ("n1", None)]
    for day in range(3):
        session = PracticeSession(trainee, refs, Order.SEQUENTIAL, rng)
        shown = session.start()
        for qid, ok in plan:
            assert shown.question.id == qid
            submit(session, ok if ok is not None else day == 2)
            shown = session.advance()
        clock.advance(days=1)
    clock.advance(days=-1, hours=2)
    stats = compute_stats("ann", trainee.history.answers("ann"), trainee.notebook, clock(),
                          trainee.history.progress("ann"))
    data = stats.to_json()
    assert (data["answers"], data["correct"]) == (12, 7)
    assert data["by_tag"]["工资"] == {"answers": 12, "correct": 7, "accuracy": round(7 / 12, 4)}
    assert data["by_level"]["law/L2"]["answers"] == 12
    assert data["by_day"][-3:] == [
        {"date": "2025-03-03", "answers": 4, "correct": 2, "accuracy": 0.5},
        {"date": "2025-03-04", "answers": 4, "correct": 2, "accuracy": 0.5},
        {"date": "2025-03-05", "answers": 4, "correct": 3, "accuracy": 0.75}]
    assert len(data["by_day"]) == 14
    assert data["streak"] == 3 and data["study_days"] == 3
    assert data["notebook"] == 2  # s4 and n1
    assert data["due_reviews"] == 1  # n1 was answered right on day 3: not due again yet
    assert data["weakest_tags"] == ["工资"]


def test_weakest_tags_need_enough_answers(trainee, library, clock, rng):
    session = PracticeSession(trainee, library.select(Filter(tags=("合同",))),
                              Order.SEQUENTIAL, rng)
    session.start()
    for _ in range(4):  # s1 s2 m1 j1: tags 合同 only
        submit(session, False)
        session.advance()
    submit(session, True)  # j2: 合同 and 安全
    stats = compute_stats("ann", trainee.history.answers("ann"), trainee.notebook, clock())
    assert stats.weakest_tags == ["合同"]  # 安全 has one answer only
    assert stats.by_tag["安全"].accuracy == 1.0


def test_stats_by_question_type_coverage_and_exam_history(trainee, library, clock, rng):
    from quizhall.practice import ExamSession, ExamSpec
    from quizhall.practice.notebook import Notebook

    refs = library.select(Filter(tags=("工资",)))  # s3 s4 m2 n1
    session = PracticeSession(trainee, refs, Order.SEQUENTIAL, rng)
    shown = session.start()
    for ok in (True, False, True, True):
        submit(session, ok)
        shown = session.advance()
    assert shown is None
    passed = ExamSession.new(trainee, library.refs, ExamSpec(count=2, pass_ratio=0.5), rng)
    shown = passed.start()
    while shown is not None:
        submit(passed, True)
        shown = passed.advance()
    clock.advance(60)
    passed.hand_in()
    ExamSession.new(trainee, library.refs, ExamSpec(count=2), rng).abandon()
    ExamSession.new(trainee, library.refs, ExamSpec(count=2), rng).leave()  # still running
    history = trainee.history
    stats = compute_stats("ann", history.answers("ann"), Notebook(history, "ann"), clock(),
                          keys=library.keys(), exams=history.exams("ann"))
    assert stats.by_type["single"].answers >= 2 and stats.by_type["numeric"].correct == 1
    assert list(stats.by_type)[0] == "single"  # in the usual exam order
    assert stats.pool == len(library) and 4 <= stats.seen <= 6
    assert [(e.status, e.passed) for e in stats.exams] == [("finished", True),
                                                          ("abandoned", None)]
    data = stats.to_json()
    assert data["coverage"] == {"seen": stats.seen, "questions": len(library)}
    assert data["exams"][0]["percent"] == 100 and data["exams"][0]["seconds"] == 60
