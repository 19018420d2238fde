"""Real processes: writers killed with SIGKILL at random moments, a second writer, a live reader.

A child prints each sequence number or document id only after the store acknowledged it, so
everything the parent reads from the child's stdout must be found again after the kill.
"""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quizhall.store import LockedError, open_store
from quizhall.store._files import utc_now
from quizhall.store.documents import DocumentDB, JournalStorage

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")

SRC = str(Path(__file__).resolve().parents[1] / "src")

APPENDER = """
import sys
from quizhall.store import open_store
store = open_store(sys.argv[1])
log = store.open_log(sys.argv[2])
n = len(log)
print("ready", n, flush=True)
while True:
    # some events are large, so a kill can land in the middle of its write
    pad = "x" * (30_000 if n % 16 == 3 else 40)
    seq = log.append({"type": "tick", "n": n, "pad": pad})
    print(seq, flush=True)
    n += 1
"""

INSERTER = """
import sys
from pathlib import Path
from quizhall.store._files import utc_now
from quizhall.store.documents import DocumentDB, JournalStorage
db = DocumentDB(JournalStorage(Path(sys.argv[1]), utc_now, min_compact_bytes=20_000))
answers = db.table("answers")
print("ready", len(answers), flush=True)
n = len(answers)
while True:
    doc_id = answers.insert({"n": n, "pad": "y" * 300})
    answers.update({"seen": n}, doc_ids=[doc_id])
    print(doc_id, n, flush=True)
    n += 1
"""

HOLDER = """
import sys, time
from quizhall.store import open_store
log = open_store(sys.argv[1]).open_log(sys.argv[2])
print("ready", flush=True)
time.sleep(60)
"""

FOLLOWER = """
import sys
from quizhall.store import open_store
log = open_store(sys.argv[1]).open_log(sys.argv[2], writer=False)
print("ready", flush=True)
seen = 0
while seen < int(sys.argv[3]):
    for event in log.follow(seen, timeout=10):
        print(event["n"], flush=True)
        seen += 1
"""


def _spawn(script, *args):
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [SRC, env.get("PYTHONPATH")]))
    child = subprocess.Popen([sys.executable, "-c", script, *map(str, args)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env=env)
    first = child.stdout.readline()
    assert first.startswith("ready"), child.stderr.read()
    return child


def _kill(child):
    child.send_signal(signal.SIGKILL)
    out, _ = child.communicate(timeout=10)
    return out.splitlines()


def test_events_acknowledged_before_sigkill_are_never_lost(tmp_path):
    rng = random.Random(20261124)
    store = open_store(tmp_path / "data")
    contest_id = store.create_contest("Kill test", {})
    acknowledged = -1
    # A fixed number of rounds, not a time budget: a loaded machine must not run fewer.
    for _ in range(20):
        child = _spawn(APPENDER, store.data_dir, contest_id)
        time.sleep(rng.uniform(0.0, 0.12))
        lines = _kill(child)
        # A few bytes written to a pipe arrive whole, so every line is a complete number.
        acknowledged = max([acknowledged, *map(int, lines)])
        with store.open_log(contest_id) as log:
            events = log.read()
            assert len(events) >= acknowledged + 1
            assert [event["n"] for event in events] == list(range(len(events)))
        with store.open_log(contest_id) as log:  # a second open finds nothing to repair
            assert log.recovered == []
    assert acknowledged > 0


def test_documents_acknowledged_before_sigkill_are_never_lost(tmp_path):
    rng = random.Random(7)
    directory = tmp_path / "documents"
    directory.mkdir()
    acknowledged: dict[int, int] = {}
    for _ in range(12):  # a fixed number of rounds: a loaded machine must not run fewer
        child = _spawn(INSERTER, directory)
        time.sleep(rng.uniform(0.0, 0.15))
        for line in _kill(child):
            parts = line.split()
            if len(parts) == 2 and all(p.isdigit() for p in parts):
                acknowledged[int(parts[0])] = int(parts[1])
        db = DocumentDB(JournalStorage(directory, utc_now, min_compact_bytes=20_000))
        try:
            stored = {doc.doc_id: doc for doc in db.table("answers").all()}
            for doc_id, n in acknowledged.items():
                assert stored[doc_id]["n"] == n and stored[doc_id]["seen"] == n
            assert sorted(doc["n"] for doc in stored.values()) == list(range(len(stored)))
        finally:
            db.close()
    assert acknowledged
    assert (directory / "snapshot.json").exists()  # kills also met compactions
    assert list(directory.glob(".snapshot.json.tmp-*")) == []


def test_a_second_writer_process_is_refused_with_the_holders_pid(tmp_path):
    store = open_store(tmp_path / "data")
    contest_id = store.create_contest("Lock test", {})
    holder = _spawn(HOLDER, store.data_dir, contest_id)
    try:
        with pytest.raises(LockedError) as refused:
            store.open_log(contest_id)
        assert f"pid {holder.pid}" in str(refused.value)
        with store.open_log(contest_id, writer=False) as reader:
            assert len(reader) == 0
    finally:
        _kill(holder)
    with store.open_log(contest_id) as log:  # the lock died with its holder
        assert log.append({"type": "after"}) == 0


def test_a_reader_process_follows_a_live_writer(tmp_path):
    store = open_store(tmp_path / "data")
    contest_id = store.create_contest("Follow test", {})
    count = 20
    follower = _spawn(FOLLOWER, store.data_dir, contest_id, count)
    try:
        with store.open_log(contest_id) as log:
            for n in range(count):
                log.append({"type": "tick", "n": n})
                time.sleep(0.005)
        out, err = follower.communicate(timeout=30)
    finally:
        if follower.poll() is None:
            _kill(follower)
    assert [int(line) for line in out.split()] == list(range(count)), err


def test_removing_writer_lock_lets_no_second_writer_process_in(tmp_path):
    store = open_store(tmp_path / "data")
    contest_id = store.create_contest("Lock test", {})
    directory = store.data_dir / "contests" / contest_id
    first = _spawn(APPENDER, store.data_dir, contest_id)
    try:
        (directory / "writer.lock").unlink()
        env = dict(os.environ, PYTHONPATH=SRC)
        second = subprocess.run([sys.executable, "-c", APPENDER, str(store.data_dir),
                                 contest_id], capture_output=True, text=True, env=env,
                                timeout=60)
        assert second.returncode != 0 and "LockedError" in second.stderr
        assert second.stdout == ""
    finally:
        lines = _kill(first)
    acknowledged = max(map(int, lines), default=-1)
    with store.open_log(contest_id) as log:
        events = [event["n"] for event in log.read()]
    assert events == list(range(len(events))) and len(events) > acknowledged
