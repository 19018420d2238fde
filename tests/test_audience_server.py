"""The audience server, for real on 127.0.0.1: joining, answering, refusals, the log, the draw."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest
from audience_helpers import demo_on_question, serving, settings

from quizhall.contest.audience import AudienceBoard
from quizhall.store import open_store
from quizhall.web.hall import AudienceHall
from quizhall.web.server import Bucket, lan_address


def new_hall(contest=None, **options) -> AudienceHall:
    return AudienceHall(contest or demo_on_question(), settings(**options.pop("fields", {})),
                        host="127.0.0.1", port=0, **options)


async def join(session: aiohttp.ClientSession, nickname: str, code: str = "4321") -> dict:
    async with session.post("/api/join", json={"code": code, "nickname": nickname}) as reply:
        return {"status": reply.status, **await reply.json()}


async def answer(session: aiohttp.ClientSession, token: str, choice: str) -> dict:
    async with session.post("/api/answer", json={"token": token, "choice": choice}) as reply:
        return {"status": reply.status, **await reply.json()}


async def state(session: aiohttp.ClientSession, token: str, version: int = -1) -> dict:
    async with session.get("/api/state", params={"token": token, "v": version}) as reply:
        return await reply.json()


async def test_a_phone_joins_answers_and_the_answer_is_in_the_log():
    hall = new_hall()
    async with serving(hall), aiohttp.ClientSession(hall.server.url) as session:
        member = await join(session, "amy")
        assert member["status"] == 200 and member["device"] == "d1"
        assert hall.send() is None
        shown = await state(session, member["token"])
        letter = shown["question"]["options"][0][0]
        reply = await answer(session, member["token"], letter)
        assert reply == {"status": 200, "ok": True, "choice": letter}
    answers = [e for e in hall.contest.log.read() if e["type"] == "audience_answered"]
    assert [(e["device"], e["choice"]) for e in answers] == [("d1", letter)]


async def test_the_server_binds_only_where_it_is_told():
    hall = new_hall()
    async with serving(hall):
        assert hall.server.url.startswith("http://127.0.0.1:")
    assert lan_address() != "0.0.0.0"


async def test_joining_needs_the_join_code():
    hall = new_hall()
    async with serving(hall), aiohttp.ClientSession(hall.server.url) as session:
        reply = await join(session, "amy", code="0000")
        assert reply["status"] == 400 and reply["code"] == "bad_code"
    assert not [e for e in hall.contest.log.read() if e["type"] == "audience_joined"]


async def test_wrong_join_codes_are_rate_limited():
    hall = new_hall(joins_per_minute=1000)
    async with serving(hall), aiohttp.ClientSession(hall.server.url) as session:
        statuses = [(await join(session, f"x{i}", code="0000"))["status"] for i in range(14)]
        assert statuses[:10] == [400] * 10
        assert statuses[-1] == 429
        # Even the right code waits now: guessing cannot go on at full speed.
        assert (await join(session, "amy"))["status"] == 429


async def test_a_second_answer_from_a_device_is_refused():
    hall = new_hall()
    async with serving(hall), aiohttp.ClientSession(hall.server.url) as session:
        member = await join(session, "amy")
        hall.send()
        first, second = await asyncio.gather(answer(session, member["token"], "A"),
                                             answer(session, member["token"], "B"))
        assert sorted([first["status"], second["status"]]) == [200, 409]
    assert len([e for e in hall.contest.log.read() if e["type"] == "audience_answered"]) == 1


async def test_a_late_answer_is_refused():
    contest = demo_on_question()
    hall = new_hall(contest)
    async with serving(hall), aiohttp.ClientSession(hall.server.url) as session:
        member = await join(session, "amy")
        hall.send()
        contest.clock.advance(21)
        reply = await answer(session, member["token"], "A")
        assert reply["status"] == 400 and reply["code"] == "too_late"


async def test_a_flooding_device_is_refused_quickly():
    hall = new_hall()
    async with serving(hall), aiohttp.ClientSession(hall.server.url) as session:
        member = await join(session, "amy")
        statuses = [(await session.get("/api/state", params={"token": member["token"],
                                                              "v": -1})).status
                    for _ in range(30)]
        assert 429 in statuses
        assert statuses[0] == 200


async def test_an_oversized_request_is_refused():
    hall = new_hall()
    async with serving(hall), aiohttp.ClientSession(hall.server.url) as session:
        reply = await session.post("/api/join", data="x" * 10_000,
                                   headers={"Content-Type": "application/json"})
        assert reply.status in (400, 413)
    assert not [e for e in hall.contest.log.read() if e["type"] == "audience_joined"]


async def test_a_nickname_over_the_limit_is_refused_and_the_page_says_the_limit():
    hall = new_hall()
    async with serving(hall), aiohttp.ClientSession(hall.server.url) as session:
        reply = await join(session, "n" * 13)
        assert reply["status"] == 400 and "12" in reply["error"]
        page = await (await session.get("/")).text()
        assert "at most 12 characters" in page and 'maxlength="12"' in page


async def test_the_phone_page_loads_nothing_from_elsewhere():
    hall = new_hall()
    async with serving(hall), aiohttp.ClientSession(hall.server.url) as session:
        reply = await session.get("/")
        page = await reply.text()
        script = await (await session.get("/phone.js")).text()
        assert "default-src 'self'" in reply.headers["Content-Security-Policy"]
    assert "http" not in page.replace('http-equiv', '') and "//" not in page
    assert "innerHTML" not in script and "textContent" in script


async def test_the_long_poll_wakes_when_a_question_is_sent():
    hall = new_hall()
    async with serving(hall), aiohttp.ClientSession(hall.server.url) as session:
        member = await join(session, "amy")
        before = await state(session, member["token"])
        assert "question" not in before
        waiting = asyncio.ensure_future(state(session, member["token"], before["v"]))
        await asyncio.sleep(0.05)
        assert not waiting.done()
        hall.send()
        after = await asyncio.wait_for(waiting, 5)
        assert after["question"]["n"] == 1


async def test_the_reveal_shows_phones_the_answer_and_the_distribution():
    contest = demo_on_question()
    hall = new_hall(contest)
    async with serving(hall), aiohttp.ClientSession(hall.server.url) as session:
        amy, bo = await join(session, "amy"), await join(session, "bo")
        hall.send()
        right = hall.board.current.answer
        wrong = next(o for o in hall.board.current.options if o != right)
        await answer(session, amy["token"], right)
        await answer(session, bo["token"], wrong)
        assert hall.close()
        shown = (await state(session, amy["token"]))["question"]
        assert shown["closed"] and shown["answer"] == right and shown["mine"] == right
        assert shown["counts"][right] == 1 and shown["counts"][wrong] == 1
        assert (await state(session, amy["token"]))["right"] == 1


async def test_a_draw_records_seed_and_candidates_before_the_winners_are_known():
    hall = new_hall()
    async with serving(hall), aiohttp.ClientSession(hall.server.url) as session:
        members = [await join(session, f"p{i}") for i in range(5)]
        hall.send()
        right = hall.board.current.answer
        for member in members[:3]:
            await answer(session, member["token"], right)
        winners, refusal = hall.draw("question", 2, seed=99)
        assert refusal is None and len(winners) == 2
        shown = await state(session, members[0]["token"])
    draw = [e for e in hall.contest.log.read() if e["type"] == "audience_draw"][-1]
    assert draw["seed"] == 99 and draw["candidates"] == ["d1", "d2", "d3"]
    board = AudienceBoard.fold(hall.contest.log.read())
    assert [board.members[d].nickname for d in board.draws[-1].winners] == winners
    assert shown["winners"] == winners


def test_a_draw_with_nobody_right_is_refused():
    hall = new_hall()
    winners, refusal = hall.draw("question", 1)
    assert winners == [] and refusal
    assert not [e for e in hall.contest.log.read() if e["type"] == "audience_draw"]


async def test_an_acknowledged_answer_is_on_disk_before_the_reply(tmp_path):
    store = open_store(tmp_path)
    contest_id = store.create_contest("t", {})
    contest = demo_on_question(log=store.open_log(contest_id, writer=True))
    hall = new_hall(contest)
    async with serving(hall), aiohttp.ClientSession(hall.server.url) as session:
        member = await join(session, "amy")
        hall.send()
        reply = await answer(session, member["token"], "A")
        assert reply["status"] == 200
        # A second reader of the file (as after a crash) finds the answer.
        reader = open_store(tmp_path).open_log(contest_id, writer=False)
        assert [e["device"] for e in reader.read() if e["type"] == "audience_answered"] == \
            ["d1"]
        reader.close()
    store.close()


async def test_a_phone_keeps_its_place_when_the_host_resumes():
    contest = demo_on_question()
    hall = new_hall(contest)
    async with serving(hall), aiohttp.ClientSession(hall.server.url) as session:
        member = await join(session, "amy")
    again = new_hall(contest)  # a new server folding the same log
    async with serving(again), aiohttp.ClientSession(again.server.url) as session:
        assert (await state(session, member["token"]))["nickname"] == "amy"


def test_a_bucket_refills_at_its_rate():
    now = [0.0]
    bucket = Bucket(2, 2, clock=lambda: now[0])
    assert bucket.take("a") and bucket.take("a") and not bucket.take("a")
    now[0] += 0.5
    assert bucket.take("a") and not bucket.take("a")


@pytest.mark.parametrize("fields", [{"ask_unit": True}])
async def test_a_contest_that_asks_for_the_unit_requires_it(fields):
    hall = new_hall(fields=fields)
    async with serving(hall), aiohttp.ClientSession(hall.server.url) as session:
        reply = await join(session, "amy")
        assert reply["code"] == "unit_empty"
        async with session.post("/api/join", json={"code": "4321", "nickname": "amy",
                                                   "unit": "工会"}) as ok:
            assert ok.status == 200
    assert [e["unit"] for e in hall.contest.log.read() if e["type"] == "audience_joined"] == \
        ["工会"]


BUZZ_ROUND = """\
  - type: buzz
    title: 抢答轮
    questions: {ids: [h02, h04]}
