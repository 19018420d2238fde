"""The audience's rules, in the engine: joins, one answer each, time, leaderboard, the draw."""

from __future__ import annotations

import pytest
from audience_helpers import demo_on_question

from quizhall.contest import Command
from quizhall.contest.audience import (
    AUDIENCE_PAGES,
    NICKNAME_LIMIT,
    AudienceBoard,
    draw_winners,
    question_fields,
    token_hash,
)
from quizhall.contest.evolve import fold


def joined(*names: str) -> list[dict]:
    return [{"type": "audience_joined", "t": 1.0 + i, "device": f"d{i + 1}", "nickname": name,
             "unit": "", "token_hash": token_hash(f"token-{name}")}
            for i, name in enumerate(names)]


def opened(t: float = 10.0, answer: str = "B", seconds: float = 20.0,
           options: tuple[str, ...] = ("A", "B", "C", "D")) -> dict:
    return {"type": "audience_question_opened", "t": t, "key": "bank/q1", "number": 1,
            "options": list(options), "answer": answer, "seconds": seconds}


def answered(device: str, choice: str, elapsed: float) -> dict:
    return {"type": "audience_answered", "t": 10.0 + elapsed, "device": device,
            "choice": choice, "elapsed": elapsed}


def test_a_device_answers_a_question_once():
    board = AudienceBoard.fold([*joined("amy"), opened(), answered("d1", "B", 2.0)])
    assert board.check_answer("d1", "C", 13.0) == "audience.refused.answered"


def test_an_answer_after_the_time_is_refused():
    board = AudienceBoard.fold([*joined("amy"), opened(t=10.0, seconds=20.0)])
    assert board.check_answer("d1", "B", 29.9) is None
    assert board.check_answer("d1", "B", 30.1) == "audience.refused.too_late"


def test_an_answer_after_the_question_closed_is_refused():
    board = AudienceBoard.fold([*joined("amy"), opened(),
                                {"type": "audience_question_closed", "t": 12.0}])
    assert board.check_answer("d1", "B", 12.5) == "audience.refused.no_question"


def test_an_unknown_device_cannot_answer():
    board = AudienceBoard.fold([*joined("amy"), opened()])
    assert board.check_answer("d9", "B", 11.0) == "audience.refused.unknown_device"
    assert board.check_answer(None, "B", 11.0) == "audience.refused.unknown_device"


def test_a_single_choice_takes_one_known_letter():
    board = AudienceBoard.fold([*joined("amy"), opened()])
    assert board.check_answer("d1", "AB", 11.0) == "audience.refused.bad_choice"
    assert board.check_answer("d1", "E", 11.0) == "audience.refused.bad_choice"
    assert board.check_answer("d1", "", 11.0) == "audience.refused.bad_choice"
    assert board.check_answer("d1", "b", 11.0) is None


def test_a_multiple_choice_takes_several_letters():
    board = AudienceBoard.fold([*joined("amy"), opened(answer="AC")])
    assert board.check_answer("d1", "ca", 11.0) is None


def test_nickname_length_limit_and_uniqueness():
    board = AudienceBoard.fold(joined("Amy"))
    assert board.check_join("x" * (NICKNAME_LIMIT + 1), "", False)[0] == \
        "audience.refused.nickname_long"
    assert board.check_join("x" * NICKNAME_LIMIT, "", False)[0] is None
    assert board.check_join("ＡＭＹ", "", False)[0] == "audience.refused.nickname_taken"
    assert board.check_join("a\x1b[31mb", "", False)[0] == "audience.refused.nickname_control"
    assert board.check_join("   ", "", False)[0] == "audience.refused.nickname_empty"
    assert board.check_join("bo", "", True)[0] == "audience.refused.unit_empty"


def test_a_nickname_with_markup_is_kept_as_written():
    refusal, nickname, _ = AudienceBoard().check_join("<b>[red]x", "", False)
    assert refusal is None and nickname == "<b>[red]x"


