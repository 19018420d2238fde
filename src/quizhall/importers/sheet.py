"""Import question spreadsheets: XLSX workbooks (openpyxl) and CSV files, one row a question.

Columns are found by their headers, in Chinese or English (see
:mod:`quizhall.importers.template`), or named with ``--map field=Header``; columns without a
header (a row index) and unknown ones are left out, the unknown ones named in a warning. The
header row is the first of the first twenty that names a stem column. Without a type column
(or with an empty type cell) the type is inferred: options and one letter → single, several
letters → multiple, 对/错 → judge, no options → fill when the stem has a blank, else short.
A sheet named after a type (``单选题`` …) gives that type to its rows without one.

CSV text is read as UTF-8 (with or without BOM), else GB18030 (GBK), as Chinese Excel saves
it, unless an encoding is given; the delimiter (comma, tab or semicolon) is taken from the
header line. In XLSX every sheet with a header row is read, and a sheet named ``题库信息`` or
``bank`` holds the bank's own fields (id, title …) as written by ``quizhall export-bank``.
A cell that starts with an apostrophe followed by ``= + - @`` has that apostrophe removed (see
:mod:`quizhall.safecell`).
"""

from __future__ import annotations

import csv
import datetime
import io
import math
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from quizhall.bank.model import (
    BLANK_RE,
    OPTION_LETTERS,
    TYPE_ALIASES,
    Question,
    QuestionType,
    normalize_text,
    parse_judge,
    parse_letters,
    parse_number,
    plain_value,
)
from quizhall.bank.qtypes import kind_of, lookup
from quizhall.hookspecs import hookimpl
from quizhall.i18n import t
from quizhall.importers import ImportOptions, ImportResult, wps
from quizhall.importers import template as tpl
from quizhall.importers.common import (
    Collector,
    assign_ids,
    decode,
    display_name,
    id_prefix,
    read_bytes,
)
from quizhall.importers.pictures import keep, read_beside
from quizhall.safecell import restore
from quizhall.yamlsource import suggest

HEADER_SEARCH_ROWS = 20
# What one sheet may hold, so that a file of a few hundred kilobytes cannot keep an import busy
# for minutes or fill the memory: rows are read one at a time and reading stops past the limit,
# and an XLSX whose parts expand past MAX_EXPANDED bytes is refused before it is opened.
MAX_ROWS = 50_000
MAX_COLUMNS = 200
MAX_EXPANDED = 64 * 1024 * 1024
INFO_SHEETS = frozenset({"题库信息", "bank", "bankinfo"})
INFO_KEYS: dict[str, str] = {
    "id": "id", "编号": "id", "题库编号": "id",
    "title": "title", "标题": "title", "题库名称": "title", "名称": "title",
    "language": "language", "语言": "language",
    "version": "version", "版本": "version",
    "description": "description", "说明": "description", "简介": "description",
    "author": "author", "作者": "author",
    "license": "license", "许可": "license", "许可证": "license",
}
# What export-bank writes in the info sheet's first column: (zh-CN, en) per field.
INFO_LABELS: dict[str, tuple[str, str]] = {
    "id": ("题库编号", "id"), "title": ("标题", "title"), "language": ("语言", "language"),
    "version": ("版本", "version"), "description": ("说明", "description"),
    "author": ("作者", "author"), "license": ("许可", "license"),
}

Cell = Any  # what openpyxl or csv hands over: str, int, float, bool, datetime or None


_BUILT_IN = frozenset(QuestionType)


@dataclass(frozen=True, slots=True)
class _Table:
    """One sheet: where messages point, its rows with their numbers, a type from its name."""

    display: str
    rows: list[tuple[int, list[Cell]]]
    default_type: str | None = None  # a registered type's name
    pictures: dict[tuple[int, int], bytes] = field(default_factory=dict)  # (row, column): bytes


def cell_text(value: Cell) -> str:
    """A cell as text: numbers without a spurious ``.0``, the formula guard removed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    text = str(value)
    restored = restore(text)
    return restored if restored != text else text.strip()


class _Columns:
    """Which column holds which field in one sheet."""

    def __init__(self, by_field: dict[str, list[int]], unused: list[str]) -> None:
        self.by_field = by_field
        self.unused = unused

    def cell(self, row: list[Cell], name: str) -> tuple[str, int]:
        """The text of a field's (first) column in ``row``, and its 1-based column."""
        for index in self.by_field.get(name, ()):
            if index < len(row):
                return cell_text(row[index]), index + 1
        return "", 0

    def raw(self, row: list[Cell], name: str) -> Cell:
        for index in self.by_field.get(name, ()):
            if index < len(row):
                return row[index]
        return None

    def texts(self, row: list[Cell], name: str) -> list[str]:
        return [cell_text(row[i]) for i in self.by_field.get(name, ()) if i < len(row)]

    def used(self, row: list[Cell]) -> bool:
        return any(cell_text(row[i]) for indexes in self.by_field.values() for i in indexes
                   if i < len(row))


