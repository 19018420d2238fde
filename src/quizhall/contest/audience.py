"""The audience's rules: who joined, what they answered, their leaderboard and the prize draw.

Phones in the hall answer audience questions (观众题, or any question the host sends to them).
Everything they do is an event in the contest's log, in the types of :data:`AUDIENCE_EVENTS`;
:class:`AudienceBoard` folds those events (and ignores every other type), so the audience has
its own projection beside the teams': nothing here touches a team's score. The rules that
decide whether a join or an answer is taken (:meth:`AudienceBoard.check_join`,
:meth:`AudienceBoard.check_answer`) read the board and an injected time, never the wall.

A prize draw is fair and checkable: its event holds the seed and the candidates, recorded
before anybody sees the result, and :func:`draw_winners` gives the same winners from them
every time.

Events (all carry ``t``, stamped by the engine)::

    audience_server_started   url, code (where phones join, and the join code)
    audience_joined           device, nickname, unit, token_hash
    audience_question_opened  key, number, options, answer, seconds
    audience_answered         device, choice, elapsed
    audience_question_closed  (no fields: answers after it are refused)
    audience_draw             scope ("question"/"contest"), key, count, seed, candidates
    audience_page             page: the audience's page the hall sees full-screen, one of
                              AUDIENCE_PAGES, or "" for none (the contest's own page)
"""

from __future__ import annotations

import hashlib
import random
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from quizhall.i18n import t

AUDIENCE_EVENTS = frozenset({"audience_server_started", "audience_joined",
                             "audience_question_opened", "audience_answered",
                             "audience_question_closed", "audience_draw", "audience_page"})
# The audience's full-screen pages on the projector: how to join (QR code, address, code), the
# current audience question's answers (live counts; the distribution at the reveal), the
# audience leaderboard, the last prize draw's winners.
AUDIENCE_PAGES = ("join", "answers", "board", "winners")
NICKNAME_LIMIT = 12   # characters; the phone page says so literally
UNIT_LIMIT = 20
DEFAULT_SECONDS = 20.0
DEFAULT_PORT = 8080
# Letters the two options of a judge question (对/错) get on a phone.
JUDGE_OPTIONS = ("A", "B")


