"""Borders and coasts the article gives places.

- `borders` (subject `place:A`; value: B as written): "Moscow's southern border with Turkey", "the
  border between A and B", "the A-B border", "A borders B", "A shares a border with B", "in A's
  Volta Region close to the border with B", "the Czech central bank, across Poland's southern
  border" (`data.how`: `possessive`, `between`, `hyphen`, `verb`, `near`, `across`; `data.mods` the
  words before "border": "southern", "maritime", "500-km").
- `near-border` (subject `place:X`; value: whose border, as written): "Frankfurt (Oder), on the
  Czech border", "Kazan, near the border with Finland" (`data.kind` `country`), "Amherst, near the
  Quebec border" (`kind` `region`: a capitalised name the rule resolves); `data.rel` the
  preposition ("on", "near", "close to").
- `coast` (subject `place:A`; value: "coast", "coastline", "seaport", "beaches"): "Austria's coast",
  "the coast of Austria", "off the Austrian coast".

`data.parts` gives each named part's [start, end, text] in its field. Patterns run only in the
sentences that say "border" or "coast"; whether the two countries touch, or the country has a
sea, is the geography rules' comparison (GE02).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from ..placetext import APOS, NAME, adjective_pattern, country_pattern, keyword_windows, written_fields

if TYPE_CHECKING:
    from ..ledger import Claim, Reader

EXTRACTOR = "borders"

_BORDER_WORD = re.compile(r"\bborder")
_PART_WORDS = (r"(?:north|south|east|west|northern|southern|eastern|western|north-?eastern|north-?western|"
               r"south-?eastern|south-?western|far|remote|rural|mountainous|region|province|state|district|county|"
               r"area|territory|countryside|interior|highlands|lowlands|frontier)")
_COAST_WORD = re.compile(r"\b(?:coast|seaport|beaches|sea port)")
_BORDER_MODS = r"(?:(?:\w+(?:-\w+)?|\d[\d,.]*(?:-| )?(?:km|kilometre|kilometer|mile)s?(?:-long)?) ){0,3}"


# Words each border pattern cannot match without: a pattern is compiled and run only in a window
# whose text holds one of them, so the usual "border" of a story costs a few substring tests.
_BORDER_NEEDS = {
    "possessive": ("border with", "borders with"),
    "between": ("border between",),
    "hyphen": ("-", "–", "/"),
    "verb": ("borders", "border with"),
    "near": ("border with",),
    "across": ("across ",),
}


@lru_cache(maxsize=None)
def _border_pattern(how: str) -> re.Pattern[str]:
    """One border pattern, compiled on first need: each holds the country alternation (hundreds
    of names) once or twice, and compiling all six cost a quarter of a CPU second in every
    process whose articles say "border" at all."""
    return re.compile(_border_sources()[how])


def _border_sources() -> dict[str, str]:
    countries, adj = country_pattern(), adjective_pattern()
    place = rf"(?:{countries}|{NAME})"
    # "a town in Ghana's Volta Region close to the border with Togo": a part of A near its border
    # with B (the words between name the part: a region, a compass word; never a preposition
    # that could move it into a third country).
    part = rf"(?:(?:[A-Z][\w’'-]+|{_PART_WORDS}),? ){{0,3}}"
    return {
        "possessive": rf"(?P<a>{place}){APOS}s? (?P<mods>{_BORDER_MODS})borders? with (?:the )?(?P<b>{place})",
        "between": rf"\bborder between (?:the )?(?P<a>{place}) and (?:the )?(?P<b>{place})",
        "hyphen": rf"\b(?P<a>{countries}|{adj})[-–/](?P<b>{countries}|{adj}) border\b",
        "verb": rf"(?P<a>{countries}),? (?:which |that )?(?:borders|shares (?:a|its) (?:\w+ )?border with) "
                rf"(?:the )?(?P<b>{countries})\b",
        "near": rf"(?P<a>{countries}){APOS}s? {part}(?:right |just |close |hard )?(?:near|close to|on|along|at|by) "
                rf"the (?P<mods>{_BORDER_MODS})border with (?:the )?(?P<b>{countries})\b",
        # "The Czech central bank, across Poland's southern border,": B lies across A's border.
        "across": rf"\b(?:the |The |in )?(?P<b>{adj}|{countries})(?: [a-z][\w-]*){{0,4}}, (?:just )?"
                  rf"across (?P<a>{countries}){APOS}s? (?P<mods>{_BORDER_MODS})border\b",
    }


@lru_cache(maxsize=1)
def _coast_patterns() -> tuple[re.Pattern[str], ...]:
    countries = country_pattern()
    possessive = re.compile(rf"(?P<a>{countries}){APOS}s? (?:\w+ )?(?P<what>coast(?:line)?|seaport|beaches|sea ports?)\b")
    of = re.compile(rf"\bthe (?:\w+ )?(?P<what>coast(?:line)?) of (?:the )?(?P<a>{countries})\b")
    adjective = re.compile(rf"\b(?:the|off|along) (?:\w+ )?(?P<a>{adjective_pattern()}) (?P<what>coast(?:line)?|seaside|beaches)\b")
    return possessive, of, adjective


@lru_cache(maxsize=1)
def _border_town_pattern() -> re.Pattern[str]:
    """"Frankfurt (Oder), on the Czech border", "Kazan, near the border with Finland", "the Rafah
    crossing on the border with Egypt" (a crossing named by its town)."""
    return re.compile(
        rf"(?<![\w’'.-])(?P<x>{NAME}(?: \([A-Z][\w]+\))?)(?:, | (?:border )?(?:crossing|checkpoint|post) )"
        rf"(?:(?:which |that )?(?:lies|is|sits|lying|situated|located) )?"
        rf"(?:right |just |close )?(?P<rel>on|near|along|at|close to|astride|straddling) (?:the )?"
        rf"(?:(?P<adj>{adjective_pattern()}) border|border with (?:the )?(?P<b>{country_pattern()}))\b(?![-–])"
    )


