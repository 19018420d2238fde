"""Snapshots of every projector page, drawn with large text, in Chinese and English.

Every page at 160×45 (a 1080p projector at a terminal's default font); the question and the
podium also at 80×24 and 240×67, the smallest and largest screens the layout is made for.
The contest is played to each page with engine commands on a frozen clock, and the display
draws it with the tests' font (tests/hallkit.py), so each page is the same on every run.
Update after a deliberate change of look with ``--snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

import pytest
from hallkit import PAGES, played

from quizhall import i18n
from quizhall.store import open_store
from quizhall.testing import FrozenClock
from quizhall.tui.display import DisplayApp
from quizhall.tui.session import Follower

LANGUAGES = [pytest.param("zh-CN", id="zh"), pytest.param("en", id="en")]
CASES = [pytest.param(page, (160, 45), id=f"{page}-160x45") for page in PAGES] + [
    pytest.param(page, size, id=f"{page}-{size[0]}x{size[1]}")
    for page in ("question", "podium") for size in ((80, 24), (240, 67))]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(("page", "size"), CASES)
def test_projector_page(snap_compare, tmp_path, monkeypatch, hall_font, page, size, lang):
    i18n.set_language(lang)
    monkeypatch.setattr("quizhall.store.store.secrets.token_hex", lambda n: "5eed")
    session = played(tmp_path, lang, PAGES[page])
    store = open_store(tmp_path / "data")
    app = DisplayApp(Follower(store, session.contest_id, FrozenClock()), bell=False,
                     follow=False, motion=False)
    try:
        assert snap_compare(app, terminal_size=size)
    finally:
        store.close()
        session.close()
