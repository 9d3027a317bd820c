"""Where the article puts places: a town in a country or a first-level region.

- `located-in` (subject `place:NAME`, the town as written; value: the country's name, or the
  region as written): "the Belarusian city of Kazan", "the Bavarian city of Hamburg", "the
  Oregon city of Seattle" (`data.form` `demonym`), "Kazan, Belarus", "Calgary, Manitoba"
  (`comma`), "Kazan in Belarus", "from Kazan in Belarus", "Kazan, a city in Belarus", "based in
  Stellenbosch in the Eastern Cape", "southeast of Calama in the Tarapacá region" (`in`), "Kazan,
  Belarus's second city" (`possessive`). `data.kind` is `country` (with `codes`, every country the
  container's name can be: Georgia is also a US state; `admin1` a UK nation's code) or `region`
  (with `regions`, the (country, first-level region) pairs the name can be, accent-folded through
  the gazetteer; `near` after "near" or a compass word; `shown`, the region's name when the text
  gave its adjective). `data.said` is the container as written, `data.place` the town,
  `data.order` the reading order (the geography rule judges each town's first reading).

Not read: a list of places ("Moscow, Kazan, Belarus and Ukraine"; "Cardiff, Ireland made ...":
the country is the subject of the verb that follows), a country that modifies the next noun
("Edinburgh, Wales Secretary Peter Hain"), compounds before a demonym ("South American"), a
capital after "from" standing for its government ("support from Moscow in Syria"), possessives
and "-based" after a region ("Alberta's", "Ontario-based"), and a region named by compass
words alone ("the Northern city of").

Whether the town is in that container is the geography rules' comparison (GE01).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..gazetteer import region_key
from ..placetext import APOS, NAME, best_city_name, read_name, written_fields

if TYPE_CHECKING:
    from ..gazetteer import Gazetteer
    from ..ledger import Claim, Reader

EXTRACTOR = "places"

_KINDS = r"(?:port city|resort town|border town|market town|seaside town|city|town|village|port|resort)"
# "the Belarusian city of Kazan": "the", one or two capitalised words, a kind of place.
_DEMONYM_CITY = re.compile(rf"\bthe ((?:[A-Z][\w’'-]+ )?[A-Z][\w’'-]+) {_KINDS},? (?:of )?(?=[A-Z])")
# ", Belarus" / ", the UK": a capitalised phrase after a comma, looked up as a country.
_COMMA_PLACE = re.compile(r", (?:the )?([A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,2})")
# " in Belarus": the same after "in".
_DIRECTION = (
    r"(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?|central|north-eastern|north-western|"
    r"south-eastern|south-western)"
)
_IN_PLACE = re.compile(rf" in (?:the )?(?:{_DIRECTION} )?([A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){{0,2}})")
_NAME_BEFORE_COMMA = re.compile(rf"(?<![\w’'.-])({NAME})$")
_NAME_BEFORE_IN = re.compile(rf"\b((?:city|town|village|port) of|in|at|from|near|outside) ({NAME}),?$")
# "Kazan, a city in Belarus" / "Kazan is a town in Belarus"
_NAME_IS_CITY_IN = re.compile(
    rf"(?<![\w’'.-])({NAME}),? (?:is |was )?(a|an|the) (?:[\w-]+ ){{0,2}}(?:city|town|village|port|resort)$"
)
# "Kazan, Belarus's second city"
_POSSESSIVE_CITY = re.compile(
    rf"(?<![\w’'.-])({NAME}), (?:the )?([A-Z][\w.]*(?: [A-Z][\w.]*){{0,2}}){APOS}s? (?:[\w-]+ ){{0,2}}"
    rf"(?:city|town|port|village|resort)\b"
)


def _container_at(gaz: Gazetteer, phrase: str) -> str | None:
    """The longest prefix of a capitalised phrase that is a country or a UK nation."""
    words = phrase.split(" ")
    for i in range(len(words), 0, -1):
        piece = re.sub(rf"{APOS}s?$", "", " ".join(words[:i])).rstrip(".")
        if piece in GB_NATIONS or gaz.country(piece) is not None:
            return " ".join(words[:i]).rstrip(".") if not re.search(rf"{APOS}s?$", " ".join(words[:i])) else None
    return None


GB_NATIONS = {"England": "ENG", "Scotland": "SCT", "Wales": "WLS", "Northern Ireland": "NIR"}
# The adjectives of the UK's nations, which the country table (of sovereign states) lacks.
GB_NATION_ADJECTIVES = {"English": "England", "Scottish": "Scotland", "Welsh": "Wales", "Northern Irish": "Northern Ireland"}

_NAME_BEFORE_IN_REGION = re.compile(
    rf"\b((?:city|town|village|port|district|municipality) of|based in|in|at|from|to|near|outside|{_DIRECTION} of) ({NAME}),?$"
)
# A region named by a capitalised phrase, then perhaps "region", "province", "state".
_REGION_WORD_AFTER = re.compile(
    r" (?:region|province|state|oblast|department|prefecture|county|governorate|voivodeship|canton)\b")



# Words that name regions of some countries (Ghana's Northern, Cameroon's Centre) but in English
# text are mostly compass words or common nouns: a region named by these alone is never read.
GENERIC_REGION_WORDS = frozenset(
    "north south east west northern southern eastern western central centre center capital national federal "
    "delta bay gulf islands island lakes littoral midlands plateau plateaux savanes valley nord sud est ouest "
    "northeast northwest southeast southwest upper lower coast end side hill area river the".split()
)


def regions_of_adjective(gaz: Gazetteer, word: str) -> tuple[str, list[tuple[str, str]]] | None:
    """First-level regions a word before "city of" names: the region's own name ("the Oregon
    city of"), or its adjective by the common English endings: -ia/-a + n ("Bavarian",
    "Tasmanian", "Andalusian"), -o -> -an ("Ontarian"), -as -> -an ("Texan")."""
    candidates = [word]
    if word.endswith("n"):
        candidates.append(word[:-1])
    if word.endswith("an"):
        candidates += [word[:-2] + "o", word[:-1] + "s"]
    for name in candidates:
        if gaz.country(name) is not None or name in GB_NATIONS:
            return None
        if set(region_key(name).split()) <= GENERIC_REGION_WORDS and (
                " " not in name or set(name.lower().split()) <= GENERIC_REGION_WORDS):
            return None  # "the Northern city of", not "the Northern Territory city of"
        regions = gaz.admin1_regions(name)
        if regions:
            # a name whose key is a compass word ("Northern Territory"): the regions called so in full
            exact = [r for r in regions if region_key(r[1]) == region_key(name) and r[1].lower() == name.lower()]
            return name, exact or regions
    return None


def _adjective_regions(gaz: Gazetteer, phrase: str) -> list[tuple[str, str]]:
    """The regions a phrase names by the adjective of its last word ("West Pomeranian" ->
    "West Pomerania"), read only before a region word, where an adjective can name nothing else."""
    head, _, last = phrase.rpartition(" ")
    named = regions_of_adjective(gaz, last) if last[:1].isupper() else None
    if named is None:
        return []
    whole = f"{head} {named[0]}".strip()
    return gaz.admin1_regions(whole) if head else named[1]


def with_region_word(text: str, start: int, said: str) -> str:
    """The region's words with the "region"/"province" after them: "Maule" -> "Maule region"."""
    m = _REGION_WORD_AFTER.match(text, start + len(said))
    return text[start : m.end()] if m else said


