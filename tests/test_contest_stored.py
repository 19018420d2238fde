"""Starting and resuming a contest kept in the store (``quizhall.contest.stored``): the one
path the host console and ``quizhall rehearse`` take."""

from contest_helpers import DATA, contest_text

from quizhall.contest.clock import ManualClock
from quizhall.contest.loader import load_contest
from quizhall.contest.stored import replay_stored, resume_stored, same_contest, start_stored
from quizhall.store import open_store

REQUIRED = "  - type: required\n    questions: {count: 4}\n"


def loaded(tmp_path, title="测试赛"):
    path = tmp_path / "c.yaml"
    path.write_text(contest_text(REQUIRED).replace("测试赛", title), encoding="utf-8")
    (tmp_path / "rules.yaml").write_text((DATA / "rules.yaml").read_text("utf-8"), "utf-8")
    load = load_contest(path)
    assert load.ok
    return path, load


def test_a_started_contest_is_in_the_store_with_its_plan_and_what_it_keeps(tmp_path):
    path, load = loaded(tmp_path)
    with open_store(tmp_path / "data") as store:
        contest_id, contest = start_stored(store, load.plan, ManualClock(5.0), str(path),
                                           questions=load.questions, keep={"levels": {}})
        contest.execute(contest.parse("next"))
        record = store.contest(contest_id)
        assert record.source == str(path) and record.title == "测试赛"
        assert record.config == {**load.plan.to_dict(), "levels": {}}
        kinds = [e["type"] for e in replay_stored(store, contest_id).events]
        assert kinds[:2] == ["contest_started", "round_started"]


def test_resuming_goes_on_from_the_log_with_the_clock_from_the_last_event(tmp_path):
    path, load = loaded(tmp_path)
    with open_store(tmp_path / "data") as store:
        contest_id, contest = start_stored(store, load.plan, ManualClock(5.0), str(path))
        contest.clock.advance(7)
        contest.execute(contest.parse("next"))
    lasts = []

    def clock(last: float) -> ManualClock:
        lasts.append(last)
        return ManualClock(last + 1)

    with open_store(tmp_path / "data") as store:
        resumed = resume_stored(store, contest_id, clock, questions=load.questions)
        assert lasts == [12.0]
        assert resumed.state.round == 0
        assert resumed.log.read()[-1]["type"] == "contest_resumed"


def test_a_stored_contest_is_the_same_only_with_the_same_title_and_teams(tmp_path):
    path, load = loaded(tmp_path)
    (tmp_path / "other").mkdir()
    _, other = loaded(tmp_path / "other", "别的赛")
    with open_store(tmp_path / "data") as store:
        contest_id, _ = start_stored(store, load.plan, ManualClock(), str(path))
        record = store.contest(contest_id)
        assert same_contest(record, load.plan)
        assert not same_contest(record, other.plan)
