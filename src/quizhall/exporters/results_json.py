"""The JSON results exporter: the report's data as one JSON document, keys in English."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from quizhall.exporters import write_atomically
from quizhall.hookspecs import hookimpl

FORMAT = 1


def json_data(report: Any) -> dict[str, Any]:
    """``{"kind": "quizhall.<contest|practice>-report", "format": 1, …the report…}``."""
    return {"kind": f"quizhall.{report.KIND}-report", "format": FORMAT, **report.to_dict()}


def render(report: Any, path: Path) -> None:
    text = json.dumps(json_data(report), ensure_ascii=False, indent=2, allow_nan=False)
    write_atomically(path, (text + "\n").encode("utf-8"))


@hookimpl
def quizhall_register_exporters(register: Any) -> None:
    from quizhall.exporters.results import CONTEST, PRACTICE, ResultsExporter

    for kind in (CONTEST, PRACTICE):
        register(ResultsExporter("json", kind, ".json", "export.format.json", render))
