"""How progress counts in a campaign: running totals as trainees practise, equal to a recount."""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

import pytest
from campaign_files import write_campaign
from practice_answers import right, submit
from practice_bank import START

from quizhall.campaign.loader import load_campaign
from quizhall.campaign.model import Campaign
from quizhall.campaign.scoring import enrol, recount, status
from quizhall.practice import (
    ExamSession,
    History,
    LevelSession,
    Library,
    ManualClock,
    Order,
    PracticeSession,
    Trainee,
)
from quizhall.practice.papers import load_paper
from quizhall.store import Store, open_store

# The campaign runs through March 2025 (UTC); START is 2025-03-03 09:00.


@pytest.fixture
def campaign(tmp_path: Path) -> Campaign:
    found, problems = load_campaign(write_campaign(tmp_path / "files"))
    assert found is not None, problems
    return found


@pytest.fixture
def store(tmp_path: Path, campaign: Campaign):
    with open_store(tmp_path / "data") as opened:
        opened.campaigns.save_campaign(campaign.id, campaign.to_json())
        yield opened


def _trainee(store: Store, user: str, library: Library, clock: ManualClock) -> Trainee:
    return Trainee(History(store.trainee_db(user)), user, library, clock)


def _practise(trainee: Trainee, pattern: list[bool]) -> None:
    session = PracticeSession(trainee, trainee.library.refs, Order.SEQUENTIAL,
                              random.Random(1))
    session.start()
    for ok in pattern:
        submit(session, ok)
        session.advance()


def _pass_level(trainee: Trainee, level_id: str) -> None:
    bank = trainee.library.banks[0]
    level = next(lv for lv in bank.levels if lv.id == level_id)
    session = LevelSession(trainee, bank, level, random.Random(1))
    shown = session.start()
    while shown is not None and not session.finished:
        if shown.question.type.value == "short":
            session.submit("答", judged=True)
        else:
            session.submit(right(shown))
        shown = session.advance()
    assert session.result().passed


def test_answers_in_the_campaigns_levels_count_and_others_do_not(store, campaign, library):
    clock = ManualClock(START)
    ann = _trainee(store, "ann", library, clock)
    enrol(campaign, store.campaigns, ann, "市总工会/办公室")
    _practise(ann, [True] * len(library.refs))
    counted = [r for r in ann.history.answers("ann") if r.extra.get("counted_by")]
    # L1 holds the contract questions, L2 the wage ones; L3 (safety) is not the campaign's.
    assert {r.question for r in counted} == {"s1", "s2", "s3", "s4", "m1", "m2", "j1", "j2",
                                             "n1", "h1"}
    member = store.campaigns.member(campaign.id, "ann")
    assert member is not None and member.answers == len(counted) == member.correct


def test_running_totals_equal_a_recount_from_the_answers(store, campaign, library, tmp_path):
    clock = ManualClock(START)
    for index, (user, unit) in enumerate([("ann", "市总工会/办公室"), ("bob", "市总工会"),
                                          ("cat", "区工会")]):
        trainee = _trainee(store, user, library, clock)
        enrol(campaign, store.campaigns, trainee, unit)
        _practise(trainee, [True, False, True, index == 0, False, True][: 3 + index])
        if user != "cat":
            _pass_level(trainee, "L1")
        clock.advance(60)
    paper, _ = load_paper(tmp_path / "files" / "paper.yaml")
    assert paper is not None
    refs, _ = paper.questions_in(library)
    bob = _trainee(store, "bob", library, clock)
    enrol(campaign, store.campaigns, bob, "ignored: bob joined already")
    exam = ExamSession.new(bob, refs, paper.spec(), random.Random(2), paper=paper.id)
    shown = exam.start()
    while shown is not None:
        exam.submit(right(shown))
        shown = exam.advance()
    exam.hand_in()
    running = {m.user: m.to_json() for m in store.campaigns.members(campaign.id)}
    counted = recount(campaign, store.campaigns, lambda u: History(store.read_trainee_db(u)))
    assert {m.user: m.to_json() for m in counted} == running
    assert running["bob"]["unit"] == "市总工会"
    assert running["bob"]["passes"] == ["law/L1", "paper:union"]
    units_before = {u.unit: u.to_json() for u in store.campaigns.units(campaign.id)}
    store.campaigns.reset_totals(campaign.id, counted)
    assert {u.unit: u.to_json() for u in store.campaigns.units(campaign.id)} == units_before
    assert units_before["市总工会"]["members"] == 2
    assert units_before["市总工会"]["passes"] == {"law/L1": 2, "paper:union": 1}


def test_a_closed_campaign_stops_counting(store, campaign, library):
    clock = ManualClock(START)
    ann = _trainee(store, "ann", library, clock)
    enrol(campaign, store.campaigns, ann, "区工会")
    _practise(ann, [True, True])
    clock.now = campaign.closes  # the close is exclusive
    _practise(ann, [True, True, True])
    _pass_level(ann, "L1")
    member = store.campaigns.member(campaign.id, "ann")
    assert member is not None and (member.answers, member.passes) == (2, ())
    assert len(ann.history.answers("ann")) == 2 + 3 + 6  # their own history keeps them all
    assert status(campaign, store.campaigns, clock()).phase == "closed"


def test_joining_after_the_close_counts_nothing(store, campaign, library):
    clock = ManualClock(campaign.closes + timedelta(days=1))
    ann = _trainee(store, "ann", library, clock)
    assert enrol(campaign, store.campaigns, ann, "区工会") is None
    _practise(ann, [True])
    assert store.campaigns.member(campaign.id, "ann") is None


def test_a_claimed_answer_counts_as_first_judged(store, campaign, library):
    clock = ManualClock(START)
    ann = _trainee(store, "ann", library, clock)
    enrol(campaign, store.campaigns, ann, "区工会")
    session = PracticeSession(ann, [library.get("law/s1")], Order.SEQUENTIAL, random.Random(1))
    session.start()
    outcome = submit(session, False)
    ann.claim_right(outcome, session.id)
    member = store.campaigns.member(campaign.id, "ann")
    assert member is not None and (member.answers, member.correct) == (1, 0)
    counted = recount(campaign, store.campaigns, lambda u: History(store.read_trainee_db(u)))
    assert counted[0].to_json() == member.to_json()


def test_status_counts_members_answers_and_passes_per_level(store, campaign, library):
    clock = ManualClock(START)
    ann = _trainee(store, "ann", library, clock)
    enrol(campaign, store.campaigns, ann, "市总工会/办公室")
    _pass_level(ann, "L1")
    _pass_level(ann, "L2")
    found = status(campaign, store.campaigns, clock())
    assert (found.phase, found.members, found.completed) == ("open", 1, 1)
    assert found.passes == {"law/L1": 1, "law/L2": 1}
    assert found.answers == len(ann.history.answers("ann"))
