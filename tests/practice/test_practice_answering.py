"""Showing questions with shuffled options and reading typed answers back to original letters."""

import random

import pytest

from quizhall.practice import AnswerInputError, present


def _ref(library, qid):
    return library.get(f"law/{qid}")


def _shuffled(library, qid):
    """A presentation whose option order differs from the bank's."""
    ref = _ref(library, qid)
    for seed in range(100):
        shown = present(ref, random.Random(seed))
        if shown.order != tuple(ref.question.options):
            return shown
    raise AssertionError("no seed shuffled the options")


def test_options_are_shuffled_but_the_recorded_answer_names_original_letters(library):
    shown = _shuffled(library, "s1")
    right = shown.shown_letter("A")  # where 劳动关系 (original A) is shown
    assert right != "A" or shown.order[0] != "A"
    answer = shown.read(right)
    assert answer.given == "A"
    assert answer.grade.correct is True
    wrong_shown = next(letter for letter, _ in shown.choices() if letter != right)
    wrong = shown.read(wrong_shown)
    assert wrong.given == shown.original_letter(wrong_shown) != "A"
    assert wrong.grade.correct is False


def test_shown_choices_follow_the_shuffle(library):
    shown = _shuffled(library, "s1")
    options = _ref(library, "s1").question.options
    assert [text for _, text in shown.choices()] == [options[x] for x in shown.order]
    assert [letter for letter, _ in shown.choices()] == ["A", "B", "C", "D"]


def test_digits_pick_the_same_option_as_letters(library):
    shown = _shuffled(library, "s1")
    assert shown.read("2").given == shown.read("B").given


def test_shuffle_false_keeps_the_bank_order(library):
    ref = _ref(library, "s3")
    for seed in range(20):
        assert present(ref, random.Random(seed)).order == ("A", "B", "C")


def test_multiple_choice_reads_shown_letters_in_any_form(library):
    shown = _shuffled(library, "m1")
    letters = "".join(shown.shown_letter(x) for x in "CAB")
    answer = shown.read(" ".join(letters.lower()))
    assert answer.given == "ABC"
    assert answer.grade.correct is True
    assert shown.read(shown.shown_letter("A")).grade.correct is False
    assert shown.answer_text() == "".join(sorted(letters))


def test_order_question_reads_letters_in_sequence(library):
    shown = _shuffled(library, "o1")
    typed = "".join(shown.shown_letter(x) for x in "ABCD")
    assert shown.read(typed).given == "ABCD"
    assert shown.read(typed).grade.correct is True
    assert shown.read(typed[::-1]).grade.correct is False
    with pytest.raises(AnswerInputError):
        shown.read(typed[:2])


def test_match_question_reads_pairs(library):
    shown = present(_ref(library, "k1"), random.Random(3))
    assert shown.lefts() == ["仲裁委", "工会"]
    assert len(shown.choices()) == 3  # two answers and a distractor
    letter = {text: letter for letter, text in shown.choices()}
    answer = shown.read(f"1{letter['裁决争议']} 2{letter['维护权益'].lower()}")
    assert answer.given == {"仲裁委": "裁决争议", "工会": "维护权益"}
    assert answer.grade.correct is True
    swapped = shown.read(f"1{letter['维护权益']} 2{letter['裁决争议']}")
    assert swapped.grade.correct is False
    with pytest.raises(AnswerInputError):
        shown.read(f"1{letter['裁决争议']}")
    with pytest.raises(AnswerInputError):
        shown.read("1Z 2A")


def test_fill_in_takes_one_text_per_blank(library):
    shown = present(_ref(library, "f1"), random.Random(1))
    assert shown.read(["平等就业", " 选择职业 "]).grade.correct is True
    assert shown.read(["平等就业", "别的"]).given == ["平等就业", "别的"]
    with pytest.raises(AnswerInputError):
        shown.read(["平等就业"])


def test_judge_numeric_and_short(library):
    judge = present(_ref(library, "j2"), random.Random(1))
    assert judge.read("B").grade.correct is True
    assert judge.read("1").given is True
    assert judge.read("错").grade.correct is True
    numeric = present(_ref(library, "n1"), random.Random(1))
    assert numeric.read("８").grade.correct is True
    with pytest.raises(AnswerInputError):
        numeric.read("eight")
    short = present(_ref(library, "h1"), random.Random(1))
    assert short.read("协商", judged=True).grade.correct is True
    assert short.read("不知道", judged=False).grade.credit == 0.0
    with pytest.raises(AnswerInputError):
        short.read("协商")


def test_unknown_letter_is_an_input_error_not_a_wrong_answer(library):
    shown = present(_ref(library, "s3"), random.Random(1))
    with pytest.raises(AnswerInputError, match="D"):
        shown.read("D")
    with pytest.raises(AnswerInputError):
        shown.read("AB")


def test_fill_answers_ignore_trailing_punctuation_and_surrounding_quotes(library):
    shown = present(_ref(library, "f1"), random.Random(1))
    for first, second in ((["平等就业。", "选择职业."]), (["“平等就业”", "「选择职业」。"]),
                          (["'平等就业'", "选择职业；"])):
        answer = shown.read([first, second])
        assert answer.grade.correct is True, (first, second)
        assert answer.given == [first, second]  # recorded as typed
    assert shown.read(["平等", "选择职业"]).grade.correct is False


def test_a_numeric_answer_accepts_its_unit(library):
    shown = present(_ref(library, "n1"), random.Random(1))
    for typed in ("8", "8小时", "8 小时", "８ 小时"):
        assert shown.read(typed).grade.correct is True, typed
    with pytest.raises(AnswerInputError):
        shown.read("8 天")


def test_a_percentage_answer_accepts_the_percent_sign(library):
    from practice_bank import make_bank

    from quizhall.practice import Library

    bank = make_bank("bank: {id: p, title: P}\nquestions:\n"
                     "  - {id: r, type: numeric, stem: 税率是多少？, answer: 13, unit: '%'}\n")
    shown = present(Library([bank]).get("p/r"), random.Random(1))
    for typed in ("13", "13%", "13 ％"):
        assert shown.read(typed).grade.correct is True, typed
