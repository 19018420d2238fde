"""The host's command line: any host command, typed as in rehearsal scripts.

``:`` (by default) opens one line at the foot of the host console. What the host types
(``adjust 2 -10 jury ruling``, ``wager 1 20``, ``certainty 1 high``) is read by the
contest's own parser, which knows the commands its plugins add, and handed to the engine by
the console. This module only edits the line: Tab completes a command's name, ↑ and ↓ walk
back through what was typed before, Enter runs the line, Escape closes it. A line that is
refused stays open to be corrected; the reason is the console's toast.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from quizhall.i18n import t
from quizhall.tui.literal import literal
from quizhall.tui.widgets.prose import Prose

# The help line of a built-in command, where it is not the key of the same name's.
_HELP_KEYS = {"buzz": "tui.command_help.buzz", "resume": "tui.help.pause",
              "end": "tui.command_help.end"}


@dataclass(frozen=True, slots=True)
class CommandHelp:
    """A command as the hint line shows it: how it is written, and what it does."""

    name: str
    usage: str
    help: str = ""


def command_helps(contest: Any) -> dict[str, CommandHelp]:
    """Every command the contest takes, built-in first, then those its plugins add."""
    from quizhall.contest.commands import COMMAND_NAMES, USAGE

    helps = {name: CommandHelp(name, USAGE[name], t(_HELP_KEYS.get(name, f"tui.help.{name}")))
             for name in COMMAND_NAMES}
    for name, command in contest.plugin_commands().items():
        helps.setdefault(name, CommandHelp(name, str(command.usage), str(command.help)))
    return helps


def fitting(word: str, names: Sequence[str]) -> list[str]:
    """The command names that begin with ``word`` (all of them for an empty word)."""
    folded = word.casefold()
    return [name for name in names if name.casefold().startswith(folded)]


def complete(text: str, names: Sequence[str]) -> str:
    """``text`` after Tab: the command name it begins, completed as far as it is certain.

    One name that fits is completed with a space after it; several are completed to what
    they share. Only the first word is completed; anything else comes back unchanged.
    """
    word = text.lstrip()
    if not word or any(character.isspace() for character in word):
        return text
    fits = fitting(word, names)
    if len(fits) == 1:
        return fits[0] + " "
    shared = len(os.path.commonprefix([name.casefold() for name in fits]))
    return fits[0][:shared] if shared > len(word) else text


def hint(text: str, helps: Mapping[str, CommandHelp]) -> Text:
    """The line above the input: the keys, the names that fit, or the command's usage."""
    words = text.split()
    if not words:
        return Text(t("tui.command_keys"))
    found = helps.get(words[0].casefold())
    if found is not None:
        line = literal(found.usage, style="bold")
        if found.help:
            line.append("   ")
            line.append_text(literal(found.help))
        return line
    fits = fitting(words[0], list(helps))
    if fits:
        return literal("  ".join(fits), style="bold")
    return literal(t("tui.command_unknown", name=words[0]))


class CommandLine(ModalScreen[None]):
    """A one-line input over the foot of the console; the contest stays in view above it.

    ``run`` carries out a line and says whether it was accepted; ``history`` is the console's
    list of lines typed so far (newest last), which this screen adds to.
    """

    BINDINGS = [
        Binding("escape", "close", show=False),
        Binding("tab", "complete", show=False, priority=True),
        Binding("up", "older", show=False, priority=True),
        Binding("down", "newer", show=False, priority=True),
    ]
    # (The screen's see-through background is in theme.tcss: the app's ``Screen`` rule
    # there outranks a DEFAULT_CSS.)
    DEFAULT_CSS = """
    CommandLine > Vertical { dock: bottom; height: auto; background: $panel;
                             border-top: heavy $accent; padding: 0 1; }
    CommandLine #command-hint { color: $foreground 80%; }
    CommandLine Horizontal { height: 1; }
    CommandLine #command-prompt { width: 2; text-style: bold; color: $accent; }
    CommandLine Input { border: none; height: 1; padding: 0; width: 1fr;
                        background: $panel; }
    CommandLine Input:focus { border: none; }
    """

    def __init__(self, helps: Mapping[str, CommandHelp], run: Callable[[str], bool],
                 history: list[str]) -> None:
        super().__init__()
        self._helps = dict(helps)
        self._run = run
        self._history = history
        self._walk: int | None = None  # where ↑/↓ stand in the history (None: not walking)
        self._draft = ""  # what was typed before walking the history

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Prose(Text(t("tui.command_keys")), id="command-hint")
            with Horizontal():
                yield Label(":", id="command-prompt")
                yield Input(id="command-input", select_on_focus=False)

    @property
    def input(self) -> Input:
        return self.query_one("#command-input", Input)

    def on_mount(self) -> None:
        self.input.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#command-hint", Prose).update(hint(event.value, self._helps))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        line = event.value.strip()
        self._walk = None
        if not line:
            self.dismiss(None)
            return
        if not self._history or self._history[-1] != line:
            self._history.append(line)
        if self._run(line):
            self.dismiss(None)

    def _set(self, value: str) -> None:
        self.input.value = value
        self.input.cursor_position = len(value)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_complete(self) -> None:
        value = self.input.value
        completed = complete(value, list(self._helps))
        if completed != value:
            self._set(completed)
        elif not value.strip():
            self.query_one("#command-hint", Prose).update(
                literal("  ".join(self._helps), style="bold"))

    def action_older(self) -> None:
        if not self._history:
            return
        if self._walk is None:
            self._draft = self.input.value
            self._walk = len(self._history)
        if self._walk > 0:
            self._walk -= 1
            self._set(self._history[self._walk])

    def action_newer(self) -> None:
        if self._walk is None:
            return
        self._walk += 1
        if self._walk >= len(self._history):
            self._walk = None
            self._set(self._draft)
        else:
            self._set(self._history[self._walk])
