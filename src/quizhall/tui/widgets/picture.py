"""Pictures on screen: a question's or an option's picture fitted into its box.

How pictures are drawn is chosen once per process, before the Textual app starts
(:func:`choose_protocol`, called by the commands): textual-image asks the terminal, when it is
first imported, whether it speaks Sixel or the Kitty graphics protocol, a question that
cannot be asked once Textual reads the keyboard. Those two are drawn by textual-image's
widgets. Half-blocks (``▀`` in two colours: two pixels a cell) are drawn here, need nothing
but colour, and are the fallback and what the tests draw. ``off`` shows the alt text.
A picture that cannot be decoded shows its alt text too; nothing about it can stop a screen.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.strip import Strip
from textual.widget import Widget

from quizhall.bank.pictures import PictureError, decode_picture
from quizhall.i18n import t
from quizhall.tui import PICTURE_PROTOCOLS
from quizhall.tui.literal import literal
from quizhall.tui.stage_view import QuestionView, StageView
from quizhall.tui.widgets.prose import Prose

if TYPE_CHECKING:
    from PIL.Image import Image

    from quizhall.bank.model import Question

# Decoded pictures are shrunk to this many pixels a side: enough for half-blocks on any
# screen, and for the graphics protocols on a projector (1920 pixels wide).
HALFCELL_SIDE = 480
GRAPHICS_SIDE = 1920

_protocol = "halfcell"


def choose_protocol(setting: str) -> str:
    """Decide how pictures are drawn from now on, and return it (a ``PICTURE_PROTOCOLS`` but
    ``auto``). Call it before the Textual app starts, and only when there are pictures:
    ``auto`` and the graphics protocols import textual-image, which queries the terminal."""
    global _protocol
    if setting not in ("auto", "kitty", "sixel"):
        _protocol = setting if setting in PICTURE_PROTOCOLS else "halfcell"
        return _protocol
    import textual_image.renderable as detected  # asks the terminal, once
    import textual_image.widget  # noqa: F401  (measures the terminal's cells, once)

    if setting == "auto":
        setting = {detected.SixelImage: "sixel", detected.TGPImage: "kitty"}.get(
            detected.Image, "halfcell")
    _protocol = setting
    return _protocol


def prepare(setting: str, questions: Iterable[Question]) -> None:
    """Choose how pictures are drawn (see :func:`choose_protocol`) if any of ``questions``
    has one: the terminal is asked only when there is something to draw."""
    if any(q.pictures for q in questions):
        choose_protocol(setting)


def current_protocol() -> str:
    """How pictures are drawn in this process."""
    return _protocol


@lru_cache(maxsize=32)
def _decoded(file: str, max_side: int) -> Image | str:
    """The picture, decoded once for all screens, or why it cannot be drawn."""
    try:
        return decode_picture(file, max_side)
    except PictureError as exc:
        return str(exc)


def fit(box: tuple[int, int], pixels: tuple[int, int],
        cell: tuple[int, int] = (1, 2)) -> tuple[int, int]:
    """The largest (columns, rows) inside ``box`` that keeps the picture's shape, for cells
    of ``cell`` pixels (width, height): half-blocks are 1 × 2, two square pixels a cell."""
    columns, rows = box
    width, height = pixels
    if columns < 1 or rows < 1 or width < 1 or height < 1:
        return 0, 0
    cell_w, cell_h = cell
    fitted_rows = max(1, round(columns * cell_w * height / width / cell_h))
    if fitted_rows <= rows:
        return columns, fitted_rows
    return max(1, min(columns, round(rows * cell_h * width / height / cell_w))), rows


def half_blocks(image: Image, columns: int, rows: int) -> list[Strip]:
    """The picture as ``rows`` lines of ``columns`` upper half-blocks: the foreground colour
    is the upper pixel, the background the lower one."""
    from PIL import Image as PILImage

    small = image.resize((columns, rows * 2), PILImage.Resampling.BILINEAR)
    data = small.tobytes()
    styles: dict[bytes, Style] = {}
    strips = []
    stride = columns * 3
    for row in range(rows):
        upper = data[2 * row * stride:(2 * row + 1) * stride]
        lower = data[(2 * row + 1) * stride:(2 * row + 2) * stride]
        segments = []
        for x in range(0, stride, 3):
            pair = upper[x:x + 3] + lower[x:x + 3]
            style = styles.get(pair)
            if style is None:
                style = styles[pair] = Style(color=Color.from_rgb(*pair[:3]),
                                             bgcolor=Color.from_rgb(*pair[3:]))
            segments.append(Segment("▀", style))
        strips.append(Strip(segments, columns).simplify())
    return strips


class HalfBlocks(Widget):
    """A picture in half-blocks, sized by its parent to the picture's shape."""

    def __init__(self) -> None:
        super().__init__()
        self.image: Image | None = None
        self._strips: tuple[tuple[int, int], list[Strip]] | None = None

    def show(self, image: Image | None) -> None:
        self.image = image
        self._strips = None
        self.refresh()

    def render_line(self, y: int) -> Strip:
        size = (self.size.width, self.size.height)
        if self.image is None or not all(size):
            return Strip.blank(self.size.width)
        if self._strips is None or self._strips[0] != size:
            self._strips = (size, half_blocks(self.image, *size))
        strips = self._strips[1]
        return strips[y] if y < len(strips) else Strip.blank(self.size.width)


def _graphics_widget(protocol: str) -> Widget:
    from textual_image.widget import SixelImage, TGPImage

    return (SixelImage if protocol == "sixel" else TGPImage)(classes="picture-graphics")


