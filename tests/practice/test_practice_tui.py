"""Pilot tests of the trainee's app: every mode driven through its keys."""

from practice_bank import START
from rich.cells import cell_len
from tinydb import TinyDB
from tinydb.storages import MemoryStorage
from tui_helpers import answer, make_app, screen_text

from quizhall.bank.model import QuestionType
from quizhall.practice import ExamSpec, Filter, History, ManualClock
from quizhall.practice.history import AnswerRecord
from quizhall.tui.practice.app import PracticeSettings
from quizhall.tui.practice.question import QuestionScreen
from quizhall.tui.practice.results import ResultsScreen
from quizhall.tui.practice.sheet import AnswerSheetScreen
from quizhall.tui.practice.start import LevelsScreen, PracticeSetupScreen, StartScreen
from quizhall.tui.practice.stats import StatsScreen

SIZE = (100, 40)


async def test_practice_answer_right_then_wrong(db):
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, PracticeSetupScreen)
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert screen.presented.question.id == "s1"
        await answer(pilot, True, then_next=False)
        text = screen_text(app)
        assert "Right" in text and "《劳动合同法》第七条" in text
        assert "用工之日起即建立劳动关系" in text
        await pilot.press("enter")
        await pilot.pause()
        assert screen.presented.question.id == "s2"
        await answer(pilot, False, then_next=False)
        text = screen_text(app)
        assert "Wrong" in text and "added to your notebook" in text
        assert f"Answer: {screen.presented.answer_text()}" in text
    records = History(db).answers("ann")
    assert [(r.key, r.correct) for r in records] == [("law/s1", True), ("law/s2", False)]
    assert records[0].given == "A"  # the original letter, whatever the shuffle showed


async def test_every_typed_question_kind_through_the_keys(db):
    settings = PracticeSettings(mode="practice", filter=Filter(levels=("law/L3",)))
    app = make_app(db, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        asked = []
        while isinstance(app.screen, QuestionScreen):
            asked.append(screen.presented.question.id)
            await answer(pilot, True)
        assert asked == ["j2", "j3", "f1", "o1", "k1"]
        assert isinstance(app.screen, ResultsScreen)
        assert "All right!" in screen_text(app)
    assert all(r.correct for r in History(db).answers("ann"))


async def test_unreadable_input_shows_an_error_and_records_nothing(db):
    app = make_app(db, settings=PracticeSettings(mode="practice", filter=Filter(tags=("工资",))))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # nothing chosen yet
        await pilot.pause()
        assert "choose an option first" in screen_text(app)
        assert History(db).answers("ann") == []


async def test_an_input_error_goes_once_the_answer_is_accepted(db):
    settings = PracticeSettings(mode="practice", filter=Filter(tags=("安全",)))
    app = make_app(db, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        while screen.presented.question.id != "o1":
            await answer(pilot, True)
        await pilot.press("a", "enter")  # one letter of four
        await pilot.pause()
        assert "all 4" in screen_text(app)
        await pilot.press("backspace")
        await answer(pilot, True, then_next=False)
        text = screen_text(app)
        assert "Right" in text and "all 4" not in text  # the old error is not left behind
    assert History(db).answers("ann")[-1].key == "law/o1"


async def test_short_answer_is_self_judged(db):
    app = make_app(db, settings=PracticeSettings(mode="practice", filter=Filter(tags=("合同",))))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        while app.screen.presented.question.id != "h1":
            await answer(pilot, True)
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "Reference answer: 协商一致可以解除。" in text and "Press y" in text
        await pilot.press("n")
        await pilot.pause()
        assert "Wrong" in screen_text(app)
    assert History(db).answers("ann")[-1].correct is False


async def test_finish_a_level_earn_stars_and_unlock_the_next(db):
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, LevelsScreen)
        text = screen_text(app)
        assert "第一关 劳动合同" in text and text.count("locked") == 2
        await pilot.press("enter")
        await pilot.pause()
        while isinstance(app.screen, QuestionScreen):
            await answer(pilot, True)
        assert isinstance(app.screen, ResultsScreen)
        text = screen_text(app)
        assert "★★★" in text and "level passed" in text and "unlocked: 第二关 工资" in text
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LevelsScreen)
        text = screen_text(app)
        assert "★★★" in text and text.count("locked") == 1


