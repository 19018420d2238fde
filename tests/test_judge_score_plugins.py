"""Judges' scores from a plugin (``quizhall_judge_scores``): scoring pads or a judges' app
supply what the host would type; each score is recorded as a ``judge_scored`` event, so the
log, the mean and the export are the same as if typed, and a refused score names the plugin.
"""

from __future__ import annotations

from contest_helpers import DATA, contest_text

from quizhall.contest.hooks import JudgeRequest
from quizhall.hookspecs import hookimpl
from quizhall.testing import start

TEAMS3 = """\
teams:
  - {name: 红队, members: [红一, 红二]}
  - {name: 蓝队, members: [蓝一, 蓝二]}
  - {name: 绿队, members: [绿一, 绿二]}
"""
JUDGES = ("  - type: judges\n    questions: {count: 3}\n"
          "    judges: [张评委, 李评委, {name: 王评委, team: 2}, 赵评委, 陈评委]\n")


class ScoringPads:
    """Electronic scoring pads: each judge's score arrives once, then nothing new."""

    def __init__(self, scores: dict[str, float]) -> None:
        self.pending = dict(scores)
        self.requests: list[JudgeRequest] = []

    @hookimpl
    def quizhall_judge_scores(self, request):
        self.requests.append(request)
        given = {name: score for name, score in self.pending.items() if name in request.waiting}
        for name in given:
            del self.pending[name]
        return given or None


class Garbled:
    @hookimpl
    def quizhall_judge_scores(self, request):
        return {"张评委": "nine"}


def rehearsal(*plugins):
    contest = start(contest_text(JUDGES, teams=TEAMS3), plugins=list(plugins), base_dir=DATA)
    for line in ("next", "next"):
        assert contest.contest.execute(contest.contest.parse(line)).accepted
    return contest.contest


def record(contest) -> list[str]:
    """What the host console does on a tick: execute the plugins' scores; the refusals."""
    commands, warnings = contest.plugin_judge_scores()
    refused = []
    for plugin, command in commands:
        outcome = contest.execute(command)
        if not outcome.accepted:
            refused.append(f"{plugin}: {outcome.reason}")
    return warnings + refused


def test_a_plugin_supplies_judges_scores_recorded_as_if_typed():
    pads = ScoringPads({"张评委": 9, "李评委": 8.5, "王评委": 10, "赵评委": 7, "陈评委": 9.6})
    contest = rehearsal(pads)
    assert record(contest) == []
    request = pads.requests[0]
    assert (request.team, request.team_name) == (0, "红队")
    assert request.waiting == ("张评委", "李评委", "王评委", "赵评委", "陈评委")
    assert (request.min_score, request.max_score) == (0, 10)
    events = contest.log.read()
    judged = [(e["name"], e["score"]) for e in events if e["type"] == "judge_scored"]
    assert judged == [("张评委", 9), ("李评委", 8.5), ("王评委", 10), ("赵评委", 7),
                      ("陈评委", 9.6)]
    awarded = next(e for e in events if e["type"] == "points_awarded")
    assert awarded["points"] == 9.03 and awarded["dropped"] == [7, 10]
    assert contest.plugin_judge_scores() == ([], [])  # the question is closed: not asked


def test_a_plugin_is_asked_only_for_the_judges_still_to_score():
    pads = ScoringPads({"李评委": 8})
    contest = rehearsal(pads)
    assert contest.execute(contest.parse("mark 张评委 9")).accepted
    record(contest)
    assert pads.requests[-1].waiting == ("李评委", "王评委", "赵评委", "陈评委")
    assert [e["name"] for e in contest.log.read() if e["type"] == "judge_scored"] == [
        "张评委", "李评委"]


def test_a_score_the_round_refuses_names_the_plugin_and_is_not_recorded():
    pads = ScoringPads({"张评委": 11})  # above max_score 10
    contest = rehearsal(pads)
    refused = record(contest)
    assert len(refused) == 1 and refused[0].startswith("test-plugin-0: ")
    assert not [e for e in contest.log.read() if e["type"] == "judge_scored"]


def test_a_garbled_answer_is_a_warning_naming_the_plugin():
    contest = rehearsal(Garbled())
    warnings = record(contest)
    assert len(warnings) == 1 and "test-plugin-0" in warnings[0]
    assert not [e for e in contest.log.read() if e["type"] == "judge_scored"]
