"""Results exporters on a rehearsed contest, opened back and checked against the folded log."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from html import escape
from pathlib import Path

import openpyxl
import pytest

from quizhall import i18n
from quizhall.cli import main
from quizhall.contest.stored import replay_stored
from quizhall.exporters import exporters
from quizhall.exporters.results import CONTEST, write_results
from quizhall.report import ReportError
from quizhall.report.contest import load_contest_report, undone_events
from quizhall.store import open_store

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "question_banks"
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def export_contest(store, contest_id, format_name, path):
    """What ``quizhall export ID -o PATH`` does: the stored report, written; returns it."""
    report = load_contest_report(store, contest_id)
    write_results(report, format_name, path, CONTEST)
    return report

# The demo contest with team names that are HTML, a formula and a Markdown emphasis.
TEAMS = {"第一代表队": "<script>alert(1)</script>队", "第二代表队": "=HYPERLINK(\"x\")",
         "第三代表队": "**第三**|队"}

# The sample rehearsal with jury adjustments (one undone, then redone) and an undone answer.
EXTRA_AFTER_ROUND_ONE = """\
adjust 1 -5 -5：抢答器误触，仲裁组裁定
adjust 1 5 +5 申诉成功
undo
redo
"""
EXTRA_AT_END = """\
adjust 3 -20 @仲裁组：违规
undo
adjust 3 -10 =仲裁组：违规（改判）
"""

# The adjustment leaves teams 2 and 3 tied for second: the tie-break round decides.
TIEBREAK = """\
next
open
buzz 3
wrong
buzz 2
right
next
"""


def _contest_file(directory: Path) -> Path:
    text = (SAMPLES / "demo.contest.yaml").read_text(encoding="utf-8")
    for old, new in TEAMS.items():
        text = text.replace(f"name: {old}", f"name: {json.dumps(new, ensure_ascii=False)}")
    (directory / "labour-law.zh.yaml").write_bytes((SAMPLES / "labour-law.zh.yaml").read_bytes())
    path = directory / "awkward.contest.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _script(directory: Path, stop_before_round: int | None = None) -> Path:
    lines = (SAMPLES / "demo.rehearsal.txt").read_text(encoding="utf-8").splitlines()
    out: list[str] = []
    round_two = next(i for i, line in enumerate(lines) if "第二轮" in line)
    for number, line in enumerate(lines):
        if number == round_two:
            out += EXTRA_AFTER_ROUND_ONE.splitlines()
        if stop_before_round is not None and f"第{'一二三四五'[stop_before_round - 1]}轮" in line:
            break
        out.append(line)
    else:
        last_next = max(i for i, line in enumerate(out) if line.strip() == "next")
        out[last_next:last_next] = EXTRA_AT_END.splitlines()
        out += TIEBREAK.splitlines()
    path = directory / "script.txt"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def _rehearse(directory: Path, data: Path, stop_before_round: int | None = None) -> str:
    contest = _contest_file(directory)
    script = _script(directory, stop_before_round)
    before = set(os.listdir(data / "contests")) if (data / "contests").exists() else set()
    assert main(["rehearse", str(contest), "--commands", str(script), "--json",
                 "--data-dir", str(data)]) == 0
    (created,) = set(os.listdir(data / "contests")) - before
    return created


@pytest.fixture(scope="module")
def finished(tmp_path_factory):
    """A contest rehearsed to the end in its own data directory: (data dir, id)."""
    directory = tmp_path_factory.mktemp("finished")
    data = directory / "data"
    i18n.set_language("en")
    saved = os.environ.get("QUIZHALL_DATA_DIR")
    try:
        contest_id = _rehearse(directory, data)
    finally:
        if saved is None:
            os.environ.pop("QUIZHALL_DATA_DIR", None)
        else:
            os.environ["QUIZHALL_DATA_DIR"] = saved
    return data, contest_id


@pytest.fixture(scope="module")
def folded(finished):
    data, contest_id = finished
    i18n.set_language("en")
    with open_store(data) as store:
        stored = replay_stored(store, contest_id)
        report = load_contest_report(store, contest_id)
    return stored, report


@pytest.fixture
def exported(finished, tmp_path):
    """Export the finished contest in a format; returns the file."""
    data, contest_id = finished

    def export(suffix: str) -> Path:
        path = tmp_path / f"results{suffix}"
        with open_store(data) as store:
            export_contest(store, contest_id, None, path)
        return path

    return export


# -- the report agrees with the fold --------------------------------------------------------------

def test_the_report_is_the_engine_fold(folded):
    stored, report = folded
    view = stored.contest.view()
    assert view.finished and report.finished
    assert [t.name for t in report.teams] == [team.name for team in view.teams]
    assert [t.score for t in report.teams] == [team.score for team in view.teams]
    assert [t.rank for t in report.teams] == [team.rank for team in view.teams]
    assert [t.prize for t in report.teams] == [team.prize for team in view.teams]
    assert report.ranking == view.ranking
    # Every point is accounted for: base + points by round + before the rounds = score.
    for team in report.teams:
        total = report.base_score + team.before_rounds + sum(p or 0 for p in team.round_points)
        assert total == pytest.approx(team.score)
    # The progression ends at the final scores and has one step per change of score.
    ledger = [e for e in stored.contest.ledger() if not e.tiebreak]
    assert len(report.progression) == len(ledger) + 1
    assert report.progression[-1].scores == tuple(team.score for team in view.teams)


def test_every_judged_answer_in_effect_is_a_question_attempt(folded):
    stored, report = folded
    judged = {e.seq: e for e in stored.contest.ledger() if e.event == "answer_judged"}
    attempts = {a.seq: a for q in report.questions for a in q.attempts if a.answered}
    assert set(attempts) == set(judged)
    for seq, entry in judged.items():
        assert attempts[seq].verdict == entry.reason
        assert attempts[seq].points == entry.points
        assert attempts[seq].team == entry.team
    shown = [seq for seq, event in enumerate(stored.events)
             if event["type"] == "question_shown"]
    undone, _ = undone_events(stored.events)
    assert [q.seq for q in report.questions] == [s for s in shown if s not in undone]
    assert all(q.stem and q.answer for q in report.questions)  # banks found from the source


def test_adjustments_keep_their_reasons_and_undone_ones_are_marked(folded):
    stored, report = folded
    adjusted = [(seq, e) for seq, e in enumerate(stored.events) if e["type"] == "score_adjusted"]
    assert len(adjusted) == 4
    by_seq = {entry.seq: entry for entry in report.audit}
    in_effect = {entry.seq for entry in stored.contest.ledger()}
    for seq, event in adjusted:
        entry = by_seq[seq]
        assert entry.reasons == event["reason"]
        assert entry.points == event["points"]
        assert entry.undone == (seq not in in_effect)
    assert [by_seq[seq].undone for seq, _ in adjusted] == [False, False, True, False]
    undos = [entry.description for entry in report.audit if entry.type in ("undo", "redo")]
    assert undos[:2] == [f"undid the action from event #{adjusted[1][0]}",
                         f"redid the action from event #{adjusted[1][0]}"]


# -- formats, opened back -----------------------------------------------------------------------

def test_xlsx_opened_back_holds_the_folded_values(folded, exported):
    _, report = folded
    book = openpyxl.load_workbook(exported(".xlsx"))
    assert book.sheetnames[0] == "Ranking"
    ranking = book["Ranking"]
    assert ranking.freeze_panes == "A2"
    header = [cell.value for cell in ranking[1]]
    rows = list(ranking.iter_rows(min_row=2, max_row=1 + len(report.teams), values_only=True))
    for row, index in zip(rows, report.ranking, strict=True):
        team = report.teams[index]
        record = dict(zip(header, row, strict=True))
        assert record["Rank"] == team.rank
        assert record["Team"] == ("'" + team.name if team.name[0] in DANGEROUS else team.name)
        assert record["Score"] == team.score
        assert record["Right"] == team.right and record["Wrong"] == team.wrong
    for title in [r.title for r in report.rounds if r.status != "not_played"]:
        assert title in book.sheetnames
    questions = book["Questions"]
    header = [cell.value for cell in questions[1]]
    got = [dict(zip(header, row, strict=True))
           for row in questions.iter_rows(min_row=2, values_only=True)]
    want = [(q, a) for q in report.questions for a in (q.attempts or (None,))]
    assert len(got) == len(want)
    for record, (question, attempt) in zip(got, want, strict=True):
        assert record["Question"] == question.key
        assert record["Round"] == question.round + 1
        if attempt is not None:
            assert record["Points"] == attempt.points
            assert record["Event"] == attempt.seq
        assert record["Question correct rate"] == question.correct_rate
    audit = book["Audit trail"]
    header = [cell.value for cell in audit[1]]
    reasons = {row[0]: dict(zip(header, row, strict=True))
               for row in audit.iter_rows(min_row=2, values_only=True)}
    for entry in report.audit:
        if entry.type == "score_adjusted":
            assert reasons[entry.seq]["Reasons"] == "'" + entry.reasons  # each starts -,+,@,=
            assert reasons[entry.seq]["Undone"] == ("undone" if entry.undone else None)


def test_xlsx_negative_scores_are_number_cells(folded, exported):
    _, report = folded
    book = openpyxl.load_workbook(exported(".xlsx"))
    cells = [cell for row in book["Progression"].iter_rows(min_row=2) for cell in row
             if isinstance(cell.value, int | float) and cell.value < 0]
    assert cells and all(cell.data_type == "n" for cell in cells)


def _csv_sections(path: Path) -> dict[str, list[list[str]]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    sections: dict[str, list[list[str]]] = {}
    current: list[list[str]] = []
    for row in csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")):
        if row and row[0].startswith("# "):
            current = sections.setdefault(row[0][2:], [])
        elif row:
            current.append(row)
    return sections


def test_csv_sections_hold_the_folded_values(folded, exported):
    _, report = folded
    sections = _csv_sections(exported(".csv"))
    played = [r for r in report.rounds if r.status != "not_played"]
    assert list(sections) == (["ranking", "score-by-round"]
                              + [f"round-{r.index + 1}" for r in played]
                              + ["questions", "progression", "audit", "facts", "rounds"])
    header, *rows = sections["ranking"]
    for row, index in zip(rows, report.ranking, strict=True):
        record = dict(zip(header, row, strict=True))
        team = report.teams[index]
        assert float(record["Score"]) == team.score
        assert int(record["Rank"]) == team.rank
        assert record["Team"].lstrip("'") == team.name
    header, *rows = sections["audit"]
    assert len(rows) == len(report.audit)
    for row, entry in zip(rows, report.audit, strict=True):
        record = dict(zip(header, row, strict=True))
        assert int(record["Event"]) == entry.seq
        assert record["Event type"] == entry.type
        if entry.points is not None:
            assert float(record["Points"]) == entry.points
    header, *rows = sections["questions"]
    assert sum(max(1, len(q.attempts)) for q in report.questions) == len(rows)


def test_json_is_the_report(folded, exported):
    stored, report = folded
    data = json.loads(exported(".json").read_text(encoding="utf-8"))
    assert data["kind"] == "quizhall.contest-report" and data["format"] == 1
    assert data["status"] == "finished"
    view = stored.contest.view()
    assert [(t["name"], t["score"], t["rank"]) for t in data["teams"]] == [
        (t.name, t.score, t.rank) for t in view.teams]
    assert data["ranking"] == [view.teams[i].name for i in view.ranking]
    verdicts = [(a["seq"], a["verdict"]) for q in data["questions"] for a in q["attempts"]]
    assert verdicts == [(a.seq, a.verdict) for q in report.questions for a in q.attempts]
    adjusted = [e for e in data["audit"] if e["type"] == "score_adjusted"]
    assert [e["reasons"] for e in adjusted] == [
        "-5：抢答器误触，仲裁组裁定", "+5 申诉成功", "@仲裁组：违规", "=仲裁组：违规（改判）"]


def test_html_is_self_contained_escaped_and_has_a_chart(folded, exported):
    _, report = folded
    text = exported(".html").read_text(encoding="utf-8")
    for team in report.teams:
        assert escape(team.name) in text
    assert "<script" not in text
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", text)
    assert "@import" not in text and "url(" not in text
    svg = re.search(r"<svg.*?</svg>", text, re.S)
    assert svg is not None
    root = ET.fromstring(svg.group())
    lines = root.findall("{http://www.w3.org/2000/svg}polyline")
    assert len(lines) == len(report.teams)
    # Every round played is a section of the report.
    for round_result in report.rounds:
        if round_result.status != "not_played":
            assert f"<h2>{escape(round_result.title)}</h2>" in text


def test_markdown_shows_names_literally(folded, exported):
    text = exported(".md").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;队" in text
    assert r"\*\*第三\*\*\|队" in text
    assert "<script>" not in text


# -- no cell starts a formula ---------------------------------------------------------------------

@pytest.mark.parametrize("start", DANGEROUS)
def test_no_exported_cell_starts_a_formula(start, tmp_path):
    from quizhall.exporters.results import write_results
    from quizhall.report.contest import contest_report
    from quizhall.testing import start as start_contest

    teams = "teams:\n" + "".join(
        f"  - {{name: {json.dumps(name, ensure_ascii=False)}, members: [甲]}}\n"
        for name in (f"{start}1+2", "乙队"))
    text = (f"title: {json.dumps(start + '标题', ensure_ascii=False)}\nbase_score: 0\n"
            f"banks: [labour-law.zh.yaml]\n{teams}"
            "rounds:\n  - type: required\n    questions: {count: 2}\n    wrong: -10\n")
    rehearsal = start_contest(text, base_dir=SAMPLES)
    rehearsal.run(["next", "next", "wrong", f"adjust 2 -5 {start}x+1".replace("\t", "\\t"),
                   "next", "right"])
    report = contest_report(rehearsal.contest, contest_id="c")
    assert report.teams[0].name == f"{start}1+2"
    write_results(report, "xlsx", tmp_path / "r.xlsx")
    write_results(report, "csv", tmp_path / "r.csv")
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    numbers = 0
    for sheet in book:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    assert cell.data_type == "s"
                    assert not cell.value.startswith(DANGEROUS), (sheet.title, cell.value)
                elif isinstance(cell.value, int | float) and cell.value < 0:
                    numbers += 1
    assert numbers > 0  # the -10 and -5 stay numbers
    assert "'" + f"{start}1+2".replace("\r", "\u240d") in [
        c.value for c in book["Ranking"]["B"]]
    for row in csv.reader(io.StringIO((tmp_path / "r.csv").read_text("utf-8-sig"),
                                      newline="")):
        for value in row:
            is_number = re.fullmatch(r"-?\d+(\.\d+)?", value) is not None
            assert is_number or not value.startswith(DANGEROUS), value


# -- unfinished and killed contests ---------------------------------------------------------------

def test_a_contest_stopped_mid_way_exports_what_it_has(tmp_path, capsys):
    data = tmp_path / "data"
    contest_id = _rehearse(tmp_path, data, stop_before_round=3)
    out = tmp_path / "partial.json"
    assert main(["export", contest_id, "-o", str(out), "--data-dir", str(data)]) == 0
    assert f"contest {contest_id} is not over" in capsys.readouterr().err
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["status"] == "running"
    assert report["position"].startswith("stopped in round 2")
    assert [r["status"] for r in report["rounds"]][:3] == ["played", "in_progress",
                                                          "not_played"]


KILLER = """
import os, signal, sys
from quizhall.contest import Command, Contest, ManualClock, load_contest
from quizhall.store import open_store

