"""Model → YAML → model is the identity, for questions of every type and awkward text."""

import dataclasses
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizhall.bank.dump import bank_to_data, dump_bank, question_to_data
from quizhall.bank.loader import parse_bank
from quizhall.bank.model import (
    BLANK_RE,
    OPTION_LETTERS,
    Bank,
    BankInfo,
    Level,
    NumericAnswer,
    Question,
    QuestionType,
)

# Text YAML likes to read as something else, or that a terminal would take as markup.
TRICKY = [
    "[bold]粗体[/bold]", "[link=https://example.com]x[/link]", "'单引号'", '"双引号"', "it's",
    "a: b", "key:", "- item", "* star", "*alias", "&anchor", "!tag", "!!python/object:os.system",
    "%YAML", "@at", "`tick`", "|", ">", "? q", "#comment", "a #not comment", "---", "...",
    "1066", "0x1F", "1e3", "1_000", "12:30", "1:30:00", "2001-12-14", "-1", "+1", ".5", ".inf",
    ".nan", "yes", "no", "on", "off", "y", "n", "true", "False", "null", "Null", "~", "=", "<<",
    "第一行\n第二行", "trailing newline\n", "two\n\n", "\n", " \n", "\nleading newline",
    "  leading spaces",
    "trailing spaces  ", "tab\tinside", "\u3000全角空格\u3000", "（ ）", "ｆｕｌｌ　ｗｉｄｔｈ",
    "劳动合同法",
    "《劳动合同法》第十条", "\\backslash", "a\\nb", "{braces}", "[brackets]", "a, b", "emoji 🎉",
    "esc \x1b[31m red", "bell\x07", "\u202eRTL", "nel\x85line", "ls\u2028ps\u2029", "cr\rlf",
    "\ufeffbom", "\x00nul", "private \U000f001b\ue000",
]
ANY_CHAR = st.characters(exclude_categories=("Cs",))
TEXT = st.one_of(
    st.sampled_from(TRICKY),
    st.text(ANY_CHAR, max_size=30),
    st.lists(st.sampled_from(TRICKY) | st.text(ANY_CHAR, max_size=5), min_size=2, max_size=4)
    .map("".join),
)
SOLID = TEXT.filter(lambda s: s.strip() != "")  # text the loader requires not to be blank
PLAIN = SOLID.filter(lambda s: not BLANK_RE.search(s))  # text with no fill-in blank marker
OPTIONAL = st.just("") | TEXT
NUMBER = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False) | \
    st.integers(-10**6, 10**6).map(float) | st.floats(allow_nan=False, allow_infinity=False)
POSITIVE = st.floats(min_value=1e-9, max_value=1e9) | st.integers(1, 1000).map(float)


def unique(strategy, min_size: int, max_size: int):
    return st.lists(strategy, min_size=min_size, max_size=max_size, unique=True).map(tuple)


