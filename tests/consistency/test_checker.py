import pytest

from consistency import Article, Checker, ConfigError, Severity


@pytest.fixture
def article():
    return Article.from_text("Fruit news\n\nA banana fell. Then a second banana fell.")


def test_checker_runs_plugin_rules_and_fills_finding_fields(throwaway, article):
    report = Checker(plugins=[throwaway], select=["ZZ01"]).check(article, source="a.txt")
    assert report.source == "a.txt" and report.rules == ["ZZ01"]
    assert [f.spans[0].text for f in report.findings] == ["banana", "banana"]
    first = report.findings[0]
    assert first.name == "testing.banana" and first.category == "testing"
    assert first.severity == Severity.warning and first.confidence == 0.5
    assert all(article.body[s.start:s.end] == s.text for f in report.findings for s in f.spans)


def test_checker_isolates_a_failing_rule(throwaway, article):
    report = Checker(plugins=[throwaway], select=["ZZ"]).check(article)
    assert {f.rule for f in report.findings} == {"ZZ01", "ZZ02"}
    assert [(e.kind, e.rule, e.exception) for e in report.errors] == [("rule", "ZZ03", "RuntimeError")]
    assert "boom" in report.errors[0].message


def test_checker_sorts_findings_by_position_title_first(throwaway, article):
    report = Checker(plugins=[throwaway], select=["ZZ01", "ZZ02"]).check(article)
    assert [(f.spans[0].field, f.rule) for f in report.findings] == [("title", "ZZ02"), ("body", "ZZ01"), ("body", "ZZ01")]


def test_checker_ignore_and_select_by_prefix(throwaway, article):
    assert Checker(plugins=[throwaway], select=["ZZ"], ignore=["ZZ03", "ZZ02"]).check(article).rules == ["ZZ01"]


def test_checker_severity_override_and_min_severity(throwaway, article):
    checker = Checker(plugins=[throwaway], select=["ZZ01", "ZZ02"], severity={"ZZ01": "error"}, min_severity="warning")
    report = checker.check(article)
    assert {f.rule for f in report.findings} == {"ZZ01"}
    assert all(f.severity == Severity.error for f in report.findings)


def test_checker_rule_options_are_validated(throwaway):
    with pytest.raises(ConfigError, match="ZZ01"):
        Checker(plugins=[throwaway], rules={"ZZ01": {"no_such_option": 1}})


def test_checker_unknown_code_is_an_error(throwaway):
    with pytest.raises(ConfigError, match="QQ99"):
        Checker(plugins=[throwaway], select=["QQ99"])


def test_checker_check_many_keeps_order_and_errors(throwaway):
    from consistency.inputs import Document

    items = [Article.from_text("One\nbanana"), Document("bad", error="bad: unreadable"), Article.from_text("Two\nno fruit")]
    reports = list(Checker(plugins=[throwaway], select=["ZZ01"]).check_many(items, batch_size=2))
    assert [r.source for r in reports] == [items[0].id, "bad", items[2].id]
    assert [len(r.findings) for r in reports] == [1, 0, 0]
    assert reports[1].errors[0].kind == "input" and reports[1].article is None


def test_checker_rejects_too_long_articles_with_an_error_record(throwaway):
    report = Checker(plugins=[throwaway], select=["ZZ01"], max_chars=20).check(Article.from_text("T\n" + "banana " * 10))
    assert report.errors and "max_chars" in report.errors[0].message


def test_checker_bad_span_from_a_rule_becomes_an_error(clean_plugins):
    from consistency import Rule, Span

    class BadSpan(Rule):
        """Quotes words the article does not contain."""

        code = "ZZ09"
        name = "testing.bad-span"

        def check(self, ctx):
            yield self.finding("m", [Span(field="body", start=0, end=3, text="xyz")])

    from tests.conftest import ThrowawayPlugin

    report = Checker(plugins=[ThrowawayPlugin(BadSpan)], select=["ZZ09"]).check(Article.from_text("T\nabcdef"))
    assert not report.findings and "span text" in report.errors[0].message


def test_checker_timings_only_when_asked(throwaway, article):
    assert Checker(plugins=[throwaway], select=["ZZ01"]).check(article).timings == {}
    assert set(Checker(plugins=[throwaway], select=["ZZ01"], timings=True).check(article).timings) == {"ZZ01"}


def test_checker_batch_sizes_grow_to_the_configured_size():
    import itertools

    from consistency.checker import growing_batches

    assert list(itertools.islice(growing_batches(32), 8)) == [1, 2, 4, 8, 16, 32, 32, 32]
    assert list(itertools.islice(growing_batches(5), 5)) == [1, 2, 4, 5, 5]
    assert list(itertools.islice(growing_batches(1), 2)) == [1, 1]


def test_checker_first_report_comes_after_one_article(throwaway):
    """The stream's first report is out once one article is read and parsed; later batches are
    bigger, and an explicit batch_size is kept as given."""
    from consistency.nlp import blank_nlp

    nlp = blank_nlp()
    piped: list[int] = []
    real_pipe = nlp.pipe
    nlp.pipe = lambda texts, **kw: (piped.append(len(texts)), real_pipe(texts, **kw))[1]
    checker = Checker(plugins=[throwaway], select=["ZZ01"], batch_size=4, nlp=nlp)
    read = []

    def articles():
        for i in range(12):
            read.append(i)
            yield Article.from_text(f"Title {i}\nA banana, number {i}.")

    stream = checker.check_many(articles())
    first = next(stream)
    assert len(read) == 1 and len(first.findings) == 1
    rest = list(stream)
    assert len(rest) == 11 and piped == [2 * n for n in (1, 2, 4, 4, 1)]  # title and body per article
    piped.clear()
    assert len(list(checker.check_many([Article.from_text("T\nbanana")] * 6, batch_size=3))) == 6
    assert piped == [6, 6]


def test_parse_groups_bound_the_characters_of_each_nlp_pipe_call():
    from consistency.checker import parse_groups

    texts = ["a" * 5, "b" * 7, "c" * 30, "d" * 2, "e" * 3]
    groups = list(parse_groups(texts, 12))
    assert [t for g in groups for t in g] == texts  # every text once, in order
    assert groups == [["a" * 5, "b" * 7], ["c" * 30], ["d" * 2, "e" * 3]]  # a longer text goes alone


def test_checker_leaves_no_span_index_in_the_docs_after_an_article():
    """The indexes of spans kept in a doc's user_data make a cycle (doc -> spans -> doc) that only
    a full collection breaks; they are dropped once the article's rules have run."""
    from consistency.analysis import ArticleAnalysis

    checker = Checker()
    article = Article.from_text("Talks\n\nSergei Lavrov met Boris Johnson in Paris. Lavrov said little.")
    title_doc, body_doc = checker.nlp.pipe([article.title, article.body])
    report = checker.run_rules("x", ArticleAnalysis(article, title_doc, body_doc, checker.resources))
    assert report.rules and not [k for d in (title_doc, body_doc) for k in d.user_data
                                 if isinstance(k, str) and k.startswith("consistency.")]
