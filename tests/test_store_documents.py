"""Trainee documents: TinyDB's API on the journal storage, reopening, torn journals, compaction."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tinydb import Query, TinyDB
from tinydb.operations import increment
from tinydb.storages import MemoryStorage

from quizhall.store import LockedError, StoreError, open_store
from quizhall.store._files import utc_now
from quizhall.store.documents import DocumentDB, JournalStorage
from quizhall.store.trainees import trainee_dir_name

Answer = Query()


def _open(directory, min_compact_bytes=1 << 20):
    directory.mkdir(exist_ok=True)
    return DocumentDB(JournalStorage(directory, utc_now, min_compact_bytes=min_compact_bytes))


def _dump(db):
    return {name: {doc.doc_id: dict(doc) for doc in db.table(name).all()}
            for name in sorted(db.tables())}


def test_documents_survive_reopening_and_queries_work(tmp_path):
    with open_store(tmp_path) as store:
        answers = store.trainee_db("ann").table("answers")
        answers.insert({"question": "lc-001", "correct": True, "seconds": 4.5})
        answers.insert({"question": "lc-002", "correct": False, "seconds": 9})
        answers.update(increment("seconds"), Answer.question == "lc-002")
        store.trainee_db("ann").table("profiles").insert({"name": "张三"})
    with open_store(tmp_path) as store:
        answers = store.trainee_db("ann").table("answers")
        assert answers.search(Answer.correct == False) == [  # noqa: E712
            {"question": "lc-002", "correct": False, "seconds": 10}]
        assert answers.get(doc_id=1)["seconds"] == 4.5
        assert store.trainee_db("ann").table("profiles").all() == [{"name": "张三"}]
        assert store.trainee_db("ann").tables() == {"answers", "profiles"}
        assert answers.insert({"question": "lc-003"}) == 3
        assert store.warnings == []


def test_removes_truncates_and_dropped_tables_stay_gone(tmp_path):
    db = _open(tmp_path / "d")
    cards = db.table("cards")
    cards.insert_multiple([{"q": n} for n in range(5)])
    cards.remove(Answer.q >= 3)
    db.table("exams").insert({"score": 80})
    db.table("progress").insert({"level": "L1"})
    db.table("progress").truncate()
    db.drop_table("exams")
    db.close()
    db = _open(tmp_path / "d")
    assert _dump(db) == {"cards": {1: {"q": 0}, 2: {"q": 1}, 3: {"q": 2}}, "progress": {}}
    db.close()


def test_a_change_that_fails_leaves_the_table_and_the_journal_as_they_were(tmp_path):
    db = _open(tmp_path / "d")
    answers = db.table("answers")
    answers.insert({"q": "a", "tags": ["x"]})
    journal = (tmp_path / "d" / "journal.jsonl").read_bytes()
    with pytest.raises(TypeError):
        answers.insert({"q": object()})
    with pytest.raises(ValueError):
        answers.insert_multiple([{"q": "b"}, "not a document"])

    def half_then_fail(doc):
        doc["tags"].append("y")
        raise RuntimeError("plugin bug")

    with pytest.raises(RuntimeError):
        answers.update(half_then_fail, doc_ids=[1])
    assert answers.all() == [{"q": "a", "tags": ["x"]}]
    assert (tmp_path / "d" / "journal.jsonl").read_bytes() == journal
    db.close()


def test_the_store_keeps_its_own_copy_of_a_document(tmp_path):
    db = _open(tmp_path / "d")
    doc = {"q": "a", "tags": ["x"]}
    db.table("answers").insert(doc)
    doc["tags"].append("changed after insert")
    assert db.table("answers").all() == [{"q": "a", "tags": ["x"]}]
    db.close()


def test_a_torn_journal_line_is_set_aside_and_the_rest_kept(tmp_path):
    with open_store(tmp_path) as store:
        for n in range(6):
            store.trainee_db("ann").table("answers").insert({"n": n})
    journal = tmp_path / "trainees" / trainee_dir_name("ann") / "journal.jsonl"
    whole = journal.read_bytes()
    journal.write_bytes(whole[:-5])
    with open_store(tmp_path) as store:
        assert [d["n"] for d in store.trainee_db("ann").table("answers").all()] == [0, 1, 2, 3, 4]
        assert len(store.warnings) == 1 and "5 complete records" in store.warnings[0]
        (backup,) = journal.parent.glob("journal.jsonl.torn-*")
        assert backup.read_bytes() == whole.splitlines(keepends=True)[-1][:-5]
        store.trainee_db("ann").table("answers").insert({"n": 5})
    with open_store(tmp_path) as store:
        assert [d["n"] for d in store.trainee_db("ann").table("answers").all()] == list(range(6))
        assert store.warnings == []


def test_compaction_writes_a_snapshot_and_keeps_every_document(tmp_path):
    db = _open(tmp_path / "d", min_compact_bytes=2000)
    answers = db.table("answers")
    for n in range(200):
        answers.insert({"n": n, "text": "题目" * 5})
        if n % 3 == 0:
            answers.update({"seen": True}, doc_ids=[n + 1])
    expected = _dump(db)
    db.close()
    snapshot = json.loads((tmp_path / "d" / "snapshot.json").read_text(encoding="utf-8"))
    assert snapshot["kind"] == "quizhall.documents" and snapshot["seq"] > 0
    assert (tmp_path / "d" / "journal.jsonl").stat().st_size < 4000
    db = _open(tmp_path / "d", min_compact_bytes=2000)
    assert _dump(db) == expected
    db.close()


def test_a_crash_between_snapshot_and_journal_cut_neither_loses_nor_repeats(tmp_path):
    db = _open(tmp_path / "d")
    cards = db.table("cards")
    cards.insert({"n": 0, "reviews": 0})
    cards.update(increment("reviews"), doc_ids=[1])
    cards.insert({"n": 1, "reviews": 0})
    journal = (tmp_path / "d" / "journal.jsonl").read_bytes()
    db.storage.compact()
    expected = _dump(db)
    db.close()
    (tmp_path / "d" / "journal.jsonl").write_bytes(journal)  # as if the cut never happened
    db = _open(tmp_path / "d")
    assert _dump(db) == expected
    db.table("cards").update(increment("reviews"), doc_ids=[1])
    db.close()
    db = _open(tmp_path / "d")
    assert db.table("cards").get(doc_id=1)["reviews"] == 2
    db.close()


def test_a_snapshot_from_a_newer_version_is_refused_and_left_untouched(tmp_path):
    directory = tmp_path / "d"
    db = _open(directory)
    db.table("answers").insert({"n": 1})
    db.storage.compact()
    db.close()
    snapshot = directory / "snapshot.json"
    newer = b'{"kind":"quizhall.documents","format":3,"seq":0,"tables":{}}\n'
    snapshot.write_bytes(newer)
    with pytest.raises(StoreError, match="newer quizhall"):
        _open(directory)
    assert snapshot.read_bytes() == newer


def _ns(db):
    return sorted(doc["n"] for doc in db.table("answers").all())


def test_a_damaged_snapshot_is_rebuilt_from_the_previous_one_and_the_journals(tmp_path):
    directory = tmp_path / "d"
    db = _open(directory)
    answers = db.table("answers")
    for n in range(3):
        answers.insert({"n": n})
    db.storage.compact()
    for n in range(3, 6):
        answers.insert({"n": n})
    db.storage.compact()  # snapshot at change 5; the previous one at change 2
    answers.insert({"n": 6})
    db.close()
    snapshot = directory / "snapshot.json"
    damaged = snapshot.read_bytes().replace(b'"n":1', b'"n":7')
    snapshot.write_bytes(damaged)
    reader = DocumentDB(JournalStorage(directory, utc_now, writer=False))
    assert _ns(reader) == list(range(7))
    assert "rebuilt from the previous snapshot (snapshot.prev.json)" in \
        reader.storage.recovered[0]
    assert snapshot.read_bytes() == damaged  # a reader changes nothing
    db = _open(directory)
    assert _ns(db) == list(range(7))
    (kept,) = directory.glob("snapshot.json.damaged-*")
    assert kept.read_bytes() == damaged
    assert any(kept.name in message for message in db.storage.recovered)
    db.table("answers").insert({"n": 7})
    db.close()
    db = _open(directory)
    assert _ns(db) == list(range(8)) and db.storage.recovered == []
    db.close()


def test_a_damaged_first_snapshot_is_rebuilt_from_the_journal_it_replaced(tmp_path):
    directory = tmp_path / "d"
    db = _open(directory)
    for n in range(4):
        db.table("answers").insert({"n": n})
    db.storage.compact()
    db.close()
    snapshot = directory / "snapshot.json"
    snapshot.write_bytes(snapshot.read_bytes()[:30] + b"\x00" + snapshot.read_bytes()[31:])
    db = _open(directory)
    assert _ns(db) == [0, 1, 2, 3]
    db.close()


def test_a_damaged_snapshot_with_nothing_to_rebuild_from_says_what_is_lost(tmp_path):
    directory = tmp_path / "d"
    db = _open(directory)
    for n in range(3):
        db.table("answers").insert({"n": n})
    db.storage.compact()
    db.table("answers").insert({"n": 3})
    db.close()
    (directory / "journal.prev.jsonl").unlink()
    snapshot = directory / "snapshot.json"
    snapshot.write_bytes(snapshot.read_bytes().replace(b'"n":1', b'"n":7'))
    db = _open(directory)
    assert _ns(db) == [3]
    assert any("changes 0–2 could not be recovered" in m for m in db.storage.recovered)
    db.close()


def test_a_damaged_journal_record_is_read_past_reported_and_kept_aside(tmp_path):
    with open_store(tmp_path) as store:
        for n in range(6):
            store.trainee_db("ann").table("answers").insert({"n": n})
    journal = tmp_path / "trainees" / trainee_dir_name("ann") / "journal.jsonl"
    lines = journal.read_bytes().splitlines(keepends=True)
    lines[1] = lines[1].replace(b'"n":0', b'"n":9')  # the first change
    damaged = b"".join(lines)
    journal.write_bytes(damaged)
    with open_store(tmp_path) as store:
        assert _ns(store.read_trainee_db("ann")) == [1, 2, 3, 4, 5]
        (warning,) = store.warnings
        assert "line 2" in warning and "5 intact changes" in warning
        assert journal.read_bytes() == damaged  # a reader changes nothing
    with open_store(tmp_path) as store:
        assert _ns(store.trainee_db("ann")) == [1, 2, 3, 4, 5]
        (backup,) = journal.parent.glob("journal.jsonl.damaged-*")
        assert backup.read_bytes() == damaged and backup.name in store.warnings[0]
        store.trainee_db("ann").table("answers").insert({"n": 6})
    with open_store(tmp_path) as store:
        assert _ns(store.trainee_db("ann")) == [1, 2, 3, 4, 5, 6] and store.warnings == []


def test_a_second_writer_of_the_documents_is_refused(tmp_path):
    with open_store(tmp_path) as first, open_store(tmp_path) as second:
        first.trainee_db("ann").table("answers").insert({"n": 1})
        with pytest.raises(LockedError, match='trainee "ann"'):
            second.trainee_db("ann")


_operations = st.lists(st.one_of(
    st.tuples(st.just("insert"), st.sampled_from(["answers", "cards"]),
              st.integers(0, 9), st.lists(st.text(max_size=3), max_size=2)),
    st.tuples(st.just("update"), st.sampled_from(["answers", "cards"]), st.integers(0, 9)),
    st.tuples(st.just("remove"), st.sampled_from(["answers", "cards"]), st.integers(0, 9)),
    st.tuples(st.just("upsert"), st.sampled_from(["answers", "cards"]), st.integers(0, 9)),
    st.tuples(st.just("truncate"), st.sampled_from(["answers", "cards"])),
    st.tuples(st.just("compact"),),
    st.tuples(st.just("reopen"),),
), max_size=25)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=_operations)
def test_any_sequence_of_changes_reads_back_as_tinydb_in_memory_would(tmp_path_factory,
                                                                      operations):
    directory = tmp_path_factory.mktemp("docs")
    memory = MemoryStorage()
    ours, reference = _open(directory), TinyDB(storage=lambda: memory)
    try:
        for op in operations:
            kind = op[0]
            if kind == "compact":
                ours.storage.compact()
                continue
            if kind == "reopen":  # both forget their tables' next ids
                ours.close()
                ours, reference = _open(directory), TinyDB(storage=lambda: memory)
                continue
            for db in (ours, reference):
                table = db.table(op[1])
                if kind == "insert":
                    table.insert({"k": op[2], "tags": op[3]})
                elif kind == "update":
                    table.update(increment("k"), Answer.k == op[2])
                elif kind == "remove":
                    table.remove(Answer.k == op[2])
                elif kind == "upsert":
                    table.upsert({"k": op[2], "up": True}, Answer.k == op[2])
                else:
                    table.truncate()
        ours.close()
        ours = _open(directory)
        assert _dump(ours) == _dump(reference)
    finally:
        ours.close()


def test_a_journal_that_does_not_follow_its_snapshot_is_refused_untouched(tmp_path):
    directory = tmp_path / "d"
    db = _open(directory)
    db.table("answers").insert({"n": 1})
    db.storage.compact()
    db.table("answers").insert({"n": 2})
    db.close()
    (directory / "snapshot.json").unlink()  # the journal now starts at change 1, not 0
    journal = (directory / "journal.jsonl").read_bytes()
    with pytest.raises(StoreError, match="changes in between are missing"):
        _open(directory)
    assert (directory / "journal.jsonl").read_bytes() == journal
    assert list(directory.glob("journal.jsonl.torn-*")) == []


def test_a_reader_sees_what_the_writer_wrote_while_it_holds_the_lock(tmp_path):
    with open_store(tmp_path) as writer, open_store(tmp_path) as other:
        answers = writer.trainee_db("ann").table("answers")
        answers.insert({"n": 1})
        answers.insert({"n": 2})
        assert [d["n"] for d in other.read_trainee_db("ann").table("answers").all()] == [1, 2]
        with pytest.raises(StoreError, match="read-only"):
            other.read_trainee_db("ann").table("answers").insert({"n": 3})
        answers.insert({"n": 3})  # the writer is not disturbed, and the reader catches up
        assert [d["n"] for d in other.read_trainee_db("ann").table("answers").all()] == [1, 2, 3]
        with pytest.raises(LockedError):
            other.trainee_db("ann")  # a second writer is still refused


def test_a_reader_reads_across_a_compaction_and_skips_a_line_being_written(tmp_path):
    db = _open(tmp_path / "d")
    for n in range(5):
        db.table("answers").insert({"n": n})
    journal_path = tmp_path / "d" / "journal.jsonl"
    journal = journal_path.read_bytes()
    db.storage.compact()
    db.table("answers").insert({"n": 5})
    expected = _dump(db)
    db.close()

    # A reader that read the journal just before the compaction cut it back.
    real_read = type(journal_path).read_bytes

    def read_before_cut(path):
        return journal if path == journal_path else real_read(path)

    import unittest.mock

    with unittest.mock.patch.object(type(journal_path), "read_bytes", read_before_cut):
        reader = DocumentDB(JournalStorage(tmp_path / "d", utc_now, writer=False))
    assert _dump(reader) == {"answers": {n + 1: {"n": n} for n in range(5)}}
    whole = journal_path.read_bytes()
    journal_path.write_bytes(whole + b'{"seq":99,"table":"answers","ops":[["put"')  # mid-write
    reader = DocumentDB(JournalStorage(tmp_path / "d", utc_now, writer=False))
    assert _dump(reader) == expected
    assert journal_path.read_bytes().endswith(b'["put"')  # the reader touched nothing
    assert not list((tmp_path / "d").glob("journal.jsonl.torn-*"))


def test_a_reader_of_an_empty_data_directory_creates_nothing(tmp_path):
    with open_store(tmp_path) as store:
        assert store.read_trainee_db("ann").table("answers").all() == []
    assert not (tmp_path / "trainees").exists()


def test_new_files_and_directories_are_made_durable_by_syncing_their_directory(
        tmp_path, monkeypatch):
    import quizhall.store._files as files
    import quizhall.store.documents as documents
    import quizhall.store.store as store_module
    import quizhall.store.trainees as trainees_module

    synced = []
    real = files.sync_dir

    def recording(path):
        synced.append(path)
        real(path)

    for module in (documents, store_module, trainees_module, files):
        monkeypatch.setattr(module, "sync_dir", recording)
    with open_store(tmp_path / "data") as store:
        assert tmp_path / "data" in synced  # contests/ was created in it
        synced.clear()
        store.trainee_db("ann").table("answers").insert({"n": 1})
        trainee = store.data_dir / "trainees" / trainee_dir_name("ann")
        assert trainee in synced  # journal.jsonl was created in it
        assert trainee.parent in synced  # the trainee's directory was created in trainees/
        assert store.data_dir in synced  # trainees/ was created in it
        synced.clear()
        store.trainee_db("ann").storage.compact()
        assert trainee in synced  # snapshot.json was renamed into it


def _put(storage, key, value):
    def change(table):
        table[key] = {"value": value}

    storage.apply("totals", change)


def test_writers_that_take_turns_see_each_others_changes(tmp_path):
    """Campaign totals are written by several processes in turn: a writer that let go of the
    lock reads, on taking it again, what others appended meanwhile (only that), and after a
    compaction or a torn line by another writer, everything again."""
    first = JournalStorage(tmp_path, utc_now)
    _put(first, "a", 1)
    first.release()
    second = JournalStorage(tmp_path, utc_now)  # now the writer: the first holds no lock
    _put(second, "b", 2)
    second.release()
    first.reacquire()  # the tail only: b
    assert first.read()["totals"] == {"a": {"value": 1}, "b": {"value": 2}}
    _put(first, "a", 3)
    first.compact()
    first.release()
    second.reacquire()  # the snapshot was replaced: everything again
    assert second.read()["totals"] == {"a": {"value": 3}, "b": {"value": 2}}
    with pytest.raises(LockedError):
        first.reacquire()
    second.release()
    with open(tmp_path / "journal.jsonl", "ab") as journal:
        journal.write(b'{"seq":99,"table":"tot')  # a writer died mid-line
    first.reacquire()
    assert first.read()["totals"] == {"a": {"value": 3}, "b": {"value": 2}}
    assert any("torn" in message or "set aside" in message for message in first.recovered)
    _put(first, "c", 4)
    first.close()
    reopened = JournalStorage(tmp_path, utc_now, writer=False)
    assert reopened.read()["totals"] == {"a": {"value": 3}, "b": {"value": 2},
                                         "c": {"value": 4}}
