"""Read a campaign file into a :class:`~quizhall.campaign.model.Campaign`, every problem at once.

::

    campaign:
      id: policy-2026
      title: 2026 年职工政策闯关
      opens: 2026-03-01            # a date (from 00:00) or a date and time
      closes: 2026-03-31           # a date alone: to the end of that day
      timezone: "+08:00"           # for dates and times written without one (default +08:00)
    banks: [banks/labour-law.yaml] # bank files, relative to this file
    levels: [labour-law/L1]        # optional: bank/level; default every level of the banks
    papers: [papers/union.yaml, labour-law/union-2026]  # optional: paper files (relative
                                   # to this file) or a bank's paper as bank/id
    units: [市总工会, 市总工会/办公室]   # "/" nests a unit in another
    pass: {levels: 1, papers: 1, stars: 1}   # optional; default all levels and papers, 1 star

Read with the project's safe YAML reader; each problem is reported as ``file:line:column``;
problems inside a bank or paper file are reported in that file.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from yaml.nodes import Node

from quizhall.bank.loader import CAMPAIGN_SUFFIX, load_bank
from quizhall.bank.model import Bank, Paper
from quizhall.bank.papers import load_paper
from quizhall.campaign.model import Campaign, PassRules, Source
from quizhall.diagnostics import Diagnostic, errors
from quizhall.i18n import t
from quizhall.practice.library import Library
from quizhall.practice.papers import paper_questions
from quizhall.yamlsource import NodeReader, compose, is_marked_file, read_text

TOP_KEYS = ("campaign", "banks", "levels", "papers", "units", "pass")
INFO_KEYS = ("id", "title", "opens", "closes", "timezone")
PASS_KEYS = ("levels", "papers", "stars")
DEFAULT_TIMEZONE = timezone(timedelta(hours=8))
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
_CAMPAIGN_MARK = re.compile(r"^campaign\s*:", re.MULTILINE)
_OFFSET = re.compile(r"^(?:UTC)?([+-])(\d{1,2}):?(\d{2})?$")


def is_campaign_file(path: Path, text: str | None = None) -> bool:
    """True for ``*.campaign.yaml`` files and YAML files with a top-level ``campaign:`` key
    (no bank or contest file has one)."""
    return is_marked_file(path, CAMPAIGN_SUFFIX, _CAMPAIGN_MARK, text)


def load_campaign(path: Path) -> tuple[Campaign | None, list[Diagnostic]]:
    """Read a campaign file and the banks and papers it names; None (with every problem)
    when there is an error."""
    display = str(path)
    text, problems = read_text(path, display)
    if text is None:
        return None, problems
    return parse_campaign(text, display, path.parent)


def parse_campaign(text: str, display: str, folder: Path,
                   ) -> tuple[Campaign | None, list[Diagnostic]]:
    """Validate a campaign's text; bank and paper files are found relative to ``folder``."""
    root, problems = compose(text, display)
    if root is None:
        return None, problems or [Diagnostic(display, 0, 0, t("diag.empty_file"))]
    reader = NodeReader(display)
    top = reader.mapping(root, t("campaign.a_campaign"), TOP_KEYS,
                         required=("campaign", "banks", "units"))
    if top is None:
        return None, reader.diagnostics
    found: list[Diagnostic] = []  # problems in the bank and paper files
    info = _info(reader, top["campaign"]) if "campaign" in top else None
    banks = _banks(reader, top["banks"], folder, found) if "banks" in top else []
    levels = _levels(reader, top["levels"], banks) if "levels" in top else ()
    papers = (_papers(reader, top["papers"], folder, banks, found) if "papers" in top else [])
    units = _units(reader, top["units"]) if "units" in top else ()
    level_names = tuple((f"{bank.info.id}/{level.id}", level.title)
                        for bank in banks for level in bank.levels)
    counted = len(levels or level_names)
    rules = (_rules(reader, top["pass"], counted, len(papers)) if "pass" in top
             else PassRules())
    diagnostics = [*reader.diagnostics, *found]
    if info is None or errors(diagnostics) or rules is None:
        return None, diagnostics
    campaign_id, title, opens, closes = info
    return Campaign(campaign_id, title, opens, closes,
                    tuple(Source(bank.info.id, str(Path(bank.path).absolute())) for bank in banks),
                    levels, tuple(papers), units, rules, level_names), diagnostics


def _info(reader: NodeReader, node: Node) -> tuple[str, str, datetime, datetime] | None:
    fields = reader.mapping(node, "campaign", INFO_KEYS,
                            required=("id", "title", "opens", "closes"))
    if fields is None:
        return None
    campaign_id = reader.text(fields["id"], "id") if "id" in fields else None
    if campaign_id is not None and not _ID.match(campaign_id):
        reader.report(fields["id"], t("store.bad_campaign_id", id=campaign_id))
        campaign_id = None
    title = reader.text(fields["title"], "title") if "title" in fields else None
    zone = DEFAULT_TIMEZONE
    if "timezone" in fields:
        zone = _zone(reader, fields["timezone"]) or DEFAULT_TIMEZONE
    opens = _moment(reader, fields["opens"], "opens", zone, False) if "opens" in fields else None
    closes = (_moment(reader, fields["closes"], "closes", zone, True) if "closes" in fields
              else None)
    if opens is not None and closes is not None and closes <= opens:
        reader.report(fields["closes"], t("campaign.closes_before_opens"))
        return None
    if campaign_id is None or title is None or opens is None or closes is None:
        return None
    return campaign_id, title, opens, closes


