"""Helpers for the audience tests: a demo contest on a question, and an audience beside it."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path
from typing import Any

from quizhall.contest import Command, Contest, ManualClock, MemoryLog, load_contest
from quizhall.contest.audience import AudienceSettings

DEMO = Path(__file__).resolve().parents[1] / "question_banks" / "demo.contest.yaml"


def demo_on_question(log: Any = None, clock: Any = None) -> Contest:
    """The demo contest with its first question (a single or judge question) on screen."""
    load = load_contest(DEMO)
    contest = Contest.start(load.plan, log if log is not None else MemoryLog(),
                            clock or ManualClock(1000.0), questions=load.questions)
    contest.execute(Command("next"))
    contest.execute(Command("next"))
    assert contest.state.phase == "question"
    return contest


def settings(**fields: Any) -> AudienceSettings:
    return AudienceSettings(enabled=True, **{"join_code": "4321", **fields})


@contextlib.asynccontextmanager
async def serving(hall: Any, period: float = 0.005):
    """Start ``hall`` and flush it from this loop (the host's thread) until the block ends."""
    hall.start()

    async def host() -> None:
        while True:
            hall.flush()
            await asyncio.sleep(period)

    task = asyncio.ensure_future(host())
    try:
        yield hall
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        hall.stop()
