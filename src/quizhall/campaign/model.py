"""A campaign (政策闯关活动): banks, levels and papers, when it is open, units, pass rules.

A campaign is stored as plain JSON (:meth:`Campaign.to_json`) in the campaign store; the
loader (:mod:`quizhall.campaign.loader`) builds one from a campaign file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

Phase = Literal["upcoming", "open", "closed"]
PAPER_PREFIX = "paper:"


@dataclass(frozen=True, slots=True)
class Source:
    """A bank or paper the campaign uses: its id and the file it is read from (absolute)."""

    id: str
    path: str


@dataclass(frozen=True, slots=True)
class PassRules:
    """What a member must do to complete the campaign (通关). ``levels``/``papers``: how many
    of the campaign's levels/papers to pass (None: all of them); ``stars``: the stars a level
    run needs to count as a pass here."""

    levels: int | None = None
    papers: int | None = None
    stars: int = 1


@dataclass(frozen=True, slots=True)
class Progress:
    """A member's way toward completing a campaign: levels and papers passed, and how many
    of each the pass rules ask for."""

    levels: int
    levels_needed: int
    papers: int
    papers_needed: int

    @property
    def completed(self) -> bool:
        return self.levels >= self.levels_needed and self.papers >= self.papers_needed


@dataclass(frozen=True, slots=True)
class Campaign:
    """One campaign. ``levels`` are ``bank/level`` keys; no levels means every level of the
    banks. ``opens`` is inclusive, ``closes`` exclusive."""

    id: str
    title: str
    opens: datetime
    closes: datetime
    banks: tuple[Source, ...]
    levels: tuple[str, ...] = ()
    papers: tuple[Source, ...] = ()
    units: tuple[str, ...] = ()
    rules: PassRules = PassRules()
    level_names: tuple[tuple[str, str], ...] = ()  # (key, title) of every counted level

    def phase(self, at: datetime) -> Phase:
        """Whether the campaign has not opened yet, is open, or has closed at ``at``."""
        if at < self.opens:
            return "upcoming"
        return "open" if at < self.closes else "closed"

    def is_open(self, at: datetime) -> bool:
        return self.phase(at) == "open"

    def has_unit(self, unit: str) -> bool:
        """Whether members may join ``unit`` (one the campaign lists)."""
        return unit in self.units

    @property
    def bank_ids(self) -> frozenset[str]:
        return frozenset(bank.id for bank in self.banks)

    @property
    def level_keys(self) -> tuple[str, ...]:
        """Every level that counts: those listed, else every level of the banks."""
        return self.levels or tuple(key for key, _ in self.level_names)

    def counts_question(self, bank: str, levels: tuple[str, ...]) -> bool:
        """Whether an answer to a question of ``bank`` held by ``levels`` counts: the bank is
        the campaign's and, when the campaign names levels of that bank, one holds it."""
        if bank not in self.bank_ids:
            return False
        named = [key for key in self.levels if key.split("/", 1)[0] == bank]
        return not named or any(key in named for key in levels)

    def counts_level(self, key: str, stars: int) -> bool:
        """Whether a run of level ``key`` with ``stars`` is a pass in this campaign."""
        return key in self.level_keys and stars >= max(1, self.rules.stars)

    def counts_paper(self, paper_id: str) -> bool:
        return any(paper.id == paper_id for paper in self.papers)

    def items(self) -> list[tuple[str, str]]:
        """Every item a member can pass, as (key, title): levels, then ``paper:<id>``."""
        titles = dict(self.level_names)
        return ([(key, titles.get(key, key)) for key in self.level_keys]
                + [(PAPER_PREFIX + paper.id, paper.id) for paper in self.papers])

    def progress(self, passes: tuple[str, ...]) -> Progress:
        """How far a member with these passes is toward completing the campaign."""
        return Progress(
            levels=sum(1 for item in passes if item in self.level_keys),
            levels_needed=(len(self.level_keys) if self.rules.levels is None
                           else self.rules.levels),
            papers=sum(1 for item in passes if item.startswith(PAPER_PREFIX)),
            papers_needed=len(self.papers) if self.rules.papers is None else self.rules.papers)

    def completed(self, passes: tuple[str, ...]) -> bool:
        """Whether a member with these passes completed the campaign (通关)."""
        return self.progress(passes).completed

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "opens": self.opens.isoformat(),
            "closes": self.closes.isoformat(),
            "banks": [[bank.id, bank.path] for bank in self.banks],
            "levels": list(self.levels), "papers": [[p.id, p.path] for p in self.papers],
            "units": list(self.units),
            "pass": {"levels": self.rules.levels, "papers": self.rules.papers,
                     "stars": self.rules.stars},
            "level_names": [list(pair) for pair in self.level_names]}

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> Campaign:
        rules = doc["pass"]
        return cls(
            id=doc["id"], title=doc["title"], opens=datetime.fromisoformat(doc["opens"]),
            closes=datetime.fromisoformat(doc["closes"]),
            banks=tuple(Source(i, p) for i, p in doc["banks"]),
            levels=tuple(doc["levels"]), papers=tuple(Source(i, p) for i, p in doc["papers"]),
            units=tuple(doc["units"]),
            rules=PassRules(rules["levels"], rules["papers"], int(rules["stars"])),
            level_names=tuple((k, v) for k, v in doc["level_names"]))
