"""Gather what plugins register by name, with one rule for a name clash.

A ``register`` hook (round types, plugin commands …) is called once per plugin, in pluggy's
calling order: the plugin registered last first, so installed plugins and plugin files come
before the built-ins. The first registration of a name wins; a later one with the same name
(or a name quizhall reserves) is dropped with a warning naming it and its plugin. An item that
is not what the hook promises is a warning too, and a plugin whose hook raises loses what it
registered; the others' items are kept (docs/plugins.md, "Name clashes").
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection
from typing import Any

import pluggy

from quizhall.i18n import t
from quizhall.plugins.safecall import Check, Select, call_one, implementations


def gather(pm: pluggy.PluginManager, hook_name: str, check: Check, expected: str,
           name_of: Callable[[Any], str], clash_message: str, warnings: list[str], *,
           reserved: Collection[str] = (), select: Select | None = None,
           stopwatch: Callable[[], float] = time.perf_counter) -> dict[str, tuple[str, Any]]:
    """Name → (registering plugin, item) for everything plugins hand to ``hook_name``.

    ``clash_message`` is the i18n key of the warning for a dropped clash (``name``, ``plugin``).
    """
    found: dict[str, tuple[str, Any]] = {}
    for impl in implementations(pm, hook_name, select):
        items: list[Any] = []
        ok, _ = call_one(impl, hook_name, warnings, {"register": items.append}, stopwatch)
        for item in items if ok else []:
            if not check(item):
                warnings.append(t("contest.plugin_bad_result", plugin=impl.plugin_name,
                                  hook=hook_name, expected=expected, got=repr(item)[:60]))
                continue
            name = name_of(item)
            if name in reserved or name in found:
                warnings.append(t(clash_message, name=name, plugin=impl.plugin_name))
            else:
                found[name] = (impl.plugin_name, item)
    return found
