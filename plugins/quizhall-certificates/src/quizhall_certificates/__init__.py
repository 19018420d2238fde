"""quizhall-certificates: award certificates (获奖证书) for a contest's prize winners.

``quizhall export ID --format certificates -o DIR`` writes into DIR one PDF per
prize-winning team (or, with ``per_member: true``, per member), named ``01-TEAM.pdf`` …, and
``certificates.html`` with all of them, one per printed page. Each gives the contest's title,
the team and its members, the rank and prize, the organiser and the date, in Chinese or
English. The exporter reads only the :class:`~quizhall.report.contest.ContestReport`
every contest exporter gets; its settings come from the contest file's ``plugins:`` entry
(recorded in the report), or the defaults when the contest does not list the plugin.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from quizhall.contest import Setting
from quizhall.diagnostics import Diagnostic
from quizhall.exporters.results import ExportError
from quizhall.hookspecs import hookimpl
from quizhall.i18n import add_catalog, get_language, t
from quizhall.plugins import plugin_key
from quizhall_certificates import fonts
from quizhall_certificates.awards import awards
from quizhall_certificates.page import write_page
from quizhall_certificates.pdf import needs_cjk_font, write_pdf

NAME = "quizhall-certificates"
HTML_FILE = "certificates.html"

MESSAGES = {
    "quizhall_certificates.description": ("获奖证书：每个获奖队一份 PDF，另附可打印的 HTML",
                                          "award certificates: a PDF per prize-winning team, "
                                          "and a printable HTML page"),
    "quizhall_certificates.organiser": ("主办单位，印在证书落款处",
                                        "the organiser, printed at the foot of each certificate"),
    "quizhall_certificates.date": ("证书日期（原样印出）；默认为比赛结束的日期",
                                   "the date printed (as written); default: the day the "
                                   "contest ended"),
    "quizhall_certificates.language": ("证书语言：auto（导出时的界面语言）、zh-CN 或 en",
                                       "the certificates' language: auto (the language of the "
                                       "export), zh-CN or en"),
    "quizhall_certificates.per_member": ("为获奖队的每位队员各出一份证书",
                                         "one certificate for each member of a prize-winning "
                                         "team"),
    "quizhall_certificates.prize_names": ("各名次的奖项名称，如 [特等奖, 一等奖]；"
                                          "默认一等奖、二等奖……",
                                          "prize names by rank, e.g. [Gold, Silver]; default "
                                          "First prize, Second prize …"),
    "quizhall_certificates.font": ("PDF 使用的中文字体文件（.ttf/.otf/.ttc）；默认在本机查找",
                                   "the CJK font file for the PDF (.ttf/.otf/.ttc); default: "
                                   "one found on this machine"),
    "quizhall_certificates.heading": ("获奖证书", "Certificate of Award"),
    "quizhall_certificates.certify": ("兹证明", "This certifies that"),
    "quizhall_certificates.members": ("队员：{members}", "Members: {members}"),
    "quizhall_certificates.of_team": ("{team}", "of {team}"),
    "quizhall_certificates.won": ("在“{contest}”中荣获{prize}（第 {rank} 名），",
                                  "won the {prize} (rank {rank}) in {contest}."),
    "quizhall_certificates.closing": ("特发此证，以资鼓励。",
                                      "Awarded in recognition of this achievement."),
    "quizhall_certificates.prize": ("{n}等奖", "{n} prize"),
    "quizhall_certificates.not_finished": ("比赛尚未结束，名次未定，不能出具获奖证书",
                                           "the contest is not over, so its prizes are not "
                                           "settled: no certificates were written"),
    "quizhall_certificates.no_winners": ("这场比赛没有获奖队（比赛文件的 prizes 为空）",
                                         "this contest has no prize winners (its prizes: list "
                                         "is empty)"),
    "quizhall_certificates.open_tie": ("{teams} 同分且跨越奖项名次，尚未加赛决出；"
                                       "证书按并列名次出具",
                                       "{teams} are tied across a prize place and no tie-break "
                                       "settled it; their certificates give the shared rank"),
    "quizhall_certificates.no_font": (
        "已写出 {html}，但没有写出 PDF：本机找不到含中文字形的字体。"
        "请安装一种（例如 Debian/Ubuntu：apt-get install fonts-wqy-zenhei），"
        "或在比赛文件中用插件设置 font: 指明字体文件",
        "wrote {html} but no PDF: no font with Chinese characters was found on this machine. "
        "Install one (e.g. on Debian/Ubuntu: apt-get install fonts-wqy-zenhei), or name a font "
        "file with the plugin's setting font: in the contest file"),
    "quizhall_certificates.font_missing": (
        "已写出 {html}，但没有写出 PDF：设置 font 指明的字体文件 {font} 不存在",
        "wrote {html} but no PDF: the font file {font} named by the setting font does not "
        "exist"),
}
add_catalog("quizhall_certificates", MESSAGES)

SETTINGS = {
    "organiser": Setting("text", None, "quizhall_certificates.organiser", nullable=True),
    "date": Setting("text", None, "quizhall_certificates.date", nullable=True),
    "language": Setting("choice", "auto", "quizhall_certificates.language",
                        choices=("auto", "zh-CN", "en")),
    "per_member": Setting("boolean", False, "quizhall_certificates.per_member"),
    "prize_names": Setting("texts", None, "quizhall_certificates.prize_names", nullable=True),
    "font": Setting("text", None, "quizhall_certificates.font", nullable=True),
}


@hookimpl
def quizhall_declare_settings() -> dict[str, Setting]:
    return dict(SETTINGS)


def settings_of(report: Any) -> dict[str, Any]:
    """This plugin's settings in the contest the report is of, defaults filled in."""
    given: Mapping[str, Any] = getattr(report, "plugin_settings", {}).get(plugin_key(NAME), {})
    return {name: given.get(name, setting.default) for name, setting in SETTINGS.items()}


class CertificatesExporter:
    """The ``certificates`` format: a directory of PDF certificates and one HTML page."""

    name = "certificates"
    kind = "contest"
    suffix = ""  # writes a directory, not a file

    @property
    def description(self) -> str:
        return t("quizhall_certificates.description")

    def write(self, data: Any, path: Path, options: Mapping[str, object]) -> list[Diagnostic]:
        """Write the certificates of the contest ``data`` (a ContestReport) into ``path``."""
        settings = settings_of(data)
        language = get_language() if settings["language"] == "auto" else settings["language"]
        if not data.finished:
            raise ExportError(t("quizhall_certificates.not_finished"))
        certificates = awards(data, settings, language)
        if not certificates:
            raise ExportError(t("quizhall_certificates.no_winners"))
        directory = Path(path)
        directory.mkdir(parents=True, exist_ok=True)
        html = directory / HTML_FILE
        write_page(certificates, data.title, language, html)
        font = None
        if any(needs_cjk_font(c) for c in certificates):
            font = fonts.find_font(settings["font"])
            if font is None:
                key = "font_missing" if settings["font"] else "no_font"
                raise ExportError(t(f"quizhall_certificates.{key}", html=html,
                                    font=settings["font"]))
        for certificate in certificates:
            write_pdf(certificate, directory / f"{certificate.file_stem}.pdf", font)
        return [Diagnostic(str(directory), 0, 0, t(
            "quizhall_certificates.open_tie",
            teams=", ".join(data.teams[i].name for i in group)), "warning")
            for group in data.open_ties]


@hookimpl
def quizhall_register_exporters(register: Any) -> None:
    register(CertificatesExporter())
