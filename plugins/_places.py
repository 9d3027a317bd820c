"""Shared text helpers of the geography rules: matchers for demonyms and country names,
reading a place name that starts at an offset, and context checks (lists, corrections,
history) that keep the rules quiet when the text explains itself.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from consistency.understanding.gazetteer import Country, Gazetteer
from consistency.understanding.placetext import (  # noqa: F401 - the rules import these from here
    APOS,
    NAME,
    NAME_RE,
    NameMatch,
    adjective_pattern,
    best_city_name,
    city_reading,
    country_pattern,
    demonym_pattern,
    keyword_windows,
    read_name,
    sentence_at,
)
from consistency.understanding.tokens import entity_at, sentence_index

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

    from consistency.analysis import ArticleAnalysis

CORRECTION_CUES = re.compile(
    r"\b(in fact|actually|wrongly|mistakenly|incorrectly|erroneously|falsely|confus\w+|mix(?:ed)? up|"
    r"correction|corrected|misidentif\w+|rather than)\b",
    re.IGNORECASE,
)
# Contexts in which a place may have belonged to another country: old empires and states,
# "then called", and years before 1950 (borders in Europe moved until then).
HISTORY_CUES = re.compile(
    r"\b(Soviet|USSR|Tsarist|Ottoman|Empire|imperial|Yugoslavia|Czechoslovakia|Prussia\w*|Habsburg|"
    r"formerly (?:known as|called)|then (?:known as|called|part of)|then-\w+|colonial|pre-war|"
    r"before the (?:first |second )?(?:world )?war|1[0-8]\d\d|19[0-4]\d)\b",
    re.IGNORECASE,
)


def next_sentences(ctx: ArticleAnalysis, sent: SpacySpan, count: int = 2) -> Iterator[SpacySpan]:
    """The sentences after `sent` in the same field (found by bisection in the doc's sentence index)."""
    doc = sent.doc
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return
    starts, sents = sentence_index(doc)
    i = bisect.bisect_left(starts, sent.start)
    if i < len(starts) and starts[i] == sent.start:
        yield from sents[i + 1 : i + 1 + count]


def in_quotes(text: str, start: int, end: int, sent_start: int) -> bool:
    """True when an odd number of quotation marks stands between the sentence start and `start`."""
    before = text[sent_start:start]
    straight = before.count('"')
    curly_open = before.count("“") - before.count("”")
    return straight % 2 == 1 or curly_open > 0


_NEGATION = re.compile(r"\b(not|no|never|n't)\b|n't\b", re.IGNORECASE)


def corrected(
    ctx: ArticleAnalysis,
    sent: SpacySpan,
    subject: list[str],
    truth: list[str],
    claim_start: int,
    claim_end: int,
) -> bool:
    """True when the article itself corrects or disowns the claim about `subject`.

    Either a correction cue ("in fact", "wrongly", "mistakenly") stands with the true fact
    (`truth`: the right country, capital ...) in the claim's sentence or one of the next two;
    or a later sentence among those names the subject with the truth and a negation ("Kazan is
    not in Belarus but in Russia"); or the claim is quoted and a later sentence (or the rest of
    the claim's sentence after the quote) names the subject with the truth.
    """
    text = ctx.article.field(ctx.field_of(sent))
    window = [sent, *next_sentences(ctx, sent, 2)]

    def names(s: str, which: list[str]) -> bool:
        return any(n and re.search(rf"\b{re.escape(n)}\b", s) for n in which)

    quoted = in_quotes(text, claim_start, claim_end, sent.start_char)
    for i, s in enumerate(window):
        here = s.text if i else text[claim_end : sent.end_char] + " " + text[sent.start_char : claim_start]
        if names(s.text, truth) and CORRECTION_CUES.search(s.text):
            return True
        if names(here, subject) and names(here, truth) and (quoted or _NEGATION.search(here)):
            return True
    return False


_THE = re.compile(r"^(United|Republic|Democratic|Central African|Dominican Republic|Czech Republic)|(Islands|Emirates|Netherlands|Philippines|Bahamas|Gambia|Maldives|Comoros|Seychelles)$")


def the_name(gaz: Gazetteer, code: str) -> str:
    """A country's name as it reads mid-sentence: "the United Kingdom", "Russia"."""
    country = gaz.countries.get(code)
    if country is None:
        return code
    name = country.name
    if name.startswith("The "):
        return "the " + name[4:]
    return f"the {name}" if _THE.search(name) else name


def country_words(country: Country) -> list[str]:
    """Names and adjectives by which a country may be mentioned."""
    return [country.name, *country.aliases, *country.demonyms]


def entity_label_at(ctx: ArticleAnalysis, field: str, start: int, end: int) -> str | None:
    """The label of the named entity overlapping these offsets, if any."""
    span = ctx.char_span(field, start, end)
    if span is None:  # offsets inside a token's edges: the plain scan
        return next((e.label for e in ctx.entities if e.field == field and e.start < end and start < e.end), None)
    for token in span:  # the leftmost entity overlapping, from the per-doc token index
        ent = entity_at(token)
        if ent is not None:
            return str(ent.label_)
    return None
