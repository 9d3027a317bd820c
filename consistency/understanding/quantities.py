"""Quantities in an article: value, unit, what is counted, and the words that qualify them.

`find_quantities(ctx)` reads every number once per article from the spaCy parse:
digits and number words with their scale ("1.2 million", "£1,400", "$1.13bn",
"twelve"), the currency or "%" unit, the head noun they count ("people", "dead",
"jobs"), the verb they attach to ("died", "were killed"), and qualifiers: bounds
("up to", "at least", "more than"), approximations ("about"), updates ("rose to",
"revised", "now"), ranges ("10 to 15", "10-15") and sports scores ("won 3-1").
Durations ("five years", "by 1.8 seconds", "a 17-second advantage", "the four-year
sentence") are quantities with `duration` set to their time unit, even where the tagger
calls them a TIME or DATE entity. Dates, years, clock times, ordinals and numbers that name
rather than count ("Sindicato No. 2", "Platform #4", "the 13in model") are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from ..models import Span
from .currencies import family, glued, named_after, sign_before
from .tokens import MONTHS, WEEKDAYS, entity_at, sentence_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from ..analysis import ArticleAnalysis

_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19, "zero": 0, "dozen": 12, "a": 1, "an": 1}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
SCALES = {"hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
          "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12}
CURRENCIES = {"$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "dollar": "USD", "pound": "GBP",
              "euro": "EUR", "yen": "JPY", "yuan": "CNY", "rupee": "INR", "rouble": "RUB", "ruble": "RUB",
              "franc": "CHF", "p": "GBX", "cent": "USX", "pence": "GBX"}
_NUMBER_RE = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(bn|m|mn|k|tn|b)?$", re.IGNORECASE)

BOUND_PHRASES = {
    "up to": "upper", "at most": "upper", "as many as": "upper", "as much as": "upper", "less than": "upper",
    "fewer than": "upper", "under": "upper", "below": "upper", "no more than": "upper", "just under": "upper",
    "at least": "lower", "more than": "lower", "over": "lower", "above": "lower", "upwards of": "lower",
    "in excess of": "lower", "just over": "lower", "nearly": "upper", "almost": "upper", "tens of": "lower",
}
APPROX_WORDS = {"about", "around", "approximately", "roughly", "some", "estimated", "nearly", "almost", "circa", "c.", "close", "approx", "~"}
CHANGE_VERBS = {"rise", "climb", "increase", "jump", "grow", "fall", "drop", "revise", "raise", "lower", "reach",
                "hit", "soar", "surge", "cut", "reduce", "decline", "double", "swell", "mount", "slip", "slump",
                "edge", "boost", "lift", "update", "correct", "top", "pass", "exceed"}
UPDATE_WORDS = {"revised", "revise", "now", "latest", "later", "updated", "update", "new", "final", "total",
                "further", "another", "additional", "more", "risen", "rose", "climbed", "increased", "corrected",
                "initially", "originally", "earlier", "first", "then", "since", "overall", "subsequently"}
#: Time units of a duration, singular, with their length in seconds (months and years on average).
DURATION_UNITS = {"second": 1.0, "sec": 1.0, "minute": 60.0, "min": 60.0, "hour": 3600.0, "hr": 3600.0,
                  "day": 86400.0, "week": 604800.0, "fortnight": 1209600.0, "month": 2629800.0,
                  "year": 31557600.0, "decade": 315576000.0, "century": 3155760000.0}
_DURATION_PLURALS = {"seconds": "second", "secs": "sec", "minutes": "minute", "mins": "min", "hours": "hour",
                     "hrs": "hr", "days": "day", "weeks": "week", "fortnights": "fortnight", "months": "month",
                     "years": "year", "decades": "decade", "centuries": "century"}
_SPORT_WORDS = {"win", "won", "beat", "draw", "drew", "lose", "lost", "defeat", "victory", "score", "lead", "led",
                "match", "game", "final", "goal", "set", "tie", "half-time", "aggregate"}


@dataclass(frozen=True)
class Quantity:
    """One number in the text with what the parse says about it.

    `value` is scaled ("1.2 million" -> 1200000.0). `counted` is the lemma of the noun
    counted ("people", "toll") or None; `predicate` the lemma of the verb it attaches
    to ("die", "kill"). `bound` is "upper" (up to, fewer than) or "lower" (at least,
    more than); `approximate` for about/some/estimated; `change` is the change verb
    when the number is its target or source ("rose to 15" -> "rise"); `range` and
    `score` mark "10-15"/"10 to 15" and "3-1". `duration` is the singular time unit
    of a duration ("five years", "a 17-second advantage") and None otherwise.
    """

    field: str
    start: int
    end: int
    text: str
    value: float
    unit: str | None
    counted: str | None
    counted_phrase: str | None
    predicate: str | None
    qualifiers: frozenset[str]
    bound: Literal["upper", "lower"] | None
    approximate: bool
    change: str | None
    range: bool
    score: bool
    partitive: bool
    tokens: tuple[int, int]
    sentence: SpacySpan
    counted_index: int | None = None
    predicate_index: int | None = None
    duration: str | None = None  # the time unit of a duration: "second", "year"

    @property
    def is_integer(self) -> bool:
        """True for whole numbers (counts), False for 1.13 or 76.5."""
        return float(self.value).is_integer()

    def to_span(self) -> Span:
        """The quantity's words as a report `Span`."""
        return Span(field=self.field, start=self.start, end=self.end, text=self.text)  # type: ignore[arg-type]


