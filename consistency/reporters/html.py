"""A self-contained HTML report (`--format html`, written to consistency-report.html) for editors.

Each article with findings is shown with its title and body, the flagged words
highlighted in place and coloured by severity, and the evidence underlined. Each
highlight ends in a numbered marker, the number of its finding in the list below the
article, so a highlight is told apart from its neighbours without hovering; markers
link to findings and findings to their highlights. At the top: the run (date, version,
options), a summary table that filters by rule and severity and, for several articles,
a contents list; each article is a collapsible block. One file: inline CSS and JS, no
external asset, nothing fetched.

Article text is hostile input: every piece of it (and every message, source and
rule name) goes through `html.escape`, and a Content-Security-Policy lets only this
page's own script run (by its hash), so an article's `<script>` or `onerror=` is
shown as text and never executed. Sections are written as reports arrive; the
summary and contents, written last, are shown first by CSS, and the run's record last.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
from collections import Counter
from dataclasses import dataclass
from html import escape
from typing import Any

from .. import __version__
from ..models import Finding, Report, Severity
from . import Reporter

SEVERITIES = ("error", "warning", "info")


def esc(value: Any) -> str:
    """Text or attribute value, escaped for HTML (quotes included)."""
    return escape(str(value), quote=True)


@dataclass(frozen=True)
class Mark:
    """One stretch to highlight in a field: a finding's span or one of its evidence spans."""

    start: int
    end: int
    key: str  # "a3-f2-s0" (span) or "a3-f2-e0" (evidence): the anchor id and link target
    evidence: bool
    severity: str
    tip: str
    number: int = 0  # the finding's number in its article's list: the marker after the highlight


def highlight(text: str, marks: list[Mark]) -> str:
    """`text` as escaped HTML with `<mark>`s; overlapping marks are cut into segments.

    Each segment carries the keys of every mark covering it (`data-k`), so a mark's
    full text is the concatenation of its segments; an empty anchor with the key as
    id sits where each mark starts, and a numbered marker (outside every `<mark>`)
    where it ends.
    """
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[str] = []
    for begin, end in itertools.pairwise(cuts):
        out.extend(_marker(m) for m in marks if m.end == begin and m.number)
        out.extend(f'<span class="anchor" id="{esc(m.key)}"></span>' for m in marks if m.start == begin)
        piece = esc(text[begin:end])
        covering = [m for m in marks if m.start <= begin and m.end >= end and m.end > m.start]
        if not covering:
            out.append(piece)
            continue
        flagged = [m for m in covering if not m.evidence]
        classes = ["hl"]
        if flagged:
            classes.append("sev-" + max((m.severity for m in flagged), key=lambda s: Severity(s).rank))
        if len(flagged) < len(covering):
            classes.append("ev")
        keys = " ".join(m.key for m in covering)
        tip = "\n".join(dict.fromkeys(m.tip for m in covering))
        out.append(f'<mark class="{" ".join(classes)}" data-k="{esc(keys)}" title="{esc(tip)}">{piece}</mark>')
    out.extend(_marker(m) for m in marks if m.end == len(text) and m.number and len(text) > 0)
    out.extend(f'<span class="anchor" id="{esc(m.key)}"></span>' for m in marks if m.start == len(text))
    return "".join(out)


def _marker(mark: Mark) -> str:
    """The numbered link after a highlight: `1` for finding 1's words, a dashed `1` for its evidence."""
    finding = mark.key.rsplit("-", 1)[0]
    kind = "evidence for finding" if mark.evidence else "finding"
    classes = "marker ev" if mark.evidence else f"marker sev-{mark.severity}"
    return (f'<a class="{classes}" href="#{esc(finding)}" data-for="{esc(mark.key)}" '
            f'title="{kind} {mark.number}">{mark.number}</a>')


def _marks(article_id: str, findings: list[Finding]) -> dict[str, list[Mark]]:
    marks: dict[str, list[Mark]] = {"title": [], "body": []}
    for n, finding in enumerate(findings, start=1):
        severity = str(finding.severity or Severity.warning)
        for i, span in enumerate(finding.spans):
            marks[span.field].append(Mark(span.start, span.end, f"{article_id}-f{n}-s{i}", False, severity,
                                          f"{n}. {finding.rule} ({severity}): {finding.message}", n))
        for i, span in enumerate(finding.evidence):
            marks[span.field].append(Mark(span.start, span.end, f"{article_id}-f{n}-e{i}", True, severity,
                                          f"evidence for {n}. {finding.rule}: {finding.message}", n))
    return marks


