"""Buzzer sources: where team buzzer presses come from (keyboard, serial buzzer boxes, plugins).

A source is registered through the ``quizhall_register_buzzer_sources`` hook. It has ``name``,
``description``, ``start(press)`` and ``stop()``; once started it calls ``press(key)`` (from
any thread) with the buzzer key of the team that pressed. A source that takes an argument on
the command line (``--buzzer serial:/dev/ttyUSB0``) also has ``configure(argument)``.

The receiver stamps each press with the monotonic clock the moment ``press`` is called, before
anything is drawn, so the first press wins whatever the screen is doing. A source that knows
the moment better (the keyboard: when the key event was read) passes it as
``press(key, at=time.monotonic() value)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

Press = Callable[..., None]  # press(key) or press(key, at=monotonic_seconds)


@runtime_checkable
class BuzzerSource(Protocol):
    """What the TUI needs from a buzzer source."""

    name: str
    description: str

    def start(self, press: Press) -> None:
        """Begin reporting presses by calling ``press(key)``."""
        ...

    def stop(self) -> None:
        """Stop reporting presses and release the device."""
        ...


def buzzer_sources() -> dict[str, BuzzerSource]:
    """Every registered buzzer source, by name (the registry's rule: the first registration
    of a name wins)."""
    from quizhall.plugins import by_name

    return dict(by_name("quizhall_register_buzzer_sources"))