def test_counts_and_right_answerers_fastest_first():
    board = AudienceBoard.fold([*joined("amy", "bo", "cy"), opened(answer="B"),
                                answered("d1", "B", 5.0), answered("d2", "A", 1.0),
                                answered("d3", "B", 2.0)])
    question = board.current
    assert question.counts() == {"A": 1, "B": 2, "C": 0, "D": 0}
    assert question.right() == ["d3", "d1"]


def test_leaderboard_ranks_right_answers_then_time():
    events = [*joined("amy", "bo", "cy"), opened(answer="B"), answered("d1", "B", 5.0),
              answered("d2", "B", 1.0), answered("d3", "A", 1.0),
              {**opened(t=50.0, answer="A"), "number": 2}, answered("d1", "A", 3.0),
              {"type": "audience_question_closed", "t": 60.0}]
    board = AudienceBoard.fold(events)
    assert [(s.rank, s.nickname, s.right, s.seconds) for s in board.leaderboard()] == [
        (1, "amy", 2, 8.0), (2, "bo", 1, 1.0)]


def test_an_open_question_does_not_count_on_the_leaderboard_yet():
    board = AudienceBoard.fold([*joined("amy"), opened(answer="B"), answered("d1", "B", 2.0)])
    assert board.leaderboard() == []
    board.apply({"type": "audience_question_closed", "t": 30.0})
    assert [line.nickname for line in board.leaderboard()] == ["amy"]


def test_draw_winners_come_again_from_the_recorded_seed_and_candidates():
    candidates = [f"d{i}" for i in range(1, 40)]
    first = draw_winners(12345, candidates, 3)
    assert first == draw_winners(12345, candidates, 3)
    assert len(set(first)) == 3 and set(first) <= set(candidates)
    assert draw_winners(1, ["d1", "d2"], 5) in (["d1", "d2"], ["d2", "d1"])


def test_draw_candidates_are_the_right_answerers_of_the_question_or_the_contest():
    events = [*joined("amy", "bo", "cy"), opened(answer="B"), answered("d1", "B", 5.0),
              answered("d2", "A", 1.0), {**opened(t=50.0, answer="A"), "number": 2},
              answered("d2", "A", 1.0), answered("d3", "C", 1.0),
              {"type": "audience_question_closed", "t": 60.0}]
    board = AudienceBoard.fold(events)
    assert board.candidates("question") == ["d2"]
    assert board.candidates("contest") == ["d1", "d2"]


def test_judge_questions_get_two_options_and_fill_questions_none():
    class Judge:
        type, answer, options = "judge", False, {}

    class Fill:
        type, answer, options = "fill", ("x",), {}

    assert question_fields(Judge()) == (("A", "B"), "B")
    assert question_fields(Fill()) is None


# -- in the contest's log --------------------------------------------------------------------

def test_the_audience_never_changes_team_scores():
    contest = demo_on_question()
    before = contest.state.scores
    contest.record_audience([{"type": "audience_joined", "device": "d1", "nickname": "amy",
                              "unit": "", "token_hash": "h"}])
    assert contest.state.scores == before
    assert fold(contest.log.read()).state.scores == before


def test_record_audience_takes_audience_events_only():
    contest = demo_on_question()
    with pytest.raises(ValueError):
        contest.record_audience([{"type": "score_adjusted", "team": 0, "points": 5,
                                  "reason": "x"}])
    assert not [e for e in contest.log.read() if e["type"] == "score_adjusted"]


def test_undo_leaves_the_audience_answers_in_place():
    contest = demo_on_question()
    contest.execute(Command("right"))
    contest.record_audience([{"type": "audience_joined", "device": "d1", "nickname": "amy",
                              "unit": "", "token_hash": "h"}])
    outcome = contest.execute(Command("undo"))
    assert outcome.accepted
    assert contest.state.phase == "question"  # the judgement was undone …
    board = AudienceBoard.fold(contest.log.read())
    assert list(board.members) == ["d1"]  # … the audience's join was not


# -- the export --------------------------------------------------------------------------------

