"""The parse cache: a second load of an unchanged bank skips parsing; cache trouble is ignored."""

import marshal
from pathlib import Path

import pytest

from quizhall import i18n
from quizhall.bank import cache, loader
from quizhall.bank.loader import load_bank

BANK = """\
bank: {id: b, title: T}
levels:
  - {id: L1, title: 第一关, tags: [劳动法], pass: 0.6}
questions:
  - id: q1
    type: single
    stem: 选哪个？
    options: {A: 甲, B: 乙}
    answer: B
    tags: [劳动法]
  - {id: q2, type: numeric, stem: 几天？, answer: 30, tolerance: 1, unit: 日}
  - {id: q3, type: fill, stem: ____和____, answer: [[a, b], c], strict: true}
  - {id: q4, type: multiple, stem: 哪些？, options: [x, y, z], answer: AC, partial: proportional}
"""
WARNED = BANK + '  - {id: q5, type: judge, stem: "\\e[31m红", answer: 对}\n'


@pytest.fixture
def bank_file(tmp_path: Path) -> Path:
    path = tmp_path / "bank.yaml"
    path.write_text(BANK, encoding="utf-8")
    return path


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """Records every real parse."""
    calls: list[str] = []
    real = loader.parse_bank

    def counting(text, display, *rest):
        calls.append(display)
        return real(text, display, *rest)

    monkeypatch.setattr(loader, "parse_bank", counting)
    return calls


def forbid_parsing(monkeypatch) -> None:
    def fail(*args, **kwargs):
        raise AssertionError("the bank should have come from the cache")

    monkeypatch.setattr(loader, "parse_bank", fail)


def entries() -> list[Path]:
    return sorted(p for p in cache.cache_dir().glob("*.bin"))


def test_second_load_comes_from_the_cache(bank_file, monkeypatch):
    first = load_bank(bank_file)
    assert first.ok and len(entries()) == 1
    forbid_parsing(monkeypatch)
    second = load_bank(bank_file)
    assert second.banks == first.banks
    assert second.diagnostics == []
    assert second.banks[0].questions[1].answer.accepts(29.5)


EVERY_TYPE = """\
bank: {id: every, title: T}
questions:
  - {id: s, type: single, stem: 选哪个？, options: [x, y], answer: B}
  - {id: m, type: multiple, stem: 哪些？, options: [x, y, z], answer: AC}
  - {id: j, type: judge, stem: 对吗？, answer: 对}
  - {id: f, type: fill, stem: ____, answer: [[a, b]]}
  - {id: sh, type: short, stem: 为什么？, answer: 因为}
  - {id: o, type: order, stem: 排序, options: [x, y, z], answer: CAB}
  - {id: n, type: numeric, stem: 几天？, answer: {min: 1, max: 2}}
  - {id: mt, type: match, stem: 连线, answer: {甲: 一, 乙: 二}, distractors: [三]}
"""


def test_a_bank_with_every_built_in_type_comes_from_the_cache(tmp_path, monkeypatch):
    path = tmp_path / "every.yaml"
    path.write_text(EVERY_TYPE, encoding="utf-8")
    first = load_bank(path)
    assert first.ok
    forbid_parsing(monkeypatch)
    assert load_bank(path).banks == first.banks


def test_cached_bank_takes_the_path_it_is_loaded_from(bank_file, tmp_path, monkeypatch):
    load_bank(bank_file)
    copy = tmp_path / "copy.yaml"
    copy.write_text(BANK, encoding="utf-8")
    forbid_parsing(monkeypatch)
    assert load_bank(copy).banks[0].path == str(copy)
    assert load_bank(copy, display="shown.yaml").banks[0].path == "shown.yaml"


def test_warnings_survive_the_cache(tmp_path, monkeypatch):
    path = tmp_path / "warned.yaml"
    path.write_text(WARNED, encoding="utf-8")
    first = load_bank(path)
    [warning] = first.diagnostics
    assert warning.severity == "warning" and first.banks
    forbid_parsing(monkeypatch)
    second = load_bank(path, display="other.yaml")
    assert second.banks[0].questions[-1].stem == "\x1b[31m红"
    assert [(d.path, d.line, d.column, d.message, d.severity, d.hint)
            for d in second.diagnostics] == \
        [("other.yaml", warning.line, warning.column, warning.message, "warning", warning.hint)]


