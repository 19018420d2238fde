"""The mistake notebook: wrong answers come back soon, right ones push them out, then out."""

from datetime import timedelta

from fsrs import Rating

from quizhall.practice import History, Notebook, rating_for
from quizhall.practice.notebook import (
    FAST_SECONDS,
    MASTERED_STABILITY_DAYS,
    MASTERED_STREAK,
    SLOW_SECONDS,
    Change,
)

KEY = "law/s1"


def test_grade_from_right_wrong_and_time():
    assert rating_for(False, 1.0) is Rating.Again
    assert rating_for(True, FAST_SECONDS) is Rating.Easy
    assert rating_for(True, FAST_SECONDS + 1) is Rating.Good
    assert rating_for(True, SLOW_SECONDS + 1) is Rating.Hard
    # A question with its own time limit scales the thresholds.
    assert rating_for(True, 20.0, time_limit=100.0) is Rating.Easy
    assert rating_for(True, 80.0, time_limit=100.0) is Rating.Hard


def test_a_right_answer_to_a_new_question_does_not_enter_the_notebook(history, clock):
    notebook = Notebook(history, "ann")
    assert notebook.record(KEY, True, 20.0, clock()) is None
    assert KEY not in notebook


def test_a_wrong_answer_is_due_again_soon(history, clock):
    notebook = Notebook(history, "ann")
    assert notebook.record(KEY, False, 20.0, clock()) is Change.ADDED
    entry = notebook.entries[KEY]
    assert clock() < entry.due <= clock() + timedelta(hours=1)
    assert notebook.due(clock()) == []
    assert [e.key for e in notebook.due_today(clock())] == [KEY]
    assert [e.key for e in notebook.due(clock.advance(hours=1))] == [KEY]


def test_repeated_right_answers_push_it_out_and_then_it_leaves(history, clock):
    notebook = Notebook(history, "ann")
    notebook.record(KEY, False, 20.0, clock())
    intervals = []
    change = None
    for _ in range(12):
        due = notebook.entries[KEY].due
        clock.now = due  # answer it when it comes back
        change = notebook.record(KEY, True, 20.0, clock())
        if change is Change.MASTERED:
            break
        intervals.append(notebook.entries[KEY].due - clock())
    assert change is Change.MASTERED
    assert KEY not in notebook
    assert history.cards("ann") == {}
    assert len(intervals) >= MASTERED_STREAK - 1
    assert intervals == sorted(intervals)
    assert intervals[-1] >= timedelta(days=7)


def test_right_answers_before_it_is_due_do_not_count(history, clock):
    notebook = Notebook(history, "ann")
    notebook.record(KEY, False, 20.0, clock())
    due = notebook.entries[KEY].due
    for _ in range(10):
        clock.advance(5)
        assert notebook.record(KEY, True, 2.0, clock()) is None
    entry = notebook.entries[KEY]
    assert (entry.streak, entry.due) == (0, due)
    assert entry.stability < MASTERED_STABILITY_DAYS


def test_a_wrong_answer_resets_the_streak(history, clock):
    notebook = Notebook(history, "ann")
    notebook.record(KEY, False, 20.0, clock())
    clock.advance(hours=1)
    notebook.record(KEY, True, 20.0, clock())
    clock.advance(hours=1)
    notebook.record(KEY, False, 20.0, clock())
    entry = notebook.entries[KEY]
    assert (entry.streak, entry.lapses) == (0, 2)
    assert entry.due <= clock() + timedelta(hours=1)


def test_the_notebook_is_kept_in_the_database(db, history, clock):
    Notebook(history, "ann").record(KEY, False, 20.0, clock())
    again = Notebook(History(db), "ann")
    assert KEY in again
    assert KEY not in Notebook(History(db), "bob")
