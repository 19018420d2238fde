"""WPS Office's in-cell pictures: a cell holding ``=DISPIMG("ID_…",1)`` shows the picture that
``xl/cellimages.xml`` names ``ID_…``. openpyxl does not read that part (it is WPS's own), so
this module reads it straight from the archive: the picture ids, their relationship to a file in
``xl/media/``, and the bytes."""

from __future__ import annotations

import posixpath
import re
import zipfile
from xml.etree import ElementTree

PARTS = "xl/cellimages.xml"
RELATIONS = "xl/_rels/cellimages.xml.rels"

_DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing}"
_MAIN = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_LINK = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
_RELATION = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"

# The formula as WPS writes it (``_xlfn.DISPIMG``) and its cached value (``=DISPIMG``).
_FORMULA = re.compile(r'^\s*=?\s*(?:_xlfn\.)?DISPIMG\(\s*"([^"]{1,200})"', re.IGNORECASE)


def picture_id(value: object) -> str | None:
    """The picture id a cell's DISPIMG formula (or its cached text) names, or None."""
    if not isinstance(value, str):
        return None
    match = _FORMULA.match(value)
    return match.group(1) if match else None


def cell_pictures(archive: zipfile.ZipFile) -> dict[str, bytes]:
    """The pictures ``xl/cellimages.xml`` names, by id; empty when the part is absent.
    Raises ``ElementTree.ParseError`` or ``KeyError`` for a damaged part (the caller warns)."""
    names = set(archive.namelist())
    if PARTS not in names or RELATIONS not in names:
        return {}
    targets = {}
    for relation in ElementTree.fromstring(archive.read(RELATIONS)).iter(_RELATION):
        target = relation.get("Target", "")
        # Targets are relative to xl/ (or absolute within the package, with a leading /).
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join("xl", target))
        targets[relation.get("Id", "")] = path
    pictures = {}
    for picture in ElementTree.fromstring(archive.read(PARTS)).iter(f"{_DRAWING}pic"):
        named = picture.find(f"{_DRAWING}nvPicPr/{_DRAWING}cNvPr")
        blip = picture.find(f"{_DRAWING}blipFill/{_MAIN}blip")
        if named is None or blip is None:
            continue
        found = targets.get(blip.get(_LINK, ""))
        if found is not None and found in names:
            pictures[named.get("name", "")] = archive.read(found)
    return pictures
