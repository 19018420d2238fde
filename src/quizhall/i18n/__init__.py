"""Translate user-facing text: zh-CN first, English complete.

Messages live in per-area catalogs (``quizhall.i18n.<area>``), each a ``MESSAGES`` dict that
maps a key to its ``(zh-CN, en)`` pair. A key's first dotted part names its catalog, which is
imported on first use, so ``quizhall --help`` pays only for the messages it prints. Plugins
add their own catalog with :func:`add_catalog`.

A count takes its noun with the spec ``n/one/many``: ``"{files:n/file/files}"`` gives
``1 file`` or ``3 files`` (English needs it; Chinese writes ``{files} 个文件``).

The language comes from, in order: :func:`set_language` (the ``--lang`` option),
``QUIZHALL_LANG``, then the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``). A locale naming
Chinese gives zh-CN, one naming any other language gives English; an unset, ``C`` or
``POSIX`` locale gives zh-CN, the project's first language.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import string
from collections.abc import Mapping

LANGUAGES = ("zh-CN", "en")
_INDEX = {"zh-CN": 0, "en": 1}

_language: str | None = None
_catalogs: dict[str, Mapping[str, tuple[str, str]]] = {}


def normalize_language(value: str | None) -> str | None:
    """Map a language or locale name (``zh_CN.UTF-8``, ``en``, ``C``) to a supported language.

    Returns None when the value names no language (empty, ``C``, ``POSIX``).
    """
    if not value:
        return None
    base = value.split(".")[0].split("@")[0].strip().lower().replace("_", "-")
    if base in ("", "c", "posix"):
        return None
    if base.startswith("zh"):
        return "zh-CN"
    return "en"


def detect_language(environ: Mapping[str, str] | None = None) -> str:
    """The language to use when none was set explicitly, from the environment."""
    env = os.environ if environ is None else environ
    for name in ("QUIZHALL_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        lang = normalize_language(env.get(name))
        if lang:
            return lang
    return "zh-CN"


def set_language(lang: str | None) -> str:
    """Use ``lang`` from now on (None: detect again from the environment); returns it."""
    global _language
    _language = normalize_language(lang) if lang else None
    return get_language()


def get_language() -> str:
    """The language in use."""
    global _language
    if _language is None:
        _language = detect_language()
    return _language


def catalog(area: str) -> Mapping[str, tuple[str, str]]:
    """The messages of one area, imported on first use."""
    found = _catalogs.get(area)
    if found is None:
        module = importlib.import_module(f"{__name__}.{area}")
        found = _catalogs[area] = module.MESSAGES
    return found


def t(key: str, /, lang: str | None = None, **values: object) -> str:
    """The message ``key`` in the current language, with ``{placeholders}`` filled in.

    An unknown key returns the key itself, so a missing message shows up instead of crashing.
    """
    area, _, _ = key.partition(".")
    try:
        pair = catalog(area)[key]
    except (ImportError, KeyError):
        return key
    text = pair[_INDEX[lang or get_language()]]
    return _FORMATTER.vformat(text, (), values) if values else text


class _Formatter(string.Formatter):
    """str.format, plus the ``n/one/many`` spec that puts a count with its noun."""

    def format_field(self, value: object, format_spec: str) -> str:
        if format_spec.startswith("n/"):
            one, _, many = format_spec[2:].partition("/")
            return f"{value} {one if value == 1 else many}"
        return super().format_field(value, format_spec)


_FORMATTER = _Formatter()


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def add_catalog(area: str, messages: Mapping[str, tuple[str, str]]) -> None:
    """Add a plugin's messages: every key starts with ``area.`` (use the plugin's module
    name), each pair is ``(zh-CN, en)`` with the same ``{placeholders}``.

    Raises ValueError for a malformed catalog or an area quizhall or another plugin uses.
    """
    if importlib.util.find_spec(f"{__name__}.{area}") is not None:
        raise ValueError(f"message area {area!r} belongs to quizhall")
    if area in _catalogs and dict(_catalogs[area]) != dict(messages):
        raise ValueError(f"message area {area!r} is already taken")
    for key, pair in messages.items():
        if not key.startswith(area + "."):
            raise ValueError(f"message key {key!r} does not start with {area!r}")
        if (len(pair) != 2 or not all(isinstance(text, str) and text for text in pair)
                or _placeholders(pair[0]) != _placeholders(pair[1])):
            raise ValueError(f"message {key!r} needs zh-CN and English texts with the same "
                             "placeholders")
    _catalogs[area] = dict(messages)