# "Amherst, near the Quebec border": a town beside the border of a first-level region.
_REGION_BORDER_TOWN = re.compile(
    rf"(?<![\w’'.-])(?P<x>{NAME}), (?:(?:which |that )?(?:lies|is|sits|lying|situated|located) )?"
    rf"(?:right |just |close )?(?P<rel>on|near|along|at|close to) the (?P<r>[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){{0,2}}) border\b(?![-–])"
)


_HOWS = ("possessive", "between", "hyphen", "verb", "near", "across")


def extract(reader: Reader) -> Iterator[Claim]:
    """`borders`, `near-border` and `coast` claims of title and body."""
    from ..people import optional_gazetteer

    if optional_gazetteer() is None:
        return
    ctx = reader.ctx
    for field_name, text in written_fields(ctx):
        for start, end in keyword_windows(ctx, field_name, _BORDER_WORD, ("border",)):
            window = text[start:end]
            for how in _HOWS:
                if not any(word in window for word in _BORDER_NEEDS[how]):
                    continue
                for m in _border_pattern(how).finditer(text, start, end):
                    a = re.sub(rf"{APOS}s?$", "", m.group("a").strip())
                    yield _claim(reader, "borders", a, m.group("b"), field_name, m, how=how,
                                 mods=(m.groupdict().get("mods") or "").strip())
            for m in _border_town_pattern().finditer(text, start, end):
                yield _claim(reader, "near-border", m.group("x"), m.group("adj") or m.group("b"), field_name, m,
                             kind="country", rel=m.group("rel"))
            for m in _REGION_BORDER_TOWN.finditer(text, start, end):
                yield _claim(reader, "near-border", m.group("x"), m.group("r"), field_name, m, kind="region",
                             rel=m.group("rel"))
        for start, end in keyword_windows(ctx, field_name, _COAST_WORD, ("coast", "seaport", "beaches", "sea port")):
            for pattern in _coast_patterns():
                for m in pattern.finditer(text, start, end):
                    yield _claim(reader, "coast", m.group("a"), m.group("what"), field_name, m)


def _claim(reader: Reader, attribute: str, place: str, value: str, field_name: str, m: re.Match[str],
           **data: object) -> Claim:
    parts = {k: [m.start(k), m.end(k), v] for k, v in m.groupdict().items() if v is not None}
    start, end = parts.get("a", parts.get("x", [m.start(), m.end()]))[:2]
    sid = reader.add_subject(f"place:{place}", "place", place, reader.ctx.span_at(field_name, start, end))
    return reader.claim_at(sid, attribute, value, field_name, m.start(), m.end(), EXTRACTOR, parts=parts, **data)
