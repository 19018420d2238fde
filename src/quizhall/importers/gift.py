"""Import Moodle GIFT files, with Moodle's reading of every construct.

Questions are separated by blank lines; ``//`` lines are comments (``// [id:X]`` and
``// [tag:Y]`` in them give an id and tags); ``$CATEGORY:`` sets a tag for the questions that
follow; ``::title::`` names a question (its id, when unique); ``[html|moodle|plain|markdown]``
gives a text's format (HTML is turned into plain text; the stem's first ``<img>`` whose
``src`` is a file beside the GIFT file becomes the question's picture). The answer block
``{…}`` decides the type the way Moodle does:

=======================================  ===================================================
GIFT                                     quizhall
=======================================  ===================================================
``{~a =b ~c}`` one ``=``                 single (other options' weights are reported)
``{=a =b ~c}`` several ``=``             multiple, all of them required (reported)
``{~%50%a ~%50%b ~%-100%c}``             multiple, ``partial: proportional``
``{T}`` ``{FALSE}``                      judge
``{=a =b}`` / ``{a}``                    fill, the 100 % answers accepted as alternatives
``{#3:0.5}`` ``{#1..5}`` ``{#=1 =%50%2}``  numeric, the 100 % answer (others reported)
``{=a -> 1 =b -> 2 = -> 3}``             match (an empty left side is a distractor)
``{}``                                   short (essay); the general feedback is its answer
                                         (none: no reference answer, with a warning)
no answer block                          a description, not a question: a note, not an item
=======================================  ===================================================

An answer block in mid-stem leaves a ``____`` blank where it stood. ``#`` feedback and ``####``
general feedback go into the explanation. ``\\`` escapes ``~ = # { } :``, ``\\n`` is a new line
and ``\\\\`` a backslash.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from quizhall.bank.model import BLANK_RE, OPTION_LETTERS, NumericAnswer, Question, QuestionType
from quizhall.hookspecs import hookimpl
from quizhall.i18n import t
from quizhall.importers import ImportOptions, ImportResult
from quizhall.importers.common import (
    Collector,
    assign_ids,
    display_name,
    id_prefix,
    read_text_file,
    slugify,
)
from quizhall.importers.pictures import keep, read_beside

BLANK = "____"

# Escaped control characters are swapped for Unicode noncharacters (which never occur in text)
# while the structure is parsed, and swapped back in each finished text.
_ESCAPED = {"~": "\ufdd0", "=": "\ufdd1", "#": "\ufdd2", "{": "\ufdd3", "}": "\ufdd4",
            ":": "\ufdd5", "n": "\ufdd6"}
_UNESCAPE = str.maketrans({v: ("\n" if k == "n" else k) for k, v in _ESCAPED.items()})
_ESCAPE_RE = re.compile(r"\\([\\~=#{}:n])")

_FORMAT_RE = re.compile(r"\[(html|moodle|plain|markdown)\]")
_WEIGHT_RE = re.compile(r"%\s*(-?\d+(?:\.\d*)?|-?\.\d+)\s*%")
_META_RE = re.compile(r"\[(id|tag):([^\]]*)\]")
_CATEGORY_PREFIX = re.compile(r"^\$(?:course|cat\d*|system|module)\$/?")
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}
_ANSWER_BLOCK_RE = re.compile(r"\{\s*(?:[=~#]|T\s*\}|F\s*\}|TRUE|FALSE|\})")


def _protect(text: str) -> str:
    return _ESCAPE_RE.sub(lambda m: "\\" if m.group(1) == "\\" else _ESCAPED[m.group(1)], text)


def _unprotect(text: str) -> str:
    return text.translate(_UNESCAPE)


# A link to one of these is a picture or a sound the bank cannot carry.
MEDIA_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".mp3", ".wav",
                  ".ogg", ".m4a", ".aac", ".flac", ".mp4", ".webm", ".mov")


class _HtmlToText(HTMLParser):
    """HTML as the plain text a reader sees: tags dropped, line breaks kept, entities decoded."""

    BLOCKS = frozenset({"p", "div", "li", "tr", "pre", "blockquote", "ul", "ol", "table",
                        "h1", "h2", "h3", "h4", "h5", "h6"})
    MEDIA = frozenset({"img", "video", "audio", "source", "object", "embed", "iframe"})
    HIDDEN = frozenset({"script", "style"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.media: list[str] = []  # what each picture or media element links to
        self.pictures: list[tuple[str, str]] = []  # (src, alt) of each <img>
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "br" or tag in self.BLOCKS:
            self.parts.append("\n")
        elif tag in self.MEDIA:
            self.media.append(found.get("src") or found.get("data") or f"<{tag}>")
            if tag == "img" and found.get("src"):
                self.pictures.append((found["src"] or "", found.get("alt") or ""))
        elif tag == "a" and (found.get("href") or "").lower().endswith(MEDIA_SUFFIXES):
            self.media.append(found["href"] or "")
        elif tag in self.HIDDEN:
            self._hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCKS:
            self.parts.append("\n")
        elif tag in self.HIDDEN and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def html_to_text(html: str) -> tuple[str, list[str], list[tuple[str, str]]]:
    """Plain text from HTML, what the pictures, media and media links in it linked to, and the
    ``src`` and ``alt`` of each picture."""
    parser = _HtmlToText()
    parser.feed(html)
    parser.close()
    lines = [line.rstrip() for line in "".join(parser.parts).replace("\xa0", " ").split("\n")]
    kept: list[str] = []
    for line in lines:
        if line.strip() or (kept and kept[-1].strip()):
            kept.append(line)
    return "\n".join(kept).strip(), parser.media, parser.pictures


@dataclass(slots=True)
class _Block:
    line: int
    text: str
    comments: list[str] = field(default_factory=list)


def _blocks(text: str) -> list[_Block]:
    """Blank-line separated blocks, comment lines set apart."""
    blocks: list[_Block] = []
    lines: list[str] = []
    comments: list[str] = []
    first = 0
    for number, raw in enumerate(text.split("\n"), 1):
        stripped = raw.strip()
        if not stripped:
            if lines:
                blocks.append(_Block(first, "\n".join(lines), comments))
            lines, comments = [], []
            continue
        if stripped.startswith("//"):
            comments.append(stripped[2:])
            continue
        if not lines:
            first = number
        lines.append(raw)
    if lines:
        blocks.append(_Block(first, "\n".join(lines), comments))
    return blocks


def _items(answer: str, markers: str) -> list[tuple[str | None, str]]:
    """The answers of a block: (marker, body) pairs; text before the first marker has none."""
    parts = re.split(f"([{re.escape(markers)}])", answer)
    items: list[tuple[str | None, str]] = []
    if parts[0].strip():
        items.append((None, parts[0].strip()))
    for marker, body in zip(parts[1::2], parts[2::2], strict=True):
        items.append((marker, body.strip()))
    return items


def _weight(body: str, default: float) -> tuple[float, str, bool]:
    """The ``%n%`` weight at the start of an answer: (weight, rest, given)."""
    match = _WEIGHT_RE.match(body)
    if match is None:
        return default, body, False
    return float(match.group(1)), body[match.end():].strip(), True


def _percent(weight: float) -> str:
    return f"{weight:g}"


def _category_tag(path: str) -> str | None:
    rest = _CATEGORY_PREFIX.sub("", path.strip())
    if rest == "top" or rest.startswith("top/"):
        rest = rest[4:]
    rest = rest.strip("/ ").strip()
    return rest or None


class _Reader:
    """Reads one GIFT file into a collector."""

    def __init__(self, collector: Collector, folder: Path) -> None:
        self.out = collector
        self.folder = folder  # pictures are read from beside the GIFT file
        self.pictures: list[tuple[str, str]] = []  # the current question's, in order
        self.category: str | None = None
        self.number = 0
        self.drafts: list[tuple[Question, str | None, int]] = []
        self.media: list[str] = []

    # -- text --------------------------------------------------------------------------------
    def text(self, raw: str, default_format: str = "moodle") -> tuple[str, str]:
        """A finished text and its format, from protected raw text."""
        raw = raw.strip()
        fmt = default_format
        match = _FORMAT_RE.match(raw)
        if match:
            fmt = match.group(1)
            raw = raw[match.end():]
        text = _unprotect(raw).strip()
        if fmt == "html":
            text, media, pictures = html_to_text(text)
            self.media += media
            self.pictures += pictures
        return text, fmt

    # -- blocks ------------------------------------------------------------------------------
    def read(self, source: str) -> None:
        for block in _blocks(source):
            self.block(block)

    def block(self, block: _Block) -> None:
        text = _protect(block.text).strip()
        if text.startswith("$CATEGORY:"):
            self.category = _category_tag(_unprotect(text[len("$CATEGORY:"):]))
            return
        self.number += 1
        self.media = []
        self.pictures = []
        line = block.line
        meta_id: str | None = None
        tags: list[str] = []
        for comment in block.comments:
            for kind, value in _META_RE.findall(comment):
                value = value.strip()
                if kind == "id" and value:
                    meta_id = value
                elif kind == "tag" and value and value not in tags:
                    tags.append(value)
        if self.category and self.category not in tags:
            tags.append(self.category)
        title = None
        if text.startswith("::"):
            end = text.find("::", 2)
            if end >= 0:
                title = _unprotect(text[2:end]).strip()
                text = text[end + 2:].strip()
            else:
                text = text[2:]
        start, finish = text.find("{"), text.find("}")
        if start < 0 and finish < 0:
            # A description is text between questions, not an item: a note, not an error.
            self.out.warn(line, t("import_bank.gift_description"))
            return
        if start < 0 or finish < 0 or finish < start:
            self.out.skip(line, t("import_bank.gift_braces"),
                          hint=t("import_bank.gift_braces_hint"))
            return
        answer = text[start + 1:finish].strip()
        after = text[finish + 1:]
        stem_raw = text[:start] + (BLANK + after if after else "")
        if "{" in after:
            self.out.warn(line, t("import_bank.gift_second_block"),
                          hint=t("import_bank.gift_braces_hint"))
        general_raw = ""
        split = answer.rfind("####")
        if split >= 0:
            general_raw = answer[split + 4:]
            answer = answer[:split].strip()
        stem, fmt = self.text(stem_raw)
        stem_pictures = list(self.pictures)
        general, _ = self.text(general_raw, fmt)
        if not stem:
            self.out.skip(line, t("import_bank.no_stem"))
            return
        wish = meta_id or (slugify(title) if title else None)
        common = {"id": "", "stem": stem, "tags": tuple(tags), "line": line}
        question: Question | None
        if answer == "":
            question = self.essay(line, common, general)
        elif answer.startswith("#"):
            question = self.numeric(line, common, general, answer[1:], fmt)
        elif "~" in answer:
            question = self.choice(line, common, general, answer, fmt)
        elif "=" in answer and "->" in answer:
            question = self.match(line, common, general, answer, fmt)
        elif answer.split("#", 1)[0].strip() in _TRUE_FALSE:
            question = self.true_false(common, general, answer, fmt)
        else:
            question = self.fill(line, common, general, answer, fmt)
        if question is None:
            return
        if stem_pictures:
            question = self.picture(line, question, *stem_pictures[0])
        if self.media:
            self.out.warn(line, t("import_bank.media_dropped", count=len(self.media),
                                  names="、".join(self.media)))
        self.drafts.append((question, wish, self.number))

    def picture(self, line: int, question: Question, src: str, alt: str) -> Question:
        """The question with the stem's first picture, when it is a file beside the GIFT
        file (counted as kept); said why otherwise."""
        data = read_beside(self.folder, src)
        if src in self.media:  # kept, or reported on its own below
            self.media.remove(src)
        if isinstance(data, str):
            self.out.warn(line, t("import_bank.picture_dropped", reason=data))
            return question
        return replace(question, image=keep(self.out.result, data), alt=alt.strip())

    # -- types -------------------------------------------------------------------------------
    def essay(self, line: int, common: dict[str, Any], general: str) -> Question:
        if not general:
            self.out.warn(line, t("import_bank.no_reference"))
        return Question(type=QuestionType.SHORT, answer=general, **common)

    def true_false(self, common: dict[str, Any], general: str, answer: str,
                   fmt: str) -> Question:
        parts = answer.split("#", 2)
        value = _TRUE_FALSE[parts[0].strip()]
        wrong = self.text(parts[1], fmt)[0] if len(parts) > 1 else ""
        right = self.text(parts[2], fmt)[0] if len(parts) > 2 else ""
        on_true, on_false = (right, wrong) if value else (wrong, right)
        notes = [f"√: {on_true}" if on_true else "", f"×: {on_false}" if on_false else ""]
        return Question(type=QuestionType.JUDGE, answer=value,
                        explanation=_explain(general, notes), **common)

    def choice(self, line: int, common: dict[str, Any], general: str, answer: str,
               fmt: str) -> Question | None:
        choices: list[tuple[str, float, str, bool]] = []  # text, weight, feedback, marked "="
        for marker, body in _items(answer, "~="):
            weight, body, _ = _weight(body, 100.0 if marker == "=" else 0.0)
            text_part, _, feedback_part = body.partition("#")
            text = self.text(text_part, fmt)[0]
            feedback = self.text(feedback_part, fmt)[0] if feedback_part else ""
            choices.append((text, weight, feedback, marker == "="))
        if len(choices) < 2:
            self.out.skip(line, t("import_bank.too_few_options", count=len(choices)))
            return None
        if len(choices) > len(OPTION_LETTERS):
            self.out.skip(line, t("import_bank.too_many_options", count=len(choices),
                                  limit=len(OPTION_LETTERS)))
            return None
        for position, (text, *_rest) in enumerate(choices):
            if not text:
                self.out.skip(line, t("import_bank.empty_option", letter=OPTION_LETTERS[position]))
                return None
        letters = OPTION_LETTERS[: len(choices)]
        options = {letter: c[0] for letter, c in zip(letters, choices, strict=False)}
        notes = [f"{letter}: {c[2]}" for letter, c in zip(letters, choices, strict=False) if c[2]]
        full = [letter for letter, c in zip(letters, choices, strict=False)
                if math.isclose(c[1], 100.0)]
        explanation = _explain(general, notes)
        if any(c[3] for c in choices) and full:
            others = [(letter, c[1]) for letter, c in zip(letters, choices, strict=False)
                      if letter not in full and c[1] != 0]
            for letter, weight in others:
                key = "import_bank.weight_lost" if weight > 0 else "import_bank.penalty_lost"
                self.out.warn(line, t(key, letter=letter, weight=_percent(weight)))
            if len(full) == 1:
                return Question(type=QuestionType.SINGLE, answer=full[0], options=options,
                                explanation=explanation, **common)
            self.out.warn(line, t("import_bank.any_one_of", letters="".join(full)))
            return Question(type=QuestionType.MULTIPLE, answer=tuple(full), options=options,
                            explanation=explanation, **common)
        right = [(letter, c[1]) for letter, c in zip(letters, choices, strict=False) if c[1] > 0]
        if not right:
            self.out.skip(line, t("import_bank.no_right_option"))
            return None
        weights = [w for _, w in right]
        if max(weights) - min(weights) > 0.01:
            self.out.warn(line, t("import_bank.unequal_weights", weights=", ".join(
                f"{letter} {_percent(w)}%" for letter, w in right)))
        total = sum(weights)
        if abs(total - 100) > 0.01 * len(weights):
            self.out.warn(line, t("import_bank.weights_total", total=_percent(round(total, 4))))
        mild = [(letter, c[1]) for letter, c in zip(letters, choices, strict=False)
                if c[1] <= 0 and c[1] > -100]
        if mild:
            self.out.warn(line, t("import_bank.wrong_choice_costs", options=", ".join(
                f"{letter} {_percent(w)}%" for letter, w in mild)))
        return Question(type=QuestionType.MULTIPLE, answer=tuple(letter for letter, _ in right),
                        options=options, partial="proportional", explanation=explanation,
                        **common)

    def fill(self, line: int, common: dict[str, Any], general: str, answer: str,
             fmt: str) -> Question | None:
        accepted: list[str] = []
        notes: list[str] = []
        for _marker, body in _items(answer, "="):
            weight, body, _ = _weight(body, 100.0)
            text_part, _, feedback_part = body.partition("#")
            text = self.text(text_part, fmt)[0]
            feedback = self.text(feedback_part, fmt)[0] if feedback_part else ""
            if feedback:
                notes.append(f"{text}: {feedback}")
            if math.isclose(weight, 100.0) and text:
                if text not in accepted:
                    accepted.append(text)
            elif weight != 0:
                self.out.warn(line, t("import_bank.answer_weight_lost", answer=text,
                                      weight=_percent(weight)))
        if not accepted:
            self.out.skip(line, t("import_bank.no_full_answer"))
            return None
        blanks = len(BLANK_RE.findall(common["stem"]))
        if blanks > 1:
            self.out.skip(line, t("import_bank.too_many_blanks", count=blanks))
            return None
        return Question(type=QuestionType.FILL, answer=(tuple(accepted),),
                        explanation=_explain(general, notes), **common)

    def numeric(self, line: int, common: dict[str, Any], general: str, body: str,
                fmt: str) -> Question | None:
        wrong = ""
        tilde = body.find("~")
        if tilde >= 0:
            body, wrong = body[:tilde], body[tilde + 1:]
        chosen: NumericAnswer | None = None
        notes: list[str] = []
        for _marker, item in _items(body, "="):
            weight, item, _ = _weight(item, 100.0)
            value_part, _, feedback_part = item.partition("#")
            value_text = _unprotect(value_part).strip()
            feedback = self.text(feedback_part, fmt)[0] if feedback_part else ""
            if feedback:
                notes.append(f"{value_text}: {feedback}")
            if value_text == "*":
                continue
            number = _numeric_answer(value_text)
            if number is None:
                self.out.skip(line, t("import_bank.not_a_number", value=value_text))
                return None
            if isinstance(number, str):
                self.out.skip(line, number)
                return None
            if chosen is None and math.isclose(weight, 100.0):
                chosen = number
            else:
                self.out.warn(line, t("import_bank.numeric_dropped", value=value_text,
                                      weight=_percent(weight)))
        if wrong:
            feedback = self.text(wrong.partition("#")[2], fmt)[0]
            if feedback:
                notes.append(f"×: {feedback}")
        if chosen is None:
            self.out.skip(line, t("import_bank.no_full_answer"))
            return None
        return Question(type=QuestionType.NUMERIC, answer=chosen,
                        explanation=_explain(general, notes), **common)

    def match(self, line: int, common: dict[str, Any], general: str, answer: str,
              fmt: str) -> Question | None:
        pairs: list[tuple[str, str]] = []
        distractors: list[str] = []
        for position, (_marker, body) in enumerate(_items(answer, "="), 1):
            if "->" not in body:
                self.out.skip(line, t("import_bank.match_no_arrow", number=position))
                return None
            left_raw, _, right_raw = body.partition("->")
            left = self.text(left_raw, fmt)[0]
            right = _unprotect(right_raw).strip()
            if not right:
                self.out.skip(line, t("import_bank.match_empty_right", number=position))
                return None
            if not left:
                distractors.append(right)
            elif any(left == seen for seen, _ in pairs):
                self.out.skip(line, t("import_bank.match_duplicate", left=left))
                return None
            else:
                pairs.append((left, right))
        if len(pairs) < 2:
            self.out.skip(line, t("import_bank.match_too_few", count=len(pairs)))
            return None
        return Question(type=QuestionType.MATCH, answer=tuple(pairs),
                        distractors=tuple(distractors), explanation=general, **common)


def _numeric_answer(text: str) -> NumericAnswer | str | None:
    """``v``, ``v:tolerance`` or ``min..max``; a message for a reversed range, None if no number."""
    try:
        if text.find("..") > 0:
            low_text, _, high_text = text.partition("..")
            low, high = float(low_text), float(high_text)
            if not (math.isfinite(low) and math.isfinite(high)):
                return None
            if low > high:
                return t("bank.range_reversed", low=low_text.strip(), high=high_text.strip())
            return NumericAnswer(low, high)
        if text.find(":") > 0:
            value_text, _, tolerance_text = text.partition(":")
            value, tolerance = float(value_text), abs(float(tolerance_text))
        else:
            value, tolerance = float(text), 0.0
    except ValueError:
        return None
    if not (math.isfinite(value) and math.isfinite(tolerance)):
        return None
    return NumericAnswer.around(value, tolerance)


def _explain(general: str, notes: list[str]) -> str:
    return "\n".join(part for part in (general, *notes) if part)


def read_gift(path: Path, options: ImportOptions) -> ImportResult:
    """Read a GIFT file (see the module docstring for how each construct maps)."""
    collector = Collector(display_name(path, options))
    source = read_text_file(path, options, collector)
    if source is None:
        return collector.result
    reader = _Reader(collector, path.parent)
    reader.read(source)
    drafts = reader.drafts
    questions = assign_ids([d[0] for d in drafts], [d[1] for d in drafts],
                           [d[2] for d in drafts], id_prefix(path, options), unique_only=True)
    collector.result.questions.extend(questions)
    return collector.result


class GiftImporter:
    """The ``gift`` format."""

    name = "gift"
    suffixes = (".gift", ".gift.txt")

    @property
    def description(self) -> str:
        return t("import_bank.gift_format")

    def read(self, path: Path, options: ImportOptions) -> ImportResult:
        return read_gift(path, options)

    def sniff(self, head: str) -> bool:
        """True when the text looks like GIFT (answer blocks, no Aiken ANSWER: lines)."""
        if re.search(r"^\s*ANSWER\s*[:：]", head, re.MULTILINE | re.IGNORECASE):
            return False
        return bool(_ANSWER_BLOCK_RE.search(head))


@hookimpl
def quizhall_register_importers(register: Any) -> None:
    register(GiftImporter())
