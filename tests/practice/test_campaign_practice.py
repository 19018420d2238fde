"""Trainees join a campaign from the practice app (``practice --campaign``) and on the sign-in
of a served room (``serve --campaign``); what they answer then counts toward it."""

from __future__ import annotations

from pathlib import Path

import pytest
from campaign_files import write_campaign
from practice_bank import START
from textual.widgets import Select
from tui_helpers import screen_text

from quizhall.campaign.loader import load_campaign
from quizhall.cli import main
from quizhall.practice import History, Library, ManualClock
from quizhall.store import open_store
from quizhall.tui.practice.app import CampaignSeat, PracticeApp, PracticeSettings, Room
from quizhall.tui.practice.signin import SignInScreen
from quizhall.tui.practice.start import StartScreen
from quizhall.web.serve import practice_command

SIZE = (100, 40)


@pytest.fixture
def campaign(tmp_path):
    found, problems = load_campaign(write_campaign(tmp_path / "files"))
    assert found is not None, problems
    return found


async def _answer_first_question(pilot):
    await pilot.press("1")  # practice
    await pilot.pause()
    await pilot.press("s")  # start: sequential, the first question is s1 (level L1)
    await pilot.pause()
    await pilot.press("a", "enter")
    await pilot.pause()


async def test_practice_with_a_campaign_joins_and_counts_the_answers(tmp_path, campaign, bank):
    with open_store(tmp_path / "data") as store:
        store.campaigns.save_campaign(campaign.id, campaign.to_json())
        seat = CampaignSeat(campaign, store.campaigns, "市总工会/办公室")
        app = PracticeApp(Library([bank]), History(store.trainee_db("ann")), "ann",
                          clock=ManualClock(START), seed=1, settings=PracticeSettings(),
                          campaign=seat)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, StartScreen)
            await _answer_first_question(pilot)
        member = store.campaigns.member(campaign.id, "ann")
        assert member is not None and member.unit == "市总工会/办公室"
        [record] = History(store.read_trainee_db("ann")).answers("ann")
        assert (member.answers, member.correct) == (1, int(record.correct))
        assert store.campaigns.rank(campaign.id, "ann") == 1


async def test_practice_before_a_campaign_opens_is_not_counted(tmp_path, campaign, bank):
    with open_store(tmp_path / "data") as store:
        store.campaigns.save_campaign(campaign.id, campaign.to_json())
        seat = CampaignSeat(campaign, store.campaigns, "区工会")
        early = ManualClock(campaign.opens.replace(day=1, month=1))
        app = PracticeApp(Library([bank]), History(store.trainee_db("ann")), "ann",
                          clock=early, seed=1, campaign=seat)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await _answer_first_question(pilot)
        member = store.campaigns.member(campaign.id, "ann")
        assert member is not None and member.answers == 0
        assert any("not open yet" in notice for notice in app.notices)


async def test_signing_in_to_a_campaign_room_asks_for_the_unit(tmp_path, campaign, bank):
    with open_store(tmp_path / "data") as store:
        store.campaigns.save_campaign(campaign.id, campaign.to_json())
        room = Room(lambda name: History(store.trainee_db(name)))
        app = PracticeApp(Library([bank]), None, "", clock=ManualClock(START), seed=1,
                          room=room, campaign=CampaignSeat(campaign, store.campaigns))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, SignInScreen)
            app.screen.query_one("#sign-in-name").value = "E1024"
            await pilot.press("enter")  # the unit is still to choose: it gets the focus
            await pilot.pause()
            assert app.focused is app.screen.query_one("#sign-in-unit", Select)
            await pilot.click("#sign-in-go")
            await pilot.pause()
            assert isinstance(app.screen, SignInScreen)
            assert "choose your unit" in screen_text(app)
            app.screen.query_one("#sign-in-unit", Select).value = "区工会"
            await pilot.pause()
            app.screen.query_one("#sign-in-name").focus()
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, StartScreen), screen_text(app)
            await _answer_first_question(pilot)
        member = store.campaigns.member(campaign.id, "E1024")
        assert member is not None and (member.unit, member.answers) == ("区工会", 1)


def test_the_served_command_passes_the_campaign_on(tmp_path):
    command = practice_command([tmp_path / "law.yaml"], tmp_path, "en", "policy-2025")
    assert command.endswith("--sign-in --campaign policy-2025")


def test_practice_refuses_a_unit_the_campaign_does_not_have(tmp_path, campaign, capsys):
    path = write_campaign(tmp_path / "files")
    assert main(["campaign", "create", str(path)]) == 0
    capsys.readouterr()
    assert main(["practice", "--campaign", "policy-2025", "--unit", "nowhere",
                 "--user", "ann"]) == 2
    err = capsys.readouterr().err
    assert "nowhere is not a unit of campaign policy-2025" in err and "区工会" in err


def test_practice_names_a_campaign_that_is_not_stored(capsys):
    assert main(["practice", "--campaign", "nope", "--unit", "x"]) == 1
    assert "there is no campaign nope" in capsys.readouterr().err


def test_served_campaign_must_exist(capsys):
    assert main(["serve", "--campaign", "nope"]) == 1
    assert "there is no campaign nope" in capsys.readouterr().err


def test_campaign_banks_are_used_when_none_are_given(tmp_path, monkeypatch):
    path = write_campaign(tmp_path / "files")
    assert main(["campaign", "create", str(path)]) == 0
    seen = {}

    def fake_run_app(args, user, library, chosen, spec, paper, campaign, unit):
        seen.update(banks=[b.info.id for b in library.banks], unit=unit, campaign=campaign.id)
        return 0

    monkeypatch.setattr("quizhall.commands.practice._run_app", fake_run_app)
    assert main(["practice", "--campaign", "policy-2025", "--unit", "区工会"]) == 0
    assert seen == {"banks": ["law"], "unit": "区工会", "campaign": "policy-2025"}
    assert Path(path).exists()