def token_hash(token: str) -> str:
    """What the log keeps of a device's secret token: enough to find it again, not to use it."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()[:32]


def draw_winners(seed: int, candidates: Sequence[str], count: int) -> list[str]:
    """The winners of a draw: ``count`` of ``candidates`` (or all of them), in draw order.

    Deterministic in its arguments, so anyone can check a recorded draw.
    """
    return random.Random(seed).sample(list(candidates), min(count, len(candidates)))


@dataclass(frozen=True, slots=True)
class AudienceSettings:
    """How the audience plays (a contest file's ``audience:`` or ``run --audience``).

    ``bind`` None means the laptop's LAN address; ``join_code`` None draws a new 4-digit code
    each time the server starts.
    """

    enabled: bool = False
    bind: str | None = None
    port: int = DEFAULT_PORT
    seconds: float = DEFAULT_SECONDS
    ask_unit: bool = False
    join_code: str | None = None


@dataclass(frozen=True, slots=True)
class Member:
    """One phone in the hall: its public id (``d1``, ``d2`` …), nickname and unit."""

    device: str
    nickname: str
    unit: str
    joined: float


@dataclass(slots=True)
class AudienceQuestion:
    """A question put to the audience, and what the phones answered (device → choice)."""

    key: str
    number: int
    options: tuple[str, ...]
    answer: str                     # the right choice: letters, sorted ("A", "AC")
    seconds: float
    opened: float
    answers: dict[str, tuple[str, float]] = field(default_factory=dict)  # → (choice, elapsed)
    closed: bool = False

    @property
    def multiple(self) -> bool:
        return len(self.answer) > 1

    def deadline(self) -> float:
        return self.opened + self.seconds

    def remaining(self, now: float) -> float:
        """Seconds left to answer (0 once closed or out of time)."""
        return 0.0 if self.closed else max(0.0, self.deadline() - now)

    def counts(self) -> dict[str, int]:
        """How many devices chose each option (a multiple choice counts for each letter)."""
        counts = dict.fromkeys(self.options, 0)
        for choice, _ in self.answers.values():
            for letter in choice:
                if letter in counts:
                    counts[letter] += 1
        return counts

    def right(self) -> list[str]:
        """The devices that answered right, fastest first."""
        return [device for device, (choice, _) in sorted(
            self.answers.items(), key=lambda item: item[1][1]) if choice == self.answer]


@dataclass(frozen=True, slots=True)
class Standing:
    """One line of the audience leaderboard."""

    rank: int
    device: str
    nickname: str
    unit: str
    right: int
    seconds: float        # time spent on the right answers (less is better)


@dataclass(frozen=True, slots=True)
class Draw:
    """A recorded prize draw and its winners."""

    scope: str
    key: str | None
    count: int
    seed: int
    candidates: tuple[str, ...]

    @property
    def winners(self) -> list[str]:
        return draw_winners(self.seed, self.candidates, self.count)


@dataclass(slots=True)
class AudienceBoard:
    """The audience's part of a contest, folded from its log."""

    members: dict[str, Member] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)        # token hash → device
    nicknames: dict[str, str] = field(default_factory=dict)     # folded nickname → device
    questions: list[AudienceQuestion] = field(default_factory=list)
    draws: list[Draw] = field(default_factory=list)
    url: str = ""                                                # where phones join
    code: str = ""                                               # the join code
    page: str = ""                    # the audience page on the projector (AUDIENCE_PAGES)
    winners_shown: bool = False       # a draw came after the latest question: show winners

    @classmethod
    def fold(cls, events: Iterable[Mapping[str, Any]]) -> AudienceBoard:
        """The board after a whole log (other event types are skipped)."""
        board = cls()
        for event in events:
            board.apply(event)
        return board

    # -- folding ------------------------------------------------------------------------
    def apply(self, event: Mapping[str, Any]) -> None:
        """Take in one event; events that are not the audience's change nothing."""
        kind = event.get("type")
        at = float(event.get("t", 0.0))
        if kind == "audience_server_started":
            self.url, self.code = str(event["url"]), str(event["code"])
        elif kind == "audience_joined":
            member = Member(str(event["device"]), str(event["nickname"]),
                            str(event.get("unit") or ""), at)
            self.members[member.device] = member
            self.tokens[str(event["token_hash"])] = member.device
            self.nicknames[fold_nickname(member.nickname)] = member.device
        elif kind == "audience_question_opened":
            if self.questions:
                self.questions[-1].closed = True
            self.page, self.winners_shown = "", False
            self.questions.append(AudienceQuestion(
                str(event["key"]), int(event.get("number", len(self.questions) + 1)),
                tuple(event["options"]), str(event["answer"]), float(event["seconds"]), at))
        elif kind == "audience_answered" and self.questions:
            self.questions[-1].answers[str(event["device"])] = (str(event["choice"]),
                                                                float(event["elapsed"]))
        elif kind == "audience_question_closed" and self.questions:
            self.questions[-1].closed = True
        elif kind == "audience_page":
            page = str(event.get("page") or "")
            self.page = page if page in AUDIENCE_PAGES else ""
        elif kind == "audience_draw":
            self.draws.append(Draw(str(event["scope"]), event.get("key"), int(event["count"]),
                                   int(event["seed"]), tuple(event["candidates"])))
            self.winners_shown = True

    # -- reading ------------------------------------------------------------------------
    @property
    def current(self) -> AudienceQuestion | None:
        """The latest audience question (open or closed), or None."""
        return self.questions[-1] if self.questions else None

    def device_for(self, token: str) -> str | None:
        return self.tokens.get(token_hash(token))

    def next_device(self) -> str:
        """The public id the next phone to join gets."""
        return f"d{len(self.members) + 1}"

    def leaderboard(self) -> list[Standing]:
        """Everyone who answered right at least once: most right, then least time, then who
        joined first; equal right counts and times share a rank. Only closed questions
        count: an open one would tell its right answer away."""
        right: dict[str, int] = {}
        seconds: dict[str, float] = {}
        for question in self.questions:
            if not question.closed:
                continue
            for device, (choice, elapsed) in question.answers.items():
                if choice == question.answer:
                    right[device] = right.get(device, 0) + 1
                    seconds[device] = seconds.get(device, 0.0) + elapsed
        order = sorted(right, key=lambda d: (-right[d], round(seconds[d], 3),
                                             self.members[d].joined if d in self.members else 0,
                                             d))
        lines: list[Standing] = []
        for position, device in enumerate(order):
            member = self.members.get(device)
            same = lines and (lines[-1].right, round(lines[-1].seconds, 3)) == (
                right[device], round(seconds[device], 3))
            rank = lines[-1].rank if same else position + 1
            lines.append(Standing(rank, device, member.nickname if member else device,
                                  member.unit if member else "", right[device],
                                  round(seconds[device], 3)))
        return lines

    def candidates(self, scope: str) -> list[str]:
        """Who may win a draw: right answerers of the current question (``question``) or of
        any question (``contest``), in a fixed order (their public ids sorted by join)."""
        if scope == "question":
            question = self.current
            chosen = set(question.right()) if question is not None else set()
        else:
            chosen = {line.device for line in self.leaderboard()}
        return sorted(chosen, key=lambda d: (len(d), d))

    # -- rules --------------------------------------------------------------------------
    def check_join(self, nickname: str, unit: str, ask_unit: bool) -> tuple[str | None, str, str]:
        """(refusal key or None, clean nickname, clean unit) for a phone asking to join."""
        nickname = " ".join(nickname.split())
        unit = " ".join(unit.split()) if ask_unit else ""
        if not nickname:
            return "audience.refused.nickname_empty", nickname, unit
        if len(nickname) > NICKNAME_LIMIT:
            return "audience.refused.nickname_long", nickname, unit
        if len(unit) > UNIT_LIMIT:
            return "audience.refused.unit_long", nickname, unit
        if not printable(nickname) or not printable(unit):
            return "audience.refused.nickname_control", nickname, unit
        if ask_unit and not unit:
            return "audience.refused.unit_empty", nickname, unit
        if fold_nickname(nickname) in self.nicknames:
            return "audience.refused.nickname_taken", nickname, unit
        return None, nickname, unit

    def check_answer(self, device: str | None, choice: str, now: float) -> str | None:
        """The refusal key for an answer, or None when it is taken.

        One answer per device and question, while the question is open and in time, with
        only the question's option letters (several only for a multiple-choice question).
        """
        question = self.current
        if device is None or device not in self.members:
            return "audience.refused.unknown_device"
        if question is None or question.closed:
            return "audience.refused.no_question"
        if now > question.deadline():
            return "audience.refused.too_late"
        if device in question.answers:
            return "audience.refused.answered"
        letters = normalize_choice(choice)
        if (not letters or any(letter not in question.options for letter in letters)
                or (len(letters) > 1 and not question.multiple)):
            return "audience.refused.bad_choice"
        return None


