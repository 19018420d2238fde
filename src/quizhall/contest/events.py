"""The event vocabulary: every event type a contest log may hold, each defined once.

An :class:`EventType` says what an event means: its fields (name, kind, required or not),
how it folds into the state (a function of :mod:`quizhall.contest.folds`), how it reads as
a sentence in the log, the ledger and the results report (through i18n), whether undo takes
it back (an *action*) and what the hall is told about it (a notice), if anything. The
engine (:func:`~quizhall.contest.evolve.evolve`), the report's audit trail and undo
tracking, ``results --ledger`` and the host console's notices all ask :func:`definition`.

Plugin round types emit the same events; a plugin may add its own type with
:func:`register` (a name already defined is an error: one meaning per name). Fields are
checked by :meth:`EventType.check` before an event is recorded. ``docs/plugins.md`` lists the
vocabulary as :func:`vocabulary_markdown` writes it (a test keeps the two equal).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from quizhall.bank.model import plain_value
from quizhall.contest import folds
from quizhall.contest.audience import AUDIENCE_EVENTS
from quizhall.contest.names import member_name, team_name, who
from quizhall.contest.plan import Plan
from quizhall.contest.state import State
from quizhall.i18n import t

# fold(state, event, t, ledger, seq): changes ``state`` in place.
Fold = Callable[[State, Mapping[str, Any], float, list[folds.LedgerEntry], int], None]
# describe(plan, event): the event as one sentence.
Describe = Callable[[Plan, Mapping[str, Any]], str]
# reason(ledger reason): how a change of score this event made reads in the ledger.
Reason = Callable[[str], str]
# notice(event, team name, signed points formatter): what the hall is told, or None.
Notice = Callable[[Mapping[str, Any], str, Callable[[float], str]], "str | None"]

# Field kinds and the Python values each accepts (bool is never a number here).
KINDS: dict[str, tuple[type, ...]] = {
    "int": (int,), "number": (int, float), "str": (str,), "bool": (bool,),
    "list": (list, tuple), "dict": (dict,), "any": (object,),
}


@dataclass(frozen=True, slots=True)
class Field:
    """A field of an event: ``kind`` one of :data:`KINDS`; an optional field may be absent
    or None."""

    name: str
    kind: str
    doc: str
    required: bool = False


# Fields any event may carry (evolve applies them after the event's own fold).
GENERIC_FIELDS = (
    Field("data", "dict", "the round's own bookkeeping, merged into `state.data`"),
    Field("timer", "dict", "`{duration, kind}` starts a clock; null stops it"),
)


@dataclass(frozen=True, slots=True)
class EventType:
    """One event type. ``action``: undo takes it back (and it takes the hall's projector
    page off); ``fold`` None: the undo machinery itself (``contest_started``, ``undo``,
    ``redo``), which :func:`~quizhall.contest.evolve.evolve` handles; ``notice``: what the
    hall is told (None: nothing); ``reason``: how the ledger reads a change of score the
    fold made (by default the reason is a verdict: ``contest.verdict.<reason>``)."""

    name: str
    doc: str
    fields: tuple[Field, ...]
    fold: Fold | None
    describe: Describe
    action: bool = True
    notice: Notice | None = None
    reason: Reason = lambda reason: t(f"contest.verdict.{reason}")

    def check(self, event: Mapping[str, Any]) -> list[str]:
        """What is wrong with ``event``'s declared and generic fields (empty when nothing)."""
        problems = []
        for item in (*self.fields, *GENERIC_FIELDS):
            value = event.get(item.name)
            if value is None:
                if item.required:
                    problems.append(f"{self.name}: field {item.name!r} is required")
                continue
            kinds = KINDS[item.kind]
            if item.kind != "bool" and isinstance(value, bool) and item.kind != "any" or \
                    not isinstance(value, kinds):
                problems.append(f"{self.name}: field {item.name!r} must be {item.kind}, "
                                f"not {type(value).__name__}")
        return problems


_REGISTRY: dict[str, EventType] = {}


def register(definition: EventType) -> None:
    """Add an event type; a name already defined otherwise raises ValueError (registering
    the same definition again does nothing)."""
    if _REGISTRY.get(definition.name) is definition:
        return
    if definition.name in _REGISTRY:
        raise ValueError(f"event type {definition.name!r} is already defined")
    unknown = [item.kind for item in definition.fields if item.kind not in KINDS]
    if unknown:
        raise ValueError(f"event type {definition.name!r}: unknown field kind {unknown[0]!r}")
    _REGISTRY[definition.name] = definition


def unregister(name: str) -> None:
    """Remove an event type a plugin added (a test's throwaway type, say)."""
    _REGISTRY.pop(name, None)


def literal(reason: str) -> str:
    """A ledger reason shown as written (the jury's or the rules' own words)."""
    return reason


