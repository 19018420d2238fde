"""Snapshots of the projector's pages for the round types of issue 14, large, in both languages.

The question board (picked cells gone, whose pick it is), the designated value (who chose
what for whom), judges' scores while they come in and once all are in (the dropped highest
and lowest said in words, the mean), and last one standing (who is in, who is out); each at
80×24, 160×45 and 240×67. Update after a deliberate change of look with
``--snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

import pytest
from roundkit import PAGES, played_round

from quizhall import i18n
from quizhall.store import open_store
from quizhall.testing import FrozenClock
from quizhall.tui.display import DisplayApp
from quizhall.tui.session import Follower

LANGUAGES = [pytest.param("zh-CN", id="zh"), pytest.param("en", id="en")]
SIZES = [pytest.param(size, id=f"{size[0]}x{size[1]}") for size in ((80, 24), (160, 45),
                                                                    (240, 67))]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("page", list(PAGES))
def test_round_type_page(snap_compare, tmp_path, monkeypatch, hall_font, page, size, lang):
    i18n.set_language(lang)
    monkeypatch.setattr("quizhall.store.store.secrets.token_hex", lambda n: "5eed")
    session = played_round(tmp_path, lang, page)
    store = open_store(tmp_path / "data")
    app = DisplayApp(Follower(store, session.contest_id, FrozenClock()), bell=False,
                     follow=False, motion=False)
    try:
        assert snap_compare(app, terminal_size=size)
    finally:
        store.close()
        session.close()
