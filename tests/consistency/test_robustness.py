"""Arbitrary, empty and very long text never crashes the checker (every built-in rule on)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consistency import Article, Checker


@pytest.fixture(scope="module")
def checker():
    return Checker(preview=True)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.text(max_size=80), body=st.text(max_size=600))
def test_robustness_arbitrary_unicode_never_crashes(checker, title, body):
    report = checker.check(Article(title=title, body=body))
    assert not [e for e in report.errors if e.kind == "rule"], report.errors
    for finding in report.findings:
        for span in finding.spans + finding.evidence:
            assert report.article.field(span.field)[span.start:span.end] == span.text


NEWSY = st.lists(st.sampled_from([
    "Russia", "Belarus", "the Belarusian city of Kazan", "Foreign Minister", "Sergei Lavrov", "Mr Lavrov", "said",
    "on Monday", "12 people died", "15 dead", "in 2014", "border with Turkey", "his son", "Lukashenko's", ",", ".",
    "traveled to", "is expected to visit", "Paris, Texas", "up to 300 citizens", "\n\n", "-", "relations", "“", "”",
]), max_size=60).map(" ".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=NEWSY, body=NEWSY)
def test_robustness_newsy_word_salad_never_crashes(checker, title, body):
    report = checker.check(Article(title=title, body=body))
    assert not [e for e in report.errors if e.kind == "rule"], report.errors


def test_robustness_empty_fields(checker):
    for title, body in [("", ""), ("Only a title", ""), ("", "Only a body.")]:
        report = checker.check(Article(title=title, body=body))
        assert not report.errors


@pytest.mark.slow
def test_robustness_very_long_article(checker):
    body = ("The minister said the talks in Minsk would continue on Monday. " * 2500).strip()
    report = checker.check(Article(title="Long", body=body))
    assert not [e for e in report.errors if e.kind == "rule"]
