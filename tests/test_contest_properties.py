"""Properties of the engine under any command sequence (hypothesis stateful testing):
it never crashes, refused commands change nothing, fold(log) equals the live state, undo
then redo equals neither, and undoing back to the start then redoing to the end gives the
same contest again."""

from contest_helpers import DATA, contest_text
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from quizhall.contest import Command, fold
from quizhall.testing import start

TEAMS = "teams:\n  - {name: A, members: [a1, a2]}\n  - {name: B, members: [b1, b2]}\n" \
        "  - {name: C, members: [c1]}\n"
ROUNDS = """\
  - type: required
    questions: {count: 3}
    time_limit: 5
    answerer: team
    no_member_twice_in_a_row: true
  - type: buzz
    questions: {count: 3}
    second_chance: true
    window: 4
    answer_window: 3
    early_buzz: [{points: 0, lose_right: true}, {points: -20, lose_right: true}]
  - type: risk
    questions: {count: 6}
    values: [10, 20]
    assign: true
  - type: speed
    questions: {count: 6}
    time_limit: 6
  - type: gate
    gates: [L1, L2]
    on_fail: life
  - type: tiebreak
    questions: {count: 3}
    window: 3
"""
CONTEST = contest_text(ROUNDS, TEAMS, head="floor: 60\nprizes: [1, 2]\n")

PLAIN = st.sampled_from(["next", "next", "next", "open", "right", "wrong", "partial 5",
                         "timeout", "pass", "reveal", "pause", "resume", "undo", "redo",
                         "member 1", "member 2"])
TEAM = st.sampled_from(["1", "2", "3", "A", "4"])
WITH_TEAM = st.builds(lambda name, team: f"{name} {team}",
                      st.sampled_from(["buzz", "buzz", "assign"]), TEAM)
WAGER = st.builds(lambda team, value: f"wager {team} {value}", TEAM,
                  st.sampled_from(["10", "20", "15", "pass"]))
ADJUST = st.builds(lambda team, points: f"adjust {team} {points} jury", TEAM,
                   st.sampled_from(["5", "-10", "0"]))
COMMANDS = st.one_of(PLAIN, PLAIN, WITH_TEAM, WAGER, ADJUST)


def comparable(contest) -> dict:
    """The view, less what undo and redo rightly change: the event count, and whether a
    clock they brought back runs (it comes back stopped, with the time it had)."""
    view = contest.view().to_dict()
    view.pop("events")
    if view["timer"] is not None:
        view["timer"].pop("running")
    return view


