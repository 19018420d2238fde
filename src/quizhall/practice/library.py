"""The questions a trainee studies: several loaded banks, addressed by one key per question.

A question's key is ``"<bank id>/<question id>"``; history, the notebook and saved exams refer
to questions by key, so they survive a bank being reloaded or reordered.
"""

from __future__ import annotations

import json
from collections.abc import KeysView, Sequence
from dataclasses import dataclass
from typing import Any

from quizhall.bank.model import Bank, Level, Paper, Question, QuestionType


def question_key(bank_id: str, question_id: str) -> str:
    """The key of a question in history and the notebook."""
    return f"{bank_id}/{question_id}"


@dataclass(frozen=True, slots=True)
class QuestionRef:
    """A question together with the bank it came from."""

    bank: Bank
    question: Question

    @property
    def key(self) -> str:
        return question_key(self.bank.info.id, self.question.id)

    @property
    def points(self) -> float:
        """What the question is worth in an exam (1 when the bank does not say)."""
        return self.question.points or 1.0


@dataclass(frozen=True, slots=True)
class Filter:
    """Which questions a practice session draws from; empty fields do not filter.

    A question is in scope when it is in one of ``levels`` or carries one of ``tags`` (either
    when both are given), its difficulty and type are among those listed, and (with
    ``bookmarked`` / ``unanswered``) the trainee bookmarked it / never answered it: those two
    need the trainee's record, see :meth:`quizhall.practice.trainee.Trainee.select`.
    """

    tags: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()  # "<bank id>/<level id>"
    difficulties: tuple[int, ...] = ()
    types: tuple[str, ...] = ()  # QuestionType values
    bookmarked: bool = False
    unanswered: bool = False

    def to_doc(self) -> dict[str, Any]:
        """The filter as stored (remembered choices, the key of a sequential position)."""
        return {"tags": list(self.tags), "levels": list(self.levels),
                "difficulties": list(self.difficulties), "types": list(self.types),
                "bookmarked": self.bookmarked, "unanswered": self.unanswered}

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Filter:
        return cls(tuple(str(x) for x in doc.get("tags", [])),
                   tuple(str(x) for x in doc.get("levels", [])),
                   tuple(int(x) for x in doc.get("difficulties", [])),
                   tuple(str(x) for x in doc.get("types", [])),
                   bool(doc.get("bookmarked", False)), bool(doc.get("unanswered", False)))

    def scope(self) -> str:
        """A stable name for the questions this filter picks (sequential practice resumes per
        scope)."""
        return json.dumps(self.to_doc(), ensure_ascii=False, sort_keys=True)


class Library:
    """Questions of several banks, by key, with their levels and tags."""

    def __init__(self, banks: Sequence[Bank]) -> None:
        self.banks: tuple[Bank, ...] = tuple(banks)
        self.refs: tuple[QuestionRef, ...] = tuple(
            QuestionRef(bank, q) for bank in self.banks for q in bank.questions)
        self._by_key = {ref.key: ref for ref in self.refs}
        self._levels_of: dict[str, tuple[str, ...]] = {}
        for bank in self.banks:
            for level in bank.levels:
                for q in level.pool(bank.questions):
                    key = question_key(bank.info.id, q.id)
                    self._levels_of[key] = (*self._levels_of.get(key, ()),
                                            question_key(bank.info.id, level.id))

    def __len__(self) -> int:
        return len(self.refs)

    def keys(self) -> KeysView[str]:
        """The keys of every loaded question (a set-like view)."""
        return self._by_key.keys()

    def get(self, key: str) -> QuestionRef | None:
        """The question with this key, or None when no loaded bank has it."""
        return self._by_key.get(key)

    def bank(self, bank_id: str) -> Bank | None:
        """The loaded bank with this id, or None."""
        return next((b for b in self.banks if b.info.id == bank_id), None)

    def levels_of(self, key: str) -> tuple[str, ...]:
        """Keys (``bank/level``) of the levels whose pool holds this question."""
        return self._levels_of.get(key, ())

    def level(self, level_key: str) -> tuple[Bank, Level] | None:
        """The bank and level named by ``bank/level``, or None."""
        bank_id, _, level_id = level_key.rpartition("/")
        bank = self.bank(bank_id)
        if bank is None:
            return None
        found = next((lv for lv in bank.levels if lv.id == level_id), None)
        return None if found is None else (bank, found)

    @property
    def papers(self) -> list[Paper]:
        """The papers of every loaded bank, in bank order."""
        return [paper for bank in self.banks for paper in bank.papers]

    def paper(self, name: str) -> Paper | None:
        """The bank paper named ``bank/paper``, or by its id alone when only one bank has a
        paper of that id; None otherwise."""
        found = [p for p in self.papers if name in (p.key, p.id)]
        exact = [p for p in found if p.key == name]
        return (exact or found)[0] if len(exact or found) == 1 else None

    def level_refs(self, bank: Bank, level: Level) -> list[QuestionRef]:
        """The level's pool, in bank order."""
        return [self._by_key[question_key(bank.info.id, q.id)]
                for q in level.pool(bank.questions)]

    @property
    def tags(self) -> list[str]:
        """Every tag, in order of first appearance."""
        return list(dict.fromkeys(tag for ref in self.refs for tag in ref.question.tags))

    def select(self, chosen: Filter) -> list[QuestionRef]:
        """The questions that pass the filter, in bank order."""
        tags, levels = set(chosen.tags), set(chosen.levels)
        difficulties, types = set(chosen.difficulties), set(chosen.types)
        scoped = bool(tags or levels)
        return [ref for ref in self.refs
                if (not scoped or tags.intersection(ref.question.tags)
                    or levels.intersection(self.levels_of(ref.key)))
                and (not difficulties or ref.question.difficulty in difficulties)
                and (not types or str(ref.question.type) in types)]

    def types(self) -> list[str]:
        """The question types the banks hold, in the usual exam order."""
        present = {ref.question.type for ref in self.refs}
        return [qtype.value for qtype in QuestionType if qtype in present]

    def difficulties(self) -> list[int]:
        """The difficulties questions are marked with, in order."""
        return sorted({ref.question.difficulty for ref in self.refs
                       if ref.question.difficulty is not None})
