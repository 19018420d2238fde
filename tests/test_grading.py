"""Grading, type by type: what each kind of question accepts and how much credit it gives."""

import pytest

from quizhall.bank.model import (
    NEEDS_JUDGE,
    Grade,
    NumericAnswer,
    Question,
    QuestionType,
    grade,
    normalize_text,
    parse_judge,
)

OPTIONS = {"A": "甲", "B": "乙", "C": "丙", "D": "丁"}


def q(qtype: QuestionType, answer, **extra) -> Question:
    if qtype in (QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.ORDER):
        extra.setdefault("options", OPTIONS)
    return Question(id="q", type=qtype, stem="题干", answer=answer, **extra)


# -- single -------------------------------------------------------------------------------

@pytest.mark.parametrize("response", ["B", "b", " B ", "Ｂ"])
def test_single_accepts_the_letter_in_any_case_or_width(response):
    assert grade(q(QuestionType.SINGLE, "B"), response) == Grade(True, 1.0)


@pytest.mark.parametrize("response", ["A", "AB", "", ["B"], 2, None])
def test_single_rejects_other_letters_and_shapes(response):
    assert grade(q(QuestionType.SINGLE, "B"), response) == Grade(False, 0.0)


# -- multiple -----------------------------------------------------------------------------

@pytest.mark.parametrize("response", ["ABD", "DBA", "A,B,D", "a b d", "A、B、D", ["A", "B", "D"]])
def test_multiple_all_right_in_any_form(response):
    assert grade(q(QuestionType.MULTIPLE, ("A", "B", "D")), response) == Grade(True, 1.0)


def test_multiple_is_all_or_nothing_by_default():
    question = q(QuestionType.MULTIPLE, ("A", "B", "D"))
    assert grade(question, "AB") == Grade(False, 0.0)


def test_multiple_fixed_partial_credit_for_a_right_subset():
    question = q(QuestionType.MULTIPLE, ("A", "B", "D"), partial=0.5)
    assert grade(question, "AB") == Grade(False, 0.5)
    assert grade(question, "D") == Grade(False, 0.5)


def test_multiple_partial_never_rewards_a_wrong_pick_or_nothing():
    question = q(QuestionType.MULTIPLE, ("A", "B", "D"), partial=0.5)
    assert grade(question, "AC") == Grade(False, 0.0)
    assert grade(question, "ABCD") == Grade(False, 0.0)
    assert grade(question, "") == Grade(False, 0.0)


def test_multiple_proportional_partial_credit():
    question = q(QuestionType.MULTIPLE, ("A", "B", "C", "D"), partial="proportional")
    assert grade(question, "AB") == Grade(False, 0.5)
    assert grade(question, "ABC") == Grade(False, 0.75)
    assert grade(question, "ABCD") == Grade(True, 1.0)


def test_multiple_unreadable_response_earns_nothing():
    assert grade(q(QuestionType.MULTIPLE, ("A", "B")), 12) == Grade(False, 0.0)


# -- judge --------------------------------------------------------------------------------

TRUE_SPELLINGS = [True, "true", "True", "TRUE", "T", "t", "对", "正确", "√", "✓", "yes", "是"]
FALSE_SPELLINGS = [False, "false", "False", "F", "f", "错", "错误", "×", "✗", "no", "否"]


@pytest.mark.parametrize("response", TRUE_SPELLINGS)
def test_judge_true_spellings(response):
    assert parse_judge(response) is True
    assert grade(q(QuestionType.JUDGE, True), response).correct is True
    assert grade(q(QuestionType.JUDGE, False), response).correct is False


@pytest.mark.parametrize("response", FALSE_SPELLINGS)
def test_judge_false_spellings(response):
    assert parse_judge(response) is False
    assert grade(q(QuestionType.JUDGE, False), response).correct is True
    assert grade(q(QuestionType.JUDGE, True), response).correct is False


@pytest.mark.parametrize("response", ["maybe", "", "对错"])
def test_judge_neither_true_nor_false_is_wrong_both_ways(response):
    assert parse_judge(response) is None
    assert grade(q(QuestionType.JUDGE, True), response).correct is False
    assert grade(q(QuestionType.JUDGE, False), response).correct is False


# -- fill ---------------------------------------------------------------------------------

def test_fill_ignores_full_width_case_and_spaces():
    question = q(QuestionType.FILL, (("ILO 30日",),))
    assert grade(question, "ｉｌｏ　３０日").correct is True
    assert grade(question, "  ilo   30日 ").correct is True
    assert grade(question, "ilo 31日").correct is False


def test_fill_strict_compares_exactly_but_for_surrounding_spaces():
    question = q(QuestionType.FILL, (("ILO",),), strict=True)
    assert grade(question, " ILO ").correct is True
    assert grade(question, "ilo").correct is False
    assert grade(question, "ＩＬＯ").correct is False


