"""The projector sends the terminal only the rows that changed, and still shows the whole page.

From a buzz to the lock, or from one clock tick to the next, most of a projector page (the stem
drawn large, the options) stays: :class:`~quizhall.tui.widgets.hall.HallView` lays the page out
again and refreshes only the rows whose text or colours changed. These tests follow a contest
live and check, at each step, that the screen built row by row is the page drawn whole, and
that a clock tick redraws the countdown, not the stem.
"""

from __future__ import annotations

import asyncio

import pytest
from hallkit import PAGES, played
from textual.geometry import Region

from quizhall import i18n
from quizhall.store import open_store
from quizhall.testing import FrozenClock
from quizhall.tui.display import DisplayApp
from quizhall.tui.session import Follower
from quizhall.tui.widgets.hall import HallView
from quizhall.tui.widgets.page_lines import LineStrips

# From the question page: a buzz and its undo, the lock again, the reveal, the scoreboard put
# up and taken off, the next question and the podium.
STEPS = ["buzz 3", "undo", "buzz 3", "right", "reveal", "project scores", "project off",
         "next", "next", "open", "buzz 1", "right", "end"]


async def caught_up(pilot, app: DisplayApp, contest) -> None:
    """Let the projector fold every event the host wrote and draw the frame."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 10
    while app.follower.position < contest.projection.events:
        assert loop.time() < deadline, "the projector did not catch up"
        await asyncio.sleep(0.01)
    await pilot.pause()
    await pilot.pause()


def screen_rows(app: DisplayApp) -> list[str]:
    """The screen as the compositor holds it: text and colours of every row."""
    return [repr(list(strip)) for strip in app.screen._compositor.render_strips()]


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
async def test_a_page_redrawn_row_by_row_is_the_page_drawn_whole(tmp_path, hall_font, lang):
    i18n.set_language(lang)
    session = played(tmp_path, lang, PAGES["question"])
    contest = session.contest
    store = open_store(tmp_path / "data")
    app = DisplayApp(Follower(store, session.contest_id, FrozenClock()), bell=False,
                     motion=False)
    try:
        async with app.run_test(size=(160, 45)) as pilot:
            await caught_up(pilot, app, contest)
            hall = app.screen.query_one(HallView)
            for step in STEPS:
                outcome = contest.execute(contest.parse(step))
                assert outcome.accepted, (step, outcome.reason)
                await caught_up(pilot, app, contest)
                row_by_row = screen_rows(app)
                hall._strips = LineStrips()  # nothing kept: every line converted afresh
                hall.refresh()  # the whole page
                await pilot.pause()
                assert screen_rows(app) == row_by_row, step
    finally:
        store.close()
        session.close()


async def test_a_clock_tick_redraws_the_countdown_not_the_stem(tmp_path, hall_font,
                                                              monkeypatch):
    i18n.set_language("zh-CN")
    session = played(tmp_path, "zh-CN", PAGES["question"])
    contest = session.contest
    store = open_store(tmp_path / "data")
    clock = FrozenClock()
    app = DisplayApp(Follower(store, session.contest_id, clock), bell=False, motion=False,
                     tick=3600)  # the test moves the clock itself
    try:
        async with app.run_test(size=(160, 45)) as pilot:
            await caught_up(pilot, app, contest)
            hall = app.screen.query_one(HallView)
            assert app.view.timer is not None and app.view.timer.running
            before = hall.page_lines()
            refreshed: list[Region] = []
            original = hall.refresh

            def noted(*regions: Region, **kwargs: object) -> object:
                refreshed.extend(regions)
                return original(*regions, **kwargs)  # type: ignore[arg-type]

            monkeypatch.setattr(hall, "refresh", noted)
            clock.advance(1.0)
            app.refresh_state()
            await pilot.pause()
            after = hall.page_lines()
            changed = {y for y, (old, new) in enumerate(zip(before, after, strict=True))
                       if old.plain != new.plain or old.spans != new.spans}
            assert changed, "the countdown moved on"
            assert {region.y for region in refreshed} == changed
            assert len(changed) < len(after) // 2  # the stem and options stay
    finally:
        store.close()
        session.close()
