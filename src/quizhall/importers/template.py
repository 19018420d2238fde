"""The 题库 spreadsheet template: its columns, their Chinese and English names, and how a cell
holds each kind of answer. The spreadsheet importer reads it and the XLSX bank exporter writes
it, so a bank survives the trip through a spreadsheet.

One row per question. Answers by type: single ``B``; multiple ``ABD``; order ``CABD``; judge
``对``/``错`` (or true/false, √/×); fill: blanks separated by ``；`` (or ``;``), accepted
alternatives of one blank by ``|`` (a stem with several blanks may also separate them by
``|``); short: the reference text; numeric ``42``, ``42±0.5``, ``40..44``; match: one
``left → right`` pair per line (or separated by ``；``). Lists (tags, keywords, distractors)
are separated by ``|``, ``,``, ``、`` or ``；``.
"""

from __future__ import annotations

import math
import re
import unicodedata

from quizhall.bank.model import (
    BLANK_RE,
    OPTION_LETTERS,
    NumericAnswer,
    Question,
    QuestionType,
    parse_judge,
)

# Every field a column can hold, in the order an export writes them.
FIELDS: tuple[str, ...] = ("id", "type", "stem", *OPTION_LETTERS, "answer", "explanation",
                           "points", "difficulty", "tags", "source", "time_limit", "shuffle",
                           "partial", "strict", "unit", "keywords", "distractors", "media",
                           "image", "alt")

# The header an export writes for each field: (zh-CN, en).
HEADERS: dict[str, tuple[str, str]] = {
    "id": ("编号", "ID"), "type": ("题型", "Type"), "stem": ("题干", "Question"),
    **{letter: (f"选项{letter}", f"Option {letter}") for letter in OPTION_LETTERS},
    "answer": ("答案", "Answer"), "explanation": ("解析", "Explanation"),
    "points": ("分值", "Points"), "difficulty": ("难度", "Difficulty"),
    "tags": ("标签", "Tags"), "source": ("来源", "Source"), "time_limit": ("时限", "Time limit"),
    "shuffle": ("乱序", "Shuffle"), "partial": ("部分得分", "Partial"),
    "strict": ("严格匹配", "Strict"), "unit": ("单位", "Unit"), "keywords": ("关键词", "Keywords"),
    "distractors": ("干扰项", "Distractors"), "media": ("媒体", "Media"),
    "image": ("图片", "Picture"), "alt": ("图片说明", "Picture description"),
}

# Header spellings met in the wild, normalised by :func:`normalise_header`.
_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("编号", "题目编号", "试题编号", "id", "questionid", "qid"),
    "type": ("题型", "题目类型", "试题类型", "类型", "题类", "type", "questiontype", "kind"),
    "stem": ("题干", "题目", "试题", "题目内容", "试题内容", "问题", "题目名称", "stem",
             "question", "questiontext", "text", "prompt"),
    "answer": ("答案", "正确答案", "参考答案", "标准答案", "answer", "correctanswer", "key",
               "rightanswer"),
    "explanation": ("解析", "答案解析", "试题解析", "题目解析", "解释", "解答", "explanation",
                    "analysis", "rationale", "feedback"),
    "points": ("分值", "分数", "题目分值", "每题分值", "points", "point", "score", "marks"),
    "difficulty": ("难度", "难易度", "难易程度", "难度等级", "difficulty"),
    "tags": ("标签", "知识点", "分类", "章节", "考点", "tags", "tag", "category", "topic",
             "knowledgepoint"),
    "source": ("来源", "出处", "依据", "source", "reference"),
    "time_limit": ("时限", "答题时间", "限时", "答题时限", "timelimit", "seconds"),
    "shuffle": ("乱序", "选项乱序", "打乱", "shuffle"),
    "partial": ("部分得分", "少选得分", "partial", "partialcredit"),
    "strict": ("严格匹配", "严格", "strict"),
    "unit": ("单位", "unit"),
    "keywords": ("关键词", "关键字", "得分点", "keywords", "keyword"),
    "distractors": ("干扰项", "distractors"),
    "media": ("媒体", "附件", "视频", "音频", "media", "video", "audio"),
    "image": ("图片", "图像", "插图", "配图", "image", "picture", "img"),
    "alt": ("图片说明", "图片描述", "图片文字", "alt", "alttext", "picturedescription"),
}
# Headers of columns that number the rows (序号): recognised, and not reported as unused.
IGNORED_HEADERS = frozenset({"序号", "题号", "行号", "no", "no.", "number", "#", "sn", "index"})
HEADER_FIELDS: dict[str, str] = {alias: name for name, aliases in _ALIASES.items()
                                 for alias in aliases}
