"""Key bindings whose footer text follows the language chosen at run time.

Bindings are declared on classes, before any language is chosen, so their descriptions hold
i18n keys. A :class:`Localized` class is instantiated as a subclass of itself, made once per
language, whose ``BINDINGS`` carry the messages (Textual merges a class's ``BINDINGS`` when the
class is created, so declaring them on a subclass is the public way to change them).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, ClassVar

from textual.binding import Binding
from textual.screen import ModalScreen, Screen

from quizhall.i18n import get_language, t


class Localized:
    """Mixin for a Textual class whose ``BINDINGS`` descriptions are i18n keys."""

    _translated: ClassVar[dict[tuple[type, str], type]] = {}
    _language: ClassVar[str | None] = None

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:
        return super().__new__(_in_language(cls, get_language()))


def _in_language(cls: type, language: str) -> type:
    if cls.__dict__.get("_language") is not None:
        return cls  # already a translated subclass
    made = Localized._translated.get((cls, language))
    if made is None:
        bindings = [replace(b, description=t(b.description, lang=language))
                    if isinstance(b, Binding) and b.description else b
                    for b in getattr(cls, "BINDINGS", [])]
        made = type(cls.__name__, (cls,), {"BINDINGS": bindings, "_language": language,
                                           "__module__": cls.__module__,
                                           "__qualname__": cls.__qualname__})
        Localized._translated[(cls, language)] = made
    return made


class PracticeScreen(Localized, Screen):
    """A screen whose bindings' descriptions are i18n keys."""


class PracticeModal(Localized, ModalScreen[None]):
    """A modal screen whose bindings' descriptions are i18n keys."""
