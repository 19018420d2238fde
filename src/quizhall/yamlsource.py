"""Read a user's YAML file safely and walk it with positions, collecting every problem.

Files are composed (never constructed) with libyaml's safe parser when present, so no tag can
run code, and every value keeps its line and column. :class:`NodeReader` turns nodes into
Python values the way a loader asks for them (text, number, list …) and records a
:class:`~quizhall.diagnostics.Diagnostic` for each mismatch instead of raising, so a loader
reports all problems in a file at once.
"""

from __future__ import annotations

import difflib
import math
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from quizhall.diagnostics import Diagnostic, Severity
from quizhall.i18n import t
from quizhall.visible import CONTROL

MAX_BYTES = 32 * 1024 * 1024

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_constructor = yaml.constructor.SafeConstructor()

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_MERGE = "tag:yaml.org,2002:merge"
_PLAIN_TAGS = frozenset({_STR, _INT, _FLOAT, _BOOL, _NULL, "tag:yaml.org,2002:timestamp"})
_COLLECTION_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})

# Raw control characters make a YAML file unreadable, yet banks pasted from other tools carry
# them. Before parsing they are moved to a block of private-use characters that the file does
# not use (one character for one, so lines and columns stay right) and moved back in the
# composed tree; the reader then warns about them.
_RAW_CONTROL = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")
_RAW_CODES = [c for c in range(0xA0) if _RAW_CONTROL.match(chr(c))]
_PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010fffd]")
_SHELTER_BASES = [*range(0xF0000, 0x10FF00, 0xA0), *range(0xE000, 0xF860, 0xA0)]
# Text that would misbehave on a terminal: the characters visible() shows as stand-ins.
_SUSPICIOUS = CONTROL

# Deeper nesting than any bank needs; past some ten thousand levels libyaml's recursive
# composer overflows the C stack and takes the process down, so deeper files are refused.
MAX_DEPTH = 200
# A cheap first test: block nesting needs indentation or a run of "- "/"? " indicators at the
# start of a line, flow nesting needs brackets. Below these bounds the file cannot nest deeper
# than MAX_DEPTH; above them the parser's events are counted to be sure.
_DEEP_BLOCK = re.compile(r"^[ \t?-]{60}", re.MULTILINE)  # block depth <= 2 * (60 + 1)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_INNER_PAIR = re.compile(r"\[\]|\{\}")
_FLOW_ROUNDS = 40  # flow depth <= 40, so 122 + 40 < MAX_DEPTH
# Aliases let a few bytes stand for a huge (or, through a cycle, endless) value: free-form data
# (plugin settings) is read as at most this many values, at most MAX_DEPTH levels deep, with
# every alias expanded.
MAX_VALUES = 100_000


class _TooBig(Exception):
    """Free-form data expands past MAX_VALUES values or MAX_DEPTH levels."""


def node_position(node: Node) -> tuple[int, int]:
    """The 1-based line and column where ``node`` starts."""
    mark = node.start_mark
    return mark.line + 1, mark.column + 1


def read_text(path: Path, display: str,
              limit: int = MAX_BYTES) -> tuple[str | None, list[Diagnostic]]:
    """The file's text, or None with a diagnostic saying why it cannot be read as text."""
    data, problems = read_bytes(path, display, limit)
    return (None, problems) if data is None else decode_text(data, display)


class NotRegularFileError(OSError):
    """A path names a pipe, a device or a socket: nothing quizhall reads as a file."""


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``: all of them, or ``limit + 1`` when it holds more
    (so a caller sees it is too large without reading on). Anything else is refused without
    reading: a directory (IsADirectoryError), a FIFO or a device such as ``/dev/zero``
    (:class:`NotRegularFileError`); opening never waits for a FIFO's writer."""
    return _read_regular(path, limit, whole=True)


def read_head(path: Path, size: int) -> bytes:
    """At most the first ``size`` bytes of the regular file ``path`` (refused as by
    :func:`read_regular` when it is not one)."""
    return _read_regular(path, size, whole=False)


