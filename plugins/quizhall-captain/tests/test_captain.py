"""The captain names who answers; each member answers at most max_answers questions a round."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
import quizhall_captain as captain

from quizhall.cli import main
from quizhall.contest import fold
from quizhall.plugins import find_plugin, get_plugin_manager
from quizhall.testing import ContestFileError, rehearse, start
from quizhall.tui.present import present

HERE = Path(__file__).resolve().parent
# 红队 [张明, 李华, 王芳] and 蓝队 [赵强, 孙丽]; rounds 1 and 2 answerer: team, round 3 seat.
CONTEST = HERE / "captain.contest.yaml"
SCRIPT = HERE / "captain.rehearsal.txt"
OTHERS_TIME_OUT = ["next", "timeout"]  # a question to 蓝队, which lets the time run out


def refusals(final: dict) -> list[str]:
    return [refusal["reason"] for refusal in final["refused"]]


def test_the_captain_names_who_answers_and_the_screens_show_them():
    rehearsal = start(CONTEST, plugins=[captain])
    rehearsal.run(["next", "next"])
    view = rehearsal.contest.view()
    assert view.answerer == 0 and view.member is None  # the captain has not named anyone yet
    rehearsal.run(["member 2"])
    stage = present(rehearsal.contest.view())
    assert stage.answerer == "李华"  # the host console's status line
    assert stage.for_audience().answerer == "李华"  # the projector


def test_a_verdict_waits_for_the_captain_but_time_may_run_out():
    final = rehearse(CONTEST, ["next", "next", "right", "timeout"], plugins=[captain])
    assert refusals(final) == ["the captain, 张明, names who answers first (m, or member N)"]
    assert final["log"][-2]["verdict"] == "timeout" and final["log"][-2]["member"] is None


def test_a_member_answers_at_most_twice_a_round():
    commands = ["next", "next", "member 2", "right", *OTHERS_TIME_OUT,
                "next", "member 李华", "right", *OTHERS_TIME_OUT,
                "next", "member 2", "member 1", "right"]
    final = rehearse(CONTEST, commands, plugins=[captain])
    assert refusals(final) == ["李华 has answered 2 questions this round (at most 2 each); "
                               "the captain, 张明, names another member"]
    judged = [e for e in final["log"] if e["type"] == "answer_judged" and e["team"] == 0]
    assert [e["member"] for e in judged] == [1, 1, 0]
    assert final["scores"]["红队"] == 130


def test_max_answers_is_a_setting():
    commands = ["next", "next", "member 2", "right", *OTHERS_TIME_OUT, "next", "member 2"]
    final = rehearse(CONTEST, commands, plugins=[captain], settings={"max_answers": 1})
    assert refusals(final) == ["李华 has answered 1 questions this round (at most 1 each); "
                               "the captain, 张明, names another member"]
    unlimited = rehearse(CONTEST, commands, plugins=[captain], settings={"max_answers": None})
    assert refusals(unlimited) == []


def test_when_one_member_may_still_answer_they_are_named_at_once():
    commands = ["next", "next", "member 1", "right", *OTHERS_TIME_OUT,
                "next", "member 2", "right", *OTHERS_TIME_OUT, "next"]
    final = rehearse(CONTEST, commands, plugins=[captain], settings={"max_answers": 1})
    assert final["view"]["member_name"] == "王芳"


def test_once_every_member_has_reached_the_limit_the_count_starts_again():
    commands = ["next"]
    for seat in (1, 2, 3, 1):
        commands += ["next", f"member {seat}", "right", *OTHERS_TIME_OUT]
    final = rehearse(CONTEST, commands, plugins=[captain], settings={"max_answers": 1})
    assert refusals(final) == [] and final["scores"]["红队"] == 140


def test_a_new_round_starts_the_count_afresh():
    first_round = ["next", "next", "member 2", "right", *OTHERS_TIME_OUT,
                   "next", "member 2", "right", *OTHERS_TIME_OUT]
    first_round += ["next", "timeout", *OTHERS_TIME_OUT] * 2  # the round's last four questions
    final = rehearse(CONTEST, [*first_round, "next", "next", "member 2", "right"],
                     plugins=[captain])
    assert refusals(final) == [] and final["round"] == 2 and final["scores"]["红队"] == 130


def test_rounds_in_seat_order_are_left_to_the_built_in_team_modes():
    to_round_three = ["next"] + ["next", "timeout"] * 8 + ["next"] + ["next", "timeout"] * 4
    final = rehearse(CONTEST, [*to_round_three, "next", "next", "right"], plugins=[captain])
    assert refusals(final) == [] and final["round"] == 3
    assert final["log"][-2]["member"] == 0 and final["scores"]["红队"] == 110


def test_the_captain_is_a_setting_and_a_short_team_has_its_last_member_as_captain():
    final = rehearse(CONTEST, ["next", "next", "right", "timeout", "next", "right"],
                     plugins=[captain], settings={"captain": 3})
    assert refusals(final) == [
        "the captain, 王芳, names who answers first (m, or member N)",
        "the captain, 孙丽, names who answers first (m, or member N)"]


def test_undo_gives_the_answer_back_to_the_count_and_the_log_folds_to_the_same_state():
    rehearsal = start(CONTEST, plugins=[captain])
    rehearsal.run(["next", "next", "member 2", "right", *OTHERS_TIME_OUT,
                   "next", "member 2", "right", "undo", "member 2"])
    assert rehearsal.refused == []
    contest = rehearsal.contest
    assert contest.state.answered == ((0, 1, 0), (0, 0))  # 李华 once
    assert fold(contest.log.read()).state == contest.state


def test_installed_but_not_listed_it_changes_nothing():
    text = CONTEST.read_text(encoding="utf-8").replace("plugins:\n  - quizhall-captain\n", "")
    final = rehearse(text, ["next", "next", "member 2", "right", *OTHERS_TIME_OUT,
                            "next", "member 2", "right", *OTHERS_TIME_OUT,
                            "next", "member 2", "right"], installed=[captain], base_dir=HERE)
    assert refusals(final) == [] and final["scores"]["红队"] == 130


@pytest.mark.parametrize(("settings", "message"), [
    ({"captain": 0}, "captain"),
    ({"max_answers": "two"}, "max_answers"),
    ({"captian": 2}, "unknown setting captian of plugin quizhall-captain (did you mean "
                     "captain?)"),
])
def test_bad_settings_are_named(settings, message):
    with pytest.raises(ContestFileError, match=re.escape(message)):
        rehearse(CONTEST, [], plugins=[captain], settings=settings)


@pytest.fixture
def loaded():
    """The plugin loaded as if installed (the commands find it by its entry-point name)."""
    pm = get_plugin_manager()
    if find_plugin(pm, "quizhall-captain") is not None:  # installed: loaded already
        yield
        return
    pm.register(captain, name="quizhall-captain")
    try:
        yield
    finally:
        pm.unregister(captain)


def test_the_answerer_is_in_the_log_the_ledger_and_the_export(loaded, tmp_path, capsys):
    data = tmp_path / "data"
    assert main(["rehearse", str(CONTEST), "--commands", str(SCRIPT), "--data-dir", str(data),
                 "--lang", "en"]) == 0
    out, err = capsys.readouterr()
    assert "line 16: member 2: 李华 has answered 2 questions this round" in err
    assert "line 17: right: the captain, 张明, names who answers first" in err
    (contest_id,) = os.listdir(data / "contests")
    assert main(["results", contest_id, "--ledger", "--data-dir", str(data),
                 "--lang", "en"]) == 0
    ledger = capsys.readouterr().out
    for line in ("红队 (李华) +10 (right +10)", "蓝队 (孙丽) +10 (right +10)",
                 "红队 (李华) +0 (wrong +0)", "蓝队 (赵强) +10 (right +10)",
                 "红队 (王芳) +10 (right +10)", "蓝队 +0 (time out +0)"):
        assert line in ledger
    exported = tmp_path / "results.json"
    assert main(["export", contest_id, "-o", str(exported), "--data-dir", str(data),
                 "--lang", "en"]) == 0
    report = json.loads(exported.read_text(encoding="utf-8"))
    attempts = [(a["team_name"], a["member"]) for q in report["questions"]
                for a in q["attempts"]]
    assert attempts == [("红队", "李华"), ("蓝队", "孙丽"), ("红队", "李华"), ("蓝队", "赵强"),
                        ("红队", "王芳"), ("蓝队", None)]
    named = [e["description"] for e in report["audit"] if e["type"] == "member_named"]
    assert named[0] == "李华 answers for 红队"


async def test_on_the_host_console_m_names_the_member_and_the_status_line_shows_them(
        loaded, tmp_path):
    from quizhall.contest.loader import load_contest
    from quizhall.store import open_store
    from quizhall.testing import FrozenClock
    from quizhall.tui.dialogs import PickDialog
    from quizhall.tui.host import HostApp
    from quizhall.tui.session import StoreSession
    from quizhall.tui.widgets.status import HostStatus

    load = load_contest(CONTEST)
    assert load.ok
    clock = FrozenClock()
    with open_store(tmp_path / "data") as store:
        session = StoreSession(CONTEST, load, store, clock=clock)
        app = HostApp(session, clock=clock, bell=False)
        async with app.run_test(size=(120, 40)) as pilot:
            for key in ("space", "space", "space", "y", "m"):  # y: refused, nobody named
                await pilot.press(key)
                await pilot.pause()
            assert isinstance(app.screen, PickDialog)
            assert not any(e["type"] == "answer_judged" for e in app.contest.log.read())
            for key in ("down", "enter"):
                await pilot.press(key)
                await pilot.pause()
            assert app.contest.view().member_name == "李华"
            status = app.query_one(HostStatus)
            assert "李华" in str(status.render())
        session.close()
