"""The read model of results: what exporters render, built once from the log or the store.

- :mod:`quizhall.report.contest`: :class:`~quizhall.report.contest.ContestReport`, a contest's
  results folded from its event log (:func:`~quizhall.report.contest.contest_report` for a
  contest in hand, :func:`~quizhall.report.contest.load_contest_report` for one in the store).
- :mod:`quizhall.report.practice`: :class:`~quizhall.report.practice.PracticeReport`, a
  trainee's practice history (:func:`~quizhall.report.practice.load_practice_report`).

Exporter plugins of kind ``contest`` and ``practice`` are handed one of these and only render
it (see :mod:`quizhall.exporters.results` for the export flow). This layer sits above the
engine (contest/, practice/, store/) and below the exporters, commands and screens.
"""

from __future__ import annotations


class ReportError(Exception):
    """A report that cannot be built (an unknown contest or trainee, an unreadable log): a
    translated message, ready for the user."""
