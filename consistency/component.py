"""A spaCy pipeline component: `nlp.add_pipe("consistency")` checks each doc as an article.

    import spacy
    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("consistency", config={"select": ["GE", "NA"]})
    doc = nlp("Officials meet in Kazan\\nOfficials met in the Belarusian city of Kazan.")
    for finding in doc._.consistency_findings:
        print(finding.rule, finding.message, [s.text for s in finding_spans(doc, finding)])
    for sent in doc.sents:
        print(sent.text, sent._.consistency_findings)

The doc's first non-empty line is the title and the rest the body (`title_first_line`,
default true; false checks the whole doc as a body). Finding offsets stay those of
the report (into title or body); `finding_spans` maps them onto the doc.

The component reuses the doc's own parse when the pipeline gives entities and
sentences and no plugin changes the pipeline (`reparse: null`, the default): then
findings are those of the checker on the same parse. `reparse: true` parses title and
body again with the checker's own model, so findings equal a `consistency check` run
whatever pipeline the doc came from. The factory is registered on import and through
the `spacy_factories` entry point, so no import is needed before `add_pipe`.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from .checker import Checker
from .config import Config
from .models import Article, Finding, Report, Severity

for _name, _default in (("consistency_findings", None), ("consistency_report", None), ("consistency_offsets", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def _doc_offset(doc: Doc, field: str) -> int:
    offsets = doc._.consistency_offsets or {"title": 0, "body": 0}
    return int(offsets[field])


def doc_char_range(doc: Doc, span: Any) -> tuple[int, int]:
    """A report span's (start, end) character offsets in the doc."""
    base = _doc_offset(doc, span.field)
    return base + span.start, base + span.end


def finding_spans(doc: Doc, finding: Finding, evidence: bool = False) -> list[SpacySpan]:
    """A finding's spans (or its evidence) as spaCy spans of the doc, token-aligned outward."""
    found = []
    for span in finding.evidence if evidence else finding.spans:
        start, end = doc_char_range(doc, span)
        spacy_span = doc.char_span(start, end, alignment_mode="expand")
        if spacy_span is not None:
            found.append(spacy_span)
    return found


def _span_findings(span: SpacySpan) -> list[Finding]:
    doc = span.doc
    return [
        finding for finding in doc._.consistency_findings or []
        if any(start < span.end_char and end > span.start_char
               for start, end in (doc_char_range(doc, s) for s in finding.spans))
    ]


if not SpacySpan.has_extension("consistency_findings"):
    SpacySpan.set_extension("consistency_findings", getter=_span_findings)


def split_article(text: str, title_first_line: bool = True) -> tuple[Article, int, int]:
    """The article a doc's text stands for, with the doc offsets of its title and body.

    Same split as `Article.from_text`: the first non-empty line, stripped, is the
    title; the rest, stripped, is the body.
    """
    if not title_first_line:
        body = text.strip()
        return Article(title="", body=body), 0, text.find(body) if body else 0
    position = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            break
        position += len(line)
    newline = text.find("\n", position)
    line_end = len(text) if newline < 0 else newline
    title = text[position:line_end].strip()
    title_at = text.find(title, position) if title else position
    rest = text[line_end:]
    body = rest.strip()
    body_at = line_end + rest.find(body) if body else len(text)
    return Article(title=title, body=body), title_at, body_at


class ConsistencyComponent:
    """Runs the selected consistency rules on each doc and stores the findings on it."""

    def __init__(self, nlp: Language, name: str, config: Config, title_first_line: bool = True,
                 reparse: bool | None = None) -> None:
        self.name = name
        self.checker = Checker(config)
        self.title_first_line = title_first_line
        self.reparse = reparse

    def __call__(self, doc: Doc) -> Doc:
        article, title_at, body_at = split_article(doc.text, self.title_first_line)
        report = self.check(doc, article, title_at, body_at)
        doc._.consistency_offsets = {"title": title_at, "body": body_at}
        doc._.consistency_report = report
        doc._.consistency_findings = list(report.findings)
        return doc

    def check(self, doc: Doc, article: Article, title_at: int, body_at: int) -> Report:
        """The report for the doc's article, on the doc's own parse where it can serve."""
        if article.title == "" and article.body == "":
            return Report(source=self.name, article=article, rules=[r.code for r in self.checker.rules])
        if not self._reparse(doc):
            title_doc = _sub_doc(doc, title_at, article.title)
            body_doc = _sub_doc(doc, body_at, article.body)
            if title_doc is not None and body_doc is not None:
                return self.checker.check_docs(article, title_doc, body_doc, source=self.name)
        return self.checker.check(article, source=self.name)

    def _reparse(self, doc: Doc) -> bool:
        if self.reparse is not None:
            return self.reparse
        annotated = doc.has_annotation("ENT_IOB") and (doc.has_annotation("SENT_START") or doc.has_annotation("DEP"))
        changes_pipeline = bool(self.checker.pm.hook.consistency_prepare_nlp.get_hookimpls())
        return not annotated or changes_pipeline


def _sub_doc(doc: Doc, start: int, text: str) -> Doc | None:
    """The part of `doc` at [start, start+len(text)) as a Doc of its own, if it lies on token edges."""
    if not text:
        return Doc(doc.vocab, words=[])
    span = doc.char_span(start, start + len(text))
    if span is None or span.text != text:
        return None
    return span.as_doc()


@Language.factory(
    "consistency",
    default_config={"select": None, "ignore": [], "preview": False, "min_severity": "info", "plugins": [],
                    "title_first_line": True, "reparse": None},
    assigns=["doc._.consistency_findings", "doc._.consistency_report"],
)
def make_consistency_component(nlp: Language, name: str, select: list[str] | None, ignore: list[str],
                               preview: bool, min_severity: str, plugins: list[str], title_first_line: bool,
                               reparse: bool | None) -> ConsistencyComponent:
    """spaCy factory: rule selection, severity floor and extra plugin modules from its config."""
    config = Config(select=select, ignore=ignore, preview=preview, min_severity=Severity(min_severity),
                    plugins=plugins)
    return ConsistencyComponent(nlp, name, config, title_first_line, reparse)
