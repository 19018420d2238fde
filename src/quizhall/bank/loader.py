"""Load banks from YAML: validate every field, report every problem with its position.

``load_bank(path)`` returns a :class:`LoadResult` holding the bank (None if it has errors)
and all diagnostics. Results of error-free files are cached by content (see
:mod:`quizhall.bank.cache`), so a second load of an unchanged bank skips parsing.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from quizhall.bank import cache
from quizhall.bank.model import OPTION_LETTERS, TYPE_ALIASES, Bank, BankInfo, Level, Question
from quizhall.bank.papers import PAPER_SUFFIX, read_bank_papers
from quizhall.bank.pictures import picture_problem, pictures_digest
from quizhall.bank.qtypes.registry import QuestionKind, all_kinds, kind_of, lookup
from quizhall.diagnostics import Diagnostic
from quizhall.i18n import t
from quizhall.yamlsource import (
    NodeReader,
    compose,
    decode_text,
    read_bytes,
    suggest,
    top_keys,
    top_mapping_kind,
)

BANK_SUFFIXES = (".yaml", ".yml")
BANK_ID_RE = re.compile(r"[\w.-]+")  # letters (any script), digits, - _ .
CONTEST_SUFFIX = ".contest.yaml"
CAMPAIGN_SUFFIX = ".campaign.yaml"  # campaign files (quizhall.campaign) beside banks

TOP_KEYS = ("bank", "levels", "papers", "questions")
INFO_KEYS = ("id", "title", "language", "version", "description", "author", "license")
LEVEL_KEYS = ("id", "title", "tags", "questions", "pass", "count")
COMMON_KEYS = ("id", "type", "stem", "answer", "explanation", "source", "tags", "difficulty",
               "points", "time_limit", "shuffle", "media", "image", "alt")
OPTION_KEYS = ("text", "image", "alt")  # an option written as a mapping: a picture option


@dataclass(slots=True)
class LoadResult:
    """The outcome of loading one or more files: banks without errors, and every diagnostic."""

    banks: list[Bank] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no file had an error."""
        return not any(d.severity == "error" for d in self.diagnostics)


def load_bank(path: str | Path, display: str | None = None, use_cache: bool = True) -> LoadResult:
    """Load one bank file."""
    path = Path(path)
    shown = display or str(path)
    result = LoadResult(files=[shown])
    data, problems = read_bytes(path, shown)
    if data is None:
        result.diagnostics.extend(problems)
        return result
    # Same bytes, same folder, same pictures: a cache hit needs neither decoding nor parsing.
    folder = path.parent.absolute()
    text_key = hashlib.sha256(data + b"\0" + str(folder).encode("utf-8", "surrogatepass"))
    key = _cache_key(text_key.hexdigest()) if use_cache else None
    if key:
        cached = cache.read(key)
        if cached is not None:
            cached_bank, cached_diagnostics = cached
            result.banks.append(_with_path(cached_bank, shown))
            result.diagnostics.extend(_with_display(cached_diagnostics, shown))
            return result
    text, problems = decode_text(data, shown)
    if text is None:
        result.diagnostics.extend(problems)
        return result
    bank, diagnostics = parse_bank(text, shown, folder)
    result.diagnostics.extend(diagnostics)
    if bank is not None:
        result.banks.append(bank)
        if use_cache:
            pictures = list(bank.pictures)
            if pictures:
                cache.write_list(text_key.hexdigest(), pictures)
            cache.write(_cache_key(text_key.hexdigest(), pictures), bank, diagnostics)
    return result


def _cache_key(text_key: str, pictures: list[str] | None = None) -> str:
    """The cache key of a bank: its text's key, and its pictures' bytes if it has any.

    The pictures a bank names are known only once it is parsed, so they are kept under the
    text's key; a bank without pictures is cached under the text's key alone.
    """
    if pictures is None:
        pictures = cache.read_list(text_key)
    if not pictures:
        return text_key
    return hashlib.sha256((text_key + pictures_digest(pictures)).encode()).hexdigest()


def load_banks(paths: Iterable[str | Path], use_cache: bool = True) -> LoadResult:
    """Load several files and directories (searched for ``*.yaml``, contest files excepted)."""
    result = LoadResult()
    for raw in paths:
        found = expand_paths([raw])
        if not found:  # a directory without banks: most likely the wrong one
            result.diagnostics.append(Diagnostic(str(raw), 0, 0, t("bank.no_banks_in_dir")))
        for path in found:
            one = load_bank(path, use_cache=use_cache)
            result.banks.extend(one.banks)
            result.diagnostics.extend(one.diagnostics)
            result.files.extend(one.files)
    return result


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and the bank files found below directories, sorted."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and is_bank_file(p)))
        else:
            found.append(path)
    return found


