"""Key bindings whose footer text follows the language chosen at run time.

Bindings are declared on classes, before any language is chosen, so their descriptions hold
i18n keys; :func:`translate_bindings` replaces them with the messages on each new screen or app
(Textual copies class bindings into every instance, so changing the copy is local).
"""

from __future__ import annotations

from dataclasses import replace

from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen

from quizhall.i18n import t


def translate_bindings(node: DOMNode) -> None:
    """Turn the i18n keys in ``node``'s binding descriptions into messages."""
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [replace(b, description=t(b.description)) if b.description else b
                      for b in bindings]


class PracticeScreen(Screen):
    """A screen whose bindings' descriptions are i18n keys."""

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)


class PracticeModal(ModalScreen[None]):
    """A modal screen whose bindings' descriptions are i18n keys."""

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)
