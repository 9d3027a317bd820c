"""Check articles on a Dask cluster: a streaming `check_dask` for the CLI, and bags.

Every worker builds one `Checker` per configuration and keeps it (module-level cache),
so the spaCy pipeline and knowledge packs load once per worker process, not once per
task. Workers run the same code on the same inputs as a local run, so findings are
identical. In `check_dask`, a chunk whose task fails (a worker killed by one article,
after Dask's own retries) is checked again one article per task, so only the
article that fails alone gets an error record. Needs the optional extra:
`pip install "article-consistency[dask]"`.

    import dask.bag as db
    from consistency.distributed import check_bag, read_jsonl_bag

    reports = check_bag(read_jsonl_bag("realnews/shard-*.jsonl.gz"), select=["GE"])
    reports.filter(lambda r: r["findings"]).map(json.dumps).to_textfiles("out/*.jsonl")
"""

from __future__ import annotations

import glob
import itertools
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from .checker import Checker
from .config import Config
from .errors import ConsistencyError
from .inputs import Document, document_from, jsonl_line, jsonl_stream
from .models import Article, Report, ReportError
from .parallel import chunked, plugin_names

if TYPE_CHECKING:
    import dask.bag
    from distributed import Client

#: Chunks in flight per worker thread in `check_dask`: keeps workers busy, memory bounded.
CHUNKS_PER_THREAD = 2

_CHECKERS: dict[tuple[str, tuple[str, ...]], tuple[Checker, threading.Lock]] = {}
_CHECKERS_LOCK = threading.Lock()


def worker_checker(config: Config, plugins: tuple[str, ...]) -> tuple[Checker, threading.Lock]:
    """This process's checker for a configuration, built on first use, with its lock.

    The lock serialises use of one checker by the threads of a worker: a spaCy
    pipeline is not documented as thread-safe.
    """
    key = (config.model_dump_json(), plugins)
    with _CHECKERS_LOCK:
        if key not in _CHECKERS:
            checker = Checker(config, plugins)
            checker.nlp  # noqa: B018 - load the pipeline once, here
            _CHECKERS[key] = (checker, threading.Lock())
        return _CHECKERS[key]


def to_document(item: Any, index: int = 0) -> Document:
    """An input `Document` from an `Article`, a `Document`, an article dict, or a JSON line."""
    if isinstance(item, Document):
        return item
    if isinstance(item, Article):
        return Document(item.id, item)
    if isinstance(item, str | bytes):
        line = jsonl_line("item", index, item)
        document = line or Document(f"item:{index}", error=f"item:{index}: empty line, no article")
        if document.article is not None:
            return Document(document.article.id, document.article)
        return document
    if isinstance(item, dict):
        document = document_from(f"item:{index}", lambda: Article.from_dict(item))
        if document.article is not None:
            return Document(document.article.id, document.article)
        return document
    return Document(f"item:{index}", error=f"item:{index}: not an article ({type(item).__name__})")


def check_documents(items: Iterable[Any], config: Config, plugins: tuple[str, ...],
                    as_dict: bool = False) -> list[Any]:
    """Check a batch on this worker with its cached checker (the task every engine runs)."""
    checker, lock = worker_checker(config, plugins)
    documents = [to_document(item, i) for i, item in enumerate(items)]
    with lock:
        reports = list(checker.check_many(documents, batch_size=checker.config.batch_size))
    return [r.model_dump(mode="json") for r in reports] if as_dict else reports


def check_bag(bag: dask.bag.Bag, config: Config | None = None, plugins: Sequence[Any] = (),
              *, as_dict: bool = True, **overrides: Any) -> dask.bag.Bag:
    """A bag of reports, one per item of `bag`, in the same partitions and order.

    Items may be `Article`s, input `Document`s (as from `read_jsonl_bag`), article
    dicts (this library's schema or RealNews/Grover's) or JSON lines. Reports are
    plain dicts (the `--format jsonl` record) unless `as_dict=False`. Keyword
    overrides (`select=["GE"]`, ...) are laid over `config`.
    """
    config = config or Config()
    if overrides:
        config = config.merged(**overrides)
    names = plugin_names(plugins)
    Checker(config, names)  # fail fast on an unknown rule code, here, not on every worker
    return bag.map_partitions(check_documents, config, names, as_dict)


