"""Quantities as claims: whose number it is, what it measures, its value, unit and qualifiers.

Each `ctx.quantities` entry whose measure the parse names becomes a claim whose attribute
is the measure and whose subject is the owner:

- the measure comes from the noun the number counts or modifies ("22 electric garbage
  trucks" -> `truck`, "a 17-second advantage" -> `margin`, "the four-year sentence" ->
  `sentence`), a prepositional link ("a sentence of five years", "the 381 million in
  revenue", "revenue of EUR310m"), the subject of a change or copula ("revenue rose 12
  percent to 318 million" -> `revenue` 318e6 and `revenue change` 12 %; "turnout was 79.8
  per cent") or the verb of a margin or a sentence ("won by 1.8 seconds" -> `margin`,
  "sentenced to five years" -> `sentence`), or the verb's own act for a past "in N days"
  ("shot the film in 19 days" -> `shoot`, met again by "the 23-day shoot"); a sum of money takes the
  measure of the thing it prices ("the $430m deal", "the deal is worth $340m", "the deal, worth
  $340m", "the watch costs $349", "paid £12m for the striker": `data.how` in `MONEY_HOWS`, marked
  `forecast` under a modal or "expect"/"estimate", but `modal` for a sum on the thing's own noun
  under "will"/"would": "will lead a $48m programme"; `bound-upper` after "up to", "as much as").
  Synonyms share one measure through
  `consistency/data/measures.tsv` (lead, advantage, gap -> margin; sales, turnover -> revenue);
- the owner is a person or organisation the parse links to the measure (a possessive, the
  subject of its verb), else the article itself;
- `value` is the number (durations in their own unit, `data.seconds` normalised), `data.unit`
  the currency, "%", the time unit or None for a count; a sports score is one claim of
  attribute `score` with value "5-2" (a pair, not a range).

Qualifiers: `approximate`, `bound-upper` / `bound-lower`, `range`, `update` (a change verb or
"now", "revised"), `previous` (the source of a change: "up from 98.9 billion won a year
earlier"), `rate` ("a year", "per"), `hypothetical` (under "proposed", "wants" ...),
`forecast` ("expected", "forecast"), and the stance qualifiers (`negated`, `hedged`,
`quoted`). `data.period` lists the date words of the sentence ("2022", "the second
quarter"), `data.definite` whether the figure is a back-reference ("the 26 trucks",
"his 17-second advantage"), `data.base` the noun a share is of ("46 percent of quarterly sales").
Ages ("27-year-old") are not read here; they belong to `ages`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..quantities import CHANGE_VERBS, DURATION_UNITS
from ..tokens import entities_within, entity_at
from .ages import age_expression
from .qualifiers import stance

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..ledger import Claim, Reader
    from ..quantities import Quantity

_DEFINITE = frozenset({"the", "its", "his", "her", "their", "our", "this", "that", "these", "those", "my", "your"})
_UPDATE_WORDS = frozenset({"now", "revised", "revise", "updated", "amended", "corrected", "instead"})
# Date words that name a period a figure belongs to ("in 2022", "the second quarter", "last year"),
# unlike durations and ages the tagger also calls dates ("four-year", "41").
_PERIOD_RE = re.compile(r"\b(1[89]\d\d|20\d\d|quarter|half|season|fiscal|financial|january|february|march|april|"
                        r"may|june|july|august|september|october|november|december|monday|tuesday|wednesday|"
                        r"thursday|friday|saturday|sunday|yesterday|today|last|this|next|earlier|ago|previous|"
                        r"quarterly|annual|year to)\b")
_PREVIOUS_WORDS = frozenset({"earlier", "previously", "previous", "before", "prior", "ago", "last", "initially",
                             "originally", "formerly"})
_RATE_WORDS = frozenset({"per", "each", "every", "annually", "annual", "yearly", "monthly", "weekly", "daily", "a", "an"})
_RATE_UNITS = frozenset({"year", "month", "week", "day", "hour", "season", "quarter", "head", "capita", "person"})
_HYPOTHETICAL = frozenset({"propose", "suggest", "consider", "plan", "want", "seek", "demand", "urge", "recommend",
                           "ask", "request", "hope", "aim", "offer", "bid", "call", "threaten", "mull", "weigh"})
_FORECAST = frozenset({"expect", "forecast", "predict", "project", "estimate", "anticipate", "target", "budget"})
_COPULAS = frozenset({"be", "stand", "remain", "total", "reach", "hit", "come", "amount"})
_LEVEL_PREPS = frozenset({"to", "at"})
# Nouns that count people in general: casualty and crowd counts belong to QT01's reading.
_GENERIC = frozenset({"people", "person", "%", "percent", "cent", "time", "times", "one", "other", "way", "thing",
                      "point", "per"})


@lru_cache(maxsize=1)
def measure_table() -> dict[tuple[str, str], str]:
    """(kind, word) -> measure, from `consistency/data/measures.tsv`."""
    table: dict[tuple[str, str], str] = {}
    text = resources.files("consistency").joinpath("data", "measures.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, words, measure = line.split("\t")
        for word in words.split(","):
            if word.strip():
                table[(kind, word.strip().lower())] = measure.strip()
    return table


def measure_of_noun(noun: Token) -> str:
    """The measure a noun names: its compound phrase or lemma through the table, else its lemma."""
    table = measure_table()
    compounds = [c.lower_ for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i]
    lemma = noun.lemma_.lower()
    for words in ([*compounds[-1:], lemma], [*compounds[-1:], noun.lower_]):
        found = table.get(("noun", " ".join(words)))
        if found:
            return found
    return table.get(("noun", lemma)) or table.get(("noun", noun.lower_)) or lemma


def extract(reader: Reader) -> Iterator[Claim]:
    """Quantity claims: one per number, of its measure's attribute when the parse names one,
    else of attribute `quantity`; a score's two numbers make one `score` claim. Each claim
    links to its `Quantity` (`Claim.quantity`, `Ledger.quantities()`)."""
    quantities = list(reader.ctx.quantities)
    skip: set[int] = set()
    for n, q in enumerate(quantities):
        if n in skip:
            continue
        if q.score and n + 1 < len(quantities) and _score_pair(q, quantities[n + 1]):
            skip.add(n + 1)
            yield _score_claim(reader, q, quantities[n + 1])
            yield _unnamed(reader, quantities[n + 1])  # the score's second number, linked too
            continue
        yield _claim(reader, q) or _unnamed(reader, q)


# --- measure and owner -----------------------------------------------------------------------
def _anchor(q: Quantity) -> Token:
    """The token that stands for the figure in the parse: the "%" or currency noun, else the number's head."""
    doc = q.sentence.doc
    first, last = q.tokens
    if q.counted_index is not None and q.unit is not None and (q.unit == "%" or q.counted_index == last):
        return doc[q.counted_index]  # "12 percent", "318 million euros", "61.3 billion won"
    if q.unit == "%" and last < len(doc) and doc[last - 1].text in ("%", "percent", "cent"):
        return doc[last - 1]
    group = doc[first:last]
    for token in group:
        if not (first <= token.head.i < last) or token.head is token:
            if token.lower_ in ("$", "£", "€", "¥"):
                continue
            return token
    return doc[last - 1]


