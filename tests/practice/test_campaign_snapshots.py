"""Snapshots of the practice app with a campaign: the start screen's campaign panel and the
leaderboard, at 80×24 (the panel condensed) and 160×45, in Chinese and English."""

import pytest
from campaign_files import JOINED, add_members, write_campaign
from practice_bank import START, make_bank

from quizhall import i18n
from quizhall.campaign.loader import load_campaign
from quizhall.practice import History, Library, ManualClock
from quizhall.store import open_store
from quizhall.store.campaigns import Contribution
from quizhall.tui.practice.app import CampaignSeat, PracticeApp

SIZES = {"80x24": (80, 24), "160x45": (160, 45)}
OFFICE = "市总工会/办公室"


@pytest.fixture(params=["zh-CN", "en"])
def lang(request):
    i18n.set_language(request.param)
    return request.param


@pytest.fixture(params=list(SIZES))
def size(request):
    return SIZES[request.param]


@pytest.fixture
def app(tmp_path, lang):
    """ann, 19th of 31, in the office; 30 other members over the three units."""
    campaign, problems = load_campaign(write_campaign(tmp_path / "files"))
    assert campaign is not None, problems
    with open_store(tmp_path / "data") as store:
        store.campaigns.save_campaign(campaign.id, campaign.to_json())
        add_members(store.campaigns, campaign.id, 30)
        store.campaigns.join(campaign.id, "ann", OFFICE, JOINED)
        store.campaigns.add(campaign.id, "ann", Contribution(JOINED, answers=3, correct=2,
                                                             points=2.5))
        store.campaigns.add(campaign.id, "ann", Contribution(JOINED, passed="law/L1"))
        yield PracticeApp(Library([make_bank()]), History(store.trainee_db("ann")), "ann",
                          clock=ManualClock(START), seed=1,
                          campaign=CampaignSeat(campaign, store.campaigns, OFFICE))


def test_start_screen_with_a_campaign(snap_compare, app, lang, size):
    assert snap_compare(app, terminal_size=size)


def test_leaderboard_by_person(snap_compare, app, lang, size):
    assert snap_compare(app, press=["l"], terminal_size=size)


def test_leaderboard_by_unit(snap_compare, app, size):
    assert snap_compare(app, press=["l", "2"], terminal_size=size)