def _number_candidates(doc: Doc) -> list[int]:
    import numpy
    from spacy.attrs import LIKE_NUM, TAG
    from spacy.strings import get_string_id

    if not len(doc):
        return []
    table = doc.to_array([LIKE_NUM, TAG])
    mask = (table[:, 0] == 1) | (table[:, 1] == get_string_id("CD"))
    mask[1:] |= table[:-1, 1] == get_string_id("$")  # after a currency sign the tagger may take "11bn" for a noun
    for token in doc:
        text = token.text
        if text[:1].isdigit() or text[:1].isspace() or len(text) > 12:
            continue
        if text[-1:].isdigit() or text[-1:].lower() in "bmkn" and glued(text) is not None:
            if glued(text) is not None:
                mask[token.i] = True  # "HK$38", "R7", "NGN5bn": sign and figure in one token
        elif token.i + 1 < len(doc) and doc[token.i + 1].text[:1].isdigit() and sign_before(text) is not None:
            mask[token.i + 1] = True  # "Rs 500", "₦5bn": the tagger may call the figure a noun
    return numpy.flatnonzero(mask).tolist()  # type: ignore[no-any-return]


def _figure_text(token: Token) -> str:
    """The figure of a token, without a sign glued to it: "HK$38" -> "38"."""
    found = glued(token.text)
    return found[1] if found is not None else token.text


def _glued_money(token: Token) -> bool:
    """A sign glued to a figure that reads as money: "HK$38", "NGN5bn"; a one-letter sign ("R", "N") only with
    a scale or thousands ("R7 million", "N5bn", "R2,000"), since "N95" and "R5" name a mask and a road."""
    found = glued(token.text)
    if found is None:
        return False
    if not found[2]:
        return True
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return found[1][-1:].isalpha() or "," in found[1] or nxt is not None and nxt.lower_ in SCALES


def number_value(text: str) -> float | None:
    """The value of one number token: "1,400" -> 1400, "1.13bn" -> 1.13e9, "twelve" -> 12."""
    lower = text.lower().strip()
    match = _NUMBER_RE.match(lower)
    if match:
        value = float(match.group(1).replace(",", "") + (match.group(2) or ""))
        return value * SCALES[match.group(3)] if match.group(3) else value
    if lower in _UNITS and lower not in ("a", "an"):
        return float(_UNITS[lower])
    if lower in _TENS:
        return float(_TENS[lower])
    if "-" in lower:
        tens, _, unit = lower.partition("-")
        if tens in _TENS and unit in _UNITS and _UNITS[unit] < 10:
            return float(_TENS[tens] + _UNITS[unit])
    return None


def find_quantities(ctx: ArticleAnalysis) -> list[Quantity]:
    """Every quantity of the title and body, in text order."""
    found: list[Quantity] = []
    for field_name, doc in ctx.docs:
        found.extend(_quantities_of(field_name, doc))
    return found


def _quantities_of(field_name: str, doc: Doc) -> list[Quantity]:
    found: list[Quantity] = []
    next_free = 0
    for i in _number_candidates(doc):
        if i < next_free:
            continue
        token = doc[i]
        if not _is_number(token) or (_is_date_part(token) and duration_unit(doc, i + 1) is None) or _is_label(token):
            continue
        end = i + 1
        while end < len(doc) and _scale_word(doc, end):
            end += 1
        if end == i + 1 and _hyphenated_scale(doc, end):
            end += 2  # "$38-million": one figure, not a range from 38 to a million
        quantity = _build(field_name, doc, i, end)
        if quantity is not None:
            found.append(quantity)
        next_free = end
    return _resolve_families(doc, found)


