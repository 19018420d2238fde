"""A campaign on PostgreSQL: a counted pass and the running totals it adds to commit in one
transaction. (Two served rooms and a hall feeding one leaderboard, issue 17's "done when", is
tests/test_campaign_rooms.py: real ``quizhall serve`` processes and browsers.)"""

from __future__ import annotations

from campaign_files import write_campaign

from quizhall.campaign.model import Campaign
from quizhall.cli import main
from quizhall.practice import History
from quizhall.store import open_store


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
