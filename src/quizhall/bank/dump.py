"""Write banks back as YAML in the documented format (docs/bank-format.md).

:func:`bank_to_data` turns a :class:`~quizhall.bank.model.Bank` into plain dicts, lists and
scalars, leaving out every field that holds its default value, with keys in the order the
format reference shows them. :func:`dump_bank` writes that as YAML text that
:func:`quizhall.bank.loader.parse_bank` reads back into an equal bank (``line`` and ``path``
aside). Importers and editors use it to save what they build.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import yaml

from quizhall.bank.model import DEFAULT_EXAM_PASS, Bank, BankInfo, Level, Paper, Question
from quizhall.bank.qtypes.registry import kind_of

# Optional question fields in output order, with the value that makes each one default.
_TRAILING_FIELDS: tuple[tuple[str, object], ...] = (
    ("explanation", ""),
    ("source", ""),
    ("tags", ()),
    ("difficulty", None),
    ("points", None),
    ("time_limit", None),
    ("shuffle", True),
    ("media", ""),
    ("image", ""),
    ("alt", ""),
)
_INFO_FIELDS: tuple[tuple[str, object], ...] = (
    ("version", ""),
    ("description", ""),
    ("author", ""),
    ("license", ""),
)
_DEFAULT_LANGUAGE = "zh-CN"
_DEFAULT_PASS = 0.8
# Whole floats up to this size are written without ".0"; beyond it repr keeps them exact.
_INT_LIMIT = 1e15


class Flow(list):
    """A short list of texts written inline: ``[a, b]``."""


class FlowMap(dict):
    """A small mapping written inline: ``{min: 1, max: 2}``."""


_BaseDumper: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_BaseDumper):
    """The safe dumper, with inline short lists and multi-line text as literal blocks."""


# Line breaks other than "\n" that YAML 1.1 also honours; a block holding them reads back
# differently, so such text is written double-quoted with escapes.
_OTHER_BREAKS = re.compile("[\r\x85\u2028\u2029]")


def _represent_str(dumper: Any, data: str) -> yaml.Node:
    # Multi-line text as a literal block, except when that cannot hold it exactly: other
    # line breaks, or trailing blank lines, or nothing but line breaks (those need a "|+"
    # block, which would swallow the blank line put between questions). The emitter itself
    # falls back to quotes for trailing spaces and special characters.
    block = ("\n" in data and not data.endswith("\n\n") and data.strip("\n") != ""
             and not _OTHER_BREAKS.search(data))
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|" if block else None)


def _represent_flow(dumper: Any, data: Flow) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", list(data), flow_style=True)


def _represent_flow_map(dumper: Any, data: FlowMap) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", dict(data), flow_style=True)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(Flow, _represent_flow)
_Dumper.add_representer(FlowMap, _represent_flow_map)


def yaml_number(value: float | int) -> float | int:
    """A number as YAML should show it: whole floats without ``.0``."""
    if isinstance(value, float) and value.is_integer() and abs(value) < _INT_LIMIT:
        return int(value)
    return value


def picture_path(file: str, folder: Path | None) -> str:
    """A picture's path as the bank written into ``folder`` names it (relative if it can)."""
    if folder is None or not os.path.isabs(file):
        return file
    try:
        return Path(os.path.relpath(file, folder)).as_posix()
    except ValueError:  # another drive (Windows): only the full path reaches it
        return file


def _options_to_data(q: Question, folder: Path | None) -> dict[str, object]:
    data: dict[str, object] = {}
    for letter, text in q.options.items():
        picture = q.option_images.get(letter)
        if picture is None:
            data[letter] = text
            continue
        file, alt = picture
        option = {} if text == alt else {"text": text}
        option["image"] = picture_path(file, folder)
        if alt:
            option["alt"] = alt
        data[letter] = FlowMap(option)
    return data


def question_to_data(q: Question, folder: Path | None = None) -> dict[str, object]:
    """One question as plain data in the documented key order, defaults left out.

    Picture paths are written relative to ``folder`` (where the bank will be saved) when
    given, and as the question holds them otherwise.
    """
    data: dict[str, object] = {"id": q.id, "type": str(q.type), "stem": q.stem}
    if q.options:
        data["options"] = _options_to_data(q, folder)
    kind = kind_of(q.type)
    data["answer"] = kind.answer_to_data(q)
    data.update(kind.extra_data(q))
    for name, default in _TRAILING_FIELDS:
        value = getattr(q, name)
        if value == default:
            continue
        if name == "tags":
            value = Flow(value)
        elif name in ("points", "time_limit"):
            value = yaml_number(value)
        elif name == "image":
            value = picture_path(value, folder)
        data[name] = value
    return data


def _info_to_data(info: BankInfo) -> dict[str, object]:
    data: dict[str, object] = {"id": info.id, "title": info.title}
    if info.language != _DEFAULT_LANGUAGE:
        data["language"] = info.language
    for name, default in _INFO_FIELDS:
        value = getattr(info, name)
        if value != default:
            data[name] = value
    return data


def _level_to_data(level: Level) -> dict[str, object]:
    data: dict[str, object] = {"id": level.id, "title": level.title}
    if level.tags:
        data["tags"] = Flow(level.tags)
    if level.question_ids:
        data["questions"] = Flow(level.question_ids)
    if level.pass_ratio != _DEFAULT_PASS:
        data["pass"] = yaml_number(level.pass_ratio)
    if level.count is not None:
        data["count"] = level.count
    return data


def _paper_to_data(paper: Paper) -> dict[str, object]:
    data: dict[str, object] = {"id": paper.id, "title": paper.title}
    if paper.time_limit is not None:
        data["time_limit"] = yaml_number(paper.time_limit / 60)
    if paper.pass_ratio != DEFAULT_EXAM_PASS:
        data["pass"] = yaml_number(paper.pass_ratio)
    if paper.questions:
        data["questions"] = Flow(paper.questions)
    if paper.quotas:
        data["quotas"] = FlowMap((str(qtype), n) for qtype, n in paper.quotas)
    if paper.seed:
        data["seed"] = paper.seed
    return data


def bank_to_data(bank: Bank, folder: Path | None = None) -> dict[str, object]:
    """The whole bank as plain YAML-ready data: ``bank``, ``levels`` and ``papers`` (if any),
    ``questions``.

    ``folder``: where the bank will be saved, for relative picture paths.
    """
    data: dict[str, object] = {"bank": _info_to_data(bank.info)}
    if bank.levels:
        data["levels"] = [_level_to_data(level) for level in bank.levels]
    if bank.papers:
        data["papers"] = [_paper_to_data(paper) for paper in bank.papers]
    data["questions"] = [question_to_data(q, folder) for q in bank.questions]
    return data


# The start of a top-level list item after the first: questions, levels and papers are written as
# indentless sequences, and every line inside an item (continued or block text included) is
# indented, so only item starts begin a line with "- ". No block is written with "|+", so a
# blank line here never becomes part of a text.
_NEXT_ITEM = re.compile(r"(?<!:)\n- ")


def dump_bank(bank: Bank, folder: Path | None = None) -> str:
    """The bank as YAML text, with a blank line between questions, levels and papers.

    ``folder``: where the text will be saved; picture paths are written relative to it.
    """
    text = yaml.dump(bank_to_data(bank, folder), Dumper=_Dumper, allow_unicode=True,
                     sort_keys=False, default_flow_style=False, width=100, indent=2)
    return _NEXT_ITEM.sub("\n\n- ", text)