def _find_columns(header: list[Cell], column_map: Mapping[str, str]
                  ) -> tuple[_Columns | None, str | None]:
    """Columns of a header row; None and why when the mapping does not fit it."""
    names = [cell_text(value) for value in header]
    normalised = [tpl.normalise_header(name) for name in names]
    by_field: dict[str, list[int]] = {}
    mapped: set[int] = set()
    for key, wanted in column_map.items():
        name = tpl.field_for_key(key)
        target = tpl.normalise_header(wanted)
        if target not in normalised:
            shown = "、".join(n for n in names if n) or "∅"
            return None, t("import_bank.map_missing_column", column=wanted, columns=shown)
        index = normalised.index(target)
        assert name is not None  # _check_map refused unknown keys before any row was read
        by_field.setdefault(name, []).append(index)
        mapped.add(index)
    unused: list[str] = []
    for index, name in enumerate(names):
        if index in mapped or not name or tpl.is_ignored_header(name):
            continue
        found = tpl.field_for_header(name)
        if found is None or (found in by_field and found != "tags"):
            unused.append(name)
        else:
            by_field.setdefault(found, []).append(index)
    if "stem" not in by_field:
        return None, None
    return _Columns(by_field, unused), None


class _SheetReader:
    """Turns the rows of one or more tables into questions."""

    def __init__(self, collector: Collector, options: ImportOptions, folder: Path) -> None:
        self.out = collector
        self.options = options
        self.folder = folder  # where the file is: picture paths in cells are relative to it
        self.pictures: dict[tuple[int, int], bytes] = {}
        self.drafts: list[tuple[Question, str | None, int]] = []
        self.number = 0
        self.tables_read = 0

    def table(self, table: _Table) -> str | None:
        """Read one sheet; why not, when it has content but no header row."""
        self.out.display = table.display
        columns, header_row = None, 0
        problem = None
        for number, row in table.rows[:HEADER_SEARCH_ROWS]:
            columns, why = _find_columns(row, self.options.column_map)
            if columns is not None:
                header_row = number
                break
            if problem is None and any(cell_text(v) for v in row):
                problem = why or t("import_bank.no_header")
        if columns is None:
            if problem is None and any(cell_text(v) for _, row in table.rows for v in row):
                problem = t("import_bank.no_header")
            if problem is not None:
                self.out.warn(0, problem, column=0, hint=t("import_bank.no_header_hint"))
            return problem
        self.tables_read += 1
        self.pictures = table.pictures
        if columns.unused:
            self.out.warn(header_row, t("import_bank.unused_columns",
                                        columns="、".join(columns.unused)))
        for number, row in table.rows:
            if number <= header_row or not columns.used(row):
                continue
            self.number += 1
            self.row(number, row, columns, table.default_type)
        return None

    def row(self, number: int, row: list[Cell], columns: _Columns,
            default_type: str | None) -> None:
        skip = self.out.skip
        stem, stem_column = columns.cell(row, "stem")
        if not stem:
            skip(number, t("import_bank.row_no_stem"), column=stem_column or 1)
            return
        texts = [columns.cell(row, letter)[0] for letter in OPTION_LETTERS]
        drawn = self.row_pictures(number, columns)
        for position, letter in enumerate(OPTION_LETTERS):
            if letter in drawn and not texts[position]:  # an option that is only a picture
                texts[position] = t("import_bank.picture_option", letter=letter)
        last = max((i for i, text in enumerate(texts) if text), default=-1)
        for position in range(last):
            if not texts[position]:
                skip(number, t("import_bank.option_gap", letter=OPTION_LETTERS[position],
                               after=OPTION_LETTERS[last]))
                return
        options = dict(zip(OPTION_LETTERS, texts[: last + 1], strict=False))
        answer_text, answer_column = columns.cell(row, "answer")
        type_text, type_column = columns.cell(row, "type")
        if type_text:
            qtype = lookup(type_text)
            if qtype is None:
                skip(number, t("bank.unknown_type", type=type_text), column=type_column,
                     hint=suggest(type_text, TYPE_ALIASES) or t("bank.types_hint"))
                return
            if qtype not in _BUILT_IN:  # a plugin's type: its cells' meaning is unknown here
                skip(number, t("import_bank.type_not_importable", type=type_text),
                     column=type_column)
                return
        else:
            qtype = default_type or _infer_type(stem, options, answer_text)
        if not answer_text:
            skip(number, t("import_bank.row_no_answer"), column=answer_column or 1)
            return
        if kind_of(qtype).has_options and len(options) < 2:
            skip(number, t("bank.option_count", count=len(options)))
            return
        if not kind_of(qtype).has_options and qtype != QuestionType.JUDGE and options:
            self.out.warn(number, t("import_bank.options_ignored", type=t(f"bank.type_{qtype}")))
        answer = self.answer(number, answer_column, qtype, answer_text, options, stem)
        if answer is None:
            return
        fields = self.extras(number, row, columns, qtype)
        fields.update(self.pictures_of(number, row, columns, drawn,
                                       options if kind_of(qtype).has_options else {}))
        question = Question(id="", type=qtype, stem=stem, answer=answer,
                            options=options if kind_of(qtype).has_options else {},
                            line=number, **fields)
        wish, _ = columns.cell(row, "id")
        self.drafts.append((question, wish or None, self.number))

    def row_pictures(self, number: int, columns: _Columns) -> dict[str, bytes]:
        """The pictures anchored in a row, by the option letter whose cell holds each (the
        key ``""`` for the first one in any other cell: the question's picture)."""
        letter_of = {index + 1: letter for letter in OPTION_LETTERS
                     for index in columns.by_field.get(letter, ())}
        found: dict[str, bytes] = {}
        for (row, column), data in sorted(self.pictures.items()):
            if row != number:
                continue
            key = letter_of.get(column, "")
            if key in found:
                self.out.warn(number, t("import_bank.picture_extra"), column=column)
            else:
                found[key] = data
        return found

    def pictures_of(self, number: int, row: list[Cell], columns: _Columns,
                    drawn: dict[str, bytes], options: dict[str, str]) -> dict[str, Any]:
        """The question's picture fields: pictures in its cells, or a picture file named in
        the picture column (relative to the spreadsheet)."""
        fields: dict[str, Any] = {}  # Question's keyword arguments
        data: bytes | str | None = drawn.get("")
        named, column = columns.cell(row, "image")
        if data is None and named:
            data = read_beside(self.folder, named)
            if isinstance(data, str):
                self.out.warn(number, t("import_bank.picture_dropped", reason=data), column=column)
                data = None
        if isinstance(data, bytes):
            fields["image"] = keep(self.out.result, data)
            alt, _ = columns.cell(row, "alt")
            if alt:
                fields["alt"] = alt
        option_images = {letter: (keep(self.out.result, picture), "")
                         for letter, picture in drawn.items() if letter in options}
        if option_images:
            fields["option_images"] = option_images
        return fields

    def answer(self, number: int, column: int, qtype: str, text: str,
               options: dict[str, str], stem: str) -> object:
        def fail(message: str, hint: str | None = None) -> None:
            self.out.skip(number, message, column=column or 1, hint=hint)

        letters_known = "".join(options)
        if kind_of(qtype).has_options:
            letters = _letters(text, options)
            if letters is None:
                fail(t("bank.answer_not_option", answer=text, letters=letters_known))
                return None
            if qtype == QuestionType.SINGLE:
                if len(letters) != 1:
                    fail(t("bank.single_one_letter", answer="".join(letters)),
                         t("bank.use_multiple_hint"))
                    return None
                return letters[0]
            if qtype == QuestionType.MULTIPLE:
                return tuple(sorted(set(letters)))
            if sorted(letters) != sorted(options):
                fail(t("bank.order_permutation", letters=letters_known))
                return None
            return letters
        if qtype == QuestionType.JUDGE:
            judged = tpl.judge_from_cell(text, options)
            if judged is None:
                fail(t("bank.judge_answer"), t("bank.judge_hint"))
            return judged
        if qtype == QuestionType.FILL:
            blanks = tpl.parse_fill(text, stem)
            if isinstance(blanks, int):
                fail(t("bank.blank_count", blanks=max(len(BLANK_RE.findall(stem)), 1),
                       answers=blanks), t("import_bank.fill_hint"))
                return None
            return blanks
        if qtype == QuestionType.NUMERIC:
            value = tpl.parse_numeric(text)
            if value is None:
                fail(t("import_bank.bad_numeric", value=text), t("import_bank.numeric_hint"))
            return value
        if qtype == QuestionType.MATCH:
            pairs = tpl.parse_pairs(text)
            if pairs is None or any(not left or not right for left, right in pairs):
                fail(t("import_bank.bad_pairs"), t("import_bank.pairs_hint"))
                return None
            if len(pairs) < 2:
                fail(t("bank.match_count"))
                return None
            lefts = [left for left, _ in pairs]
            if len(set(lefts)) != len(lefts):
                fail(t("import_bank.match_duplicate", left=next(x for x in lefts
                                                            if lefts.count(x) > 1)))
                return None
            return tuple(pairs)
        return text

    def extras(self, number: int, row: list[Cell], columns: _Columns,
               qtype: str) -> dict[str, Any]:
        fields: dict[str, Any] = {}  # Question's keyword arguments
        for name in ("explanation", "source", "media"):
            text, _ = columns.cell(row, name)
            if text:
                fields[name] = text
        tags: list[str] = []
        for text in columns.texts(row, "tags"):
            tags.extend(tpl.split_list(text))
        if tags:
            fields["tags"] = tuple(dict.fromkeys(tags))
        for name in ("points", "time_limit", "difficulty"):
            text, column = columns.cell(row, name)
            if not text:
                continue
            value = (tpl.parse_difficulty(text) if name == "difficulty"
                     else _positive(columns.raw(row, name), tpl.without_points_unit(text)
                                    if name == "points" else text))
            if value is None:
                self.out.warn(number, t("import_bank.bad_field", field=name, value=text),
                              column=column)
            else:
                fields[name] = value
        for name, wanted in (("keywords", QuestionType.SHORT),
                             ("distractors", QuestionType.MATCH), ("unit", QuestionType.NUMERIC),
                             ("strict", QuestionType.FILL), ("partial", QuestionType.MULTIPLE)):
            text, column = columns.cell(row, name)
            if not text:
                continue
            if qtype != wanted:
                self.out.warn(number, t("import_bank.field_not_for_type", field=name,
                                        type=t(f"bank.type_{qtype}")), column=column)
                continue
            typed = self._typed(name, text)
            if typed is None:
                self.out.warn(number, t("import_bank.bad_field", field=name, value=text),
                              column=column)
            else:
                fields[name] = typed
        text, column = columns.cell(row, "shuffle")
        if text:
            value = parse_judge(text)
            if value is None:
                self.out.warn(number, t("import_bank.bad_field", field="shuffle", value=text),
                              column=column)
            else:
                fields["shuffle"] = value
        return fields

    @staticmethod
    def _typed(name: str, text: str) -> object:
        if name in ("keywords", "distractors"):
            return tpl.split_list(text) or None
        if name == "unit":
            return text
        if name == "strict":
            return parse_judge(text)
        return tpl.parse_partial(text)


