"""Load contest files: validate every field with its position, load the banks, draw questions.

``load_contest(path)`` returns a :class:`ContestLoad`: the plan ready to start (None when
anything is wrong), the bank questions by key, and every diagnostic (the banks' too), so
``quizhall check`` can list all problems at once. Round settings are read by the round type
that owns them, so a misspelt setting gets a "did you mean" for that type.
"""

from __future__ import annotations

import copy
import os
import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pluggy
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from quizhall.bank.loader import load_bank
from quizhall.bank.model import TYPE_ALIASES, Bank, Question
from quizhall.contest.audience import AudienceSettings
from quizhall.contest.hooks import is_plain_data
from quizhall.contest.plan import (
    DEFAULT_BASE_SCORE,
    DEFAULT_KEYS,
    DEFAULT_PRIZES,
    MAX_SCORE,
    Plan,
    PluginUse,
    RoundPlan,
    Selection,
    TeamPlan,
)
from quizhall.contest.rounds import RoundType, Setting
from quizhall.diagnostics import Diagnostic
from quizhall.i18n import t
from quizhall.plugins.safecall import call_each
from quizhall.yamlsource import (
    NodeReader,
    compose,
    is_marked_file,
    read_text,
    suggest,
    top_keys,
    top_mapping_kind,
)

TOP_KEYS = ("title", "description", "base_score", "floor", "prizes", "banks", "teams", "keys",
            "plugins", "rounds", "audience")
AUDIENCE_KEYS = ("enabled", "bind", "port", "seconds", "ask_unit", "join_code")
TEAM_KEYS = ("name", "members", "key", "colour")
ROUND_KEYS = ("type", "title", "questions")
SELECTION_KEYS = ("ids", "tags", "level", "difficulty", "types", "count", "random", "seed")
PLUGIN_KEYS = ("name", "settings", "rounds")
CONTEST_SUFFIX = ".contest.yaml"
_CONTEST_MARK = re.compile(r"^(rounds|contest)\s*:", re.MULTILINE)


def is_contest_file(path: Path, text: str | None = None) -> bool:
    """True for ``*.contest.yaml`` files and YAML files with a top-level ``rounds:`` key."""
    return is_marked_file(path, CONTEST_SUFFIX, _CONTEST_MARK, text)


@dataclass(slots=True)
class ContestLoad:
    """The outcome of loading a contest file."""

    plan: Plan | None = None
    questions: dict[str, Question] = field(default_factory=dict)
    banks: list[Bank] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # round types or plugins that misbehaved
    audience: AudienceSettings = field(default_factory=AudienceSettings)

    @property
    def ok(self) -> bool:
        return self.plan is not None and not any(d.severity == "error"
                                                 for d in self.diagnostics)


@dataclass(slots=True)
class _Round:
    type: type[RoundType] | None
    title: str
    settings: dict[str, Any]
    selection: Selection
    node: Node
    questions_node: Node
    number: int = 0  # 1-based position in the file's rounds
    clean: bool = True  # read without an error, so its draw can be checked


def load_contest(path: str | Path, pm: pluggy.PluginManager | None = None,
                 load_plugin_files: bool = True, display: str | None = None,
                 use_cache: bool = True) -> ContestLoad:
    """Load and validate a contest file, its banks and plugins; draw each round's questions.

    ``load_plugin_files`` False (``quizhall check``) never runs the ``.py`` plugin files the
    contest names: it only checks they exist.
    """
    path = Path(path)
    shown = display or str(path)
    text, problems = read_text(path, shown)
    if text is None:
        return ContestLoad(diagnostics=problems, files=[shown])
    return parse_contest(text, shown, path.parent, pm, load_plugin_files, use_cache)


