"""The spaCy component: registered by entry point, findings on the doc and its sentences."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest
import spacy

from consistency.checker import Checker
from consistency.models import Article
from consistency.nlp import resolve_model_name

pytestmark = pytest.mark.slow

TEXT = "\n  Officials meet in Paris \nOfficials met in Paris on Monday.\n\nLater, Paris hosted the talks.  \n"
CONFIG = {"select": ["SC"], "plugins": ["scale_plugin"]}  # tests/fixtures: repeated names, first title word


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.load(resolve_model_name())
    pipeline.add_pipe("consistency", config=CONFIG)
    return pipeline


def test_component_factory_is_a_spacy_entry_point():
    names = {ep.name: ep.value for ep in entry_points(group="spacy_factories")}
    assert names.get("consistency") == "consistency.component:make_consistency_component"


def test_component_findings_equal_the_checker_on_the_same_text(nlp):
    doc = nlp(TEXT)
    expected = Checker(select=["SC"], plugins=["scale_plugin"]).check(Article.from_text(TEXT)).findings
    assert doc._.consistency_findings == expected
    assert doc._.consistency_report.article == Article.from_text(TEXT)
    assert {f.rule for f in expected} == {"SC01", "SC02"}


def test_component_finding_spans_map_onto_the_doc(nlp):
    from consistency.component import finding_spans

    doc = nlp(TEXT)
    for finding in doc._.consistency_findings:
        assert [s.text for s in finding_spans(doc, finding)] == [s.text for s in finding.spans]
        assert [s.text for s in finding_spans(doc, finding, evidence=True)] == [s.text for s in finding.evidence]
    title_word = next(f for f in doc._.consistency_findings if f.rule == "SC02")
    assert finding_spans(doc, title_word)[0].start_char == TEXT.index("Officials")


def test_component_sentences_carry_their_own_findings(nlp):
    doc = nlp(TEXT)
    per_sentence = {sent.text.strip(): [f.rule for f in sent._.consistency_findings] for sent in doc.sents}
    later = next(key for key in per_sentence if key.startswith("Later"))
    assert per_sentence[later] == ["SC01"]
    assert sum(len(sent._.consistency_findings) for sent in doc.sents) == len(doc._.consistency_findings)


def test_component_reparse_gives_the_same_findings(nlp):
    blank = spacy.blank("en")
    blank.add_pipe("consistency", config={**CONFIG, "reparse": None})
    doc = blank(TEXT)  # no entities in a blank pipeline: the component parses with its own model
    assert doc._.consistency_findings == nlp(TEXT)._.consistency_findings


def test_component_whole_doc_as_body_and_ignore(nlp):
    pipeline = spacy.blank("en")
    pipeline.add_pipe("consistency", config={**CONFIG, "title_first_line": False, "ignore": ["SC02"]})
    doc = pipeline(TEXT)
    assert doc._.consistency_report.article.title == ""
    assert {f.rule for f in doc._.consistency_findings} == {"SC01"}
    assert all(s.field == "body" for f in doc._.consistency_findings for s in f.spans)


def test_component_empty_doc(nlp):
    doc = nlp("   \n ")
    assert doc._.consistency_findings == []
