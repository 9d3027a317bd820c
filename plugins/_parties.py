"""Shared helpers of the `relations` and `groups` families: which country a word names.

Everything here asks the project gazetteer (`ctx.gazetteer`, consistency/understanding/gazetteer.py)
and spaCy's entities; nothing holds place data of its own. The small word lists below
are grammar (combining forms such as "Sino-", bloc abbreviations), not geography.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from consistency.analysis import ArticleAnalysis

# Combining forms used in "Sino-Japanese", "Anglo-Irish": they name a people, not a word to check.
COMBINING_FORMS = frozenset({
    "afro", "anglo", "austro", "euro", "franco", "gallo", "germano", "graeco", "greco", "hispano",
    "indo", "italo", "judeo", "luso", "nippo", "polono", "russo", "serbo", "croato", "sino",
    "turco", "irano", "arabo", "americo", "dano", "swedo", "norvego", "hungaro", "czecho", "slavo",
    "soviet", "pan",
})

# Blocs and international bodies that stand as parties of relations ("EU-US trade").
BLOCS = frozenset({
    "eu", "un", "nato", "asean", "au", "opec", "wto", "imf", "g7", "g8", "g20", "mercosur", "nafta",
    "commonwealth", "osce", "oas", "apec", "brics", "efta", "ecowas", "sadc", "gcc", "cis", "csto",
    "ussr", "west", "western", "east", "eastern", "europe", "european", "africa", "african", "asia",
    "asian", "arab", "gulf", "transatlantic", "atlantic", "pacific", "baltic", "nordic", "arctic",
    "latin", "caribbean", "balkan", "middle", "mideast",
})

_DATELINE = re.compile(r"^\s*([A-Z][A-Z.'’ -]{2,40}?)(?:\s*,\s*[A-Za-z. ]{2,30})?\s*(?:\([^)]{1,40}\)\s*)?[—–-]{1,2}\s")


def gazetteer(ctx: ArticleAnalysis) -> Any:
    """The project gazetteer (loaded once per process), or None when the analysis has none."""
    return getattr(ctx, "gazetteer", None)


def country_code(ctx: ArticleAnalysis, text: str) -> str | None:
    """ISO code of the country this name, alias or demonym stands for ("Russia", "Russian")."""
    gaz = gazetteer(ctx)
    text = _clean(text)
    if gaz is None or not text:
        return None
    country = gaz.country(text)
    if country is None:
        country = gaz.country_of_demonym(text)
    if country is None and text.lower().startswith("the "):
        country = gaz.country(text[4:])
    return getattr(country, "code", None) if country is not None else None


def demonym_code(ctx: ArticleAnalysis, text: str) -> str | None:
    """ISO code of the country whose demonym (adjective or plural noun) this word is."""
    gaz = gazetteer(ctx)
    text = _clean(text)
    if gaz is None or not text:
        return None
    country = gaz.country_of_demonym(text)
    return getattr(country, "code", None) if country is not None else None


def country_name(ctx: ArticleAnalysis, code: str) -> str:
    """The gazetteer's name of a country code (the code itself when unknown)."""
    gaz = gazetteer(ctx)
    country = gaz.country(code) if gaz is not None else None
    return getattr(country, "name", None) or code


def capital_country(ctx: ArticleAnalysis, text: str) -> str | None:
    """Country code of the country whose capital this is ("Moscow" -> RU), for metonymy."""
    gaz = gazetteer(ctx)
    if gaz is None:
        return None
    countries = gaz.capital_of(_clean(text))
    return countries[0].code if len(countries) == 1 else None


def place_country(ctx: ArticleAnalysis, text: str) -> str | None:
    """Country code of a country, demonym, or of a capital standing for its country ("Moscow")."""
    return country_code(ctx, text) or capital_country(ctx, text)


def is_known_place(ctx: ArticleAnalysis, text: str) -> bool:
    """True when the gazetteer knows a country, region or city of this name."""
    gaz = gazetteer(ctx)
    return gaz is not None and bool(gaz.readings(_clean(text)))


def city_country(ctx: ArticleAnalysis, text: str) -> str | None:
    """Country code of a place name: a country, a capital, else the most populous city so named."""
    code = place_country(ctx, text)
    if code:
        return code
    gaz = gazetteer(ctx)
    cities = gaz.cities(_clean(text)) if gaz is not None else []
    return cities[0].country if cities else None


def dateline(ctx: ArticleAnalysis) -> tuple[str, int, int] | None:
    """The body's dateline ("MOSCOW —"): its place name with start and end offsets."""
    match = _DATELINE.match(ctx.article.body)
    if not match:
        return None
    return match.group(1).strip(), match.start(1), match.start(1) + len(match.group(1).strip())


def dateline_country(ctx: ArticleAnalysis) -> tuple[str, int, int] | None:
    """The country of the dateline's city, with the dateline's offsets in the body."""
    found = dateline(ctx)
    if not found:
        return None
    place, start, end = found
    code = city_country(ctx, place.title()) or city_country(ctx, place)
    return (code, start, end) if code else None


def entity_of(token: Token) -> SpacySpan | None:
    """The named entity (spaCy span) containing this token, if any."""
    if not token.ent_type_:
        return None
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def _clean(text: str) -> str:
    text = text.strip().strip(".,;:\"'“”‘’")
    for suffix in ("'s", "’s"):
        text = text.removesuffix(suffix)
    return text.strip()
