"""The plugin framework's promises: only the plugins a contest lists decide its outcome, each
with its own settings; a plugin that raises, returns the wrong type or is slow is named and
the contest goes on by the default rules with a consistent log; a plugin that fails to
import is listed with its error; QUIZHALL_LOAD_PLUGINS narrows what loads."""

import json
import sys

import pytest
from contest_helpers import DATA, contest_text, play, scores

from quizhall.cli import main
from quizhall.contest import Command, Note, PluginCommand, ScorePart, Setting, fold, parse_command
from quizhall.hookspecs import hookimpl
from quizhall.testing import ContestFileError, load, plugin_manager, rehearse, start

REQUIRED = "  - type: required\n    questions: {count: 8}\n"
TO_RED = ["next", "next"]


def listing(*entries: str) -> str:
    """A ``plugins:`` block for contest_text's head."""
    return "plugins:\n" + "".join(f"  - {entry}\n" for entry in entries)


class Bonus:
    """+5 for a right answer (its own ``points`` setting, when it declares one)."""

    __name__ = "bonus"
    seen: list

    def __init__(self):
        self.seen = []

    @hookimpl
    def quizhall_score_answer(self, answer, settings):
        self.seen.append(settings)
        if answer.verdict == "right":
            return ScorePart(settings.get("points", 5), "bonus")
        return None


# -- only the plugins a contest lists decide its outcome ----------------------------------------

def test_an_installed_scoring_plugin_the_contest_does_not_list_changes_nothing():
    bonus = Bonus()
    result = play(REQUIRED, [*TO_RED, "right"], plugins=[])
    again = rehearse(contest_text(REQUIRED), [*TO_RED, "right"], installed=[bonus],
                     base_dir=DATA)
    assert scores(again) == scores(result) == [110, 100, 100, 100]
    assert bonus.seen == []


def test_a_listed_plugin_scores_with_its_own_settings():
    bonus = Bonus()
    text = contest_text(REQUIRED, head=listing("{name: bonus, settings: {points: 7}}"))
    result = rehearse(text, [*TO_RED, "right"], installed=[bonus], base_dir=DATA)
    assert scores(result)[0] == 117
    assert bonus.seen == [{"points": 7}]


def test_names_compare_without_case_dashes_or_underscores():
    class Module:
        __name__ = "house_Rules"

        @hookimpl
        def quizhall_score_answer(self, answer):
            return ScorePart(1, "house")

    text = contest_text(REQUIRED, head=listing("house-rules"))
    result = rehearse(text, [*TO_RED, "right"], installed=[Module()], base_dir=DATA)
    assert scores(result)[0] == 111
    assert result["ledger"][0]["parts"][1]["plugin"] == "house-rules"


def test_a_plugin_may_not_change_the_settings_it_is_given():
    class Greedy:
        __name__ = "greedy"

        @hookimpl
        def quizhall_score_answer(self, answer, settings):
            settings["steps"].append(1)
            return ScorePart(len(settings["steps"]), "greedy")

    text = contest_text(REQUIRED, head=listing("{name: greedy, settings: {steps: []}}"))
    result = rehearse(text, [*TO_RED, "right", "next", "right"], installed=[Greedy()],
                      base_dir=DATA)
    assert scores(result)[:2] == [111, 111]
    assert result["log"][0]["plan"]["plugins"] == [{"name": "greedy",
                                                    "settings": {"steps": []}}]


def test_an_unlisted_team_mode_plugin_is_not_asked():
    class CaptainAlways:
        __name__ = "captain"

        @hookimpl
        def quizhall_choose_answerer(self, turn):
            from quizhall.contest import Answerer

            return Answerer(turn.team, 2)

    text = contest_text(REQUIRED)
    assert rehearse(text, TO_RED, installed=[CaptainAlways()],
                    base_dir=DATA)["view"]["member"] == 0
    listed = contest_text(REQUIRED, head=listing("captain"))
    assert rehearse(listed, TO_RED, installed=[CaptainAlways()],
                    base_dir=DATA)["view"]["member"] == 2


