"""闯关: levels in order, unlock on pass, stars by accuracy, lives, best results kept."""

import random

import pytest
from practice_answers import right, submit, wrong

from quizhall.practice import LevelSession, level_map, stars_for
from quizhall.practice.levels import LevelLockedError


@pytest.mark.parametrize(("ratio", "pass_ratio", "stars"), [
    (0.5, 0.6, 0), (0.6, 0.6, 1), (0.89, 0.6, 1), (0.9, 0.6, 2), (0.99, 0.8, 2),
    (1.0, 0.6, 3), (0.92, 0.95, 0), (1.0, 1.0, 3), (2 / 3 * 1.5, 1.0, 3)])
def test_stars_by_accuracy(ratio, pass_ratio, stars):
    assert stars_for(ratio, pass_ratio) == stars


def _play(session, pattern):
    """Answer in turn right (True) or wrong (False) until the session ends."""
    shown = session.start()
    answers = iter(pattern)
    while shown is not None and not session.finished:
        submit(session, next(answers))
        shown = session.advance()
    return session.result()


def _level(bank, level_id):
    return next(lv for lv in bank.levels if lv.id == level_id)


def test_only_the_first_level_is_open_at_first(trainee, bank):
    statuses = level_map(trainee, bank)
    assert [s.unlocked for s in statuses] == [True, False, False]
    assert [s.size for s in statuses] == [6, 4, 5]
    with pytest.raises(LevelLockedError):
        LevelSession(trainee, bank, _level(bank, "L2"), random.Random(1))


def test_passing_a_level_unlocks_the_next_and_gives_stars(trainee, bank, rng):
    session = LevelSession(trainee, bank, _level(bank, "L1"), rng)
    # L1 holds s1 s2 m1 j1 j2 h1; h1 is a short answer judged by the trainee.
    shown = session.start()
    while shown is not None:
        if shown.question.id == "h1":
            session.submit("协商一致", judged=True)
        else:
            session.submit(right(shown) if shown.question.id != "s2" else wrong(shown))
        shown = session.advance()
    result = session.result()
    assert result.passed and result.stars == 1  # 5/6 = 0.83
    assert result.unlocked == "law/L2"
    statuses = level_map(trainee, bank)
    assert [s.unlocked for s in statuses] == [True, True, False]
    assert (statuses[0].passed, statuses[0].stars, statuses[0].attempts) == (True, 1, 1)


def test_a_worse_attempt_keeps_the_best_result(trainee, bank):
    level = _level(bank, "L1")
    first = LevelSession(trainee, bank, level, random.Random(1))
    assert _play(first, [True] * 6).stars == 3
    second = LevelSession(trainee, bank, level, random.Random(2))
    result = _play(second, [False] * 6)
    assert result.passed is False and result.stars == 0 and result.unlocked is None
    status = level_map(trainee, bank)[0]
    assert (status.stars, status.passed, status.attempts) == (3, True, 2)
    assert status.best_ratio == 1.0


def test_failing_keeps_the_next_level_locked(trainee, bank, rng):
    result = _play(LevelSession(trainee, bank, _level(bank, "L1"), rng), [False] * 6)
    assert not result.passed
    assert [s.unlocked for s in level_map(trainee, bank)] == [True, False, False]


def test_running_out_of_lives_ends_the_level(trainee, bank, rng):
    session = LevelSession(trainee, bank, _level(bank, "L1"), rng, lives=2)
    session.start()
    submit(session, False)
    assert session.lives_left == 1 and not session.finished
    session.advance()
    submit(session, False)
    assert session.finished and session.lives_left == 0
    result = session.result()
    assert result.answered == 2 and result.passed is False and result.stars == 0
    assert result.stopped == "lives"
    assert level_map(trainee, bank)[0].attempts == 1


def test_a_level_stops_as_soon_as_passing_is_impossible(trainee, bank, rng):
    session = LevelSession(trainee, bank, _level(bank, "L1"), rng)  # 6 questions, pass 60 %
    session.start()
    for _ in range(3):
        assert not session.finished
        submit(session, False)
        session.advance()
    # After three wrong, at most 3 of 6 (50 %) can be right: it stops and says why.
    assert session.finished
    result = session.result()
    assert (result.answered, result.passed, result.stopped) == (3, False, "cannot_pass")


def test_leaving_a_level_midway_is_not_an_attempt(trainee, bank, rng):
    session = LevelSession(trainee, bank, _level(bank, "L1"), rng)
    session.start()
    session.leave()
    assert level_map(trainee, bank)[0].attempts == 0


def test_a_level_with_a_count_draws_that_many(trainee, rng):
    from practice_bank import BANK, make_bank

    from quizhall.practice import Library, Trainee

    bank = make_bank(BANK.replace("pass: 0.6}", "pass: 0.6, count: 3}"))
    ann = Trainee(trainee.history, "ann", Library([bank]), trainee.clock)
    session = LevelSession(ann, bank, _level(bank, "L1"), rng)
    assert session.total == 3
    assert level_map(ann, bank)[0].size == 3
