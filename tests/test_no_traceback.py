"""Bad input never gives a traceback: a corpus of broken files, and fuzzing with hypothesis.

Every broken file must come back as diagnostics with a position (line ≥ 0) and a message;
``quizhall check`` must turn them into ``path:line:column:`` lines and exit status 1.
"""

import json
import os
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizhall import yamlsource
from quizhall.bank.loader import all_question_keys, load_bank, load_banks, parse_bank
from quizhall.cli import main
from quizhall.i18n import t

Q = "bank: {id: b, title: T}\nquestions:\n"
JUDGE = "  - {id: q, type: judge, stem: s, answer: 对}\n"

FIELDS = ["id", "type", "stem", "answer", "options", "explanation", "source", "tags",
          "difficulty", "points", "time_limit", "shuffle", "media", "partial", "strict",
          "tolerance", "unit", "keywords", "distractors"]
TYPES = ["single", "multiple", "judge", "fill", "short", "order", "numeric", "match"]
WRONG_VALUES = ["[1, 2]", "{a: b}", "null", "''", "-3", "1.0e+400", "maybe", "!!binary aGk=",
                "2001-12-14", "[[[]]]", "{min: x}", "'   '"]


def wrong_type_corpus() -> dict[str, str]:
    """Every question field of every type with every kind of wrong value."""
    corpus = {}
    for qtype in TYPES:
        for name in FIELDS:
            for i, value in enumerate(WRONG_VALUES):
                fields = {"id": "q", "type": qtype, "stem": "s ____", "answer": "A",
                          "options": "[a, b]"}
                fields[name] = value
                body = ", ".join(f"{k}: {v}" for k, v in fields.items())
                corpus[f"{qtype}-{name}-{i}"] = Q + "  - {" + body + "}\n"
    for name in ("id", "title", "language", "version", "description", "author", "license"):
        for i, value in enumerate(WRONG_VALUES):
            corpus[f"bank-{name}-{i}"] = f"bank: {{id: b, title: T, {name}: {value}}}\n" \
                f"questions:\n{JUDGE}"
    for name in ("id", "title", "tags", "questions", "pass", "count"):
        for i, value in enumerate(WRONG_VALUES):
            corpus[f"level-{name}-{i}"] = Q + JUDGE + \
                f"levels: [{{id: L, title: t, tags: [x], {name}: {value}}}]\n"
    return corpus


