"""Every message exists in both languages with the same placeholders, and every key used exists.

The catalogs are the modules of ``quizhall.i18n``; the keys used are found by reading the
source with :mod:`ast`, so a typo in a key fails here instead of showing the raw key to a user.
"""

import ast
import importlib
import pkgutil
import string
import typing
from pathlib import Path

import pytest

import quizhall.i18n as i18n
from quizhall.bank.model import QuestionType
from quizhall.cli import COMMANDS
from quizhall.diagnostics import Severity

SRC = Path(i18n.__file__).resolve().parents[1]
AREAS = sorted(m.name for m in pkgutil.iter_modules(i18n.__path__))
# Functions that take a message key as their first argument.
KEY_TAKERS = {"t", "fail"}  # fail(): yamlsource.read_text's local helper
# Keys built at run time, by the source text of the expression, and the values it can take.
DYNAMIC_KEYS = {
    "f'{name}.help'": [f"{name}.help" for name in COMMANDS],
    "f'diag.{self.severity}'": [f"diag.{s}" for s in typing.get_args(Severity)],
    "'bank.type_' + k": [f"bank.type_{qt.value}" for qt in QuestionType],
    # yamlsource.read_text's fail() passes its own literal keys on to t(); they are checked
    # where fail() is called.
    "key": [],
}


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


def key_uses() -> list[tuple[str, int, str, ast.Call]]:
    """(file, line, key expression, call) for every call that takes a message key."""
    uses = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in KEY_TAKERS and node.args
                    and (node.func.id == "t" or path.name == "yamlsource.py")):
                uses.append((str(path.relative_to(SRC)), node.lineno,
                             ast.unparse(node.args[0]), node))
    return uses


def constant_prefix(node: ast.expr) -> str:
    """The literal start of a key built at run time (f-string, concatenation, conditional)."""
    if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
        return str(node.values[0].value)
    if isinstance(node, ast.BinOp) and isinstance(node.left, ast.Constant):
        return str(node.left.value)
    if isinstance(node, ast.IfExp):
        return min(constant_prefix(node.body), constant_prefix(node.orelse), key=len)
    if isinstance(node, ast.Constant):
        return str(node.value)
    return ""


def test_the_source_scan_finds_the_calls():
    assert len(key_uses()) > 100


def test_every_key_used_in_the_source_exists():
    messages = all_messages()
    missing = []
    for path, line, expression, call in key_uses():
        first = call.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            keys = [first.value]
        elif expression in DYNAMIC_KEYS:
            keys = DYNAMIC_KEYS[expression]
        else:
            # Any other key built at run time must at least start like some real key; a key
            # held in a variable was checked where the variable got its literal value.
            prefix = constant_prefix(first)
            if prefix and not any(key.startswith(prefix) for key in messages):
                missing.append(f"{path}:{line}: no message key starts with {prefix!r}")
            continue
        missing += [f"{path}:{line}: {key}" for key in keys if key not in messages]
    assert missing == []


def test_every_call_fills_exactly_the_placeholders_of_its_message():
    messages = all_messages()
    wrong = []
    for path, line, _, call in key_uses():
        first = call.args[0]
        if not (isinstance(first, ast.Constant) and first.value in messages):
            continue
        if any(k.arg is None for k in call.keywords):  # **values: checked at run time
            continue
        given = {k.arg for k in call.keywords} - {"lang"}
        wanted = placeholders(messages[first.value][0])
        if call.func.id == "fail":
            given -= {"hint"}
        if given != wanted:
            wrong.append(f"{path}:{line}: {first.value} wants {sorted(wanted)}, "
                         f"gets {sorted(given)}")
    assert wrong == []


def test_languages_follow_the_same_order_as_the_catalogs():
    assert i18n.LANGUAGES == ("zh-CN", "en")
    assert i18n.t("diag.error", lang="zh-CN") == "错误"
    assert i18n.t("diag.error", lang="en") == "error"
