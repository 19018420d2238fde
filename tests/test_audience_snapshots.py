"""Snapshots of the audience's full-screen projector pages, large text, Chinese and English.

The join page (QR code, address, join code), the live answers, the distribution at the reveal,
the audience leaderboard and the prize draw's winners, each at 80×24 and 160×45. The contest
is played to its first question with engine commands on a frozen clock (tests/hallkit.py) and
the audience's events are recorded as the host's audience would record them, so each page is
the same on every run. Update after a deliberate change of look with ``--snapshot-update``
and look at the SVGs.
"""

from __future__ import annotations

import pytest
from hallkit import PAGES, played

from quizhall import i18n
from quizhall.contest.audience import question_fields
from quizhall.store import open_store
from quizhall.testing import FrozenClock
from quizhall.tui.display import DisplayApp
from quizhall.tui.session import Follower, StoreSession

LANGUAGES = [pytest.param("zh-CN", id="zh"), pytest.param("en", id="en")]
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 45), id="160x45")]
NICKNAMES = {"zh-CN": ["小王", "李明明", "张三丰", "[b]阿芳[/b]", "老周"],
             "en": ["Amy", "Bo", "Carmen", "[b]Dee[/b]", "Eli"]}
CHOICES = "AABCA"  # A is right: three right, one B, one C


def audience_played(session: StoreSession, language: str, page: str) -> None:
    """Record an audience beside the contest's question, up to ``page`` on the projector."""
    contest = session.contest
    assert contest is not None
    key = contest.state.question_key
    fields = question_fields(contest.question(key))
    assert fields is not None
    options, answer = fields
    events: list[dict] = [{"type": "audience_server_started", "url": "http://192.168.1.20:8080/",
                           "code": "4821"}]
    for number, nickname in enumerate(NICKNAMES[language], 1):
        events.append({"type": "audience_joined", "device": f"d{number}", "nickname": nickname,
                       "unit": "", "token_hash": f"{number:032x}"})
    if page != "join":
        events.append({"type": "audience_question_opened", "key": key, "number": 1,
                       "options": list(options), "answer": answer, "seconds": 20})
        events += [{"type": "audience_answered", "device": f"d{number}", "choice": choice,
                    "elapsed": 1.5 * number} for number, choice in enumerate(CHOICES, 1)]
    if page in ("reveal", "board", "winners"):
        events.append({"type": "audience_question_closed"})
    if page == "winners":
        events.append({"type": "audience_draw", "scope": "question", "key": key, "count": 2,
                       "seed": 2025, "candidates": ["d1", "d2", "d5"]})
    events.append({"type": "audience_page", "page": "answers" if page == "reveal" else page})
    contest.record_audience(events)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("page", ["join", "answers", "reveal", "board", "winners"])
def test_audience_page(snap_compare, tmp_path, monkeypatch, hall_font, page, size, lang):
    i18n.set_language(lang)
    monkeypatch.setattr("quizhall.store.store.secrets.token_hex", lambda n: "5eed")
    session = played(tmp_path, lang, PAGES["question"])
    audience_played(session, lang, page)
    store = open_store(tmp_path / "data")
    app = DisplayApp(Follower(store, session.contest_id, FrozenClock()), bell=False,
                     follow=False, motion=False)
    try:
        assert snap_compare(app, terminal_size=size)
    finally:
        store.close()
        session.close()