# Verbs whose "in N days" is no length of one act ("finished second in two years" ...).
_GENERIC_DONE = frozenset({"be", "have", "do", "make", "get", "go", "come", "see", "say", "take", "give", "win",
                           "lose", "rise", "fall", "grow", "increase", "double", "die", "kill", "arrest"})


# Attributes another extractor reads (facts/ages.py): a quantity claim of the same name would be
# compared as a person's age ("the voting age, 21, ... 18").
_READ_ELSEWHERE = frozenset({"age", "birth", "founded"})


def _measure(q: Quantity) -> tuple[str | None, Token | None, str]:
    """(measure, the token that names it, how) for a quantity, or (None, None, "") when the parse names none."""
    doc = q.sentence.doc
    last = q.tokens[1]
    table = measure_table()
    if q.duration is not None:
        unit_i = last + 1 if last < len(doc) and doc[last].text in ("-", "–") else last
        unit_tok = doc[unit_i]
        after = doc[unit_i + 1] if unit_i + 1 < len(doc) else None
        if after is not None and (after.lower_ == "old" or after.text in ("-", "–") and unit_i + 2 < len(doc)
                                  and doc[unit_i + 2].lower_ == "old"):
            return None, None, ""  # "27-year-old": an age
        if unit_i > last - 1 + 1 or unit_tok.dep_ in ("amod", "compound", "nmod"):
            noun = unit_tok.head
            if noun.i != unit_tok.i and noun.pos_ in ("NOUN", "PROPN") and noun.i > unit_tok.i:
                return measure_of_noun(noun), noun, "modifier"  # "a 17-second advantage"
            return None, None, ""
        if unit_tok.dep_ in ("dobj", "npadvmod") and unit_tok.head.pos_ == "VERB" and unit_tok.head.lemma_ == "last":
            noun = _lasting_noun(unit_tok.head)
            if noun is not None:
                return measure_of_noun(noun), noun, "lasted"  # "a match that lasted 71 minutes"
            return None, None, ""
        if unit_tok.dep_ == "pobj":
            prep = unit_tok.head
            holder = prep.head
            if prep.lower_ == "of" and holder.pos_ in ("NOUN", "PROPN"):
                return measure_of_noun(holder), holder, "of"  # "a sentence of five years"
            kind = {"by": "by-verb", "to": "to-verb", "for": "for-verb"}.get(prep.lower_)
            if kind and holder.pos_ in ("VERB", "AUX"):
                found = table.get((kind, holder.lemma_.lower()))
                if found:
                    return found, holder, prep.lower_  # "won by 1.8 seconds", "jailed for five years"
            if prep.lower_ == "in" and holder.pos_ == "VERB" and holder.tag_ in ("VBD", "VBN") \
                    and holder.lemma_.lower() not in _GENERIC_DONE:
                # "shot the film in 19 days": the length of the shoot, named by the verb's own
                # noun ("the 23-day shoot"); compared only with a figure of that noun
                return holder.lemma_.lower(), holder, "in-verb"
        return None, None, ""
    anchor = _anchor(q)
    for child in anchor.children:  # "the 381 million in revenue", "46 percent of quarterly sales"
        if child.dep_ == "prep" and child.lower_ in ("in", "of"):
            obj = next((c for c in child.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None)
            if obj is not None and not q.partitive or obj is not None and q.unit == "%":
                if q.unit == "%":
                    return f"share of {measure_of_noun(obj)}", obj, "share"
                if child.lower_ == "in" and q.unit is not None:
                    return measure_of_noun(obj), obj, "in"
    if q.unit not in (None, "%"):
        found = _money_measure(q, anchor)
        if found is not None:
            return found
    if q.counted_index is not None and anchor.i != q.counted_index and q.unit != "%":
        noun = doc[q.counted_index]
        lemma = noun.lemma_.lower()
        if lemma in _GENERIC or noun.pos_ not in ("NOUN", "PROPN") or noun.tag_ == "NNP":
            return None, None, ""
        return measure_of_noun(noun), noun, "counted"  # "22 electric garbage trucks"
    if anchor.dep_ == "pobj":
        prep = anchor.head
        holder = prep.head
        if prep.lower_ == "of" and holder.pos_ == "NOUN" and holder.lemma_.lower() not in _GENERIC:
            return measure_of_noun(holder), holder, "of"  # "revenue of EUR310m", "a fleet of 42"
        if prep.lower_ in ("to", "from", "at", "by") and holder.pos_ in ("VERB", "AUX"):
            subject = _subject_noun(holder)
            if subject is not None:
                if prep.lower_ == "by":
                    return f"{measure_of_noun(subject)} change", subject, "change"
                return measure_of_noun(subject), subject, "level"  # "revenue rose ... to 318 million"
    if anchor.dep_ in ("npadvmod", "dobj") and anchor.head.lemma_.lower() in CHANGE_VERBS and q.unit == "%":
        subject = _subject_noun(anchor.head)
        if subject is not None:
            return f"{measure_of_noun(subject)} change", subject, "change"  # "revenue fell 12 percent"
    if anchor.dep_ in ("attr", "dobj", "acomp") and anchor.head.lemma_.lower() in _COPULAS:
        subject = _subject_noun(anchor.head)
        if subject is not None:
            return measure_of_noun(subject), subject, "copula"  # "turnout was 79.8 per cent"
    return None, None, ""


# Verbs whose object is the price of their subject ("the watch costs $349") or of their "for"
# object ("paid $12m for the striker").
_COST_VERBS = frozenset({"cost"})
_PAY_VERBS = frozenset({"pay", "spend"})
# Words that make a noun an amount, not a thing with an amount ("a $3m fee" is read by "of"/"in").
_MONEY_NOUNS = frozenset({"m", "bn", "million", "billion", "trillion", "thousand", "dollar", "pound", "euro", "yen",
                          "cent", "penny", "pence", "won", "yuan", "rupee", "franc", "tn", "k"})


def _money_measure(q: Quantity, anchor: Token) -> tuple[str, Token, str] | None:
    """The thing a sum of money is the value or price of: "the $430m deal" (modifier), "the deal is
    worth $340m" / "the deal, worth $340m" (worth), "the watch costs $349" (cost), "paid $12m for
    the striker" (paid-for). The measure is the thing's noun, compared only with money."""
    doc = q.sentence.doc
    if q.counted_index is not None and anchor.i == q.counted_index:
        noun = doc[q.counted_index]  # "the $430m deal": the anchor is the thing itself
        if noun.pos_ == "NOUN" and noun.lemma_.lower() not in _MONEY_NOUNS | _GENERIC:
            return measure_of_noun(noun), noun, "money-modifier"
        return None
    head = anchor.head
    if anchor.dep_ in ("compound", "nmod", "amod", "nummod") and q.sentence.end > head.i > anchor.i \
            and head.pos_ == "NOUN" \
            and head.lemma_.lower() not in _MONEY_NOUNS | _GENERIC:
        return measure_of_noun(head), head, "money-modifier"
    if anchor.dep_ in ("npadvmod", "pobj", "dobj") and head.lemma_.lower() == "worth":
        if head.dep_ == "amod" and head.head.pos_ == "NOUN":
            return measure_of_noun(head.head), head.head, "worth"
        if head.dep_ == "acomp":
            subject = _subject_noun(head.head)
            if subject is not None:
                return measure_of_noun(subject), subject, "worth"
        return None
    if anchor.dep_ == "dobj" and head.pos_ == "VERB":
        lemma = head.lemma_.lower()
        if lemma in _COST_VERBS:
            subject = _subject_noun(head)
            if subject is not None:
                return measure_of_noun(subject), subject, "cost"
        if lemma in _PAY_VERBS:
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ == "for":
                    obj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
                    if obj is not None and obj.lemma_.lower() not in _GENERIC:
                        return measure_of_noun(obj), obj, "paid-for"
    return None


def _lasting_noun(verb: Token) -> Token | None:
    """What lasted: the subject of "last", or the noun a relative "that/which lasted" is about."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        subject = verb.head
    if subject is None or subject.pos_ != "NOUN":
        return None
    return subject


def _subject_noun(verb: Token) -> Token | None:
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ != "NOUN" or subject.lemma_.lower() in _GENERIC:
        return None
    return subject


def _owner(reader: Reader, q: Quantity, token: Token | None) -> str:
    """The person or organisation the figure belongs to, else "article"."""
    candidates: list[Token] = []
    if token is not None:
        candidates += [c for c in token.children if c.dep_ == "poss"]
        for t in (token, *token.ancestors):
            if t.pos_ in ("VERB", "AUX"):
                # "handed Reed a sentence of five years": the receiver owns it, not the giver
                candidates += [c for c in t.children if c.dep_ == "dative" and c.i != token.i]
                candidates += [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != token.i]
                break
    for cand in candidates:
        sid = reader.refers_to(cand)
        if sid is not None:
            return sid
        ent = entity_at(cand)
        if ent is not None and ent.label_ == "ORG":
            name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            doc = q.sentence.doc
            return reader.add_subject(f"organisation:{name}", "organisation", name,
                                      reader.span_of(doc, ent.start, ent.end))
    return "article"


# --- qualifiers --------------------------------------------------------------------------------
# How a sum of money got its measure from the thing it is the value of (QT04 reads these with
# stricter guards: the same thing, the same period, no update or forecast near either).
MONEY_HOWS = frozenset({"money-modifier", "worth", "cost", "paid-for"})
_MODALS = frozenset({"could", "may", "might", "would", "should", "will", "can"})
_ASSUME = frozenset({"assume", "suppose", "expect", "estimate", "forecast", "predict", "project", "value", "put"})


def _qualifiers(q: Quantity, token: Token | None, how: str) -> tuple[set[str], dict[str, Any]]:
    doc = q.sentence.doc
    first, last = q.tokens
    found: set[str] = set()
    if q.approximate:
        found.add("approximate")
    if q.bound:
        found.add(f"bound-{q.bound}")
    if q.range and not q.score:
        found.add("range")
    sentence_words = {t.lower_ for t in q.sentence}
    if q.change or sentence_words & _UPDATE_WORDS:
        found.add("update")
    before = doc[first - 1] if first > q.sentence.start else None
    anchor = _anchor(q)
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "from" or before is not None and before.lower_ == "from":
        found.add("previous")  # "up from 98.9 billion won"
    near = [t.lower_ for t in doc[last:min(last + 5, q.sentence.end)]]
    if any(w in _PREVIOUS_WORDS for w in near[:4]) and how != "in-verb":
        found.add("previous")  # "98.9 billion won a year earlier"; "shot it in 19 days last autumn" dates the act
    if len(near) >= 2 and (near[0] in _RATE_WORDS and near[1] in _RATE_UNITS or near[0] in ("annually", "yearly")):
        found.add("rate")
    for t in (anchor, *anchor.ancestors):
        if t.pos_ not in ("VERB", "AUX"):
            continue
        lemma = t.lemma_.lower()
        if lemma in _HYPOTHETICAL:
            found.add("hypothetical")
        elif lemma in _FORECAST:
            found.add("forecast")
        if t.dep_ not in ("xcomp", "ccomp", "pcomp", "advcl", "conj"):
            break
    found |= stance(anchor)
    periods = sorted({e.text.lower() for e in entities_within(doc, q.sentence.start, q.sentence.end) if e.label_ == "DATE"
                      and not (e.start <= first < e.end) and _PERIOD_RE.search(e.text.lower())
                      and not re.match(r"(each|every|annual|annually|yearly)\b", e.text.lower())})
    data: dict[str, Any] = {"period": periods}
    # "that" before a number is mostly a complementiser ("said that 92 flights"): a determiner
    # only when the parse calls it one.
    det = before.lower_ if before is not None and (before.dep_ in ("det", "poss", "case") or before.lower_ != "that") else ""
    data["definite"] = det in _DEFINITE or (det.endswith("'s") or det.endswith("’s")) if det else False
    if q.unit not in (None, "%") and how in MONEY_HOWS:
        for t in (anchor, *anchor.ancestors):
            if t.pos_ in ("VERB", "AUX"):
                if t.lemma_.lower() in _ASSUME:
                    found.add("forecast")  # "assuming a $400m fee"
                elif any(c.dep_ == "aux" and c.lower_ in _MODALS for c in t.children):
                    # "the deal could be worth $340m"; but "will lead a $48m programme" tells what the
                    # programme is worth, whenever it is led (QT04 reads the difference from `how`)
                    certain = how == "money-modifier" and all(c.lower_ in ("will", "would", "shall")
                                                             for c in t.children if c.dep_ == "aux" and c.lower_ in _MODALS)
                    found.add("modal" if certain else "forecast")
        window = {w.lower_ for w in doc[max(q.sentence.start, first - 3):first]}
        if window & {"up", "much", "many", "least", "most", "around", "about", "nearly", "almost", "over", "under"}:
            found.add("bound-upper")  # "up to $5m", "as much as $5m": not the value itself
    if token is not None and how in ("modifier", "money-modifier"):
        data["definite"] = any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE | {"his", "her"} or c.dep_ == "poss"
                               for c in token.children if c.i < first)
    return found, data


# --- claims -----------------------------------------------------------------------------------
def _kind(q: Quantity) -> str:
    if q.duration is not None:
        return "duration"
    if q.unit == "%":
        return "percent"
    return "money" if q.unit else "count"


def _claim(reader: Reader, q: Quantity) -> Claim | None:
    if q.unit is None and q.duration is None and q.is_integer and 1900 <= q.value <= 2100 and len(q.text) == 4:
        return None  # a year the tagger did not call a date
    measure, token, how = _measure(q)
    if measure is None or measure in _READ_ELSEWHERE:
        return None
    owner = _owner(reader, q, token)
    qualifiers, data = _qualifiers(q, token, how)
    doc = q.sentence.doc
    unit = q.duration or q.unit
    data.update(unit=unit, kind=_kind(q), how=how)
    if q.duration is not None:
        data["seconds"] = q.value * DURATION_UNITS[q.duration]
    end = q.tokens[1]
    if q.duration is not None:
        unit_i = end + 1 if end < len(doc) and doc[end].text in ("-", "–") else end
        end = unit_i + 1  # the span covers "1.8 seconds", "17-second"
    start = q.tokens[0]
    while start < end and doc[start].is_space:
        start += 1
    return reader.claim(owner, measure, q.value, doc, start, end, "quantities", qualifiers, quantity=q, **data)


def _unnamed(reader: Reader, q: Quantity) -> Claim:
    """A number whose measure the parse does not name (or a year, an age): attribute `quantity`,
    owner the article; rules that read every number (QT01-QT03) find it through its link."""
    doc = q.sentence.doc
    start, end = q.tokens
    while start < end - 1 and doc[start].is_space:
        start += 1
    how = "age" if q.unit is None and age_expression(doc, *q.tokens) else ""
    data = {"unit": q.duration or q.unit, "kind": _kind(q), "how": how}
    return reader.claim("article", "quantity", q.value, doc, start, end, "quantities", (), quantity=q, **data)


def _score_pair(a: Quantity, b: Quantity) -> bool:
    doc = a.sentence.doc
    return a.sentence == b.sentence and b.tokens[0] == a.tokens[1] + 1 and doc[a.tokens[1]].text in ("-", "–")


def _score_claim(reader: Reader, a: Quantity, b: Quantity) -> Claim:
    doc = a.sentence.doc
    anchor = doc[a.tokens[0]]
    verb = next((t for t in (anchor, *anchor.ancestors) if t.pos_ in ("VERB", "AUX")), None)
    owner = "article"
    if verb is not None:
        owner = _owner(reader, a, verb)
    qualifiers = stance(anchor)
    return reader.claim(owner, "score", f"{a.value:g}-{b.value:g}", doc, a.tokens[0], b.tokens[1], "quantities",
                        qualifiers, quantity=a, kind="score", scores=[a.value, b.value],
                        verb=verb.lemma_.lower() if verb is not None else None)
