"""All the certificates as one printable HTML page: one certificate per A4 landscape sheet.

Self-contained (inline CSS, no script, no network). Every text goes through
:func:`html.escape` and :func:`quizhall.visible.visible`, so a team called
``<script>…`` shows as typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

from quizhall.exporters import write_atomically
from quizhall.visible import visible
from quizhall_certificates.awards import Certificate

STYLE = """
@page { size: A4 landscape; margin: 0; }
body { margin: 0; background: #eee; color: #1e1e1e;
       font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif; }
section.certificate { box-sizing: border-box; width: 297mm; height: 210mm; margin: 1rem auto;
       padding: 15mm; background: #fff; page-break-after: always; break-after: page; }
.frame { box-sizing: border-box; height: 100%; border: 1.6mm solid #b08d57;
       outline: .4mm solid #b08d57; outline-offset: -5mm; display: flex;
       flex-direction: column; align-items: center; text-align: center; padding: 12mm 25mm; }
h1 { color: #961414; font-size: 40pt; letter-spacing: .3em; margin: 0 0 8mm; }
.certify { font-size: 16pt; margin: 0; }
.recipient { font-size: 30pt; margin: 2mm 0; }
.detail { font-size: 13pt; margin: 0 0 8mm; }
.line { font-size: 17pt; margin: 0 0 3mm; }
.signature { margin-top: auto; font-size: 16pt; }
.signature p { margin: 1mm 0; }
@media print { body { background: none; } section.certificate { margin: 0; } }
"""


def _p(css_class: str, text: str) -> str:
    return f'<p class="{css_class}">{escape(visible(text))}</p>' if text else ""


def certificate_html(certificate: Certificate) -> str:
    """One certificate as an HTML ``<section>``."""
    parts = [f"<h1>{escape(visible(certificate.heading))}</h1>",
             _p("certify", certificate.certify), _p("recipient", certificate.recipient),
             _p("detail", certificate.detail),
             *(_p("line", text) for text in certificate.lines),
             '<div class="signature">', _p("organiser", certificate.organiser),
             _p("date", certificate.date), "</div>"]
    body = "\n".join(part for part in parts if part)
    return f'<section class="certificate"><div class="frame">\n{body}\n</div></section>'


def write_page(certificates: Sequence[Certificate], title: str, language: str,
               path: Path) -> None:
    """Write every certificate to one HTML file at ``path``."""
    sections = "\n".join(certificate_html(c) for c in certificates)
    page = (f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{escape(visible(title))}</title>\n<style>{STYLE}</style>\n</head>\n"
            f"<body>\n{sections}\n</body>\n</html>\n")
    write_atomically(path, page.encode("utf-8"))