def test_observers_see_every_contest_with_settings_none_when_not_listed():
    seen = []

    class Lights:
        __name__ = "lights"

        @hookimpl
        def quizhall_event_recorded(self, event, settings):
            seen.append(settings)

    rehearse(contest_text(REQUIRED), ["next"], installed=[Lights()], base_dir=DATA)
    assert seen == [None, None]
    seen.clear()
    text = contest_text(REQUIRED, head=listing("{name: lights, settings: {colour: red}}"))
    rehearse(text, ["next"], installed=[Lights()], base_dir=DATA)
    assert seen == [{"colour": "red"}, {"colour": "red"}]


def test_rounds_limits_a_plugin_to_some_rounds():
    rounds = REQUIRED + "  - type: buzz\n    questions: {count: 2}\n"
    text = contest_text(rounds, head=listing("{name: bonus, rounds: [2]}"))
    commands = [*TO_RED, "right", "next", "right", "next", "right", "next", "right",
                "next", "right", "next", "right", "next", "right", "next", "right",
                "next", "next", "open", "buzz 1", "right"]
    result = rehearse(text, commands, installed=[Bonus()], base_dir=DATA)
    assert scores(result)[0] == 100 + 20 + 10 + 5


@pytest.mark.parametrize(("entry", "message"), [
    ("{name: bonus, rounds: [3]}", "rounds should be between 1 and 1, not 3"),
    ("{name: bonus, rounds: [buz]}", "unknown round type buz (did you mean buzz?)"),
    ("{name: bonus, setings: {}}", "unknown key setings (did you mean settings?)"),
    ("bonsu", "plugin bonsu is not installed (did you mean bonus?)"),
])
def test_plugin_entries_are_checked_at_their_position(entry, message):
    text = contest_text(REQUIRED, head=listing(entry))
    with pytest.raises(ContestFileError) as error:
        rehearse(text, [], installed=[Bonus()], base_dir=DATA)
    assert str(error.value).startswith("<contest>:5:")
    assert message in str(error.value)


def test_a_plugin_listed_twice_is_an_error_and_a_built_in_needs_no_listing():
    text = contest_text(REQUIRED, head=listing("bonus", "Bonus", "quizhall.rules.scoring"))
    loaded = load(text, DATA, plugin_manager([Bonus()]))
    assert [(d.line, d.severity, d.message) for d in loaded.diagnostics] == [
        (6, "error", "plugin Bonus is listed twice; first on line 5"),
        (7, "warning", "quizhall.rules.scoring is built in and always on; no need to "
                       "list it"),
    ]


# -- declared settings ----------------------------------------------------------------------------

class Declared:
    __name__ = "declared"

    @hookimpl
    def quizhall_declare_settings(self):
        return {"points": Setting("number", 3, "x"), "mode": Setting("choice", "a", "x",
                                                                      choices=("a", "b"))}

    @hookimpl
    def quizhall_validate_plugin_settings(self, settings):
        return [("points", "points should be even")] if settings["points"] % 2 else []

    @hookimpl
    def quizhall_score_answer(self, answer, settings):
        return ScorePart(settings["points"], settings["mode"])


def test_declared_settings_get_their_defaults_and_types_checked():
    text = contest_text(REQUIRED, head=listing("{name: declared, settings: {mode: b}}"))
    loaded = load(text, DATA, plugin_manager([Declared()]))
    assert [d.message for d in loaded.diagnostics] == [
        "plugin declared: points should be even"]
    assert loaded.diagnostics[0].line == 5  # no points given: reported at the settings
    text = contest_text(REQUIRED, head="plugins:\n  - name: declared\n    settings:\n"
                                        "      points: 4\n      mode: c\n      extra: 1\n")
    loaded = load(text, DATA, plugin_manager([Declared()]))
    assert [(d.line, d.column, d.message) for d in loaded.diagnostics] == [
        (8, 13, "mode cannot be c; choose a, b"),
        (9, 7, "unknown setting extra of plugin declared"),
    ]
    assert loaded.diagnostics[1].hint == "its settings: points, mode"


def test_a_range_problem_is_reported_at_its_setting():
    text = contest_text(REQUIRED, head="plugins:\n  - name: declared\n    settings:\n"
                                        "      points: 5\n")
    loaded = load(text, DATA, plugin_manager([Declared()]))
    assert [(d.line, d.column) for d in loaded.diagnostics] == [(7, 15)]


