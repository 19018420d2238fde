"""The store contract: one suite, run against the embedded store (files and TinyDB) and the
PostgreSQL store (a throwaway cluster, tests/pgcluster.py). What the commands, the contest
engine and the practice app rely on, whichever store a user chose."""

import threading

import pytest
from tinydb import Query

from quizhall.practice.history import AnswerRecord, History
from quizhall.store import LockedError, Store, StoreError

CONFIG = {"teams": [{"name": "红队"}, {"name": "蓝队"}], "base_score": 100}


@pytest.fixture(params=["embedded", "postgresql"])
def open_backend(request, tmp_path):
    """A function opening a new store on the same data each call (a second process, or a
    reopen); every store opened is closed after the test."""
    opened = []
    if request.param == "embedded":
        def make():
            return Store(tmp_path / "data")
    else:
        from quizhall.store.postgres import PostgresStore

        url = request.getfixturevalue("postgres_url")

        def make():
            return PostgresStore(url)

    def opener():
        store = make()
        opened.append(store)
        return store

    yield opener
    for store in opened:
        store.close()


# -- contests --------------------------------------------------------------------------------

def test_a_new_contest_is_listed_running_with_its_config_and_teams(open_backend):
    store = open_backend()
    contest_id = store.create_contest("劳动法知识竞赛", CONFIG, source="labour-law.contest.yaml")
    assert contest_id.startswith("labour-law-")
    record = open_backend().contest(contest_id)
    assert (record.title, record.status, record.config, record.teams, record.events) == (
        "劳动法知识竞赛", "running", CONFIG, ["红队", "蓝队"], 0)
    assert [r.id for r in store.contests()] == [contest_id]


def test_an_unknown_contest_is_none_and_cannot_be_opened(open_backend):
    store = open_backend()
    assert store.contest("no-such-contest") is None
    with pytest.raises(StoreError, match="no contest no-such-contest"):
        store.open_log("no-such-contest", writer=False)


def test_contests_are_listed_newest_first(open_backend):
    store = open_backend()
    first = store.create_contest("One", {})
    second = store.create_contest("Two", {})
    assert [r.id for r in store.contests()] == sorted(
        [first, second], key=lambda cid: (store.contest(cid).created, cid), reverse=True)


def test_a_finished_contest_reads_finished(open_backend):
    store = open_backend()
    contest_id = store.create_contest("T", CONFIG)
    store.set_status(contest_id, "finished")
    assert open_backend().contest(contest_id).status == "finished"
    with pytest.raises(ValueError):
        store.set_status(contest_id, "paused")


def test_a_config_that_is_not_json_creates_nothing(open_backend):
    store = open_backend()
    with pytest.raises((TypeError, ValueError)):
        store.create_contest("T", {"when": object()})
    assert store.contests() == []


# -- event logs ------------------------------------------------------------------------------

def test_appended_events_are_read_back_in_order_after_a_reopen(open_backend):
    store = open_backend()
    contest_id = store.create_contest("T", CONFIG)
    log = store.open_log(contest_id)
    assert log.append({"type": "contest_started"}) == 0
    assert log.append_many([{"type": "buzz", "team": "红队"}, {"type": "undo"}]) == [1, 2]
    log.close()
    again = open_backend().open_log(contest_id, writer=False)
    assert again.read() == [{"type": "contest_started"}, {"type": "buzz", "team": "红队"},
                            {"type": "undo"}]
    assert again.read(2) == [{"type": "undo"}]
    assert len(again) == 3
    assert open_backend().contest(contest_id).events == 3


def test_a_resumed_writer_appends_after_the_last_event(open_backend):
    store = open_backend()
    contest_id = store.create_contest("T", CONFIG)
    with store.open_log(contest_id) as log:
        log.append({"type": "a"})
    with open_backend().open_log(contest_id) as log:
        assert log.append({"type": "b"}) == 1
        assert [e["type"] for e in log.read()] == ["a", "b"]


def test_text_is_kept_exactly_control_characters_and_markup_included(open_backend):
    store = open_backend()
    odd = "[bold]红队[/bold]\x00\x1b[2J\u202e\n\t\"'\\"
    contest_id = store.create_contest(odd, {"teams": [{"name": odd}]})
    with store.open_log(contest_id) as log:
        log.append({"type": "buzz", "team": odd, "score": 0.1, "big": 2 ** 53})
    reread = open_backend()
    assert reread.contest(contest_id).title == odd
    assert reread.open_log(contest_id, writer=False).read() == [
        {"type": "buzz", "team": odd, "score": 0.1, "big": 2 ** 53}]


def test_an_event_that_is_not_json_writes_nothing(open_backend):
    store = open_backend()
    contest_id = store.create_contest("T", CONFIG)
    log = store.open_log(contest_id)
    with pytest.raises((TypeError, ValueError)):
        log.append_many([{"type": "a"}, {"type": "b", "bad": float("nan")}])
    assert log.read() == []
    assert log.append({"type": "a"}) == 0


