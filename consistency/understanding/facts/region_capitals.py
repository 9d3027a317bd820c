"""Towns the article calls the capital of a first-level region (a state, province or territory).

- `region-capital` (subject `place:NAME`; value: the region as written, or the region the town is in):
  "Cuttack, the Odisha capital", "Cuttack, Odisha's capital", "the Odisha capital, Cuttack", "Ghent,
  capital of the province of Hainaut", "Ghent is the capital of Hainaut" (`data.how` `named`); "Sherbrooke,
  the provincial capital", "in the state capital, Santarém" (`how` `own`: the region GeoNames puts the
  town in, when the article names that region or its country). `data`: `country`, `region` (the table's
  name), `word` (state, province, territory), `capitals` (the region's capital and its other names).

Capitals come from `consistency/data/region_capitals.tsv`. A qualified capital ("the former Odisha
capital", "the commercial capital of Maharashtra", "the winter capital") is not read.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..placetext import APOS, NAME, read_name, written_fields

if TYPE_CHECKING:
    from ..ledger import Claim, Reader

EXTRACTOR = "region_capitals"

# Words that make a capital another kind than the seat of government, or of another time.
_QUALIFIERS = frozenset({"former", "old", "then", "ancient", "onetime", "erstwhile", "de", "administrative",
                         "commercial", "financial", "economic", "cultural", "business", "summer", "winter",
                         "second", "new", "original", "colonial", "historic", "historical", "industrial",
                         "legislative", "judicial", "political", "spiritual", "royal", "music", "tech", "oil",
                         "sporting", "tourist", "unofficial", "de-facto", "would-be", "proposed", "future"})
_WORDS = {"state": "state", "provincial": "province", "province": "province", "territorial": "territory",
          "territory": "territory"}


@cache
def region_table() -> dict[str, list[tuple[str, str, str, tuple[str, ...]]]]:
    """Folded region name -> [(country, region, word, capitals)], from region_capitals.tsv."""
    table: dict[str, list[tuple[str, str, str, tuple[str, ...]]]] = {}
    text = resources.files("consistency").joinpath("data", "region_capitals.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cc, names, word, capitals = line.split("\t")
        names_list = names.split("|")
        row = (cc, names_list[0], word, tuple(capitals.split("|")))
        for name in names_list:
            table.setdefault(fold(name), []).append(row)
    return table


def fold(text: str) -> str:
    """Accents, case and punctuation folded: "Québec" -> "quebec", "St. John's" -> "st johns"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^\w\s]", " ", text.replace("'", "").replace("’", "")).split())


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    names = sorted({n for line in resources.files("consistency").joinpath("data", "region_capitals.tsv")
                    .read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")
                    for n in line.split("\t")[1].split("|")}, key=len, reverse=True)
    regions = "|".join(re.escape(n) for n in names)
    kind = r"(?: (?:state|province|territory))?"
    q = r"(?:(?P<q>[\w-]+) )?"
    return (
        # "Cuttack, the Odisha capital", "Cuttack, Odisha's capital"
        re.compile(rf"(?P<x>{NAME}), (?:the |its )?{q}(?P<r>{regions}){kind}(?:{APOS}s)? {q.replace('q>', 'q2>')}"
                   rf"capital\b(?! city of|-|{APOS})"),
        # "the Odisha capital, Cuttack", "Odisha's capital Cuttack"
        re.compile(rf"\b(?:the )?{q}(?P<r>{regions}){kind}(?:{APOS}s)? {q.replace('q>', 'q2>')}capital(?: city)?,? "
                   rf"(?P<x>{NAME})"),
        # "Ghent, capital of the province of Hainaut", "Ghent is the capital of Hainaut state"
        re.compile(rf"(?P<x>{NAME})(?:,| is) (?:the )?{q}capital (?:city )?of (?:the )?"
                   rf"(?:(?:state|province|territory|region) of )?(?P<r>{regions})\b(?!{APOS}|-)"),
    )


_OWN = (
    re.compile(rf"(?P<x>{NAME}), (?:the |its )(?P<w>state|provincial|territorial) capital\b(?! city of|-|{APOS})"),
    re.compile(r"\bthe (?P<w>state|provincial|territorial) capital(?: city)?,? " rf"(?P<x>{NAME})"),
)


