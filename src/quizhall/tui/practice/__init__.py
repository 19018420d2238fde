"""The trainee's Textual app (:mod:`quizhall.tui.practice.app`): practice, mock exams, levels,
the notebook and stats. Kept empty so that walking the package imports no textual."""
