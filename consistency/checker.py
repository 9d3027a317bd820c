"""The `Checker`: configuration -> selected rules -> shared analysis -> sorted findings.

It knows no rule by name: rules come from plugins. The spaCy pipeline and any
knowledge packs are loaded once per process; `check_many` parses in batches with
`nlp.pipe`. A rule that raises, runs past its time or memory budget, or yields
bad findings becomes an error entry in the report and every other rule still runs
(see `isolation` and `budget`).
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from .analysis import ArticleAnalysis
from .budget import Budget, resident_mb
from .config import Config
from .errors import ConfigError, PluginError, did_you_mean
from .isolation import ParseGuard, collect, rule_error, stdout_to_stderr, validate_finding
from .inputs import Document
from .models import Article, Finding, Report, ReportError, RuleInfo, Severity, Span
from .plugin_manager import ConsistencyPluginManager, get_plugin_manager
from .rules import Rule, rule_category, select_rules, unknown_selectors
from .suppression import Suppression
from .understanding.tokens import forget_indexes

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
        self._check_plugins()
        self._check_codes(available)
        self._owners = {code: f"rule {code} of plugin {plugin!r}" for code, (_, plugin) in available.items()}
        preview = {code for code, (cls, _) in available.items() if cls.stability == "preview"}
        codes = select_rules(list(available), config.select, config.ignore, config.preview, preview)
        self.rules: list[Rule] = [available[code][0](config.rules.get(code)) for code in codes]
        builtin = {code for code, (_, plugin) in available.items()
                   if getattr(self.pm.records.get(plugin), "builtin", False)}
        self._guard_after = guard_points([code in builtin for code in codes])
        self.suppression = Suppression(config, list(available))  # accept lists, per-path ignores
        self._nlp = nlp
        self.resources: dict[str, Any] = {}
        self._load_knowledge()

    # --- set-up ------------------------------------------------------------------------
    def _check_plugins(self) -> None:
        broken = sorted((r for r in self.pm.records.values() if r.error), key=lambda r: r.name)
        if not broken:
            return
        problems = "; ".join(f"{r.name}: {r.error}" for r in broken)
        if self.config.plugin_errors == "warn":
            return  # already logged by the plugin manager
        raise PluginError(f"plugin failed to load: {problems} (fix or uninstall it, list it in disable_plugins, "
                          "or set plugin_errors = \"warn\" to run without it)")

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

    def check_batch(self, documents: list[Document], on_parsed: Any = None) -> Iterator[Report]:
        """Reports for documents parsed together in one `nlp.pipe` batch; `on_parsed()` is called after the parse.

        The parallel engine uses the call to tell a death while parsing from a death
        while checking one article.
        """
        return self._check_batch(list(documents), on_parsed)

    def _check_batch(self, documents: list[Document], on_parsed: Any = None) -> Iterator[Report]:
        ready = []
        for doc in documents:
            if doc.article is not None and doc.error is None:
                too_long = max(len(doc.article.title), len(doc.article.body)) > self.config.max_chars
                if too_long:
                    doc = Document(doc.source, doc.article, f"{doc.source}: article longer than max_chars={self.config.max_chars}")
            ready.append(doc)
        parsed = self._parse(ready)
        if on_parsed is not None:
            on_parsed()
        for doc in ready:
            if doc.error is None and doc.article is not None and isinstance(parsed.get(id(doc)), str):
                doc = Document(doc.source, doc.article, parsed[id(doc)])
            if doc.error is not None or doc.article is None:
                yield input_error_report(doc.source, doc.error or "no article", doc.article)
                continue
            title_doc, body_doc = parsed[id(doc)]
            try:
                report = self.run_rules(doc.source, ArticleAnalysis(doc.article, title_doc, body_doc, self.resources))
            except Exception as exc:  # whatever one article does, the batch goes on
                report = input_error_report(doc.source, f"{doc.source}: could not be checked: {type(exc).__name__}: {exc}",
                                            doc.article)
            yield report

    def _parse(self, documents: list[Document]) -> dict[int, Any]:
        """(title doc, body doc) per checkable document, by id; a parse failure is its message.

        The batch goes through `nlp.pipe` at once; if that fails, each article is
        parsed alone so only the one that breaks the pipeline loses its report.
        """
        todo = [d for d in documents if d.error is None and d.article is not None]
        texts = [t for d in todo for t in (d.article.title, d.article.body)]  # type: ignore[union-attr]
        try:
            docs = [doc for group in parse_groups(texts, self.config.parse_chars) for doc in self.nlp.pipe(group)]
        except Exception:
            out: dict[int, Any] = {}
            for d in todo:
                try:
                    out[id(d)] = tuple(self.nlp.pipe([d.article.title, d.article.body]))  # type: ignore[union-attr]
                except Exception as exc:
                    out[id(d)] = f"{d.source}: could not be parsed: {type(exc).__name__}: {exc}"
            return out
        return {id(d): (docs[2 * i], docs[2 * i + 1]) for i, d in enumerate(todo)}

    def check_docs(self, article: Article, title_doc: Doc, body_doc: Doc, source: str | None = None) -> Report:
        """Check an article whose title and body were already parsed by this pipeline."""
        return self.run_rules(source or article.id, ArticleAnalysis(article, title_doc, body_doc, self.resources))

    def run_rules(self, source: str, ctx: ArticleAnalysis) -> Report:
        """Run every selected rule on one analysis, isolating failures (see `isolation`)."""
        article = ctx.original_article
        findings: list[Finding] = []
        errors: list[ReportError] = []
        timings: dict[str, float] = {}
        parse = ParseGuard(ctx)
        article_end = time.monotonic() + (self.config.article_timeout or float("inf"))
        baseline = resident_mb() if self.config.memory_budget_mb else None  # growth is counted per article
        with stdout_to_stderr():
            for index, rule in enumerate(self.rules):
                started = time.perf_counter()
                left = article_end - time.monotonic()
                if left <= 0:
                    skipped = ", ".join(r.code for r in self.rules[index:])
                    errors.append(ReportError(kind="rule", rule=rule.code, exception="BudgetExceeded",
                                              message=f"the article's time budget of {self.config.article_timeout:g} s "
                                                      f"ran out; not run: {skipped}"))
                    break
                budget = self._budget(left, baseline)
                items, failures = collect(rule, ctx, budget)
                errors.extend(failures)
                findings.extend(self._keep_valid(rule, items, article, errors))
                timings[rule.code] = round(time.perf_counter() - started, 6)
                if not self._guard_after[index]:
                    continue
                changed, fatal = parse.check()
                if changed:
                    changed = self._since_last_check(index) + changed
                if changed and not fatal:
                    errors.append(rule_error(rule, None, changed))
                elif changed:  # later rules would read a broken parse: don't run them
                    skipped = [r.code for r in self.rules[index + 1:]]
                    errors.append(rule_error(rule, None, changed + (f"; not run: {', '.join(skipped)}" if skipped else "")))
                    break
        for _, doc in ctx.docs:
            forget_indexes(doc)
        floor = self.config.min_severity.rank
        kept = sorted({_identity(f): f for f in findings if f.severity and f.severity.rank >= floor}.values(), key=_position)
        kept = self.suppression.filter(source, kept)
        return Report(source=source, article=article, findings=kept, errors=errors,
                      rules=[r.code for r in self.rules], timings=timings if self.config.timings else {})

    def _since_last_check(self, index: int) -> str:
        """"" for a rule checked on its own; for built-in rules checked as a group, which ran."""
        first = index
        while first > 0 and not self._guard_after[first - 1]:
            first -= 1
        if first == index:
            return ""
        return f"(or one of the built-in rules run with it: {', '.join(r.code for r in self.rules[first:index])}) "

    def _budget(self, article_left: float, baseline: float | None) -> Budget:
        rule_limit = self.config.rule_timeout or float("inf")
        if article_left < rule_limit:
            return Budget(article_left, self.config.memory_budget_mb, "the article's time budget", baseline)
        return Budget(self.config.rule_timeout, self.config.memory_budget_mb, "its time budget", baseline)

    def _keep_valid(self, rule: Rule, items: list[Any], article: Article, errors: list[ReportError]) -> list[Finding]:
        """The valid findings among what a rule yielded; one error entry sums up the rest."""
        kept: list[Finding] = []
        bad: list[Exception] = []
        for item in items:
            try:
                kept.append(self._finalize(validate_finding(item, rule, self._owners), rule, article))
            except Exception as exc:
                bad.append(exc)
        if bad:
            first = bad[0]
            errors.append(rule_error(rule, first, f"gave {len(bad)} invalid finding{'s' * (len(bad) != 1)} "
                                                  f"(its {len(kept)} valid one{'s' * (len(kept) != 1)} kept): "
                                                  f"{type(first).__name__}: {first}"))
        return kept

    def _finalize(self, finding: Finding, rule: Rule, article: Article) -> Finding:
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


def guard_points(builtin: Sequence[bool]) -> list[bool]:
    """After which rules (by position) the shared parse is checked for changes.

    After every third-party rule, so that a plugin that changes the parse is named; the built-in
    rules, which never change it (a test runs them all and compares the parse), are checked as a
    group: after the last of each run of them. Comparing the entity arrays after each of ~40 rules
    cost about 1 ms per article.
    """
    return [not mine or i + 1 == len(builtin) or not builtin[i + 1] for i, mine in enumerate(builtin)]


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


def parse_groups(texts: Sequence[str], chars: int) -> Iterator[list[str]]:
    """The texts in order, cut into runs of at most `chars` characters (a longer text alone).

    spaCy's model runs over each `nlp.pipe` batch at once, and its working memory grows with
    the batch's length; these runs keep that bounded however long the articles of a batch
    are. The docs are the same as from one `nlp.pipe` call (each text is parsed on its own).
    """
    group: list[str] = []
    size = 0
    for text in texts:
        if group and size + len(text) > chars:
            yield group
            group, size = [], 0
        group.append(text)
        size += len(text)
    if group:
        yield group


def input_error_report(source: str, message: str, article: Article | None = None) -> Report:
    """The report of an input that could not be checked: one `input` error, no findings."""
    return Report(source=source, article=article, errors=[ReportError(kind="input", message=message)])


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
