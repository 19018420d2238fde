"""The question screen: a stem shown literally, options or inputs, feedback, the exam timer.

Keys: ``A``–``H`` or ``1``–``8`` choose an option (toggle, in multiple choice); arrows move the
cursor and ``space`` toggles it; fill-in, numeric, order and match questions are typed into
inputs (one per blank); ``enter`` submits, then moves on after the feedback; a short answer is
revealed and the trainee judges it with ``y`` or ``n``; ``?`` (or F1) shows the keys.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Input, Static

from quizhall.bank.model import OPTION_LETTERS
from quizhall.bank.qtypes import Drawing, kind_of
from quizhall.i18n import t
from quizhall.practice import (
    AnswerInputError,
    ExamSession,
    LevelSession,
    PracticeSession,
    Presented,
    Session,
)
from quizhall.practice.exam import ExamTimeUp
from quizhall.practice.notebook import rating_name
from quizhall.practice.trainee import Outcome
from quizhall.tui.practice.bindings import PracticeScreen
from quizhall.tui.practice.literal import join, literal
from quizhall.tui.widgets.picture import Picture, PictureOptions, current_protocol

if TYPE_CHECKING:
    from quizhall.tui.practice.app import PracticeApp

# How each kind of drawing (quizhall.bank.qtypes.Drawing.input) is answered here: picked with
# the cursor or letter keys from the option list, or typed into one box (or one per blank).
CHOOSE = ("options", "judge")


def _drawing(presented: Presented) -> Drawing:
    return presented.definition.drawing


def _chosen(presented: Presented) -> bool:
    """Whether the question is answered by picking from its option list."""
    return _drawing(presented).input in CHOOSE


def clock_text(seconds: float) -> str:
    """``mm:ss`` (``h:mm:ss`` from an hour)."""
    whole = int(seconds + 0.999)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class QuestionScreen(PracticeScreen):
    """Ask the session's questions one by one."""

    BINDINGS = [
        Binding("enter", "enter", "practice.key_submit"),
        Binding("question_mark,f1", "help", "practice.key_help"),
        Binding("f2", "sheet", "practice.key_sheet"),
        Binding("f3", "flag", "practice.key_flag"),
        Binding("f4", "bookmark", "practice.key_bookmark"),
        Binding("f5", "back", "practice.key_previous"),
        Binding("f6", "skip", "practice.key_skip"),
        Binding("f7", "show_answer", "practice.key_show_answer"),
        Binding("f10", "hand_in", "practice.key_hand_in"),
        Binding("1", "rate('again')", "practice.key_again"),
        Binding("2", "rate('hard')", "practice.key_hard"),
        Binding("3", "rate('good')", "practice.key_good"),
        Binding("4", "rate('easy')", "practice.key_easy"),
        Binding("r", "claim", "practice.key_claim"),
        Binding("escape", "leave", "practice.key_leave"),
        Binding("pageup", "scroll(-1)", show=False),
        Binding("pagedown", "scroll(1)", show=False),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.presented: Presented | None = None
        self.selected: list[str] = []  # shown letters
        self.cursor = 0
        self.phase = "answer"  # answer → (judge →) feedback
        self.outcome: Outcome | None = None
        self.typed: str = ""  # a short answer's text, kept while the trainee judges it

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="q-top"):
            yield Static(id="q-status")
            yield Static(id="q-side")
        with VerticalScroll(id="q-body", can_focus=False):
            yield Picture(id="q-picture")
            yield Static(id="q-stem")
            yield Static(id="q-options")
            yield PictureOptions(id="q-picture-options")
            yield Vertical(id="q-inputs")
            yield Static(id="q-hint", classes="hint")
            yield Static(id="q-error")
            yield Static(id="q-feedback")
        yield Footer()

    def on_mount(self) -> None:
        presented = self.session.current if self.session.awaiting_answer else self.session.start()
        if presented is None:
            self._finish()
            return
        self._show(presented)
        if isinstance(self.session, ExamSession):
            self.set_interval(1.0, self.tick)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        exam = isinstance(self.session, ExamSession)
        if action in ("hand_in", "sheet", "flag", "back"):
            return exam
        if action == "skip":
            return exam or (self.session.can_skip and self.phase in ("answer", "shown"))
        if action == "show_answer":
            return self.session.can_skip and self.phase == "answer"
        if action == "rate":
            return self.phase == "feedback" and self.session.feedback
        if action == "claim":
            return self.phase == "feedback" and self.session.can_claim()
        return True

    # -- showing a question ----------------------------------------------------------------

    def _show(self, presented: Presented) -> None:
        self.presented = presented
        self.selected = []
        self.cursor = 0
        self.phase = "answer"
        self.outcome = None
        self.typed = ""
        q = presented.question
        self.query_one("#q-stem", Static).update(literal(q.stem, "bold"))
        self._show_pictures(presented)
        inputs = self.query_one("#q-inputs", Vertical)
        inputs.remove_children()
        if self._studying():
            self.phase = "study"
        boxes = [] if self.phase == "study" else self._input_boxes(presented)
        if boxes:
            inputs.mount(*boxes)
            boxes[0].focus()
        else:
            self.set_focus(None)
        count = len(presented.choices())
        hint = presented.definition.hint(count, OPTION_LETTERS[max(0, count - 1)])
        if q.unit:
            hint = t("practice.unit", unit=q.unit) + "  " + hint
        self.query_one("#q-hint", Static).update(literal(hint))
        self.query_one("#q-hint", Static).display = self.phase == "answer"
        self.query_one("#q-error", Static).display = False
        self.query_one("#q-feedback", Static).update("")
        self.query_one("#q-feedback", Static).display = False
        self.query_one("#q-body", VerticalScroll).scroll_home(animate=False)
        if isinstance(self.session, ExamSession):
            self._fill_in(presented, boxes, self.session.given(self.session.index))
        self._render_options()
        self._render_status()
        if self.phase == "study":
            self._show_feedback(answer_only=True)
        self.refresh_bindings()

    def _studying(self) -> bool:
        return isinstance(self.session, PracticeSession) and self.session.study

    def _fill_in(self, presented: Presented, boxes: list[Input], given: object) -> None:
        """Show the answer already on an exam's sheet, to be changed or kept."""
        if given is None:
            return
        drawn = _drawing(presented).input
        if drawn == "judge":
            self.selected = ["A" if given else "B"]
        elif drawn == "options":
            self.selected = [presented.shown_letter(x) for x in str(given)]
        elif drawn == "blanks" and isinstance(given, list):
            for box, text in zip(boxes, given, strict=False):
                box.value = text
        elif boxes:
            boxes[0].value = presented.given_text(given)  # type: ignore[arg-type]

    def _show_pictures(self, presented: Presented) -> None:
        """The question's picture above the stem; picture options in a grid, by shown letter."""
        q = presented.question
        picture = self.query_one("#q-picture", Picture)
        picture.display = bool(q.image)
        picture.show(q.image, q.alt)
        options = []
        if presented.definition.has_options:
            for (shown, text), original in zip(presented.choices(), presented.order, strict=False):
                if original in q.option_images:
                    file, alt = q.option_images[original]
                    options.append((shown, "" if text == alt else text, file, alt))
        self.query_one("#q-picture-options", PictureOptions).show(tuple(options))

    @staticmethod
    def _option_words(presented: Presented, index: int, text: str) -> str:
        """An option's words in the list: a picture option drawn in the grid, whose only
        words describe its picture, is named by its picture, not by the description."""
        q = presented.question
        if current_protocol() == "off" or not _chosen(presented) or \
                index >= len(presented.order):
            return text
        picture = q.option_images.get(presented.order[index])
        return t("tui.picture") if picture is not None and picture[1] == text else text

    def _input_boxes(self, presented: Presented) -> list[Input]:
        q = presented.question
        drawn = _drawing(presented).input
        if drawn == "blanks":
            return [Input(placeholder=t("practice.blank_n", n=i), classes="answer-box")
                    for i in range(1, q.blanks + 1)]
        if drawn in CHOOSE:
            return []
        return [Input(placeholder=presented.definition.placeholder(), classes="answer-box")]

    def _render_status(self) -> None:
        session = self.session
        presented = self.presented
        q = presented.question if presented else None
        parts: list[str | tuple[str, str]] = [(t(f"practice.mode_{session.mode}"), "bold")]
        if isinstance(session, LevelSession):
            parts += [" ", (session.level.title, "bold")]
        parts.append(f"  {t('practice.position', n=session.position, total=session.total)}")
        if q is not None:
            parts.append(f"  {kind_of(q.type).title()}")
            if presented and presented.ref.key in session.trainee.history.bookmarks(
                    session.trainee.user):
                parts.append(("  ★ " + t("practice.bookmarked"), "bold yellow"))
            if self._studying():
                parts.append(("  " + t("practice.study_mode"), "bold cyan"))
            if isinstance(session, ExamSession):
                if session.status(session.index) == "answered":
                    parts.append(("  ● " + t("practice.sheet_this_answered"), "green"))
                if session.index in session.flags:
                    parts.append(("  ⚑ " + t("practice.sheet_this_flagged"), "bold yellow"))
            if q.tags:
                parts.append(("  " + " ".join(q.tags), "dim"))
        self.query_one("#q-status", Static).update(join(*parts))
        self.query_one("#q-side", Static).update(self._side())

    def _side(self) -> Content:
        session = self.session
        if isinstance(session, ExamSession):
            left = session.remaining()
            style = "bold red" if left < 60 else "bold"
            return join((t("practice.time_left", time=clock_text(left)), style))
        right = sum(o.correct for o in session.outcomes)
        wrong = len(session.outcomes) - right
        parts: list[str | tuple[str, str]] = [("✔ " + str(right), "green"), "  ",
                                              ("✘ " + str(wrong), "red")]
        if isinstance(session, LevelSession) and session.lives is not None:
            left = max(0, session.lives_left or 0)
            parts += ["  ", ("♥" * left + "♡" * (session.lives - left), "red")]
        return join(*parts)

    def _render_options(self) -> None:
        presented = self.presented
        widget = self.query_one("#q-options", Static)
        if presented is None:
            widget.update("")
            return
        lines: list[Content] = []
        drawing = _drawing(presented)
        if drawing.input == "pairs":
            for number, left in enumerate(presented.lefts(), 1):
                lines.append(join(f"  {number}. ", left))
            lines.append(Content(""))
        correct, given = self._marks()
        for index, (letter, text) in enumerate(presented.choices()):
            text = self._option_words(presented, index, text)
            if drawing.input in CHOOSE and self.phase == "answer":
                pointer = "›" if index == self.cursor else " "
                if drawing.multi_select:
                    box = "[✓]" if letter in self.selected else "[ ]"
                else:
                    box = "(●)" if letter in self.selected else "( )"
                style = "bold reverse" if index == self.cursor else ""
                lines.append(join(f"{pointer} {box} ", (f"{letter}. ", "bold"),
                                  (text, style) if style else text))
            else:
                mark, style, note = "   ", "", ""
                missed = (drawing.multi_select and letter in correct
                          and letter not in given and self.phase == "feedback")
                if missed:
                    mark, style = " ◌ ", "bold yellow"
                    note = "  " + t("practice.missed_option")
                elif letter in correct:
                    mark, style = " ✔ ", "bold green"
                elif letter in given:
                    mark, style = " ✘ ", "red"
                lines.append(join((mark, style), (f"{letter}. ", "bold"),
                                  (text, style) if style else text, (note, "italic yellow")))
        widget.update(Content("\n").join(lines))

    def _marks(self) -> tuple[set[str], set[str]]:
        """Shown letters to mark right and wrongly chosen, once the feedback (or, in study mode
        or after "show the answer", the answer) is shown."""
        presented, outcome = self.presented, self.outcome
        if presented is None or self.phase == "answer":
            return set(), set()
        q = presented.question
        drawn = _drawing(presented).input
        if self.phase in ("study", "shown"):
            if drawn == "judge":
                return {"A" if q.answer else "B"}, set()
            if drawn == "options":
                return {presented.shown_letter(x) for x in q.letters}, set()
            return set(), set()
        if self.phase != "feedback" or outcome is None:
            return set(), set()
        if drawn == "judge":
            return {"A" if q.answer else "B"}, {"A" if outcome.given else "B"}
        if drawn == "options":
            return ({presented.shown_letter(x) for x in q.letters},
                    {presented.shown_letter(x) for x in str(outcome.given or "")})
        return set(), set()

    # -- keys ------------------------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        if isinstance(self.focused, Input) or self.presented is None:
            return
        if self.phase == "judge" and event.character in ("y", "Y", "n", "N"):
            event.stop()
            self._judge(event.character.lower() == "y")
            return
        if self.phase != "answer" or not _chosen(self.presented):
            return
        count = len(self.presented.choices())
        char = (event.character or "").upper()
        if char and char in OPTION_LETTERS[:count]:
            self._choose(OPTION_LETTERS.index(char))
        elif char.isdigit() and 1 <= int(char) <= count:
            self._choose(int(char) - 1)
        elif event.key == "space":
            self._choose(self.cursor)
        elif event.key in ("up", "down"):
            self.cursor = (self.cursor + (1 if event.key == "down" else -1)) % count
            self._render_options()
        else:
            return
        event.stop()

    def _choose(self, index: int) -> None:
        letter = OPTION_LETTERS[index]
        self.cursor = index
        if self.presented is not None and _drawing(self.presented).multi_select:
            if letter in self.selected:
                self.selected.remove(letter)
            else:
                self.selected.append(letter)
        else:
            self.selected = [letter]
        self.query_one("#q-error", Static).display = False
        self._render_options()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_enter()

    def action_enter(self) -> None:
        if self.phase == "answer":
            self._submit()
        elif self.phase == "feedback":
            self._next()
        elif self.phase in ("study", "shown"):
            self.session.skip()
            self._next()

    def action_bookmark(self) -> None:
        """Bookmark the question (收藏), or take the bookmark off."""
        if self.presented is None:
            return
        on = self.session.trainee.toggle_bookmark(self.presented.ref.key)
        self.app.notify(t("practice.bookmark_on" if on else "practice.bookmark_off"))
        self._render_status()

    def action_show_answer(self) -> None:
        """Show the answer without answering: the question counts as not answered."""
        if self.phase == "answer" and self.session.can_skip:
            self.phase = "shown"
            self.query_one("#q-hint", Static).display = False
            self._lock_inputs()
            self._render_options()
            self._show_feedback(answer_only=True)
            self.refresh_bindings()

    def action_scroll(self, direction: int) -> None:
        body = self.query_one("#q-body", VerticalScroll)
        body.scroll_page_down() if direction > 0 else body.scroll_page_up()

    def action_help(self) -> None:
        from quizhall.tui.practice.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_leave(self) -> None:
        session = self.session
        app = cast("PracticeApp", self.app)
        session.leave()
        if isinstance(session, ExamSession):
            app.notify(t("practice.exam_saved"))
            app.pop_screen()
        elif isinstance(session, LevelSession) or not session.outcomes:
            app.pop_screen()
        else:
            app.show_results(session)

    def action_hand_in(self) -> None:
        """Ask, naming what is unanswered, then hand the exam in."""
        from quizhall.tui.practice.sheet import HandInScreen

        if isinstance(self.session, ExamSession):
            self.app.push_screen(HandInScreen(self.session, self._hand_in_now))

    def _hand_in_now(self) -> None:
        if isinstance(self.session, ExamSession):
            self.session.hand_in()
            self._finish()

    def action_sheet(self) -> None:
        """The answer sheet (答题卡): open any question, or hand in."""
        from quizhall.tui.practice.sheet import AnswerSheetScreen

        if isinstance(self.session, ExamSession):
            self.app.push_screen(AnswerSheetScreen(self.session, self._open_question,
                                                   self.action_hand_in))

    def _open_question(self, index: int) -> None:
        if isinstance(self.session, ExamSession) and not self.session.check_time():
            self._show(self.session.goto(index))

    def action_flag(self) -> None:
        if isinstance(self.session, ExamSession):
            self.session.toggle_flag()
            self._render_status()

    def action_back(self) -> None:
        if isinstance(self.session, ExamSession):
            shown = self.session.back()
            if shown is not None:
                self._show(shown)

    def action_skip(self) -> None:
        """Leave the question unanswered and go to the next one (in an exam it stays empty
        on the sheet; in practice it is neither right nor wrong)."""
        if not isinstance(self.session, ExamSession):
            self.session.skip()
        self._next()

    def tick(self) -> None:
        """Update the exam timer; end the exam when its time is up."""
        session = self.session
        if not isinstance(session, ExamSession) or not self.is_current:
            return
        if session.check_time():
            self.app.notify(t("practice.time_up"), severity="warning")
            self._finish()
            return
        self.query_one("#q-side", Static).update(self._side())

    # -- answering -------------------------------------------------------------------------

    def _raw(self) -> str | list[str]:
        boxes = list(self.query(".answer-box").results(Input))
        presented = self.presented
        assert presented is not None
        if _chosen(presented):
            return "".join(sorted(self.selected))
        if _drawing(presented).input == "blanks":
            return [box.value for box in boxes]
        return boxes[0].value if boxes else ""

    def _submit(self) -> None:
        presented = self.presented
        if presented is None:
            return
        raw = self._raw()
        if _chosen(presented) and not raw:
            self._error(t("practice.choose_first"))
            return
        if _drawing(presented).self_judged:
            self.session.reveal()
            self.typed = str(raw)
            self.phase = "judge"
            self._lock_inputs()
            self._show_feedback(reference_only=True)
            return
        self._accept(raw)

    def _judge(self, right: bool) -> None:
        self._accept(self.typed, judged=right)

    def _accept(self, raw: str | list[str], judged: bool | None = None) -> None:
        try:
            outcome = self.session.submit(raw, judged)
        except AnswerInputError as problem:
            self._error(str(problem))
            return
        except ExamTimeUp:
            self.app.notify(t("practice.time_up"), severity="warning")
            self._finish()
            return
        self.outcome = outcome
        self.query_one("#q-error", Static).display = False
        if self.session.feedback:
            self.phase = "feedback"
            self.query_one("#q-hint", Static).display = False
            self._lock_inputs()
            self._after_feedback_change()
        else:
            self._next()

    def _after_feedback_change(self) -> None:
        self._render_options()
        self._render_status()
        self._show_feedback()
        self.refresh_bindings()

    def action_rate(self, name: str) -> None:
        """The trainee's own rating of the answer just given (Anki's again/hard/good/easy)."""
        self.outcome = self.session.rate(name)
        self._after_feedback_change()

    def action_claim(self) -> None:
        """"I was right": a typed answer marked wrong counts as right, recorded as claimed."""
        self.outcome = self.session.claim_right()
        self._after_feedback_change()

    def _error(self, message: str) -> None:
        error = self.query_one("#q-error", Static)
        error.update(literal(message, "bold red"))
        error.display = True

    def _lock_inputs(self) -> None:
        for box in self.query(".answer-box").results(Input):
            box.disabled = True
        self.set_focus(None)

    def _show_feedback(self, reference_only: bool = False, answer_only: bool = False) -> None:
        presented, outcome = self.presented, self.outcome
        assert presented is not None
        q = presented.question
        lines: list[Content] = []
        if answer_only:
            lines.append(join((t("practice.correct_answer"), "bold"), presented.answer_text()))
            if q.keywords:
                lines.append(join((t("practice.keywords"), "bold"), "、".join(q.keywords)))
            outcome = None
        elif reference_only:
            lines.append(join((t("practice.reference"), "bold"), presented.answer_text()))
            if q.keywords:
                lines.append(join((t("practice.keywords"), "bold"), "、".join(q.keywords)))
            lines.append(join((t("practice.judge_prompt"), "bold yellow")))
        elif outcome is not None:
            if outcome.correct:
                lines.append(join(("✔ " + t("practice.right"), "bold green")))
            elif outcome.credit > 0:
                lines.append(join(("◐ " + t("practice.partly", percent=round(
                    outcome.credit * 100)), "bold yellow")))
            else:
                lines.append(join(("✘ " + t("practice.wrong"), "bold red")))
            lines.append(join((t("practice.correct_answer"), "bold"), presented.answer_text()))
            if not outcome.correct and not _drawing(presented).self_judged:
                lines.append(join((t("practice.your_answer"), "bold"),
                                  presented.given_text(outcome.given)))
        if not reference_only:
            if q.explanation:
                lines.append(join((t("practice.explanation"), "bold"), q.explanation))
            if q.source:
                lines.append(join((t("practice.source"), "bold"), q.source))
            if outcome is not None and outcome.notebook is not None:
                lines.append(join((t(f"practice.notebook_{outcome.notebook.value}"), "italic"),
                                  self._next_review()))
            if outcome is not None and outcome.claimed:
                lines.append(join((t("practice.claimed"), "italic")))
            if outcome is not None and outcome.rating is not None:
                key = "practice.rated_by_you" if outcome.rated_by_trainee else "practice.rated"
                rating = t(f"practice.rating_{rating_name(outcome.rating)}")
                lines.append(join((t(key, rating=rating), "bold")))
                lines.append(join((t("practice.rate_hint"), "dim")))
            if self.session.can_claim():
                lines.append(join((t("practice.claim_hint"), "dim")))
            lines.append(join((t("practice.next_hint"), "dim")))
        panel = self.query_one("#q-feedback", Static)
        panel.update(Content("\n").join(lines))
        panel.display = True
        panel.set_class(outcome is not None and outcome.correct, "right")
        panel.set_class(outcome is not None and not outcome.correct, "wrong")
        self.call_after_refresh(self.query_one("#q-body", VerticalScroll).scroll_end,
                                animate=False)

    def _next_review(self) -> str:
        """When the question on screen is due in the notebook next, as "  · next: …"."""
        presented = self.presented
        entry = self.session.trainee.notebook.entries.get(presented.ref.key) if presented else None
        if entry is None:
            return ""
        seconds = (entry.due - self.session.trainee.clock()).total_seconds()
        if seconds < 3600:
            when = t("practice.in_minutes", n=max(1, round(seconds / 60)))
        else:
            when = t("practice.in_days", n=max(1, round(seconds / 86400)))
        return "  · " + t("practice.next_review", when=when)

    def _next(self) -> None:
        if self.session.finished:
            self._finish()
            return
        presented = self.session.advance()
        if presented is None and isinstance(self.session, ExamSession):
            self.action_sheet()  # after the last question: the sheet, to check and hand in
            return
        if presented is None:
            self._finish()
            return
        self._show(presented)

    def _finish(self) -> None:
        if not self.session.finished:
            self.session.end()
        cast("PracticeApp", self.app).show_results(self.session)