def _positive(raw: Cell, text: str) -> float | None:
    value = parse_number(raw if isinstance(raw, int | float) and not isinstance(raw, bool)
                         else text)
    if value is None or not math.isfinite(value) or value <= 0:
        return None
    return plain_value(value)


def _letters(text: str, options: dict[str, str]) -> tuple[str, ...] | None:
    """Option letters from an answer cell (``B．`` ``（B）`` too), or the letter of the option
    it spells out."""
    text = tpl.tidy_answer(text)
    letters = parse_letters(text)
    if letters and all(x in options for x in letters):
        return letters
    wanted = normalize_text(text)
    matches = [letter for letter, option in options.items() if normalize_text(option) == wanted]
    return (matches[0],) if len(matches) == 1 else None


def _infer_type(stem: str, options: dict[str, str], answer: str) -> QuestionType:
    if options:
        letters = _letters(answer, options)
        if letters is not None:
            return QuestionType.SINGLE if len(set(letters)) == 1 else QuestionType.MULTIPLE
        if normalize_text(tpl.tidy_answer(answer)) in tpl.JUDGE_WORDS:
            return QuestionType.JUDGE
        return QuestionType.SINGLE
    if normalize_text(tpl.tidy_answer(answer)) in tpl.JUDGE_WORDS:
        return QuestionType.JUDGE
    return QuestionType.FILL if BLANK_RE.search(stem) else QuestionType.SHORT