@st.composite
def answers(draw, qtype: QuestionType) -> dict:
    """The answer, options and stem of one question, and the fields only its type has."""
    fields: dict = {"stem": draw(SOLID)}
    if qtype in (QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.ORDER):
        texts = draw(st.lists(SOLID, min_size=2, max_size=len(OPTION_LETTERS)))
        fields["options"] = dict(zip(OPTION_LETTERS, texts, strict=False))
        letters = list(fields["options"])
        if qtype is QuestionType.SINGLE:
            fields["answer"] = draw(st.sampled_from(letters))
        elif qtype is QuestionType.MULTIPLE:
            fields["answer"] = tuple(sorted(draw(unique(st.sampled_from(letters), 1, 8))))
            fields["partial"] = draw(st.sampled_from([0, "proportional"]) |
                                     st.floats(min_value=0.01, max_value=1))
        else:
            fields["answer"] = tuple(draw(st.permutations(letters)))
    elif qtype is QuestionType.JUDGE:
        fields["answer"] = draw(st.booleans())
    elif qtype is QuestionType.FILL:
        parts = draw(st.lists(PLAIN | st.just(""), min_size=1, max_size=4))
        markers = draw(st.lists(st.sampled_from(["____", "__", "（ ）", "( )", "（）", "(　)"]),
                                min_size=len(parts) - 1, max_size=len(parts) - 1))
        stem = parts[0] + "".join(m + p for m, p in zip(markers, parts[1:], strict=True))
        if not stem.strip():
            stem = "____"
        fields["stem"] = stem
        blanks = max(len(BLANK_RE.findall(stem)), 1)
        fields["answer"] = tuple(draw(unique(SOLID, 1, 3)) for _ in range(blanks))
        fields["strict"] = draw(st.booleans())
    elif qtype is QuestionType.SHORT:
        fields["answer"] = draw(SOLID)
        fields["keywords"] = draw(unique(SOLID, 0, 3))
    elif qtype is QuestionType.NUMERIC:
        value = draw(NUMBER)
        if draw(st.booleans()):
            tolerance = draw(st.just(0.0) | st.floats(min_value=0, max_value=1e6))
            fields["answer"] = NumericAnswer.around(value, tolerance)
        else:
            low, high = sorted((value, draw(NUMBER)))
            fields["answer"] = NumericAnswer(low, high)
        fields["unit"] = draw(OPTIONAL)
    else:
        lefts = draw(unique(SOLID, 2, 5))
        fields["answer"] = tuple((left, draw(SOLID)) for left in lefts)
        fields["distractors"] = draw(unique(SOLID, 0, 3))
    return fields


@st.composite
def questions(draw, qid: str) -> Question:
    qtype = draw(st.sampled_from(list(QuestionType)))
    return Question(
        id=qid,
        type=qtype,
        explanation=draw(OPTIONAL),
        source=draw(OPTIONAL),
        tags=draw(unique(SOLID, 0, 3)),
        difficulty=draw(st.none() | st.integers(1, 5)),
        points=draw(st.none() | POSITIVE),
        time_limit=draw(st.none() | POSITIVE),
        shuffle=draw(st.booleans()),
        media=draw(OPTIONAL),
        **draw(answers(qtype)),
    )


@st.composite
def banks(draw) -> Bank:
    ids = draw(unique(SOLID, 1, 6))
    qs = tuple(draw(questions(qid)) for qid in ids)
    tags = sorted({tag for q in qs for tag in q.tags})
    levels = []
    for level_id in draw(unique(SOLID, 0, 3)):
        level_tags = tuple(draw(st.lists(st.sampled_from(tags), max_size=2, unique=True))) \
            if tags else ()
        level_ids = tuple(draw(st.lists(st.sampled_from(ids), max_size=3, unique=True)))
        if not level_tags and not level_ids:
            level_ids = (ids[0],)
        level = Level(level_id, draw(SOLID), level_tags, level_ids,
                      draw(st.just(0.8) | st.floats(min_value=0.01, max_value=1)))
        pool = len(level.pool(qs))
        count = draw(st.none() | st.integers(1, pool))
        levels.append(dataclasses.replace(level, count=count))
    info = BankInfo(
        id=draw(st.from_regex(r"[\w.-]+", fullmatch=True)),
        title=draw(SOLID),
        language=draw(st.sampled_from(["zh-CN", "en"])),
        version=draw(st.just("") | SOLID),
        description=draw(st.just("") | SOLID),
        author=draw(st.just("") | SOLID),
        license=draw(st.just("") | SOLID),
    )
    return Bank(info, qs, tuple(levels))


def without_positions(bank: Bank) -> Bank:
    return Bank(bank.info, tuple(dataclasses.replace(q, line=0) for q in bank.questions),
                bank.levels)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.data_too_large])
@given(banks())
def test_dump_then_load_gives_the_same_bank(bank):
    text = dump_bank(bank)
    loaded, diagnostics = parse_bank(text, "roundtrip.yaml")
    errors = [d.format() for d in diagnostics if d.severity == "error"]
    assert errors == [], text
    assert without_positions(loaded) == without_positions(bank), text
    assert dump_bank(loaded) == text


