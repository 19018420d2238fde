"""Pilot tests of practice drilling: study mode, bookmarks, skip, show the answer, remembered
choices, resuming in bank order, and the answer-checking details on screen."""

from tui_helpers import answer, make_app, screen_text

from quizhall.practice import Filter, History
from quizhall.tui.practice.app import PracticeSettings
from quizhall.tui.practice.question import QuestionScreen
from quizhall.tui.practice.results import ResultsScreen
from quizhall.tui.practice.start import PracticeSetupScreen, StartScreen

SIZE = (100, 40)


def _wages(**more):
    return PracticeSettings(mode="practice", filter=Filter(tags=("工资",)), **more)  # s3 s4 m2 n1


async def test_study_mode_shows_the_answer_and_explanation_with_the_question(db):
    app = make_app(db, settings=PracticeSettings(mode="practice", study=True))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.presented.question.id == "s1"
        text = screen_text(app)
        assert "study mode" in text
        assert f"Answer: {screen.presented.answer_text()}" in text
        assert "用工之日起即建立劳动关系" in text and "《劳动合同法》第七条" in text
        assert "Right" not in text and "Wrong" not in text
        await pilot.press("enter")
        await pilot.pause()
        assert screen.presented.question.id == "s2"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)  # nothing answered: no results to show
    assert History(db).answers("ann") == []  # reading is not answering


async def test_bookmarks_are_kept_and_practised_on_their_own(db):
    app = make_app(db, settings=_wages())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.presented.question.id == "s3"
        await pilot.press("f4")
        await pilot.pause()
        assert "★ bookmarked" in screen_text(app)
        await answer(pilot, True)
        await pilot.press("f4")  # s4
        await pilot.pause()
    assert History(db).bookmarks("ann") == {"law/s3", "law/s4"}
    again = make_app(db, settings=PracticeSettings(mode="practice",
                                                   filter=Filter(bookmarked=True)))
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = again.screen
        assert screen.session.total == 2 and screen.presented.question.id == "s3"
        await pilot.press("f4")  # off again
        await pilot.pause()
        assert "bookmarked" not in screen_text(again).split("\n")[0]
    assert History(db).bookmarks("ann") == {"law/s4"}


async def test_skip_and_show_the_answer_count_neither_right_nor_wrong(db):
    app = make_app(db, settings=_wages())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("f6")  # skip s3
        await pilot.pause()
        assert screen.presented.question.id == "s4"
        await pilot.press("f7")  # look at s4's answer
        await pilot.pause()
        assert f"Answer: {screen.presented.answer_text()}" in screen_text(app)
        assert "Wrong" not in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.presented.question.id == "m2"
        await answer(pilot, True)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        text = screen_text(app)
        assert "100% right" in text and "2 skipped or only looked at" in text
    assert [(r.question, r.correct) for r in History(db).answers("ann")] == [("m2", True)]


async def test_sequential_practice_resumes_where_it_stopped_and_remembers_the_choices(db):
    app = make_app(db, settings=_wages())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await answer(pilot, True)
        await pilot.press("f6")
        await pilot.pause()
        await pilot.press("escape", "enter")
        await pilot.pause()
    again = make_app(db)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        setup = again.screen
        assert isinstance(setup, PracticeSetupScreen)
        text = screen_text(again)
        assert "4 questions" in text  # the 工资 filter, remembered
        assert setup.query_one("#setup-from").value == "3"  # where it stopped
        await pilot.press("s")
        await pilot.pause()
        screen = again.screen
        assert screen.presented.question.id == "m2" and "3/4" in screen_text(again)


async def test_jump_to_question_n_from_the_settings(db):
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        box = app.screen.query_one("#setup-from")
        box.value = "10"
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert "10/14" in screen_text(app)


async def test_a_missed_option_is_marked_apart_from_a_wrong_one(db):
    app = make_app(db, settings=PracticeSettings(mode="practice",
                                                 filter=Filter(types=("multiple",))))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.presented.question.id == "m1"
        await answer(pilot, False, then_next=False)  # one right option of three chosen
        text = screen_text(app)
        assert text.count("◌") == 2 and text.count("missed") == 2


async def test_the_unit_is_shown_and_accepted_with_the_number(db):
    app = make_app(db, settings=PracticeSettings(mode="practice",
                                                 filter=Filter(types=("numeric",))))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "unit: 小时" in screen_text(app)
        app.screen.query_one(".answer-box").value = "8小时"
        await pilot.press("enter")
        await pilot.pause()
        assert "Right" in screen_text(app)


async def test_a_short_answer_shows_its_key_points_while_the_trainee_judges(db):
    bank = ("bank: {id: law, title: T}\nquestions:\n"
            "  - {id: h1, type: short, stem: 简述。, answer: 协商一致可以解除。,"
            " keywords: [协商一致, 解除]}\n")
    app = make_app(db, bank_text=bank, settings=PracticeSettings(mode="practice"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "Key points: 协商一致、解除" in screen_text(app)


async def test_a_match_review_numbers_the_left_items(db):
    app = make_app(db, settings=PracticeSettings(mode="practice",
                                                 filter=Filter(types=("match",))))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await answer(pilot, False)
        assert isinstance(app.screen, ResultsScreen)
        assert "1. 仲裁委  2. 工会" in screen_text(app)
