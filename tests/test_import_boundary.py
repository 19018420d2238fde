"""Importing the engine loads no textual, and ``--help`` stays light.

That no module outside ``quizhall.tui`` imports textual is an import contract
(tests/test_layers.py); these tests check what is loaded at run time.
"""

import subprocess
import sys


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