"""


def test_an_unanswered_question_goes_to_the_audience_and_the_reveal_closes_it(tmp_path):
    from tuikit import TUI_BANK, contest_file

    from quizhall.contest import Command, Contest, ManualClock, MemoryLog, load_contest

    load = load_contest(contest_file(tmp_path, BUZZ_ROUND, bank=TUI_BANK))
    contest = Contest.start(load.plan, MemoryLog(), ManualClock(0.0), questions=load.questions)
    hall = new_hall(contest)
    for name in ("next", "next", "open", "timeout"):
        assert contest.execute(Command(name)).accepted, name
        hall.follow()
    assert contest.state.audience  # nobody buzzed: 观众题
    assert hall.board.current is not None and hall.board.current.key == "hall/h02"
    assert not hall.board.current.closed
    contest.execute(Command("reveal"))
    hall.follow()
    assert hall.board.current.closed
    assert contest.state.scores == (100, 100, 100)


# -- the websocket: what phones with WebSocket use -------------------------------------------

async def pushed_state(socket: aiohttp.ClientWebSocketResponse) -> dict:
    """The next state the server pushes on ``socket`` (replies to answers are skipped)."""
    while True:
        message = await asyncio.wait_for(socket.receive_json(), 5)
        if "state" in message:
            return message["state"]


async def socket_answer(socket: aiohttp.ClientWebSocketResponse, choice: str) -> dict:
    """Send an answer on ``socket``; the server's reply to it (pushes are skipped)."""
    await socket.send_json({"answer": choice})
    while True:
        message = await asyncio.wait_for(socket.receive_json(), 5)
        if "reply" in message:
            return message["reply"]


