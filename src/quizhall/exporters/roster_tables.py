"""A room's trainees as one workbook sheet for the organiser (``export --trainees``)."""

from __future__ import annotations

from datetime import datetime

from quizhall.exporters.tables import DATETIME, NUMBER, PERCENT, Column, Document, Sheet, Table
from quizhall.i18n import t
from quizhall.practice.roster import TraineeSummary
from quizhall.report.practice import local_time


def roster_document(summaries: list[TraineeSummary], now: datetime,
                    warnings: tuple[str, ...] = ()) -> Document:
    """One row per trainee; times in the time zone of ``now``."""
    columns = (Column("user", t("export.fact.user")),
               Column("answers", t("export.col.answers"), NUMBER),
               Column("right", t("export.col.right"), NUMBER),
               Column("correct_rate", t("export.col.correct_rate"), PERCENT),
               Column("last_practice", t("export.col.last_practice"), DATETIME),
               Column("notebook", t("export.col.notebook_size"), NUMBER),
               Column("exams", t("export.col.exams_handed_in"), NUMBER),
               Column("exams_passed", t("export.col.exams_passed"), NUMBER))
    rows = tuple((s.user, s.answers, s.correct, s.accuracy,
                  local_time(s.last_practice, now) or None,
                  s.notebook, s.exams, s.exams_passed) for s in summaries)
    title = t("export.trainees_title")
    table = Table("trainees", title, columns, rows)
    facts = ((t("export.fact.trainees"), str(len(summaries))),)
    return Document(title=title, facts=facts, sheets=(Sheet("trainees", title, (table,)),),
                    warnings=warnings)
