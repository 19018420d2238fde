"""A plugin round type for tests that fails in the ways a careless plugin can."""

from quizhall.contest import Decision, RoundType, Setting
from quizhall.hookspecs import hookimpl


class FragileRound(RoundType):
    """Questions go to team 1; ``fail`` says where the round breaks."""

    name = "fragile"
    SETTINGS = {"fail": Setting("choice", "nowhere", "x",
                                choices=("nowhere", "judge", "events", "rules", "expire"))}

    def next_question(self, d: Decision):
        index = d.state.question + 1
        if index >= len(d.round.questions):
            return None
        timer = {"duration": 5.0, "kind": "answer"}
        return [{"type": "question_shown", "question": index, "key": d.round.questions[index],
                 "answerer": 0, "timer": timer}]

    def judge(self, d: Decision, verdict, points):
        if self.settings["fail"] == "judge":
            raise ZeroDivisionError("judge broke")
        if self.settings["fail"] == "events":
            return [{"type": "no_such_event"}]
        return [d.judged(0, verdict, 1 if verdict == "right" else 0),
                {"type": "question_closed"}]

    def expire(self, d: Decision, kind):
        if self.settings["fail"] == "expire":
            raise LookupError("expire broke")
        return self.judge(d, "timeout", None)

    def rules(self):
        if self.settings["fail"] == "rules":
            raise ValueError("rules broke")
        return ["team 1 answers"]


@hookimpl
def quizhall_register_round_types(register):
    register(FragileRound)