# -- reading the files ---------------------------------------------------------------------------

def _csv_rows(text: str) -> Iterator[tuple[int, list[Cell]]]:
    """The rows of a CSV text one at a time, with the line each starts on."""
    first, start = "", 0
    while start < len(text) and not first.strip():
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        first, start = text[start:end], end + 1
    delimiter = max((",", "\t", ";"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 1
    for record in reader:
        yield line, record[:MAX_COLUMNS]
        line = reader.line_num + 1


def _capped(rows: Iterable[tuple[int, list[Cell]]],
            collector: Collector) -> list[tuple[int, list[Cell]]] | None:
    """At most MAX_ROWS rows, read one at a time; None (reported) when there are more."""
    kept: list[tuple[int, list[Cell]]] = []
    for row in rows:
        if len(kept) == MAX_ROWS:
            collector.fail(t("import_bank.too_many_rows", limit=f"{MAX_ROWS:,}"),
                           t("diag.too_large_hint"))
            return None
        kept.append(row)
    return kept


def _read_csv(path: Path, options: ImportOptions, collector: Collector) -> list[_Table]:
    data = read_bytes(path, collector)
    if data is None:
        return []
    text = decode(data, options.encoding, collector)
    del data
    if text is None:
        return []
    try:
        rows = _capped(_csv_rows(text), collector)
    except csv.Error as exc:
        collector.fail(t("import_bank.bad_csv", reason=exc))
        return []
    return [] if rows is None else [_Table(collector.display, rows)]


def _expanded_size(path: Path) -> int:
    """What an XLSX's parts add up to once decompressed, as its archive directory says (the
    zip reader never gives more than an entry's recorded size); 0 for no readable archive,
    which openpyxl then reports."""
    try:
        with zipfile.ZipFile(path) as archive:
            return sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return 0


def _read_xlsx(path: Path, collector: Collector) -> list[_Table]:
    if read_bytes(path, collector) is None:
        return []
    expanded = _expanded_size(path)
    if expanded > MAX_EXPANDED:
        collector.fail(t("import_bank.too_expanded", size=round(expanded / 2**20),
                         limit=MAX_EXPANDED // 2**20), t("diag.too_large_hint"))
        return []
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        collector.fail(t("import_bank.bad_workbook", reason=f"{type(exc).__name__}: {exc}"),
                       t("import_bank.bad_workbook_hint"))
        return []
    tables = []
    pictures = _xlsx_pictures(path, collector)
    try:
        sheets = [ws for ws in workbook.worksheets
                  if tpl.normalise_header(ws.title) not in INFO_SHEETS]
        for ws in workbook.worksheets:
            # Some writers record a wrong sheet size; read every row there is instead.
            ws.reset_dimensions()
            numbered = enumerate(ws.iter_rows(values_only=True, max_col=MAX_COLUMNS), 1)
            # A WPS in-cell picture's cached value is its formula's text: the cell is empty.
            rows = _capped(((number, [None if wps.picture_id(v) else v for v in values])
                            for number, values in numbered),
                           collector)
            if rows is None:
                return []
            if ws not in sheets:
                collector.result.info.update(_info(row for _, row in rows))
                continue
            shown = f"{collector.display}[{ws.title}]" if len(sheets) > 1 else collector.display
            tables.append(_Table(shown, rows, TYPE_ALIASES.get(ws.title.strip()),
                                 pictures.get(ws.title, {})))
    except Exception as exc:  # a damaged sheet inside a readable archive
        collector.fail(t("import_bank.bad_workbook", reason=f"{type(exc).__name__}: {exc}"),
                       t("import_bank.bad_workbook_hint"))
        return []
    finally:
        workbook.close()
    return tables


def _xlsx_pictures(path: Path, collector: Collector) -> dict[str, dict[tuple[int, int], bytes]]:
    """The pictures embedded in a workbook's sheets: by sheet title, then by the (row,
    column) of the cell each is anchored to (1-based) — pictures floating over cells, and WPS
    Office's pictures inside cells (``=DISPIMG(…)``, see importers/wps.py)."""
    try:
        with zipfile.ZipFile(path) as archive:
            if not any(name.startswith("xl/media/") for name in archive.namelist()):
                return {}  # no pictures: the workbook is not read a second time
            in_cells = wps.cell_pictures(archive)
    except (OSError, zipfile.BadZipFile):
        return {}
    except (ElementTree.ParseError, KeyError, ValueError) as exc:  # a damaged WPS part
        reason = f"{type(exc).__name__}: {exc}"
        collector.warn(0, t("import_bank.pictures_unreadable", reason=reason), column=0)
        in_cells = {}
    from openpyxl import load_workbook

    found: dict[str, dict[tuple[int, int], bytes]] = {}
    try:
        # Only a full (not read-only) load reads drawings; openpyxl has no public accessor
        # for the pictures it read, so ws._images it is (the list add_image appends to).
        # Formulas, not their cached values: a DISPIMG cell may have no cached value.
        workbook = load_workbook(path, data_only=False)
        for ws in workbook.worksheets:
            for image in getattr(ws, "_images", ()):
                marker = getattr(image.anchor, "_from", None)  # absolute anchors: no cell
                data = image.ref.getvalue() if hasattr(image.ref, "getvalue") else None
                if marker is None or data is None:
                    collector.warn(0, t("import_bank.picture_unanchored", sheet=ws.title), column=0)
                    continue
                found.setdefault(ws.title, {})[(marker.row + 1, marker.col + 1)] = data
            if in_cells:
                for row in ws.iter_rows(max_col=MAX_COLUMNS):
                    for cell in row:
                        data = in_cells.get(wps.picture_id(cell.value) or "")
                        # (a merged cell's row and column are optional in openpyxl's types)
                        if data is not None and cell.row is not None and cell.column is not None:
                            found.setdefault(ws.title, {})[(cell.row, cell.column)] = data
        workbook.close()
    except Exception as exc:  # the rows were read; a damaged drawing loses only pictures
        reason = f"{type(exc).__name__}: {exc}"
        collector.warn(0, t("import_bank.pictures_unreadable", reason=reason), column=0)
    return found


def _info(rows: Iterable[Sequence[Cell]]) -> dict[str, str]:
    info: dict[str, str] = {}
    for row in rows:
        if len(row) < 2:
            continue
        key = INFO_KEYS.get(tpl.normalise_header(cell_text(row[0])))
        value = cell_text(row[1])
        if key and value:
            info[key] = value
    return info


def _check_map(column_map: Mapping[str, str], collector: Collector) -> bool:
    for key in column_map:
        if tpl.field_for_key(key) is None:
            collector.fail(t("import_bank.map_unknown_field", key=key),
                           t("import_bank.map_fields", fields=", ".join(tpl.FIELDS)))
            return False
    return True


def read_sheet(path: Path, options: ImportOptions, kind: str | None = None) -> ImportResult:
    """Read an XLSX workbook (``kind="xlsx"``) or a CSV file (``"csv"``; None: by the suffix)."""
    collector = Collector(display_name(path, options))
    if not _check_map(options.column_map, collector):
        return collector.result
    display = collector.display
    suffix = path.suffix.lower()
    kind = kind or ("xlsx" if suffix in (".xlsx", ".xlsm") else "csv")
    if suffix == ".xls":
        collector.fail(t("import_bank.xls_unsupported"), t("import_bank.bad_workbook_hint"))
        tables = []
    elif kind == "xlsx":
        tables = _read_xlsx(path, collector)
    else:
        tables = _read_csv(path, options, collector)
    if collector.result.failures:
        return collector.result
    reader = _SheetReader(collector, options, path.parent)
    problems = [problem for table in tables if (problem := reader.table(table))]
    collector.display = display
    if not reader.tables_read:
        collector.result.warnings.clear()
        collector.fail(problems[0] if problems else t("import_bank.no_header"),
                       t("import_bank.no_header_hint"))
        return collector.result
    drafts = reader.drafts
    questions = assign_ids([d[0] for d in drafts], [d[1] for d in drafts],
                           [d[2] for d in drafts], id_prefix(path, options), unique_only=False)
    for question, (_, wish, _) in zip(questions, drafts, strict=True):
        if wish and question.id != wish:
            collector.warn(question.line, t("import_bank.duplicate_id", id=wish, new=question.id))
    collector.result.questions.extend(questions)
    return collector.result


class SheetImporter:
    """The ``xlsx`` and ``csv`` formats (one reader, two names)."""

    def __init__(self, name: str, suffixes: tuple[str, ...]) -> None:
        self.name = name
        self.suffixes = suffixes

    @property
    def description(self) -> str:
        return t(f"import_bank.{self.name}_format")

    def read(self, path: Path, options: ImportOptions) -> ImportResult:
        return read_sheet(path, options, self.name)


@hookimpl
def quizhall_register_importers(register: Any) -> None:
    register(SheetImporter("xlsx", (".xlsx", ".xlsm")))
    register(SheetImporter("csv", (".csv", ".tsv")))