def test_defaults_are_left_out_and_keys_keep_the_documented_order():
    q = Question(id="lc-001", type=QuestionType.SINGLE,
                 stem="用人单位自用工之日起即与劳动者建立（）。",
                 answer="A", options={"A": "劳动关系", "B": "劳务关系"}, explanation="用工即建立。",
                 source="《劳动合同法》第七条", tags=("劳动合同法",), difficulty=2)
    data = question_to_data(q)
    assert list(data) == ["id", "type", "stem", "options", "answer", "explanation", "source",
                          "tags", "difficulty"]
    bare = question_to_data(Question(id="j", type=QuestionType.JUDGE, stem="s", answer=True))
    assert bare == {"id": "j", "type": "judge", "stem": "s", "answer": True}


def test_bank_data_leaves_out_default_metadata_and_levels():
    bank = Bank(BankInfo("b", "T"), (Question("j", QuestionType.JUDGE, "s", False),))
    assert bank_to_data(bank) == {
        "bank": {"id": "b", "title": "T"},
        "questions": [{"id": "j", "type": "judge", "stem": "s", "answer": False}],
    }


def test_dump_is_readable_yaml():
    bank = Bank(
        BankInfo("labour", "劳动法", version="2025.1"),
        (Question("q1", QuestionType.FILL, "应在____内订立____合同。",
                  (("一个月", "1个月"), ("书面",)),
                  tags=("劳动合同法", "1066")),
         Question("q2", QuestionType.NUMERIC, "多少天？", NumericAnswer(40, 44), unit="日"),
         Question("q3", QuestionType.SHORT, "简述。", "第一点\n第二点\n")),
        (Level("L1", "第一关", tags=("劳动合同法",), pass_ratio=0.6),),
    )
    text = dump_bank(bank)
    assert "version: '2025.1'" in text
    assert "answer:\n  - [一个月, 1个月]\n  - 书面\n" in text
    assert "tags: [劳动合同法, '1066']" in text
    assert "answer: {min: 40, max: 44}" in text
    assert "answer: |\n    第一点\n    第二点\n" in text
    assert "\n\n- id: q2\n" in text and "questions:\n- id: q1\n" in text
    assert "pass: 0.6" in text


def test_numbers_are_written_exactly():
    for value in (0.1, 1 / 3, 1e-7, 123456789.123, 2.0**60, -0.0, 5e-324):
        q = Question("n", QuestionType.NUMERIC, "s", NumericAnswer.around(value))
        loaded, _ = parse_bank(dump_bank(Bank(BankInfo("b", "T"), (q,))), "x")
        got = loaded.questions[0].answer.value
        assert got == value and math.copysign(1, got) in (1, math.copysign(1, value))


def test_every_pair_of_tricky_texts_survives_in_every_position():
    # Hypothesis samples; this walks every pair (every other one joined across a line
    # break) through block text, mapping keys, inline lists and the bank's metadata.
    texts = sorted({a + "\n" * ((i + j) % 2) + b
                    for i, a in enumerate(TRICKY) for j, b in enumerate(TRICKY)})
    texts = [t for t in texts if t.strip() and not BLANK_RE.search(t)]
    qs = []
    for i, t in enumerate(texts):
        qs.append(Question(f"m{i}", QuestionType.MATCH, t, ((t, t), ("k" + t, t + "v")),
                           explanation=t, tags=(t,), distractors=(t + "d",), media=t))
        qs.append(Question(f"f{i}", QuestionType.FILL, t, ((t, t + "x"),), source=t))
    bank = Bank(BankInfo("b", texts[0], author=texts[1]), tuple(qs),
                tuple(Level(t, t, (t,), ()) for t in texts[:40]))
    loaded, diagnostics = parse_bank(dump_bank(bank), "pairs.yaml")
    assert [d for d in diagnostics if d.severity == "error"] == []
    assert without_positions(loaded) == without_positions(bank)
