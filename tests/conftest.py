"""Shared fixtures: a fixed language, private cache and data directories for every test."""

import itertools
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from quizhall import i18n

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLES = REPO / "question_banks"


def pytest_collection_modifyitems(items):
    """Screenshot tests compare SVGs drawn by one Textual release: mark them, so the run on the
    lowest allowed dependencies (`.ci/run`) can leave them out."""
    for item in items:
        if "snap_compare" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.screenshot)


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory, monkeypatch):
    """Each test gets English messages and its own cache and data directories."""
    base = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("QUIZHALL_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("QUIZHALL_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("QUIZHALL_LANG", "en")
    # The store is the data directory above unless a test names a database.
    monkeypatch.delenv("QUIZHALL_STORE", raising=False)
    monkeypatch.setenv("QUIZHALL_CONFIG", str(base / "config.toml"))
    # Large text needs a font; tests that draw it choose one (tests/hallkit.py), the rest
    # see plain text on every machine.
    monkeypatch.setenv("QUIZHALL_FONT", "none")
    # Host consoles listen for the projector's keys in $XDG_RUNTIME_DIR/quizhall: a short
    # private directory per test (a socket's path is limited to about 100 bytes), so tests
    # run side by side never meet.
    runtime = Path(tempfile.mkdtemp(prefix="qh-"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    i18n.set_language("en")
    yield
    i18n.set_language(None)
    shutil.rmtree(runtime, ignore_errors=True)


@pytest.fixture
def hall_font(monkeypatch):
    """Large text on, with the tests' font (tests/hallkit.py); fails with the fix when the
    font is missing."""
    from hallkit import TEST_FONT

    from quizhall.tui import bigtext

    assert Path(TEST_FONT).is_file(), \
        f"{TEST_FONT} is missing: apt-get install fonts-noto-cjk (the projector tests need it)"
    monkeypatch.setenv(bigtext.FONT_VARIABLE, TEST_FONT)
    return bigtext.big_font()


@pytest.fixture(scope="session")
def postgres_cluster():
    """A throwaway PostgreSQL cluster for the whole run (tests/pgcluster.py), on a Unix
    socket only. Without a server the PostgreSQL tests are skipped with the reason, except
    under CI (CI=true), where they fail: CI must run them."""
    from pgcluster import Cluster, server_binaries

    found = server_binaries()
    if isinstance(found, str):
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the PostgreSQL tests: {found}")
        pytest.skip(found)
    cluster = Cluster(*found)
    yield cluster
    cluster.stop()


_databases = itertools.count()


@pytest.fixture
def postgres_url(postgres_cluster):
    """The URL of a new, empty database in the throwaway cluster."""
    return postgres_cluster.create_database(f"quizhall_test_{next(_databases)}")
