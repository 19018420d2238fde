"""One clash rule for every register hook: the first registration of a name wins, the later
one is a warning naming it and its plugin."""

from types import SimpleNamespace

from quizhall.hookspecs import hookimpl
from quizhall.i18n import set_language
from quizhall.plugins import by_name, new_plugin_manager


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