def parse_contest(text: str, shown: str, base_dir: Path,
                  pm: pluggy.PluginManager | None = None, load_plugin_files: bool = True,
                  use_cache: bool = True) -> ContestLoad:
    """Validate a contest file's text; banks and plugin files are relative to ``base_dir``."""
    from quizhall.contest.engine import collect_round_types
    from quizhall.plugins import get_plugin_manager

    pm = pm or get_plugin_manager()
    result = ContestLoad(files=[shown])
    if not text.strip():
        result.diagnostics.append(Diagnostic(shown, 0, 0, t("diag.empty_file")))
        return result
    root, problems = compose(text, shown)
    if root is None:
        result.diagnostics.extend(problems or [Diagnostic(shown, 0, 0, t("diag.empty_file"))])
        return result
    reader = NodeReader(shown)
    if not isinstance(root, MappingNode):
        reader.report(root, t("diag.not_a_top_mapping", kind=top_mapping_kind(root)))
        result.diagnostics.extend(reader.diagnostics)
        return result
    written = top_keys(root)
    if "questions" in written and "rounds" not in written:
        reader.report(root, t("contestfile.is_a_bank"), t("contestfile.is_a_bank_hint"))
        result.diagnostics.extend(reader.diagnostics)
        return result
    top = reader.mapping(root, "contest file", TOP_KEYS, required=("title", "banks", "teams",
                                                                    "rounds"))
    if top is None:
        result.diagnostics.extend(reader.diagnostics)
        return result
    title = reader.text(top["title"], "title") if "title" in top else None
    if "description" in top:
        reader.text(top["description"], "description", allow_empty=True)
    base_score = _number(reader, top, "base_score", DEFAULT_BASE_SCORE)
    floor = _number(reader, top, "floor", None)
    if floor is not None and base_score is not None and base_score < floor:
        reader.report(top["floor"], t("contestfile.floor_above_base", floor=floor,
                                      base=base_score))
    plugin_entries, file_plugins = _read_plugins(reader, top.get("plugins"), base_dir, pm,
                                                 load_plugin_files)
    round_types = collect_round_types(pm, result.warnings)
    plugins = _check_plugin_rounds(reader, plugin_entries, top.get("rounds"), round_types)
    teams = _read_teams(reader, top["teams"]) if "teams" in top else []
    prizes = _read_prizes(reader, top.get("prizes"), len(teams))
    keys = _read_keys(reader, top.get("keys"), teams, top.get("teams"))
    if "audience" in top:
        result.audience = _read_audience(reader, top["audience"])
    errors_before = _errors(reader.diagnostics)
    banks, bank_diagnostics, bank_files = _load_banks(reader, top.get("banks"), base_dir,
                                                      use_cache)
    result.files.extend(bank_files)
    result.banks = banks
    index = _index(reader, banks, top.get("banks"))
    banks_ok = _errors(reader.diagnostics) == errors_before and not _errors(bank_diagnostics)
    rounds = (_read_rounds(reader, top["rounds"], round_types, len(teams), index, file_plugins)
              if "rounds" in top else [])
    result.questions = {key: question for key, (question, _) in index.items()}
    drawn: list[RoundPlan] = []
    if index and banks_ok:
        # Errors elsewhere do not hide a round that cannot draw enough: rounds read cleanly
        # are drawn (one with errors is left out and takes no questions).
        drawn = _draw(reader, [spec for spec in rounds if spec.clean], index, len(teams))
    result.diagnostics.extend(reader.diagnostics)
    result.diagnostics.extend(bank_diagnostics)
    if reader.failed or any(d.severity == "error" for d in result.diagnostics):
        return result
    for round_plan, spec in zip(drawn, rounds, strict=True):
        for message in spec.type.lint(round_plan, len(teams)) if spec.type else []:
            reader.warn(spec.node, message)
    result.diagnostics.extend(d for d in reader.diagnostics if d not in result.diagnostics)
    result.plan = Plan(title=title or "", teams=tuple(teams), rounds=tuple(drawn),
                       base_score=base_score if base_score is not None else DEFAULT_BASE_SCORE,
                       floor=floor, prizes=prizes, keys=keys, plugins=tuple(plugins))
    return result


def _errors(diagnostics: list[Diagnostic]) -> int:
    return sum(d.severity == "error" for d in diagnostics)


# -- simple fields -------------------------------------------------------------------------------

def _number(reader: NodeReader, top: Mapping[str, Node], key: str,
            default: float | None) -> float | None:
    if key not in top or reader.is_null(top[key]):
        return default
    return _score_number(reader, top[key], key, reader.number(top[key], key))


def _score_number(reader: NodeReader, node: Node, what: str,
                  value: float | None) -> float | None:
    """``value`` if it is within ±:data:`MAX_SCORE` (a number scores are made of), else None."""
    if value is not None and abs(value) > MAX_SCORE:
        reader.report(node, t("diag.out_of_range", what=what, low=f"{-MAX_SCORE:,}",
                              high=f"{MAX_SCORE:,}", value=f"{value:.6g}"))
        return None
    return value