BROKEN_TEXTS = {
    "empty": "",
    "whitespace only": " \n\t\n   \n",
    "comment only": "# nothing here\n",
    "top-level list": "- a\n- b\n",
    "top-level scalar": "just some words\n",
    "top-level number": "1066\n",
    "python object": "!!python/object:os.system {}\n",
    "python apply": Q + "  - !!python/object/apply:os.system ['echo pwned']\n",
    "python name in a value": Q + "  - {id: !!python/name:os.system q, type: judge}\n",
    "python module": "bank: !!python/module:os\nquestions: []\n",
    "local tag": "bank: !include other.yaml\nquestions: []\n",
    "deep flow nesting": "bank: " + "[" * 100_000 + "]" * 100_000 + "\n",
    "deep block nesting": "- " * 50_000 + "x\n",
    "deep mapping nesting": "".join(" " * i + "k:\n" for i in range(3000)),
    "huge integer": Q + "  - {id: q, type: numeric, stem: s, answer: 1" + "0" * 10_000 + "}\n",
    "huge float": Q + "  - {id: q, type: numeric, stem: s, answer: 1.0e+999}\n",
    "huge hex": Q + "  - {id: q, type: judge, stem: s, answer: 对, points: 0x" + "f" * 5000 + "}\n",
    "overflowing tolerance": Q + "  - {id: q, type: numeric, stem: s, answer: 1.0e+308, "
                                 "tolerance: 1.0e+308}\n",
    "nan": Q + "  - {id: q, type: numeric, stem: s, answer: .nan}\n",
    "null everywhere": "bank: null\nquestions: null\nlevels: null\n",
    "null fields": "bank: {id: ~, title: ~, language: ~}\nquestions: [~, {id: ~, type: ~, stem: ~, "
                   "answer: ~, options: ~, tags: ~}]\nlevels: [~, {id: ~, title: ~, tags: ~}]\n",
    "null keys": Q + "  - {id: q, type: judge, stem: s, answer: 对, ~: 1, true: 2, 3: 4}\n",
    "complex keys": "? [a, b]\n: c\n{x: 1}: 2\nbank: {id: b, title: T}\nquestions: []\n",
    "undefined alias": "bank: *nowhere\nquestions: []\n",
    "recursive alias": Q + "  - &a {id: q, type: match, stem: s, answer: *a}\n",
    "self merge": "bank: &a {<<: *a, id: b, title: T}\nquestions: []\n",
    "bad merge": Q + "  - {<<: 5, id: q}\n",
    "two documents": "bank: {id: b, title: T}\n---\nquestions: []\n",
    "tab indentation": "bank:\n\tid: b\n",
    "unclosed quote": "bank: {id: 'b, title: T}\n",
    "unclosed bracket": "bank: [\n",
    "bad escape": 'bank: {id: "\\q"}\n',
    "lone surrogate escape": Q + '  - {id: q, type: judge, stem: "\\ud800", answer: 对}\n',
    "nul character": "bank: {id: b\x00}\n",
    "byte order mark only": "\ufeff",
    "questions is a mapping": "bank: {id: b, title: T}\nquestions: {q1: x}\n",
    "empty questions": "bank: {id: b, title: T}\nquestions: []\n",
    "questions of scalars": Q + "  - 1\n  - text\n  - [a]\n",
    "set and omap": "bank: !!omap [{id: b}]\nquestions: !!set {a}\n",
    "huge level count": Q + JUDGE + "levels: [{id: L, title: t, questions: [q], count: 1" +
                        "0" * 30 + "}]\n",
}
WRONG_TYPES = wrong_type_corpus()


@pytest.mark.parametrize("name", list(BROKEN_TEXTS))
def test_broken_text_gives_diagnostics_not_a_traceback(name, tmp_path):
    text = BROKEN_TEXTS[name]
    marker = tmp_path / "ran"
    bank, diagnostics = parse_bank(text.replace("echo pwned", f"touch {marker}"), "b.yaml")
    assert diagnostics, "a broken file must say what is wrong"
    assert bank is None or all(d.severity == "warning" for d in diagnostics)
    for d in diagnostics:
        assert d.line >= 0 and d.column >= 0 and d.message.strip()
        assert d.format().startswith(f"b.yaml:{d.line}:{d.column}: ")
    assert not marker.exists()


@pytest.mark.parametrize("name", list(WRONG_TYPES))
def test_wrong_types_for_every_field_give_diagnostics_not_a_traceback(name):
    # Some of these values are fine for some fields (an id of -3 is the text "-3"), so the
    # test asks for a clear outcome, not always for an error.
    bank, diagnostics = parse_bank(WRONG_TYPES[name], "b.yaml")
    assert bank is not None or any(d.severity == "error" for d in diagnostics)
    for d in diagnostics:
        assert d.line >= 1 and d.column >= 1 and d.message.strip()


def test_deep_nesting_is_refused_with_its_position():
    _, diagnostics = parse_bank(BROKEN_TEXTS["deep flow nesting"], "b.yaml")
    # The top mapping is level 1, the first "[" (column 7) level 2: level MAX_DEPTH + 1 is
    # the bracket at column 6 + MAX_DEPTH.
    assert [(d.line, d.column) for d in diagnostics] == [(1, 6 + yamlsource.MAX_DEPTH)]
    assert "deep" in diagnostics[0].message


LOADERS = {"libyaml": getattr(yaml, "CSafeLoader", yaml.SafeLoader), "python": yaml.SafeLoader}


