"""A campaign on PostgreSQL: two training rooms and a hall, all on one database, feed one
leaderboard, shown by ``campaign leaderboard`` and exported to XLSX (issue 17, "done when")."""

from __future__ import annotations

import json
import random

from campaign_files import write_campaign
from openpyxl import load_workbook
from practice_answers import submit
from practice_bank import START

from quizhall.campaign.model import Campaign
from quizhall.campaign.scoring import enrol
from quizhall.cli import main
from quizhall.practice import History, Library, ManualClock, Order, PracticeSession, Trainee
from quizhall.store import open_store

ROOM_ONE = [("ann", "市总工会/办公室", 4), ("bob", "市总工会", 6)]
ROOM_TWO = [("cat", "区工会", 2), ("dan", "区工会", 4)]


def practise(store, campaign, bank, user, unit, right):
    trainee = Trainee(History(store.trainee_db(user)), user, Library([bank]),
                      ManualClock(START))
    enrol(campaign, store.campaigns, trainee, unit)
    session = PracticeSession(trainee, trainee.library.refs[:right], Order.SEQUENTIAL,
                              random.Random(1))
    session.start()
    for _ in range(right):
        submit(session, True)
        session.advance()


def test_two_rooms_and_a_hall_feed_one_leaderboard(tmp_path, capsys, bank, postgres_url,
                                                    monkeypatch):
    monkeypatch.setenv("QUIZHALL_STORE", postgres_url)
    assert main(["campaign", "create", str(write_campaign(tmp_path / "files"))]) == 0
    capsys.readouterr()
    room_one, room_two = open_store(), open_store()  # two machines' processes, both open
    campaign = Campaign.from_json(room_one.campaigns.campaign("policy-2025"))
    for (one, two) in zip(ROOM_ONE, ROOM_TWO, strict=True):
        practise(room_one, campaign, bank, *one)
        practise(room_two, campaign, bank, *two)
    room_one.close()
    room_two.close()
    with open_store() as hall:  # the hall's contest reports in on the same database
        contest_id = hall.create_contest("决赛", {"teams": [{"name": "红队"}]})
        with hall.open_log(contest_id) as log:
            log.append({"type": "note", "text": "hall"})

    assert main(["campaign", "leaderboard", "policy-2025", "--json", "--user", "dan"]) == 0
    board = json.loads(capsys.readouterr().out)
    assert [(p["rank"], p["user"]) for p in board["people"]] == [
        (1, "bob"), (2, "ann"), (2, "dan"), (4, "cat")]
    assert [(u["unit"], u["members"]) for u in board["units"]] == [
        ("市总工会", 2), ("区工会", 2), ("市总工会/办公室", 1)]
    assert board["user"] == {"user": "dan", "rank": 2}
    assert main(["campaign", "recount", "policy-2025"]) == 0  # running totals = the answers
    assert "recounted 4 members from their answers; 0 changed" in capsys.readouterr().out
    out = tmp_path / "board.xlsx"
    assert main(["export", "--campaign", "policy-2025", "-o", str(out)]) == 0
    capsys.readouterr()
    people = load_workbook(out).worksheets[0]
    assert [row[1].value for row in people.iter_rows(min_row=2)] == ["bob", "ann", "dan", "cat"]
    assert main(["contests", "--json"]) == 0
    assert [c["id"] for c in json.loads(capsys.readouterr().out)] == [contest_id]


def test_a_pass_and_the_totals_it_counts_toward_commit_together(tmp_path, capsys, bank,
                                                                 postgres_url, monkeypatch):
    from quizhall.campaign.scoring import CampaignProgress

    monkeypatch.setenv("QUIZHALL_STORE", postgres_url)
    assert main(["campaign", "create", str(write_campaign(tmp_path / "files"))]) == 0
    capsys.readouterr()
    store = open_store()
    campaign = Campaign.from_json(store.campaigns.campaign("policy-2025"))
    history = History(store.trainee_db("ann"))
    store.campaigns.join(campaign.id, "ann", "区工会", "2025-03-02T00:00:00+00:00")
    progress = CampaignProgress(campaign, store.campaigns, history, "ann")
    at = campaign.opens.replace(day=3)

    def dies(*args):
        raise RuntimeError("the app died between the pass and its totals")

    monkeypatch.setattr(store.campaigns, "add", dies)
    try:
        progress.passed("law/L1", 3, at)
    except RuntimeError:
        pass
    with open_store() as other:  # neither the pass nor its count was committed
        assert History(other.read_trainee_db("ann")).noted_passes("ann", campaign.id) == []
        assert other.campaigns.member(campaign.id, "ann").passes == ()
    monkeypatch.undo()
    monkeypatch.setenv("QUIZHALL_STORE", postgres_url)
    progress.passed("law/L1", 3, at)
    with open_store() as other:
        assert [p["item"] for p in History(other.read_trainee_db("ann")).noted_passes(
            "ann", campaign.id)] == ["law/L1"]
        assert other.campaigns.member(campaign.id, "ann").passes == ("law/L1",)
    store.close()
