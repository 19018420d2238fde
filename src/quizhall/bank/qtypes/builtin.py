"""The built-in question types: single, multiple, judge, fill, short, order, numeric, match.

Each class is the one place its type's YAML answer is checked, a response graded, the answer
written back and cached, and its drawing described. Importing this module registers them.
"""

from __future__ import annotations

import math
from typing import cast

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from quizhall.bank.cache import is_finite, is_texts
from quizhall.bank.dump import Flow, FlowMap, yaml_number
from quizhall.bank.model import (
    BLANK_RE,
    NEEDS_JUDGE,
    OPTION_LETTERS,
    Grade,
    NumericAnswer,
    Question,
    QuestionType,
    normalize_text,
    parse_judge,
    parse_letters,
    parse_number,
    plain_number,
)
from quizhall.bank.qtypes.registry import AnswerInputError, Drawing, Given, QuestionKind, register
from quizhall.bank.qtypes.typed import (
    MATCH_LETTERS,
    as_text,
    judge_value,
    original_letter,
    read_pairs,
    shown_letter,
    shown_letters,
    strip_unit,
    tidy_fill,
)
from quizhall.i18n import t
from quizhall.yamlsource import NodeReader


def answer_letters(reader: NodeReader, node: Node,
                   options: dict[str, str]) -> tuple[str, ...] | None:
    """Option letters written as the answer, each one of the question's options."""
    if isinstance(node, SequenceNode):
        raw = reader.text_list(node, "answer")
        if raw is None:
            return None
        letters = parse_letters(list(raw))
    elif isinstance(node, ScalarNode):
        letters = parse_letters(node.value)
    else:
        reader.report(node, t("diag.expected_text", what="answer"))
        return None
    unknown = [x for x in letters if x not in options]
    if unknown or not letters:
        reader.report(node, t("bank.answer_not_option", answer="".join(unknown) or node.value,
                              letters="".join(options)))
        return None
    return letters


class ChoiceKind(QuestionKind):
    """What the option-letter types share: options, letters as the answer."""

    has_options = True

    def valid_answer(self, question: Question) -> bool:
        return (is_texts(question.answer, non_empty=True)
                and all(x in question.options for x in question.letters))

    def answer_text(self, question: Question) -> str:
        return "".join(question.letters)

    def answer_to_data(self, question: Question) -> object:
        return "".join(question.letters)

    def pick_from(self, question: Question) -> tuple[str, ...]:
        return tuple(question.options)

    def choices(self, question: Question, order: tuple[str, ...]) -> list[tuple[str, str]]:
        return [(OPTION_LETTERS[i], question.options[letter]) for i, letter in enumerate(order)]

    def read_typed(self, question: Question, order: tuple[str, ...], raw: str | list[str],
                   judged: bool | None) -> tuple[Given, Grade]:
        originals = [original_letter(order, letter)
                     for letter in shown_letters(as_text(raw), len(order))]
        given = self.given_letters(originals, order)
        return given, self.grade(question, given)

    def given_letters(self, originals: list[str], order: tuple[str, ...]) -> str:
        """The original letters picked, as stored; raises when they cannot be an answer."""
        raise NotImplementedError

    def shown_answer(self, question: Question, order: tuple[str, ...]) -> str:
        return "".join(shown_letter(order, x) for x in question.letters)

    def shown_given(self, question: Question, order: tuple[str, ...], given: Given) -> str:
        if not isinstance(given, str):
            return super().shown_given(question, order, given)
        shown = [shown_letter(order, x) for x in given if x in order]
        return "".join(sorted(shown) if self.drawing.multi_select else shown)


