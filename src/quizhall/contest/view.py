"""A read-only view of a contest for screens, rehearsals and exports.

:func:`build_view` gathers from the live state everything a host screen shows: the round
(index, title, type, rules), question k of n, whose turn, who holds the buzz and who may
still buzz, the timer, wagers, whether the answer is revealed, what ``next`` will do now,
scores and ranks, and the final ranking with prizes. ``to_dict()`` gives it as JSON data.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from quizhall.bank.model import plain_value
from quizhall.contest.commands import Command
from quizhall.contest.describe import describe_event
from quizhall.contest.rounds import Decision
from quizhall.contest.state import CLOSED, FINISHED, QUESTION, open_ties, standings
from quizhall.i18n import t
from quizhall.plugins import PLUGIN_ERRORS


@dataclass(frozen=True, slots=True)
class TeamView:
    """A team on the scoreboard. ``rank`` is shared by equal teams; ``prize`` is the rank
    when it wins a prize (ranks up to the largest of the contest's ``prizes``), else None."""

    index: int
    name: str
    members: tuple[str, ...]
    key: str
    colour: str | None
    score: float
    tiebreak: float
    rank: int
    prize: int | None
    streak: int
    eliminated: bool
    lives: int | None


@dataclass(frozen=True, slots=True)
class NextStep:
    """What ``next`` does now (``code``: start_round, show_question, end_round, finish,
    blocked, finished) and a sentence saying so, or why it cannot."""

    code: str
    text: str


@dataclass(frozen=True, slots=True)
class StateView:
    """Everything a host screen shows, at one moment. Teams are 0-based indices."""

    title: str
    phase: str
    paused: bool
    events: int
    now: float
    round: int | None                  # 0-based index, None before the first round
    round_count: int
    round_title: str | None
    round_type: str | None
    round_type_title: str | None
    rules: tuple[str, ...]
    question: int | None               # 1-based number in the round (k of n)
    question_count: int | None
    question_key: str | None
    question_text: Any                 # the bank Question, when banks are loaded
    stake: float | None
    revealed: bool
    audience: bool
    answerer: int | None
    member: int | None
    member_name: str | None
    chooser: int | None
    buzz_open: bool
    may_buzz: tuple[int, ...]
    locked_out: tuple[int, ...]
    timer: dict[str, Any] | None
    wagers: dict[int, Any]
    details: dict[str, Any]
    last_verdict: dict[str, Any] | None
    next: NextStep
    teams: tuple[TeamView, ...]
    ranking: tuple[int, ...]           # teams, best first
    open_ties: tuple[tuple[int, ...], ...]
    finished: bool
    ended_early: bool = False
    warnings: tuple[str, ...] = field(default=())
    notes: dict[int, dict[str, Any]] = field(default_factory=dict)  # plugin notes by team
    undo: str | None = None            # the action ``undo`` would take back, named
    redo: str | None = None            # the action ``redo`` would bring back, named
    projector: str | None = None       # the page the host put on the projector, if any

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data (the bank question is given as its key only)."""
        data = asdict(self)
        data.pop("question_text")
        data["wagers"] = {str(k): v for k, v in self.wagers.items()}
        data["next"] = {"code": self.next.code, "text": self.next.text}
        return json.loads(json.dumps(data, ensure_ascii=False))


# Events whose points the host hears with the action's name.
SCORING = frozenset({"answer_judged", "early_buzz", "points_awarded", "score_adjusted"})



def build_view(contest: Any, now: float) -> StateView:
    """The view of a :class:`~quizhall.contest.engine.Contest` at ``now``."""
    state = contest.state
    plan = state.plan
    order = standings(state.scores, state.tiebreak_levels)
    rank_of = dict(order)
    top_prize = max(plan.prizes, default=0)
    teams = tuple(
        TeamView(index=i, name=team.name, members=team.members, key=team.key,
                 colour=team.colour, score=state.scores[i], tiebreak=state.tiebreak[i],
                 rank=rank_of[i], prize=rank_of[i] if rank_of[i] <= top_prize else None,
                 streak=state.streaks[i], eliminated=i in state.out, lives=state.lives[i])
        for i, team in enumerate(plan.teams))
    round_plan = state.round_plan if state.phase != FINISHED else None
    rules: tuple[str, ...] = ()
    number = count = None
    details: dict[str, Any] = {}
    warnings: list[str] = []
    try:
        round_type = contest.round_type(state.round) if round_plan is not None else None
        if round_type is not None:
            decision = Decision(contest, state, now)
            rules = tuple(round_type.rules())
            if state.question >= 0 or state.shown:
                number, count = round_type.progress(decision)
            details = round_type.details(decision)
    except PLUGIN_ERRORS as exc:  # a plugin round type must not take the host screen down
        plugin = contest.blame(exc)
        if plugin is None:
            raise
        round_type = None
        warnings.append(contest.round_type_failed(plugin, exc))
    member_name = None
    if state.answerer is not None and state.member is not None:
        member_name = plan.teams[state.answerer].members[state.member]
    in_question = state.phase in (QUESTION, CLOSED)
    return StateView(
        title=plan.title, phase=state.phase, paused=state.paused, events=state.seq, now=now,
        round=state.round if state.round >= 0 else None, round_count=len(plan.rounds),
        round_title=round_plan.title if round_plan else None,
        round_type=round_plan.type if round_plan else None,
        round_type_title=type(round_type).title() if round_type else None,
        rules=rules, question=number, question_count=count,
        question_key=state.question_key if in_question else None,
        question_text=contest.question(state.question_key) if in_question else None,
        stake=state.stake, revealed=state.revealed, audience=state.audience,
        answerer=state.answerer, member=state.member, member_name=member_name,
        chooser=state.chooser, buzz_open=state.buzz_open,
        may_buzz=state.may_buzz() if state.phase == QUESTION else (),
        locked_out=tuple(sorted(state.locked)) if takes_buzzes(round_type) else (),
        timer=state.timer.to_dict(now) if state.timer else None,
        wagers=dict(state.wagers), details=details,
        last_verdict=dict(state.last_verdict) if state.last_verdict else None,
        next=next_step(contest), teams=teams, ranking=tuple(team for team, _ in order),
        open_ties=tuple(open_ties(state.scores, state.tiebreak_levels, plan.prizes)),
        finished=state.phase == FINISHED, ended_early=state.ended_early,
        warnings=tuple(warnings),
        notes={team: dict(notes) for team, notes in state.notes.items()},
        undo=action_text(plan, state.action) if state.undo is not None else None,
        redo=action_text(plan, state.redo.action) if state.redo is not None else None,
        projector=state.projector)


def takes_buzzes(round_type: Any) -> bool:
    """Whether a round is played with buzzers (its type implements ``buzz``): only there
    does losing the right to answer mean being locked out of buzzing."""
    from quizhall.contest.rounds import RoundType

    return round_type is not None and type(round_type).buzz is not RoundType.buzz


def action_text(plan: Any, action: Any) -> str | None:
    """An action as the host reads it before undoing or redoing it (points included)."""
    if not action:
        return None
    what = describe_event(plan, action)
    points = action.get("points")
    if action.get("type") in SCORING and isinstance(points, int | float):
        return t("contest.action_points", what=what, points=f"{plain_value(points):+}")
    return what


def next_step(contest: Any) -> NextStep:
    """What the ``next`` command would do now, found by asking the engine without recording."""
    state = contest.state
    if state.phase == FINISHED:
        return NextStep("finished", t("contest.next.finished"))
    events, reason = contest.preview(Command("next"))
    if reason is not None:
        return NextStep("blocked", reason)
    kinds = [event["type"] for event in events]
    if "round_started" in kinds:
        event = events[kinds.index("round_started")]
        index = event["round"]
        return NextStep("start_round", t("contest.next.start_round", number=index + 1,
                                         title=state.plan.rounds[index].title))
    if "contest_finished" in kinds:
        return NextStep("finish", t("contest.next.finish"))
    if "question_shown" in kinds:
        event = events[kinds.index("question_shown")]
        answerer = event.get("answerer")
        if answerer is None:
            return NextStep("show_question", t("contest.next.show_question"))
        return NextStep("show_question", t("contest.next.show_question_for",
                                           team=state.plan.teams[answerer].name))
    return NextStep("blocked", t("contest.next.nothing"))
