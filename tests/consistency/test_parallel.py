"""check_parallel: same reports as a local run, in order, errors included, bounded reading."""

from __future__ import annotations

import io
import itertools
import json
import sys
from pathlib import Path

import pytest

from consistency.checker import Checker
from consistency.config import Config
from consistency.errors import ConfigError
from consistency.inputs import Document, read_inputs
from consistency.parallel import check_parallel, chunked, plugin_names, progress

BBC = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "bbc"
CONFIG = Config(select=["SC"], batch_size=2)
PLUGINS = ("scale_plugin",)  # tests/fixtures, on sys.path (conftest), so spawned workers import it too

pytestmark = pytest.mark.slow


def bbc_documents(count: int) -> list[Document]:
    if not BBC.is_dir():
        pytest.skip(f"the BBC corpus is not at {BBC}")
    return list(itertools.islice(read_inputs([str(BBC / "politics")]), count))


def dumps(reports) -> list[dict]:
    return [r.model_dump(mode="json", exclude={"timings"}) for r in reports]


def test_parallel_matches_local_run_in_order_with_errors():
    documents = bbc_documents(8)
    documents.insert(3, Document("broken.json", error="broken.json: invalid JSON at line 1 column 1: x"))
    local = dumps(Checker(CONFIG, PLUGINS).check_many(documents))
    parallel = dumps(check_parallel(iter(documents), CONFIG, PLUGINS, jobs=2, chunk_size=2))
    assert parallel == local
    assert [r["source"] for r in parallel] == [d.source for d in documents]
    assert parallel[3]["errors"][0]["kind"] == "input"
    assert sum(len(r["findings"]) for r in parallel) > 0  # the comparison is not between empty reports


def test_parallel_reads_input_lazily_within_its_window():
    documents = bbc_documents(4)
    pulled = []

    def stream():
        for i in range(40):
            pulled.append(i)
            yield documents[i % len(documents)]

    reports = check_parallel(stream(), CONFIG, PLUGINS, jobs=2, chunk_size=2, chunks_per_worker=1)
    first = next(reports)
    assert first.source == documents[0].source
    # window = 2 workers x 1 chunk, plus the chunk submitted after the first result
    assert len(pulled) <= 3 * 2 + 1
    reports.close()  # stopping early shuts the pool down without checking the rest
    assert len(pulled) < 40


def test_parallel_with_one_job_checks_in_process():
    documents = bbc_documents(2)
    assert dumps(check_parallel(documents, CONFIG, PLUGINS, jobs=1)) == dumps(Checker(CONFIG, PLUGINS).check_many(documents))


def test_parallel_refuses_plugins_a_worker_cannot_import():
    with pytest.raises(ConfigError, match="not a module"):
        plugin_names([object()])
    assert plugin_names(["scale_plugin", sys]) == ("scale_plugin", "sys")


def test_parallel_fails_fast_on_unknown_rule_code():
    with pytest.raises(ConfigError, match="unknown rule code"):
        next(check_parallel(iter([]), Config(select=["QQ99"]), (), jobs=2))


def test_parallel_chunked_is_lazy():
    assert list(chunked(iter(range(5)), 2)) == [[0, 1], [2, 3], [4]]


def test_parallel_progress_is_silent_when_disabled(monkeypatch):
    items = [1, 2, 3]
    assert progress(items, enabled=False) is items
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # not a terminal
    assert progress(items) is items


def test_parallel_progress_draws_a_bar_on_stderr_when_enabled(monkeypatch):
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    assert list(progress(range(3), total=3, enabled=True)) == [0, 1, 2]
    assert "0/3" in err.getvalue() and "article" in err.getvalue()


def test_parallel_from_the_command_line(capsys):
    from consistency.cli import main

    paths = [d.source for d in bbc_documents(4)] + ["missing.txt"]
    args = ["check", *paths, "--plugin", "scale_plugin", "--select", "SC", "--format", "jsonl", "--no-progress"]
    assert main(args) == 2  # the missing file is an input error
    one = capsys.readouterr().out.splitlines()
    assert main([*args, "--jobs", "2"]) == 2
    two = capsys.readouterr().out.splitlines()
    assert len(two) == 5 and [json.loads(x) | {"timings": {}} for x in two] == [json.loads(x) | {"timings": {}} for x in one]


def test_parallel_chunks_grow_from_one_document():
    from consistency.parallel import _growing_chunks

    assert list(_growing_chunks(iter(range(10)), 4)) == [[0], [1, 2], [3, 4, 5, 6], [7, 8, 9]]


def test_parallel_start_method_forks_only_where_safe(monkeypatch):
    import threading

    import consistency.parallel as parallel
    from consistency.budget import WATCHDOG_NAME
    from consistency.parallel import start_method

    assert start_method("spawn") == "spawn"
    monkeypatch.delenv("CONSISTENCY_START_METHOD", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(parallel, "_other_threads", lambda: 0)  # other tests may leave threads running
    assert start_method() == "fork"
    monkeypatch.setattr(parallel, "_other_threads", lambda: 1)  # a progress monitor, a Dask client...
    assert start_method() == "spawn"
    monkeypatch.setattr(parallel, "_other_threads", lambda: 0)
    monkeypatch.setattr(sys, "platform", "darwin")
    assert start_method() == "spawn"
    monkeypatch.undo()
    # The budget watchdog does not count: a forked child starts its own.
    monkeypatch.setattr(threading, "enumerate", lambda: [threading.current_thread(),
                                                         threading.Thread(name=WATCHDOG_NAME)])
    assert parallel._other_threads() == 0


_FORK_AND_SPAWN = """
import json, sys
from consistency.checker import Checker
from consistency.config import Config
from consistency.inputs import read_inputs
import consistency.parallel as parallel
documents = list(read_inputs(sys.argv[1:]))
config = Config(select=["SC"], batch_size=2)
def dumps(reports):
    return [r.model_dump(mode="json", exclude={"timings"}) for r in reports]
runs = {"local": dumps(Checker(config, ("scale_plugin",)).check_many(documents))}
for method in ("fork", "spawn"):
    runs[method] = dumps(parallel.check_parallel(iter(documents), config, ("scale_plugin",), jobs=2, method=method))
runs["left_behind"] = parallel._worker_checker is None
print(json.dumps(runs))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork is used on Linux only")
def test_parallel_forked_and_spawned_workers_give_the_same_reports():
    """In a fresh process (this one may run threads left by other tests, and forking under them
    is what `start_method` avoids)."""
    import os
    import subprocess

    paths = [d.source for d in bbc_documents(6)]
    fixtures = str(Path(__file__).resolve().parents[1] / "fixtures")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [fixtures, os.environ.get("PYTHONPATH")]))}
    out = subprocess.run([sys.executable, "-c", _FORK_AND_SPAWN, *paths], env=env, capture_output=True, text=True,
                         check=True, timeout=300)
    runs = json.loads(out.stdout)
    assert runs["fork"] == runs["spawn"] == runs["local"] and len(runs["local"]) == 6
    assert sum(len(r["findings"]) for r in runs["local"]) > 0
    assert runs["left_behind"], "the parent keeps no worker state after the run"


def test_parallel_start_method_from_the_environment(monkeypatch):
    from consistency.parallel import start_method

    monkeypatch.setenv("CONSISTENCY_START_METHOD", "spawn")
    assert start_method() == "spawn"
    monkeypatch.setenv("CONSISTENCY_START_METHOD", "teleport")
    with pytest.raises(ConfigError, match="teleport"):
        start_method()
