"""Where the sample banks and contests shipped with quizhall are."""

from __future__ import annotations

from pathlib import Path


def sample_banks_dir() -> Path:
    """The ``question_banks`` directory: inside the installed package, or the source tree's."""
    packaged = Path(__file__).parent / "question_banks"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "question_banks"
