"""Pilot tests of the mock exam: the answer sheet, hand-in, time-out, resume or abandon."""

from practice_bank import BANK, START
from tui_helpers import answer, make_app, screen_text

from quizhall.bank.model import QuestionType
from quizhall.practice import ExamSpec, History, ManualClock
from quizhall.practice.notebook import Notebook
from quizhall.tui.practice.app import PracticeSettings
from quizhall.tui.practice.question import QuestionScreen
from quizhall.tui.practice.results import ResultsScreen
from quizhall.tui.practice.sheet import AnswerSheetScreen, HandInScreen
from quizhall.tui.practice.start import StartScreen

SIZE = (100, 40)


def _judges(**spec):
    return PracticeSettings(mode="exam", exam=ExamSpec(quotas=((QuestionType.JUDGE, 3),),
                                                       **spec))


async def test_the_answer_sheet_shows_answered_flagged_and_empty_and_jumps(db):
    app = make_app(db, settings=_judges())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        await answer(pilot, False)  # 1: answered
        await pilot.press("f3", "f6")  # 2: flagged and skipped
        await pilot.pause()
        assert screen.session.position == 3
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, AnswerSheetScreen)
        text = screen_text(app)
        assert "1 answered" in text and "2 empty" in text and "1 flagged" in text
        await pilot.press("left", "left", "enter")  # back to question 1
        await pilot.pause()
        assert app.screen is screen and screen.session.position == 1
        assert screen.selected  # the answer on the sheet is shown, to change
        await answer(pilot, True)  # changed: now right
        assert screen.session.position == 2 and "⚑ flagged" in screen_text(app)
    # Nothing is recorded before hand-in.
    assert History(db).answers("ann") == []


async def test_hand_in_asks_first_and_names_the_unanswered(db):
    app = make_app(db, settings=_judges())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        await answer(pilot, False)
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, HandInScreen)
        assert "2 questions are unanswered" in screen_text(app)
        await pilot.press("n")  # keep going
        await pilot.pause()
        assert app.screen is screen and not screen.session.finished
        await pilot.press("f10", "y")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert "score 0/3" in screen_text(app)
    assert len(History(db).answers("ann")) == 1
    assert len(Notebook(History(db), "ann")) == 1  # the wrong one, after hand-in


async def test_the_last_answer_opens_the_sheet_instead_of_handing_in(db):
    app = make_app(db, settings=_judges())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(3):
            await answer(pilot, True)
        assert isinstance(app.screen, AnswerSheetScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen) and not app.screen.session.finished
        await pilot.press("f10")
        await pilot.pause()
        assert "Every question is answered" in screen_text(app)


async def test_time_out_hands_in_by_itself(db):
    clock = ManualClock(START)
    app = make_app(db, clock=clock, settings=_judges(time_limit=60))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await answer(pilot, True)
        clock.advance(61)
        app.screen.tick()
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
    [saved] = History(db).exams("ann")
    assert saved["status"] == "finished" and len(History(db).answers("ann")) == 1


async def test_an_unfinished_exam_is_resumed_or_abandoned_as_the_trainee_says(db):
    app = make_app(db, settings=_judges())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await answer(pilot, False)
        await pilot.press("escape")  # leave: kept to resume
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
    new = make_app(db, settings=PracticeSettings(exam=ExamSpec(count=5, time_limit=300)))
    async with new.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        text = screen_text(new)
        # The options asked for now are named, not silently dropped.
        assert "An exam is unfinished (1/3 answered)" in text
        assert "A new one: 5 questions · 5 min" in text
        await pilot.press("a")
        await pilot.pause()
        screen = new.screen
        assert isinstance(screen, QuestionScreen) and screen.session.total == 5
    statuses = sorted(e["status"] for e in History(db).exams("ann"))
    assert statuses == ["abandoned", "running"]
    assert History(db).answers("ann") == []  # an abandoned exam is not a failure


