"""docs/campaigns.md stays true: its example campaign file loads as described."""

from __future__ import annotations

import re
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

from quizhall.campaign.loader import load_campaign

ROOT = Path(__file__).resolve().parents[2]


def test_the_documented_campaign_file_loads(tmp_path):
    text = (ROOT / "docs" / "campaigns.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(.*?)```", text, re.S)
    assert example is not None
    shutil.copy(ROOT / "question_banks" / "labour-law.zh.yaml", tmp_path / "labour-law.zh.yaml")
    (tmp_path / "papers").mkdir()
    (tmp_path / "papers" / "union-2026.yaml").write_text(
        "paper: {id: union-2026, title: 工会知识考试}\nquotas: {single: 5}\n", encoding="utf-8")
    path = tmp_path / "policy.campaign.yaml"
    path.write_text(example.group(1), encoding="utf-8")
    campaign, problems = load_campaign(path)
    assert problems == [] and campaign is not None
    beijing = timezone(timedelta(hours=8))
    assert campaign.opens == datetime(2026, 3, 1, tzinfo=beijing)
    assert campaign.closes == datetime(2026, 4, 1, tzinfo=beijing)
    assert campaign.levels == ("labour-law/L1", "labour-law/L2")
    assert [p.id for p in campaign.papers] == ["union-2026"]
    assert "市总工会/办公室" in campaign.units
    assert (campaign.rules.levels, campaign.rules.papers, campaign.rules.stars) == (2, 1, 1)
