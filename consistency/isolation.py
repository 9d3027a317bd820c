"""Run one rule so that nothing it does can hurt the other rules, the report or the run.

A rule is plugin code: it may raise anything (`SystemExit` and `KeyboardInterrupt`
included), yield things that are not findings, findings that cannot be serialised
or that claim another rule's code, print to stdout, or try to change the article
and the shared analysis. `run_rule` turns each of these into an error entry of the
rule, keeps the rule's valid findings, and leaves the article as it was; a real
Ctrl-C (a SIGINT the process received) still stops the run.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from pydantic import ConfigDict

from .budget import Budget, BudgetExceeded
from .models import Article, Finding, ReportError
from .textsafe import clean_data

if TYPE_CHECKING:
    from .analysis import ArticleAnalysis
    from .rules import Rule

#: Findings kept from one rule on one article; a rule that yields more is broken.
MAX_FINDINGS_PER_RULE = 1000


# --- read-only views -------------------------------------------------------------------

class ReadOnlyArticle(Article):
    """The article as rules see it: assigning a field raises, metadata and authors are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def read_only_article(article: Article) -> Article:
    """A frozen view of `article` (a copy: what a rule does to it never reaches the report)."""
    if isinstance(article, ReadOnlyArticle):
        return article
    values = {name: freeze(getattr(article, name)) for name in Article.model_fields}
    return ReadOnlyArticle.model_construct(_fields_set=set(article.model_fields_set), **values)


def freeze(value: Any) -> Any:
    """Lists as tuples and dicts as read-only mappings, all the way down."""
    if isinstance(value, dict):
        return MappingProxyType({k: freeze(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return tuple(freeze(v) for v in value)
    return value


class ReadOnlyList(list):  # type: ignore[type-arg]
    """A list of shared analysis results that rules may read, copy and add to, not change."""

    def _refuse(self, *args: Any, **kwargs: Any) -> Any:
        raise TypeError("the shared analysis is read-only to rules; copy it with list(...) to change it")

    append = extend = insert = remove = pop = clear = sort = reverse = _refuse
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuse


# --- telling a real Ctrl-C from a rule's `raise KeyboardInterrupt` -----------------------

_SIGINTS = [0]


def _on_sigint(signum: int, frame: Any) -> None:
    _SIGINTS[0] += 1
    raise KeyboardInterrupt


def watch_interrupts() -> bool:
    """Count SIGINTs from now on (main thread, default handler only); True when counting."""
    if threading.current_thread() is not threading.main_thread():
        return False
    handler = signal.getsignal(signal.SIGINT)
    if handler is signal.default_int_handler:
        signal.signal(signal.SIGINT, _on_sigint)
        return True
    return handler is _on_sigint


def interrupt_mark() -> tuple[int, bool]:
    """Taken before running plugin code; `is_real_interrupt` compares against it."""
    watching = watch_interrupts()
    return _SIGINTS[0], watching


def is_real_interrupt(exc: BaseException, mark: tuple[int, bool]) -> bool:
    """True when `exc` is a KeyboardInterrupt from a SIGINT (the user), not one raised by code."""
    if not isinstance(exc, KeyboardInterrupt):
        return False
    before, watching = mark
    on_main = threading.current_thread() is threading.main_thread()
    # Unwatched main thread: a foreign SIGINT handler; assume the user meant it.
    return _SIGINTS[0] != before or (on_main and not watching)


@contextlib.contextmanager
def stdout_to_stderr() -> Iterator[None]:
    """Send what rules print to stderr, so a report written to stdout stays valid."""
    saved = sys.stdout
    sys.stdout = sys.stderr
    try:
        yield
    finally:
        sys.stdout = saved


# --- running one rule ----------------------------------------------------------------------

@dataclass
class RuleOutcome:
    """What one rule produced on one article: its valid findings and its error entries."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[ReportError] = field(default_factory=list)


def rule_error(rule: Rule, exc: BaseException | None, message: str) -> ReportError:
    """An error entry of `rule`: `rule CODE (name) <message>`."""
    return ReportError(kind="rule", rule=rule.code, exception=type(exc).__name__ if exc else None,
                       message=f"rule {rule.code} ({rule.name}) {message}")


def collect(rule: Rule, ctx: ArticleAnalysis, budget: Budget | None = None) -> tuple[list[Any], list[ReportError]]:
    """Everything `rule.check(ctx)` yields (at most MAX_FINDINGS_PER_RULE) and its failure, if any.

    `budget` bounds the run; a rule stopped by it keeps what it yielded so far.
    """
    items: list[Any] = []
    errors: list[ReportError] = []
    mark = interrupt_mark()
    try:
        with budget or contextlib.nullcontext():
            for item in rule.check(ctx) or ():
                items.append(item)
                if len(items) > MAX_FINDINGS_PER_RULE:
                    items.pop()
                    errors.append(rule_error(rule, None, f"yielded more than {MAX_FINDINGS_PER_RULE} findings; "
                                                         "the rest were dropped"))
                    break
    except BudgetExceeded as exc:
        if budget is not None:
            budget.cancel()
            errors.append(rule_error(rule, exc, f"stopped: {budget.describe(exc)} (findings so far kept)"))
        else:  # not ours: an enclosing budget's
            raise
    except BaseException as exc:  # isolation: SystemExit, KeyboardInterrupt from plugin code too
        if is_real_interrupt(exc, mark):
            raise
        errors.append(rule_error(rule, exc, f"failed: {type(exc).__name__}: {exc}"))
    return items, errors


def validate_finding(item: Any, rule: Rule, owners: Mapping[str, str]) -> Finding:
    """A clean, serialisable copy of what a rule yielded, or ValueError/TypeError saying why not.

    The copy is rebuilt from its JSON form, so a finding made with `model_construct`
    or holding objects that JSON cannot carry is refused here, not in a reporter.
    A finding under a code registered to another rule is refused too.
    """
    if not isinstance(item, Finding):
        raise TypeError(f"check() yielded {type(item).__name__}, not a Finding")
    try:
        data = item.model_dump(mode="json")
    except Exception as exc:
        raise ValueError(f"finding cannot be serialised: {exc}") from None
    finding = Finding.model_validate(clean_data(data, where="finding"))
    finding.model_dump_json()
    owner = owners.get(finding.rule)
    if finding.rule != rule.code and owner is not None:
        raise ValueError(f"finding under code {finding.rule}, which belongs to {owner}, not to {rule.code}")
    return finding


class ParseGuard:
    """Notices when a rule changed the shared spaCy docs, and puts entities back.

    Entities are restored from a snapshot; a change of the tokens themselves (a
    retokenize) cannot be undone, so the caller stops running rules on the article.
    """

    ATTRS = ("ENT_IOB", "ENT_TYPE")

    def __init__(self, ctx: ArticleAnalysis) -> None:
        self._docs = [doc for _, doc in ctx.docs]
        self._saved = [(len(doc), doc.to_array(list(self.ATTRS))) for doc in self._docs]

    def check(self) -> tuple[str | None, bool]:
        """(what the rule changed or None, whether that is beyond repair); entities are put back."""
        message = None
        for doc, (length, array) in zip(self._docs, self._saved, strict=True):
            if len(doc) != length:
                return "changed the tokens of the shared parse", True
            if not (doc.to_array(list(self.ATTRS)) == array).all():
                doc.from_array(list(self.ATTRS), array)
                message = "changed the entities of the shared parse (put back)"
        return message, False
