"""Helpers for contest scenario tests: build a contest file's text, rehearse it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from quizhall.testing import rehearse

DATA = Path(__file__).resolve().parent / "data" / "contest"

TEAMS4 = """\
teams:
  - {name: 红队, members: [红一, 红二, 红三]}
  - {name: 蓝队, members: [蓝一, 蓝二, 蓝三]}
  - {name: 绿队, members: [绿一, 绿二, 绿三]}
  - {name: 黄队, members: [黄一, 黄二, 黄三]}
"""


def contest_text(rounds: str, teams: str = TEAMS4, head: str = "") -> str:
    """A contest file on the test bank with these rounds (YAML list items, indented 2)."""
    return (f"title: 测试赛\nbase_score: 100\nbanks: [rules.yaml]\n{head}{teams}"
            f"rounds:\n{rounds}")


def play(rounds: str, commands: list[str] | str, teams: str = TEAMS4, head: str = "",
         plugins: list[object] | None = None) -> dict[str, Any]:
    """Rehearse ``commands`` (a list, or one string with a command per line)."""
    lines = commands.splitlines() if isinstance(commands, str) else commands
    return rehearse(contest_text(rounds, teams, head), lines, plugins=plugins or [],
                    base_dir=DATA)


def scores(result: dict[str, Any]) -> list[float]:
    return [team["score"] for team in result["teams"]]


def reasons(result: dict[str, Any]) -> list[str]:
    return [refusal["reason"] for refusal in result["refused"]]


def events(result: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [event for event in result["log"] if event["type"] == kind]
