"""A contest report laid out as sheets of tables and a chart, with translated headings.

:func:`contest_document` turns a :class:`~quizhall.report.contest.ContestReport`
into the :class:`~quizhall.exporters.tables.Document` the XLSX, CSV, Markdown and HTML
exporters render: the ranking, one sheet per round played, the questions (one row per
answer), the score progression, the audit trail and a summary.
"""

from __future__ import annotations

from quizhall.bank.model import plain_value
from quizhall.exporters.tables import (
    COLLAPSE,
    NUMBER,
    PERCENT,
    PICTURE,
    SECONDS,
    SKIP,
    Cell,
    Chart,
    Column,
    Document,
    Series,
    Sheet,
    Table,
)
from quizhall.i18n import get_language, t
from quizhall.report.contest import (
    NOT_PLAYED,
    ContestReport,
    QuestionResult,
    RoundResult,
)

_CHINESE_NUMERALS = "一二三四五六七八九十"


def prize_label(prize: int | None) -> str:
    """一等奖 / 1st prize for prize rank 1, and so on ("" for none)."""
    if prize is None:
        return ""
    if get_language() == "zh-CN":
        numeral = _CHINESE_NUMERALS[prize - 1] if 1 <= prize <= 10 else str(prize)
        return t("export.prize", n=numeral)
    suffix = "th" if 10 <= prize % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(prize % 10,
                                                                                   "th")
    return t("export.prize", n=f"{prize}{suffix}")


def outcome_label(code: str) -> str:
    """A verdict or question outcome as people read it."""
    if code in ("right", "wrong", "partial", "timeout", "early_buzz", "shout_out"):
        return t(f"contest.verdict.{code}")
    return t(f"export.outcome.{code}")


def _members(names: tuple[str, ...]) -> str:
    return t("export.list_separator").join(names)


def _column(key: str, kind: str = "text", wide: bool = False) -> Column:
    return Column(key, t(f"export.col.{key}"), kind, wide)


def contest_document(report: ContestReport) -> Document:
    """The report as sheets of tables, a score chart and summary facts."""
    sheets = [Sheet("ranking", t("export.sheet.ranking"),
                    (ranking_table(report), score_by_round_table(report)))]
    for round_result in report.rounds:
        if round_result.status == NOT_PLAYED:
            continue
        sheets.append(Sheet(f"round-{round_result.index + 1}", round_result.title or
                            t("export.round_number", number=round_result.index + 1),
                            (round_table(report, round_result),
                             questions_table(report, round_result.index))))
    sheets.append(Sheet("questions", t("export.sheet.questions"), (questions_table(report),),
                        COLLAPSE))
    sheets.append(Sheet("progression", t("export.sheet.progression"),
                        (progression_table(report),), SKIP))
    sheets.append(Sheet("audit", t("export.sheet.audit"), (audit_table(report),), COLLAPSE))
    if report.audience:
        sheets.append(Sheet("audience", t("export.sheet.audience"),
                            (audience_table(report), draws_table(report))))
    sheets.append(Sheet("summary", t("export.sheet.summary"),
                        (facts_table(facts(report)), rounds_table(report))))
    return Document(title=report.title, facts=facts(report), sheets=tuple(sheets),
                    chart=score_chart(report), warnings=report.warnings)


def facts(report: ContestReport) -> tuple[tuple[str, str], ...]:
    """Label and value pairs saying what the report is about."""
    if report.finished:
        status = t("export.status_finished_early" if report.ended_early
                   else "export.status_finished")
    else:
        status = t("export.status_running", position=report.position)
    items = [
        (t("export.fact.title"), report.title),
        (t("export.fact.contest_id"), report.contest_id),
        (t("export.fact.status"), status),
        (t("export.fact.started"), report.started_at),
        (t("export.fact.last_event"), report.last_event_at),
        (t("export.fact.events"), str(report.events)),
        (t("export.fact.base_score"), str(plain_value(report.base_score))),
        (t("export.fact.prizes"), _members(tuple(prize_label(p) for p in report.prizes))),
    ]
    if report.floor is not None:
        items.append((t("export.fact.floor"), str(plain_value(report.floor))))
    if report.open_ties:
        groups = [_members(tuple(report.teams[i].name for i in group))
                  for group in report.open_ties]
        items.append((t("export.fact.open_ties"), "; ".join(groups)))
    return tuple((label, value) for label, value in items if value)


def facts_table(items: tuple[tuple[str, str], ...]) -> Table:
    return Table("facts", t("export.sheet.summary"),
                 (_column("item"), _column("value", wide=True)), tuple(items))


