"""A practice history laid out as sheets of tables and an accuracy chart, translated.

:func:`practice_document` turns a :class:`~quizhall.report.practice.PracticeReport`
into the :class:`~quizhall.exporters.tables.Document` the XLSX, CSV, Markdown and HTML
exporters render: the questions to study (when the banks were given), every answer, tallies
by tag, level, question type and day, mock exams, the notebook.
"""

from __future__ import annotations

from quizhall.bank.model import plain_value
from quizhall.exporters.tables import (
    COLLAPSE,
    DATETIME,
    NUMBER,
    PERCENT,
    SECONDS,
    Cell,
    Chart,
    Column,
    Document,
    Series,
    Sheet,
    Table,
)
from quizhall.i18n import t
from quizhall.report.practice import PracticeReport, TallyRow

MAX_MARKS = 8


def _column(key: str, kind: str = "text", wide: bool = False) -> Column:
    return Column(key, t(f"export.col.{key}"), kind, wide)


def _yes_no(value: bool | None) -> str:
    if value is None:
        return ""
    return t("export.yes") if value else t("export.no")


def _label(key: str, code: str) -> str:
    """The message ``key`` naming a code (a practice mode, an exam status), or the code
    itself when there is no such message."""
    text = t(key)
    return code if text == key else text


def practice_document(report: PracticeReport) -> Document:
    """The report as sheets of tables, a chart of accuracy per day and summary facts."""
    study = ((Sheet("study", t("export.sheet.study"), (study_table(report),)),)
             if report.study else ())
    sheets = (
        *study,
        Sheet("answers", t("export.sheet.answers"), (answers_table(report),), COLLAPSE),
        Sheet("by-tag", t("export.sheet.by_tag"),
              (tally_table("by-tag", t("export.sheet.by_tag"), "tag", report.by_tag),)),
        Sheet("by-level", t("export.sheet.by_level"), (levels_table(report),)),
        Sheet("by-type", t("export.sheet.by_type"),
              (tally_table("by-type", t("export.sheet.by_type"), "question_type",
                           report.by_type),)),
        Sheet("by-day", t("export.sheet.by_day"),
              (tally_table("by-day", t("export.sheet.by_day"), "date", report.by_day),)),
        Sheet("exams", t("export.sheet.exams"), (exams_table(report),)),
        Sheet("notebook", t("export.sheet.notebook"), (notebook_table(report),)),
    )
    facts = practice_facts(report)
    summary = Sheet("summary", t("export.sheet.summary"),
                    (Table("facts", t("export.sheet.summary"),
                           (_column("item"), _column("value", wide=True)), facts),))
    return Document(title=t("export.practice_title", user=report.user), facts=facts,
                    sheets=(*sheets, summary), chart=accuracy_chart(report),
                    warnings=report.warnings)


def practice_facts(report: PracticeReport) -> tuple[tuple[str, str], ...]:
    accuracy = report.accuracy
    items = [
        (t("export.fact.user"), report.user),
        (t("export.fact.answers"), str(report.answer_count)),
        (t("export.fact.accuracy"),
         f"{plain_value(round(accuracy * 100, 1))}%" if accuracy is not None else ""),
        (t("export.fact.first_answer"), report.first_answer),
        (t("export.fact.last_answer"), report.last_answer),
        (t("export.fact.study_days"), str(report.study_days)),
        (t("export.fact.coverage"), t("export.coverage", seen=report.seen, total=report.pool)
         if report.pool is not None else ""),
        (t("export.fact.notebook"), str(len(report.notebook))),
    ]
    return tuple((label, value) for label, value in items if value)


