"""Fixtures for the practice engine: a small inline bank, a manual clock, an in-memory db."""

import random

import pytest
from practice_bank import START, make_bank
from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from quizhall.practice import History, Library, ManualClock, Trainee


@pytest.fixture
def bank():
    return make_bank()


@pytest.fixture
def library(bank):
    return Library([bank])


@pytest.fixture
def clock():
    return ManualClock(START)


@pytest.fixture
def db():
    database = TinyDB(storage=MemoryStorage)
    yield database
    database.close()


@pytest.fixture
def history(db):
    return History(db)


@pytest.fixture
def trainee(history, library, clock):
    return Trainee(history, "ann", library, clock)


@pytest.fixture
def rng():
    return random.Random(7)
