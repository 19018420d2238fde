"""Built-in round type ``buzz`` (抢答题): the first valid buzz after the host opens answers.

A buzz before the buzzers open is an early buzz (违规抢答), punished by the ``early_buzz``
rules (points, losing the right to answer this question, escalating by offence in the
round). After a wrong answer the others may get a second chance (补答); a question nobody
buzzes for within ``window`` seconds, or that fails ``max_attempts`` times, becomes an
audience question (观众题) with no points.
"""

from __future__ import annotations

from typing import Any

from quizhall.hookspecs import hookimpl
from quizhall.roundkit import BuzzRound


class BuzzInRound(BuzzRound):
    """抢答题."""

    name = "buzz"


@hookimpl
def quizhall_register_round_types(register: Any) -> None:
    register(BuzzInRound)
