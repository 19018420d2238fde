"""Every message exists in both languages with the same placeholders, and every key used exists.

The catalogs are the modules of ``quizhall.i18n``; the keys used are found by reading the
source with :mod:`ast`, so a typo in a key fails here instead of showing the raw key to a user.
"""

import ast
import importlib
import pkgutil
import re
import string
import typing
from pathlib import Path

import pytest

import quizhall.i18n as i18n
from quizhall.bank.model import QuestionType
from quizhall.cli import COMMANDS, command_module
from quizhall.diagnostics import Severity

SRC = Path(i18n.__file__).resolve().parents[1]
AREAS = sorted(m.name for m in pkgutil.iter_modules(i18n.__path__))
# Keys built at run time whose values are known: every one must exist.
KNOWN_DYNAMIC = {
    "bank.type_*": [f"bank.type_{qt.value}" for qt in QuestionType],
    "diag.*": [f"diag.{s}" for s in typing.get_args(Severity)],
    "*.help": [f"{command_module(name)}.help" for name in COMMANDS],
}
# Key-like strings that are file names, not message keys.
FILE_SUFFIXES = (".json", ".yaml", ".yml", ".tcss", ".txt", ".csv", ".xlsx", ".py")
KEY_LIKE = re.compile(r"([a-z_]+)\.[a-z0-9_.]+")


def placeholders(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        pytest.fail(f"unbalanced braces in message: {text!r}")


def all_messages() -> dict[str, tuple[str, str]]:
    messages = {}
    for area in AREAS:
        messages.update(importlib.import_module(f"quizhall.i18n.{area}").MESSAGES)
    return messages


@pytest.mark.parametrize("area", AREAS)
def test_catalog_entries_are_complete_pairs(area):
    catalog = importlib.import_module(f"quizhall.i18n.{area}").MESSAGES
    assert catalog, f"{area} has no messages"
    for key, pair in catalog.items():
        assert key.split(".")[0] == area, f"{key} belongs in its own area's catalog"
        assert isinstance(pair, tuple) and len(pair) == 2, key
        zh, en = pair
        assert isinstance(zh, str) and zh.strip(), f"{key}: Chinese text is empty"
        assert isinstance(en, str) and en.strip(), f"{key}: English text is empty"
        assert placeholders(zh) == placeholders(en), f"{key}: placeholders differ"
        if not placeholders(en):
            # t() formats only when given values, so "{{" would be shown doubled.
            assert "{{" not in zh + en and "}}" not in zh + en, key


def sources() -> list[tuple[str, ast.AST]]:
    return [(str(path.relative_to(SRC)), ast.parse(path.read_text(encoding="utf-8")))
            for path in sorted(SRC.rglob("*.py")) if path.parent.name != "i18n"]


def t_calls() -> list[tuple[str, ast.Call]]:
    """(file, call) for every call of t()."""
    return [(path, node) for path, tree in sources() for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id == "t" and node.args]


def key_shapes(expression: ast.expr) -> list[str]:
    """The key an expression gives, with ``*`` for each part only known at run time.

    Empty for a plain variable: its value is a key written somewhere else, which
    test_every_key_like_string_in_the_source_exists checks where it is written.
    """
    if isinstance(expression, ast.Constant) and isinstance(expression.value, str):
        return [expression.value]
    if isinstance(expression, ast.IfExp):
        return key_shapes(expression.body) + key_shapes(expression.orelse)
    if isinstance(expression, ast.JoinedStr):
        return ["".join(v.value if isinstance(v, ast.Constant) else "*"
                        for v in expression.values)]
    if isinstance(expression, ast.BinOp) and isinstance(expression.op, ast.Add):
        lefts = key_shapes(expression.left) or ["*"]
        rights = key_shapes(expression.right) or ["*"]
        return [a + b for a in lefts for b in rights]
    return []


def test_the_source_scan_finds_the_calls():
    assert len(t_calls()) > 100


def test_every_key_passed_to_t_exists():
    messages = all_messages()
    missing = []
    for path, call in t_calls():
        for shape in key_shapes(call.args[0]):
            if "*" not in shape:
                keys = [shape]
            elif shape in KNOWN_DYNAMIC:
                keys = KNOWN_DYNAMIC[shape]
            else:
                # The run-time part comes from data (a round's mode, a store status …), so
                # only the written part can be checked: some key must have this shape.
                pattern = re.compile(".+".join(map(re.escape, shape.split("*"))))
                keys = [] if any(pattern.fullmatch(k) for k in messages) else [shape]
            missing += [f"{path}:{call.lineno}: {key}" for key in keys if key not in messages]
    assert missing == []


def test_every_key_like_string_in_the_source_exists():
    # Keys reach t() through helpers too (a fail(key) in a reader, a table of keys): any
    # string that looks like "area.name" for a catalog's area must be a message.
    messages = all_messages()
    missing = []
    for path, tree in sources():
        fragments = {id(v) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr)
                     for v in node.values}
        fragments |= {id(node.left) for node in ast.walk(tree)
                      if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add)}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            match = KEY_LIKE.fullmatch(node.value)
            if (match and match.group(1) in AREAS and id(node) not in fragments
                    and not node.value.endswith(FILE_SUFFIXES)
                    and node.value not in messages):
                missing.append(f"{path}:{node.lineno}: {node.value}")
    assert missing == []


def test_every_call_fills_exactly_the_placeholders_of_its_message():
    messages = all_messages()
    wrong = []
    for path, call in t_calls():
        first = call.args[0]
        if not (isinstance(first, ast.Constant) and first.value in messages):
            continue
        if any(k.arg is None for k in call.keywords):  # **values: checked at run time
            continue
        given = {k.arg for k in call.keywords} - {"lang"}
        wanted = placeholders(messages[first.value][0])
        if given != wanted:
            wrong.append(f"{path}:{call.lineno}: {first.value} wants {sorted(wanted)}, "
                         f"gets {sorted(given)}")
    assert wrong == []


def test_languages_follow_the_same_order_as_the_catalogs():
    assert i18n.LANGUAGES == ("zh-CN", "en")
    assert i18n.t("diag.error", lang="zh-CN") == "错误"
    assert i18n.t("diag.error", lang="en") == "error"


def test_a_count_takes_its_noun_in_the_singular_or_plural():
    from quizhall.i18n import t

    assert t("check.result", files=1, errors=0, warnings=2) == \
        "checked 1 file: 0 errors, 2 warnings"
    assert t("check.result", lang="zh-CN", files=1, errors=0, warnings=2) == \
        "检查了 1 个文件：0 个错误，2 个警告"
    assert t("rehearse.events", count=1) == "1 event"