def read_jsonl_bag(paths: str | Sequence[str], files_per_partition: int = 1) -> dask.bag.Bag:
    """A bag of input `Document`s from JSONL files, local or remote, compressed or not.

    `paths` are file names or glob patterns; anything fsspec opens works (s3://,
    gs://, hdfs://, *.gz, *.bz2, *.xz, *.zst). Each file is read lazily, line by line,
    by the worker that checks it; sources are `PATH:LINE` as in a local run.
    """
    import dask.bag as db

    files = expand_paths([paths] if isinstance(paths, str) else list(paths))
    if not files:
        raise ConsistencyError(f"no files match {paths!r}")
    groups = [files[i:i + files_per_partition] for i in range(0, len(files), files_per_partition)]
    return db.from_sequence(groups, npartitions=len(groups)).map_partitions(_read_groups)


def expand_paths(patterns: Sequence[str]) -> list[str]:
    """Every file named or matched, in order; remote patterns go through fsspec."""
    files: list[str] = []
    for pattern in patterns:
        if "://" in pattern:
            import fsspec  # type: ignore[import-untyped]

            fs, _, matches = fsspec.get_fs_token_paths(pattern)
            files.extend(fs.unstrip_protocol(m) for m in matches)
        elif glob.has_magic(pattern):
            files.extend(sorted(glob.glob(pattern)))
        else:
            files.append(pattern)
    return files


def _read_groups(groups: Iterable[list[str]]) -> Iterator[Document]:
    for group in groups:
        for path in group:
            yield from iter_jsonl_documents(path)


def iter_jsonl_documents(path: str) -> Iterator[Document]:
    """Documents of one JSONL file, read line by line, with `PATH:LINE` sources."""
    import fsspec  # type: ignore[import-untyped]

    try:
        with fsspec.open(path, "rb", compression="infer") as handle:
            yield from jsonl_stream(path, handle)  # bytes: lines end at \n only, each decoded alone
    except (OSError, EOFError) as exc:
        yield Document(path, error=f"{path}: cannot read: {exc}")


def check_dask(documents: Iterable[Article | Document], config: Config | None = None, plugins: Sequence[Any] = (),
               scheduler: str | None = None, *, chunk_size: int | None = None) -> Iterator[Report]:
    """Reports for a local stream of documents, checked on a Dask cluster, in input order.

    `scheduler` is a scheduler address (`tcp://host:8786`); without one a local
    cluster is started on 127.0.0.1 for the run. Documents are sent in chunks, a
    bounded number at a time, so the input is never held whole in memory.
    """
    from distributed import Client, LocalCluster

    config = config or Config()
    names = plugin_names(plugins)
    Checker(config, names)  # fail fast, before any cluster starts
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(host="127.0.0.1", n_workers=None, threads_per_worker=1, processes=True,
                               dashboard_address="127.0.0.1:0")
        client = Client(cluster)
    try:
        yield from stream_on_client(client, documents, config, names, chunk_size or config.batch_size)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def stream_on_client(client: Client, documents: Iterable[Article | Document], config: Config,
                     plugins: tuple[str, ...], chunk_size: int) -> Iterator[Report]:
    """Submit chunks to `client` with a bounded window and yield reports in input order."""
    threads = sum(client.nthreads().values()) or 1
    window = threads * CHUNKS_PER_THREAD
    chunks = chunked((d if isinstance(d, Document) else Document(d.id, d) for d in documents), chunk_size)
    pending: deque[tuple[Any, list[Document]]] = deque()
    try:
        for chunk in itertools.islice(chunks, window):
            pending.append((client.submit(check_documents, chunk, config, plugins, pure=False), chunk))
        while pending:
            future, chunk = pending.popleft()
            try:
                reports = future.result()
            except Exception:  # a worker died on it (KilledWorker) or the task broke
                reports = _one_by_one(client, chunk, config, plugins)
            future.release()
            next_chunk = next(chunks, None)
            if next_chunk is not None:
                pending.append((client.submit(check_documents, next_chunk, config, plugins, pure=False), next_chunk))
            yield from reports
    finally:
        for future, _ in pending:
            future.cancel()


def _one_by_one(client: Client, chunk: list[Document], config: Config, plugins: tuple[str, ...]) -> list[Report]:
    """A failed chunk checked again one article per task: only the articles that fail alone are lost.

    One task at a time: tasks waiting on a worker that dies count as suspects too.
    """
    reports: list[Report] = []
    for doc in chunk:
        future = client.submit(check_documents, [doc], config, plugins, pure=False)
        try:
            reports.extend(future.result())
        except Exception as exc:
            message = f"{doc.source}: not checked: the Dask task checking it failed ({type(exc).__name__}: {exc})"
            reports.append(Report(source=doc.source, article=doc.article,
                                  errors=[ReportError(kind="input", exception="WorkerDied", message=message)]))
        future.release()
    return reports
