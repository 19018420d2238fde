"""The serial buzzer: a buzzer box on a serial port (or USB serial adapter) as a plugin.

The box sends one line per press, ``BUZZ <key>`` (ASCII, ending in ``\\n`` or ``\\r\\n``), where
``<key>`` is the team's buzzer key from the contest file. Blank lines and lines starting with
``#`` are ignored; any other line is counted in :attr:`SerialBuzzer.problem`. The port comes
from ``--buzzer serial:PORT`` or ``QUIZHALL_BUZZER_PORT`` (any pyserial URL works, e.g.
``/dev/ttyUSB0``, ``COM3``, ``socket://host:port``), at ``QUIZHALL_BUZZER_BAUD`` (9600).

A reader thread reads lines and calls ``press`` at once, so the press is timed when the line
arrives, not when the screen redraws. If the device goes away, the thread keeps trying to
reopen it every second, and presses work again as soon as it is back.
"""

from __future__ import annotations

import os
import threading

from quizhall.buzzers import Press
from quizhall.hookspecs import hookimpl

PREFIX = "BUZZ"
RETRY_SECONDS = 1.0


def parse_line(raw: bytes) -> str | None:
    """The buzzer key in one line of the protocol; None for a blank or comment line.

    Raises ValueError for a line that is not ``BUZZ <key>``.
    """
    text = raw.decode("ascii", errors="replace").strip()
    if not text or text.startswith("#"):
        return None
    word, _, key = text.partition(" ")
    key = key.strip()
    if word.upper() != PREFIX or not key:
        raise ValueError(f"not a buzzer line: {text[:40]!r}")
    return key


class SerialBuzzer:
    """Buzzer presses read from a serial port."""

    name = "serial"
    description = "buzzer box on a serial port: lines 'BUZZ <key>' (pyserial)"

    def __init__(self, port: str | None = None, baudrate: int | None = None) -> None:
        self.port = port
        self.baudrate = baudrate
        self.problem: str | None = None  # the last thing that went wrong, for the host
        self.presses = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def configure(self, argument: str) -> None:
        """Use ``argument`` as the port (the part after ``serial:`` on the command line)."""
        self.port = argument

    def start(self, press: Press) -> None:
        """Open the port and report each press in a reader thread."""
        port = self.port or os.environ.get("QUIZHALL_BUZZER_PORT")
        if not port:
            raise ValueError("no serial port: use --buzzer serial:PORT or QUIZHALL_BUZZER_PORT")
        baudrate = self.baudrate or int(os.environ.get("QUIZHALL_BUZZER_BAUD", "9600"))
        import serial  # pyserial, imported only when a serial buzzer is used

        device = serial.serial_for_url(port, baudrate=baudrate, timeout=0.1)
        self._stop.clear()
        self._thread = threading.Thread(target=self._read, args=(device, port, baudrate, press),
                                        name=f"quizhall-serial-buzzer-{port}", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop the reader thread and close the port."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
            self._thread = None

    def _read(self, device: object, port: str, baudrate: int, press: Press) -> None:
        import serial

        pending = b""
        while not self._stop.is_set():
            try:
                if device is None:
                    device = serial.serial_for_url(port, baudrate=baudrate, timeout=0.1)
                    self.problem = None
                chunk = device.read(device.in_waiting or 1)  # type: ignore[attr-defined]
            except (serial.SerialException, OSError) as exc:
                self.problem = f"{port}: {exc}"
                self._close(device)
                device = None
                self._stop.wait(RETRY_SECONDS)
                continue
            if not chunk:
                continue
            pending += chunk
            *lines, pending = pending.split(b"\n")
            for line in lines:
                self._handle(line, press)
        self._close(device)

    def _handle(self, line: bytes, press: Press) -> None:
        try:
            key = parse_line(line)
        except ValueError as exc:
            self.problem = str(exc)
            return
        if key is not None:
            self.presses += 1
            press(key)

    @staticmethod
    def _close(device: object) -> None:
        if device is not None:
            try:
                device.close()  # type: ignore[attr-defined]
            except Exception:  # closing a vanished device may fail; nothing is left to do
                pass


@hookimpl
def quizhall_register_buzzer_sources(register: object) -> None:
    register(SerialBuzzer())  # type: ignore[operator]
