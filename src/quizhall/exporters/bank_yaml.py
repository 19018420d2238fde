"""Export a bank as YAML in the documented format, normalised (the ``yaml`` bank exporter)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from quizhall.bank.dump import dump_bank
from quizhall.bank.model import Bank
from quizhall.diagnostics import Diagnostic
from quizhall.exporters import write_atomically
from quizhall.hookspecs import hookimpl
from quizhall.i18n import t


class YamlBankExporter:
    """Writes a bank as YAML: keys in the documented order, defaults left out."""

    name = "yaml"
    kind = "bank"
    suffix = ".yaml"

    @property
    def description(self) -> str:
        return t("export_bank.yaml_format")

    def write(self, data: Bank, path: Path, options: Mapping[str, object]) -> list[Diagnostic]:
        write_atomically(path, dump_bank(data).encode("utf-8"))
        return []


@hookimpl
def quizhall_register_exporters(register: Any) -> None:
    register(YamlBankExporter())
