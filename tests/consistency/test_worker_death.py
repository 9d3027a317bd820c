"""--jobs: a worker that dies or hangs costs only the article it was on, named in an error record."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time

import pytest

from consistency.config import Config
from consistency.inputs import Document
from consistency.models import Article
from consistency.parallel import check_parallel

pytestmark = pytest.mark.slow

PLUGINS = ("hostile_plugin",)  # tests/fixtures, on sys.path (conftest), so spawned workers import it too
CONFIG = Config(select=["HX01"], batch_size=4)


def documents(markers: dict[int, str], count: int = 12) -> list[Document]:
    docs = []
    for i in range(count):
        body = f"Article {i} has a marker in it. {markers.get(i, '')}"
        docs.append(Document(f"doc-{i}", Article(title=f"Title {i}", body=body)))
    return docs


def summary(reports) -> list[tuple[str, int, str]]:
    return [(r.source, len(r.findings), r.errors[0].message if r.errors else "") for r in reports]


@pytest.mark.parametrize("marker", ["KILL-IN-RULE", "KILL-IN-PARSE"])
def test_worker_death_costs_only_the_article_it_was_on(marker):
    docs = documents({5: marker})
    reports = summary(check_parallel(iter(docs), CONFIG, PLUGINS, jobs=2))
    assert [source for source, _, _ in reports] == [d.source for d in docs]
    for i, (source, findings, error) in enumerate(reports):
        if i == 5:
            assert findings == 0 and "doc-5" in error and "worker process" in error and "SIGKILL" in error
        else:
            assert (findings, error) == (1, ""), (source, error)


def test_worker_death_two_killers_in_one_batch():
    docs = documents({4: "KILL-IN-PARSE", 6: "KILL-IN-RULE"})
    reports = summary(check_parallel(iter(docs), CONFIG, PLUGINS, jobs=2))
    assert [bool(error) for _, _, error in reports] == [i in (4, 6) for i in range(12)]


def test_worker_hung_in_c_code_is_killed_and_named():
    docs = documents({2: "HANG-IN-C"}, count=6)
    config = Config(select=["HX01"], batch_size=2, rule_timeout=0.5)
    reports = summary(check_parallel(iter(docs), config, PLUGINS, jobs=2, worker_timeout=5))
    assert [bool(error) for _, _, error in reports] == [i == 2 for i in range(6)]
    assert "stopped answering" in reports[2][2]


def test_worker_killed_from_outside_costs_only_its_article():
    docs = documents({i: "SLOW" for i in range(16)}, count=16)
    reports = check_parallel(iter(docs), CONFIG, PLUGINS, jobs=2)
    first = next(reports)

    def kill_one():
        time.sleep(0.5)
        os.kill(multiprocessing.active_children()[0].pid, signal.SIGKILL)

    killer = threading.Thread(target=kill_one)
    killer.start()
    rest = summary([first, *reports])
    killer.join()
    assert [source for source, _, _ in rest] == [d.source for d in docs]
    failed = [(source, error) for source, _, error in rest if error]
    assert len(failed) <= 1 and all("SIGKILL" in error and source in error for source, error in failed)
    assert sum(findings for _, findings, _ in rest) == 16 - len(failed)