def definition(name: str) -> EventType | None:
    """The definition of event type ``name``, or None."""
    return _REGISTRY.get(name)


def event_types() -> tuple[EventType, ...]:
    """Every defined event type, in the order they were defined."""
    return tuple(_REGISTRY.values())


def is_action(name: str) -> bool:
    """Whether undo takes an event of this type back (unknown types count as actions)."""
    found = _REGISTRY.get(name)
    return found is None or found.action


def vocabulary_markdown() -> str:
    """The list of event types for ``docs/plugins.md``."""
    lines = ["- any event (fields every type may carry):"]
    lines.extend(f"  - `{each.name}` ({each.kind}, optional): {each.doc}"
                 for each in GENERIC_FIELDS)
    for item in _REGISTRY.values():
        tags = [] if item.action else ["not undone"]
        if item.notice is not None:
            tags.append("notice")
        suffix = f" ({', '.join(tags)})" if tags else ""
        lines.append(f"- `{item.name}`{suffix}: {item.doc}")
        for each in item.fields:
            need = "required" if each.required else "optional"
            lines.append(f"  - `{each.name}` ({each.kind}, {need}): {each.doc}")
    return "\n".join(lines) + "\n"


# -- the built-in vocabulary --------------------------------------------------------------------

def _team(plan: Plan, event: Mapping[str, Any]) -> str:
    return team_name(plan, event.get("team")) or ""


def _simple(key: str) -> Describe:
    return lambda plan, event: t(key)


def _team_only(key: str) -> Describe:
    return lambda plan, event: t(key, team=_team(plan, event))


def _round(plan: Plan, event: Mapping[str, Any]) -> str:
    index = int(event.get("round", 0))
    title = plan.rounds[index].title if 0 <= index < len(plan.rounds) else ""
    return t(f"export.event.{event.get('type')}", number=index + 1, title=title)


def _question_shown(plan: Plan, event: Mapping[str, Any]) -> str:
    number = int(event.get("question", -1)) + 1
    answerer = team_name(plan, event.get("answerer"))
    if answerer is None:
        return t("export.event.question_shown", number=number, key=event.get("key"))
    member = member_name(plan, event.get("answerer"), event.get("member"))
    return t("export.event.question_shown_for", number=number, key=event.get("key"),
             team=who(answerer, member))


def _early_buzz(plan: Plan, event: Mapping[str, Any]) -> str:
    key = "export.event.early_buzz_again" if event.get("repeat") else "export.event.early_buzz"
    return t(key, team=_team(plan, event), offence=event.get("offence", 1))


def _answer_judged(plan: Plan, event: Mapping[str, Any]) -> str:
    member = member_name(plan, event.get("team"), event.get("member"))
    return t("export.event.answer_judged", team=who(_team(plan, event), member),
             verdict=t(f"contest.verdict.{event.get('verdict')}"))


def _question_closed(plan: Plan, event: Mapping[str, Any]) -> str:
    if event.get("audience"):
        return t("export.event.question_closed_audience")
    if event.get("turn_over"):
        return t("export.event.turn_over")
    return t("export.event.question_closed")


def _wager_set(plan: Plan, event: Mapping[str, Any]) -> str:
    team = _team(plan, event)
    value = event.get("value")
    if value == "pass":
        return t("export.event.wager_pass", team=team)
    value = plain_value(value) if isinstance(value, int | float) else value
    target = team_name(plan, event.get("for_team"))
    if target is not None:
        return t("export.event.wager_for", team=team, value=value, target=target)
    return t("export.event.wager_set", team=team, value=value)


def _timer_started(plan: Plan, event: Mapping[str, Any]) -> str:
    timer = event.get("timer")
    if not isinstance(timer, dict):
        return t("export.event.answer_started")
    return t("export.event.timer_started", seconds=plain_value(timer.get("duration") or 0))


def _buzz_voided(plan: Plan, event: Mapping[str, Any]) -> str:
    names = [team_name(plan, each) or "" for each in event.get("teams") or ()]
    return t("export.event.buzz_voided", teams=" / ".join(names))


def _with_reason(plan: Plan, event: Mapping[str, Any]) -> str:
    return t(f"export.event.{event.get('type')}", team=_team(plan, event),
             reason=event.get("reason", ""))


def _audience(plan: Plan, event: Mapping[str, Any]) -> str:
    return t(f"export.event.{event.get('type')}", **{
        k: v for k, v in event.items() if k in ("device", "nickname", "choice", "count", "seed",
                                                "url")})


def _undo(plan: Plan, event: Mapping[str, Any]) -> str:
    if "undone" in event:
        return t("export.event.undo", seq=event["undone"])
    return t("export.event.undo_nothing")