class Single(ChoiceKind):
    name = QuestionType.SINGLE
    aliases = ("单选", "单选题", "单项选择题")
    extra_keys = ("options",)
    drawing = Drawing("options")
    pace_seconds = 8.0

    def read_answer(self, reader: NodeReader, node: Node, fields: dict[str, Node],
                    options: dict[str, str], stem: str) -> object:
        letters = answer_letters(reader, node, options)
        if letters is not None and len(letters) != 1:
            reader.report(node, t("bank.single_one_letter", answer="".join(letters)),
                          t("bank.use_multiple_hint"))
            return None
        return letters[0] if letters else None

    def grade(self, question: Question, response: object) -> Grade:
        letters = parse_letters(response) if isinstance(response, str) else ()
        return Grade.of(letters == (question.answer,))

    def answer_text(self, question: Question) -> str:
        [letter] = question.letters
        return f"{letter}. {question.options.get(letter, '')}"

    def answer_to_data(self, question: Question) -> object:
        return question.answer

    def valid_answer(self, question: Question) -> bool:
        return isinstance(question.answer, str) and question.answer in question.options

    def given_letters(self, originals: list[str], order: tuple[str, ...]) -> str:
        if len(originals) != 1:
            raise AnswerInputError(t("practice.input_single"))
        return originals[0]

    def shown_answer(self, question: Question, order: tuple[str, ...]) -> str:
        [letter] = question.letters
        return f"{shown_letter(order, letter)}. {question.options[letter]}"


class Multiple(ChoiceKind):
    name = QuestionType.MULTIPLE
    aliases = ("多选", "多选题", "多项选择题", "不定项选择题")
    extra_keys = ("options", "partial")
    drawing = Drawing("options", multi_select=True)
    pace_seconds = 15.0

    def read_answer(self, reader: NodeReader, node: Node, fields: dict[str, Node],
                    options: dict[str, str], stem: str) -> object:
        letters = answer_letters(reader, node, options)
        if letters is None:
            return None
        if len(set(letters)) != len(letters):
            reader.report(node, t("bank.repeated_letter"))
            return None
        return tuple(sorted(letters))

    def read_extras(self, reader: NodeReader, fields: dict[str, Node]) -> dict[str, object]:
        return {"partial": _read_partial(reader, fields["partial"])} if "partial" in fields \
            else {}

    def grade(self, question: Question, response: object) -> Grade:
        try:
            chosen = set(parse_letters(response))
        except TypeError:
            return Grade.of(False)
        right = set(question.letters)
        if chosen == right:
            return Grade.of(True)
        if not chosen or not chosen <= right or not question.partial:
            return Grade.of(False)
        if question.partial == "proportional":
            return Grade(False, len(chosen) / len(right))
        return Grade(False, float(question.partial))

    def given_letters(self, originals: list[str], order: tuple[str, ...]) -> str:
        if not originals or len(set(originals)) != len(originals):
            raise AnswerInputError(t("practice.input_multiple"))
        return "".join(sorted(originals))

    def shown_answer(self, question: Question, order: tuple[str, ...]) -> str:
        return "".join(sorted(shown_letter(order, x) for x in question.letters))

    def extra_data(self, question: Question) -> dict[str, object]:
        partial = question.partial
        if not partial:
            return {}
        return {"partial": partial if isinstance(partial, str) else yaml_number(partial)}


def _read_partial(reader: NodeReader, node: Node) -> float | str:
    if isinstance(node, ScalarNode) and node.value == "proportional":
        return "proportional"
    value = reader.number(node, "partial")
    if value is None:
        return 0
    if not 0 <= value <= 1:
        reader.report(node, t("diag.out_of_range", what="partial", low=0, high=1, value=value),
                      t("bank.partial_hint"))
        return 0
    return float(value)


class Order(ChoiceKind):
    name = QuestionType.ORDER
    aliases = ("排序", "排序题")
    extra_keys = ("options",)
    drawing = Drawing("text", ordered=True)
    pace_seconds = 15.0

    def read_answer(self, reader: NodeReader, node: Node, fields: dict[str, Node],
                    options: dict[str, str], stem: str) -> object:
        letters = answer_letters(reader, node, options)
        if letters is not None and sorted(letters) != sorted(options):
            reader.report(node, t("bank.order_permutation", letters="".join(options)))
            return None
        return letters

    def grade(self, question: Question, response: object) -> Grade:
        try:
            return Grade.of(parse_letters(response) == question.answer)
        except TypeError:
            return Grade.of(False)

    def given_letters(self, originals: list[str], order: tuple[str, ...]) -> str:
        if sorted(originals) != sorted(order):
            raise AnswerInputError(t("practice.input_order", count=len(order)))
        return "".join(originals)


