"""The errors the store raises for problems a user must read and act on."""

from __future__ import annotations


class StoreError(Exception):
    """A storage problem explained in a translated message: damaged, foreign or newer files,
    unwritable directories, unknown contests."""


class LockedError(StoreError):
    """Another process holds the right to write; the message names it."""
