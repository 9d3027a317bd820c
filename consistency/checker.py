"""The `Checker`: configuration -> selected rules -> shared analysis -> sorted findings.

It knows no rule by name: rules come from plugins. The spaCy pipeline and any
knowledge packs are loaded once per process; `check_many` parses in batches with
`nlp.pipe`. A rule that raises becomes an error entry in the report and every
other rule still runs.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from .analysis import ArticleAnalysis
from .config import Config
from .errors import ConfigError, did_you_mean
from .inputs import Document
from .models import Article, Finding, Report, ReportError, RuleInfo, Severity, Span
from .plugin_manager import ConsistencyPluginManager, get_plugin_manager
from .rules import Rule, rule_category, select_rules, unknown_selectors
from .suppression import Suppression

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_FIELD_ORDER = {"title": 0, "body": 1}


class Checker:
    """Checks articles with every selected rule.

    >>> checker = Checker()                       # doctest: +SKIP
    >>> report = checker.check(Article.from_text("Headline\\n\\nBody text."))  # doctest: +SKIP
    """

    def __init__(
        self,
        config: Config | None = None,
        plugins: Sequence[Any] = (),
        *,
        nlp: Language | None = None,
        **overrides: Any,
    ) -> None:
        config = config or Config()
        if overrides:
            config = config.merged(**overrides)
        self.config = config
        self.pm: ConsistencyPluginManager = get_plugin_manager(
            tuple(config.plugins) + tuple(plugins), frozenset(config.disable_plugins)
        )
        available = self.pm.rules()
        self._check_codes(available)
        preview = {code for code, (cls, _) in available.items() if cls.stability == "preview"}
        codes = select_rules(list(available), config.select, config.ignore, config.preview, preview)
        self.rules: list[Rule] = [available[code][0](config.rules.get(code)) for code in codes]
        self.suppression = Suppression(config, list(available))  # accept lists, per-path ignores
        self._nlp = nlp
        self.resources: dict[str, Any] = {}
        self._load_knowledge()

    # --- set-up ------------------------------------------------------------------------
    def _check_codes(self, available: dict[str, tuple[type[Rule], str]]) -> None:
        named = [*(self.config.select or []), *self.config.ignore]
        bad = unknown_selectors(named, available)
        bad += [code for code in (*self.config.severity, *self.config.rules) if code not in available]
        if bad:
            hint = did_you_mean(sorted(set(bad))[0], available) if len(set(bad)) == 1 else ""
            raise ConfigError(f"unknown rule code or prefix: {', '.join(sorted(set(bad)))}{hint} (see `consistency rules`)")

    def _load_knowledge(self) -> None:
        paths = list(self.config.knowledge)
        for shipped in self.pm.hook.consistency_knowledge_packs():
            paths.extend(str(p) for p in shipped or [])
        if paths:
            from .knowledge import load_knowledge

            self.resources["knowledge"] = load_knowledge(paths)

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline, loaded on first use (once per process and name)."""
        if self._nlp is None:
            from .nlp import load_nlp

            self._nlp = load_nlp(self.config.model, self.pm)
        self._nlp.max_length = max(self._nlp.max_length, self.config.max_chars + 1)
        return self._nlp

    def rule_infos(self) -> list[RuleInfo]:
        """Metadata of every available rule (selected or not), sorted by code."""
        return [cls.info(plugin) for cls, plugin in self.pm.rules().values()]

    # --- checking ----------------------------------------------------------------------
    def analyze(self, article: Article) -> ArticleAnalysis:
        """Parse one article into the shared analysis the rules read."""
        title_doc, body_doc = self.nlp.pipe([article.title, article.body])
        return ArticleAnalysis(article, title_doc, body_doc, self.resources)

    def check(self, article: Article, source: str | None = None) -> Report:
        """Check one article."""
        return next(self.check_many([Document(source or article.id, article)]))

    def check_many(self, items: Iterable[Article | Document], batch_size: int | None = None) -> Iterator[Report]:
        """Check a stream of articles (or input `Document`s), yielding reports in order.

        Articles are parsed with `nlp.pipe` in batches of `batch_size`; by default the batches
        grow from 1 to the configured `batch_size` (1, 2, 4, ...), so the first report comes as
        soon as one article is parsed, and later batches are as large as configured. Inputs that
        carry an error, or are too long, yield a report with an error entry in their place.
        """
        sizes = itertools.repeat(batch_size) if batch_size else growing_batches(self.config.batch_size)
        iterator = iter(items)
        for size in sizes:
            batch = list(itertools.islice(iterator, size))
            if not batch:
                return
            documents = [item if isinstance(item, Document) else Document(item.id, item) for item in batch]
            yield from self._check_batch(documents)

    def _check_batch(self, documents: list[Document]) -> Iterator[Report]:
        ready = []
        for doc in documents:
            if doc.article is not None and doc.error is None:
                too_long = max(len(doc.article.title), len(doc.article.body)) > self.config.max_chars
                if too_long:
                    doc = Document(doc.source, doc.article, f"{doc.source}: article longer than max_chars={self.config.max_chars}")
            ready.append(doc)
        texts = [t for d in ready if d.error is None and d.article for t in (d.article.title, d.article.body)]
        parsed = iter(self.nlp.pipe(texts)) if texts else iter(())
        for doc in ready:
            if doc.error is not None or doc.article is None:
                yield Report(source=doc.source, article=doc.article,
                             errors=[ReportError(kind="input", message=doc.error or "no article")])
                continue
            title_doc, body_doc = next(parsed), next(parsed)
            yield self.run_rules(doc.source, ArticleAnalysis(doc.article, title_doc, body_doc, self.resources))

    def check_docs(self, article: Article, title_doc: Doc, body_doc: Doc, source: str | None = None) -> Report:
        """Check an article whose title and body were already parsed by this pipeline."""
        return self.run_rules(source or article.id, ArticleAnalysis(article, title_doc, body_doc, self.resources))

    def run_rules(self, source: str, ctx: ArticleAnalysis) -> Report:
        """Run every selected rule on one analysis, isolating failures."""
        findings: list[Finding] = []
        errors: list[ReportError] = []
        timings: dict[str, float] = {}
        for rule in self.rules:
            started = time.perf_counter()
            try:
                produced = [self._finalize(f, rule, ctx.article) for f in rule.check(ctx) or ()]
            except Exception as exc:  # isolation: report it, keep the other rules' findings
                errors.append(ReportError(kind="rule", rule=rule.code, exception=type(exc).__name__,
                                          message=f"rule {rule.code} ({rule.name}) failed: {type(exc).__name__}: {exc}"))
            else:
                findings.extend(produced)
            timings[rule.code] = round(time.perf_counter() - started, 6)
        floor = self.config.min_severity.rank
        kept = sorted({_identity(f): f for f in findings if f.severity and f.severity.rank >= floor}.values(), key=_position)
        kept = self.suppression.filter(source, kept)
        return Report(source=source, article=ctx.article, findings=kept, errors=errors,
                      rules=[r.code for r in self.rules], timings=timings if self.config.timings else {})

    def _finalize(self, finding: Finding, rule: Rule, article: Article) -> Finding:
        if not isinstance(finding, Finding):
            raise TypeError(f"check() yielded {type(finding).__name__}, not a Finding")
        override = self.config.severity.get(rule.code)
        severity = override or finding.severity or Severity(rule.default_severity)
        update: dict[str, Any] = {
            "severity": severity,
            "spans": [_fill(s, article) for s in finding.spans],
            "evidence": [_fill(s, article) for s in finding.evidence],
        }
        if finding.rule == rule.code:
            update["name"] = finding.name or rule.name
            update["category"] = finding.category or rule_category(type(rule))
        return finding.model_copy(update=update)


