"""How a member's progress counts in a campaign: as it happens, and recounted from answers.

:class:`CampaignProgress` is the trainee's listener (see
:class:`~quizhall.practice.trainee.ProgressListener`): an answer counts when the campaign is
open at the answer's time (the injected clock's) and its question is in the campaign's scope;
a level or paper passed while open counts once. Each counted answer or pass is added to the
running totals in the same transaction as it is stored where the store has transactions
(PostgreSQL), right after it elsewhere. :func:`recount` rebuilds the same totals from the
members' stored answers and passes (a check, and a repair after a crash between the two).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from quizhall.campaign.model import PAPER_PREFIX, Campaign, Phase
from quizhall.i18n import t
from quizhall.practice.calendar_clock import parse_stamp, stamp
from quizhall.practice.history import AnswerRecord, History
from quizhall.practice.trainee import Trainee
from quizhall.store.campaigns import CampaignStore, Contribution, MemberTotals
from quizhall.store.errors import StoreError


def judged(record: AnswerRecord) -> tuple[bool, float]:
    """Whether the answer was right and its credit as first judged (a claim made afterwards
    by the trainee does not count in a campaign)."""
    first = record.extra.get("judged")
    if isinstance(first, dict):
        return bool(first.get("correct")), float(first.get("credit", 0.0))
    return record.correct, record.credit


def contribution_of(record: AnswerRecord) -> Contribution:
    correct, credit = judged(record)
    return Contribution(at=record.at, answers=1, correct=int(correct), points=credit)


class CampaignProgress:
    """Counts one trainee's answers and passes in one campaign."""

    def __init__(self, campaign: Campaign, store: CampaignStore, history: History,
                 user: str, on_problem: Callable[[str], None] | None = None) -> None:
        self.campaign = campaign
        self.store = store
        self.history = history
        self.user = user
        # A totals update that fails must not stop the trainee's practice: the answer is
        # stored (marked as counted), so ``campaign recount`` restores the count later.
        self.on_problem = on_problem or (lambda message: None)

    def _add(self, contribution: Contribution) -> None:
        try:
            self.store.add(self.campaign.id, self.user, contribution)
        except StoreError as error:
            self.on_problem(t("campaign.not_counted", error=error))

    @property
    def id(self) -> str:
        return self.campaign.id

    def counts(self, record: AnswerRecord) -> bool:
        return (self.campaign.is_open(parse_stamp(record.at))
                and self.campaign.counts_question(record.bank, record.levels))

    def answered(self, record: AnswerRecord) -> None:
        self._add(contribution_of(record))

    def passed(self, item: str, stars: int, at: datetime) -> None:
        if not self.campaign.is_open(at):
            return
        if item.startswith(PAPER_PREFIX):
            if not self.campaign.counts_paper(item[len(PAPER_PREFIX):]):
                return
        elif not self.campaign.counts_level(item, stars):
            return
        when = stamp(at)
        with self.history.together():  # PostgreSQL: the pass and its totals, one commit
            self.history.note_pass(self.user, self.campaign.id, item, stars, when)
            self._add(Contribution(at=when, passed=item))


def enrol(campaign: Campaign, store: CampaignStore, trainee: Trainee, unit: str,
          on_problem: Callable[[str], None] | None = None) -> MemberTotals | None:
    """Make the trainee a member in ``unit`` (their first unit stays if they joined before)
    and count their progress from now on; None, and nothing counted, once it has closed.
    ``on_problem`` hears of a totals update that failed (the practice goes on)."""
    now = trainee.clock()
    if campaign.phase(now) == "closed":
        return None
    member = store.join(campaign.id, trainee.user, unit, stamp(now))
    trainee.listeners.append(CampaignProgress(campaign, store, trainee.history, trainee.user,
                                              on_problem))
    return member


def recount(campaign: Campaign, store: CampaignStore,
            history_of: Callable[[str], History]) -> list[MemberTotals]:
    """Every member's totals as their stored answers and passes give them (reads every
    member's answers: the slow way the running totals avoid)."""
    members = []
    for member in store.members(campaign.id):
        history = history_of(member.user)
        answers = correct = 0
        points = 0.0
        updated = member.joined
        for record in history.answers(member.user):
            if campaign.id in record.extra.get("counted_by", ()):
                right, credit = judged(record)
                answers += 1
                correct += int(right)
                points += credit
                updated = max(updated, record.at)
        passes: list[str] = []
        for doc in history.noted_passes(member.user, campaign.id):
            if doc["item"] not in passes:
                passes.append(doc["item"])
            updated = max(updated, doc["at"])
        members.append(MemberTotals(member.user, member.unit, member.joined, answers, correct,
                                    points, tuple(passes), updated))
    return members


@dataclass(frozen=True, slots=True)
class Status:
    """A campaign at a glance, from the units' running totals (and, for ``completed``, the
    members' totals: never the answers)."""

    campaign: Campaign
    phase: Phase
    members: int
    answers: int
    correct: int
    completed: int
    passes: dict[str, int]  # members who passed each item

    def to_json(self) -> dict[str, Any]:
        return {"id": self.campaign.id, "title": self.campaign.title, "phase": self.phase,
                "opens": self.campaign.opens.isoformat(),
                "closes": self.campaign.closes.isoformat(), "members": self.members,
                "answers": self.answers, "correct": self.correct, "completed": self.completed,
                "passes": {key: self.passes.get(key, 0) for key, _ in self.campaign.items()}}


def status(campaign: Campaign, store: CampaignStore, at: datetime) -> Status:
    """The campaign's phase at ``at`` and its counts."""
    tops = [unit for unit in store.units(campaign.id) if "/" not in unit.unit]
    passes: dict[str, int] = {}
    for unit in tops:
        for item, count in unit.passes.items():
            passes[item] = passes.get(item, 0) + count
    completed = sum(1 for member in store.members(campaign.id)
                    if campaign.completed(member.passes))
    return Status(campaign, campaign.phase(at), sum(u.members for u in tops),
                  sum(u.answers for u in tops), sum(u.correct for u in tops), completed, passes)
