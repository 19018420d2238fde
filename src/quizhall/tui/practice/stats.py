"""The stats screen: totals, answers per day as a chart, accuracy by tag and level."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Footer, Static

from quizhall.i18n import t
from quizhall.practice import compute_stats
from quizhall.practice.calendar_clock import parse_stamp
from quizhall.practice.stats import ExamEntry, Tally
from quizhall.tui.practice.bindings import PracticeScreen
from quizhall.tui.practice.chart import accuracy_style, day_bars, ratio_bar
from quizhall.tui.practice.literal import join, literal, stars, visible

if TYPE_CHECKING:
    from quizhall.tui.practice.app import PracticeApp


class StatsScreen(PracticeScreen):
    """A trainee's progress."""

    BINDINGS = [Binding("escape,enter", "app.pop_screen", "practice.key_back")]

    def compose(self) -> ComposeResult:
        app = cast("PracticeApp", self.app)
        trainee = app.trainee
        stats = compute_stats(trainee.user, trainee.history.answers(trainee.user),
                              trainee.notebook, trainee.clock(),
                              trainee.history.progress(trainee.user), keys=app.library.keys(),
                              exams=trainee.history.exams(trainee.user))
        titles = {f"{bank.info.id}/{level.id}": level.title
                  for bank in app.library.banks for level in bank.levels}
        yield Static(literal(t("practice.stats_title", user=trainee.user), "bold"),
                     classes="title")
        with VerticalScroll(id="stats-body"):
            yield Static(join(
                (t("practice.stats_summary", answers=stats.total.answers,
                   percent=round(stats.total.accuracy * 100), streak=stats.streak,
                   days=stats.study_days), "bold"), "\n",
                t("practice.stats_due", due=stats.due_now, today=stats.due_today,
                  total=stats.notebook), "\n",
                t("practice.coverage", seen=stats.seen, total=stats.pool or 0)))
            yield Static(literal(t("practice.chart_title", days=len(stats.by_day)), "bold"),
                         classes="section")
            yield Static(day_bars(stats.by_day), id="stats-chart")
            weakest = "、".join(stats.weakest_tags) or t("practice.none_yet")
            yield Static(join((t("practice.weakest"), "bold"), weakest), classes="section")
            with Horizontal(id="stats-tables"):
                yield self._table("stats-tags", t("practice.col_tag"), stats.by_tag, {})
                levels = {key: titles.get(key, key) for key in stats.by_level}
                levels.update({key: titles.get(key, key) for key in stats.levels})
                tallies = {key: stats.by_level.get(key, Tally()) for key in levels}
                yield self._table("stats-levels", t("practice.col_level"), tallies, levels,
                                  stats.levels)
                types = {name: t(f"bank.type_{name}") for name in stats.by_type}
                yield self._table("stats-types", t("practice.col_type"), stats.by_type, types)
            yield Static(literal(t("practice.exam_history"), "bold"), classes="section")
            yield self._exams(stats.exams, trainee.clock())
        yield Footer()

    @staticmethod
    def _exams(exams: list[ExamEntry], now: datetime) -> DataTable | Static:
        """Every handed-in or abandoned exam: when, which paper, score, time, pass."""
        if not exams:
            return Static(t("practice.none_yet"))
        table: DataTable = DataTable(id="stats-exams", cursor_type="row", zebra_stripes=True)
        for heading in ("col_date", "col_paper", "col_score", "col_time", "col_result"):
            table.add_column(Text(t(f"practice.{heading}")))
        for exam in reversed(exams):
            when = parse_stamp(exam.started).astimezone(now.tzinfo).strftime("%Y-%m-%d %H:%M")
            if exam.status == "abandoned":
                verdict = Text(t("practice.abandoned"), "dim")
            elif exam.passed:
                verdict = Text(t("practice.passed"), "green")
            else:
                verdict = Text(t("practice.failed"), "red")
            score = f"{exam.score:g}/{exam.max_score:g} ({round(exam.ratio * 100)}%)"
            table.add_row(Text(when), Text(visible(exam.title or t("practice.drawn_exam"))),
                          Text("—" if exam.status == "abandoned" else score),
                          Text(f"{int(exam.seconds // 60)}:{int(exam.seconds % 60):02d}"),
                          verdict)
        return table

    @staticmethod
    def _table(table_id: str, heading: str, tallies: dict[str, Tally], names: dict[str, str],
               progress: dict | None = None) -> DataTable:
        table: DataTable = DataTable(id=table_id, cursor_type="row", zebra_stripes=True)
        table.add_column(Text(heading))
        table.add_column(Text(t("practice.col_answers")))
        table.add_column(Text(t("practice.col_accuracy")))
        if progress is not None:
            table.add_column(Text(t("practice.col_stars")))
        for key, tally in tallies.items():
            style = accuracy_style(tally)
            # DataTable measures Rich Text (and reads plain str as markup): cells are Text.
            row = [Text(visible(names.get(key, key))), Text(str(tally.answers)),
                   Text.assemble((ratio_bar(tally.accuracy, 6), style),
                                 f" {round(tally.accuracy * 100)}%")]
            if progress is not None:
                row.append(Text(stars(int(progress.get(key, {}).get("stars", 0))), "yellow"))
            table.add_row(*row)
        return table