@pytest.mark.parametrize("loader", list(LOADERS))
@pytest.mark.parametrize("limit", [50, 200, 1500])
def test_any_depth_limit_gives_quizhalls_message_where_it_is_passed(monkeypatch, loader, limit):
    # libyaml refuses nesting past its own limit (about 1,000 in the libyaml PyYAML 6.0.4
    # bundles) and reads ahead; whichever limit is met first, the user gets quizhall's message
    # at the place where quizhall's limit is passed.
    monkeypatch.setattr(yamlsource, "MAX_DEPTH", limit)
    monkeypatch.setattr(yamlsource, "_Loader", LOADERS[loader])
    _, flow = parse_bank(BROKEN_TEXTS["deep flow nesting"], "b.yaml")
    _, block = parse_bank("- " * (limit + 10) + "x\n", "b.yaml")
    assert [(d.line, d.column) for d in flow] == [(1, 6 + limit)]
    assert [(d.line, d.column) for d in block] == [(1, 2 * limit + 1)]
    assert all(d.message == t("diag.too_deep", limit=limit) for d in flow + block)


def test_normal_nesting_is_not_mistaken_for_deep():
    text = Q + "".join(f"  - {{id: q{i}, type: fill, stem: '[[[x]]] ____', answer: [[a, b]], "
                       f"tags: [t{i}]}}\n" for i in range(500))
    bank, diagnostics = parse_bank(text, "b.yaml")
    assert diagnostics == [] and len(bank.questions) == 500


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def only_error(path: Path | str) -> tuple[int, int, str]:
    result = load_bank(path)
    assert not result.banks
    assert len(result.diagnostics) == 1, [d.format() for d in result.diagnostics]
    d = result.diagnostics[0]
    assert d.severity == "error" and d.path == str(path)
    return d.line, d.column, d.message


def test_binary_file(tmp_path):
    path = write(tmp_path, "b.yaml", bytes(range(256)) * 4)
    line, column, message = only_error(path)
    assert (line, column) == (0, 0) and "not a text file" in message


def test_invalid_utf8_points_at_the_bad_byte(tmp_path):
    path = write(tmp_path, "b.yaml", "bank:\n  id: 劳动".encode() + b"\xff\xfe\n")
    line, column, message = only_error(path)
    assert (line, column) == (2, 9)  # columns count characters, not bytes
    assert "not UTF-8" in message


def test_gbk_file_is_not_utf8(tmp_path):
    path = write(tmp_path, "b.yaml", "bank: {id: b, title: 劳动法}\n".encode("gbk"))
    line, _, message = only_error(path)
    assert line == 1 and "UTF-8" in message


def test_directory_instead_of_a_file(tmp_path):
    line, column, message = only_error(tmp_path)
    assert (line, column) == (0, 0) and "directory" in message


def test_missing_file(tmp_path):
    line, column, message = only_error(tmp_path / "nope.yaml")
    assert (line, column) == (0, 0) and message == "file not found"


def test_unreadable_file(tmp_path, monkeypatch):
    path = write(tmp_path, "b.yaml", Q + JUDGE)

    def denied(path, limit):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(yamlsource, "read_regular", denied)  # root may read any file
    _, _, message = only_error(path)
    assert message == "cannot read the file: Permission denied"


def test_fifty_megabyte_file_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "big.yaml"
    with path.open("wb") as fh:
        fh.write((Q + JUDGE).encode())
        fh.truncate(50 * 2**20)

    def never(*args, **kwargs):
        raise AssertionError("an oversized file must not be read")

    monkeypatch.setattr(Path, "read_bytes", never)
    monkeypatch.setattr(Path, "read_text", never)
    line, column, message = only_error(path)
    assert (line, column) == (0, 0)
    assert message == "the file is 50.0 MB, over the 32 MB limit"


