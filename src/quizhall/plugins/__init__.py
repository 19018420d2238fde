"""Build the plugin manager: built-in plugins, installed packages, and plugin files.

Loading is lazy (the first :func:`get_plugin_manager` call), so importing quizhall costs
nothing. ``QUIZHALL_LOAD_PLUGINS`` narrows which installed plugins load: a comma-separated
list of entry-point names; empty means none. Built-ins always load. A plugin that fails to
import never stops quizhall: the manager's :class:`LoadRecord` (:func:`record_of`) keeps its
error, the installed plugins kept out, the warnings of register hooks and each plugin's origin.

Plugin names compare without regard to case, ``-`` or ``_`` (:func:`canonical_name`), so a
contest file's ``quizhall-streak`` finds the package's entry point and, in tests, the module
``quizhall_streak`` registered by its ``__name__``. A plugin file's name is its stem.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import pluggy

from quizhall import hookspecs
from quizhall.plugins.safecall import PLUGIN_ERRORS, call_each, call_one, implementations

if TYPE_CHECKING:
    from quizhall.contest.rounds import Setting

ENTRY_POINT_GROUP = "quizhall"

# Built-in behaviour, registered through the same hooks third parties use.
DEFAULT_PLUGINS: tuple[str, ...] = (
    "quizhall.rules.scoring",
    "quizhall.rules.team_modes",
    "quizhall.rules.required",
    "quizhall.rules.buzz",
    "quizhall.rules.risk",
    "quizhall.rules.speed",
    "quizhall.rules.gate",
    "quizhall.rules.tiebreak",
    "quizhall.rules.last_standing",
    "quizhall.rules.designated",
    "quizhall.rules.board",
    "quizhall.rules.judges",
    "quizhall.importers.gift",
    "quizhall.importers.aiken",
    "quizhall.importers.opentriviaqa",
    "quizhall.importers.sheet",
    "quizhall.exporters.bank_yaml",
    "quizhall.exporters.bank_gift",
    "quizhall.exporters.bank_xlsx",
    "quizhall.buzzers.keyboard",
    "quizhall.buzzers.serial_port",
    # pluggy calls the plugin registered last first: xlsx, listed last, is offered first.
    "quizhall.exporters.results_html",
    "quizhall.exporters.results_markdown",
    "quizhall.exporters.results_json",
    "quizhall.exporters.results_csv",
    "quizhall.exporters.results_xlsx",
)


@dataclass(frozen=True, slots=True)
class PluginFailure:
    """A plugin that could not be loaded, and why."""

    name: str
    origin: str
    error: str


@dataclass(frozen=True, slots=True)
class PluginInfo:
    """A loaded plugin: its name, where it came from, its version, the hooks it implements.

    ``origin`` is ``builtin``, ``entry point`` or ``file``; ``version`` comes from the
    installed package's metadata (None for plugin files).
    """

    name: str
    origin: str
    version: str | None
    hooks: tuple[str, ...]
    source: str = ""
    settings: tuple[tuple[str, str, object], ...] = ()  # (name, kind, default) it declares

    def to_json(self) -> dict[str, object]:
        return {"name": self.name, "origin": self.origin, "version": self.version,
                "hooks": list(self.hooks), "source": self.source,
                "settings": {name: {"kind": kind, "default": default}
                             for name, kind, default in self.settings}}


@dataclass
class LoadRecord:
    """How one manager's plugins loaded: the failures, the installed plugins
    ``QUIZHALL_LOAD_PLUGINS`` kept out, the warnings register hooks gave while
    :func:`collect` or :func:`by_name` gathered their items, and registered name → (origin,
    version, source)."""

    failures: list[PluginFailure] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    origins: dict[str, tuple[str, str | None, str]] = field(default_factory=dict)

    def failure_of(self, path: str | Path) -> PluginFailure | None:
        """Why the plugin file at ``path`` failed to load (the latest try), or None."""
        origin = str(Path(path).resolve())
        return next((failure for failure in reversed(self.failures)
                     if failure.origin == origin), None)


class PluginManager(pluggy.PluginManager):
    """pluggy's manager with the :class:`LoadRecord` of its plugins."""

    def __init__(self) -> None:
        super().__init__("quizhall")
        self.record = LoadRecord()


