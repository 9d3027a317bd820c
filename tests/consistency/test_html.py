"""The HTML report: escaped, self-contained, highlights on the right words, no hostile script runs."""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from consistency.checker import Checker
from consistency.models import Article, Finding, Report, Severity, Span
from consistency.reporters import get_reporter_class
from consistency.reporters.html import CSP, HtmlReporter, Mark, highlight

CHROMIUM = Path("/usr/bin/chromium")
PLUGINS = ("scale_plugin",)  # tests/fixtures: findings with evidence in title and body
PWN = "document.documentElement.setAttribute('data-pwned','1')"
HOSTILE = (
    f"Paris talks <script>document.title='PWNED';{PWN}</script> resume\n\n"
    f"Officials met in Paris on Monday. <img src=x onerror=\"{PWN}\"> Later, Paris hosted the talks "
    f"<b onmouseover=\"{PWN}\" style=\"x\">on trade</b>. \"><svg onload=\"{PWN}\"> Paris agreed.</p></div>"
    f"<iframe src=\"about:blank\" onload=\"{PWN}\"></iframe>\n"
)
PWNED_ATTRIBUTE = re.compile(r"<[a-z]+\s[^<>]*data-pwned=")  # set by a hostile script that ran

browser = pytest.mark.browser
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is missing (apt-get install chromium)")


def render(reports: list[Report], rules=()) -> str:
    out = io.StringIO()
    reporter = HtmlReporter(out, rules=rules)
    reporter.start()
    for report in reports:
        reporter.report(report)
    reporter.finish()
    return out.getvalue()


def checked(texts: list[str]) -> tuple[list[Report], Checker]:
    checker = Checker(select=["SC"], plugins=PLUGINS)
    return [checker.check(Article.from_text(t), source=f"hostile-{i}.txt") for i, t in enumerate(texts)], checker


def dump_dom(page: str, tmp_path: Path) -> str:
    """The DOM after the page's scripts ran, from headless Chromium."""
    path = tmp_path / "report.html"
    path.write_text(page, encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--virtual-time-budget=2000", "--dump-dom", path.as_uri()],
            capture_output=True, text=True, timeout=90, check=True,
        )
    return done.stdout


