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


def _full_scan_windows(ctx, field, keyword):
    """keyword_windows as it was: the keyword run over the whole text, each hit's sentence once."""
    windows = []
    text = ctx.article.field(field)
    for hit in keyword.finditer(text):
        if windows and hit.start() < windows[-1][1]:
            continue
        span = ctx.char_span(field, hit.start(), hit.end())
        if span is not None:
            windows.append((span.sent.start_char, span.sent.end_char))
    return windows


def test_spans_keyword_windows_around_literals_match_a_full_scan():
    import re

    from consistency_plugins._places import keyword_windows

    checker = checker_for("GE04")
    filler = "The committee met again on Tuesday and adjourned without a vote. " * 12
    body = (f"Miners were flown home from Chile on Monday. {filler}Builders sold new homes in Leeds. "
            f"{filler}The ministry said it would repatriate 40 sailors. {filler}Fans went back home after "
            f"the match. The border with Poland stayed open. {filler}They were sent back home, "
            "officials said, and HOME was where they stayed.")
    article = make_article(f"Workers return home\n\n{body}")
    ctx = ArticleAnalysis(article, checker.nlp(article.title), checker.nlp(article.body))
    home = re.compile(r"\b(repatriat\w*|(?:sent|flown|went) (?:back )?home)\b", re.IGNORECASE)
    for field in ("title", "body"):
        found = keyword_windows(ctx, field, home, ("repatriat", "home"))
        assert found == _full_scan_windows(ctx, field, home)
    assert len(keyword_windows(ctx, "body", home, ("repatriat", "home"))) == 4
    border = re.compile(r"\bborder")
    assert keyword_windows(ctx, "body", border, ("border",)) == _full_scan_windows(ctx, "body", border)
    assert keyword_windows(ctx, "body", border, ("capital",)) == []
