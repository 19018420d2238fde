"""The contest event log: appends, reopening, and what happens to torn, garbage or foreign files."""

import json

import pytest

from quizhall.store import LockedError, StoreError, open_store
from quizhall.store.log import DamagedLogError


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "data") as store:
        yield store


def _contest_with(store, count):
    contest_id = store.create_contest("Labour law", {"teams": [{"name": "Red"}]})
    with store.open_log(contest_id) as log:
        for n in range(count):
            assert log.append({"type": "tick", "n": n, "text": "用人单位 [bold]x[/bold]"}) == n
    return contest_id, store.data_dir / "contests" / contest_id / "events.jsonl"


def _ns(log):
    return [event["n"] for event in log.read()]


def _backups(path):
    return sorted(path.parent.glob(path.name + ".torn-*"))


def test_appended_events_come_back_in_order_after_reopening(store):
    contest_id, _ = _contest_with(store, 5)
    with store.open_log(contest_id) as log:
        assert len(log) == 5
        assert log.read(3) == [{"type": "tick", "n": 3, "text": "用人单位 [bold]x[/bold]"},
                               {"type": "tick", "n": 4, "text": "用人单位 [bold]x[/bold]"}]
        assert log.append({"type": "more"}) == 5
        assert log.recovered == []


def test_each_line_is_json_with_sequence_and_checksum(store):
    _, path = _contest_with(store, 3)
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert lines[0]["kind"] == "quizhall.contest-log" and lines[0]["format"] == 1
    assert [line["seq"] for line in lines[1:]] == [0, 1, 2]
    assert all(len(line["crc"]) == 8 for line in lines)


def test_the_log_keeps_its_own_copy_of_an_event(store):
    contest_id = store.create_contest("t", {})
    with store.open_log(contest_id) as log:
        event = {"type": "buzz", "teams": ["Red"]}
        log.append(event)
        event["teams"].append("Blue")
        assert log.read() == [{"type": "buzz", "teams": ["Red"]}]


def test_an_event_that_is_not_json_is_refused_and_nothing_is_written(store):
    contest_id, path = _contest_with(store, 2)
    before = path.read_bytes()
    with store.open_log(contest_id) as log:
        with pytest.raises(TypeError):
            log.append({"when": object()})
        with pytest.raises(ValueError):
            log.append({"score": float("nan")})
        assert path.read_bytes() == before
        assert log.append({"type": "ok"}) == 2


def test_a_reader_cannot_append(store):
    contest_id, _ = _contest_with(store, 1)
    with store.open_log(contest_id, writer=False) as log:
        with pytest.raises(StoreError, match="read-only"):
            log.append({"type": "x"})


def test_a_second_writer_in_the_same_process_is_refused_and_readers_are_not(store):
    contest_id, _ = _contest_with(store, 1)
    with store.open_log(contest_id):
        with pytest.raises(LockedError, match="pid"):
            store.open_log(contest_id)
        with store.open_log(contest_id, writer=False) as reader:
            assert len(reader) == 1
    with store.open_log(contest_id) as again:  # the lock went with the first writer
        assert len(again) == 1


def test_a_tail_cut_mid_record_is_set_aside_and_reported(store):
    contest_id, path = _contest_with(store, 10)
    whole = path.read_bytes()
    lines = whole.splitlines(keepends=True)
    path.write_bytes(whole[:-7])
    with store.open_log(contest_id) as log:
        assert _ns(log) == list(range(9))
        assert len(log.recovered) == 1
        assert "line 11" in log.recovered[0] and "9 complete records" in log.recovered[0]
        (backup,) = _backups(path)
        assert backup.name in log.recovered[0]
        assert backup.read_bytes() == lines[-1][:-7]
        assert path.read_bytes() == b"".join(lines[:-1])
        assert log.append({"n": 9}) == 9
    with store.open_log(contest_id) as log:
        assert log.recovered == [] and _ns(log) == list(range(10))


@pytest.mark.parametrize("garbage", [b"\x00\x00\x00\x00", b"not json at all\n",
                                     b'{"seq":10,"event":{},"crc":"00000000"}\n'])
def test_garbage_after_the_last_record_is_set_aside(store, garbage):
    contest_id, path = _contest_with(store, 4)
    whole = path.read_bytes()
    path.write_bytes(whole + garbage)
    with store.open_log(contest_id) as log:
        assert _ns(log) == [0, 1, 2, 3]
        assert len(log.recovered) == 1
        assert [b.read_bytes() for b in _backups(path)] == [garbage]
    assert path.read_bytes() == whole


