"""Discovery, isolation and validation of plugins."""

import tomllib
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from consistency import Rule, hookimpl
from consistency.errors import PluginError
from consistency.plugin_manager import ENTRY_POINT_GROUP, get_plugin_manager
from consistency.rules import validate_rule_class
from tests.conftest import ThrowawayPlugin, WordRule

ROOT = Path(__file__).resolve().parents[2]


def test_plugin_manager_entry_points_list_every_builtin_module():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["entry-points"][ENTRY_POINT_GROUP]
    modules = {p.stem for p in (ROOT / "plugins").glob("*.py") if not p.stem.startswith("_")}
    assert {v.split(".")[-1] for v in declared.values()} == modules
    assert all(name == f"consistency_rules_{v.split('.')[-1]}" for name, v in declared.items())


def test_plugin_manager_builtins_load_through_entry_points():
    installed = {ep.name for ep in entry_points(group=ENTRY_POINT_GROUP)}
    assert {n for n in installed if n.startswith("consistency_rules_")} >= {"consistency_rules_geography", "consistency_rules_naming"}
    import consistency_plugins  # the folder plugins/ under its unique import name

    assert Path(consistency_plugins.__file__).parent.name == "plugins"


def test_plugin_manager_isolates_a_plugin_whose_hook_raises(clean_plugins):
    class Broken:
        __name__ = "broken"

        @hookimpl
        def consistency_rules(self):
            raise ImportError("missing dependency")

    pm = get_plugin_manager((Broken(), ThrowawayPlugin(WordRule)))
    assert "ZZ01" in pm.rules()
    assert "missing dependency" in pm.records["broken"].error


def test_plugin_manager_refuses_duplicate_codes(clean_plugins):
    class Copy(WordRule):
        """Same code, other class."""

    first, second = ThrowawayPlugin(WordRule), ThrowawayPlugin(Copy)
    second.__name__ = "second"
    pm = get_plugin_manager((first, second))
    assert pm.rules()["ZZ01"][0] is WordRule
    assert "already used" in pm.records["second"].error


def test_plugin_manager_misspelt_hook_fails_loudly(clean_plugins):
    class Typo:
        __name__ = "typo"

        @hookimpl
        def consistency_rulez(self):
            return []

    with pytest.raises(Exception, match="unknown hook"):
        get_plugin_manager((Typo(),))


@pytest.mark.parametrize("attrs, message", [
    ({"code": "bad"}, "codes are capitals"),
    ({"name": "Bad Name"}, "dotted kebab-case"),
    ({"default_severity": "fatal"}, "default_severity"),
])
def test_rules_validation_rejects_bad_metadata(attrs, message):
    rule = type("R", (WordRule,), {"__doc__": "A summary.", **attrs})
    with pytest.raises(PluginError, match=message):
        validate_rule_class(rule, "p")


def test_rules_validation_requires_check_and_summary():
    class NoCheck(Rule):
        """Has a summary."""

        code = "ZZ50"
        name = "testing.no-check"

    with pytest.raises(PluginError, match="check"):
        validate_rule_class(NoCheck, "p")
    with pytest.raises(PluginError, match="not a consistency.Rule"):
        validate_rule_class(object, "p")


def test_plugin_manager_blocks_by_name(clean_plugins):
    pm = get_plugin_manager((), frozenset({"consistency_rules_geography"}))
    assert "consistency_rules_geography" not in pm.records
