"""Distances and travel times stated between places, and routes named by their two ends.

- `distance` (subject: the place the phrase describes, `place:NAME`, else `article`; value: the
  stated length in km, or the stated time in hours): "Roma is about 180 kilometres west of
  Brisbane by road", "the 25-kilometre drive from Lyon to Villeurbanne", "an hour's drive north
  of Chicago", "a two-hour train ride from Lyon"; and the length of a route whose ends the article
  gives elsewhere, "the roughly 1,900-kilometre route" (`data.route`). `data` has `from` (the place
  measured from, as written, or "the state capital"), `to` and `to_span` (the place described,
  read from the parse: the subject of "is", the noun in apposition, the name the phrase glosses
  after a comma; or "to X"), `amount` and `unit` as written, `km` or `hours`, `mode` ("drive",
  "flight", "walk", "road"; empty when none), `land` (by road, rail or on foot), `loose` ("more
  than", "nearly": a bound, not a figure) and `lead` (the words before the `from` place).
- `route` (subject `article`; value "A–B"): a pair of places written with a dash, "Nairobi–Lagos",
  "the London-Paris route"; `data.from`, `data.to`.

The phrases are read with patterns over the text (keyword windows first, so an article without
"km", "mile", "hour" or "drive" costs a substring search); which place each name is, and whether
the figure fits the map, is the geography rules' comparison (GE06).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..placetext import APOS, NAME, keyword_windows, written_fields

if TYPE_CHECKING:
    from ..ledger import Claim, Reader

EXTRACTOR = "distances"

_NUMBER_WORDS = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
                 r"fifty|sixty|seventy|eighty|ninety|a hundred|a few hundred|a couple of)")
_NUM = rf"(?P<num>\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?|{_NUMBER_WORDS})"
_UNIT = r"(?P<unit>km|kms|kilomet(?:re|er)s?|miles?|mi)\b"
_COMPASS = r"(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?"
_MODE = r"(?P<mode>drive|driving|ride|journey|trip|trek|flight|train ride|train journey|walk|hike|crossing|commute|bus ride)"
_ENDPOINT = rf"(?P<y>(?:the )?(?:state|provincial|regional|region's|state's|province's) capital|{NAME}(?: \([A-Z][\w]+\))?)"
_DISTANCE_CUE = re.compile(r"(?:\b|(?<=\d))(?:km|kms|kilomet(?:re|er)s?|miles?|hours?|minutes?|drive)\b")  # "460km" too
_CUE_LITERALS = ("km", "kilomet", "mile", "hour", "minute", "drive")

# Ways of travelling on land: a distance by them is never shorter than the straight line.
LAND_MODES = frozenset({"drive", "driving", "ride", "bus ride", "commute", "road", "car", "rail", "train",
                        "train ride", "train journey", "walk", "hike", "trek"})
_LAND_ROUTES = frozenset({"drive", "road", "rail", "railway", "highway", "motorway", "pipeline"})
_WORD_VALUES = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
                "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
                "a hundred": 100, "half a": 0.5, "half an": 0.5}
_LOOSE = re.compile(r"\b(?:a few|a couple of|several|dozens|hundreds|under|less than|more than|over|at least|within|up to|nearly|almost)\s*$")

# "the roughly 1,900-kilometre route", "the 370-mile flight": the length of one route, its ends left
# to the article; "Nairobi–Lagos", "the London-Paris route": a route named by its two ends.
_ROUTE_LENGTH = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]heir) (?:roughly |about |some |nearly |almost |around |approximately )?"
    r"(?P<num>\d{1,3}(?:,\d{3})*(?:\.\d+)?)[- ]?(?P<unit>kilomet(?:re|er)|km|mile)s?[- ]?(?:long )?"
    r"(?P<what>route|flight|journey|trip|service|link|line|drive|road|rail|railway|highway|motorway|pipeline|crossing)\b"
    r"(?! (?:to|from|between|of|linking|connecting|across|through|via|into)\b)")  # "the 5-mile line to Alloa": other ends
_PLACE_PAIR = re.compile(r"(?<![\w-])(?P<a>[A-Z][a-zà-ÿ]+(?: [A-Z][a-zà-ÿ]+)?)[–—-](?P<b>[A-Z][a-zà-ÿ]+(?: [A-Z][a-zà-ÿ]+)?)(?![\w-])")


@lru_cache(maxsize=1)
def _distance_patterns() -> tuple[re.Pattern[str], ...]:
    dist = rf"{_NUM}(?:[ -]|(?<=\d)){_UNIT}"  # "460km" written close as well
    hours = (r"(?P<time>(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|half an?|\d+(?:\.\d)?)"
             r"(?:[ -]and[ -]a[ -]half)?)[ -](?P<tunit>hours?|minutes?|mins?)")
    return (
        # "180 kilometres west of Brisbane (by road)", "25 miles from Lyon", "some 400km away from Kyiv"
        re.compile(rf"\b{dist}(?: \([^)]{{1,20}}\))? (?:by (?P<by>road|rail|car|train) )?(?:away )?(?:(?P<dir>{_COMPASS}) )?"
                   rf"(?:of|from) {_ENDPOINT}"),
        # "the 25-kilometre drive from Lyon (to Villeurbanne)"
        re.compile(rf"\b{dist}(?:'s|’s)? {_MODE} (?:(?P<dir>{_COMPASS}) )?(?:of|from) {_ENDPOINT}(?: to (?P<x>{NAME}))?"),
        # "an hour's drive north of Chicago", "a two-hour train ride from Lyon", "90 minutes by car from"
        re.compile(rf"\b{hours}(?:'s?|’s?)? (?:{_MODE}|by (?P<by>road|rail|car|train|plane|air)) (?:away )?(?:(?P<dir>{_COMPASS}) )?"
                   rf"(?:of|from) {_ENDPOINT}(?: to (?P<x>{NAME}))?"),
    )


def amount(text: str) -> float | None:
    """A number as written ("1,900", "two", "an", "one and a half"), or None."""
    low = text.lower().replace(",", "")
    low = re.sub(r"[ -]and[ -]a[ -]half$", "", low)
    extra = 0.5 if low != text.lower().replace(",", "") else 0.0
    if low in _WORD_VALUES:
        return _WORD_VALUES[low] + extra
    try:
        return float(low) + extra
    except ValueError:
        return None


def extract(reader: Reader) -> Iterator[Claim]:
    """`distance` and `route` claims of every field, in text order within each pattern."""
    ctx = reader.ctx
    for field_name, text in written_fields(ctx):
        for start, end in keyword_windows(ctx, field_name, _DISTANCE_CUE, _CUE_LITERALS):
            for pattern in _distance_patterns():
                for m in pattern.finditer(text, start, end):
                    found = _distance(reader, field_name, text, m)
                    if found is not None:
                        yield found
        for m in _ROUTE_LENGTH.finditer(text):
            yield _route_length(reader, field_name, text, m)
        for m in _PLACE_PAIR.finditer(text):
            a, b, start = m.group("a"), m.group("b"), m.start()
            if a.startswith("The "):  # "The Nairobi–Lagos route" opening a sentence: "The" is no part of it
                a, start = a[4:], start + 4
            sid = _place_subject(reader, field_name, None, None)
            yield reader.claim_at(sid, "route", f"{a}–{b}", field_name, start, m.end(), EXTRACTOR,
                                  **{"from": a, "to": b})


def _distance(reader: Reader, field_name: str, text: str, m: re.Match[str]) -> Claim | None:
    groups = m.groupdict()
    y_name = re.sub(rf"{APOS}s?$", "", groups["y"])
    x_name, x_span = None, None
    if groups.get("x"):
        x_name, x_span = groups["x"], (m.start("x"), m.end("x"))
    else:
        found = _subject_place(reader, field_name, m.start(), m.start("y"))
        if found is not None:
            x_name, x_span = found
    mode = groups.get("mode") or groups.get("by") or ""
    data: dict[str, Any] = {"from": y_name, "to": x_name, "to_span": list(x_span) if x_span else None, "mode": mode,
                            "direction": groups.get("dir"),
                            "loose": bool(_LOOSE.search(text[max(0, m.start() - 14) : m.start()])),
                            "lead": m.group(0)[: m.start("y") - m.start()].strip()}
    if groups.get("time"):
        stated = amount(groups["time"])
        if stated is None:
            return None
        hours = stated / 60 if groups["tunit"].startswith("min") else stated
        data.update(amount=stated, unit="minute" if groups["tunit"].startswith("min") else "hour", hours=hours,
                    land=mode in LAND_MODES)
        value: float = hours
    else:
        stated = amount(groups["num"])
        if stated is None:
            return None
        miles = groups["unit"].startswith("mi")
        km = stated * (1.609 if miles else 1.0)
        land = mode in LAND_MODES or bool(re.match(r"\s*,?\s*by (?:road|rail|car|train)", text[m.end() : m.end() + 20]))
        data.update(amount=stated, unit="mile" if miles else "km", km=km, land=land)
        value = km
    subject = _place_subject(reader, field_name, x_name, x_span)
    return reader.claim_at(subject, "distance", value, field_name, m.start(), m.end(), EXTRACTOR, **data)


def _route_length(reader: Reader, field_name: str, text: str, m: re.Match[str]) -> Claim:
    stated = amount(m.group("num")) or 0.0
    miles = m.group("unit").startswith("mi")
    km = stated * (1.609 if miles else 1.0)
    sid = _place_subject(reader, field_name, None, None)
    return reader.claim_at(sid, "distance", km, field_name, m.start(), m.end(), EXTRACTOR,
                           **{"from": None, "to": None, "to_span": None, "route": m.group("what"),
                              "mode": m.group("what"), "amount": stated, "unit": "mile" if miles else "km", "km": km,
                              "land": m.group("what") in _LAND_ROUTES,
                              "loose": bool(_LOOSE.search(text[max(0, m.start() - 14) : m.start()]))})


def _place_subject(reader: Reader, field_name: str, name: str | None, span: tuple[int, int] | None) -> str:
    """`place:NAME` for a place named at `span`, else the article."""
    if name and span:
        return reader.add_subject(f"place:{name}", "place", name, reader.ctx.span_at(field_name, *span))
    return "article"


def _subject_place(reader: Reader, field_name: str, start: int, y_start: int) -> tuple[str, tuple[int, int]] | None:
    """The place a distance phrase describes, from the parse: going up from the phrase's first
    word, the proper noun it is in apposition to, or the subject of the verb it depends on."""
    ctx = reader.ctx
    span = ctx.char_span(field_name, start, y_start)
    if span is None or not len(span):
        return None
    glossed = _glossed_name(span)
    if glossed is not None:
        return _place_name_at(ctx, field_name, glossed, allow_person=True)
    token = span[0]
    for _ in range(8):
        head = token.head
        if head is token:
            break
        token = head
        if token.i >= span[0].i and token.i < span.end:
            continue
        # The small model tags many towns as people ("Wadi Musa", "Busan"); the distance phrase
        # describes a place, and the rule resolves the name in the article's countries.
        if token.pos_ == "PROPN":
            return _place_name_at(ctx, field_name, _town_before_container(token), allow_person=True)
        if token.pos_ in ("VERB", "AUX"):
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects and subjects[0].pos_ == "PROPN":
                return _place_name_at(ctx, field_name, subjects[0], allow_person=True)
            if subjects:
                for c in subjects[0].children:
                    if c.dep_ == "appos" and c.pos_ == "PROPN":
                        return _place_name_at(ctx, field_name, c, allow_person=True)
            if token.dep_ not in ("acl", "relcl", "advcl", "xcomp", "ccomp"):
                break
    # The parse may hang the phrase on the main verb ("The damage was in X, a city 25 km
    # south of Y"): then the nearest proper noun before it, with no verb between them.
    for tok in reversed(span.sent[: span[0].i - span.sent.start]):
        if tok.pos_ in ("VERB", "AUX"):
            return None
        if tok.pos_ == "PROPN" and tok.ent_type_ != "NORP":
            tok = tok.head if tok.dep_ == "compound" and tok.head.pos_ == "PROPN" else tok
            tok = _town_before_container(tok)
            # spaCy sm reads some towns as people: "in Juchitán de Zaragoza, a city ..."
            locative = tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at", "near", "from", "to", "outside")
            # "as far as Busan, about 90 kilometers southeast of Seoul": the name the phrase glosses
            gloss = tok.doc[tok.i + 1 : span[0].i]
            locative = locative or bool(gloss) and gloss[0].text == "," and all(
                t.is_punct or t.pos_ in ("ADV", "ADP") for t in gloss)
            return _place_name_at(ctx, field_name, tok, allow_person=locative)
    return None


def _glossed_name(span: Any) -> Any:
    """"an office in Brandon, about 60 kilometres west of Winnipeg": the name right before the comma
    that opens the phrase (perhaps after "about", "some"), which the phrase glosses, whatever verb the
    parse hangs it on (here "ran", whose subject is a person)."""
    doc, i = span.doc, span[0].i - 1
    while i > span.sent.start and doc[i].pos_ in ("ADV", "ADP") and doc[i].lower_ not in ("of", "from", "to"):
        i -= 1
    if i <= span.sent.start or doc[i].text != ",":
        return None
    tok = doc[i - 1]
    if tok.pos_ != "PROPN" or tok.ent_type_ == "NORP":
        return None
    tok = tok.head if tok.dep_ == "compound" and tok.head.pos_ == "PROPN" and tok.head.i < i else tok
    return _town_before_container(tok)


def _town_before_container(tok: Any) -> Any:
    """"Busan in South Korea, about 70 km from Seoul": the distance is the town's, not its country's."""
    head = tok.head
    if tok.dep_ != "pobj" or head.lower_ != "in" or head.i == 0:
        return tok
    before = tok.doc[head.i - 1]  # the name right before "in", whatever the parse hangs "in" on
    if before.pos_ == "PROPN":
        return before
    return tok


def _place_name_at(ctx: Any, field_name: str, token: Any, allow_person: bool = False) -> tuple[str, tuple[int, int]] | None:
    """The whole place name a proper-noun token belongs to (its entity, else its compound)."""
    from ..tokens import entity_at

    doc = token.doc
    ent = entity_at(token)
    if ent is not None:
        if ent.label_ not in ("GPE", "LOC", "FAC", "ORG") and not (allow_person and ent.label_ == "PERSON"):
            return None
        text = re.sub(r"^the ", "", ent.text, flags=re.IGNORECASE)
        offset = ent.start_char + (len(ent.text) - len(text))
        return text, (offset, ent.end_char)
    left = token.left_edge if token.left_edge.pos_ == "PROPN" else token
    tokens = [t for t in doc[left.i : token.i + 1] if t.pos_ == "PROPN" or t.text in ("de", "del", "la", "-")]
    if not tokens:
        return None
    text = ctx.article.field(field_name)
    return text[tokens[0].idx : token.idx + len(token)], (tokens[0].idx, token.idx + len(token))
