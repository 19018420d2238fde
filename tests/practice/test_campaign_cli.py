"""``quizhall campaign create|status|leaderboard|recount`` and ``export --campaign``."""

from __future__ import annotations

import json
import random

import pytest
from campaign_files import write_campaign
from openpyxl import load_workbook
from practice_answers import submit
from practice_bank import START

from quizhall.campaign.model import Campaign
from quizhall.campaign.scoring import enrol
from quizhall.cli import main
from quizhall.practice import History, Library, ManualClock, Order, PracticeSession, Trainee
from quizhall.store import open_store

# (user, unit, questions answered right in bank order): the first six are all in levels L1
# and L2, so every one counts (a point each).
PEOPLE = [("ann", "市总工会/办公室", 4), ("bob", "市总工会", 6),
          ("=cmd|' /C calc'!A0", "区工会", 2), ("dan", "区工会", 4)]


@pytest.fixture
def created(tmp_path, capsys):
    path = write_campaign(tmp_path / "files")
    assert main(["campaign", "create", str(path)]) == 0
    capsys.readouterr()
    return path


@pytest.fixture
def played(created, bank, capsys):
    with open_store() as store:
        found = store.campaigns.campaign("policy-2025")
        assert found is not None
        campaign = Campaign.from_json(found)
        clock = ManualClock(START)
        for user, unit, right in PEOPLE:
            trainee = Trainee(History(store.trainee_db(user)), user, Library([bank]), clock)
            enrol(campaign, store.campaigns, trainee, unit)
            session = PracticeSession(trainee, trainee.library.refs[:right], Order.SEQUENTIAL,
                                      random.Random(1))
            session.start()
            for _ in range(right):
                submit(session, True)
                session.advance()
    return created


def test_create_prints_the_campaign_and_refuses_a_duplicate_id(created, capsys):
    assert main(["campaign", "create", str(created)]) == 1
    assert "campaign policy-2025 exists already; add --replace" in capsys.readouterr().err
    assert main(["campaign", "create", str(created), "--replace"]) == 0
    assert "replaced campaign policy-2025: 2025 年劳动法闯关" in capsys.readouterr().out


def test_create_reports_every_problem_with_its_position(tmp_path, capsys):
    path = write_campaign(tmp_path, "campaign: {id: X, title: t, opens: nope, closes: 2025-01-01}"
                                    "\nbanks: [gone.yaml]\nunits: []\n")
    assert main(["campaign", "create", str(path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert any(line.startswith(f"{path}:1:") and "campaign id X" in line for line in err)
    assert any(line.startswith(f"{path}:1:") and "opens nope is not a date" in line
               for line in err)
    assert any(line.startswith(f"{path}:2:9:") and "gone.yaml" in line for line in err)
    assert any(line.startswith(f"{path}:3:8:") for line in err)
    with open_store() as store:
        assert store.campaigns.campaign_ids() == []


def test_status_counts_members_answers_and_passes(played, capsys):
    assert main(["campaign", "status", "policy-2025", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["phase"] == "closed"  # March 2025 is over on the wall clock
    assert (data["members"], data["answers"]) == (4, 16)
    assert data["passes"] == {"law/L1": 0, "law/L2": 0, "paper:union": 0}
    assert main(["campaign", "status"]) == 0
    out = capsys.readouterr().out
    assert "policy-2025  2025 年劳动法闯关  [closed]" in out
    assert "4 members joined, 16 answers (16 right), 0 completed" in out


def test_leaderboard_ranks_people_and_units(played, capsys):
    assert main(["campaign", "leaderboard", "policy-2025", "--json", "--user", "dan"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(p["rank"], p["user"]) for p in data["people"]] == [
        (1, "bob"), (2, "ann"), (2, "dan"), (4, PEOPLE[2][0])]
    assert [(u["rank"], u["unit"], u["members"]) for u in data["units"]] == [
        (1, "市总工会", 2), (2, "区工会", 2), (3, "市总工会/办公室", 1)]
    assert data["user"] == {"user": "dan", "rank": 2}


def test_leaderboard_filters_by_unit_and_cuts_at_top(played, capsys):
    assert main(["campaign", "leaderboard", "policy-2025", "--unit", "市总工会", "--top", "1",
                 "--json", "--user", "ann"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [p["user"] for p in data["people"]] == ["bob"]
    assert [u["unit"] for u in data["units"]] == ["市总工会", "市总工会/办公室"]
    assert data["user"]["rank"] == 2


def test_leaderboard_text_shows_names_literally(played, capsys):
    assert main(["campaign", "leaderboard", "policy-2025", "--user", "nobody"]) == 0
    out = capsys.readouterr().out
    assert "By person (2025 年劳动法闯关)" in out and "By unit" in out
    assert PEOPLE[2][0] in out
    assert "nobody has not joined this campaign" in out


def test_recount_finds_the_running_totals_right(played, capsys):
    assert main(["campaign", "recount", "policy-2025"]) == 0
    assert "recounted 4 members from their answers; 0 changed" in capsys.readouterr().out


def test_an_unknown_campaign_is_named(capsys):
    assert main(["campaign", "leaderboard", "nope"]) == 1
    assert "there is no campaign nope" in capsys.readouterr().err


def test_export_writes_both_boards_and_no_cell_starts_a_formula(played, tmp_path, capsys):
    out = tmp_path / "board.xlsx"
    assert main(["export", "--campaign", "policy-2025", "-o", str(out)]) == 0
    workbook = load_workbook(out)
    people, units = workbook.worksheets[:2]
    values = [[cell.value for cell in row] for row in people.iter_rows()]
    header = values[0]
    assert header[:4] == ["Rank", "Trainee", "Unit", "Passes"]
    users = [row[1] for row in values[1:]]
    assert users[:3] == ["bob", "ann", "dan"]
    assert users[3] != PEOPLE[2][0] and users[3].endswith(PEOPLE[2][0])  # neutralised
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert not (isinstance(cell.value, str) and cell.value.startswith("="))
    assert [row[1].value for row in units.iter_rows(min_row=2)] == [
        "市总工会", "区工会", "市总工会/办公室"]


def test_export_campaign_writes_xlsx_only(played, tmp_path, capsys):
    assert main(["export", "--campaign", "policy-2025", "-o", str(tmp_path / "b.csv")]) == 2
    assert "XLSX" in capsys.readouterr().err