def _read_audience(reader: NodeReader, node: Node) -> AudienceSettings:
    """``audience: true`` or ``audience: {port: 8080, seconds: 20, ask_unit: true, …}``."""
    default = AudienceSettings()
    if reader.is_null(node):
        return default
    if not isinstance(node, MappingNode):
        enabled = reader.boolean(node, "audience")
        return AudienceSettings(enabled=bool(enabled))
    fields = reader.mapping(node, "audience", AUDIENCE_KEYS)
    if fields is None:
        return default
    enabled = reader.boolean(fields["enabled"], "enabled") if "enabled" in fields else True
    bind = reader.text(fields["bind"], "bind") if "bind" in fields else None
    port = (reader.integer(fields["port"], "port", 1, 65535) if "port" in fields
            else default.port)
    seconds = (reader.positive(fields["seconds"], "seconds") if "seconds" in fields
               else default.seconds)
    ask_unit = reader.boolean(fields["ask_unit"], "ask_unit") if "ask_unit" in fields else False
    code = None
    if "join_code" in fields:
        code = reader.text(fields["join_code"], "join_code")
        if code is not None and not (code.isascii() and code.isdigit() and 4 <= len(code) <= 8):
            reader.report(fields["join_code"], t("contestfile.audience_code", code=code))
            code = None
    return AudienceSettings(enabled=bool(enabled), bind=bind or None,
                            port=port or default.port,
                            seconds=float(seconds or default.seconds),
                            ask_unit=bool(ask_unit), join_code=code)


def _read_prizes(reader: NodeReader, node: Node | None, teams: int) -> tuple[int, ...]:
    if node is None:
        return DEFAULT_PRIZES
    items = reader.sequence(node, "prizes")
    if items is None:
        return DEFAULT_PRIZES
    prizes: list[int] = []
    for item in items:
        rank = reader.integer(item, "prizes", 1)
        if rank is None:
            continue
        if rank in prizes:
            reader.report(item, t("contestfile.prize_twice", rank=rank))
            continue
        if teams and rank >= teams:
            reader.warn(item, t("contestfile.prize_beyond_teams", rank=rank, teams=teams))
        prizes.append(rank)
    return tuple(sorted(prizes))


def _read_teams(reader: NodeReader, node: Node) -> list[TeamPlan]:
    items = reader.sequence(node, "teams", non_empty=True)
    if items is None:
        return []
    teams: list[TeamPlan] = []
    names: dict[str, int] = {}
    keys: dict[str, int] = {}
    for position, item in enumerate(items):
        fields = reader.mapping(item, t("contestfile.a_team"), TEAM_KEYS, required=("name",))
        if fields is None:
            continue
        name = reader.text(fields["name"], "name") if "name" in fields else None
        if name is None:
            continue
        line = item.start_mark.line + 1
        if name.strip().isdigit():
            reader.report(fields["name"], t("contestfile.team_name_number", name=name))
        if name.casefold() in names:
            reader.report(fields["name"], t("contestfile.team_twice", name=name,
                                            line=names[name.casefold()]))
        names.setdefault(name.casefold(), line)
        members: tuple[str, ...] = (name,)
        if "members" in fields:
            members = reader.text_list(fields["members"], "members") or (name,)
        if "key" in fields:
            key = reader.text(fields["key"], "key") or ""
        elif position < 9:
            key = str(position + 1)
        else:
            reader.report(item, t("diag.missing_key", key="key"),
                          t("contestfile.team_key_hint"))
            key = ""
        if key and key.lower() in keys:
            reader.report(fields.get("key", item), t("contestfile.team_key_twice", key=key,
                                                      line=keys[key.lower()]))
        keys.setdefault(key.lower(), line)
        colour = reader.text(fields["colour"], "colour") if "colour" in fields else None
        teams.append(TeamPlan(name, members, key, colour))
    return teams


def same_key(key: str) -> str:
    """A key as the console tells keys apart: a letter keeps its case (``u`` undo, ``U``
    redo are two keys), a named key does not (``Space`` is ``space``)."""
    return key if len(key) == 1 else key.lower()