loaded = load_contest(sys.argv[1])
store = open_store(sys.argv[2])
contest_id = store.create_contest(loaded.plan.title, loaded.plan.to_dict(), sys.argv[1])
log = store.open_log(contest_id, writer=True)
contest = Contest.start(loaded.plan, log, ManualClock(1000.0), questions=loaded.questions)
for line in ["next", "next", "right", "next", "wrong"]:
    contest.execute(Command(line))
with open(log.path, "ab") as raw:
    raw.write(b'{"seq": 9, "event": {"type": "answer_ju')   # a line torn by the kill
    raw.flush()
print(contest_id, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_contest_killed_mid_write_still_exports(tmp_path):
    data = tmp_path / "data"
    contest = _contest_file(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    done = subprocess.run([sys.executable, "-c", KILLER, str(contest), str(data)],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == -9
    contest_id = done.stdout.strip()
    out = tmp_path / "killed.xlsx"
    assert main(["export", contest_id, "-o", str(out), "--data-dir", str(data)]) == 0
    book = openpyxl.load_workbook(out)
    header = [c.value for c in book["Ranking"][1]]
    rows = [dict(zip(header, row, strict=True))
            for row in book["Ranking"].iter_rows(min_row=2, max_row=4, values_only=True)]
    assert {r["Team"]: r["Score"] for r in rows} == {
        "<script>alert(1)</script>队": 110, "'=HYPERLINK(\"x\")": 100, "**第三**|队": 100}
    facts = {row[0]: row[1] for row in book["Summary"].iter_rows(values_only=True)}
    assert facts["Status"].startswith("not finished: stopped in round 1")


# -- the command -------------------------------------------------------------------------------

def test_command_errors_are_messages_with_exit_statuses(finished, tmp_path, capsys):
    data, contest_id = finished
    cases = [
        (["export", "no-such-contest", "-o", str(tmp_path / "x.xlsx")], 1,
         "there is no contest no-such-contest"),
        (["export", contest_id, "-o", str(tmp_path / "x.pdf")], 2,
         "cannot tell the format from"),
        (["export", contest_id, "--format", "pdf", "-o", str(tmp_path / "x.pdf")], 2,
         'unknown format "pdf"; available: xlsx, csv, json, md, html'),
        (["export", "-o", str(tmp_path / "x.xlsx")], 2, "give a contest id, or a trainee"),
        (["export", contest_id, "--user", "ann", "-o", str(tmp_path / "x.xlsx")], 2,
         "give a contest id, or a trainee"),
        (["export", contest_id, "-o", str(tmp_path / "missing" / "x.xlsx")], 1,
         "cannot write"),
    ]
    for argv, status, message in cases:
        assert main([*argv, "--data-dir", str(data)]) == status, argv
        err = capsys.readouterr().err
        assert message in err, (argv, err)
        assert "Traceback" not in err


def test_command_takes_the_format_from_format_or_suffix(finished, tmp_path, capsys):
    data, contest_id = finished
    assert main(["export", contest_id, "--format", "html", "-o", str(tmp_path / "report.txt"),
                 "--data-dir", str(data)]) == 0
    assert (tmp_path / "report.txt").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["export", contest_id, "-o", str(tmp_path / "r.HTM"),
                 "--data-dir", str(data)]) == 0
    assert (tmp_path / "r.HTM").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "exported to" in capsys.readouterr().out


def test_zh_report_headings(finished, tmp_path):
    from quizhall import i18n

    data, contest_id = finished
    i18n.set_language("zh-CN")
    with open_store(data) as store:
        export_contest(store, contest_id, "xlsx", tmp_path / "zh.xlsx")
    book = openpyxl.load_workbook(tmp_path / "zh.xlsx")
    assert book.sheetnames[0] == "排名"
    assert [c.value for c in book["排名"][1]][:4] == ["名次", "队伍", "队员", "总分"]
    header = [c.value for c in book["排名"][1]]
    prizes = [dict(zip(header, row, strict=True))["奖项"]
              for row in book["排名"].iter_rows(min_row=2, max_row=4, values_only=True)]
    assert prizes == ["一等奖", "二等奖", None]


def test_missing_contest_file_exports_without_question_texts(tmp_path):
    data = tmp_path / "data"
    contest_id = _rehearse(tmp_path, data, stop_before_round=2)
    (tmp_path / "awkward.contest.yaml").unlink()
    with open_store(data) as store:
        report = export_contest(store, contest_id, "json", tmp_path / "r.json")
    assert report.questions and all(q.stem == "" for q in report.questions)
    assert len(report.warnings) == 1 and "contest file" in report.warnings[0]


def test_unreadable_log_is_a_report_error(tmp_path):
    with open_store(tmp_path / "data") as store:
        contest_id = store.create_contest("empty", {"teams": []})
        with pytest.raises(ReportError, match=f"log of contest {contest_id}"):
            load_contest_report(store, contest_id)


def test_built_in_results_exporters_are_registered_plugins():
    for kind in ("contest", "practice"):
        assert list(exporters(kind)) == ["xlsx", "csv", "json", "md", "html"]
    assert exporters("bank")["xlsx"].kind == "bank"


def test_the_host_console_can_export_its_live_contest(tmp_path):
    """The TUI's export key hands the first contest exporter the live contest's report."""
    from quizhall.exporters.results import write_results
    from quizhall.report.contest import contest_report
    from quizhall.testing import start as start_contest
    from quizhall.tui.export import export_results

    rehearsal = start_contest(_contest_file(tmp_path))
    rehearsal.run(["next", "next", "right", "adjust 2 -5 迟到"])
    contest = rehearsal.contest
    first = next(iter(exporters("contest").values()))
    assert first.name == "xlsx"
    message, ok = export_results(contest, "hall-0", [first], tmp_path)
    assert ok, message
    book = openpyxl.load_workbook(tmp_path / "hall-0-results.xlsx")
    assert ("Id", "hall-0") in list(book["Summary"].iter_rows(max_col=2, values_only=True))
    scores = [row[3] for row in book["Ranking"].iter_rows(min_row=2, max_row=4,
                                                          values_only=True)]
    assert scores == [110, 100, 95]
    report = contest_report(contest, contest_id="hall-1")
    write_results(report, None, tmp_path / "live.html")
    text = (tmp_path / "live.html").read_text(encoding="utf-8")
    assert "hall-1" in text and "迟到" in text


def test_a_chart_of_one_point_still_shows_the_point():
    from quizhall.exporters.svgchart import line_chart_svg
    from quizhall.exporters.tables import Chart, Series

    chart = Chart("accuracy", "day", "%", (Series("ann", (57.1,)), Series("bo", (40.0, 60.0))))
    root = ET.fromstring(line_chart_svg(chart))
    circles = root.findall("{http://www.w3.org/2000/svg}circle")
    assert len(circles) == 1  # for the one-day series only; the two-day one is a line
    y = float(circles[0].get("cy"))
    ticks = {float(t.text): float(t.get("y")) for t in root.iter("{http://www.w3.org/2000/svg}text")
             if t.get("class") == "tick" and t.text and t.text.replace(".", "").isdigit()}
    below, above = max(v for v in ticks if v <= 57.1), min(v for v in ticks if v >= 57.1)
    assert ticks[above] <= y <= ticks[below]  # drawn at its value on the axis


def test_the_report_holds_the_settings_of_the_plugins_the_contest_lists():
    from contest_helpers import DATA, contest_text

    from quizhall.contest import Setting
    from quizhall.hookspecs import hookimpl
    from quizhall.report.contest import contest_report
    from quizhall.testing import start

    class Organiser:
        @hookimpl
        def quizhall_declare_settings(self):
            return {"organiser": Setting("text", None, "organiser", nullable=True)}

    rehearsal = start(contest_text("  - type: buzz\n    questions: {count: 2}\n"),
                      plugins={Organiser(): {"organiser": "市总工会"}}, base_dir=DATA)
    report = contest_report(rehearsal.contest)
    assert report.plugin_settings == {"test-plugin-0": {"organiser": "市总工会"}}
    assert report.to_dict()["plugin_settings"] == {"test-plugin-0": {"organiser": "市总工会"}}


# -- one export flow: the CLI and the host console write the same files --------------------------


@pytest.mark.parametrize("suffix", [".csv", ".json", ".md", ".html"])
def test_cli_and_host_console_exports_are_byte_identical(finished, tmp_path, suffix):
    from quizhall.contest.clock import ManualClock
    from quizhall.contest.stored import resume_stored, stored_questions
    from quizhall.tui.export import export_path, export_results

    data, contest_id = finished
    i18n.set_language("en")
    cli = tmp_path / f"cli{suffix}"
    assert main(["export", contest_id, "-o", str(cli), "--data-dir", str(data)]) == 0
    exporter = next(e for e in exporters("contest").values() if e.suffix == suffix)
    with open_store(data) as store:
        # The host console's contest: resumed from its log, as the console does (a finished
        # contest records nothing more), with the questions it was run with.
        questions, _ = stored_questions(store.contest(contest_id))
        contest = resume_stored(store, contest_id, ManualClock, questions=questions)
        assert contest.state.phase == "finished"
        message, ok = export_results(contest, contest_id, [exporter], tmp_path)
    assert ok, message
    host = export_path(exporter, contest_id, tmp_path)
    assert host.read_bytes() == cli.read_bytes()
