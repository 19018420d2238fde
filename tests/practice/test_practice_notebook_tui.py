"""Pilot tests of the notebook in the app: relearning, the trainee's own rating, "I was right"."""

from fsrs import Rating
from practice_bank import START
from tui_helpers import answer, make_app, screen_text

from quizhall.practice import Filter, History, ManualClock
from quizhall.practice.notebook import Notebook
from quizhall.tui.practice.app import PracticeSettings
from quizhall.tui.practice.question import QuestionScreen
from quizhall.tui.practice.results import ResultsScreen

SIZE = (100, 40)


def _due_now(db, clock, *keys):
    notebook = Notebook(History(db), "ann")
    for key in keys:
        notebook.record(key, Rating.Again, clock())
    clock.advance(hours=1)


async def test_relearning_a_wrong_review_answer_comes_back_in_the_same_session(db):
    clock = ManualClock(START)
    _due_now(db, clock, "law/s1", "law/s2")
    app = make_app(db, clock=clock, settings=PracticeSettings(mode="review"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.presented.question.id == "s1"
        await answer(pilot, False)
        assert screen.presented.question.id == "s2"
        await answer(pilot, True)
        assert isinstance(app.screen, QuestionScreen)
        assert screen.presented.question.id == "s1"  # asked again before the session ends
        assert "3/3" in screen_text(app)
        await answer(pilot, True)
        assert isinstance(app.screen, ResultsScreen)
    modes = [(r.question, r.correct) for r in History(db).answers("ann")]
    assert modes == [("s1", False), ("s2", True), ("s1", True)]


async def test_rating_keys_override_the_rating_an_answer_earned(db):
    clock = ManualClock(START)
    settings = PracticeSettings(mode="practice", filter=Filter(tags=("工资",)))
    app = make_app(db, clock=clock, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.presented.question.id == "s3"
        clock.advance(10)  # neither quick nor slow for a short single choice
        await answer(pilot, True, then_next=False)
        assert "notebook rating: good" in screen_text(app)
        assert "1 again · 2 hard · 3 good · 4 easy" in screen_text(app)
        # A right answer the trainee guessed: "again" puts it in the notebook.
        await pilot.press("1")
        await pilot.pause()
        text = screen_text(app)
        assert "notebook rating: again (yours)" in text and "added to your notebook" in text
        assert "law/s3" in Notebook(History(db), "ann")
        await pilot.press("3")  # changed their mind: good, it never was in
        await pilot.pause()
        assert "law/s3" not in Notebook(History(db), "ann")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.presented.question.id == "s4"  # the keys did not move on or choose
    record = History(db).answers("ann")[0]
    assert record.extra == {"rating": "good", "claimed": False}


async def test_i_was_right_counts_a_fill_answer_marked_wrong_as_right(db):
    settings = PracticeSettings(mode="practice", filter=Filter(levels=("law/L3",)))
    app = make_app(db, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        while screen.presented.question.id != "f1":
            await answer(pilot, True)
        await answer(pilot, False, then_next=False)
        assert "press r" in screen_text(app)
        assert "law/f1" in Notebook(History(db), "ann")
        await pilot.press("r")
        await pilot.pause()
        text = screen_text(app)
        assert "counted as right" in text and "notebook rating: hard" in text
        assert "press r" not in text
        assert "law/f1" not in Notebook(History(db), "ann")
    record = History(db).answers("ann")[-1]
    assert (record.question, record.correct) == ("f1", True)
    assert record.extra == {"claimed": True, "judged": {"correct": False, "credit": 0.0}}


async def test_the_start_screen_counts_only_the_open_banks(db):
    clock = ManualClock(START)
    _due_now(db, clock, "law/s1", "other/q1", "other/q2")
    app = make_app(db, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "1 due now · 1 today · 1 in the notebook" in screen_text(app)
