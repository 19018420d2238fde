"""Contests in the store: ids, records, status, the data directory, and ``quizhall contests``."""

import json
import re
from datetime import UTC, datetime, timedelta

import pytest

from quizhall.cli import main
from quizhall.store import StoreError, default_data_dir, open_store

CONFIG = {"title": "劳动法知识竞赛", "teams": [{"name": "红队", "members": ["甲"]},
                                               {"name": "Blue"}, {"members": []}]}


class Clock:
    """A settable clock for ids and creation times."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def test_ids_name_the_source_or_title_the_date_and_four_hex_digits(tmp_path):
    clock = Clock()
    store = open_store(tmp_path, now=clock)
    assert re.fullmatch(r"labour-law-20261124-[0-9a-f]{4}",
                        store.create_contest("劳动法", {}, source="/banks/Labour Law.yaml"))
    assert re.fullmatch(r"policy-quiz-2026-20261124-[0-9a-f]{4}",
                        store.create_contest("Policy quiz 2026", {}))
    assert re.fullmatch(r"contest-20261124-[0-9a-f]{4}", store.create_contest("劳动法", {}))
    ids = {store.create_contest("same", {}) for _ in range(20)}
    assert len(ids) == 20


def test_a_contest_record_holds_config_status_teams_and_event_count(tmp_path):
    store = open_store(tmp_path)
    contest_id = store.create_contest("劳动法知识竞赛", CONFIG, source="labour.yaml")
    record = store.contest(contest_id)
    assert (record.title, record.status, record.source) == ("劳动法知识竞赛", "running",
                                                            "labour.yaml")
    assert record.config == CONFIG and record.teams == ["红队", "Blue"]
    assert record.events == 0 and record.updated is None
    with store.open_log(contest_id) as log:
        log.append({"type": "contest_started"})
        log.append({"type": "question_shown"})
    record = store.contest(contest_id)
    assert record.events == 2 and record.updated is not None
    store.set_status(contest_id, "finished")
    assert store.contest(contest_id).status == "finished"
    assert store.contest(contest_id).config == CONFIG


def test_contests_are_listed_newest_first(tmp_path):
    clock = Clock()
    store = open_store(tmp_path, now=clock)
    first = store.create_contest("first", {})
    clock.now += timedelta(hours=1)
    second = store.create_contest("second", {})
    assert [r.id for r in store.contests()] == [second, first]


def test_bad_status_unknown_contest_and_non_json_config_are_refused(tmp_path):
    store = open_store(tmp_path)
    contest_id = store.create_contest("t", {})
    with pytest.raises(ValueError):
        store.set_status(contest_id, "paused")
    with pytest.raises(StoreError, match="no contest"):
        store.set_status("nope-20261124-0000", "finished")
    assert store.contest("nope-20261124-0000") is None
    assert store.contest("../../etc/passwd") is None
    with pytest.raises(TypeError):
        store.create_contest("t", {"when": object()})
    assert len(store.contests()) == 1


def test_an_unreadable_contest_is_skipped_with_a_warning_not_a_crash(tmp_path):
    store = open_store(tmp_path)
    good = store.create_contest("good", {})
    bad = store.create_contest("bad", {})
    newer = store.create_contest("newer", {})
    (store.contests_dir / bad / "contest.json").write_text("{oops", encoding="utf-8")
    (store.contests_dir / newer / "contest.json").write_text(
        '{"kind":"quizhall.contest","format":9}\n', encoding="utf-8")
    assert [r.id for r in store.contests()] == [good]
    assert len(store.warnings) == 2
    assert any("newer quizhall" in w for w in store.warnings)
    with pytest.raises(StoreError):
        store.contest(bad)


def test_the_data_directory_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("QUIZHALL_DATA_DIR", str(tmp_path / "from-env"))
    assert default_data_dir() == tmp_path / "from-env"
    with open_store() as store:
        assert store.data_dir == tmp_path / "from-env"
        assert (tmp_path / "from-env" / "contests").is_dir()


def test_contests_command_lists_a_table(tmp_path, capsys):
    store = open_store(tmp_path)
    contest_id = store.create_contest("劳动法知识竞赛\x1b[2J", CONFIG)
    with store.open_log(contest_id) as log:
        log.append({"type": "contest_started"})
    assert main(["contests", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].split() == ["id", "title", "status", "teams", "events", "last", "event"]
    assert contest_id in lines[1] and "running" in lines[1] and "红队, Blue" in lines[1]
    assert "\x1b" not in out and "\\x1b[2J" in out


def test_contests_command_in_chinese_and_with_no_contests(tmp_path, capsys):
    assert main(["--lang", "zh-CN", "contests", "--data-dir", str(tmp_path)]) == 0
    assert "还没有比赛记录" in capsys.readouterr().out
    open_store(tmp_path).create_contest("t", CONFIG)
    assert main(["--lang", "zh-CN", "contests", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "进行中" in out and "红队、Blue" in out


def test_contests_command_json(tmp_path, capsys):
    store = open_store(tmp_path)
    contest_id = store.create_contest("t", CONFIG, source="t.yaml")
    (store.contests_dir / "broken-20261124-0000").mkdir()
    (store.contests_dir / "broken-20261124-0000" / "contest.json").write_text("x")
    assert main(["contests", "--json", "--data-dir", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    (entry,) = json.loads(captured.out)
    assert entry["id"] == contest_id and entry["teams"] == ["红队", "Blue"]
    assert entry["events"] == 0 and entry["status"] == "running"
    assert "broken-20261124-0000" in captured.err


def test_a_data_directory_that_cannot_be_made_gives_a_message(tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    with pytest.raises(StoreError, match="cannot create"):
        open_store(blocker)
    assert main(["contests", "--data-dir", str(blocker)]) == 1
    assert "cannot create" in capsys.readouterr().err


def test_a_listed_contest_whose_log_is_gone_says_so(tmp_path):
    store = open_store(tmp_path)
    contest_id = store.create_contest("t", {})
    (store.contests_dir / contest_id / "events.jsonl").unlink()
    assert [r.id for r in store.contests()] == [contest_id]
    with pytest.raises(StoreError, match=f"the event log of contest {contest_id} is missing"):
        store.open_log(contest_id, writer=False)
    with pytest.raises(StoreError, match="there is no contest nope-20261124-0000"):
        store.open_log("nope-20261124-0000")