def test_damage_in_the_middle_is_read_past_and_a_writer_waits_for_the_host(store):
    contest_id, path = _contest_with(store, 8)
    lines = path.read_bytes().splitlines(keepends=True)
    lines[5] = lines[5].replace(b'"n":4', b'"n":5')  # checksum no longer matches
    content = b"".join(lines)
    path.write_bytes(content)
    with store.open_log(contest_id, writer=False) as reader:
        assert _ns(reader) == [0, 1, 2, 3, 5, 6, 7]
        (message,) = reader.recovered
        assert "line 6" in message and "record 4" in message
        assert f"quizhall repair {contest_id}" in message
    with pytest.raises(DamagedLogError, match="line 6") as refused:
        store.open_log(contest_id)
    assert f"quizhall repair {contest_id}" in str(refused.value)
    assert path.read_bytes() == content and _backups(path) == []


def test_a_record_out_of_sequence_counts_as_damage(store):
    contest_id, path = _contest_with(store, 4)
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join(lines[:3] + lines[4:]))  # seq 2 missing
    with store.open_log(contest_id, writer=False) as reader:
        assert _ns(reader) == [0, 1, 3]
        assert "record 2" in reader.recovered[0]
    with pytest.raises(DamagedLogError, match="whole lines missing before line 4"):
        store.open_log(contest_id)


def test_a_zero_length_log_is_an_empty_log(store):
    contest_id, path = _contest_with(store, 3)
    path.write_bytes(b"")
    with store.open_log(contest_id, writer=False) as reader:
        assert len(reader) == 0 and reader.recovered == []
    with store.open_log(contest_id) as log:
        assert len(log) == 0 and log.recovered == []
        assert log.append({"n": 0}) == 0
    with store.open_log(contest_id) as log:
        assert _ns(log) == [0]


def test_a_header_torn_at_creation_is_set_aside_and_the_log_starts_afresh(store):
    contest_id, path = _contest_with(store, 0)
    header = path.read_bytes()
    path.write_bytes(header[:20])
    with store.open_log(contest_id) as log:
        assert len(log) == 0 and len(log.recovered) == 1
        assert log.append({"n": 0}) == 0
    assert _backups(path)[0].read_bytes() == header[:20]


def test_a_log_from_a_newer_version_is_refused_and_left_untouched(store):
    contest_id, path = _contest_with(store, 2)
    original = path.read_bytes()
    lines = original.splitlines(keepends=True)
    lines[0] = b'{"kind":"quizhall.contest-log","format":2,"contest":"x","crc":"zz"}\n'
    lines.append(b"format 2 may look like anything\n")
    content = b"".join(lines)
    path.write_bytes(content)
    for writer in (True, False):
        with pytest.raises(StoreError, match="newer quizhall") as caught:
            store.open_log(contest_id, writer=writer)
        assert "format 2" in str(caught.value) and str(path) in str(caught.value)
        assert path.read_bytes() == content
        assert _backups(path) == []
    path.write_bytes(original)
    with store.open_log(contest_id) as log:  # the refused writer released its lock
        assert len(log) == 2


def test_a_file_that_is_not_a_log_is_refused_and_left_untouched(store):
    contest_id, path = _contest_with(store, 0)
    path.write_bytes(b"name,score\nRed,10\n")
    with pytest.raises(StoreError, match="not a quizhall contest log"):
        store.open_log(contest_id)
    assert path.read_bytes() == b"name,score\nRed,10\n"


def test_readers_wait_for_an_unfinished_line_and_never_change_the_file(store):
    contest_id, path = _contest_with(store, 2)
    with store.open_log(contest_id) as writer:
        writer.append({"n": 2})
    line = path.read_bytes().splitlines(keepends=True)[-1]
    start = path.read_bytes()[:-len(line)]
    path.write_bytes(start + line[:10])  # as if the writer were in the middle of it
    with store.open_log(contest_id, writer=False) as reader:
        assert _ns(reader) == [0, 1] and reader.recovered == []
        with open(path, "ab") as fh:
            fh.write(line[10:])
        assert _ns(reader) == [0, 1, 2]
        assert reader.follow(3, timeout=0.05) == []
    assert _backups(path) == []


def test_a_reader_reports_damage_once_and_stops_there(store):
    contest_id, path = _contest_with(store, 3)
    with open(path, "ab") as fh:
        fh.write(b"garbage\n")
    content = path.read_bytes()
    with store.open_log(contest_id, writer=False) as reader:
        assert _ns(reader) == [0, 1, 2]
        assert len(reader) == 3
        assert len(reader.recovered) == 1 and "line 5" in reader.recovered[0]
    assert path.read_bytes() == content


