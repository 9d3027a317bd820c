"""Check a stream of articles on several processes, in bounded memory and input order.

`check_parallel` cuts the input into chunks and keeps at most a few chunks per worker
in flight, so a corpus of millions of articles is never held in memory. Reports come
back in input order, input errors included, each with its `source`.

Where the platform allows it (Linux, and no other thread running in this process), the
workers are *forked* after this process has built its `Checker`, loaded the spaCy
pipeline, the gazetteer and the rules' data, and checked a short warm-up article: start-up
is paid once, and the workers share those pages copy-on-write (`gc.freeze()` keeps the
garbage collector from touching them). Elsewhere they are *spawned*, each building its own
`Checker` from the pickled `Config` and the plugin module names.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from types import ModuleType
from typing import Any, TypeVar

from .checker import Checker, growing_batches
from .config import Config
from .errors import ConfigError
from .inputs import Document
from .models import Article, Report

T = TypeVar("T")

#: Chunks kept in flight per worker: enough to keep every worker busy while the
#: parent writes reports, few enough that memory stays bounded.
CHUNKS_PER_WORKER = 2

_worker_checker: Checker | None = None


def plugin_names(plugins: Iterable[Any]) -> tuple[str, ...]:
    """Plugins as importable module names, the only form another process can load.

    Raises ConfigError for an object that is not a module or a module name, because
    a worker process could not rebuild it.
    """
    names = []
    for plugin in plugins:
        if isinstance(plugin, str):
            names.append(plugin)
        elif isinstance(plugin, ModuleType):
            names.append(plugin.__name__)
        else:
            raise ConfigError(f"plugin {plugin!r} is not a module: parallel and Dask runs need importable plugin modules")
    return tuple(names)


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of at most `size` items, drawn lazily."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def as_document(item: Article | Document) -> Document:
    """An input `Document` for an article (its id as source) or the document itself."""
    return item if isinstance(item, Document) else Document(item.id, item)


#: A short article checked in the parent before forking, so that whatever the rules load on
#: first use (gazetteer tables, compiled patterns, name lists) is loaded once, not per worker.
WARM_UP = (
    "Ministers meet in Kazan\n\n"
    "Russian and Belarusian ministers met in Kazan on Monday, the foreign ministry said. "
    "Sergei Lavrov, 74, told reporters that 12 people had been hurt and that talks would resume "
    "next week in Minsk. \"We agreed on the border,\" Mr Lavrov said. The trip cost $1.5m, "
    "officials in Moscow and Washington said."
)


def start_method(requested: str | None = None) -> str:
    """"fork" where it is safe and available, else "spawn"; or the method asked for, by argument
    or by `$CONSISTENCY_START_METHOD` (an escape hatch for a plugin that forking would upset).

    Fork is used on Linux only, and only while this process runs no other thread (a progress
    monitor, a Dask client): a thread holding a lock at the fork would leave it locked in the
    child. macOS and Windows spawn, as Python does by default there.
    """
    requested = requested or os.environ.get("CONSISTENCY_START_METHOD") or None
    if requested:
        if requested not in multiprocessing.get_all_start_methods():
            raise ConfigError(f"start method {requested!r} is not available here "
                              f"(choose from {', '.join(multiprocessing.get_all_start_methods())})")
        return requested
    # Python 3.10.5+ forks every worker of a fork pool up front, before the pool's own thread starts.
    if (sys.platform.startswith("linux") and sys.version_info >= (3, 10, 5)
            and "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1):
        return "fork"
    return "spawn"


def _prepare_for_fork(checker: Checker) -> None:
    """Load everything the workers need in this process, so that forked workers inherit it."""
    from .models import Article

    checker.nlp  # noqa: B018 - the pipeline
    try:
        checker.check(Article.from_text(WARM_UP), source="warm-up")
    except Exception:  # noqa: BLE001 - a warm-up failure only means the workers load lazily
        pass


def _init_worker(config: Config, plugins: tuple[str, ...]) -> None:
    """Build this process's checker and load its pipeline before the first chunk arrives."""
    global _worker_checker
    _worker_checker = Checker(config, plugins)
    _worker_checker.nlp  # noqa: B018 - load the model now, once per process