_OPTION_HEADER = re.compile(r"^(?:选项|option|choice)?([a-h])(?:选项)?$")
_BRACKETED = re.compile(r"[（(【\[].*?[）)】\]]")
_HEADER_NOISE = re.compile(r"[\s_\-:：*＊]+")

TYPE_NAMES: dict[str, tuple[str, str]] = {
    QuestionType.SINGLE: ("单选题", "single"), QuestionType.MULTIPLE: ("多选题", "multiple"),
    QuestionType.JUDGE: ("判断题", "judge"), QuestionType.FILL: ("填空题", "fill"),
    QuestionType.SHORT: ("简答题", "short"), QuestionType.ORDER: ("排序题", "order"),
    QuestionType.NUMERIC: ("数值题", "numeric"), QuestionType.MATCH: ("连线题", "match"),
}

# Answers that make a row without a type a true/false question (not 1/0, y/n: too ambiguous).
JUDGE_WORDS = frozenset({"对", "错", "正确", "错误", "√", "×", "✓", "✗", "✔", "✘", "true",
                         "false"})
LIST_SEPARATORS = re.compile(r"[|｜,，、;；\n]")
BLANK_SEPARATORS = re.compile(r"[；;]")
ALTERNATIVE_SEPARATORS = re.compile(r"[|｜]")
PAIR_SEPARATORS = re.compile(r"\n|[；;]")
_ARROWS = ("→", "->", "=>", "=")
_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
_PLAIN_NUMBER = re.compile(rf"^({_NUMBER})$")
_TOLERANCE = re.compile(rf"^({_NUMBER})(?:±|\+-|\+/-|:)({_NUMBER})$")
_RANGE = re.compile(rf"^({_NUMBER})(?:\.\.|~|～|至|到)({_NUMBER})$")
_DIFFICULTY_WORDS = {"易": 1, "容易": 1, "简单": 1, "较易": 2, "中": 3, "中等": 3, "一般": 3,
                     "较难": 4, "难": 5, "困难": 5, "easy": 1, "medium": 3, "hard": 5}
PROPORTIONAL_WORDS = frozenset({"proportional", "按比例", "比例"})


