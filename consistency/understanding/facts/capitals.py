"""Cities the article calls a country's capital.

- `capital-of` (subject `place:NAME`; value: the country's name): "Istanbul, the Turkish capital",
  "Istanbul, Turkey's capital", "Istanbul, the capital of Turkey", "the Turkish capital, Istanbul",
  "Turkey's capital Istanbul", "Istanbul is the capital of Turkey" (`data.how`: `adjective`,
  `possessive`, `of`, `is`); and "the capital, Istanbul" when that sentence and the one before name
  exactly one country and no region (`how` `context`); "Almaty, the country's capital", of the country
  the town is in (`how` `own-country`). `data.country` is the country's code,
  `data.said` the words that named it, `data.small` whether the name was read as a small place
  of that country (GeoNames cities1000: "the Faroese capital, Klaksvík"), `data.qualified` the
  word that makes it another kind of capital ("commercial", "former": qualifier `former` for
  the words of time), which the rules do not compare as the seat of government.

A name is read once: the first pattern that reads a capital claim for a name wins.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..gazetteer import City
from ..placetext import (
    APOS,
    NAME,
    adjective_pattern,
    best_city_name,
    country_pattern,
    keyword_windows,
    read_name,
    written_fields,
)
from ..tokens import entities_within, sentence_index, sentence_of

if TYPE_CHECKING:
    from ..gazetteer import Country, Gazetteer
    from ..ledger import Claim, Reader

EXTRACTOR = "capitals"

_CAPITAL_WORD = re.compile(r"\bcapital\b")
_CAPITAL_BLOCKERS = re.compile(
    r"\b(former|old|then|ancient|onetime|erstwhile|de facto|administrative|commercial|financial|economic|"
    r"cultural|business|fashion|tech|music|party|spiritual|historic|historical|royal|provincial|regional|"
    r"state|summer|winter|second|new|original|colonial|crime|drug|football|world|industrial|oil|"
    r"wartime|legislative|judicial|executive|political|seaside|holiday|shopping|gambling|literary|media|film)\s*$",
    re.IGNORECASE,
)
_PAST_WORDS = frozenset({"former", "old", "then", "ancient", "onetime", "erstwhile", "original", "colonial",
                         "wartime", "historic", "historical"})
# What every capital pattern needs in its window: a capitalised word (a country, its adjective or
# its possessive) right before "capital", or "capital of". "Venture capital" and "capital
# spending" windows are dropped before the patterns (each holds the country alternation) are
# compiled or run.
_CAPITAL_CUE = re.compile(r"[A-Z][\w’'.-]* capital\b|\bcapital of ")
_IMPLICIT_CAPITAL = re.compile(rf"\b[Tt]he capital(?: city)?,? (?P<x>{NAME})")
# "Almaty, the country's capital": the capital of the country the town is in.
_OWN_COUNTRY_CAPITAL = re.compile(rf"(?P<x>{NAME}), (?:the|its) (?:country|nation){APOS}s capital\b"
                                  r"(?! city of|-|,? (?:until|till|before|from|between|in) (?:the )?\d)")


@lru_cache(maxsize=1)
def _capital_patterns() -> tuple[re.Pattern[str], ...]:
    countries, adj = country_pattern(), adjective_pattern()
    return (
        # "Istanbul, the Turkish capital" / "Istanbul, Turkey's capital" / "Istanbul, the capital of Turkey"
        re.compile(
            rf"(?P<x>{NAME}), (?:(?P<pre>the (?:\w+ )?)(?P<adj>{adj}) capital|(?P<poss>{countries}){APOS}s? capital|"
            rf"(?P<pre2>the (?:\w+ )?)capital of (?:the )?(?P<of>{countries}))\b(?!{APOS}| city of|-)"
        ),
        # "the Turkish capital, Istanbul" / "Turkey's capital Istanbul" / "the capital of Turkey, Istanbul"
        re.compile(
            rf"(?:(?P<pre>\bthe (?:\w+ )?)(?P<adj>{adj}) capital(?: city)?|(?P<poss>{countries}){APOS}s? capital(?: city)?|"
            rf"(?P<pre2>\bthe (?:\w+ )?)capital of (?:the )?(?P<of>{countries})),? (?P<x>{NAME})"
        ),
        # "Istanbul is the capital of Turkey"
        re.compile(rf"(?P<x>{NAME}) is (?P<pre2>the )capital of (?:the )?(?P<of>{countries})\b(?!{APOS})"),
    )


def extract(reader: Reader) -> Iterator[Claim]:
    """`capital-of` claims of title and body."""
    from ..people import optional_gazetteer

    gaz = optional_gazetteer()
    if gaz is None:
        return
    ctx = reader.ctx
    for field_name, text in written_fields(ctx):
        windows = keyword_windows(ctx, field_name, _CAPITAL_WORD, ("capital",))
        if not windows:
            continue
        cued = [(start, end) for start, end in windows if _CAPITAL_CUE.search(text, start, end)]
        seen: set[int] = set()
        for index, pattern in enumerate(_capital_patterns() if cued else ()):
            for m in (m for start, end in cued for m in pattern.finditer(text, start, end)):
                groups = m.groupdict()
                pre = groups.get("pre") or groups.get("pre2") or ""
                blocker = _CAPITAL_BLOCKERS.search(pre.strip()) or _CAPITAL_BLOCKERS.search(text[max(0, m.start() - 12) : m.start()])
                said = groups.get("adj") or groups.get("poss") or groups.get("of") or ""
                country = gaz.country_of_demonym(said) if groups.get("adj") else gaz.country(said)
                if country is None:
                    continue
                matches = read_name(text, m.start("x"))
                found = best_city_name(gaz, matches)
                small = False
                if found is None:
                    found, small = small_place_in(gaz, matches, country.code), True
                if found is None:
                    continue
                name = found[0]
                if not blocker:
                    if name.start in seen:
                        continue
                    seen.add(name.start)
                how = "adjective" if groups.get("adj") else "possessive" if groups.get("poss") else \
                    "is" if index == 2 else "of"
                yield _claim(reader, field_name, m, name.text, (name.start, name.end), country, how, said, small,
                             blocker.group(1).lower() if blocker else None)
        for m in (m for start, end in windows for m in _IMPLICIT_CAPITAL.finditer(text, start, end)):
            found = best_city_name(gaz, read_name(text, m.start("x")))
            if found is None or found[0].start in seen:
                continue
            country = context_country(reader, gaz, field_name, m.start(), m.end())
            if country is None:
                continue
            yield _claim(reader, field_name, m, found[0].text, (found[0].start, found[0].end), country, "context",
                         "", False, None)
        for m in (m for start, end in windows for m in _OWN_COUNTRY_CAPITAL.finditer(text, start, end)):
            found = best_city_name(gaz, read_name(text, m.start("x")))
            if found is None or found[0].start in seen or found[0].end != m.end("x"):
                continue
            town = max(found[1], key=lambda c: c.population, default=None)
            country = gaz.countries.get(town.country) if town is not None else None
            if country is None:
                continue
            seen.add(found[0].start)
            yield _claim(reader, field_name, m, found[0].text, (found[0].start, found[0].end), country, "own-country",
                         "", False, None)


def _claim(reader: Reader, field_name: str, m: re.Match[str], name: str, at: tuple[int, int], country: Country,
           how: str, said: str, small: bool, qualified: str | None) -> Claim:
    sid = reader.add_subject(f"place:{name}", "place", name, reader.ctx.span_at(field_name, *at))
    qualifiers = ("former",) if qualified in _PAST_WORDS else ()
    return reader.claim_at(sid, "capital-of", country.name, field_name, m.start(), m.end(), EXTRACTOR, qualifiers,
                           country=country.code, how=how, said=said, small=small, qualified=qualified,
                           name=name, name_span=list(at))


def small_place_in(gaz: Gazetteer, matches: list[Any], code: str) -> tuple[Any, list[City]] | None:
    """The longest prefix of a name that is a place of 1,000 people or more in country `code`
    (GeoNames cities1000), as a City: "Klaksvík" in the Faroes. None when the name is (also) a
    country, region or demonym."""
    for match in matches:
        if len(match.text) < 3 or gaz.is_country(match.text) or gaz.country_of_demonym(match.text) \
                or gaz.regions(match.text):
            return None
        rows = [r for r in gaz.located(match.text) if gaz.place_in(r[0], r[1], code)]
        if rows:
            cc, admin1, lat, lon, population = rows[0]
            return match, [City(match.text, match.text, cc, admin1, None, lat, lon, population, 0)]
    return None


def context_country(reader: Reader, gaz: Gazetteer, field_name: str, start: int, end: int) -> Country | None:
    """The one country named (or meant by a demonym) in the sentence of `start` and the one before,
    when there is exactly one and no region (or unknown place) is named: the country "the
    capital" belongs to."""
    span = reader.ctx.char_span(field_name, start, end)
    if span is None or not len(span):
        return None
    sent = sentence_of(span[0])
    starts, sents = sentence_index(sent.doc)
    i = bisect.bisect_left(starts, sent.start)
    i = i if i < len(starts) and starts[i] == sent.start else 0
    codes: set[str] = set()
    for s in sents[max(0, i - 1) : i + 1]:
        for ent in entities_within(s.doc, s.start, s.end):
            if ent.start_char >= start and ent.end_char <= end:
                continue
            name = re.sub(rf"^(?:the )|{APOS}s?$", "", ent.text)
            if ent.label_ == "NORP":
                country = gaz.country_of_demonym(name)
            elif ent.label_ in ("GPE", "LOC"):
                country = gaz.country(name)
                if country is None and (gaz.regions(name) or not gaz.cities(name)):
                    return None  # a region, or a place we do not know: whose capital is unclear
            else:
                continue
            if country is not None:
                codes.add(country.sovereign)
    return gaz.countries[codes.pop()] if len(codes) == 1 else None
