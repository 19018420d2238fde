"""Pictures an importer found: kept with the result, then saved beside the written bank.

An importer does not know where the bank will be written, so it keeps each picture's bytes
in :attr:`ImportResult.pictures` under a provisional name (:func:`keep`) that the question's
``image`` (or an option's picture) holds. :func:`place_pictures` then checks every picture
as ``quizhall check`` would, names it after its question, and links the question to where it
will be saved (``<bank name>-pictures/`` beside the bank); a picture that fails the check is
dropped with a warning, so the written bank always passes ``check``.
"""

from __future__ import annotations

import dataclasses
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from quizhall.bank.pictures import MAX_BYTES, picture_format, picture_problem
from quizhall.diagnostics import Diagnostic
from quizhall.i18n import t
from quizhall.importers import ImportResult

PENDING = "pending-picture:"  # the start of a provisional name


def keep(result: ImportResult, data: bytes) -> str:
    """Keep a picture's bytes with ``result``; returns the provisional name to link it by."""
    name = f"{PENDING}{len(result.pictures) + 1}"
    result.pictures[name] = data
    return name


def read_beside(folder: Path, src: str) -> bytes | str:
    """The bytes of the picture that ``src`` (an HTML ``src``) names beside ``folder``'s file,
    or why it cannot be taken: only a relative path inside ``folder`` is read."""
    src = src.strip()
    if src.startswith("@@PLUGINFILE@@/"):  # Moodle's name for files exported with a question
        src = src[len("@@PLUGINFILE@@/"):]
    parts = urlsplit(src)
    relative = posixpath.normpath(unquote(parts.path)) if parts.path else ""
    if parts.scheme or parts.netloc or not relative or relative.startswith(("/", "..")):
        return t("import_bank.picture_not_beside", src=src)
    path = folder / relative
    try:
        if path.stat().st_size > MAX_BYTES:
            return picture_problem(path, src) or ""
        return path.read_bytes()
    except OSError:
        return t("bank.picture_missing", path=src)


def place_pictures(result: ImportResult, bank_path: Path, display: str) -> dict[Path, bytes]:
    """Link the result's questions to their pictures as saved beside ``bank_path``; returns
    the files to write. A picture that fails the bank's check is dropped with a warning that
    names the imported file (``display``) and the question's line there."""
    if not result.pictures:
        return {}
    folder = bank_path.parent / f"{bank_path.stem}-pictures"
    files: dict[Path, bytes] = {}

    def placed(question_id: str, suffix: str, name: str, line: int) -> str:
        data = result.pictures.get(name)
        if data is None:
            return name
        problem = picture_problem(data, f"{question_id}{suffix}")
        if problem is not None:
            result.warnings.append(Diagnostic(display, line, 1,
                                              t("import_bank.picture_dropped", reason=problem),
                                              "warning"))
            return ""
        target = folder / f"{question_id}{suffix}{picture_format(data)}"
        files[target] = data
        return str(target.absolute())

    for index, q in enumerate(result.questions):
        image = placed(q.id, "", q.image, q.line) if q.image else ""
        option_images = {}
        for letter, (name, alt) in q.option_images.items():
            file = placed(q.id, f"-{letter}", name, q.line)
            if file:
                option_images[letter] = (file, alt)
        result.questions[index] = dataclasses.replace(
            q, image=image, alt=q.alt if image else "", option_images=option_images)
    return files
