"""A damaged trainee journal: every reader says so, the app shows it inside, nothing is lost."""

import json
import os
import random
from pathlib import Path

from practice_answers import submit
from practice_bank import BANK, START, make_bank
from tinydb import TinyDB
from tinydb.storages import MemoryStorage
from tui_helpers import make_app, screen_text

from quizhall.cli import main
from quizhall.practice import History, Library, ManualClock, Order, PracticeSession, Trainee
from quizhall.store import open_store
from quizhall.store.trainees import trainee_dir_name
from quizhall.tui.practice.app import PracticeApp


def _study_and_damage_the_first_record() -> Path:
    _study()
    journal = (Path(os.environ["QUIZHALL_DATA_DIR"]) / "trainees" / trainee_dir_name("ann")
               / "journal.jsonl")
    data = bytearray(journal.read_bytes())
    data[data.index(b"\n") + 20] ^= 0x01  # one byte of the first change
    journal.write_bytes(bytes(data))
    return journal


def _study() -> None:
    library = Library([make_bank()])
    with open_store() as store:
        trainee = Trainee(History(store.trainee_db("ann")), "ann", library, ManualClock(START))
        session = PracticeSession(trainee, library.refs[:4], Order.SEQUENTIAL,
                                  random.Random(1))
        shown = session.start()
        while shown is not None:
            submit(session, True)
            shown = session.advance()


def test_practice_stats_reads_past_a_damaged_record_and_says_so(capsys):
    _study_and_damage_the_first_record()
    assert main(["practice", "--user", "ann", "--stats", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["answers"] >= 3  # not "0 answered"
    assert "journal.jsonl is damaged: line 2" in captured.err


def test_review_and_export_say_the_journal_is_damaged(capsys, tmp_path):
    _study_and_damage_the_first_record()
    assert main(["review", "--user", "ann"]) == 0
    assert "journal.jsonl is damaged: line 2" in capsys.readouterr().err
    assert main(["export", "--user", "ann", "-o", str(tmp_path / "h.json")]) == 0
    assert "journal.jsonl is damaged: line 2" in capsys.readouterr().err


def test_the_practice_command_hands_what_was_recovered_to_the_app(monkeypatch, tmp_path):
    journal = _study_and_damage_the_first_record()
    bank = tmp_path / "law.yaml"
    bank.write_text(BANK, encoding="utf-8")
    shown = []
    monkeypatch.setattr(PracticeApp, "run", lambda app: shown.extend(app.notices))
    assert main(["practice", str(bank), "--user", "ann"]) == 0
    assert any("was damaged: line 2" in notice for notice in shown)
    assert any(p.name.startswith("journal.jsonl.damaged-") for p in journal.parent.iterdir())


async def test_the_app_shows_store_notices_inside_itself():
    db = TinyDB(storage=MemoryStorage)
    app = make_app(db)
    app.notices = ["journal.jsonl was damaged: line 2 \x1b[31m"]
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await pilot.pause()
        assert "journal.jsonl was damaged: line 2" in screen_text(app)


def test_a_misshapen_answer_document_is_skipped_and_reported(capsys):
    with open_store() as store:  # the TinyDB example of docs/store.md, and worse
        answers = store.trainee_db("ann").table("answers")
        answers.insert({"question": "lc-001", "correct": True})
        answers.insert({"user": "ann", "question": "lc-001", "correct": "yes"})
        store.trainee_db("ann").table("cards").insert(
            {"user": "ann", "key": "law/s1", "card": {"due": 5}})
    _study()
    assert main(["practice", "--user", "ann", "--stats", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["answers"] == 4
    assert "document 2 of the trainee table answers does not have the expected shape" \
        in captured.err
    assert "table cards" in captured.err
    assert main(["review", "--user", "ann"]) == 0
    assert "table cards" in capsys.readouterr().err
