"""A certificate as a one-page PDF (A4 landscape), drawn with fpdf2.

The text is laid out centred between a double border; the font is a CJK font found by
:mod:`quizhall_certificates.fonts` (embedded as a subset), or the PDF core font Helvetica for
a certificate whose text is all Latin-1. Names are data: control characters are drawn as
visible stand-ins, never obeyed.
"""

from __future__ import annotations

import logging
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import Align, WrapMode, XPos, YPos

from quizhall.exporters import write_atomically
from quizhall.visible import visible
from quizhall_certificates.awards import Certificate
from quizhall_certificates.fonts import FontChoice

RED = (150, 20, 20)
GOLD = (176, 141, 87)
INK = (30, 30, 30)


def needs_cjk_font(certificate: Certificate) -> bool:
    """Whether the certificate has text the PDF core fonts cannot draw (beyond Latin-1)."""
    return any(ord(ch) > 255 for ch in _texts(certificate))


def _texts(certificate: Certificate) -> str:
    return "".join((certificate.heading, certificate.certify, certificate.recipient,
                    certificate.detail, *certificate.lines, certificate.organiser,
                    certificate.date))


def write_pdf(certificate: Certificate, path: Path, font: FontChoice | None) -> None:
    """Write ``certificate`` to ``path``; ``font`` is required when :func:`needs_cjk_font`."""
    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_title(f"{certificate.heading} - {visible(certificate.recipient)}")
    pdf.set_creator("quizhall-certificates")
    pdf.set_auto_page_break(False)
    if font is not None:
        pdf.add_font("cjk", fname=str(font.path), collection_font_number=font.face)
        family = "cjk"
    else:
        family = "helvetica"
    wrap = WrapMode.CHAR if certificate.language == "zh-CN" else WrapMode.WORD
    pdf.add_page()
    width, height = pdf.w, pdf.h
    pdf.set_draw_color(*GOLD)
    pdf.set_line_width(1.6)
    pdf.rect(10, 10, width - 20, height - 20)
    pdf.set_line_width(0.4)
    pdf.rect(15, 15, width - 30, height - 30)

    def line(text: str, size: float, colour: tuple[int, int, int] = INK,
             gap: float = 4.0) -> None:
        if not text:
            return
        pdf.set_font(family, size=size)
        pdf.set_text_color(*colour)
        pdf.set_x(35)
        pdf.multi_cell(width - 70, size * 0.5, visible(text), align=Align.C, wrapmode=wrap,
                       new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(gap)

    pdf.set_y(30)
    line(certificate.heading, 40, RED, gap=10)
    line(certificate.certify, 16)
    line(certificate.recipient, 30, gap=2)
    line(certificate.detail, 13, gap=8)
    for text in certificate.lines:
        line(text, 17)
    pdf.set_y(height - 55)
    line(certificate.organiser, 16, gap=2)
    line(certificate.date, 14)
    # fontTools notes tables it leaves out of the subset (WenQuanYi's bitmaps, "BDF NOT
    # subset") on stderr; the outlines are what the PDF needs, so say nothing.
    subset_log = logging.getLogger("fontTools.subset")
    level = subset_log.level
    subset_log.setLevel(logging.ERROR)
    try:
        data = bytes(pdf.output())
    finally:
        subset_log.setLevel(level)
    write_atomically(path, data)
