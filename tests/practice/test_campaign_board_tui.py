"""The practice app with a campaign: the start screen's panel shows the trainee's standing
from the running totals, and ``l`` opens the leaderboard (top 20, the trainee's row marked,
units), where names and units show literally."""

from __future__ import annotations

import pytest
from campaign_files import CAMPAIGN, JOINED, add_members, write_campaign
from practice_bank import START
from textual.widgets import DataTable, TabbedContent
from tui_helpers import make_app, screen_text

from quizhall.campaign.loader import load_campaign
from quizhall.practice import History, Library, ManualClock
from quizhall.store import open_store
from quizhall.store.campaigns import Contribution
from quizhall.tui.practice.app import CampaignSeat, PracticeApp
from quizhall.tui.practice.campaign_panel import CampaignPanel
from quizhall.tui.practice.leaderboard import LeaderboardScreen
from quizhall.tui.practice.start import StartScreen

SIZE = (100, 40)
OFFICE = "市总工会/办公室"


def _campaign(tmp_path, text=CAMPAIGN):
    found, problems = load_campaign(write_campaign(tmp_path / "files", text))
    assert found is not None, problems
    return found


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "data") as opened:
        yield opened


def _app(store, campaign, bank, user="ann"):
    store.campaigns.save_campaign(campaign.id, campaign.to_json())
    return PracticeApp(Library([bank]), History(store.trainee_db(user)), user,
                       clock=ManualClock(START), seed=1,
                       campaign=CampaignSeat(campaign, store.campaigns, OFFICE))


def _cells(table: DataTable, row: int) -> list[str]:
    return [cell.plain for cell in table.get_row_at(row)]


async def test_the_panel_shows_progress_answers_and_both_ranks(tmp_path, store, bank):
    campaign = _campaign(tmp_path)
    app = _app(store, campaign, bank)
    add_members(store.campaigns, campaign.id, 30)
    # ann: one level of the two the pass rules ask for, 3 answers (2 right), 2.5 points
    store.campaigns.join(campaign.id, "ann", OFFICE, JOINED)
    store.campaigns.add(campaign.id, "ann", Contribution(JOINED, answers=3, correct=2,
                                                         points=2.5))
    store.campaigns.add(campaign.id, "ann", Contribution(JOINED, passed="law/L1"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        app.screen.refresh_modes()
        await pilot.pause()
        text = screen_text(app)
    # 10 members passed two levels; 8 passed one with more than 2.5 points
    assert "you: 19 of 31" in text
    # 区工会 (20 passes), then 市总工会 (11, the office's and its own members' points)
    assert f"{OFFICE}: 3 of 3 units" in text
    assert "levels 1/2 · not completed" in text
    assert "papers" not in text  # the pass rules ask for no paper
    assert "3 answers · 2 right · 67% · score 2.5" in text
    assert "open · closes 2025-04-01 00:00 · 29 days left" in text
    assert "Campaign: 2025 年劳动法闯关" in text


async def test_passing_the_levels_the_rules_ask_for_shows_completed(tmp_path, store, bank):
    campaign = _campaign(tmp_path)
    app = _app(store, campaign, bank)
    store.campaigns.join(campaign.id, "ann", OFFICE, JOINED)
    for level in ("law/L1", "law/L2"):
        store.campaigns.add(campaign.id, "ann", Contribution(JOINED, passed=level))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.refresh_modes()
        await pilot.pause()
        text = screen_text(app)
    assert "levels 2/2 · completed ✓" in text and "you: 1 of 1" in text


async def test_the_leaderboard_key_shows_the_top_20_and_the_trainee_below(tmp_path, store,
                                                                         bank):
    campaign = _campaign(tmp_path)
    app = _app(store, campaign, bank)
    add_members(store.campaigns, campaign.id, 30)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LeaderboardScreen)
        people = app.screen.query_one("#board-people-table", DataTable)
        assert people.row_count == 22  # the top 20, a gap, ann
        assert _cells(people, 0) == ["1", "员工29", "区工会", "2", "14.5"]
        assert _cells(people, 19)[:2] == ["20", "员工01"]  # the last with one pass
        assert _cells(people, 20) == ["⋮", "", "", "", ""]
        assert _cells(people, 21) == ["▶ 31", "ann", OFFICE, "0", "0"]
        assert people.cursor_row == 21
        await pilot.press("2")
        await pilot.pause()
        assert app.screen.query_one(TabbedContent).active == "board-units"
        units = app.screen.query_one("#board-units-table", DataTable)
        assert [_cells(units, row) for row in range(units.row_count)] == [
            ["1", "区工会", "10", "20", "77.5", "155"],  # ranked by passes, then points
            ["2", "市总工会", "21", "10", "155", "310"],
            ["▶ 3", OFFICE, "11", "10", "72.5", "145"]]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)


async def test_the_trainee_in_the_top_20_is_marked_in_place(tmp_path, store, bank):
    campaign = _campaign(tmp_path)
    app = _app(store, campaign, bank)
    add_members(store.campaigns, campaign.id, 5)
    store.campaigns.join(campaign.id, "ann", OFFICE, JOINED)
    store.campaigns.add(campaign.id, "ann", Contribution(JOINED, passed="law/L1"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        people = app.screen.query_one("#board-people-table", DataTable)
        assert people.row_count == 6
        assert [_cells(people, row)[:2] for row in range(6)] == [
            ["1", "员工05"], ["2", "员工02"], ["3", "员工04"], ["4", "员工01"],
            ["▶ 5", "ann"], ["6", "员工03"]]
        assert people.cursor_row == 4


async def test_names_units_and_the_title_show_literally(tmp_path, store, bank):
    text = CAMPAIGN.replace("title: 2025 年劳动法闯关", 'title: "[b]闯关[/b]"').replace(
        "units: [市总工会, 市总工会/办公室, 区工会]",
        'units: [市总工会, 市总工会/办公室, 区工会, "[red]红[/red]"]')
    campaign = _campaign(tmp_path, text)
    app = _app(store, campaign, bank)
    add_members(store.campaigns, campaign.id, 2, names=["[b]王五[/b]", "\x1b[31m赵六"])
    store.campaigns.join(campaign.id, "钱七", "[red]红[/red]", JOINED)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Campaign: [b]闯关[/b]" in screen_text(app)
        await pilot.press("l")
        await pilot.pause()
        shown = screen_text(app)
        assert "Leaderboard · [b]闯关[/b]" in shown
        assert "[b]王五[/b]" in shown and "␛[31m赵六" in shown and "[red]红[/red]" in shown
        await pilot.press("2")
        await pilot.pause()
        assert "[red]红[/red]" in screen_text(app)


async def test_without_a_campaign_there_is_no_panel_and_no_leaderboard_key(db):
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.screen.query(CampaignPanel)
        assert "Leaderboard" not in screen_text(app)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)


async def test_the_panel_is_read_again_when_the_start_screen_comes_back(tmp_path, store, bank):
    app = _app(store, _campaign(tmp_path), bank)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "0 answers · 0 right · 0% · score 0" in screen_text(app)
        await pilot.press("1")  # practice, in order from s1 (level L1)
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("a", "enter")
        await pilot.pause()
        while not isinstance(app.screen, StartScreen):
            await pilot.press("escape")
            await pilot.pause()
        text = screen_text(app)
    member = store.campaigns.member("policy-2025", "ann")
    assert member is not None and member.answers == 1
    assert f"1 answer · {member.correct} right · {member.correct * 100}%" in text