def _read_keys(reader: NodeReader, node: Node | None, teams: Sequence[TeamPlan],
               teams_node: Node | None) -> dict[str, str]:
    keys = dict(DEFAULT_KEYS)
    if node is not None and not reader.is_null(node):
        fields = reader.mapping(node, "keys", DEFAULT_KEYS)
        for action, value_node in (fields or {}).items():
            value = reader.text(value_node, action)
            if value is not None:
                keys[action] = value
        seen: dict[str, str] = {}
        for action, key in keys.items():
            if same_key(key) in seen and fields and action in fields:
                reader.report(fields[action], t("contestfile.host_key_twice", key=key,
                                                action=action, other=seen[same_key(key)]))
            seen.setdefault(same_key(key), action)
    host = {same_key(key): action for action, key in keys.items()}
    team_items = teams_node.value if teams_node is not None and hasattr(teams_node, "value") \
        and isinstance(teams_node.value, list) else []
    for team, item in zip(teams, team_items, strict=False):
        if same_key(team.key) in host:
            where = _child(item, "key") or item
            reader.report(where, t("contestfile.team_key_host", key=team.key, team=team.name,
                                   action=host[same_key(team.key)]),
                          t("contestfile.team_key_host_hint"))
    return keys


def _child(node: Node, key: str) -> Node | None:
    if isinstance(node, MappingNode):
        for key_node, value in node.value:
            if isinstance(key_node, ScalarNode) and key_node.value == key:
                return value
    return None


# -- plugins -------------------------------------------------------------------------------------

@dataclass(slots=True)
class _PluginEntry:
    use: PluginUse
    node: Node
    rounds_node: Node | None


def _read_plugins(reader: NodeReader, node: Node | None, base_dir: Path,
                  pm: pluggy.PluginManager, load_files: bool) -> tuple[list[_PluginEntry],
                                                                         list[str]]:
    """The ``plugins:`` entries: each names a plugin (checked), its settings and rounds."""
    from quizhall.plugins import find_plugin, is_builtin, plugin_key

    if node is None or reader.is_null(node):
        return [], []
    items = reader.sequence(node, "plugins")
    entries: list[_PluginEntry] = []
    files: list[str] = []
    seen: dict[str, int] = {}
    for item in items or []:
        settings_node: Node | None = None
        rounds_node: Node | None = None
        if isinstance(item, ScalarNode):
            name = reader.text(item, "plugin")
        else:
            fields = reader.mapping(item, "plugin", PLUGIN_KEYS, required=("name",))
            if not fields or "name" not in fields:
                continue
            name = reader.text(fields["name"], "name")
            settings_node = fields.get("settings")
            rounds_node = fields.get("rounds")
        if name is None:
            continue
        registered: str | None = None
        if name.endswith(".py"):
            file = (base_dir / name)
            if not file.is_file():
                reader.report(item, t("contestfile.plugin_file_missing", path=name))
                continue
            if not file.resolve().is_relative_to(base_dir.resolve()):
                # A contest file runs the code it names: say so when it reaches outside.
                reader.warn(item, t("contestfile.plugin_file_outside", path=name,
                                    folder=base_dir))
            files.append(name)
            if load_files:
                from quizhall.plugins import load_plugin_file, record_of

                if load_plugin_file(file, pm) is None:
                    failure = record_of(pm).failure_of(file)
                    reader.report(item, t("contestfile.plugin_file_failed", path=name,
                                          error=failure.error if failure else "?"))
                    continue
                registered = str(file.resolve())
        else:
            registered = find_plugin(pm, name)
            if registered is None:
                reader.report(item, *_missing_plugin(name, pm))
                continue
            if is_builtin(registered):
                reader.warn(item, t("contestfile.plugin_builtin", name=name))
                continue
        key = plugin_key(name)
        line = item.start_mark.line + 1
        if key in seen:
            reader.report(item, t("contestfile.plugin_twice", name=name, line=seen[key]))
            continue
        seen[key] = line
        settings = _plugin_settings(reader, pm, name, registered, settings_node, item)
        entries.append(_PluginEntry(PluginUse(key, settings), item, rounds_node))
    return entries, files


def _missing_plugin(name: str, pm: pluggy.PluginManager) -> tuple[str, str]:
    """What to say of a plugin that is not loaded, and a hint: QUIZHALL_LOAD_PLUGINS keeps it
    out, a misspelling, or it is not installed."""
    import difflib

    from quizhall.plugins import canonical_name, plugin_key, record_of, third_party_names

    known = third_party_names(pm)
    narrowed = os.environ.get("QUIZHALL_LOAD_PLUGINS")
    if narrowed is not None:
        kept_out = plugin_key(name) in {canonical_name(skipped)
                                      for skipped in record_of(pm).skipped}
        message = t("contestfile.plugin_kept_out" if kept_out else "contestfile.plugin_missing",
                    name=name)
        if not narrowed.strip():
            return message, t("contestfile.plugin_none_allowed")
        return message, t("contestfile.plugin_not_allowed", allowed=narrowed.strip())
    message = t("contestfile.plugin_missing", name=name)
    close = difflib.get_close_matches(plugin_key(name), known, n=1, cutoff=0.8)
    if close:
        return message, t("diag.did_you_mean", suggestion=close[0])
    return message, t("contestfile.plugin_missing_hint")


