"""Plugins in contests: scoring parts compose, team modes, round types from plugins, and a
failing plugin is named, ignored, and never corrupts the log."""

import json
import sys

from contest_helpers import DATA, contest_text, events, play, scores

from quizhall.cli import main
from quizhall.contest import Answerer, Decision, RoundType, ScorePart, fold
from quizhall.hookspecs import hookimpl
from quizhall.testing import start

REQUIRED = "  - type: required\n    questions: {count: 8}\n"


class SpeedBonus:
    """+5 for a right answer within 10 seconds."""

    @hookimpl
    def quizhall_score_answer(self, answer):
        if answer.verdict == "right" and answer.elapsed < 10:
            return ScorePart(5, "speed bonus")
        return None


class StreakBonus:
    """+2 per right answer in a row before this one."""

    @hookimpl
    def quizhall_score_answer(self, answer):
        if answer.verdict == "right" and answer.streak:
            return [ScorePart(2 * answer.streak, "streak")]
        return None


class Broken:
    @hookimpl
    def quizhall_score_answer(self, answer):
        raise RuntimeError("boom")


class WrongType:
    @hookimpl
    def quizhall_score_answer(self, answer):
        return 7


def test_scoring_plugins_compose_their_parts():
    commands = ["next", "next", "right", "next", "timeout", "next", "timeout", "next",
                "timeout", "next", "wait 11", "right"]
    result = play(REQUIRED, commands, plugins=[SpeedBonus(), StreakBonus()])
    assert scores(result)[0] == 100 + 15 + 10 + 2
    parts = result["ledger"][-1]["parts"]
    assert [(p["reason"], p["points"]) for p in parts] == [("right", 10), ("streak", 2)]
    assert parts[1]["plugin"] == "test-plugin-1"


def test_a_scoring_plugin_that_raises_is_named_and_the_default_applies():
    rehearsal = start(contest_text(REQUIRED), plugins=[Broken()], base_dir=DATA)
    rehearsal.run(["next", "next", "right"])
    assert len(rehearsal.warnings) == 1
    warning = rehearsal.warnings[0]
    assert "test-plugin-0" in warning and "boom" in warning
    contest = rehearsal.contest
    assert contest.view().teams[0].score == 110
    assert fold(contest.log.read()).state == contest.state


def test_a_plugin_returning_the_wrong_type_is_named_and_ignored():
    result = play(REQUIRED, ["next", "next", "right"], plugins=[WrongType()])
    assert scores(result)[0] == 110
    assert result["warnings"] == ["plugin test-plugin-0 returned 7 from quizhall_score_answer, "
                                  "expected ScorePart; ignored"]


def test_replaying_a_log_never_calls_the_scoring_plugins_again():
    rehearsal = start(contest_text(REQUIRED), plugins=[SpeedBonus()], base_dir=DATA)
    rehearsal.run(["next", "next", "right"])
    folded = fold(rehearsal.contest.log.read())  # no plugins at all here
    assert folded.state.scores[0] == 115


class SecondSeatFirst:
    @hookimpl
    def quizhall_choose_answerer(self, turn):
        if turn.mode == "seat":
            return Answerer(turn.team, (turn.turns + 1) % len(turn.members))
        return None


class BadTeamMode:
    @hookimpl
    def quizhall_choose_answerer(self, turn):
        return Answerer(turn.team + 1, 0)


def test_team_mode_plugin_chooses_the_answerer():
    result = play(REQUIRED, ["next", "next"], plugins=[SecondSeatFirst()])
    assert result["view"]["member"] == 1 and result["view"]["member_name"] == "红二"


def test_a_bad_team_mode_answer_falls_back_to_the_default():
    result = play(REQUIRED, ["next", "next"], plugins=[BadTeamMode()])
    assert result["view"]["member"] == 0
    assert "test-plugin-0" in result["warnings"][0]


class OddSeatsOnly:
    """Refuses members in even seats, and a verdict before a member is named."""

    def __init__(self) -> None:
        self.seen = []

    @hookimpl
    def quizhall_check_answerer(self, turn, member):
        self.seen.append((turn.team, member, turn.answered))
        if member is None:
            return "name the member first" if turn.mode == "team" else None
        return "only odd seats" if member % 2 else None


TEAM_PICKS = "  - type: required\n    questions: {count: 8}\n    answerer: team\n"


def test_a_team_mode_may_refuse_the_member_the_host_names():
    plugin = OddSeatsOnly()
    result = play(TEAM_PICKS, ["next", "next", "member 2", "member 1", "right"],
                  plugins=[plugin])
    assert [r["reason"] for r in result["refused"]] == ["only odd seats"]
    assert scores(result)[0] == 110
    assert result["log"][-2]["type"] == "answer_judged" and result["log"][-2]["member"] == 0


