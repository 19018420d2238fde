"""Inputs a hostile user or a broken file may give: none may crash quizhall or hang it."""

from contest_helpers import events, play, reasons

REQUIRED = "  - type: required\n    questions: {count: 4}\n    answerer: team\n"
HUGE = "1" * 5000  # more digits than Python converts to an int


def test_a_team_number_of_thousands_of_digits_is_refused_not_a_crash():
    result = play(REQUIRED, ["next", "next", f"buzz {HUGE}", f"adjust {HUGE} 5 jury"])
    assert len(reasons(result)) == 2
    assert all("no team" in reason and "111111111…" in reason for reason in reasons(result))


def test_a_member_number_of_thousands_of_digits_is_refused_not_a_crash():
    result = play(REQUIRED, ["next", "next", f"member {HUGE}", "member 0002", "right"])
    assert len(reasons(result)) == 1 and "no such member" in reasons(result)[0]
    assert events(result, "answer_judged")[0]["member"] == 1
