"""The per-article sentence and entity indexes answer as spaCy's own `Span.ents` and `doc.sents`."""

from __future__ import annotations

import pytest

from consistency_plugins._spans import ents_in, sentences

from consistency.analysis import ArticleAnalysis
from consistency.testing import checker_for, make_article

pytestmark = pytest.mark.slow


def test_spans_entities_and_sentences_match_spacy():
    checker = checker_for("GE03")
    article = make_article("Talks in Minsk\n\nSergei Lavrov flew from Moscow to Minsk. Angela Merkel met him in "
                           "Berlin on Monday, and Emmanuel Macron spoke from Paris. Nothing happened in the rain.")
    ctx = ArticleAnalysis(article, checker.nlp(article.title), checker.nlp(article.body))
    doc = ctx.body_doc
    assert [s.start for s in sentences(ctx, doc)] == [s.start for s in doc.sents]
    spans = [*doc.sents, doc[0:3], doc[2:9], doc[:], doc[5:5]]
    for span in spans:
        assert [(e.start, e.end, e.label_) for e in ents_in(ctx, span)] == [(e.start, e.end, e.label_) for e in span.ents]
