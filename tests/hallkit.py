"""Helpers for the projector tests: the large-text font, and a contest played to each page.

Large text depends on a font. The tests use Noto Sans CJK SC Bold from Debian's
``fonts-noto-cjk`` (installed by ``.ci/run``) and the Pillow pinned in the test extras, so
the glyphs are the same on every machine; a machine without the font fails loudly here.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from quizhall.contest.commands import Command
from quizhall.contest.loader import load_contest
from quizhall.store import open_store
from quizhall.testing import FrozenClock
from quizhall.tui.session import StoreSession

HERE = Path(__file__).resolve().parent
PROJECTOR_BANK = HERE / "data" / "hall" / "projector.yaml"
TEST_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"

CONTEST = """\
title: {title}
base_score: 100
prizes: [1, 2, 3]
banks: [projector.yaml]
teams:
  - {{name: 红队, members: [张三, 李四], key: "1", colour: "#d7263d"}}
  - {{name: 蓝队, members: [王五, 赵六], key: "2", colour: "#1b6fd8"}}
  - {{name: Green Team, members: [Ann, Bob], key: "3", colour: "#2e9e44"}}
  - {{name: 黄队, members: [孙七, 周八], key: "4", colour: "#f4a300"}}
rounds:
  - type: buzz
    title: {buzz}
    questions: {{ids: [{first}]}}
    points: 10
    window: 15
  - type: tiebreak
    title: {tiebreak}
    questions: {{ids: [{second}]}}
"""
TEXTS = {"zh-CN": {"title": "2025年劳动法律知识竞赛", "buzz": "第一轮 抢答题",
                   "tiebreak": "加赛", "first": "z1", "second": "z2"},
         "en": {"title": "Labour Law Quiz 2025", "buzz": "Round one, buzzers",
                "tiebreak": "Tie-break", "first": "e1", "second": "e2"}}

# Host commands that bring the contest to each projector page (team 3, "Green Team", wins).
QUESTION = ["next", "next", "open"]
REVEAL = [*QUESTION, "buzz 3", "right", "reveal"]
PAGES = {
    "title": [],
    "teams": ["project teams"],
    "round": ["next"],
    "question": QUESTION,
    "buzz_lock": [*QUESTION, "buzz 3"],
    "reveal": REVEAL,
    "scores": [*REVEAL, "project scores"],
    "tiebreak": [*REVEAL, "next", "next", "open"],
    "podium": [*REVEAL, "next", "next", "open", "buzz 1", "right", "end"],
}


def stem_rows(lines: list, font: Any, stem: str, indent: int = 2) -> int:
    """The cell rows of one line of ``stem`` on a page (1: plain type), found by looking for
    its first character drawn large at the left margin."""
    plain = [line.plain[indent:] for line in lines]
    for rows in range(12, 1, -1):
        glyph = [row for row in font.glyph(stem[0], rows)]
        while glyph and not glyph[0].strip():
            glyph.pop(0)
        for top in range(len(plain) - len(glyph) + 1):
            if all(plain[top + i].startswith(row) for i, row in enumerate(glyph)):
                return rows
    return 1


def played(tmp_path: Path, language: str, commands: list[str]) -> StoreSession:
    """A contest in a store under ``tmp_path``, played through ``commands``."""
    shutil.copy(PROJECTOR_BANK, tmp_path / PROJECTOR_BANK.name)
    path = tmp_path / "hall.contest.yaml"
    path.write_text(CONTEST.format(**TEXTS[language]), encoding="utf-8")
    load = load_contest(path)
    assert load.ok, [d.format() for d in load.diagnostics]
    session = StoreSession(path, load, open_store(tmp_path / "data"), clock=FrozenClock())
    contest = session.open(None)
    for line in commands:
        outcome = contest.execute(contest.parse(line))
        assert outcome.accepted, (line, outcome.reason)
    return session


__all__ = ["PAGES", "TEST_FONT", "Command", "played", "stem_rows"]
