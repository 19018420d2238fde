"""The TUI uses Textual's public API only: no `_`-prefixed Textual module, class or attribute.

A private name can change in any Textual release; each has a public way (App.return_code,
Screen.is_current, a class's BINDINGS). Attribute names are told apart from quizhall's own
privates by asking Textual's classes which `_` names they define.
"""

import ast
from pathlib import Path

import textual

TUI = Path(__file__).resolve().parents[1] / "src" / "quizhall" / "tui"


def _defined_names(root: Path) -> set[str]:
    """Names the modules under ``root`` define: attributes assigned, functions, classes."""
    names: set[str] = set()
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names.add(node.target.id)
    return names


def _uses(path: Path, textual_private: set[str]) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        where = f"{path.relative_to(TUI)}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("textual"):
            parts = node.module.split(".") + [a.name for a in node.names]
            found += [f"{where}: {node.module} {p}" for p in parts if p.startswith("_")]
        elif isinstance(node, ast.Import):
            found += [f"{where}: {a.name}" for a in node.names
                      if a.name.startswith("textual") and "._" in a.name]
        elif isinstance(node, ast.Attribute) and node.attr in textual_private:
            found.append(f"{where}: .{node.attr}")
    return found


def test_tui_uses_no_private_textual_name():
    textual_private = {n for n in _defined_names(Path(textual.__file__).parent)
                       if n.startswith("_") and not n.startswith("__")}
    textual_private -= _defined_names(TUI.parent)  # quizhall's own privates of the same name
    assert {"_exit", "_closing", "_bindings"} <= textual_private  # the check can see them
    offenders = [use for path in sorted(TUI.rglob("*.py")) for use in _uses(path, textual_private)]
    assert offenders == []
