"""Reading place names from the text: the capitalised-name pattern, the alternations of country
names and demonyms, the longest prefix of a name that is a city, and the keyword windows in which
the place-fact extractors (facts/places.py, facts/distances.py) and the geography rules run their
patterns. Kept here, below the ledger, so that the extractors and the rules read names one way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .gazetteer import City, Gazetteer, get_gazetteer
from .tokens import sentence_of

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

    from ..analysis import ArticleAnalysis

# A capitalised name of up to four words, with the lower-case particles place names use.
_PARTICLE = r"(?:de|del|da|do|dos|das|di|la|le|el|al|am|an|der|upon|sur|es|of)"
_CAP = r"[A-Z][\w’'.\-]*[\w]"
NAME = rf"{_CAP}(?:[ \-](?:{_PARTICLE}[ \-])?{_CAP}){{0,3}}"
NAME_RE = re.compile(NAME)
APOS = "['’]"


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


def written_fields(ctx: ArticleAnalysis) -> Iterator[tuple[str, str]]:
    """(field name, text) of the title and body that hold any text: what the place readers scan."""
    for field_name in ("title", "body"):
        text = ctx.article.field(field_name)
        if text:
            yield field_name, text


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
