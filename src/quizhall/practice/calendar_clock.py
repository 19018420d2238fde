"""Clocks for the practice engine: a callable returning an aware datetime.

Engine code never reads the wall clock; it is handed a :data:`Clock`. :func:`system_clock`
is the one used at the edge (the command line); :class:`ManualClock` is a clock a test or a
benchmark moves by hand. Calendar days (streaks, "due today", progress per day) are counted in
the time zone of the datetimes the clock returns.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """Now, in UTC, shown in the local time zone so that study days are the trainee's days."""
    return datetime.now(UTC).astimezone()


class ManualClock:
    """A clock that stands still until told to move."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("ManualClock needs an aware datetime")
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float = 0.0, **delta: float) -> datetime:
        """Move forward by ``seconds`` (and any :class:`timedelta` keywords); returns now."""
        self.now += timedelta(seconds=seconds, **delta)
        return self.now


def to_utc(moment: datetime) -> datetime:
    """The same instant in UTC."""
    return moment.astimezone(UTC)


def stamp(moment: datetime) -> str:
    """An ISO 8601 UTC timestamp for storage."""
    return to_utc(moment).isoformat(timespec="milliseconds")


def parse_stamp(text: str) -> datetime:
    """The aware datetime of a stored :func:`stamp`."""
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def local_day(moment: datetime, now: datetime) -> date:
    """The calendar day of ``moment`` in the time zone of ``now``."""
    return moment.astimezone(now.tzinfo).date()


def end_of_day(now: datetime) -> datetime:
    """Midnight at the end of ``now``'s calendar day, in ``now``'s time zone."""
    tomorrow = now.date() + timedelta(days=1)
    return datetime(tomorrow.year, tomorrow.month, tomorrow.day, tzinfo=now.tzinfo)
