"""Practice as people drill: resume in bank order, jump, skip, bookmarks, filters, choices."""

from practice_answers import submit

from quizhall.practice import Filter, Order, PracticeSession, Trainee


def _ids(refs):
    return [ref.question.id for ref in refs]


def test_sequential_practice_resumes_where_it_stopped(trainee, rng):
    chosen = Filter(tags=("工资",))  # s3 s4 m2 n1
    refs = trainee.select(chosen)
    first = PracticeSession(trainee, refs, Order.SEQUENTIAL, rng, scope=chosen.scope())
    first.start()
    submit(first, True)
    first.advance()
    first.skip()  # a skip moves on too
    first.leave()
    start = trainee.position(chosen.scope())
    assert start == 2
    again = PracticeSession(trainee, refs, Order.SEQUENTIAL, rng, start=start,
                            scope=chosen.scope())
    assert again.start().question.id == "m2"
    assert again.position == 3 and again.total == 4
    # Another scope has its own place.
    assert trainee.position(Filter(tags=("合同",)).scope()) == 0


def test_sequential_practice_jumps_to_question_n(trainee, rng):
    refs = trainee.select(Filter())
    session = PracticeSession(trainee, refs, Order.SEQUENTIAL, rng, start=9)
    assert session.start().question.id == refs[9].question.id and session.position == 10


def test_finishing_the_pool_starts_it_over_next_time(trainee, rng):
    chosen = Filter(tags=("工资",))
    refs = trainee.select(chosen)
    session = PracticeSession(trainee, refs, Order.SEQUENTIAL, rng, start=3,
                              scope=chosen.scope())
    session.start()
    submit(session, True)
    assert trainee.position(chosen.scope()) == 0


def test_a_skipped_question_is_not_an_answer_neither_right_nor_wrong(trainee, rng):
    session = PracticeSession(trainee, trainee.select(Filter(tags=("工资",))),
                              Order.SEQUENTIAL, rng)
    session.start()
    session.skip()
    session.advance()
    submit(session, True)
    result = session.result()
    assert (result.answered, result.correct, result.skipped) == (1, 1, 1)
    assert result.wrong == () and len(trainee.history.answers("ann")) == 1
    assert len(trainee.notebook) == 0


def test_bookmarks_and_never_answered_filter_the_pool(trainee, rng, history, library, clock):
    assert trainee.toggle_bookmark("law/s2") is True
    trainee.toggle_bookmark("law/j1")
    assert _ids(trainee.select(Filter(bookmarked=True))) == ["s2", "j1"]
    assert trainee.toggle_bookmark("law/j1") is False
    assert _ids(trainee.select(Filter(bookmarked=True))) == ["s2"]
    session = PracticeSession(trainee, trainee.select(Filter(types=("judge",))),
                              Order.SEQUENTIAL, rng)
    assert session.total == 3 and session.start().question.id == "j1"
    submit(session, False)
    assert _ids(trainee.select(Filter(types=("judge",), unanswered=True))) == ["j2", "j3"]
    # Kept for the trainee, not for anyone else.
    assert Trainee(history, "bob", library, clock).select(Filter(bookmarked=True)) == []


def test_the_last_choices_are_remembered_per_trainee(trainee, history, library, clock):
    chosen = Filter(tags=("工资",), types=("single",), unanswered=True)
    trainee.remember_choices({"filter": chosen.to_doc(), "order": "random", "study": True})
    again = Trainee(history, "ann", library, clock).practice_choices()
    assert Filter.from_doc(again["filter"]) == chosen
    assert (again["order"], again["study"]) == ("random", True)
    assert Trainee(history, "bob", library, clock).practice_choices() == {}
