"""Turn what an importer read into a bank that passes ``quizhall check``.

:func:`make_bank` names the bank (options first, then what the file says, then the file name)
and runs every question through the bank loader's own rules, by writing the bank as YAML and
reading it back. A question the loader would refuse is moved to the skipped items, with its
line in the imported file and the loader's reason, so the written bank always loads, and
nothing goes missing without a word.
"""

from __future__ import annotations

from pathlib import Path

from quizhall.bank.dump import dump_bank
from quizhall.bank.loader import parse_bank
from quizhall.bank.model import Bank, BankInfo, Question
from quizhall.diagnostics import Diagnostic
from quizhall.i18n import t
from quizhall.importers import ImportOptions, ImportResult
from quizhall.importers.common import guess_language, slugify

LANGUAGES = ("zh-CN", "en")


def bank_info(result: ImportResult, path: Path, options: ImportOptions) -> BankInfo:
    """The ``bank:`` block: options, then fields found in the file, then the file's name."""
    found = result.info
    base = path.name.split(".")[0] or path.stem
    language = options.language or found.get("language")
    if language not in LANGUAGES:
        language = guess_language([q.stem for q in result.questions])
    return BankInfo(
        id=options.bank_id or found.get("id") or slugify(base) or "bank",
        title=options.title or found.get("title") or base or "bank",
        language=language,
        version=found.get("version", ""),
        description=found.get("description", ""),
        author=found.get("author", ""),
        license=found.get("license", ""),
    )


def make_bank(result: ImportResult, path: Path, options: ImportOptions,
              folder: Path | None = None) -> tuple[Bank, str]:
    """The bank to write, and its YAML text, checked by the loader.

    Questions the loader would refuse move to ``result.skipped``. ``folder``: where the bank
    will be written (its picture paths are relative to it).
    """
    info = bank_info(result, path, options)
    bank = Bank(info, tuple(result.questions))
    text = dump_bank(bank, folder)
    if not result.questions:
        return bank, text
    _, diagnostics = parse_bank(text, "import")
    if not diagnostics:
        return bank, text
    kept: list[Question] = []
    display = options.display or str(path)
    for question in result.questions:
        _, found = parse_bank(dump_bank(Bank(info, (question,))), "import")
        errors = [d for d in found if d.severity == "error"]
        for warning in (d for d in found if d.severity == "warning"):
            result.warnings.append(Diagnostic(display, question.line, 1, warning.message,
                                              "warning", warning.hint))
        if errors:
            result.skipped.append(Diagnostic(display, question.line, 1,
                                             t("import_bank.rejected", reason=errors[0].message),
                                             "error", errors[0].hint))
        else:
            kept.append(question)
    result.questions[:] = kept
    result.skipped.sort(key=lambda d: (d.path, d.line))
    bank = Bank(info, tuple(kept))
    return bank, dump_bank(bank, folder)
