"""What plugins receive and return, and how the engine calls them without trusting them.

Scoring plugins get an :class:`AnswerContext` and return :class:`ScorePart` values; team
modes get a :class:`TurnContext` and return an :class:`Answerer`. :func:`call_each` and
:func:`call_first` call hook implementations one by one, so a plugin that raises or returns
the wrong type is named in a warning and skipped, and the others (and the default) still apply.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pluggy

from quizhall.i18n import t


@dataclass(frozen=True, slots=True)
class ScorePart:
    """Points a scoring plugin adds for one answer, and why (shown in the ledger and exports).

    Parts from all scoring plugins are added up; the contest's floor is applied to the sum.
    """

    points: float
    reason: str


@dataclass(frozen=True, slots=True)
class AnswerContext:
    """One judged answer, as scoring plugins see it.

    ``verdict`` is ``right``, ``wrong``, ``partial`` or ``timeout``; ``base_points`` is what
    the round's rules give (``+10`` right, the wager, the host's partial points …);
    ``elapsed`` is seconds from the answerer getting the question (or the buzz) to the verdict;
    ``streak`` counts this team's right answers in a row before this one; ``question`` is the
    bank's :class:`~quizhall.bank.model.Question` (None when the bank is not loaded);
    ``plugin_settings`` holds the contest file's ``plugins:`` settings by plugin name.
    """

    verdict: str
    team: int
    team_name: str
    member: int | None
    round: int
    round_type: str
    settings: Mapping[str, Any]
    question_key: str | None
    question: Any
    base_points: float
    stake: float | None
    elapsed: float
    streak: int
    attempt: int
    score: float
    plugin_settings: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Answerer:
    """Who answers: a team and one of its members by seat (0-based), or None for the whole
    team (or, in ``answerer: team`` mode, a member the team picks)."""

    team: int
    member: int | None = None


@dataclass(frozen=True, slots=True)
class TurnContext:
    """A question about to be put to ``team``: team-mode plugins choose who answers.

    ``mode`` is the round's ``answerer`` setting (``seat``, ``team`` or ``all``); ``members``
    are the team's members in seat order; ``turns`` counts the questions the team has already
    had in this round; ``last_member`` is who answered for it last (None if nobody yet).
    """

    team: int
    mode: str
    members: tuple[str, ...]
    turns: int
    last_member: int | None
    round: int
    round_type: str
    settings: Mapping[str, Any]
    plugin_settings: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)


Check = Callable[[Any], bool]


def _implementations(pm: pluggy.PluginManager, hook_name: str) -> list[Any]:
    caller = getattr(pm.hook, hook_name)
    impls = [impl for impl in caller.get_hookimpls()
             if not (impl.hookwrapper or getattr(impl, "wrapper", False))]
    return list(reversed(impls))  # pluggy calls the last registered (and tryfirst) first


def call_each(pm: pluggy.PluginManager, hook_name: str, check: Check, expected: str,
              warnings: list[str], **kwargs: Any) -> list[tuple[str, Any]]:
    """Call every implementation; keep ``(plugin name, result)`` for results passing ``check``.

    None results are skipped silently; exceptions and wrong results become warnings.
    """
    results: list[tuple[str, Any]] = []
    for impl in _implementations(pm, hook_name):
        name = impl.plugin_name
        try:
            result = impl.function(**{arg: kwargs[arg] for arg in impl.argnames})
        except Exception as exc:  # third-party code must never stop a contest
            warnings.append(t("contest.plugin_raised", plugin=name, hook=hook_name,
                              error=f"{type(exc).__name__}: {exc}"))
            continue
        if result is None:
            continue
        if not check(result):
            warnings.append(t("contest.plugin_bad_result", plugin=name, hook=hook_name,
                              expected=expected, got=_describe(result)))
            continue
        results.append((name, result))
    return results


def call_first(pm: pluggy.PluginManager, hook_name: str, check: Check, expected: str,
               warnings: list[str], **kwargs: Any) -> tuple[str, Any] | None:
    """The first implementation's valid, non-None result (a ``firstresult`` hook), or None."""
    for impl in _implementations(pm, hook_name):
        name = impl.plugin_name
        try:
            result = impl.function(**{arg: kwargs[arg] for arg in impl.argnames})
        except Exception as exc:
            warnings.append(t("contest.plugin_raised", plugin=name, hook=hook_name,
                              error=f"{type(exc).__name__}: {exc}"))
            continue
        if result is None:
            continue
        if not check(result):
            warnings.append(t("contest.plugin_bad_result", plugin=name, hook=hook_name,
                              expected=expected, got=_describe(result)))
            continue
        return name, result
    return None


def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def is_finite_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def is_score_parts(value: Any) -> bool:
    """A ScorePart or a list/tuple of them, each with finite points and text reason."""
    items = value if isinstance(value, list | tuple) else [value]
    return all(isinstance(p, ScorePart) and is_finite_number(p.points)
               and isinstance(p.reason, str) for p in items)


def as_parts(value: Any) -> list[ScorePart]:
    return list(value) if isinstance(value, list | tuple) else [value]
