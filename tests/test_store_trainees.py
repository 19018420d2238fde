"""Trainee documents laid out by trainee: one trainee's files only, one lock per trainee, and
the move of a data directory written by the shared layout, killed at any point."""

import filecmp
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from quizhall.practice.history import AnswerRecord, History
from quizhall.store import LockedError, open_store
from quizhall.store._files import utc_now
from quizhall.store.documents import DocumentDB, JournalStorage
from quizhall.store.trainees import trainee_dir_name

SRC = str(Path(__file__).resolve().parents[1] / "src")
TRAINEES = ("ann", "bob", "张三", "../evil [b]x[/b]")


def _dump(db):
    return {name: {str(doc.doc_id): dict(doc) for doc in db.table(name).all()}
            for name in sorted(db.tables()) if db.table(name).all()}


def make_legacy(data_dir: Path) -> dict[str, dict]:
    """A data directory as the shared layout writes it (``documents/``: one journal and
    snapshot for every trainee, written by the code that wrote it then); returns each
    trainee's documents as that layout held them."""
    directory = data_dir / "documents"
    directory.mkdir(parents=True)
    db = DocumentDB(JournalStorage(directory, utc_now, min_compact_bytes=4000))
    history = History(db)
    for round_ in range(6):
        for number, user in enumerate(TRAINEES):
            at = f"2026-11-0{round_ + 1}T08:00:0{number}+00:00"
            history.touch_profile(user, at)
            history.add_answer(AnswerRecord(
                user=user, key=f"law/q{round_}", bank="law", question=f"q{round_}",
                mode="practice", given="A", correct=(round_ + number) % 2 == 0, credit=1.0,
                seconds=3.5, at=at, tags=("合同",)))
            history.put_card(user, f"law/q{round_}", {"card": {"due": at}, "streak": round_})
        history.save_exam("ann", {"id": f"e{round_}", "status": "finished", "passed": True})
        history.save_progress("bob", "law", "L1", {"attempts": round_, "passed": False})
    history.set_bookmark("张三", "law/q1", True, "2026-11-02T00:00:00+00:00")
    history.save_prefs("ann", {"practice": {"mode": "exam"}})
    db.table("answers").insert({"question": "lc-001", "correct": True})  # names no trainee
    assert (directory / "snapshot.json").exists()  # the data is in a snapshot and a journal
    expected = {user: {} for user in TRAINEES}
    for name in db.tables():
        for doc in db.table(name).all():
            if isinstance(doc.get("user"), str):
                expected[doc["user"]].setdefault(name, {})[str(doc.doc_id)] = dict(doc)
    db.close()
    return expected


def _stored(data_dir: Path) -> dict[str, dict]:
    with open_store(data_dir) as store:
        return {user: _dump(store.read_trainee_db(user)) for user in store.trainees()}


def test_a_shared_data_directory_is_moved_per_trainee_on_first_open_with_a_backup(tmp_path):
    data_dir = tmp_path / "data"
    expected = make_legacy(data_dir)
    original = tmp_path / "original"
    shutil.copytree(data_dir / "documents", original)
    with open_store(data_dir) as store:
        assert store.trainees() == sorted(TRAINEES)
        assert any("documents.backup-" in warning for warning in store.warnings)
        assert any("1 record" in warning for warning in store.warnings)  # the unowned one
        for user in TRAINEES:
            assert _dump(store.read_trainee_db(user)) == expected[user]
    backups = list(data_dir.glob("documents.backup-*"))
    assert len(backups) == 1 and not (data_dir / "documents").exists()
    # writer.lock only names the last writer (the migration, to the second): not data
    compared = filecmp.dircmp(original, backups[0], ignore=["writer.lock"])
    assert compared.left_only == compared.right_only == compared.diff_files == []
    with open_store(data_dir) as store:  # the second open finds nothing to move
        assert store.trainees() == sorted(TRAINEES) and store.warnings == []
        store.trainee_db("ann").table("answers").insert({"user": "ann", "n": 1})
    assert len(_stored(data_dir)["ann"]["answers"]) == 7


MIGRATE_AND_DIE = """
import os, signal, sys
import quizhall.store._files as files
import quizhall.store.trainees as trainees

steps = [0]
die_at = int(sys.argv[2])

def step(real):
    def wrapped(*args, **kwargs):
        steps[0] += 1
        if steps[0] == die_at:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    return wrapped

files.sync = step(files.sync)
files.sync_dir = step(files.sync_dir)
trainees.sync_dir = step(trainees.sync_dir)
os.rename = step(os.rename)
os.replace = step(os.replace)
os.mkdir = step(os.mkdir)
from quizhall.store import open_store
with open_store(sys.argv[1]) as store:
    store.trainees()
print("steps", steps[0], flush=True)
"""