def is_bank_file(path: Path) -> bool:
    """True for ``*.yaml``/``*.yml`` files not named as contest, campaign or paper files."""
    name = path.name.lower()
    return name.endswith(BANK_SUFFIXES) and not name.endswith((CONTEST_SUFFIX,
                                                                CAMPAIGN_SUFFIX, PAPER_SUFFIX))


def _with_path(bank: Bank, shown: str) -> Bank:
    papers = tuple(replace(paper, path=shown) for paper in bank.papers)
    return Bank(bank.info, bank.questions, bank.levels, shown, papers)


def _with_display(diagnostics: list[Diagnostic], shown: str) -> list[Diagnostic]:
    return [Diagnostic(shown, d.line, d.column, d.message, d.severity, d.hint)
            for d in diagnostics]


def parse_bank(text: str, display: str,
               pictures: Path | None = None) -> tuple[Bank | None, list[Diagnostic]]:
    """Validate a bank's text; the bank is None when there is any error.

    ``pictures`` is the folder picture paths are relative to (the bank file's): each picture
    is then checked and its path made absolute. Without it, paths are kept as written and not
    checked (a bank kept inside a contest's log, whose pictures were checked when it started).
    """
    if not text.strip():
        return None, [Diagnostic(display, 0, 0, t("diag.empty_file"))]
    root, problems = compose(text, display)
    if root is None:
        return None, problems or [Diagnostic(display, 0, 0, t("diag.empty_file"))]
    reader = NodeReader(display)
    if not isinstance(root, MappingNode):
        reader.report(root, t("diag.not_a_top_mapping", kind=top_mapping_kind(root)))
        return None, reader.diagnostics
    keys = top_keys(root)
    if "rounds" in keys and "questions" not in keys:
        reader.report(root, t("bank.is_a_contest"))
        return None, reader.diagnostics
    top = reader.mapping(root, "bank file", TOP_KEYS, required=("bank", "questions"))
    if top is None:
        return None, reader.diagnostics
    info = _read_info(reader, top["bank"]) if "bank" in top else None
    before = len(reader.diagnostics)
    questions = (_read_questions(reader, top["questions"], pictures) if "questions" in top
                 else [])
    questions_read = all(d.severity != "error" for d in reader.diagnostics[before:])
    levels = _read_levels(reader, top["levels"], questions) if "levels" in top else []
    papers = (read_bank_papers(reader, top["papers"], _bank_id(info, top.get("bank")), questions,
                               questions_read) if "papers" in top else [])
    diagnostics = sorted(reader.diagnostics, key=lambda d: (d.line, d.column))
    if reader.failed or info is None:
        return None, diagnostics
    return Bank(info, tuple(questions), tuple(levels), display, tuple(papers)), diagnostics


def _bank_id(info: BankInfo | None, node: Node | None) -> str:
    """The bank's id, as read or (when its block has errors) as written."""
    if info is not None:
        return info.id
    value = _last_value(node, "id") if isinstance(node, MappingNode) else None
    return value.value if isinstance(value, ScalarNode) else ""


def _read_info(reader: NodeReader, node: Node) -> BankInfo | None:
    fields = reader.mapping(node, "bank", INFO_KEYS, required=("id", "title"))
    if fields is None:
        return None
    values = {key: reader.text(value, key) for key, value in fields.items()}
    language = values.get("language") or "zh-CN"
    if "language" in fields and values["language"] not in ("zh-CN", "en", None):
        reader.report(fields["language"], t("bank.bad_language", value=values["language"]),
                      suggest(values["language"] or "", ("zh-CN", "en")))
    bank_id, title = values.get("id"), values.get("title")
    if bank_id is not None and not BANK_ID_RE.fullmatch(bank_id):
        reader.report(fields["id"], t("bank.bad_bank_id", id=bank_id))
        return None
    if bank_id is None or title is None:
        return None
    return BankInfo(
        id=bank_id, title=title, language=language,
        version=values.get("version") or "", description=values.get("description") or "",
        author=values.get("author") or "", license=values.get("license") or "",
    )


def _read_questions(reader: NodeReader, node: Node, pictures: Path | None) -> list[Question]:
    items = reader.sequence(node, "questions", non_empty=True)
    if items is None:
        return []
    questions: list[Question] = []
    first_line: dict[str, int] = {}
    for item in items:
        # Ids are compared as written, before validation, so that a duplicate is reported
        # even when one of the two questions has other errors.
        raw_id = _raw_id(item) if not isinstance(item, MappingNode) or reader.merge(item) else None
        duplicate_of = first_line.get(raw_id) if raw_id is not None else None
        if duplicate_of is not None:
            reader.report(item, t("bank.duplicate_id", id=raw_id, line=duplicate_of))
        elif raw_id is not None:
            first_line[raw_id] = item.start_mark.line + 1
        question = _read_question(reader, item, pictures)
        if question is not None and duplicate_of is None:
            questions.append(question)
    return questions


