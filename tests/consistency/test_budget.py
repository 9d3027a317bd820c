"""Time and memory budgets: a slow or greedy rule costs only its own result, the run goes on."""

from __future__ import annotations

import threading
import time

import pytest

from consistency import Article, Checker, Rule
from consistency.budget import Budget, BudgetExceeded
from tests.conftest import ThrowawayPlugin, WordRule

ARTICLE = Article.from_text("Fruit news\n\nA banana fell. Then a second banana fell.")


def make_rule(code, body):
    return type(f"Rule{code}", (Rule,), {"__doc__": "A throwaway rule.", "code": code,
                                         "name": f"testing.r{code.lower()}", "check": body})


def spin(self, ctx):
    yield self.finding("before the loop", [ctx.span_at("body", 2, 8)])
    while True:
        pass


def swallow(self, ctx):
    try:
        while True:
            pass
    except BaseException:  # a rule that swallows everything, once
        pass
    while True:
        pass
    yield  # pragma: no cover


def test_budget_looping_rule_is_stopped_and_the_rest_goes_on(clean_plugins):
    checker = Checker(plugins=[ThrowawayPlugin(WordRule, make_rule("ZZ60", spin))], select=["ZZ"], rule_timeout=0.3)
    reports = list(checker.check_many([ARTICLE, Article.from_text("Two\nA banana.")]))
    assert [len([f for f in r.findings if f.rule == "ZZ01"]) for r in reports] == [2, 1]
    for report in reports:
        [error] = report.errors
        assert error.rule == "ZZ60" and error.exception == "BudgetExceeded" and "0.3 s" in error.message
        assert "before the loop" in [f.message for f in report.findings]


def test_budget_rule_that_swallows_the_stop_is_stopped_again(clean_plugins):
    checker = Checker(plugins=[ThrowawayPlugin(make_rule("ZZ61", swallow))], select=["ZZ61"], rule_timeout=0.2)
    report = checker.check(ARTICLE)
    assert [e.exception for e in report.errors] == ["BudgetExceeded"]


def test_budget_article_budget_skips_the_remaining_rules(clean_plugins):
    def slow(self, ctx):
        time.sleep(0.4)
        yield from ()

    rules = [make_rule("ZZ62", slow), make_rule("ZZ63", slow), make_rule("ZZ64", slow)]
    report = Checker(plugins=[ThrowawayPlugin(*rules)], select=["ZZ6"], article_timeout=0.6).check(ARTICLE)
    messages = " | ".join(e.message for e in report.errors)
    assert "article's time budget" in messages and "ZZ64" in messages and len(report.errors) == 2


def test_budget_memory_hungry_rule_is_stopped(clean_plugins):
    def hungry(self, ctx):
        hoard = []
        while True:
            hoard.append(bytearray(2**20))
            time.sleep(0.001)
        yield  # pragma: no cover

    checker = Checker(plugins=[ThrowawayPlugin(make_rule("ZZ65", hungry))], select=["ZZ65"], memory_budget_mb=64,
                      rule_timeout=60)
    report = checker.check(ARTICLE)
    assert [e.exception for e in report.errors] == ["MemoryBudgetExceeded"]
    assert "64 MiB" in report.errors[0].message


def test_budget_works_outside_the_main_thread(clean_plugins):
    checker = Checker(plugins=[ThrowawayPlugin(make_rule("ZZ66", spin))], select=["ZZ66"], rule_timeout=0.2)
    out = []
    thread = threading.Thread(target=lambda: out.append(checker.check(ARTICLE)))
    thread.start()
    thread.join(30)
    assert not thread.is_alive() and out[0].errors[0].exception == "BudgetExceeded"


def test_budget_nothing_fires_after_the_block():
    with Budget(0.05) as budget:
        try:
            while True:
                pass
        except BudgetExceeded:
            budget.cancel()
    time.sleep(1.5)  # past the re-raise interval: a leaked exception would land here
    with Budget(5):
        pass
    time.sleep(0.1)


def test_budget_without_limits_is_free():
    with Budget() as budget:
        pass
    assert budget.exceeded is None


@pytest.mark.parametrize("value", [0, None])
def test_budget_zero_or_none_means_no_limit(clean_plugins, value):
    def quick(self, ctx):
        time.sleep(0.05)
        yield from ()

    report = Checker(plugins=[ThrowawayPlugin(make_rule("ZZ67", quick))], select=["ZZ67"], rule_timeout=value,
                     article_timeout=value, memory_budget_mb=value).check(ARTICLE)
    assert not report.errors


def test_budget_leaves_the_interpreter_as_it_was():
    """After a budget fired, a traced call still runs (clearing the exception with
    PyThreadState_SetAsyncExc(id, NULL) left CPython's eval breaker set and hung it)."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from consistency.budget import Budget, BudgetExceeded\n"
        "def spin():\n"
        "    with Budget(0.05) as b:\n"
        "        try:\n"
        "            while True:\n"
        "                pass\n"
        "        except BudgetExceeded:\n"
        "            b.cancel()\n"
        "spin()\n"
        "def f():\n"
        "    return sum(range(10))\n"
        "sys.settrace(lambda *a: None)\n"
        "assert f() == 45\n"
        "sys.settrace(None)\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr


def _spin_in_child(queue):
    try:
        with Budget(0.2):
            while True:
                pass
    except BudgetExceeded:
        queue.put("stopped")


def test_budget_works_in_a_forked_child():
    """The parent's watchdog thread is not inherited by fork: the child starts its own."""
    import multiprocessing
    import sys

    if not sys.platform.startswith("linux"):
        pytest.skip("fork is used on Linux only")
    with Budget(5):  # the parent's watchdog is running
        pass
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_spin_in_child, args=(queue,))
    child.start()
    child.join(60)
    assert child.exitcode == 0 and queue.get(timeout=5) == "stopped"
