"""``quizhall practice`` and ``quizhall review`` from the command line."""

import json
import random
from datetime import UTC, datetime, timedelta

import pytest
from practice_answers import submit
from practice_bank import BANK, make_bank

from quizhall.cli import main
from quizhall.practice import History, Library, ManualClock, Order, PracticeSession, Trainee
from quizhall.store import open_store
from quizhall.tui.practice.app import PracticeApp


@pytest.fixture
def bank_file(tmp_path):
    path = tmp_path / "law.yaml"
    path.write_text(BANK, encoding="utf-8")
    return path


def _study(user="ann", wrong=("s2", "m1"), when=None):
    """Answer the 合同 questions in the real store: some wrong, the rest right."""
    moment = when or datetime.now(UTC) - timedelta(hours=2)
    library = Library([make_bank()])
    with open_store() as store:
        trainee = Trainee(History(store.trainee_db(user)), user, library, ManualClock(moment))
        refs = [ref for ref in library.refs if "合同" in ref.question.tags]
        session = PracticeSession(trainee, refs, Order.SEQUENTIAL, random.Random(1))
        shown = session.start()
        while shown is not None:
            submit(session, shown.question.id not in wrong)
            shown = session.advance()


def test_stats_json_without_opening_the_app(capsys):
    _study()
    assert main(["practice", "--user", "ann", "--stats", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["user"], data["answers"], data["correct"]) == ("ann", 6, 4)
    assert data["by_tag"]["合同"]["answers"] == 6
    assert data["by_level"]["law/L1"]["correct"] == 4
    assert data["due_reviews"] == 2 and data["notebook"] == 2
    assert data["streak"] == 1
    assert set(data) >= {"accuracy", "by_day", "weakest_tags", "due_today", "study_days"}


def test_stats_as_text(capsys, bank_file):
    _study()
    assert main(["--lang", "en", "practice", str(bank_file), "--user", "ann", "--stats"]) == 0
    out = capsys.readouterr().out
    assert "6 answered · 67% right" in out and "第一关 劳动合同" in out


def test_stats_of_a_new_trainee_are_empty(capsys):
    assert main(["practice", "--user", "nobody", "--stats", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["answers"] == 0 and data["streak"] == 0 and data["due_reviews"] == 0


def test_review_due_lists_the_questions_due_now(capsys, bank_file):
    _study()
    assert main(["review", "--user", "ann", "--due", "--json", str(bank_file)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [q["key"] for q in data["questions"]] == ["law/s2", "law/m1"]
    first = data["questions"][0]
    assert first["stem"] == "试用期最长不得超过（）个月。" and first["answer"] == "C. 六"
    assert first["overdue"] is True and data["due"] == 2
    assert main(["--lang", "en", "review", "--user", "ann", "--due", str(bank_file)]) == 0
    out = capsys.readouterr().out
    assert "ann: 2 due now" in out and "law/s2" in out and "试用期最长不得超过" in out


def test_review_and_stats_count_only_the_open_banks(capsys, bank_file, tmp_path):
    _study()
    other = tmp_path / "other.yaml"
    other.write_text("bank: {id: other, title: O}\nquestions:\n"
                     "  - {id: q, type: judge, stem: Sky is blue., answer: true}\n",
                     encoding="utf-8")
    assert main(["review", "--user", "ann", "--due", "--json", str(other)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["due"], data["notebook"], data["questions"]) == (0, 0, [])
    assert main(["practice", str(other), "--user", "ann", "--stats", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["due_reviews"], data["notebook"]) == (0, 0)
    assert data["coverage"] == {"seen": 0, "questions": 1}
    assert main(["practice", str(bank_file), "--user", "ann", "--stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["due_reviews"] == 2


def test_review_due_leaves_out_questions_not_yet_due(capsys):
    _study(when=datetime.now(UTC))
    assert main(["review", "--user", "ann", "--due", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["questions"] == []
    assert main(["review", "--user", "ann", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["questions"]) == 2


def test_stats_review_and_export_work_while_the_app_holds_the_records(capsys, tmp_path):
    _study()
    with open_store() as app_store:  # the trainee's app, still open and writing
        app_store.trainee_db("ann").table("profiles").all()
        assert main(["practice", "--user", "ann", "--stats", "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["answers"] == 6
        assert main(["review", "--user", "ann", "--due", "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["due"] == 2
        assert main(["export", "--user", "ann", "-o", str(tmp_path / "ann.json")]) == 0
        assert json.loads((tmp_path / "ann.json").read_text(encoding="utf-8"))
        app_store.trainee_db("ann").table("answers").insert({"still": "writable"})


def test_review_shows_control_characters_visibly(capsys, tmp_path):
    path = tmp_path / "evil.yaml"
    path.write_text('bank: {id: evil, title: E}\nquestions:\n'
                    '  - {id: q, type: judge, stem: "\\x1b[2Jgone", answer: true}\n',
                    encoding="utf-8")
    with open_store() as store:
        library = Library([make_bank(path.read_text())])
        trainee = Trainee(History(store.trainee_db("ann")), "ann", library,
                          ManualClock(datetime.now(UTC) - timedelta(hours=1)))
        session = PracticeSession(trainee, trainee.library.refs, Order.SEQUENTIAL,
                                  random.Random(1))
        session.start()
        submit(session, False)
    assert main(["review", "--user", "ann", "--due", str(path)]) == 0
    out = capsys.readouterr().out
    assert "␛[2Jgone" in out and "\x1b" not in out


def test_practice_needs_a_bank(capsys):
    assert main(["practice", "--user", "ann"]) == 2
    assert "quizhall practice question_banks/" in capsys.readouterr().err


def test_a_broken_bank_is_reported_with_its_position(capsys, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("bank: {id: b, title: B}\nquestions:\n  - {id: q, type: single, stem: s,"
                    " options: [x, y], answer: Z}\n", encoding="utf-8")
    assert main(["practice", str(path)]) == 1
    assert f"{path}:3:" in capsys.readouterr().err


@pytest.mark.parametrize(("option", "message"), [
    (["--quota", "essay=3"], "essay=3"), (["--pass", "1.5"], "1.5"),
    (["--level", "L9"], "L9"), (["--difficulty", "7"], "7"), (["--count", "0"], "0")])
def test_bad_options_are_explained(capsys, bank_file, option, message):
    assert main(["--lang", "en", "practice", str(bank_file), *option]) == 2
    err = capsys.readouterr().err
    assert "error" in err and message in err


def test_practice_opens_the_app_with_the_chosen_settings(monkeypatch, bank_file):
    opened = {}

    def fake_run(app):
        opened["app"] = app

    monkeypatch.setattr(PracticeApp, "run", fake_run)
    code = main(["practice", str(bank_file), "--user", "bob", "--mode", "exam",
                 "--quota", "single=2,judge=1", "--count", "4", "--time-limit", "5",
                 "--pass", "0.75", "--level", "L1", "--tag", "安全", "--difficulty", "1,2",
                 "--order", "smart", "--lives", "3"])
    assert code == 0
    app = opened["app"]
    settings = app.settings
    assert app.trainee.user == "bob" and settings.mode == "exam"
    assert settings.exam.quotas[0][1] == 2 and settings.exam.count == 4
    assert settings.exam.time_limit == 300 and settings.exam.pass_ratio == 0.75
    assert settings.filter.levels == ("law/L1",) and settings.filter.tags == ("安全",)
    assert settings.filter.difficulties == (1, 2) and settings.order.value == "smart"
    assert settings.lives == 3


def test_the_default_trainee_is_the_system_user(monkeypatch, bank_file, capsys):
    monkeypatch.setenv("USER", "carol")
    assert main(["practice", "--stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["user"] == "carol"


@pytest.mark.parametrize("option", [["--quota", "single=²"], ["--difficulty", "1,²"]])
def test_digits_int_cannot_read_are_explained_not_passed_on(capsys, bank_file, option):
    assert main(["--lang", "en", "practice", str(bank_file), *option]) == 2
    err = capsys.readouterr().err
    assert "²" in err and "invalid literal" not in err


def test_a_paper_with_a_missing_question_stops_with_its_position(capsys, bank_file,
                                                                  tmp_path):
    paper = tmp_path / "paper.yaml"
    paper.write_text("paper: {id: p, title: P}\nquestions: [s1, gone]\n", encoding="utf-8")
    assert main(["practice", str(bank_file), "--paper", str(paper)]) == 1
    err = capsys.readouterr().err
    assert f"{paper}:2:" in err and "gone" in err


def test_a_paper_opens_the_exam_with_its_rules(bank_file, tmp_path, monkeypatch):
    paper = tmp_path / "paper.yaml"
    paper.write_text("paper: {id: p, title: 期中卷, time_limit: 2}\nquestions: [s1, j1]\n",
                     encoding="utf-8")
    seen = {}
    monkeypatch.setattr(PracticeApp, "run", lambda app: seen.update(settings=app.settings))
    assert main(["practice", str(bank_file), "--paper", str(paper)]) == 0
    settings = seen["settings"]
    assert settings.mode == "exam" and settings.paper.title == "期中卷"
    assert settings.paper.time_limit == 120.0


PAPER_BANK = BANK.replace("questions:\n", """\
papers:
  - {id: mid, title: 期中卷, time_limit: 2, questions: [s1, j1]}
questions:
""", 1)


def test_a_paper_of_the_bank_is_chosen_by_its_id(tmp_path, monkeypatch):
    path = tmp_path / "law.yaml"
    path.write_text(PAPER_BANK, encoding="utf-8")
    seen = {}
    monkeypatch.setattr(PracticeApp, "run", lambda app: seen.update(settings=app.settings))
    for name in ("mid", "law/mid"):
        assert main(["practice", str(path), "--paper", name]) == 0
        settings = seen.pop("settings")
        assert settings.mode == "exam" and settings.paper.key == "law/mid"
        assert (settings.paper.title, settings.paper.time_limit) == ("期中卷", 120.0)


def test_an_unknown_paper_id_names_the_papers_there_are(tmp_path, capsys, bank_file):
    path = tmp_path / "papers.yaml"
    path.write_text(PAPER_BANK, encoding="utf-8")
    assert main(["--lang", "en", "practice", str(path), "--paper", "final"]) == 1
    err = capsys.readouterr().err
    assert "there is no paper final" in err and "law/mid" in err
    assert main(["--lang", "en", "practice", str(bank_file), "--paper", "final"]) == 1
    assert "the open banks hold no papers" in capsys.readouterr().err
