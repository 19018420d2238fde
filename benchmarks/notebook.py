"""Benchmark: how the 错题本 schedule treats a trainee, by answer speed.

For each answer speed (5, 20, 45 and 90 s) and a 10 % wrong rate, simulates CARDS notebook
questions of three kinds (a true/false line, a 4-option single choice, a 300-character
single choice) answered whenever due, and prints the reviews and calendar days until a card
leaves the notebook (median and worst), the fewest separate study days any card needed, and
how many never left. The schedule's promises: every card leaves; none in under 3 separate days.

Usage: PYTHONPATH=src python benchmarks/notebook.py [CARDS]
"""

from __future__ import annotations

import random
import statistics
import sys

from quizhall.bank.loader import parse_bank
from quizhall.practice.notebook import MASTERED_DAYS
from quizhall.practice.pace import deserved_seconds, rating_for
from quizhall.practice.simulate import run_card

SPEEDS = (5.0, 20.0, 45.0, 90.0)
WRONG_RATE = 0.10
LONG_STEM = ("根据《劳动合同法》的规定，" + "用人单位与劳动者协商一致变更劳动合同的内容，" * 12
             + "下列说法正确的是（）。")
BANK = f"""\
bank: {{id: sim, title: simulation}}
questions:
  - {{id: judge, type: judge, stem: 劳动合同应当以书面形式订立。, answer: 对}}
  - {{id: single, type: single, stem: 用人单位自用工之日起即与劳动者建立（）。,
     options: [劳动关系, 劳务关系, 雇佣关系, 合作关系], answer: A}}
  - {{id: long, type: single, stem: "{LONG_STEM}",
     options: [应当采用书面形式, 可以口头约定, 无需劳动者同意, 由用人单位决定], answer: A}}
"""


def main(cards: int) -> int:
    bank, diagnostics = parse_bank(BANK, "simulation.yaml")
    assert bank is not None, [d.format() for d in diagnostics]
    print(f"notebook schedule: {cards} cards per row, {WRONG_RATE:.0%} wrong answers")
    header = (f"{'question':<22}{'deserves':>9}{'speed':>7}{'rating':>8}{'reviews':>14}"
              f"{'days':>14}{'min study days':>16}{'never left':>12}")
    print(header)
    print("-" * len(header))
    failures = 0
    for question in bank.questions:
        label = f"{question.id} ({len(question.stem)} chars)"
        for speed in SPEEDS:
            rng = random.Random(f"{question.id}-{speed}")
            runs = [run_card(question, speed, WRONG_RATE, rng) for _ in range(cards)]
            reviews = [r.reviews for r in runs]
            days = [r.days for r in runs]
            fewest = min(r.study_days for r in runs)
            stuck = sum(not r.left for r in runs)
            failures += stuck + (fewest < MASTERED_DAYS)
            rating = rating_for(question, True, speed).name
            print(f"{label:<22}{deserved_seconds(question):>8.0f}s{speed:>6.0f}s{rating:>8}"
                  f"{_spread(reviews):>14}{_spread(days):>14}{fewest:>16}{stuck:>12}")
    print("reviews and days: median (worst), from the first wrong answer to leaving; study days:"
          " separate days with an answer, the first wrong answer's day included")
    print("promises kept" if not failures else f"PROMISES BROKEN in {failures} rows")
    return 1 if failures else 0


def _spread(values: list[int]) -> str:
    return f"{statistics.median(values):g} ({max(values)})"


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