def _last_value(node: MappingNode, key: str) -> Node | None:
    """The value of ``key`` in a (merged) mapping: the last one wins, as when loading."""
    found = None
    for key_node, value in node.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key:
            found = value
    return found


def _raw_id(node: Node) -> str | None:
    value = _last_value(node, "id") if isinstance(node, MappingNode) else None
    if isinstance(value, ScalarNode) and value.value.strip():
        return value.value
    return None


def _read_question(reader: NodeReader, node: Node, pictures: Path | None) -> Question | None:
    if not isinstance(node, MappingNode):
        reader.mapping(node, t("bank.a_question"))
        return None
    before = len(reader.diagnostics)
    if not reader.merge(node):
        return None
    type_node = _last_value(node, "type")
    kind = _read_type(reader, type_node) if type_node is not None else None
    allowed = COMMON_KEYS + kind.extra_keys if kind else all_question_keys()
    fields = reader.mapping(node, t("bank.a_question"), allowed,
                            required=("id", "type", "stem", "answer"))
    if fields is None or kind is None:
        return None
    text = reader.text
    qid = text(fields["id"], "id") if "id" in fields else None
    stem = text(fields["stem"], "stem") if "stem" in fields else None
    kwargs: dict[str, Any] = {}  # Question's optional fields, as read
    for key in ("explanation", "source", "unit", "media", "alt"):
        if key in fields:
            kwargs[key] = text(fields[key], key, allow_empty=True) or ""
    if "image" in fields:
        kwargs["image"] = _read_picture(reader, fields["image"], pictures) or ""
    elif "alt" in fields:
        reader.report(fields["alt"], t("bank.alt_without_image"))
    for key in ("tags", "keywords", "distractors"):
        if key in fields:
            kwargs[key] = reader.text_list(fields[key], key) or ()
    if "difficulty" in fields:
        kwargs["difficulty"] = reader.integer(fields["difficulty"], "difficulty", 1, 5)
    if "points" in fields:
        kwargs["points"] = reader.positive(fields["points"], "points")
    if "time_limit" in fields:
        kwargs["time_limit"] = reader.positive(fields["time_limit"], "time_limit")
    for key in ("shuffle", "strict"):
        if key in fields:
            value = reader.boolean(fields[key], key)
            if value is not None:
                kwargs[key] = value
    options: dict[str, str] = {}
    option_images: dict[str, tuple[str, str]] = {}
    if kind.has_options:
        if "options" in fields:
            options = _read_options(reader, fields["options"], pictures, option_images) or {}
        else:
            reader.report(node, t("diag.missing_key", key="options"))
    answer = None
    if "answer" in fields and (options or not kind.has_options):
        answer = _read_answer(reader, kind, fields, options, stem or "")
    kwargs.update(kind.read_extras(reader, fields))
    if any(d.severity == "error" for d in reader.diagnostics[before:]):
        return None
    if qid is None or stem is None or answer is None:
        return None
    return Question(id=qid, type=kind.name, stem=stem, answer=answer, options=options,
                    option_images=option_images, line=node.start_mark.line + 1, **kwargs)


def all_question_keys() -> tuple[str, ...]:
    """Every key some question type accepts (for a question whose type is not known)."""
    return tuple(dict.fromkeys(COMMON_KEYS + sum((k.extra_keys for k in all_kinds()), ())))


def _read_type(reader: NodeReader, node: Node) -> QuestionKind | None:
    name = reader.text(node, "type")
    if name is None:
        return None
    canonical = lookup(name)
    if canonical is None:
        reader.report(node, t("bank.unknown_type", type=name),
                      suggest(name, TYPE_ALIASES) or t("bank.types_hint"))
        return None
    return kind_of(canonical)


def _read_picture(reader: NodeReader, node: Node, folder: Path | None) -> str | None:
    """A picture's file, checked and made absolute when the bank's folder is known."""
    written = reader.text(node, "image")
    if written is None or folder is None:
        return written
    problem = picture_problem(folder / written, written)
    if problem is not None:
        reader.report(node, problem)
        return None
    return str(folder / written)


def _read_option(reader: NodeReader, node: Node, what: str, folder: Path | None,
                 images: dict[str, tuple[str, str]], letter: str) -> str | None:
    """An option's text; an option written as a mapping is a picture (kept in ``images``)."""
    if not isinstance(node, MappingNode):
        return reader.text(node, what)
    fields = reader.mapping(node, what, OPTION_KEYS, required=("image",))
    if fields is None or "image" not in fields:
        return None
    text = reader.text(fields["text"], "text") if "text" in fields else ""
    alt = reader.text(fields["alt"], "alt", allow_empty=True) or "" if "alt" in fields else ""
    file = _read_picture(reader, fields["image"], folder)
    if text is None or file is None:
        return None
    if not text and not alt:
        reader.report(node, t("bank.option_picture_words", letter=letter))
        return None
    images[letter] = (file, alt)
    return text or alt


