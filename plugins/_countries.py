"""Which countries a text names: by name, demonym, capital, seat of government or metonym.

Shared by the `headline` and `knowledge` families. It asks the project gazetteer
(consistency/understanding/gazetteer.py); the small tables below are usage, not geography: seats of
government ("the Kremlin"), blocs ("EU") and the UK's nations counted as the UK.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from consistency import ArticleAnalysis

# Words that name a government by its seat: they support the country they stand for.
_METONYMS = {
    "kremlin": "RU", "white house": "US", "pentagon": "US", "downing street": "GB", "number 10": "GB",
    "whitehall": "GB", "westminster": "GB", "brussels": "EU", "elysee": "FR", "élysée": "FR",
    # older spellings of capitals that newsrooms still use
    "kiev": "UA", "delhi": "IN", "teheran": "IR", "peking": "CN",
}
# Seats of government other than the official capital (the gazetteer confirms each).
_SEATS = {"BO": ("La Paz",), "NL": ("The Hague",), "ZA": ("Pretoria", "Cape Town"), "CI": ("Abidjan",),
          "TZ": ("Dar es Salaam",), "MY": ("Putrajaya",), "LK": ("Colombo",), "BJ": ("Cotonou",)}
_BLOCS = {"eu": "EU", "european union": "EU", "european commission": "EU", "european": "EU",
          "nato": "NATO", "un": "UN", "united nations": "UN"}
_UK_NATIONS = {"england": "GB", "english": "GB", "scotland": "GB", "scottish": "GB", "wales": "GB",
               "welsh": "GB", "northern ireland": "GB", "britain": "GB", "british": "GB"}


@dataclass(frozen=True)
class PlaceMention:
    """A word naming a country or bloc (by name, demonym, capital or seat of government)."""

    key: str
    start: int
    end: int
    token_start: int
    token_end: int
    sentence: int


def place_mentions(ctx: ArticleAnalysis, doc: Doc) -> list[PlaceMention]:
    """Countries and blocs named in a doc, by name, demonym, capital or seat of government."""
    try:
        ctx.gazetteer  # noqa: B018 - the shared instance, loaded once per process
    except ImportError:
        return []
    starts = _first_words()
    found: list[PlaceMention] = []
    sentence_of: dict[int, int] = {}
    i = 0
    while i < len(doc):
        token = doc[i]
        if not token.text[:1].isupper() or token.lower_ not in starts:
            i += 1
            continue
        for width in (3, 2, 1):
            piece = doc[i:i + width]
            if len(piece) < width or (width > 1 and not all(t.text[:1].isupper() for t in piece[1:])):
                continue
            key = _lookup_place(strip_possessive(piece.text))
            if key:
                if not sentence_of:
                    sentence_of = {t: n for n, sent in enumerate(sentences_of(doc)) for t in range(sent.start, sent.end)}
                found.append(PlaceMention(key, piece.start_char, piece.end_char, i, i + width,
                                          sentence_of.get(i, 0)))
                i += width
                break
        else:
            i += 1
    return found


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """Lower-cased first words of every name `_lookup_place` knows: a cheap filter before look-ups."""
    from consistency.understanding.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    names = [*gaz.country_names(), *gaz.demonym_forms(), *_capitals(), *_METONYMS, *_BLOCS, *_UK_NATIONS]
    return frozenset(n.split()[0].lower() for n in names if n.strip())


def strip_possessive(text: str) -> str:
    return re.sub(r"(?:'s|’s|')$", "", text.strip())


def place_key(ctx: ArticleAnalysis, text: str) -> str | None:
    """ISO code (or bloc name) of the country a name, demonym, capital or seat stands for."""
    try:
        ctx.gazetteer  # noqa: B018 - the shared instance, loaded once per process
    except ImportError:
        return None
    return _lookup_place(strip_possessive(text))


@lru_cache(maxsize=65536)
def _lookup_place(cleaned: str) -> str | None:
    lower = cleaned.lower()
    if lower in _BLOCS and (cleaned.isupper() or cleaned[:1].isupper()):
        return _BLOCS[lower]
    if lower in _METONYMS:
        return _METONYMS[lower]
    if lower in _UK_NATIONS:
        return _UK_NATIONS[lower]
    from consistency.understanding.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    if len(cleaned) <= 3:
        # codes count only when written as a name ("US", "UAE"), never "TV" or "IT"
        country = gaz.country(cleaned)
        if country is None or cleaned not in (country.name, *country.aliases):
            return None
        return str(country.code)
    country = gaz.country(cleaned) or gaz.country_of_demonym(cleaned)
    if country is None:
        country = _capitals().get(lower)
    return getattr(country, "code", None) if country is not None else None


@lru_cache(maxsize=1)
def _capitals() -> dict[str, Any]:
    """Capital name (lower case) -> country, for capitals that name one country only."""
    from consistency.understanding.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    found: dict[str, list[Any]] = {}
    for country in gaz.countries.values():
        # is_capital knows seats of government too ("La Paz", "The Hague")
        names = [country.capital, *_SEATS.get(country.code, ())]
        for name in filter(None, names):
            if gaz.is_capital(name, country.code):
                found.setdefault(name.lower(), []).append(country)
    return {name: countries[0] for name, countries in found.items() if len(countries) == 1}


def is_country_name(text: str) -> bool:
    from consistency.understanding.gazetteer import get_gazetteer

    return get_gazetteer().country(text) is not None


def country_label(ctx: ArticleAnalysis, key: str) -> str:
    """A readable name for a place key."""
    if key in ("EU", "UN", "NATO"):
        return {"EU": "the EU", "UN": "the UN", "NATO": "Nato"}[key]
    try:
        country = ctx.gazetteer.country(key)
    except ImportError:
        country = None
    return getattr(country, "name", None) or key


def sentences_of(doc: Doc) -> Iterator[Any]:
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        yield from doc.sents
    elif len(doc):
        yield doc[:]
