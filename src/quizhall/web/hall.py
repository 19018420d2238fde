"""The audience beside a running contest: its server, its desk, and what the host does with it.

:class:`AudienceHall` is what the host console (or a benchmark, or a test) holds: it starts
the server, records that it did (address and join code, so the projector can show them), sends
the current question to the phones, closes it at the reveal, draws prizes, and flushes the
phones' answers into the log whenever the host's loop calls :meth:`AudienceHall.flush`.
Everything is recorded through the contest (``Contest.record_audience``) on the host's
thread: the host process stays the only writer of the log.
"""

from __future__ import annotations

import secrets
from typing import Any

from quizhall.contest.audience import (
    AUDIENCE_PAGES,
    AudienceBoard,
    AudienceSettings,
    draw_winners,
    option_texts,
    question_fields,
)
from quizhall.i18n import t
from quizhall.web.desk import AudienceDesk
from quizhall.web.server import AudienceServer, lan_address

DRAW_SCOPES = ("question", "contest")


class AudienceHall:
    """The audience of one running contest (``contest``: a :class:`~quizhall.contest.Contest`
    with a writable log). ``host``/``port`` override the settings' address; ``server``
    options go to :class:`~quizhall.web.server.AudienceServer`."""

    def __init__(self, contest: Any, settings: AudienceSettings, *, host: str | None = None,
                 port: int | None = None, **server: Any) -> None:
        self.contest = contest
        self.settings = settings
        board = AudienceBoard.fold(contest.log.read())
        self.desk = AudienceDesk(board, settings, contest.clock, self.question_text)
        address = host or settings.bind or lan_address()
        self.server = AudienceServer(self.desk, address,
                                     settings.port if port is None else port, **server)
        self._sent_for: tuple[int, str | None] | None = None  # (question shown, key) sent

    @property
    def board(self) -> AudienceBoard:
        return self.desk.board

    @property
    def join_url(self) -> str:
        """The address a phone opens, join code included (what the QR code holds)."""
        return f"{self.server.url}?c={self.desk.join_code}"

    def start(self) -> str:
        """Serve the phones and record where; returns the join address. Raises OSError."""
        self.server.start()
        self._record([{"type": "audience_server_started", "url": self.server.url,
                       "code": self.desk.join_code}])
        return self.join_url

    def stop(self) -> None:
        self.server.stop()

    def flush(self) -> int:
        """Record the phones' queued joins and answers (call it often on the host's thread)."""
        return self.desk.flush(self.contest.record_audience)

    def question_text(self, key: str) -> tuple[str, dict[str, str]]:
        """A question's stem and option texts as the phones show them."""
        question = self.contest.question(key)
        if question is None:
            return "", {}
        return question.stem, option_texts(question)

    # -- the host's actions ---------------------------------------------------------------
    def send(self) -> str | None:
        """Put the question on screen to the audience; the refusal message, or None."""
        state = self.contest.state
        key = state.question_key
        if state.phase not in ("question", "closed") or key is None:
            return t("audience.host.no_question")
        current = self.board.current
        if current is not None and current.key == key and self._sent_for == (state.shown, key):
            return t("audience.host.already_sent")
        fields = question_fields(self.contest.question(key))
        if fields is None:
            return t("audience.host.not_choice")
        options, answer = fields
        self._sent_for = (state.shown, key)
        self._record([{"type": "audience_question_opened", "key": key,
                       "number": len(self.board.questions) + 1, "options": list(options),
                       "answer": answer, "seconds": self.settings.seconds}])
        return None

    def close(self) -> bool:
        """End the current audience question: its answer and distribution are shown."""
        current = self.board.current
        if current is None or current.closed:
            return False
        self._record([{"type": "audience_question_closed"}])
        return True

    def follow(self) -> None:
        """Keep the audience in step with the contest, after each host command: a question
        that became an audience question (观众题) goes to the phones; the reveal closes it."""
        state = self.contest.state
        if state.audience and self._sent_for != (state.shown, state.question_key):
            if question_fields(self.contest.question(state.question_key)) is not None:
                self.send()
        current = self.board.current
        if current is not None and not current.closed and (
                state.revealed or state.phase not in ("question", "closed")
                or self._sent_for != (state.shown, state.question_key)):
            self.close()

    def draw(self, scope: str = "question", count: int = 1,
             seed: int | None = None) -> tuple[list[str], str | None]:
        """Draw ``count`` winners among the right answerers (of the current audience question,
        or of the whole contest); (winners' nicknames, refusal message or None).

        The seed and the candidates are recorded before the winners are worked out, so
        the result can be checked from the log afterwards.
        """
        if scope not in DRAW_SCOPES or count < 1:
            return [], t("audience.host.bad_draw")
        self.flush()
        candidates = self.board.candidates(scope)
        if not candidates:
            return [], t("audience.host.no_candidates")
        seed = secrets.randbits(63) if seed is None else seed
        current = self.board.current
        # The draw is recorded first, then its winners go up on the projector, large.
        self._record([{"type": "audience_draw", "scope": scope,
                       "key": current.key if current and scope == "question" else None,
                       "count": count, "seed": seed, "candidates": candidates},
                      {"type": "audience_page", "page": "winners"}])
        members = self.board.members
        return [members[d].nickname for d in draw_winners(seed, candidates, count)], None

    def show_page(self, page: str) -> str | None:
        """Put one of the audience's pages (:data:`AUDIENCE_PAGES`) on the hall's screens
        full-screen, or take it off (``""``); an event, so every screen shows the same.
        A page with nothing to show yet (the winners before any draw, the answers before any
        audience question) is refused: the message says so, and nothing is recorded."""
        if page and page not in AUDIENCE_PAGES:
            raise ValueError(f"unknown audience page {page!r}")
        if page == "winners" and not self.board.draws:
            return t("audience.host.no_draw_yet")
        if page == "answers" and self.board.current is None:
            return t("audience.host.no_audience_question_yet")
        if page != self.board.page:
            self._record([{"type": "audience_page", "page": page}])
        return None

    def toggle_page(self, page: str) -> str | None:
        """Put ``page`` up, or take it off when it is up; the refusal of :meth:`show_page`."""
        return self.show_page("" if self.board.page == page else page)

    def _record(self, events: list[dict]) -> None:
        self.desk.record(events, self.contest.record_audience)