def _plugin_settings(reader: NodeReader, pm: pluggy.PluginManager, name: str,
                     registered: str | None, node: Node | None, item: Node) -> dict[str, Any]:
    """A plugin's settings read against what it declares, then checked by the plugin."""
    from quizhall.plugins import declared_settings

    warnings: list[str] = []
    where = node if node is not None else item
    schema = declared_settings(pm, registered, warnings) if registered else None
    settings: dict[str, Any] = {}
    nodes: dict[str, Node] = {}
    given = node if node is not None and not reader.is_null(node) else None
    if schema is None:
        if given is not None:
            settings = reader.plain(given, "settings")
            if settings is None:  # too big to read: reported
                return {}
            if isinstance(given, MappingNode):
                nodes = _value_nodes(given)
    else:
        settings = {key: copy.deepcopy(setting.default) for key, setting in schema.items()}
        fields = (reader.mapping(given, t("contestfile.plugin_settings", name=name))
                  if given is not None else None) or {}
        for key, key_node in _key_nodes(node).items() if fields else ():
            if key not in schema:
                reader.report(key_node, t("contestfile.plugin_unknown_setting", key=key,
                                          name=name),
                              suggest(key, schema) or t("contestfile.plugin_settings_hint",
                                                        names=", ".join(schema) or "-"))
                continue
            value = _read_setting(reader, schema[key], fields[key], key)
            if value is not _INVALID:
                settings[key] = value
            nodes[key] = fields[key]
    if not isinstance(settings, dict):
        reader.report(where, t("diag.expected_mapping", what="settings"))
        return {}
    if not is_plain_data(settings):
        reader.report(where, t("contestfile.plugin_settings_not_data", name=name))
        return {}
    if registered is not None:
        def valid(value: Any) -> bool:
            return isinstance(value, list | tuple) and all(
                isinstance(x, str) or (isinstance(x, tuple) and len(x) == 2
                                       and all(isinstance(y, str) for y in x)) for x in value)

        answers = call_each(pm, "quizhall_validate_plugin_settings", valid,
                            "list of problems", warnings,
                            select=lambda plugin: plugin == registered, name=name,
                            settings=copy.deepcopy(settings))
        for _, problems in answers:
            for problem in problems:
                key, text = problem if isinstance(problem, tuple) else (None, problem)
                reader.report(nodes.get(key, where) if key else where,
                              t("contestfile.plugin_setting", name=name, problem=text))
    for message in warnings:
        reader.warn(where, message)
    return settings


def read_plugin_use(pm: pluggy.PluginManager, name: str, settings: Mapping[str, Any],
                    display: str) -> tuple[PluginUse | None, list[Diagnostic]]:
    """A ``plugins:`` entry from data (tests, tools): the registered plugin ``name`` with
    ``settings``, read and checked exactly as in a contest file. Positions refer to the
    settings as YAML, shown as ``display``."""
    import yaml

    from quizhall.plugins import find_plugin, plugin_key

    reader = NodeReader(display)
    registered = find_plugin(pm, name)
    if registered is None:
        reader.diagnostics.append(Diagnostic(display, 0, 0,
                                             t("contestfile.plugin_missing", name=name)))
        return None, reader.diagnostics
    text = yaml.safe_dump({"settings": dict(settings)}, allow_unicode=True, sort_keys=False)
    root, problems = compose(text, display)
    if root is None or not isinstance(root, MappingNode):
        return None, problems
    node = root.value[0][1]
    values = _plugin_settings(reader, pm, name, registered, node, root)
    if reader.failed:
        return None, reader.diagnostics
    return PluginUse(plugin_key(name), values), reader.diagnostics


def _key_nodes(node: Node | None) -> dict[str, Node]:
    """A mapping node's key nodes by key text (the first of duplicates)."""
    found: dict[str, Node] = {}
    for key_node, _ in node.value if isinstance(node, MappingNode) else ():
        if isinstance(key_node, ScalarNode):
            found.setdefault(key_node.value, key_node)
    return found


