"""Host commands: the one vocabulary the TUI, rehearsals and tests use to drive a contest.

:class:`Command` is what :meth:`quizhall.contest.engine.Contest.execute` takes;
:func:`parse_command` reads the text form used by rehearsal scripts
(``buzz 2``, ``wager 红队 20``, ``adjust 3 -10 仲裁组裁定``). Teams are 1-based numbers or
names; in a :class:`Command` they are 0-based indices.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from quizhall.contest.plan import TeamPlan
from quizhall.i18n import t

# Every command and the arguments it takes (for help texts and the parser).
COMMAND_NAMES = ("next", "open", "buzz", "right", "wrong", "partial", "wager", "assign",
                 "timeout", "pass", "reveal", "pause", "resume", "adjust", "undo", "redo",
                 "end", "member", "shout", "pick", "mark", "project")
PASS_WORDS = frozenset({"pass", "弃选", "放弃"})
# How each command is written, for usage messages and the host console's hints.
USAGE = {name: name for name in COMMAND_NAMES} | {
    "buzz": "buzz TEAM", "assign": "assign TEAM", "shout": "shout TEAM",
    "partial": "partial POINTS",
    "wager": "wager TEAM VALUE|pass", "adjust": "adjust TEAM ±POINTS REASON",
    "member": "member SEAT|NAME", "pick": "pick TOPIC VALUE", "mark": "mark JUDGE SCORE",
    "project": "project scores|teams|round|podium|off"}


@dataclass(frozen=True, slots=True)
class Command:
    """One host command.

    ``team`` is a 0-based team index (buzz, wager, assign, adjust); ``points`` the partial
    points or the adjustment; ``value`` a wager (a number, or ``"pass"``); ``member`` the
    answering member for ``member`` (0-based seat, or a member's name); ``reason`` the
    adjustment's reason; ``args`` the words after a plugin command's name, or the topic of
    ``pick`` and the judge of ``mark`` (whose ``points`` are the cell's value and the score).
    ``project`` takes the projector page in ``value`` (``scores``, ``teams``, ``round``,
    ``podium``, ``off``).
    """

    name: str
    team: int | None = None
    points: float | None = None
    value: float | str | None = None
    member: int | str | None = None
    reason: str = ""
    args: tuple[str, ...] = ()


class CommandError(ValueError):
    """A command line that cannot be read; the message is translated."""


def resolve_team(word: str, teams: Sequence[TeamPlan]) -> int:
    """A team index from a 1-based number or a name (case-insensitive)."""
    if word.isdecimal():  # not isdigit: "²" is a digit that int() cannot read
        number = seat_number(word)
        if 1 <= number <= len(teams):
            return number - 1
        raise CommandError(t("contest.command.no_such_team_number", number=_shown(word),
                             count=len(teams)))
    folded = word.casefold()
    for index, team in enumerate(teams):
        if team.name.casefold() == folded:
            return index
    raise CommandError(t("contest.command.no_such_team", name=word))


# More digits than any team, member or seat number can have: such a word is no number of
# one (and Python refuses to convert more than 4,300 digits at all).
_MAX_DIGITS = 9


def seat_number(word: str) -> int:
    """The number a word of decimal digits gives; -1 when it is too long to number anything."""
    digits = word.lstrip("0") or "0"
    return int(digits) if len(digits) <= _MAX_DIGITS else -1


def _shown(word: str) -> str:
    return word if len(word) <= 2 * _MAX_DIGITS else word[:_MAX_DIGITS] + "…"


def _take_team(args: Sequence[str], teams: Sequence[TeamPlan],
               keep: int) -> tuple[int, list[str]]:
    """The team named by the first words of ``args`` (a name may hold spaces: ``Red Team``),
    leaving at least ``keep`` words, and the words after it."""
    for count in range(len(args) - keep, 1, -1):
        name = " ".join(args[:count]).casefold()
        if any(team.name.casefold() == name for team in teams):
            return resolve_team(" ".join(args[:count]), teams), list(args[count:])
    return resolve_team(args[0], teams), list(args[1:])


def _number(word: str, what: str) -> float:
    try:
        value = float(word)
    except ValueError:
        raise CommandError(t("contest.command.not_a_number", word=word, what=what)) from None
    if not math.isfinite(value):
        raise CommandError(t("contest.command.not_a_number", word=word, what=what))
    return value


def parse_command(line: str, teams: Sequence[TeamPlan],
                  plugin_commands: Collection[str] = ()) -> Command:
    """Read one command line (without comments). Raises :class:`CommandError`.

    ``plugin_commands`` names the commands plugins add to this contest; their arguments are
    kept as words for the plugin to read.
    """
    words = line.split()
    if not words:
        raise CommandError(t("contest.command.empty"))
    name, args = words[0].lower(), words[1:]
    if name in plugin_commands and name not in COMMAND_NAMES:
        return Command(name, args=tuple(args))
    if name not in COMMAND_NAMES:
        from quizhall.yamlsource import suggest

        hint = suggest(name, (*COMMAND_NAMES, *plugin_commands))
        message = t("contest.command.unknown", name=words[0])
        raise CommandError(f"{message} ({hint})" if hint else message)

    if name in ("buzz", "assign", "shout"):
        team, rest = _take_team(args, teams, 0) if args else (None, [])
        if team is None or rest:
            raise CommandError(t("contest.command.usage", usage=USAGE[name]))
        return Command(name, team=team)
    if name == "partial":
        if len(args) != 1:
            raise CommandError(t("contest.command.usage", usage=USAGE["partial"]))
        return Command(name, points=_number(args[0], "POINTS"))
    if name == "wager":
        team, rest = _take_team(args, teams, 1) if len(args) >= 2 else (None, [])
        if team is None or len(rest) != 1:
            raise CommandError(t("contest.command.usage", usage=USAGE["wager"]))
        value: float | str = "pass" if rest[0].lower() in PASS_WORDS else _number(rest[0],
                                                                                 "VALUE")
        return Command(name, team=team, value=value)
    if name == "adjust":
        team, rest = _take_team(args, teams, 2) if len(args) >= 3 else (None, [])
        if team is None or len(rest) < 2:
            raise CommandError(t("contest.command.usage", usage=USAGE["adjust"]))
        return Command(name, team=team, points=_number(rest[0], "POINTS"),
                       reason=" ".join(rest[1:]))
    if name in ("pick", "mark"):
        # pick TOPIC VALUE (a board cell), mark JUDGE SCORE (a judge's score): the first
        # words name the topic or judge (a number or a name), the last is a number.
        if len(args) < 2:
            raise CommandError(t("contest.command.usage", usage=USAGE[name]))
        number = _number(args[-1], "VALUE" if name == "pick" else "SCORE")
        return Command(name, points=number, args=(" ".join(args[:-1]),))
    if name == "member":
        if len(args) != 1:
            raise CommandError(t("contest.command.usage", usage=USAGE["member"]))
        word = args[0]
        return Command(name, member=seat_number(word) - 1 if word.isdecimal() else word)
    if name == "project":
        if len(args) != 1:
            raise CommandError(t("contest.command.usage", usage=USAGE["project"]))
        return Command(name, value=args[0].lower())
    if args:
        raise CommandError(t("contest.command.no_arguments", name=name))
    return Command(name)
