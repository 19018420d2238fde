"""The question on screen: its stem and options, and the answer panel (host-only until reveal)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widget import Widget

from quizhall.i18n import t
from quizhall.tui.literal import literal
from quizhall.tui.stage_view import QuestionView
from quizhall.tui.text import named
from quizhall.tui.widgets.picture import QuestionPictures, current_protocol
from quizhall.tui.widgets.prose import Prose


def header(question: QuestionView) -> Text:
    """``Question 3 of 10 · single · +10 / -10``."""
    parts = [t("tui.question_of", k=question.number, n=question.total)]
    if question.kind:
        parts.append(named(f"tui.kind.{question.kind}", question.kind))
    if question.points:
        parts.append(question.points)
    head = Text(" · ".join(parts[:1]), style="bold")
    for part in parts[1:]:
        head.append(" · ")
        head.append_text(literal(part))
    return head


def body(question: QuestionView, pictures: bool = False) -> Text:
    """The stem, then one line per option, all shown literally.

    ``pictures``: options drawn as pictures (in a :class:`PictureOptions` grid) are left out.
    """
    text = literal(question.stem, style="bold")
    drawn = {letter for letter, _, _ in question.option_images} if pictures else set()
    for letter, option in question.options:
        if letter in drawn:
            continue
        text.append("\n")
        text.append(f"{letter}. ", style="bold")
        text.append_text(literal(option))
    if question.media:
        text.append("\n")
        text.append(t("tui.media") + " ", style="italic")
        text.append_text(literal(question.media))
    return text


class QuestionPanel(Widget):
    """The question as the host sees it: the stem and options, the pictures small."""

    DEFAULT_CSS = """
    QuestionPanel { height: auto; max-height: 100%; }
    QuestionPanel > .question-header { height: 1; }
    QuestionPanel > VerticalScroll { height: auto; }
    """

    def compose(self) -> ComposeResult:
        yield Prose(classes="question-header")
        with VerticalScroll():
            yield Prose(classes="question-body")
            yield QuestionPictures()

    def show(self, question: QuestionView | None) -> None:
        """Show ``question`` (None clears the panel)."""
        self.query_one(QuestionPictures).show(question)
        if question is None:
            self.query_one(".question-header", Prose).update("")
            self.query_one(".question-body", Prose).update("")
            return
        self.query_one(".question-header", Prose).update(header(question))
        drawn = current_protocol() != "off"
        self.query_one(".question-body", Prose).update(body(question, drawn))


def answer_text(question: QuestionView, revealed: bool, audience: bool) -> Text | None:
    """The answer block: what the host sees before the reveal, what all see after.

    None when there is nothing to show (the audience before the reveal sees nothing at all).
    """
    if audience and not revealed:
        return None
    if not (question.answer or question.explanation or question.source):
        return None
    text = Text()
    if question.answer:
        text.append(t("tui.answer") + " ", style="bold")
        text.append_text(literal(question.answer, style="bold"))
    if question.explanation:
        text.append("\n" if text else "")
        text.append(t("tui.explanation") + " ", style="bold")
        text.append_text(literal(question.explanation))
    if question.source:
        text.append("\n" if text else "")
        text.append(t("tui.source") + " ", style="bold")
        text.append_text(literal(question.source, style="italic"))
    return text


class AnswerPanel(Prose):
    """The answer, explanation and source: marked host-only before the reveal."""

    DEFAULT_CSS = """
    AnswerPanel { height: auto; }
    """

    def show(self, question: QuestionView | None, revealed: bool, audience: bool) -> None:
        """Show the answer block for this question, or hide the panel when there is none."""
        text = None if question is None else answer_text(question, revealed, audience)
        self.display = text is not None
        self.set_class(not revealed, "-host-only")
        self.border_title = t("tui.answer_revealed") if revealed else t("tui.answer_host_only")
        self.update(text or "")
