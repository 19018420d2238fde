"""What a recorded event did, as one sentence a person reads.

The one wording of the contest log: the results report's audit trail, ``results --ledger``
and the host console (naming the action an undo or a redo would take back) all use it. Each
sentence is written in the event type's definition (:mod:`quizhall.contest.events`); this
module asks it. It needs only the plan the event belongs to.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from quizhall.contest.events import definition
from quizhall.contest.folds import LedgerEntry
from quizhall.contest.names import member_name, team_name, who
from quizhall.contest.plan import Plan


def describe_event(plan: Plan, event: Mapping[str, Any]) -> str:
    """What ``event`` did (``红队（红一）：答对 +10``); an unknown type reads as its name."""
    kind = str(event.get("type", ""))
    found = definition(kind)
    return kind if found is None else found.describe(plan, event)


def describe_reason(entry: LedgerEntry) -> str:
    """Why a ledger entry changed the score, as its event type's definition reads it."""
    found = definition(entry.event)
    return entry.reason if found is None else found.reason(entry.reason)


__all__ = ["describe_event", "describe_reason", "member_name", "team_name", "who"]