def _resolve_families(doc: Doc, found: list[Quantity]) -> list[Quantity]:
    """"3 million Kenyan shillings ... the 2 million shilling prize": a currency word of several countries
    alone is the one of its family the text names in full, when it names exactly one."""
    units = {q.unit for q in found if q.unit}
    if not units:
        return found
    out = []
    for q in found:
        after = doc[q.tokens[1]] if q.unit is None and q.tokens[1] < len(doc) else None
        codes = family(after.lemma_.lower()) if after is not None and after.is_alpha else []
        named = [code for code in codes if code in units]
        out.append(replace(q, unit=named[0]) if len(codes) > 1 and len(named) == 1 else q)
    return out


def _scale_word(doc: Doc, i: int) -> bool:
    """A scale word after a number: "million", "bn"; or a short scale that took the sentence's full stop,
    "£125m." (the tokenizer reads "m." as an abbreviation), written against the number."""
    token = doc[i]
    if token.lower_ in SCALES:
        return True
    return token.text.endswith(".") and token.lower_[:-1] in SCALES and len(token) <= 3 and i > 0 \
        and not doc[i - 1].whitespace_ and doc[i - 1].text[-1:].isdigit()


def _hyphenated_scale(doc: Doc, i: int) -> bool:
    """A hyphen written tight between a figure and its scale word, as Canadian and Indian papers write
    "$38-million" and "2.5-billion": the tokenizer splits it, and the range reading would take it for 38-1e6."""
    return i + 1 < len(doc) and doc[i].text in ("-", "–") and not doc[i - 1].whitespace_ \
        and not doc[i].whitespace_ and doc[i + 1].lower_ in SCALES and doc[i - 1].text[-1:].isdigit()


def _scale_of(word: str) -> float | None:
    """The factor of a scale word, with a full stop the tokenizer left on it ("m.")."""
    return SCALES.get(word) or SCALES.get(word[:-1]) if word.endswith(".") else SCALES.get(word)


def _is_number(token: Token) -> bool:
    if token.ent_type_ == "ORDINAL" and not (token.i and sign_before(token.doc[token.i - 1].text)):
        return False  # not "₦40bn", which the tagger may call an ordinal
    if not token.text[:1].isdigit() and glued(token.text) is not None:
        return _glued_money(token)
    if token.tag_ == "CD" or token.like_num or token.text[:1].isdigit():
        return number_value(token.text) is not None or token.lower_ in SCALES
    return token.lower_ in _UNITS and token.lower_ not in ("a", "an") and token.pos_ == "NUM"


_LABEL_WORDS = frozenset({"no.", "no", "nos.", "nr.", "nº", "#", "number"})


def _is_label(token: Token) -> bool:
    """A number that names, not counts: "Sindicato No. 2", "Platform #4", "Number 10", "the 13in model"."""
    if token.i == 0 or not token.text[:1].isdigit():
        return False
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if nxt is not None and not token.whitespace_ and nxt.lower_ == "in" and (
            nxt.whitespace_ or nxt.i + 1 == len(token.doc) or token.doc[nxt.i + 1].is_punct):
        return True  # "the 11in MacBook Air": a model's screen size, read by the tokenizer as "11" + "in"
    before = token.doc[token.i - 1]
    if before.text == "." and token.i >= 2 and token.doc[token.i - 2].text in ("No", "Nos", "Nr"):
        return True  # the tokenizer may split "No." into "No" and "."
    if before.lower_ in _LABEL_WORDS and (before.text[:1].isupper() or before.text in ("#", "nº")):
        return True
    return _numbered_name(token, before)