async def test_answers_on_the_sheet_come_back_when_a_question_is_reopened(db):
    settings = PracticeSettings(mode="exam", exam=ExamSpec(
        quotas=((QuestionType.NUMERIC, 1), (QuestionType.SINGLE, 1))))
    app = make_app(db, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        single = screen.presented
        assert single.question.type is QuestionType.SINGLE  # exams go single, …, numeric
        await answer(pilot, True)
        await answer(pilot, True)  # the numeric one: the sheet opens
        await pilot.press("escape", "f5")
        await pilot.pause()
        assert screen.presented == single
        assert screen.selected == [single.shown_letter(single.question.answer)]
        await pilot.press("f6")
        await pilot.pause()
        assert screen.query(".answer-box").first().value == "8"


async def test_the_stats_screen_lists_the_exam_history(db):
    app = make_app(db, settings=_judges())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(3):
            await answer(pilot, True)
        await pilot.press("f10", "y", "enter")
        await pilot.pause()
        await pilot.press("5")
        await pilot.pause()
        text = screen_text(app)
        assert "Exam history" in text and "3/3 (100%)" in text and "passed" in text
        assert "seen 3 of 14 questions" in text


async def test_a_fixed_paper_is_named_on_the_start_screen_and_the_results(db):
    from quizhall.bank.papers import parse_paper

    paper, _ = parse_paper("paper: {id: p, title: 期中卷, time_limit: 2}\nquestions: [j1, s1]\n",
                           "p.yaml")
    app = make_app(db, settings=PracticeSettings(paper=paper))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "“期中卷”: 2 questions · 2 min" in screen_text(app)
        await pilot.press("2")
        await pilot.pause()
        assert [p.question.id for p in app.screen.session.items] == ["j1", "s1"]
        await pilot.press("f10", "y")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen) and "期中卷" in screen_text(app)


PAPER_BANK = BANK.replace("questions:\n", """\
papers:
  - {id: mid, title: 期中卷, time_limit: 3, pass: 0.5, questions: [j1, s1], quotas: {judge: 1}}
questions:
""", 1)


async def test_a_bank_paper_is_chosen_by_title_on_the_start_screen_and_handed_in(db):
    from quizhall.tui.practice.start import PaperChoiceScreen

    app = make_app(db, bank_text=PAPER_BANK)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "; papers: 1" in screen_text(app)  # the start screen says there are papers
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, PaperChoiceScreen)
        text = screen_text(app)
        assert "drawn exam" in text and "期中卷" in text and "3 questions · 3 min" in text
        await pilot.press("down", "enter")
        await pilot.pause()
        session = app.screen.session
        assert [p.question.id for p in session.items][:2] == ["j1", "s1"]
        assert len(session.items) == 3 and session.time_limit == 180.0
        await pilot.press("f10", "y")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen) and "期中卷" in screen_text(app)
    [saved] = History(db).exams("ann")
    assert (saved["paper"], saved["title"], saved["status"]) == ("law/mid", "期中卷", "finished")
    # The history and its exports name the paper by its title.
    from quizhall.exporters.practice_tables import exams_table
    from quizhall.report.practice import practice_report

    report = practice_report(History(db), "ann", START)
    assert [exam.title for exam in report.exams] == ["期中卷"]
    assert exams_table(report).rows[0][0] == "期中卷"


async def test_the_drawn_exam_is_still_offered_beside_the_papers(db):
    app = make_app(db, bank_text=PAPER_BANK, settings=_judges())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # --mode exam: the choice opens first
        await pilot.press("enter")
        await pilot.pause()
        assert {p.question.type for p in app.screen.session.items} == {QuestionType.JUDGE}


async def test_abandoning_an_unfinished_exam_offers_the_papers_for_the_new_one(db):
    from quizhall.tui.practice.start import PaperChoiceScreen

    app = make_app(db, settings=_judges())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # leave the drawn exam unfinished
        await pilot.pause()
    new = make_app(db, bank_text=PAPER_BANK)
    async with new.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("2", "a")
        await pilot.pause()
        assert isinstance(new.screen, PaperChoiceScreen)
        await pilot.press("escape")  # back without starting one
        await pilot.pause()
        assert isinstance(new.screen, StartScreen)
    assert [e["status"] for e in History(db).exams("ann")] == ["abandoned"]