def test_a_broken_declaration_is_named_and_the_settings_are_taken_as_given():
    class BadDeclaration:
        __name__ = "bad"

        @hookimpl
        def quizhall_declare_settings(self):
            return {"points": 3}

    text = contest_text(REQUIRED, head=listing("{name: bad, settings: {anything: 1}}"))
    loaded = load(text, DATA, plugin_manager([BadDeclaration()]))
    assert loaded.ok
    assert loaded.plan.plugins[0].settings == {"anything": 1}
    assert [d.severity for d in loaded.diagnostics] == ["warning"]
    assert "plugin bad returned {'points': 3} from quizhall_declare_settings" in \
        loaded.diagnostics[0].message


# -- robustness -----------------------------------------------------------------------------------

class Stopwatch:
    """A stopwatch a test moves by hand: plugin durations without timing anything."""

    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_a_slow_plugin_is_named_and_its_result_still_counts():
    stopwatch = Stopwatch()

    class Slow:
        __name__ = "slow"

        @hookimpl
        def quizhall_score_answer(self, answer):
            stopwatch.now += 1.25
            return ScorePart(1, "slow")

    rehearsal = start(contest_text(REQUIRED), plugins=[Slow()], base_dir=DATA,
                      stopwatch=stopwatch)
    rehearsal.run([*TO_RED, "right"])
    assert rehearsal.warnings == ["plugin slow took 1.25 s in quizhall_score_answer (over "
                                  "0.5 s); it slows the contest down"]
    contest = rehearsal.contest
    assert contest.view().teams[0].score == 111
    assert fold(contest.log.read()).state == contest.state


def test_a_fast_plugin_raises_no_warning():
    stopwatch = Stopwatch()
    rehearsal = start(contest_text(REQUIRED), plugins=[Bonus()], base_dir=DATA,
                      stopwatch=stopwatch)
    rehearsal.run([*TO_RED, "right"])
    assert rehearsal.warnings == []


@pytest.mark.parametrize("bad", [ScorePart(float("nan"), "x"), ScorePart(1, 2),
                                 [ScorePart(1, "a"), 3], "ten"])
def test_a_wrong_result_is_ignored_and_the_log_stays_consistent(bad):
    class Wrong:
        __name__ = "wrong"

        @hookimpl
        def quizhall_score_answer(self, answer):
            return bad

    rehearsal = start(contest_text(REQUIRED), plugins=[Wrong()], base_dir=DATA)
    rehearsal.run([*TO_RED, "right"])
    assert len(rehearsal.warnings) == 1 and "plugin wrong returned" in rehearsal.warnings[0]
    contest = rehearsal.contest
    assert contest.view().teams[0].score == 110
    assert fold(contest.log.read()).state == contest.state
    assert json.loads(json.dumps(contest.log.read())) == contest.log.read()


def test_a_raising_team_mode_falls_back_to_seat_order():
    class Raises:
        __name__ = "raises"

        @hookimpl
        def quizhall_choose_answerer(self, turn):
            raise KeyError("seat")

    result = rehearse(contest_text(REQUIRED), TO_RED, plugins=[Raises()], base_dir=DATA)
    assert result["view"]["member"] == 0
    assert result["warnings"] == ["plugin raises failed in quizhall_choose_answerer "
                                  "(KeyError: 'seat'); the default applies"]


# -- plugin commands ------------------------------------------------------------------------------

class Joker:
    """``joker``: the answering team plays its joker; a right answer then counts double."""

    __name__ = "joker"

    def __init__(self, run=None):
        self.run = run or (lambda context: Note(context.answerer, True))

    @hookimpl
    def quizhall_register_commands(self, register):
        register(PluginCommand("joker", "joker", "double or nothing", self.run))

    @hookimpl
    def quizhall_score_answer(self, answer):
        if answer.notes.get("joker") and answer.verdict == "right":
            return ScorePart(answer.base_points, "joker")
        return None


def test_a_plugin_command_records_a_note_that_scoring_reads():
    result = rehearse(contest_text(REQUIRED), [*TO_RED, "joker", "right", "next", "right"],
                      plugins=[Joker()], base_dir=DATA)
    assert scores(result)[:2] == [120, 110]
    note = [e for e in result["log"] if e["type"] == "note_recorded"]
    assert [(e["command"], e["plugin"], e["team"], e["value"]) for e in note] == [
        ("joker", "joker", 0, True)]


