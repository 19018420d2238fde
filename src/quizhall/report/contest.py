"""A contest's results, folded from its event log: every figure a results export shows.

:func:`contest_report` reads a folded :class:`~quizhall.contest.engine.Contest` with the
events it was folded from and gives a :class:`ContestReport`: the ranking with prizes, a
table per round, each question with who answered it and how, the score of every team after
each change of score, and the audit trail of every event (undone ones marked) with the
reasons behind each change. Scores, ranks and prizes are the engine's own (its view and its
ledger), never recomputed, so a report always agrees with ``quizhall results``.
Exporters of ``kind == "contest"`` are handed a ContestReport; :func:`load_contest_report`
builds one for a contest kept in the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from quizhall.bank.model import plain_value
from quizhall.contest.audience import AudienceBoard
from quizhall.contest.describe import describe_event, describe_reason, member_name, team_name
from quizhall.contest.events import is_action
from quizhall.contest.evolve import LedgerEntry
from quizhall.i18n import t
from quizhall.report import ReportError
from quizhall.report.values import joined, plain_numbers

if TYPE_CHECKING:
    from quizhall.store import StoreBackend

# Round status values.
PLAYED = "played"
IN_PROGRESS = "in_progress"
NOT_PLAYED = "not_played"

# What became of a question with no right answer (besides the verdicts of its attempts).
ANSWER_VERDICTS = ("right", "wrong", "partial", "timeout")


@dataclass(frozen=True, slots=True)
class TeamResult:
    """A team's standing. ``round_points`` has one entry per round of the plan (None for a
    round not played); ``before_rounds`` holds changes made before the first round, so
    ``base + before_rounds + sum(round_points) == score``. ``tied``: in a tie across a prize
    boundary that is still open."""

    index: int
    name: str
    members: tuple[str, ...]
    colour: str | None
    score: float
    tiebreak: float
    rank: int
    prize: int | None
    tied: bool
    round_points: tuple[float | None, ...]
    before_rounds: float
    adjustments: float
    answers: int
    right: int
    wrong: int
    partial: int
    timeouts: int
    early_buzzes: int

    @property
    def correct_rate(self) -> float | None:
        """Right answers over answers given (None before any)."""
        return self.right / self.answers if self.answers else None


@dataclass(frozen=True, slots=True)
class RoundTeam:
    """One team in one round: points won there, its answers, and its score after the round."""

    team: int
    name: str
    points: float
    tiebreak: float
    answers: int
    right: int
    wrong: int
    partial: int
    timeouts: int
    early_buzzes: int
    adjustments: float
    score_after: float

    @property
    def correct_rate(self) -> float | None:
        return self.right / self.answers if self.answers else None


@dataclass(frozen=True, slots=True)
class RoundResult:
    """A round of the plan: ``index`` is 0-based; ``status`` is played, in_progress or
    not_played; ``teams`` lists the teams that played it (empty when not played)."""

    index: int
    title: str
    type: str
    type_title: str
    status: str
    questions_planned: int
    questions_shown: int
    teams: tuple[RoundTeam, ...]


@dataclass(frozen=True, slots=True)
class Attempt:
    """A change of score on a question: an answer judged (``right``, ``wrong``, ``partial``,
    ``timeout``), an ``early_buzz`` penalty, or points ``awarded`` by the rules (the risk
    chooser). ``seq`` is the event behind it; ``reasons`` how its points were made up."""

    seq: int
    team: int
    team_name: str
    member: str | None
    verdict: str
    points: float
    tiebreak: bool
    reasons: str

    @property
    def answered(self) -> bool:
        return self.verdict in ANSWER_VERDICTS


@dataclass(frozen=True, slots=True)
class QuestionResult:
    """A question as it was played. ``number`` is 1-based in its round; ``key`` is
    ``bank-id/question-id``; ``stem``/``answer`` are empty when the banks were not found;
    ``outcome`` is the verdict that settled it, or ``passed``, ``audience``, ``unanswered``,
    or ``open`` (the contest stopped on it)."""

    seq: int
    round: int
    round_title: str
    number: int
    key: str
    question_id: str
    type: str
    stem: str
    answer: str
    stake: float | None
    assigned: str | None
    outcome: str
    attempts: tuple[Attempt, ...]
    image: str = ""  # the question's picture file, if it has one

    @property
    def answers(self) -> int:
        return sum(1 for attempt in self.attempts if attempt.answered)

    @property
    def right(self) -> int:
        return sum(1 for attempt in self.attempts if attempt.verdict == "right")

    @property
    def correct_rate(self) -> float | None:
        """Right answers over answers given to this question (None when nobody answered)."""
        return self.right / self.answers if self.answers else None


@dataclass(frozen=True, slots=True)
class ProgressPoint:
    """The scores of all teams (team order) after one change of score; the first point
    (``seq`` of contest_started, ``team`` None) holds the base scores."""

    seq: int
    round: int
    team: int | None
    points: float
    scores: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One event of the log. ``elapsed`` is seconds since the contest started, ``at`` the
    local time; ``round`` is 1-based; ``points``/``score_after`` are set for changes of score
    in effect (``score_after`` is None for tie-break points); ``undone`` marks an event
    that an undo took back."""

    seq: int
    type: str
    elapsed: float
    at: str
    description: str
    round: int | None
    question: str | None
    team: str | None
    member: str | None
    verdict: str | None
    points: float | None
    score_after: float | None
    reasons: str
    undone: bool


