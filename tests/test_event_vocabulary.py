"""The event vocabulary: one definition per event type is all a new event needs.

A throwaway event type, defined only here, is emitted by a throwaway plugin round type; it
folds into the state, reads in the ledger, the report's audit trail and the hall's notices,
and undo takes it back, with nothing written anywhere else. The plugin docs list every
event type exactly as the definitions say.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from contest_helpers import DATA, contest_text

from quizhall.contest import Decision, RoundType, Setting, folds
from quizhall.contest.events import (
    EventType,
    Field,
    definition,
    event_types,
    unregister,
    vocabulary_markdown,
)
from quizhall.contest.evolve import fold
from quizhall.hookspecs import hookimpl
from quizhall.report.contest import contest_report
from quizhall.testing import start
from quizhall.tui.present import notices

DOCS = Path(__file__).resolve().parent.parent / "docs" / "plugins.md"
BEGIN, END = "<!-- event types: begin -->\n", "<!-- event types: end -->\n"


def _ring(state: Any, event: Mapping[str, Any], t: float, ledger: list[folds.LedgerEntry],
          seq: int) -> None:
    folds.score(state, ledger, seq, t, int(event["team"]), float(event["points"]), "bell",
                "bell_rung")
    state.data = {**state.data, "bells": state.data.get("bells", 0) + 1}


BELL = EventType(
    "bell_rung", "a team rang the bell (test only)",
    (Field("team", "int", "the team", True), Field("points", "number", "its points", True)),
    _ring, lambda plan, event: f"{plan.teams[event['team']].name} rang the bell",
    notice=lambda event, team, signed: f"{team} rang {signed(float(event['points']))}",
    reason=lambda reason: f"the {reason} rang")


class BellRound(RoundType):
    """Team 1 answers each question; a right answer rings the bell for 5 points."""

    name = "bell-round"
    SETTINGS = {"broken": Setting("boolean", False, "emit a team by name (a broken event)")}
    EVENT_TYPES = (BELL,)

    def next_question(self, d: Decision) -> list[dict[str, Any]] | None:
        index = d.state.question + 1
        if index >= len(d.round.questions):
            return None
        return [{"type": "question_shown", "question": index, "key": d.round.questions[index],
                 "answerer": 0}]

    def judge(self, d: Decision, verdict: str, points: Any) -> list[dict[str, Any]]:
        team: Any = "red" if d.settings.get("broken") else 0
        return [{"type": "bell_rung", "team": team, "points": 5}, {"type": "question_closed"}]


class BellPlugin:
    @hookimpl
    def quizhall_register_round_types(self, register: Any) -> None:
        register(BellRound)


@pytest.fixture
def bell() -> Iterator[None]:
    yield
    unregister("bell_rung")


def rehearse_bell(commands: list[str]) -> Any:
    rehearsal = start(contest_text("  - type: bell-round\n    questions: {count: 2}\n"),
                      [BellPlugin()], base_dir=DATA)
    rehearsal.run(commands)
    return rehearsal


def test_a_plugin_event_type_needs_one_definition_to_fold_read_and_undo(bell: None) -> None:
    rehearsal = rehearse_bell(["next", "next", "right"])
    contest = rehearsal.contest
    assert contest.state.scores[0] == 105 and contest.state.data["bells"] == 1
    log = contest.log.read()
    rung = next(seq for seq, event in enumerate(log) if event["type"] == "bell_rung")
    # the ledger and the report read it through its definition
    entry = contest.ledger()[-1]
    assert (entry.event, entry.points) == ("bell_rung", 5)
    report = contest_report(contest)
    audit = report.audit[rung]
    assert audit.description == "红队 rang the bell" and audit.reasons == "the bell rang"
    assert audit.points == 5 and not audit.undone
    assert notices([log[rung]], ["红队", "蓝队"]) == ["红队 rang +5"]
    # replaying the log folds it the same way
    assert fold(log).state.scores == contest.state.scores  # type: ignore[union-attr]
    # undo takes it back (it is an action), and the report marks it undone
    rehearsal.run(["undo"])
    assert contest.state.scores[0] == 100 and contest.state.data.get("bells", 0) == 0
    assert contest_report(contest).audit[rung].undone


def test_an_event_whose_fields_break_its_definition_is_refused(bell: None) -> None:
    rehearsal = start(contest_text("  - type: bell-round\n    questions: {count: 2}\n"
                                   "    broken: true\n"), [BellPlugin()], base_dir=DATA)
    rehearsal.run(["next", "next", "right"])
    assert [r.reason for r in rehearsal.refused] == [
        "plugin test-plugin-0 failed; the command did nothing"]
    assert "bell_rung: field 'team' must be int, not str" in rehearsal.warnings[0]
    assert not any(e["type"] == "bell_rung" for e in rehearsal.contest.log.read())


def test_a_round_type_redefining_an_event_type_is_ignored_with_a_warning() -> None:
    clash = EventType("answer_judged", "not the real one", (), folds.nothing,
                      lambda plan, event: "")

    class Clashing(BellRound):
        name = "clashing-round"
        EVENT_TYPES = (clash,)

    class ClashPlugin:
        @hookimpl
        def quizhall_register_round_types(self, register: Any) -> None:
            register(Clashing)

    from quizhall.contest import collect_round_types
    from quizhall.testing import plugin_manager

    warnings: list[str] = []
    found = collect_round_types(plugin_manager([ClashPlugin()]), warnings)
    assert "clashing-round" not in found
    assert any("answer_judged" in w and "clashing-round" in w for w in warnings)
    assert definition("answer_judged") is not clash


def test_the_plugin_docs_list_every_event_type_as_defined() -> None:
    text = DOCS.read_text(encoding="utf-8")
    listed = text[text.index(BEGIN) + len(BEGIN):text.index(END)]
    assert listed == vocabulary_markdown()
    assert all(f"- `{item.name}`" in listed for item in event_types())
