"""Build the pluggy plugin manager: entry points, extra plugins, error isolation, cache.

Built-in rule families register through the same `consistency` entry-point group as
third-party packages, so one loading path serves all. A plugin that fails to import
is logged and listed in `consistency plugins`; the others still load, and a
`Checker` then refuses to run (exit 2) unless `plugin_errors = "warn"`. Built-in
families are asked for their rules first, so their codes are reserved.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from types import ModuleType
from typing import Any, cast

import pluggy

from . import hookspecs
from .errors import PluginError
from .isolation import interrupt_mark, is_real_interrupt
from .plugin_paths import import_plugin
from .rules import Rule, validate_rule_class

logger = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "consistency"
#: The distribution whose entry points are the built-in rule families (their codes are reserved).
DISTRIBUTION = "article-consistency"


@dataclass
class PluginRecord:
    """One plugin the manager knows: where it came from and whether it loaded."""

    name: str
    module: str
    distribution: str = ""
    version: str = ""
    error: str | None = None
    rules: list[str] = field(default_factory=list)
    hooks: list[str] = field(default_factory=list)
    builtin: bool = False


class ConsistencyPluginManager(pluggy.PluginManager):
    """A pluggy manager that also remembers plugin provenance and load failures."""

    def __init__(self) -> None:
        super().__init__(hookspecs.PROJECT_NAME)
        self.add_hookspecs(hookspecs)
        self.records: dict[str, PluginRecord] = {}
        self._rules: dict[str, tuple[type[Rule], str]] | None = None

    def add_plugin(self, plugin: Any, name: str, module: str = "", distribution: str = "", version: str = "") -> None:
        """Register one plugin object (usually a module) under `name`."""
        if self.get_plugin(name) is not None or name in self.records:
            return
        self.register(plugin, name=name)
        hooks = sorted(impl for impl in dir(plugin) if impl.startswith("consistency_"))
        self.records[name] = PluginRecord(name, module or getattr(plugin, "__name__", name), distribution, version, hooks=hooks)
        self._rules = None

    def rules(self) -> dict[str, tuple[type[Rule], str]]:
        """Every valid rule class by code, with the name of the plugin that gave it.

        Each plugin's hook is called on its own so a failing or invalid plugin is
        isolated and recorded, and a duplicate code is refused, not shadowed.
        """
        if self._rules is not None:
            return self._rules
        found: dict[str, tuple[type[Rule], str]] = {}
        builtin: set[str] = set()
        # Built-in families first, so their codes are reserved whatever a plugin is called.
        impls = sorted(self.hook.consistency_rules.get_hookimpls(),
                       key=lambda i: not getattr(self.records.get(i.plugin_name), "builtin", False))
        for impl in impls:
            record = self.records.get(impl.plugin_name)
            mark = interrupt_mark()
            try:
                classes = cast("list[Any]", impl.function() or [])
                for cls in classes:
                    rule = validate_rule_class(cls, impl.plugin_name)
                    if rule.code in found and found[rule.code][0] is not rule:
                        owner = found[rule.code][1]
                        what = "reserved for the built-in rules of" if owner in builtin else "already used by"
                        raise PluginError(f"plugin {impl.plugin_name!r}: rule code {rule.code} is {what} plugin {owner!r}")
                    found[rule.code] = (rule, impl.plugin_name)
                    if record is not None and record.builtin:
                        builtin.add(impl.plugin_name)
                    if record is not None and rule.code not in record.rules:
                        record.rules.append(rule.code)
            except (Exception, SystemExit, KeyboardInterrupt) as exc:  # isolation: one bad plugin must not sink the rest
                if is_real_interrupt(exc, mark):
                    raise
                message = str(exc) if isinstance(exc, PluginError) else f"{type(exc).__name__}: {exc}"
                logger.warning("consistency: plugin %s failed: %s", impl.plugin_name, message)
                if record is not None:
                    record.error = message
        self._rules = dict(sorted(found.items()))
        return self._rules


def _load_entry_points(pm: ConsistencyPluginManager, blocked: frozenset[str]) -> None:
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        if ep.name in blocked:
            pm.set_blocked(ep.name)
            continue
        dist = getattr(ep, "dist", None)
        dist_name = dist.metadata["Name"] if dist is not None else ""
        version = dist.version if dist is not None else ""
        mark = interrupt_mark()
        try:
            plugin = ep.load()
        except (Exception, SystemExit, KeyboardInterrupt) as exc:
            if is_real_interrupt(exc, mark):
                raise
            message = f"{type(exc).__name__}: {exc}"
            logger.warning("consistency: could not load plugin %s (%s %s): %s", ep.name, dist_name, version, message)
            pm.records[ep.name] = PluginRecord(ep.name, ep.value, dist_name, version, error=message,
                                               builtin=dist_name == DISTRIBUTION)
            continue
        pm.add_plugin(plugin, ep.name, ep.value, dist_name, version)
        pm.records[ep.name].builtin = dist_name == DISTRIBUTION


def load_module_plugin(pm: ConsistencyPluginManager, plugin: str | ModuleType | Any) -> None:
    """Add a plugin given as a module name (`--plugin pkg.mod`), a module or an object."""
    if isinstance(plugin, str):
        mark = interrupt_mark()
        try:
            module = import_plugin(plugin)  # a module name, a module in the working folder, or a .py file
        except PluginError:
            raise
        except (Exception, SystemExit, KeyboardInterrupt) as exc:
            if is_real_interrupt(exc, mark):
                raise
            raise PluginError(f"cannot import plugin module {plugin!r}: {type(exc).__name__}: {exc}") from None
        pm.add_plugin(module, plugin, module.__name__)
        return
    name = getattr(plugin, "__name__", None) or f"{type(plugin).__name__}-{id(plugin)}"
    pm.add_plugin(plugin, name, name)


_CACHE: dict[tuple[Any, ...], ConsistencyPluginManager] = {}


def get_plugin_manager(plugins: tuple[Any, ...] = (), blocked: frozenset[str] = frozenset()) -> ConsistencyPluginManager:
    """The manager for these extra plugins and blocked names, built once and cached."""
    key = (tuple(p if isinstance(p, str) else id(p) for p in plugins), blocked)
    pm = _CACHE.get(key)
    if pm is None:
        pm = ConsistencyPluginManager()
        _load_entry_points(pm, blocked)
        for plugin in plugins:
            load_module_plugin(pm, plugin)
        pm.check_pending()
        _CACHE[key] = pm
    return pm


def purge_plugin_manager() -> None:
    """Forget every cached manager, so a test starts from a clean one."""
    _CACHE.clear()
