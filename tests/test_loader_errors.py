"""The loader's errors, one by one: where each is reported, what it says, what it suggests."""

import os
import textwrap

import pytest

from quizhall.bank.loader import parse_bank
from quizhall.diagnostics import Diagnostic

HEAD = "bank: {id: b, title: T}\nquestions:\n"


def parse(text: str) -> tuple[object, list[Diagnostic]]:
    return parse_bank(textwrap.dedent(text), "bank.yaml")


def parse_questions(body: str) -> tuple[object, list[Diagnostic]]:
    """A bank whose questions are ``body``, items starting on line 3, column 3."""
    return parse_bank(HEAD + textwrap.indent(textwrap.dedent(body), "  "), "bank.yaml")


def only(diagnostics: list[Diagnostic]) -> Diagnostic:
    assert len(diagnostics) == 1, [d.format() for d in diagnostics]
    return diagnostics[0]


def test_a_valid_bank_has_no_diagnostics():
    bank, diagnostics = parse_questions("""\
      - id: q1
        type: single
        stem: 选哪个？
        options: {A: a, B: b}
        answer: A
    """)
    assert diagnostics == []
    assert bank is not None and bank.questions[0].line == 3


def test_unknown_type_suggests_the_nearest():
    bank, diagnostics = parse_questions("""\
      - id: q1
        type: singel
        stem: x
        options: {A: a, B: b}
        answer: A
    """)
    d = only(diagnostics)
    assert bank is None
    assert (d.path, d.line, d.column, d.severity) == ("bank.yaml", 4, 11, "error")
    assert "singel" in d.message
    assert d.hint == "did you mean single?"


def test_unknown_type_without_a_near_name_lists_the_types():
    _, diagnostics = parse_questions("""\
      - id: q1
        type: essay
        stem: x
        answer: y
    """)
    d = only(diagnostics)
    assert (d.line, d.column) == (4, 11)
    assert "single" in d.hint and "match" in d.hint


def test_chinese_type_names_are_accepted():
    bank, diagnostics = parse_questions("""\
      - id: q1
        type: 判断题
        stem: x
        answer: 对
    """)
    assert diagnostics == []
    assert bank.questions[0].type == "judge"


def test_duplicate_id_names_the_first_line():
    _, diagnostics = parse_questions("""\
      - id: q1
        type: judge
        stem: x
        answer: 对
      - id: q2
        type: judge
        stem: y
        answer: 错
      - id: q1
        type: judge
        stem: z
        answer: 错
    """)
    d = only(diagnostics)
    assert (d.line, d.column) == (11, 5)
    assert "q1" in d.message and "line 3" in d.message


def test_duplicate_id_is_found_even_when_the_first_question_has_errors():
    _, diagnostics = parse_questions("""\
      - id: q1
        type: judge
        stem: ""
        answer: 对
      - id: q1
        type: judge
        stem: z
        answer: 错
    """)
    assert [(d.line, d.column) for d in diagnostics] == [(5, 11), (7, 5)]
    assert "line 3" in diagnostics[1].message


def test_answer_not_among_the_options():
    _, diagnostics = parse_questions("""\
      - id: q1
        type: single
        stem: x
        options: {A: a, B: b, C: c, D: d}
        answer: E
    """)
    d = only(diagnostics)
    assert (d.line, d.column) == (7, 13)
    assert d.message == "answer E is not among the options ABCD"


def test_multiple_answer_letter_not_among_the_options():
    _, diagnostics = parse_questions("""\
      - id: q1
        type: multiple
        stem: x
        options: [a, b, c]
        answer: [A, D]
    """)
    d = only(diagnostics)
    assert (d.line, d.column) == (7, 13)
    assert d.message == "answer D is not among the options ABC"


def test_single_with_two_letters_suggests_multiple():
    _, diagnostics = parse_questions("""\
      - id: q1
        type: single
        stem: x
        options: {A: a, B: b}
        answer: AB
    """)
    d = only(diagnostics)
    assert (d.line, d.column) == (7, 13)
    assert "multiple" in d.hint


def test_blank_count_differs_from_answer_count():
    _, diagnostics = parse_questions("""\
      - id: q1
        type: fill
        stem: 应在____日内订立____合同。
        answer: [三十]
    """)
    d = only(diagnostics)
    assert (d.line, d.column) == (6, 13)
    assert d.message == "the stem has 2 blanks but the answer has 1 entries"
    assert "____" in d.hint


def test_fill_with_brackets_counts_blanks():
    bank, diagnostics = parse_questions("""\
      - id: q1
        type: fill
        stem: 应在（ ）日内订立( )合同。
        answer: [[三十, 30], 书面]
    """)
    assert diagnostics == []
    assert bank.questions[0].answer == (("三十", "30"), ("书面",))


