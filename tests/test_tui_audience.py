"""The audience on the host console and the projector: send, live counts, reveal, draw, board."""

from __future__ import annotations

import asyncio

import aiohttp
from audience_helpers import settings
from tuikit import TUI_BANK, contest_file, host, press, screen_text

from quizhall.store import open_store
from quizhall.testing import FrozenClock
from quizhall.tui.display import DisplayApp
from quizhall.tui.session import Follower
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