class Judge(QuestionKind):
    name = QuestionType.JUDGE
    aliases = ("判断", "判断题")
    drawing = Drawing("judge")
    pace_seconds = 4.0
    guessable = True

    def read_answer(self, reader: NodeReader, node: Node, fields: dict[str, Node],
                    options: dict[str, str], stem: str) -> object:
        value = parse_judge(node.value) if isinstance(node, ScalarNode) else None
        if value is None:
            reader.report(node, t("bank.judge_answer"), t("bank.judge_hint"))
        return value

    def grade(self, question: Question, response: object) -> Grade:
        return Grade.of(parse_judge(response) is question.answer)

    def answer_text(self, question: Question) -> str:
        return "√" if question.answer else "×"

    def answer_to_data(self, question: Question) -> object:
        return bool(question.answer)

    def choices(self, question: Question, order: tuple[str, ...]) -> list[tuple[str, str]]:
        return [("A", t("practice.judge_true")), ("B", t("practice.judge_false"))]

    def read_typed(self, question: Question, order: tuple[str, ...], raw: str | list[str],
                   judged: bool | None) -> tuple[Given, Grade]:
        value = judge_value(as_text(raw))
        if value is None:
            raise AnswerInputError(t("practice.input_judge_choice"))
        return value, self.grade(question, value)

    def shown_answer(self, question: Question, order: tuple[str, ...]) -> str:
        return t("practice.judge_true") if question.answer else t("practice.judge_false")

    def shown_given(self, question: Question, order: tuple[str, ...], given: Given) -> str:
        return t("practice.judge_true") if given else t("practice.judge_false")

    def valid_answer(self, question: Question) -> bool:
        return isinstance(question.answer, bool)


class Fill(QuestionKind):
    name = QuestionType.FILL
    aliases = ("填空", "填空题")
    extra_keys = ("strict",)
    drawing = Drawing("blanks")
    pace_seconds = 8.0
    claimable = True

    def read_answer(self, reader: NodeReader, node: Node, fields: dict[str, Node],
                    options: dict[str, str], stem: str) -> object:
        if isinstance(node, SequenceNode):
            blanks = []
            for item in node.value:
                accepted = reader.text_list(item, "answer")
                if accepted is None:
                    return None
                blanks.append(accepted)
        else:
            single = reader.text(node, "answer")
            if single is None:
                return None
            blanks = [(single,)]
        if not blanks:
            reader.report(node, t("diag.empty_list", what="answer"))
            return None
        markers = len(BLANK_RE.findall(stem))
        if len(blanks) != max(markers, 1):
            reader.report(node, t("bank.blank_count", blanks=markers, answers=len(blanks)),
                          t("bank.blank_hint"))
            return None
        return tuple(blanks)

    def grade(self, question: Question, response: object) -> Grade:
        given = [response] if isinstance(response, str) else response
        if not isinstance(given, list | tuple) or len(given) != len(question.accepted):
            return Grade.of(False)
        fold = str.strip if question.strict else normalize_text
        for text, accepted in zip(given, question.accepted, strict=True):
            if fold(str(text)) not in {fold(a) for a in accepted}:
                return Grade.of(False)
        return Grade.of(True)

    def answer_text(self, question: Question) -> str:
        return "；".join(" / ".join(alts) for alts in question.accepted)

    def answer_to_data(self, question: Question) -> object:
        entries = [alts[0] if len(alts) == 1 else Flow(alts) for alts in question.accepted]
        return entries[0] if len(entries) == 1 and isinstance(entries[0], str) else entries

    def extra_data(self, question: Question) -> dict[str, object]:
        return {"strict": True} if question.strict else {}

    def read_typed(self, question: Question, order: tuple[str, ...], raw: str | list[str],
                   judged: bool | None) -> tuple[Given, Grade]:
        texts = [raw] if isinstance(raw, str) else list(raw)
        if len(texts) != question.blanks or not any(text.strip() for text in texts):
            raise AnswerInputError(t("practice.input_fill", count=question.blanks))
        found = self.grade(question, texts)
        if not found.correct:
            found = self.grade(question, [tidy_fill(text) for text in texts])
        return texts, found

    def valid_answer(self, question: Question) -> bool:
        a = question.answer
        return isinstance(a, tuple) and bool(a) and all(is_texts(x, True) for x in a)


