"""User text reaches the screen literally."""

from textual.app import App, ComposeResult
from textual.widgets import Static

from quizhall.tui.literal import literal, visible


def test_escape_sequences_become_visible_symbols():
    assert visible("red \x1b[31mtext\x07") == "red \u241b[31mtext\u2407"


def test_bidi_override_is_shown_as_a_code():
    assert visible("abc\u202edef") == "abc<U+202E>def"


def test_newlines_and_tabs_stay():
    assert visible("a\n\tb") == "a\n\tb"


async def test_markup_in_question_text_is_shown_as_typed():
    stem = "[bold]粗体[/bold] [link=https://example.com]x[/link] \x1b[2J"

    class One(App):
        def compose(self) -> ComposeResult:
            yield Static(literal(stem), id="stem")

    async with One().run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        rendered = pilot.app.query_one("#stem").render()
        plain = rendered.plain if hasattr(rendered, "plain") else str(rendered)
        assert "[bold]粗体[/bold]" in plain
        assert "[link=https://example.com]x[/link]" in plain
        assert "\u241b[2J" in plain and "\x1b" not in plain
