"""The Dask engine gives the findings of a local run, on a loopback LocalCluster."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from consistency.checker import Checker
from consistency.config import Config
from consistency.errors import ConsistencyError
from consistency.inputs import Document, read_inputs

distributed = pytest.importorskip("distributed")
db = pytest.importorskip("dask.bag")

from consistency.distributed import (
    check_bag,
    check_dask,
    read_jsonl_bag,
    stream_on_client,
    to_document,
)

BBC = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "bbc"
PLUGINS = ("scale_plugin",)  # tests/fixtures: importable by in-process workers
CONFIG = Config(select=["SC"], batch_size=2)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    if not BBC.is_dir():
        pytest.skip(f"the BBC corpus is not at {BBC}")
    return list(itertools.islice(read_inputs([str(BBC / "tech")]), 6))


@pytest.fixture(scope="module")
def local(documents) -> list[dict]:
    return dumps(Checker(CONFIG, PLUGINS).check_many(documents))


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(processes=False, n_workers=2, threads_per_worker=1, host="127.0.0.1", protocol="tcp",
                                  dashboard_address="127.0.0.1:0") as cluster:
        yield cluster


def dumps(reports) -> list[dict]:
    return [(r if isinstance(r, dict) else r.model_dump(mode="json")) | {"timings": {}} for r in reports]


def test_distributed_check_dask_matches_local_run(cluster, documents, local):
    with_error = [*documents[:2], Document("gone.txt", error="gone.txt: no such file or folder"), *documents[2:]]
    expected = [*local[:2], None, *local[2:]]
    reports = dumps(check_dask(iter(with_error), CONFIG, PLUGINS, cluster.scheduler_address, chunk_size=2))
    assert [r["source"] for r in reports] == [d.source for d in with_error]
    assert reports[2]["errors"][0]["message"] == "gone.txt: no such file or folder"
    assert [r for r in reports if r["source"] != "gone.txt"] == [r for r in expected if r is not None]
    assert sum(len(r["findings"]) for r in reports) > 0


def test_distributed_check_bag_of_jsonl_matches_local_run(cluster, documents, local, tmp_path):
    shard = tmp_path / "shard.jsonl"
    lines = [json.dumps({"title": d.article.title, "text": d.article.body}) for d in documents]
    shard.write_text("\n".join([*lines[:3], "{not json", *lines[3:]]) + "\n", encoding="utf-8")
    with distributed.Client(cluster) as client:
        reports = check_bag(read_jsonl_bag(str(shard)), CONFIG, PLUGINS).compute(scheduler=client.get)
    assert [r["source"] for r in reports] == [f"{shard}:{n}" for n in range(1, len(documents) + 2)]
    assert reports[3]["errors"][0]["message"].startswith(f"{shard}:4: invalid JSON")
    checked = [r for r in reports if r["article"]]
    assert [r["findings"] for r in checked] == [r["findings"] for r in local]


def test_distributed_check_bag_takes_articles_and_returns_reports(documents, local):
    bag = db.from_sequence([d.article for d in documents[:3]], npartitions=2)
    reports = check_bag(bag, CONFIG, PLUGINS, as_dict=False).compute(scheduler="sync")
    assert [r.findings for r in reports] == [Checker(CONFIG, PLUGINS).check(d.article).findings for d in documents[:3]]


def test_distributed_worker_processes_match_local_run(documents, local):
    """Real worker processes (spawned, own model) on loopback give the same findings."""
    with distributed.LocalCluster(processes=True, n_workers=1, threads_per_worker=1, host="127.0.0.1",
                                  dashboard_address="127.0.0.1:0") as cluster, distributed.Client(cluster) as client:
        reports = dumps(stream_on_client(client, iter(documents[:3]), CONFIG, PLUGINS, chunk_size=2))
    assert reports == local[:3]


def test_distributed_to_document_accepts_every_article_form():
    assert to_document({"title": "T", "text": "Body."}).article.body == "Body."
    assert to_document('{"title": "T", "body": "B"}').article.title == "T"
    assert to_document("{oops", 4).error.startswith("item:4: invalid JSON")
    assert to_document(42, 1).error == "item:1: not an article (int)"


def test_distributed_read_jsonl_bag_needs_files(tmp_path):
    with pytest.raises(ConsistencyError, match="no files match"):
        read_jsonl_bag(str(tmp_path / "*.jsonl"))


def test_distributed_from_the_command_line(cluster, documents, local, capsys):
    from consistency.cli import main
    from consistency.locations import locate
    from consistency.models import Report

    located = dumps(locate(Report.model_validate(r)) for r in local)  # the CLI adds file locations
    args = ["check", *(d.source for d in documents), "--plugin", "scale_plugin", "--select", "SC", "--format", "jsonl",
            "--show-info"]
    assert main([*args, "--engine", "dask", "--scheduler", cluster.scheduler_address]) == 1
    assert dumps(json.loads(line) for line in capsys.readouterr().out.splitlines()) == located


def test_distributed_worker_death_costs_only_its_article():
    """A Dask worker process killed by one article: that article gets an error record, the rest are checked."""
    import dask

    from consistency.models import Article

    docs = [Document(f"doc-{i}", Article(title=f"Title {i}", body=f"A marker here. {'KILL-IN-RULE' if i == 2 else ''}"))
            for i in range(5)]
    config = Config(select=["HX01"], batch_size=5)
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
            distributed.LocalCluster(processes=True, n_workers=1, threads_per_worker=1, host="127.0.0.1",
                                     dashboard_address="127.0.0.1:0") as cluster, distributed.Client(cluster) as client:
        reports = list(stream_on_client(client, iter(docs), config, ("hostile_plugin",), chunk_size=5))
    assert [r.source for r in reports] == [d.source for d in docs]
    assert [len(r.findings) for r in reports] == [1, 1, 0, 1, 1]
    assert "doc-2" in reports[2].errors[0].message and reports[2].errors[0].exception == "WorkerDied"