def test_raw_control_characters_load_with_a_warning_and_are_kept(tmp_path):
    stem = "红色\x1b[31m警告\x07 and \x9b2J here\x7f"
    path = write(tmp_path, "b.yaml", Q + f"  - id: q\n    type: judge\n    stem: {stem}\n"
                                         "    answer: 对\n    explanation: 'tab\there'\n")
    result = load_bank(path)
    assert result.banks and result.banks[0].questions[0].stem == stem
    assert result.banks[0].questions[0].explanation == "tab\there"
    [d] = result.diagnostics
    assert (d.severity, d.line, d.column) == ("warning", 5, 11)
    assert "U+001B" in d.message and "U+0007" in d.message and "U+009B" in d.message


def test_escaped_control_characters_warn_too():
    bank, [d] = parse_bank(Q + '  - {id: q, type: judge, stem: "a\\e[1mb\\u202ec", answer: 对}\n',
                           "b.yaml")
    assert bank.questions[0].stem == "a\x1b[1mb\u202ec"
    assert (d.severity, d.line, d.column) == ("warning", 3, 32)
    assert "U+202E" in d.message


def test_private_use_text_is_not_taken_for_a_control_character():
    stem = "\U000f001b\ue01b"
    bank, diagnostics = parse_bank(Q + f"  - {{id: q, type: judge, stem: 'x\x1b{stem}', "
                                       "answer: 对}\n", "b.yaml")
    assert bank.questions[0].stem == f"x\x1b{stem}"
    assert [d.severity for d in diagnostics] == ["warning"]


# -- fuzzing ------------------------------------------------------------------------------

def check_diagnostics(text: str) -> None:
    bank, diagnostics = parse_bank(text, "f.yaml")
    assert bank is not None or diagnostics
    for d in diagnostics:
        assert isinstance(d.line, int) and d.line >= 0
        assert isinstance(d.column, int) and d.column >= 0
        assert d.message.strip()


FUZZ = settings(max_examples=300, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FUZZ
@given(st.text())
def test_arbitrary_text_never_raises(text):
    check_diagnostics(text)


YAML_ALPHABET = st.sampled_from(list(":-?[]{},'\"!&*#|>%@`\n\t \\") + ["  ", "- ", ": ", "---",
                                                                     "!!python/object:x ",
                                                                     "<<: ", "\x1b", "对"])


@FUZZ
@given(st.lists(st.one_of(YAML_ALPHABET, st.text(max_size=5)), max_size=60).map("".join))
def test_yaml_punctuation_soup_never_raises(text):
    check_diagnostics(text)


KEYS = st.text(max_size=4) | st.sampled_from([
    *all_question_keys(), "bank", "questions", "levels", "title", "pass", "count", "min", "max",
    "language", "<<", "A", "B", "Z"])
SCALARS = (st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8)
           | st.sampled_from(TYPES + ["单选", "对", "错", "ABD", "A", "E", "proportional", "____"]))
STRUCTURES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=6),
    max_leaves=30,
)
QUESTION_LIKE = st.dictionaries(KEYS, STRUCTURES, max_size=8) | STRUCTURES
BANK_LIKE = st.fixed_dictionaries(
    {},
    optional={
        "bank": st.fixed_dictionaries({}, optional={"id": SCALARS, "title": SCALARS,
                                                    "language": SCALARS}) | STRUCTURES,
        "questions": st.lists(QUESTION_LIKE, max_size=4) | STRUCTURES,
        "levels": st.lists(st.dictionaries(KEYS, STRUCTURES, max_size=6), max_size=3) | STRUCTURES,
    },
)


@FUZZ
@given(BANK_LIKE, st.booleans())
def test_yaml_structures_never_raise(data, flow):
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow)
    check_diagnostics(text)


@FUZZ
@given(BANK_LIKE, st.data())
def test_mutated_yaml_never_raises(data, draw):
    text = yaml.safe_dump(data, allow_unicode=True)
    for _ in range(draw.draw(st.integers(1, 4))):
        at = draw.draw(st.integers(0, len(text)))
        cut = draw.draw(st.integers(0, 3))
        text = text[:at] + draw.draw(YAML_ALPHABET) + text[at + cut:]
    check_diagnostics(text)


