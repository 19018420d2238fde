"""The mistake notebook: wrong answers come back soon, right ones on separate days take them
out, and no rating can trap a question."""

import random
from datetime import timedelta

from fsrs import Rating

from quizhall.practice import History, Notebook, deserved_seconds, rating_for
from quizhall.practice.notebook import (
    ALWAYS_LEAVES_DAYS,
    MASTERED_DAYS,
    RELEARN_MINUTES,
    Change,
)
from quizhall.practice.simulate import run_card

KEY = "law/s1"


def test_the_time_a_question_deserves_grows_with_its_length_and_type(bank):
    judge, single = bank.question("j1"), bank.question("s1")
    long_stem = single.__class__(**{**{f: getattr(single, f) for f in single.__slots__},
                                    "stem": "很长的题干" * 60})
    assert deserved_seconds(judge) < deserved_seconds(single) < deserved_seconds(long_stem)
    assert deserved_seconds(long_stem) - deserved_seconds(single) >= 30
    # The same 45 seconds is slow for a one-line question, fine for a 300-character one.
    assert rating_for(single, True, 45.0) is Rating.Hard
    assert rating_for(long_stem, True, 45.0) is Rating.Good


def test_a_quick_true_false_answer_is_good_never_easy(bank):
    assert rating_for(bank.question("j1"), True, 2.0) is Rating.Good
    assert rating_for(bank.question("s1"), True, 2.0) is Rating.Easy
    assert rating_for(bank.question("s1"), False, 2.0) is Rating.Again
    assert rating_for(bank.question("s1"), True, 2.0, doubtful=True) is Rating.Hard


def test_a_right_answer_to_a_new_question_does_not_enter_the_notebook(history, clock):
    notebook = Notebook(history, "ann")
    assert notebook.record(KEY, Rating.Good, clock()) is None
    assert KEY not in notebook


def test_a_wrong_answer_is_due_again_minutes_later(history, clock):
    notebook = Notebook(history, "ann")
    assert notebook.record(KEY, Rating.Again, clock()) is Change.ADDED
    entry = notebook.entries[KEY]
    assert entry.due == clock() + timedelta(minutes=RELEARN_MINUTES)
    assert notebook.due(clock()) == []
    assert [e.key for e in notebook.due_today(clock())] == [KEY]
    assert [e.key for e in notebook.due(clock.advance(minutes=RELEARN_MINUTES))] == [KEY]


def test_a_slow_right_answer_every_time_it_is_due_still_leaves(history, clock):
    notebook = Notebook(history, "ann")
    notebook.record(KEY, Rating.Again, clock())
    reviews = 0
    while KEY in notebook:
        clock.now = notebook.entries[KEY].due
        notebook.record(KEY, Rating.Hard, clock())
        reviews += 1
        assert reviews < 20
    # One right answer on the day of the wrong one, then one on each of five later days.
    assert reviews == ALWAYS_LEAVES_DAYS + 1
    assert history.cards("ann") == {}


def test_right_answers_on_three_separate_days_with_a_stable_memory_take_it_out(history,
                                                                                 clock):
    notebook = Notebook(history, "ann")
    wrong_day = clock().date()
    notebook.record(KEY, Rating.Again, clock())
    days = set()
    change = None
    while change is not Change.MASTERED:
        clock.now = notebook.entries[KEY].due
        change = notebook.record(KEY, Rating.Easy, clock())
        days.add(clock().date())
    # The right answer the same day as the wrong one (relearning) is not one of the days.
    assert wrong_day in days
    assert len(days - {wrong_day}) == MASTERED_DAYS


def test_right_answers_before_it_is_due_do_not_count(history, clock):
    notebook = Notebook(history, "ann")
    notebook.record(KEY, Rating.Again, clock())
    clock.advance(minutes=RELEARN_MINUTES)
    notebook.record(KEY, Rating.Easy, clock())
    due = notebook.entries[KEY].due
    for _ in range(10):
        clock.advance(5)
        assert notebook.record(KEY, Rating.Easy, clock()) is None
    entry = notebook.entries[KEY]
    assert (entry.streak, entry.due, entry.days) == (1, due, [])


def test_a_wrong_answer_starts_the_days_again(history, clock):
    notebook = Notebook(history, "ann")
    notebook.record(KEY, Rating.Again, clock())
    clock.now = notebook.entries[KEY].due
    notebook.record(KEY, Rating.Good, clock())
    clock.now = notebook.entries[KEY].due
    notebook.record(KEY, Rating.Good, clock())
    assert len(notebook.entries[KEY].days) == 1
    notebook.record(KEY, Rating.Again, clock())
    entry = notebook.entries[KEY]
    assert (entry.streak, entry.lapses, entry.days) == (0, 2, [])


def test_the_trainees_own_rating_replaces_the_one_earned(history, clock):
    notebook = Notebook(history, "ann")
    assert notebook.record(KEY, Rating.Good, clock()) is None
    # "Again" on a right answer: the trainee guessed; the question goes in.
    assert notebook.rerate(KEY, Rating.Again, clock()) is Change.ADDED
    # And back: rated Good after all, the answer was right and it never was in.
    assert notebook.rerate(KEY, Rating.Good, clock()) is None
    assert KEY not in notebook and history.cards("ann") == {}


def test_due_counts_cover_only_the_open_banks(history, clock):
    notebook = Notebook(history, "ann")
    notebook.record("law/s1", Rating.Again, clock())
    notebook.record("other/q1", Rating.Again, clock())
    later = clock.advance(hours=1)
    assert len(notebook.due(later)) == 2
    assert [e.key for e in notebook.due(later, keys={"law/s1"})] == ["law/s1"]
    assert [e.key for e in notebook.all(keys={"law/s1"})] == ["law/s1"]


def test_every_card_leaves_and_none_in_under_three_separate_days(bank):
    for question in (bank.question("j1"), bank.question("s1"), bank.question("f1")):
        for seconds in (5.0, 20.0, 45.0, 90.0):
            rng = random.Random(f"{question.id}{seconds}")
            for _ in range(40):
                run = run_card(question, seconds, 0.1, rng)
                assert run.left, (question.id, seconds)
                assert run.study_days >= MASTERED_DAYS + 1  # the wrong answer's day too


def test_the_notebook_is_kept_in_the_database(db, history, clock):
    Notebook(history, "ann").record(KEY, Rating.Again, clock())
    again = Notebook(History(db), "ann")
    assert KEY in again
    assert KEY not in Notebook(History(db), "bob")