@pytest.mark.parametrize("stem", ['""', "'   '", ""])
def test_empty_stem(stem):
    _, diagnostics = parse_questions(f"""\
      - id: q1
        type: judge
        stem: {stem}
        answer: 对
    """)
    d = only(diagnostics)
    assert d.line == 5 and d.column == (11 if stem else 10)
    assert d.message == "stem cannot be empty"


def test_missing_required_key_points_at_the_question():
    _, diagnostics = parse_questions("""\
      - id: q1
        type: judge
        answer: 对
    """)
    d = only(diagnostics)
    assert (d.line, d.column) == (3, 5)
    assert d.message == "missing required key stem"


def test_unknown_key_with_hint():
    _, diagnostics = parse_questions("""\
      - id: q1
        type: judge
        stem: x
        answer: 对
        explaination: 因为
    """)
    d = only(diagnostics)
    assert (d.line, d.column) == (7, 5)
    assert d.message == "unknown key explaination"
    assert d.hint == "did you mean explanation?"


def test_key_of_another_type_is_unknown():
    _, diagnostics = parse_questions("""\
      - id: q1
        type: judge
        stem: x
        answer: 对
        options: {A: a, B: b}
    """)
    d = only(diagnostics)
    assert (d.line, d.column) == (7, 5)
    assert d.message == "unknown key options"


def test_option_letters_out_of_order():
    _, diagnostics = parse_questions("""\
      - id: q1
        type: single
        stem: x
        options: {A: a, C: c}
        answer: A
    """)
    d = only(diagnostics)
    assert (d.line, d.column) == (6, 21)
    assert "C" in d.message and "expected B" in d.message


def test_option_letter_beyond_h():
    options = ", ".join(f"{c}: x{c}" for c in "ABCDEFGHI")
    _, diagnostics = parse_questions(f"""\
      - id: q1
        type: single
        stem: x
        options: {{{options}}}
        answer: A
    """)
    d = only(diagnostics)
    assert d.line == 6
    assert "I" in d.message


def test_too_few_options():
    _, diagnostics = parse_questions("""\
      - id: q1
        type: single
        stem: x
        options: [only]
        answer: A
    """)
    d = only(diagnostics)
    assert (d.line, d.column) == (6, 14)
    assert d.message == "there should be 2 to 8 options, not 1"


def test_judge_answer_must_be_true_or_false():
    _, diagnostics = parse_questions("""\
      - id: q1
        type: judge
        stem: x
        answer: 也许
    """)
    d = only(diagnostics)
    assert (d.line, d.column) == (6, 13)
    assert "对/错" in d.hint


def test_difficulty_out_of_range():
    _, diagnostics = parse_questions("""\
      - id: q1
        type: judge
        stem: x
        answer: 对
        difficulty: 6
    """)
    d = only(diagnostics)
    assert (d.line, d.column) == (7, 17)
    assert d.message == "difficulty should be between 1 and 5, not 6"


def test_numeric_range_reversed_and_tolerance_negative():
    _, diagnostics = parse_questions("""\
      - id: q1
        type: numeric
        stem: x
        answer: {min: 5, max: 1}
      - id: q2
        type: numeric
        stem: y
        answer: 3
        tolerance: -1
    """)
    assert [(d.line, d.column) for d in diagnostics] == [(6, 13), (11, 16)]


def test_negative_tolerance_does_not_hide_a_bad_answer():
    _, diagnostics = parse_questions("""\
      - id: q1
        type: numeric
        stem: x
        answer: abc
        tolerance: -1
    """)
    assert [(d.line, d.column, d.message) for d in diagnostics] == [
        (6, 13, "answer should be a number"), (7, 16, "tolerance cannot be negative")]


def test_levels_referring_to_unknown_tags_and_ids():
    _, diagnostics = parse("""\
    bank: {id: b, title: T}
    levels:
      - id: L1
        title: 第一关
        tags: [劳动法, 工伤保险]
        questions: [q1, q9]
    questions:
      - id: q1
        type: judge
        stem: x
        answer: 对
        tags: [劳动法, 工伤]
    """)
    assert [(d.line, d.column) for d in diagnostics] == [(5, 17), (6, 21)]
    assert diagnostics[0].message == "no question has the tag 工伤保险"
    assert diagnostics[1].message == "there is no question with id q9"


def test_level_without_a_pool_and_duplicate_level():
    _, diagnostics = parse("""\
    bank: {id: b, title: T}
    levels:
      - id: L1
        title: 第一关
      - id: L2
        title: 第二关
        questions: q1
      - id: L2
        title: 又一关
        questions: [q1]
    questions:
      - id: q1
        type: judge
        stem: x
        answer: 对
    """)
    assert [(d.line, d.column) for d in diagnostics] == [(3, 5), (8, 5)]
    assert "line 5" in diagnostics[1].message


def test_python_tags_are_refused_and_never_run(tmp_path):
    marker = tmp_path / "ran"
    _, diagnostics = parse_questions(f"""\
      - id: !!python/object/apply:os.system ["touch {marker}"]
        type: judge
        stem: x
        answer: 对
    """)
    d = only(diagnostics)
    assert (d.line, d.column) == (3, 9)
    assert "!!python/object/apply:os.system" in d.message
    assert not marker.exists()