class Short(QuestionKind):
    name = QuestionType.SHORT
    aliases = ("简答", "简答题", "问答", "问答题")
    extra_keys = ("keywords",)
    empty_answer = ""  # a short answer may have no reference answer
    drawing = Drawing("text", self_judged=True)
    pace_seconds = 45.0

    def read_answer(self, reader: NodeReader, node: Node, fields: dict[str, Node],
                    options: dict[str, str], stem: str) -> object:
        return reader.text(node, "answer", allow_empty=True)

    def grade(self, question: Question, response: object) -> Grade:
        return NEEDS_JUDGE

    def read_typed(self, question: Question, order: tuple[str, ...], raw: str | list[str],
                   judged: bool | None) -> tuple[Given, Grade]:
        if judged is None:
            raise AnswerInputError(t("practice.input_judge"))
        return as_text(raw), Grade.of(judged)

    def extra_data(self, question: Question) -> dict[str, object]:
        return {"keywords": Flow(question.keywords)} if question.keywords else {}


class Numeric(QuestionKind):
    name = QuestionType.NUMERIC
    aliases = ("数值", "数值题")
    extra_keys = ("tolerance", "unit")
    pace_seconds = 15.0
    claimable = True

    def read_answer(self, reader: NodeReader, node: Node, fields: dict[str, Node],
                    options: dict[str, str], stem: str) -> object:
        tolerance: float | None = 0.0
        if "tolerance" in fields:
            value = reader.number(fields["tolerance"], "tolerance")
            if value is not None and value < 0:
                reader.report(fields["tolerance"], t("diag.negative", what="tolerance"))
                tolerance = None  # the answer is still checked: every error at once
            else:
                tolerance = float(value or 0)
        if isinstance(node, MappingNode):
            bounds = reader.mapping(node, "answer", ("min", "max"), required=("min", "max"))
            if not bounds or "min" not in bounds or "max" not in bounds:
                return None
            low, high = reader.number(bounds["min"], "min"), reader.number(bounds["max"], "max")
            if low is None or high is None:
                return None
            if low > high:
                reader.report(node, t("bank.range_reversed", low=low, high=high))
                return None
            if "tolerance" in fields:
                reader.report(fields["tolerance"], t("bank.tolerance_with_range"))
                return None
            return NumericAnswer(float(low), float(high))
        value = reader.number(node, "answer")
        if value is None or tolerance is None:
            return None
        answer = NumericAnswer.around(float(value), tolerance)
        if not math.isfinite(answer.low) or not math.isfinite(answer.high):
            reader.report(fields.get("tolerance", node),
                          t("diag.number_too_large", what="tolerance"))
            return None
        return answer

    def grade(self, question: Question, response: object) -> Grade:
        number = parse_number(response)
        return Grade.of(number is not None and question.number.accepts(number))

    def read_typed(self, question: Question, order: tuple[str, ...], raw: str | list[str],
                   judged: bool | None) -> tuple[Given, Grade]:
        text = as_text(raw)
        number = strip_unit(text, question.unit)
        if parse_number(number) is None:
            raise AnswerInputError(t("practice.input_number"))
        return text.strip(), self.grade(question, number)

    def answer_text(self, question: Question) -> str:
        n = question.number
        if n.value is not None:
            text = plain_number(n.value)
            if n.tolerance:
                text += f" ± {plain_number(n.tolerance)}"
        else:
            text = f"{plain_number(n.low)} – {plain_number(n.high)}"
        return f"{text} {question.unit}".rstrip()

    def answer_to_data(self, question: Question) -> object:
        n = question.number
        if n.value is None:
            return FlowMap(min=yaml_number(n.low), max=yaml_number(n.high))
        return yaml_number(n.value)

    def extra_data(self, question: Question) -> dict[str, object]:
        n = question.number
        data: dict[str, object] = {}
        if n.value is not None and n.tolerance:
            data["tolerance"] = yaml_number(n.tolerance)
        if question.unit:
            data["unit"] = question.unit
        return data

    def valid_answer(self, question: Question) -> bool:
        a = question.answer
        return (isinstance(a, NumericAnswer) and is_finite(a.low, False)
                and is_finite(a.high, False) and a.low <= a.high and is_finite(a.value)
                and is_finite(a.tolerance, False))

    def to_cache(self, answer: object) -> object:
        a = cast(NumericAnswer, answer)
        return (a.low, a.high, a.value, a.tolerance)

    def from_cache(self, data: object) -> object:
        if not isinstance(data, tuple):
            raise ValueError("a cached numeric answer is a tuple")  # the entry is a miss
        return NumericAnswer(*data)


