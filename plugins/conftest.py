"""Run the example plugins' tests from a checkout, without installing them.

Each ``plugins/*/src`` goes on ``sys.path`` so ``import quizhall_streak`` finds the source;
the tests register the modules they test explicitly (``rehearse(..., plugins=[streak])``,
or, to drive the ``quizhall`` commands, with the plugin manager under the entry point's
name), so nothing depends on entry points. What the plugins need (fpdf2, and pypdf for the
tests) is in quizhall's ``test`` extra. Messages are in English, and caches and data stay in a
private directory.
"""

import sys
from pathlib import Path

import pytest

from quizhall import i18n

for source in sorted(Path(__file__).resolve().parent.glob("*/src")):
    if str(source) not in sys.path:
        sys.path.insert(0, str(source))


@pytest.fixture(autouse=True)
def _english_and_private_dirs(tmp_path_factory, monkeypatch):
    base = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("QUIZHALL_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("QUIZHALL_DATA_DIR", str(base / "data"))
    i18n.set_language("en")
    yield
    i18n.set_language(None)
