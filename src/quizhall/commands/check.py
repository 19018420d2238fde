"""``quizhall check PATH...``: lint banks and print a summary of what they hold."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from quizhall.i18n import t


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help=t("check.paths_help"))
    parser.add_argument("--json", action="store_true", help=t("check.json_help"))


def run(args: argparse.Namespace) -> int:
    from quizhall.bank.loader import load_banks
    from quizhall.diagnostics import errors, warnings

    result = load_banks(args.paths)
    questions = [q for bank in result.banks for q in bank.questions]
    by_type = Counter(q.type.value for q in questions)
    by_tag = Counter(tag for q in questions for tag in q.tags)
    by_difficulty = Counter(str(q.difficulty) for q in questions if q.difficulty)
    by_level = {f"{bank.info.id}/{level.id}": len(level.pool(bank.questions))
                for bank in result.banks for level in bank.levels}
    errs, warns = errors(result.diagnostics), warnings(result.diagnostics)
    if args.json:
        report = {
            "files": result.files,
            "errors": [_json(d) for d in errs],
            "warnings": [_json(d) for d in warns],
            "questions": len(questions),
            "by_type": dict(by_type),
            "by_tag": dict(by_tag.most_common()),
            "by_level": by_level,
            "by_difficulty": dict(sorted(by_difficulty.items())),
        }
        json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 1 if errs else 0
    for diagnostic in result.diagnostics:
        print(diagnostic.format(), file=sys.stderr if diagnostic.severity == "error" else
              sys.stdout)
    if questions:
        _summary(len(questions), by_type, by_tag, by_level, by_difficulty)
    print(t("check.result", files=len(result.files), errors=len(errs), warnings=len(warns)))
    return 1 if errs else 0


def _json(d: object) -> dict:
    data = d.to_json()  # type: ignore[attr-defined]
    return {k: data[k] for k in ("path", "line", "column", "message", "severity", "hint")}


def _summary(total: int, by_type: Counter, by_tag: Counter, by_level: dict,
             by_difficulty: Counter) -> None:
    print(t("check.total", count=total))
    print("  " + t("check.by_type") + "  " +
          "  ".join(f"{t('bank.type_' + k)} {v}" for k, v in by_type.most_common()))
    if by_tag:
        print("  " + t("check.by_tag") + "  " +
              "  ".join(f"{k} {v}" for k, v in by_tag.most_common(12)) +
              ("  …" if len(by_tag) > 12 else ""))
    if by_level:
        print("  " + t("check.by_level") + "  " +
              "  ".join(f"{k} {v}" for k, v in by_level.items()))
    if by_difficulty:
        print("  " + t("check.by_difficulty") + "  " +
              "  ".join(f"{k}★ {v}" for k, v in sorted(by_difficulty.items())))
