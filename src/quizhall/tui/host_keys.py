"""The host console's keys: which key does what, from the defaults and a contest's ``keys:``.

A contest file's ``keys:`` maps action names (``next``, ``open``, ``right`` …) to keys; the
engine records that mapping in the plan, and its defaults
(:data:`quizhall.contest.plan.DEFAULT_KEYS`) are the console's. Keys are written as people
type them (``space``, ``o``, ``?``, ``f5``) and turned into Textual's key names here. A team
buzzer key may not be a host key: :func:`conflicts` names each clash so the console refuses
to start on a plan recorded before a key existed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from quizhall.contest.plan import DEFAULT_KEYS
from quizhall.i18n import t

# Characters Textual names differently from how people write them.
_KEY_NAMES = {
    " ": "space", "?": "question_mark", "!": "exclamation_mark", "+": "plus", "-": "minus",
    "=": "equals_sign", ",": "comma", ".": "full_stop", "/": "slash", ";": "semicolon",
    "'": "apostrophe", "[": "left_square_bracket", "]": "right_square_bracket", "*": "asterisk",
    "#": "number_sign", "$": "dollar_sign", "%": "percent_sign", "&": "ampersand",
    "(": "left_parenthesis", ")": "right_parenthesis", "@": "at", "^": "circumflex_accent",
    "_": "underscore", "`": "grave_accent", "{": "left_curly_bracket",
    "}": "right_curly_bracket", "|": "vertical_line", "~": "tilde", "<": "less_than_sign",
    ">": "greater_than_sign", ":": "colon", '"': "quotation_mark", "\\": "backslash",
}
# How the footer prints keys: punctuation as its character (``colon`` → ``:``).
_DISPLAY = {name: character for character, name in _KEY_NAMES.items()} | {
    "space": "Space", "escape": "Esc", "enter": "Enter"}


def key_name(key: str) -> str:
    """Textual's name for a key as a contest file writes it (``?`` → ``question_mark``)."""
    if len(key) == 1:
        return _KEY_NAMES.get(key, key)
    return key.strip().lower()


def key_display(key: str) -> str:
    """A key as the footer and help print it."""
    name = key_name(key)
    if name in _DISPLAY:
        return _DISPLAY[name]
    if len(key) == 1:
        return key
    *modifiers, base = name.split("+")
    base = base.upper() if len(base) == 1 else base.capitalize()
    return "+".join([*(m.capitalize() for m in modifiers), base])


@dataclass(frozen=True, slots=True)
class KeyMap:
    """Host actions by key, and team numbers (1-based) by buzzer key."""

    actions: Mapping[str, str]  # action → Textual key name
    teams: Mapping[str, int]  # Textual key name → team number
    team_keys: tuple[str, ...] = ()  # each team's key name, in team order

    def key_of(self, action: str) -> str:
        return self.actions[action]

    def description(self, action: str) -> str:
        """The footer's word for an action."""
        return t(f"tui.key.{action}")


def build_keymap(overrides: Mapping[str, str], team_keys: list[str]) -> KeyMap:
    """Default keys with a contest's overrides, and the teams' buzzer keys."""
    actions = {action: key_name(overrides.get(action, key)) for action, key in
               DEFAULT_KEYS.items()}
    names = tuple(key_name(key) if key else "" for key in team_keys)
    teams: dict[str, int] = {}
    for number, name in enumerate(names, 1):
        if name:
            teams.setdefault(name, number)
    return KeyMap(actions, teams, names)


def conflicts(keymap: KeyMap) -> list[str]:
    """Each clash between keys, as a translated sentence (empty when all keys are distinct)."""
    problems: list[str] = []
    by_key: dict[str, str] = {}
    for action, key in keymap.actions.items():
        if key in by_key:
            problems.append(t("tui.keys_clash_actions", key=key_display(key),
                              first=by_key[key], second=action))
        else:
            by_key[key] = action
    seen: dict[str, int] = {}
    for team, key in enumerate(keymap.team_keys, 1):
        if not key:
            continue
        if key in by_key:
            problems.append(t("tui.keys_clash_team", key=key_display(key), team=team,
                              action=by_key[key]))
        if key in seen:
            problems.append(t("tui.keys_clash_teams", key=key_display(key), first=seen[key],
                              second=team))
        seen.setdefault(key, team)
    return problems
