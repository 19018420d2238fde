"""Who gets a certificate and what it says, read from the contest report alone.

:func:`awards` turns a :class:`~quizhall.report.contest.ContestReport` and the
plugin's settings into :class:`Certificate` values: one per prize-winning team (or, with
``per_member``, one per member of each), with every line already written in the chosen
language. The PDF and HTML writers only lay these lines out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from quizhall.i18n import t

ZH_NUMERALS = "一二三四五六七八九十"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


@dataclass(frozen=True, slots=True)
class Certificate:
    """One certificate, read top to bottom: ``heading``, ``certify`` (兹证明), ``recipient``
    (a team or a member), ``detail`` (the team's members, or the member's team), ``lines``
    (the citation), ``organiser`` and ``date``. ``file_stem`` names its PDF
    (``01-第一代表队``)."""

    language: str
    heading: str
    certify: str
    recipient: str
    detail: str
    lines: tuple[str, ...]       # the citation, in reading order
    organiser: str
    date: str
    file_stem: str


def prize_name(rank: int, names: Sequence[str] | None, language: str) -> str:
    """The prize for a rank: the settings' ``prize_names[rank - 1]``, else 一等奖 / First prize."""
    if names and rank <= len(names):
        return names[rank - 1]
    if language == "zh-CN" and rank <= len(ZH_NUMERALS):
        return t("quizhall_certificates.prize", lang=language, n=ZH_NUMERALS[rank - 1])
    ordinals = ("First", "Second", "Third", "Fourth", "Fifth")
    number = ordinals[rank - 1] if rank <= len(ordinals) else _ordinal(rank)
    return t("quizhall_certificates.prize", lang=language, n=number)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def date_text(value: str | None, last_event_at: str, language: str) -> str:
    """The certificate's date: the setting as written, else the day the contest ended."""
    if value:
        return value
    try:
        day = date.fromisoformat(last_event_at[:10])
    except ValueError:
        return ""
    if language == "zh-CN":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def safe_file_stem(text: str) -> str:
    """A file name part from a team or member name: no path separators, control characters
    or characters Windows refuses, no leading dot, at most 60 characters."""
    kept = "".join("_" if ch in '/\\:*?"<>|' or ord(ch) < 32 or ord(ch) == 127 else ch
                   for ch in text).strip().lstrip(".")
    return kept[:60] or "_"


def awards(report: Any, settings: Mapping[str, Any], language: str) -> list[Certificate]:
    """The certificates for a finished contest, best rank first, teams in ranking order."""
    certificates: list[Certificate] = []
    names = settings.get("prize_names")
    for index in report.ranking:
        team = report.teams[index]
        if team.prize is None:
            continue
        prize = prize_name(team.rank, names, language)
        members = [m for m in team.members if m != team.name]
        if settings.get("per_member") and members:
            recipients = [(member, t("quizhall_certificates.of_team", lang=language,
                                     team=team.name)) for member in members]
        else:
            detail = (t("quizhall_certificates.members", lang=language,
                        members=_joined(members, language)) if members else "")
            recipients = [(team.name, detail)]
        for recipient, detail in recipients:
            number = len(certificates) + 1
            stem = f"{number:02d}-{safe_file_stem(recipient)}"
            lines = (t("quizhall_certificates.won", lang=language, contest=report.title,
                       prize=prize, rank=team.rank),
                     t("quizhall_certificates.closing", lang=language))
            certificates.append(Certificate(
                language=language, heading=t("quizhall_certificates.heading", lang=language),
                certify=t("quizhall_certificates.certify", lang=language),
                recipient=recipient, detail=detail, lines=lines,
                organiser=settings.get("organiser") or "",
                date=date_text(settings.get("date"), report.last_event_at, language),
                file_stem=stem))
    return certificates


def _joined(names: Sequence[str], language: str) -> str:
    return ("、" if language == "zh-CN" else ", ").join(names)
