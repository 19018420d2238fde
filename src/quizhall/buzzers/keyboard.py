"""The keyboard buzzer: team buzzer keys typed on the host's keyboard (or by a USB buzzer box
that types keys), registered through the same hook as any other buzzer source.

The terminal's key events reach the TUI, which hands each team key to :meth:`feed` with the
time the key event was read; the press goes to whoever started this source.
"""

from __future__ import annotations

from quizhall.buzzers import Press
from quizhall.hookspecs import hookimpl


class KeyboardBuzzer:
    """Buzzer presses from the terminal's keyboard."""

    name = "keyboard"
    description = "team buzzer keys on the keyboard (and USB buzzer boxes that type keys)"

    def __init__(self) -> None:
        self._press: Press | None = None

    def start(self, press: Press) -> None:
        self._press = press

    def stop(self) -> None:
        self._press = None

    def feed(self, key: str, at: float | None = None) -> bool:
        """Report a typed team key, read at monotonic time ``at``; False when not started."""
        if self._press is None:
            return False
        if at is None:
            self._press(key)
        else:
            self._press(key, at=at)
        return True


@hookimpl
def quizhall_register_buzzer_sources(register: object) -> None:
    register(KeyboardBuzzer())  # type: ignore[operator]