@pytest.mark.parametrize(("run", "warning"), [
    (lambda context: 1 / 0, "plugin joker failed in joker (quizhall_register_commands) "
                            "(ZeroDivisionError: division by zero); the default applies"),
    (lambda context: Note(7, True), "plugin joker returned Note(team=7, value=True) from joker "
                                    "(quizhall_register_commands), expected Note; ignored"),
    (lambda context: Note(0, object), "expected Note; ignored"),
])
def test_a_failing_plugin_command_is_refused_and_records_nothing(run, warning):
    rehearsal = start(contest_text(REQUIRED), plugins=[Joker(run)], base_dir=DATA)
    rehearsal.run([*TO_RED, "joker"])
    assert [r.reason for r in rehearsal.refused] == ["plugin joker failed; the command did "
                                                     "nothing"]
    assert warning in rehearsal.warnings[0]
    assert [e["type"] for e in rehearsal.contest.log.read()][-1] == "question_shown"


def test_a_plugin_command_may_not_take_a_built_in_name():
    class Usurper:
        __name__ = "usurper"

        @hookimpl
        def quizhall_register_commands(self, register):
            register(PluginCommand("undo", "undo", "", lambda context: Note(0, 1)))

    rehearsal = start(contest_text(REQUIRED), plugins=[Usurper()], base_dir=DATA)
    assert rehearsal.contest.plugin_commands() == {}
    assert rehearsal.contest.load_warnings == [
        "command undo already exists; the one from usurper is ignored"]


def test_plugin_commands_parse_their_words():
    command = parse_command("joker 红队 now", (), plugin_commands={"joker"})
    assert command == Command("joker", args=("红队", "now"))


# -- loading --------------------------------------------------------------------------------------

@pytest.fixture
def installed_plugins(tmp_path, monkeypatch):
    """A fake installed distribution with a working and a broken ``quizhall`` entry point."""
    site = tmp_path / "site"
    info = site / "fake_quizhall_plugins-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: fake-quizhall-plugins\n"
                                   "Version: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(
        "[quizhall]\ngood-plugin = fake_good_plugin\n"
        "broken-plugin = fake_broken_plugin\n", encoding="utf-8")
    (site / "fake_good_plugin.py").write_text(
        "from quizhall.hookspecs import hookimpl\n"
        "@hookimpl\ndef quizhall_score_answer(answer):\n    return None\n", encoding="utf-8")
    (site / "fake_broken_plugin.py").write_text("import no_such_dependency_anywhere\n",
                                                encoding="utf-8")
    monkeypatch.syspath_prepend(str(site))
    from quizhall import plugins

    plugins.reset_plugin_manager()
    yield
    plugins.reset_plugin_manager()
    for name in ("fake_good_plugin", "fake_broken_plugin"):
        sys.modules.pop(name, None)


def plugins_json(capsys, *args):
    status = main(["plugins", "--json", *args])
    return status, json.loads(capsys.readouterr().out)


def test_a_plugin_that_fails_to_import_is_listed_with_its_error(installed_plugins, capsys):
    status, report = plugins_json(capsys)
    assert status == 1
    assert [(p["name"], p["origin"], p["version"]) for p in report["plugins"]] == [
        ("good-plugin", "entry point", "1.0")]
    assert [(f["name"], f["origin"]) for f in report["failed"]] == [
        ("broken-plugin", "entry point fake_broken_plugin")]
    assert "No module named 'no_such_dependency_anywhere'" in report["failed"][0]["error"]


def test_a_broken_plugin_does_not_stop_quizhall(installed_plugins, capsys, tmp_path):
    contest = tmp_path / "plugin-free.contest.yaml"
    bank = (DATA / "rules.yaml").as_posix()
    contest.write_text(contest_text(REQUIRED).replace("[rules.yaml]", f"['{bank}']"),
                       encoding="utf-8")
    assert main(["check", str(contest)]) == 0
    assert "0 errors" in capsys.readouterr().out


@pytest.mark.parametrize(("allowed", "loaded", "failed"), [
    ("good-plugin", ["good-plugin"], []),
    ("GOOD_PLUGIN, other", ["good-plugin"], []),
    ("broken-plugin", [], ["broken-plugin"]),
    ("", [], []),
])
def test_quizhall_load_plugins_narrows_what_loads(installed_plugins, capsys, monkeypatch,
                                                  allowed, loaded, failed):
    monkeypatch.setenv("QUIZHALL_LOAD_PLUGINS", allowed)
    _, report = plugins_json(capsys)
    assert [p["name"] for p in report["plugins"]] == loaded
    assert [f["name"] for f in report["failed"]] == failed


