"""Plain values in reports: numbers without float noise, text parts joined."""

from __future__ import annotations

from collections.abc import Sequence


def plain(value: float) -> int | float:
    """110.0 → 110; other numbers unchanged (rounded to 6 places against float noise)."""
    value = round(float(value), 6)
    return int(value) if value.is_integer() else value


def plain_numbers(value: object) -> object:
    """JSON data with every float made :func:`plain` (110.0 → 110), at any depth."""
    if isinstance(value, dict):
        return {key: plain_numbers(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain_numbers(item) for item in value]
    if isinstance(value, float):
        return plain(value)
    return value


def joined(parts: Sequence[str], separator: str = "; ") -> str:
    """Non-empty parts joined."""
    return separator.join(part for part in parts if part)
