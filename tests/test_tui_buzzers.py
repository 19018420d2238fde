"""Buzzer presses count by the time of the key event, in time order across sources."""

from __future__ import annotations

import asyncio
import os
import sys
import threading
import time

import pytest
from textual import events
from tuikit import TUI_BANK, contest_file, host, press, screen_text

from quizhall.buzzers.keyboard import KeyboardBuzzer
from quizhall.buzzers.serial_port import SerialBuzzer
from quizhall.tui.hall_clock import HallClock

BUZZ = """\
  - type: buzz
    title: 抢答轮
    window: 15
    questions: {ids: [h02, h03]}
"""


class SteppedClock(HallClock):
    """Monotonic and wall time that move only when told to, in step."""

    def __init__(self) -> None:
        self.mono = 1000.0
        super().__init__(wall=lambda: 1_750_000_000.0 + self.mono, monotonic=lambda: self.mono)


async def test_a_press_just_inside_the_window_counts_even_when_handled_after_it(tmp_path):
    clock = SteppedClock()
    app, session = host(contest_file(tmp_path, BUZZ, bank=TUI_BANK), tmp_path / "data",
                        clock=clock, tick=3600)
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "space", "space", "space", "o")
        opened = clock.now()
        clock.mono += 14.9
        key = events.Key("3", "3")
        key.time = clock.mono  # pressed now, 14.9 s into the 15 s window ...
        clock.mono += 0.4  # ... but handled 0.4 s later, after the window closed
        app.screen.post_message(key)
        await pilot.pause()
        assert app.view.buzz_holder == 3
        buzz = [e for e in app.contest.log.read() if e["type"] == "buzz"][-1]
        assert buzz["t"] == pytest.approx(opened + 14.9)
    session.close()


async def test_presses_from_two_sources_are_taken_in_the_order_they_happened(tmp_path):
    app, session = host(contest_file(tmp_path, BUZZ, bank=TUI_BANK), tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "space", "space", "space", "o")
        now = time.monotonic()
        # A slow source delivers team 2's later press first; team 1's earlier one follows.
        later = threading.Thread(target=app.press, args=("2",), kwargs={"at": now + 0.002})
        later.start()
        while app.pending_presses < 1:
            time.sleep(0.001)  # the app's loop is held here, as when busy drawing
        earlier = threading.Thread(target=app.press, args=("1",), kwargs={"at": now + 0.001})
        earlier.start()
        while app.pending_presses < 2:
            time.sleep(0.001)
        await pilot.pause()
        later.join(5)
        earlier.join(5)
        await pilot.pause()
        assert app.view.buzz_holder == 1
    session.close()


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX only")
async def test_serial_buzzer_box_wins_the_buzz_through_the_console(tmp_path):
    import tty

    controller, device = os.openpty()
    tty.setraw(device)
    serial = SerialBuzzer(port=os.ttyname(device))
    app, session = host(contest_file(tmp_path, BUZZ, bank=TUI_BANK), tmp_path / "data",
                        buzzers=[KeyboardBuzzer(), serial])
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await press(pilot, "space", "space", "space", "o")
            os.write(controller, b"BUZZ 2\n")
            for _ in range(250):
                if app.view.buzz_holder is not None:
                    break
                await asyncio.sleep(0.02)
            await pilot.pause()
            assert app.view.buzz_holder == 2
            assert "team 2 has the buzz" in screen_text(app)
    finally:
        os.close(controller)
        os.close(device)
        session.close()
    assert serial._thread is None  # stopped with the app
