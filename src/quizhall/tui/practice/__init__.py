"""The trainee's Textual app: practice, mock exams, levels, the notebook and stats."""

from quizhall.tui.practice.app import PracticeApp, PracticeSettings

__all__ = ["PracticeApp", "PracticeSettings"]
