"""Journeys told in one sentence: where they start, what they pass through, where they go.

- `via` (subject `article`; value: the destination's name): "a convoy travelling through
  Belarus, through Poland and Germany, on its way to Syria", "flew from London via Dubai to
  Sydney". `data.origin` (or None), `data.vias` and `data.destination` are points, each with the
  name as written (`text`), its `span`, and the place it resolves to in the gazetteer: `name`,
  `country`, `lat`, `lon`, `key` (a country by its code, a city of 100,000+ people by its
  GeoNames id). A journey whose stops all lie outside the destination's country and that has at
  least one stop is read; the words before each place give its part ("through", "via",
  "across", "and" after a stop; "from"; "to", "bound for", "on its way to").

Whether the route as told is a detour is the geography rules' comparison (GE03).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..gazetteer import City, Country
from ..placetext import APOS, keyword_windows, written_fields
from ..tokens import entities_within

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

    from ..gazetteer import Gazetteer
    from ..ledger import Claim, Reader

EXTRACTOR = "routes"

_VIA = {"through", "via", "across", "transiting", "traversing"}
_VIA_WORD = re.compile(r"\b(?:through|via|across|transiting|traversing) (?:the )?[A-Z]")
_DEST_CUES = re.compile(
    r"\b(?:on (?:its|their|his|her|the) way to|en route to|bound for|destined for|heading (?:to|for|towards)|"
    r"headed (?:to|for|towards)|travell?ing to|driving to|making (?:its|their) way to)\b",
    re.IGNORECASE,
)
_HOPS = re.compile(r"^(?:,|and|,\s*and|then|before|,\s*then)?\s*(?:(?:through|via|across)\s+)?$")


def route_of(
    ctx: Any, gaz: Gazetteer, sent: SpacySpan
) -> tuple[tuple[SpacySpan, Country | City] | None, list[tuple[SpacySpan, Country | City]], tuple[SpacySpan, Country | City]] | None:
    """(origin, waypoints, destination) of a journey told in one sentence, or None."""
    places = [(ent, p) for ent, p in sentence_places(ctx, gaz, sent)]
    if len(places) < 2:
        return None
    origin = None
    vias: list[tuple[SpacySpan, Country | City]] = []
    dest = None
    text = ctx.article.field(ctx.field_of(sent))  # the doc's text; `doc.text` is rebuilt on every access
    previous_role = None
    previous_end = sent.start_char
    for ent, place in places:
        before = text[previous_end : ent.start_char].strip().lower()
        lead_words = re.findall(r"[\w-]+", text[max(sent.start_char, ent.start_char - 40) : ent.start_char].lower())
        last, last2 = (lead_words[-1:] or [""])[0], (lead_words[-2:-1] or [""])[0]
        joined_to_via = previous_role == "via" and bool(_HOPS.match(before))
        role = _role(last, last2, joined_to_via, _DEST_CUES.search(text[sent.start_char : ent.start_char]) is not None,
                     bool(vias), origin is not None, dest is not None)
        if role == "via":
            vias.append((ent, place))
        elif role == "origin" and origin is None and not vias:
            origin = (ent, place)
        elif role == "dest":
            dest = (ent, place)
        previous_role = role or (previous_role if not before else None)
        previous_end = ent.end_char
    if dest is None or not vias:
        return None
    if any(gaz.country_of(p) == gaz.country_of(dest[1]) for _, p in vias):
        return None
    return origin, vias, dest


def _role(last: str, last2: str, joined_to_via: bool, dest_cue: bool, has_vias: bool, has_origin: bool,
          has_dest: bool) -> str | None:
    """The part a place plays in a journey, from the words before it: "through Poland" (via),
    "and Germany" after a via (via), "from Russia" (origin), "on its way to ... Syria" or "to Syria"
    after a via or an origin (destination)."""
    if last in _VIA or (last2 in _VIA and ("-" in last or last == "the")) or joined_to_via:
        return "via"
    if last == "from" or (last == "the" and last2 == "from"):
        return "origin"
    if not has_dest and ((dest_cue and has_vias) or (last == "to" and (has_vias or has_origin))):
        return "dest"
    return None


def sentence_places(ctx: Any, gaz: Gazetteer, sent: SpacySpan) -> list[tuple[SpacySpan, Country | City]]:
    """Countries and big cities named in a sentence (entities GPE/LOC), in order."""
    found: list[tuple[SpacySpan, Country | City]] = []
    for ent in entities_within(sent.doc, sent.start, sent.end):
        if ent.label_ not in ("GPE", "LOC"):
            continue
        name = re.sub(rf"^(?:the )|{APOS}s?$", "", ent.text)
        country = gaz.country(name)
        if country is not None:
            found.append((ent, country))
            continue
        if gaz.regions(name):
            continue
        cities = [c for c in gaz.cities(name) if c.population >= 100_000 and gaz.is_primary_name(c, name)]
        if cities:
            found.append((ent, cities[0]))
    return found


def extract(reader: Reader) -> Iterator[Claim]:
    """`via` claims: one per sentence that tells a journey with stops."""
    from ..people import optional_gazetteer

    gaz = optional_gazetteer()
    if gaz is None:
        return
    ctx = reader.ctx
    for field_name, _text in written_fields(ctx):
        for start, end in keyword_windows(ctx, field_name, _VIA_WORD, ("through", "via", "across", "transit", "travers")):
            sent = ctx.char_span(field_name, start, end)
            if sent is None:
                continue
            route = route_of(ctx, gaz, sent)
            if route is None:
                continue
            origin, vias, dest = route
            yield reader.claim_at("article", "via", dest[1].name, field_name, sent.start_char, sent.end_char, EXTRACTOR,
                                  origin=_point(gaz, *origin) if origin else None,
                                  vias=[_point(gaz, *v) for v in vias], destination=_point(gaz, *dest))


def _point(gaz: Gazetteer, ent: SpacySpan, place: Country | City) -> dict[str, Any]:
    lat, lon = gaz.coordinates(place) or (None, None)
    key = f"country:{place.code}" if isinstance(place, Country) else f"city:{place.geonameid}"
    return {"text": ent.text, "span": [ent.start_char, ent.end_char], "name": place.name,
            "country": gaz.country_of(place), "lat": lat, "lon": lon, "key": key}