def _finding_item(article_id: str, n: int, finding: Finding) -> str:
    severity = str(finding.severity or Severity.warning)
    fid = f"{article_id}-f{n}"
    first = f"#{fid}-s0" if finding.spans else f"#{fid}"
    quotes = " ".join(f'<a class="quote" href="#{fid}-s{i}" data-key="{fid}-s{i}">{esc(s.text or "")}</a>'
                      for i, s in enumerate(finding.spans))
    evidence = " ".join(f'<a class="quote ev" href="#{fid}-e{i}" data-key="{fid}-e{i}">{esc(s.text or "")}</a>'
                        for i, s in enumerate(finding.evidence))
    parts = [
        f'<li id="{fid}" class="finding sev-{severity}" data-rule="{esc(finding.rule)}" data-severity="{severity}">',
        f'<a class="num sev-{severity}" href="{first}" title="show its highlight">{n}</a> '
        f'<span class="badge sev-{severity}">{severity}</span> <a class="code" href="{first}">{esc(finding.rule)}</a>',
        f' <span class="name">{esc(finding.name)}</span> <span class="conf">confidence {finding.confidence:.2f}</span>',
        f'<div class="message">{esc(finding.message)}</div>',
    ]
    if quotes:
        parts.append(f'<div class="where">flagged: {quotes}</div>')
    if evidence:
        parts.append(f'<div class="where">evidence: {evidence}</div>')
    if finding.suggestion:
        parts.append(f'<div class="suggestion">suggestion: {esc(finding.suggestion)}</div>')
    parts.append("</li>")
    return "".join(parts)


def article_section(article_id: str, report: Report) -> str:
    """One article as a collapsible block: source, metadata, highlighted title and body, its findings."""
    assert report.article is not None
    article = report.article
    marks = _marks(article_id, report.findings)
    rules = " ".join(sorted({f.rule for f in report.findings}))
    meta = " · ".join(esc(v) for v in (article.publisher, article.published, article.url) if v)
    items = "\n".join(_finding_item(article_id, n, f) for n, f in enumerate(report.findings, start=1))
    errors = "".join(f'<p class="error">{esc(e.message)}</p>' for e in report.errors)
    count = len(report.findings)
    return (
        f'<details class="article-box" id="{article_id}-box" open>'
        f'<summary><span class="source">{esc(report.source)}</span> '
        f'<span class="muted">{count} finding{"s" * (count != 1)}{": " + esc(rules) if rules else ""}</span></summary>\n'
        f'<section class="article" id="{article_id}" data-rules="{esc(rules)}">\n'
        f'<p class="source">{esc(report.source)}{" · " + meta if meta else ""}</p>\n'
        f'<h2 class="title" data-field="title">{highlight(article.title, marks["title"])}</h2>\n'
        f'<div class="body" data-field="body">{highlight(article.body, marks["body"])}</div>\n'
        f'{errors}<ol class="findings">\n{items}\n</ol>\n</section>\n</details>\n'
    )