def _check_chunk(documents: list[Document]) -> list[Report]:
    assert _worker_checker is not None, "worker process was not initialised"
    # Fixed batches: the chunks themselves grow in `check_parallel`.
    return list(_worker_checker.check_many(documents, batch_size=_worker_checker.config.batch_size))


def check_parallel(
    documents: Iterable[Article | Document],
    config: Config | None = None,
    plugins: Sequence[Any] = (),
    jobs: int = 2,
    *,
    chunk_size: int | None = None,
    chunks_per_worker: int = CHUNKS_PER_WORKER,
    method: str | None = None,
) -> Iterator[Report]:
    """Reports for every document, in input order, checked on `jobs` processes.

    At most `jobs * chunks_per_worker` chunks of up to `chunk_size` documents (default:
    the configured `batch_size`; the first chunks are smaller) are pending at any time;
    the input iterator is read only as results are consumed. `jobs <= 1` checks in this
    process. `method` forces a start method ("fork", "spawn", "forkserver"); by default
    see `start_method`.
    """
    global _worker_checker
    config = config or Config()
    names = plugin_names(plugins)
    if jobs <= 1:
        yield from Checker(config, names).check_many(documents)
        return
    checker = Checker(config, names)  # fails fast, in the parent, on an unknown rule code or a bad plugin
    size = chunk_size or config.batch_size
    window = max(1, jobs * chunks_per_worker)
    # Chunks grow like check_many's batches (1, 2, 4, ...), so the first report is one article away.
    chunks = _growing_chunks((as_document(d) for d in documents), size)
    method = start_method(method)
    if method == "fork":
        _prepare_for_fork(checker)
        _worker_checker = checker  # inherited by the forked workers
        gc.freeze()  # keep the loaded objects out of the collector's reach: pages stay shared
        pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"))
    else:
        pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(method),
                                   initializer=_init_worker, initargs=(config, names))
    pending: deque[Future[list[Report]]] = deque()
    try:
        for chunk in itertools.islice(chunks, window):
            pending.append(pool.submit(_check_chunk, chunk))
        if method == "fork":  # every worker was forked on the first submit
            gc.unfreeze()
            _worker_checker = None
        while pending:
            reports = pending.popleft().result()
            next_chunk = next(chunks, None)
            if next_chunk is not None:
                pending.append(pool.submit(_check_chunk, next_chunk))
            yield from reports
    finally:  # also when the consumer stops early: drop queued chunks, don't wait for them
        if method == "fork":
            gc.unfreeze()
            _worker_checker = None
        pool.shutdown(wait=True, cancel_futures=True)


def _growing_chunks(items: Iterable[T], largest: int) -> Iterator[list[T]]:
    """Consecutive lists of 1, 2, 4, ... up to `largest` items, drawn lazily."""
    iterator = iter(items)
    for size in growing_batches(largest):
        chunk = list(itertools.islice(iterator, size))
        if not chunk:
            return
        yield chunk

def progress(iterable: Iterable[T], total: int | None = None, enabled: bool | None = None,
             unit: str = "article", desc: str | None = None) -> Iterable[T]:
    """`iterable` with a tqdm progress bar on stderr when it is a terminal (or `enabled`).

    Silent, and the iterable returned untouched, when stderr is redirected or
    `enabled` is False, so logs and pipes never fill with bar updates.
    """
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        return iterable
    from tqdm import tqdm  # type: ignore[import-untyped]

    class Bar(tqdm):  # type: ignore[misc]
        monitor_interval = 0  # no monitor thread: `--jobs` can then still fork its workers

    return Bar(iterable, total=total, unit=unit, desc=desc, file=sys.stderr, leave=False, dynamic_ncols=True)
