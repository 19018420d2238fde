"""docs/bank-format.md stays true: its example loads, its tables name the real types and keys."""

import re
from pathlib import Path

from quizhall.bank.loader import COMMON_KEYS, INFO_KEYS, LEVEL_KEYS, parse_bank
from quizhall.bank.model import TYPE_ALIASES, QuestionType
from quizhall.bank.qtypes import kind_of

DOC = (Path(__file__).resolve().parents[1] / "docs" / "bank-format.md").read_text(encoding="utf-8")


def table_rows(heading: str) -> list[list[str]]:
    section = DOC.split(heading, 1)[1].split("\n#", 1)[0]
    rows = [line.strip("|").split("|") for line in section.splitlines() if line.startswith("| ")]
    return [[cell.strip() for cell in row] for row in rows[1:]]


def test_the_example_bank_loads_cleanly():
    example = re.search(r"```yaml\n(.*?)```", DOC, re.S).group(1)
    bank, diagnostics = parse_bank(example, "bank-format.md")
    assert [d.format() for d in diagnostics] == []
    assert bank.questions[0].id == "lc-001"


def test_the_example_shows_every_bank_and_level_key():
    example = re.search(r"```yaml\n(.*?)```", DOC, re.S).group(1)
    for key in INFO_KEYS + LEVEL_KEYS:
        assert re.search(rf"^\s+(- )?{key}:", example, re.M), key


def test_common_fields_table_matches_the_loader():
    documented = {row[0].strip("`") for row in table_rows("## Common fields")}
    assert documented == set(COMMON_KEYS)


def test_types_table_matches_the_model():
    rows = table_rows("## Types")
    assert [row[0].strip("`") for row in rows] == [qt.value for qt in QuestionType]
    for row in rows:
        qtype = QuestionType(row[0].strip("`"))
        aliases = [a.strip() for a in row[1].split(",")]
        assert all(TYPE_ALIASES[a] is qtype for a in aliases), row
        extras = set(re.findall(r"`(\w+)`", row[3]))
        assert extras == set(kind_of(qtype).extra_keys), row
