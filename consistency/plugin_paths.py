"""`--plugin` values: an importable module name, a module in the working folder, or a `.py` file.

`consistency check --plugin ./newsroom_rules.py` and `--plugin newsroom_rules` (a file in
the folder the command runs from) both work, as they do with `python -m`. A console
script does not put the working folder on `sys.path`, so it is appended here (after the
installed packages, which keep precedence). Worker processes (`--jobs`) resolve the
same value the same way, from the same working folder.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

from .errors import PluginError


def is_file_spec(spec: str) -> bool:
    """True for a value that names a file (`rules.py`, `./rules.py`, `lib/rules.py`) rather than a module."""
    return spec.endswith(".py") or "/" in spec or (os.sep != "/" and os.sep in spec)


def import_plugin(spec: str) -> ModuleType:
    """The plugin module for a `--plugin` value; a one-line `PluginError` naming the fix if there is none."""
    if is_file_spec(spec):
        return _import_file(spec)
    cwd = os.getcwd()
    if cwd not in sys.path and "" not in sys.path:
        sys.path.append(cwd)
    try:
        return importlib.import_module(spec)
    except ModuleNotFoundError as exc:
        if exc.name and spec.split(".")[0] == exc.name.split(".")[0]:
            raise PluginError(f"cannot import plugin module {spec!r}: no such module here or installed "
                              f"(give a file, e.g. --plugin ./{spec.replace('.', '/')}.py, or pip install its package)") from None
        raise PluginError(f"cannot import plugin module {spec!r}: {exc} (install what it needs)") from None
    except Exception as exc:
        raise PluginError(f"cannot import plugin module {spec!r}: {type(exc).__name__}: {exc}") from None


def _import_file(given: str) -> ModuleType:
    path = Path(given)
    if not path.is_file():
        raise PluginError(f"plugin file {given!r} not found (give the path of a .py file, or a module name)")
    if path.suffix != ".py":
        raise PluginError(f"plugin file {given!r} is not a .py file")
    resolved = path.resolve()
    name = resolved.stem
    loaded = sys.modules.get(name)
    if loaded is not None and getattr(loaded, "__file__", None) and Path(loaded.__file__).resolve() == resolved:
        return loaded
    if loaded is not None:
        name = f"consistency_plugin_{abs(hash(str(resolved))):x}_{resolved.stem}"
    spec = importlib.util.spec_from_file_location(name, resolved)
    if spec is None or spec.loader is None:  # pragma: no cover - a .py file always has a loader
        raise PluginError(f"plugin file {given!r} cannot be loaded")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # before exec: pickling and dataclasses look the module up by name
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        del sys.modules[name]
        raise PluginError(f"plugin file {given!r} failed to load: {type(exc).__name__}: {exc}") from None
    return module
