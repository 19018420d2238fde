"""The serial buzzer reads ``BUZZ <key>`` lines from a real pseudo-terminal pair."""

import os
import queue
import sys
import time

import pytest

from quizhall.buzzers.serial_port import SerialBuzzer, parse_line

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX only")


def test_parse_line_reads_the_key():
    assert parse_line(b"BUZZ 3\r\n") == "3"
    assert parse_line(b"buzz f") == "f"
    assert parse_line(b"") is None
    assert parse_line(b"# box v2 ready") is None
    with pytest.raises(ValueError):
        parse_line(b"HELLO 3")
    with pytest.raises(ValueError):
        parse_line(b"BUZZ")


@pytest.fixture
def pty_pair():
    import tty

    controller, device = os.openpty()
    tty.setraw(device)
    yield controller, os.ttyname(device)
    os.close(controller)
    os.close(device)


def _collect(presses: queue.Queue, count: int) -> list[str]:
    keys = []
    deadline = time.monotonic() + 5
    while len(keys) < count and time.monotonic() < deadline:
        try:
            keys.append(presses.get(timeout=0.1))
        except queue.Empty:
            continue
    return keys


def test_presses_arrive_in_order_through_a_pseudo_terminal(pty_pair):
    controller, path = pty_pair
    presses: queue.Queue = queue.Queue()
    buzzer = SerialBuzzer()
    buzzer.configure(path)
    buzzer.start(presses.put)
    try:
        # Two presses in one write, one split across writes, one noise line in between.
        os.write(controller, b"BUZZ 2\nBUZZ 1\r\n")
        os.write(controller, b"garbage\nBU")
        os.write(controller, b"ZZ 3\n")
        assert _collect(presses, 3) == ["2", "1", "3"]
    finally:
        buzzer.stop()
    assert buzzer.presses == 3
    assert buzzer.problem is not None and "garbage" in buzzer.problem


def test_port_from_the_environment(pty_pair, monkeypatch):
    controller, path = pty_pair
    monkeypatch.setenv("QUIZHALL_BUZZER_PORT", path)
    presses: queue.Queue = queue.Queue()
    buzzer = SerialBuzzer()
    buzzer.start(presses.put)
    try:
        os.write(controller, b"BUZZ a\n")
        assert _collect(presses, 1) == ["a"]
    finally:
        buzzer.stop()


def test_no_port_is_a_clear_error(monkeypatch):
    monkeypatch.delenv("QUIZHALL_BUZZER_PORT", raising=False)
    with pytest.raises(ValueError, match="serial port"):
        SerialBuzzer().start(lambda key: None)


def test_stop_ends_the_reader_thread(pty_pair):
    _, path = pty_pair
    buzzer = SerialBuzzer(port=path)
    buzzer.start(lambda key: None)
    thread = buzzer._thread
    buzzer.stop()
    assert thread is not None and not thread.is_alive()