def test_a_reader_follows_the_writer_in_the_same_process(store):
    contest_id, _ = _contest_with(store, 1)
    with store.open_log(contest_id) as writer, \
            store.open_log(contest_id, writer=False) as reader:
        assert _ns(reader) == [0]
        writer.append({"n": 1})
        writer.append({"n": 2})
        assert [e["n"] for e in reader.follow(1, timeout=5)] == [1, 2]


def test_unknown_contests_are_refused_with_a_message(store):
    for contest_id in ("no-such-contest", "../../etc", ""):
        with pytest.raises(StoreError, match="no contest"):
            store.open_log(contest_id)


def test_the_refusal_is_translated(store):
    from quizhall import i18n

    contest_id, _ = _contest_with(store, 0)
    i18n.set_language("zh-CN")
    with store.open_log(contest_id):
        with pytest.raises(LockedError, match="正由另一个 quizhall 进程写入（进程号"):
            store.open_log(contest_id)


def test_changing_an_event_read_back_changes_nothing_recorded(store):
    contest_id, _ = _contest_with(store, 1)
    with store.open_log(contest_id) as log:
        log.read()[0]["n"] = 99
        assert log.read()[0]["n"] == 0


def test_repair_keeps_the_original_every_intact_record_and_lets_the_contest_go_on(store):
    contest_id, path = _contest_with(store, 8)
    lines = path.read_bytes().splitlines(keepends=True)
    lines[3] = lines[3].replace(b'"n":2', b'"n":9')  # event 2 damaged
    original = b"".join(lines)
    path.write_bytes(original)
    looked = store.repair_log(contest_id, apply=False)
    assert "line 4" in looked.damage and looked.original is None
    assert path.read_bytes() == original
    done = store.repair_log(contest_id)
    assert done.kept == 7 and done.lost == 1
    assert done.original.read_bytes() == original
    with store.open_log(contest_id) as log:
        assert _ns(log) == [0, 1, 3, 4, 5, 6, 7]
        assert "events 2–2 were lost to damage" in log.recovered[0]
        assert done.original.name in log.recovered[0]
        assert log.append({"n": 8}) == 7  # its position among the events read
    seqs = [json.loads(line)["seq"] for line in path.read_bytes().splitlines()[1:]]
    assert seqs == list(range(9))  # no gap, no clash
    assert store.repair_log(contest_id).damage == ""  # nothing more to do


def test_repair_writes_a_damaged_header_anew_and_keeps_every_event(store):
    contest_id, path = _contest_with(store, 3)
    data = bytearray(path.read_bytes())
    data[5] ^= 0x01
    path.write_bytes(bytes(data))
    with store.open_log(contest_id, writer=False) as reader:
        assert _ns(reader) == [0, 1, 2] and "line 1" in reader.recovered[0]
    with pytest.raises(DamagedLogError):
        store.open_log(contest_id)
    assert store.repair_log(contest_id).lost == 0
    with store.open_log(contest_id) as log:
        assert _ns(log) == [0, 1, 2] and log.recovered == []


def test_a_reader_follows_a_log_across_its_repair(store):
    contest_id, path = _contest_with(store, 4)
    lines = path.read_bytes().splitlines(keepends=True)
    lines[2] = b"garbage\n" + lines[2]
    path.write_bytes(b"".join(lines))
    with store.open_log(contest_id, writer=False) as reader:
        assert _ns(reader) == [0, 1, 2, 3]
        store.repair_log(contest_id)
        with store.open_log(contest_id) as log:
            log.append({"n": 4})
        assert reader.follow(4, timeout=1) == [{"n": 4}]


def test_contests_and_results_read_a_damaged_log_alike(store):
    contest_id, path = _contest_with(store, 5)
    data = bytearray(path.read_bytes())
    data[3] ^= 0x40  # the header
    path.write_bytes(bytes(data))
    (record,) = store.contests()
    assert record.events == 5 and "line 1" in record.damage[0]
    assert store.warnings == record.damage
    with store.open_log(contest_id, writer=False) as reader:
        assert len(reader) == 5


def test_a_writer_whose_log_was_replaced_writes_nothing_more(store):
    contest_id, path = _contest_with(store, 2)
    with store.open_log(contest_id) as log:
        copy = path.read_bytes()
        path.unlink()
        path.write_bytes(copy)  # another file now has the name
        with pytest.raises(StoreError, match="removed or replaced"):
            log.append({"n": 2})
    assert path.read_bytes() == copy


def test_deleting_the_lock_info_file_does_not_let_a_second_writer_in(store):
    contest_id, path = _contest_with(store, 1)
    with store.open_log(contest_id):
        (path.parent / "writer.lock").unlink()
        with pytest.raises(LockedError):
            store.open_log(contest_id)
