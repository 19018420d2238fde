"""The question-type registry: the :class:`QuestionKind` base class and the table of types.

Each type is registered once under its canonical name (a built-in's name is its
:class:`~quizhall.bank.model.QuestionType` member, a plugin's a plain string) and under the
other names a bank may write for it (``单选题`` …). A later registration under a name already
taken is refused with :class:`ValueError`: a type's meaning never changes behind a bank's back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Literal

from quizhall.i18n import t

if TYPE_CHECKING:
    from yaml.nodes import Node

    from quizhall.bank.model import Grade, Question
    from quizhall.yamlsource import NodeReader

# How a question is answered on screen: pick options, say true/false, type one text per blank,
# pair numbered items with lettered ones, or type one text.
Input = Literal["options", "judge", "blanks", "pairs", "text"]


class AnswerInputError(ValueError):
    """What the trainee typed cannot be read as an answer; the message says why."""


# A JSON-friendly answer as stored: letters as a string, a bool, texts, or left → right.
Given = str | bool | list[str] | dict[str, str] | None


@dataclass(frozen=True, slots=True)
class Drawing:
    """How a type is drawn, as data: the TUI maps each ``input`` to its widget once.

    ``multi_select``: several options may be picked; ``ordered``: the options are put in an
    order; ``self_judged``: the trainee says whether they were right (no automatic grade).
    """

    input: Input = "text"
    multi_select: bool = False
    ordered: bool = False
    self_judged: bool = False


class QuestionKind:
    """One question type. Subclass it, set the class attributes, override what differs.

    The defaults suit a type whose answer is one text, written in YAML as a plain scalar;
    :meth:`grade` has no default.
    """

    name: ClassVar[str]
    aliases: ClassVar[tuple[str, ...]] = ()  # other names a bank may write (中文 names …)
    extra_keys: ClassVar[tuple[str, ...]] = ()  # keys beyond the common ones
    has_options: ClassVar[bool] = False  # lettered options (``options:``) are required
    empty_answer: ClassVar[object] = None  # what ``answer: ~`` means; None: an error
    drawing: ClassVar[Drawing] = Drawing()
    pace_seconds: ClassVar[float] = 10.0  # a fair time to answer, for the practice pace
    guessable: ClassVar[bool] = False  # a quick right answer may be a lucky guess
    claimable: ClassVar[bool] = False  # a typed answer marked wrong may be claimed right

    # -- words (a plugin's type overrides these with its own catalog's messages) -----------

    def title(self) -> str:
        """The type's name as people read it (单选题 …)."""
        return t(f"bank.type_{self.name}")

    def hint(self, count: int, last: str) -> str:
        """How to answer, under the question: ``count`` options, the last one's letter."""
        return t(f"practice.hint_{self.name}", count=count, last=last)

    def placeholder(self) -> str:
        """What an empty answer box says."""
        return t(f"practice.placeholder_{self.name}")

    # -- loading ---------------------------------------------------------------------------

    def read_answer(self, reader: NodeReader, node: Node, fields: dict[str, Node],
                    options: dict[str, str], stem: str) -> object:
        """The answer from its YAML node, or None after reporting what is wrong."""
        return reader.text(node, "answer")

    def read_extras(self, reader: NodeReader, fields: dict[str, Node]) -> dict[str, object]:
        """Question fields read from this type's extra keys (beyond the generic ones)."""
        return {}

    # -- grading ---------------------------------------------------------------------------

    def grade(self, question: Question, response: object) -> Grade:
        """How much credit a (non-None) response earns; never raises. Every type says."""
        raise NotImplementedError

    def answer_text(self, question: Question) -> str:
        """The correct answer as a person reads it."""
        return str(question.answer)

    # -- writing back and caching ----------------------------------------------------------

    def answer_to_data(self, question: Question) -> object:
        """The answer as YAML data (what ``read_answer`` reads back)."""
        return question.answer

    def extra_data(self, question: Question) -> dict[str, object]:
        """This type's extra keys as YAML data, defaults left out, in documented order."""
        return {}

    def valid_answer(self, question: Question) -> bool:
        """Whether a cached question's answer has this type's shape."""
        return isinstance(question.answer, str)

    def to_cache(self, answer: object) -> object:
        """The answer as marshal-able data."""
        return answer

    def from_cache(self, data: object) -> object:
        """The answer back from :meth:`to_cache`'s data."""
        return data


    # -- answering by keys (practice) -----------------------------------------------------
    # ``order`` is what the trainee picks from as shown: original option letters, right-hand
    # texts, or () when nothing is picked.

    def pick_from(self, question: Question) -> tuple[str, ...]:
        """What is picked from, in bank order (shuffled for showing unless ``shuffle: false``)."""
        return ()

    def choices(self, question: Question, order: tuple[str, ...]) -> list[tuple[str, str]]:
        """``(shown letter, text)`` for each thing a key can pick, in shown order."""
        return []

    def read_typed(self, question: Question, order: tuple[str, ...], raw: str | list[str],
                   judged: bool | None) -> tuple[Given, Grade]:
        """What was typed as the stored answer and its grade; raises
        :class:`AnswerInputError` when it cannot be an answer."""
        text = (raw if isinstance(raw, str) else " ".join(raw)).strip()
        if not text:
            raise AnswerInputError(t("practice.input_text"))
        return text, self.grade(question, text)

    def shown_answer(self, question: Question, order: tuple[str, ...]) -> str:
        """The correct answer as the trainee sees it (letters as shown)."""
        return question.answer_text() or t("practice.no_reference")

    def shown_given(self, question: Question, order: tuple[str, ...], given: Given) -> str:
        """A stored (non-None) answer as the trainee sees it."""
        if isinstance(given, list):
            return "；".join(given)
        return str(given)

    def pace_texts(self, question: Question) -> list[str]:
        """Texts beyond the stem and options a trainee reads before answering."""
        return []


_KINDS: dict[str, QuestionKind] = {}
ALIASES: dict[str, str] = {}  # every name a bank may write → the canonical name


def register(kind: QuestionKind) -> QuestionKind:
    """Add a question type; a name (or alias) already taken raises :class:`ValueError`."""
    names = (kind.name, *kind.aliases)
    taken = [name for name in names if name in ALIASES]
    if taken:
        raise ValueError(f"question type name already registered: {', '.join(taken)}")
    _KINDS[kind.name] = kind
    for name in names:
        ALIASES[name] = kind.name
    return kind


def unregister(name: str) -> None:
    """Remove a registered type and its aliases (a plugin unloaded, a test's throwaway type)."""
    _KINDS.pop(name, None)
    for alias in [a for a, canonical in ALIASES.items() if canonical == name]:
        del ALIASES[alias]


def lookup(written: str) -> str | None:
    """The canonical type name for a name as written (spaces and case forgiven), or None."""
    name = written.strip()
    return ALIASES.get(name) or ALIASES.get(name.lower())


def kind_of(name: str) -> QuestionKind:
    """The definition of a registered type (``KeyError`` if there is none)."""
    return _KINDS[name]


def all_kinds() -> tuple[QuestionKind, ...]:
    """Every registered type, built-ins first, in registration order."""
    return tuple(_KINDS.values())


def type_names() -> tuple[str, ...]:
    """The canonical names of every registered type, in registration order."""
    return tuple(_KINDS)