def normalise_header(text: str) -> str:
    """A header as compared: width and case folded, brackets, spaces and ``*`` marks dropped."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _HEADER_NOISE.sub("", _BRACKETED.sub("", folded))


def field_for_header(text: str) -> str | None:
    """The field a header names, or None."""
    key = normalise_header(text)
    if not key:
        return None
    match = _OPTION_HEADER.match(key)
    if match:
        return match.group(1).upper()
    return HEADER_FIELDS.get(key)


def is_ignored_header(text: str) -> bool:
    """Whether a header names a row-number column (序号), which carries nothing to import."""
    folded = unicodedata.normalize("NFKC", text).casefold().strip()
    return folded in IGNORED_HEADERS or normalise_header(text) in IGNORED_HEADERS


# Around an answer cell: brackets ``（B）`` ``【B】``, trailing ``B．`` ``对。``.
_ANSWER_BRACKETS = ("()", "[]", "【】", "〔〕", "<>")
_ANSWER_TRAILING = ".。,，;；:：、!！"


def tidy_answer(text: str) -> str:
    """An answer cell without the brackets around it and the punctuation after it:
    ``B．`` ``（B）`` ``对。`` read as ``B`` ``B`` ``对``."""
    tidy = unicodedata.normalize("NFKC", text).strip()
    while True:
        before = tidy
        tidy = tidy.rstrip(_ANSWER_TRAILING).strip()
        for pair in _ANSWER_BRACKETS:
            if len(tidy) >= 2 and tidy[0] == pair[0] and tidy[-1] == pair[1]:
                tidy = tidy[1:-1].strip()
        if tidy == before:
            return tidy


def without_points_unit(text: str) -> str:
    """A points cell without its unit: ``2分`` ``2 points`` read as ``2``."""
    tidy = unicodedata.normalize("NFKC", text).strip()
    for unit in ("分", "points", "point", "pts", "pt"):
        if tidy.casefold().endswith(unit):
            return tidy[:-len(unit)].strip()
    return tidy


def field_for_key(key: str) -> str | None:
    """The field a ``--map`` key names: a field name, an option letter or any header alias."""
    if key.strip().upper() in OPTION_LETTERS:
        return key.strip().upper()
    if key.strip().lower() in FIELDS:
        return key.strip().lower()
    return field_for_header(key)


def split_list(text: str) -> tuple[str, ...]:
    """Items of a list cell."""
    return tuple(dict.fromkeys(item.strip() for item in LIST_SEPARATORS.split(text)
                               if item.strip()))


def format_list(items: tuple[str, ...]) -> str:
    """A list as a cell."""
    return "|".join(items)


def list_item_ok(item: str) -> bool:
    """True when an item survives :func:`format_list` then :func:`split_list` unchanged."""
    return item == item.strip() and not LIST_SEPARATORS.search(item) and bool(item)


def format_number(number: float) -> str:
    """A number as written in a cell: ``42``, ``0.5``."""
    return str(int(number)) if float(number).is_integer() else repr(float(number))


def parse_numeric(text: str) -> NumericAnswer | None:
    """``42``, ``42±0.5`` (or ``42:0.5``), ``40..44`` (or ``40~44``); None if none of them."""
    compact = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    try:
        if match := _PLAIN_NUMBER.match(compact):
            return _finite(NumericAnswer.around(float(match.group(1))))
        if match := _TOLERANCE.match(compact):
            return _finite(NumericAnswer.around(float(match.group(1)),
                                                abs(float(match.group(2)))))
        if match := _RANGE.match(compact):
            low, high = float(match.group(1)), float(match.group(2))
            return _finite(NumericAnswer(low, high)) if low <= high else None
    except ValueError:
        return None
    return None


def _finite(answer: NumericAnswer) -> NumericAnswer | None:
    values = (answer.low, answer.high)
    return answer if all(math.isfinite(v) for v in values) else None


def format_numeric(answer: NumericAnswer) -> str:
    """A numeric answer as a cell."""
    if answer.value is None:
        return f"{format_number(answer.low)}..{format_number(answer.high)}"
    if answer.tolerance:
        return f"{format_number(answer.value)}±{format_number(answer.tolerance)}"
    return format_number(answer.value)


def parse_fill(text: str, stem: str) -> tuple[tuple[str, ...], ...] | int:
    """One tuple of accepted texts per blank of ``stem``; the count of entries when it differs."""
    blanks = max(len(BLANK_RE.findall(stem)), 1)
    parts = [p.strip() for p in BLANK_SEPARATORS.split(text)]
    if blanks == 1:
        alternatives = [a.strip() for p in parts for a in ALTERNATIVE_SEPARATORS.split(p)]
        kept = tuple(dict.fromkeys(a for a in alternatives if a))
        return (kept,) if kept else 0
    if len(parts) == 1:
        parts = [p.strip() for p in ALTERNATIVE_SEPARATORS.split(text)]
        if len(parts) != blanks:
            return len(parts)
        return tuple((p,) for p in parts) if all(parts) else len([p for p in parts if p])
    if len(parts) != blanks:
        return len(parts)
    result = []
    for part in parts:
        kept = tuple(dict.fromkeys(a.strip() for a in ALTERNATIVE_SEPARATORS.split(part)
                                   if a.strip()))
        if not kept:
            return len([p for p in parts if p])
        result.append(kept)
    return tuple(result)


def format_fill(answer: tuple[tuple[str, ...], ...]) -> str:
    """A fill answer as a cell."""
    return "；".join("|".join(alternatives) for alternatives in answer)


def fill_text_ok(text: str) -> bool:
    """True when an accepted text survives :func:`format_fill` then :func:`parse_fill`."""
    return text == text.strip() and bool(text) and not (
        BLANK_SEPARATORS.search(text) or ALTERNATIVE_SEPARATORS.search(text))


def parse_pairs(text: str) -> list[tuple[str, str]] | None:
    """``left → right`` pairs, one per line (or separated by ``；``); None if one has no arrow."""
    pairs = []
    for chunk in PAIR_SEPARATORS.split(text):
        if not chunk.strip():
            continue
        for arrow in _ARROWS:
            left, found, right = chunk.partition(arrow)
            if found:
                pairs.append((left.strip(), right.strip()))
                break
        else:
            return None
    return pairs


def format_pairs(pairs: tuple[tuple[str, str], ...]) -> str:
    """Match pairs as a cell."""
    return "\n".join(f"{left} → {right}" for left, right in pairs)


def pair_text_ok(text: str) -> bool:
    """True when a match side survives :func:`format_pairs` then :func:`parse_pairs`."""
    return text == text.strip() and bool(text) and not (
        PAIR_SEPARATORS.search(text) or any(arrow in text for arrow in _ARROWS))


def parse_difficulty(text: str) -> int | None:
    """1–5 from ``3``, ``★★★``, ``中等`` or ``medium``; None if it is none of them."""
    word = unicodedata.normalize("NFKC", text).strip().casefold()
    if word in _DIFFICULTY_WORDS:
        return _DIFFICULTY_WORDS[word]
    if word and set(word) <= {"★", "☆"}:
        stars = word.count("★")
        return stars if 1 <= stars <= 5 else None
    try:
        number = float(word)
    except ValueError:
        return None
    return int(number) if number.is_integer() and 1 <= number <= 5 else None


def parse_partial(text: str) -> float | str | None:
    """``proportional`` (or 按比例), a share 0–1, or a percentage; None otherwise."""
    word = unicodedata.normalize("NFKC", text).strip().casefold()
    if word in PROPORTIONAL_WORDS:
        return "proportional"
    try:
        value = float(word[:-1]) / 100 if word.endswith("%") else float(word)
    except ValueError:
        return None
    return value if 0 <= value <= 1 else None


def judge_from_cell(text: str, options: dict[str, str]) -> bool | None:
    """A true/false answer written as a word (``对。`` ``√`` too), or as the letter of an option
    reading 对 or 错."""
    text = tidy_answer(text)
    value = parse_judge(text)
    if value is None and text.strip().upper() in options:
        value = parse_judge(options[text.strip().upper()])
    return value


def answer_cell(question: Question, language: str) -> str | float:
    """The answer column of ``question``'s row."""
    answer = question.answer
    match question.type:
        case QuestionType.SINGLE:
            return str(answer)
        case QuestionType.MULTIPLE | QuestionType.ORDER:
            return "".join(question.letters)
        case QuestionType.JUDGE:
            if language == "en":
                return "TRUE" if answer else "FALSE"
            return "对" if answer else "错"
        case QuestionType.FILL:
            return format_fill(question.accepted)
        case QuestionType.NUMERIC:
            numeric = question.number
            if numeric.value is not None and not numeric.tolerance:
                return numeric.value
            return format_numeric(numeric)
        case QuestionType.MATCH:
            return format_pairs(question.pairs)
    return str(answer)