def _zone(reader: NodeReader, node: Node) -> timezone | None:
    text = reader.text(node, "timezone")
    if text is None:
        return None
    if text.strip().upper() in ("UTC", "Z"):
        return UTC
    match = _OFFSET.match(text.strip())
    if match is None or int(match.group(2)) > 14 or int(match.group(3) or 0) > 59:
        reader.report(node, t("campaign.bad_timezone", value=text))
        return None
    offset = timedelta(hours=int(match.group(2)), minutes=int(match.group(3) or 0))
    return timezone(-offset if match.group(1) == "-" else offset)


def _moment(reader: NodeReader, node: Node, what: str, zone: timezone,
            end_of_day: bool) -> datetime | None:
    """A date or a date and time; a date alone is the start of that day (the end of it for
    ``closes``)."""
    text = reader.text(node, what)
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        reader.report(node, t("campaign.bad_date", what=what, value=text))
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    try:
        if end_of_day and len(text.strip()) == 10:  # a date alone
            moment += timedelta(days=1)
        moment.astimezone(UTC)  # compared and stored in UTC: must exist there
    except OverflowError:
        reader.report(node, t("campaign.bad_date", what=what, value=text))
        return None
    return moment


def _banks(reader: NodeReader, node: Node, folder: Path,
           found: list[Diagnostic]) -> list[Bank]:
    banks: list[Bank] = []
    for item in reader.sequence(node, "banks", non_empty=True) or []:
        name = reader.text(item, "bank")
        if name is None:
            continue
        path = folder / name
        if not path.is_file():
            reader.report(item, t("campaign.no_file", path=name))
            continue
        result = load_bank(path)
        found.extend(result.diagnostics)
        if errors(result.diagnostics) or not result.banks:
            reader.report(item, t("campaign.bank_has_errors", path=name))
            continue
        for bank in result.banks:
            if any(other.info.id == bank.info.id for other in banks):
                reader.report(item, t("campaign.duplicate", what=t("campaign.noun_bank"),
                                      id=bank.info.id))
            else:
                banks.append(bank)
    return banks


def _levels(reader: NodeReader, node: Node, banks: list[Bank]) -> tuple[str, ...]:
    keys: list[str] = []
    for item in reader.sequence(node, "levels") or []:
        key = reader.text(item, "level")
        if key is None:
            continue
        bank_id, _, level_id = key.partition("/")
        bank = next((b for b in banks if b.info.id == bank_id), None)
        if bank is None or not level_id:
            reader.report(item, t("campaign.level_no_bank", key=key))
        elif not any(level.id == level_id for level in bank.levels):
            reader.report(item, t("campaign.no_level", key=key, bank=bank_id,
                                  levels=", ".join(lv.id for lv in bank.levels) or "-"))
        elif key in keys:
            reader.report(item, t("campaign.duplicate", what=t("campaign.noun_level"), id=key))
        else:
            keys.append(key)
    return tuple(keys)


def _papers(reader: NodeReader, node: Node, folder: Path, banks: list[Bank],
            found: list[Diagnostic]) -> list[Source]:
    """The campaign's papers: each a paper file (relative to the campaign file) or a paper of
    one of its banks named ``bank/id``."""
    papers: list[Source] = []
    library = Library(banks) if banks else None
    for item in reader.sequence(node, "papers") or []:
        name = reader.text(item, "paper")
        if name is None:
            continue
        path = folder / name
        in_bank = library.paper(name) if library is not None and "/" in name else None
        paper: Paper | None = in_bank
        problems: list[Diagnostic] = []
        if in_bank is not None:
            source = Source(in_bank.key, in_bank.path)
        elif not path.is_file():
            reader.report(item, t("campaign.no_file", path=name))
            continue
        else:
            paper, problems = load_paper(path)
            source = Source(paper.id if paper else name, str(path.absolute()))
        if paper is not None and library is not None:
            problems = problems + paper_questions(paper, library)[1]
        found.extend(problems)
        if paper is None or errors(problems):
            reader.report(item, t("campaign.paper_has_errors", path=name))
        elif any(other.id == source.id for other in papers):
            reader.report(item, t("campaign.duplicate", what=t("campaign.noun_paper"),
                                  id=source.id))
        else:
            papers.append(source)
    return papers


def _units(reader: NodeReader, node: Node) -> tuple[str, ...]:
    units: list[str] = []
    for item in reader.sequence(node, "units", non_empty=True) or []:
        unit = reader.text(item, "unit")
        if unit is None:
            continue
        unit = unit.strip()
        if any(not part.strip() for part in unit.split("/")):
            reader.report(item, t("campaign.bad_unit", unit=unit))
        elif unit in units:
            reader.report(item, t("campaign.duplicate", what=t("campaign.noun_unit"), id=unit))
        else:
            units.append(unit)
    return tuple(units)


def _rules(reader: NodeReader, node: Node, levels: int, papers: int) -> PassRules | None:
    fields = reader.mapping(node, "pass", PASS_KEYS)
    if fields is None:
        return None
    need_levels = (reader.integer(fields["levels"], "pass.levels", low=0, high=levels)
                   if "levels" in fields else None)
    need_papers = (reader.integer(fields["papers"], "pass.papers", low=0, high=papers)
                   if "papers" in fields else None)
    stars = reader.integer(fields["stars"], "pass.stars", low=1, high=3) if "stars" in fields \
        else 1
    if stars is None:
        return None
    return PassRules(need_levels, need_papers, stars)
