"""Fault injection: one garbled byte anywhere in a contest log, a trainee journal or snapshot.

Each test flips one bit of every byte of a small file in turn (bit ``i % 8`` of byte ``i``,
so newlines are made and unmade too) and checks that every record whose line the flip did
not touch is still read, and that the damage is reported at the line where it is. Writers
and repairs, which fsync, are checked on a fixed sample of positions.
"""

import random
import re

import pytest

from quizhall.store import StoreError, open_store
from quizhall.store._files import utc_now
from quizhall.store.documents import DocumentDB, JournalStorage
from quizhall.store.log import DamagedLogError, EventLog

EVENTS = 12
CHANGES = 10
SAMPLE = 120
TEXT = "用人单位*自用工之日起"  # CJK bytes, and '*' is one bit away from a newline


def _flipped(data: bytes, index: int) -> bytes:
    out = bytearray(data)
    out[index] ^= 1 << (index % 8)
    return bytes(out)


def _line_of(data: bytes, index: int) -> int:
    """The 1-based line holding byte ``index`` (its newline included)."""
    return data.count(b"\n", 0, index) + 1


def _reports(messages: list[str], line: int, data: bytes = b"", index: int = -1) -> bool:
    """Whether the damage at ``line`` is reported; with the file and the byte flipped, a
    last line left without its newline must not be: a reader waits for the writer there."""
    if data and index == len(data) - 1:
        return messages == []
    return any(re.search(rf"\blines? {line}\b", message) for message in messages)


@pytest.fixture
def contest_log(tmp_path):
    store = open_store(tmp_path / "data")
    contest_id = store.create_contest("Fault injection", {"teams": [{"name": "Red"}]})
    with store.open_log(contest_id) as log:
        for n in range(EVENTS):
            log.append({"type": "tick", "n": n, "text": TEXT})
    path = store.data_dir / "contests" / contest_id / "events.jsonl"
    yield store, contest_id, path, path.read_bytes()
    store.close()


def _expected_events(data: bytes, index: int) -> list[int]:
    damaged_line = _line_of(data, index)  # line 1 is the header, line k+2 holds event k
    return [n for n in range(EVENTS) if n + 2 != damaged_line]


def test_every_intact_event_is_read_whichever_byte_of_the_log_is_garbled(contest_log):
    store, contest_id, path, original = contest_log
    for index in range(len(original)):
        path.write_bytes(_flipped(original, index))
        with EventLog(path, contest_id, False, utc_now) as reader:
            read = [event["n"] for event in reader.read()]
            messages = list(reader.recovered)
        assert read == _expected_events(original, index), index
        assert _reports(messages, _line_of(original, index), original, index), (index, messages)
    assert len(original) > 900


def test_after_any_garbled_byte_a_writer_or_a_repair_keeps_every_intact_event(contest_log):
    store, contest_id, path, original = contest_log
    for index in sorted(random.Random(21).sample(range(len(original)), SAMPLE)):
        for leftover in path.parent.glob("events.jsonl.*"):
            leftover.unlink()
        damaged = _flipped(original, index)
        path.write_bytes(damaged)
        expected = _expected_events(original, index)
        last_line = _line_of(original, index) == EVENTS + 1
        try:
            log = store.open_log(contest_id)
        except DamagedLogError as refused:
            assert not last_line and _reports([str(refused)], _line_of(original, index))
            assert path.read_bytes() == damaged  # the writer changed nothing
            repaired = store.repair_log(contest_id)
            assert repaired.original.read_bytes() == damaged
            log = store.open_log(contest_id)
        else:  # a garbled last line is a torn tail: set aside, nothing else touched
            assert last_line and _reports(log.recovered, EVENTS + 1)
        with log:
            assert [event["n"] for event in log.read()] == expected, index
            log.append({"type": "tick", "n": EVENTS})
        with store.open_log(contest_id, writer=False) as reader:
            assert [event["n"] for event in reader.read()] == [*expected, EVENTS]


def _journal(directory) -> bytes:
    directory.mkdir()
    db = DocumentDB(JournalStorage(directory, utc_now))
    for n in range(CHANGES):
        db.table("answers").insert({"n": n, "text": TEXT})
    db.close()
    return (directory / "journal.jsonl").read_bytes()


def _answers(storage: JournalStorage) -> list[int]:
    return sorted(doc["n"] for doc in DocumentDB(storage).table("answers").all())


def test_every_intact_change_is_read_whichever_byte_of_the_journal_is_garbled(tmp_path):
    directory = tmp_path / "documents"
    original = _journal(directory)
    journal = directory / "journal.jsonl"
    for index in range(len(original)):
        journal.write_bytes(_flipped(original, index))
        line = _line_of(original, index)  # line 1 is the header, line k+2 holds change k
        reader = JournalStorage(directory, utc_now, writer=False)
        assert _answers(reader) == [n for n in range(CHANGES) if n + 2 != line], index
        assert _reports(reader.recovered, line, original, index), (index, reader.recovered)
    assert len(original) > 700


def test_after_any_garbled_journal_byte_the_writer_keeps_every_intact_change(tmp_path):
    directory = tmp_path / "documents"
    original = _journal(directory)
    journal = directory / "journal.jsonl"
    for index in sorted(random.Random(16).sample(range(len(original)), SAMPLE)):
        for leftover in [*directory.glob("journal.jsonl.*"), *directory.glob("snapshot*")]:
            leftover.unlink()
        journal.write_bytes(_flipped(original, index))
        line = _line_of(original, index)
        expected = [n for n in range(CHANGES) if n + 2 != line]
        writer = JournalStorage(directory, utc_now)
        assert _answers(writer) == expected, index
        assert _reports(writer.recovered, line)
        DocumentDB(writer).table("answers").insert({"n": CHANGES})
        writer.close()
        again = JournalStorage(directory, utc_now)
        assert _answers(again) == [*expected, CHANGES] and again.recovered == []
        again.close()


def test_every_document_is_recovered_whichever_byte_of_the_snapshot_is_garbled(tmp_path):
    directory = tmp_path / "documents"
    directory.mkdir()
    db = DocumentDB(JournalStorage(directory, utc_now))
    for n in range(CHANGES):
        db.table("answers").insert({"n": n, "text": TEXT})
        if n in (3, 7):
            db.storage.compact()
    db.close()
    snapshot = directory / "snapshot.json"
    original = snapshot.read_bytes()
    for index in range(len(original)):
        snapshot.write_bytes(_flipped(original, index))
        try:
            reader = JournalStorage(directory, utc_now, writer=False)
        except StoreError as refused:  # only a claim of a newer format may refuse
            pytest.fail(f"byte {index}: {refused}")
        assert _answers(reader) == list(range(CHANGES)), index
        assert any("snapshot.prev.json" in message for message in reader.recovered), index
    assert len(original) > 500
