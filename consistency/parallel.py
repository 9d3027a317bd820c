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

Workers report as they go, so the parent always knows which article a worker is on: one
that dies (killed, crashed) or stops answering (`worker_timeout`) costs that article an error
record naming it, and a new worker (forked or spawned alike) checks the rest.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from types import ModuleType
from typing import Any, TypeVar

from .checker import Checker, growing_batches
from .config import Config
from .errors import ConfigError, ConsistencyError
from .inputs import Document
from .models import Article, Report, ReportError

T = TypeVar("T")

#: Chunks kept in flight per worker: enough to keep every worker busy while the
#: parent writes reports, few enough that memory stays bounded.
CHUNKS_PER_WORKER = 2

#: The parent's checker while forked workers start: they inherit it instead of building their own.
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
            and "fork" in multiprocessing.get_all_start_methods() and _other_threads() == 0):
        return "fork"
    return "spawn"


def _other_threads() -> int:
    """Threads besides this one, not counting the budget watchdog (a forked child starts its own)."""
    from .budget import WATCHDOG_NAME

    return sum(1 for t in threading.enumerate() if t is not threading.current_thread() and t.name != WATCHDOG_NAME)


def _prepare_for_fork(checker: Checker) -> None:
    """Load everything the workers need in this process, so that forked workers inherit it."""
    from .models import Article

    checker.nlp  # noqa: B018 - the pipeline
    try:
        checker.check(Article.from_text(WARM_UP), source="warm-up")
    except Exception:  # noqa: BLE001 - a warm-up failure only means the workers load lazily
        pass


