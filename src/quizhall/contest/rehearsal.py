"""Run a contest from a script of host commands: how hosts dry-run and tests drive rules.

One command per line (``next``, ``buzz 2``, ``wager 红队 20`` …), ``#`` starts a comment,
``wait SECONDS`` advances the (manual) clock and fires due timers. A refused or unreadable
line is recorded with its line number and reason, and the script goes on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from quizhall.bank.model import plain_value
from quizhall.contest.clock import ManualClock
from quizhall.contest.commands import CommandError
from quizhall.contest.engine import Contest, Outcome
from quizhall.i18n import t


@dataclass(slots=True)
class Refusal:
    """A script line that did nothing, and why."""

    line: int
    command: str
    reason: str


@dataclass(slots=True)
class Rehearsal:
    """A contest driven by script lines on a manual clock."""

    contest: Contest
    clock: ManualClock
    refused: list[Refusal] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def run_line(self, number: int, line: str) -> Outcome | None:
        """Run one script line; returns the outcome (None for blank lines and waits)."""
        text = line.split("#", 1)[0].strip()
        if not text:
            return None
        words = text.split()
        if words[0].lower() == "wait":
            seconds = _seconds(words[1:])
            if seconds is None:
                self.refused.append(Refusal(number, text, t("rehearse.bad_wait", limit=MAX_WAIT)))
                return None
            self.clock.advance(seconds)
            self.warnings.extend(self.contest.tick().warnings)
            return None
        try:
            command = self.contest.parse(text)
        except CommandError as error:
            self.refused.append(Refusal(number, text, str(error)))
            return None
        outcome = self.contest.execute(command)
        self.warnings.extend(outcome.warnings)
        if not outcome.accepted:
            self.refused.append(Refusal(number, text, outcome.reason or ""))
        return outcome

    def run(self, lines: Iterable[str], first: int = 1) -> None:
        """Run script lines, numbered from ``first``."""
        for number, line in enumerate(lines, start=first):
            self.run_line(number, line)

    def result(self) -> dict[str, Any]:
        """The final state as ``rehearse --json`` prints it."""
        return summary(self.contest, self.refused)


# The longest single wait: a day. Far longer ones would make the clock's float lose the
# fractions of a second timers are measured in.
MAX_WAIT = 86_400


def _seconds(words: list[str]) -> float | None:
    if len(words) != 1:
        return None
    try:
        value = float(words[0])
    except ValueError:
        return None
    return value if 0 <= value <= MAX_WAIT else None


def summary(contest: Contest, refused: Iterable[Refusal] = ()) -> dict[str, Any]:
    """``{"teams": [{"name", "score", "rank"}], "round", "question", "events", "refused"}``.

    ``round`` and ``question`` are 1-based (None before the first round / question).
    """
    view = contest.view()
    return {
        "teams": [{"name": team.name, "score": plain_value(team.score), "rank": team.rank}
                  for team in view.teams],
        "round": None if view.round is None else view.round + 1,
        "question": view.question,
        "events": view.events,
        "refused": [{"line": r.line, "reason": r.reason} for r in refused],
    }