def region_at(gaz: Gazetteer, phrase: str, text: str, start: int) -> tuple[str, list[tuple[str, str]]] | None:
    """The capitalised phrase when it is a first-level region of some country as a whole (and
    neither a country nor a UK nation, which the country checks read): the words as written and
    the (country, region) readings. A possessive ("Manitoba's premier") or a longer name that
    starts with a region's ("Quebec City") is no region."""
    words = phrase.split(" ")
    # a sentence ends the phrase ("in Indiana. It also ..."); "St." and the like do not
    end = next((k + 1 for k, w in enumerate(words) if w.endswith(".") and len(w) > 4), len(words))
    words = words[:end]
    for i in range(len(words), 0, -1):
        piece = " ".join(words[:i]).rstrip(".")
        if re.search(rf"{APOS}s?$", piece):
            return None
        if piece in GB_NATIONS or gaz.country(piece) is not None:
            return None
        if set(region_key(piece).split()) <= GENERIC_REGION_WORDS:
            continue  # "the Northern city of", "in the West": a compass word, not a named region
        regions = gaz.admin1_regions(piece)
        if not regions and _REGION_WORD_AFTER.match(text, start + len(piece)):
            regions = _adjective_regions(gaz, piece)  # "the West Pomeranian region", "Bavarian state"
        if regions and i < len(words):
            return None  # "Quebec City", "Victoria Falls": the name goes on into another place's
        if regions:
            after = text[start + len(piece) : start + len(piece) + 16]
            if re.match(rf"{APOS}s?\b|[-–]", after):
                return None  # "Alberta's", "Ontario-based"
            return piece, regions
    return None



