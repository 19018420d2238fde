"""Question types: one definition per type, and the registry everything else asks.

A question type is a :class:`QuestionKind` subclass: the names a bank may write for it, the
keys its questions accept, how its YAML answer is checked, how a response is graded, how its
answer is written back and cached, and how it is drawn (a :class:`Drawing`, plain data the TUI
maps to widgets). The built-in types are in :mod:`quizhall.bank.qtypes.builtin`; a plugin
adds one with :func:`register`. Nothing here imports the rest of the bank at run time, so the
model can ask the registry while the built-ins import the model.
"""

from quizhall.bank.qtypes.registry import (
    AnswerInputError,
    Drawing,
    Given,
    QuestionKind,
    all_kinds,
    kind_of,
    lookup,
    register,
    type_names,
    unregister,
)

__all__ = ["AnswerInputError", "Drawing", "Given", "QuestionKind", "all_kinds", "kind_of",
           "lookup", "register", "type_names", "unregister"]