def ranking_table(report: ContestReport) -> Table:
    played = [r for r in report.rounds if r.status != NOT_PLAYED]
    tiebreak = any(team.tiebreak for team in report.teams)
    before = any(team.before_rounds for team in report.teams)
    columns = [_column("rank", NUMBER), _column("team"), _column("members", wide=True),
               _column("score", NUMBER)]
    if tiebreak:
        columns.append(_column("tiebreak", NUMBER))
    columns.append(_column("prize"))
    if before:
        columns.append(_column("before_rounds", NUMBER))
    columns += [Column(f"round_{r.index + 1}", r.title or t("export.round_number",
                                                            number=r.index + 1), NUMBER)
                for r in played]
    columns += [_column("adjustments", NUMBER), _column("answers", NUMBER),
                _column("right", NUMBER), _column("wrong", NUMBER), _column("partial", NUMBER),
                _column("timeouts", NUMBER), _column("early_buzzes", NUMBER),
                _column("correct_rate", PERCENT), _column("note")]
    rows = []
    for index in report.ranking:
        team = report.teams[index]
        row: list[Cell] = [team.rank, team.name, _members(team.members), plain_value(team.score)]
        if tiebreak:
            row.append(plain_value(team.tiebreak))
        row.append(prize_label(team.prize))
        if before:
            row.append(plain_value(team.before_rounds))
        row += [_number(team.round_points[r.index]) for r in played]
        row += [plain_value(team.adjustments), team.answers, team.right, team.wrong, team.partial,
                team.timeouts, team.early_buzzes, team.correct_rate,
                t("export.tied") if team.tied else ""]
        rows.append(tuple(row))
    return Table("ranking", t("export.sheet.ranking"), tuple(columns), tuple(rows))


def score_by_round_table(report: ContestReport) -> Table:
    """Each team's score after each round played, in ranking order."""
    played = [r for r in report.rounds if r.status != NOT_PLAYED]
    columns = [_column("team")] + [
        Column(f"after_round_{r.index + 1}", r.title or t("export.round_number",
                                                         number=r.index + 1), NUMBER)
        for r in played]
    after = {(r.index, team.team): team.score_after for r in played for team in r.teams}
    rows = []
    for index in report.ranking:
        team = report.teams[index]
        running = report.base_score + team.before_rounds
        row: list[Cell] = [team.name]
        for r in played:
            running += team.round_points[r.index] or 0.0
            row.append(plain_value(after.get((r.index, index), running)))
        rows.append(tuple(row))
    return Table("score-by-round", t("export.score_by_round"), tuple(columns), tuple(rows))


def round_table(report: ContestReport, round_result: RoundResult) -> Table:
    tiebreak = any(team.tiebreak for team in round_result.teams)
    columns = [_column("team"), _column("round_points", NUMBER)]
    if tiebreak:
        columns.append(_column("tiebreak", NUMBER))
    columns += [_column("answers", NUMBER), _column("right", NUMBER), _column("wrong", NUMBER),
                _column("partial", NUMBER), _column("timeouts", NUMBER),
                _column("early_buzzes", NUMBER), _column("adjustments", NUMBER),
                _column("correct_rate", PERCENT), _column("score_after", NUMBER)]
    rows = []
    for team in round_result.teams:
        row: list[Cell] = [team.name, plain_value(team.points)]
        if tiebreak:
            row.append(plain_value(team.tiebreak))
        row += [team.answers, team.right, team.wrong, team.partial, team.timeouts,
                team.early_buzzes, plain_value(team.adjustments), team.correct_rate,
                plain_value(team.score_after)]
        rows.append(tuple(row))
    note = t("export.round_note", type=round_result.type_title,
             shown=round_result.questions_shown, planned=round_result.questions_planned)
    if round_result.status != "played":
        note += " · " + t("export.round_in_progress")
    return Table(f"round-{round_result.index + 1}",
                 round_result.title or t("export.round_number", number=round_result.index + 1),
                 tuple(columns), tuple(rows), note)


def question_rows(question: QuestionResult) -> list[tuple[Cell, ...]]:
    """One row per change of score on the question; one row if it had none."""
    head: list[Cell] = [question.round + 1, question.number, question.key,
                        t(f"bank.type_{question.type}") if question.type else "",
                        _number(question.stake), question.stem, question.answer]
    rate = question.correct_rate
    if not question.attempts:
        return [tuple(head + [question.assigned or "", "", outcome_label(question.outcome),
                              None, rate, question.seq])]
    return [tuple(head + [attempt.team_name, attempt.member or "",
                          outcome_label(attempt.verdict), plain_value(attempt.points), rate,
                          attempt.seq])
            for attempt in question.attempts]


