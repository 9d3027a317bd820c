"""Check a stream of articles on several processes, in bounded memory and input order.

`check_parallel` cuts the input into chunks and keeps at most a few chunks per worker
in flight, so a corpus of millions of articles is never held in memory. Each worker
process builds its own `Checker` once (from the pickled `Config` and the plugin
module names) and so loads the spaCy pipeline and knowledge packs once. Reports come
back in input order, input errors included, each with its `source`.
"""

from __future__ import annotations

import itertools
import multiprocessing
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from types import ModuleType
from typing import Any, TypeVar

from .checker import Checker
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
) -> Iterator[Report]:
    """Reports for every document, in input order, checked on `jobs` processes.

    At most `jobs * chunks_per_worker` chunks of `chunk_size` documents (default: the
    configured `batch_size`) are pending at any time; the input iterator is read only
    as results are consumed. `jobs <= 1` checks in this process.
    """
    config = config or Config()
    names = plugin_names(plugins)
    if jobs <= 1:
        yield from Checker(config, names).check_many(documents)
        return
    Checker(config, names)  # fail fast, in the parent, on an unknown rule code or a bad plugin
    size = chunk_size or config.batch_size
    window = max(1, jobs * chunks_per_worker)
    chunks = chunked((as_document(d) for d in documents), size)
    # spawn, not fork: the parent may hold threads (tqdm, Dask) and a loaded model.
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker, initargs=(config, names))
    pending: deque[Future[list[Report]]] = deque()
    try:
        for chunk in itertools.islice(chunks, window):
            pending.append(pool.submit(_check_chunk, chunk))
        while pending:
            reports = pending.popleft().result()
            next_chunk = next(chunks, None)
            if next_chunk is not None:
                pending.append(pool.submit(_check_chunk, next_chunk))
            yield from reports
    finally:  # also when the consumer stops early: drop queued chunks, don't wait for them
        pool.shutdown(wait=True, cancel_futures=True)

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

    return tqdm(iterable, total=total, unit=unit, desc=desc, file=sys.stderr, leave=False, dynamic_ncols=True)
