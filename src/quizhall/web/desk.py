"""Where the audience server and the host process meet: the one door into the contest's log.

The server (its own thread) asks the desk to take a join or an answer; the desk checks it
against the :class:`~quizhall.contest.audience.AudienceBoard` and queues it with a future.
The host (its UI thread, the only writer of the log) calls :meth:`AudienceDesk.flush` a few
times a second: the queued events are recorded in one durable append, folded into the
board, and only then are their futures resolved, so a phone's "answer received" means the
answer is in the log. The host's own audience events (sending a question, closing it, a prize
draw) go through :meth:`AudienceDesk.record` the same way.

Everything shared is guarded by one lock held for microseconds, never while writing to disk,
so neither side waits on the other.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from quizhall.contest.audience import (
    AudienceBoard,
    AudienceSettings,
    fold_nickname,
    normalize_choice,
    token_hash,
)
from quizhall.contest.clock import Clock

Record = Callable[[list[dict]], list[dict]]
QuestionText = Callable[[str], tuple[str, dict[str, str]]]


class Refusal(Exception):
    """A join or answer the rules refuse; ``key`` is the i18n message key."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


@dataclass(slots=True)
class _Pending:
    event: dict
    future: Future
    token: str = ""


class AudienceDesk:
    """The audience's board, shared by the server thread and the host's thread.

    ``question_text(key)`` gives a question's stem and option texts (letter → text) for the
    phones; ``clock`` is the contest's clock.
    """

    def __init__(self, board: AudienceBoard, settings: AudienceSettings, clock: Clock,
                 question_text: QuestionText, join_code: str | None = None) -> None:
        self.board = board
        self.settings = settings
        self.clock = clock
        self.question_text = question_text
        self.join_code = join_code or settings.join_code or f"{secrets.randbelow(10_000):04d}"
        self.version = 0   # goes up when the host changes what every phone shows
        self.on_change: Callable[[], None] = lambda: None
        self._lock = threading.Lock()
        self._pending: list[_Pending] = []
        self._pending_nicknames: set[str] = set()
        self._pending_answers: set[str] = set()    # devices with an answer on its way
        self._joins_queued = 0
        self._standings: dict[str, Any] = {}      # device → Standing, for self._standings_at
        self._standings_at = -1

    # -- the server's side (any thread) ------------------------------------------------------
    def join(self, code: str, nickname: str, unit: str) -> Future:
        """Queue a phone's join; the future gives ``(token, device, nickname)`` once recorded.

        Raises :class:`Refusal` at once for a wrong code or a nickname the rules refuse.
        """
        if not secrets.compare_digest(code.strip(), self.join_code):
            raise Refusal("audience.refused.bad_code")
        with self._lock:
            refusal, nickname, unit = self.board.check_join(nickname, unit,
                                                            self.settings.ask_unit)
            if refusal is None and fold_nickname(nickname) in self._pending_nicknames:
                refusal = "audience.refused.nickname_taken"
            if refusal is not None:
                raise Refusal(refusal)
            token = secrets.token_urlsafe(16)
            device = f"d{len(self.board.members) + self._joins_queued + 1}"
            self._joins_queued += 1
            self._pending_nicknames.add(fold_nickname(nickname))
            future: Future = Future()
            self._pending.append(_Pending(
                {"type": "audience_joined", "device": device, "nickname": nickname,
                 "unit": unit, "token_hash": token_hash(token)}, future, token))
        return future

    def answer(self, token: str, choice: str) -> Future:
        """Queue a phone's answer; the future gives the recorded choice once it is in the log.

        Raises :class:`Refusal` at once for a second answer, a late one or a bad choice.
        """
        now = self.clock.now()
        with self._lock:
            device = self.board.device_for(token)
            refusal = self.board.check_answer(device, choice, now)
            if refusal is None and device in self._pending_answers:
                refusal = "audience.refused.answered"
            if refusal is not None:
                raise Refusal(refusal)
            assert device is not None
            question = self.board.current
            assert question is not None
            self._pending_answers.add(device)
            future: Future = Future()
            self._pending.append(_Pending(
                {"type": "audience_answered", "device": device,
                 "choice": normalize_choice(choice),
                 "elapsed": round(max(0.0, now - question.opened), 3)}, future))
        return future

    def phone_state(self, token: str | None) -> dict[str, Any]:
        """What one phone shows now (its own answer and standing included)."""
        now = self.clock.now()
        with self._lock:
            board = self.board
            device = board.device_for(token) if token else None
            member = board.members.get(device) if device else None
            state: dict[str, Any] = {"v": self.version, "joined": member is not None,
                                     "ask_unit": self.settings.ask_unit}
            if member is not None:
                state["nickname"] = member.nickname
                if self._standings_at != self.version:
                    self._standings = {s.device: s for s in board.leaderboard()}
                    self._standings_at = self.version
                line = self._standings.get(member.device)
                state["right"] = line.right if line else 0
                state["rank"] = line.rank if line else None
            question = board.current
            if question is not None:
                stem, texts = self.question_text(question.key)
                mine = question.answers.get(device or "")
                state["question"] = {
                    "n": question.number, "stem": stem, "multiple": question.multiple,
                    "options": [[letter, texts.get(letter, "")] for letter in question.options],
                    "left": round(question.remaining(now), 1), "closed": question.closed,
                    "mine": mine[0] if mine else None,
                    "pending": device in self._pending_answers,
                    "count": len(question.answers)}
                if question.closed:
                    state["question"]["answer"] = question.answer
                    state["question"]["counts"] = question.counts()
            if board.draws:
                draw = board.draws[-1]
                state["winners"] = [board.members[d].nickname for d in draw.winners
                                    if d in board.members]
                state["won"] = device in draw.winners
            return state

    # -- the host's side (the thread that owns the contest) ----------------------------------
    def flush(self, record: Record) -> int:
        """Record every queued join and answer in one append; returns how many.

        When recording fails, every queued future fails with the error, and nothing is
        folded: the phones are told to try again.
        """
        with self._lock:
            batch, self._pending = self._pending, []
        if not batch:
            return 0
        try:
            recorded = record([item.event for item in batch])
        except BaseException as exc:
            with self._lock:
                self._forget(batch)
            for item in batch:
                item.future.set_exception(exc)
            raise
        with self._lock:
            for event in recorded:
                self.board.apply(event)
            self._forget(batch)
        # Each phone hears of its own join or answer in the reply; the others' answers change
        # nothing a phone shows before the close, so no long poll is woken for them.
        for item, event in zip(batch, recorded, strict=True):
            if event["type"] == "audience_joined":
                item.future.set_result((item.token, event["device"], event["nickname"]))
            else:
                item.future.set_result(event["choice"])
        return len(batch)

    def record(self, events: list[dict], record: Record) -> list[dict]:
        """Record the host's own audience events now (queued phone events go first)."""
        self.flush(record)
        recorded = record(events)
        with self._lock:
            for event in recorded:
                self.board.apply(event)
            self.version += 1
        self.on_change()
        return recorded

    def changed(self) -> None:
        """Tell the phones to look again (the time left, say, after a resume)."""
        with self._lock:
            self.version += 1
        self.on_change()

    def _forget(self, batch: list[_Pending]) -> None:
        for item in batch:
            event = item.event
            if event["type"] == "audience_joined":
                self._joins_queued -= 1
                self._pending_nicknames.discard(fold_nickname(event["nickname"]))
            else:
                self._pending_answers.discard(event["device"])