def normalize_choice(choice: str) -> str:
    """A choice as recorded: its letters upper-cased, each once, sorted (``"ca"`` → ``"AC"``)."""
    return "".join(sorted({letter for letter in choice.upper() if letter.isalpha()}))


def fold_nickname(nickname: str) -> str:
    """A nickname as compared for uniqueness (case and width folded)."""
    return unicodedata.normalize("NFKC", nickname).casefold()


def printable(text: str) -> bool:
    """True when ``text`` holds no control, format or private-use characters."""
    return not any(unicodedata.category(ch).startswith("C") for ch in text)


def option_texts(question: Any) -> dict[str, str]:
    """A bank question's option texts as the audience sees them (letter → text); a judge
    question's two options are 对 / 错 (true / false)."""
    if question is None:
        return {}
    if str(getattr(question, "type", "")) == "judge":
        return {JUDGE_OPTIONS[0]: t("audience.judge_true"),
                JUDGE_OPTIONS[1]: t("audience.judge_false")}
    return {str(k): str(v) for k, v in dict(getattr(question, "options", None) or {}).items()}


def question_fields(question: Any) -> tuple[tuple[str, ...], str] | None:
    """(option letters, right choice) of a bank question phones can answer, or None.

    Single, multiple and judge questions can be answered by tapping; others cannot.
    """
    kind = str(getattr(question, "type", ""))
    answer = getattr(question, "answer", None)
    if kind == "judge":
        return JUDGE_OPTIONS, JUDGE_OPTIONS[0] if answer else JUDGE_OPTIONS[1]
    options = tuple(getattr(question, "options", None) or ())
    if kind == "single" and options:
        return options, normalize_choice(str(answer))
    if kind == "multiple" and options:
        return options, normalize_choice("".join(answer or ()))
    return None