def test_plugins_lists_the_settings_a_plugin_declares(capsys, tmp_path):
    plugin = tmp_path / "declared.py"
    plugin.write_text("from quizhall.contest import Setting\n"
                      "from quizhall.hookspecs import hookimpl\n"
                      "@hookimpl\ndef quizhall_declare_settings():\n"
                      "    return {'bonus': Setting('number', 5, 'x')}\n", encoding="utf-8")
    from quizhall import plugins

    plugins.reset_plugin_manager()
    try:
        _, report = plugins_json(capsys, "--plugin", str(plugin))
    finally:
        plugins.reset_plugin_manager()
        sys.modules.pop("quizhall_plugin_file_declared", None)
    assert report["plugins"][0]["settings"] == {"bonus": {"kind": "number", "default": 5}}


def test_a_raising_register_hook_leaves_the_other_importers_in_place():
    from quizhall.plugins import collect

    class BadImporter:
        @hookimpl
        def quizhall_register_importers(self, register):
            register("half")
            raise RuntimeError("no formats today")

    warnings: list[str] = []
    names = [i.name for i in collect("quizhall_register_importers",
                                     plugin_manager([BadImporter()]), warnings)]
    assert {"gift", "aiken"} <= set(names) and "half" not in names
    assert warnings == ["plugin test-plugin-0 failed in quizhall_register_importers "
                        "(RuntimeError: no formats today); the default applies"]


def test_plugin_catalogs_are_checked():
    from quizhall.i18n import add_catalog

    with pytest.raises(ValueError, match="belongs to quizhall"):
        add_catalog("contest", {})
    with pytest.raises(ValueError, match="same placeholders"):
        add_catalog("my_plugin", {"my_plugin.x": ("{a}", "{b}")})
    with pytest.raises(ValueError, match="does not start with"):
        add_catalog("my_plugin", {"other.x": ("甲", "a")})


def test_a_plugin_kept_out_by_quizhall_load_plugins_says_so(monkeypatch):
    monkeypatch.setenv("QUIZHALL_LOAD_PLUGINS", "quizhall-certainty")
    loaded = load(contest_text(REQUIRED, head=listing("quizhall-streak")), DATA)
    assert [d.format() for d in loaded.diagnostics] == [
        "<contest>:5:5: error: plugin quizhall-streak is not installed "
        "(QUIZHALL_LOAD_PLUGINS allows only: quizhall-certainty)"]


def test_resuming_without_a_plugin_the_contest_uses_warns_the_host():
    from quizhall.contest import Contest, ManualClock

    text = contest_text(REQUIRED, head=listing("bonus"))
    rehearsal = start(text, installed=[Bonus()], base_dir=DATA)
    rehearsal.run([*TO_RED, "right"])
    assert rehearsal.contest.load_warnings == []
    resumed = Contest.resume(rehearsal.contest.log, ManualClock(100), plugin_manager())
    assert resumed.load_warnings == ["plugin bonus, which this contest uses, is not loaded: "
                                     "its rules will not apply"]
    assert resumed.view().teams[0].score == 115


# -- plugin round types that fail -----------------------------------------------------------------