def extract(reader: Reader) -> Iterator[Claim]:
    """`region-capital` claims of title and body."""
    from ..people import optional_gazetteer

    gaz = optional_gazetteer()
    ctx = reader.ctx
    table = region_table()
    for field_name, text in written_fields(ctx):
        windows = _windows(text)
        if not windows:
            continue
        seen: set[int] = set()
        for pattern in _patterns():
            for m in (m for lo, hi in windows for m in pattern.finditer(text, lo, hi)):
                if _qualified(m):
                    continue
                rows = table.get(fold(m.group("r")), [])
                name = _town(text, m.start("x"))
                if not rows or name is None or m.start("x") in seen:
                    continue
                start, town = name
                if fold(town) in {fold(r) for r in rows[0][1:2]}:
                    continue  # "Quebec, the Quebec capital" reads the region's own name
                rows = _in_country(gaz, town, rows)
                if gaz is not None and not _countries_of(gaz, town) & {r[0] for r in rows}:
                    continue  # a town of another country ("Tbilisi, Georgia's capital"): containment, not a seat
                seen.add(start)
                yield _claim(reader, field_name, m, town, start, rows, m.group("r"), "named")
        if gaz is None:
            continue
        folded_text = fold(ctx.article.title + " " + ctx.article.body)
        for pattern in _OWN:
            for m in (m for lo, hi in windows for m in pattern.finditer(text, lo, hi)):
                name = _town(text, m.start("x"))
                if name is None or name[0] in seen or _qualified(m):
                    continue
                start, town = name
                places = gaz.admin1_places(town)
                if not places:
                    continue
                cc, region = places[0][0], places[0][1]
                word = _WORDS[m.group("w")]
                rows = [r for r in table.get(fold(region), []) if r[0] == cc and r[2] == word]
                country = gaz.countries.get(cc)
                named = fold(region) in folded_text or country is not None and (
                    fold(country.name) in folded_text or cc in _demonym_countries(gaz, ctx))
                if not rows or not named:
                    continue
                seen.add(start)
                yield _claim(reader, field_name, m, town, start, rows, region, "own")


def _demonym_countries(gaz: Any, ctx: Any) -> set[str]:
    """Countries the article names by an adjective ("Canadian", "Icelandic-Canadian")."""
    words = set(re.findall(r"[A-Z][a-z]+", ctx.article.title + " " + ctx.article.body))
    return {c.code for c in (gaz.country_of_demonym(w) for w in words) if c is not None}


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around each "capital" (the patterns are long alternations: run them there only)."""
    found: list[tuple[int, int]] = []
    for m in re.finditer(r"\bcapital\b", text):
        lo, hi = max(0, m.start() - 90), min(len(text), m.end() + 90)
        if found and lo <= found[-1][1]:
            found[-1] = (found[-1][0], hi)
        else:
            found.append((lo, hi))
    return found


def _qualified(m: re.Match[str]) -> bool:
    groups = m.groupdict()
    words = {(groups.get(k) or "").lower() for k in ("q", "q2")}
    before = m.string[max(0, m.start() - 12):m.start()].lower().split()
    return bool(words & _QUALIFIERS) or bool(before and before[-1] in _QUALIFIERS)


def _town(text: str, start: int) -> tuple[int, str] | None:
    matches = read_name(text, start)
    return (start, matches[0].text) if matches else None


def _countries_of(gaz: Any, town: str) -> set[str]:
    """Every country with a place of this name (GeoNames' 1,000+ places, and cities by alternate name)."""
    return {p[0] for p in gaz.admin1_places(town)} | {c.country for c in gaz.cities(town)}


def _in_country(gaz: Any, town: str, rows: list[Any]) -> list[Any]:
    """The rows of a region name shared by countries (Punjab, Limburg) whose country holds the town."""
    if len(rows) < 2 or gaz is None:
        return rows
    countries = _countries_of(gaz, town)
    return [r for r in rows if r[0] in countries] or rows


def _claim(reader: Reader, field_name: str, m: re.Match[str], town: str, start: int, rows: list[Any], said: str,
           how: str) -> Claim:
    cc, region, word, capitals = rows[0]
    at = (start, start + len(town))
    sid = reader.add_subject(f"place:{town}", "place", town, reader.ctx.span_at(field_name, *at))
    return reader.claim_at(sid, "region-capital", said, field_name, m.start(), m.end(), EXTRACTOR, (),
                           country=cc, region=region, word=word, capitals=list(capitals), how=how,
                           name=town, name_span=list(at),
                           others=[list(r[3]) for r in rows[1:]])