def _read_options(reader: NodeReader, node: Node, folder: Path | None = None,
                  images: dict[str, tuple[str, str]] | None = None) -> dict[str, str] | None:
    images = {} if images is None else images
    if isinstance(node, SequenceNode):  # a plain list: letters follow the order
        letters = OPTION_LETTERS.ljust(len(node.value), "?")  # too many: reported below
        read = [_read_option(reader, item, "option", folder, images, letter)
                for letter, item in zip(letters, node.value, strict=False)]
        texts = [x for x in read if x is not None]
        if len(texts) != len(read):
            return None
        if not 2 <= len(texts) <= len(OPTION_LETTERS):
            reader.report(node, t("bank.option_count", count=len(texts)))
            return None
        return dict(zip(OPTION_LETTERS, texts, strict=False))
    fields = reader.mapping(node, "options")
    if fields is None:
        return None
    options: dict[str, str] = {}
    for position, (letter, value_node) in enumerate(fields.items()):
        expected = OPTION_LETTERS[position] if position < len(OPTION_LETTERS) else None
        if letter.upper() != expected:
            key_node = next(k for k, v in node.value if v is value_node)
            reader.report(key_node, t("bank.option_letter", letter=letter,
                                      expected=expected or OPTION_LETTERS[-1]))
            return None
        value = _read_option(reader, value_node, t("bank.option_named", letter=letter.upper()),
                             folder, images, letter.upper())
        if value is None:
            return None
        options[letter.upper()] = value
    if len(options) < 2:
        reader.report(node, t("bank.option_count", count=len(options)))
        return None
    return options


def _read_answer(reader: NodeReader, kind: QuestionKind, fields: dict[str, Node],
                 options: dict[str, str], stem: str) -> object:
    node = fields["answer"]
    if not reader.tag_ok(node):  # a refused tag, whatever the question's type
        return None
    if reader.is_null(node):
        if kind.empty_answer is None:
            reader.report(node, t("diag.empty_text", what="answer"))
        return kind.empty_answer
    return kind.read_answer(reader, node, fields, options, stem)


def _read_levels(reader: NodeReader, node: Node, questions: list[Question]) -> list[Level]:
    items = reader.sequence(node, "levels")
    if items is None:
        return []
    known_ids = {q.id for q in questions}
    known_tags = {tag for q in questions for tag in q.tags}
    levels: list[Level] = []
    seen: dict[str, int] = {}
    for item in items:
        fields = reader.mapping(item, t("bank.a_level"), LEVEL_KEYS, required=("id", "title"))
        if fields is None:
            continue
        level_id = reader.text(fields["id"], "id") if "id" in fields else None
        title = reader.text(fields["title"], "title") if "title" in fields else None
        tags = reader.text_list(fields["tags"], "tags") if "tags" in fields else ()
        ids = reader.text_list(fields["questions"], "questions") if "questions" in fields else ()
        pass_ratio = 0.8
        if "pass" in fields:
            value = reader.number(fields["pass"], "pass")
            if value is not None and not 0 < value <= 1:
                reader.report(fields["pass"], t("diag.out_of_range", what="pass", low=0, high=1,
                                                value=value))
            elif value is not None:
                pass_ratio = float(value)
        count = reader.integer(fields["count"], "count", 1) if "count" in fields else None
        if not tags and not ids and "tags" not in fields and "questions" not in fields:
            reader.report(item, t("bank.level_empty"))
        for tag, tag_node in zip(tags or (), _items(fields.get("tags")), strict=False):
            if tag not in known_tags:
                reader.report(tag_node, t("bank.level_unknown_tag", tag=tag),
                              suggest(tag, known_tags))
        for qid, id_node in zip(ids or (), _items(fields.get("questions")), strict=False):
            if qid not in known_ids:
                reader.report(id_node, t("bank.level_unknown_question", id=qid),
                              suggest(qid, known_ids))
        if level_id is None or title is None:
            continue
        if level_id in seen:
            reader.report(item, t("bank.duplicate_level", id=level_id, line=seen[level_id]))
            continue
        seen[level_id] = item.start_mark.line + 1
        level = Level(level_id, title, tags or (), ids or (), pass_ratio, count)
        pool = level.pool(tuple(questions))
        if count is not None and len(pool) < count and not reader.failed:
            reader.report(item, t("bank.level_short", id=level_id, pool=len(pool), count=count))
        levels.append(level)
    return levels


def _items(node: Node | None) -> list[Node]:
    """The nodes of a list read with ``text_list`` (a single text is its own item)."""
    if node is None:
        return []
    return list(node.value) if isinstance(node, SequenceNode) else [node]
