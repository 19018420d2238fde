"""One clash rule for every register hook: the first registration of a name wins, the later
one is a warning naming it and its plugin."""

from types import SimpleNamespace

from quizhall.hookspecs import hookimpl
from quizhall.i18n import set_language
from quizhall.plugins import by_name, load_plugin_file, new_plugin_manager


def _importer_plugin(description: str) -> SimpleNamespace:
    importer = SimpleNamespace(name="gift", suffixes=(".gift",), description=description)

    @hookimpl
    def quizhall_register_importers(register):
        register(importer)

    return SimpleNamespace(quizhall_register_importers=quizhall_register_importers)


def test_name_clash_first_registration_wins_and_the_later_is_a_warning():
    set_language("en")
    pm = new_plugin_manager()
    pm.register(_importer_plugin("first"), name="first-plugin")
    pm.register(_importer_plugin("second"), name="second-plugin")
    warnings: list[str] = []
    found = by_name("quizhall_register_importers", pm, warnings)
    # pluggy asks the plugin registered last first: second-plugin, then first-plugin, then
    # the built-in GIFT importer.
    assert found["gift"].description == "second"
    assert warnings == [
        "gift is already registered; the one from first-plugin is ignored",
        "gift is already registered; the one from quizhall.importers.gift is ignored"]


def test_an_item_without_a_name_is_a_warning_not_a_crash():
    set_language("en")
    pm = new_plugin_manager()

    @hookimpl
    def quizhall_register_buzzer_sources(register):
        register(object())

    pm.register(SimpleNamespace(quizhall_register_buzzer_sources=quizhall_register_buzzer_sources),
                name="nameless")
    warnings: list[str] = []
    found = by_name("quizhall_register_buzzer_sources", pm, warnings)
    assert "keyboard" in found
    assert len(warnings) == 1 and "nameless" in warnings[0]


def test_each_manager_keeps_its_own_load_record(tmp_path):
    broken = tmp_path / "broken.py"
    broken.write_text("raise RuntimeError('half written')\n", encoding="utf-8")
    first, second = new_plugin_manager(), new_plugin_manager()
    assert load_plugin_file(broken, first) is None
    failure = first.record.failure_of(broken)
    assert failure is not None and "RuntimeError: half written" in failure.error
    assert second.record.failures == []  # state of the manager, not of the module
    warnings_before = list(second.record.warnings)
    second.register(SimpleNamespace(quizhall_register_importers=_raising), name="raising")
    by_name("quizhall_register_importers", second)
    assert len(second.record.warnings) == len(warnings_before) + 1
    assert "raising" in second.record.warnings[-1]
    assert first.record.warnings == []


@hookimpl
def _raising(register):
    raise ValueError("no importers today")