def _is_clause_subject(ctx: Any, field: str, start: int, end: int) -> bool:
    """True when the country after the comma is the subject of a verb that follows it."""
    span = ctx.char_span(field, start, end)
    if span is None:
        return False
    head = span.root
    if head.dep_ in ("nsubj", "nsubjpass", "csubj"):
        return True
    following = span.doc[span.end] if span.end < len(span.doc) else None
    return following is not None and following.pos_ in ("VERB", "AUX") and following.dep_ not in ("acl", "relcl")



def _compound_before(text: str, start: int) -> bool:
    """True for "South American", "Latin American", "Anglo-Russian" before a demonym."""
    before = text[max(0, start - 12) : start]
    return bool(re.search(r"(South|North|Latin|Central|East|West|Anglo|Franco|Sino|Soviet)[ -]$", before))


_CLAUSE_WORDS = frozenset(
    ["on", "in", "at", "last", "this", "yesterday", "today", "tomorrow", "earlier", "later", "where", "when", "which", "who", "whose", "for", "after", "before", "during", "since", "until", "to", "from", "with", "was", "is", "has", "have", "had", "were", "are", "will", "would", "said", "says", "as", "by"]
)


def _modifies_next(ctx: Any, field: str, text: str, end: int) -> bool:
    """True when the country name modifies the next word ("Edinburgh, Wales Secretary Peter Hain",
    "Africa, the UK chancellor", "a London, Mexico police station"): then "X, <country>" is no
    address. The next word is read by its part of speech: a noun, name or adjective."""
    m = re.match(r" ([\w’'-]+)", text[end : end + 30])
    if not m or m.group(1).lower() in _CLAUSE_WORDS:
        return False
    token = ctx.char_span(field, end + 1, end + 1 + len(m.group(1)))
    return token is None or token[0].pos_ in ("NOUN", "PROPN", "ADJ", "NUM")


def is_place(gaz: Gazetteer, name: str) -> bool:
    """A country, region, or city of 50,000+ by its main name: an item of a list of places."""
    if gaz.is_country(name) or gaz.regions(name):
        return True
    return any(c.population >= 50_000 and gaz.is_primary_name(c, name) for c in gaz.cities(name))


def _name_before_in(text: str, end: int) -> tuple[int, int, bool] | None:
    """The city name before " in <country>": (start, end, whether it may be a capital standing
    for its government). "from Kazan in Belarus", "the city of Kazan in", "Kazan, a city in"."""
    window = (max(0, end - 70), end)
    m = _NAME_BEFORE_IN.search(text, *window)
    if m is not None:
        return m.start(2), m.end(2), m.group(1) == "from"  # "support from Moscow in Syria"
    m = _NAME_IS_CITY_IN.search(text, *window)
    if m is not None:
        return m.start(1), m.end(1), False
    return None


