import datetime as dt
import json

import pytest
from pydantic import ValidationError

from consistency import Article, Finding, Report, Severity, Span


def test_models_article_from_text_takes_first_nonempty_line_as_title():
    article = Article.from_text("\n\n  Headline here \nBody line one.\n\nBody line two.\n")
    assert article.title == "Headline here"
    assert article.body == "Body line one.\n\nBody line two."
    assert article.id  # a stable content hash when none is given


def test_models_article_id_is_stable_for_same_text():
    assert Article.from_text("A\nB").id == Article.from_text("A\nB").id != Article.from_text("A\nC").id


def test_models_article_from_grover_schema_maps_fields():
    article = Article.from_dict({"title": "T", "text": "Body.", "authors": "Jane Roe", "publish_date": "2019-03-04",
                                 "domain": "example.com", "summary": "S", "url": "https://example.com/a", "extra": 1})
    assert article.body == "Body." and article.publisher == "example.com" and article.subtitle == "S"
    assert article.authors == ["Jane Roe"] and article.published == dt.date(2019, 3, 4)
    assert article.metadata == {"extra": 1}


def test_models_article_from_own_schema_round_trips():
    article = Article(title="T", body="B", published=dt.datetime(2020, 1, 2, 3, 4), publisher="P")
    assert Article.from_json_line(article.model_dump_json()) == article


def test_models_article_rejects_non_object():
    with pytest.raises(ValueError):
        Article.from_dict(["not", "an", "object"])  # type: ignore[arg-type]


def test_models_span_rejects_end_before_start():
    with pytest.raises(ValidationError):
        Span(field="body", start=5, end=2)


def test_models_span_field_is_title_or_body():
    with pytest.raises(ValidationError):
        Span(field="subtitle", start=0, end=1)  # type: ignore[arg-type]


def test_models_finding_minimal_and_frozen():
    finding = Finding(rule="XX01", message="m", spans=[Span(start=0, end=1)])
    assert finding.confidence == 1.0 and finding.severity is None and finding.evidence == []
    with pytest.raises(ValidationError):
        finding.message = "other"  # type: ignore[misc]


def test_models_finding_confidence_is_bounded():
    with pytest.raises(ValidationError):
        Finding(rule="XX01", message="m", confidence=1.5)


def test_models_severity_orders_and_prints():
    assert Severity.info.rank < Severity.warning.rank < Severity.error.rank
    assert f"{Severity.warning}" == "warning"


def test_models_report_json_contract_keys():
    report = Report(source="a.txt", article=Article(title="T", body="B"),
                    findings=[Finding(rule="XX01", message="m", severity=Severity.info, spans=[Span(start=0, end=1, text="B")])])
    data = json.loads(report.to_json())
    assert {"source", "article", "findings", "errors"} <= set(data)
    assert {"id", "title", "body"} <= set(data["article"])
    finding = data["findings"][0]
    assert set(finding) >= {"rule", "name", "category", "severity", "confidence", "message", "spans", "evidence",
                            "suggestion", "data"}
    assert set(finding["spans"][0]) == {"field", "start", "end", "text", "location"}  # location: added, null here
    assert finding["spans"][0]["location"] is None