def test_python_tag_on_the_top_level_is_refused(tmp_path):
    marker = tmp_path / "ran"
    _, diagnostics = parse(f'!!python/object/apply:os.system ["touch {marker}"]\n')
    assert [(d.line, d.column) for d in diagnostics] == [(1, 1)]
    assert not marker.exists()
    assert not os.path.exists(marker)


def test_yaml_tab_indentation():
    _, diagnostics = parse("bank:\n\tid: b\n")
    d = only(diagnostics)
    assert (d.line, d.column) == (2, 1)
    assert d.message.startswith("YAML syntax error")
    assert d.hint == "YAML does not allow tabs for indentation: use spaces"


def test_yaml_tab_after_a_value():
    _, diagnostics = parse("bank:\n  id: b\n\ttitle: T\n")
    d = only(diagnostics)
    assert d.line == 3
    assert "tabs" in d.hint


def test_yaml_bad_indentation_of_a_key():
    _, diagnostics = parse("bank:\n  id: b\n   title: T\nquestions: []\n")
    d = only(diagnostics)
    assert (d.line, d.column) == (3, 9)
    assert d.hint == "check that this line and the one above are indented alike"


def test_yaml_bad_indentation_inside_a_question():
    _, diagnostics = parse_questions("""\
      - id: q1
        type: judge
       stem: x
    """)
    d = only(diagnostics)
    assert (d.line, d.column) == (5, 4)
    assert "indented" in d.hint


def test_yaml_unclosed_quote_points_at_the_opening_quote():
    _, diagnostics = parse_questions("""\
      - id: q1
        type: judge
        stem: "未闭合的引号
        answer: 对
    """)
    d = only(diagnostics)
    assert (d.line, d.column) == (5, 11)
    assert d.message == "YAML syntax error: the quote that opens here is never closed"
    assert d.hint == "check that every quote is closed"


def test_yaml_unclosed_bracket():
    _, diagnostics = parse_questions("""\
      - id: q1
        type: judge
        stem: x
        tags: [a, b
        answer: 对
    """)
    d = only(diagnostics)
    assert (d.line, d.column) == (7, 11)
    assert "bracket" in d.hint


def test_yaml_bad_escape_in_double_quotes():
    _, diagnostics = parse_questions('  - {id: q1, type: judge, stem: "C:\\qdir", answer: 对}\n')
    d = only(diagnostics)
    assert (d.line, d.column) == (3, 36)
    assert "single quotes" in d.hint


def test_several_documents_are_refused():
    _, diagnostics = parse("bank: {id: b, title: T}\n---\nquestions: []\n")
    d = only(diagnostics)
    assert d.line == 2
    assert "---" in d.message


def test_all_errors_in_a_file_are_reported_at_once():
    bank, diagnostics = parse("""\
    bank: {id: b, title: T, langauge: en}
    questions:
      - id: q1
        type: singel
        stem: x
        options: {A: a, B: b}
        answer: A
      - id: q2
        type: single
        stem: x
        options: {A: a, B: b, C: c, D: d}
        answer: E
      - id: q3
        type: judge
        stem: ""
        answer: 对
      - id: q2
        type: fill
        stem: ____ 和 ____
        answer: 一
      - id: q5
        type: judge
        stem: y
        answer: 错
        sorce: 《劳动法》
    """)
    assert bank is None
    assert [(d.line, d.column) for d in diagnostics] == \
        [(1, 25), (4, 11), (12, 13), (15, 11), (17, 5), (20, 13), (25, 5)]
    assert diagnostics[0].hint == "did you mean language?"
    assert diagnostics[-1].hint == "did you mean source?"
    assert all(d.severity == "error" for d in diagnostics)


def test_five_different_errors_give_five_diagnostics():
    _, diagnostics = parse_questions("""\
      - {id: a, type: singel, stem: x, options: [p, q], answer: A}
      - {id: b, type: single, stem: x, options: [p, q], answer: E}
      - {id: c, type: judge, stem: "", answer: 对}
      - {id: a, type: judge, stem: x, answer: 对}
      - {id: e, type: judge, stem: x, answer: 对, colour: red}
    """)
    assert len(diagnostics) == 5
    assert [d.line for d in diagnostics] == [3, 4, 5, 6, 7]
    assert len({d.message.split()[0] for d in diagnostics}) >= 4


def test_a_contest_file_given_as_a_bank_is_named_as_such():
    bank, diagnostics = parse("""\
    title: 竞赛
    banks: [labour-law.zh.yaml]
    teams: [{name: A}, {name: B}]
    rounds: [{type: buzz}]
    """)
    assert bank is None
    assert [(d.line, d.column, d.message) for d in diagnostics] == [
        (1, 1, "this is a contest file (it has rounds:), not a question bank")]