def test_fill_two_blanks_with_alternatives():
    question = q(QuestionType.FILL, (("三十日", "30日"), ("书面",)))
    assert grade(question, ["30日", "书面"]).correct is True
    assert grade(question, ("三十日", "书面")).correct is True
    assert grade(question, ["30日", "口头"]).correct is False
    assert grade(question, ["书面", "30日"]).correct is False


def test_fill_wrong_number_of_answers_is_wrong():
    question = q(QuestionType.FILL, (("三十日",), ("书面",)))
    assert grade(question, ["三十日"]).correct is False
    assert grade(question, "三十日").correct is False
    assert grade(question, 30).correct is False


def test_fill_blank_count():
    assert q(QuestionType.FILL, (("a",), ("b",))).blanks == 2
    assert q(QuestionType.JUDGE, True).blanks == 0


# -- short --------------------------------------------------------------------------------

@pytest.mark.parametrize("response", ["参考答案原文", "别的", "", None])
def test_short_always_needs_a_judge(response):
    assert grade(q(QuestionType.SHORT, "参考答案原文"), response) == NEEDS_JUDGE
    assert NEEDS_JUDGE.correct is None


# -- order --------------------------------------------------------------------------------

@pytest.mark.parametrize("response", ["CABD", "c a b d", "C,A,B,D", ["C", "A", "B", "D"]])
def test_order_right_sequence(response):
    assert grade(q(QuestionType.ORDER, ("C", "A", "B", "D")), response).correct is True


@pytest.mark.parametrize("response", ["ABCD", "CAB", "CABDD", 7])
def test_order_any_other_sequence_is_wrong(response):
    assert grade(q(QuestionType.ORDER, ("C", "A", "B", "D")), response).correct is False


# -- numeric ------------------------------------------------------------------------------

def test_numeric_tolerance_includes_both_ends():
    question = q(QuestionType.NUMERIC, NumericAnswer.around(42, 0.5))
    for response in (41.5, 42, "42.5", "４２"):
        assert grade(question, response).correct is True, response
    for response in (41.4, 42.6, "about 42", True):
        assert grade(question, response).correct is False, response


def test_numeric_exact_value_without_tolerance():
    question = q(QuestionType.NUMERIC, NumericAnswer.around(0.3))
    assert grade(question, 0.1 + 0.2).correct is True
    assert grade(question, 0.31).correct is False


def test_numeric_range():
    question = q(QuestionType.NUMERIC, NumericAnswer(40, 44))
    assert [grade(question, x).correct for x in (39.9, 40, 42, 44, 44.1)] == \
        [False, True, True, True, False]


def test_numeric_reads_thousands_separators():
    question = q(QuestionType.NUMERIC, NumericAnswer.around(12000))
    assert grade(question, "12,000").correct is True


# -- match --------------------------------------------------------------------------------

def test_match_all_pairs_right():
    question = q(QuestionType.MATCH, (("劳动法", "1995"), ("劳动合同法", "2008")))
    assert grade(question, {"劳动合同法": "2008", "劳动法": "1995"}).correct is True
    assert grade(question, {"劳动合同法": 2008, "劳动法": "１９９５"}).correct is True


def test_match_a_swapped_or_missing_pair_is_wrong():
    question = q(QuestionType.MATCH, (("劳动法", "1995"), ("劳动合同法", "2008")))
    assert grade(question, {"劳动法": "2008", "劳动合同法": "1995"}).correct is False
    assert grade(question, {"劳动法": "1995"}).correct is False
    assert grade(question, [("劳动法", "1995")]).correct is False


# -- shared -------------------------------------------------------------------------------

@pytest.mark.parametrize("qtype", [t for t in QuestionType if t is not QuestionType.SHORT])
def test_no_response_earns_nothing(qtype):
    answers = {
        QuestionType.SINGLE: "A", QuestionType.MULTIPLE: ("A",), QuestionType.JUDGE: True,
        QuestionType.FILL: (("x",),), QuestionType.ORDER: ("A", "B", "C", "D"),
        QuestionType.NUMERIC: NumericAnswer.around(1), QuestionType.MATCH: (("a", "b"),),
    }
    assert grade(q(qtype, answers[qtype]), None) == Grade(False, 0.0)


def test_normalize_text_folds_width_case_and_spaces():
    assert normalize_text("  ＡＢＣ　 def ") == "abc def"


def test_answer_text_for_people():
    assert q(QuestionType.SINGLE, "B").answer_text() == "B. 乙"
    assert q(QuestionType.JUDGE, False).answer_text() == "×"
    assert q(QuestionType.FILL, (("三十日", "30日"), ("书面",))).answer_text() == \
        "三十日 / 30日；书面"
    assert q(QuestionType.NUMERIC, NumericAnswer.around(42, 0.5), unit="日").answer_text() == \
        "42 ± 0.5 日"
    assert q(QuestionType.NUMERIC, NumericAnswer(40, 44)).answer_text() == "40 – 44"
    assert q(QuestionType.MATCH, (("a", "1"),)).answer_text() == "a → 1"