def test_a_second_writer_is_refused_naming_the_first_until_it_closes(open_backend):
    store = open_backend()
    contest_id = store.create_contest("T", CONFIG)
    log = store.open_log(contest_id)
    other = open_backend()
    with pytest.raises(LockedError, match=r"pid \d+"):
        other.open_log(contest_id)
    with pytest.raises(LockedError):
        store.open_log(contest_id)  # the same process twice is refused too
    log.close()
    with other.open_log(contest_id) as second:
        assert second.append({"type": "a"}) == 0


def test_a_reader_cannot_append(open_backend):
    store = open_backend()
    contest_id = store.create_contest("T", CONFIG)
    reader = store.open_log(contest_id, writer=False)
    with pytest.raises(StoreError, match="read-only"):
        reader.append({"type": "a"})


def test_a_reader_follows_what_the_writer_appends(open_backend):
    store = open_backend()
    contest_id = store.create_contest("T", CONFIG)
    writer = store.open_log(contest_id)
    reader = open_backend().open_log(contest_id, writer=False)
    assert reader.follow(0, timeout=0) == []
    got = []
    follower = threading.Thread(target=lambda: got.extend(reader.follow(0, timeout=60)))
    follower.start()
    writer.append({"type": "question_shown", "question": "lc-001"})
    follower.join()
    assert got == [{"type": "question_shown", "question": "lc-001"}]
    writer.append({"type": "buzz"})
    assert reader.follow(1, timeout=60) == [{"type": "buzz"}]


# -- trainee documents -----------------------------------------------------------------------

def test_trainee_documents_survive_a_reopen(open_backend):
    store = open_backend()
    db = store.trainee_db("张三")
    answers = db.table("answers")
    first = answers.insert({"user": "张三", "question": "lc-001", "correct": False})
    answers.insert({"user": "张三", "question": "lc-002", "correct": True})
    answers.update({"correct": True}, doc_ids=[first])
    db.table("cards").insert({"user": "张三", "key": "b/q"})
    db.table("cards").remove(Query().key == "b/q")
    store.close()
    again = open_backend().read_trainee_db("张三")
    assert sorted((d["question"], d["correct"]) for d in again.table("answers").all()) == [
        ("lc-001", True), ("lc-002", True)]
    assert again.table("cards").all() == []
    assert again.table("answers").get(doc_id=first)["question"] == "lc-001"


def test_a_reader_sees_the_writers_changes_and_cannot_change_anything(open_backend):
    writer = open_backend()
    writer.trainee_db("ann").table("answers").insert({"user": "ann", "n": 1})
    reader = open_backend().read_trainee_db("ann")
    assert reader.table("answers").all() == [{"user": "ann", "n": 1}]
    with pytest.raises(StoreError):
        reader.table("answers").insert({"user": "ann", "n": 2})
    assert open_backend().read_trainee_db("nobody").table("answers").all() == []


def test_the_same_trainee_opened_twice_is_refused_others_are_not(open_backend):
    first = open_backend()
    first.trainee_db("ann")
    second = open_backend()
    with pytest.raises(LockedError, match="ann"):
        second.trainee_db("ann")
    second.trainee_db("bob").table("answers").insert({"user": "bob"})
    first.close()
    second.trainee_db("ann").table("answers").insert({"user": "ann"})
    assert open_backend().trainees() == ["ann", "bob"]


def test_a_failing_change_leaves_the_table_as_it_was(open_backend):
    store = open_backend()
    answers = store.trainee_db("ann").table("answers")
    doc_id = answers.insert({"user": "ann", "n": 1})

    def half_then_fail(doc):
        doc["n"] = 99
        raise RuntimeError("plugin bug")

    with pytest.raises(RuntimeError):
        answers.update(half_then_fail, doc_ids=[doc_id])
    assert answers.get(doc_id=doc_id) == {"user": "ann", "n": 1}
    assert open_backend().read_trainee_db("ann").table("answers").all() == [
        {"user": "ann", "n": 1}]


def test_truncate_and_drop_tables_are_kept(open_backend):
    store = open_backend()
    db = store.trainee_db("ann")
    db.table("answers").insert_multiple([{"user": "ann", "n": i} for i in range(3)])
    db.table("cards").insert({"user": "ann"})
    db.table("answers").truncate()
    assert open_backend().read_trainee_db("ann").table("answers").all() == []
    db.drop_tables()
    assert open_backend().read_trainee_db("ann").table("cards").all() == []


def test_a_summary_is_handed_out_only_while_it_is_current(open_backend):
    store = open_backend()
    db = store.trainee_db("ann")
    db.table("answers").insert({"user": "ann"})
    store.put_summary("ann", {"answers": 1})
    assert open_backend().summaries() == {"ann": {"answers": 1}}
    db.table("answers").insert({"user": "ann"})
    assert open_backend().summaries() == {"ann": None}


def test_a_practice_history_reads_back_what_it_recorded(open_backend):
    store = open_backend()
    history = History(store.trainee_db("ann"))
    record = AnswerRecord(user="ann", key="labour/lc-001", bank="labour", question="lc-001",
                          mode="practice", given="A", correct=True, credit=1.0, seconds=3.5,
                          at="2026-12-05T10:00:00+00:00", tags=("劳动合同法",))
    history.add_answer(record)
    history.touch_profile("ann", "2026-12-05T10:00:00+00:00")
    store.close()
    again = History(open_backend().read_trainee_db("ann"))
    assert again.answers("ann") == [record]