async def test_a_long_level_title_keeps_its_distance_from_the_details(db):
    from practice_bank import BANK

    long_title = "第四关 安全生产与职业病防治"  # 28 cells
    app = make_app(db, bank_text=BANK.replace("第三关 安全", long_title))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        line = next(x for x in screen_text(app).splitlines() if long_title in x)
        assert f"{long_title}  " in line  # not run together with "… questions"
        first = next(x for x in screen_text(app).splitlines() if "第一关 劳动合同" in x)
        def column(text: str) -> int:
            return cell_len(text[:text.index("questions")])

        assert column(line) == column(first)  # the detail columns line up


async def test_losing_all_lives_fails_the_level(db):
    app = make_app(db, settings=PracticeSettings(lives=1))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("3", "enter")
        await pilot.pause()
        assert "♥" in screen_text(app)
        await answer(pilot, False)
        assert isinstance(app.screen, ResultsScreen)
        text = screen_text(app)
        assert "level not passed" in text and "out of lives" in text
        assert "press r to try the level again" in text
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen) and screen.session.level.id == "L1"
        assert screen.session.lives_left == 1  # a fresh attempt


def _settings_with_quota(**spec):
    return PracticeSettings(exam=ExamSpec(quotas=((QuestionType.JUDGE, 3),), pass_ratio=0.6,
                                          **spec))


async def test_fail_an_exam_and_review_every_wrong_answer(db):
    app = make_app(db, settings=_settings_with_quota())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        assert "left 03:00" in screen_text(app)
        for _ in range(3):
            await answer(pilot, False)
            if isinstance(app.screen, QuestionScreen):
                assert "Wrong" not in screen_text(app)  # no feedback during an exam
        assert isinstance(app.screen, AnswerSheetScreen)  # after the last: the sheet
        await pilot.press("f10", "y")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        text = screen_text(app)
        assert "score 0/3" in text and "failed" in text and "Wrong answers (3)" in text
        for stem in ("劳动合同应当以书面形式订立。", "用人单位可以扣押劳动者身份证。",
                     "特种作业人员须持证上岗。"):
            assert stem in text


async def test_resume_an_exam_after_closing_the_app(db):
    clock = ManualClock(START)
    app = make_app(db, clock=clock, settings=_settings_with_quota(time_limit=300))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        first = app.screen.presented
        clock.advance(40)
        await answer(pilot, True)
        second = app.screen.presented
        assert second != first
        await pilot.press("ctrl+q")
    clock.advance(hours=3)

    again = make_app(db, clock=clock, settings=_settings_with_quota(time_limit=300), seed=99)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "resume the unfinished exam: 1/3 answered" in screen_text(again)
        await pilot.press("2")
        await pilot.pause()
        assert "An exam is unfinished (1/3 answered)" in screen_text(again)
        await pilot.press("r")
        await pilot.pause()
        screen = again.screen
        assert isinstance(screen, QuestionScreen)
        assert screen.presented == second  # same question, same option order
        assert "2/3" in screen_text(again) and "left 04:20" in screen_text(again)
        await answer(pilot, True)
        await answer(pilot, True)
        await pilot.press("f10", "y")
        await pilot.pause()
        text = screen_text(again)
        assert "score 3/3" in text and "passed" in text
    assert History(db).running_exam("ann") is None


async def test_the_start_screen_states_a_short_exam_limit_in_seconds(db):
    app = make_app(db, settings=_settings_with_quota(time_limit=90))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "3 questions · 1 min 30 s · pass at" in screen_text(app)
    app = make_app(db, settings=_settings_with_quota(time_limit=12))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "3 questions · 0 min 12 s · pass at" in screen_text(app)  # not "0 min"


async def test_the_exam_ends_when_time_is_up(db):
    clock = ManualClock(START)
    app = make_app(db, clock=clock, settings=_settings_with_quota(time_limit=60))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        await answer(pilot, True)
        clock.advance(61)
        app.screen.tick()
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        text = screen_text(app)
        assert "score 1/3" in text and "failed" in text and "no answer" in text


