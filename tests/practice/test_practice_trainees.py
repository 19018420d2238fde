"""Who trained: ``quizhall trainees [--json]`` and ``quizhall export --trainees -o FILE.xlsx``."""

import json
import random
from datetime import UTC, datetime, timedelta

import openpyxl
from practice_answers import submit
from practice_bank import BANK, make_bank

from quizhall.cli import main
from quizhall.practice import (
    ExamSession,
    ExamSpec,
    History,
    Library,
    ManualClock,
    Order,
    PracticeSession,
    Trainee,
)
from quizhall.practice.roster import keep_summary, roster
from quizhall.store import Store, open_store
from quizhall.tui.practice.app import PracticeApp

START = datetime.now(UTC) - timedelta(hours=3)


def _practise(user: str, right: int, wrong: int, exam: bool = False) -> None:
    library = Library([make_bank()])
    clock = ManualClock(START)
    with open_store() as store:
        trainee = Trainee(History(store.trainee_db(user)), user, library, clock)
        session = PracticeSession(trainee, library.refs[:right + wrong], Order.SEQUENTIAL,
                                  random.Random(1))
        shown, answered = session.start(), 0
        while shown is not None:
            clock.advance(10)
            submit(session, answered < right)
            answered += 1
            shown = session.advance()
        if exam:
            handed = ExamSession.new(trainee, library.refs, ExamSpec(count=2), random.Random(2))
            shown = handed.start()
            while shown is not None:
                clock.advance(10)
                submit(handed, True)
                shown = handed.advance()
            handed.hand_in()


def test_trainees_lists_each_trainee_with_answers_accuracy_notebook_and_exams(capsys):
    _practise("ann", right=3, wrong=1, exam=True)
    _practise("=bob", right=0, wrong=2)
    assert main(["trainees", "--json"]) == 0
    listed = {row["user"]: row for row in json.loads(capsys.readouterr().out)}
    assert set(listed) == {"ann", "=bob"}
    ann, bob = listed["ann"], listed["=bob"]
    assert (ann["answers"], ann["correct"], ann["notebook"]) == (6, 5, 1)
    assert (ann["exams"], ann["exams_passed"]) == (1, 1)
    assert (bob["answers"], bob["accuracy"], bob["notebook"]) == (2, 0.0, 2)
    assert bob["last_practice"] > START.isoformat() and bob["exams"] == 0
    assert main(["trainees"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[0] == "学员" or table[0].split()[0] == "trainee"
    assert any(line.startswith("ann") and "83%" in line and "1/1" in line for line in table)


def test_trainees_in_an_empty_data_directory_says_there_are_none(capsys):
    assert main(["--lang", "en", "trainees"]) == 0
    assert "no trainees yet" in capsys.readouterr().out


def test_export_trainees_writes_one_workbook_whose_cells_never_start_a_formula(tmp_path):
    _practise("ann", right=2, wrong=0)
    _practise("=HYPERLINK(\"http://x\")", right=1, wrong=1)
    output = tmp_path / "room.xlsx"
    assert main(["--lang", "en", "export", "--trainees", "-o", str(output)]) == 0
    sheet = openpyxl.load_workbook(output).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Trainee", "Answers", "Right", "Correct rate")
    by_user = {row[0]: row for row in rows[1:]}
    assert by_user["ann"][1:4] == (2, 2, 1)
    assert by_user["'=HYPERLINK(\"http://x\")"][1:3] == (2, 1)  # text, never a formula
    assert all(not (isinstance(cell, str) and cell.startswith("="))
               for row in rows for cell in row)
    assert isinstance(by_user["ann"][4], datetime)  # the last practice, a real date


def test_export_trainees_refuses_other_formats_and_mixed_requests(tmp_path, capsys):
    assert main(["export", "--trainees", "-o", str(tmp_path / "room.csv")]) == 2
    assert "--trainees" in capsys.readouterr().err
    assert main(["export", "--trainees", "--user", "ann", "-o", str(tmp_path / "r.xlsx")]) == 2
    assert not (tmp_path / "r.xlsx").exists()


def test_a_current_summary_is_listed_without_reading_the_documents(monkeypatch):
    _practise("ann", right=1, wrong=1)
    with open_store() as store:
        keep_summary(store, History(store.trainee_db("ann")), "ann")

    def no_reading(self, user):
        raise AssertionError(f"read {user}'s documents")

    monkeypatch.setattr(Store, "read_trainee_db", no_reading)
    with open_store() as store:
        (summary,), _ = roster(store)
    assert (summary.user, summary.answers, summary.correct, summary.notebook) == ("ann", 2, 1, 1)


def test_a_summary_older_than_the_documents_is_not_trusted():
    _practise("ann", right=1, wrong=0)
    with open_store() as store:
        keep_summary(store, History(store.trainee_db("ann")), "ann")
    _practise("ann", right=2, wrong=0)  # changes the documents after the summary
    with open_store() as store:
        assert store.summaries() == {"ann": None}
        (summary,), _ = roster(store)
    assert summary.answers == 3


def test_the_practice_command_keeps_the_summary_when_the_app_closes(monkeypatch, tmp_path):
    bank = tmp_path / "law.yaml"
    bank.write_text(BANK, encoding="utf-8")
    _practise("ann", right=2, wrong=1)
    monkeypatch.setattr(PracticeApp, "run", lambda app: None)
    assert main(["practice", str(bank), "--user", "ann"]) == 0
    with open_store() as store:
        kept = store.summaries()["ann"]
    assert kept is not None and (kept["answers"], kept["correct"]) == (3, 2)