def _in_list(gaz: Gazetteer, text: str, start: int, end: int) -> bool:
    """True when "X, <country>" is part of a list of places ("Kazan, Belarus and Ukraine",
    "Moscow, Kazan, Belarus"); a district before it ("Headingley, Leeds, Russia") is an address."""
    if list_before(gaz, text, start):
        return True
    after = re.match(rf"\s*(?:,|\band\b|\bor\b|&)\s*(?:the\s)?({NAME})", text[end : end + 60])
    if after:
        return any(is_place(gaz, n.text) for n in read_name(after.group(1), 0))
    return False


def list_before(gaz: Gazetteer, text: str, start: int) -> bool:
    """True when the name at `start` follows another place of a list ("Moscow, Kazan", "and Kazan")."""
    before = text[max(0, start - 5) : start]
    if re.search(r"(\band|\bor|&)\s*$", before):
        return True
    if re.search(r",\s*$", before):
        previous = _NAME_BEFORE_COMMA.search(text, max(0, start - 60), start - len(before) + before.rindex(","))
        if previous is None or any(is_place(gaz, n.text) for n in read_name(text, previous.start(1))):
            return True
    return False


def extract(reader: Reader) -> Iterator[Claim]:
    """`located-in` claims of title and body, in reading order (`data.order`)."""
    from ..people import optional_gazetteer

    gaz = optional_gazetteer()
    if gaz is None:
        return
    ctx = reader.ctx
    order = 0
    for field_name, text in written_fields(ctx):
        for reading in _readings(ctx, gaz, field_name, text):
            kind, form, start, end, said, name, extra = reading
            if kind == "country":
                codes = extra["codes"]
                value = said if extra.get("admin1") else gaz.countries[codes[0]].name if codes[0] in gaz.countries else said
            else:
                value = said
            sid = reader.add_subject(f"place:{name.text}", "place", name.text,
                                     ctx.span_at(field_name, name.start, name.end))
            yield reader.claim_at(sid, "located-in", value, field_name, start, end, EXTRACTOR, kind=kind, form=form,
                                  said=said, place=name.text, order=order, **extra)
            order += 1


_Reading = tuple[str, str, int, int, str, Any, dict[str, Any]]