async def test_the_websocket_pushes_the_question_when_the_host_sends_it():
    hall = new_hall()
    async with serving(hall), aiohttp.ClientSession(hall.server.url) as session:
        member = await join(session, "amy")
        async with session.ws_connect("/api/ws", params={"token": member["token"]}) as socket:
            first = await pushed_state(socket)
            assert first["joined"] and "question" not in first
            hall.send()
            pushed = await pushed_state(socket)
            assert pushed["question"]["n"] == 1 and pushed["v"] > first["v"]
            assert hall.close()
            assert (await pushed_state(socket))["question"]["closed"]


async def test_an_answer_on_the_websocket_is_acknowledged_once_it_is_in_the_log():
    hall = new_hall()
    async with serving(hall), aiohttp.ClientSession(hall.server.url) as session:
        member = await join(session, "amy")
        hall.send()
        async with session.ws_connect("/api/ws", params={"token": member["token"]}) as socket:
            letter = (await pushed_state(socket))["question"]["options"][0][0]
            reply = await socket_answer(socket, letter.lower())
            assert reply == {"ok": True, "choice": letter}
            logged = [e for e in hall.contest.log.read() if e["type"] == "audience_answered"]
            assert [(e["device"], e["choice"]) for e in logged] == [("d1", letter)]
            # Answer once: a second answer, on the socket or by POST, is refused.
            assert (await socket_answer(socket, letter))["code"] == "answered"
            assert (await answer(session, member["token"], letter))["status"] == 409


