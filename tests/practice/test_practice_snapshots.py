"""Snapshots of the main screens at 80×24, in Chinese and English (frozen clock and seed)."""

import pytest
from tui_helpers import answer, make_app

from quizhall import i18n
from quizhall.bank.model import QuestionType
from quizhall.practice import ExamSpec
from quizhall.tui.practice.app import PracticeSettings

SIZE = (80, 24)
LANGUAGES = ["zh-CN", "en"]


@pytest.fixture(params=LANGUAGES)
def lang(request):
    i18n.set_language(request.param)
    return request.param


def test_start_screen(snap_compare, db, lang):
    assert snap_compare(make_app(db), terminal_size=SIZE)


def test_question_screen(snap_compare, db, lang):
    assert snap_compare(make_app(db), press=["1", "s"], terminal_size=SIZE)


def test_feedback_panel(snap_compare, db, lang):
    async def wrong_answer(pilot):
        await pilot.pause()
        await pilot.press("1", "s")
        await pilot.pause()
        await answer(pilot, False, then_next=False)

    assert snap_compare(make_app(db), run_before=wrong_answer, terminal_size=SIZE)


def test_exam_results_screen(snap_compare, db, lang):
    settings = PracticeSettings(exam=ExamSpec(quotas=((QuestionType.JUDGE, 3),)))

    async def fail_exam(pilot):
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        await answer(pilot, True)
        for _ in range(2):
            await answer(pilot, False)
        await pilot.press("f10", "y")

    assert snap_compare(make_app(db, settings=settings), run_before=fail_exam,
                        terminal_size=SIZE)


def test_paper_choice_screen(snap_compare, db, lang):
    from practice_bank import BANK

    papers = BANK.replace("questions:\n", """\
papers:
  - {id: mid, title: "期中卷 [b]markup[/b]", time_limit: 3, pass: 0.5, questions: [j1, s1]}
  - {id: all, title: 综合卷, quotas: {single: 2, judge: 2}}
questions:
""", 1)
    assert snap_compare(make_app(db, bank_text=papers), press=["2"], terminal_size=SIZE)