def _read_regular(path: Path, limit: int, whole: bool) -> bytes:
    if path.is_dir():
        raise IsADirectoryError(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFileError(path)
        if whole and info.st_size > limit:
            return b"\0" * (limit + 1)  # too large: a caller needs no more than the length
        wanted = limit + 1 if whole else limit
        chunks, left = [], wanted
        while left > 0 and (chunk := os.read(fd, min(left, 1 << 20))):
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_bytes(path: Path, display: str,
               limit: int = MAX_BYTES) -> tuple[bytes | None, list[Diagnostic]]:
    """The file's bytes, or None with a diagnostic (missing, a directory, not a regular file,
    too large …)."""
    data, problem = read_limited(path, limit)
    if data is None:
        return None, [Diagnostic(display, 0, 0, problem[0], "error", problem[1])]
    return data, []


def read_limited(path: Path, limit: int = MAX_BYTES) -> tuple[bytes | None, tuple[str, str | None]]:
    """The bytes of a regular file of at most ``limit`` bytes, or None and (message, hint)."""
    try:
        data = read_regular(path, limit)
    except FileNotFoundError:
        return None, (t("diag.not_found"), None)
    except IsADirectoryError:
        return None, (t("diag.is_directory"), None)
    except NotRegularFileError:
        return None, (t("diag.not_regular"), None)
    except OSError as exc:
        return None, (t("diag.unreadable", reason=exc.strerror or exc), None)
    if len(data) > limit:
        try:
            size = max(path.stat().st_size, len(data))
        except OSError:
            size = len(data)
        return None, (t("diag.too_large", size=round(size / 2**20, 1), limit=limit // 2**20),
                      t("diag.too_large_hint"))
    return data, ("", None)


def decode_text(data: bytes, display: str) -> tuple[str | None, list[Diagnostic]]:
    """UTF-8 text (a byte-order mark dropped), or None with a diagnostic for binary data."""
    nul = data.find(b"\0")
    if nul >= 0:
        return None, [Diagnostic(display, 0, 0, t("diag.binary", offset=nul))]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[line_start:exc.start].decode("utf-8", errors="replace")) + 1
        return None, [Diagnostic(display, line, column, t("diag.not_utf8", offset=exc.start),
                                 "error", t("diag.not_utf8_hint"))]


def compose(text: str, display: str) -> tuple[Node | None, list[Diagnostic]]:
    """Parse ``text`` into a node tree; on a syntax error, None and a positioned diagnostic."""
    unshelter = None
    if _RAW_CONTROL.search(text):
        text, unshelter = _shelter(text)
    too_deep = _too_deep(text) if _may_nest_deeply(text) else None
    if too_deep is not None:
        return None, [Diagnostic(display, too_deep[0], too_deep[1],
                                 t("diag.too_deep", limit=MAX_DEPTH))]
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_error(text, exc, display)]
    except yaml.YAMLError as exc:  # ReaderError and other position-less errors
        position = getattr(exc, "position", None)
        if isinstance(position, int):
            line = text.count("\n", 0, position) + 1
            column = position - (text.rfind("\n", 0, position) + 1) + 1
        else:
            line = column = 0
        reason = getattr(exc, "reason", None) or str(exc)
        return None, [Diagnostic(display, line, column, t("diag.yaml_syntax", problem=reason))]
    except RecursionError:  # the pure-Python composer, past the depth check's bounds
        return None, [Diagnostic(display, 0, 0, t("diag.too_deep", limit=MAX_DEPTH))]
    if root is not None and unshelter is not None:
        _restore(root, unshelter)
    return root, []


def _shelter(text: str) -> tuple[str, dict[int, int]]:
    """Move raw control characters to a private-use block the text does not use."""
    used = {ord(c) for c in _PRIVATE_USE.findall(text)}
    for base in _SHELTER_BASES:
        if not any(base <= code < base + 0xA0 for code in used):
            table = {c: base + c for c in _RAW_CODES}
            return text.translate(table), {v: k for k, v in table.items()}
    # Every block is in use (no real file does this): the characters become U+FFFD instead.
    return text.translate(dict.fromkeys(_RAW_CODES, 0xFFFD)), {}


