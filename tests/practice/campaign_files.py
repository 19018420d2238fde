"""A campaign over the practice tests' bank, written to a folder with its bank and a paper."""

from __future__ import annotations

from pathlib import Path

from practice_bank import BANK

CAMPAIGN = """\
campaign:
  id: policy-2025
  title: 2025 年劳动法闯关
  opens: 2025-03-01
  closes: 2025-03-31
  timezone: UTC
banks: [law.yaml]
levels: [law/L1, law/L2]
papers: [paper.yaml]
units: [市总工会, 市总工会/办公室, 区工会]
pass: {levels: 2, papers: 0}
"""

PAPER = """\
paper: {id: union, title: 工会知识考试, pass: 0.5}
questions: [s1, j1]
"""


def write_campaign(folder: Path, text: str = CAMPAIGN) -> Path:
    """The campaign file (with law.yaml and paper.yaml beside it)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "law.yaml").write_text(BANK, encoding="utf-8")
    (folder / "paper.yaml").write_text(PAPER, encoding="utf-8")
    path = folder / "policy.campaign.yaml"
    path.write_text(text, encoding="utf-8")
    return path


UNITS = ("市总工会", "市总工会/办公室", "区工会")
JOINED = "2025-03-02T00:00:00Z"


def add_members(campaigns, campaign_id: str, count: int, names=None) -> None:
    """``count`` members (员工01…, or ``names``) spread over the units: member i answered i
    questions (i // 2 right, i / 2 points) and passed i % 3 levels."""
    from quizhall.store.campaigns import Contribution

    for i in range(1, count + 1):
        user = names[i - 1] if names else f"员工{i:02d}"
        campaigns.join(campaign_id, user, UNITS[i % 3], JOINED)
        campaigns.add(campaign_id, user, Contribution(at=JOINED, answers=i, correct=i // 2,
                                                      points=i / 2))
        for level in ("law/L1", "law/L2")[: i % 3]:
            campaigns.add(campaign_id, user, Contribution(at=JOINED, passed=level))