_manager: PluginManager | None = None


def record_of(pm: pluggy.PluginManager) -> LoadRecord:
    """The load record of a manager (a new, empty one for a manager quizhall did not make)."""
    return pm.record if isinstance(pm, PluginManager) else LoadRecord()


def new_plugin_manager() -> PluginManager:
    """A manager with the hook specs and the built-in plugins, nothing else."""
    pm = PluginManager()
    pm.add_hookspecs(hookspecs)
    from quizhall import __version__

    for name in DEFAULT_PLUGINS:
        pm.register(importlib.import_module(name), name=name)
        pm.record.origins[name] = ("builtin", __version__, name)
    return pm


def get_plugin_manager() -> PluginManager:
    """The process-wide manager: built-ins plus the installed plugins allowed to load."""
    global _manager
    if _manager is None:
        _manager = new_plugin_manager()
        _load_entry_points(_manager)
    return _manager


def reset_plugin_manager() -> None:
    """Forget the process-wide manager (tests, and after changing the environment)."""
    global _manager
    _manager = None


def canonical_name(name: str) -> str:
    """A plugin name as quizhall compares it: lower case, ``_`` as ``-``."""
    return name.strip().lower().replace("_", "-")


def plugin_key(registered: str) -> str:
    """The name a contest file uses for a registered plugin (a plugin file: its stem)."""
    if registered.endswith(".py"):
        registered = Path(registered).stem
    return canonical_name(registered)


def is_builtin(registered: str) -> bool:
    """Whether a registered plugin is one of quizhall's own (:data:`DEFAULT_PLUGINS`)."""
    return registered in DEFAULT_PLUGINS


def find_plugin(pm: pluggy.PluginManager, name: str) -> str | None:
    """The registered name of the plugin a contest file calls ``name``, or None."""
    wanted = plugin_key(name)
    for registered, plugin in pm.list_name_plugin():
        if plugin is not None and plugin_key(registered) == wanted:
            return registered
    return None


def third_party_names(pm: pluggy.PluginManager) -> list[str]:
    """The names a contest file may list: every registered plugin that is not built in."""
    return sorted(plugin_key(name) for name, plugin in pm.list_name_plugin()
                  if plugin is not None and not is_builtin(name))


def _allowed() -> set[str] | None:
    raw = os.environ.get("QUIZHALL_LOAD_PLUGINS")
    if raw is None:
        return None
    return {canonical_name(name) for name in raw.split(",") if name.strip()}


def _load_entry_points(pm: PluginManager) -> None:
    allowed = _allowed()
    for entry_point in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        if allowed is not None and canonical_name(entry_point.name) not in allowed:
            pm.record.skipped.append(entry_point.name)
            continue
        if pm.has_plugin(entry_point.name):
            continue
        try:
            plugin = entry_point.load()
            pm.register(plugin, name=entry_point.name)
            dist = getattr(entry_point, "dist", None)
            pm.record.origins[entry_point.name] = ("entry point",
                                                   getattr(dist, "version", None),
                                                   entry_point.value)
        # Any failure of third-party code is reported, not raised (sys.exit() included).
        except PLUGIN_ERRORS as exc:
            pm.record.failures.append(PluginFailure(
                entry_point.name, f"entry point {entry_point.value}",
                f"{type(exc).__name__}: {exc}"))


