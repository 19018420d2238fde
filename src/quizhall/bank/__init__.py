"""Question banks: the model, the question types, YAML loading with positioned errors, and the
parse cache."""

import quizhall.bank.qtypes.builtin  # noqa: F401  (registers the built-in question types)
from quizhall.bank.loader import LoadResult, load_bank, load_banks
from quizhall.bank.model import Bank, Grade, Level, Question, QuestionType, grade

__all__ = ["Bank", "Grade", "Level", "LoadResult", "Question", "QuestionType", "grade",
           "load_bank", "load_banks"]