def _value_nodes(node: MappingNode) -> dict[str, Node]:
    found: dict[str, Node] = {}
    for key_node, value_node in node.value:
        if isinstance(key_node, ScalarNode):
            found.setdefault(key_node.value, value_node)
    return found


def _check_plugin_rounds(reader: NodeReader, entries: list[_PluginEntry], rounds: Node | None,
                         round_types: Mapping[str, type[RoundType]]) -> list[PluginUse]:
    """The entries' ``rounds:`` (round numbers or round types), checked against the rounds."""
    count = len(rounds.value) if isinstance(rounds, SequenceNode) else 0
    uses: list[PluginUse] = []
    for entry in entries:
        node = entry.rounds_node
        if node is None or reader.is_null(node):
            uses.append(entry.use)
            continue
        items = node.value if isinstance(node, SequenceNode) else [node]
        chosen: list[int | str] = []
        for item in items:
            if isinstance(item, ScalarNode) and item.tag.endswith(":int"):
                number = reader.integer(item, "rounds", 1, count or None)
                if number is not None:
                    chosen.append(number)
                continue
            name = reader.text(item, "rounds")
            if name is None:
                continue
            if name not in round_types:
                reader.report(item, t("contestfile.unknown_round_type", type=name),
                              suggest(name, round_types)
                              or t("contestfile.round_types_hint",
                                   types=", ".join(sorted(round_types))))
                continue
            chosen.append(name)
        uses.append(PluginUse(entry.use.name, entry.use.settings, tuple(chosen)))
    return uses


# -- banks and questions -------------------------------------------------------------------------

def _load_banks(reader: NodeReader, node: Node | None, base_dir: Path,
                use_cache: bool) -> tuple[list[Bank], list[Diagnostic], list[str]]:
    if node is None:
        return [], [], []
    paths = reader.text_list(node, "banks")
    items = node.value if isinstance(node.value, list) else [node]
    banks: list[Bank] = []
    diagnostics: list[Diagnostic] = []
    files: list[str] = []
    for relative, item in zip(paths or (), items, strict=False):
        file = base_dir / relative
        if not file.is_file():
            reader.report(item, t("contestfile.bank_missing", path=relative))
            continue
        one = load_bank(file, use_cache=use_cache)
        banks.extend(one.banks)
        diagnostics.extend(one.diagnostics)
        files.extend(one.files)
        if not one.banks and one.ok:
            reader.report(item, t("contestfile.bank_empty", path=relative))
    return banks, diagnostics, files


Index = dict[str, tuple[Question, Bank]]


def _index(reader: NodeReader, banks: list[Bank], node: Node | None) -> Index:
    index: Index = {}
    seen: dict[str, str] = {}
    for bank in banks:
        if bank.info.id in seen:
            if node is not None:
                reader.report(node, t("contestfile.bank_id_twice", id=bank.info.id,
                                      first=seen[bank.info.id], second=bank.path))
            continue
        seen[bank.info.id] = bank.path
        for question in bank.questions:
            index[f"{bank.info.id}/{question.id}"] = (question, bank)
    return index


# -- rounds --------------------------------------------------------------------------------------

def _read_rounds(reader: NodeReader, node: Node, round_types: Mapping[str, type[RoundType]],
                 teams: int, index: Index, file_plugins: list[str]) -> list[_Round]:
    items = reader.sequence(node, "rounds", non_empty=True)
    if items is None:
        return []
    rounds: list[_Round] = []
    tiebreak_at: int | None = None
    for position, item in enumerate(items):
        errors_before = _errors(reader.diagnostics)
        spec = _read_round(reader, item, round_types, teams, index, file_plugins)
        if spec is None:
            continue
        spec.number = position + 1
        spec.clean = _errors(reader.diagnostics) == errors_before
        if spec.type is not None and spec.type.name == "tiebreak":
            if tiebreak_at is not None:
                reader.report(item, t("contestfile.tiebreak_twice", line=tiebreak_at))
            elif position != len(items) - 1:
                reader.report(item, t("contestfile.tiebreak_not_last"))
            tiebreak_at = item.start_mark.line + 1
        rounds.append(spec)
    return rounds


