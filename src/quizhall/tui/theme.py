"""The projector themes: high-contrast light and dark colour systems for the contest screens.

Both are made to be read from the back of a hall on a washed-out projector: pure black or white
backgrounds, saturated accents, and no meaning carried by colour alone (the stylesheet pairs
every colour with a word, a number or a symbol).
"""

from __future__ import annotations

from textual.theme import Theme

DARK = Theme(
    name="quizhall-dark",
    primary="#4da3ff",
    secondary="#9ecbff",
    accent="#ffd400",
    warning="#ffb000",
    error="#ff5c5c",
    success="#3ddc84",
    foreground="#ffffff",
    background="#000000",
    surface="#101010",
    panel="#1c1c1c",
    dark=True,
    variables={
        "footer-key-foreground": "#ffd400",
        "footer-description-foreground": "#ffffff",
        "block-cursor-background": "#4da3ff",
    },
)

LIGHT = Theme(
    name="quizhall-light",
    primary="#0047b3",
    secondary="#003380",
    accent="#8a4b00",
    warning="#8a4b00",
    error="#b00020",
    success="#006b2e",
    foreground="#000000",
    background="#ffffff",
    surface="#f2f2f2",
    panel="#e0e0e0",
    dark=False,
    variables={
        "footer-key-foreground": "#0047b3",
        "footer-description-foreground": "#000000",
        "block-cursor-background": "#0047b3",
    },
)

THEMES = {"dark": DARK, "light": LIGHT}
