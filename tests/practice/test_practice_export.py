"""``quizhall export --user``: a trainee's practice history, opened back and checked."""

import csv
import io
import json
import random
from datetime import UTC, datetime, timedelta

import openpyxl
from practice_answers import submit
from practice_bank import make_bank

from quizhall.cli import main
from quizhall.practice import (
    ExamSession,
    ExamSpec,
    History,
    Library,
    ManualClock,
    Notebook,
    Order,
    PracticeSession,
    Trainee,
    compute_stats,
)
from quizhall.report.practice import practice_report
from quizhall.store import open_store

WRONG = ("s2", "m1")


def _study(user: str = "=ann") -> datetime:
    """Two days of practice (some wrong) and a mock exam, in the real store; returns now."""
    start = datetime.now(UTC) - timedelta(days=1, hours=2)
    clock = ManualClock(start)
    library = Library([make_bank()])
    with open_store() as store:
        trainee = Trainee(History(store.trainee_db(user)), user, library, clock)
        refs = [ref for ref in library.refs if "合同" in ref.question.tags]
        session = PracticeSession(trainee, refs, Order.SEQUENTIAL, random.Random(1))
        shown = session.start()
        while shown is not None:
            clock.advance(30)
            submit(session, shown.question.id not in WRONG)
            shown = session.advance()
        clock.advance(hours=24)
        exam = ExamSession.new(trainee, library.refs, ExamSpec(count=3), random.Random(2))
        shown = exam.start()
        while shown is not None:
            clock.advance(20)
            submit(exam, True)
            shown = exam.advance()
        exam.hand_in()
    return clock.now + timedelta(minutes=5)


def _expected(user: str, now: datetime):
    with open_store() as store:
        history = History(store.trainee_db(user))
        answers = history.answers(user)
        stats = compute_stats(user, answers, Notebook(history, user), now,
                              history.progress(user), chart_days=3)
        report = practice_report(history, user, now)
    return answers, stats, report


def test_the_report_holds_every_answer_and_the_engine_stats():
    now = _study()
    answers, stats, report = _expected("=ann", now)
    assert report.answer_count == len(answers) == 9
    assert report.correct == stats.total.correct == 7
    assert [row.key for row in report.answers] == [a.key for a in answers]
    assert {row.name: (row.answers, row.correct) for row in report.by_tag} == {
        tag: (tally.answers, tally.correct) for tag, tally in stats.by_tag.items()}
    assert [(row.name, row.answers) for row in report.by_day] == [
        (day.isoformat(), tally.answers) for day, tally in stats.by_day if tally.answers]
    assert len(report.by_day) == 2 and report.study_days == 2
    assert [exam.status for exam in report.exams] == ["finished"]
    assert report.exams[0].ratio == 1.0 and report.exams[0].passed is True
    assert sorted(row.key for row in report.notebook) == ["law/m1", "law/s2"]


