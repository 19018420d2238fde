"""quizhall import on every real file and on fuzzed input: the written bank always loads."""

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizhall import i18n
from quizhall.bank.loader import load_bank, parse_bank
from quizhall.cli import main
from quizhall.importers import ImportOptions
from quizhall.importers.aiken import read_aiken
from quizhall.importers.finish import make_bank
from quizhall.importers.gift import read_gift
from quizhall.importers.sheet import read_sheet

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
REAL_FILES = sorted(
    [*DATA.glob("gift/**/*.gift"), *DATA.glob("gift/moodle/*.txt"), *DATA.glob("aiken/**/*.txt"),
     *DATA.glob("zh/cmmlu/**/*.csv")]) if DATA.is_dir() else []
SUMMARY = re.compile(r"found (\d+), imported (\d+), skipped (\d+)")


@pytest.mark.skipif(not REAL_FILES, reason="shared/data (real question files) is not beside "
                                           "the checkout")
@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_real_file_imports_into_a_bank_that_loads(tmp_path, capsys, path):
    out = tmp_path / "bank.yaml"
    status = main(["import", str(path), "-o", str(out)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    found, imported, skipped = map(int, SUMMARY.search(captured.out).groups())
    assert found == imported + skipped
    if imported == 0:  # category or description only: nothing to write
        assert status == 2 and not out.exists()
        return
    assert status == (1 if skipped else 0)
    loaded = load_bank(out)
    assert loaded.ok, [d.format() for d in loaded.diagnostics]
    assert len(loaded.banks[0].questions) == imported
    assert captured.err.count(": error: ") == skipped


def test_the_report_speaks_chinese_too(tmp_path, capsys):
    path = tmp_path / "题库.gift"
    path.write_text("说明文字。\n\n地球是圆的。{T}\n\n只有一个选项。{~甲}\n", encoding="utf-8")
    status = main(["--lang", "zh-CN", "import", str(path), "-o", str(tmp_path / "out.yaml")])
    captured = capsys.readouterr()
    assert status == 1
    assert "找到 2 道，导入 1 道，跳过 1 道" in captured.out
    assert f"{path}:1:1: 警告: 没有花括号答案块" in captured.out  # a description: a note
    assert f"{path}:5:1: 错误: " in captured.err
    bank = load_bank(tmp_path / "out.yaml").banks[0]
    assert bank.info.language == "zh-CN" and bank.info.id == "题库"


def _keys_used(area: str) -> set[str]:
    pattern = re.compile("[\"'](" + re.escape(area) + r"\.[a-z_]+)[\"']")
    keys: set[str] = set()
    for source in (REPO / "src" / "quizhall").rglob("*.py"):
        if source.parent.name != "i18n":
            keys.update(pattern.findall(source.read_text(encoding="utf-8")))
    return keys


@pytest.mark.parametrize("area", ["import_bank", "export_bank"])
def test_every_message_used_exists_in_both_languages(area):
    messages = i18n.catalog(area)
    used = _keys_used(area)
    assert len(used) > 10
    fields = re.compile(r"\{(\w+)\}")
    for key in used | set(messages):
        assert key in messages, key
        zh, en = messages[key]
        assert zh and en and set(fields.findall(zh)) == set(fields.findall(en)), key


PIECES = st.sampled_from(["{", "}", "~", "=", "#", ":", "%", "->", "\\", "\n", "\n\n", " ",
                          "T", "FALSE", "####", "::", "//", "[html]", "<p>", "..", "1", "-",
                          "ANSWER: ", "A) ", "B. ", "$CATEGORY:", "____", "（）", ",", "；", "|",
                          '"', "'=", "\t", "\r", "题干", "答案", "Question", "A", "B"])


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.lists(PIECES, max_size=60).map("".join))
def test_no_input_makes_an_importer_raise(tmp_path, text):
    for name, reader in (("x.gift", read_gift), ("x.txt", read_aiken), ("x.csv", read_sheet)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8", newline="")
        result = reader(path, ImportOptions())
        assert result.found == result.imported + len(result.skipped)
        bank, written = make_bank(result, path, ImportOptions())
        if bank.questions:
            loaded, problems = parse_bank(written, name)
            assert loaded is not None, problems
