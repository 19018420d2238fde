"""The campaign file: what it holds, and every problem reported at once with its position."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml
from campaign_files import CAMPAIGN, write_campaign
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizhall.campaign.loader import load_campaign, parse_campaign
from quizhall.campaign.model import Campaign


def _load(tmp_path: Path, text: str = CAMPAIGN):
    return load_campaign(write_campaign(tmp_path, text))


def test_a_campaign_file_gives_its_banks_levels_papers_units_and_rules(tmp_path):
    campaign, problems = _load(tmp_path)
    assert problems == []
    assert campaign is not None
    assert (campaign.id, campaign.title) == ("policy-2025", "2025 年劳动法闯关")
    assert campaign.opens == datetime(2025, 3, 1, tzinfo=UTC)
    assert campaign.closes == datetime(2025, 4, 1, tzinfo=UTC)  # the end of March 31
    assert [b.id for b in campaign.banks] == ["law"]
    assert Path(campaign.banks[0].path) == (tmp_path / "law.yaml").absolute()
    assert campaign.levels == ("law/L1", "law/L2")
    assert [p.id for p in campaign.papers] == ["union"]
    assert campaign.units == ("市总工会", "市总工会/办公室", "区工会")
    assert (campaign.rules.levels, campaign.rules.papers, campaign.rules.stars) == (2, 0, 1)
    assert Campaign.from_json(campaign.to_json()) == campaign


def test_dates_without_a_zone_default_to_beijing_time(tmp_path):
    text = CAMPAIGN.replace("  timezone: UTC\n", "").replace("opens: 2025-03-01",
                                                              "opens: 2025-03-01 08:30")
    campaign, problems = _load(tmp_path, text)
    assert problems == [] and campaign is not None
    assert campaign.opens == datetime(2025, 3, 1, 8, 30, tzinfo=timezone(timedelta(hours=8)))


def test_every_problem_is_reported_at_once_with_its_position(tmp_path):
    text = """\
campaign:
  id: Bad Id
  title: t
  opens: 2025-03-31
  closes: 2025-03-01
  colour: red
banks: [law.yaml, missing.yaml]
levels: [law/L9, nobank/L1]
units: [a, a, "b//c"]
pass: {stars: 4}
"""
    campaign, problems = _load(tmp_path, text)
    assert campaign is None
    where = {(p.line, p.column): p.message for p in problems}
    path = str(tmp_path / "policy.campaign.yaml")
    assert all(p.path == path for p in problems)
    assert "Bad Id" in where[(2, 7)]
    assert "colour" in where[(6, 3)]
    assert "closes" in where[(5, 11)]
    assert "missing.yaml" in where[(7, 19)]
    assert "L9" in where[(8, 10)]
    assert "nobank/L1" in where[(8, 18)]
    assert "a" in where[(9, 12)]
    assert "b//c" in where[(9, 15)]
    assert "pass.stars" in where[(10, 15)]
    assert len(problems) == 9


def test_problems_in_a_bank_are_reported_in_the_bank_file(tmp_path):
    path = write_campaign(tmp_path)
    (tmp_path / "law.yaml").write_text("bank: {id: law}\nquestions: [1]\n", encoding="utf-8")
    campaign, problems = load_campaign(path)
    assert campaign is None
    assert any(p.path.endswith("law.yaml") for p in problems)
    assert any(p.path == str(path) and p.line == 7 for p in problems)


def test_a_missing_required_part_is_named(tmp_path):
    campaign, problems = _load(tmp_path, "campaign: {id: x, title: t, opens: 2025-01-01}\n")
    assert campaign is None
    messages = " ".join(p.message for p in problems)
    assert "closes" in messages and "banks" in messages and "units" in messages


def test_a_file_that_is_not_yaml_gives_a_position_not_a_traceback(tmp_path):
    campaign, problems = _load(tmp_path, "campaign: [\n")
    assert campaign is None and problems and problems[0].line >= 1


def test_a_campaign_file_in_a_bank_directory_is_not_read_as_a_bank(tmp_path):
    from quizhall.bank.loader import load_banks

    write_campaign(tmp_path)  # policy.campaign.yaml beside law.yaml and paper.yaml
    (tmp_path / "paper.yaml").unlink()
    result = load_banks([tmp_path])
    assert [bank.info.id for bank in result.banks] == ["law"] and result.diagnostics == []


FUZZ = settings(max_examples=200, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SCALARS = (st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8)
           | st.sampled_from(["law.yaml", "paper.yaml", "law/L1", "2025-03-01", "9999-12-31",
                              "0001-01-01", "+08:00", "-14:00", "UTC", "a/b", "/"]))
STRUCTURES = st.recursive(
    SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["id", "title", "opens", "closes", "timezone", "levels", "papers",
                         "stars", "x"]), inner, max_size=5), max_leaves=20)
CAMPAIGN_LIKE = st.fixed_dictionaries({}, optional={
    key: STRUCTURES for key in ("campaign", "banks", "levels", "papers", "units", "pass")})


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("files")
    write_campaign(folder)  # law.yaml and paper.yaml, named by the strategies
    return folder


@FUZZ
@given(data=CAMPAIGN_LIKE)
def test_any_campaign_shaped_file_gives_diagnostics_not_a_traceback(files, data):
    folder = files
    text = yaml.safe_dump(data, allow_unicode=True)
    campaign, problems = parse_campaign(text, "c.yaml", folder)
    assert campaign is not None or problems
    assert all(p.message.strip() and p.line >= 0 for p in problems)