def test_xlsx_csv_and_json_opened_back(tmp_path, capsys):
    now = _study()
    _, stats, report = _expected("=ann", now)
    for suffix in ("xlsx", "csv", "json", "md", "html"):
        assert main(["export", "--user", "=ann", "-o", str(tmp_path / f"h.{suffix}")]) == 0
    assert "exported to" in capsys.readouterr().out
    book = openpyxl.load_workbook(tmp_path / "h.xlsx")
    sheet = book["Answers"]
    header = [cell.value for cell in sheet[1]]
    rows = [dict(zip(header, row, strict=True))
            for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert [r["Question"] for r in rows] == [a.key for a in report.answers]
    assert [r["Correct"] for r in rows] == ["yes" if a.correct else "no"
                                            for a in report.answers]
    assert [r["Seconds"] for r in rows] == [a.seconds for a in report.answers]
    assert [r["Credit"] for r in rows] == [a.credit for a in report.answers]
    facts = {row[0]: row[1] for row in book["Summary"].iter_rows(values_only=True)}
    assert facts["Trainee"] == "'=ann"  # never a formula
    assert facts["Answers"] == "9"
    sections: dict[str, list[list[str]]] = {}
    text = (tmp_path / "h.csv").read_text(encoding="utf-8-sig")
    for row in csv.reader(io.StringIO(text, newline="")):
        if row and row[0].startswith("# "):
            current = sections.setdefault(row[0][2:], [])
        elif row:
            current.append(row)
    assert list(sections) == ["answers", "by-tag", "by-level", "by-type", "by-day", "exams",
                              "notebook", "facts"]
    assert {row[0]: int(row[1]) for row in sections["by-tag"][1:]} == {
        tag: tally.answers for tag, tally in stats.by_tag.items()}
    assert len(sections["answers"]) == 1 + 9
    data = json.loads((tmp_path / "h.json").read_text(encoding="utf-8"))
    assert data["kind"] == "quizhall.practice-report"
    assert (data["user"], data["answer_count"], data["correct"]) == ("=ann", 9, 7)
    assert data["accuracy"] == round(7 / 9, 6)
    assert [a["given"] for a in data["answers"]][:1] == [report.answers[0].given]
    html = (tmp_path / "h.html").read_text(encoding="utf-8")
    assert "<svg" in html and "=ann" in html


def test_unknown_trainee_is_a_message(tmp_path, capsys):
    assert main(["export", "--user", "nobody", "-o", str(tmp_path / "x.json")]) == 1
    assert "there is no practice history yet" in capsys.readouterr().err
    _study()
    assert main(["export", "--user", "nobody", "-o", str(tmp_path / "x.json")]) == 1
    err = capsys.readouterr().err
    assert "there is no practice history for nobody (there is for: =ann)" in err
    assert "Traceback" not in err


def test_an_export_with_the_banks_holds_what_a_trainee_studies_from(tmp_path, capsys):
    import datetime as dt

    from practice_bank import BANK

    _study()
    bank = tmp_path / "law.yaml"
    bank.write_text(BANK, encoding="utf-8")
    for suffix in ("xlsx", "html"):
        assert main(["export", "--user", "=ann", "--bank", str(bank),
                     "-o", str(tmp_path / f"s.{suffix}")]) == 0
    book = openpyxl.load_workbook(tmp_path / "s.xlsx")
    sheet = book["Questions to study"]
    header = [cell.value for cell in sheet[1]]
    rows = {row[0]: dict(zip(header, row, strict=True))
            for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {"law/s2", "law/m1"}  # the two answered wrong
    s2 = rows["law/s2"]
    assert s2["Question text"] == "试用期最长不得超过（）个月。"
    assert "C. 六" in s2["Options"] and s2["Answer"].startswith("C")
    assert s2["Given"] and s2["In the notebook"] == "yes" and s2["Times wrong"] == 1
    assert isinstance(s2["Due"], dt.datetime)  # a real date, not text
    times = [row[0] for row in book["Answers"].iter_rows(min_row=2, values_only=True)]
    assert all(isinstance(value, dt.datetime) for value in times)
    exams = [dict(zip([c.value for c in book["Mock exams"][1]], row, strict=True))
             for row in book["Mock exams"].iter_rows(min_row=2, values_only=True)]
    assert exams[0]["Paper"] == "drawn exam" and isinstance(exams[0]["Started"], dt.datetime)
    types = {row[0]: row[1] for row in book["By question type"].iter_rows(min_row=2,
                                                                           values_only=True)}
    assert types["single"] >= 2
    facts = {row[0]: row[1] for row in book["Summary"].iter_rows(values_only=True)}
    assert facts["Coverage"].startswith("seen ") and facts["Coverage"].endswith(" of 14 questions")
    html = (tmp_path / "s.html").read_text(encoding="utf-8")
    assert "试用期最长不得超过（）个月。" in html and "@media print" in html
    assert "break-inside: avoid" in html