class Elements(HTMLParser):
    """Tags seen, and the text inside each `<mark data-k>` keyed by its keys."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.marked: dict[str, str] = {}
        self._open: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "mark":
            self._open = (attributes.get("data-k") or "").split()

    def handle_endtag(self, tag):
        if tag == "mark":
            self._open = []

    def handle_data(self, data):
        for key in self._open:
            self.marked[key] = self.marked.get(key, "") + data


def parse(page: str) -> Elements:
    parser = Elements()
    parser.feed(page)
    return parser


def test_html_highlight_escapes_and_splits_overlaps():
    text = "a <b>x</b> & y"
    marks = [Mark(2, 10, "k1", False, "warning", "tip <1>"), Mark(5, 14, "k2", True, "error", 'say "x"')]
    html = highlight(text, marks)
    assert "<b>" not in html
    assert re.sub(r"<[^>]+>", "", html) == "a &lt;b&gt;x&lt;/b&gt; &amp; y"
    parsed = parse(f"<div>{html}</div>")
    assert parsed.marked == {"k1": "<b>x</b>", "k2": "x</b> & y"}
    assert [t for t, _ in parsed.tags].count("mark") == 3  # before, inside and after the overlap
    assert 'title="tip &lt;1&gt;' in html


def test_html_hostile_article_is_only_text():
    reports, checker = checked([HOSTILE])
    page = render(reports, checker.rule_infos())
    parsed = parse(page)
    tags = [t for t, _ in parsed.tags]
    assert tags.count("script") == 1 and "img" not in tags and "svg" not in tags and "iframe" not in tags
    assert not any(name.startswith("on") for _, attrs in parsed.tags for name in attrs)
    assert "&lt;script&gt;document.title=" in page
    assert f'content="{CSP}"' in page
    assert not re.search(r"(src|href)=\"(https?:)?//", page), "no external asset"


def test_html_registered_and_prefers_a_file():
    assert get_reporter_class("html") is HtmlReporter and HtmlReporter.prefers_file


def test_html_lists_clean_and_unreadable_inputs():
    clean = Report(source="clean.txt", article=Article(title="Fine", body="All good."))
    broken = Report(source="<gone>.txt", errors=[{"kind": "input", "message": "<gone>.txt: no such file"}])
    finding = Finding(rule="XY01", name="x.y", message="a & b", severity=Severity.error,
                      spans=[Span(field="body", start=0, end=3, text="All")])
    flagged = Report(source="f.txt", article=Article(title="T", body="All bad."), findings=[finding])
    page = render([clean, broken, flagged])
    assert "No findings (1)" in page and "clean.txt" in page
    assert "Not checked (1)" in page and "&lt;gone&gt;.txt: no such file" in page
    assert "3 articles checked" not in page and "2 articles checked, 1 with findings, 1 finding" in page
    assert 'data-rule="XY01" data-severity="error"' in page and "a &amp; b" in page


@browser
@needs_chromium
@pytest.mark.slow
def test_html_hostile_article_runs_no_script_in_chromium(tmp_path):
    reports, checker = checked([HOSTILE])
    assert reports[0].findings, "the hostile article must give findings, so highlights sit around the markup"
    dom = dump_dom(render(reports, checker.rule_infos()), tmp_path)
    parsed = parse(dom)
    assert not PWNED_ATTRIBUTE.search(dom), "an article's script ran"
    assert "<title>consistency report</title>" in dom and "PWNED</title>" not in dom
    tags = [t for t, _ in parsed.tags]
    assert tags.count("script") == 1 and "img" not in tags and "svg" not in tags and "iframe" not in tags
    assert re.search(r'<html[^>]* data-highlights="ok \d+"', dom), "the page's own script ran and checked itself"


@browser
@needs_chromium
@pytest.mark.slow
def test_html_escaping_alone_stops_hostile_script_in_chromium(tmp_path):
    """Without the Content-Security-Policy, escaping must still keep the article inert."""
    reports, checker = checked([HOSTILE])
    page = render(reports, checker.rule_infos()).replace(f'<meta http-equiv="Content-Security-Policy" content="{CSP}">', "")
    assert "Content-Security-Policy" not in page
    dom = dump_dom(page, tmp_path)
    assert not PWNED_ATTRIBUTE.search(dom) and "PWNED</title>" not in dom
    assert 'data-highlights="ok' in dom


@browser
@needs_chromium
@pytest.mark.slow
def test_html_highlights_sit_on_the_flagged_text_in_chromium(tmp_path):
    seed = Path(__file__).resolve().parents[2] / "examples" / "seed_article.txt"
    reports, checker = checked([seed.read_text(encoding="utf-8"), HOSTILE])
    dom = dump_dom(render(reports, checker.rule_infos()), tmp_path)
    total = sum(len(f.spans) + len(f.evidence) for r in reports for f in r.findings)
    assert f'data-highlights="ok {total}"' in dom
    marked = parse(dom).marked
    for n, report in enumerate(reports, start=1):
        for i, finding in enumerate(report.findings, start=1):
            for j, span in enumerate(finding.spans):
                assert marked[f"a{n}-f{i}-s{j}"] == span.text
            for j, span in enumerate(finding.evidence):
                assert marked[f"a{n}-f{i}-e{j}"] == span.text


@pytest.mark.slow
def test_html_markers_number_each_highlight_after_its_words():
    reports, checker = checked(["Paris talks resume\n\nOfficials met in Paris on Monday. Later, Paris hosted the talks.\n"])
    page = render(reports, checker.rule_infos())
    findings = reports[0].findings
    markers = re.findall(r'<a class="marker[^"]*" href="#(a1-f\d+)" data-for="([^"]+)" title="[^"]+">(\d+)</a>', page)
    assert len(markers) == sum(len(f.spans) + len(f.evidence) for f in findings) > 2
    for finding_id, key, number in markers:
        assert finding_id == f"a1-f{number}" and key.startswith(finding_id + "-")
        assert f'<a class="num sev-' in page and f'href="#{finding_id}-s0" title="show its highlight">{number}</a>' in page
    # The marker follows the highlighted words and sits outside every <mark>.
    assert re.search(r"Paris</mark><a class=\"marker sev-warning\" href=\"#a1-f\d\"", page)
    parsed = parse(page)
    assert all(parsed.marked[key] == "Paris" for _, key, _ in markers)


def test_html_folder_report_has_contents_collapsible_articles_and_the_run():
    finding = Finding(rule="XY01", name="x.y", message="m", severity=Severity.error,
                      spans=[Span(field="body", start=0, end=3, text="All")])
    reports = [Report(source=f"dir/{n}.txt", article=Article(title="T", body="All bad."), findings=[finding])
               for n in (1, 2)]
    out = io.StringIO()
    reporter = HtmlReporter(out, run={"date": "2024-05-01 10:00 UTC", "version": "0.1.0", "argv": ["check", "dir"],
                                      "select": ["XY"], "ignore": [], "min_severity": "warning"})
    reporter.start()
    for report in reports:
        reporter.report(report)
    reporter.finish()
    page = out.getvalue()
    assert page.count('<details class="article-box"') == 2 and '<summary><span class="source">dir/2.txt</span>' in page
    assert 'id="contents"' in page and '<a href="#a1">dir/1.txt</a>' in page and '<a href="#a2">dir/2.txt</a>' in page
    assert 'data-open="0">collapse all' in page
    assert "run 2024-05-01 10:00 UTC" in page and "<code>consistency check dir</code>" in page
    assert "<dt>select</dt><dd>XY</dd>" in page and "<dt>min severity</dt><dd>warning</dd>" in page
    assert 'id="contents"' not in render(reports[:1])  # one article needs no contents


def test_html_without_output_writes_consistency_report_html_and_says_where(tmp_path, monkeypatch, capsys):
    from consistency.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Fruit\n\nA banana fell.\n", encoding="utf-8")
    code = main(["check", "a.txt", "--plugin", "fruit_plugin", "--select", "FR01", "--format", "html"])
    out, err = capsys.readouterr()
    page = (tmp_path / "consistency-report.html").read_text(encoding="utf-8")
    assert code == 1 and out == "" and "wrote the html report to consistency-report.html" in err
    assert "<code>consistency check a.txt --plugin fruit_plugin --select FR01 --format html</code>" in page
    assert "<dt>select</dt><dd>FR01</dd>" in page and "fruit.banana" in page
    code = main(["check", "a.txt", "--plugin", "fruit_plugin", "--select", "FR01", "--format", "html", "-o", "-"])
    out, err = capsys.readouterr()
    assert out.startswith("<!DOCTYPE html>") and "wrote" not in err


@browser
@needs_chromium
@pytest.mark.slow
def test_html_folder_report_in_chromium_opens_the_target_article(tmp_path):
    texts = ["Paris talks\n\nOfficials met in Paris. Paris agreed.\n", "Rome talks\n\nThey met in Rome. Rome agreed.\n"]
    reports, checker = checked(texts)
    page = render(reports, checker.rule_infos())
    path = tmp_path / "report.html"
    path.write_text(page.replace("<details class=\"article-box\" id=\"a2-box\" open>",
                                 "<details class=\"article-box\" id=\"a2-box\">"), encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", f"--user-data-dir={profile}",
             "--virtual-time-budget=2000", "--dump-dom", path.as_uri() + "#a2-f1"],
            capture_output=True, text=True, timeout=90, check=True)
    dom = done.stdout
    assert re.search(r'<details class="article-box" id="a2-box" open="">', dom), "the linked article was opened"
    total = sum(len(f.spans) + len(f.evidence) for r in reports for f in r.findings)
    assert f'data-highlights="ok {total}"' in dom
