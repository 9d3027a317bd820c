"""Per-article indexes of sentences and entities, for rules that ask about one sentence at a time.

spaCy's `Span.ents` walks every entity of the doc and `doc.sents` every token, so a rule that asks
for each of its sentences grows with the square of the article. These answer the same questions
from lists built once per article (keyed by the analysis, so a new check never sees stale lists).
"""

from __future__ import annotations

import bisect
import weakref
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

    from consistency import ArticleAnalysis

_INDEXES: weakref.WeakKeyDictionary[Any, dict[int, _DocIndex]] = weakref.WeakKeyDictionary()


class _DocIndex:
    def __init__(self, doc: Doc) -> None:
        self.ents = list(doc.ents)
        self.ent_starts = [ent.start for ent in self.ents]
        self.sents = list(doc.sents)
        self.sent_starts = [sent.start for sent in self.sents]


def _index(ctx: ArticleAnalysis, doc: Doc) -> _DocIndex:
    per_doc = _INDEXES.get(ctx)
    if per_doc is None:
        per_doc = _INDEXES[ctx] = {}
    found = per_doc.get(id(doc))
    if found is None:
        found = per_doc[id(doc)] = _DocIndex(doc)
    return found


def ents_in(ctx: ArticleAnalysis, span: SpacySpan) -> list[SpacySpan]:
    """`span.ents`: the doc's entities that lie wholly inside the span, in order."""
    index = _index(ctx, span.doc)
    found = []
    for at in range(bisect.bisect_left(index.ent_starts, span.start), len(index.ents)):
        ent = index.ents[at]
        if ent.end > span.end:
            break
        found.append(ent)
    return found


def sentences(ctx: ArticleAnalysis, doc: Doc) -> list[SpacySpan]:
    """`list(doc.sents)`, built once per article."""
    return _index(ctx, doc).sents