def questions_table(report: ContestReport, round_index: int | None = None) -> Table:
    columns: tuple[Column, ...] = (
        _column("round", NUMBER), _column("number", NUMBER), _column("question_key"),
        _column("question_type"), _column("stake", NUMBER),
        _column("stem", wide=True), _column("answer", wide=True), _column("team"),
        _column("member"), _column("result"), _column("points", NUMBER),
        _column("question_correct_rate", PERCENT), _column("event", NUMBER))
    # A picture column only when a question has a picture: other reports keep their shape.
    pictures = any(question.image for question in report.questions)
    if pictures:
        columns += (_column("picture", PICTURE),)
    rows = [row + ((question.image,) if pictures else ())
            for question in report.questions
            if round_index is None or question.round == round_index
            for row in question_rows(question)]
    return Table("questions" if round_index is None else f"questions-{round_index + 1}",
                 t("export.sheet.questions"), columns, tuple(rows))


def progression_table(report: ContestReport) -> Table:
    columns = [_column("event", NUMBER), _column("round", NUMBER), _column("team"),
               _column("change", NUMBER)]
    columns += [Column(f"team_{team.index + 1}", team.name, NUMBER) for team in report.teams]
    rows = []
    for point in report.progression:
        team = report.teams[point.team].name if point.team is not None else t("export.start")
        rows.append(tuple([point.seq, point.round + 1 if point.round >= 0 else None, team,
                           plain_value(point.points) if point.team is not None else None,
                           *(plain_value(score) for score in point.scores)]))
    return Table("progression", t("export.sheet.progression"), tuple(columns), tuple(rows))


def audit_table(report: ContestReport) -> Table:
    columns = (_column("event", NUMBER), _column("elapsed", SECONDS), _column("time"),
               _column("type"), _column("description", wide=True), _column("round", NUMBER),
               _column("question_key"), _column("team"), _column("member"), _column("result"),
               _column("points", NUMBER), _column("score_after", NUMBER),
               _column("reasons", wide=True), _column("undone"))
    rows = tuple(
        (entry.seq, entry.elapsed, entry.at, entry.type, entry.description, entry.round,
         entry.question or "", entry.team or "", entry.member or "",
         outcome_label(entry.verdict) if entry.verdict else "", _number(entry.points),
         _number(entry.score_after), entry.reasons, t("export.undone") if entry.undone else "")
        for entry in report.audit)
    return Table("audit", t("export.sheet.audit"), columns, rows)


def audience_table(report: ContestReport) -> Table:
    """The audience leaderboard: every phone that joined, with its right answers and time."""
    columns = (_column("rank", NUMBER), _column("nickname"), _column("unit"),
               _column("audience_right", NUMBER), _column("audience_seconds", SECONDS),
               _column("audience_answers", NUMBER), _column("device"))
    rows = tuple((line.rank, line.nickname, line.unit, line.right, line.seconds, line.answers,
                  line.device) for line in report.audience)
    return Table("audience", t("export.sheet.audience"), columns, rows)


def draws_table(report: ContestReport) -> Table:
    """Each prize draw: what the log recorded first (seed, candidates), then its winners."""
    names = {line.device: line.nickname for line in report.audience}
    separator = t("export.list_separator")
    columns = (_column("event", NUMBER), _column("draw_scope"), _column("question_key"),
               _column("draw_count", NUMBER), _column("draw_seed"),
               _column("draw_candidates", wide=True), _column("draw_winners", wide=True))
    rows = tuple((draw.seq, t(f"export.draw_scope.{draw.scope}"), draw.question or "",
                  draw.count, str(draw.seed), separator.join(draw.candidates),
                  separator.join(names.get(d, d) for d in draw.winners))
                 for draw in report.draws)
    return Table("draws", t("export.sheet.draws"), columns, rows)


def rounds_table(report: ContestReport) -> Table:
    columns = (_column("round", NUMBER), _column("round_title"), _column("round_type"),
               _column("status"), _column("questions_shown", NUMBER),
               _column("questions_planned", NUMBER))
    rows = tuple((r.index + 1, r.title, r.type_title, t(f"export.round_status.{r.status}"),
                  r.questions_shown, r.questions_planned) for r in report.rounds)
    return Table("rounds", t("export.sheet.rounds"), columns, rows)


def score_chart(report: ContestReport) -> Chart:
    """Each team's score after each change of score, with the rounds' starts marked."""
    points = report.progression
    series = tuple(Series(team.name, tuple(point.scores[team.index] for point in points),
                          team.colour) for team in report.teams)
    marks: list[tuple[float, str]] = []
    seen: set[int] = set()
    for x, point in enumerate(points):
        if point.round >= 0 and point.round not in seen:
            seen.add(point.round)  # between the round's first change and the one before it
            marks.append((max(0.0, x - 0.5), t("export.round_mark", number=point.round + 1)))
    return Chart(t("export.chart_title"), t("export.chart_x"), t("export.chart_y"), series,
                 tuple(marks))


def _number(value: float | None) -> int | float | None:
    return None if value is None else plain_value(value)