def test_the_export_has_an_audience_sheet_with_the_draw_as_recorded():
    from quizhall.exporters.contest_tables import contest_document
    from quizhall.report.contest import contest_report

    contest = demo_on_question()
    contest.record_audience([
        *[{k: v for k, v in e.items() if k != "t"} for e in joined("=1+1", "bo")],
        {k: v for k, v in opened(answer="B").items() if k != "t"},
        {"type": "audience_answered", "device": "d1", "choice": "B", "elapsed": 3.0},
        {"type": "audience_answered", "device": "d2", "choice": "A", "elapsed": 1.0},
        {"type": "audience_question_closed"},
        {"type": "audience_draw", "scope": "question", "key": "bank/q1", "count": 1,
         "seed": 7, "candidates": ["d1"]}])
    report = contest_report(contest)
    assert [(a.nickname, a.rank, a.right, a.answers) for a in report.audience] == [
        ("=1+1", 1, 1, 1), ("bo", None, 0, 1)]
    assert [(d.seed, d.candidates, d.winners) for d in report.draws] == [(7, ("d1",), ("d1",))]
    sheets = {sheet.key: sheet for sheet in contest_document(report).sheets}
    audience, draws = sheets["audience"].tables
    assert audience.rows[0][:4] == (1, "=1+1", "", 1)
    assert draws.rows[0][-1] == "=1+1"
    assert report.to_dict()["draws"][0]["seed"] == 7


# -- the contest file --------------------------------------------------------------------------

def _load(tmp_path, audience: str):
    import shutil

    from contest_helpers import DATA

    from quizhall.contest import load_contest

    shutil.copy(DATA / "rules.yaml", tmp_path / "rules.yaml")
    path = tmp_path / "a.contest.yaml"
    path.write_text("title: T\nbanks: [rules.yaml]\nteams:\n  - {name: A}\n  - {name: B}\n"
                    f"audience: {audience}\nrounds:\n  - {{type: buzz, questions: {{count: 2}}}}\n",
                    encoding="utf-8")
    return load_contest(path)


def test_a_contest_file_turns_the_audience_on_with_its_settings(tmp_path):
    assert _load(tmp_path, "true").audience.enabled
    load = _load(tmp_path, '{port: 9000, seconds: 15, ask_unit: true, join_code: "2025"}')
    settings = load.audience
    assert (settings.enabled, settings.port, settings.seconds, settings.ask_unit,
            settings.join_code, settings.bind) == (True, 9000, 15.0, True, "2025", None)


def test_a_bad_audience_setting_is_reported_at_its_position(tmp_path):
    load = _load(tmp_path, '{join_code: "12ab", colour: red}')
    found = [(d.line, d.column, d.message) for d in load.diagnostics]
    assert (6, 23, "the audience join code 12ab should be 4 to 8 digits") in found
    assert any(line == 6 and "colour" in message for line, _, message in found)


def test_the_audience_page_is_one_of_its_pages_or_none():
    board = AudienceBoard.fold([{"type": "audience_page", "page": "join"}])
    assert board.page == "join"
    board.apply({"type": "audience_page", "page": "scores"})  # not the audience's: none up
    assert board.page == ""
    for page in AUDIENCE_PAGES:
        board.apply({"type": "audience_page", "page": page})
        assert board.page == page


def test_the_answers_page_shows_option_texts_literally_and_marks_the_right_one():
    from quizhall.tui.audience_pages import audience_page

    board = AudienceBoard.fold([
        {"type": "audience_server_started", "url": "http://10.0.0.2:8080/", "code": "1234"},
        *joined("amy", "bo"), opened(answer="B"),
        {"type": "audience_answered", "device": "d1", "choice": "B", "elapsed": 2.0},
        {"type": "audience_question_closed"}, {"type": "audience_page", "page": "answers"}])
    options = {"A": "[red]一个月", "B": "两个月\x1b[2J", "C": "三个月", "D": "六个月"}
    text = "\n".join(line.plain for line in audience_page(board, 20.0, 80, 24, None,
                                                          options=options))
    assert "[red]一个月" in text and "\x1b" not in text
    assert "B ✔" in text and "100%" in text