def answers_table(report: PracticeReport) -> Table:
    columns = (_column("time", DATETIME), _column("bank"), _column("question_key"),
               _column("question_type"), _column("mode"), _column("given", wide=True),
               _column("correct"), _column("credit", PERCENT), _column("seconds", SECONDS),
               _column("tags"), _column("level"), _column("session"))
    separator = t("export.list_separator")
    rows = tuple(
        (row.at, row.bank, row.key, t(f"bank.type_{row.type}") if row.type else "",
         _label(f"export.mode.{row.mode}", row.mode), row.given, _yes_no(row.correct),
         row.credit, row.seconds, separator.join(row.tags), separator.join(row.levels), row.session)
        for row in report.answers)
    return Table("answers", t("export.sheet.answers"), columns, rows)


def tally_table(key: str, title: str, name_column: str, tallies: tuple[TallyRow, ...]) -> Table:
    columns = (_column(name_column), _column("answers", NUMBER), _column("right", NUMBER),
               _column("correct_rate", PERCENT))
    rows = tuple((row.name, row.answers, row.correct, row.accuracy) for row in tallies)
    return Table(key, title, columns, rows)


def levels_table(report: PracticeReport) -> Table:
    columns = (_column("level"), _column("answers", NUMBER), _column("right", NUMBER),
               _column("correct_rate", PERCENT), _column("stars", NUMBER),
               _column("passed"), _column("best_ratio", PERCENT))
    rows = tuple((row.name, row.answers, row.correct, row.accuracy, row.stars,
                  _yes_no(row.passed), row.best_ratio) for row in report.by_level)
    return Table("by-level", t("export.sheet.by_level"), columns, rows)


def exams_table(report: PracticeReport) -> Table:
    columns = (_column("paper"), _column("started", DATETIME), _column("status"),
               _column("finished", DATETIME), _column("questions", NUMBER),
               _column("answers", NUMBER), _column("score", NUMBER),
               _column("max_score", NUMBER), _column("correct_rate", PERCENT),
               _column("seconds", SECONDS), _column("passed"), _column("exam"))
    rows: list[tuple[Cell, ...]] = []
    for exam in report.exams:
        status = _label(f"export.exam_status.{exam.status}", exam.status)
        rows.append((exam.title, exam.started, status, exam.finished, exam.questions,
                     exam.answered, None if exam.score is None else plain_value(exam.score),
                     None if exam.max_score is None else plain_value(exam.max_score), exam.ratio,
                     exam.seconds, _yes_no(exam.passed), exam.id))
    return Table("exams", t("export.sheet.exams"), columns, tuple(rows))


def study_table(report: PracticeReport) -> Table:
    """The questions to study: text, options, the last answer, the right one, why, where from."""
    columns = (_column("question_key"), _column("question_type"), _column("stem", wide=True),
               _column("options", wide=True), _column("given"), _column("answer", wide=True),
               _column("explanation", wide=True), _column("source", wide=True),
               _column("wrong_count", NUMBER), _column("in_notebook"), _column("due", DATETIME))
    rows = tuple((row.key, row.type, row.stem, row.options, row.given, row.answer,
                  row.explanation, row.source, row.wrong, _yes_no(row.in_notebook), row.due)
                 for row in report.study)
    return Table("study", t("export.sheet.study"), columns, rows)


def notebook_table(report: PracticeReport) -> Table:
    columns = (_column("question_key"), _column("added", DATETIME), _column("due", DATETIME),
               _column("streak", NUMBER), _column("lapses", NUMBER))
    rows = tuple((row.key, row.added, row.due, row.streak, row.lapses)
                 for row in report.notebook)
    return Table("notebook", t("export.sheet.notebook"), columns, rows)


def accuracy_chart(report: PracticeReport) -> Chart | None:
    """Accuracy (%) on each day with answers; None before any answer."""
    days = report.by_day
    if not days:
        return None
    values = tuple(round(100 * (row.accuracy or 0.0), 1) for row in days)
    step = max(1, -(-len(days) // MAX_MARKS))
    marks = tuple((x, days[x].name[5:]) for x in range(0, len(days), step))
    return Chart(t("export.accuracy_chart"), t("export.chart_days"),
                 t("export.chart_accuracy"), (Series(report.user, values),), marks)