def test_cached_warnings_follow_the_language(tmp_path, parses):
    path = tmp_path / "warned.yaml"
    path.write_text(WARNED, encoding="utf-8")
    english = load_bank(path).diagnostics[0].message
    i18n.set_language("zh-CN")
    chinese = load_bank(path).diagnostics[0].message
    assert english != chinese and "控制字符" in chinese
    assert len(parses) == 2


def test_a_changed_file_is_parsed_again(bank_file, parses):
    load_bank(bank_file)
    load_bank(bank_file)
    assert len(parses) == 1
    bank_file.write_text(BANK.replace("选哪个？", "改过了？"), encoding="utf-8")
    result = load_bank(bank_file)
    assert len(parses) == 2
    assert result.banks[0].questions[0].stem == "改过了？"


def test_files_with_errors_are_not_cached(tmp_path, parses):
    path = tmp_path / "bad.yaml"
    path.write_text(BANK.replace("answer: B", "answer: E"), encoding="utf-8")
    assert not load_bank(path).ok
    assert not load_bank(path).ok
    assert len(parses) == 2 and entries() == []


@pytest.mark.parametrize("garbage", [b"", b"\x00\x01garbage", marshal.dumps("a string"),
                                     marshal.dumps((99, (), (), (), ())),
                                     marshal.dumps((cache.FORMAT, ("b",), ((1, 2),), (), ())),
                                     marshal.dumps(list(range(10))),
                                     marshal.dumps((cache.FORMAT, ("b", "T", "en", "", "", "", ""),
                                                    (("q", "judge", "s", True),), (), ()))])
def test_a_corrupt_cache_entry_is_ignored(bank_file, parses, garbage):
    expected = load_bank(bank_file).banks
    [entry] = entries()
    entry.write_bytes(garbage)
    result = load_bank(bank_file)
    assert result.ok and result.banks == expected
    assert len(parses) == 2


def test_an_unwritable_cache_dir_is_ignored(bank_file, tmp_path, monkeypatch, parses):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setenv("QUIZHALL_CACHE_DIR", str(blocker / "cache"))
    first = load_bank(bank_file)
    second = load_bank(bank_file)
    assert first.ok and second.ok and first.banks == second.banks
    assert len(parses) == 2


def test_a_cache_dir_that_cannot_be_read_is_ignored(bank_file, monkeypatch, parses):
    load_bank(bank_file)

    def broken(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", broken, raising=True)
    monkeypatch.setattr(loader, "read_bytes", lambda path, shown: (BANK.encode(), []))
    assert load_bank(bank_file).ok
    assert len(parses) == 2


def test_another_version_does_not_use_the_entry(bank_file, monkeypatch, parses):
    load_bank(bank_file)
    monkeypatch.setattr(cache, "__version__", "999.0")
    load_bank(bank_file)
    assert len(parses) == 2 and len(entries()) == 2


def test_use_cache_false_neither_reads_nor_writes(bank_file, parses):
    load_bank(bank_file, use_cache=False)
    load_bank(bank_file, use_cache=False)
    assert len(parses) == 2 and entries() == []


def test_cache_dir_defaults_to_the_user_cache(monkeypatch):
    monkeypatch.delenv("QUIZHALL_CACHE_DIR")
    assert cache.cache_dir().parts[-2:] == ("quizhall", "banks")


def _altered(entry: Path, question: int, field: int, value) -> bytes:
    fmt, info, questions, levels, diagnostics = marshal.loads(entry.read_bytes())
    rows = [list(row) for row in questions]
    rows[question][field] = value
    return marshal.dumps((fmt, info, tuple(tuple(row) for row in rows), levels, diagnostics))


@pytest.mark.parametrize("question, field, value", [
    (0, 7, 5),            # tags: an integer, not a list of texts
    (0, 3, "Z"),          # answer: not among the options
    (3, 3, ("A", "Q")),   # a multiple answer naming no option
    (1, 3, (5.0, 1.0, None, 0.0)),  # a range that ends before it starts
    (0, 8, True),         # difficulty: a bool, not a number
    (2, 3, ()),           # a fill-in with no blanks
])
def test_an_altered_cache_entry_is_never_trusted(bank_file, parses, capsys, question, field,
                                                 value):
    expected = load_bank(bank_file).banks
    [entry] = entries()
    entry.write_bytes(_altered(entry, question, field, value))
    result = load_bank(bank_file)
    assert result.ok and result.banks == expected
    assert len(parses) == 2  # parsed again: the cache is only ever a faster way there