def test_a_team_mode_may_refuse_a_verdict_before_a_member_is_named_but_never_a_timeout():
    result = play(TEAM_PICKS, ["next", "next", "right", "timeout"], plugins=[OddSeatsOnly()])
    assert [r["reason"] for r in result["refused"]] == ["name the member first"]
    assert result["log"][-2]["verdict"] == "timeout"


def test_team_modes_see_how_many_answers_each_member_gave_this_round():
    plugin = OddSeatsOnly()
    others = ["next", "timeout"] * 3  # questions 2–4 go to the other teams
    play(TEAM_PICKS, ["next", "next", "member 1", "right", *others, "next", "member 1"],
         plugins=[plugin])
    assert plugin.seen[-1] == (0, 0, (1, 0, 0))


class RaisingObserver:
    @hookimpl
    def quizhall_event_recorded(self, event, state):
        raise ValueError("observer down")


def test_a_failing_observer_never_undoes_the_event():
    result = play(REQUIRED, ["next", "next", "right"], plugins=[RaisingObserver()])
    assert scores(result)[0] == 110
    assert any("observer down" in w for w in result["warnings"])


class QuickfireRound(RoundType):
    """A plugin round type: every team answers the same question; right +1 each."""

    name = "quickfire"

    def next_question(self, d: Decision):
        index = d.state.question + 1
        if index >= len(d.round.questions):
            return None
        return [{"type": "question_shown", "question": index, "key": d.round.questions[index],
                 "answerer": 0}]

    def judge(self, d: Decision, verdict, points):
        return [d.judged(0, verdict, 1 if verdict == "right" else 0),
                {"type": "question_closed"}]


class QuickfirePlugin:
    @hookimpl
    def quizhall_register_round_types(self, register):
        register(QuickfireRound)


def test_round_types_from_plugins():
    rounds = "  - type: quickfire\n    questions: {count: 2}\n"
    result = play(rounds, ["next", "next", "right", "next", "right", "next"],
                  plugins=[QuickfirePlugin()])
    assert scores(result)[0] == 102
    assert result["view"]["finished"] is True
    assert events(result, "round_started")[0]["round"] == 0


def test_plugin_settings_are_validated_with_positions(tmp_path):
    class Validator:
        @hookimpl
        def quizhall_validate_plugin_settings(self, name, settings):
            if name != "test-plugin-0":
                return None
            return [] if isinstance(settings.get("bonus"), int) else ["bonus must be a number"]

    from quizhall.testing import load, plugin_manager

    pm = plugin_manager([Validator()])
    text = contest_text(REQUIRED, head="plugins:\n  - {name: test-plugin-0, settings: "
                        "{bonus: lots}}\n  - nowhere-plugin\n")
    loaded = load(text, DATA, pm)
    messages = [(d.line, d.column, d.message) for d in loaded.diagnostics]
    assert messages == [
        (5, 37, "plugin test-plugin-0: bonus must be a number"),
        (6, 5, "plugin nowhere-plugin is not installed"),
    ]


def test_plugins_command_lists_file_plugins_and_failures(tmp_path, capsys):
    good = tmp_path / "bonus.py"
    good.write_text("from quizhall.hookspecs import hookimpl\n"
                    "@hookimpl\n"
                    "def quizhall_score_answer(answer):\n"
                    "    return None\n", encoding="utf-8")
    bad = tmp_path / "broken.py"
    bad.write_text("raise ImportError('missing dependency')\n", encoding="utf-8")
    from quizhall import plugins

    plugins.reset_plugin_manager()
    try:
        status = main(["plugins", "--json", "--plugin", str(good), "--plugin", str(bad)])
    finally:
        plugins.reset_plugin_manager()
        sys.modules.pop("quizhall_plugin_file_bonus", None)
    report = json.loads(capsys.readouterr().out)
    assert status == 1
    assert [(p["name"], p["origin"], p["hooks"]) for p in report["plugins"]] == [
        (str(good.resolve()), "file", ["quizhall_score_answer"])]
    assert report["failed"][0]["name"] == "broken"
    assert "missing dependency" in report["failed"][0]["error"]


def test_plugins_command_hides_builtins_unless_all(capsys):
    from quizhall import plugins

    plugins.reset_plugin_manager()
    try:
        main(["plugins", "--all", "--json"])
    finally:
        plugins.reset_plugin_manager()
    report = json.loads(capsys.readouterr().out)
    builtin = {p["name"]: p for p in report["plugins"] if p["origin"] == "builtin"}
    assert builtin["quizhall.rules.buzz"]["hooks"] == ["quizhall_register_round_types"]
    assert builtin["quizhall.rules.scoring"]["version"]