def _readings(ctx: Any, gaz: Gazetteer, field: str, text: str) -> Iterator[_Reading]:
    """(kind, form, start, end, container as written, the town's NameMatch, details) of each
    containment the text states, in the order the geography rule judges them."""
    for m in _DEMONYM_CITY.finditer(text):
        yield from _demonym_region(gaz, text, m)
        dem, dem_start = m.group(1), m.start(1)
        countries = gaz.countries_of_demonym(dem)
        if not countries and " " in dem:
            dem_start += dem.index(" ") + 1
            dem = dem.split(" ", 1)[1]
            countries = gaz.countries_of_demonym(dem)
        if not countries or dem not in {a for c in countries for a in c.adjectives}:
            continue
        if _compound_before(text, dem_start):
            continue
        found = best_city_name(gaz, read_name(text, m.end()))
        if found:
            yield "country", "demonym", m.start(), found[0].end, dem, found[0], {"codes": [c.code for c in countries], "admin1": None}
    for m in _COMMA_PLACE.finditer(text):
        container = _container_at(gaz, m.group(1))
        if container is None:
            yield from _comma_region(ctx, gaz, field, text, m)
            continue
        c_end = m.start(1) + len(container)
        before = _NAME_BEFORE_COMMA.search(text, max(0, m.start() - 60), m.start())
        if before is None or _in_list(gaz, text, before.start(1), c_end) or _modifies_next(ctx, field, text, c_end):
            continue
        if _is_clause_subject(ctx, field, m.start(1), c_end):
            continue  # "In Brussels, France argued ...", "Cardiff, Ireland made ...": the subject of a verb
        found = best_city_name(gaz, read_name(text, before.start(1)))
        if not found or found[0].end != m.start():
            continue
        codes, admin1 = _container(gaz, container)
        if codes:
            yield "country", "comma", before.start(1), c_end, container, found[0], {"codes": codes, "admin1": admin1}
    for m in _IN_PLACE.finditer(text):
        container = _container_at(gaz, m.group(1))
        if container is None:
            yield from _in_region(gaz, text, m, ctx=ctx, field=field)
            continue
        after = text[m.start(1) + len(container) : m.start(1) + len(container) + 1]
        if container in GB_NATIONS and after != "-":
            yield from _in_region(gaz, text, m, nation=container)
        if container in GB_NATIONS or after == "-":
            continue
        x = _name_before_in(text, m.start())
        if x is None:
            continue
        x_start, x_end, metonymy = x
        found = best_city_name(gaz, read_name(text, x_start))
        if not found or found[0].end != x_end:
            continue
        if metonymy and gaz.capital_of(found[0].text):
            continue  # "Moscow in Syria": a capital standing for its government
        codes, admin1 = _container(gaz, container)
        if codes:
            yield "country", "in", x_start, m.start(1) + len(container), container, found[0], {"codes": codes, "admin1": admin1}
    for m in _POSSESSIVE_CITY.finditer(text):
        country = gaz.country(m.group(2))
        if country is None or list_before(gaz, text, m.start(1)):
            continue
        found = best_city_name(gaz, read_name(text, m.start(1)))
        if not found or found[0].end != m.end(1):
            continue
        yield "country", "possessive", m.start(1), m.end(), m.group(2), found[0], {"codes": [country.code], "admin1": None}


def _demonym_region(gaz: Gazetteer, text: str, m: re.Match[str]) -> Iterator[_Reading]:
    """"the Bavarian city of Hamburg", "the Oregon city of Seattle": a region's adjective or
    name before a kind of place."""
    dem = m.group(1)
    if _compound_before(text, m.start(1)):
        return
    if dem in GB_NATION_ADJECTIVES:
        named: tuple[str, list[tuple[str, str]]] | None = (GB_NATION_ADJECTIVES[dem], [("GB", GB_NATION_ADJECTIVES[dem])])
    elif gaz.countries_of_demonym(dem) or gaz.country(dem) is not None or dem in GB_NATIONS:
        return
    else:
        named = regions_of_adjective(gaz, dem)
    if named is None:
        return
    found = best_city_name(gaz, read_name(text, m.end()))
    if found:
        yield "region", "demonym", m.start(), found[0].end, dem, found[0], {"regions": named[1], "near": False, "shown": named[0]}


def _comma_region(ctx: Any, gaz: Gazetteer, field: str, text: str, m: re.Match[str]) -> Iterator[_Reading]:
    """"Calgary, Manitoba": a town, a comma, a first-level region."""
    found_region = region_at(gaz, m.group(1), text, m.start(1))
    if found_region is None:
        return
    said, regions = found_region
    said = with_region_word(text, m.start(1), said)
    r_end = m.start(1) + len(said)
    before = _NAME_BEFORE_COMMA.search(text, max(0, m.start() - 60), m.start())
    if before is None or _in_list(gaz, text, before.start(1), r_end) or _modifies_next(ctx, field, text, r_end):
        return
    if _is_clause_subject(ctx, field, m.start(1), r_end):
        return
    if is_place(gaz, said) and re.match(r",? (?:and |or |& )?(?:the )?[A-Z]", text[r_end : r_end + 8]):
        return  # "Beijing, Shanghai, Kuala Lampur": the region is also a city, a list goes on
    if re.search(r"\b(?:such as|including|like|cities of|between|from)\s*$", text[max(0, before.start(1) - 20) : before.start(1)]):
        return  # "in cities such as Beijing, Shanghai": a list begins
    found = best_city_name(gaz, read_name(text, before.start(1)))
    if found and found[0].end == m.start():
        yield "region", "comma", before.start(1), r_end, said, found[0], {"regions": regions, "near": False, "shown": None}


