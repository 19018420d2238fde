"""No lost keys: a key typed into the projector window reaches the host console.

``quizhall display`` hands each key to the host console over a local datagram socket; the
host handles it as if typed there (and stays the only writer of the log); a buzzer key keeps
the key event's time. With no host console listening the projector says so, large.
"""

from __future__ import annotations

import asyncio
import time

from tuikit import TUI_BANK, contest_file, host, press, screen_text

from quizhall.store import open_store
from quizhall.testing import FrozenClock
from quizhall.tui import keylink
from quizhall.tui.display import DisplayApp
from quizhall.tui.hall_clock import HallClock
from quizhall.tui.session import Follower
from quizhall.tui.widgets.hall import HallView

BUZZ = """\
  - type: buzz
    title: 抢答轮
    window: 15
    questions: {ids: [h02, h03]}
"""


async def until(condition, timeout: float = 5.0) -> None:
    """Let the other app's threads work until ``condition()`` holds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, "the key did not arrive"
        await asyncio.sleep(0.01)


async def test_a_buzzer_key_typed_on_the_projector_buzzes_on_the_host(tmp_path):
    app, session = host(contest_file(tmp_path, BUZZ, bank=TUI_BANK), tmp_path / "data")
    async with app.run_test(size=(100, 30)) as host_pilot:
        await press(host_pilot, "space", "space", "space", "o")
        store = open_store(tmp_path / "data")
        display = DisplayApp(Follower(store, session.contest_id, FrozenClock()), bell=False)
        async with display.run_test(size=(100, 30)) as pilot:
            await press(pilot, "2")
            await until(lambda: app.view.buzz_holder == 2)
            assert not display.screen.query_one(HallView).warning
            assert not display.follower.log.writer  # the host wrote the buzz, not the projector
        store.close()
        buzzes = [e for e in app.contest.log.read() if e["type"] == "buzz"]
        assert len(buzzes) == 1
    session.close()


async def test_a_forwarded_buzz_keeps_its_key_event_time(tmp_path):
    app, session = host(contest_file(tmp_path, BUZZ, bank=TUI_BANK), tmp_path / "data",
                        clock=HallClock())  # real time: a frozen clock dates keys "now"
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "space", "space", "space", "o")
        await asyncio.sleep(0.5)  # the buzz is open well before the key below was typed
        typed_at = time.monotonic() - 0.25  # typed a quarter second before it arrives
        assert keylink.KeySender(session.contest_id).send("3", "3", typed_at)
        await until(lambda: app.view.buzz_holder == 3)
        buzz = [e for e in app.contest.log.read() if e["type"] == "buzz"][-1]
        assert 0.2 < time.time() - buzz["t"] < 5  # dated by the key, not by its arrival
    session.close()


async def test_a_host_key_typed_on_the_projector_acts_on_the_host(tmp_path):
    app, session = host(contest_file(tmp_path, BUZZ, bank=TUI_BANK), tmp_path / "data")
    async with app.run_test(size=(100, 30)) as host_pilot:
        await press(host_pilot, "space", "space", "space")
        assert app.view.buzz_open is False
        assert keylink.KeySender(session.contest_id).send("o", "o", time.monotonic())
        await until(lambda: app.view.buzz_open)
    session.close()


async def test_with_no_host_console_the_projector_says_so_large(tmp_path):
    app, session = host(contest_file(tmp_path, BUZZ, bank=TUI_BANK), tmp_path / "data")
    async with app.run_test(size=(100, 30)):
        pass  # the console started the contest and closed: nobody listens now
    assert not keylink.socket_path(session.contest_id).exists()
    store = open_store(tmp_path / "data")
    display = DisplayApp(Follower(store, session.contest_id, FrozenClock()), bell=False,
                         follow=False)
    async with display.run_test(size=(100, 30)) as pilot:
        await press(pilot, "1")
        assert display.screen.query_one(HallView).warning
        assert "THE HOST CONSOLE IS NOT RUNNING" in screen_text(display)
    store.close()
    session.close()


def test_malformed_datagrams_are_ignored():
    assert keylink.decode(b"not json") is None
    assert keylink.decode(b'["o"]') is None
    assert keylink.decode(b'{"key": "o", "at": true}') is None
    assert keylink.decode(b'{"key": "o", "character": 5, "at": 1}') is None
    assert keylink.decode(b'{"key": "o", "character": "o", "at": 1.5}') == ("o", "o", 1.5)


def test_a_socket_left_by_a_crashed_console_is_replaced(tmp_path):
    got: list[tuple] = []
    path = keylink.socket_path("crashed-20251124-abcd")
    keylink.private_dir(path.parent)
    path.write_bytes(b"")  # what a console killed with -9 leaves behind
    listener = keylink.KeyListener("crashed-20251124-abcd", lambda *key: got.append(key))
    listener.start()
    try:
        assert keylink.KeySender("crashed-20251124-abcd").send("y", "y", 2.0)
        deadline = time.monotonic() + 5
        while not got:
            assert time.monotonic() < deadline
            time.sleep(0.01)
        assert got == [("y", "y", 2.0)]
    finally:
        listener.stop()
    assert not path.exists()
    assert not keylink.KeySender("crashed-20251124-abcd").send("y", "y", 3.0)


def test_a_directory_open_to_others_is_refused(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o777)
    shared.chmod(0o777)
    try:
        keylink.private_dir(shared)
    except PermissionError as error:
        assert "not private" in str(error)
    else:
        raise AssertionError("a world-writable directory was accepted")


async def test_a_watch_only_display_hands_no_key_to_the_host(tmp_path):
    app, session = host(contest_file(tmp_path, BUZZ, bank=TUI_BANK), tmp_path / "data")
    async with app.run_test(size=(100, 30)) as host_pilot:
        await press(host_pilot, "space", "space", "space", "o")
        store = open_store(tmp_path / "data")
        display = DisplayApp(Follower(store, session.contest_id, FrozenClock()), bell=False,
                             watch_only=True)
        async with display.run_test(size=(100, 30)) as pilot:
            await press(pilot, "2", "y", "space")
            await asyncio.sleep(0.3)  # what a forwarded key would take to arrive
            assert app.view.buzz_holder is None and app.view.buzz_open
            assert not display.screen.query_one(HallView).warning  # nothing to warn about
        store.close()
    session.close()