@dataclass(frozen=True, slots=True)
class AudienceResult:
    """One audience member (a phone): nickname, unit, right answers and their time, rank
    (None without a right answer), answers given."""

    device: str
    nickname: str
    unit: str
    rank: int | None
    right: int
    seconds: float
    answers: int


@dataclass(frozen=True, slots=True)
class DrawResult:
    """A prize draw as recorded (seed and candidates) and the winners that follow from it."""

    seq: int
    scope: str
    question: str | None
    count: int
    seed: int
    candidates: tuple[str, ...]
    winners: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ContestReport:
    """Everything a contest's results export holds. Teams are in team order; ``ranking``
    lists team indices best first; ``position`` says where an unfinished contest stopped;
    ``plugin_settings`` holds the settings of each plugin the contest file lists, by the
    plugin's name as a contest file compares it (``quizhall.plugins.plugin_key``), so an
    exporter plugin can read its own (an organiser's name, say) without the contest file."""

    KIND: ClassVar[str] = "contest"

    contest_id: str
    title: str
    finished: bool
    ended_early: bool
    phase: str
    position: str
    started_at: str
    last_event_at: str
    events: int
    base_score: float
    floor: float | None
    prizes: tuple[int, ...]
    teams: tuple[TeamResult, ...]
    ranking: tuple[int, ...]
    open_ties: tuple[tuple[int, ...], ...]
    rounds: tuple[RoundResult, ...]
    questions: tuple[QuestionResult, ...]
    progression: tuple[ProgressPoint, ...]
    audit: tuple[AuditEntry, ...]
    warnings: tuple[str, ...] = field(default=())
    plugin_settings: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    audience: tuple[AudienceResult, ...] = field(default=())  # phones that joined
    draws: tuple[DrawResult, ...] = field(default=())          # prize draws among them

    @property
    def status(self) -> str:
        """``finished`` or ``running`` (stopped or still going)."""
        return "finished" if self.finished else "running"

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON data: the same figures every format shows, keys in English."""
        data = asdict(self)
        data["status"] = self.status
        data["ranking"] = [self.teams[i].name for i in self.ranking]
        data["open_ties"] = [[self.teams[i].name for i in group] for group in self.open_ties]
        for team, item in zip(self.teams, data["teams"], strict=True):
            item["correct_rate"] = team.correct_rate
        for round_result, item in zip(self.rounds, data["rounds"], strict=True):
            for round_team, team_item in zip(round_result.teams, item["teams"], strict=True):
                team_item["correct_rate"] = round_team.correct_rate
        for question, item in zip(self.questions, data["questions"], strict=True):
            item["correct_rate"] = question.correct_rate
        return plain_numbers(data)  # type: ignore[return-value]



# -- building ----------------------------------------------------------------------------------

def undone_events(events: Sequence[Mapping[str, Any]]
                  ) -> tuple[set[int], dict[int, tuple[str, int]]]:
    """Which events an undo took back, and what each ``undo`` and ``redo`` event did.

    Mirrors :func:`quizhall.contest.evolve.evolve`: an action (an event whose type's
    definition says it is one, with its ``cont`` follow-ups) goes on the undo stack;
    ``undo`` moves the last one to the redo stack, ``redo`` moves it back; the next action
    makes every action on the redo stack final. Returns the undone positions and, for each
    undo or redo event, ``("undo" | "redo", first position of the action)``.
    """
    done: list[list[int]] = []
    undone_stack: list[list[int]] = []
    undos: dict[int, tuple[str, int]] = {}
    final: set[int] = set()
    for seq, event in enumerate(events):
        kind = event.get("type")
        if kind == "contest_started":
            done, undone_stack = [], []
        elif kind == "undo":
            if done:
                undone_stack.append(done.pop())
                undos[seq] = ("undo", undone_stack[-1][0])
        elif kind == "redo":
            if undone_stack:
                done.append(undone_stack.pop())
                undos[seq] = ("redo", done[-1][0])
        elif not is_action(str(kind)):
            continue
        elif event.get("cont") and done:
            done[-1].append(seq)
        else:
            for group in undone_stack:
                final.update(group)
            undone_stack = []
            done.append([seq])
    for group in undone_stack:
        final.update(group)
    return final, undos


def contest_report(contest: Any, events: Sequence[Mapping[str, Any]] | None = None,
                   contest_id: str = "", warnings: Iterable[str] = ()) -> ContestReport:
    """The report of a contest folded from ``events`` (default: the contest's own log).

    ``contest`` is a :class:`~quizhall.contest.engine.Contest` (live, or from
    ``Contest.replay``); question texts come from the questions it was given.
    """
    if events is None:
        events = contest.log.read()
    return _Builder(contest, events).build(contest_id, tuple(warnings))


def load_contest_report(store: StoreBackend, contest_id: str) -> ContestReport:
    """The report of a stored contest, finished or not, folded the way ``quizhall results``
    folds it (raises :class:`~quizhall.report.ReportError`)."""
    from quizhall.contest.stored import StoredContestError, replay_stored

    try:
        stored = replay_stored(store, contest_id, with_questions=True)
    except StoredContestError as exc:
        raise ReportError(str(exc)) from exc
    return contest_report(stored.contest, stored.events, contest_id, stored.warnings)


class _Builder:
    """Walks the events once, beside the engine's fold, to gather what a report shows."""

    def __init__(self, contest: Any, events: Sequence[Mapping[str, Any]]) -> None:
        self.contest = contest
        self.events = events
        self.state = contest.state
        self.plan = contest.plan
        self.view = contest.view(self.state.t)
        self.ledger: list[LedgerEntry] = contest.ledger()
        self.by_seq = {entry.seq: entry for entry in self.ledger}
        self.undone, self.undos = undone_events(events)
        self.board = AudienceBoard.fold(events)
        self.start = float(events[0].get("t", 0.0)) if events else 0.0

    # -- names --------------------------------------------------------------------------
    def team_name(self, team: Any) -> str | None:
        return team_name(self.plan, team)

    def member_name(self, team: Any, member: Any) -> str | None:
        return member_name(self.plan, team, member)

    def round_title(self, index: int) -> str:
        rounds = self.plan.rounds
        return rounds[index].title if 0 <= index < len(rounds) else ""

    # -- the report -----------------------------------------------------------------------
    def build(self, contest_id: str, warnings: tuple[str, ...]) -> ContestReport:
        questions = self.questions()
        rounds, per_team = self.rounds(questions)
        view = self.view
        position = ""
        if not view.finished:
            position = (t("export.position_ready") if view.round is None else
                        t("export.position", round=view.round + 1, title=view.round_title or "",
                          question=view.question or 0))
        last = float(self.events[-1].get("t", self.start)) if self.events else self.start
        return ContestReport(
            contest_id=contest_id, title=self.plan.title, finished=view.finished,
            ended_early=view.ended_early, phase=view.phase, position=position,
            started_at=_local_time(self.start), last_event_at=_local_time(last),
            events=len(self.events), base_score=float(self.plan.base_score),
            floor=self.plan.floor, prizes=tuple(self.plan.prizes), teams=self.teams(per_team),
            ranking=tuple(view.ranking), open_ties=tuple(view.open_ties), rounds=rounds,
            questions=questions, progression=self.progression(), audit=self.audit(),
            warnings=warnings, plugin_settings=self.plan.plugin_settings(),
            audience=self.audience(), draws=self.draws())

    def audience(self) -> tuple[AudienceResult, ...]:
        """Every phone that joined, best on the audience leaderboard first."""
        board = self.board
        standings = {line.device: line for line in board.leaderboard()}
        answers: dict[str, int] = {}
        for question in board.questions:
            for device in question.answers:
                answers[device] = answers.get(device, 0) + 1
        members = sorted(board.members.values(), key=lambda m: (
            standings[m.device].rank if m.device in standings else len(standings) + 1,
            m.joined, m.device))
        return tuple(AudienceResult(
            m.device, m.nickname, m.unit,
            standings[m.device].rank if m.device in standings else None,
            standings[m.device].right if m.device in standings else 0,
            standings[m.device].seconds if m.device in standings else 0.0,
            answers.get(m.device, 0)) for m in members)

    def draws(self) -> tuple[DrawResult, ...]:
        seqs = [seq for seq, event in enumerate(self.events)
                if event.get("type") == "audience_draw"]
        return tuple(DrawResult(seq, draw.scope, draw.key, draw.count, draw.seed,
                                draw.candidates, tuple(draw.winners))
                     for seq, draw in zip(seqs, self.board.draws, strict=True))

    def teams(self, per_team: list[dict[str, Any]]) -> tuple[TeamResult, ...]:
        tied = {team for group in self.view.open_ties for team in group}
        results = []
        for team_view in self.view.teams:
            i = team_view.index
            counts = per_team[i]
            results.append(TeamResult(
                index=i, name=team_view.name, members=tuple(team_view.members),
                colour=team_view.colour, score=float(team_view.score),
                tiebreak=float(team_view.tiebreak), rank=team_view.rank, prize=team_view.prize,
                tied=i in tied, round_points=tuple(counts["round_points"]),
                before_rounds=counts["before"], adjustments=counts["adjustments"],
                answers=counts["answers"], right=counts["right"], wrong=counts["wrong"],
                partial=counts["partial"], timeouts=counts["timeout"],
                early_buzzes=counts["early_buzz"]))
        return tuple(results)

    def rounds(self, questions: Sequence[QuestionResult]
               ) -> tuple[tuple[RoundResult, ...], list[dict[str, Any]]]:
        plan, state = self.plan, self.state
        n, count = len(plan.teams), len(plan.rounds)
        started: dict[int, tuple[int, ...]] = {}
        for seq, event in enumerate(self.events):
            if event.get("type") == "round_started" and seq not in self.undone:
                started[int(event["round"])] = tuple(event.get("teams", range(n)))
        # Counts stay ints, points floats: the figures keep their JSON types.
        blank: dict[str, Any] = {"points": 0.0, "tiebreak": 0.0, "answers": 0, "right": 0,
                                 "wrong": 0, "partial": 0, "timeout": 0, "early_buzz": 0,
                                 "adjustments": 0.0}
        tally = [[dict(blank) for _ in range(n)] for _ in range(count)]
        per_team: list[dict[str, Any]] = [
            {"before": 0.0, "adjustments": 0.0, "answers": 0, "right": 0, "wrong": 0,
             "partial": 0, "timeout": 0, "early_buzz": 0} for _ in range(n)]
        for entry in self.ledger:
            team = per_team[entry.team]
            if entry.event == "score_adjusted":
                team["adjustments"] += entry.points
            if entry.event == "answer_judged":
                team["answers"] += 1
                team[entry.reason] = team.get(entry.reason, 0) + 1
            elif entry.event == "early_buzz":
                team["early_buzz"] += 1
            if not 0 <= entry.round < count:
                if not entry.tiebreak:
                    team["before"] += entry.points
                continue
            cell = tally[entry.round][entry.team]
            cell["tiebreak" if entry.tiebreak else "points"] += entry.points
            if entry.event == "score_adjusted":
                cell["adjustments"] += entry.points
            if entry.event == "answer_judged":
                cell["answers"] += 1
                cell[entry.reason] = cell.get(entry.reason, 0) + 1
            elif entry.event == "early_buzz":
                cell["early_buzz"] += 1
        shown = [0] * count
        for question in questions:
            shown[question.round] += 1
        running = [float(plan.base_score) + per_team[i]["before"] for i in range(n)]
        results = []
        for index, round_plan in enumerate(plan.rounds):
            playing = started.get(index)
            status = NOT_PLAYED
            if playing is not None:
                status = IN_PROGRESS if (index == state.round and not self.view.finished) \
                    else PLAYED
            teams = []
            for i in range(n):
                cell = tally[index][i]
                running[i] += cell["points"]
                if playing is not None and (i in playing or cell["points"] or cell["tiebreak"]):
                    teams.append(RoundTeam(
                        team=i, name=plan.teams[i].name, points=cell["points"],
                        tiebreak=cell["tiebreak"], answers=cell["answers"],
                        right=cell["right"], wrong=cell["wrong"], partial=cell["partial"],
                        timeouts=cell["timeout"], early_buzzes=cell["early_buzz"],
                        adjustments=cell["adjustments"], score_after=running[i]))
            type_cls = self.contest.round_types.get(round_plan.type)
            results.append(RoundResult(
                index=index, title=round_plan.title, type=round_plan.type,
                type_title=type_cls.title() if type_cls else round_plan.type, status=status,
                questions_planned=len(round_plan.questions), questions_shown=shown[index],
                teams=tuple(teams)))
        for i in range(n):
            per_team[i]["round_points"] = [
                tally[r][i]["points"] if r in started else None for r in range(count)]
        return tuple(results), per_team

    def questions(self) -> tuple[QuestionResult, ...]:
        found: list[dict[str, Any]] = []
        current: dict[str, Any] | None = None
        round_index = 0
        for seq, event in enumerate(self.events):
            if seq in self.undone:
                continue
            kind = event.get("type")
            if kind == "round_started":
                round_index = int(event["round"])
            if kind in ("round_started", "round_ended", "contest_finished"):
                current = None
            elif kind == "question_shown":
                current = {"seq": seq, "round": round_index,
                           "event": event, "attempts": [], "passed": False,
                           "audience": False, "closed": False}
                found.append(current)
            elif current is None:
                continue
            elif kind in ("answer_judged", "early_buzz", "points_awarded", "shouted_out"):
                entry = self.by_seq.get(seq)
                if entry is not None:
                    current["attempts"].append(self.attempt(entry, event))
            elif kind == "question_passed":
                current["passed"] = True
            elif kind == "question_closed":
                current["closed"] = True
                current["audience"] = current["audience"] or bool(event.get("audience"))
        return tuple(self.question(item) for item in found)

    def attempt(self, entry: LedgerEntry, event: Mapping[str, Any]) -> Attempt:
        verdict = {"answer_judged": entry.reason, "early_buzz": "early_buzz",
                   "shouted_out": "shout_out"}.get(entry.event, "awarded")
        return Attempt(seq=entry.seq, team=entry.team, team_name=self.team_name(entry.team) or "",
                       member=self.member_name(entry.team, event.get("member")),
                       verdict=verdict, points=entry.points, tiebreak=entry.tiebreak,
                       reasons=_reasons(entry))

    def question(self, item: dict[str, Any]) -> QuestionResult:
        event = item["event"]
        key = str(event.get("key") or "")
        bank_question = self.contest.question(key)
        attempts: list[Attempt] = item["attempts"]
        verdicts = [a.verdict for a in attempts if a.answered]
        if "right" in verdicts:
            outcome = "right"
        elif "partial" in verdicts:
            outcome = "partial"
        elif item["audience"]:
            outcome = "audience"  # failed attempts, then nobody: the hall's question
        elif verdicts:
            outcome = verdicts[-1]
        elif item["passed"]:
            outcome = "passed"
        elif item["closed"]:
            outcome = "unanswered"
        else:
            outcome = "open"
        stake = event.get("stake")
        return QuestionResult(
            seq=item["seq"], round=item["round"], round_title=self.round_title(item["round"]),
            number=int(event.get("question", -1)) + 1, key=key,
            question_id=key.rsplit("/", 1)[-1],
            type=str(getattr(getattr(bank_question, "type", None), "value", "") or ""),
            stem=str(getattr(bank_question, "stem", "") or ""),
            answer=bank_question.answer_text() if bank_question is not None else "",
            stake=float(stake) if isinstance(stake, int | float) else None,
            assigned=self.team_name(event.get("answerer")), outcome=outcome,
            attempts=tuple(attempts), image=str(getattr(bank_question, "image", "") or ""))

    def progression(self) -> tuple[ProgressPoint, ...]:
        scores = [float(self.plan.base_score)] * len(self.plan.teams)
        points = [ProgressPoint(0, -1, None, 0.0, tuple(scores))]
        for entry in self.ledger:
            if entry.tiebreak:
                continue
            scores[entry.team] += entry.points
            points.append(ProgressPoint(entry.seq, entry.round, entry.team, entry.points,
                                        tuple(scores)))
        return tuple(points)

    def audit(self) -> tuple[AuditEntry, ...]:
        scores = [float(self.plan.base_score)] * len(self.plan.teams)
        round_index: int | None = None
        question: str | None = None
        entries = []
        for seq, event in enumerate(self.events):
            kind = str(event.get("type", ""))
            undone = seq in self.undone
            if not undone:
                if kind == "round_started":
                    round_index, question = int(event["round"]), None
                elif kind == "question_shown":
                    question = event.get("key")
                elif kind in ("round_ended", "contest_finished"):
                    question = None
            ledger = self.by_seq.get(seq)
            points = score_after = None
            reasons = ""
            if ledger is not None:
                points = ledger.points
                reasons = _reasons(ledger)
                if not ledger.tiebreak:
                    scores[ledger.team] += ledger.points
                    score_after = scores[ledger.team]
                else:
                    reasons = joined([reasons, t("export.tiebreak_points")])
            elif kind in ("score_adjusted", "points_awarded", "answer_judged", "early_buzz",
                          "shouted_out"):
                points = float(event.get("points", 0) or 0)
                reasons = str(event.get("reason", ""))
            team = event.get("team")
            verdict = event.get("verdict") if kind == "answer_judged" else {
                "early_buzz": "early_buzz", "shouted_out": "shout_out"}.get(kind)
            entries.append(AuditEntry(
                seq=seq, type=kind, elapsed=round(float(event.get("t", self.start)) - self.start,
                                                  3),
                at=_local_time(float(event.get("t", self.start))),
                description=self.describe(seq, event),
                round=None if round_index is None else round_index + 1,
                question=question if kind not in ("round_started", "contest_started") else None,
                team=self.team_name(team), member=self.member_name(team, event.get("member")),
                verdict=verdict, points=points, score_after=score_after, reasons=reasons,
                undone=undone))
        return tuple(entries)

    def describe(self, seq: int, event: Mapping[str, Any]) -> str:
        """What an event did, as a sentence (an undo or redo names the action it moved, as
        this log's walk found it)."""
        kind = event.get("type")
        if kind in ("undo", "redo") and seq in self.undos:
            moved = "undone" if kind == "undo" else "redone"
            event = {"type": kind, moved: self.undos[seq][1]}
        elif kind == "undo":
            event = {"type": kind}  # it found nothing to take back
        return describe_event(self.plan, event)


def _reasons(entry: LedgerEntry) -> str:
    """How an entry's points were made up: ``答对 +10; 速度加分 +2`` (or its reason)."""
    if not entry.parts:
        return describe_reason(entry)
    parts = []
    for part in entry.parts:
        text = f"{part.get('reason', '')} {plain_value(float(part.get('points', 0))):+}"
        plugin = str(part.get("plugin", ""))
        if plugin and not plugin.startswith("quizhall.") and plugin != "floor":
            text += f" [{plugin}]"
        parts.append(text)
    return "; ".join(parts)



def _local_time(seconds: float) -> str:
    try:
        return datetime.fromtimestamp(seconds).astimezone().isoformat(" ", timespec="seconds")
    except (OverflowError, OSError, ValueError):
        return ""