class Match(QuestionKind):
    name = QuestionType.MATCH
    aliases = ("连线", "连线题", "匹配", "匹配题")
    extra_keys = ("distractors",)
    drawing = Drawing("pairs")
    pace_seconds = 20.0

    def read_answer(self, reader: NodeReader, node: Node, fields: dict[str, Node],
                    options: dict[str, str], stem: str) -> object:
        pairs = reader.mapping(node, "answer")
        if pairs is None:
            return None
        if len(pairs) < 2:
            reader.report(node, t("bank.match_count"))
            return None
        result = []
        for left, right_node in pairs.items():
            if not left.strip():
                key_node = next(k for k, v in node.value if v is right_node)
                reader.report(key_node, t("diag.empty_text", what=t("bank.match_left")))
                return None
            right = reader.text(right_node, left)
            if right is None:
                return None
            result.append((left, right))
        return tuple(result)

    def grade(self, question: Question, response: object) -> Grade:
        if not isinstance(response, dict):
            return Grade.of(False)
        given = {normalize_text(str(k)): normalize_text(str(v)) for k, v in response.items()}
        wanted = {normalize_text(k): normalize_text(v) for k, v in question.pairs}
        return Grade.of(given == wanted)

    def answer_text(self, question: Question) -> str:
        return "；".join(f"{left} → {right}" for left, right in question.pairs)

    def answer_to_data(self, question: Question) -> object:
        return dict(question.pairs)

    def extra_data(self, question: Question) -> dict[str, object]:
        return {"distractors": Flow(question.distractors)} if question.distractors else {}

    def pick_from(self, question: Question) -> tuple[str, ...]:
        rights = [right for _, right in question.pairs]
        return tuple(dict.fromkeys([*rights, *question.distractors]))

    def choices(self, question: Question, order: tuple[str, ...]) -> list[tuple[str, str]]:
        return [(MATCH_LETTERS[i], text) for i, text in enumerate(order)]

    def read_typed(self, question: Question, order: tuple[str, ...], raw: str | list[str],
                   judged: bool | None) -> tuple[Given, Grade]:
        pairs = read_pairs(as_text(raw), _lefts(question), order)
        return pairs, self.grade(question, pairs)

    def shown_answer(self, question: Question, order: tuple[str, ...]) -> str:
        return "  ".join(f"{i}{MATCH_LETTERS[order.index(right)]}"
                         for i, (_, right) in enumerate(question.pairs, 1))

    def shown_given(self, question: Question, order: tuple[str, ...], given: Given) -> str:
        if not isinstance(given, dict):
            return super().shown_given(question, order, given)
        lefts = _lefts(question)
        return "  ".join(f"{lefts.index(left) + 1}{MATCH_LETTERS[order.index(right)]}"
                         for left, right in given.items() if left in lefts and right in order)

    def pace_texts(self, question: Question) -> list[str]:
        return [f"{left}{right}" for left, right in question.pairs]

    def valid_answer(self, question: Question) -> bool:
        a = question.answer
        return isinstance(a, tuple) and bool(a) and all(
            is_texts(pair) and len(pair) == 2 for pair in a)


def _lefts(question: Question) -> list[str]:
    return [left for left, _ in question.pairs]


# Registered in QuestionType order: lists of types (exam quotas, statistics) follow it.
for _kind in (Single(), Multiple(), Judge(), Fill(), Short(), Order(), Numeric(), Match()):
    register(_kind)