def _numbered_name(token: Token, before: Token) -> bool:
    """A number written after the capitalised noun it numbers, the parse's `nummod` of that noun:
    "Game 7", "Stage 5", "Category 4", "Article 50", "Flight 370". A count comes before its noun
    ("seven games"), so one after it names a game, a stage, a storm's class. Not where the noun is
    the sentence's root, which in a headline is its verb ("Police Arrest 14"), nor a name the model
    knows, a plural ("Jets 5, Rangers 2" is a score), a month or a unit."""
    if not token.text.isdigit() or len(token.text) > 4 or token.dep_ != "nummod" or token.head.i != before.i:
        return False
    if not (before.is_alpha and before.text[:1].isupper() and before.tag_ in ("NN", "NNP")):
        return False  # singular: "Rangers 2" in a score line is a team's goals
    lower = before.lower_
    return before.dep_ != "ROOT" and before.ent_type_ not in ("ORG", "GPE", "PERSON", "NORP", "LOC", "FAC") \
        and lower != "age" and lower not in CURRENCIES and sign_before(lower) is None and lower not in SCALES and lower not in MONTHS and lower not in WEEKDAYS


def _is_date_part(token: Token) -> bool:
    """Years, days of months and clock times are dates, not quantities."""
    if re.match(r"^(1[89]\d\d|20\d\d)$", token.text) and token.ent_type_ in ("DATE", ""):
        return True
    if token.ent_type_ in ("DATE", "TIME"):
        ent = entity_at(token)
        if ent is not None and any(_is_calendar_word(t) for t in ent):
            return True  # "July 20", "Monday 3": a day of a month
        if ent is not None and ent.label_ == "TIME":
            return True
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return nxt is not None and nxt.text in (":",) and token.i + 2 < len(token.doc) and token.nbor(2).is_digit


def duration_unit(doc: Doc, i: int) -> str | None:
    """The time unit at token i after a number: "seconds" in "1.8 seconds", "year" in "four-year"."""
    if i < len(doc) and doc[i].text in ("-", "–") and i + 1 < len(doc) and doc[i].idx == doc[i - 1].idx + len(doc[i - 1]):
        i += 1  # "17 - second" of "17-second"
    if i >= len(doc):
        return None
    word = doc[i].lower_
    word = _DURATION_PLURALS.get(word, word)
    return word if word in DURATION_UNITS else None


def _is_calendar_word(token: Token) -> bool:
    lower = token.text.rstrip(".").lower()
    return token.text[:1].isupper() and (lower in MONTHS or lower in WEEKDAYS or lower == "may")


def _build(field_name: str, doc: Doc, start: int, end: int) -> Quantity | None:
    tokens = doc[start:end]
    value = _group_value(tokens)
    if value is None:
        return None
    sent = sentence_of(doc[start])
    unit, start = _unit(doc, start, end)
    if unit is None and _race_distance(doc[start:end], sent):
        value, unit = value / 1e6, "metre"  # "Doha 200m in 19.78": a race's metres, not 200 million
    head_token = _syntactic_head(tokens)
    counted, counted_phrase, predicate, partitive = _counted(head_token)
    noun, verb, _ = _counted_tokens(head_token)
    if noun is not None and unit is not None and start <= noun.i < tokens.start:
        counted, counted_phrase, noun = None, None, None  # "KSh 2,000": the sign the figure hangs on is not counted
    if unit == "%":
        pct = doc[end] if end < len(doc) and doc[end].text == "%" else None
        if pct is not None:
            counted, counted_phrase, predicate, partitive = _counted(pct)
            noun, verb, _ = _counted_tokens(pct)
            end += 1
        elif end + 1 < len(doc) and doc[end].lower_ == "per" and doc[end + 1].lower_ in ("cent", "percent"):
            end += 2
        elif end < len(doc) and doc[end].lower_ == "percent":
            end += 1
    qualifiers, bound, approximate = _qualifiers(doc, start, end, tokens)
    change = _change_verb(head_token)
    if change:
        qualifiers = qualifiers | {f"{change} {head_token.head.lower_}"}
    is_range, is_score = _range_or_score(doc, start, end, sent)
    duration = duration_unit(doc, end) if unit is None else None
    span = doc[start:end]
    text, end_char = span.text, span.end_char
    if text.endswith(".") and doc[end - 1].lower_ not in SCALES and _scale_of(doc[end - 1].lower_):
        text, end_char = text[:-1], end_char - 1  # "£125m." ends a sentence: the stop is not the figure's
        if noun is not None and noun.i >= end:
            # the parser, taking "m." for an abbreviation, ran the next sentence on: its noun is not the one counted
            counted, counted_phrase, noun = None, None, None
    return Quantity(
        field=field_name, start=span.start_char, end=end_char, text=text, value=value, unit=unit,
        counted=counted, counted_phrase=counted_phrase, predicate=predicate, qualifiers=frozenset(qualifiers),
        bound=bound, approximate=approximate, change=change, range=is_range, score=is_score,
        partitive=partitive, tokens=(start, end), sentence=sent,
        counted_index=noun.i if noun is not None else None, predicate_index=verb.i if verb is not None else None,
        duration=duration,
    )


