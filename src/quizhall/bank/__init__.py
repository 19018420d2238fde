"""Question banks: the model, the question types, YAML loading with positioned errors (banks
and exam papers), and the parse cache."""

import quizhall.bank.qtypes.builtin  # noqa: F401  (registers the built-in question types)
from quizhall.bank.loader import LoadResult, load_bank, load_banks
from quizhall.bank.model import Bank, Grade, Level, Paper, Question, QuestionType, grade

__all__ = ["Bank", "Grade", "Level", "LoadResult", "Paper", "Question", "QuestionType", "grade",
           "load_bank", "load_banks"]