class ContestMachine(RuleBasedStateMachine):
    CONTEST = CONTEST

    def __init__(self) -> None:
        super().__init__()
        self.rehearsal = start(self.CONTEST, base_dir=DATA)
        self.contest = self.rehearsal.contest

    @rule(command=COMMANDS)
    def command(self, command: str) -> None:
        self.contest.tick()
        log_before = len(self.contest.log)
        view_before = self.contest.view().to_dict()
        refused_before = len(self.rehearsal.refused)
        self.rehearsal.run_line(1, command)
        if len(self.rehearsal.refused) > refused_before:
            assert len(self.contest.log) == log_before
            assert self.contest.view().to_dict() == view_before

    @rule(data=st.data())
    def play_on(self, data: st.DataObject) -> None:
        """A command that moves the contest forward, so sequences reach every round type."""
        self.contest.tick()
        state, view = self.contest.state, self.contest.view()
        kind = view.round_type
        options: list[str] = ["next"]
        if state.phase in ("intro", "closed") and kind == "risk":
            details = view.details
            pending = details.get("pending")
            if pending and pending.get("assigned") is None:
                others = [t for t in range(3) if t != pending["team"]]
                options = [f"assign {data.draw(st.sampled_from(others)) + 1}"]
            elif not pending and details.get("picker") is not None:
                value = data.draw(st.sampled_from(["10", "20", "pass"]))
                options = [f"wager {details['picker'] + 1} {value}", "next"]
        elif state.phase in ("intro", "closed") and kind == "board":
            cells = view.details.get("cells_left") or []
            if cells:
                topic, value = data.draw(st.sampled_from(cells))
                options = [f"pick {topic} {value:g}"]
        elif state.phase in ("intro", "closed") and kind == "designated":
            if view.details.get("picker") is not None and not view.details.get("pending"):
                value = data.draw(st.sampled_from(["10", "20"]))
                options = [f"wager {view.details['picker'] + 1} {value}"]
        elif state.phase == "question" and kind == "judges":
            waiting = view.details.get("waiting") or []
            score = data.draw(st.sampled_from(["0", "5.5", "8", "10"]))
            options = [f"mark {judge} {score}" for judge in waiting] or ["next"]
        elif state.phase == "question":
            verdicts = ["right", "wrong", "partial 3", "timeout"]
            if state.answerer is not None:
                options = verdicts + ["member 1", "member 2"]
            elif state.buzz_open and state.may_buzz():
                options = [f"buzz {data.draw(st.sampled_from(state.may_buzz())) + 1}"]
            else:
                options = ["open", "timeout"]
            if kind == "buzz":
                options.append(f"shout {data.draw(st.sampled_from([1, 2, 3]))}")
            if kind == "speed" and not state.data.get("started"):
                options = ["open"]
        self.rehearsal.run_line(1, data.draw(st.sampled_from(options)))

    @rule(data=st.data())
    def play_on_again(self, data: st.DataObject) -> None:
        """The same again: weighs moving forward over random commands."""
        self.play_on(data)

    @precondition(lambda self: self.contest.state.round >= 4)
    @rule()
    def end_contest(self) -> None:
        self.rehearsal.run_line(1, "end")

    @rule(seconds=st.sampled_from([0.5, 1, 2.5, 4, 7]))
    def wait(self, seconds: float) -> None:
        self.rehearsal.run_line(1, f"wait {seconds}")

    @precondition(lambda self: self.contest.state.undo is not None)
    @rule()
    def undo_then_redo_is_no_undo(self) -> None:
        self.contest.tick()
        before = comparable(self.contest)
        ledger = self.contest.ledger()
        self.rehearsal.run(["undo", "redo"])
        assert comparable(self.contest) == before
        assert self.contest.ledger() == ledger

    @precondition(lambda self: self.contest.state.undo is not None)
    @rule()
    def undo_to_the_start_then_redo_to_the_end(self) -> None:
        self.contest.tick()
        before = comparable(self.contest)
        ledger = self.contest.ledger()
        steps = 0
        while self.contest.execute(Command("undo")).accepted:
            steps += 1
        assert self.contest.state.phase == "ready" and self.contest.ledger() == []
        assert self.contest.view().undo is None
        for _ in range(steps):
            assert self.contest.execute(Command("redo")).accepted
        assert comparable(self.contest) == before
        assert self.contest.ledger() == ledger

    @invariant()
    def fold_of_the_log_is_the_live_state(self) -> None:
        folded = fold(self.contest.log.read())
        assert folded.state == self.contest.state
        assert folded.entries() == self.contest.ledger()

    @invariant()
    def scores_respect_the_floor_except_jury(self) -> None:
        adjusted = {e.team for e in self.contest.ledger() if e.event == "score_adjusted"}
        for team, score in enumerate(self.contest.state.scores):
            assert score >= 60 or team in adjusted


ContestMachine.TestCase.settings = settings(
    max_examples=50, stateful_step_count=120, deadline=None,
    suppress_health_check=[HealthCheck.too_slow])
TestContestProperties = ContestMachine.TestCase

# The newer round types, with simultaneous buzzes voided and shouting out.
NEWER_ROUNDS = """\
  - type: board
    topics: [甲, 乙]
    values: [10, 20]
    order: lowest_first
    wrong_loses: true
  - type: designated
    values: [10, 20]
    questions: {count: 3}
    time_limit: 4
  - type: buzz
    questions: {count: 3}
    second_chance: true
    simultaneous: reopen
    simultaneous_ms: 800
    window: 4
  - type: judges
    judges: [J1, {name: J2, team: 1}, J3, J4]
    questions: {count: 3}
    decimals: 1
  - type: last_standing
    questions: {count: 8}
    wrongs_to_out: 2
    time_limit: 5
  - type: tiebreak
    questions: {count: 3}
    window: 3
"""


class NewerRoundsMachine(ContestMachine):
    """The same properties over the newer round types (and the deep undo and redo)."""

    CONTEST = contest_text(NEWER_ROUNDS, TEAMS, head="floor: 60\nprizes: [1, 2]\n")

    @rule(command=st.one_of(
        st.builds(lambda topic, value: f"pick {topic} {value}",
                  st.sampled_from(["甲", "乙", "1", "丙"]), st.sampled_from(["10", "20", "30"])),
        st.builds(lambda judge, score: f"mark {judge} {score}",
                  st.sampled_from(["J1", "2", "3", "J4", "J9"]),
                  st.sampled_from(["0", "7.5", "10", "11"])),
        st.builds(lambda team: f"shout {team}", TEAM)))
    def newer_command(self, command: str) -> None:
        self.command(command)


NewerRoundsMachine.TestCase.settings = settings(
    max_examples=25, stateful_step_count=120, deadline=None,
    suppress_health_check=[HealthCheck.too_slow])
TestNewerRoundsProperties = NewerRoundsMachine.TestCase