async def test_a_late_answer_on_the_websocket_is_refused():
    contest = demo_on_question()
    hall = new_hall(contest)
    async with serving(hall), aiohttp.ClientSession(hall.server.url) as session:
        member = await join(session, "amy")
        hall.send()
        async with session.ws_connect("/api/ws", params={"token": member["token"]}) as socket:
            await pushed_state(socket)
            contest.clock.advance(21)
            assert (await socket_answer(socket, "A"))["code"] == "too_late"
    assert not [e for e in hall.contest.log.read() if e["type"] == "audience_answered"]


async def test_a_websocket_without_a_joined_token_cannot_answer():
    hall = new_hall()
    async with serving(hall), aiohttp.ClientSession(hall.server.url) as session:
        await join(session, "amy")
        hall.send()
        async with session.ws_connect("/api/ws") as socket:
            assert not (await pushed_state(socket))["joined"]
            assert (await socket_answer(socket, "A"))["code"] == "slow_down"
        async with session.ws_connect("/api/ws", params={"token": "forged"}) as socket:
            await pushed_state(socket)
            assert (await socket_answer(socket, "A"))["code"] == "unknown_device"


async def test_a_flooding_websocket_is_refused_quickly():
    hall = new_hall()
    async with serving(hall), aiohttp.ClientSession(hall.server.url) as session:
        member = await join(session, "amy")
        async with session.ws_connect("/api/ws", params={"token": member["token"]}) as socket:
            await pushed_state(socket)
            codes = [(await socket_answer(socket, "A"))["code"] for _ in range(30)]
            assert "slow_down" in codes and codes[0] == "no_question"


async def test_a_websocket_message_that_is_not_an_answer_is_refused():
    hall = new_hall()
    async with serving(hall), aiohttp.ClientSession(hall.server.url) as session:
        member = await join(session, "amy")
        async with session.ws_connect("/api/ws", params={"token": member["token"]}) as socket:
            await pushed_state(socket)
            await socket.send_str("<not json>")
            while "reply" not in (message := await socket.receive_json()):
                pass
            assert message["reply"]["code"] == "bad_request"


async def test_stopping_the_server_closes_the_phones_websockets():
    hall = new_hall()
    hall.start()
    try:
        async with aiohttp.ClientSession(hall.server.url) as session, \
                session.ws_connect("/api/ws") as socket:
            await pushed_state(socket)
            assert hall.server.sockets == 1
            stopping = asyncio.ensure_future(asyncio.to_thread(hall.stop))
            message = await asyncio.wait_for(socket.receive(), 5)
            assert message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
            await asyncio.wait_for(stopping, 10)
    finally:
        hall.stop()


async def test_a_device_cannot_hoard_websockets():
    hall = new_hall(device_rate=100)
    async with serving(hall), aiohttp.ClientSession(hall.server.url) as session:
        member = await join(session, "amy")
        params = {"token": member["token"]}
        sockets = [await session.ws_connect("/api/ws", params=params) for _ in range(4)]
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await session.ws_connect("/api/ws", params=params)
        assert refused.value.status == 429
        for socket in sockets:
            await socket.close()
