"""The audience on the host console and the projector: send, live counts, reveal, draw, board."""

from __future__ import annotations

import asyncio

import aiohttp
from audience_helpers import settings
from tuikit import TUI_BANK, contest_file, host, press, screen_text, squeeze

from quizhall.store import open_store
from quizhall.testing import FrozenClock
from quizhall.tui.display import DisplayApp
from quizhall.tui.session import Follower
from quizhall.tui.widgets.hall import HallView
from quizhall.tui.widgets.status import on_projector
from quizhall.web.hall import AudienceHall

ROUNDS = """\
  - type: required
    title: 必答轮
    time_limit: 30
    questions: {ids: [h02, h03]}
"""


def with_audience(contest):
    return AudienceHall(contest, settings(), host="127.0.0.1", port=0)


async def until(pilot, condition, timeout: float = 5.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, "the screen did not catch up"
        await asyncio.sleep(0.02)
    await pilot.pause()


async def phone_joins_and_answers(url: str, nickname: str, choice: str) -> int:
    async with aiohttp.ClientSession(url) as session:
        reply = await session.post("/api/join", json={"code": "4321", "nickname": nickname})
        token = (await reply.json())["token"]
        reply = await session.post("/api/answer", json={"token": token, "choice": choice})
        return reply.status


async def test_host_sends_a_question_phones_answer_and_the_console_counts(tmp_path):
    path = contest_file(tmp_path, ROUNDS, bank=TUI_BANK)
    app, session = host(path, tmp_path / "data", audience=with_audience)
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        hall = app.audience
        assert hall is not None
        text = screen_text(app)
        assert "4321" in text and "127.0.0.1" in text  # QR page: address and join code
        await press(pilot, "space", "space", "space")  # teams, round intro, question 1
        await press(pilot, "C")
        assert hall.board.current is not None and hall.board.current.key == "hall/h02"
        statuses = await asyncio.gather(
            phone_joins_and_answers(hall.server.url, "amy", "A"),
            phone_joins_and_answers(hall.server.url, "<b>bo</b>", "B"))
        assert statuses == [200, 200]
        await until(pilot, lambda: "answered 2/2" in screen_text(app))
        await press(pilot, "y", "r")  # judged right, revealed: the phones see the answer
        assert hall.board.current.closed
        await until(pilot, lambda: "right answer A: 1 right" in screen_text(app))
    session.close()
    log = open_store(tmp_path / "data").open_log(session.contest_id, writer=False)
    kinds = [event["type"] for event in log.read()]
    assert kinds.count("audience_answered") == 2 and "audience_question_closed" in kinds
    log.close()


async def test_the_draw_names_winners_on_the_console_and_the_projector(tmp_path):
    path = contest_file(tmp_path, ROUNDS, bank=TUI_BANK)
    app, session = host(path, tmp_path / "data", audience=with_audience)
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        hall = app.audience
        await press(pilot, "space", "space", "space", "C")
        await phone_joins_and_answers(hall.server.url, "[red]amy", "A")
        await until(pilot, lambda: len(hall.board.current.answers) == 1)
        await press(pilot, "D", "enter")  # this question's right answers
        await pilot.press(*"1")
        await press(pilot, "enter")
        assert [d.candidates for d in hall.board.draws] == [("d1",)]
        await until(pilot, lambda: "[red]amy" in screen_text(app))
        reader = open_store(tmp_path / "data")
        display = DisplayApp(Follower(reader, session.contest_id, FrozenClock()), bell=False,
                             follow=False)
        async with display.run_test(size=(110, 40)) as shown:
            await shown.pause()
            text = screen_text(display)
            assert "Prize winners" in text and "[red]amy" in text
        reader.close()
        await press(pilot, "L")
        await until(pilot, lambda: "Audience leaderboard" in screen_text(app))
    session.close()


async def test_without_audience_the_keys_are_not_offered(tmp_path):
    path = contest_file(tmp_path, ROUNDS, bank=TUI_BANK)
    app, session = host(path, tmp_path / "data")
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        await press(pilot, "space", "space", "space")
        assert "audience" not in dict(app.footer_items()).values()
        await press(pilot, "C")
        assert app.audience is None
    session.close()


# -- the audience's full-screen pages: the host's keys put them up, as events ----------------

def audience_pages(tmp_path, session) -> list:
    """The audience pages the log records, in order."""
    log = open_store(tmp_path / "data").open_log(session.contest_id, writer=False)
    pages = [e["page"] for e in log.read() if e["type"] == "audience_page"]
    log.close()
    return pages


async def late_display_page(tmp_path, session) -> str:
    """The audience page a projector started now draws full-screen ("" for none)."""
    store = open_store(tmp_path / "data")
    app = DisplayApp(Follower(store, session.contest_id, FrozenClock()), bell=False,
                     follow=False)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            return app.screen.query_one(HallView).audience_page_shown
    finally:
        store.close()


async def test_each_audience_key_puts_its_page_on_the_projector_and_takes_it_off(tmp_path):
    path = contest_file(tmp_path, ROUNDS, bank=TUI_BANK)
    app, session = host(path, tmp_path / "data", audience=with_audience)
    async with app.run_test(size=(110, 40)) as pilot:
        hall = app.audience
        await press(pilot, "space", "space", "space", "C")
        await phone_joins_and_answers(hall.server.url, "amy", "A")
        await until(pilot, lambda: len(hall.board.current.answers) == 1)
        await press(pilot, "D", "enter", "1", "enter")  # a draw: the winners go up
        await press(pilot, "W")  # taken off
        for key, page in (("Q", "join"), ("A", "answers"), ("L", "board"), ("W", "winners")):
            await press(pilot, key)
            assert app.audience.board.page == page
            assert app.view.audience_page == page  # the host's status line names it
            assert await late_display_page(tmp_path, session) == page
        assert on_projector(app.view).plain == "▣ projector: prize winners (put up by the host)"
        await press(pilot, "W")  # pressed again: off, the contest's page shows
        assert app.audience.board.page == ""
        assert await late_display_page(tmp_path, session) == ""
    assert audience_pages(tmp_path, session) == [
        "winners", "", "join", "answers", "board", "winners", ""]
    session.close()


async def test_winners_before_any_draw_says_so_and_puts_nothing_up(tmp_path):
    path = contest_file(tmp_path, ROUNDS, bank=TUI_BANK)
    app, session = host(path, tmp_path / "data", audience=with_audience)
    notices: list[str] = []
    async with app.run_test(size=(110, 40)) as pilot:
        original = app.notify
        app.notify = lambda message, **kw: (notices.append(str(message)),  # type: ignore
                                            original(message, **kw))[1]
        await press(pilot, "space", "space", "space", "Q")  # the join page is up
        await press(pilot, "W")
        assert notices[-1].startswith("no prize draw yet, so no winners to show: press D")
        assert app.audience.board.page == "join"  # the hall keeps the page it had
        assert on_projector(app.view).plain == "▣ projector: audience join page (put up by " \
            "the host)"
        assert await late_display_page(tmp_path, session) == "join"
    assert audience_pages(tmp_path, session) == ["join"]
    session.close()


async def test_answers_before_any_audience_question_says_so_and_puts_nothing_up(tmp_path):
    path = contest_file(tmp_path, ROUNDS, bank=TUI_BANK)
    app, session = host(path, tmp_path / "data", audience=with_audience)
    notices: list[str] = []
    async with app.run_test(size=(110, 40)) as pilot:
        original = app.notify
        app.notify = lambda message, **kw: (notices.append(str(message)),  # type: ignore
                                            original(message, **kw))[1]
        await press(pilot, "space", "space", "space", "A")
        assert notices[-1].startswith("no audience question yet, so no answers to show")
        assert app.audience.board.page == ""
        assert await late_display_page(tmp_path, session) == ""
    assert audience_pages(tmp_path, session) == []
    session.close()


async def test_a_draw_puts_its_winners_on_the_projector_full_screen(tmp_path):
    path = contest_file(tmp_path, ROUNDS, bank=TUI_BANK)
    app, session = host(path, tmp_path / "data", audience=with_audience)
    async with app.run_test(size=(110, 40)) as pilot:
        hall = app.audience
        await press(pilot, "space", "space", "space", "C")
        await phone_joins_and_answers(hall.server.url, "amy", "A")
        await until(pilot, lambda: len(hall.board.current.answers) == 1)
        await press(pilot, "D", "enter", "1", "enter")
        assert len(hall.board.draws) == 1 and hall.board.page == "winners"
        assert await late_display_page(tmp_path, session) == "winners"
    log = open_store(tmp_path / "data").open_log(session.contest_id, writer=False)
    kinds = [e["type"] for e in log.read()]
    log.close()
    # The seed and candidates are in the log before the winners go up.
    assert kinds.index("audience_draw") < len(kinds) - 1 - kinds[::-1].index("audience_page")
    session.close()


async def test_the_host_moving_on_takes_the_audience_page_off(tmp_path):
    path = contest_file(tmp_path, ROUNDS, bank=TUI_BANK)
    app, session = host(path, tmp_path / "data", audience=with_audience)
    async with app.run_test(size=(110, 40)) as pilot:
        await press(pilot, "space", "space", "space", "Q")
        assert app.audience.board.page == "join"
        await press(pilot, "y")  # the host judges: the hall sees the contest again
        assert app.audience.board.page == ""
    assert await late_display_page(tmp_path, session) == ""
    session.close()


async def test_a_resumed_console_keeps_the_audience_page_the_host_put_up(tmp_path):
    path = contest_file(tmp_path, ROUNDS, bank=TUI_BANK)
    app, session = host(path, tmp_path / "data", audience=with_audience)
    async with app.run_test(size=(110, 40)) as pilot:
        await press(pilot, "space", "space", "space", "L")
    contest_id = session.contest_id
    session.close()
    again, session = host(path, tmp_path / "data", audience=with_audience)
    again._resume = contest_id
    async with again.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        assert again.audience.board.page == "board"
        assert await late_display_page(tmp_path, session) == "board"
        await press(pilot, "L")  # and the key still takes it off after the resume
        assert again.audience.board.page == ""
    assert await late_display_page(tmp_path, session) == ""
    session.close()


async def test_help_lists_the_audience_page_keys(tmp_path):
    path = contest_file(tmp_path, ROUNDS, bank=TUI_BANK)
    app, session = host(path, tmp_path / "data", audience=with_audience)
    async with app.run_test(size=(140, 60)) as pilot:
        await press(pilot, "question_mark")
        text = screen_text(app)
        for words in ("join page full-screen", "audience's answers full-screen",
                      "last draw's winners full-screen", "leaderboard full-screen"):
            assert words in text
    session.close()


# -- the host's audience strip says what the hall sees ----------------------------------------

def host_strip(app) -> str:
    """The audience strip at the bottom of the host console: its first two rows, without
    spaces (a long line wraps)."""
    from quizhall.tui.widgets.audience import AudiencePanel

    top = app.screen.query_one(AudiencePanel).region.y + 1  # under the panel's top border
    return squeeze(" ".join(screen_text(app).splitlines()[top:top + 2]))


async def test_the_host_strip_names_the_audience_page_and_counts_the_answers(tmp_path):
    path = contest_file(tmp_path, ROUNDS, bank=TUI_BANK)
    app, session = host(path, tmp_path / "data", audience=with_audience)
    async with app.run_test(size=(160, 45)) as pilot:
        hall = app.audience
        await pilot.pause()
        assert host_strip(app).startswith(
            squeeze("▣ hall (under the contest): audience join page   0 people joined"))
        await press(pilot, "Q")
        assert host_strip(app).startswith(
            squeeze("▣ hall (full screen): audience join page   0 people joined"))
        await press(pilot, "Q", "space", "space", "space", "C")
        await phone_joins_and_answers(hall.server.url, "amy", "A")
        await until(pilot, lambda: len(hall.board.current.answers) == 1)
        # The answers are shown under the line: the line does not say them twice.
        await until(pilot, lambda: host_strip(app).startswith(squeeze(
            "▣ hall (under the contest): audience answers   1 person joined Audience question")))
        await until(pilot, lambda: "answered1/1" in host_strip(app))  # counts: every 0.25 s
        assert host_strip(app).count("answered") == 1
        await press(pilot, "L")  # the leaderboard over the hall: the answers in the line
        await until(pilot, lambda: squeeze("1 person joined   Audience question 1 answered 1/1 ·")
                    in host_strip(app))
        assert host_strip(app).startswith(squeeze("▣ hall (full screen): audience leaderboard"))
        assert "sleft" in host_strip(app)
        await press(pilot, "y", "r")  # judged and revealed: the audience question closes
        await press(pilot, "L")  # (judging took the leaderboard off: up again)
        await until(pilot, lambda: "answered1/1·answershown" in host_strip(app))
    session.close()