def _migrate_in_child(data_dir: Path, die_at: int) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [SRC, env.get("PYTHONPATH")]))
    return subprocess.run([sys.executable, "-c", MIGRATE_AND_DIE, str(data_dir), str(die_at)],
                          capture_output=True, text=True, env=env, timeout=60)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_a_move_killed_at_any_point_loses_nothing(tmp_path):
    template = tmp_path / "template"
    expected = make_legacy(template)
    whole = _migrate_in_child(_copy(template, tmp_path / "whole"), 0)
    assert whole.returncode == 0, whole.stderr
    total = int(whole.stdout.split()[-1])
    assert total > 10
    # Every step in the first few, then spread over the rest, always the last ones.
    points = sorted({*range(1, 6), *range(6, total, max(1, total // 12)), total - 1, total})
    for point in points:
        data_dir = _copy(template, tmp_path / f"killed-{point}")
        killed = _migrate_in_child(data_dir, point)
        assert killed.returncode == -signal.SIGKILL, (point, killed.stderr)
        assert _stored(data_dir) == expected, point  # reopened: the move finishes
        assert not (data_dir / "documents").exists()
        assert len(list(data_dir.glob("documents.backup-*"))) == 1
        assert not (data_dir / "migrating-trainees").exists()


def _copy(template: Path, target: Path) -> Path:
    shutil.copytree(template, target)
    return target


HOLD_TRAINEE = """
import sys, time
from quizhall.store import open_store
store = open_store(sys.argv[1])
store.trainee_db(sys.argv[2]).table("answers").insert({"user": sys.argv[2], "n": 0})
print("ready", flush=True)
time.sleep(60)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_another_trainee_is_written_while_one_is_held_and_the_same_one_is_refused(tmp_path):
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [SRC, env.get("PYTHONPATH")]))
    holder = subprocess.Popen([sys.executable, "-c", HOLD_TRAINEE, str(tmp_path), "ann"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env=env)
    try:
        assert holder.stdout.readline().startswith("ready"), holder.stderr.read()
        with open_store(tmp_path) as store:
            store.trainee_db("bob").table("answers").insert({"user": "bob", "n": 1})
            with pytest.raises(LockedError) as refused:
                store.trainee_db("ann")
            message = str(refused.value)
            assert f"pid {holder.pid}" in message and 'trainee "ann"' in message
            assert f"command: -c {tmp_path} ann" in message
            assert [d["n"] for d in store.read_trainee_db("ann").table("answers").all()] == [0]
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.communicate(timeout=10)
    with open_store(tmp_path) as store:  # the lock died with its holder
        store.trainee_db("ann").table("answers").insert({"user": "ann", "n": 2})
        assert store.trainees() == ["ann", "bob"]


def test_opening_one_trainee_reads_none_of_the_others_files(tmp_path, monkeypatch):
    with open_store(tmp_path) as store:
        for user in TRAINEES:
            store.trainee_db(user).table("answers").insert({"user": user})
    opened: list[str] = []
    real_open, real_read = os.open, Path.read_bytes

    def recording_open(path, *args, **kwargs):
        opened.append(str(path))
        return real_open(path, *args, **kwargs)

    def recording_read(path):
        opened.append(str(path))
        return real_read(path)

    monkeypatch.setattr(os, "open", recording_open)
    monkeypatch.setattr(Path, "read_bytes", recording_read)
    with open_store(tmp_path) as store:
        assert store.trainee_db("ann").table("answers").all() == [{"user": "ann"}]
        assert store.read_trainee_db("bob").table("answers").all() == [{"user": "bob"}]
    others = [trainee_dir_name(user) for user in TRAINEES if user not in ("ann", "bob")]
    assert opened and not [path for path in opened if any(name in path for name in others)]


def test_every_name_gets_its_own_safe_directory():
    names = ["ann", "Ann", "张三", "张四", "../evil", "a/b", "", "x" * 300]
    directories = [trainee_dir_name(name) for name in names]
    assert len(set(directories)) == len(names)
    assert all("/" not in d and not d.startswith(".") and len(d) < 64 for d in directories)