async def test_review_mode_asks_the_due_notebook_questions(db):
    clock = ManualClock(START)
    app = make_app(db, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)  # nothing due: a notice, no session
        await pilot.press("1", "s")
        await pilot.pause()
        await answer(pilot, False)  # s1
        await answer(pilot, False)  # s2
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")  # leave the results
        clock.advance(hours=1)
        await pilot.pause()
        app.screen.refresh_modes()
        assert "2 due now" in screen_text(app)
        await pilot.press("4")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen) and screen.session.mode == "review"
        assert screen.presented.question.id == "s1"
        await answer(pilot, True, then_next=False)
        assert "notebook: rescheduled" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.presented.question.id == "s2"
        await answer(pilot, False)
        # Relearning: the question answered wrong comes back in the same session.
        assert isinstance(app.screen, QuestionScreen)
        assert screen.presented.question.id == "s2"
        assert "3/3" in screen_text(app)
        await answer(pilot, True)
        assert isinstance(app.screen, ResultsScreen)
        text = screen_text(app)
        assert "Review summary" in text and "Wrong answers (1)" in text
    assert [r.mode for r in History(db).answers("ann")][-3:] == ["review"] * 3


async def test_stats_screen_shows_chart_and_tables(db):
    history = History(db)
    for day, correct in ((0, True), (1, False), (1, True)):
        history.add_answer(AnswerRecord(
            user="ann", key="law/s1", bank="law", question="s1", mode="practice", given="A",
            correct=correct, credit=float(correct), seconds=3.0,
            at=f"2025-03-0{2 + day}T08:00:00.000+00:00", tags=("合同",), levels=("law/L1",)))
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("5")
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
        text = screen_text(app)
        assert "3 answered · 67% right · 2-day streak" in text
        assert "█" in text and "02  03" in text
        assert "合同" in text and "第一关 劳动合同" in text


async def test_stats_tables_stack_on_a_narrow_terminal(db):
    History(db).add_answer(AnswerRecord(
        user="ann", key="law/s1", bank="law", question="s1", mode="practice", given="A",
        correct=True, credit=1.0, seconds=3.0, at="2025-03-02T08:00:00.000+00:00",
        tags=("合同",), levels=("law/L1",)))
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("5")
        await pilot.pause()
        levels = app.screen.query_one("#stats-levels")
        tags = app.screen.query_one("#stats-tags")
        assert levels.region.y > tags.region.y  # below the tags, not beside them
        assert levels.region.right <= 80  # the stars column is on screen
        await pilot.resize_terminal(160, 40)
        await pilot.pause()
        assert levels.region.y == tags.region.y and levels.region.x > tags.region.right - 1


async def test_results_wrap_a_long_chinese_stem_beside_its_number(db):
    stem = ("被申请人收到仲裁申请书副本后，应当在（）内向劳动争议仲裁委员会提交答辩书，"
            "逾期不影响仲裁。")
    bank = ("bank: {id: law, title: 劳动法练习}\nquestions:\n"
            f"  - {{id: q, type: judge, stem: {stem}, answer: 对}}\n")
    app = make_app(db, bank_text=bank, settings=PracticeSettings(mode="practice"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await answer(pilot, False)
        assert isinstance(app.screen, ResultsScreen)
        lines = screen_text(app).splitlines()
        first = next(line for line in lines if "1." in line)
        assert "1. 被申请人收到" in first  # the stem starts beside its number
        assert "".join("".join(lines).split()).count("".join(stem.split())) == 1


async def test_help_opens_and_closes():
    app = make_app(TinyDB(storage=MemoryStorage))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert "1B 2A" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)


LITERAL_BANK = """\
bank: {id: lit, title: Literal}
questions:
  - {id: x1, type: judge, stem: "[bold]x[/bold] and \\x1b[31mred", answer: true,
     explanation: "[link=http://e.x]click[/link]"}
"""


async def test_a_stem_with_markup_and_escape_codes_shows_literally(db):
    app = make_app(db, bank_text=LITERAL_BANK, settings=PracticeSettings(mode="practice"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "[bold]x[/bold] and ␛[31mred" in text
        assert "\x1b" not in text
        await answer(pilot, True, then_next=False)
        assert "[link=http://e.x]click[/link]" in screen_text(app)


async def test_an_exam_on_other_banks_does_not_block_a_new_one(db):
    other = ("bank: {id: other, title: Other}\nquestions:\n"
             "  - {id: y1, type: judge, stem: Sky is blue., answer: true}\n")
    first = make_app(db, bank_text=other, settings=PracticeSettings(
        exam=ExamSpec(count=1)))
    async with first.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("escape")  # leave it unfinished
        await pilot.pause()
    second = make_app(db, settings=_settings_with_quota())
    async with second.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "resume" not in screen_text(second)
        await pilot.press("2")
        await pilot.pause()
        assert second.screen.presented.question.id.startswith("j")
    assert len(History(db).running_exams("ann")) == 2