def _read_round(reader: NodeReader, node: Node, round_types: Mapping[str, type[RoundType]],
                teams: int, index: Index, file_plugins: list[str]) -> _Round | None:
    if not isinstance(node, MappingNode):
        reader.mapping(node, t("contestfile.a_round"))
        return None
    type_node = _child(node, "type")
    if type_node is None:
        reader.report(node, t("diag.missing_key", key="type"))
        return None
    type_name = reader.text(type_node, "type")
    if type_name is None:
        return None
    cls = round_types.get(type_name)
    if cls is None:
        if file_plugins:
            reader.warn(type_node, t("contestfile.round_type_unchecked", type=type_name,
                                     files=", ".join(file_plugins)))
        else:
            reader.report(type_node, t("contestfile.unknown_round_type", type=type_name),
                          suggest(type_name, round_types) or
                          t("contestfile.round_types_hint", types=", ".join(sorted(round_types))))
        return None
    allowed = ROUND_KEYS + tuple(cls.SETTINGS)
    fields = reader.mapping(node, t("contestfile.a_round"), allowed)
    if fields is None:
        return None
    title = (reader.text(fields["title"], "title") if "title" in fields else None) or cls.title()
    settings = cls.defaults()
    for name, value_node in fields.items():
        if name in ROUND_KEYS:
            continue
        value = _read_setting(reader, cls.SETTINGS[name], value_node, name)
        if value is not _INVALID:
            settings[name] = value
    for name in cls.REQUIRED:
        if name not in fields:
            reader.report(node, t("diag.missing_key", key=name))
    cls.validate(settings, fields, reader, teams)
    questions_node = fields.get("questions", node)
    selection = _read_selection(reader, fields["questions"], index) if "questions" in fields \
        else Selection()
    return _Round(cls, title, settings, selection, node, questions_node)


_INVALID = object()


def _read_setting(reader: NodeReader, setting: Setting, node: Node, name: str) -> Any:
    if reader.is_null(node):
        if setting.nullable:
            return None
        reader.report(node, t("diag.empty_text", what=name))
        return _INVALID
    kind = setting.kind
    value: Any
    if kind == "points":
        if isinstance(node, ScalarNode) and node.value == "question":
            return "question"
        value = _score_number(reader, node, name, reader.number(node, name))
    elif kind == "number":
        value = _score_number(reader, node, name, reader.number(node, name))
    elif kind == "seconds":
        value = reader.positive(node, name)
    elif kind == "count":
        value = reader.integer(node, name, int(setting.low) if setting.low is not None else None)
    elif kind == "boolean":
        value = reader.boolean(node, name)
    elif kind == "choice":
        value = reader.text(node, name)
        if value is not None and value not in setting.choices:
            reader.report(node, t("contestfile.bad_choice", name=name, value=value,
                                  choices=", ".join(setting.choices)),
                          suggest(value, setting.choices))
            value = None
    elif kind == "values":
        items = reader.sequence(node, name)
        value = None
        if items is not None:
            numbers = [_score_number(reader, item, name, reader.positive(item, name))
                       for item in items]
            if not items:
                reader.report(node, t("diag.empty_list", what=name))
            elif all(n is not None for n in numbers):
                if len(set(numbers)) != len(numbers):
                    reader.report(node, t("contestfile.values_repeat", name=name))
                else:
                    value = numbers
    elif kind == "texts":
        texts = reader.text_list(node, name)
        value = list(texts) if texts is not None else None
        if value == []:
            reader.report(node, t("diag.empty_list", what=name))
            value = None
    elif kind == "custom" and setting.read is not None:
        value = setting.read(reader, node, name)
    else:
        value = reader.text(node, name)
    return _INVALID if value is None else value


