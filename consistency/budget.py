"""Time and memory budgets for the rules of one article.

`Budget(seconds, memory_mb)` guards a block of code in the current thread: one
watchdog thread per process raises `BudgetExceeded` in the guarded thread when the
time runs out, or when the process's resident memory grows by more than
`memory_mb` while the block runs. The exception is raised asynchronously
(`PyThreadState_SetAsyncExc`), so it works in any thread (Dask runs tasks in
threads, where signals cannot reach) and stops pure-Python loops. A block stuck in
one long C call (a regular expression backtracking) sees it only when that call
returns; there, only a worker process can be stopped from outside (see
`parallel.py`, which kills a worker that stops answering).

`BudgetExceeded` derives from BaseException, so a rule's own `except Exception`
cannot swallow it; if a rule swallows it anyway, it is raised again every second
until the block ends.
"""

from __future__ import annotations

import ctypes
import heapq
import itertools
import os
import sys
import threading
import time
from types import TracebackType

#: Seconds between raising the exception again in a block that swallowed it.
REFIRE_SECONDS = 1.0
#: Seconds between memory readings while a memory budget is active.
MEMORY_POLL_SECONDS = 0.2

_SUPPORTED = sys.implementation.name == "cpython" and hasattr(ctypes, "pythonapi")


class BudgetExceeded(BaseException):
    """A rule or an article ran past its time or memory budget."""


class MemoryBudgetExceeded(BudgetExceeded):
    """The process's resident memory grew past the budget while the block ran."""


def resident_mb() -> float | None:
    """This process's resident memory in MiB (Linux /proc), None where unknown."""
    try:
        with open("/proc/self/statm", "rb") as handle:
            pages = int(handle.read().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _raise_in(thread_id: int, exc_type: type[BaseException]) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc_type))


class _Watchdog:
    """One daemon thread serving every active budget of the process, earliest deadline first."""

    def __init__(self) -> None:
        self._lock = threading.Condition()
        self._heap: list[tuple[float, int, Budget]] = []
        self._count = itertools.count()
        self._thread = threading.Thread(target=self._run, name=WATCHDOG_NAME, daemon=True)
        self._thread.start()

    def arm(self, budget: Budget, when: float) -> None:
        with self._lock:
            heapq.heappush(self._heap, (when, next(self._count), budget))
            if self._heap[0][2] is budget:  # a new earliest deadline: wake the watchdog to wait less
                self._lock.notify()

    def fire(self, budget: Budget, exc_type: type[BudgetExceeded]) -> bool:
        """Raise in the budget's thread, under the lock so a finished block is never hit."""
        with self._lock:
            if not budget.active:
                return False
            budget.fired = exc_type
            _raise_in(budget.thread_id, exc_type)
            return True

    def disarm(self, budget: Budget) -> None:
        with self._lock:
            budget.active = False

    def _run(self) -> None:
        while True:
            with self._lock:
                while self._heap and not self._heap[0][2].active:
                    heapq.heappop(self._heap)
                timeout = max(0.0, self._heap[0][0] - time.monotonic()) if self._heap else None
                if timeout is None or timeout > 0:
                    self._lock.wait(timeout)
                    continue
                _, _, budget = heapq.heappop(self._heap)
            budget.tick(self)


_WATCHDOG: _Watchdog | None = None
_WATCHDOG_LOCK = threading.Lock()
WATCHDOG_NAME = "consistency-budget"


def _forget_watchdog() -> None:
    # A forked child has no watchdog thread (only its parent's object, maybe mid-lock): start afresh.
    global _WATCHDOG, _WATCHDOG_LOCK
    _WATCHDOG, _WATCHDOG_LOCK = None, threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_watchdog)


def _watchdog() -> _Watchdog:
    global _WATCHDOG
    with _WATCHDOG_LOCK:
        if _WATCHDOG is None or not _WATCHDOG._thread.is_alive():
            _WATCHDOG = _Watchdog()
        return _WATCHDOG


class Budget:
    """A context manager: at most `seconds`, and at most `memory_mb` MiB of memory growth
    (from `baseline_mb`, or from the resident memory on entry).

    None (or 0) for either means no limit; with neither, it costs nothing. After the
    block, `exceeded` is the exception type raised (or None), for the error message.
    """

    def __init__(self, seconds: float | None = None, memory_mb: float | None = None, label: str = "its budget",
                 baseline_mb: float | None = None) -> None:
        self.seconds = seconds or None
        self.memory_mb = memory_mb or None
        self.label = label
        self._given_baseline = baseline_mb  # memory measured from here (e.g. the article's start), not from entry
        self.active = False
        self.fired: type[BudgetExceeded] | None = None
        self.thread_id = 0
        self._deadline = 0.0
        self._baseline: float | None = None

    def describe(self, exc: BaseException) -> str:
        """What ran out, for the error message."""
        if isinstance(exc, MemoryBudgetExceeded):
            return f"memory grew by more than {self.memory_mb:g} MiB"
        return f"{self.label} of {self.seconds:g} s ran out" if self.seconds else "its budget ran out"

    @property
    def exceeded(self) -> type[BudgetExceeded] | None:
        """The budget exception raised in the block, if any."""
        return self.fired

    def __enter__(self) -> Budget:
        if not _SUPPORTED or (self.seconds is None and self.memory_mb is None):
            return self
        self.thread_id = threading.get_ident()
        now = time.monotonic()
        self._deadline = now + self.seconds if self.seconds is not None else float("inf")
        if self.memory_mb is not None:
            self._baseline = self._given_baseline if self._given_baseline is not None else resident_mb()
        self.active = True
        _watchdog().arm(self, self._next_check(now))
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.cancel()

    def cancel(self) -> None:
        """End the guard (idempotent): nothing is raised in this thread after it returns."""
        if self.active or self.fired is not None:
            _watchdog().disarm(self)
        if self.fired is not None:
            _flush()

    def _next_check(self, now: float) -> float:
        if self._baseline is not None:
            return min(self._deadline, now + MEMORY_POLL_SECONDS)
        return self._deadline

    def tick(self, watchdog: _Watchdog) -> None:
        """Called by the watchdog when a check is due: raise, or schedule the next check."""
        if not self.active:
            return
        now = time.monotonic()
        if self.fired is not None:  # swallowed: raise again
            watchdog.fire(self, self.fired)
            watchdog.arm(self, now + REFIRE_SECONDS)
            return
        if now >= self._deadline:
            watchdog.fire(self, BudgetExceeded)
            watchdog.arm(self, now + REFIRE_SECONDS)
            return
        if self._baseline is not None and self.memory_mb is not None:
            current = resident_mb()
            if current is not None and current - self._baseline > self.memory_mb:
                watchdog.fire(self, MemoryBudgetExceeded)
                watchdog.arm(self, now + REFIRE_SECONDS)
                return
        watchdog.arm(self, self._next_check(now))


def _flush() -> None:
    """Take delivery, here, of a budget exception set just before the guard ended.

    Loops let the interpreter deliver a pending asynchronous exception (it checks
    at backward jumps); after `disarm` no new one can be set. (Clearing it with
    `PyThreadState_SetAsyncExc(id, NULL)` instead leaves CPython 3.11's eval
    breaker set for good, which hangs a traced thread.)
    """
    for _ in range(3):
        try:
            for _ in range(100):
                pass
            return
        except BudgetExceeded:
            continue
