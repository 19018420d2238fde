"""A contest's plan: teams, rounds with their settings and drawn questions, scoring bounds.

The plan is what ``contest_started`` records, as plain JSON data, so a log can be folded
without the contest file or its banks. :class:`Selection` is how a contest file asks for
questions; drawing turns selections into question keys (``bank-id/question-id``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

DEFAULT_BASE_SCORE = 100
# No score, nor any number that makes one (base score, points, values), may be larger in size:
# far above any real contest, and far below where floats stop counting points exactly.
MAX_SCORE = 1_000_000_000
DEFAULT_PRIZES = (1,)

# Host actions and their default keys (the host console's keys, so check sees every clash).
DEFAULT_KEYS: dict[str, str] = {
    "next": "space", "open": "o", "right": "y", "wrong": "n", "partial": "p", "pause": "t",
    "reveal": "r", "scoreboard": "s", "undo": "u", "redo": "U", "adjust": "a", "quit": "q",
    "pass": "x", "wager": "w", "assign": "g", "member": "m", "timeout": "ctrl+t",
    "end": "ctrl+e", "export": "e", "help": "?", "command": ":", "shout": "F",
    "pick": "B", "mark": "J",
    "teams": "i", "round_card": "c", "podium": "f",
    "audience": "C", "draw": "D", "audience_board": "L", "audience_join": "Q",
    "audience_answers": "A", "audience_winners": "W",
}


@dataclass(frozen=True, slots=True)
class Selection:
    """Which questions a round draws: filters (all given ones must match), how many, in what order.

    ``ids`` are question ids (``lc-001``, or ``bank-id/lc-001`` when ids repeat across banks);
    ``tags`` match a question carrying any of them; ``levels`` name bank levels;
    ``difficulty`` lists accepted difficulties; ``types`` lists question types. ``count``
    None takes every match. ``random`` shuffles with ``seed`` (a random seed, recorded in the
    plan, when None); otherwise bank order.
    """

    ids: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    difficulty: tuple[int, ...] = ()
    types: tuple[str, ...] = ()
    count: int | None = None
    random: bool = False
    seed: int | None = None


@dataclass(frozen=True, slots=True)
class TeamPlan:
    """A team: its name, members in seat order, buzzer key and optional colour."""

    name: str
    members: tuple[str, ...]
    key: str
    colour: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "members": list(self.members), "key": self.key,
                "colour": self.colour}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TeamPlan:
        return cls(data["name"], tuple(data["members"]), data["key"], data.get("colour"))


@dataclass(frozen=True, slots=True)
class RoundPlan:
    """A round: its type, title, validated settings and the question keys drawn for it.

    ``groups`` splits ``questions`` into consecutive runs (a gate round has one per gate);
    most rounds have a single group.
    """

    type: str
    title: str
    settings: Mapping[str, Any]
    questions: tuple[str, ...] = ()
    groups: tuple[int, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "title": self.title, "settings": dict(self.settings),
                "questions": list(self.questions), "groups": list(self.groups)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RoundPlan:
        return cls(data["type"], data["title"], dict(data.get("settings") or {}),
                   tuple(data.get("questions") or ()), tuple(data.get("groups") or ()))


@dataclass(frozen=True, slots=True)
class PluginUse:
    """A contest file's ``plugins:`` entry: the plugin it enables and that plugin's settings.

    ``name`` is the plugin's name as quizhall compares it (see
    :func:`quizhall.plugins.plugin_key`; a plugin file's stem). ``rounds`` limits the plugin
    to some rounds: 1-based round numbers and round type names; empty means every round.
    """

    name: str
    settings: Mapping[str, Any] = field(default_factory=dict)
    rounds: tuple[int | str, ...] = ()

    def applies(self, round_index: int, round_type: str | None) -> bool:
        """Whether the plugin takes part in the round with this 0-based index and type."""
        return not self.rounds or round_index + 1 in self.rounds or round_type in self.rounds

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "settings": dict(self.settings)}
        if self.rounds:
            data["rounds"] = list(self.rounds)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PluginUse:
        return cls(data["name"], dict(data.get("settings") or {}),
                   tuple(data.get("rounds") or ()))


@dataclass(frozen=True, slots=True)
class Plan:
    """Everything a contest needs to run, as recorded in its ``contest_started`` event."""

    title: str
    teams: tuple[TeamPlan, ...]
    rounds: tuple[RoundPlan, ...]
    base_score: float = DEFAULT_BASE_SCORE
    floor: float | None = None
    prizes: tuple[int, ...] = DEFAULT_PRIZES
    keys: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_KEYS))
    plugins: tuple[PluginUse, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The plan as JSON-ready data."""
        return {
            "title": self.title, "base_score": self.base_score, "floor": self.floor,
            "prizes": list(self.prizes), "keys": dict(self.keys),
            "teams": [team.to_dict() for team in self.teams],
            "rounds": [r.to_dict() for r in self.rounds],
            "plugins": [p.to_dict() for p in self.plugins],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Plan:
        """The plan recorded in a ``contest_started`` event."""
        return cls(
            title=data["title"],
            teams=tuple(TeamPlan.from_dict(t) for t in data["teams"]),
            rounds=tuple(RoundPlan.from_dict(r) for r in data["rounds"]),
            base_score=data.get("base_score", DEFAULT_BASE_SCORE),
            floor=data.get("floor"),
            prizes=tuple(data.get("prizes") or ()),
            keys=dict(data.get("keys") or DEFAULT_KEYS),
            plugins=tuple(PluginUse.from_dict(p) for p in data.get("plugins") or ()),
        )

    def plugin_settings(self) -> dict[str, dict[str, Any]]:
        """Settings given to plugins in the contest file, by plugin name."""
        return {p.name: dict(p.settings) for p in self.plugins}
