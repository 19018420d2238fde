"""Which store a command opens, and database URLs shown without their password.

The store is, in order: ``$QUIZHALL_STORE`` (``--store`` sets it), else the data directory in
``$QUIZHALL_DATA_DIR`` (``--data-dir`` sets it), else ``store = "…"`` in the config file
(``$QUIZHALL_CONFIG``, else ``config.toml`` in the user config directory for quizhall), else
the default data directory. A ``postgresql://`` (or ``postgres://``) URL names a PostgreSQL
database; anything else is a data directory.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

from quizhall.i18n import t
from quizhall.store.errors import StoreError

STORE_VARIABLE = "QUIZHALL_STORE"
CONFIG_VARIABLE = "QUIZHALL_CONFIG"
SCHEMES = ("postgresql", "postgres")
HIDDEN = "***"


def is_database_url(text: str) -> bool:
    """Whether ``text`` names a PostgreSQL database rather than a data directory."""
    return urlsplit(text).scheme.lower() in SCHEMES


def redact(url: str) -> str:
    """``url`` with its password (in the user part or a ``password=`` parameter) hidden."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        user, _, hosts = netloc.rpartition("@")
        if ":" in user:
            user = f"{user.split(':', 1)[0]}:{HIDDEN}"
        netloc = f"{user}@{hosts}"
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        query = urlencode([(key, HIDDEN if key.lower() == "password" else value)
                           for key, value in pairs], safe="/*")
    shown = f"{parts.scheme}://{netloc}{parts.path}"  # urlunsplit drops an empty host's //
    return shown + (f"?{query}" if query else "") + (f"#{parts.fragment}" if parts.fragment
                                                      else "")


def redact_words(words: list[str]) -> list[str]:
    """A command line with every database URL's password hidden (for lock holders, logs)."""
    return [redact(word) if is_database_url(word)
            else (f"{word.split('=', 1)[0]}={redact(word.split('=', 1)[1])}"
                  if "=" in word and is_database_url(word.split("=", 1)[1]) else word)
            for word in words]


def config_path() -> Path:
    """The config file: ``$QUIZHALL_CONFIG``, else ``config.toml`` in the user config dir."""
    override = os.environ.get(CONFIG_VARIABLE)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir("quizhall", appauthor=False)) / "config.toml"


def configured_store() -> str | None:
    """The ``store`` the config file names; None without a config file or a ``store`` key.
    A config file that cannot be read raises StoreError naming it."""
    path = config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise StoreError(t("store.config_unreadable", path=path, error=exc)) from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise StoreError(t("store.config_unreadable", path=path, error=exc)) from exc
    value = data.get("store")
    if value is None:
        return None
    if not isinstance(value, str) or not value:
        raise StoreError(t("store.config_bad_store", path=path))
    return value


def chosen_store() -> str | None:
    """The database URL or data directory to open (see the module docstring); None for the
    default data directory."""
    return (os.environ.get(STORE_VARIABLE) or os.environ.get("QUIZHALL_DATA_DIR")
            or configured_store())