def fragile(fail: str, commands: list[str]):
    import importlib.util

    spec = importlib.util.spec_from_file_location("fragile_rounds",
                                                  DATA.parent / "plugins" / "fragile_rounds.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sys.modules["fragile_rounds"] = module
    try:
        rounds = f"  - type: fragile\n    questions: {{count: 2}}\n    fail: {fail}\n"
        rehearsal = start(contest_text(rounds), plugins=[module], base_dir=DATA)
        rehearsal.run(commands)
    finally:
        sys.modules.pop("fragile_rounds", None)
    return rehearsal


@pytest.mark.parametrize(("fail", "error"), [
    ("judge", "ZeroDivisionError: judge broke"),
    ("events", "unknown type 'no_such_event'"),
])
def test_a_plugin_round_type_that_fails_refuses_the_command_and_keeps_the_log(fail, error):
    rehearsal = fragile(fail, [*TO_RED, "right"])
    assert [r.reason for r in rehearsal.refused] == ["plugin fragile_rounds failed; the "
                                                     "command did nothing"]
    assert "plugin fragile_rounds failed in quizhall_register_round_types" in \
        rehearsal.warnings[0] and error in rehearsal.warnings[0]
    contest = rehearsal.contest
    assert [e["type"] for e in contest.log.read()][-1] == "question_shown"
    assert fold(contest.log.read()).state == contest.state
    rehearsal.run(["adjust 1 +5 jury"])  # the contest goes on
    assert contest.view().teams[0].score == 105


def test_a_plugin_round_type_whose_timer_handling_fails_leaves_the_timer_to_the_host():
    rehearsal = fragile("expire", [*TO_RED, "wait 6"])
    assert "LookupError: expire broke" in rehearsal.warnings[0]
    assert rehearsal.contest.view().phase == "question"
    rehearsal.run(["adjust 2 -5 jury"])
    assert rehearsal.contest.view().teams[1].score == 95


def test_a_plugin_round_type_whose_rules_fail_still_gives_a_view():
    rehearsal = fragile("rules", TO_RED)
    view = rehearsal.contest.view()
    assert view.rules == () and view.phase == "question"
    assert "ValueError: rules broke" in view.warnings[0]


def test_plugins_reports_a_declaration_that_raises(capsys, tmp_path):
    plugin = tmp_path / "shaky.py"
    plugin.write_text("from quizhall.hookspecs import hookimpl\n"
                      "@hookimpl\ndef quizhall_declare_settings():\n"
                      "    raise RuntimeError('no settings today')\n", encoding="utf-8")
    from quizhall import plugins

    plugins.reset_plugin_manager()
    try:
        status, report = plugins_json(capsys, "--plugin", str(plugin))
    finally:
        plugins.reset_plugin_manager()
        sys.modules.pop("quizhall_plugin_file_shaky", None)
    assert status == 0
    assert report["plugins"][0]["settings"] == {}
    assert report["warnings"] == [
        f"plugin {plugin.resolve()} failed in quizhall_declare_settings (RuntimeError: no "
        "settings today); the default applies"]


def test_an_installed_plugin_kept_out_is_named_as_installed(installed_plugins, capsys,
                                                            monkeypatch):
    monkeypatch.setenv("QUIZHALL_LOAD_PLUGINS", "")
    _, report = plugins_json(capsys)
    assert report["plugins"] == [] and sorted(report["skipped"]) == ["broken-plugin",
                                                                     "good-plugin"]
    assert main(["plugins"]) == 0
    assert "good-plugin  (installed, kept out by QUIZHALL_LOAD_PLUGINS)" in \
        capsys.readouterr().out
    from quizhall.plugins import get_plugin_manager

    loaded = load(contest_text(REQUIRED, head=listing("good-plugin") + "  - nowhere\n"), DATA,
                  pm=get_plugin_manager())  # the manager that loaded (and kept out) plugins
    assert [d.format() for d in loaded.diagnostics] == [
        "<contest>:5:5: error: plugin good-plugin is installed but not loaded "
        "(QUIZHALL_LOAD_PLUGINS is empty: no installed plugin loads)",
        "<contest>:6:5: error: plugin nowhere is not installed "
        "(QUIZHALL_LOAD_PLUGINS is empty: no installed plugin loads)"]


def test_a_plugin_calling_sys_exit_is_named_and_does_not_stop_quizhall(capsys, tmp_path):
    class Quits:
        __name__ = "quits"

        @hookimpl
        def quizhall_score_answer(self, answer):
            sys.exit("bored")

    rehearsal = start(contest_text(REQUIRED), plugins=[Quits()], base_dir=DATA)
    rehearsal.run([*TO_RED, "right"])
    assert rehearsal.contest.view().teams[0].score == 110
    assert rehearsal.warnings == ["plugin quits failed in quizhall_score_answer "
                                  "(SystemExit: bored); the default applies"]
    plugin = tmp_path / "exits.py"
    plugin.write_text("import sys\nsys.exit(3)\n", encoding="utf-8")
    from quizhall import plugins

    plugins.reset_plugin_manager()
    try:
        status, report = plugins_json(capsys, "--plugin", str(plugin))
    finally:
        plugins.reset_plugin_manager()
        sys.modules.pop("quizhall_plugin_file_exits", None)
    assert status == 1
    assert report["failed"] == [{"name": "exits", "origin": str(plugin.resolve()),
                                 "error": "SystemExit: 3"}]