class Picture(Widget):
    """One picture, as large as its box allows and centred in it, or its alt text.

    The box is the widget's size, set by CSS; :meth:`show` gives the file and the words.
    """

    DEFAULT_CSS = """
    Picture { height: 8; align: center top; }
    Picture > .picture-alt { width: 100%; text-style: italic; }
    Picture > .picture-graphics { width: auto; height: auto; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.protocol = current_protocol()
        self.file = ""
        self.alt = ""
        self.image: Image | None = None

    def compose(self) -> ComposeResult:
        yield Prose(classes="picture-alt")
        if self.protocol in ("kitty", "sixel"):
            yield _graphics_widget(self.protocol)
        elif self.protocol == "halfcell":
            yield HalfBlocks()

    def show(self, file: str, alt: str) -> None:
        """Draw the picture in ``file``, or say ``alt`` where it cannot be drawn."""
        if (file, alt) == (self.file, self.alt):
            return
        self.file, self.alt = file, alt
        self.image = None
        problem = ""
        if file and self.protocol != "off":
            side = HALFCELL_SIDE if self.protocol == "halfcell" else GRAPHICS_SIDE
            decoded = _decoded(file, side)
            if isinstance(decoded, str):
                problem = decoded
            else:
                self.image = decoded
        words = Text()
        if self.image is None:
            words.append(t("tui.picture") + " ", style="bold")
            words.append_text(literal(alt or t("tui.picture_no_alt")))
            if problem:
                words.append("\n")
                words.append_text(literal(problem, style="dim"))
        alt_prose = self.query_one(".picture-alt", Prose)
        alt_prose.update(words)
        alt_prose.display = self.image is None
        # The words take the lines they need; a picture the box its CSS gives.
        self.styles.height = "auto" if self.image is None else None
        drawing = self._drawing()
        if drawing is not None:
            drawing.display = self.image is not None
            if isinstance(drawing, HalfBlocks):
                drawing.show(self.image)
            else:
                drawing.image = self.image  # type: ignore[attr-defined]
        self._fit()

    def _drawing(self) -> Widget | None:
        children = [child for child in self.children if not isinstance(child, Prose)]
        return children[0] if children else None

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        # textual-image's widgets fit themselves ("auto" sizes, knowing the terminal's cells);
        # half-blocks are sized here.
        drawing = self._drawing()
        if not isinstance(drawing, HalfBlocks) or self.image is None:
            return
        box = (self.content_size.width, self.content_size.height)
        columns, rows = fit(box, self.image.size)
        drawing.styles.width = columns
        drawing.styles.height = rows


class PictureOptions(Widget):
    """Options that are pictures, as a grid: each picture under its letter and words."""

    DEFAULT_CSS = """
    PictureOptions { height: auto; }
    PictureOptions > Grid { grid-size: 4; grid-gutter: 0 2; height: auto; }
    PictureOptions .picture-option { height: auto; }
    PictureOptions .picture-option > Prose { text-style: bold; }
    PictureOptions .picture-option > Picture { height: 6; }
    """

    def compose(self) -> ComposeResult:
        with Grid():
            for _ in range(8):
                with Vertical(classes="picture-option"):
                    yield Prose()
                    yield Picture()

    def show(self, options: tuple[tuple[str, str, str, str], ...]) -> None:
        """``options``: (letter, words, file, alt) for each option drawn as a picture."""
        self.display = bool(options) and current_protocol() != "off"
        self.query_one(Grid).styles.grid_size_columns = max(1, min(len(options), 4))
        for index, cell in enumerate(self.query(".picture-option").results(Vertical)):
            cell.display = index < len(options)
            if index < len(options):
                letter, words, file, alt = options[index]
                label = Text(f"{letter}. ", style="bold")
                label.append_text(literal(words))
                cell.query_one(Prose).update(label)
                cell.query_one(Picture).show(file, alt or words)


class QuestionPictures(Widget):
    """A question's pictures: its own above, picture options in a grid below.

    Small on the host console; with the ``-hall`` class (the projector's pages) large, and
    only while the hall sees the question itself (not a page the host put up): above the
    page on a narrow screen, at its left on a wide one (120 columns and more), so the stem
    keeps the height it needs to be drawn large beside it.
    """

    DEFAULT_CSS = """
    QuestionPictures { height: auto; }
    QuestionPictures .question-picture { height: 8; }
    QuestionPictures.-hall .question-picture { height: 40vh; }
    QuestionPictures.-hall PictureOptions .picture-option > Picture { height: 30vh; }
    Screen.-wide QuestionPictures.-hall { dock: left; width: 40%; height: 1fr; }
    Screen.-wide QuestionPictures.-hall .question-picture { height: 60vh; }
    """
    SCOPED_CSS = False  # on a wide screen the hall's pictures sit beside the page, not above

    def compose(self) -> ComposeResult:
        yield Picture(classes="question-picture")
        yield PictureOptions()

    def show(self, question: QuestionView | None) -> None:
        """Draw ``question``'s pictures (None, or a question without any: nothing)."""
        picture = self.query_one(".question-picture", Picture)
        if question is None:
            picture.display = False
            self.query_one(PictureOptions).show(())
            self.display = False
            return
        self.display = bool(question.image or question.option_images)
        picture.display = bool(question.image)
        picture.show(question.image, question.alt)
        words = dict(question.options)
        self.query_one(PictureOptions).show(tuple(
            (letter, "" if words.get(letter) == alt else words.get(letter, ""), file, alt)
            for letter, file, alt in question.option_images))


def hall_question(view: StageView) -> QuestionView | None:
    """The question whose pictures the hall sees: none while the host has a page up."""
    return None if view.projected else view.question
