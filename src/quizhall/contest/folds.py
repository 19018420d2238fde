"""How each event folds into the contest state: one function per event type, and the ledger.

Every function here has the signature ``fold(state, event, t, ledger, seq)``, changes
``state`` in place and is named by the event type's definition
(:mod:`quizhall.contest.events`); :func:`quizhall.contest.evolve.evolve` calls it. Scores
change only through :func:`score`, which writes the :class:`LedgerEntry` explaining them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from quizhall.contest.state import (
    CLOSED,
    FINISHED,
    INTRO,
    QUESTION,
    State,
    Timer,
    no_answers,
    replace_at,
)

# Pages the host may put on the projector (``projector_page``).
PROJECTOR_PAGES = ("scores", "teams", "round", "podium")

@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """One change of score and the event behind it.

    ``seq`` is the event's position in the log; ``parts`` explain the points
    (``[{"points", "reason", "plugin"}]``); ``tiebreak`` entries count only for ranking;
    ``member`` is the answering member's seat (0-based), when one was named.
    """

    seq: int
    t: float
    team: int
    points: float
    reason: str
    event: str
    round: int
    question: str | None = None
    parts: tuple[Mapping[str, Any], ...] = ()
    tiebreak: bool = False
    member: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "t": self.t, "team": self.team, "points": self.points,
                "reason": self.reason, "event": self.event, "round": self.round,
                "question": self.question, "parts": [dict(p) for p in self.parts],
                "tiebreak": self.tiebreak, "member": self.member}


class EvolveError(ValueError):
    """An event that cannot be applied (a corrupt or foreign log)."""



def score(state: State, ledger: list[LedgerEntry], seq: int, t: float, team: int,
           points: float, reason: str, event: str, parts: Iterable[Mapping[str, Any]] = (),
           tiebreak: bool = False, member: Any = None) -> None:
    if tiebreak:
        state.tiebreak = replace_at(state.tiebreak, team, state.tiebreak[team] + points)
        level = state.tiebreak_group
        levels = list(state.tiebreak_levels[team])
        levels.extend([0.0] * (level + 1 - len(levels)))
        levels[level] += points
        state.tiebreak_levels = replace_at(state.tiebreak_levels, team, tuple(levels))
    else:
        state.scores = replace_at(state.scores, team, state.scores[team] + points)
    del ledger[state.ledger_len:]
    ledger.append(LedgerEntry(seq, t, team, points, reason, event, state.round,
                              state.question_key, tuple(dict(p) for p in parts), tiebreak,
                              None if member is None else int(member)))
    state.ledger_len = len(ledger)


def reset_question(state: State) -> None:
    state.stake = None
    state.answerer = state.member = state.chooser = None
    state.players = ()
    state.buzz_open = False
    state.locked = frozenset()
    state.early = frozenset()
    state.attempts = 0
    state.audience = False
    state.revealed = False
    state.last_verdict = None
    state.notes = {}
    state.timer = None


# -- one fold per event type ------------------------------------------------------------------

def contest_resumed(state: State, event: Mapping[str, Any], t: float, *_: Any) -> None:
    # The gap since the last event counts as paused: a running timer keeps the time it had.
    timer = state.timer
    if timer is not None and timer.since is not None:
        gap = max(0.0, t - state.t)
        state.timer = Timer(timer.duration, timer.kind, timer.used, timer.since + gap)


def paused(state: State, event: Mapping[str, Any], t: float, *_: Any) -> None:
    state.paused = True
    if state.timer is not None:
        state.timer = state.timer.stopped(t)


def resumed(state: State, event: Mapping[str, Any], t: float, *_: Any) -> None:
    state.paused = False
    if state.timer is not None:
        state.timer = state.timer.started(t)


def round_started(state: State, event: Mapping[str, Any], t: float, *_: Any) -> None:
    n = state.team_count
    state.round = int(event["round"])
    state.round_teams = tuple(event.get("teams", range(n)))
    state.out = frozenset()
    lives = event.get("lives")
    state.lives = (None,) * n if lives is None else tuple(
        lives if team in state.round_teams else None for team in range(n))
    state.offences = (0,) * n
    state.round_streaks = (0,) * n
    state.asked = (0,) * n
    state.last_member = (None,) * n
    state.answered = no_answers(state.plan)
    state.data = dict(event.get("data") or {})
    state.shown = 0
    state.wagers = {}
    state.question, state.question_key = -1, None
    reset_question(state)
    state.phase = INTRO


def question_shown(state: State, event: Mapping[str, Any], t: float, *_: Any) -> None:
    timer = state.timer
    reset_question(state)
    if event.get("keep_timer"):
        state.timer = timer
    state.phase = QUESTION
    state.question = int(event["question"])
    state.question_key = event.get("key")
    state.shown += 1
    state.stake = event.get("stake")
    state.chooser = event.get("chooser")
    state.players = tuple(event.get("players") or ())
    if "tiebreak_group" in event:
        state.tiebreak_group = int(event["tiebreak_group"])
    state.asked_t = t
    answerer = event.get("answerer")
    if answerer is not None:
        state.answerer = int(answerer)
        state.member = event.get("member")
        state.asked = replace_at(state.asked, state.answerer, state.asked[state.answerer] + 1)


def member_named(state: State, event: Mapping[str, Any], *_: Any) -> None:
    state.member = int(event["member"])


def buzz_opened(state: State, event: Mapping[str, Any], *_: Any) -> None:
    state.buzz_open = True
    state.answerer = state.member = None


def buzz(state: State, event: Mapping[str, Any], t: float, *_: Any) -> None:
    state.answerer = int(event["team"])
    state.member = None
    state.buzz_open = False
    state.asked_t = t


def early_buzz(state: State, event: Mapping[str, Any], t: float, ledger: list[LedgerEntry],
                seq: int) -> None:
    team = int(event["team"])
    state.offences = replace_at(state.offences, team, int(event.get("offence", 1)))
    state.early = state.early | {team}
    if event.get("lose_right"):
        state.locked = state.locked | {team}
    if not event.get("repeat"):  # a repeated press on the same question is no new offence
        score(state, ledger, seq, t, team, float(event.get("points", 0)), "early_buzz",
               "early_buzz", (), bool(event.get("tiebreak")))


def buzz_voided(state: State, event: Mapping[str, Any], *_: Any) -> None:
    state.answerer = state.member = None
    state.buzz_open = True


def shouted_out(state: State, event: Mapping[str, Any], t: float, ledger: list[LedgerEntry],
                 seq: int) -> None:
    team = int(event["team"])
    if event.get("lose_right"):
        state.locked = state.locked | {team}
    score(state, ledger, seq, t, team, float(event.get("points", 0)), "shout_out",
           "shouted_out", (), bool(event.get("tiebreak")))


def answer_judged(state: State, event: Mapping[str, Any], t: float, ledger: list[LedgerEntry],
                   seq: int) -> None:
    team = int(event["team"])
    verdict = event["verdict"]
    member = event.get("member")
    points = float(event.get("points", 0))
    score(state, ledger, seq, t, team, points, verdict, "answer_judged",
           event.get("parts") or (), bool(event.get("tiebreak")), member)
    right = verdict == "right"
    state.streaks = replace_at(state.streaks, team, state.streaks[team] + 1 if right else 0)
    state.round_streaks = replace_at(state.round_streaks, team,
                                     state.round_streaks[team] + 1 if right else 0)
    if member is not None:
        state.last_member = replace_at(state.last_member, team, int(member))
        counts = state.answered[team]
        if 0 <= int(member) < len(counts):
            state.answered = replace_at(state.answered, team,
                                        replace_at(counts, int(member), counts[int(member)] + 1))
    if not right and verdict != "partial":
        state.attempts += 1
        state.locked = state.locked | {team}
    state.last_verdict = {"team": team, "member": member, "verdict": verdict, "points": points}
    state.answerer = state.member = None


def note_recorded(state: State, event: Mapping[str, Any], *_: Any) -> None:
    team = int(event["team"])
    notes = dict(state.notes.get(team, {}))
    notes[str(event["command"])] = event.get("value")
    state.notes = {**state.notes, team: notes}


def question_closed(state: State, event: Mapping[str, Any], *_: Any) -> None:
    state.phase = CLOSED
    state.buzz_open = False
    state.answerer = state.member = None
    state.audience = bool(event.get("audience"))
    state.timer = None
    state.wagers = {}


def answer_revealed(state: State, *_: Any) -> None:
    state.revealed = True


def wager_set(state: State, event: Mapping[str, Any], *_: Any) -> None:
    state.wagers = {**state.wagers, int(event["team"]): event["value"]}


def projector_page(state: State, event: Mapping[str, Any], *_: Any) -> None:
    page = event.get("page")
    if page is not None and page not in PROJECTOR_PAGES:
        raise EvolveError(f"unknown projector page {page!r}")
    state.projector = page


def nothing(state: State, *_: Any) -> None:
    """Events whose whole effect is in their generic fields (``data``, ``timer``)."""


def life_lost(state: State, event: Mapping[str, Any], *_: Any) -> None:
    team = int(event["team"])
    state.lives = replace_at(state.lives, team, int(event["lives"]))


def team_eliminated(state: State, event: Mapping[str, Any], *_: Any) -> None:
    state.out = state.out | {int(event["team"])}


def points_awarded(state: State, event: Mapping[str, Any], t: float,
                    ledger: list[LedgerEntry], seq: int) -> None:
    score(state, ledger, seq, t, int(event["team"]), float(event["points"]),
           str(event.get("reason", "")), "points_awarded", (),
           bool(event.get("tiebreak")))


def score_adjusted(state: State, event: Mapping[str, Any], t: float, ledger: list[LedgerEntry],
                    seq: int) -> None:
    score(state, ledger, seq, t, int(event["team"]), float(event["points"]),
           str(event.get("reason", "")), "score_adjusted")


def round_ended(state: State, *_: Any) -> None:
    reset_question(state)
    state.phase = CLOSED
    state.wagers = {}


def contest_finished(state: State, event: Mapping[str, Any], *_: Any) -> None:
    reset_question(state)
    state.phase = FINISHED
    state.ended_early = bool(event.get("early"))
