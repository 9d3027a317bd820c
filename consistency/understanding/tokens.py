"""Token-level helpers every reader of the article shares: indexes kept once per doc, calendar words.

They sit below people, places, time and quantities so that none of those imports another
for a helper (the import graph of `consistency.understanding` has no cycle).
"""

from __future__ import annotations

import bisect
import calendar
import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAYS.update({name.lower(): i for i, name in enumerate(calendar.day_abbr)})
WEEKDAYS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS.update({"sept": 9})
MONTHS.pop("may", None)  # the modal "may": month only when capitalised, see _month_of


_ENTITY_INDEX_KEY = "consistency.entity_index"
_SENTENCE_INDEX_KEY = "consistency.sentence_index"
_ENTITY_LIST_KEY = "consistency.entity_list"
_WORD_COUNT_KEY = "consistency.word_counts"


def entity_at(token: Token) -> SpacySpan | None:
    """The named entity a token stands in, from a per-doc index built once.

    `doc.ents` rebuilds its spans on every access, so the index is kept in the doc's
    `user_data` (it lives exactly as long as the doc).
    """
    doc = token.doc
    index = doc.user_data.get(_ENTITY_INDEX_KEY)
    if index is None:
        index = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
        doc.user_data[_ENTITY_INDEX_KEY] = index
    return index.get(token.i)  # type: ignore[no-any-return]


def entities_within(doc: Doc, start: int, end: int) -> list[SpacySpan]:
    """The named entities wholly inside tokens [start, end) (what `span.ents` gives), by bisecting
    a per-doc list: `span.ents` walks every entity of the doc on each call."""
    index = doc.user_data.get(_ENTITY_LIST_KEY)
    if index is None:
        ents = list(doc.ents)
        index = doc.user_data[_ENTITY_LIST_KEY] = ([e.start for e in ents], ents)
    starts, ents = index
    found = []
    for k in range(bisect.bisect_left(starts, start), len(ents)):
        if ents[k].start >= end:
            break
        if ents[k].end <= end:
            found.append(ents[k])
    return found


def word_count(doc: Doc, word: str) -> int:
    """How often `word` stands as a whole word in the doc's text (what `len(re.findall(rf"\\b{word}\\b"))`
    gives for a word of letters, digits and underscores), from per-doc counts made once."""
    counts = doc.user_data.get(_WORD_COUNT_KEY)
    if counts is None:
        from collections import Counter

        counts = doc.user_data[_WORD_COUNT_KEY] = Counter(re.findall(r"\w+", doc_text(doc)))
    return counts[word]  # type: ignore[no-any-return]


def sentence_of(token: Token) -> SpacySpan:
    """The sentence of a token, by bisecting sentence starts indexed once per doc.

    `token.sent` walks the doc token by token on every call, which costs more than
    all of a rule's own work on long articles.
    """
    starts, sents = sentence_index(token.doc)
    return sents[bisect.bisect_right(starts, token.i) - 1]


def sentence_index(doc: Doc) -> tuple[list[int], list[SpacySpan]]:
    """(start token of each sentence, the sentences) of a doc, built once and kept in its `user_data`."""
    index = doc.user_data.get(_SENTENCE_INDEX_KEY)
    if index is None:
        sents = list(doc.sents) if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else [doc[:]]
        index = ([s.start for s in sents], sents)
        doc.user_data[_SENTENCE_INDEX_KEY] = index
    return index  # type: ignore[no-any-return]


def token_indices(doc: Doc, attr: str, values: set[str]) -> list[int]:
    """Indices of tokens whose `attr` (e.g. "LEMMA", "LOWER") is one of `values`, without making Token objects."""
    import numpy
    from spacy.attrs import IDS
    from spacy.strings import get_string_id

    if not len(doc):
        return []
    column = doc.to_array(IDS[attr])
    mask = numpy.zeros(len(column), dtype=bool)
    for value in values:  # a handful of values: one vectorised comparison each beats numpy.isin's set-up
        mask |= column == get_string_id(value)
    return numpy.flatnonzero(mask).tolist()  # type: ignore[no-any-return]


def forget_indexes(doc: Doc) -> None:
    """Drop what this package keeps in a doc's `user_data` once an article is checked.

    The sentence and entity indexes hold spaCy spans, which hold the doc: a cycle that only the
    garbage collector breaks, so each checked article's docs stayed in memory until a full
    collection came. Dropped, the docs go as soon as the last reference does."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith("consistency.")]:
        del doc.user_data[key]


def doc_text(doc: Doc) -> str:
    """The doc's text, joined once: spaCy rebuilds `doc.text` from the tokens on every access."""
    text = doc.user_data.get("consistency.text")
    if text is None:
        text = doc.user_data["consistency.text"] = doc.text
    return text


def pos_flags(doc: Doc, *pos: str) -> list[bool]:
    """For each token of the doc, whether its coarse part of speech (`token.pos_`) is one of `pos`,
    read from the doc's array: a loop that skips most tokens on their part of speech then makes
    no `Token` for them."""
    from spacy.attrs import POS
    from spacy.parts_of_speech import IDS

    if not len(doc):
        return []
    column = doc.to_array(POS)
    mask = column == IDS[pos[0]]
    for other in pos[1:]:
        mask |= column == IDS[other]
    return mask.tolist()  # type: ignore[no-any-return]


def lower_lemma_indices(doc: Doc, words: frozenset[str] | set[str]) -> list[int]:
    """Indices of the tokens whose lower-cased lemma (`token.lemma_.lower()`) is one of `words`, in
    order: each distinct lemma of the doc is looked up once, and no `Token` is made for the rest,
    so a rule that looks for a few trigger words costs little more than its triggers."""
    from spacy.attrs import LEMMA

    if not len(doc) or not words:
        return []
    column = doc.to_array(LEMMA).tolist()
    strings = doc.vocab.strings
    hits = {lemma for lemma in set(column) if strings[lemma].lower() in words}
    return [i for i, lemma in enumerate(column) if lemma in hits] if hits else []


@lru_cache(maxsize=1024)
def _whole_word(form: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(form)}\b")


def whole_word_spans(text: str, form: str) -> list[tuple[int, int]]:
    """The spans `re.finditer(rf"\\b{re.escape(form)}\\b", text)` gives, found with `str.find`:
    a pattern that opens with `\\b` is tried at every character of the text, which on a long
    article costs more than the rule that asks."""
    if not form:
        return [m.span() for m in _whole_word(form).finditer(text)]
    pattern = _whole_word(form)
    spans: list[tuple[int, int]] = []
    at = text.find(form)
    while at != -1:
        match = pattern.match(text, at)  # `\b` still sees the character before `at`
        if match is not None:
            spans.append(match.span())
            at = text.find(form, match.end())
        else:
            at = text.find(form, at + 1)
    return spans
