"""A contest log damaged in the middle, from the command line: every reader agrees, the writers
wait, ``quizhall repair`` lets the contest go on and nothing intact is lost."""

import json
import os
from pathlib import Path

from contest_helpers import DATA, contest_text

from quizhall.cli import main

SCRIPT = "next\nnext\nopen\nbuzz 2\nright\nnext\nopen\nbuzz 1\nright\nnext\nopen\nbuzz 3\nwrong\n"


def _rehearsed(tmp_path, capsys) -> tuple[Path, Path, str]:
    contest = tmp_path / "t.contest.yaml"
    contest.write_text(contest_text("  - type: buzz\n    questions: {count: 4}\n"),
                       encoding="utf-8")
    (tmp_path / "rules.yaml").write_bytes((DATA / "rules.yaml").read_bytes())
    script = tmp_path / "script.txt"
    script.write_text(SCRIPT, encoding="utf-8")
    assert main(["rehearse", str(contest), "--commands", str(script), "--json"]) == 0
    contest_id = capsys.readouterr().err.split("contest id:")[1].split()[0]
    return contest, script, contest_id


def _log(contest_id: str) -> Path:
    return Path(os.environ["QUIZHALL_DATA_DIR"]) / "contests" / contest_id / "events.jsonl"


def test_a_damaged_log_is_read_alike_refused_to_writers_and_repaired(tmp_path, capsys):
    contest, script, contest_id = _rehearsed(tmp_path, capsys)
    assert main(["results", contest_id, "--json"]) == 0
    before = json.loads(capsys.readouterr().out)
    log = _log(contest_id)
    lines = log.read_bytes().splitlines(keepends=True)
    damaged_line = 4  # the event just after the first question was shown: not a score
    lines[damaged_line - 1] = lines[damaged_line - 1].replace(b'"type"', b'"typo"')
    log.write_bytes(b"".join(lines))
    events = len(lines) - 2  # one header, one event lost

    assert main(["results", contest_id, "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["teams"] == before["teams"]  # the scores are all there
    assert f"line {damaged_line}" in captured.err and f"repair {contest_id}" in captured.err
    assert main(["contests", "--json"]) == 0
    captured = capsys.readouterr()
    (listed,) = json.loads(captured.out)
    assert listed["events"] == events and f"line {damaged_line}" in listed["damage"][0]

    resume = ["rehearse", str(contest), "--commands", str(script), "--resume", contest_id]
    assert main(resume) == 1
    assert f"quizhall repair {contest_id}" in capsys.readouterr().err
    assert main(["repair", contest_id, "--dry-run"]) == 0
    assert f"line {damaged_line}" in capsys.readouterr().out
    assert main(["repair", contest_id]) == 0
    out = capsys.readouterr().out
    assert "events.jsonl.original-" in out and f"{events} intact events are kept" in out
    assert main(["repair", contest_id]) == 0
    assert "nothing to repair" in capsys.readouterr().out

    assert main([*resume, "--json"]) == 0
    capsys.readouterr()
    seqs = [json.loads(line)["seq"] for line in log.read_bytes().splitlines()[1:]]
    assert seqs == list(range(len(seqs)))  # no clash, no gap
    assert main(["results", contest_id]) == 0
    assert "were lost to damage" in capsys.readouterr().err