STYLE = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f6f6f4;color:#222}
header{background:#263238;color:#fff;padding:.8em 1.5em}header h1{margin:0;font-size:1.3em}
header p{margin:.2em 0 0;opacity:.8;font-size:.9em}
main{display:flex;flex-direction:column;gap:1em;padding:1em 1.5em;max-width:76em}
#summary{order:-2}#contents{order:-1}#run{order:1}
details.article-box{background:#fff;border:1px solid #ddd;border-radius:6px}
details.article-box>summary{padding:.5em 1.2em;cursor:pointer}details.article-box>summary .source{display:inline}
details.article-box section{border:0;border-top:1px solid #eee;border-radius:0}
a.marker{font-size:.7em;vertical-align:super;line-height:0;text-decoration:none;font-family:system-ui,sans-serif;
  font-weight:bold;padding:0 .15em;margin-left:.05em;border-radius:3px;color:#fff;background:#777}
a.marker.sev-error{background:#c62828}a.marker.sev-warning{background:#ef6c00}a.marker.sev-info{background:#1e63c4}
a.marker.ev{background:none;color:#2e7d32;border:1px dashed #2e7d32}
a.num{display:inline-block;min-width:1.4em;text-align:center;font-weight:bold;color:#fff;background:#777;
  border-radius:3px;text-decoration:none}
a.num.sev-error{background:#c62828}a.num.sev-warning{background:#ef6c00}a.num.sev-info{background:#1e63c4}
dl.run{display:grid;grid-template-columns:max-content 1fr;gap:.1em 1em;margin:0;font-size:.9em}
dl.run dt{color:#666}dl.run dd{margin:0;font-family:monospace;word-break:break-all}
#contents ol{margin:.3em 0;padding-left:1.6em}
section{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.8em 1.2em}
.source{color:#666;font-size:.85em;margin:0;word-break:break-all}
h2.title{font-size:1.25em;margin:.3em 0 .5em;white-space:pre-wrap}
.body{white-space:pre-wrap;font-family:Georgia,serif;font-size:1.02em;line-height:1.6}
mark.hl{background:none;color:inherit;border-radius:2px;cursor:pointer}
mark.sev-error{background:#ffcdd2;box-shadow:inset 0 -2px #c62828}
mark.sev-warning{background:#ffe0b2;box-shadow:inset 0 -2px #ef6c00}
mark.sev-info{background:#dbeafe;box-shadow:inset 0 -2px #1e63c4}
mark.ev{border-bottom:2px dashed #2e7d32}
mark.ev:not([class*="sev-"]){background:#e8f5e9}
mark.off{background:none;box-shadow:none;border-bottom:none}a.marker.off{display:none}
mark.flash,li.flash{outline:3px solid #7e57c2}
ol.findings{padding-left:0;list-style:none}li.finding{margin:.5em 0}
.badge{display:inline-block;font-size:.75em;padding:0 .5em;border-radius:8px;color:#fff;text-transform:uppercase}
.badge.sev-error{background:#c62828}.badge.sev-warning{background:#ef6c00}.badge.sev-info{background:#1e63c4}
.code{font-family:monospace;font-weight:bold}.name,.conf{color:#666;font-size:.85em}
.where,.suggestion{font-size:.9em;color:#444}.quote{background:#f1f1f1;padding:0 .25em}
.quote.ev{border-bottom:2px dashed #2e7d32}.error{color:#b00020}
table{border-collapse:collapse;font-size:.9em}td,th{padding:.2em .6em;border-bottom:1px solid #eee;text-align:left}
td:first-child{white-space:nowrap}
.filters label{margin-right:1em}.hidden{display:none}.muted{color:#777}
"""

SCRIPT = """
(function () {
  var doc = document;
  function all(sel, root) { return Array.prototype.slice.call((root || doc).querySelectorAll(sel)); }
  function checked(kind) {
    var on = {};
    all('input[data-filter="' + kind + '"]').forEach(function (box) { on[box.value] = box.checked; });
    return on;
  }
  function apply() {
    var rules = checked('rule'), severities = checked('severity'), visible = {};
    all('li.finding').forEach(function (li) {
      var show = rules[li.dataset.rule] !== false && severities[li.dataset.severity] !== false;
      li.classList.toggle('hidden', !show);
      if (show) { visible[li.id] = true; }
    });
    all('mark.hl').forEach(function (mark) {
      var on = mark.dataset.k.split(' ').some(function (key) { return visible[key.replace(/-[se]\\d+$/, '')]; });
      mark.classList.toggle('off', !on);
    });
    all('a.marker').forEach(function (marker) {
      marker.classList.toggle('off', !visible[marker.dataset.for.replace(/-[se]\\d+$/, '')]);
    });
    all('details.article-box').forEach(function (box) {
      var none = all('li.finding:not(.hidden)', box).length === 0;
      box.classList.toggle('hidden', none);
      var entry = doc.querySelector('#contents li[data-box="' + box.id + '"]');
      if (entry) { entry.classList.toggle('hidden', none); }
    });
  }
  function reveal(id) {
    var target = id && doc.getElementById(id);
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === 'DETAILS') { node.open = true; }
    }
    return target;
  }
  window.addEventListener('hashchange', function () { reveal(decodeURIComponent(location.hash.slice(1))); });
  if (location.hash) { reveal(decodeURIComponent(location.hash.slice(1))); }
  all('a[href^="#"]').forEach(function (link) {
    link.addEventListener('click', function () { reveal(link.getAttribute('href').slice(1)); });
  });
  all('button[data-open]').forEach(function (button) {
    button.addEventListener('click', function () {
      all('details.article-box').forEach(function (box) { box.open = button.dataset.open === '1'; });
    });
  });
  function flash(elements) {
    elements.forEach(function (el) {
      el.classList.add('flash');
      setTimeout(function () { el.classList.remove('flash'); }, 1200);
    });
  }
  all('input[data-filter]').forEach(function (box) { box.addEventListener('change', apply); });
  all('mark.hl').forEach(function (mark) {
    mark.addEventListener('click', function () {
      var li = doc.getElementById(mark.dataset.k.split(' ')[0].replace(/-[se]\\d+$/, ''));
      if (li) { li.scrollIntoView({block: 'center'}); flash([li]); }
    });
  });
  all('a.quote').forEach(function (link) {
    link.addEventListener('click', function () { flash(all('mark[data-k~="' + link.dataset.key + '"]')); });
  });
  // Self-check, read by the tests: each quoted span equals the text its highlights cover,
  // and its one numbered marker carries the number of its finding.
  var ok = 0, bad = [];
  all('a.quote[data-key]').forEach(function (link) {
    var key = link.dataset.key;
    var text = all('mark[data-k~="' + key + '"]').map(function (m) { return m.textContent; }).join('');
    var markers = all('a.marker[data-for="' + key + '"]');
    var li = doc.getElementById(key.replace(/-[se]\\d+$/, ''));
    var number = li && li.querySelector('a.num') ? li.querySelector('a.num').textContent : '?';
    var marked = markers.length === 1 && markers[0].textContent === number;
    if (text === link.textContent && marked) { ok += 1; } else { bad.push(key); }
  });
  doc.documentElement.setAttribute('data-highlights', bad.length ? 'mismatch ' + bad.join(' ') : 'ok ' + ok);
})();
"""

SCRIPT_HASH = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
CSP = f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{SCRIPT_HASH}'; img-src 'none'"


class HtmlReporter(Reporter):
    """One self-contained page; articles are written as their reports arrive."""

    prefers_file = True
    #: Where `consistency check --format html` writes without `-o` (a page is no terminal output).
    default_output = "consistency-report.html"

    def start(self) -> None:
        self._contents: list[tuple[str, str, Counter[str]]] = []  # (article id, source, findings per severity)
        self._infos = {info.code: info for info in self.rules}
        self._counts: Counter[tuple[str, str]] = Counter()  # (rule, severity) -> findings
        self._names: dict[str, str] = {}
        self._articles = 0
        self._clean: list[str] = []
        self._unreadable: list[str] = []
        self.stream.write(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>consistency report</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
            f"<header><h1>Consistency report</h1><p>{self._run_line()}</p></header>\n<main>\n"
        )

    def report(self, report: Report) -> None:
        if report.article is None:
            self._unreadable.append("; ".join(e.message for e in report.errors) or report.source)
            return
        self._articles += 1
        if not report.findings and not report.errors:
            self._clean.append(report.source)
            return
        for finding in report.findings:
            self._counts[(finding.rule, str(finding.severity or Severity.warning))] += 1
            self._names.setdefault(finding.rule, finding.name)
        article_id = f"a{self._articles}"
        self._contents.append((article_id, report.source, Counter(str(f.severity or Severity.warning)
                                                                  for f in report.findings)))
        self.stream.write(article_section(article_id, report))

    def finish(self) -> None:
        if self._clean:
            items = "".join(f"<li>{esc(source)}</li>" for source in self._clean)
            self.stream.write(f'<section id="clean"><h2>No findings ({len(self._clean)})</h2>'
                              f'<ul class="muted">{items}</ul></section>\n')
        if self._unreadable:
            items = "".join(f'<li class="error">{esc(message)}</li>' for message in self._unreadable)
            self.stream.write(f'<section id="unreadable"><h2>Not checked ({len(self._unreadable)})</h2>'
                              f'<ul>{items}</ul></section>\n')
        self.stream.write(self._run_section())
        self.stream.write(self._summary())
        if len(self._contents) > 1:
            self.stream.write(self._contents_section())
        self.stream.write(f"</main>\n<script>{SCRIPT}</script>\n</body>\n</html>\n")

    def _run(self) -> dict[str, Any]:
        run = self.options.get("run")
        return run if isinstance(run, dict) else {}

    def _run_line(self) -> str:
        run = self._run()
        parts = [f"consistency {esc(run.get('version', __version__))}"]
        if run.get("date"):
            parts.append(f"run {esc(run['date'])}")
        if run.get("argv") is not None:
            parts.append(f"<code>consistency {esc(' '.join(run['argv']))}</code>")
        return " · ".join(parts)

    def _run_section(self) -> str:
        """The run as a table: date, version, command line and the selection that shaped it."""
        run = self._run()
        rows = [("version", f"consistency {run.get('version', __version__)}")]
        labels = (("date", "date"), ("argv", "command"), ("select", "select"), ("ignore", "ignore"),
                  ("preview", "preview"), ("min_severity", "min severity"), ("fail_on", "fail on"),
                  ("plugins", "plugins"), ("knowledge", "knowledge packs"))
        for key, label in labels:
            value = run.get(key)
            if key == "argv" and value is not None:
                value = "consistency " + " ".join(value)
            elif key == "select" and value is None and run:
                value = "all stable rules"
            elif isinstance(value, list):
                value = ", ".join(value) or "none"
            elif isinstance(value, bool):
                value = "yes" if value else "no"
            if value is not None and value != "":
                rows.append((label, str(value)))
        cells = "".join(f"<dt>{esc(label)}</dt><dd>{esc(value)}</dd>" for label, value in rows)
        return f'<section id="run"><h2>Run</h2><dl class="run">{cells}</dl></section>\n'

    def _contents_section(self) -> str:
        """Links to every article with findings, with their counts, and buttons to fold them all."""
        items = []
        for article_id, source, counts in self._contents:
            badges = " ".join(f'<span class="badge sev-{s}">{counts[s]} {s}</span>' for s in SEVERITIES if counts[s])
            items.append(f'<li data-box="{article_id}-box"><a href="#{article_id}">{esc(source)}</a> {badges}</li>')
        return (f'<section id="contents"><h2>Contents ({len(self._contents)} articles with findings)</h2>'
                '<p><button type="button" data-open="0">collapse all</button> '
                '<button type="button" data-open="1">expand all</button></p>'
                f'<ol>{"".join(items)}</ol></section>\n')

    def _summary(self) -> str:
        totals: Counter[str] = Counter()
        for (_, severity), n in self._counts.items():
            totals[severity] += n
        total = sum(totals.values())
        with_findings = self._articles - len(self._clean)
        severity_boxes = "".join(
            f'<label><input type="checkbox" data-filter="severity" value="{s}" checked> '
            f'<span class="badge sev-{s}">{s}</span> {totals[s]}</label>' for s in SEVERITIES
        )
        rows = []
        for code in sorted({rule for rule, _ in self._counts}):
            info = self._infos.get(code)
            name = info.name if info else self._names.get(code, "")
            summary = info.summary if info else ""
            cells = "".join(f"<td>{self._counts[(code, s)] or ''}</td>" for s in SEVERITIES)
            rows.append(f'<tr><td><label><input type="checkbox" data-filter="rule" value="{esc(code)}" checked> '
                        f'<span class="code">{esc(code)}</span></label></td><td>{esc(name)}</td>'
                        f'<td class="muted">{esc(summary)}</td>{cells}</tr>')
        table = (
            "<table><thead><tr><th>rule</th><th>name</th><th>summary</th>"
            + "".join(f"<th>{s}</th>" for s in SEVERITIES)
            + "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
        ) if rows else "<p>No findings.</p>"
        unreadable = f", {len(self._unreadable)} not readable" if self._unreadable else ""
        return (
            f'<section id="summary"><h2>Summary</h2><p>{self._articles} article{"s" * (self._articles != 1)} checked, '
            f'{with_findings} with findings, {total} finding{"s" * (total != 1)}{unreadable}.</p>'
            f'<p class="filters">{severity_boxes}</p>{table}</section>\n'
        )