def growing_batches(largest: int, first: int = 1) -> Iterator[int]:
    """Batch sizes `first`, twice that, ... up to `largest`, then `largest` for ever.

    A stream's first report then waits for one article's parse, not a whole batch's, while the
    total number of `nlp.pipe` calls grows only by about log2(largest).
    """
    size = max(1, min(first, largest))
    while size < largest:
        yield size
        size *= 2
    yield from itertools.repeat(largest)


def _fill(span: Span, article: Article) -> Span:
    text = article.field(span.field)
    if span.end > len(text):
        raise ValueError(f"span {span.start}-{span.end} lies beyond the {span.field} ({len(text)} characters)")
    quoted = text[span.start:span.end]
    if span.text is not None and span.text != quoted:
        raise ValueError(f"span text {span.text!r} is not the {span.field}'s text {quoted!r} at {span.start}-{span.end}")
    return span if span.text is not None else span.model_copy(update={"text": quoted})


def _position(finding: Finding) -> tuple[Any, ...]:
    first = finding.spans[0] if finding.spans else (finding.evidence[0] if finding.evidence else None)
    where = (_FIELD_ORDER[first.field], first.start, first.end) if first else (2, 0, 0)
    return (*where, finding.rule, finding.message)


def _identity(finding: Finding) -> tuple[Any, ...]:
    return (finding.rule, tuple((s.field, s.start, s.end) for s in finding.spans), finding.message)