def _restore(root: Node, unshelter: dict[int, int]) -> None:
    """Put sheltered control characters back into every scalar of the tree."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, ScalarNode):
            node.value = node.value.translate(unshelter)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)


def _may_nest_deeply(text: str) -> bool:
    if _DEEP_BLOCK.search(text):
        return True
    brackets = _NOT_BRACKET.sub("", text)
    for _ in range(_FLOW_ROUNDS):
        if not brackets:
            return False
        brackets, removed = _INNER_PAIR.subn("", brackets)
        if not removed:
            return False
    return bool(brackets)


def _too_deep(text: str) -> tuple[int, int] | None:
    """Where the nesting first goes past MAX_DEPTH (1-based line, column), or None.

    The parsers keep their own stacks, so walking their events is safe at any depth. libyaml
    (since 0.2.5) refuses nesting past a limit of its own, and its scanner reads ahead, so it
    can stop before reaching MAX_DEPTH; the pure-Python parser, which has no such limit, then
    walks the text again, so the refusal is always quizhall's, at the place MAX_DEPTH is passed.
    """
    try:
        return _first_too_deep(text, _Loader)
    except (yaml.YAMLError, RecursionError):
        if _Loader is yaml.SafeLoader:
            return None  # the composer reports the syntax error itself
    try:
        return _first_too_deep(text, yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError):
        return None


def _first_too_deep(text: str, loader: type) -> tuple[int, int] | None:
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH and event.start_mark is not None:
                return event.start_mark.line + 1, event.start_mark.column + 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


def _syntax_error(text: str, exc: yaml.MarkedYAMLError, display: str) -> Diagnostic:
    """A positioned diagnostic with a hint for a YAML syntax error."""
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or exc.context or "?"
    context = exc.context or ""
    if "expected a single document" in problem or "but found another document" in str(exc):
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        return Diagnostic(display, line, column, t("diag.yaml_multiple_documents"))
    hint = _syntax_hint(text, mark, problem, context)
    message = t("diag.yaml_syntax", problem=problem)
    quoted = "quoted scalar" in context and exc.context_mark is not None
    if quoted and _unclosed(problem) and hint is None:
        # The parser notices a missing closing quote only at the end of the file or at a
        # later line; the opening quote is where the user has to look.
        mark = exc.context_mark
        message = t("diag.yaml_unclosed_quote")
        hint = t("diag.yaml_quote_hint")
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    return Diagnostic(display, line, column, message, "error", hint)


def _unclosed(problem: str) -> bool:
    # A quoted text ran into the end of the file or a "---" line: its quote is not closed.
    return "end of stream" in problem or "document" in problem


def _syntax_hint(text: str, mark: object, problem: str, context: str) -> str | None:
    if mark is None:
        return None
    lines = text.splitlines()
    row = getattr(mark, "line", 0)
    nearby = lines[max(0, row - 1): row + 1]
    if "tab" in problem or any("\t" in line[: len(line) - len(line.lstrip())]
                               for line in nearby):
        return t("diag.yaml_tab_hint")
    if "quoted scalar" in context:
        return None if _unclosed(problem) else t("diag.yaml_escape_hint")
    if "flow" in context:
        return t("diag.yaml_bracket_hint")
    if "end of stream" in problem:
        return t("diag.yaml_quote_hint")
    if ("indent" in problem or "mapping values are not allowed" in problem
            or "block" in context or "expected" in problem):
        return t("diag.yaml_indent_hint")
    return None


def suggest(word: str, choices: Iterable[str]) -> str | None:
    """A "did you mean" hint for a misspelt key or name, or None."""
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return t("diag.did_you_mean", suggestion=match[0]) if match else None


class NodeReader:
    """Turns YAML nodes into values, recording a diagnostic for each problem instead of raising.

    Every reading method returns None when the node is unusable (and says why); callers carry
    on so that one file's problems are all found in one pass.
    """

    def __init__(self, display: str) -> None:
        self.path = display
        self.diagnostics: list[Diagnostic] = []
        self._merged: dict[int, int] = {}  # id(mapping node) -> entries that came from "<<"

    # -- reporting ------------------------------------------------------------------------
    def report(self, node: Node, message: str, hint: str | None = None,
               severity: Severity = "error") -> None:
        line, column = node_position(node)
        self.diagnostics.append(Diagnostic(self.path, line, column, message, severity, hint))

    def warn(self, node: Node, message: str, hint: str | None = None) -> None:
        self.report(node, message, hint, "warning")

    @property
    def failed(self) -> bool:
        """True once any error (not warning) was reported."""
        return any(d.severity == "error" for d in self.diagnostics)

    # -- collections ----------------------------------------------------------------------
    def tag_ok(self, node: Node) -> bool:
        """Whether the node's tag is a standard one; any other is reported as refused."""
        tag = node.tag
        if tag in _PLAIN_TAGS or tag in _COLLECTION_TAGS:
            return True
        short = tag.replace("tag:yaml.org,2002:", "!!")
        self.report(node, t("diag.tag_refused", tag=short))
        return False

    def mapping(self, node: Node, what: str, allowed: Iterable[str] | None = None,
                required: Iterable[str] = ()) -> dict[str, Node] | None:
        """A mapping's values by key; reports duplicates, unknown and missing keys."""
        if not isinstance(node, MappingNode):
            if self.tag_ok(node):
                self.report(node, t("diag.expected_mapping", what=what))
            return None
        if not self.tag_ok(node) or not self.merge(node):
            return None
        merged = self._merged.get(id(node), 0)
        allowed_set = None if allowed is None else set(allowed)
        result: dict[str, Node] = {}
        first: dict[str, tuple[int, int]] = {}  # key -> (entry index, line)
        for index, (key_node, value_node) in enumerate(node.value):
            if not isinstance(key_node, ScalarNode) or key_node.tag not in _PLAIN_TAGS:
                self.report(key_node, t("diag.key_not_text"))
                continue
            key = key_node.value
            if key in first and first[key][0] >= merged:
                self.report(key_node, t("diag.duplicate_key", key=key, line=first[key][1]))
                continue
            if allowed_set is not None and key not in allowed_set:
                self.report(key_node, t("diag.unknown_key", key=key), suggest(key, allowed_set))
                continue
            # A key merged in with "<<" gives way to a later one, as in every YAML loader.
            result[key] = value_node
            first[key] = (index, key_node.start_mark.line + 1)
        for key in required:
            if key not in result:
                self.report(node, t("diag.missing_key", key=key))
        return result

    def merge(self, node: MappingNode) -> bool:
        """Resolve ``<<`` merge keys in place (merged entries first); False if they are bad.

        Safe to call more than once; :meth:`mapping` calls it itself.
        """
        if any(key.tag == _MERGE for key, _ in node.value):
            own = sum(1 for key, _ in node.value if key.tag != _MERGE)
            try:
                _constructor.flatten_mapping(node)
            except yaml.YAMLError as exc:
                self.report(node, t("diag.yaml_syntax", problem=getattr(exc, "problem", exc)))
                return False
            self._merged[id(node)] = len(node.value) - own
        return True

    def plain(self, node: Node, what: str) -> Any:
        """Plain data (mappings, lists, scalars) from a node with its aliases expanded, within
        :data:`MAX_DEPTH` levels and :data:`MAX_VALUES` values (else reported: None)."""
        budget = [MAX_VALUES]

        def value(item: Node, depth: int) -> Any:
            budget[0] -= 1
            if budget[0] < 0 or depth > MAX_DEPTH:
                raise _TooBig
            if isinstance(item, MappingNode):
                fields = self.mapping(item, what) or {}
                return {key: value(child, depth + 1) for key, child in fields.items()}
            if isinstance(item, ScalarNode):
                if item.tag in (_INT, _FLOAT):
                    return self.number(item, what)
                if item.tag == _BOOL:
                    return self.boolean(item, what)
                if self.is_null(item):
                    return None
                return self.text(item, what, allow_empty=True)
            return [value(child, depth + 1) for child in self.sequence(item, what) or []]

        try:
            return value(node, 0)
        except _TooBig:
            self.report(node, t("diag.too_many_values", what=what, limit=f"{MAX_VALUES:,}",
                                depth=MAX_DEPTH))
            return None

    def sequence(self, node: Node, what: str, non_empty: bool = False) -> list[Node] | None:
        """A list's item nodes; with ``non_empty``, an empty list is reported (and returned)."""
        if not isinstance(node, SequenceNode):
            if self.tag_ok(node):
                self.report(node, t("diag.expected_list", what=what))
            return None
        if not self.tag_ok(node):
            return None
        if non_empty and not node.value:
            self.report(node, t("diag.empty_list", what=what))
        return node.value

    # -- scalars --------------------------------------------------------------------------
    def text(self, node: Node, what: str, allow_empty: bool = False) -> str | None:
        """Text; numbers and words like ``yes`` are taken as written."""
        if not isinstance(node, ScalarNode):
            if self.tag_ok(node):
                self.report(node, t("diag.expected_text", what=what))
            return None
        tag = node.tag
        if tag not in _PLAIN_TAGS:
            self.tag_ok(node)
            return None
        value = "" if tag == _NULL else node.value
        if _SUSPICIOUS.search(value):
            found = sorted({f"U+{ord(c):04X}" for c in _SUSPICIOUS.findall(value)})
            self.warn(node, t("diag.control_chars", what=what, chars=", ".join(found)),
                      t("diag.control_chars_hint"))
        if not allow_empty and not value.strip():
            self.report(node, t("diag.empty_text", what=what))
            return None
        return value

    def text_list(self, node: Node, what: str) -> tuple[str, ...] | None:
        """A list of texts; a single text is a list of one."""
        if isinstance(node, ScalarNode) and node.tag != _NULL:
            value = self.text(node, what)
            return None if value is None else (value,)
        items = self.sequence(node, what)
        if items is None:
            return None
        read = [self.text(item, what) for item in items]
        values = tuple(v for v in read if v is not None)
        return values if len(values) == len(read) else None

    def number(self, node: Node, what: str) -> float | int | None:
        """A finite int or float."""
        if isinstance(node, ScalarNode) and node.tag in (_INT, _FLOAT):
            try:
                value = (_constructor.construct_yaml_int(node) if node.tag == _INT
                         else _constructor.construct_yaml_float(node))
                finite = math.isfinite(float(value))
            except (ValueError, OverflowError):  # more digits than Python converts, or > 1e308
                finite = False
            if not finite:
                self.report(node, t("diag.number_too_large", what=what))
                return None
            return value
        if isinstance(node, ScalarNode) and node.tag == _STR:
            try:
                value = float(node.value.strip())
            except ValueError:
                pass
            else:
                if math.isfinite(value):
                    return int(value) if value.is_integer() and "." not in node.value else value
        if self.tag_ok(node):
            self.report(node, t("diag.expected_number", what=what))
        return None

    def integer(self, node: Node, what: str, low: int | None = None,
                high: int | None = None) -> int | None:
        """A whole number, optionally within ``low``–``high``."""
        value = self.number(node, what)
        if value is None:
            return None
        if isinstance(value, float):
            if not value.is_integer():
                self.report(node, t("diag.expected_integer", what=what))
                return None
            value = int(value)
        if (low is not None and value < low) or (high is not None and value > high):
            if high is None:
                message = t("diag.at_least", what=what, low=low, value=value)
            elif low is None:
                message = t("diag.at_most", what=what, high=high, value=value)
            else:
                message = t("diag.out_of_range", what=what, low=low, high=high, value=value)
            self.report(node, message)
            return None
        return value

    def positive(self, node: Node, what: str) -> float | int | None:
        """A number greater than zero."""
        value = self.number(node, what)
        if value is not None and value <= 0:
            self.report(node, t("diag.not_positive", what=what))
            return None
        return value

    def boolean(self, node: Node, what: str) -> bool | None:
        """true or false."""
        if isinstance(node, ScalarNode) and node.tag == _BOOL:
            return node.value.lower() in ("true", "yes", "on", "y")
        if self.tag_ok(node):
            self.report(node, t("diag.expected_bool", what=what))
        return None

    def is_null(self, node: Node) -> bool:
        """True for an empty value (``key:`` with nothing after it, or ``null``)."""
        return isinstance(node, ScalarNode) and node.tag == _NULL


def is_marked_file(path: Path, suffix: str, mark: re.Pattern[str],
                   text: str | None = None) -> bool:
    """Whether a file is of a kind known by its name's ``suffix`` or by ``mark`` matching its
    text (read within the size limit when not given): a contest or a campaign file."""
    if path.name.lower().endswith(suffix):
        return True
    if text is None:
        data, _ = read_limited(path)
        if data is None:
            return False
        text = data.decode("utf-8-sig", errors="replace")
    return bool(mark.search(text))


def top_keys(root: MappingNode) -> set[str]:
    """The plain keys of a top-level mapping (to tell a bank from a contest file)."""
    return {key.value for key, _ in root.value if isinstance(key, ScalarNode)}


def top_mapping_kind(node: Node) -> str:
    """A word for what the top of a file is, when it is not a mapping."""
    return t("diag.kind_list") if isinstance(node, SequenceNode) else t("diag.kind_text")
