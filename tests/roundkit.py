"""Contests of the new round types (board, designated, judges, last one standing) for the
projector's tests: one round each, on the sample labour-law bank, played by engine commands
on a frozen clock."""

from __future__ import annotations

import shutil
from pathlib import Path

from quizhall.contest.loader import load_contest
from quizhall.store import open_store
from quizhall.testing import FrozenClock
from quizhall.tui.session import StoreSession

BANK = Path(__file__).resolve().parents[1] / "question_banks" / "labour-law.zh.yaml"

HEAD = """\
title: {title}
base_score: 100
banks: [labour-law.zh.yaml]
teams:
  - {{name: 红队, key: "1", colour: "#d7263d"}}
  - {{name: 蓝队, key: "2", colour: "#1b6fd8"}}
  - {{name: Green Team, key: "3", colour: "#2e9e44"}}
rounds:
"""
ROUNDS = {
    "board": """\
  - type: board
    title: {title}
    topics: [劳动合同法, 工会法, 工伤保险条例]
    values: [10, 20, 30]
    questions: {{types: [single, judge], random: true, seed: 11}}
""",
    "designated": """\
  - type: designated
    title: {title}
    values: [10, 20, 30]
    questions: {{tags: [安全生产法], types: [single, judge], count: 3}}
""",
    "judges": """\
  - type: judges
    title: {title}
    questions: {{types: [short], count: 3}}
    judges: [张评委, 李评委, {{name: 王评委, team: 1}}, 赵评委, 陈评委]
""",
    "last_standing": """\
  - type: last_standing
    title: {title}
    questions: {{tags: [劳动争议调解仲裁法], count: 12}}
    wrongs_to_out: 1
    survivors: 1
""",
}
TITLES = {"zh-CN": {"title": "规则演示赛", "board": "题板题", "designated": "指定题",
                    "judges": "评委打分", "last_standing": "一战到底"},
          "en": {"title": "Rules demo", "board": "Question board", "designated": "Designated",
                 "judges": "Judges' scores", "last_standing": "Last one standing"}}

# Host commands that bring each round to the page its snapshot shows.
PAGES = {
    "board": ("board", ["next", "pick 1 30", "right", "pick 2 20", "wrong", "project round"]),
    "designated": ("designated", ["next", "wager 1 30"]),
    "designated_question": ("designated", ["next", "wager 1 30", "next"]),
    "judges_scoring": ("judges", ["next", "next", "mark 张评委 9", "mark 李评委 8.5"]),
    "judges": ("judges", ["next", "next", "mark 张评委 9", "mark 李评委 8.5", "mark 赵评委 7",
                          "mark 陈评委 9.6"]),
    "eliminated": ("last_standing", ["next", "next", "wrong", "next"]),
}


def played_round(tmp_path: Path, language: str, page: str) -> StoreSession:
    """A one-round contest in a store under ``tmp_path``, played to ``page``."""
    kind, commands = PAGES[page]
    shutil.copy(BANK, tmp_path / BANK.name)
    texts = TITLES[language]
    path = tmp_path / "rounds.contest.yaml"
    path.write_text(HEAD.format(title=texts["title"])
                    + ROUNDS[kind].format(title=texts[kind]), encoding="utf-8")
    load = load_contest(path)
    assert load.ok, [d.format() for d in load.diagnostics]
    session = StoreSession(path, load, open_store(tmp_path / "data"), clock=FrozenClock())
    contest = session.open(None)
    for line in commands:
        outcome = contest.execute(contest.parse(line))
        assert outcome.accepted, (line, outcome.reason)
    return session
