"""``quizhall check PATH...``: lint banks, contest, campaign and paper files; summarise them.

Contest files (``*.contest.yaml``, or YAML with a top-level ``rounds:``) are validated with
their banks, plugins' settings, and each round's question draw; campaign files
(``*.campaign.yaml``, or YAML with a top-level ``campaign:``) as ``campaign create`` validates
them, with the banks and papers they name; paper files (``*.paper.yaml``, or YAML with a
top-level ``paper:``) with their questions looked up in the banks checked with them; banks as
before.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from typing import TYPE_CHECKING

from quizhall.i18n import t
from quizhall.visible import visible

if TYPE_CHECKING:
    from pathlib import Path

    from quizhall.bank.model import Bank
    from quizhall.campaign.model import Campaign
    from quizhall.contest.loader import ContestLoad
    from quizhall.diagnostics import Diagnostic


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help=t("check.paths_help"))
    parser.add_argument("--json", action="store_true", help=t("check.json_help"))


def run(args: argparse.Namespace) -> int:
    from quizhall.bank.loader import load_banks
    from quizhall.diagnostics import errors, warnings

    kinds = _split(args.paths)
    result = load_banks(kinds["banks"])
    contests = [_check_contest(path) for path in kinds["contests"]]
    campaigns = [_check_campaign(path) for path in kinds["campaigns"]]
    papers = [([path], _check_paper(path, result.banks)) for path in kinds["papers"]]
    seen = set(result.diagnostics)
    for files, found in [*((c.files, c.diagnostics) for c in contests),
                         *(([path], found) for path, _, found in campaigns), *papers]:
        result.files.extend(f for f in files if f not in result.files)
        for diagnostic in found:
            if diagnostic not in seen:
                seen.add(diagnostic)
                result.diagnostics.append(diagnostic)
    questions = [q for bank in result.banks for q in bank.questions]
    by_type = Counter(str(q.type) for q in questions)
    by_tag = Counter(tag for q in questions for tag in q.tags)
    by_difficulty = Counter(str(q.difficulty) for q in questions if q.difficulty)
    by_level = {f"{bank.info.id}/{level.id}": len(level.pool(bank.questions))
                for bank in result.banks for level in bank.levels}
    by_paper = {paper.key: paper.size for bank in result.banks for paper in bank.papers}
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
            "by_paper": by_paper,
            "by_difficulty": dict(sorted(by_difficulty.items())),
            "contests": [_contest_json(contest) for contest in contests],
            "campaigns": [_campaign_json(path, campaign) for path, campaign, _ in campaigns],
        }
        json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 1 if errs else 0
    for diagnostic in result.diagnostics:
        print(diagnostic.format(), file=sys.stderr if diagnostic.severity == "error" else
              sys.stdout)
    if questions:
        _summary(len(questions), by_type, by_tag, by_level, by_difficulty, by_paper)
    for contest in contests:
        _contest_summary(contest)
    for _, campaign, _ in campaigns:
        if campaign is not None:
            print(visible(t("check.campaign", **_campaign_facts(campaign))))
    print(t("check.result", files=len(result.files), errors=len(errs), warnings=len(warns)))
    return 1 if errs else 0


def _json(d: object) -> dict:
    data = d.to_json()  # type: ignore[attr-defined]
    return {k: data[k] for k in ("path", "line", "column", "message", "severity", "hint")}


def _summary(total: int, by_type: Counter, by_tag: Counter, by_level: dict,
             by_difficulty: Counter, by_paper: dict[str, int]) -> None:
    print(t("check.total", count=total))
    print("  " + t("check.by_type") + "  " +
          "  ".join(f"{t('bank.type_' + k)} {v}" for k, v in by_type.most_common()))
    if by_tag:
        print("  " + t("check.by_tag") + "  " +
              "  ".join(f"{visible(k)} {v}" for k, v in by_tag.most_common(12)) +
              ("  …" if len(by_tag) > 12 else ""))
    if by_level:
        print("  " + t("check.by_level") + "  " +
              "  ".join(f"{visible(k)} {v}" for k, v in by_level.items()))
    if by_difficulty:
        print("  " + t("check.by_difficulty") + "  " +
              "  ".join(f"{k}★ {v}" for k, v in sorted(by_difficulty.items())))
    if by_paper:
        print("  " + t("check.by_paper") + "  " +
              "  ".join(f"{visible(k)} {v}" for k, v in by_paper.items()))


def _split(paths: list[str]) -> dict[str, list[str]]:
    """The paths by kind: ``banks`` (files and directories, as load_banks takes them),
    ``contests``, ``campaigns`` and ``papers`` (files)."""
    from pathlib import Path

    from quizhall.bank.loader import BANK_SUFFIXES, is_bank_file

    kinds: dict[str, list[str]] = {"banks": [], "contests": [], "campaigns": [], "papers": []}
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            before = sum(map(len, kinds.values()))
            for found in sorted(p for p in path.rglob("*") if p.is_file()):
                if found.name.lower().endswith(BANK_SUFFIXES):
                    kind = _kind(found)
                    if kind != "banks" or is_bank_file(found):
                        kinds[kind].append(str(found))
            if sum(map(len, kinds.values())) == before:
                kinds["banks"].append(raw)  # load_banks reports the empty directory
        else:
            kinds[_kind(path) if path.is_file() else "banks"].append(raw)
    return kinds


def _kind(path: Path) -> str:
    from quizhall.bank.papers import is_paper_file
    from quizhall.campaign.loader import is_campaign_file
    from quizhall.contest.loader import is_contest_file

    for kind, test in (("contests", is_contest_file), ("campaigns", is_campaign_file),
                       ("papers", is_paper_file)):
        if test(path):
            return kind
    return "banks"


def _check_paper(path: str, banks: list[Bank]) -> list[Diagnostic]:
    """A paper file's problems; its questions are looked up in the banks checked with it
    (when there are any: a paper names questions of banks given elsewhere)."""
    from pathlib import Path

    from quizhall.bank.papers import load_paper
    from quizhall.practice.library import Library
    from quizhall.practice.papers import paper_questions

    paper, found = load_paper(Path(path))
    if paper is not None and banks:
        found = found + paper_questions(paper, Library(banks))[1]
    return found


def _check_campaign(path: str) -> tuple[str, Campaign | None, list[Diagnostic]]:
    """The campaign file's path, the campaign (None when it has errors) and its problems,
    those in the banks and papers it names included."""
    from pathlib import Path

    from quizhall.campaign.loader import load_campaign

    campaign, found = load_campaign(Path(path))
    return path, campaign, found


def _campaign_facts(campaign: Campaign) -> dict:
    return {"id": campaign.id, "title": campaign.title,
            "opens": campaign.opens.strftime("%Y-%m-%d %H:%M"),
            "closes": campaign.closes.strftime("%Y-%m-%d %H:%M"),
            "banks": len(campaign.banks), "levels": len(campaign.level_keys),
            "papers": len(campaign.papers), "units": len(campaign.units)}


def _campaign_json(path: str, campaign: Campaign | None) -> dict:
    data: dict = {"path": path, "ok": campaign is not None}
    if campaign is not None:
        data.update(_campaign_facts(campaign))
    return data


def _check_contest(path: str) -> ContestLoad:
    from quizhall.contest.loader import load_contest

    return load_contest(path, load_plugin_files=False)


def _contest_json(contest: object) -> dict:
    plan = contest.plan  # type: ignore[attr-defined]
    data: dict = {"path": contest.files[0], "ok": plan is not None}  # type: ignore[attr-defined]
    if plan is not None:
        data.update(title=plan.title, teams=[team.name for team in plan.teams],
                    rounds=[{"title": r.title, "type": r.type, "questions": len(r.questions)}
                            for r in plan.rounds])
    return data


def _contest_summary(contest: object) -> None:
    plan = contest.plan  # type: ignore[attr-defined]
    if plan is None:
        return
    print(visible(t("check.contest", title=plan.title, teams=len(plan.teams),
                    rounds=len(plan.rounds))))
    for number, round_plan in enumerate(plan.rounds, start=1):
        print("  " + visible(t("check.contest_round", number=number, title=round_plan.title,
                               type=round_plan.type, questions=len(round_plan.questions))))
