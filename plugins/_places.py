"""Shared text helpers of the geography rules: matchers for demonyms and country names,
reading a place name that starts at an offset, and context checks (lists, corrections,
history) that keep the rules quiet when the text explains itself.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from consistency.understanding.gazetteer import City, Country, Gazetteer, get_gazetteer
from consistency.understanding.tokens import entity_at, sentence_index, sentence_of

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

    from consistency.analysis import ArticleAnalysis

# A capitalised name of up to four words, with the lower-case particles place names use.
_PARTICLE = r"(?:de|del|da|do|dos|das|di|la|le|el|al|am|an|der|upon|sur|es|of)"
_CAP = r"[A-Z][\w’'.\-]*[\w]"
NAME = rf"{_CAP}(?:[ \-](?:{_PARTICLE}[ \-])?{_CAP}){{0,3}}"
NAME_RE = re.compile(NAME)
APOS = "['’]"

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


@dataclass(frozen=True)
class NameMatch:
    """A place name read from the text: its text, offsets and the places it can be."""

    text: str
    start: int
    end: int


@lru_cache(maxsize=1)
def demonym_pattern() -> str:
    """Alternation of every country adjective and people noun, longest first, case-sensitive."""
    gaz = get_gazetteer()
    forms = {f for c in gaz.countries.values() for f in c.demonyms}
    forms.update(f + "s" for c in gaz.countries.values() for f in c.adjectives if f.endswith(("an", "i")))
    return "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f)))


@lru_cache(maxsize=1)
def adjective_pattern() -> str:
    """Alternation of every country adjective ("Belarusian", "South African"), longest first."""
    gaz = get_gazetteer()
    forms = {f for c in gaz.countries.values() for f in c.adjectives}
    return "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f)))


@lru_cache(maxsize=1)
def country_pattern() -> str:
    """Alternation of country names and aliases (capitalised ones only), longest first."""
    gaz = get_gazetteer()
    names = set()
    for name in gaz.country_names():
        if name.lower().startswith("the "):
            name = name[4:]
        if name[:1].isupper() and len(name) > 2 or name in ("UK", "US"):
            names.add(name)
    return "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))


def read_name(text: str, start: int) -> list[NameMatch]:
    """The capitalised name starting at `start`, longest reading first, then shorter prefixes
    ("Kazan on Monday" -> "Kazan"). Possessives and trailing dots are dropped."""
    m = NAME_RE.match(text, start)
    if not m:
        return []
    words = list(re.finditer(r"\S+", m.group(0)))
    found = []
    for i in range(len(words), 0, -1):
        piece = m.group(0)[: words[i - 1].end()]
        piece = re.sub(rf"{APOS}s?$", "", piece).rstrip(".-")
        if piece:
            found.append(NameMatch(piece, start, start + len(piece)))
    return found


# Continents and world regions: never read as the small cities that share their names.
_WORLD_REGIONS = frozenset(
    ["africa", "europe", "asia", "america", "americas", "antarctica", "oceania", "australasia", "eurasia",
     "middle east", "scandinavia", "balkans", "caribbean", "latin america", "north america", "south america",
     "central america", "east africa", "west africa", "southern africa", "north africa", "central asia",
     "south asia", "south-east asia", "southeast asia", "east asia", "gulf", "west", "east", "north", "south"]
)


def city_reading(gaz: Gazetteer, name: str) -> list[City]:
    """The cities a name can be; empty when the name is (also) a country, region, continent or
    demonym, or too short."""
    if len(name) < 3 or name.lower() in _WORLD_REGIONS:
        return []
    if gaz.is_country(name) or gaz.country_of_demonym(name):
        return []
    return gaz.cities(name)


def best_city_name(gaz: Gazetteer, matches: list[NameMatch]) -> tuple[NameMatch, list[City]] | None:
    """The longest prefix of a name that is a city."""
    for match in matches:
        cities = city_reading(gaz, match.text)
        if cities:
            return match, cities
        if gaz.is_country(match.text):
            return None
    return None


# How far a keyword match may reach before or after the literal it contains: the patterns
# `keyword_windows` is given are a few words long, so 200 characters is ample.
_LITERAL_REACH = 200


def keyword_windows(
    ctx: ArticleAnalysis, field: str, keyword: re.Pattern[str], literals: tuple[str, ...] = ()
) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `field` that contains the keyword, in order, once each.

    Rules run their costly patterns only there: a cheap keyword scan over the whole text
    ("border", "capital") keeps them fast on the many articles that have none. `literals`,
    when given, are lower-case substrings one of which every match of `keyword` contains: the
    keyword is then run only around their occurrences, not over the whole text (a regex scan
    of a long article costs several times a substring search, and one "home" in a long text
    would otherwise send the whole of it through the regex).
    """
    text = ctx.article.field(field)
    regions = [(0, len(text))]
    if literals:
        low = text.lower()
        if not any(lit in low for lit in literals):
            return []
        if len(low) == len(text):  # lower-casing kept the offsets (it does but for a few letters)
            regions = _literal_regions(low, literals)
    windows: list[tuple[int, int]] = []
    for region_start, region_end in regions:
        for hit in keyword.finditer(text, region_start, region_end):
            if windows and hit.start() < windows[-1][1]:
                continue
            span = ctx.char_span(field, hit.start(), hit.end())
            if span is None:
                continue
            sent = sentence_of(span[0]) if len(span) else None  # indexed: `span.sent` walks the doc
            if sent is None or sent.end < span.end:
                sent = span.sent  # a match across a sentence break covers both
            windows.append((sent.start_char, sent.end_char))
    return windows


def _literal_regions(low: str, literals: tuple[str, ...]) -> list[tuple[int, int]]:
    """The stretches of text around each occurrence of the literals, merged, in order."""
    found: list[tuple[int, int]] = []
    for lit in literals:
        at = low.find(lit)
        while at >= 0:
            found.append((max(0, at - _LITERAL_REACH), min(len(low), at + len(lit) + _LITERAL_REACH)))
            at = low.find(lit, at + 1)
    found.sort()
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def sentence_at(ctx: ArticleAnalysis, field: str, start: int, end: int) -> SpacySpan | None:
    """The spaCy sentence holding these offsets."""
    span = ctx.char_span(field, start, end)
    return sentence_of(span[0]) if span is not None and len(span) else None


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