def _read_selection(reader: NodeReader, node: Node, index: Index) -> Selection:
    fields = reader.mapping(node, "questions", SELECTION_KEYS)
    if fields is None:
        return Selection()
    values: dict[str, Any] = {}
    if "ids" in fields:
        ids = reader.text_list(fields["ids"], "ids") or ()
        keys = []
        for qid in ids:
            key = _resolve_id(reader, fields["ids"], qid, index)
            if key:
                keys.append(key)
        values["ids"] = tuple(keys)
    if "tags" in fields:
        tags = reader.text_list(fields["tags"], "tags") or ()
        known = {tag for question, _ in index.values() for tag in question.tags}
        for tag in tags:
            if index and tag not in known:
                reader.report(fields["tags"], t("contestfile.unknown_tag", tag=tag),
                              suggest(tag, known))
        values["tags"] = tuple(tags)
    if "level" in fields:
        levels = reader.text_list(fields["level"], "level") or ()
        known_levels = {level.id for _, bank in index.values() for level in bank.levels}
        for level in levels:
            if index and level not in known_levels:
                reader.report(fields["level"], t("contestfile.unknown_level", level=level),
                              suggest(level, known_levels))
        values["levels"] = tuple(levels)
    if "difficulty" in fields:
        node_d = fields["difficulty"]
        if isinstance(node_d, ScalarNode):
            one = reader.integer(node_d, "difficulty", 1, 5)
            values["difficulty"] = (one,) if one is not None else ()
        else:
            items = reader.sequence(node_d, "difficulty") or []
            values["difficulty"] = tuple(v for v in (reader.integer(i, "difficulty", 1, 5)
                                                     for i in items) if v is not None)
    if "types" in fields:
        kinds = []
        for name in reader.text_list(fields["types"], "types") or ():
            found = TYPE_ALIASES.get(name) or TYPE_ALIASES.get(name.lower())
            if found is None:
                reader.report(fields["types"], t("bank.unknown_type", type=name),
                              suggest(name, TYPE_ALIASES) or t("bank.types_hint"))
            else:
                kinds.append(str(found))
        values["types"] = tuple(kinds)
    if "count" in fields:
        values["count"] = reader.integer(fields["count"], "count", 1)
    if "random" in fields:
        values["random"] = bool(reader.boolean(fields["random"], "random"))
    if "seed" in fields:
        values["seed"] = reader.integer(fields["seed"], "seed", 0)
    return Selection(**values)


def _resolve_id(reader: NodeReader, node: Node, qid: str, index: Index) -> str | None:
    if qid in index:
        return qid
    matches = [key for key in index if key.split("/", 1)[1] == qid]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        reader.report(node, t("contestfile.ambiguous_id", id=qid, keys=", ".join(matches)))
        return None
    if index:
        reader.report(node, t("contestfile.unknown_id", id=qid),
                      suggest(qid, [key.split("/", 1)[1] for key in index]))
    return None


# -- drawing -------------------------------------------------------------------------------------

def matches(question: Question, bank: Bank, selection: Selection) -> bool:
    """Whether a question passes a selection's filters (ids aside)."""
    if selection.tags and not set(selection.tags).intersection(question.tags):
        return False
    if selection.levels:
        pools = {q.id for level in bank.levels if level.id in selection.levels
                 for q in level.pool(bank.questions)}
        if question.id not in pools:
            return False
    if selection.difficulty and question.difficulty not in selection.difficulty:
        return False
    return not (selection.types and str(question.type) not in selection.types)


def draw_selection(selection: Selection, index: Index,
                   used: set[str]) -> tuple[list[str], int, int]:
    """Question keys for one selection (excluding ``used``), how many questions match the
    filters at all, and how many of those earlier rounds already took."""
    keys = list(selection.ids) if selection.ids else list(index)
    matching = [key for key in dict.fromkeys(keys) if key in index
                and matches(index[key][0], index[key][1], selection)]
    free = [key for key in matching if key not in used]
    if selection.random:
        seed = selection.seed if selection.seed is not None else random.randrange(2**31)
        random.Random(seed).shuffle(free)
    taken = len(matching) - len(free)
    if selection.count is not None:
        free = free[: selection.count]
    return free, len(matching), taken


def _draw(reader: NodeReader, rounds: list[_Round], index: Index, teams: int) -> list[RoundPlan]:
    used: set[str] = set()
    plans: list[RoundPlan] = []
    for spec in rounds:
        assert spec.type is not None
        keys: list[str] = []
        groups: list[int] = []
        for selection in spec.type.selections(spec.settings, spec.selection, teams):
            drawn, matched, taken = draw_selection(selection, index, used | set(keys))
            wanted = selection.count if selection.count is not None else 1
            if len(drawn) < wanted:
                reader.report(spec.questions_node, t(
                    "contestfile.not_enough_questions", round=spec.number, title=spec.title,
                    wanted=wanted, found=len(drawn), matched=matched, taken=taken),
                    t("contestfile.not_enough_hint"))
            keys.extend(drawn)
            groups.append(len(drawn))
        used.update(keys)
        plans.append(RoundPlan(spec.type.name, spec.title, spec.settings, tuple(keys),
                               tuple(groups)))
    return plans