_RACE_DISTANCES = frozenset({50, 60, 100, 110, 200, 400, 800, 1500, 3000, 5000, 10000})
_RACE_WORDS = frozenset({"sprint", "sprinter", "hurdles", "relay", "freestyle", "backstroke", "breaststroke",
                         "butterfly", "medley", "dash", "steeplechase", "race", "heat", "athletics", "swim",
                         "swimming", "metres", "meters", "track", "final", "semi-final", "semifinal", "medal",
                         "medallist", "medalist", "olympic", "olympics", "championships"})


def _race_distance(figure: SpacySpan, sent: SpacySpan) -> bool:
    """"200m" with no currency is a race over 200 metres when it is a race's distance and the sentence
    is about racing or gives a time ("in 19.78"), as sport pages write it; else "m" is millions."""
    match = re.match(r"^(\d+)m$", figure.text)
    if match is None or int(match.group(1)) not in _RACE_DISTANCES:
        return False
    if any(t.lower_ in _RACE_WORDS or t.lemma_.lower() in _RACE_WORDS for t in sent):
        return True
    after = figure.doc[figure.end:min(figure.end + 4, sent.end)]
    return any(t.lower_ == "in" for t in after) and any(re.match(r"^\d+[.:]\d\d$", t.text) for t in after)


def _group_value(tokens: SpacySpan) -> float | None:
    value: float | None = None
    for token in tokens:
        if token.text in ("-", "–") and value is not None:
            continue  # the hyphen of "38-million"
        scale = _scale_of(token.lower_)
        if scale is not None and value is not None:
            value *= scale
            continue
        number = number_value(_figure_text(token))
        if number is None:
            return None
        value = number if value is None else value + number
    return value


def _unit(doc: Doc, start: int, end: int) -> tuple[str | None, int]:
    """The currency or percent unit, and the start index widened over a currency symbol. A currency is its
    ISO code however written: "HK$38m", "HK $38m" and "38 million Hong Kong dollars" are all "HKD"."""
    first = glued(doc[start].text) if not doc[start].text[:1].isdigit() else None
    if first is not None:
        return first[0], start
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.lower_ in CURRENCIES and before.tag_ in ("$", "NNP", "NN", "NFP", "SYM"):
        prefix = doc[before.i - 1] if before.i > 0 else None
        if prefix is not None and prefix.idx + len(prefix) == before.idx and sign_before(prefix.lower_ + before.text):
            return sign_before(prefix.lower_ + before.text), start - 2  # "HK" + "$"
        return CURRENCIES[before.lower_], start - 1
    if before is not None and sign_before(before.text) is not None:
        return sign_before(before.text), start - 1  # "Rs 500", "KSh 2,000", "A$", "₦"
    after = doc[end] if end < len(doc) else None
    if after is not None and after.is_alpha:
        words = [t.lemma_.lower() for t in doc[end:min(len(doc), end + 4)]]
        named = named_after(words) if after.lemma_.lower() not in CURRENCIES else None
        if named is not None:
            return named[0], start  # "38 million Hong Kong dollars", "5 billion naira"
    if after is not None:
        if after.text == "%" or after.lower_ == "percent":
            return "%", start
        if after.lower_ == "per" and end + 1 < len(doc) and doc[end + 1].lower_ == "cent":
            return "%", start
        if after.lemma_.lower() in CURRENCIES and after.is_alpha:
            return CURRENCIES[after.lemma_.lower()], start
        if after.lower_ == "won" and doc[end - 1].lower_ in SCALES:
            return "KRW", start  # "61.3 billion won": the tagger reads the currency as the verb "win"
    return None, start


def _syntactic_head(tokens: SpacySpan) -> Token:
    """The token of the group whose head lies outside it ("million" in "1.2 million")."""
    for token in tokens:
        if not (tokens.start <= token.head.i < tokens.end) or token.head is token:
            return token
    return tokens[-1]


_GENERIC_COUNTED = {"people", "person", "%", "percent"}


