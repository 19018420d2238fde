"""Every hook and every built-in round setting is documented, hooks with their signature."""

import inspect
import re
from pathlib import Path

from quizhall import hookspecs
from quizhall.contest import collect_round_types
from quizhall.plugins import new_plugin_manager

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_every_hook_has_a_docstring_and_a_section_in_the_plugin_docs():
    text = (DOCS / "plugins.md").read_text(encoding="utf-8")
    hooks = [name for name, value in inspect.getmembers(hookspecs, inspect.isfunction)
             if name.startswith("quizhall_")]
    assert len(hooks) >= 8
    for name in hooks:
        assert getattr(hookspecs, name).__doc__, name
        assert f"## {name}\n" in text, name


def hook_sections(text: str) -> dict[str, str]:
    """The plugin docs' ``## quizhall_…`` sections by hook name."""
    parts = re.split(r"^## ", text, flags=re.MULTILINE)
    return {part.split("\n", 1)[0]: part for part in parts if part.startswith("quizhall_")}


def test_every_hook_section_shows_the_spec_signature():
    sections = hook_sections((DOCS / "plugins.md").read_text(encoding="utf-8"))
    hooks = {name: value for name, value in inspect.getmembers(hookspecs, inspect.isfunction)
             if name.startswith("quizhall_")}
    assert set(sections) == set(hooks)
    for name, spec in hooks.items():
        shown = re.search(rf"```python\n@hookimpl\ndef {name}\(([^)]*)\)", sections[name])
        assert shown, f"{name}: no signature block"
        documented = [arg.strip() for arg in shown.group(1).split(",") if arg.strip()]
        assert documented == list(inspect.signature(spec).parameters), name
        firstresult = spec.quizhall_spec.get("firstresult", False)
        assert ("firstresult" in sections[name]) == firstresult, name


def test_every_built_in_round_type_and_setting_is_in_the_contest_format_docs():
    text = (DOCS / "contest-format.md").read_text(encoding="utf-8")
    for name, cls in collect_round_types(new_plugin_manager()).items():
        assert f"### `{name}`" in text, name
        for setting in cls.SETTINGS:
            assert f"`{setting}`" in text, (name, setting)
