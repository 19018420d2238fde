"""Practice and review sessions: order, filters, feedback, what each answer records."""

import random

import pytest
from practice_answers import right as _right
from practice_answers import wrong as _wrong

from quizhall.practice import (
    Filter,
    Order,
    PracticeSession,
    ReviewSession,
    Trainee,
    present,
)
from quizhall.practice.session import SessionError


def test_sequential_practice_goes_in_bank_order_and_records_every_answer(
        trainee, history, library, clock, rng):
    refs = library.select(Filter(tags=("工资",)))
    session = PracticeSession(trainee, refs, Order.SEQUENTIAL, rng)
    shown = session.start()
    assert shown.question.id == "s3"
    clock.advance(12.5)
    outcome = session.submit(_right(shown))
    assert outcome.correct and outcome.credit == 1.0 and outcome.seconds == 12.5
    shown = session.advance()
    assert shown.question.id == "s4"
    session.submit(_wrong(shown))
    [first, second] = history.answers("ann")
    assert (first.key, first.user, first.given, first.correct, first.credit, first.seconds) == (
        "law/s3", "ann", "A", True, 1.0, 12.5)
    assert first.at == "2025-03-03T09:00:12.500+00:00"
    assert first.mode == "practice" and first.tags == ("工资",) and first.levels == ("law/L2",)
    assert second.key == "law/s4" and second.correct is False and second.given == "B"
    assert [o.ref.key for o in session.result().wrong] == ["law/s4"]


def test_filters_by_tag_level_and_difficulty(library):
    def ids(**chosen):
        return [r.question.id for r in library.select(Filter(**chosen))]

    assert ids(levels=("law/L3",)) == ["j2", "j3", "f1", "o1", "k1"]
    assert ids(difficulties=(1,)) == ["s1", "s3"]
    assert ids(tags=("安全",), difficulties=(1,)) == []
    assert ids(levels=("law/L2",), tags=("安全",)) == [
        "s3", "s4", "m2", "j2", "j3", "f1", "n1", "o1", "k1"]
    assert ids(levels=("law/nope",)) == []
    assert len(ids()) == len(library)


def test_random_practice_asks_each_question_once_reproducibly(trainee, library):
    order_a = _drain_order(trainee, library, 11)
    assert order_a == _drain_order(trainee, library, 11)
    assert sorted(order_a) == sorted(r.question.id for r in library.refs)
    assert order_a != [r.question.id for r in library.refs]


def _drain_order(trainee, library, seed):
    session = PracticeSession(trainee, library.refs, Order.RANDOM, random.Random(seed))
    return [ref.question.id for ref in iter(session._next_ref, None)]


def test_smart_practice_puts_due_then_new_then_missed_first(
        trainee, library, clock, rng):
    refs = library.select(Filter(tags=("合同",)))  # s1 s2 m1 j1 j2 h1
    session = PracticeSession(trainee, refs, Order.SEQUENTIAL, rng)
    answers = {"s1": True, "s2": False, "m1": True, "j1": False}
    shown = session.start()
    while shown is not None and shown.question.id in answers:
        typed = _right(shown) if answers[shown.question.id] else _wrong(shown)
        session.submit(typed)
        shown = session.advance()
    clock.advance(hours=2)  # j1 and s2 (wrong) are now due in the notebook
    smart = PracticeSession(trainee, refs, Order.SMART, random.Random(3))
    order = [ref.question.id for ref in iter(smart._next_ref, None)]
    assert set(order[:2]) == {"s2", "j1"}  # due reviews
    assert set(order[2:4]) == {"j2", "h1"}  # never answered
    assert set(order[4:]) == {"s1", "m1"}


def test_review_session_asks_only_due_notebook_questions(trainee, library, clock, rng):
    session = PracticeSession(trainee, library.select(Filter(levels=("law/L2",))),
                              Order.SEQUENTIAL, rng)
    shown = session.start()
    session.submit(_wrong(shown))  # s3 into the notebook
    session.advance()
    session.submit(_wrong(session.current))  # s4 too
    assert ReviewSession(trainee, rng).total == 0  # not due yet
    clock.advance(hours=1)
    review = ReviewSession(trainee, rng)
    assert review.total == 2
    shown = review.start()
    assert shown.question.id == "s3"
    outcome = review.submit(_right(shown))
    assert outcome.notebook.value == "reviewed"
    assert review.advance().question.id == "s4"


def test_a_question_cannot_be_answered_twice(trainee, library, rng):
    session = PracticeSession(trainee, library.refs, Order.SEQUENTIAL, rng)
    shown = session.start()
    session.submit(_right(shown))
    with pytest.raises(SessionError):
        session.submit(_right(shown))


def test_practice_ends_after_the_last_question(trainee, library, rng):
    refs = library.select(Filter(levels=("law/L2",)))[:1]
    session = PracticeSession(trainee, refs, Order.SEQUENTIAL, rng)
    session.submit(_right(session.start()))
    assert session.advance() is None
    assert session.finished
    assert session.result().correct == 1


def test_answers_of_two_trainees_stay_apart(history, library, clock, rng):
    ann = Trainee(history, "ann", library, clock)
    bob = Trainee(history, "bob", library, clock)
    session = PracticeSession(ann, library.refs, Order.SEQUENTIAL, rng)
    session.submit(_wrong(session.start()))
    assert len(history.answers("ann")) == 1
    assert history.answers("bob") == [] and len(bob.notebook) == 0


def test_presented_shuffle_uses_the_session_random_source(library):
    ref = library.get("law/s1")
    assert present(ref, random.Random(5)).order == present(ref, random.Random(5)).order
