"""What a screen shows, as plain data: the contest's state reduced to what a person reads.

The TUI never decides rules. :mod:`quizhall.tui.present` turns the engine's state into a
:class:`StageView`, and every widget renders a ``StageView`` (or a part of it). The same view
serves the host console and the audience: :meth:`StageView.for_audience` drops everything the
hall must not see before the host reveals it, so a widget cannot leak an answer by mistake.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum


class Stage(StrEnum):
    """Which page of the contest is on screen."""

    TITLE = "title"  # the contest's title, before anything starts
    TEAMS = "teams"  # the teams are introduced
    ROUND = "round"  # a round's title and rules
    QUESTION = "question"  # a question is shown (buzzers, answer, timer)
    REVEAL = "reveal"  # the answer, its explanation and source
    SCORES = "scores"  # the scoreboard between questions or rounds
    FINAL = "final"  # the final ranking with prizes


# Team colours, chosen to stay apart on a washed-out projector and in both themes. A colour is
# never the only sign of a team: its number and name are always printed beside it.
TEAM_COLOURS = ("#d7263d", "#1b6fd8", "#f4a300", "#2e9e44", "#8e44ad", "#00a6a6", "#e85d9c",
                "#6b4f2a", "#5d6d7e", "#c0ca33")


def team_colour(index: int) -> str:
    """The colour of the team at 0-based ``index``."""
    return TEAM_COLOURS[index % len(TEAM_COLOURS)]


@dataclass(frozen=True, slots=True)
class TeamView:
    """One team as a scoreboard shows it."""

    number: int  # 1-based, the team's number in the contest file
    name: str
    score: float
    colour: str = ""
    rank: int | None = None
    buzzer_key: str = ""
    locked_out: bool = False  # lost the right to buzz on this question
    out: bool = False  # eliminated, or not in the current tie-break
    wager: str = ""  # the risk value chosen (or "pass"), shown once chosen
    lives: int | None = None
    members: tuple[str, ...] = ()
    prize: str = ""  # the prize for the team's final rank, if any
    notes: tuple[str, ...] = ()  # what plugin commands recorded on this question, in words

    @property
    def label(self) -> str:
        """Number and name together: what is printed beside the team's colour."""
        return f"{self.number} {self.name}"


@dataclass(frozen=True, slots=True)
class QuestionView:
    """A question on screen, with the host-only parts kept apart."""

    number: int  # k in "question k of n"
    total: int  # n
    stem: str
    kind: str = ""  # question type, e.g. "single"
    options: tuple[tuple[str, str], ...] = ()  # (letter, text)
    points: str = ""  # e.g. "+10 / −10"
    media: str = ""
    image: str = ""  # a picture drawn with the stem: its file
    alt: str = ""  # the picture in words
    option_images: tuple[tuple[str, str, str], ...] = ()  # (letter, file, alt)
    # Host-only until the reveal:
    answer: str = ""
    explanation: str = ""
    source: str = ""
    right: tuple[str, ...] = ()  # the option letters that are right


@dataclass(frozen=True, slots=True)
class TimerView:
    """A countdown: how long is left, and whether it runs."""

    remaining: float
    total: float
    running: bool = True
    label: str = ""  # what the timer is for, e.g. "answer" or "buzz"
    charges: bool = False  # running out takes points (an answer window the contest set)

    @property
    def expired(self) -> bool:
        return self.remaining <= 0


@dataclass(frozen=True, slots=True)
class BoardView:
    """A question board (题板题): topics × values, the picked cells gone."""

    topics: tuple[str, ...]
    values: tuple[str, ...]  # as printed, e.g. "20"
    taken: tuple[tuple[bool, ...], ...]  # [topic][value]: the cell was picked
    picker: int | None = None  # team number picking now


@dataclass(frozen=True, slots=True)
class JudgeMark:
    """One judge's score for the team on stage."""

    judge: str
    score: str = ""  # "" until given
    dropped: bool = False  # one of the highest or lowest, left out of the mean


@dataclass(frozen=True, slots=True)
class JudgesView:
    """Judges' scores (评委打分) for the team on stage, and their mean once all are in."""

    team: int | None  # team number
    marks: tuple[JudgeMark, ...]
    mean: str = ""


@dataclass(frozen=True, slots=True)
class StandingView:
    """Last one standing (一战到底): who is still in and who is out."""

    standing: tuple[int, ...]  # team numbers
    out: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class DesignationView:
    """A designated question (指定题): who chooses, for whom, and the value chosen."""

    chooser: int  # team number
    target: int  # team number
    value: str = ""  # "" until chosen


RoundPanel = BoardView | JudgesView | StandingView | DesignationView


@dataclass(frozen=True, slots=True)
class StageView:
    """Everything one screen of the contest shows at one moment."""

    stage: Stage
    contest_title: str
    teams: tuple[TeamView, ...] = ()
    round_title: str = ""
    round_kind: str = ""  # round type name, e.g. "buzz"
    round_rules: tuple[str, ...] = ()  # lines describing the round's rules
    round_number: int = 0
    round_total: int = 0
    question: QuestionView | None = None
    revealed: bool = False
    buzz_round: bool = False  # the round is played with buzzers
    buzz_open: bool = False
    buzz_holder: int | None = None  # team number
    turn: int | None = None  # team number whose turn it is
    answerer: str = ""  # the member who answers, when known
    timer: TimerView | None = None
    time_up: bool = False
    next_step: str = ""  # what the "next" key will do, in words
    message: str = ""  # one line of context, e.g. "audience question: no points"
    hint: str = ""  # host-only help on the title page, e.g. how to start the projector
    finished: bool = False
    audience: bool = False  # True once host-only parts were dropped
    ranking: tuple[TeamView, ...] = field(default=())  # final ranking, best first
    warnings: tuple[str, ...] = ()  # host only: what went wrong loading plugins
    projected: bool = False  # the page is one the host put on the projector
    panel: RoundPanel | None = None  # what the round type itself shows (board, judges…)
    audience_page: str = ""  # the audience's page over the hall's page (AUDIENCE_PAGES), or ""

    def team(self, number: int | None) -> TeamView | None:
        """The team with this number, or None."""
        for team in self.teams:
            if team.number == number:
                return team
        return None

    def for_audience(self) -> StageView:
        """This view without anything the audience may not see yet.

        Before the reveal: no answer, explanation or source; never the host's hints or
        warnings. Plugin notes stay: they record what a team declared aloud in the hall.
        """
        question = self.question
        if question is not None and not self.revealed:
            question = replace(question, answer="", explanation="", source="", right=())
        return replace(self, question=question, audience=True, next_step="", hint="",
                       warnings=())