# -- through the command line -------------------------------------------------------------

def run_check(capsys, *args: str) -> tuple[int, str, str]:
    status = main(["check", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_check_exits_0_on_a_clean_bank(tmp_path, capsys):
    path = write(tmp_path, "ok.yaml", Q + JUDGE)
    status, out, err = run_check(capsys, str(path))
    assert status == 0 and err == ""
    assert "1 question\n" in out and "0 errors" in out


def test_check_exits_0_with_warnings_only(tmp_path, capsys):
    text = Q + '  - {id: q, type: judge, stem: "\\e[2J", answer: 对}\n'
    path = write(tmp_path, "warn.yaml", text)
    status, out, err = run_check(capsys, str(path))
    assert status == 0
    assert f"{path}:3:32: warning:" in out


@pytest.mark.parametrize("name", ["empty", "top-level list", "python apply", "tab indentation",
                                  "unclosed quote", "deep flow nesting", "huge integer"])
def test_check_exits_1_with_positions_on_stderr(name, tmp_path, capsys):
    path = write(tmp_path, "bad.yaml", BROKEN_TEXTS[name])
    status, out, err = run_check(capsys, str(path))
    assert status == 1
    assert err.startswith(f"{path}:")
    line, column = err.split(":")[1:3]
    assert line.isdigit() and column.isdigit()
    assert "error" in err
    assert "Traceback" not in out + err


def test_check_reports_every_broken_file_of_a_directory(tmp_path, capsys):
    write(tmp_path, "a.yaml", BROKEN_TEXTS["top-level list"])
    write(tmp_path, "b.yaml", bytes([0xFF, 0x00, 0x01]))
    write(tmp_path, "c.yml", Q + JUDGE)
    write(tmp_path, "notes.txt", "not a bank")
    status, out, err = run_check(capsys, str(tmp_path))
    assert status == 1
    assert [line.split(":")[0] for line in err.splitlines()] == \
        [str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml")]
    assert "checked 3 files: 2 errors" in out


def test_check_missing_file_and_directory_argument(tmp_path, capsys):
    status, _, err = run_check(capsys, str(tmp_path / "missing.yaml"))
    assert status == 1 and err.startswith(f"{tmp_path / 'missing.yaml'}:0:0: error:")


def test_check_json_on_broken_files(tmp_path, capsys):
    path = write(tmp_path, "bad.yaml", BROKEN_TEXTS["tab indentation"])
    status, out, _ = run_check(capsys, "--json", str(path))
    report = json.loads(out)
    assert status == 1
    assert report["errors"][0]["path"] == str(path)
    assert (report["errors"][0]["line"], report["errors"][0]["column"]) == (2, 1)
    assert report["questions"] == 0


@pytest.mark.parametrize("argv", [["check"], ["check", "--bogus", "x.yaml"], ["nonsense"]])
def test_check_usage_errors_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert "usage" in capsys.readouterr().err


def test_load_banks_keeps_going_after_a_broken_file(tmp_path):
    write(tmp_path, "a.yaml", BROKEN_TEXTS["python object"])
    write(tmp_path, "b.yaml", Q + JUDGE)
    result = load_banks([tmp_path, tmp_path / "missing.yaml"])
    assert [b.path for b in result.banks] == [str(tmp_path / "b.yaml")]
    assert [d.path for d in result.diagnostics] == [str(tmp_path / "a.yaml"),
                                                    str(tmp_path / "missing.yaml")]
    assert not result.ok


def test_python_is_not_reachable_from_any_tag(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(os, "system", lambda *a: calls.append(a) or 0)
    monkeypatch.setattr(sys, "exit", lambda *a: calls.append(a))
    for text in (BROKEN_TEXTS["python apply"], BROKEN_TEXTS["python object"],
                 "!!python/object/apply:sys.exit [3]\n"):
        parse_bank(text, "b.yaml")
    assert calls == []
