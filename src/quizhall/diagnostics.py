"""Diagnostics: what is wrong in a user's file, where, and how to fix it."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

from quizhall.i18n import t
from quizhall.visible import visible

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem in a file. ``line`` and ``column`` are 1-based; 0 means "the whole file"."""

    path: str
    line: int
    column: int
    message: str
    severity: Severity = "error"
    hint: str | None = None

    def format(self) -> str:
        """``path:line:column: error: message (hint)`` as a person reads it (control
        characters quoted from the file shown as stand-ins, not obeyed by the terminal)."""
        label = t(f"diag.{self.severity}")
        text = f"{self.path}:{self.line}:{self.column}: {label}: {self.message}"
        return visible(t("diag.with_hint", text=text, hint=self.hint) if self.hint else text)

    def to_json(self) -> dict[str, object]:
        """The diagnostic as a plain dict, for ``--json`` output."""
        return asdict(self)


def errors(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Only the errors."""
    return [d for d in diagnostics if d.severity == "error"]


def warnings(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Only the warnings."""
    return [d for d in diagnostics if d.severity == "warning"]
