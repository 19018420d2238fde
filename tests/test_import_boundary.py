"""The engine never imports textual: only quizhall.tui (and its commands' run()) may."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "quizhall"
# Modules allowed to import textual: the TUI package only.
ALLOWED = ("tui",)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_no_module_outside_tui_imports_textual():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] in ALLOWED:
            continue
        if any(name == "textual" or name.startswith(("textual.", "rich")) for name in
               _imports(path)):
            offenders.append(str(relative))
    assert offenders == []


def test_importing_the_engine_loads_no_textual():
    code = (
        "import sys, pkgutil, importlib, quizhall\n"
        "for m in pkgutil.walk_packages(quizhall.__path__, 'quizhall.'):\n"
        "    if m.name.split('.')[1] not in ('tui', '__main__') and 'commands' not in m.name:\n"
        "        importlib.import_module(m.name)\n"
        "print(sorted(n for n in sys.modules if n == 'textual' or n.startswith('textual.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_version_and_help_stay_light():
    code = (
        "import sys\n"
        "from quizhall.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [n for n in ('textual', 'tinydb', 'yaml', 'openpyxl') if n in sys.modules]\n"
        "print(heavy, file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stderr.strip() == "[]"