def _counted(token: Token) -> tuple[str | None, str | None, str | None, bool]:
    """(counted noun lemma, noun with compounds, governing verb lemma, partitive?) for a number token."""
    noun, verb, partitive = _counted_tokens(token)
    if noun is not None:
        phrase = " ".join([c.lower_ for c in noun.children if c.dep_ == "compound" and c.i < noun.i] + [noun.lemma_.lower()])
        return noun.lemma_.lower(), phrase, verb.lemma_.lower() if verb else None, partitive
    return None, None, verb.lemma_.lower() if verb else None, partitive


def _counted_tokens(token: Token) -> tuple[Token | None, Token | None, bool]:
    """(counted noun, governing verb, partitive?) tokens for a number token."""
    partitive = any(c.dep_ == "prep" and c.lower_ in ("of", "among") for c in token.children)
    head = token.head
    noun: Token | None = None
    if token.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and head is not token and head.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "SYM") :
        noun = head
    elif token.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN"):
        noun = head.head  # "a death toll of 12"
    if noun is not None:
        verb = noun.head if noun.head.pos_ in ("VERB", "AUX") and noun.dep_ in ("nsubj", "nsubjpass", "dobj") else None
        return noun, verb, partitive
    verb = head if head.pos_ in ("VERB", "AUX", "ADJ") and token.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") else None
    return None, verb, partitive


def _qualifiers(doc: Doc, start: int, end: int, tokens: SpacySpan) -> tuple[set[str], Literal["upper", "lower"] | None, bool]:
    found: set[str] = set()
    bound: Literal["upper", "lower"] | None = None
    approximate = False
    sent_start = sentence_of(doc[start]).start
    before = [t.lower_ for t in doc[max(sent_start, start - 3):start]]
    for size in (3, 2, 1):
        phrase = " ".join(before[-size:]) if len(before) >= size else ""
        if phrase in BOUND_PHRASES:
            found.add(phrase)
            bound = BOUND_PHRASES[phrase]  # type: ignore[assignment]
            break
    if before and before[-1] in APPROX_WORDS:
        found.add(before[-1])
        approximate = True
    if len(before) >= 2 and before[-2] in APPROX_WORDS and before[-1] in ("an", "a", "to"):
        found.add(before[-2])
        approximate = True
    for token in tokens:
        for child in token.children:
            if child.dep_ in ("quantmod", "advmod") and child.lower_ in APPROX_WORDS:
                found.add(child.lower_)
                approximate = True
    after = [t.lower_ for t in doc[end:min(len(doc), end + 2)]]
    if after[:2] == ["or", "more"] or after[:1] in (["plus"], ["+"]):
        found.add("or more")
        bound = "lower"
    if after[:1] == ["odd"] or after[:2] == ["or", "so"]:
        found.add("or so")
        approximate = True
    return found, bound, approximate


def _change_verb(token: Token) -> str | None:
    """"rose to 15" / "from 12": the change verb when the number is its target or source."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in ("to", "from", "by") and head.head.lemma_.lower() in CHANGE_VERBS:
        return head.head.lemma_.lower()
    if token.dep_ in ("dobj", "npadvmod") and head.lemma_.lower() in CHANGE_VERBS:
        return head.lemma_.lower()
    return None


def _range_or_score(doc: Doc, start: int, end: int, sent: SpacySpan) -> tuple[bool, bool]:
    """Whether the number is one end of "10-15" / "10 to 15" / "between 10 and 15", or a score "3-1"."""
    text = doc[start:end].text
    if re.match(r"^\d+[-–]\d+$", text):
        return True, _sporty(sent)
    joined = False
    if end + 1 < len(doc) and doc[end].text in ("-", "–", "to", "/") and _is_number(doc[end + 1]):
        # "12 percent to 318 million": a change and its level, not a range of percentages
        joined = not (doc[end - 1].lower_ in ("%", "percent", "cent") and not any(
            t.lower_ in ("%", "percent", "per") for t in doc[end + 1:min(len(doc), end + 4)]))
    if start >= 2 and doc[start - 1].text in ("-", "–", "to", "/", "and") and _is_number(doc[start - 2]):
        joined = doc[start - 1].text != "and" or (start >= 3 and doc[start - 3].lower_ == "between")
    if end + 1 < len(doc) and doc[end].lower_ == "and" and start >= 1 and doc[start - 1].lower_ == "between":
        joined = True
    return joined, joined and _sporty(sent)


def _sporty(sent: SpacySpan) -> bool:
    return any(t.lemma_.lower() in _SPORT_WORDS or t.lower_ in _SPORT_WORDS for t in sent)