def _redo(plan: Plan, event: Mapping[str, Any]) -> str:
    return t("export.event.redo", seq=event["redone"]) if "redone" in event else "redo"


def _notice_early_buzz(event: Mapping[str, Any], team: str,
                       signed: Callable[[float], str]) -> str | None:
    if event.get("repeat"):
        return None
    key = "tui.notice.early_buzz_lose" if event.get("lose_right") else "tui.notice.early_buzz"
    return t(key, team=team, points=signed(float(event.get("points", 0))))


def _notice_plain(key: str) -> Notice:
    return lambda event, team, signed: t(key)


_TEAM = Field("team", "int", "the team (0-based index in the plan)", True)
_POINTS = Field("points", "number", "points (negative for a penalty)")
_TIEBREAK = Field("tiebreak", "bool", "the points count only to break a tie")
_MEMBER = Field("member", "int", "the answering member's seat (0-based)")
_LOSE = Field("lose_right", "bool", "the team may not answer this question again")

_BUILT_IN = (
    EventType("contest_started", "a new contest with its plan; the log's first event",
              (Field("plan", "dict", "the contest plan", True),), None,
              lambda plan, event: t("export.event.contest_started", title=plan.title),
              action=False),
    EventType("contest_resumed", "the contest is opened again; the gap counts as paused",
              (Field("gap", "number", "seconds since the last event"),), folds.contest_resumed,
              lambda plan, event: t("export.event.contest_resumed",
                                    gap=plain_value(event.get("gap") or 0)), action=False),
    EventType("paused", "the clock stops", (), folds.paused, _simple("export.event.paused"),
              action=False),
    EventType("resumed", "the clock runs again", (), folds.resumed,
              _simple("export.event.resumed"), action=False),
    EventType("round_started", "a round begins (its intro screen)",
              (Field("round", "int", "the round (0-based)", True),
               Field("teams", "list", "the teams playing it (default: all)"),
               Field("lives", "int", "lives each playing team starts with"),
               Field("data", "dict", "the round's bookkeeping, replacing `state.data`")),
              folds.round_started, _round),
    EventType("question_shown", "a question is put up",
              (Field("question", "int", "the question (0-based in the round)", True),
               Field("key", "str", "`bank-id/question-id`"),
               Field("stake", "any", "what the question is worth, when the round says"),
               Field("chooser", "int", "the team that chose it"),
               Field("players", "list", "the teams (or members) that play it"),
               Field("answerer", "int", "the team it is asked to"),
               _MEMBER,
               Field("tiebreak_group", "int", "the tie-break level it decides"),
               Field("keep_timer", "bool", "the running clock goes on")),
              folds.question_shown, _question_shown),
    EventType("member_named", "the member who answers for a team is named",
              (_TEAM, Field("member", "int", "the member's seat (0-based)", True)),
              folds.member_named,
              lambda plan, event: t("export.event.member_named", team=_team(plan, event),
                                    member=member_name(plan, event.get("team"),
                                                       event.get("member")) or "")),
    EventType("buzz_opened", "the buzzers are open",
              (Field("second_chance", "bool", "opened again after a wrong answer"),),
              folds.buzz_opened,
              lambda plan, event: t("export.event.buzz_opened_again"
                                    if event.get("second_chance")
                                    else "export.event.buzz_opened")),
    EventType("buzz", "a team buzzed first and answers", (_TEAM,), folds.buzz,
              _team_only("export.event.buzz")),
    EventType("early_buzz", "a team buzzed before the buzzers opened (a penalty)",
              (_TEAM, Field("offence", "int", "how many times this round (1 = first)"),
               _POINTS, _LOSE, _TIEBREAK,
               Field("repeat", "bool", "a repeated press on the same question: no new offence")),
              folds.early_buzz, _early_buzz, notice=_notice_early_buzz),
    EventType("buzz_voided", "simultaneous buzzes are voided; the buzzers open again",
              (Field("teams", "list", "the teams that buzzed together"),), folds.buzz_voided,
              _buzz_voided, notice=_notice_plain("tui.notice.buzz_voided")),
    EventType("shouted_out", "a team answered without the buzzer (a penalty)",
              (_TEAM, _POINTS, _LOSE, _TIEBREAK), folds.shouted_out,
              _team_only("export.event.shouted_out"),
              notice=lambda event, team, signed: t(
                  "tui.notice.shouted_out", team=team,
                  points=signed(float(event.get("points", 0))))),
    EventType("answer_judged", "an answer is judged and scored",
              (_TEAM, Field("verdict", "str", "right, wrong, partial or timeout", True),
               _POINTS, Field("parts", "list", "how the points were made up: "
                                             "`[{points, reason, plugin}]`"),
               _MEMBER, _TIEBREAK),
              folds.answer_judged, _answer_judged),
    EventType("question_closed", "the question is over; its answer may be shown",
              (Field("audience", "bool", "nobody got it; it goes to the audience"),
               Field("turn_over", "bool", "the team's turn is over")),
              folds.question_closed, _question_closed),
    EventType("note_recorded", "a plugin command's note on a team for this question",
              (_TEAM, Field("command", "str", "the plugin command", True),
               Field("value", "any", "the note")),
              folds.note_recorded, lambda plan, event: "note_recorded"),
    EventType("answer_revealed", "the answer is shown", (), folds.answer_revealed,
              _simple("export.event.answer_revealed"), action=False),
    EventType("wager_set", "a team's wager (or pass) on the question",
              (_TEAM, Field("value", "any", "the points wagered, or `pass`", True),
               Field("for_team", "int", "the team the wager is for")),
              folds.wager_set, _wager_set),
    EventType("question_assigned", "a question is given to a team",
              (_TEAM, Field("chooser", "int", "the team that chose")),
              folds.nothing,
              lambda plan, event: t("export.event.question_assigned", team=_team(plan, event),
                                    chooser=team_name(plan, event.get("chooser")) or "")),
    EventType("cell_picked", "a team picks a board cell",
              (_TEAM, Field("name", "str", "the topic"), Field("value", "number", "its value"),
              ),
              folds.nothing,
              lambda plan, event: t("export.event.cell_picked", team=_team(plan, event),
                                    topic=event.get("name", ""),
                                    value=plain_value(event.get("value") or 0))),
    EventType("judge_scored", "a judge gives a team a score",
              (_TEAM, Field("name", "str", "the judge"), Field("score", "number", "the score"),
              ),
              folds.nothing,
              lambda plan, event: t("export.event.judge_scored", judge=event.get("name", ""),
                                    team=_team(plan, event),
                                    score=plain_value(event.get("score") or 0))),
    EventType("timer_started", "a clock starts (or the answer time begins)", (),
              folds.nothing, _timer_started),
    EventType("life_lost", "a team loses a life",
              (_TEAM, Field("lives", "int", "the lives it has left", True)), folds.life_lost,
              lambda plan, event: t("export.event.life_lost", team=_team(plan, event),
                                    lives=event.get("lives")),
              notice=lambda event, team, signed: t("tui.notice.life_lost", team=team,
                                                   lives=event.get("lives", 0))),
    EventType("team_eliminated", "a team is out of the round", (_TEAM,),
              folds.team_eliminated, _team_only("export.event.team_eliminated"),
              notice=lambda event, team, signed: t("tui.notice.eliminated", team=team)),
    EventType("question_passed", "a team passes the question", (_TEAM,),
              folds.nothing, _team_only("export.event.question_passed")),
    EventType("points_awarded", "the round's rules give a team points",
              (_TEAM, Field("points", "number", "the points", True),
               Field("reason", "str", "why, as the ledger shows it"), _TIEBREAK),
              folds.points_awarded, _with_reason, reason=literal),
    EventType("score_adjusted", "the jury adjusts a team's score",
              (_TEAM, Field("points", "number", "the points", True),
               Field("reason", "str", "why, as the ledger shows it")),
              folds.score_adjusted, _with_reason, reason=literal,
              notice=lambda event, team, signed: t(
                  "tui.notice.adjusted", team=team, points=signed(float(event.get("points", 0))),
                  reason=str(event.get("reason", "")))),
    EventType("round_ended", "a round is over",
              (Field("round", "int", "the round (0-based)"),), folds.round_ended, _round),
    EventType("contest_finished", "the contest is over",
              (Field("early", "bool", "the host ended it before the plan did"),),
              folds.contest_finished,
              lambda plan, event: t("export.event.contest_finished_early" if event.get("early")
                                    else "export.event.contest_finished")),
    EventType("undo", "the last action is taken back",
              (Field("undone", "int", "the log position of the action taken back"),), None,
              _undo, action=False, notice=_notice_plain("tui.notice.undo")),
    EventType("redo", "the last undone action is done again",
              (Field("redone", "int", "the log position of the action done again"),), None,
              _redo, action=False, notice=_notice_plain("tui.notice.redo")),
    EventType("projector_page", "the host puts a page on the hall's screen (or takes it off)",
              (Field("page", "str", "scores, teams, round or podium; null: off"),),
              folds.projector_page, lambda plan, event: "projector_page", action=False),
    *(EventType(name, "what the audience's phones did (folded by `AudienceBoard`)", (),
                folds.nothing, _audience, action=False) for name in sorted(AUDIENCE_EVENTS)),
)

for _each in _BUILT_IN:
    register(_each)

__all__ = ["GENERIC_FIELDS", "KINDS", "EventType", "Field", "definition", "event_types",
           "is_action", "literal", "register", "unregister", "vocabulary_markdown"]
