"""Plain values in reports: numbers without float noise, text parts joined."""

from __future__ import annotations

from collections.abc import Sequence

from quizhall.bank.model import plain_value


def plain_numbers(value: object) -> object:
    """JSON data with every float made
    :func:`~quizhall.bank.model.plain_value` (110.0 → 110), at any depth."""
    if isinstance(value, dict):
        return {key: plain_numbers(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain_numbers(item) for item in value]
    if isinstance(value, float):
        return plain_value(value)
    return value


def joined(parts: Sequence[str], separator: str = "; ") -> str:
    """Non-empty parts joined."""
    return separator.join(part for part in parts if part)
