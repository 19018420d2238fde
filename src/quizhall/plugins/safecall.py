"""Call plugin code without trusting it: a failure, a wrong result or a slow call is a warning.

:func:`call_each` and :func:`call_first` call hook implementations one by one, so a plugin that
raises, returns the wrong type or is slow is named in a warning, and the others (and the
default) still apply. :func:`call_one` is the single guarded call both are made of.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import pluggy

from quizhall.i18n import t

# What third-party code may raise that must never stop quizhall: any exception, and the
# BaseExceptions a plugin can raise by itself (sys.exit(), a stray KeyboardInterrupt or
# GeneratorExit). os._exit() and fatal signals cannot be caught (docs/plugins.md says so).
PLUGIN_ERRORS: tuple[type[BaseException], ...] = (Exception, SystemExit, KeyboardInterrupt,
                                                  GeneratorExit)
# A hook call taking longer than this is named in a warning (a live contest waits for it).
SLOW_SECONDS = 0.5

Check = Callable[[Any], bool]
Select = Callable[[str], bool]
PerPlugin = Callable[[str], Mapping[str, Any]]


def implementations(pm: pluggy.PluginManager, hook_name: str,
                    select: Select | None = None) -> list[Any]:
    """A hook's implementations in calling order, those of plugins ``select`` accepts."""
    caller = getattr(pm.hook, hook_name)
    impls = [impl for impl in caller.get_hookimpls()
             if not (impl.hookwrapper or getattr(impl, "wrapper", False))
             and (select is None or select(impl.plugin_name))]
    return list(reversed(impls))  # pluggy calls the last registered (and tryfirst) first


def call_one(impl: Any, hook_name: str, warnings: list[str], kwargs: Mapping[str, Any],
             stopwatch: Callable[[], float] = time.perf_counter) -> tuple[bool, Any]:
    """Call one implementation: ``(True, result)``, or ``(False, None)`` when it raised.

    A failure or a call slower than :data:`SLOW_SECONDS` becomes a warning naming the plugin.
    """
    arguments = {arg: kwargs[arg] for arg in impl.argnames if arg in kwargs}
    return call_guarded(impl.plugin_name, hook_name, lambda: impl.function(**arguments), (),
                        warnings, stopwatch)


def call_guarded(name: str, hook_name: str, function: Callable[..., Any], args: tuple[Any, ...],
                 warnings: list[str], stopwatch: Callable[[], float] = time.perf_counter, *,
                 passthrough: tuple[type[BaseException], ...] = ()) -> tuple[bool, Any]:
    """Call plugin ``name``'s ``function(*args)``: ``(True, result)``, or ``(False, None)``
    when it raised (a warning naming the plugin and ``hook_name``); a call slower than
    :data:`SLOW_SECONDS` is a warning too. Exceptions in ``passthrough`` (a plugin's way of
    refusing) are raised to the caller.
    """
    started = stopwatch()
    try:
        result = function(*args)
    except passthrough:
        raise
    except PLUGIN_ERRORS as exc:  # third-party code must never stop a contest
        warnings.append(t("contest.plugin_raised", plugin=name, hook=hook_name,
                          error=f"{type(exc).__name__}: {exc}"))
        return False, None
    finally:
        took = stopwatch() - started
        if took > SLOW_SECONDS:
            warnings.append(t("contest.plugin_slow", plugin=name, hook=hook_name,
                              seconds=f"{took:.2f}", limit=SLOW_SECONDS))
    return True, result


def _valid_results(pm: pluggy.PluginManager, hook_name: str, check: Check, expected: str,
                   warnings: list[str], select: Select | None, per_plugin: PerPlugin | None,
                   stopwatch: Callable[[], float],
                   kwargs: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """Call implementations one at a time, yielding ``(plugin name, result)`` for each valid,
    non-None result; exceptions, wrong results and slow calls become warnings."""
    for impl in implementations(pm, hook_name, select):
        arguments = {**kwargs, **(per_plugin(impl.plugin_name) if per_plugin else {})}
        ok, result = call_one(impl, hook_name, warnings, arguments, stopwatch)
        if not ok or result is None:
            continue
        if not check(result):
            warnings.append(t("contest.plugin_bad_result", plugin=impl.plugin_name,
                              hook=hook_name, expected=expected, got=_describe(result)))
            continue
        yield impl.plugin_name, result


def call_each(pm: pluggy.PluginManager, hook_name: str, check: Check, expected: str,
              warnings: list[str], *, select: Select | None = None,
              per_plugin: PerPlugin | None = None,
              stopwatch: Callable[[], float] = time.perf_counter,
              **kwargs: Any) -> list[tuple[str, Any]]:
    """Call every implementation; keep ``(plugin name, result)`` for results passing ``check``.

    ``select`` chooses which plugins take part; ``per_plugin(name)`` adds arguments for one
    plugin (its own ``settings``). None results are skipped silently; exceptions, wrong
    results and slow calls become warnings.
    """
    return list(_valid_results(pm, hook_name, check, expected, warnings, select, per_plugin,
                               stopwatch, kwargs))


def call_first(pm: pluggy.PluginManager, hook_name: str, check: Check, expected: str,
               warnings: list[str], *, select: Select | None = None,
               per_plugin: PerPlugin | None = None,
               stopwatch: Callable[[], float] = time.perf_counter,
               **kwargs: Any) -> tuple[str, Any] | None:
    """The first implementation's valid, non-None result (a ``firstresult`` hook), or None."""
    return next(_valid_results(pm, hook_name, check, expected, warnings, select, per_plugin,
                               stopwatch, kwargs), None)


def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