def _in_region(gaz: Gazetteer, text: str, m: re.Match[str], nation: str | None = None,
               ctx: Any = None, field: str = "body") -> Iterator[_Reading]:
    """"based in Stellenbosch in the Eastern Cape", "southeast of Calama in the Tarapacá region",
    "a bank in London in Scotland" (a UK nation is the region of GB), "a Launceston clinic, in
    northern Victoria" (a site named by its town, `_town_of_site`)."""
    found_region = (nation, [("GB", nation)]) if nation else region_at(gaz, m.group(1), text, m.start(1))
    if found_region is None:
        return
    said, regions = found_region
    said = with_region_word(text, m.start(1), said)
    window = (max(0, m.start() - 70), m.start())
    x = _NAME_BEFORE_IN_REGION.search(text, *window) or _NAME_IS_CITY_IN.search(text, *window)
    if x is None:
        site = _town_of_site(ctx, gaz, field, text, m.start()) if ctx is not None and nation is None else None
        if site is not None:
            yield "region", "in", site.start, m.start(1) + len(said), said, site, {"regions": regions, "near": False,
                                                                                    "shown": None, "site": True}
        return
    group = 2 if x.re is _NAME_BEFORE_IN_REGION else 1
    near = group == 2 and x.group(1) not in ("in", "at", "from", "based in") and not x.group(1).endswith(" of")
    near = near or (group == 2 and bool(re.match(_DIRECTION, x.group(1))))
    found = best_city_name(gaz, read_name(text, x.start(group)))
    if found and group == 2 and x.group(1) == "from" and gaz.capital_of(found[0].text):
        return  # "support from London in Scotland": a capital standing for its government
    if found and found[0].end == x.end(group):
        yield "region", "in", x.start(group), m.start(1) + len(said), said, found[0], {"regions": regions, "near": near, "shown": None}


_SITE_BEFORE_COMMA = re.compile(rf"(?<![\w’'.-])({NAME}) ([a-z]+),$")


def _town_of_site(ctx: Any, gaz: Gazetteer, field: str, text: str, end: int) -> Any:
    """The town of "a Launceston clinic, in northern Victoria": a common noun of a thing (no
    person, body, group or event, which can be elsewhere than their town: "the Sydney team, in
    Victoria") that the town's name modifies, then a comma and the region. The town's NameMatch."""
    m = _SITE_BEFORE_COMMA.search(text, max(0, end - 70), end)
    if m is None:
        return None
    from ..lexicon import COLLECTIVE_NOUNS, ORGANISATION_NOUNS, event_nouns, is_person_noun

    noun = ctx.char_span(field, m.start(2), m.end(2))
    if noun is None or len(noun) != 1 or noun[0].tag_ != "NN":
        return None
    lemma = noun[0].lemma_.lower()
    if is_person_noun(lemma) or lemma in ORGANISATION_NOUNS or lemma in COLLECTIVE_NOUNS or lemma in event_nouns():
        return None
    if not any(c.dep_ == "compound" and c.idx >= m.start(1) for c in noun[0].children):
        return None
    # "The Launceston clinic" opening a sentence: the article is no part of the town's name
    start = m.start(1) + len(re.match(r"(?:(?:The|A|An) (?=\S))?", m.group(1)).group(0))
    found = best_city_name(gaz, read_name(text, start))
    return found[0] if found and found[0].end == m.end(1) else None


def _container(gaz: Gazetteer, name: str) -> tuple[list[str], str | None]:
    """Countries a container name can be (all readings: Georgia is also a US state)."""
    if name in GB_NATIONS:
        return ["GB"], GB_NATIONS[name]
    country = gaz.country(name)
    if country is None:
        return [], None
    return [country.code, *(r.country for r in gaz.regions(name))], None