def _worker_main(conn: Connection, config: Config, plugins: tuple[str, ...]) -> None:
    """A worker process: build the checker once, then check the tasks the parent sends.

    It reports as it goes (task begun, batch parsed, each report), so when it dies
    the parent knows which article it was on.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        checker = _worker_checker if _worker_checker is not None else Checker(config, plugins)  # forked: inherited
        checker.nlp  # noqa: B018 - load the model now, once per process
    except BaseException as exc:  # noqa: BLE001 - report any start-up failure to the parent
        conn.send(("init-error", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready",))
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        task_id, documents = message
        conn.send(("begin", task_id))
        for i, report in enumerate(checker.check_batch(documents, on_parsed=lambda: conn.send(("parsed", task_id)))):
            conn.send(("report", task_id, i, report))


@dataclass
class _Task:
    """Some documents of one chunk: `positions` are their places in it."""

    id: int
    chunk: int
    positions: list[int]
    documents: list[Document]
    alone: bool = False  # re-run by itself after a worker died on a batch holding it


@dataclass
class _Worker:
    process: Any
    conn: Connection
    ready: bool = False
    task: _Task | None = None
    begun: bool = False
    parsed: bool = False
    done: int = 0  # reports received for the current task
    last: float = field(default_factory=time.monotonic)
    hung: bool = False


#: Seconds a starting worker may take to load its pipeline before it counts as hung, whatever
#: `worker_timeout` says: start-up under load takes far longer than any one article should.
START_ALLOWANCE_S = 120.0


class _Pool:
    """Worker processes that each check one task at a time, replaced when they die.

    A worker that dies or stops answering costs only the article it was checking:
    that article gets an error record, and the others of its task are checked again
    (one by one when the worker died before the batch was parsed, to find the one
    that kills it).
    """

    def __init__(self, jobs: int, config: Config, plugins: tuple[str, ...], worker_timeout: float | None,
                 method: str = "spawn") -> None:
        self.jobs = jobs
        self.config = config
        self.plugins = plugins
        self.worker_timeout = worker_timeout
        self.context = multiprocessing.get_context(method)
        self.workers: list[_Worker] = []
        self.start_failures = 0
        for _ in range(jobs):
            self._spawn()

    def _spawn(self) -> None:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_worker_main, args=(child, self.config, self.plugins), daemon=True)
        process.start()
        child.close()
        self.workers.append(_Worker(process, parent))

    def close(self) -> None:
        """Stop every worker: ask, then kill what does not stop."""
        for worker in self.workers:
            with contextlib.suppress(OSError, ValueError):
                worker.conn.send(None)
        deadline = time.monotonic() + 5
        for worker in self.workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(5)
            worker.conn.close()
        self.workers = []

    def idle(self) -> list[_Worker]:
        """Workers with no task (their start-up may still be under way)."""
        return [w for w in self.workers if w.task is None]

    def assign(self, worker: _Worker, task: _Task) -> None:
        worker.task, worker.begun, worker.parsed, worker.done = task, False, False, 0
        worker.last = time.monotonic()
        with contextlib.suppress(OSError):  # a worker that just died: its death hands the task back
            worker.conn.send((task.id, task.documents))

    def events(self, timeout: float) -> Iterator[tuple[_Worker, Any]]:
        """(worker, message) for what arrived, then (worker, None) for each dead or hung one."""
        handles: dict[Any, _Worker] = {}
        for worker in self.workers:
            handles[worker.conn] = worker
            handles[worker.process.sentinel] = worker
        for ready in wait(list(handles), timeout):
            worker = handles[ready]
            if ready is worker.conn:
                try:
                    while worker.conn.poll():
                        yield worker, worker.conn.recv()
                        worker.last = time.monotonic()
                except (EOFError, OSError):
                    pass
        now = time.monotonic()
        for worker in list(self.workers):
            if worker.process.is_alive() and worker.task is not None and self.worker_timeout \
                    and now - worker.last > self._allowance(worker):
                worker.process.kill()
                worker.process.join(5)
                worker.hung = True
            if not worker.process.is_alive():
                yield from self._drain(worker)  # what it sent before it died counts
                yield worker, None

    @staticmethod
    def _drain(worker: _Worker) -> Iterator[tuple[_Worker, Any]]:
        try:
            while worker.conn.poll():
                yield worker, worker.conn.recv()
        except (EOFError, OSError):
            return

    def _allowance(self, worker: _Worker) -> float:
        """Seconds without news before a busy worker counts as hung; parsing a batch earns more."""
        assert self.worker_timeout is not None and worker.task is not None
        if not worker.ready:  # still loading spaCy and the rules: slow on a busy machine, not hung
            return max(self.worker_timeout, START_ALLOWANCE_S)
        if not worker.parsed:
            chars = sum(len(d.article.title) + len(d.article.body) for d in worker.task.documents if d.article)
            return self.worker_timeout + chars / 10_000
        return self.worker_timeout

    def bury(self, worker: _Worker) -> str:
        """Remove a dead worker, start another, and say how it ended."""
        self.workers.remove(worker)
        worker.conn.close()
        code = worker.process.exitcode
        if worker.hung:
            reason = f"it stopped answering for {self.worker_timeout:g} s and was killed"
        elif code is not None and code < 0:
            reason = f"killed by signal {-code} ({_signal_name(-code)})"
        else:
            reason = f"exit code {code}"
        if not worker.ready:
            self.start_failures += 1
            if self.start_failures >= 3:
                raise ConsistencyError(f"worker processes cannot start ({reason})")
        self._spawn()
        return reason


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return "unknown signal"


def worker_died_report(document: Document, reason: str) -> Report:
    """The error record of an article whose worker process died while checking it."""
    message = f"{document.source}: not checked: the worker process checking it died ({reason})"
    return Report(source=document.source, article=document.article,
                  errors=[ReportError(kind="input", exception="WorkerDied", message=message)])


def check_parallel(
    documents: Iterable[Article | Document],
    config: Config | None = None,
    plugins: Sequence[Any] = (),
    jobs: int = 2,
    *,
    chunk_size: int | None = None,
    chunks_per_worker: int = CHUNKS_PER_WORKER,
    method: str | None = None,
    worker_timeout: float | None | str = "config",
) -> Iterator[Report]:
    """Reports for every document, in input order, checked on `jobs` processes.

    At most `jobs * chunks_per_worker` chunks of up to `chunk_size` documents (default:
    the configured `batch_size`; the first chunks are smaller) are pending at any time;
    the input iterator is read only as results are consumed. `jobs <= 1` checks in this
    process. `method` forces a start method ("fork", "spawn", "forkserver"); by default
    see `start_method`. A worker that dies, or sends nothing for `worker_timeout` seconds
    (None: never killed), costs only the article it was on: an error record naming it; a
    new worker takes its place. `worker_timeout` defaults to the configuration's (600 s).
    """
    global _worker_checker
    config = config or Config()
    names = plugin_names(plugins)
    if worker_timeout == "config":
        worker_timeout = config.worker_timeout
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
        _worker_checker = checker  # inherited by the forked workers, replacements included
        gc.freeze()  # keep the loaded objects out of the collector's reach: pages stay shared
    try:
        pool = _Pool(jobs, config, names, worker_timeout or None, method)  # type: ignore[arg-type]
        if method == "fork":
            gc.unfreeze()
        try:
            yield from _run(pool, chunks, window)
        finally:  # also when the consumer stops early
            pool.close()
    finally:
        if method == "fork":
            gc.unfreeze()
            _worker_checker = None


def _run(pool: _Pool, chunks: Iterator[list[Document]], window: int) -> Iterator[Report]:
    results: dict[int, list[Report | None]] = {}  # chunk number -> its reports so far
    queue: deque[_Task] = deque()
    ids = itertools.count()
    read = emitted = 0
    exhausted = False
    while True:
        while not exhausted and read - emitted < window:  # read ahead, within the window
            chunk = next(chunks, None)
            if chunk is None:
                exhausted = True
                break
            results[read] = [None] * len(chunk)
            queue.append(_Task(next(ids), read, list(range(len(chunk))), chunk))
            read += 1
        while emitted in results and all(r is not None for r in results[emitted]):
            yield from results.pop(emitted)  # type: ignore[misc]
            emitted += 1
        if exhausted and emitted == read:
            return
        for worker in pool.idle():
            if not queue:
                break
            pool.assign(worker, queue.popleft())
        for worker, message in pool.events(timeout=1.0):
            task = worker.task
            if message is None:
                reason = pool.bury(worker)
                if task is not None:
                    _after_death(task, worker, reason, results, queue, ids)
            elif message[0] == "ready":
                worker.ready = True
                pool.start_failures = 0
            elif message[0] == "init-error":
                raise ConsistencyError(f"a worker process could not start: {message[1]}")
            elif task is not None and message[1] == task.id:
                if message[0] == "begin":
                    worker.begun = True
                elif message[0] == "parsed":
                    worker.parsed = True
                elif message[0] == "report":
                    results[task.chunk][task.positions[message[2]]] = message[3]
                    worker.done += 1
                    if worker.done == len(task.positions):
                        worker.task = None


def _after_death(task: _Task, worker: _Worker, reason: str, results: dict[int, list[Report | None]],
                 queue: deque[_Task], ids: Iterator[int]) -> None:
    """Give the article the worker died on its error record; check the task's others again."""
    left = list(range(worker.done, len(task.positions)))
    if not left:
        return
    if not worker.begun:  # never started: all of it again, as it was
        queue.appendleft(task)
        return
    if worker.parsed or task.alone:  # it died on the article after the last report
        culprit = left.pop(0)
        results[task.chunk][task.positions[culprit]] = worker_died_report(task.documents[culprit], reason)
        if left:
            queue.appendleft(_Task(next(ids), task.chunk, [task.positions[i] for i in left],
                                   [task.documents[i] for i in left], alone=task.alone))
        return
    # Died while parsing the batch: any of them may be the cause; check each alone.
    for i in reversed(left):
        queue.appendleft(_Task(next(ids), task.chunk, [task.positions[i]], [task.documents[i]], alone=True))



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
