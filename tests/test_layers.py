"""The layer rules hold: import-linter checks the contracts in pyproject.toml.

The contracts say imports point down the layers of DESIGN.md (the Textual apps and the web
page above the commands' engine, the engine above the plugin machinery, storage and the bank
model below the engine), that the plugin machinery takes only the types plugins receive from
the contest engine, and that only ``quizhall.tui`` imports textual or Rich.
"""

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "quizhall"
CONFIG = ROOT / "pyproject.toml"


def _contracts() -> list[dict]:
    return tomllib.loads(CONFIG.read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]


def test_the_import_contracts_are_kept():
    code = ("import sys\nfrom importlinter.cli import lint_imports\n"
            f"sys.exit(lint_imports(config_filename={str(CONFIG)!r}, no_cache=True, "
            "no_logo=True))\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, check=False)
    assert run.returncode == 0, run.stdout + run.stderr


def test_every_module_of_quizhall_has_a_layer():
    layers = next(c for c in _contracts() if c["id"] == "layers")["layers"]
    named = {name.strip() for layer in layers for name in layer.split("|")}
    modules = {f"quizhall.{path.stem if path.is_file() else path.name}"
               for path in PACKAGE.iterdir()
               if (path.suffix == ".py" and path.stem != "__init__")
               or (path.is_dir() and (path / "__init__.py").exists())}
    assert modules - named == set()
    assert named - modules == set()


def test_only_the_tui_may_import_textual():
    contract = next(c for c in _contracts() if c["id"] == "textual-in-tui")
    modules = {f"quizhall.{path.stem if path.is_file() else path.name}"
               for path in PACKAGE.iterdir()
               if (path.suffix == ".py" and path.stem not in ("__init__", "__main__"))
               or (path.is_dir() and (path / "__init__.py").exists())}
    assert set(contract["source_modules"]) == modules - {"quizhall.tui"}
    assert {"textual", "rich"} <= set(contract["forbidden_modules"])