def load_plugin_file(path: str | Path, pm: pluggy.PluginManager | None = None) -> ModuleType | None:
    """Import a plugin from a ``.py`` file and register it; None on error (the manager's
    record says why: :meth:`LoadRecord.failure_of`)."""
    pm = pm or get_plugin_manager()
    path = Path(path)
    name = f"quizhall_plugin_file_{path.stem}"
    path = path.resolve()
    if pm.has_plugin(str(path)):
        return pm.get_plugin(str(path))
    try:
        spec = importlib.util.spec_from_file_location(name, path)
        if spec is None or spec.loader is None:
            raise ImportError(f"cannot import {path}")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        pm.register(module, name=str(path))
        record_of(pm).origins[str(path)] = ("file", None, str(path))
        return module
    except PLUGIN_ERRORS as exc:
        record_of(pm).failures.append(PluginFailure(path.stem, str(path),
                                                    f"{type(exc).__name__}: {exc}"))
        return None


def collect(hook_name: str, pm: pluggy.PluginManager | None = None,
            warnings: list[str] | None = None) -> list[object]:
    """Everything plugins hand to a ``register`` callback hook, in the order pluggy calls
    them (the plugin registered last first, so built-ins come last).

    A plugin whose hook raises is named in ``warnings`` (by default the manager's record) and
    what it registered before failing is dropped; the others' items are kept.
    """

    pm = pm or get_plugin_manager()
    warnings = record_of(pm).warnings if warnings is None else warnings
    items: list[object] = []
    for impl in implementations(pm, hook_name):
        registered: list[object] = []
        ok, _ = call_one(impl, hook_name, warnings, {"register": registered.append})
        if ok:
            items.extend(registered)
    return items


def by_name(hook_name: str, pm: pluggy.PluginManager | None = None,
            warnings: list[str] | None = None,
            key: Callable[[Any], str] = lambda item: item.name) -> dict[str, Any]:
    """What plugins hand to a ``register`` hook whose items have a ``name``, by ``key``
    (the name, or e.g. ``kind name`` where names are unique per kind). Only the name is
    checked, so the items are typed ``Any``: each caller says what its hook's items are.

    The registry's rule (:mod:`quizhall.plugins.registry`): the first registration of a key
    wins, a later one is a warning (by default in the manager's record).
    """
    from quizhall.plugins.registry import gather

    pm = pm or get_plugin_manager()
    found = gather(pm, hook_name, _named, "an object with a name", key,
                   "plugins.registered_twice",
                   record_of(pm).warnings if warnings is None else warnings)
    return {name: item for name, (_, item) in found.items()}


def _named(value: object) -> bool:
    return isinstance(getattr(value, "name", None), str)


def declared_settings(pm: pluggy.PluginManager, registered: str,
                      warnings: list[str]) -> dict[str, Setting] | None:
    """The settings a plugin declares (``quizhall_declare_settings``), or None if it does not.

    A declaration that raises or is not a mapping of names to
    :class:`~quizhall.contest.rounds.Setting` is a warning, and counts as none.
    """
    from quizhall.contest.rounds import Setting

    def valid(value: object) -> bool:
        return isinstance(value, dict) and all(
            isinstance(key, str) and isinstance(item, Setting) for key, item in value.items())

    found = call_each(pm, "quizhall_declare_settings", valid, "dict of Setting", warnings,
                      select=lambda name: name == registered)
    return dict(found[0][1]) if found else None


def describe(pm: pluggy.PluginManager | None = None) -> list[PluginInfo]:
    """Every plugin registered with the manager, built-ins first, then by name."""
    pm = pm or get_plugin_manager()
    record = record_of(pm)
    infos = []
    for name, plugin in pm.list_name_plugin():
        if plugin is None:
            continue
        origin, version, source = record.origins.get(name, ("registered", None, ""))
        hooks = tuple(sorted(caller.name for caller in pm.get_hookcallers(plugin) or ()))
        settings: tuple[tuple[str, str, object], ...] = ()
        if "quizhall_declare_settings" in hooks:
            declared = declared_settings(pm, name, record.warnings) or {}
            settings = tuple((key, item.kind, item.default)
                             for key, item in declared.items())
        infos.append(PluginInfo(name, origin, version, hooks, source, settings))
    return sorted(infos, key=lambda info: (info.origin != "builtin", info.name))
